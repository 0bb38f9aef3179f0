// The recruitment demo (issue #5) on both backends: the Yingshan group interview's figures are
// computed from the applications' transitions (more than 70 interviewed, more than 30
// intentions, some follow-ups); the 2022 livestream counts 230 enterprises and 200
// universities; applications exist in every state, for the demo student and to Johon Huayi's
// posts; the class of 2023 has destinations, employment figures and audit flags; LUT's job fair
// of the season is run by LUT's officers.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/time.hpp"
#include "demo/demo.hpp"
#include "demo/recruitment_demo.hpp"
#include "service/recruitment.hpp"
#include "store/agreement_queries.hpp"
#include "store/queries.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::demo {
namespace {

class RecruitmentDemoTest : public testing::DatabaseTest {};

TEST_P(RecruitmentDemoTest, FiguresAndBoardsAreComputedFromTheSeededRecords) {
  TB_ASSERT_OK(SeedDemo(database()));
  service::RecruitmentService svc(db(), "");
  auto admin = auth::SystemCaller("test");
  auto events = svc.ListEvents(admin, {});
  TB_ASSERT_OK(events);
  const service::EventView* yingshan = nullptr;
  const service::EventView* livestream = nullptr;
  for (const auto& e : *events) {
    if (e.activity.kind == "group_interview" && e.activity.date == "2025-05-16") yingshan = &e;
    if (e.activity.kind == "livestream" && e.activity.date == "2022-04-29") livestream = &e;
  }
  ASSERT_NE(yingshan, nullptr);
  ASSERT_NE(livestream, nullptr);

  auto figures = svc.Figures(admin, yingshan->activity.id);
  TB_ASSERT_OK(figures);
  EXPECT_GT(figures->interviewed, 70);
  EXPECT_GT(figures->intentions, 30);
  EXPECT_GT(figures->follow_ups, 0);
  EXPECT_EQ(figures->intentions, figures->internship_intentions + figures->employment_intentions);
  EXPECT_GT(yingshan->counters.checkins, 70);

  EXPECT_EQ(static_cast<std::int64_t>(livestream->organizations.size()) +
                livestream->settings.external_enterprises,
            230);
  EXPECT_EQ(static_cast<std::int64_t>(livestream->institutions.size()) +
                livestream->settings.external_institutions,
            200);
  EXPECT_TRUE(livestream->settings.stream_url.has_value());

  std::set<std::string> states;
  auto all = svc.ListApplications(admin, {}, {0, 1000});
  TB_ASSERT_OK(all);
  for (const auto& a : all->items) states.insert(a.state);
  for (auto s : domain::kApplicationStates) EXPECT_TRUE(states.count(std::string(s))) << s;

  // The demo student's own board and Johon Huayi's.
  auto student = db()->Read([&](store::Tx& tx) -> Result<domain::Id> {
    auto id = tx.QueryInt(
        "SELECT MIN(s.id) FROM students s JOIN units u ON u.id = s.unit_id JOIN institutions i "
        "ON i.id = u.institution_id WHERE u.name = '汽车与交通工程学院' AND i.name = "
        "'辽宁工业大学' AND s.cohort = 2027");
    if (!id) return Error::NotFound("demo student");
    return *id;
  });
  TB_ASSERT_OK(student);
  store::ApplicationFilter mine;
  mine.student_id = *student;
  auto board = svc.ListApplications(admin, mine, {0, 50});
  TB_ASSERT_OK(board);
  EXPECT_GE(board->items.size(), 3u);
  auto johon = db()->Read([&](store::Tx& tx) -> Result<domain::Id> {
    auto id = tx.QueryInt("SELECT id FROM organizations WHERE name = ?",
                          {store::P("聚鸿华亿（沈阳）电子科技有限公司")});
    if (!id) return Error::NotFound("Johon Huayi");
    return *id;
  });
  TB_ASSERT_OK(johon);
  store::ApplicationFilter to_johon;
  to_johon.organization_id = *johon;
  auto johon_board = svc.ListApplications(admin, to_johon, {0, 50});
  TB_ASSERT_OK(johon_board);
  std::set<std::string> johon_states;
  for (const auto& a : johon_board->items) johon_states.insert(a.state);
  EXPECT_GE(johon_states.size(), 9u);

  service::EmploymentQuery q;
  q.cohort = 2023;
  auto report = svc.Employment(admin, q);
  TB_ASSERT_OK(report);
  EXPECT_GT(*report->total.graduates, 100);
  EXPECT_GT(*report->total.placement_rate, 0.5);
  EXPECT_LT(*report->total.placement_rate, 1.0);
  auto lut = db()->Read([&](store::Tx& tx) -> Result<domain::Id> {
    return *tx.QueryInt("SELECT id FROM institutions WHERE name = '辽宁工业大学'");
  });
  TB_ASSERT_OK(lut);
  bool any_flag = false;
  auto institutions = db()->Read([&](store::Tx& tx) -> Result<std::vector<store::Row>> {
    return tx.Query("SELECT id FROM institutions");
  });
  TB_ASSERT_OK(institutions);
  for (const auto& row : *institutions) {
    auto flags = svc.Flags(admin, row.Int(0), 2023, std::nullopt);
    TB_ASSERT_OK(flags);
    any_flag = any_flag || !flags->empty();
  }
  EXPECT_TRUE(any_flag);

  // Placed graduates' evidence files are written beside the database at start.
  auto dir = std::filesystem::temp_directory_path() /
             ("tb-demo-files-" + std::string(testing::BackendName(GetParam())));
  std::filesystem::remove_all(dir);
  TB_ASSERT_OK(WriteDemoEvidence(database(), dir.string()));
  service::RecruitmentService with_files(db(), dir.string());
  store::DestinationFilter placed;
  placed.category = "contract_employment";
  auto some = with_files.ListDestinations(admin, placed, {0, 1});
  TB_ASSERT_OK(some);
  ASSERT_FALSE(some->items.empty());
  auto file = with_files.Evidence(admin, some->items[0].id);
  TB_ASSERT_OK(file);
  EXPECT_TRUE(file->first.starts_with("%PDF-"));
  EXPECT_EQ(file->second, "application/pdf");
  std::filesystem::remove_all(dir);
}

// LUT's job fair of the season: hosted by the School of Automobile on the seeding day, with
// the SASAC's enterprises and Johon Huayi, their open posts, registrations of the class of 2027
// (not the demo student's: they register in the app) and some check-ins; the LUT officers (the
// institution admin and the school's staff) check students in, another institution's may not.
TEST_P(RecruitmentDemoTest, LutOfficersRunCheckInAtTheirJobFair) {
  TB_ASSERT_OK(SeedDemo(database()));
  service::RecruitmentService svc(db(), "");
  auto ids = db()->Read([&](store::Tx& tx) -> Result<std::vector<domain::Id>> {
    auto lut = tx.QueryInt("SELECT id FROM institutions WHERE name = '辽宁工业大学'");
    auto unit = tx.QueryInt(
        "SELECT id FROM units WHERE name = '汽车与交通工程学院' AND "
        "institution_id = ?",
        {store::P(*lut)});
    auto cqut = tx.QueryInt("SELECT id FROM institutions WHERE name = '重庆理工大学'");
    auto johon = tx.QueryInt("SELECT id FROM organizations WHERE name = ?",
                             {store::P("聚鸿华亿（沈阳）电子科技有限公司")});
    return std::vector<domain::Id>{*lut, *unit, *cqut, *johon};
  });
  TB_ASSERT_OK(ids);
  auto [lut, unit, cqut, johon] = std::tuple((*ids)[0], (*ids)[1], (*ids)[2], (*ids)[3]);
  auth::Caller staff;
  staff.role = auth::Role::kUnitStaff;
  staff.institution_id = lut;
  staff.unit_id = unit;
  staff.email = "staff@test";
  service::EventListFilter filter;
  filter.kind = "job_fair";
  filter.institution_id = lut;
  auto fairs = svc.ListEvents(staff, filter);
  TB_ASSERT_OK(fairs);
  ASSERT_EQ(fairs->size(), 1u);
  const auto& fair = fairs->front();
  EXPECT_EQ(fair.activity.unit_id, unit);
  EXPECT_EQ(fair.activity.date, core::TodayUtc());
  EXPECT_EQ(fair.counters.registrations, 100);
  EXPECT_EQ(fair.counters.checkins, 40);
  EXPECT_EQ(fair.organizations.size(), 8u);  // the 7 supervised enterprises and Johon Huayi
  EXPECT_NE(std::find(fair.organizations.begin(), fair.organizations.end(), johon),
            fair.organizations.end());
  EXPECT_FALSE(fair.featured_posts.empty());

  auto registrations = svc.Registrations(staff, fair.activity.id);
  TB_ASSERT_OK(registrations);
  const domain::EventRegistration* waiting = nullptr;
  for (const auto& r : *registrations) {
    if (r.status == "registered") waiting = &r;
  }
  ASSERT_NE(waiting, nullptr);
  auth::Caller other = staff;
  other.role = auth::Role::kInstitutionAdmin;
  other.institution_id = cqut;
  other.unit_id.reset();
  auto refused = svc.CheckIn(other, fair.activity.id, waiting->code, core::NowUtc());
  ASSERT_FALSE(refused.ok());
  auto done = svc.CheckIn(staff, fair.activity.id, waiting->code, core::NowUtc());
  TB_ASSERT_OK(done);
  EXPECT_EQ(done->status, "checked_in");
  auth::Caller centre = staff;
  centre.role = auth::Role::kInstitutionAdmin;
  centre.unit_id.reset();
  auto again = svc.CheckIn(centre, fair.activity.id, waiting->code, core::NowUtc());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);  // managed by the centre, checked in
}

