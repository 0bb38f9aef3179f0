// store::Database survives a PostgreSQL restart: a pooled session whose connection broke is
// reopened, reads whose connection broke midway run once more, and a write whose connection
// broke midway is not run again (see the rule in store/database.hpp).
//
// These tests own their server: a private cluster started with scripts/pg-test-cluster in a
// fresh temporary directory, restarted and halted by the test, and removed afterwards. They
// need the PostgreSQL 15 binaries (installed by scripts/install-deps) and FAIL, never skip,
// when the cluster cannot be started.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/database.hpp"
#include "testing/result_assertions.hpp"

namespace tb::store {
namespace {

using ::testing::HasSubstr;

struct ScriptRun {
  int status = -1;
  std::string output;  // stdout and stderr
  std::string last_line;
};

// Runs scripts/pg-test-cluster COMMAND DIR.
ScriptRun ClusterScript(const std::string& command, const std::string& dir) {
  // Each test searches its ports from its own base (its line in this file, 10 apart): a halted
  // cluster frees its port, and a cluster of a test running beside it (ctest -j) must not take
  // that port before the restart.
  int line = ::testing::UnitTest::GetInstance()->current_test_info()->line();
  std::string cmd = "TB_PG_FIRST_PORT=" + std::to_string(50000 + 10 * line) + " '" + TB_SOURCE_DIR +
                    "/scripts/pg-test-cluster' " + command + " '" + dir + "' 2>&1";
  ScriptRun run;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int rc = pclose(pipe);
  run.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::string out = run.output;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  run.last_line = out.substr(out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1);
  return run;
}

// A private PostgreSQL server for the tests of this file, one per test (each test runs in its
// own process), stopped and removed when the test ends.
class ReconnectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (std::filesystem::temp_directory_path() / "tb-reconnect-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr) << "cannot create a temporary directory";
    dir_ = templ;
    ScriptRun start = ClusterScript("start", dir_);
    started_ = true;
    ASSERT_EQ(start.status, 0) << "cannot start a private PostgreSQL cluster with "
                                  "scripts/pg-test-cluster (install postgresql-15 with "
                                  "scripts/install-deps):\n"
                               << start.output;
    url_ = start.last_line;
    ASSERT_TRUE(url_.starts_with("postgresql://")) << start.output;
  }

  void TearDown() override {
    db_.reset();
    if (started_) {
      ScriptRun stop = ClusterScript("stop", dir_);
      EXPECT_EQ(stop.status, 0) << stop.output;
    }
  }

  std::shared_ptr<Database> Open(std::size_t pool_size = 2) {
    auto db = Database::Open(url_, pool_size);
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message);
    return db.ok() ? *db : nullptr;
  }

  void Restart() {
    ScriptRun run = ClusterScript("restart", dir_);
    ASSERT_EQ(run.status, 0) << run.output;
  }
  void Halt() {
    ScriptRun run = ClusterScript("halt", dir_);
    ASSERT_EQ(run.status, 0) << run.output;
  }

  static void CreateItems(Database& db) {
    TB_ASSERT_OK(db.Write([](Tx& tx) -> Status {
      tx.Exec("CREATE TABLE items (id BIGINT PRIMARY KEY)");
      return {};
    }));
  }
  static Result<std::int64_t> Count(Database& db) {
    return db.Read([](Tx& tx) -> Result<std::int64_t> {
      return tx.QueryInt("SELECT COUNT(*) FROM items").value_or(-1);
    });
  }
  static Status Insert(Database& db, std::int64_t id) {
    return db.Write([id](Tx& tx) -> Status {
      tx.Exec("INSERT INTO items (id) VALUES (?)", {P(id)});
      return {};
    });
  }

  // Ends the server process behind `victim`'s connection, seen from another connection
  // (waits until it is gone).
  void Terminate(std::int64_t backend_pid) {
    auto killer = Open(1);
    ASSERT_NE(killer, nullptr);
    auto done = killer->Write([backend_pid](Tx& tx) -> Status {
      tx.Query("SELECT pg_terminate_backend(?, 10000)", {P(backend_pid)});
      return {};
    });
    TB_ASSERT_OK(done);
  }

