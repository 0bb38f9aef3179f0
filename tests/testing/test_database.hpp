#pragma once
// A fresh, migrated database per test, on either backend, and the gtest plumbing to run one
// suite on both (DESIGN §5, §11: "every repository is tested by one contract suite").
//
//   SQLite:     a unique file in the system temp directory, removed afterwards (with -wal/-shm).
//   PostgreSQL: a database tb_<random hex> created on the server named by env TB_TEST_PG_URL
//               (set by `make test`, which starts a private cluster), dropped WITH (FORCE)
//               afterwards. When TB_TEST_PG_URL is unset or the server cannot be reached,
//               Create reports a gtest failure (never a skip) saying how to run the tests.
//
// Typical use:
//
//   class RepoTest : public tb::testing::DatabaseTest {};
//   TEST_P(RepoTest, Something) { db()->Write(...); }
//   TB_INSTANTIATE_BACKENDS(RepoTest);
//
// A TestDatabase is owned by one test; not thread-safe itself, but db() may be used from many
// threads like any store::Database.

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::testing {

class TestDatabase {
 public:
  // A fresh database with every migration applied. On failure: records a gtest failure whose
  // message says what to do, and returns nullptr (callers ASSERT_NE(..., nullptr)).
  static std::unique_ptr<TestDatabase> Create(store::Backend backend);
  // A fresh database without any migration applied (for tests of the migrations themselves).
  static std::unique_ptr<TestDatabase> CreateEmpty(store::Backend backend);
  // Create or CreateEmpty, but returns the error instead of recording a failure.
  static Result<std::unique_ptr<TestDatabase>> TryCreate(store::Backend backend,
                                                         bool migrate = true);

  // Closes the database and removes it (file or server database).
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  std::shared_ptr<store::Database> db() { return db_; }
  // The URL the database was opened with (for store::Database::Open or `talentbridge --db`).
  const std::string& url() const { return url_; }
  store::Backend backend() const { return backend_; }

  // Opens a second, independent store::Database on the same database (its own pool).
  Result<std::shared_ptr<store::Database>> OpenAnother(std::size_t pool_size = 4) const;

 private:
  TestDatabase() = default;

  store::Backend backend_ = store::Backend::kSqlite;
  std::string url_;
  std::string sqlite_path_;    // SQLite only
  std::string admin_connect_;  // PostgreSQL only: libpq keyword string of the admin database
  std::string pg_name_;        // PostgreSQL only: the database created for this test
  std::shared_ptr<store::Database> db_;
};

// The server URL of the PostgreSQL tests (env TB_TEST_PG_URL), or an error that says how to
// provide one.
Result<std::string> PostgresTestServerUrl();

// Base fixture of a suite run on every backend: a fresh database per test.
class DatabaseTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  store::Database& database() { return *test_db_->db(); }
  std::shared_ptr<store::Database> db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }
  store::Backend backend() const { return GetParam(); }

 private:
  std::unique_ptr<TestDatabase> test_db_;
};

// Parameter values and names for INSTANTIATE_TEST_SUITE_P: Sqlite and Postgres.
::testing::internal::ParamGenerator<store::Backend> AllBackends();
const char* BackendName(store::Backend backend);
struct BackendParamName {
  std::string operator()(const ::testing::TestParamInfo<store::Backend>& info) const {
    return BackendName(info.param);
  }
};

}  // namespace tb::testing

namespace tb::store {
// Lets gtest print a backend parameter readably ("Sqlite", "Postgres").
inline void PrintTo(Backend backend, std::ostream* os) { *os << tb::testing::BackendName(backend); }
}  // namespace tb::store

// Runs the parameterised suite `suite` on both backends: Backends/suite.Test/Sqlite, .../Postgres.
#define TB_INSTANTIATE_BACKENDS(suite)                                    \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::tb::testing::AllBackends(), \
                           ::tb::testing::BackendParamName())
