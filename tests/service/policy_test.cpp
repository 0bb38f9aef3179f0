#include "service/policy.hpp"

#include <gtest/gtest.h>

#include <map>

#include "service/reports.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

TEST(Mask, HidesTheMiddleOfPersonalData) {
  EXPECT_EQ(MaskMobile("13812345678"), "138****5678");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskEmail("zhang.san@example.cn"), "z***@example.cn");
}

class MaskTest : public testing::DatabaseTest {};

TEST_P(MaskTest, OnlyRecruitersGetMaskedStudents) {
  domain::Student s = testing::ValidStudent(1, 1);
  s.id = 1;
  s.phone = "13812345678";
  Caller recruiter;
  recruiter.role = Role::kEnterpriseRecruiter;
  recruiter.organization_id = 1;  // no applications at all: masked
  Caller staff;
  staff.role = Role::kUnitStaff;
  TB_ASSERT_OK(db()->Read([&](store::Tx& tx) -> Status {
    domain::Student seen = s;
    Mask(tx, recruiter, seen);
    EXPECT_EQ(*seen.phone, "138****5678");
    std::vector<domain::Student> page = {s};
    MaskAll(tx, recruiter, page);
    EXPECT_EQ(*page[0].phone, "138****5678");
    seen = s;
    Mask(tx, staff, seen);
    EXPECT_EQ(*seen.phone, "13812345678");
    return {};
  }));
}

TB_INSTANTIATE_BACKENDS(MaskTest);

TEST(ScopeList, NarrowsStudentListsToTheCallersScope) {
  Caller staff;
  staff.role = Role::kUnitStaff;
  staff.unit_id = 7;
  store::StudentFilter f;
  TB_ASSERT_OK(ScopeList(staff, f));
  EXPECT_EQ(f.scope_unit_id, 7);

  Caller observer;
  observer.role = Role::kObserver;
  store::StudentFilter g;
  auto st = ScopeList(observer, g);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kForbidden);
}

class ReportTest : public testing::DatabaseTest {};

TEST_P(ReportTest, SuppressesCellsUnderFiveAndOneMoreWhenOnlyOneIsHidden) {
  domain::Id institution = 0;
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    testing::SeedReferenceRows(tx);
    institution = store::Repository<domain::Institution>::Insert(tx, testing::ValidInstitution(),
                                                                 testing::kNow)
                      .id;
    auto add_unit = [&](const char* name, int students) {
      auto unit = store::Repository<domain::Unit>::Insert(tx, testing::ValidUnit(institution, name),
                                                          testing::kNow);
      for (int i = 0; i < students; ++i) {
        store::Repository<domain::Student>::Insert(tx, testing::ValidStudent(institution, unit.id),
                                                   testing::kNow);
      }
    };
    add_unit("甲学院", 12);
    add_unit("乙学院", 3);
    add_unit("丙学院", 6);
    return {};
  }));
  Caller observer;
  observer.role = Role::kObserver;
  observer.observer_institutions = {institution};
  TB_ASSERT_OK_AND_ASSIGN(auto report, ReportStudents(*db(), observer, "unit"));
  ASSERT_EQ(report.cells.size(), 3u);
  std::map<std::string, std::optional<std::int64_t>> counts;
  for (const auto& c : report.cells) counts[c.label] = c.count;
  EXPECT_EQ(counts["甲学院"], 12);
  EXPECT_FALSE(counts["乙学院"].has_value());  // 3 < 5
  EXPECT_FALSE(counts["丙学院"].has_value());  // 6, hidden too: 21 - 12 - 6 would reveal 3
  EXPECT_EQ(report.total, 21);

  Caller outsider;
  outsider.role = Role::kObserver;
  outsider.observer_institutions = {institution + 1000};
  TB_ASSERT_OK_AND_ASSIGN(auto none, ReportStudents(*db(), outsider, "unit"));
  EXPECT_TRUE(none.cells.empty());

  Caller student;
  student.role = Role::kStudent;
  EXPECT_EQ(ReportStudents(*db(), student, "unit").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(ReportStudents(*db(), observer, "colour").error().code, ErrorCode::kInvalid);
}

TB_INSTANTIATE_BACKENDS(ReportTest);

}  // namespace
}  // namespace tb::service
