// The store contract of the partnership entities (campaigns, targets, activities, outcome
// lines) on both backends: every field round-trips, updates keep created_at, lists page and
// filter, deleting a parent deletes its children with their change_log entries, a campaign with
// activities cannot be deleted, and the visit facts progress is computed from.

#include <gtest/gtest.h>

#include <algorithm>

#include "store/partnership_queries.hpp"
#include "store_contract.hpp"

namespace tb::store {
namespace {

using domain::Activity;
using domain::ActivityOutcome;
using domain::Campaign;
using domain::CampaignTarget;
using domain::Id;
using tb::testing::kLater;
using tb::testing::kNow;

class PartnershipStoreTest : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    SeedReference();
    institution_ = Insert(tb::testing::ValidInstitution())->id;
    unit_ = Insert(tb::testing::ValidUnit(institution_))->id;
    org_ = Insert(tb::testing::ValidOrganization("锦州测试汽车零部件有限公司"))->id;
  }

  Campaign NewCampaign(const std::string& name = "2023年访企拓岗专项行动") {
    Campaign c;
    c.institution_id = institution_;
    c.name = name;
    c.start_date = "2023-03-01";
    c.end_date = "2023-12-31";
    c.description = "书记校长访企拓岗";
    return c;
  }
  Activity NewVisit(Id campaign, std::optional<Id> org, const std::string& date = "2023-03-08") {
    Activity a;
    a.institution_id = institution_;
    a.kind = "visit_out";
    a.campaign_id = campaign;
    a.unit_id = unit_;
    a.organization_id = org;
    a.date = date;
    a.leader_name = "李明远";
    a.leader_title = "校长";
    return a;
  }
  ActivityOutcome NewLine(Id activity, Id org, std::int64_t posts) {
    ActivityOutcome o;
    o.activity_id = activity;
    o.organization_id = org;
    o.major_code = tb::testing::kVehicleEngineering;
    o.posts_offered = posts;
    o.average_pay = 6000;
    return o;
  }

  Id institution_ = 0, unit_ = 0, org_ = 0;
};

TEST_P(PartnershipStoreTest, EveryFieldRoundTripsAndUpdatesKeepCreatedAt) {
  TB_ASSERT_OK_AND_ASSIGN(auto campaign, Insert(NewCampaign()));
  EXPECT_EQ(campaign.id, 1);
  EXPECT_EQ(campaign.created_at, kNow);
  TB_ASSERT_OK_AND_ASSIGN(auto got, Get<Campaign>(campaign.id));
  EXPECT_EQ(got.name, "2023年访企拓岗专项行动");
  EXPECT_EQ(got.end_date, "2023-12-31");

  CampaignTarget target;
  target.campaign_id = campaign.id;
  target.leader_name = "李明远";
  target.leader_title = "校长";
  target.visits = 15;
  target.employers = 40;
  target.posts = 300;
  TB_ASSERT_OK_AND_ASSIGN(auto t, Insert(target));
  TB_ASSERT_OK_AND_ASSIGN(auto t2, Get<CampaignTarget>(t.id));
  EXPECT_FALSE(t2.unit_id.has_value());
  EXPECT_EQ(t2.leader_title, "校长");
  EXPECT_EQ(t2.posts, 300);

  TB_ASSERT_OK_AND_ASSIGN(auto visit, Insert(NewVisit(campaign.id, org_)));
  TB_ASSERT_OK_AND_ASSIGN(auto line, Insert(NewLine(visit.id, org_, 12)));
  TB_ASSERT_OK_AND_ASSIGN(auto l2, Get<ActivityOutcome>(line.id));
  EXPECT_EQ(l2.average_pay, 6000);
  EXPECT_FALSE(l2.intern_pay.has_value());
  EXPECT_EQ(l2.posts_offered, 12);

  visit.notes = "总经理一行来校";
  visit.unit_id.reset();
  TB_ASSERT_OK_AND_ASSIGN(auto updated, Update(visit));
  EXPECT_EQ(updated.created_at, kNow);
  EXPECT_EQ(updated.updated_at, kLater);
  TB_ASSERT_OK_AND_ASSIGN(auto v2, Get<Activity>(visit.id));
  EXPECT_EQ(v2.notes, "总经理一行来校");
  EXPECT_FALSE(v2.unit_id.has_value());
  EXPECT_EQ(v2.campaign_id, campaign.id);
}

