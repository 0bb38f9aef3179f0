// Campaign progress and weekly ranking against a small case computed by hand, on both
// backends; ISO weeks; the validation and scope rules of campaigns and activities.

#include "service/partnership_service.hpp"

#include <gtest/gtest.h>

#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

using domain::Id;

constexpr char kToday[] = "2025-06-01T08:00:00Z";

TEST(IsoWeek, GivesMondayAndSundayOfTheWeek) {
  auto w = domain::ParseIsoWeek("2023-W10");
  TB_ASSERT_OK(w);
  EXPECT_EQ(w->monday, "2023-03-06");  // 8 March 2023 was a Wednesday
  EXPECT_EQ(w->sunday, "2023-03-12");
  auto first = domain::ParseIsoWeek("2021-W01");  // week 1 of 2021 starts on 4 January
  TB_ASSERT_OK(first);
  EXPECT_EQ(first->monday, "2021-01-04");
  auto across = domain::ParseIsoWeek("2020-W53");  // 2020 has 53 weeks, ending in 2021
  TB_ASSERT_OK(across);
  EXPECT_EQ(across->sunday, "2021-01-03");
}

TEST(IsoWeek, OfADateFollowsTheThursdayRule) {
  EXPECT_EQ(domain::IsoWeekOf("2023-03-08"), "2023-W10");
  EXPECT_EQ(domain::IsoWeekOf("2021-01-03"), "2020-W53");
  EXPECT_EQ(domain::IsoWeekOf("2024-12-30"), "2025-W01");
}

TEST(IsoWeek, RefusesMalformedAndNonexistentWeeksNamingTheParameter) {
  for (const char* bad : {"2023-10", "2023W10", "2023-W1", "2023-W00", "2023-W53", "abcd-W10"}) {
    auto w = domain::ParseIsoWeek(bad);
    ASSERT_FALSE(w.ok()) << bad;
    ASSERT_EQ(w.error().fields.size(), 1u);
    EXPECT_EQ(w.error().fields[0].field, "week");
  }
}

TEST(Validate, CampaignEndBeforeStartNamesEndDate) {
  domain::Campaign c;
  c.institution_id = 1;
  c.name = "行动";
  c.start_date = "2023-03-01";
  c.end_date = "2023-02-28";
  auto errors = domain::Validate(c);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "end_date");
  c.end_date = "2023-02-30";
  errors = domain::Validate(c);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "end_date");
}

TEST(Validate, OutcomeNumbersMustNotBeNegative) {
  domain::ActivityOutcome o;
  o.activity_id = 1;
  o.organization_id = 1;
  o.major_code = "080207";
  o.posts_offered = -1;
  o.starting_salary = -5;
  auto errors = domain::Validate(o);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "posts_offered");
  EXPECT_EQ(errors[1].field, "starting_salary");
}

TEST(Validate, ATargetIsForAUnitOrForALeader) {
  domain::CampaignTarget t;
  t.campaign_id = 1;
  EXPECT_EQ(domain::Validate(t).size(), 1u);
  t.unit_id = 3;
  EXPECT_TRUE(domain::Validate(t).empty());
  t.leader_name = "李明远";
  EXPECT_EQ(domain::Validate(t).size(), 1u);
}

TEST(ScopeList, ActivitiesFollowTheCallersRole) {
  Caller staff;
  staff.role = auth::Role::kUnitStaff;
  staff.institution_id = 4;
  staff.unit_id = 9;
  store::ActivityFilter f;
  TB_ASSERT_OK(ScopeList(staff, f));
  EXPECT_EQ(f.scope_institution_id, 4);

  Caller recruiter;
  recruiter.role = auth::Role::kEnterpriseRecruiter;
  recruiter.organization_id = 12;
  store::ActivityFilter g;
  TB_ASSERT_OK(ScopeList(recruiter, g));
  EXPECT_EQ(g.scope_organization_id, 12);

  for (auto role : {auth::Role::kStudent, auth::Role::kObserver}) {
    Caller c;
    c.role = role;
    store::ActivityFilter h;
    TB_EXPECT_ERROR(ScopeList(c, h), ErrorCode::kForbidden);
  }
  Caller observer;
  observer.role = auth::Role::kObserver;
  observer.observer_institutions = {4};
  store::CampaignFilter cf;
  TB_ASSERT_OK(ScopeList(observer, cf));
  ASSERT_TRUE(cf.scope_institutions.has_value());
  EXPECT_EQ(*cf.scope_institutions, std::vector<Id>{4});
}

