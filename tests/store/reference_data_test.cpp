// Reference data (regions, majors, industries) on both backends: upserts insert or replace by
// code, Get finds by code, List filters and pages by code.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store_contract.hpp"

namespace tb::store {
namespace {

using domain::Industry;
using domain::Major;
using domain::Region;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ReferenceDataTest : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    SeedReference();
  }

  template <class T, class Filter, class ListFn>
  std::vector<std::string> Codes(ListFn list, const Filter& filter, int limit = 100) {
    std::vector<std::string> codes;
    std::string after;
    for (int guard = 0; guard < 100; ++guard) {
      auto page = database().Read(
          [&](Tx& tx) -> Result<CodePage<T>> { return list(tx, filter, after, limit); });
      if (!page.ok()) {
        ADD_FAILURE() << tb::testing::Describe(page.error());
        return codes;
      }
      for (const T& item : page->items) codes.push_back(item.code);
      if (!page->next_after) return codes;
      EXPECT_EQ(*page->next_after, page->items.back().code);
      after = *page->next_after;
    }
    ADD_FAILURE() << "pagination did not end";
    return codes;
  }

  std::vector<std::string> RegionCodes(const RegionFilter& f, int limit = 100) {
    return Codes<Region>(ListRegions, f, limit);
  }
  std::vector<std::string> MajorCodes(const MajorFilter& f, int limit = 100) {
    return Codes<Major>(ListMajors, f, limit);
  }
  std::vector<std::string> IndustryCodes(const IndustryFilter& f, int limit = 100) {
    return Codes<Industry>(ListIndustries, f, limit);
  }
};

TEST_P(ReferenceDataTest, GetRegionReturnsEveryField) {
  auto region = database().Read(
      [](Tx& tx) -> Result<std::optional<Region>> { return GetRegion(tx, "210702"); });
  TB_ASSERT_OK(region);
  ASSERT_TRUE(region->has_value());
  EXPECT_EQ((*region)->code, "210702");
  EXPECT_EQ((*region)->name, "古塔区");
  EXPECT_EQ((*region)->level, 3);
  EXPECT_EQ((*region)->parent_code, "210700");
}

TEST_P(ReferenceDataTest, GetMajorAndIndustryReturnEveryField) {
  auto major = database().Read(
      [](Tx& tx) -> Result<std::optional<Major>> { return GetMajor(tx, "080207"); });
  TB_ASSERT_OK(major);
  ASSERT_TRUE(major->has_value());
  const Major& m = **major;
  EXPECT_EQ(m.name, "车辆工程");
  EXPECT_EQ(m.class_code, "0802");
  EXPECT_EQ(m.class_name, "机械类");
  EXPECT_EQ(m.category_code, "08");
  EXPECT_EQ(m.category_name, "工学");
  EXPECT_EQ(m.level, "bachelor");
  EXPECT_EQ(m.edition, "2024");

  auto industry = database().Read(
      [](Tx& tx) -> Result<std::optional<Industry>> { return GetIndustry(tx, "367"); });
  TB_ASSERT_OK(industry);
  ASSERT_TRUE(industry->has_value());
  const Industry& i = **industry;
  EXPECT_EQ(i.level, 3);
  EXPECT_EQ(i.section, "C");
  EXPECT_EQ(i.name, "汽车零部件及配件制造");
  EXPECT_EQ(i.parent_code, "36");
}

TEST_P(ReferenceDataTest, GetOfUnknownCodeIsEmpty) {
  auto found = database().Read([](Tx& tx) -> Result<bool> {
    return GetRegion(tx, "999999").has_value() || GetMajor(tx, "999999").has_value() ||
           GetIndustry(tx, "Z").has_value();
  });
  TB_ASSERT_OK(found);
  EXPECT_FALSE(*found);
}

