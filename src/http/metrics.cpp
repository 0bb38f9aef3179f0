#include "http/metrics.hpp"

#include <charconv>
#include <chrono>
#include <cmath>

#include "core/gauges.hpp"
#include "http/api_support.hpp"
#include "http/problem.hpp"

namespace tb::http {

namespace {

constexpr const char* kUnmatched = "(unmatched)";
constexpr const char* kStatic = "(static)";
constexpr const char* kMetricsPath = "/metrics";
constexpr std::array<const char*, 8> kMethods = {"GET",   "HEAD",   "POST",    "PUT",
                                                 "PATCH", "DELETE", "OPTIONS", "OTHER"};

std::string_view KnownMethod(std::string_view method) {
  for (const char* m : kMethods) {
    if (method == m) return m;
  }
  return "OTHER";
}

// Shortest text that reads back as the same double; +Inf, -Inf, NaN as the format spells them.
std::string Number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

void Family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  // HELP text escapes only backslash and line feed.
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

using Labels = std::vector<std::pair<std::string, std::string>>;

void Sample(std::string& out, std::string_view name, const Labels& labels, double value) {
  out += name;
  if (!labels.empty()) {
    out += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (i) out += ',';
      out += labels[i].first;
      out += "=\"";
      out += EscapeLabelValue(labels[i].second);
      out += '"';
    }
    out += '}';
  }
  out += ' ';
  out += Number(value);
  out += '\n';
}

double Load(const std::atomic<std::uint64_t>& a) {
  return static_cast<double>(a.load(std::memory_order_relaxed));
}

}  // namespace

MetricsAuthenticator AccountAuthenticator(std::shared_ptr<auth::AccountService> accounts) {
  return [accounts](const Request& req) -> Result<auth::Caller> {
    TB_TRY(auth::Authenticated who, api::Authenticate(*accounts, req));
    return who.caller;
  };
}

bool IsLoopback(std::string_view address) {
  if (address.starts_with("::ffff:")) address.remove_prefix(7);
  if (address.starts_with('[') && address.ends_with(']')) {
    address = address.substr(1, address.size() - 2);
  }
  return address.starts_with("127.") || address == "::1";
}

std::string EscapeLabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

Metrics::Metrics(const Router& router, MetricsSources sources) : sources_(std::move(sources)) {
  start_time_ =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  for (const Route& r : router.routes()) AddSeries(r.pattern, r.method);
  for (const char* pseudo : {kMetricsPath, kStatic, kUnmatched}) {
    for (const char* m : kMethods) AddSeries(pseudo, m);
  }
}

void Metrics::AddSeries(const std::string& route, const std::string& method) {
  std::string key = method + " " + route;
  if (by_key_.contains(key)) return;
  auto s = std::make_unique<Series>();
  s->route = route;
  s->method = method;
  by_key_.emplace(std::move(key), s.get());
  series_.push_back(std::move(s));
}

Metrics::Series& Metrics::Find(std::string_view route, std::string_view method) {
  std::string key(KnownMethod(method));
  key += ' ';
  key += route.empty() ? kUnmatched : route;
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return *it->second;
  // A route the table did not have when the server started (not expected): unmatched.
  return *by_key_.at(std::string(KnownMethod(method)) + " " + kUnmatched);
}

void Metrics::Record(std::string_view route, std::string_view method, int status, double seconds) {
  Series& s = Find(route, method);
  int cls = status / 100;
  if (cls >= 1 && cls <= 5) s.by_class[cls - 1].fetch_add(1, std::memory_order_relaxed);
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;
  s.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  s.sum_nanos.fetch_add(static_cast<std::uint64_t>(std::max(0.0, seconds) * 1e9),
                        std::memory_order_relaxed);
}

