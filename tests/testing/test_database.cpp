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

// The same server URL with another database: "postgresql://u@h:p/db?q" -> ".../name?q".
Result<std::string> WithDatabase(const std::string& url, const std::string& name) {
  std::size_t scheme = url.find("://");
  if (!url.starts_with("postgres") || scheme == std::string::npos) {
    return Error::Invalid("not a postgresql:// URL: '" + url + "'");
  }
  std::size_t query = url.find('?', scheme + 3);
  std::size_t slash = url.find('/', scheme + 3);
  std::size_t authority_end = std::min(slash, query);
  std::string tail = query == std::string::npos ? "" : url.substr(query);
  return url.substr(0, authority_end) + "/" + name + tail;
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
    auto admin = store::ParseDbUrl(server_url);
    if (!admin.ok() || admin->backend != store::Backend::kPostgres) {
      return Error::Invalid("TB_TEST_PG_URL='" + server_url +
                            "' is not a postgresql:// URL: " + kHowToRun);
    }
    out->admin_connect_ = admin->connect;
    out->pg_name_ = "tb_" + hex;
    try {
      soci::session session("postgresql", out->admin_connect_);
      session << "CREATE DATABASE " + out->pg_name_ + " TEMPLATE template0 ENCODING 'UTF8'";
    } catch (const std::exception& e) {
      out->pg_name_.clear();  // nothing to drop
      return Error::Unavailable("cannot create a test database on the PostgreSQL server at " +
                                server_url + " (" + e.what() + "): " + kHowToRun);
    }
    TB_TRY(out->url_, WithDatabase(server_url, out->pg_name_));
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
