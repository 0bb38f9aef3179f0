// store::Database: URL parsing, opening each backend, read and write transactions.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "store/migrate.hpp"
#include "store_contract.hpp"

namespace tb::store {
namespace {

using ::testing::HasSubstr;

// ---- ParseDbUrl -------------------------------------------------------------------------------

TEST(ParseDbUrl, AcceptsSqliteWithRelativePath) {
  auto url = ParseDbUrl("sqlite:./data/talentbridge.db");
  TB_ASSERT_OK(url);
  EXPECT_EQ(url->backend, Backend::kSqlite);
  EXPECT_EQ(url->path, "./data/talentbridge.db");
  EXPECT_THAT(url->connect, HasSubstr("./data/talentbridge.db"));
}

TEST(ParseDbUrl, AcceptsSqliteWithAbsolutePathAndDoubleSlash) {
  auto plain = ParseDbUrl("sqlite:/var/lib/tb/tb.db");
  TB_ASSERT_OK(plain);
  EXPECT_EQ(plain->path, "/var/lib/tb/tb.db");
  auto slashes = ParseDbUrl("sqlite:///var/lib/tb/tb.db");
  TB_ASSERT_OK(slashes);
  EXPECT_EQ(slashes->path, "/var/lib/tb/tb.db");
}

TEST(ParseDbUrl, AcceptsPostgresqlAndPostgresSchemes) {
  for (const char* text : {"postgresql://tb@127.0.0.1:5432/talentbridge",
                           "postgres://tb:secret@db.example.cn:6543/talentbridge",
                           "postgresql://tb@localhost/talentbridge?sslmode=disable"}) {
    SCOPED_TRACE(text);
    auto url = ParseDbUrl(text);
    TB_ASSERT_OK(url);
    EXPECT_EQ(url->backend, Backend::kPostgres);
    EXPECT_EQ(url->path, "");
    EXPECT_FALSE(url->connect.empty());
  }
}

TEST(ParseDbUrl, RefusesSqliteWithoutPath) {
  TB_EXPECT_ERROR(ParseDbUrl("sqlite:"), ErrorCode::kInvalid);
  TB_EXPECT_ERROR(ParseDbUrl("sqlite://"), ErrorCode::kInvalid);
}

TEST(ParseDbUrl, RefusesOtherFormsNamingTheAcceptedOnes) {
  for (const char* text : {"", "mysql://root@localhost/tb", "talentbridge.db", "file:tb.db",
                           "postgresql:/tb", "SQLITE:tb.db"}) {
    SCOPED_TRACE(text);
    auto url = ParseDbUrl(text);
    TB_EXPECT_ERROR(url, ErrorCode::kInvalid);
    if (!url.ok()) {
      EXPECT_THAT(url.error().message, HasSubstr("sqlite:"));
      EXPECT_THAT(url.error().message, HasSubstr("postgresql://"));
    }
  }
}

// ---- Opening ----------------------------------------------------------------------------------

// The documented URL form, without a query string, must reach the server and the database it
// names. (SOCI 4.0.3's postgresql backend re-joins its connect string as key=value tokens, which
// turns a bare URI ".../db" into ".../db=" unless ParseDbUrl converts it.)
TEST(OpenDatabase, PostgresUrlWithoutQueryOpensTheNamedDatabase) {
  auto test_db = tb::testing::TestDatabase::Create(Backend::kPostgres);
  ASSERT_NE(test_db, nullptr);
  std::string url = test_db->url().substr(0, test_db->url().find('?'));
  auto db = Database::Open(url, 1);
  TB_ASSERT_OK(db);
  auto name = (*db)->Read([](Tx& tx) -> Result<std::string> {
    return tx.Query("SELECT current_database()")[0].Text(0);
  });
  TB_ASSERT_OK(name);
  EXPECT_EQ(url.substr(url.rfind('/') + 1), *name);
}

TEST(OpenDatabase, UnreachablePostgresServerIsUnavailable) {
  // Port 1 on the loopback interface: nothing listens there.
  TB_EXPECT_ERROR(Database::Open("postgresql://tb@127.0.0.1:1/tb?connect_timeout=2", 1),
                  ErrorCode::kUnavailable);
}

TEST(OpenDatabase, SqliteCreatesTheFilesDirectory) {
  auto dir = std::filesystem::temp_directory_path() /
             ("tb_open_test_" + std::to_string(std::random_device()()));
  std::filesystem::remove_all(dir);
  {
    auto db = Database::Open("sqlite:" + (dir / "nested" / "tb.db").string(), 1);
    TB_ASSERT_OK(db);
    EXPECT_EQ((*db)->backend(), Backend::kSqlite);
    EXPECT_STREQ((*db)->backend_name(), "sqlite");
    TB_EXPECT_OK(Migrate(**db));
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "nested" / "tb.db"));
  std::filesystem::remove_all(dir);
}

// ---- Transactions -----------------------------------------------------------------------------

class DatabaseTxTest : public StoreContract {};

TEST_P(DatabaseTxTest, ReportsItsBackend) {
  EXPECT_EQ(database().backend(), backend());
  EXPECT_STREQ(database().backend_name(), backend() == Backend::kSqlite ? "sqlite" : "postgresql");
  auto seen = database().Read([](Tx& tx) -> Result<Backend> { return tx.backend(); });
  TB_ASSERT_OK(seen);
  EXPECT_EQ(*seen, backend());
}

TEST_P(DatabaseTxTest, WriteTransactionsAreWritableAndReadTransactionsAreNot) {
  auto write = database().Write([](Tx& tx) -> Result<bool> { return tx.writable(); });
  auto read = database().Read([](Tx& tx) -> Result<bool> { return tx.writable(); });
  TB_ASSERT_OK(write);
  TB_ASSERT_OK(read);
  EXPECT_TRUE(*write);
  EXPECT_FALSE(*read);
}

TEST_P(DatabaseTxTest, ReadTransactionRefusesToWrite) {
  SeedReference();
  auto result = database().Read([](Tx& tx) -> Result<domain::Organization> {
    return Repository<domain::Organization>::Insert(tx, tb::testing::ValidOrganization("锦州港"),
                                                    tb::testing::kNow);
  });
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(CountOf("organizations"), 0);
}

TEST_P(DatabaseTxTest, QueryBindsNullIntegerAndTextParameters) {
  auto row = database().Read([](Tx& tx) -> Result<Row> {
    return tx.Query("SELECT ?, ?, ?, ?",
                    {Null(), P(std::int64_t{9007199254740993}), P("锦州 'quoted'"), P(true)})[0];
  });
  TB_ASSERT_OK(row);
  EXPECT_TRUE(row->IsNull(0));
  EXPECT_EQ(row->Int(1), 9007199254740993);
  EXPECT_EQ(row->Text(2), "锦州 'quoted'");
  EXPECT_EQ(row->Int(3), 1);
}

TEST_P(DatabaseTxTest, QuestionMarksInsideQuotesAreNotPlaceholders) {
  auto row = database().Read(
      [](Tx& tx) -> Result<Row> { return tx.Query("SELECT 'why?', ?", {P("because")})[0]; });
  TB_ASSERT_OK(row);
  EXPECT_EQ(row->Text(0), "why?");
  EXPECT_EQ(row->Text(1), "because");
}

TEST_P(DatabaseTxTest, QueryIntIsEmptyForNoRowsAndNull) {
  auto values = database().Read([](Tx& tx) -> Result<std::vector<std::optional<std::int64_t>>> {
    return std::vector<std::optional<std::int64_t>>{
        tx.QueryInt("SELECT next_id FROM id_sequences WHERE name = ?", {P("nothing")}),
        tx.QueryInt("SELECT MAX(id) FROM organizations"),
        tx.QueryInt("SELECT COUNT(*) FROM organizations")};
  });
  TB_ASSERT_OK(values);
  EXPECT_EQ((*values)[0], std::nullopt);
  EXPECT_EQ((*values)[1], std::nullopt);
  EXPECT_EQ((*values)[2], 0);
}

TEST_P(DatabaseTxTest, NextIdsReservesConsecutiveBlocks) {
  auto ids = database().Write([](Tx& tx) -> Result<std::vector<domain::Id>> {
    return std::vector<domain::Id>{tx.NextIds("organizations", 5), tx.NextIds("organizations"),
                                   tx.NextIds("brand_new_sequence", 3),
                                   tx.NextIds("brand_new_sequence")};
  });
  TB_ASSERT_OK(ids);
  EXPECT_THAT(*ids, ::testing::ElementsAre(1, 6, 1, 4));
}

TEST_P(DatabaseTxTest, SqlErrorBecomesInternalErrorAndRollsBack) {
  SeedReference();
  auto result = database().Write([](Tx& tx) -> Status {
    Repository<domain::Organization>::Insert(tx, tb::testing::ValidOrganization("锦州港"),
                                             tb::testing::kNow);
    tx.Exec("SELECT * FROM no_such_table");
    return {};
  });
  TB_EXPECT_ERROR(result, ErrorCode::kInternal);
  EXPECT_EQ(CountOf("organizations"), 0);
  EXPECT_EQ(CountOf("change_log"), 0);
}

TB_INSTANTIATE_BACKENDS(DatabaseTxTest);

}  // namespace
}  // namespace tb::store
