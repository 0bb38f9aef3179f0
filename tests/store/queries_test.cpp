// The typed filters of store/queries.hpp for students, posts, units, contacts and relations,
// on both backends.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store_contract.hpp"

namespace tb::store {
namespace {

using domain::Contact;
using domain::Id;
using domain::Institution;
using domain::Organization;
using domain::Post;
using domain::Relation;
using domain::Student;
using domain::Unit;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ---- Students ---------------------------------------------------------------------------------

class StudentQueryTest : public StoreContract {
 protected:
  // Institution 1 has units 1 (automobile) and 2 (electrical); institution 2 has unit 3.
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    SeedReference();
    TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
    TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
    TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1, "汽车与交通学院")));
    TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1, "电气工程学院")));
    TB_ASSERT_OK(Insert(tb::testing::ValidUnit(2, "机械学院")));

    AddStudent(1, 1, "080207", "bachelor", 2025, "李明");     // 1
    AddStudent(1, 1, "080208", "bachelor", 2024, "王芳");     // 2 (0802 class)
    AddStudent(1, 2, "080601", "bachelor", 2025, "张伟");     // 3 (0806 class)
    AddStudent(1, 2, "080601", "master", 2025, "Zhang Wei");  // 4
    AddStudent(2, 3, "460701", "vocational", 2025, "刘洋");   // 5 (vocational category 46)
  }

  void AddStudent(Id institution, Id unit, const std::string& major, const std::string& level,
                  std::int64_t cohort, const std::string& name) {
    Student s = tb::testing::ValidStudent(institution, unit);
    s.major_code = major;
    s.level = level;
    s.cohort = cohort;
    s.name = name;
    TB_ASSERT_OK(Insert(s));
  }

  std::vector<Id> Find(const StudentFilter& f) { return ListIds<Student>(ToWhere(f)); }
};

TEST_P(StudentQueryTest, FiltersByInstitutionAndUnit) {
  EXPECT_THAT(Find({.institution_id = 1}), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Find({.institution_id = 2}), ElementsAre(5));
  EXPECT_THAT(Find({.unit_id = 1}), ElementsAre(1, 2));
  EXPECT_THAT(Find({.unit_id = 2}), ElementsAre(3, 4));
  EXPECT_THAT(Find({.institution_id = 2, .unit_id = 1}), IsEmpty());
}

TEST_P(StudentQueryTest, MajorPrefixMatchesExactCodeClassOrCategory) {
  EXPECT_THAT(Find({.major_prefix = "080207"}), ElementsAre(1));
  EXPECT_THAT(Find({.major_prefix = "0802"}), ElementsAre(1, 2));
  EXPECT_THAT(Find({.major_prefix = "0806"}), ElementsAre(3, 4));
  EXPECT_THAT(Find({.major_prefix = "08"}), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Find({.major_prefix = "46"}), ElementsAre(5));
  EXPECT_THAT(Find({.major_prefix = "12"}), IsEmpty());
}

TEST_P(StudentQueryTest, FiltersByCohortAndLevel) {
  EXPECT_THAT(Find({.cohort = 2025}), ElementsAre(1, 3, 4, 5));
  EXPECT_THAT(Find({.cohort = 2024}), ElementsAre(2));
  EXPECT_THAT(Find({.cohort = 2030}), IsEmpty());
  EXPECT_THAT(Find({.level = "master"}), ElementsAre(4));
  EXPECT_THAT(Find({.major_prefix = "0806", .level = "bachelor", .cohort = 2025}), ElementsAre(3));
}

TEST_P(StudentQueryTest, NameMatchesSubstringIgnoringCase) {
  EXPECT_THAT(Find({.name = "明"}), ElementsAre(1));
  EXPECT_THAT(Find({.name = "zhang"}), ElementsAre(4));
  EXPECT_THAT(Find({.name = "%"}), IsEmpty());
}

TB_INSTANTIATE_BACKENDS(StudentQueryTest);

// ---- Posts ------------------------------------------------------------------------------------

class PostQueryTest : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    SeedReference();
    TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("锦州汽车零部件有限公司")));
    TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("沈阳软件股份有限公司")));

    AddPost(1, "汽车零部件设计工程师", "open", "full_time", "210702", "3670", std::nullopt);  // 1
    AddPost(1, "Quality Engineer 质量工程师", "closed", "full_time", "210700", "3670", 7);    // 2
    AddPost(1, "生产实习", "open", "internship", "210700", std::nullopt, 7);                  // 3
    AddPost(2, "Java 软件工程师", "draft", "full_time", "210100", "6513", std::nullopt);      // 4
    AddPost(2, "研发工程师", "open", "full_time", "500112", "36", 8);                         // 5
  }

  void AddPost(Id org, const std::string& title, const std::string& status, const std::string& kind,
               const std::string& region, std::optional<std::string> industry,
               std::optional<Id> activity) {
    Post p = tb::testing::ValidPost(org);
    p.title = title;
    p.status = status;
    p.kind = kind;
    p.region_code = region;
    p.industry_code = std::move(industry);
    p.source_activity_id = activity;
    TB_ASSERT_OK(Insert(p));
  }

  std::vector<Id> Find(const PostFilter& f) { return ListIds<Post>(ToWhere(f)); }
};

