#include "demo/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "core/time.hpp"
#include "core/validate.hpp"
#include "demo/match_demo.hpp"
#include "domain/validation.hpp"
#include "service/post_skills.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::demo {
namespace {

using store::Repository;

template <class T>
std::vector<T> All(store::Database& db, const store::Where& where = {}) {
  auto rows = db.Read([&](store::Tx& tx) -> Result<std::vector<T>> {
    std::vector<T> out;
    store::PageRequest page{0, 1000};
    for (;;) {
      auto p = Repository<T>::List(tx, where, page);
      out.insert(out.end(), p.items.begin(), p.items.end());
      if (!p.next_after) return out;
      page.after = *p.next_after;
    }
  });
  EXPECT_TRUE(rows.ok()) << testing::Describe(rows.error());
  return rows.ok() ? std::move(rows).value() : std::vector<T>{};
}

std::string Text(const domain::Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "null";
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (auto* s = std::get_if<std::string>(&v)) return "'" + *s + "'";
  std::string out = "[";
  for (const auto& item : std::get<std::vector<std::string>>(v)) out += item + "|";
  return out + "]";
}

// Every field of every row of T except the timestamps, which say when the demo was seeded.
template <class T>
std::string Dump(store::Database& db) {
  std::string out(domain::Def<T>().table);
  for (const T& row : All<T>(db)) {
    out += "\n";
    for (const auto& f : domain::Def<T>().fields) {
      if (f.spec.name == "created_at" || f.spec.name == "updated_at") continue;
      out += Text(f.get(row)) + ";";
    }
  }
  return out;
}

std::string DumpAll(store::Database& db) {
  return Dump<domain::Institution>(db) + Dump<domain::Unit>(db) + Dump<domain::Organization>(db) +
         Dump<domain::Relation>(db) + Dump<domain::Contact>(db) + Dump<domain::Student>(db) +
         Dump<domain::Post>(db);
}

std::int64_t CountRows(store::Database& db, std::string_view table) {
  auto n =
      db.Read([&](store::Tx& tx) -> Result<std::int64_t> { return store::CountRows(tx, table); });
  return n.ok() ? *n : -1;
}

domain::Organization OrganizationNamed(store::Database& db, const std::string& name) {
  store::OrganizationFilter filter;
  filter.name = name;
  for (auto& org : All<domain::Organization>(db, store::ToWhere(filter))) {
    if (org.name == name) return org;
  }
  ADD_FAILURE() << "no organization named " << name;
  return {};
}

std::vector<domain::Organization> Related(store::Database& db, domain::Id id,
                                          const std::string& relation) {
  store::OrganizationFilter filter;
  filter.related_to = id;
  filter.relation = relation;
  return All<domain::Organization>(db, store::ToWhere(filter));
}

// One seeded database shared by the tests that only read it.
class SeededDemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    test_db_ = testing::TestDatabase::Create(store::Backend::kSqlite).release();
    if (test_db_ == nullptr) return;
    auto summary = SeedDemo(*test_db_->db());
    if (summary.ok()) {
      summary_ = *summary;
    } else {
      seed_error_ = testing::Describe(summary.error());
    }
  }
  static void TearDownTestSuite() {
    delete test_db_;
    test_db_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(test_db_, nullptr);
    ASSERT_EQ(seed_error_, "");
  }
  static store::Database& db() { return *test_db_->db(); }

  static testing::TestDatabase* test_db_;
  static DemoSummary summary_;
  static std::string seed_error_;
};

testing::TestDatabase* SeededDemoTest::test_db_ = nullptr;
DemoSummary SeededDemoTest::summary_;
std::string SeededDemoTest::seed_error_;

TEST_F(SeededDemoTest, ReportsWhatItCreated) {
  EXPECT_TRUE(summary_.created);
  EXPECT_EQ(summary_.institutions, 4);
  EXPECT_EQ(summary_.relations, 7 + 38 + 6);
  EXPECT_GE(summary_.organizations, 200);
  EXPECT_GE(summary_.students, 2000);
  EXPECT_EQ(summary_.posts, 500 + MatchDemoPostCount());  // planned + the matching demo's
}

TEST_F(SeededDemoTest, SummaryCountsTheRowsWritten) {
  EXPECT_EQ(CountRows(db(), "institutions"), summary_.institutions);
  EXPECT_EQ(CountRows(db(), "units"), summary_.units);
  EXPECT_EQ(CountRows(db(), "organizations"), summary_.organizations);
  EXPECT_EQ(CountRows(db(), "organization_relations"), summary_.relations);
  EXPECT_EQ(CountRows(db(), "contacts"), summary_.contacts);
  EXPECT_EQ(CountRows(db(), "students"), summary_.students);
  EXPECT_EQ(CountRows(db(), "posts"), summary_.posts);
}

