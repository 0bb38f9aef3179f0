// The command line as a user types it: the talentbridge binary run as a child process.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "domain/agreement.hpp"
#include "store/database.hpp"
#include "store/migrate.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/command.hpp"

namespace {

using tb::testing::CommandRun;
using tb::testing::Talentbridge;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tb-cli-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "cli.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string db_;
};

std::filesystem::path SharedData() { return TB_SHARED_DATA_DIR; }

TEST_F(CliTest, VersionPrintsTheVersion) {
  CommandRun run = Talentbridge("version");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.output.find("talentbridge " TB_VERSION), std::string::npos) << run.output;
}

TEST_F(CliTest, MigrateCreatesTheDatabaseAndReportsItsVersion) {
  CommandRun run = Talentbridge("migrate --db " + db_);
  EXPECT_EQ(run.status, 0) << run.output;
  std::string version = "schema version " + std::to_string(tb::store::kMigrations.back().version);
  EXPECT_NE(run.output.find(version), std::string::npos) << run.output;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "cli.db"));
  EXPECT_EQ(Talentbridge("migrate --db " + db_).status, 0);  // idempotent
}

TEST_F(CliTest, RefusesAnUnknownDatabaseUrl) {
  CommandRun run = Talentbridge("migrate --db mysql://x");
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.output.find("sqlite:PATH"), std::string::npos) << run.output;
}

TEST_F(CliTest, ImportRefusesAFileWithABadRowAndNamesIt) {
  auto file = dir_ / "provinces.csv";
  FILE* f = std::fopen(file.c_str(), "w");
  std::fputs("code,name\n21,辽宁省\n2X,坏行\n", f);
  std::fclose(f);
  CommandRun run = Talentbridge("import regions " + file.string() + " --db " + db_);
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.output.find("line 3"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("nothing was written"), std::string::npos) << run.output;
}

TEST_F(CliTest, ImportUnknownKindIsAnError) {
  CommandRun run = Talentbridge("import towns x.csv --db " + db_);
  EXPECT_NE(run.status, 0);
}

TEST_F(CliTest, ImportsTheOfficialListsFromSharedData) {
  auto regions = SharedData() / "regions";
  if (!std::filesystem::exists(regions / "provinces.csv")) {
    GTEST_SKIP() << "skipped: " << regions << " not present (../shared/data is optional)";
  }
  CommandRun run = Talentbridge("import regions " + (regions / "provinces.csv").string() + " " +
                                (regions / "cities.csv").string() + " " +
                                (regions / "areas.csv").string() + " --db " + db_);
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("imported 31"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("imported 342"), std::string::npos) << run.output;
  run = Talentbridge("import majors " + (SharedData() / "majors/undergraduate-2026.json").string() +
                     " --db " + db_);
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("imported 883"), std::string::npos) << run.output;

  run = Talentbridge("import regions --dry-run " + (regions / "provinces.csv").string() + " --db " +
                     db_);
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("dry run"), std::string::npos) << run.output;
}

}  // namespace

namespace {

TEST_F(CliTest, VisitsExportAndImportNameTheMissingCampaign) {
  ASSERT_EQ(Talentbridge("migrate --db " + db_).status, 0);
  auto out = (dir_ / "visits.csv").string();
  CommandRun exported =
      Talentbridge("export visits --campaign 7 --format csv --out " + out + " --db " + db_);
  EXPECT_NE(exported.status, 0);
  EXPECT_NE(exported.output.find("campaign 7 not found"), std::string::npos) << exported.output;
  CommandRun format =
      Talentbridge("export visits --campaign 7 --format ods --out " + out + " --db " + db_);
  EXPECT_NE(format.status, 0);
  EXPECT_NE(format.output.find("csv or xlsx"), std::string::npos) << format.output;
  FILE* f = std::fopen(out.c_str(), "w");
  std::fputs("\xEF\xBB\xBF学校代码\r\n", f);
  std::fclose(f);
  CommandRun no_campaign = Talentbridge("import visits " + out + " --db " + db_);
  EXPECT_NE(no_campaign.status, 0);
  EXPECT_NE(no_campaign.output.find("--campaign"), std::string::npos) << no_campaign.output;
}

// `agreements sweep`: an active agreement ending within 60 days moves to expiring, one that has
// ended to expired; the moves are printed; a second run moves nothing.
TEST_F(CliTest, AgreementsSweepMovesAgreementsByTheirEndDateOnce) {
  ASSERT_EQ(Talentbridge("migrate --db " + db_).status, 0);
  std::vector<tb::domain::Id> ids;
  {
    auto db = tb::store::Database::Open(db_, 1);
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto written = (*db)->Write([&](tb::store::Tx& tx) -> tb::Status {
      tb::testing::SeedReferenceRows(tx);
      const std::string now = tb::testing::kNow;
      auto institution = tb::store::Repository<tb::domain::Institution>::Insert(
          tx, tb::testing::ValidInstitution(), now);
      auto org = tb::store::Repository<tb::domain::Organization>::Insert(
          tx, tb::testing::ValidOrganization("锦州测试电子有限公司"), now);
      const std::string today = tb::core::TodayUtc();
      for (auto end : {tb::core::AddDays(today, 30), tb::core::AddDays(today, -1),
                       tb::core::AddDays(today, 90)}) {
        tb::domain::Agreement a;
        a.institution_id = institution.id;
        a.organization_id = org.id;
        a.kind = "framework";
        a.title = "框架协议 " + end;
        a.start_date = "2023-04-21";
        a.end_date = end;
        a.status = "active";
        ids.push_back(tb::store::Repository<tb::domain::Agreement>::Insert(tx, a, now).id);
      }
      return {};
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }
  CommandRun run = Talentbridge("agreements sweep --db " + db_);
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("agreement " + std::to_string(ids[0]) + ": active -> expiring"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("agreement " + std::to_string(ids[1]) + ": active -> expired"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("agreement " + std::to_string(ids[2]) + ":"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("2 agreements moved (expiring window: 60 days)"), std::string::npos)
      << run.output;
  CommandRun again = Talentbridge("agreements sweep --db " + db_);
  EXPECT_EQ(again.status, 0) << again.output;
  EXPECT_NE(again.output.find("0 agreements moved"), std::string::npos) << again.output;
}

}  // namespace
