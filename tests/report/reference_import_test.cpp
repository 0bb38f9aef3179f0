#include "report/reference_import.hpp"

#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/csv.hpp"
#include "store/queries.hpp"
#include "testing/test_database.hpp"

namespace tb::report {
namespace {

using ::testing::SizeIs;

std::string SharedData(const std::string& relative_path) {
  return std::string(TB_SHARED_DATA_DIR) + "/" + relative_path;
}

// ---- CSV reader -------------------------------------------------------------------------

std::vector<std::string> Fields(std::initializer_list<const char*> values) {
  return {values.begin(), values.end()};
}

TEST(CsvTest, ParsesQuotedFieldsWithCommasAndDoubledQuotes) {
  CsvDocument doc = ParseCsv("code,name\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"\"\n");
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_THAT(doc.rows, SizeIs(4));
  EXPECT_EQ(doc.rows[1].fields, Fields({"1", "a, b"}));
  EXPECT_EQ(doc.rows[2].fields, Fields({"2", "say \"hi\""}));
  EXPECT_EQ(doc.rows[3].fields, Fields({"3", ""}));
}

TEST(CsvTest, StripsBomAndAcceptsCrlfAndLoneCr) {
  CsvDocument doc = ParseCsv(
      "\xEF\xBB\xBF"
      "code,name\r\n11,\"北京市\"\r\n12,天津市\r13,x");
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_THAT(doc.rows, SizeIs(4));
  EXPECT_EQ(doc.rows[0].fields, Fields({"code", "name"}));
  EXPECT_EQ(doc.rows[1].fields, Fields({"11", "北京市"}));
  EXPECT_EQ(doc.rows[2].fields, Fields({"12", "天津市"}));
  EXPECT_EQ(doc.rows[3].line, 4u);
  EXPECT_EQ(doc.rows[3].fields, Fields({"13", "x"}));
}

TEST(CsvTest, KeepsLineBreaksInQuotedFieldsAndNumbersRecordsByTheirFirstLine) {
  CsvDocument doc = ParseCsv("a,b\n1,\"two\r\nlines\"\n\n2,x\n");
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_THAT(doc.rows, SizeIs(3));
  EXPECT_EQ(doc.rows[1].line, 2u);
  EXPECT_EQ(doc.rows[1].fields, Fields({"1", "two\r\nlines"}));
  EXPECT_EQ(doc.rows[2].line, 5u);  // line 4 is empty and skipped
}

TEST(CsvTest, KeepsEmptyFieldsAndFieldsAsWritten) {
  CsvDocument doc = ParseCsv(",a ,\n");
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_THAT(doc.rows, SizeIs(1));
  EXPECT_EQ(doc.rows[0].fields, Fields({"", "a ", ""}));
}

TEST(CsvTest, ReportsQuoteInsideUnquotedFieldAndGoesOn) {
  CsvDocument doc = ParseCsv("a,b\n1,ab\"c\n2,ok\n");
  ASSERT_THAT(doc.errors, SizeIs(1));
  EXPECT_EQ(doc.errors[0].line, 2u);
  EXPECT_NE(doc.errors[0].message.find("quote inside an unquoted field"), std::string::npos);
  ASSERT_THAT(doc.rows, SizeIs(2));
  EXPECT_EQ(doc.rows[1].line, 3u);
  EXPECT_EQ(doc.rows[1].fields, Fields({"2", "ok"}));
}

TEST(CsvTest, ReportsTextAfterClosingQuote) {
  CsvDocument doc = ParseCsv("a,b\n1,\"x\"y\n2,z\n");
  ASSERT_THAT(doc.errors, SizeIs(1));
  EXPECT_EQ(doc.errors[0].line, 2u);
  EXPECT_NE(doc.errors[0].message.find("after the closing quote of field 2"), std::string::npos);
  EXPECT_THAT(doc.rows, SizeIs(2));
}

TEST(CsvTest, ReportsQuoteNeverClosedAtTheLineItOpened) {
  CsvDocument doc = ParseCsv("a,b\n1,x\n2,\"open\n3,y\n");
  ASSERT_THAT(doc.errors, SizeIs(1));
  EXPECT_EQ(doc.errors[0].line, 3u);
  EXPECT_NE(doc.errors[0].message.find("opened on line 3 is never closed"), std::string::npos);
  EXPECT_THAT(doc.rows, SizeIs(2));
}

TEST(CsvTest, ReportsLineThatIsNotUtf8) {
  CsvDocument doc = ParseCsv("a,b\n1,\xB1\xB1\xBE\xA9\n2,ok\n");  // "北京" in GBK
  ASSERT_THAT(doc.errors, SizeIs(1));
  EXPECT_EQ(doc.errors[0].line, 2u);
  EXPECT_NE(doc.errors[0].message.find("UTF-8"), std::string::npos);
  EXPECT_THAT(doc.rows, SizeIs(2));
}

TEST(CsvTest, FieldsWrittenWithCsvFieldReadBack) {
  std::vector<std::string> values = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded ", ""};
  std::string line;
  for (const std::string& v : values) line += (line.empty() ? "" : ",") + CsvField(v);
  CsvDocument doc = ParseCsv(line);
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_THAT(doc.rows, SizeIs(1));
  EXPECT_EQ(doc.rows[0].fields, values);
}

TEST(CsvTest, RecognisesValidAndInvalidUtf8) {
  EXPECT_TRUE(IsValidUtf8("ascii 辽宁 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE8\xBE"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

// ---- Regions ----------------------------------------------------------------------------

std::string FieldsOf(const std::vector<RowError>& errors) {
  std::string out;
  for (const RowError& e : errors) {
    out += std::to_string(e.line) + ":" + e.field + " (" + e.message + ")\n";
  }
  return out;
}

TEST(RegionsCsvTest, StoresProvincesAsSixDigitCodesWithoutParent) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name\n21,\"辽宁省\"\n51,四川省\n", &errors);
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  ASSERT_TRUE(errors.empty()) << FieldsOf(errors);
  ASSERT_THAT(*regions, SizeIs(2));
  EXPECT_EQ((*regions)[0].code, "210000");
  EXPECT_EQ((*regions)[0].name, "辽宁省");
  EXPECT_EQ((*regions)[0].level, 1);
  EXPECT_EQ((*regions)[0].parent_code, "");
}

TEST(RegionsCsvTest, StoresCitiesUnderTheirProvince) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name,provinceCode\n2113,\"朝阳市\",21\n", &errors);
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  ASSERT_TRUE(errors.empty()) << FieldsOf(errors);
  ASSERT_THAT(*regions, SizeIs(1));
  EXPECT_EQ((*regions)[0].code, "211300");
  EXPECT_EQ((*regions)[0].level, 2);
  EXPECT_EQ((*regions)[0].parent_code, "210000");
}

TEST(RegionsCsvTest, StoresCountiesUnderTheirCity) {
  std::vector<RowError> errors;
  auto regions =
      ParseRegionsCsv("code,name,cityCode,provinceCode\n211302,\"双塔区\",2113,21\n", &errors);
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  ASSERT_TRUE(errors.empty()) << FieldsOf(errors);
  ASSERT_THAT(*regions, SizeIs(1));
  EXPECT_EQ((*regions)[0].code, "211302");
  EXPECT_EQ((*regions)[0].level, 3);
  EXPECT_EQ((*regions)[0].parent_code, "211300");
}

TEST(RegionsCsvTest, StoresCountyRowWithItsCityCodeAsThatCity) {
  std::vector<RowError> errors;
  auto regions =
      ParseRegionsCsv("code,name,cityCode,provinceCode\n441900,\"东莞市\",4419,44\n", &errors);
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  ASSERT_TRUE(errors.empty()) << FieldsOf(errors);
  ASSERT_THAT(*regions, SizeIs(1));
  EXPECT_EQ((*regions)[0].level, 2);
  EXPECT_EQ((*regions)[0].parent_code, "440000");
}

TEST(RegionsCsvTest, RejectsUnknownRegionsHeaderNamingTheAcceptedOnes) {
  auto regions = ParseRegionsCsv("id,title\n21,辽宁省\n", nullptr);
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().code, ErrorCode::kInvalid);
  EXPECT_NE(regions.error().message.find("id,title"), std::string::npos);
  EXPECT_NE(regions.error().message.find("code,name,cityCode,provinceCode"), std::string::npos);
}

