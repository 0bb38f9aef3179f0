// The repository contract, the same for every entity and both backends: insert assigns ids
// 1, 2, ... and timestamps; Get returns every field as stored (optionals null and set, lists,
// booleans both ways); Update replaces fields and keeps created_at; Delete removes; List pages
// through every row exactly once.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "domain/validation.hpp"
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
using domain::Value;
using tb::testing::kLater;
using tb::testing::kNow;
using ::testing::IsEmpty;

std::string Show(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "null";
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (auto* s = std::get_if<std::string>(&v)) return "\"" + *s + "\"";
  std::string out = "[";
  for (const auto& item : std::get<std::vector<std::string>>(v)) {
    out += (out.size() > 1 ? ", \"" : "\"") + item + "\"";
  }
  return out + "]";
}

// Compares every field of the entity description, naming the fields that differ.
template <class T>
void ExpectSameFields(const T& expected, const T& actual) {
  for (const auto& f : domain::Def<T>().fields) {
    Value e = f.get(expected);
    Value a = f.get(actual);
    EXPECT_TRUE(e == a) << domain::Def<T>().singular << "." << f.spec.name << ": expected "
                        << Show(e) << ", got " << Show(a);
  }
}

bool IsEmptyValue(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return true;
  if (auto* list = std::get_if<std::vector<std::string>>(&v)) return list->empty();
  return false;
}

// ---- One case per entity: its prerequisites and values --------------------------------------
//
// Full(i): every optional field set, every list non-empty; Sparse(i): every optional null, every
// list empty, every boolean the other way round. Change(v): a different value for many fields,
// including optionals going from set to null. Values differ for different i.

template <class T>
struct Case;

template <>
struct Case<Institution> {
  static void Prepare(Tx&) {}
  static Institution Full(int) { return tb::testing::ValidInstitution(); }
  static Institution Sparse(int) {
    Institution v = tb::testing::ValidInstitution();
    v.name_en = "";
    v.website = "";
    v.kind = "vocational_college";
    return v;
  }
  static void Change(Institution& v) {
    v.name = "锦州师范高等专科学校";
    v.name_en = "Jinzhou Normal College";
    v.kind = "vocational_college";
    v.region_code = tb::testing::kJinzhou;
    v.website = "";
  }
};

template <>
struct Case<Unit> {
  static void Prepare(Tx& tx) {
    Repository<Institution>::Insert(tx, tb::testing::ValidInstitution(), kNow);
    Repository<Institution>::Insert(tx, tb::testing::ValidInstitution(), kNow);
  }
  static Unit Full(int i) {
    Unit v = tb::testing::ValidUnit(1, "现代汽车产业学院" + std::to_string(i));
    v.kind = "industrial_college";
    v.platform_level = "provincial";
    return v;
  }
  static Unit Sparse(int i) {
    Unit v = tb::testing::ValidUnit(1, "经济管理学院" + std::to_string(i));
    v.code = "";
    v.name_en = "";
    return v;
  }
  static void Change(Unit& v) {
    v.institution_id = 2;
    v.name = "电气工程学院";
    v.kind = "school";
    v.platform_level = "";
    v.name_en = "School of Electrical Engineering";
  }
};

template <>
struct Case<Organization> {
  static void Prepare(Tx&) {}
  static Organization Full(int i) {
    Organization v = tb::testing::ValidOrganization("锦州汽车零部件有限公司" + std::to_string(i));
    v.tags = {"high_tech", "specialized_new"};
    v.verified = true;
    return v;
  }
  static Organization Sparse(int i) {
    Organization v = tb::testing::ValidOrganization("金山区科技企业协会" + std::to_string(i));
    v.kind = "association";
    v.credit_code = std::nullopt;
    v.industry_code = std::nullopt;
    v.region_code = std::nullopt;
    v.ownership = "";
    v.size = "";
    v.tags = {};
    v.verified = false;
    return v;
  }
  static void Change(Organization& v) {
    v.name = "锦州汽车电子有限公司";
    v.credit_code = tb::testing::CreditCode(999999);
    v.industry_code = tb::testing::kSoftwareIndustry;
    v.region_code = std::nullopt;
    v.tags = {"little_giant"};
    v.verified = !v.verified;
    v.description = "改制后的描述";
  }
};

template <>
struct Case<Relation> {
  static constexpr int kOrganizations = 12;
  static void Prepare(Tx& tx) {
    for (int i = 1; i <= kOrganizations; ++i) {
      Repository<Organization>::Insert(
          tx, tb::testing::ValidOrganization("企业" + std::to_string(i)), kNow);
    }
  }
  static Relation Full(int i) { return tb::testing::ValidRelation(1, "supervises", i + 2); }
  static Relation Sparse(int i) { return tb::testing::ValidRelation(i + 2, "member_of", 1); }
  static void Change(Relation& v) {
    v.kind = "located_in";
    v.to_id = kOrganizations;
  }
};