TEST_F(SeededDemoTest, JinzhouSasacSupervisesSevenStateOwnedEnterprises) {
  auto sasac = OrganizationNamed(db(), "锦州市人民政府国有资产监督管理委员会");
  EXPECT_EQ(sasac.kind, "government");
  auto supervised = Related(db(), sasac.id, "supervises");
  ASSERT_EQ(supervised.size(), 7u);
  for (const auto& org : supervised) {
    EXPECT_EQ(org.kind, "enterprise") << org.name;
    EXPECT_EQ(org.ownership, "state_owned") << org.name;
    EXPECT_TRUE(org.region_code && org.region_code->starts_with("2107")) << org.name;
    store::ContactFilter contacts;
    contacts.organization_id = org.id;
    EXPECT_EQ(All<domain::Contact>(db(), store::ToWhere(contacts)).size(), 1u) << org.name;
    store::PostFilter posts;
    posts.organization_id = org.id;
    EXPECT_GT(All<domain::Post>(db(), store::ToWhere(posts)).size(), 0u) << org.name;
  }
  store::ContactFilter director;
  director.organization_id = sasac.id;
  auto contacts = All<domain::Contact>(db(), store::ToWhere(director));
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].title, "主任");
}

TEST_F(SeededDemoTest, JinshanAssociationHasThirtyEightMembersIncludingSantoni) {
  auto association = OrganizationNamed(db(), "金山区科技企业协会");
  EXPECT_EQ(association.kind, "association");
  auto members = Related(db(), association.id, "member_of");
  EXPECT_EQ(members.size(), 38u);
  std::set<std::string> names;
  for (const auto& m : members) {
    names.insert(m.name);
    EXPECT_EQ(m.region_code, "310116") << m.name;
  }
  EXPECT_TRUE(names.count("圣东尼（上海）针织机械有限公司"));
  auto santoni = OrganizationNamed(db(), "圣东尼（上海）针织机械有限公司");
  EXPECT_EQ(santoni.name_en, "Santoni (Shanghai) Knitting Machinery Co., Ltd");
  EXPECT_EQ(OrganizationNamed(db(), "中国建设银行股份有限公司上海金山支行").kind, "financial");
  EXPECT_EQ(OrganizationNamed(db(), "上海市金山区教育局").kind, "government");
  EXPECT_EQ(OrganizationNamed(db(), "上海市金山区科学技术委员会").kind, "government");
}

TEST_F(SeededDemoTest, ShenyangInstituteHasThreeProvincialAndNineInstitutionIndustrialColleges) {
  store::Where where;
  where.And("code = ?", {store::P("4121013207")});
  auto sit = All<domain::Institution>(db(), where);
  ASSERT_EQ(sit.size(), 1u);
  EXPECT_EQ(sit[0].name, "沈阳工学院");
  store::UnitFilter filter;
  filter.institution_id = sit[0].id;
  std::map<std::string, int> colleges;
  for (const auto& unit : All<domain::Unit>(db(), store::ToWhere(filter))) {
    if (unit.kind == "industrial_college") ++colleges[unit.platform_level];
  }
  EXPECT_EQ(colleges["provincial"], 3);
  EXPECT_EQ(colleges["institution"], 9);
  EXPECT_EQ(colleges.size(), 2u);
}

TEST_F(SeededDemoTest, LiaoningUniversityOfTechnologyHasTheFourSchoolsOfTheSasacVisit) {
  store::Where where;
  where.And("code = ?", {store::P("4121010154")});
  auto lut = All<domain::Institution>(db(), where);
  ASSERT_EQ(lut.size(), 1u);
  EXPECT_TRUE(lut[0].region_code.starts_with("2107"));
  store::UnitFilter filter;
  filter.institution_id = lut[0].id;
  std::set<std::string> schools;
  for (const auto& unit : All<domain::Unit>(db(), store::ToWhere(filter)))
    schools.insert(unit.name);
  for (const char* name :
       {"土木建筑工程学院", "汽车与交通工程学院", "经济管理学院", "电气工程学院"}) {
    EXPECT_TRUE(schools.count(name)) << name;
  }
}