TEST(RegionsCsvTest, RejectsEmptyFile) {
  auto regions = ParseRegionsCsv("\xEF\xBB\xBF\n", nullptr);
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().code, ErrorCode::kInvalid);
}

TEST(RegionsCsvTest, RejectsRegionRowWithBadCode) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name\n21,辽宁省\n2x,坏\n99,无\n", &errors);
  ASSERT_TRUE(regions.ok());
  EXPECT_THAT(*regions, SizeIs(1));
  ASSERT_THAT(errors, SizeIs(2)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 3u);
  EXPECT_EQ(errors[0].field, "code");
  EXPECT_NE(errors[0].message.find("must be 2 digits"), std::string::npos);
  EXPECT_EQ(errors[1].line, 4u);
  EXPECT_EQ(errors[1].field, "code");
  EXPECT_NE(errors[1].message.find("province"), std::string::npos);
}

TEST(RegionsCsvTest, RejectsRegionRowOfTheWrongLevel) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name,provinceCode\n2100,省,21\n", &errors);
  ASSERT_TRUE(regions.ok());
  ASSERT_THAT(errors, SizeIs(1)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].field, "code");
  EXPECT_NE(errors[0].message.find("not a city code"), std::string::npos);
}

TEST(RegionsCsvTest, RejectsCityInAnotherProvince) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name,provinceCode\n2113,朝阳市,51\n", &errors);
  ASSERT_TRUE(regions.ok());
  EXPECT_TRUE(regions->empty());
  ASSERT_THAT(errors, SizeIs(1)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].field, "provinceCode");
}