TEST_P(PostQueryTest, FiltersByOrganizationStatusAndKind) {
  EXPECT_THAT(Find({.organization_id = 1}), ElementsAre(1, 2, 3));
  EXPECT_THAT(Find({.status = "open"}), ElementsAre(1, 3, 5));
  EXPECT_THAT(Find({.status = "draft"}), ElementsAre(4));
  EXPECT_THAT(Find({.kind = "internship"}), ElementsAre(3));
  EXPECT_THAT(Find({.organization_id = 2, .status = "open"}), ElementsAre(5));
}

TEST_P(PostQueryTest, RegionPrefixHonoursProvinceAndCityCodes) {
  EXPECT_THAT(Find({.region_prefix = "210000"}), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Find({.region_prefix = "210700"}), ElementsAre(1, 2, 3));
  EXPECT_THAT(Find({.region_prefix = "210702"}), ElementsAre(1));
  EXPECT_THAT(Find({.region_prefix = "500000"}), ElementsAre(5));
}

TEST_P(PostQueryTest, IndustryBySectionLetterOrDigitPrefix) {
  EXPECT_THAT(Find({.industry = "C"}), ElementsAre(1, 2, 5));
  EXPECT_THAT(Find({.industry = "I"}), ElementsAre(4));
  EXPECT_THAT(Find({.industry = "367"}), ElementsAre(1, 2));
  EXPECT_THAT(Find({.industry = "36"}), ElementsAre(1, 2, 5));
}

TEST_P(PostQueryTest, TitleMatchesSubstringIgnoringCase) {
  EXPECT_THAT(Find({.title = "工程师"}), ElementsAre(1, 2, 4, 5));
  EXPECT_THAT(Find({.title = "quality"}), ElementsAre(2));
  EXPECT_THAT(Find({.title = "JAVA"}), ElementsAre(4));
  EXPECT_THAT(Find({.title = "_"}), IsEmpty());
}

TEST_P(PostQueryTest, FiltersBySourceActivity) {
  EXPECT_THAT(Find({.source_activity_id = 7}), ElementsAre(2, 3));
  EXPECT_THAT(Find({.source_activity_id = 9}), IsEmpty());
}

TB_INSTANTIATE_BACKENDS(PostQueryTest);

// ---- Units, contacts, relations ---------------------------------------------------------------

class SmallFilterTest : public StoreContract {};

TEST_P(SmallFilterTest, UnitsFilterByInstitution) {
  SeedReference();
  TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
  TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
  TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1, "汽车与交通学院")));
  TB_ASSERT_OK(Insert(tb::testing::ValidUnit(2, "汽车与交通学院")));
  TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1, "电气工程学院")));
  EXPECT_THAT(ListIds<Unit>(ToWhere(UnitFilter{.institution_id = 1})), ElementsAre(1, 3));
  EXPECT_THAT(ListIds<Unit>(ToWhere(UnitFilter{.institution_id = 2})), ElementsAre(2));
}

TEST_P(SmallFilterTest, ContactsFilterByOrganizationOrUnit) {
  SeedReference();
  TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("锦州港股份有限公司")));
  TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
  TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1)));
  TB_ASSERT_OK(Insert(tb::testing::ValidContact(1)));
  Contact at_unit;
  at_unit.unit_id = 1;
  at_unit.name = "张老师";
  TB_ASSERT_OK(Insert(at_unit));
  TB_ASSERT_OK(Insert(tb::testing::ValidContact(1)));
  EXPECT_THAT(ListIds<Contact>(ToWhere(ContactFilter{.organization_id = 1})), ElementsAre(1, 3));
  EXPECT_THAT(ListIds<Contact>(ToWhere(ContactFilter{.unit_id = 1})), ElementsAre(2));
}

TEST_P(SmallFilterTest, RelationsFilterByEitherEndAndKind) {
  SeedReference();
  for (const char* name : {"国资委", "企业甲", "企业乙", "协会"}) {
    TB_ASSERT_OK(Insert(tb::testing::ValidOrganization(name)));
  }
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(1, "supervises", 2)));  // 1
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(1, "supervises", 3)));  // 2
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(2, "member_of", 4)));   // 3
  EXPECT_THAT(ListIds<Relation>(ToWhere(RelationFilter{.organization_id = 2})), ElementsAre(1, 3));
  EXPECT_THAT(ListIds<Relation>(ToWhere(RelationFilter{.organization_id = 4})), ElementsAre(3));
  EXPECT_THAT(ListIds<Relation>(ToWhere(RelationFilter{.kind = "supervises"})), ElementsAre(1, 2));
  EXPECT_THAT(
      ListIds<Relation>(ToWhere(RelationFilter{.organization_id = 2, .kind = "supervises"})),
      ElementsAre(1));
}

TB_INSTANTIATE_BACKENDS(SmallFilterTest);

}  // namespace
}  // namespace tb::store