template <>
struct Case<Contact> {
  static void Prepare(Tx& tx) {
    Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("锦州港股份有限公司"),
                                     kNow);
    Id institution = Repository<Institution>::Insert(tx, tb::testing::ValidInstitution(), kNow).id;
    Repository<Unit>::Insert(tx, tb::testing::ValidUnit(institution), kNow);
  }
  static Contact Full(int i) {
    Contact v = tb::testing::ValidContact(1);
    v.name = "王强" + std::to_string(i);
    return v;
  }
  static Contact Sparse(int i) {
    Contact v;
    v.unit_id = 1;
    v.name = "张老师" + std::to_string(i);
    return v;
  }
  static void Change(Contact& v) {
    v.organization_id = std::nullopt;
    v.unit_id = 1;
    v.title = "院长";
    v.phone = std::nullopt;
    v.email = "dean@sit.edu.cn";
  }
};

template <>
struct Case<Student> {
  static void Prepare(Tx& tx) {
    Id institution = Repository<Institution>::Insert(tx, tb::testing::ValidInstitution(), kNow).id;
    Repository<Unit>::Insert(tx, tb::testing::ValidUnit(institution, "汽车与交通学院"), kNow);
    Repository<Unit>::Insert(tx, tb::testing::ValidUnit(institution, "电气工程学院"), kNow);
  }
  static Student Full(int i) {
    Student v = tb::testing::ValidStudent(1, 1);
    v.name = "李明" + std::to_string(i);
    v.phone = "13912345678";
    v.id_number = "21070220030115123X";
    v.email = "liming@example.cn";
    v.expected_salary_min = 5000;
    v.expected_salary_max = 8000;
    v.willing_to_relocate = false;
    v.talent_search_consent = true;
    return v;
  }
  static Student Sparse(int i) {
    Student v = tb::testing::ValidStudent(1, 1);
    v.name = "赵雪" + std::to_string(i);
    v.gender = "";
    v.skills = {};
    v.preferred_regions = {};
    v.preferred_industries = {};
    v.willing_to_relocate = true;
    v.talent_search_consent = false;
    v.resume = "";
    return v;
  }
  static void Change(Student& v) {
    v.unit_id = 2;
    v.major_code = tb::testing::kElectricalEngineering;
    v.level = "master";
    v.cohort = 2027;
    v.phone = std::nullopt;
    v.skills = {"PLC", "MATLAB", "Python"};
    v.expected_salary_max = std::nullopt;
    v.talent_search_consent = !v.talent_search_consent;
  }
};

template <>
struct Case<Post> {
  static void Prepare(Tx& tx) {
    Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("锦州汽车零部件有限公司"),
                                     kNow);
    Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("沈阳机床有限公司"), kNow);
  }
  static Post Full(int i) {
    Post v = tb::testing::ValidPost(1);
    v.title = "汽车零部件设计工程师" + std::to_string(i);
    v.open_date = "2025-03-01";
    v.close_date = "2025-06-30";
    v.source_activity_id = 42;
    return v;
  }
  static Post Sparse(int i) {
    Post v = tb::testing::ValidPost(1);
    v.title = "实习生" + std::to_string(i);
    v.kind = "internship";
    v.accepted_majors = {};
    v.required_skills = {};
    v.preferred_skills = {};
    v.industry_code = std::nullopt;
    v.salary_min = std::nullopt;
    v.salary_max = std::nullopt;
    v.status = "draft";
    return v;
  }
  static void Change(Post& v) {
    v.organization_id = 2;
    v.title = "质量管理工程师";
    v.headcount = 10;
    v.accepted_majors = {"08"};
    v.status = "closed";
    v.salary_max = std::nullopt;
    v.close_date = std::nullopt;
    v.source_activity_id = std::nullopt;
  }
};

class RepositoryContract : public StoreContract {
 protected:
  template <class T>
  void Prepare() {
    SeedReference();
    Seed([](Tx& tx) { Case<T>::Prepare(tx); });
  }

  template <class T>
  void CheckInsertAssignsSequentialIdsAndTimestamps() {
    Prepare<T>();
    for (int i = 0; i < 3; ++i) {
      T value = Case<T>::Full(i);
      value.id = 77;  // ignored: the store assigns ids
      TB_ASSERT_OK_AND_ASSIGN(T inserted, Insert(value, i == 2 ? kLater : kNow));
      EXPECT_EQ(inserted.id, i + 1);
      EXPECT_EQ(inserted.created_at, i == 2 ? kLater : kNow);
      EXPECT_EQ(inserted.updated_at, inserted.created_at);
    }
  }