TEST(RegionsCsvTest, RejectsCountyInAnotherCity) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv(
      "code,name,cityCode,provinceCode\n211302,双塔区,2101,21\n"
      "211303,龙城区,5113,21\n",
      &errors);
  ASSERT_TRUE(regions.ok());
  EXPECT_TRUE(regions->empty());
  ASSERT_THAT(errors, SizeIs(2)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].field, "cityCode");
  EXPECT_EQ(errors[1].line, 3u);
  EXPECT_EQ(errors[1].field, "cityCode");
  EXPECT_NE(errors[1].message.find("not in province"), std::string::npos);
}

TEST(RegionsCsvTest, RejectsDuplicateRegionCodeNamingTheFirstLine) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name\n21,辽宁省\n51,四川省\n21,又一个\n", &errors);
  ASSERT_TRUE(regions.ok());
  ASSERT_THAT(errors, SizeIs(1)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 4u);
  EXPECT_NE(errors[0].message.find("first on line 2"), std::string::npos);
}

TEST(RegionsCsvTest, RejectsRowsWithMissingFieldsOrEmptyName) {
  std::vector<RowError> errors;
  auto regions = ParseRegionsCsv("code,name,provinceCode\n2113,朝阳市\n2101,,21\n", &errors);
  ASSERT_TRUE(regions.ok());
  ASSERT_THAT(errors, SizeIs(2)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_NE(errors[0].message.find("expected 3 fields"), std::string::npos);
  EXPECT_EQ(errors[1].line, 3u);
  EXPECT_EQ(errors[1].field, "name");
}

TEST(RegionsCsvTest, WithoutErrorListABadRowMakesTheResultUnprocessable) {
  auto regions = ParseRegionsCsv("code,name\n21,辽宁省\n2x,坏\n", nullptr);
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(regions.error().message, "1 row has errors");
  ASSERT_THAT(regions.error().fields, SizeIs(1));
  EXPECT_EQ(regions.error().fields[0].field, "line 3/code");
}

// ---- Majors -----------------------------------------------------------------------------

TEST(MajorsJsonTest, DerivesClassCategoryLevelAndEdition) {
  std::vector<RowError> errors;
  auto majors = ParseMajorsJson(
      R"([{"code":"080911TK","name":"网络空间安全","className":"计算机类","categoryName":"工学"},
          {"code":"460101","name":"机械设计与制造","className":"机械设计制造类",
           "categoryName":"装备制造大类"}])",
      "2026", &errors);
  ASSERT_TRUE(majors.ok()) << majors.error().message;
  ASSERT_TRUE(errors.empty()) << FieldsOf(errors);
  ASSERT_THAT(*majors, SizeIs(2));
  const domain::Major& m = (*majors)[0];
  EXPECT_EQ(m.code, "080911TK");
  EXPECT_EQ(m.class_code, "0809");
  EXPECT_EQ(m.class_name, "计算机类");
  EXPECT_EQ(m.category_code, "08");
  EXPECT_EQ(m.category_name, "工学");
  EXPECT_EQ(m.level, "bachelor");
  EXPECT_EQ(m.edition, "2026");
  EXPECT_EQ((*majors)[1].level, "vocational");
}