// The hand-computed case. One institution, units A and B; campaign C (March 2023).
//   visit 1  unit A, leader 校长, 2023-03-06 (week 10): counterpart E1; outcome lines E1 (5
//            posts) and E2 (3 posts); one post of E1 with headcount 4 opened by it.
//   visit 2  unit A, leader 校长, 2023-03-08 (week 10, visit_in): E1 again (counted once).
//   visit 3  unit B, no leader, 2023-03-14 (week 11): counterpart E3; one line E3 (10 posts).
//   symposium 2023-03-07 unit B with E4: not a visit, counts nowhere.
//   visit 4  of another campaign with E4: counts nowhere.
// Progress: total visits 3, employers {E1, E2, E3} = 3, posts 5 + 3 + 4 + 10 = 22.
//   A: visits 2, employers 2, posts 12 (target 4 / 5 / 50); B: visits 1, employers 1, posts 10
//   (no target); leader 校长: visits 2, employers 2, posts 12 (target 3 / 3 / 20).
// Ranking week 10: A = 2 + 2×2 + 12×0.1 = 7.2 rank 1; B = 0 rank 2.
// Ranking week 11: B = 1 + 2 + 1.0 = 4.0 rank 1; A = 0 rank 2.
class ProgressTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      auto now = std::string(testing::kNow);
      auto insert = [&](auto v) { return store::Repository<decltype(v)>::Insert(tx, v, now); };
      institution_ = insert(testing::ValidInstitution()).id;
      unit_a_ = insert(testing::ValidUnit(institution_, "A学院")).id;
      unit_b_ = insert(testing::ValidUnit(institution_, "B学院")).id;
      Id e1 = insert(testing::ValidOrganization("E1有限公司")).id;
      Id e2 = insert(testing::ValidOrganization("E2有限公司")).id;
      Id e3 = insert(testing::ValidOrganization("E3有限公司")).id;
      Id e4 = insert(testing::ValidOrganization("E4有限公司")).id;
      domain::Campaign c;
      c.institution_id = institution_;
      c.name = "C";
      c.start_date = "2023-03-01";
      c.end_date = "2023-03-31";
      campaign_ = insert(c).id;
      c.name = "other";
      Id other = insert(c).id;
      auto target = [&](std::optional<Id> unit, std::string leader, int v, int e, int p) {
        domain::CampaignTarget t;
        t.campaign_id = campaign_;
        t.unit_id = unit;
        t.leader_name = std::move(leader);
        if (!t.leader_name.empty()) t.leader_title = "校长";
        t.visits = v;
        t.employers = e;
        t.posts = p;
        insert(t);
      };
      target(unit_a_, "", 4, 5, 50);
      target(std::nullopt, "李明远", 3, 3, 20);
      auto activity = [&](Id campaign, std::optional<Id> unit, const char* kind, const char* date,
                          Id org, bool leader) {
        domain::Activity a;
        a.institution_id = institution_;
        a.campaign_id = campaign;
        a.unit_id = unit;
        a.kind = kind;
        a.date = date;
        a.organization_id = org;
        if (leader) {
          a.leader_name = "李明远";
          a.leader_title = "校长";
        }
        return insert(a).id;
      };
      auto line = [&](Id activity_id, Id org, int posts) {
        domain::ActivityOutcome o;
        o.activity_id = activity_id;
        o.organization_id = org;
        o.major_code = testing::kVehicleEngineering;
        o.posts_offered = posts;
        insert(o);
      };
      Id v1 = activity(campaign_, unit_a_, "visit_out", "2023-03-06", e1, true);
      line(v1, e1, 5);
      line(v1, e2, 3);
      auto post = testing::ValidPost(e1);
      post.headcount = 4;
      post.source_activity_id = v1;
      insert(post);
      activity(campaign_, unit_a_, "visit_in", "2023-03-08", e1, true);
      Id v3 = activity(campaign_, unit_b_, "visit_out", "2023-03-14", e3, false);
      line(v3, e3, 10);
      Id sym = activity(campaign_, unit_b_, "symposium", "2023-03-07", e4, false);
      line(sym, e4, 100);
      activity(other, unit_b_, "visit_out", "2023-03-07", e4, false);
      return Status{};
    }));
    admin_.role = auth::Role::kPlatformAdmin;
  }

  Id institution_ = 0, unit_a_ = 0, unit_b_ = 0, campaign_ = 0;
  Caller admin_;
};