std::string Metrics::Render() const {
  std::string out;
  out.reserve(16 * 1024);

  Family(out, "tb_http_requests_total", "counter",
         "HTTP requests answered, by route template, method and status class.");
  for (const auto& s : series_) {
    for (int cls = 1; cls <= 5; ++cls) {
      double n = Load(s->by_class[cls - 1]);
      if (n == 0) continue;
      Sample(out, "tb_http_requests_total",
             {{"route", s->route}, {"method", s->method}, {"status", std::to_string(cls) + "xx"}},
             n);
    }
  }

  Family(out, "tb_http_request_duration_seconds", "histogram",
         "Time from reading a request to handing its response to the network, by route "
         "template and method.");
  for (const auto& s : series_) {
    std::array<double, kLatencyBuckets.size() + 1> counts{};
    double total = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      counts[i] = Load(s->buckets[i]);
      total += counts[i];
    }
    if (total == 0) continue;
    const std::string name = "tb_http_request_duration_seconds";
    double cumulative = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      cumulative += counts[i];
      double le = i < kLatencyBuckets.size() ? kLatencyBuckets[i] : INFINITY;
      Sample(out, name + "_bucket",
             {{"route", s->route}, {"method", s->method}, {"le", Number(le)}}, cumulative);
    }
    Sample(out, name + "_sum", {{"route", s->route}, {"method", s->method}},
           Load(s->sum_nanos) / 1e9);
    Sample(out, name + "_count", {{"route", s->route}, {"method", s->method}}, total);
  }

  Family(out, "tb_http_requests_in_flight", "gauge", "Requests being handled right now.");
  Sample(out, "tb_http_requests_in_flight", {},
         static_cast<double>(in_flight_.load(std::memory_order_relaxed)));

  Family(out, "process_start_time_seconds", "gauge",
         "Start time of the process since the Unix epoch, in seconds.");
  Sample(out, "process_start_time_seconds", {}, start_time_);

  Family(out, "tb_build_info", "gauge", "Version of the running build and its database backend.");
  Sample(out, "tb_build_info",
         {{"version", sources_.version},
          {"backend", sources_.db ? sources_.db->backend_name() : "none"}},
         1);

  if (sources_.db) {
    store::PoolStats pool = sources_.db->pool_stats();
    Family(out, "tb_db_pool_size", "gauge", "Sessions in the database session pool.");
    Sample(out, "tb_db_pool_size", {}, static_cast<double>(pool.size));
    Family(out, "tb_db_pool_in_use", "gauge", "Database sessions checked out right now.");
    Sample(out, "tb_db_pool_in_use", {}, static_cast<double>(pool.in_use));
    Family(out, "tb_db_pool_waits_total", "counter",
           "Checkouts that found every database session busy and waited.");
    Sample(out, "tb_db_pool_waits_total", {}, static_cast<double>(pool.waits));
    Family(out, "tb_db_pool_wait_seconds_total", "counter",
           "Total time spent waiting for a free database session.");
    Sample(out, "tb_db_pool_wait_seconds_total", {}, pool.wait_seconds);
    Family(out, "tb_db_reconnects_total", "counter",
           "Broken database connections reopened (e.g. after a PostgreSQL restart).");
    Sample(out, "tb_db_reconnects_total", {}, static_cast<double>(pool.reconnects));
    Family(out, "tb_db_read_retries_total", "counter",
           "Read transactions run again after their connection broke.");
    Sample(out, "tb_db_read_retries_total", {}, static_cast<double>(pool.retried_reads));
  }

  // Gauges of other modules (core/gauges.hpp), grouped by name.
  std::string last;
  for (const auto& g : core::ReadGauges()) {
    if (g.name != last) Family(out, g.name, "gauge", g.help);
    last = g.name;
    Sample(out, g.name, Labels(g.labels.begin(), g.labels.end()), g.value);
  }
  return out;
}

Response Metrics::Serve(const Request& req) const {
  bool proxied =
      req.Header("x-forwarded-for") || req.Header("forwarded") || req.Header("x-real-ip");
  if (proxied || !IsLoopback(req.remote_address)) {
    if (!sources_.authenticate ||
        (!req.Header("authorization") && !api::SessionCookie(req).has_value())) {
      return Problem(Error::Unauthenticated(
                         "GET /metrics answers direct connections from this machine; others "
                         "need a platform administrator's API token (Authorization: Bearer …)"),
                     req.request_id);
    }
    auto who = sources_.authenticate(req);
    if (!who.ok()) return Problem(who.error(), req.request_id);
    if (!who->Is(auth::Role::kPlatformAdmin)) {
      return Problem(Error::Forbidden("only a platform administrator may read /metrics"),
                     req.request_id);
    }
  }
  Response r{200, "text/plain; version=0.0.4; charset=utf-8", Render(), {}};
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace tb::http
