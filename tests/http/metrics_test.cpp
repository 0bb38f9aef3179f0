// GET /metrics (DESIGN §6): the Prometheus text exposition format, checked line by line by a
// small parser; counters keyed by route template; the access rule (loopback without a proxy,
// else a platform administrator); and against the real server on SQLite and PostgreSQL, that
// requests move the counters of their route template by exactly their number.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/gauges.hpp"
#include "http/metrics.hpp"
#include "http/server.hpp"
#include "testing/server_process.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using http::Metrics;
using http::Request;
using http::Response;
using nlohmann::json;
using ::testing::HasSubstr;

// ---- a parser of the text exposition format (version 0.0.4) ------------------------------------

struct ParsedSample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct Exposition {
  std::vector<ParsedSample> samples;
  std::map<std::string, std::string> types;  // family -> counter | gauge | histogram | ...
  std::map<std::string, std::string> help;
  std::vector<std::string> errors;  // grammar violations, "line N: what"

  // The value of the sample `name` whose labels include `labels`; nullopt when absent.
  std::optional<double> Value(const std::string& name,
                              const std::map<std::string, std::string>& labels = {}) const {
    for (const auto& s : samples) {
      if (s.name != name) continue;
      bool all = true;
      for (const auto& [k, v] : labels) {
        auto it = s.labels.find(k);
        all = all && it != s.labels.end() && it->second == v;
      }
      if (all) return s.value;
    }
    return std::nullopt;
  }
  double ValueOr0(const std::string& name, const std::map<std::string, std::string>& labels) const {
    return Value(name, labels).value_or(0);
  }
};

// The family a sample belongs to: histogram samples carry _bucket, _sum, _count suffixes.
std::string FamilyOf(const std::string& sample, const std::map<std::string, std::string>& types) {
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    std::string s(suffix);
    if (sample.size() > s.size() && sample.ends_with(s)) {
      std::string base = sample.substr(0, sample.size() - s.size());
      auto it = types.find(base);
      if (it != types.end() && (it->second == "histogram" || it->second == "summary")) return base;
    }
  }
  return sample;
}