// SIT's internship base with Johon Huayi: its fulfilment, computed from the recruitment records
// by store::AgreementFulfilment, counts the 12 internship intentions of SIT's class of 2027 and
// the 3 signed full-time applications of its class of 2026 (plus any verified destination of the
// class of 2023 there); LUT's framework agreements with the SASAC's enterprises count none.
TEST_P(RecruitmentDemoTest, TheInternshipBaseHasFulfilmentFromItsRecords) {
  TB_ASSERT_OK(SeedDemo(database()));
  auto fulfilment = db()->Read([&](store::Tx& tx) -> Result<std::vector<store::Fulfilment>> {
    std::vector<store::Fulfilment> out;
    for (const char* title : {"毕业实习基地共建协议", "汽车与交通工程学院校企合作框架协议"}) {
      auto page = store::Repository<domain::Agreement>::List(
          tx, store::Where().And("title = ?", {store::P(title)}), {0, 2});
      if (page.items.size() != 1) return Error::NotFound(title);
      out.push_back(store::AgreementFulfilment(tx, page.items.front()));
    }
    auto destinations = tx.QueryInt(
        "SELECT COUNT(*) FROM destinations d JOIN agreements a ON a.institution_id = "
        "d.institution_id AND a.organization_id = d.organization_id WHERE a.title = ? AND "
        "d.status = 'verified' AND d.category IN ('contract_employment', 'other_employment')",
        {store::P("毕业实习基地共建协议")});
    out.push_back({*destinations, 0, ""});
    return out;
  });
  TB_ASSERT_OK(fulfilment);
  const auto& base = (*fulfilment)[0];
  EXPECT_EQ(base.interns_received, 12);
  EXPECT_EQ(base.hires, 3 + (*fulfilment)[2].interns_received);
  EXPECT_EQ((*fulfilment)[1].interns_received, 0);
}

TB_INSTANTIATE_BACKENDS(RecruitmentDemoTest);

}  // namespace
}  // namespace tb::demo
