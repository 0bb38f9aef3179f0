// Accounts and sessions against the real server, on SQLite and on PostgreSQL (issue #3,
// DESIGN §9): the session cookie and its CSRF token, logout, bad credentials and forged tokens,
// malformed logins, login throttling, user administration, API tokens, the audit trail, and
// that only a platform administrator may manage accounts, tokens and audit.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "testing/builders.hpp"
#include "testing/server_process.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;

constexpr char kPassword[] = "Correct-Horse-7731";  // meets the policy
constexpr const char* kOtherRoles[] = {"institution_admin", "unit_staff", "enterprise_recruiter",
                                       "student", "observer"};

// One database and one server (started with --demo) per backend for the whole suite, with the
// sessions of the demo users logged in once (logins are deliberately slow: argon2id). Tests
// that write use e-mails, names and codes of their own; the few failed logins they make stay
// well under the per-address limit (20 in 15 minutes).
struct Shared {
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<ServerProcess> server;
  std::map<std::string, ClientSession> sessions;  // by demo role
};
std::map<store::Backend, Shared>& SharedServers() {
  static std::map<store::Backend, Shared> servers;
  return servers;
}

// A number no other call in this process returns: for e-mails, names and credit codes.
int Serial() {
  static std::atomic<int> serial{1};
  return serial.fetch_add(1);
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(' ');
  auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The attributes of a Set-Cookie header after the name=value pair, lower-cased:
// {"httponly": "", "samesite": "strict", "path": "/", "max-age": "43200"}.
std::map<std::string, std::string> CookieAttributes(const std::string& set_cookie) {
  std::map<std::string, std::string> out;
  std::size_t pos = set_cookie.find(';');
  while (pos != std::string::npos) {
    std::size_t next = set_cookie.find(';', pos + 1);
    std::string item = Trim(
        set_cookie.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
    auto eq = item.find('=');
    out[Lower(Trim(item.substr(0, eq)))] =
        eq == std::string::npos ? "" : Lower(Trim(item.substr(eq + 1)));
    pos = next;
  }
  return out;
}

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SSZ" (0 when it is not one).
std::time_t ParseUtc(const std::string& ts) {
  std::tm tm{};
  if (ts.size() != 20 ||
      std::sscanf(ts.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

bool IsHex(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

// A problem document (RFC 9457) with this status.
void ExpectProblem(const HttpResponse& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
  json j = r.Json();
  ASSERT_TRUE(j.is_object()) << r.body;
  EXPECT_EQ(j.value("status", 0), status) << r.body;
  EXPECT_TRUE(j.contains("type") && j["type"].is_string()) << r.body;
  EXPECT_TRUE(j.contains("title") && j["title"].is_string()) << r.body;
  ASSERT_TRUE(j.contains("detail") && j["detail"].is_string()) << r.body;
  EXPECT_FALSE(j["detail"].get<std::string>().empty()) << r.body;
}

// The fields a 422 problem names.
std::set<std::string> FieldsOf(const HttpResponse& r) {
  std::set<std::string> out;
  json j = r.Json();
  if (!j.is_object() || !j.contains("errors")) return out;
  for (const auto& e : j["errors"]) out.insert(e.value("field", ""));
  return out;
}

json WithoutInstance(json j) {
  if (j.is_object()) j.erase("instance");
  return j;
}

class AuthTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  // The servers stop when the suite (both backends) is done, not at the end of the run, so
  // the suites of this executable do not all keep theirs running at once.
  static void TearDownTestSuite() { SharedServers().clear(); }

  void SetUp() override {
    Shared& s = SharedServers()[GetParam()];
    if (!s.server) {
      s.db = TestDatabase::Create(GetParam());
      ASSERT_NE(s.db, nullptr);
      s.server = ServerProcess::Start(s.db->url(), {"--demo"});
      ASSERT_NE(s.server, nullptr) << "server did not start";
      auto admin = s.server->LoginAs("platform_admin");
      ASSERT_TRUE(admin.has_value()) << s.server->Output();
      s.sessions["platform_admin"] = *admin;
      s.server->UseSession(admin);
    }
    shared_ = &s;
  }

  ServerProcess& server() const { return *shared_->server; }
  const ClientSession& admin() const { return shared_->sessions.at("platform_admin"); }

  // The session of a demo user, logged in on first use.
  const ClientSession& As(const std::string& role) {
    auto it = shared_->sessions.find(role);
    if (it == shared_->sessions.end()) {
      auto session = server().LoginAs(role);
      EXPECT_TRUE(session.has_value()) << role << "\n" << server().Output();
      it = shared_->sessions.emplace(role, session.value_or(ClientSession{})).first;
    }
    return it->second;
  }

  std::pair<std::string, std::string> DemoLogin(const std::string& role) const {
    return server().DemoLogins().at(role);
  }

  // A request with exactly these headers (no session unless given).
  HttpResponse Raw(const std::string& method, const std::string& target,
                   const std::string& body = "",
                   std::map<std::string, std::string> headers = {}) const {
    return HttpRequest(server().port(), method, target, body, std::move(headers));
  }

  HttpResponse LoginRequest(const std::string& email, const std::string& password,
                            std::map<std::string, std::string> headers = {}) const {
    headers.emplace("Content-Type", "application/json");
    return Raw("POST", "/api/v1/auth/login",
               json({{"email", email}, {"password", password}}).dump(), std::move(headers));
  }

  static std::string UniqueEmail(const std::string& what) {
    return what + "-" + std::to_string(Serial()) + "@auth.test.talentbridge.cn";
  }

  json FirstInstitution() {
    auto r = server().Get("/api/v1/institutions?limit=1");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"].at(0);
  }

  json UnitsOf(std::int64_t institution_id) {
    auto r =
        server().Get("/api/v1/units?limit=200&institution_id=" + std::to_string(institution_id));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"];
  }

  // Creates a user as the platform admin (asserting 201) and returns it.
  json CreateUser(json body) {
    if (!body.contains("password")) body["password"] = kPassword;
    auto r = server().Post("/api/v1/users", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }

  // A fresh institution_admin of the first institution.
  json CreateInstitutionAdmin(const std::string& what) {
    return CreateUser({{"email", UniqueEmail(what)},
                       {"role", "institution_admin"},
                       {"institution_id", FirstInstitution()["id"]}});
  }

  static json Enterprise(const std::string& name) {
    return {{"kind", "enterprise"},
            {"name", name},
            {"credit_code", CreditCode(static_cast<std::uint64_t>(5000 + Serial()))},
            {"region_code", "210100"},
            {"industry_code", "39"}};
  }

  std::size_t OrganizationsNamed(const std::string& name) {
    auto r = server().Get("/api/v1/organizations?limit=200&name=" + name);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"].size();
  }

  Shared* shared_ = nullptr;
};

// ---- sessions ---------------------------------------------------------------------------------

TEST_P(AuthTest, LoginSetsAStrictHttpOnlyCookieAndReturnsTheCsrfTokenAndUser) {
  auto [email, password] = DemoLogin("platform_admin");
  auto r = LoginRequest(email, password);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("cache-control"), "no-store");

  std::string set_cookie = r.Header("set-cookie");
  ASSERT_TRUE(set_cookie.starts_with("tb_session=")) << set_cookie;
  std::string token = set_cookie.substr(11, set_cookie.find(';') - 11);
  EXPECT_EQ(token.size(), 64u) << "a 256-bit random token, hex: " << set_cookie;
  EXPECT_TRUE(IsHex(token)) << set_cookie;
  auto attrs = CookieAttributes(set_cookie);
  EXPECT_TRUE(attrs.count("httponly")) << set_cookie;
  EXPECT_EQ(attrs["samesite"], "strict") << set_cookie;
  EXPECT_EQ(attrs["path"], "/") << set_cookie;
  EXPECT_FALSE(attrs.count("secure")) << "plain HTTP by default: " << set_cookie;
  EXPECT_EQ(attrs["max-age"], "43200") << "absolute expiry 12 h: " << set_cookie;

  json j = r.Json();
  ASSERT_TRUE(j["csrf_token"].is_string()) << r.body;
  std::string csrf = j["csrf_token"];
  EXPECT_GE(csrf.size(), 32u);
  EXPECT_NE(csrf, token);
  EXPECT_EQ(j["user"]["role"], "platform_admin");
  EXPECT_EQ(j["user"]["email"], email);
  EXPECT_GT(j["user"]["id"].get<int>(), 0);
  EXPECT_EQ(r.body.find(password), std::string::npos) << "the password is not echoed";
  // Absolute expiry: 12 hours from now.
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  auto expires = ParseUtc(j.value("expires_at", ""));
  EXPECT_NEAR(static_cast<double>(expires - now), 12 * 3600.0, 300.0) << r.body;

  // /auth/me answers the same user and the same CSRF token for that cookie.
  auto me = Raw("GET", "/api/v1/auth/me", "", {{"Cookie", "tb_session=" + token}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["csrf_token"], csrf) << me.body;
  EXPECT_EQ(me.Json()["user"], j["user"]);

  // Behind a TLS-terminating proxy the cookie is Secure.
  auto tls = LoginRequest(email, password, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(tls.status, 200) << tls.body;
  EXPECT_TRUE(CookieAttributes(tls.Header("set-cookie")).count("secure"))
      << tls.Header("set-cookie");
  EXPECT_TRUE(CookieAttributes(tls.Header("set-cookie")).count("httponly"));
}

TEST_P(AuthTest, WritesWithTheCookieNeedTheCsrfHeader) {
  const std::string name = "跨站检查" + std::to_string(Serial()) + "有限公司";
  const std::string body = Enterprise(name).dump();
  const std::string cookie = admin().cookie;

  auto without = Raw("POST", "/api/v1/organizations", body,
                     {{"Content-Type", "application/json"}, {"Cookie", cookie}});
  ExpectProblem(without, 403);
  EXPECT_NE(without.Json().value("detail", "").find("X-CSRF-Token"), std::string::npos)
      << without.body;
  auto wrong = Raw("POST", "/api/v1/organizations", body,
                   {{"Content-Type", "application/json"},
                    {"Cookie", cookie},
                    {"X-CSRF-Token", std::string(64, '0')}});
  ExpectProblem(wrong, 403);
  // Another session's token is just as wrong.
  auto other = server().LoginAs("platform_admin");
  ASSERT_TRUE(other.has_value());
  ASSERT_NE(other->csrf_token, admin().csrf_token);
  auto foreign = Raw("POST", "/api/v1/organizations", body,
                     {{"Content-Type", "application/json"},
                      {"Cookie", cookie},
                      {"X-CSRF-Token", other->csrf_token}});
  ExpectProblem(foreign, 403);
  EXPECT_EQ(OrganizationsNamed(name), 0u) << "a refused write created the organization";

  // Reads need no CSRF header; the right header lets the write through.
  EXPECT_EQ(Raw("GET", "/api/v1/organizations?limit=1", "", {{"Cookie", cookie}}).status, 200);
  auto created = server().Post("/api/v1/organizations", body);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = "/api/v1/organizations/" + std::to_string(created.Json()["id"].get<int>());

  // Updates and deletes are writes too.
  ExpectProblem(Raw("PATCH", path, R"({"size":"large"})",
                    {{"Content-Type", "application/json"}, {"Cookie", cookie}}),
                403);
  ExpectProblem(Raw("DELETE", path, "", {{"Cookie", cookie}, {"X-CSRF-Token", "nope"}}), 403);
  auto after = server().Get(path);
  ASSERT_EQ(after.status, 200) << "a refused DELETE removed the record: " << after.body;
  EXPECT_EQ(after.Json()["size"], created.Json()["size"]) << "a refused PATCH changed it";
}

TEST_P(AuthTest, LogoutEndsTheSession) {
  auto [email, password] = DemoLogin("platform_admin");
  auto session = server().Login(email, password);
  ASSERT_TRUE(session.has_value());
  ASSERT_EQ(server().SendAs(*session, "GET", "/api/v1/auth/me").status, 200);

  // Logging out is a write: without the CSRF header it is refused and the session lives on.
  ExpectProblem(Raw("POST", "/api/v1/auth/logout", "", {{"Cookie", session->cookie}}), 403);
  ASSERT_EQ(server().SendAs(*session, "GET", "/api/v1/auth/me").status, 200);

  auto out = server().SendAs(*session, "POST", "/api/v1/auth/logout");
  EXPECT_EQ(out.status, 204) << out.body;
  std::string cleared = out.Header("set-cookie");
  EXPECT_TRUE(cleared.starts_with("tb_session=;")) << cleared;
  EXPECT_EQ(CookieAttributes(cleared)["max-age"], "0") << cleared;

  ExpectProblem(server().SendAs(*session, "GET", "/api/v1/auth/me"), 401);
  const std::string name = "注销检查" + std::to_string(Serial()) + "有限公司";
  ExpectProblem(server().SendAs(*session, "POST", "/api/v1/organizations", Enterprise(name).dump()),
                401);
  EXPECT_EQ(OrganizationsNamed(name), 0u);
  // The other sessions of the same user are not affected.
  EXPECT_EQ(server().Get("/api/v1/auth/me").status, 200);
}

TEST_P(AuthTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  auto [email, password] = DemoLogin("student");
  auto wrong = LoginRequest(email, password + "-wrong");
  auto unknown = LoginRequest(UniqueEmail("nobody"), password);
  ExpectProblem(wrong, 401);
  ExpectProblem(unknown, 401);
  EXPECT_EQ(WithoutInstance(wrong.Json()), WithoutInstance(unknown.Json())) << wrong.body << "\n"
                                                                            << unknown.body;
  EXPECT_EQ(wrong.Header("content-type"), unknown.Header("content-type"));
  EXPECT_TRUE(wrong.Header("set-cookie").empty());
  EXPECT_TRUE(unknown.Header("set-cookie").empty());
  // An e-mail differing only in case is the same account.
  std::string upper = email;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto wrong_upper = LoginRequest(upper, password + "-wrong");
  EXPECT_EQ(WithoutInstance(wrong_upper.Json()), WithoutInstance(wrong.Json()));
}

TEST_P(AuthTest, ForgedCookiesAndTokensAre401Problems) {
  ExpectProblem(Raw("GET", "/api/v1/auth/me"), 401);
  ExpectProblem(Raw("GET", "/api/v1/students?limit=1"), 401);
  ExpectProblem(
      Raw("GET", "/api/v1/auth/me", "", {{"Cookie", "tb_session=" + std::string(64, 'a')}}), 401);
  ExpectProblem(Raw("GET", "/api/v1/auth/me", "", {{"Cookie", "tb_session="}}), 401);
  // A cookie of another name is no session.
  std::string value = admin().cookie.substr(admin().cookie.find('=') + 1);
  ExpectProblem(Raw("GET", "/api/v1/auth/me", "", {{"Cookie", "session=" + value}}), 401);
  ExpectProblem(
      Raw("GET", "/api/v1/auth/me", "", {{"Authorization", "Bearer tbt_" + std::string(64, 'f')}}),
      401);
  ExpectProblem(Raw("GET", "/api/v1/auth/me", "", {{"Authorization", "Bearer "}}), 401);
  ExpectProblem(Raw("GET", "/api/v1/auth/me", "", {{"Authorization", "Basic YWRtaW46YWRtaW4="}}),
                401);
  // The session token is not an API token.
  ExpectProblem(Raw("GET", "/api/v1/auth/me", "", {{"Authorization", "Bearer " + value}}), 401);

  // A forged session with a CSRF header writes nothing.
  const std::string name = "伪造检查" + std::to_string(Serial()) + "有限公司";
  ExpectProblem(Raw("POST", "/api/v1/organizations", Enterprise(name).dump(),
                    {{"Content-Type", "application/json"},
                     {"Cookie", "tb_session=" + std::string(64, 'b')},
                     {"X-CSRF-Token", admin().csrf_token}}),
                401);
  EXPECT_EQ(OrganizationsNamed(name), 0u);
}

TEST_P(AuthTest, MalformedLoginIs400AndMissingFieldsAre422) {
  const std::map<std::string, std::string> type = {{"Content-Type", "application/json"}};
  auto malformed = Raw("POST", "/api/v1/auth/login", R"({"email": "a@b.cn", )", type);
  ExpectProblem(malformed, 400);
  EXPECT_NE(malformed.Json().value("detail", "").find("JSON"), std::string::npos) << malformed.body;
  ExpectProblem(Raw("POST", "/api/v1/auth/login", "[1, 2]", type), 400);
  ExpectProblem(Raw("POST", "/api/v1/auth/login", "", type), 400);
  ExpectProblem(Raw("POST", "/api/v1/auth/login", R"({"email":"a@b.cn","password":"x"})",
                    {{"Content-Type", "text/plain"}}),
                400);

  auto empty = Raw("POST", "/api/v1/auth/login", "{}", type);
  ExpectProblem(empty, 422);
  EXPECT_EQ(FieldsOf(empty), (std::set<std::string>{"email", "password"})) << empty.body;
  auto no_password = Raw("POST", "/api/v1/auth/login", R"({"email":"a@b.cn"})", type);
  ExpectProblem(no_password, 422);
  EXPECT_EQ(FieldsOf(no_password), std::set<std::string>{"password"}) << no_password.body;
  auto not_string =
      Raw("POST", "/api/v1/auth/login", R"({"email":"a@b.cn","password":1234567890})", type);
  ExpectProblem(not_string, 422);
  EXPECT_EQ(FieldsOf(not_string), std::set<std::string>{"password"}) << not_string.body;
}

TEST_P(AuthTest, FiveFailuresThrottleTheAccountEvenForTheRightPassword) {
  json user = CreateInstitutionAdmin("throttle");
  std::string email = user["email"];
  for (int i = 1; i <= 5; ++i) {
    auto r = LoginRequest(email, "Not-The-Password-" + std::to_string(i));
    ExpectProblem(r, 401);
  }
  auto sixth = LoginRequest(email, kPassword);
  ExpectProblem(sixth, 429);
  EXPECT_TRUE(sixth.Header("set-cookie").empty()) << "a throttled login must not sign in";
  std::string retry = sixth.Header("retry-after");
  ASSERT_FALSE(retry.empty()) << "429 without Retry-After";
  ASSERT_TRUE(std::all_of(retry.begin(), retry.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  })) << retry;
  int seconds = std::stoi(retry);
  EXPECT_GE(seconds, 1);
  EXPECT_LE(seconds, 15 * 60) << "the window is 15 minutes";
  // Still throttled on the next attempt, and per account: others log in as usual.
  ExpectProblem(LoginRequest(email, kPassword), 429);
  auto [admin_email, admin_password] = DemoLogin("platform_admin");
  EXPECT_EQ(LoginRequest(admin_email, admin_password).status, 200);
}

// ---- user administration --------------------------------------------------------------------

TEST_P(AuthTest, AdminCreatesUsersWithAStrongPasswordAndAScope) {
  json institution = FirstInstitution();
  json units = UnitsOf(institution["id"]);
  ASSERT_FALSE(units.empty());
  json unit = units[0];
  std::vector<std::string> refused_emails;
  auto refused = [&](json body, int status, const std::string& field) {
    if (!body.contains("email")) body["email"] = UniqueEmail("refused");
    refused_emails.push_back(body["email"]);
    auto r = server().Post("/api/v1/users", body.dump());
    ExpectProblem(r, status);
    EXPECT_TRUE(FieldsOf(r).count(field)) << field << ": " << r.body;
  };

  for (std::string weak : {"short", "password123", "1234567890", "aaaaaaaaaaaa"}) {
    refused({{"password", weak}, {"role", "platform_admin"}}, 422, "password");
  }
  refused({{"password", kPassword}, {"role", "unit_staff"}}, 422, "unit_id");
  refused({{"password", kPassword}, {"role", "unit_staff"}, {"unit_id", 987654321}}, 422,
          "unit_id");
  refused({{"password", kPassword}, {"role", "student"}}, 422, "student_id");
  refused({{"password", kPassword}, {"role", "enterprise_recruiter"}}, 422, "organization_id");
  refused({{"password", kPassword}, {"role", "superuser"}}, 422, "role");
  refused({{"password", kPassword}, {"role", "platform_admin"}, {"email", "not-an-email"}}, 422,
          "email");
  auto missing = server().Post("/api/v1/users", R"({"role":"platform_admin"})");
  ExpectProblem(missing, 422);
  EXPECT_TRUE(FieldsOf(missing).count("email")) << missing.body;
  EXPECT_TRUE(FieldsOf(missing).count("password")) << missing.body;
  // The e-mail is unique, whatever its case.
  std::string taken = DemoLogin("platform_admin").first;
  for (auto& c : taken) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  refused({{"password", kPassword}, {"role", "platform_admin"}, {"email", taken}}, 409, "email");
  refused_emails.pop_back();  // it exists, as the demo admin

  json created = CreateUser(
      {{"email", UniqueEmail("staff")}, {"role", "unit_staff"}, {"unit_id", unit["id"]}});
  ASSERT_TRUE(created.contains("id")) << created;
  EXPECT_EQ(created["role"], "unit_staff");
  EXPECT_EQ(created["unit_id"], unit["id"]);
  EXPECT_EQ(created["institution_id"], unit["institution_id"]) << "taken from the unit";
  EXPECT_EQ(created["disabled"], false);
  EXPECT_FALSE(created.contains("password")) << created;
  EXPECT_FALSE(created.contains("password_hash")) << created;
  EXPECT_EQ(created.dump().find(kPassword), std::string::npos);

  auto got = server().Get("/api/v1/users/" + std::to_string(created["id"].get<int>()));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Json()["email"], created["email"]);
  EXPECT_EQ(got.body.find("argon2"), std::string::npos) << "no password hash: " << got.body;

  std::set<std::string> listed;
  std::string cursor;
  do {
    auto page =
        server().Get("/api/v1/users?limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << page.body;
    const json items = page.Json()["items"];
    for (const auto& u : items) listed.insert(u["email"].get<std::string>());
    EXPECT_EQ(page.body.find("argon2"), std::string::npos);
    json next = page.Json()["next_cursor"];
    cursor = next.is_string() ? next.get<std::string>() : "";
  } while (!cursor.empty());
  EXPECT_TRUE(listed.count(created["email"]));
  for (const auto& e : refused_emails) EXPECT_FALSE(listed.count(Lower(e))) << e;
}

TEST_P(AuthTest, DisablingAUserEndsItsSessionsAndTokens) {
  json user = CreateInstitutionAdmin("disable");
  int id = user["id"];
  const std::string email = user["email"];
  auto session = server().Login(email, kPassword);
  ASSERT_TRUE(session.has_value());
  auto token = server().Post("/api/v1/tokens", json({{"user_id", id}, {"name", "disable"}}).dump());
  ASSERT_EQ(token.status, 201) << token.body;
  ClientSession bearer;
  bearer.bearer = token.Json()["token"];
  ASSERT_EQ(server().SendAs(*session, "GET", "/api/v1/auth/me").status, 200);
  ASSERT_EQ(server().SendAs(bearer, "GET", "/api/v1/auth/me").status, 200);

  std::string path = "/api/v1/users/" + std::to_string(id);
  auto bad = server().Patch(path, R"({"disabled":"yes"})");
  ExpectProblem(bad, 422);
  EXPECT_TRUE(FieldsOf(bad).count("disabled")) << bad.body;

  auto disabled = server().Patch(path, R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.Json()["disabled"], true);
  ExpectProblem(server().SendAs(*session, "GET", "/api/v1/auth/me"), 401);
  ExpectProblem(server().SendAs(bearer, "GET", "/api/v1/auth/me"), 401);
  // Logging in again fails like a wrong password: a disabled account is not revealed.
  auto again = LoginRequest(email, kPassword);
  auto wrong = LoginRequest(UniqueEmail("nobody"), kPassword);
  ExpectProblem(again, 401);
  EXPECT_EQ(WithoutInstance(again.Json()), WithoutInstance(wrong.Json()));
  EXPECT_EQ(server().Get(path).Json()["disabled"], true);

  ExpectProblem(server().Patch("/api/v1/users/987654321", R"({"disabled":true})"), 404);
}

// ---- API tokens ---------------------------------------------------------------------------------

TEST_P(AuthTest, ApiTokensActAsTheirUserWithoutCsrfUntilRevoked) {
  json institution = FirstInstitution();
  json units = UnitsOf(institution["id"]);
  ASSERT_GE(units.size(), 2u);
  json unit = units[0];
  json other_unit = units[1];
  json user = CreateUser(
      {{"email", UniqueEmail("integration")}, {"role", "unit_staff"}, {"unit_id", unit["id"]}});
  const std::string name = "integration-" + std::to_string(Serial());

  ExpectProblem(server().Post("/api/v1/tokens", json({{"user_id", user["id"]}}).dump()), 422);
  auto no_user =
      server().Post("/api/v1/tokens", json({{"user_id", 987654321}, {"name", name}}).dump());
  ExpectProblem(no_user, 422);
  EXPECT_TRUE(FieldsOf(no_user).count("user_id")) << no_user.body;

  auto created =
      server().Post("/api/v1/tokens", json({{"user_id", user["id"]}, {"name", name}}).dump());
  ASSERT_EQ(created.status, 201) << created.body;
  json token = created.Json();
  ASSERT_TRUE(token["token"].is_string()) << created.body;
  const std::string secret = token["token"];
  EXPECT_GE(secret.size(), 40u);
  EXPECT_EQ(token["user_id"], user["id"]);
  EXPECT_EQ(token["name"], name);
  EXPECT_TRUE(token["revoked_at"].is_null());
  ClientSession bearer;
  bearer.bearer = secret;

  // It acts as the user, with the user's scope.
  auto me = server().SendAs(bearer, "GET", "/api/v1/auth/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["user"]["id"], user["id"]);
  EXPECT_EQ(me.Json()["user"]["role"], "unit_staff");
  EXPECT_EQ(me.Json()["user"]["unit_id"], unit["id"]);
  auto students = server().SendAs(bearer, "GET", "/api/v1/students?limit=200");
  ASSERT_EQ(students.status, 200) << students.body;
  json items = students.Json()["items"];
  ASSERT_FALSE(items.empty());
  for (const auto& s : items) EXPECT_EQ(s["unit_id"], unit["id"]) << s["id"];
  ExpectProblem(server().SendAs(bearer, "GET", "/api/v1/users"), 403);
  auto others = server().Get("/api/v1/students?limit=1&unit_id=" +
                             std::to_string(other_unit["id"].get<int>()));
  ASSERT_EQ(others.Json()["items"].size(), 1u);
  std::string other_path =
      "/api/v1/students/" + std::to_string(others.Json()["items"][0]["id"].get<int>());
  ExpectProblem(server().SendAs(bearer, "GET", other_path), 404);

  // Writes with a bearer token need no CSRF header.
  std::string own_path = "/api/v1/students/" + std::to_string(items[0]["id"].get<int>());
  std::string resume = "通过接口更新的简历 " + name;
  auto patched = Raw("PATCH", own_path, json({{"resume", resume}}).dump(),
                     {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + secret}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(server().Get(own_path).Json()["resume"], resume);
  ExpectProblem(server().SendAs(bearer, "PATCH", other_path, R"({"resume":"x"})"), 404);
  // A token is revoked, not logged out.
  ExpectProblem(server().SendAs(bearer, "POST", "/api/v1/auth/logout"), 400);

  // The list shows the token but never its secret.
  auto list = server().Get("/api/v1/tokens?limit=200");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.body.find(secret), std::string::npos) << "the secret is shown only once";
  EXPECT_EQ(list.body.find(secret.substr(4)), std::string::npos);
  const json* listed = nullptr;
  json list_items = list.Json()["items"];
  for (const auto& t : list_items) {
    EXPECT_FALSE(t.contains("token")) << t;
    EXPECT_FALSE(t.contains("token_hash")) << t;
    if (t["id"] == token["id"]) listed = &t;
  }
  ASSERT_NE(listed, nullptr) << list.body;
  EXPECT_EQ((*listed)["name"], name);
  EXPECT_EQ((*listed)["user_id"], user["id"]);
  EXPECT_TRUE((*listed)["revoked_at"].is_null());

  // Revoked: 401 from then on, and the list says when.
  std::string token_path = "/api/v1/tokens/" + std::to_string(token["id"].get<int>());
  EXPECT_EQ(server().Delete(token_path).status, 204);
  ExpectProblem(server().SendAs(bearer, "GET", "/api/v1/auth/me"), 401);
  ExpectProblem(server().SendAs(bearer, "PATCH", own_path, R"({"resume":"after revoke"})"), 401);
  EXPECT_EQ(server().Get(own_path).Json()["resume"], resume);
  auto relisted = server().Get("/api/v1/tokens?limit=200").Json()["items"];
  bool revoked_listed = false;
  for (const auto& t : relisted) {
    if (t["id"] == token["id"]) revoked_listed = t["revoked_at"].is_string();
  }
  EXPECT_TRUE(revoked_listed) << relisted;
  ExpectProblem(server().Delete("/api/v1/tokens/987654321"), 404);
}

// ---- audit ------------------------------------------------------------------------------------

TEST_P(AuthTest, WritesAreAuditedWithActorEntityBeforeAndAfter) {
  const int admin_id = admin().user["id"];
  const std::string admin_email = admin().user["email"];
  const std::string name = "审计检查" + std::to_string(Serial()) + "有限公司";
  auto created = server().Post("/api/v1/organizations", Enterprise(name).dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const int id = created.Json()["id"];
  const std::string path = "/api/v1/organizations/" + std::to_string(id);
  auto patched = server().Patch(path, R"({"size":"small"})");
  ASSERT_EQ(patched.status, 200) << patched.body;

  const std::string query = "/api/v1/audit?entity=organization&entity_id=" + std::to_string(id);
  auto audit = server().Get(query);
  ASSERT_EQ(audit.status, 200) << audit.body;
  json rows = audit.Json()["items"];
  ASSERT_EQ(rows.size(), 2u) << audit.body;
  EXPECT_EQ(rows[0]["action"], "create");
  EXPECT_EQ(rows[1]["action"], "update");
  for (const auto& row : rows) {
    EXPECT_EQ(row["entity"], "organization");
    EXPECT_EQ(row["entity_id"], id);
    EXPECT_EQ(row["actor_user_id"], admin_id);
    EXPECT_NE(row["actor"].get<std::string>().find(admin_email), std::string::npos) << row;
    EXPECT_FALSE(row["request_id"].get<std::string>().empty()) << row;
    EXPECT_NE(ParseUtc(row["at"]), 0) << row;
  }
  EXPECT_TRUE(rows[0]["before"].is_null());
  EXPECT_EQ(rows[0]["after"]["name"], name);
  EXPECT_EQ(rows[1]["before"]["size"], created.Json()["size"]);
  EXPECT_EQ(rows[1]["after"]["size"], "small");
  EXPECT_EQ(rows[1]["after"]["name"], name);
  EXPECT_EQ(rows[1]["request_id"], patched.Header("x-request-id"));

  // Filters: actor, action, time range (from inclusive, to exclusive).
  std::string actor = "&actor=" + std::to_string(admin_id);
  EXPECT_EQ(server().Get(query + actor).Json()["items"].size(), 2u);
  json other_user = CreateInstitutionAdmin("audit-other");
  EXPECT_EQ(server()
                .Get(query + "&actor=" + std::to_string(other_user["id"].get<int>()))
                .Json()["items"]
                .size(),
            0u);
  EXPECT_EQ(server().Get(query + "&action=update").Json()["items"].size(), 1u);
  std::string at = rows[0]["at"];
  EXPECT_EQ(server().Get(query + "&from=" + at).Json()["items"].size(), 2u);
  EXPECT_EQ(server().Get(query + "&from=" + at.substr(0, 10)).Json()["items"].size(), 2u);
  EXPECT_EQ(server().Get(query + "&to=" + at).Json()["items"].size(), 0u);
  EXPECT_EQ(server().Get(query + "&to=2100-01-01").Json()["items"].size(), 2u);
  EXPECT_EQ(server().Get(query + "&from=2100-01-01").Json()["items"].size(), 0u);
  EXPECT_EQ(server().Get(query + "&from=2000-01-01&to=2100-01-01T00:00:00Z").Json()["items"].size(),
            2u);
  auto bad_time = server().Get(query + "&from=yesterday");
  ExpectProblem(bad_time, 400);
  EXPECT_TRUE(FieldsOf(bad_time).count("from")) << bad_time.body;

  // Account administration is audited too: the user created above, and logins.
  auto user_rows = server().Get("/api/v1/audit?entity=user&action=create&entity_id=" +
                                std::to_string(other_user["id"].get<int>()));
  ASSERT_EQ(user_rows.Json()["items"].size(), 1u) << user_rows.body;
  EXPECT_EQ(user_rows.Json()["items"][0]["after"]["email"], other_user["email"]);
  EXPECT_EQ(user_rows.body.find("argon2"), std::string::npos) << "no password hash in the audit";
  EXPECT_FALSE(server().Get("/api/v1/audit?action=login" + actor).Json()["items"].empty());

  // Audit rows cannot be changed or deleted through the API.
  for (std::string method : {"PATCH", "PUT", "DELETE", "POST"}) {
    auto r = server().Send(method, "/api/v1/audit", method == "DELETE" ? "" : "{}");
    EXPECT_EQ(r.status, 405) << method << " " << r.body;
    EXPECT_EQ(r.Header("allow"), "GET") << method;
  }
  int first_row = rows[0]["id"];
  for (std::string method : {"PATCH", "PUT", "DELETE"}) {
    auto r = server().Send(method, "/api/v1/audit/" + std::to_string(first_row),
                           method == "DELETE" ? "" : R"({"actor":"nobody"})");
    EXPECT_TRUE(r.status == 404 || r.status == 405) << method << " " << r.status << " " << r.body;
  }
  auto again = server().Get(query);
  EXPECT_EQ(again.Json()["items"], rows) << "the audit rows changed";
}

TEST_P(AuthTest, OnlyAPlatformAdminManagesUsersTokensAndAudit) {
  const std::string user_body = json({{"email", UniqueEmail("forbidden")},
                                      {"password", kPassword},
                                      {"role", "platform_admin"}})
                                    .dump();
  const std::string token_body =
      json({{"user_id", admin().user["id"]}, {"name", "forbidden"}}).dump();
  const std::string admin_path = "/api/v1/users/" + std::to_string(admin().user["id"].get<int>());
  struct Call {
    std::string method, target, body;
  };
  const std::vector<Call> calls = {
      {"GET", "/api/v1/users", ""},         {"GET", admin_path, ""},
      {"POST", "/api/v1/users", user_body}, {"PATCH", admin_path, R"({"disabled":true})"},
      {"GET", "/api/v1/tokens", ""},        {"POST", "/api/v1/tokens", token_body},
      {"DELETE", "/api/v1/tokens/1", ""},   {"GET", "/api/v1/audit", ""},
  };
  for (const char* role : kOtherRoles) {
    const ClientSession& session = As(role);
    for (const auto& call : calls) {
      auto r = server().SendAs(session, call.method, call.target, call.body);
      EXPECT_EQ(r.status, 403) << role << " " << call.method << " " << call.target << ": "
                               << r.body;
      EXPECT_EQ(r.Header("content-type"), "application/problem+json");
    }
  }
  for (const auto& call : calls) {
    auto r = Raw(call.method, call.target, call.body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 401) << "anonymous " << call.method << " " << call.target;
  }
  // Nothing happened: the admin is enabled, the user does not exist.
  EXPECT_EQ(server().Get(admin_path).Json()["disabled"], false);
  EXPECT_EQ(server().Get("/api/v1/auth/me").status, 200);
  auto audit = server().Get("/api/v1/audit?entity=user&action=create&limit=200");
  EXPECT_EQ(audit.body.find(json::parse(user_body)["email"].get<std::string>()), std::string::npos);
}

TB_INSTANTIATE_BACKENDS(AuthTest);

}  // namespace
}  // namespace tb::testing
