#include "testing/test_database.hpp"

#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <system_error>
#include <vector>

#include "store/migrate.hpp"

namespace tb::testing {

namespace {

constexpr char kHowToRun[] =
    "run the PostgreSQL tests via `make test` (it starts a private PostgreSQL cluster and sets "
    "TB_TEST_PG_URL), or start one yourself with `scripts/pg-test-cluster start /tmp/pg` and "
    "set TB_TEST_PG_URL to the URL it prints";

std::string RandomHex(std::size_t digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device device;
  std::mt19937_64 engine((static_cast<std::uint64_t>(device()) << 32) ^ device());
  std::string out;
  for (std::size_t i = 0; i < digits; ++i) out += kHex[engine() % 16];
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A libpq keyword value in single quotes, with ' and \ escaped.
std::string Quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The parts of a postgresql:// URL.
struct PgUrl {
  std::string authority;                                   // "user:pw@host:port", as written
  std::string user, password, host, port, dbname;          // decoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  std::string raw_query;                                   // as written, without '?'
};

Result<PgUrl> ParsePgUrl(std::string_view url) {
  std::string_view rest;
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (url.starts_with(scheme)) rest = url.substr(scheme.size());
  }
  if (rest.data() == nullptr) {
    return Error::Invalid("not a postgresql:// URL: '" + std::string(url) + "'");
  }
  PgUrl out;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    out.raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
    std::string_view query = out.raw_query;
    while (!query.empty()) {
      std::size_t amp = query.find('&');
      std::string_view item = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      if (item.empty()) continue;
      std::size_t eq = item.find('=');
      if (eq == std::string_view::npos) {
        return Error::Invalid("URL query item without '=': '" + std::string(item) + "'");
      }
      out.query.emplace_back(PercentDecode(item.substr(0, eq)), PercentDecode(item.substr(eq + 1)));
    }
  }
  std::size_t slash = rest.find('/');
  out.authority = std::string(rest.substr(0, slash));
  if (slash != std::string_view::npos) out.dbname = PercentDecode(rest.substr(slash + 1));
  std::string_view hostport = out.authority;
  if (auto at = hostport.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = hostport.substr(0, at);
    hostport = hostport.substr(at + 1);
    std::size_t colon = userinfo.find(':');
    out.user = PercentDecode(userinfo.substr(0, colon));
    if (colon != std::string_view::npos) out.password = PercentDecode(userinfo.substr(colon + 1));
  }
  if (hostport.starts_with('[')) {  // [IPv6]:port
    std::size_t close = hostport.find(']');
    if (close == std::string_view::npos) return Error::Invalid("unclosed '[' in URL host");
    out.host = std::string(hostport.substr(1, close - 1));
    hostport = hostport.substr(close + 1);
    if (hostport.starts_with(':')) out.port = std::string(hostport.substr(1));
  } else {
    std::size_t colon = hostport.rfind(':');
    out.host = PercentDecode(hostport.substr(0, colon));
    if (colon != std::string_view::npos) out.port = std::string(hostport.substr(colon + 1));
  }
  return out;
}

std::string KeywordString(const PgUrl& u) {
  std::string out;
  auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(key) + "=" + Quoted(value);
  };
  add("host", u.host);
  add("port", u.port);
  add("user", u.user);
  add("password", u.password);
  add("dbname", u.dbname);
  for (const auto& [key, value] : u.query) add(key, value);
  return out;
}

bool HasQueryKey(const PgUrl& u, std::string_view key) {
  for (const auto& item : u.query) {
    if (item.first == key) return true;
  }
  return false;
}

void RemoveSqliteFiles(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

Status DropPostgresDatabase(const std::string& admin_connect, const std::string& name) {
  try {
    soci::session admin("postgresql", admin_connect);
    admin << "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
  } catch (const std::exception& e) {
    return Error::Unavailable("could not drop test database " + name + ": " + e.what());
  }
  return {};
}

}  // namespace

Result<std::string> PostgresTestServerUrl() {
  const char* url = std::getenv("TB_TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    return Error::Unavailable(std::string("TB_TEST_PG_URL is not set: ") + kHowToRun);
  }
  return std::string(url);
}

Result<std::string> PostgresKeywordConnectString(std::string_view url) {
  TB_TRY(PgUrl parsed, ParsePgUrl(url));
  return KeywordString(parsed);
}