TEST_P(PartnershipStoreTest, FiltersSelectByCampaignKindDateAndParticipant) {
  TB_ASSERT_OK_AND_ASSIGN(auto campaign, Insert(NewCampaign()));
  Id other = Insert(tb::testing::ValidOrganization("沈阳测试电子有限公司"))->id;
  TB_ASSERT_OK_AND_ASSIGN(auto a, Insert(NewVisit(campaign.id, org_, "2023-03-08")));
  TB_ASSERT_OK_AND_ASSIGN(auto b, Insert(NewVisit(campaign.id, std::nullopt, "2023-04-21")));
  TB_ASSERT_OK(Insert(NewLine(b.id, other, 3)));
  Activity lecture = NewVisit(campaign.id, other, "2023-05-01");
  lecture.kind = "lecture";
  lecture.campaign_id.reset();
  TB_ASSERT_OK_AND_ASSIGN(auto c, Insert(lecture));

  ActivityFilter f;
  f.campaign_id = campaign.id;
  EXPECT_EQ(ListIds<Activity>(ToWhere(f)), (std::vector<Id>{a.id, b.id}));
  ActivityFilter by_org;
  by_org.organization_id = other;  // counterpart of c, outcome line of b
  EXPECT_EQ(ListIds<Activity>(ToWhere(by_org)), (std::vector<Id>{b.id, c.id}));
  ActivityFilter dates;
  dates.from = "2023-04-01";
  dates.to = "2023-04-30";
  EXPECT_EQ(ListIds<Activity>(ToWhere(dates)), (std::vector<Id>{b.id}));
  ActivityFilter kind;
  kind.kind = "lecture";
  EXPECT_EQ(ListIds<Activity>(ToWhere(kind)), (std::vector<Id>{c.id}));
  ActivityFilter scoped;
  scoped.scope_organization_id = org_;
  EXPECT_EQ(ListIds<Activity>(ToWhere(scoped)), (std::vector<Id>{a.id}));

  CampaignFilter active;
  active.active_on = "2024-01-01";
  EXPECT_TRUE(ListIds<Campaign>(ToWhere(active)).empty());
  active.active_on = "2023-12-31";
  EXPECT_EQ(ListIds<Campaign>(ToWhere(active)).size(), 1u);
  CampaignFilter observer;
  observer.scope_institutions = std::vector<Id>{};
  EXPECT_TRUE(ListIds<Campaign>(ToWhere(observer)).empty());
  observer.scope_institutions = std::vector<Id>{institution_};
  EXPECT_EQ(ListIds<Campaign>(ToWhere(observer)).size(), 1u);
}

TEST_P(PartnershipStoreTest, DeletingAnActivityDeletesItsOutcomeLinesWithTheirChangeLog) {
  TB_ASSERT_OK_AND_ASSIGN(auto campaign, Insert(NewCampaign()));
  TB_ASSERT_OK_AND_ASSIGN(auto visit, Insert(NewVisit(campaign.id, org_)));
  TB_ASSERT_OK(Insert(NewLine(visit.id, org_, 1)));
  TB_ASSERT_OK(Delete<Activity>(visit.id));
  EXPECT_EQ(CountOf("activity_outcomes"), 0);
  EXPECT_EQ(CountOf("change_log", "entity = ? AND op = 'delete'", {P("activity outcome")}), 1);
  EXPECT_EQ(CountOf("change_log", "entity = ? AND op = 'delete'", {P("activity")}), 1);
}

TEST_P(PartnershipStoreTest, ACampaignWithActivitiesCannotBeDeletedButOneWithTargetsCan) {
  TB_ASSERT_OK_AND_ASSIGN(auto used, Insert(NewCampaign("有活动的行动")));
  TB_ASSERT_OK(Insert(NewVisit(used.id, org_)));
  TB_EXPECT_ERROR(Delete<Campaign>(used.id), ErrorCode::kConflict);

  TB_ASSERT_OK_AND_ASSIGN(auto planned, Insert(NewCampaign("只有目标的行动")));
  CampaignTarget t;
  t.campaign_id = planned.id;
  t.unit_id = unit_;
  TB_ASSERT_OK(Insert(t));
  TB_ASSERT_OK(Delete<Campaign>(planned.id));
  EXPECT_EQ(CountOf("campaign_targets"), 0);
}

