// The 访企拓岗 exchange of a campaign's visits on both backends: export → import into a fresh
// campaign round-trips every outcome line field by field, as CSV and as XLSX; the CSV is UTF-8
// with a BOM and CRLF; a bad row names its row number and column and nothing is imported; a dry
// run writes nothing.

#include "service/visit_exchange.hpp"

#include <gtest/gtest.h>

#include <set>

#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

using domain::Id;

class VisitExchangeTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      auto now = std::string(testing::kNow);
      auto insert = [&](auto v) { return store::Repository<decltype(v)>::Insert(tx, v, now); };
      institution_ = insert(testing::ValidInstitution()).id;
      unit_ = insert(testing::ValidUnit(institution_, "信息与控制学院")).id;
      Id e1 = insert(testing::ValidOrganization("聚鸿华亿（沈阳）电子科技有限公司")).id;
      Id e2 = insert(testing::ValidOrganization("沈阳测试机床有限公司")).id;
      Id sasac = insert(testing::ValidOrganization("测试国资委")).id;
      source_ = NewCampaign(tx, "源行动");
      target_ = NewCampaign(tx, "目标行动");
      xlsx_target_ = NewCampaign(tx, "XLSX目标行动");

      domain::Activity v1;
      v1.institution_id = institution_;
      v1.campaign_id = source_;
      v1.unit_id = unit_;
      v1.kind = "visit_in";
      v1.organization_id = e1;
      v1.date = "2023-03-08";
      v1.place = "沈阳工学院";
      v1.leader_name = "李明远";
      v1.leader_title = "校长";
      v1.receiver_name = "王经理";
      v1.receiver_title = "总经理";
      Id a1 = insert(v1).id;
      domain::ActivityOutcome l1;
      l1.activity_id = a1;
      l1.organization_id = e1;
      l1.major_code = testing::kVehicleEngineering;
      l1.posts_offered = 12;
      l1.average_pay = 5500;
      l1.interns_accepted = 15;
      l1.intern_pay = 2750;
      l1.hires_planned = 8;
      l1.starting_salary = 5000;
      l1.other_cooperation = "共建实习基地, \"订单班\"\n第二行";
      l1.main_result_form = "=达成意向";  // formula-like text stays text
      insert(l1);
      domain::ActivityOutcome l2;
      l2.activity_id = a1;
      l2.organization_id = e2;
      l2.major_code = testing::kElectricalEngineering;
      l2.level = "master";
      l2.posts_offered = 3;
      insert(l2);

      domain::Activity v2 = v1;  // a visit to a body, its lines for the enterprises present
      v2.kind = "visit_out";
      v2.unit_id = std::nullopt;
      v2.organization_id = sasac;
      v2.date = "2023-04-21";
      v2.receiver_name = "";
      Id a2 = insert(v2).id;
      domain::ActivityOutcome l3 = l2;
      l3.activity_id = a2;
      l3.level = "bachelor";
      l3.hires_planned = 2;
      insert(l3);
      domain::Activity v3 = v1;  // a visit without lines
      v3.date = "2023-05-06";
      insert(v3);
      return Status{};
    }));
    admin_.role = auth::Role::kPlatformAdmin;
    admin_.email = "admin@example.cn";
  }

  Id NewCampaign(store::Tx& tx, const std::string& name) {
    domain::Campaign c;
    c.institution_id = institution_;
    c.name = name;
    c.start_date = "2023-03-01";
    c.end_date = "2023-12-31";
    return store::Repository<domain::Campaign>::Insert(tx, c, testing::kNow).id;
  }

  // The lines of a campaign's visits, without ids and times, in a stable order.
  std::vector<std::string> Lines(Id campaign) {
    auto out = db()->Read([&](store::Tx& tx) -> Result<std::vector<std::string>> {
      std::vector<std::string> lines;
      for (const auto& r : tx.Query(
               "SELECT a.kind, a.date, COALESCE(a.unit_id, 0), COALESCE(a.organization_id, 0), "
               "a.leader_name, a.leader_title, a.receiver_name, a.receiver_title, a.place, "
               "COALESCE(x.organization_id, 0), COALESCE(x.major_code, ''), "
               "COALESCE(x.level, ''), COALESCE(x.posts_offered, -1), "
               "COALESCE(x.average_pay, -1), COALESCE(x.interns_accepted, -1), "
               "COALESCE(x.intern_pay, -1), COALESCE(x.hires_planned, -1), "
               "COALESCE(x.starting_salary, -1), COALESCE(x.other_cooperation, ''), "
               "COALESCE(x.main_result_form, '') FROM activities a LEFT JOIN activity_outcomes "
               "x ON x.activity_id = a.id WHERE a.campaign_id = ? ORDER BY a.date, x.id",
               {store::P(campaign)})) {
        std::string line;
        const std::set<std::size_t> ints = {2, 3, 9, 12, 13, 14, 15, 16, 17};
        for (std::size_t i = 0; i < 20; ++i) {
          line += (ints.count(i) ? std::to_string(r.Int(i)) : r.Text(i)) + "|";
        }
        lines.push_back(line);
      }
      return lines;
    });
    return out.ok() ? *out : std::vector<std::string>{"error: " + out.error().message};
  }

  Id institution_ = 0, unit_ = 0, source_ = 0, target_ = 0, xlsx_target_ = 0;
  Caller admin_;
};