TEST(MajorsJsonTest, RejectsMajorWithBadCodeByItemNumber) {
  std::vector<RowError> errors;
  auto majors = ParseMajorsJson(
      R"([{"code":"080207","name":"车辆工程","className":"机械类","categoryName":"工学"},
          {"code":"0802X7","name":"坏","className":"机械类","categoryName":"工学"}])",
      "2026", &errors);
  ASSERT_TRUE(majors.ok());
  EXPECT_THAT(*majors, SizeIs(1));
  ASSERT_THAT(errors, SizeIs(1)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].field, "code");
}

TEST(MajorsJsonTest, RejectsItemsThatAreNotObjectsOrLackFields) {
  std::vector<RowError> errors;
  auto majors =
      ParseMajorsJson(R"([42, {"code":"080207","name":"","className":7}])", "2026", &errors);
  ASSERT_TRUE(majors.ok());
  EXPECT_TRUE(majors->empty());
  ASSERT_THAT(errors, SizeIs(4)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 1u);
  EXPECT_EQ(errors[1].field, "name");
  EXPECT_EQ(errors[2].field, "className");
  EXPECT_EQ(errors[3].field, "categoryName");
}

TEST(MajorsJsonTest, RejectsClassNamedTwoWays) {
  std::vector<RowError> errors;
  auto majors = ParseMajorsJson(
      R"([{"code":"080201","name":"机械工程","className":"机械类","categoryName":"工学"},
          {"code":"080207","name":"车辆工程","className":"汽车类","categoryName":"工学"}])",
      "2026", &errors);
  ASSERT_TRUE(majors.ok());
  ASSERT_THAT(errors, SizeIs(1)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].field, "className");
}

TEST(MajorsJsonTest, RejectsMalformedJsonAndNonArrays) {
  auto broken = ParseMajorsJson("[{\"code\":", "2026", nullptr);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::kInvalid);
  auto object = ParseMajorsJson("{}", "2026", nullptr);
  ASSERT_FALSE(object.ok());
  EXPECT_EQ(object.error().code, ErrorCode::kInvalid);
}

TEST(EditionTest, TakesTheYearFromTheFileName) {
  EXPECT_EQ(EditionFromPath("/data/majors/undergraduate-2026.json"), "2026");
  EXPECT_EQ(EditionFromPath("catalog_2021_v2.json"), "2021");
  EXPECT_EQ(EditionFromPath("majors-123456.json"), "majors-123456");
  EXPECT_EQ(EditionFromPath("catalog.json"), "catalog");
}

// ---- Industries -------------------------------------------------------------------------

TEST(IndustriesCsvTest, ParsesIndustriesWithTheirParents) {
  std::vector<RowError> errors;
  auto industries = ParseIndustriesCsv(
      "code,level,section,name,description\nC,1,C,制造业,\"本门类包括13～43大类\"\n"
      "36,2,C,汽车制造业,\n367,3,C,汽车零部件及配件制造,\n3670,4,C,汽车零部件及配件制造,\"指, "
      "以\"\n",
      &errors);
  ASSERT_TRUE(industries.ok()) << industries.error().message;
  ASSERT_TRUE(errors.empty()) << FieldsOf(errors);
  ASSERT_THAT(*industries, SizeIs(4));
  EXPECT_EQ((*industries)[0].parent_code, "");
  EXPECT_EQ((*industries)[1].parent_code, "C");
  EXPECT_EQ((*industries)[2].parent_code, "36");
  EXPECT_EQ((*industries)[3].parent_code, "367");
  EXPECT_EQ((*industries)[3].level, 4);
  EXPECT_EQ((*industries)[3].section, "C");
  EXPECT_EQ((*industries)[3].description, "指, 以");
}