TEST_P(PartnershipStoreTest, VisitFactsCollectEmployersAndPostsOfEachVisit) {
  TB_ASSERT_OK_AND_ASSIGN(auto campaign, Insert(NewCampaign()));
  auto second = tb::testing::ValidOrganization("沈阳测试机器人有限公司");
  Id other = Insert(second)->id;
  TB_ASSERT_OK_AND_ASSIGN(auto a, Insert(NewVisit(campaign.id, org_, "2023-03-08")));
  TB_ASSERT_OK(Insert(NewLine(a.id, org_, 5)));
  TB_ASSERT_OK(Insert(NewLine(a.id, other, 7)));
  auto post = tb::testing::ValidPost(org_);
  post.headcount = 4;
  post.source_activity_id = a.id;
  TB_ASSERT_OK(Insert(post));
  Activity talk = NewVisit(campaign.id, other, "2023-03-09");
  talk.kind = "symposium";  // not a visit
  TB_ASSERT_OK(Insert(talk));
  TB_ASSERT_OK(Insert(NewVisit(campaign.id, other, "2023-06-01")));

  auto facts = database().Read([&](Tx& tx) -> Result<std::vector<VisitFact>> {
    return CampaignVisits(tx, campaign.id, std::string("2023-03-01"), std::string("2023-03-31"));
  });
  TB_ASSERT_OK(facts);
  ASSERT_EQ(facts->size(), 1u);
  const VisitFact& f = facts->front();
  EXPECT_EQ(f.activity_id, a.id);
  EXPECT_EQ(f.unit_id, unit_);
  auto employers = f.employers;
  std::sort(employers.begin(), employers.end());
  employers.erase(std::unique(employers.begin(), employers.end()), employers.end());
  EXPECT_EQ(employers.size(), 2u);
  EXPECT_EQ(f.posts_from_posts, 4);
  EXPECT_EQ(f.posts_from_outcomes, 12);

  auto all = database().Read(
      [&](Tx& tx) -> Result<std::vector<VisitFact>> { return CampaignVisits(tx, campaign.id); });
  TB_ASSERT_OK(all);
  EXPECT_EQ(all->size(), 2u);
}

TEST_P(PartnershipStoreTest, ParticipantsAndTasksRoundTripAndGoWithTheirActivity) {
  TB_ASSERT_OK_AND_ASSIGN(auto campaign, Insert(NewCampaign()));
  Id guest = Insert(tb::testing::ValidOrganization("锦州测试参会企业有限公司"))->id;
  TB_ASSERT_OK_AND_ASSIGN(auto visit, Insert(NewVisit(campaign.id, org_)));
  domain::ActivityParticipant p;
  p.activity_id = visit.id;
  p.organization_id = guest;
  p.role = "guiding_unit";
  TB_ASSERT_OK_AND_ASSIGN(auto participant, Insert(p));
  TB_ASSERT_OK_AND_ASSIGN(auto got, Get<domain::ActivityParticipant>(participant.id));
  EXPECT_EQ(got.organization_id, guest);
  EXPECT_FALSE(got.unit_id.has_value());
  EXPECT_EQ(got.role, "guiding_unit");
  domain::ActivityTask t;
  t.activity_id = visit.id;
  t.title = "开展用人单位需求调研";
  t.owner = "招生就业处";
  t.due_date = "2023-04-30";
  TB_ASSERT_OK_AND_ASSIGN(auto task, Insert(t));
  task.done = true;
  task.due_date.reset();
  TB_ASSERT_OK(Update(task));
  TB_ASSERT_OK_AND_ASSIGN(auto t2, Get<domain::ActivityTask>(task.id));
  EXPECT_TRUE(t2.done);
  EXPECT_FALSE(t2.due_date.has_value());
  ActivityTaskFilter open;
  open.done = false;
  EXPECT_TRUE(ListIds<domain::ActivityTask>(ToWhere(open)).empty());

  // A participant took part: the recruiter's scope follows.
  ActivityFilter scoped;
  scoped.scope_organization_id = guest;
  EXPECT_EQ(ListIds<Activity>(ToWhere(scoped)), (std::vector<Id>{visit.id}));
  auto took_part =
      database().Read([&](Tx& tx) -> Result<bool> { return TookPart(tx, visit.id, guest); });
  TB_ASSERT_OK(took_part);
  EXPECT_TRUE(*took_part);

  TB_ASSERT_OK(Delete<Activity>(visit.id));
  EXPECT_EQ(CountOf("activity_participants"), 0);
  EXPECT_EQ(CountOf("activity_tasks"), 0);
}

TB_INSTANTIATE_BACKENDS(PartnershipStoreTest);

}  // namespace
}  // namespace tb::store