TEST_P(VisitExchangeTest, CsvIsUtf8WithBomCrlfAndOneRowPerVisitAndLine) {
  VisitExchange x(db());
  TB_ASSERT_OK_AND_ASSIGN(auto out, x.Export(admin_, source_, report::SheetFormat::kCsv));
  EXPECT_TRUE(out.bytes.starts_with("\xEF\xBB\xBF学校代码,企业名称,统一社会信用代码"));
  EXPECT_NE(out.bytes.find("\r\n"), std::string::npos);
  TB_ASSERT_OK_AND_ASSIGN(auto table, report::ReadTable(out.bytes, report::SheetFormat::kCsv));
  EXPECT_EQ(table.rows.size(), 4u);  // 2 lines + 1 line + 1 visit without lines
  EXPECT_NE(out.bytes.find("'=达成意向"), std::string::npos);  // protected for Excel
}

TEST_P(VisitExchangeTest, ExportThenImportRoundTripsEveryLineAsCsvAndXlsx) {
  VisitExchange x(db());
  auto before = Lines(source_);
  ASSERT_EQ(before.size(), 4u);
  for (auto [format, target] : {std::pair{report::SheetFormat::kCsv, target_},
                                std::pair{report::SheetFormat::kXlsx, xlsx_target_}}) {
    TB_ASSERT_OK_AND_ASSIGN(auto out, x.Export(admin_, source_, format));
    TB_ASSERT_OK_AND_ASSIGN(auto dry,
                            x.Import(admin_, target, out.bytes, format, true, testing::kLater));
    EXPECT_TRUE(dry.errors.empty()) << dry.errors[0].message;
    EXPECT_FALSE(dry.imported);
    EXPECT_EQ(dry.visits, 3u);
    EXPECT_EQ(dry.lines, 3u);
    EXPECT_TRUE(Lines(target).empty());  // a dry run writes nothing
    TB_ASSERT_OK_AND_ASSIGN(auto done,
                            x.Import(admin_, target, out.bytes, format, false, testing::kLater));
    ASSERT_TRUE(done.errors.empty()) << done.errors[0].column << ": " << done.errors[0].message;
    EXPECT_TRUE(done.imported);
    EXPECT_EQ(done.activity_ids.size(), 3u);
    EXPECT_EQ(Lines(target), before);
  }
}

TEST_P(VisitExchangeTest, ABadRowNamesItsRowAndColumnAndNothingIsImported) {
  VisitExchange x(db());
  TB_ASSERT_OK_AND_ASSIGN(auto out, x.Export(admin_, source_, report::SheetFormat::kCsv));
  std::string csv = out.bytes;
  auto pos = csv.find("2023-04-21");  // the SASAC visit's row
  ASSERT_NE(pos, std::string::npos);
  csv.replace(pos, 10, "2023-02-30");
  auto code = csv.find(testing::kElectricalEngineering, csv.find("\r\n") + 2);
  ASSERT_NE(code, std::string::npos);
  csv.replace(code, 6, "999999");
  TB_ASSERT_OK_AND_ASSIGN(auto report, x.Import(admin_, target_, csv, report::SheetFormat::kCsv,
                                                false, testing::kLater));
  EXPECT_FALSE(report.imported);
  ASSERT_EQ(report.errors.size(), 2u);
  // The file's physical lines: 1 header, 2-3 the first visit (line 2 has a quoted line break,
  // so the second line starts on line 4), 5 the SASAC visit.
  EXPECT_EQ(report.errors[0].row, 4u);
  EXPECT_EQ(report.errors[0].column, "需求专业代码");
  EXPECT_EQ(report.errors[1].row, 5u);
  EXPECT_EQ(report.errors[1].column, "走访时间");
  EXPECT_TRUE(Lines(target_).empty());

  std::string wrong_school = out.bytes;
  auto school = wrong_school.find("\r\n") + 2;
  wrong_school.insert(school, "9");
  TB_ASSERT_OK_AND_ASSIGN(auto r2, x.Import(admin_, target_, wrong_school,
                                            report::SheetFormat::kCsv, false, testing::kLater));
  ASSERT_FALSE(r2.errors.empty());
  EXPECT_EQ(r2.errors[0].row, 2u);
  EXPECT_EQ(r2.errors[0].column, "学校代码");
  EXPECT_TRUE(Lines(target_).empty());
}

TEST_P(VisitExchangeTest, AMissingStandardColumnIsReportedOnTheHeaderRow) {
  VisitExchange x(db());
  std::string csv = "\xEF\xBB\xBF学校代码,企业名称\r\n1,2\r\n";
  TB_ASSERT_OK_AND_ASSIGN(auto report, x.Import(admin_, target_, csv, report::SheetFormat::kCsv,
                                                true, testing::kLater));
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors[0].row, 1u);
  EXPECT_EQ(report.errors[0].column, "统一社会信用代码");
  TB_EXPECT_ERROR(
      x.Import(admin_, target_, "not a zip", report::SheetFormat::kXlsx, true, testing::kLater),
      ErrorCode::kInvalid);
}

TEST_P(VisitExchangeTest, ObserversAndOtherInstitutionsCannotExport) {
  VisitExchange x(db());
  Caller observer;
  observer.role = auth::Role::kObserver;
  observer.observer_institutions = {institution_};
  TB_EXPECT_ERROR(x.Export(observer, source_, report::SheetFormat::kCsv), ErrorCode::kForbidden);
  Caller other;
  other.role = auth::Role::kInstitutionAdmin;
  other.institution_id = institution_ + 100;
  TB_EXPECT_ERROR(x.Export(other, source_, report::SheetFormat::kCsv), ErrorCode::kNotFound);
}

TB_INSTANTIATE_BACKENDS(VisitExchangeTest);

}  // namespace
}  // namespace tb::service