TEST_F(SeededDemoTest, JohonHuayiHasItsGeneralManagerAndPosts) {
  auto johon = OrganizationNamed(db(), "聚鸿华亿（沈阳）电子科技有限公司");
  EXPECT_EQ(johon.name_en, "Johon Huayi (Shenyang) Electronic Technology Co., Ltd");
  EXPECT_EQ(johon.ownership, "private");
  EXPECT_TRUE(johon.industry_code && johon.industry_code->starts_with("39"));
  EXPECT_TRUE(johon.region_code && johon.region_code->starts_with("2101"));
  store::ContactFilter contacts;
  contacts.organization_id = johon.id;
  auto people = All<domain::Contact>(db(), store::ToWhere(contacts));
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].title, "总经理");
  store::PostFilter posts;
  posts.organization_id = johon.id;
  EXPECT_GE(All<domain::Post>(db(), store::ToWhere(posts)).size(), 5u);
}

TEST_F(SeededDemoTest, YingshanParkHoldsYoulateAndItsNeighbours) {
  auto park = OrganizationNamed(db(), "营山经济开发区");
  EXPECT_EQ(park.kind, "park");
  auto government = OrganizationNamed(db(), "营山县人民政府");
  EXPECT_EQ(government.region_code, park.region_code);
  auto region = db().Read([&](store::Tx& tx) -> Result<std::optional<domain::Region>> {
    return store::GetRegion(tx, *park.region_code);
  });
  ASSERT_TRUE(region.ok() && region->has_value());
  EXPECT_EQ((*region)->name, "营山县");
  auto located = Related(db(), park.id, "located_in");
  EXPECT_GE(located.size(), 5u);
  EXPECT_LE(located.size(), 7u);
  std::set<std::string> names;
  for (const auto& org : located) names.insert(org.name);
  EXPECT_TRUE(names.count("四川优乐特电子有限公司"));
  auto youlate = OrganizationNamed(db(), "四川优乐特电子有限公司");
  EXPECT_EQ(youlate.name_en, "Sichuan Youlate Electronics Co., Ltd");
  store::PostFilter posts;
  posts.organization_id = youlate.id;
  std::set<std::string> titles;
  for (const auto& post : All<domain::Post>(db(), store::ToWhere(posts))) titles.insert(post.title);
  for (const char* title : {"研发工程师", "质量管理工程师", "财务会计"}) {
    EXPECT_TRUE(titles.count(title)) << title;
  }
}

TEST_F(SeededDemoTest, EveryRowPassesValidation) {
  auto check = [](const auto& rows, const char* what) {
    for (const auto& row : rows) {
      auto errors = domain::Validate(row);
      EXPECT_TRUE(errors.empty()) << what << " " << row.id << ": " << errors.front().field << " "
                                  << errors.front().message;
    }
  };
  check(All<domain::Institution>(db()), "institution");
  check(All<domain::Unit>(db()), "unit");
  check(All<domain::Organization>(db()), "organization");
  check(All<domain::Relation>(db()), "relation");
  check(All<domain::Contact>(db()), "contact");
  check(All<domain::Student>(db()), "student");
  check(All<domain::Post>(db()), "post");
}

TEST_F(SeededDemoTest, CreditCodesAreValidAndUnique) {
  std::set<std::string> codes;
  auto organizations = All<domain::Organization>(db());
  for (const auto& org : organizations) {
    ASSERT_TRUE(org.credit_code.has_value()) << org.name;
    EXPECT_EQ(core::CheckCreditCode(*org.credit_code), std::nullopt) << org.name;
    EXPECT_EQ(org.credit_code->substr(2, 6), *org.region_code) << org.name;
    codes.insert(*org.credit_code);
  }
  EXPECT_EQ(codes.size(), organizations.size());
}

TEST_F(SeededDemoTest, EnterprisesCarryTags) {
  std::map<std::string, int> tags;
  for (const auto& org : All<domain::Organization>(db())) {
    for (const auto& tag : org.tags) ++tags[tag];
  }
  EXPECT_GT(tags["high_tech"], 10);
  EXPECT_GT(tags["specialized_new"], 5);
  EXPECT_GT(tags["little_giant"], 0);
}

