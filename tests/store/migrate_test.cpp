// Schema migrations: applied once, in order, on both backends; SplitStatements cuts a migration
// into statements.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "store/migrate.hpp"
#include "store_contract.hpp"

namespace tb::store {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

int LatestVersion() { return kMigrations.empty() ? 0 : kMigrations.back().version; }

class MigrateTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    empty_ = tb::testing::TestDatabase::CreateEmpty(GetParam());
    ASSERT_NE(empty_, nullptr);
  }
  Database& db() { return *empty_->db(); }

  std::unique_ptr<tb::testing::TestDatabase> empty_;
};

TEST(Migrations, AreNumberedFromOneWithoutGaps) {
  ASSERT_FALSE(kMigrations.empty());
  for (std::size_t i = 0; i < kMigrations.size(); ++i) {
    EXPECT_EQ(kMigrations[i].version, static_cast<int>(i) + 1) << kMigrations[i].name;
    EXPECT_FALSE(SplitStatements(kMigrations[i].sql).empty()) << kMigrations[i].name;
  }
}

TEST_P(MigrateTest, EmptyDatabaseIsAtVersionZero) {
  auto version = SchemaVersion(db());
  TB_ASSERT_OK(version);
  EXPECT_EQ(*version, 0);
}

TEST_P(MigrateTest, MigrateAppliesEveryMigrationOnceThenNothing) {
  auto first = Migrate(db());
  TB_ASSERT_OK(first);
  EXPECT_EQ(*first, static_cast<int>(kMigrations.size()));

  auto version = SchemaVersion(db());
  TB_ASSERT_OK(version);
  EXPECT_EQ(*version, LatestVersion());

  auto second = Migrate(db());
  TB_ASSERT_OK(second);
  EXPECT_EQ(*second, 0);
  auto still = SchemaVersion(db());
  TB_ASSERT_OK(still);
  EXPECT_EQ(*still, LatestVersion());
}

TEST_P(MigrateTest, MigrationsAreRecordedWithNameAndTime) {
  TB_ASSERT_OK(Migrate(db()));
  auto rows = db().Read([](Tx& tx) -> Result<std::vector<Row>> {
    return tx.Query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  });
  TB_ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), kMigrations.size());
  for (std::size_t i = 0; i < kMigrations.size(); ++i) {
    EXPECT_EQ((*rows)[i].Int(0), kMigrations[i].version);
    EXPECT_EQ((*rows)[i].Text(1), kMigrations[i].name);
    EXPECT_FALSE((*rows)[i].Text(2).empty());
  }
}

TEST_P(MigrateTest, FoundationCreatesTablesAndIdSequences) {
  TB_ASSERT_OK(Migrate(db()));
  auto sequences = db().Read([](Tx& tx) -> Result<std::vector<Row>> {
    return tx.Query("SELECT name, next_id FROM id_sequences ORDER BY name");
  });
  TB_ASSERT_OK(sequences);
  std::vector<std::string> names;
  for (const Row& r : *sequences) {
    names.push_back(r.Text(0));
    EXPECT_EQ(r.Int(1), 1) << r.Text(0);
  }
  EXPECT_THAT(names, ElementsAre("activities", "activity_outcomes", "activity_participants", "activity_tasks", "agreement_documents", "agreement_parties", "agreement_transitions", "agreements", "api_tokens", "application_transitions", "applications", "audit_events", "campaign_targets", "campaigns", "change_log", "contacts", "destinations", "event_registrations", "event_slots", "institutions", "login_failures", "organization_relations", "organizations", "posts", "students", "units", "users"));
  auto counts = db().Read([](Tx& tx) -> Result<std::int64_t> {
    std::int64_t total = 0;
    for (const char* table :
         {"regions", "majors", "industries", "institutions", "units", "organizations",
          "organization_relations", "contacts", "students", "posts", "change_log"}) {
      total += CountRows(tx, table);
    }
    return total;
  });
  TB_ASSERT_OK(counts);
  EXPECT_EQ(*counts, 0);
}

TEST_P(MigrateTest, TwoProcessesMigratingAtOnceApplyEachMigrationOnce) {
  TB_ASSERT_OK_AND_ASSIGN(auto other, empty_->OpenAnother(1));
  Result<int> a = 0, b = 0;
  std::thread t1([&] { a = Migrate(db()); });
  std::thread t2([&] { b = Migrate(*other); });
  t1.join();
  t2.join();
  TB_ASSERT_OK(a);
  TB_ASSERT_OK(b);
  EXPECT_EQ(*a + *b, static_cast<int>(kMigrations.size()));
  auto recorded =
      db().Read([](Tx& tx) -> Result<std::int64_t> { return CountRows(tx, "schema_migrations"); });
  TB_ASSERT_OK(recorded);
  EXPECT_EQ(*recorded, static_cast<std::int64_t>(kMigrations.size()));
}

TB_INSTANTIATE_BACKENDS(MigrateTest);

// ---- SplitStatements ------------------------------------------------------------------------

TEST(SplitStatements, SplitsAtSemicolonsThatEndALine) {
  EXPECT_THAT(SplitStatements("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n"),
              ElementsAre("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)"));
}

TEST(SplitStatements, KeepsMultiLineStatementsTogether) {
  auto statements = SplitStatements("CREATE TABLE a (\n  x INT,\n  y TEXT\n);\n");
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0], "CREATE TABLE a (\n  x INT,\n  y TEXT\n)");
}

TEST(SplitStatements, DropsCommentAndBlankLines) {
  EXPECT_THAT(SplitStatements("-- header\n\n  -- indented comment; with semicolon;\n"
                              "SELECT 1;\n\n-- trailer\n"),
              ElementsAre("SELECT 1"));
}

TEST(SplitStatements, IgnoresSemicolonsInsideQuotes) {
  EXPECT_THAT(SplitStatements("INSERT INTO t VALUES ('a;\nb;');\nSELECT 2;\n"),
              ElementsAre("INSERT INTO t VALUES ('a;\nb;')", "SELECT 2"));
}

TEST(SplitStatements, KeepsCommentLikeLinesInsideQuotes) {
  EXPECT_THAT(SplitStatements("INSERT INTO t VALUES ('first\n-- not a comment\nlast');\n"),
              ElementsAre("INSERT INTO t VALUES ('first\n-- not a comment\nlast')"));
}

TEST(SplitStatements, DoesNotSplitInsideALine) {
  EXPECT_THAT(SplitStatements("SELECT 1; SELECT 2;\n"), ElementsAre("SELECT 1; SELECT 2"));
}

TEST(SplitStatements, AcceptsTrailingWhitespaceAndCarriageReturns) {
  EXPECT_THAT(SplitStatements("SELECT 1;  \r\nSELECT 2;\t\n"), ElementsAre("SELECT 1", "SELECT 2"));
}

TEST(SplitStatements, KeepsALastStatementWithoutSemicolon) {
  EXPECT_THAT(SplitStatements("SELECT 1;\nSELECT 2"), ElementsAre("SELECT 1", "SELECT 2\n"));
}

TEST(SplitStatements, EmptyInputHasNoStatements) {
  EXPECT_THAT(SplitStatements(""), IsEmpty());
  EXPECT_THAT(SplitStatements("-- only a comment\n\n"), IsEmpty());
}

}  // namespace
}  // namespace tb::store