TEST(IndustriesCsvTest, AcceptsHeaderWithoutDescription) {
  auto industries = ParseIndustriesCsv("code,level,section,name\nI,1,I,信息传输\n", nullptr);
  ASSERT_TRUE(industries.ok()) << industries.error().message;
  ASSERT_THAT(*industries, SizeIs(1));
  EXPECT_EQ((*industries)[0].description, "");
}

TEST(IndustriesCsvTest, RejectsIndustryWithWrongLevelSectionOrCode) {
  std::vector<RowError> errors;
  auto industries = ParseIndustriesCsv(
      "code,level,section,name\n3670,3,C,汽车零部件\n36,2,D,汽车制造业\n98,2,T,无\n", &errors);
  ASSERT_TRUE(industries.ok());
  EXPECT_TRUE(industries->empty());
  ASSERT_THAT(errors, SizeIs(3)) << FieldsOf(errors);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[0].field, "level");
  EXPECT_EQ(errors[1].line, 3u);
  EXPECT_EQ(errors[1].field, "section");
  EXPECT_EQ(errors[2].line, 4u);
  EXPECT_EQ(errors[2].field, "code");
}

TEST(IndustriesCsvTest, RejectsUnknownIndustriesHeader) {
  auto industries = ParseIndustriesCsv("code,name\nC,制造业\n", nullptr);
  ASSERT_FALSE(industries.ok());
  EXPECT_EQ(industries.error().code, ErrorCode::kInvalid);
  EXPECT_NE(industries.error().message.find("code,level,section,name"), std::string::npos);
}

// ---- Import into a database -------------------------------------------------------------

class ReferenceImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_db_ = testing::TestDatabase::Create(store::Backend::kSqlite);
    ASSERT_NE(test_db_, nullptr);
    // Unique per process and test: ctest runs tests in parallel processes.
    dir_ = std::filesystem::temp_directory_path() /
           ("tb_reference_import_" + std::to_string(::getpid()) + "_" +
            std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  store::Database& db() { return *test_db_->db(); }

  std::string WriteFile(const std::string& name, std::string_view content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::int64_t Count(std::string_view table) {
    auto n = db().Read(
        [&](store::Tx& tx) -> Result<std::int64_t> { return store::CountRows(tx, table); });
    return n.ok() ? *n : -1;
  }

  std::int64_t RegionsAtLevel(int level) {
    auto n = db().Read([&](store::Tx& tx) -> Result<std::int64_t> {
      store::RegionFilter f;
      f.level = level;
      return static_cast<std::int64_t>(store::ListRegions(tx, f, "", 100000).items.size());
    });
    return n.ok() ? *n : -1;
  }

  std::int64_t IndustriesAtLevel(int level) {
    auto n = db().Read([&](store::Tx& tx) -> Result<std::int64_t> {
      store::IndustryFilter f;
      f.level = level;
      return static_cast<std::int64_t>(store::ListIndustries(tx, f, "", 100000).items.size());
    });
    return n.ok() ? *n : -1;
  }

  std::optional<domain::Region> Region(const std::string& code) {
    auto r = db().Read([&](store::Tx& tx) -> Result<std::optional<domain::Region>> {
      return store::GetRegion(tx, code);
    });
    return r.ok() ? *r : std::nullopt;
  }
  std::optional<domain::Major> Major(const std::string& code) {
    auto r = db().Read([&](store::Tx& tx) -> Result<std::optional<domain::Major>> {
      return store::GetMajor(tx, code);
    });
    return r.ok() ? *r : std::nullopt;
  }
  std::optional<domain::Industry> Industry(const std::string& code) {
    auto r = db().Read([&](store::Tx& tx) -> Result<std::optional<domain::Industry>> {
      return store::GetIndustry(tx, code);
    });
    return r.ok() ? *r : std::nullopt;
  }

  // Imports one file that must be accepted; returns the report.
  ImportReport MustImport(ReferenceKind kind, const std::string& path) {
    auto report = ImportReferenceFile(db(), kind, path);
    EXPECT_TRUE(report.ok()) << path << ": " << report.error().message;
    if (!report.ok()) return {};
    EXPECT_TRUE(report->errors.empty()) << DescribeReport(*report);
    return *report;
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::filesystem::path dir_;
};

TEST_F(ReferenceImportTest, ImportsAFileAndReportsWhatItWrote) {
  std::string path = WriteFile("cities.csv",
                               "code,name,provinceCode\r\n2101,\"沈阳市\",21\r\n"
                               "2107,\"锦州市\",21\r\n");
  ImportReport report = MustImport(ReferenceKind::kRegions, path);
  EXPECT_EQ(report.format, "cities");
  EXPECT_EQ(report.rows, 2);
  EXPECT_EQ(report.written, 2);
  EXPECT_EQ(DescribeReport(report), "imported 2 cities (2 rows written)");
  auto jinzhou = Region("210700");
  ASSERT_TRUE(jinzhou.has_value());
  EXPECT_EQ(jinzhou->name, "锦州市");
  EXPECT_EQ(jinzhou->parent_code, "210000");
}

TEST_F(ReferenceImportTest, RefusesWholeFileWhenOneRowIsBad) {
  std::string path =
      WriteFile("provinces.csv", "code,name\n21,辽宁省\n51,四川省\n5x,坏\n50,重庆市\n");
  auto report = ImportReferenceFile(db(), ReferenceKind::kRegions, path);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->refused());
  EXPECT_EQ(report->rows, 4);
  EXPECT_EQ(report->written, 0);
  ASSERT_THAT(report->errors, SizeIs(1));
  EXPECT_EQ(report->errors[0].line, 4u);
  EXPECT_EQ(Count("regions"), 0);
  std::string text = DescribeReport(*report);
  EXPECT_NE(text.find("1 row has errors"), std::string::npos) << text;
  EXPECT_NE(text.find("line 4, code:"), std::string::npos) << text;
}

TEST_F(ReferenceImportTest, ReportsSyntaxAndRowErrorsTogetherInLineOrder) {
  std::string path = WriteFile("provinces.csv", "code,name\n2x,坏\n21,\"辽\"宁\"\n");
  auto report = ImportReferenceFile(db(), ReferenceKind::kRegions, path);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_THAT(report->errors, SizeIs(2));
  EXPECT_EQ(report->errors[0].line, 2u);
  EXPECT_EQ(report->errors[1].line, 3u);
  EXPECT_EQ(report->rows, 2);
  EXPECT_EQ(Count("regions"), 0);
}

TEST_F(ReferenceImportTest, DryRunWritesNothing) {
  std::string path = WriteFile("provinces.csv", "code,name\n21,辽宁省\n51,四川省\n");
  auto report = ImportReferenceFile(db(), ReferenceKind::kRegions, path, /*dry_run=*/true);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->errors.empty());
  EXPECT_EQ(report->rows, 2);
  EXPECT_EQ(report->written, 0);
  EXPECT_EQ(Count("regions"), 0);
  EXPECT_NE(DescribeReport(*report).find("dry run"), std::string::npos);
}

TEST_F(ReferenceImportTest, MissingFileIsNotFoundNamingThePath) {
  std::string path = (dir_ / "nope.csv").string();
  auto report = ImportReferenceFile(db(), ReferenceKind::kRegions, path);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kNotFound);
  EXPECT_NE(report.error().message.find(path), std::string::npos);
}

TEST_F(ReferenceImportTest, FileOfAnotherKindIsInvalid) {
  std::string path = WriteFile("provinces.csv", "code,name\n21,辽宁省\n");
  auto report = ImportReferenceFile(db(), ReferenceKind::kIndustries, path);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalid);
}