// Parses `text`, recording every deviation from the format's grammar and rules in errors.
Exposition ParseExposition(const std::string& text) {
  static const std::regex kName("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static const std::regex kLabelName("[a-zA-Z_][a-zA-Z0-9_]*");
  static const std::regex kHelp("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");
  static const std::regex kType(
      "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
  static const std::regex kValue(R"([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]Inf|NaN)");
  Exposition out;
  std::set<std::string> finished;  // families whose block has ended (no interleaving)
  std::string current;             // family of the block being read
  if (text.empty() || text.back() != '\n') out.errors.push_back("does not end with a line feed");
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    auto fail = [&](const std::string& what) {
      out.errors.push_back("line " + std::to_string(line_no) + ": " + what + ": " + line);
    };
    auto enter = [&](const std::string& family) {
      if (family == current) return;
      if (finished.count(family)) fail("family " + family + " appears in two blocks");
      if (!current.empty()) finished.insert(current);
      current = family;
    };
    std::smatch m;
    if (line.empty()) continue;
    if (line.starts_with("# HELP ")) {
      if (!std::regex_match(line, m, kHelp)) {
        fail("malformed HELP");
        continue;
      }
      enter(m[1]);
      if (out.help.count(m[1])) fail("second HELP");
      out.help[m[1]] = m[2];
      continue;
    }
    if (line.starts_with("# TYPE ")) {
      if (!std::regex_match(line, m, kType)) {
        fail("malformed TYPE");
        continue;
      }
      enter(m[1]);
      if (out.types.count(m[1])) fail("second TYPE");
      out.types[m[1]] = m[2];
      continue;
    }
    if (line.starts_with('#')) continue;  // a comment

    // name [ "{" label="value" { "," label="value" } [","] "}" ] " " value
    ParsedSample s;
    std::size_t i = 0;
    while (i < line.size() && line[i] != '{' && line[i] != ' ') ++i;
    s.name = line.substr(0, i);
    if (!std::regex_match(s.name, kName)) {
      fail("bad metric name");
      continue;
    }
    bool ok = true;
    if (i < line.size() && line[i] == '{') {
      ++i;
      while (ok && i < line.size() && line[i] != '}') {
        std::size_t eq = line.find('=', i);
        if (eq == std::string::npos) {
          ok = false;
          break;
        }
        std::string label = line.substr(i, eq - i);
        if (!std::regex_match(label, kLabelName) || eq + 1 >= line.size() || line[eq + 1] != '"') {
          ok = false;
          break;
        }
        std::string value;
        std::size_t j = eq + 2;
        for (; j < line.size() && line[j] != '"'; ++j) {
          if (line[j] == '\\') {
            if (j + 1 >= line.size()) {
              ok = false;
              break;
            }
            char e = line[++j];
            if (e == '\\') {
              value += '\\';
            } else if (e == '"') {
              value += '"';
            } else if (e == 'n') {
              value += '\n';
            } else {
              ok = false;  // no other escapes exist
              break;
            }
          } else {
            value += line[j];
          }
        }
        if (!ok || j >= line.size()) {
          ok = false;
          break;
        }
        if (s.labels.count(label)) fail("label " + label + " twice");
        s.labels[label] = value;
        i = j + 1;
        if (i < line.size() && line[i] == ',') ++i;
      }
      if (!ok || i >= line.size()) {
        fail("malformed labels");
        continue;
      }
      ++i;  // '}'
    }
    if (i >= line.size() || line[i] != ' ') {
      fail("no space before the value");
      continue;
    }
    std::string value = line.substr(i + 1);
    if (auto sp = value.find(' '); sp != std::string::npos) {
      std::string stamp = value.substr(sp + 1);
      value = value.substr(0, sp);
      if (!std::regex_match(stamp, std::regex("-?\\d+"))) fail("bad timestamp");
    }
    if (!std::regex_match(value, kValue)) {
      fail("bad value");
      continue;
    }
    s.value = value == "+Inf"   ? INFINITY
              : value == "-Inf" ? -INFINITY
              : value == "NaN"  ? NAN
                                : std::stod(value);
    std::string family = FamilyOf(s.name, out.types);
    if (!out.types.count(family)) fail("sample before (or without) its TYPE line");
    enter(family);
    out.samples.push_back(std::move(s));
  }

  // Histograms: buckets cumulative in increasing le, ending at +Inf equal to _count.
  for (const auto& [family, type] : out.types) {
    if (type != "histogram") continue;
    std::map<std::map<std::string, std::string>, std::vector<std::pair<double, double>>> buckets;
    for (const auto& s : out.samples) {
      if (s.name != family + "_bucket") continue;
      auto labels = s.labels;
      if (!labels.count("le")) {
        out.errors.push_back(family + ": bucket without le");
        continue;
      }
      std::string le = labels["le"];
      labels.erase("le");
      buckets[labels].push_back({le == "+Inf" ? INFINITY : std::stod(le), s.value});
    }
    for (const auto& [labels, list] : buckets) {
      for (std::size_t k = 1; k < list.size(); ++k) {
        if (!(list[k].first > list[k - 1].first) || list[k].second < list[k - 1].second) {
          out.errors.push_back(family + ": buckets not increasing and cumulative");
        }
      }
      if (list.empty() || !std::isinf(list.back().first)) {
        out.errors.push_back(family + ": no +Inf bucket");
        continue;
      }
      auto count = out.Value(family + "_count", labels);
      if (!count || *count != list.back().second) {
        out.errors.push_back(family + ": _count differs from the +Inf bucket");
      }
      if (!out.Value(family + "_sum", labels)) out.errors.push_back(family + ": no _sum");
    }
  }
  return out;
}

// ---- the parser itself, so that the checks below can fail --------------------------------------

TEST(ExpositionParser, FindsGrammarViolations) {
  EXPECT_TRUE(ParseExposition("# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\"} 2\n")
                  .errors.empty());
  EXPECT_FALSE(ParseExposition("a_total 1\n").errors.empty());  // no TYPE
  EXPECT_FALSE(ParseExposition("# TYPE a gauge\na{x=\"unterminated} 1\n").errors.empty());
  EXPECT_FALSE(ParseExposition("# TYPE a gauge\na{x=\"bad\\t\"} 1\n").errors.empty());
  EXPECT_FALSE(ParseExposition("# TYPE a gauge\na{x=\"1\"} one\n").errors.empty());
  EXPECT_FALSE(ParseExposition("# TYPE a gauge\n# TYPE b gauge\nb 1\na 2\n").errors.empty());
  EXPECT_FALSE(ParseExposition("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} "
                               "1\nh_sum 1\nh_count 1\n")
                   .errors.empty());
}

// ---- unit tests without the network ------------------------------------------------------------

http::Router TwoRoutes() {
  http::Router router;
  router.Add(
      "GET", "/api/v1/things/{id}",
      [](Request& req) { return Response::Json(req.path_params["id"] == "404" ? 404 : 200, "{}"); },
      {});
  router.Add("POST", "/api/v1/things", [](Request&) { return Response::Json(201, "{}"); }, {});
  return router;
}

Response Send(const http::Router& router, const http::ServerOptions& options, std::string method,
              std::string path, std::string remote = "127.0.0.1",
              std::map<std::string, std::string> headers = {}) {
  Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  req.remote_address = std::move(remote);
  req.headers = std::move(headers);
  req.request_id = "test";
  Response r = http::Dispatch(router, req, options);
  options.metrics->Record(req.route, req.method, r.status, 0.003);
  return r;
}

TEST(Metrics, CountsByRouteTemplateMethodAndStatusClass) {
  http::Router router = TwoRoutes();
  http::ServerOptions options;
  options.metrics = std::make_shared<Metrics>(router, http::MetricsSources{"9.9.9", nullptr, {}});
  for (const char* id : {"1", "2", "3", "404"})
    Send(router, options, "GET", "/api/v1/things/" + std::string(id));
  Send(router, options, "POST", "/api/v1/things");
  Send(router, options, "GET", "/nowhere/a");
  Send(router, options, "GET", "/nowhere/b");
  Send(router, options, "BREW", "/nowhere/c");

  Exposition e = ParseExposition(options.metrics->Render());
  ASSERT_THAT(e.errors, ::testing::IsEmpty()) << options.metrics->Render();
  const std::string item = "/api/v1/things/{id}";
  EXPECT_EQ(
      e.ValueOr0("tb_http_requests_total", {{"route", item}, {"method", "GET"}, {"status", "2xx"}}),
      3);
  EXPECT_EQ(
      e.ValueOr0("tb_http_requests_total", {{"route", item}, {"method", "GET"}, {"status", "4xx"}}),
      1);
  EXPECT_EQ(e.ValueOr0("tb_http_requests_total",
                       {{"route", "/api/v1/things"}, {"method", "POST"}, {"status", "2xx"}}),
            1);
  // Raw paths never become labels: unmatched requests share one series per method.
  EXPECT_EQ(e.ValueOr0("tb_http_requests_total",
                       {{"route", "(unmatched)"}, {"method", "GET"}, {"status", "4xx"}}),
            2);
  EXPECT_EQ(e.ValueOr0("tb_http_requests_total",
                       {{"route", "(unmatched)"}, {"method", "OTHER"}, {"status", "4xx"}}),
            1);
  for (const auto& s : e.samples) {
    if (s.labels.count("route")) {
      EXPECT_THAT(s.labels.at("route"), ::testing::Not(HasSubstr("nowhere")));
    }
  }
  // The histogram: 4 requests of 3 ms, in the 5 ms bucket and not in the 2.5 ms one.
  EXPECT_EQ(
      e.ValueOr0("tb_http_request_duration_seconds_count", {{"route", item}, {"method", "GET"}}),
      4);
  EXPECT_EQ(e.ValueOr0("tb_http_request_duration_seconds_bucket",
                       {{"route", item}, {"method", "GET"}, {"le", "0.0025"}}),
            0);
  EXPECT_EQ(e.ValueOr0("tb_http_request_duration_seconds_bucket",
                       {{"route", item}, {"method", "GET"}, {"le", "0.005"}}),
            4);
  EXPECT_NEAR(
      e.ValueOr0("tb_http_request_duration_seconds_sum", {{"route", item}, {"method", "GET"}}),
      0.012, 1e-6);
  EXPECT_EQ(e.Value("tb_build_info", {{"version", "9.9.9"}}), 1);
  EXPECT_TRUE(e.Value("process_start_time_seconds").has_value());
  EXPECT_EQ(e.Value("tb_http_requests_in_flight"), 0);
  EXPECT_EQ(e.types["tb_http_requests_total"], "counter");
  EXPECT_EQ(e.types["tb_http_request_duration_seconds"], "histogram");
}

TEST(Metrics, EscapesLabelValues) {
  EXPECT_EQ(http::EscapeLabelValue("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
  auto gauge = core::RegisterGauge("tb_test_escaped", "A gauge with an awkward label.",
                                   [] { return 2.5; }, {{"what", "quote \" slash \\ line\nend"}});
  ASSERT_TRUE(gauge.ok()) << gauge.error().message;
  http::Router router;
  Metrics metrics(router, {"1", nullptr, {}});
  Exposition e = ParseExposition(metrics.Render());
  ASSERT_THAT(e.errors, ::testing::IsEmpty()) << metrics.Render();
  EXPECT_EQ(e.Value("tb_test_escaped", {{"what", "quote \" slash \\ line\nend"}}), 2.5);
  EXPECT_EQ(e.types["tb_test_escaped"], "gauge");
}

TEST(Metrics, ExposesRegisteredGaugesUntilTheirHandleIsGone) {
  http::Router router;
  Metrics metrics(router, {"1", nullptr, {}});
  {
    auto posts =
        core::RegisterGauge("tb_test_index_posts", "Posts in the index.", [] { return 42.0; });
    ASSERT_TRUE(posts.ok());
    EXPECT_EQ(ParseExposition(metrics.Render()).Value("tb_test_index_posts"), 42);
  }
  EXPECT_FALSE(ParseExposition(metrics.Render()).Value("tb_test_index_posts").has_value());
}

TEST(Metrics, ReportsTheDatabasePool) {
  auto db = TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(db, nullptr);
  http::Router router;
  Metrics metrics(router, {"1", db->db(), {}});
  Exposition e = ParseExposition(metrics.Render());
  ASSERT_THAT(e.errors, ::testing::IsEmpty());
  EXPECT_EQ(e.Value("tb_db_pool_size"), static_cast<double>(db->db()->pool_size()));
  EXPECT_EQ(e.Value("tb_db_pool_in_use"), 0);
  EXPECT_EQ(e.types["tb_db_pool_waits_total"], "counter");
  EXPECT_EQ(e.Value("tb_build_info", {{"backend", "sqlite"}}), 1);
}

TEST(Metrics, LoopbackAddresses) {
  for (const char* a : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "[::1]"}) {
    EXPECT_TRUE(http::IsLoopback(a)) << a;
  }
  for (const char* a :
       {"10.0.0.5", "192.168.1.1", "203.0.113.9", "::ffff:10.0.0.1", "fe80::1", "1270.0.0.1", ""}) {
    EXPECT_FALSE(http::IsLoopback(a)) << a;
  }
}

// The access rule, with a stand-in authenticator: "Bearer admin" is a platform admin,
// "Bearer staff" a unit staff member, anything else unknown.
TEST(Metrics, AnswersLoopbackAndPlatformAdminsOnly) {
  http::Router router = TwoRoutes();
  http::ServerOptions options;
  options.metrics = std::make_shared<Metrics>(
      router, http::MetricsSources{"1", nullptr, [](const Request& req) -> Result<auth::Caller> {
                                     auth::Caller c;
                                     auto authz = req.Header("authorization").value_or("");
                                     if (authz == "Bearer admin") {
                                       c.role = auth::Role::kPlatformAdmin;
                                     } else if (authz == "Bearer staff") {
                                       c.role = auth::Role::kUnitStaff;
                                     } else {
                                       return Error::Unauthenticated("unknown token");
                                     }
                                     return c;
                                   }});
  auto get = [&](std::string remote, std::map<std::string, std::string> headers = {}) {
    return Send(router, options, "GET", "/metrics", std::move(remote), std::move(headers));
  };
  EXPECT_EQ(get("127.0.0.1").status, 200);
  EXPECT_EQ(get("::1").status, 200);
  Response ok = get("127.0.0.1");
  EXPECT_THAT(ok.content_type, HasSubstr("text/plain; version=0.0.4"));
  // From elsewhere, or relayed by a proxy on this machine: a platform admin only.
  EXPECT_EQ(get("203.0.113.9").status, 401);
  EXPECT_EQ(get("203.0.113.9", {{"authorization", "Bearer nonsense"}}).status, 401);
  EXPECT_EQ(get("203.0.113.9", {{"authorization", "Bearer staff"}}).status, 403);
  EXPECT_EQ(get("203.0.113.9", {{"authorization", "Bearer admin"}}).status, 200);
  EXPECT_EQ(get("127.0.0.1", {{"x-forwarded-for", "203.0.113.9"}}).status, 401);
  EXPECT_EQ(get("127.0.0.1", {{"x-real-ip", "203.0.113.9"}}).status, 401);
  EXPECT_EQ(get("127.0.0.1", {{"forwarded", "for=203.0.113.9"}, {"authorization", "Bearer staff"}})
                .status,
            403);
  EXPECT_EQ(
      get("127.0.0.1", {{"x-forwarded-for", "203.0.113.9"}, {"authorization", "Bearer admin"}})
          .status,
      200);
  // Only GET.
  Response post = Send(router, options, "POST", "/metrics");
  EXPECT_EQ(post.status, 405);
  ASSERT_FALSE(post.headers.empty());
  EXPECT_EQ(post.headers[0], std::make_pair(std::string("Allow"), std::string("GET")));
  // Without metrics configured, /metrics is an unknown route like any other.
  http::ServerOptions plain;
  Request req;
  req.method = "GET";
  req.path = "/metrics";
  req.remote_address = "127.0.0.1";
  EXPECT_EQ(http::Dispatch(router, req, plain).status, 404);
}

// ---- against the real server -------------------------------------------------------------------

class MetricsServerTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  struct Shared {
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ServerProcess> server;
  };
  static std::map<store::Backend, Shared>& Servers() {
    static std::map<store::Backend, Shared> servers;
    return servers;
  }
  static void TearDownTestSuite() { Servers().clear(); }

  void SetUp() override {
    Shared& s = Servers()[GetParam()];
    if (!s.server) {
      s.db = TestDatabase::Create(GetParam());
      ASSERT_NE(s.db, nullptr);
      s.server = ServerProcess::Start(s.db->url(), {"--demo"});
      ASSERT_NE(s.server, nullptr) << "server did not start";
    }
    server_ = s.server.get();
  }

  Exposition Scrape() {
    auto r = HttpRequest(server_->port(), "GET", "/metrics");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_THAT(r.Header("content-type"), HasSubstr("text/plain; version=0.0.4"));
    Exposition e = ParseExposition(r.body);
    EXPECT_THAT(e.errors, ::testing::IsEmpty()) << r.body;
    return e;
  }

  // An API token of the demo user of `role`, made by the platform admin.
  std::string TokenOf(const std::string& role) {
    auto admin = server_->LoginAs("platform_admin");
    auto user = server_->LoginAs(role);
    if (!admin || !user) {
      ADD_FAILURE() << "cannot log in";
      return "";
    }
    auto created =
        server_->SendAs(*admin, "POST", "/api/v1/tokens",
                        json({{"user_id", user->user["id"]}, {"name", "metrics " + role}}).dump());
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json().value("token", "");
  }

  ServerProcess* server_ = nullptr;
};

TEST_P(MetricsServerTest, RequestsMoveTheirRouteTemplateCountersByExactlyTheirNumber) {
  const std::string route = "/api/v1/regions/{code}";
  auto admin = server_->LoginAs("platform_admin");
  ASSERT_TRUE(admin.has_value()) << server_->Output();
  auto count = [&](const Exposition& e, const char* status) {
    return e.ValueOr0("tb_http_requests_total",
                      {{"route", route}, {"method", "GET"}, {"status", status}});
  };
  auto histogram_count = [&](const Exposition& e) {
    return e.ValueOr0("tb_http_request_duration_seconds_count",
                      {{"route", route}, {"method", "GET"}});
  };

  Exposition before = Scrape();
  for (const char* code : {"210000", "210100", "210700"}) {
    auto r = server_->SendAs(*admin, "GET", std::string("/api/v1/regions/") + code);
    EXPECT_EQ(r.status, 200) << r.body;
  }
  auto missing = server_->SendAs(*admin, "GET", "/api/v1/regions/999999");
  EXPECT_EQ(missing.status, 404) << missing.body;
  auto anonymous = HttpRequest(server_->port(), "GET", "/api/v1/regions/210000");
  EXPECT_EQ(anonymous.status, 401);
  Exposition after = Scrape();

  EXPECT_EQ(count(after, "2xx") - count(before, "2xx"), 3);
  EXPECT_EQ(count(after, "4xx") - count(before, "4xx"), 2);
  EXPECT_EQ(count(after, "5xx") - count(before, "5xx"), 0);
  EXPECT_EQ(histogram_count(after) - histogram_count(before), 5);
  // No raw path became a label.
  for (const auto& s : after.samples) {
    if (s.labels.count("route")) {
      EXPECT_THAT(s.labels.at("route"), ::testing::Not(HasSubstr("210100")));
    }
  }
  // The first scrape is counted under /metrics by the time of the second.
  EXPECT_GE(after.ValueOr0("tb_http_requests_total",
                           {{"route", "/metrics"}, {"method", "GET"}, {"status", "2xx"}}),
            1);
  EXPECT_EQ(
      after.Value("tb_build_info",
                  {{"backend", GetParam() == store::Backend::kSqlite ? "sqlite" : "postgresql"}}),
      1);
  EXPECT_GE(after.ValueOr0("tb_db_pool_size", {}), 4);
  EXPECT_GE(after.ValueOr0("tb_http_requests_in_flight", {}), 1);  // the scrape itself
}

TEST_P(MetricsServerTest, ThroughAProxyOnlyAPlatformAdminMayRead) {
  std::string admin = TokenOf("platform_admin");
  std::string observer = TokenOf("observer");
  ASSERT_FALSE(admin.empty());
  ASSERT_FALSE(observer.empty());
  auto get = [&](std::map<std::string, std::string> headers) {
    headers["X-Forwarded-For"] = "203.0.113.9";
    return HttpRequest(server_->port(), "GET", "/metrics", "", headers);
  };
  auto anonymous = get({});
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  EXPECT_THAT(anonymous.Header("content-type"), HasSubstr("problem+json"));
  EXPECT_EQ(get({{"Authorization", "Bearer " + observer}}).status, 403);
  EXPECT_EQ(get({{"Authorization", "Bearer tbt_forged"}}).status, 401);
  auto ok = get({{"Authorization", "Bearer " + admin}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_THAT(ParseExposition(ok.body).errors, ::testing::IsEmpty());
  EXPECT_EQ(HttpRequest(server_->port(), "POST", "/metrics").status, 405);
}

INSTANTIATE_TEST_SUITE_P(Backends, MetricsServerTest, AllBackends(), BackendParamName());

}  // namespace
}  // namespace tb::testing