  template <class T>
  void CheckRoundTrip(T value) {
    EXPECT_THAT(domain::Validate(value), IsEmpty()) << "the test value itself is invalid";
    TB_ASSERT_OK_AND_ASSIGN(T inserted, Insert(value));
    value.id = inserted.id;
    value.created_at = kNow;
    value.updated_at = kNow;
    TB_ASSERT_OK_AND_ASSIGN(T stored, Get<T>(inserted.id));
    ExpectSameFields(value, stored);
    ExpectSameFields(value, inserted);
  }

  // Full and Sparse must between them cover null and set for every optional, empty and
  // non-empty for every list, and both values of every boolean; otherwise the round-trip tests
  // could not catch a column that is read back wrongly. (Mostly Full sets and Sparse clears, but
  // a contact belongs to an organization or a unit, never both.)
  template <class T>
  void CheckCasesCoverEveryShape() {
    T full = Case<T>::Full(0);
    T sparse = Case<T>::Sparse(0);
    for (const auto& f : domain::Def<T>().fields) {
      if (f.spec.read_only) continue;
      if (f.spec.nullable || f.spec.kind == domain::Kind::kStringList) {
        EXPECT_NE(IsEmptyValue(f.get(full)), IsEmptyValue(f.get(sparse)))
            << f.spec.name << " is empty in both or set in both";
      }
      if (f.spec.kind == domain::Kind::kBool) {
        EXPECT_FALSE(f.get(full) == f.get(sparse)) << f.spec.name << " is the same in both";
      }
    }
  }

  template <class T>
  void CheckUpdateReplacesFieldsAndKeepsCreatedAt() {
    Prepare<T>();
    TB_ASSERT_OK_AND_ASSIGN(T original, Insert(Case<T>::Full(0)));
    T changed = original;
    Case<T>::Change(changed);
    changed.created_at = "2000-01-01T00:00:00Z";  // ignored: created_at is kept
    changed.updated_at = "2000-01-01T00:00:00Z";  // ignored: set by the store
    EXPECT_THAT(domain::Validate(changed), IsEmpty()) << "the test value itself is invalid";
    TB_ASSERT_OK_AND_ASSIGN(T updated, Update(changed, kLater));
    EXPECT_EQ(updated.created_at, kNow);
    EXPECT_EQ(updated.updated_at, kLater);

    T expected = changed;
    expected.created_at = kNow;
    expected.updated_at = kLater;
    TB_ASSERT_OK_AND_ASSIGN(T stored, Get<T>(original.id));
    ExpectSameFields(expected, stored);
    // The change is visible, not just accepted.
    bool differs = false;
    for (const auto& f : domain::Def<T>().fields) {
      if (!f.spec.read_only && !(f.get(stored) == f.get(original))) differs = true;
    }
    EXPECT_TRUE(differs);
  }

  template <class T>
  void CheckUpdateOfMissingRowIsNotFound() {
    Prepare<T>();
    T value = Case<T>::Full(0);
    value.id = 404;
    TB_EXPECT_ERROR(Update(value), ErrorCode::kNotFound);
    EXPECT_EQ(CountOf(std::string(domain::Def<T>().table)), 0);
  }

  template <class T>
  void CheckDeleteRemovesTheRow() {
    Prepare<T>();
    TB_ASSERT_OK_AND_ASSIGN(T first, Insert(Case<T>::Full(0)));
    TB_ASSERT_OK_AND_ASSIGN(T second, Insert(Case<T>::Full(1)));
    TB_ASSERT_OK(Delete<T>(first.id));
    TB_EXPECT_ERROR(Get<T>(first.id), ErrorCode::kNotFound);
    TB_EXPECT_OK(Get<T>(second.id));
    TB_EXPECT_ERROR(Delete<T>(first.id), ErrorCode::kNotFound);
    TB_EXPECT_ERROR(Delete<T>(999), ErrorCode::kNotFound);
  }