TEST_F(ReferenceImportTest, MajorsTakeTheirEditionFromTheFileName) {
  std::string path = WriteFile(
      "undergraduate-2026.json",
      R"([{"code":"080207","name":"车辆工程","className":"机械类","categoryName":"工学"}])");
  ImportReport report = MustImport(ReferenceKind::kMajors, path);
  EXPECT_EQ(report.written, 1);
  auto major = Major("080207");
  ASSERT_TRUE(major.has_value());
  EXPECT_EQ(major->edition, "2026");
  EXPECT_EQ(major->class_code, "0802");
}

TEST(ReferenceKindTest, ParsesReferenceKindNames) {
  EXPECT_EQ(*ParseReferenceKind("regions"), ReferenceKind::kRegions);
  EXPECT_EQ(*ParseReferenceKind("majors"), ReferenceKind::kMajors);
  EXPECT_EQ(*ParseReferenceKind("industries"), ReferenceKind::kIndustries);
  EXPECT_FALSE(ParseReferenceKind("countries").ok());
}

// The shared industries file has one defect: line 769 reads "374,3,C,飞机制造,..." where
// GB/T 4754-2017 has class 3741 飞机制造 (group 374 is on the line before).
constexpr std::string_view kIndustryDefect = "\n374,3,C,飞机制造,";
constexpr std::string_view kIndustryFix = "\n3741,4,C,飞机制造,";

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(ReferenceImportTest, RefusesSharedIndustriesFileForItsDuplicateCode) {
  std::string path = SharedData("industries/gbt4754-2017.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data file missing: " << path;
  if (ReadText(path).find(kIndustryDefect) == std::string::npos) {
    GTEST_SKIP() << "the shared industries file no longer has the duplicate 374 on line 769";
  }
  auto report = ImportReferenceFile(db(), ReferenceKind::kIndustries, path);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows, 1772);
  EXPECT_EQ(report->written, 0);
  ASSERT_THAT(report->errors, SizeIs(1)) << DescribeReport(*report);
  EXPECT_EQ(report->errors[0].line, 769u);
  EXPECT_EQ(report->errors[0].field, "code");
  EXPECT_NE(report->errors[0].message.find("duplicate code '374' (first on line 768)"),
            std::string::npos);
  EXPECT_EQ(Count("industries"), 0);
}

TEST_F(ReferenceImportTest, ImportsTheFullSharedListsIdempotently) {
  std::vector<std::pair<ReferenceKind, std::string>> files = {
      {ReferenceKind::kRegions, SharedData("regions/provinces.csv")},
      {ReferenceKind::kRegions, SharedData("regions/cities.csv")},
      {ReferenceKind::kRegions, SharedData("regions/areas.csv")},
      {ReferenceKind::kMajors, SharedData("majors/undergraduate-2026.json")},
      {ReferenceKind::kIndustries, SharedData("industries/gbt4754-2017.csv")},
  };
  for (const auto& [kind, path] : files) {
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data file missing: " << path;
  }
  std::string industries = ReadText(files.back().second);
  if (auto at = industries.find(kIndustryDefect); at != std::string::npos) {
    industries.replace(at, kIndustryDefect.size(), kIndustryFix);
  }
  files.back().second = WriteFile("gbt4754-2017.csv", industries);

  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE(round == 0 ? "first import" : "re-import");
    std::vector<std::int64_t> rows;
    for (const auto& [kind, path] : files) rows.push_back(MustImport(kind, path).rows);
    EXPECT_EQ(rows, (std::vector<std::int64_t>{31, 342, 2978, 883, 1772}));

    EXPECT_EQ(RegionsAtLevel(1), 31);
    // 441900 东莞市, 442000 中山市 and 460400 儋州市 are listed among the counties with their
    // city's code: they are stored once, as cities.
    EXPECT_EQ(RegionsAtLevel(2), 342);
    EXPECT_EQ(RegionsAtLevel(3), 2978 - 3);
    EXPECT_EQ(Count("majors"), 883);
    // The file's level column counts 275 groups and 1380 classes, the defective 374 among the
    // groups; corrected, it is 274 groups and 1381 classes.
    EXPECT_EQ(IndustriesAtLevel(1), 20);
    EXPECT_EQ(IndustriesAtLevel(2), 97);
    EXPECT_EQ(IndustriesAtLevel(3), 274);
    EXPECT_EQ(IndustriesAtLevel(4), 1381);
  }

  auto chaoyang = Region("211300");
  ASSERT_TRUE(chaoyang.has_value());
  EXPECT_EQ(chaoyang->parent_code, "210000");
  auto liaoning = Region(chaoyang->parent_code);
  ASSERT_TRUE(liaoning.has_value());
  EXPECT_EQ(liaoning->name, "辽宁省");
  auto county = Region("211302");
  ASSERT_TRUE(county.has_value());
  EXPECT_EQ(county->parent_code, "211300");
  auto dongguan = Region("441900");
  ASSERT_TRUE(dongguan.has_value());
  EXPECT_EQ(dongguan->level, 2);
  EXPECT_EQ(dongguan->parent_code, "440000");

  auto cyber = Major("080911TK");
  ASSERT_TRUE(cyber.has_value());
  EXPECT_EQ(cyber->class_code, "0809");
  EXPECT_EQ(cyber->category_code, "08");
  EXPECT_EQ(cyber->edition, "2026");

  auto rice = Industry("0111");
  ASSERT_TRUE(rice.has_value());
  EXPECT_EQ(rice->parent_code, "011");
  auto aircraft = Industry("3741");
  ASSERT_TRUE(aircraft.has_value());
  EXPECT_EQ(aircraft->parent_code, "374");
  auto division = Industry("01");
  ASSERT_TRUE(division.has_value());
  EXPECT_EQ(division->parent_code, "A");
}