Result<std::unique_ptr<TestDatabase>> TestDatabase::TryCreate(store::Backend backend,
                                                              bool migrate) {
  std::unique_ptr<TestDatabase> out(new TestDatabase());
  out->backend_ = backend;
  std::string hex = RandomHex(16);

  if (backend == store::Backend::kSqlite) {
    out->sqlite_path_ = (std::filesystem::temp_directory_path() /
                         ("tb_test_" + std::to_string(::getpid()) + "_" + hex + ".db"))
                            .string();
    out->url_ = "sqlite:" + out->sqlite_path_;
  } else {
    TB_TRY(std::string server_url, PostgresTestServerUrl());
    auto parsed = ParsePgUrl(server_url);
    if (!parsed.ok()) {
      return Error::Invalid("TB_TEST_PG_URL='" + server_url + "' is not usable (" +
                            parsed.error().message + "): " + kHowToRun);
    }
    PgUrl admin = *parsed;
    if (admin.dbname.empty()) admin.dbname = "postgres";
    if (!HasQueryKey(admin, "connect_timeout")) admin.query.emplace_back("connect_timeout", "10");
    out->admin_connect_ = KeywordString(admin);
    out->pg_name_ = "tb_" + hex;
    try {
      soci::session session("postgresql", out->admin_connect_);
      session << "CREATE DATABASE " + out->pg_name_ + " TEMPLATE template0 ENCODING 'UTF8'";
    } catch (const std::exception& e) {
      out->pg_name_.clear();  // nothing to drop
      return Error::Unavailable("cannot create a test database on the PostgreSQL server at " +
                                server_url + " (" + e.what() + "): " + kHowToRun);
    }
    // SOCI 4.0.3's postgresql backend re-joins the connect string as `key=value` tokens, so a
    // bare URI "postgresql://u@h:p/db" reaches libpq as ".../db=" (see the store suite's
    // PostgresUrlWithoutQueryOpens). A URI that ends in a `key=value` query survives.
    std::string query = parsed->raw_query.empty() ? "connect_timeout=10" : parsed->raw_query;
    out->url_ = "postgresql://" + parsed->authority + "/" + out->pg_name_ + "?" + query;
  }

  auto db = store::Database::Open(out->url_);
  if (!db.ok()) {
    std::string hint = backend == store::Backend::kPostgres ? std::string(": ") + kHowToRun : "";
    return Error::Unavailable(db.error().message + hint);
  }
  out->db_ = *db;
  if (!migrate) return out;
  auto migrated = store::Migrate(*out->db_);
  if (!migrated.ok()) {
    return Error::Internal("migrating the test database failed: " + migrated.error().message);
  }
  return out;
}

namespace {

std::unique_ptr<TestDatabase> CreateOrFail(store::Backend backend, bool migrate) {
  auto created = TestDatabase::TryCreate(backend, migrate);
  if (!created.ok()) {
    ADD_FAILURE() << "no " << BackendName(backend) << " test database: " << created.error().message;
    return nullptr;
  }
  return std::move(created).value();
}

}  // namespace

std::unique_ptr<TestDatabase> TestDatabase::Create(store::Backend backend) {
  return CreateOrFail(backend, true);
}

std::unique_ptr<TestDatabase> TestDatabase::CreateEmpty(store::Backend backend) {
  return CreateOrFail(backend, false);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!sqlite_path_.empty()) RemoveSqliteFiles(sqlite_path_);
  if (!pg_name_.empty()) {
    auto dropped = DropPostgresDatabase(admin_connect_, pg_name_);
    if (!dropped.ok()) ADD_FAILURE() << dropped.error().message;
  }
}

Result<std::shared_ptr<store::Database>> TestDatabase::OpenAnother(std::size_t pool_size) const {
  return store::Database::Open(url_, pool_size);
}

void DatabaseTest::SetUp() {
  auto created = TestDatabase::TryCreate(GetParam());
  if (!created.ok()) {
    GTEST_FAIL() << "no " << BackendName(GetParam())
                 << " test database: " << created.error().message;
  }
  test_db_ = std::move(created).value();
}

void DatabaseTest::TearDown() { test_db_.reset(); }

::testing::internal::ParamGenerator<store::Backend> AllBackends() {
  static const std::vector<store::Backend> kBackends = {store::Backend::kSqlite,
                                                        store::Backend::kPostgres};
  return ::testing::ValuesIn(kBackends);
}

const char* BackendName(store::Backend backend) {
  return backend == store::Backend::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace tb::testing