  template <class T>
  void CheckListPagesThroughEveryRowOnce() {
    Prepare<T>();
    constexpr int kRows = 7;
    for (int i = 0; i < kRows; ++i) {
      TB_ASSERT_OK(Insert(i % 2 == 0 ? Case<T>::Full(i) : Case<T>::Sparse(i)));
    }
    std::vector<Id> all(kRows);
    std::iota(all.begin(), all.end(), 1);

    for (int limit : {1, 3, kRows - 1, kRows, kRows + 1}) {
      SCOPED_TRACE("limit " + std::to_string(limit));
      std::vector<Id> seen;
      PageRequest page{0, limit};
      int pages = 0;
      while (true) {
        TB_ASSERT_OK_AND_ASSIGN(Page<T> result, List<T>(Where{}, page));
        ++pages;
        ASSERT_LE(pages, kRows + 1) << "pagination does not end";
        EXPECT_LE(static_cast<int>(result.items.size()), limit);
        for (const T& item : result.items) seen.push_back(item.id);
        if (!result.next_after) break;
        EXPECT_EQ(static_cast<int>(result.items.size()), limit) << "a short page says more follow";
        EXPECT_EQ(*result.next_after, result.items.back().id);
        page.after = *result.next_after;
      }
      EXPECT_EQ(seen, all);
      EXPECT_EQ(pages, (kRows + limit - 1) / limit) << "an empty last page was served";
    }

    // A page starting after the last row is empty and ends the listing.
    TB_ASSERT_OK_AND_ASSIGN(Page<T> past, List<T>(Where{}, {kRows, 10}));
    EXPECT_THAT(past.items, IsEmpty());
    EXPECT_FALSE(past.next_after.has_value());
    // Count agrees with the listing.
    auto count = database().Read(
        [](Tx& tx) -> Result<std::int64_t> { return Repository<T>::Count(tx, Where{}); });
    TB_ASSERT_OK(count);
    EXPECT_EQ(*count, kRows);
  }
};

#define TB_REPOSITORY_CONTRACT(Entity)                                              \
  TEST_P(RepositoryContract, Entity##InsertAssignsSequentialIdsAndTimestamps) {     \
    CheckInsertAssignsSequentialIdsAndTimestamps<Entity>();                         \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##TestValuesCoverNullSetEmptyAndBothBooleans) {  \
    CheckCasesCoverEveryShape<Entity>();                                            \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##GetRoundTripsEveryFieldWhenOptionalsAreSet) {  \
    Prepare<Entity>();                                                              \
    CheckRoundTrip(Case<Entity>::Full(0));                                          \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##GetRoundTripsEveryFieldWhenOptionalsAreNull) { \
    Prepare<Entity>();                                                              \
    CheckRoundTrip(Case<Entity>::Sparse(0));                                        \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##UpdateReplacesFieldsAndKeepsCreatedAt) {       \
    CheckUpdateReplacesFieldsAndKeepsCreatedAt<Entity>();                           \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##UpdateOfMissingRowIsNotFound) {                \
    CheckUpdateOfMissingRowIsNotFound<Entity>();                                    \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##DeleteThenGetIsNotFound) {                     \
    CheckDeleteRemovesTheRow<Entity>();                                             \
  }                                                                                 \
  TEST_P(RepositoryContract, Entity##ListPagesThroughEveryRowExactlyOnce) {         \
    CheckListPagesThroughEveryRowOnce<Entity>();                                    \
  }

TB_REPOSITORY_CONTRACT(Institution)
TB_REPOSITORY_CONTRACT(Unit)
TB_REPOSITORY_CONTRACT(Organization)
TB_REPOSITORY_CONTRACT(Relation)
TB_REPOSITORY_CONTRACT(Contact)
TB_REPOSITORY_CONTRACT(Student)
TB_REPOSITORY_CONTRACT(Post)

TEST_P(RepositoryContract, ChineseTextRoundTripsByteForByte) {
  SeedReference();
  Organization org = tb::testing::ValidOrganization("重庆友乐特电子有限公司（英山）");
  org.description = "引号'和\"、反斜杠\\、百分号%与下划线_；emoji 🚗";
  TB_ASSERT_OK_AND_ASSIGN(Organization inserted, Insert(org));
  TB_ASSERT_OK_AND_ASSIGN(Organization stored, Get<Organization>(inserted.id));
  EXPECT_EQ(stored.name, org.name);
  EXPECT_EQ(stored.description, org.description);
}

TEST_P(RepositoryContract, IdsOfEachEntityAreCountedSeparately) {
  SeedReference();
  TB_ASSERT_OK_AND_ASSIGN(Institution institution, Insert(tb::testing::ValidInstitution()));
  TB_ASSERT_OK_AND_ASSIGN(Organization org, Insert(tb::testing::ValidOrganization("锦州港")));
  TB_ASSERT_OK_AND_ASSIGN(Unit unit, Insert(tb::testing::ValidUnit(institution.id)));
  EXPECT_EQ(institution.id, 1);
  EXPECT_EQ(org.id, 1);
  EXPECT_EQ(unit.id, 1);
}

TEST_P(RepositoryContract, IdsAreNotReusedAfterDelete) {
  SeedReference();
  TB_ASSERT_OK_AND_ASSIGN(Organization first, Insert(tb::testing::ValidOrganization("甲")));
  TB_ASSERT_OK(Delete<Organization>(first.id));
  TB_ASSERT_OK_AND_ASSIGN(Organization second, Insert(tb::testing::ValidOrganization("乙")));
  EXPECT_EQ(second.id, 2);
}

TB_INSTANTIATE_BACKENDS(RepositoryContract);

}  // namespace
}  // namespace tb::store