TEST_F(ReferenceImportTest, BuiltinSubsetLoadsAndIsIdempotent) {
  ASSERT_TRUE(LoadBuiltinReferenceData(db()).ok());
  const std::int64_t regions = Count("regions");
  const std::int64_t majors = Count("majors");
  const std::int64_t industries = Count("industries");

  EXPECT_EQ(RegionsAtLevel(1), 31);
  auto yingshan = Region("511322");
  ASSERT_TRUE(yingshan.has_value());
  EXPECT_EQ(yingshan->name, "营山县");
  EXPECT_EQ(yingshan->parent_code, "511300");
  EXPECT_TRUE(Region("511321").has_value());
  EXPECT_TRUE(Region("210702").has_value());  // 古塔区, Jinzhou
  EXPECT_TRUE(Region("500100").has_value());  // Chongqing's city districts (市辖区)
  EXPECT_TRUE(Region("500101").has_value());  // 万州区

  auto vehicle = Major("080207");
  ASSERT_TRUE(vehicle.has_value());
  EXPECT_EQ(vehicle->edition, "2026");
  auto machining = Major("460101");
  ASSERT_TRUE(machining.has_value());
  EXPECT_EQ(machining->level, "vocational");
  EXPECT_EQ(machining->edition, "2021");
  EXPECT_EQ(machining->class_name, "机械设计制造类");

  auto manufacturing = Industry("C");
  ASSERT_TRUE(manufacturing.has_value());
  EXPECT_EQ(manufacturing->name, "制造业");
  EXPECT_EQ(IndustriesAtLevel(1), 20);
  EXPECT_EQ(IndustriesAtLevel(2), 97);
  auto auto_parts = Industry("3670");
  ASSERT_TRUE(auto_parts.has_value());
  EXPECT_EQ(auto_parts->parent_code, "367");
  EXPECT_TRUE(Industry("6513").has_value());

  ASSERT_TRUE(LoadBuiltinReferenceData(db()).ok());
  EXPECT_EQ(Count("regions"), regions);
  EXPECT_EQ(Count("majors"), majors);
  EXPECT_EQ(Count("industries"), industries);
}

TEST_F(ReferenceImportTest, BuiltinSubsetKeepsRowsOfAFullImport) {
  std::string path = WriteFile(
      "industries.csv", "code,level,section,name,description\nC,1,C,制造业,本门类包括13～43大类\n");
  MustImport(ReferenceKind::kIndustries, path);
  ASSERT_TRUE(LoadBuiltinReferenceData(db()).ok());
  auto manufacturing = Industry("C");
  ASSERT_TRUE(manufacturing.has_value());
  EXPECT_EQ(manufacturing->description, "本门类包括13～43大类");
}

}  // namespace
}  // namespace tb::report