TEST_P(ProgressTest, ProgressEqualsTheHandComputedFigures) {
  PartnershipServices s(db());
  TB_ASSERT_OK_AND_ASSIGN(auto p, s.Progress(admin_, campaign_));
  EXPECT_EQ(p.visits.done, 3);
  EXPECT_EQ(p.employers.done, 3);
  EXPECT_EQ(p.posts.done, 22);
  EXPECT_EQ(p.visits.target, 4);  // the sum of the unit targets
  ASSERT_EQ(p.by_unit.size(), 2u);
  const auto& a = p.by_unit[0];
  EXPECT_EQ(a.unit_id, unit_a_);
  EXPECT_EQ(a.visits.done, 2);
  EXPECT_EQ(a.employers.done, 2);
  EXPECT_EQ(a.posts.done, 12);
  EXPECT_EQ(a.visits.target, 4);
  EXPECT_EQ(a.employers.target, 5);
  EXPECT_EQ(a.posts.target, 50);
  const auto& b = p.by_unit[1];
  EXPECT_EQ(b.unit_id, unit_b_);
  EXPECT_EQ(b.visits.done, 1);
  EXPECT_EQ(b.employers.done, 1);
  EXPECT_EQ(b.posts.done, 10);
  EXPECT_FALSE(b.visits.target.has_value());
  ASSERT_EQ(p.by_leader.size(), 1u);
  EXPECT_EQ(p.by_leader[0].leader_name, "李明远");
  EXPECT_EQ(p.by_leader[0].visits.done, 2);
  EXPECT_EQ(p.by_leader[0].employers.done, 2);
  EXPECT_EQ(p.by_leader[0].posts.done, 12);
  EXPECT_EQ(p.by_leader[0].posts.target, 20);
}

TEST_P(ProgressTest, RankingEqualsTheHandComputedScores) {
  PartnershipServices s(db());
  TB_ASSERT_OK_AND_ASSIGN(auto w10, s.Ranking(admin_, campaign_, "2023-W10", kToday));
  EXPECT_EQ(w10.from, "2023-03-06");
  EXPECT_EQ(w10.to, "2023-03-12");
  ASSERT_EQ(w10.items.size(), 2u);
  EXPECT_EQ(w10.items[0].unit_id, unit_a_);
  EXPECT_EQ(w10.items[0].rank, 1);
  EXPECT_EQ(w10.items[0].score_tenths, 72);
  EXPECT_EQ(w10.items[1].unit_id, unit_b_);
  EXPECT_EQ(w10.items[1].rank, 2);
  EXPECT_EQ(w10.items[1].score_tenths, 0);

  TB_ASSERT_OK_AND_ASSIGN(auto w11, s.Ranking(admin_, campaign_, "2023-W11", kToday));
  EXPECT_EQ(w11.items[0].unit_id, unit_b_);
  EXPECT_EQ(w11.items[0].score_tenths, 40);

  TB_ASSERT_OK_AND_ASSIGN(auto w20, s.Ranking(admin_, campaign_, "2023-W20", kToday));
  EXPECT_EQ(w20.items[0].rank, 1);
  EXPECT_EQ(w20.items[1].rank, 1);  // equal scores share a rank
}

TEST_P(ProgressTest, WithoutAWeekTheRankingIsOfTheCurrentOrNearestWeekOfThePeriod) {
  PartnershipServices s(db());
  TB_ASSERT_OK_AND_ASSIGN(auto ended, s.Ranking(admin_, campaign_, std::nullopt, kToday));
  EXPECT_EQ(ended.week, "2023-W13");  // 31 March 2023, the campaign's last day
  TB_ASSERT_OK_AND_ASSIGN(auto running,
                          s.Ranking(admin_, campaign_, std::nullopt, "2023-03-08T10:00:00Z"));
  EXPECT_EQ(running.week, "2023-W10");
  EXPECT_EQ(running.items[0].score_tenths, 72);
  TB_ASSERT_OK_AND_ASSIGN(auto early,
                          s.Ranking(admin_, campaign_, std::nullopt, "2022-12-31T10:00:00Z"));
  EXPECT_EQ(early.week, "2023-W09");  // 1 March 2023 was a Wednesday
}

TEST_P(ProgressTest, ACampaignOutOfScopeIsNotFound) {
  PartnershipServices s(db());
  Caller observer;
  observer.role = auth::Role::kObserver;
  observer.observer_institutions = {institution_ + 100};
  TB_EXPECT_ERROR(s.Progress(observer, campaign_), ErrorCode::kNotFound);
  observer.observer_institutions = {institution_};
  TB_EXPECT_OK(s.Progress(observer, campaign_));
  Caller other_admin;
  other_admin.role = auth::Role::kInstitutionAdmin;
  other_admin.institution_id = institution_ + 100;
  TB_EXPECT_ERROR(s.Ranking(other_admin, campaign_, "2023-W10", kToday), ErrorCode::kNotFound);
}

TB_INSTANTIATE_BACKENDS(ProgressTest);

}  // namespace
}  // namespace tb::service