TEST_F(SeededDemoTest, ReferencesPointAtReferenceData) {
  auto organizations = All<domain::Organization>(db());
  auto posts = All<domain::Post>(db());
  auto students = All<domain::Student>(db());
  auto check = db().Read([&](store::Tx& tx) -> Result<bool> {
    for (const auto& org : organizations) {
      EXPECT_TRUE(store::GetRegion(tx, *org.region_code)) << org.name;
      if (org.industry_code) {
        EXPECT_TRUE(store::GetIndustry(tx, *org.industry_code)) << org.name;
      }
    }
    for (const auto& post : posts) {
      EXPECT_TRUE(store::GetRegion(tx, post.region_code)) << post.title;
    }
    for (const auto& student : students) {
      auto major = store::GetMajor(tx, student.major_code);
      EXPECT_TRUE(major) << student.student_no << " " << student.major_code;
      if (major) {
        EXPECT_EQ(major->level, student.level) << student.student_no;
      }
      for (const auto& region : student.preferred_regions) {
        EXPECT_TRUE(store::GetRegion(tx, region)) << student.student_no << " " << region;
      }
    }
    return true;
  });
  TB_EXPECT_OK(check);
}

// The SQL baseline (store::NaiveTopPosts) compares skills through match_post_skills: every
// demo post has exactly the rows of its own lists there.
TEST_F(SeededDemoTest, EveryPostHasTheRowsOfItsCanonicalSkills) {
  using Rows = std::set<std::tuple<domain::Id, std::int64_t, std::string>>;
  Rows expected, stored;
  for (const auto& post : All<domain::Post>(db())) {
    for (const auto& r : service::PostSkillRows(post))
      expected.insert({r.post_id, r.kind, r.skill});
  }
  TB_ASSERT_OK(db().Read([&](store::Tx& tx) -> Status {
    for (const auto& row : tx.Query("SELECT post_id, kind, skill FROM match_post_skills")) {
      stored.insert({row.Int(0), row.Int(1), row.Text(2)});
    }
    return {};
  }));
  EXPECT_GT(expected.size(), 1000u);
  EXPECT_EQ(stored, expected);
}

TEST_F(SeededDemoTest, StudentsLookLikeRealGraduates) {
  auto students = All<domain::Student>(db());
  std::set<std::pair<domain::Id, std::string>> numbers;
  int with_id = 0, consenting = 0;
  std::map<std::int64_t, int> per_class;
  for (const auto& s : students) {
    ++per_class[s.cohort];
    EXPECT_TRUE(numbers.insert({s.institution_id, s.student_no}).second) << s.student_no;
    EXPECT_GE(s.cohort, 2023);
    EXPECT_LE(s.cohort, 2027);
    EXPECT_GE(s.skills.size(), 3u) << s.student_no;
    EXPECT_FALSE(s.preferred_regions.empty()) << s.student_no;
    EXPECT_FALSE(s.resume.empty()) << s.student_no;
    if (s.expected_salary_min) {
      EXPECT_GE(*s.expected_salary_min, 3500);
      EXPECT_LE(*s.expected_salary_max, 15000);
    }
    if (s.id_number) {
      ++with_id;
      EXPECT_EQ(s.id_number->substr(6, 4), std::to_string(s.cohort - 22)) << s.student_no;
      int sequence = (*s.id_number)[16] - '0';
      EXPECT_EQ(sequence % 2 == 1, s.gender == "male") << s.student_no;
    }
    consenting += s.talent_search_consent ? 1 : 0;
  }
  EXPECT_GT(with_id, static_cast<int>(students.size()) / 2);
  EXPECT_LT(with_id, static_cast<int>(students.size()));
  EXPECT_GT(consenting, 0);
  EXPECT_LT(consenting, static_cast<int>(students.size()));
  // The demo is set in late 2026: the class of 2027, graduating next summer, is the largest.
  for (auto [cohort, count] : per_class) {
    if (cohort != 2027) EXPECT_GT(per_class[2027], count) << cohort;
  }
}

TEST_F(SeededDemoTest, VocationalCollegeStudentsAreVocational) {
  store::Where where;
  where.And("code = ?", {store::P("4131014277")});
  auto college = All<domain::Institution>(db(), where);
  ASSERT_EQ(college.size(), 1u);
  EXPECT_EQ(college[0].kind, "vocational_college");
  store::StudentFilter filter;
  filter.institution_id = college[0].id;
  auto students = All<domain::Student>(db(), store::ToWhere(filter));
  EXPECT_GT(students.size(), 100u);
  for (const auto& s : students) EXPECT_EQ(s.level, "vocational") << s.student_no;
}