  std::string dir_;
  std::string url_;
  bool started_ = false;
  std::shared_ptr<Database> db_;
};

TEST_F(ReconnectTest, ReadsAndWritesSucceedAfterTheServerRestarts) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  ASSERT_NO_FATAL_FAILURE(CreateItems(*db_));
  TB_ASSERT_OK(Insert(*db_, 1));
  TB_ASSERT_OK_AND_ASSIGN(auto before, Count(*db_));
  EXPECT_EQ(before, 1);

  Restart();

  TB_ASSERT_OK_AND_ASSIGN(auto after, Count(*db_));
  EXPECT_EQ(after, 1);
  TB_EXPECT_OK(Insert(*db_, 2));
  TB_ASSERT_OK_AND_ASSIGN(auto written, Count(*db_));
  EXPECT_EQ(written, 2);
  EXPECT_GE(db_->pool_stats().reconnects, 1u);

  // A write that is the first statement after a restart begins again on a fresh connection
  // (nothing of it had run).
  Restart();
  TB_EXPECT_OK(Insert(*db_, 3));
  TB_ASSERT_OK_AND_ASSIGN(auto third, Count(*db_));
  EXPECT_EQ(third, 3);
}

TEST_F(ReconnectTest, FailsWhileTheServerIsDownAndRecoversWhenItIsBack) {
  db_ = Open();
  ASSERT_NE(db_, nullptr);
  ASSERT_NO_FATAL_FAILURE(CreateItems(*db_));

  Halt();
  auto down = Count(*db_);
  TB_EXPECT_ERROR(down, ErrorCode::kUnavailable);
  TB_EXPECT_ERROR(Insert(*db_, 1), ErrorCode::kUnavailable);
  TB_EXPECT_ERROR(Count(*db_), ErrorCode::kUnavailable);  // a failed reconnect is tried again

  Restart();
  TB_ASSERT_OK_AND_ASSIGN(auto back, Count(*db_));
  EXPECT_EQ(back, 0);
  TB_EXPECT_OK(Insert(*db_, 1));
}

TEST_F(ReconnectTest, ReadWhoseConnectionBreaksMidwayRunsOnceMore) {
  db_ = Open(1);
  ASSERT_NE(db_, nullptr);
  int runs = 0;
  auto result = db_->Read([&](Tx& tx) -> Result<std::int64_t> {
    ++runs;
    auto pid = tx.QueryInt("SELECT pg_backend_pid()");
    if (runs == 1) Terminate(*pid);
    return tx.QueryInt("SELECT 42").value_or(-1);
  });
  TB_ASSERT_OK(result);
  EXPECT_EQ(*result, 42);
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(db_->pool_stats().retried_reads, 1u);
  EXPECT_EQ(db_->pool_stats().reconnects, 1u);
}

TEST_F(ReconnectTest, WriteWhoseConnectionBreaksMidwayIsNotRunAgain) {
  db_ = Open(1);
  ASSERT_NE(db_, nullptr);
  ASSERT_NO_FATAL_FAILURE(CreateItems(*db_));
  int runs = 0;
  auto result = db_->Write([&](Tx& tx) -> Status {
    ++runs;
    tx.Exec("INSERT INTO items (id) VALUES (1)");
    auto pid = tx.QueryInt("SELECT pg_backend_pid()");
    Terminate(*pid);
    tx.Exec("INSERT INTO items (id) VALUES (2)");
    return {};
  });
  TB_EXPECT_ERROR(result, ErrorCode::kUnavailable);
  if (!result.ok()) {
    EXPECT_THAT(result.error().message, HasSubstr("not saved"));
  }
  EXPECT_EQ(runs, 1);
  // The session is usable again, and nothing of the broken write was committed.
  TB_ASSERT_OK_AND_ASSIGN(auto count, Count(*db_));
  EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace tb::store