TEST_P(ReferenceDataTest, UpsertReplacesExistingRowsByCode) {
  Seed([](Tx& tx) {
    EXPECT_EQ(UpsertRegions(
                  tx, {{"210700", "锦州市（新）", 2, "210000"}, {"211300", "朝阳市", 2, "210000"}}),
              2);
    UpsertMajors(
        tx, {{"080207", "车辆工程（新）", "0802", "机械类", "08", "工学", "bachelor", "2025"}});
    UpsertIndustries(tx, {{"3670", 4, "C", "汽车零部件制造（新）", "说明", "367"}});
  });
  auto counts = database().Read([](Tx& tx) -> Result<std::vector<std::int64_t>> {
    return std::vector<std::int64_t>{CountRows(tx, "regions"), CountRows(tx, "majors"),
                                     CountRows(tx, "industries")};
  });
  TB_ASSERT_OK(counts);
  EXPECT_THAT(*counts, ElementsAre(6, 2, 8));

  auto changed = database().Read([](Tx& tx) -> Result<std::vector<std::string>> {
    return std::vector<std::string>{GetRegion(tx, "210700")->name, GetMajor(tx, "080207")->name,
                                    GetMajor(tx, "080207")->edition, GetIndustry(tx, "3670")->name,
                                    GetIndustry(tx, "3670")->description};
  });
  TB_ASSERT_OK(changed);
  EXPECT_THAT(*changed, ElementsAre("锦州市（新）", "车辆工程（新）", "2025",
                                    "汽车零部件制造（新）", "说明"));
}

TEST_P(ReferenceDataTest, RegionsFilterByParentLevelPrefixAndName) {
  EXPECT_THAT(RegionCodes({}), ElementsAre("210000", "210100", "210700", "210702", "500000"));
  EXPECT_THAT(RegionCodes({.parent_code = "210000"}), ElementsAre("210100", "210700"));
  EXPECT_THAT(RegionCodes({.level = 1}), ElementsAre("210000", "500000"));
  EXPECT_THAT(RegionCodes({.prefix = "210000"}),
              ElementsAre("210000", "210100", "210700", "210702"));
  EXPECT_THAT(RegionCodes({.prefix = "210700"}), ElementsAre("210700", "210702"));
  EXPECT_THAT(RegionCodes({.name = "锦州"}), ElementsAre("210700"));
  EXPECT_THAT(RegionCodes({.level = 2, .prefix = "21"}), ElementsAre("210100", "210700"));
}

TEST_P(ReferenceDataTest, RegionsPageByCode) {
  for (int limit : {1, 2, 5}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    EXPECT_THAT(RegionCodes({}, limit),
                ElementsAre("210000", "210100", "210700", "210702", "500000"));
  }
  auto page = database().Read(
      [](Tx& tx) -> Result<CodePage<Region>> { return ListRegions(tx, {}, "210100", 2); });
  TB_ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].code, "210700");
  EXPECT_EQ(page->next_after, "210702");
}

TEST_P(ReferenceDataTest, MajorsFilterByClassCategoryLevelAndName) {
  Seed([](Tx& tx) {
    UpsertMajors(tx, {{"460701", "汽车制造与试验技术", "4607", "汽车制造类", "46", "装备制造大类",
                       "vocational", "2021"}});
  });
  EXPECT_THAT(MajorCodes({}), ElementsAre("080207", "080601", "460701"));
  EXPECT_THAT(MajorCodes({.class_code = "0802"}), ElementsAre("080207"));
  EXPECT_THAT(MajorCodes({.category_code = "08"}), ElementsAre("080207", "080601"));
  EXPECT_THAT(MajorCodes({.level = "vocational"}), ElementsAre("460701"));
  EXPECT_THAT(MajorCodes({.name = "汽车"}), ElementsAre("460701"));
  EXPECT_THAT(MajorCodes({.name = "工程"}), ElementsAre("080207", "080601"));
  EXPECT_THAT(MajorCodes({}, 1), ElementsAre("080207", "080601", "460701"));
}

TEST_P(ReferenceDataTest, IndustriesFilterBySectionLevelParentAndName) {
  EXPECT_THAT(IndustryCodes({.section = "C"}), ElementsAre("36", "367", "3670", "C"));
  EXPECT_THAT(IndustryCodes({.level = 1}), ElementsAre("C", "I"));
  EXPECT_THAT(IndustryCodes({.parent_code = "36"}), ElementsAre("367"));
  EXPECT_THAT(IndustryCodes({.name = "软件"}), ElementsAre("65", "651", "6513", "I"));
  EXPECT_THAT(IndustryCodes({.section = "I", .level = 4}), ElementsAre("6513"));
  EXPECT_THAT(IndustryCodes({}, 3),
              ElementsAre("36", "367", "3670", "65", "651", "6513", "C", "I"));
}

TEST_P(ReferenceDataTest, NameFilterWildcardsAreLiteral) {
  EXPECT_THAT(RegionCodes({.name = "%"}), IsEmpty());
  EXPECT_THAT(MajorCodes({.name = "_"}), IsEmpty());
}

TB_INSTANTIATE_BACKENDS(ReferenceDataTest);

}  // namespace
}  // namespace tb::store
