// `talentbridge match student ID` and `match post ID` print the ranking with its reasons.

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/command.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using store::Repository;

TEST(CliMatch, PrintsRecommendationsAndCandidatesWithReasons) {
  auto test_db = TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(test_db, nullptr);
  domain::Id student = 0, post = 0;
  ASSERT_TRUE(test_db->db()
                  ->Write([&](store::Tx& tx) -> Status {
                    SeedReferenceRows(tx);
                    auto org = ValidOrganization("锦州车身部件有限公司");
                    org.verified = true;
                    auto o = Repository<domain::Organization>::Insert(tx, org, kNow);
                    auto i = Repository<domain::Institution>::Insert(tx, ValidInstitution(), kNow);
                    auto u = Repository<domain::Unit>::Insert(tx, ValidUnit(i.id), kNow);
                    // Of the graduating class, which full-time posts are for.
                    auto s = ValidStudent(i.id, u.id);
                    s.cohort = std::stoi(core::TodayUtc().substr(0, 4)) + 1;
                    student = Repository<domain::Student>::Insert(tx, s, kNow).id;
                    post = Repository<domain::Post>::Insert(tx, ValidPost(o.id), kNow).id;
                    return {};
                  })
                  .ok());
  auto run = Talentbridge("match student " + std::to_string(student) + " --db " + test_db->url() +
                          " --limit 5");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("1. "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("汽车零部件设计工程师"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("exact major"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("专业对口"), std::string::npos) << run.output;

  run = Talentbridge("match post " + std::to_string(post) + " --db " + test_db->url() + " --json");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("\"reasons\""), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("\"id\": " + std::to_string(student)), std::string::npos);

  run = Talentbridge("match student 999999 --db " + test_db->url());
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.output.find("not found"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace tb::testing