TEST_F(SeededDemoTest, PostsAreMostlyOpenAndDatedAroundTheSeedingDay) {
  // The plan dates posts opening from 5 January to 21 November 2026, around 1 July 2026; seeding
  // moves them so that 1 July becomes the seeding day (today), keeping the usual mix of running,
  // upcoming and finished posts whatever day the demo starts.
  const std::string today = core::TodayUtc();
  auto day = [](const std::string& date) {
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
    int d = std::stoi(date.substr(8, 2));
    return static_cast<int>(
        std::chrono::sys_days(std::chrono::year(y) / m / d).time_since_epoch().count());
  };
  std::map<std::string, int> by_status, by_kind;
  int running = 0;
  for (const auto& post : All<domain::Post>(db())) {
    ++by_status[post.status];
    ++by_kind[post.kind];
    ASSERT_TRUE(post.open_date && post.close_date);
    EXPECT_GE(day(*post.open_date), day(today) - 178) << *post.open_date;
    EXPECT_LE(day(*post.open_date), day(today) + 143) << *post.open_date;
    EXPECT_GE(day(*post.close_date), day(*post.open_date) + 30) << *post.close_date;
    EXPECT_LE(day(*post.close_date), day(*post.open_date) + 180) << *post.close_date;
    if (post.status == "open" && *post.open_date <= today && today <= *post.close_date) ++running;
    EXPECT_FALSE(post.description.empty());
  }
  EXPECT_GT(by_status["open"], 350);
  EXPECT_GT(running, 100);  // open today (about a third): what students see
  EXPECT_GT(by_status["closed"], 0);
  EXPECT_GT(by_status["draft"], 0);
  EXPECT_GT(by_kind["full_time"], 0);
  EXPECT_GT(by_kind["internship"], 0);
  EXPECT_GT(by_kind["part_time"], 0);
}

TEST(SeedDemoTest, SeedingTwiceLeavesTheDatabaseAsItIs) {
  auto test_db = testing::TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(test_db, nullptr);
  TB_ASSERT_OK_AND_ASSIGN(DemoSummary first, SeedDemo(*test_db->db()));
  EXPECT_TRUE(first.created);
  std::string before = DumpAll(*test_db->db());
  auto changes = CountRows(*test_db->db(), "change_log");

  TB_ASSERT_OK_AND_ASSIGN(DemoSummary second, SeedDemo(*test_db->db()));
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.students, first.students);
  EXPECT_EQ(second.posts, first.posts);
  EXPECT_TRUE(DumpAll(*test_db->db()) == before);
  EXPECT_EQ(CountRows(*test_db->db(), "change_log"), changes);
}

TEST(SeedDemoTest, TwoFreshDatabasesGetIdenticalData) {
  auto a = testing::TestDatabase::Create(store::Backend::kSqlite);
  auto b = testing::TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  TB_ASSERT_OK(SeedDemo(*a->db()));
  TB_ASSERT_OK(SeedDemo(*b->db()));
  std::string dump_a = DumpAll(*a->db());
  std::string dump_b = DumpAll(*b->db());
  EXPECT_GT(dump_a.size(), 100000u);
  EXPECT_EQ(dump_a.size(), dump_b.size());
  EXPECT_TRUE(dump_a == dump_b);
}

TEST(SeedDemoTest, AddsTheDemoToADatabaseWithOtherData) {
  auto test_db = testing::TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(test_db, nullptr);
  auto& db = *test_db->db();
  TB_ASSERT_OK(db.Write([](store::Tx& tx) -> Status {
    testing::SeedReferenceRows(tx);
    Repository<domain::Organization>::Insert(
        tx, testing::ValidOrganization("锦州其他零部件有限公司"), testing::kNow);
    return {};
  }));
  TB_ASSERT_OK_AND_ASSIGN(DemoSummary summary, SeedDemo(db));
  EXPECT_TRUE(summary.created);
  EXPECT_EQ(CountRows(db, "organizations"), summary.organizations + 1);
  OrganizationNamed(db, "锦州其他零部件有限公司");
}

TEST(SeedDemoTest, RefusesWhenADemoKeyIsTakenByOtherData) {
  auto test_db = testing::TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(test_db, nullptr);
  auto& db = *test_db->db();
  TB_ASSERT_OK(db.Write([](store::Tx& tx) -> Status {
    domain::Institution cqut = testing::ValidInstitution();
    cqut.code = "4150011660";
    Repository<domain::Institution>::Insert(tx, cqut, testing::kNow);
    return {};
  }));
  auto result = SeedDemo(db);
  TB_EXPECT_ERROR(result, ErrorCode::kConflict);
  if (!result.ok()) {
    EXPECT_NE(result.error().message.find("4150011660"), std::string::npos);
  }
  EXPECT_EQ(CountRows(db, "organizations"), 0);
  EXPECT_EQ(CountRows(db, "institutions"), 1);
}

}  // namespace
}  // namespace tb::demo
