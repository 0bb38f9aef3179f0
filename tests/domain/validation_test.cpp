#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include "testing/builders.hpp"

namespace tb::domain {
namespace {

bool HasError(const std::vector<FieldError>& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field == field) return true;
  }
  return false;
}

TEST(Validate, BuildersProduceValidEntities) {
  EXPECT_TRUE(Validate(testing::ValidOrganization("沈阳测试科技有限公司")).empty());
  EXPECT_TRUE(Validate(testing::ValidInstitution()).empty());
  EXPECT_TRUE(Validate(testing::ValidStudent(1, 1)).empty());
  EXPECT_TRUE(Validate(testing::ValidPost(1)).empty());
}

TEST(Validate, EnterpriseNeedsACreditCodeOtherBodiesDoNot) {
  Organization org = testing::ValidOrganization("无代码有限公司");
  org.credit_code.reset();
  EXPECT_TRUE(HasError(Validate(org), "credit_code"));
  org.kind = "association";
  EXPECT_FALSE(HasError(Validate(org), "credit_code"));
}

TEST(Validate, ReportsEveryBadFieldByName) {
  Organization org = testing::ValidOrganization("多错误有限公司");
  org.kind = "company";
  org.region_code = "2101";
  org.industry_code = "Z";
  org.tags = {"ok_tag", "Bad Tag"};
  auto errors = Validate(org);
  EXPECT_TRUE(HasError(errors, "kind"));
  EXPECT_TRUE(HasError(errors, "region_code"));
  EXPECT_TRUE(HasError(errors, "industry_code"));
  EXPECT_TRUE(HasError(errors, "tags/1"));
  EXPECT_FALSE(HasError(errors, "tags/0"));
}

TEST(Validate, PostSalaryRangeAndDatesMustBeOrdered) {
  Post post = testing::ValidPost(1);
  post.salary_min = 9000;
  post.salary_max = 6000;
  post.open_date = "2026-09-01";
  post.close_date = "2026-08-01";
  auto errors = Validate(post);
  EXPECT_TRUE(HasError(errors, "salary_max"));
  EXPECT_TRUE(HasError(errors, "close_date"));
}

TEST(Validate, AcceptedMajorsTakeCodesClassesAndCategories) {
  Post post = testing::ValidPost(1);
  post.accepted_majors = {"080901", "0809", "08", "080911TK", "0809x"};
  auto errors = Validate(post);
  EXPECT_TRUE(HasError(errors, "accepted_majors/4"));
  EXPECT_EQ(errors.size(), 1u);
}

TEST(Validate, StudentPersonalDataIsChecked) {
  Student s = testing::ValidStudent(1, 1);
  s.phone = "1234";
  s.id_number = "110105194912310020";  // wrong check character
  s.cohort = 1800;
  auto errors = Validate(s);
  EXPECT_TRUE(HasError(errors, "phone"));
  EXPECT_TRUE(HasError(errors, "id_number"));
  EXPECT_TRUE(HasError(errors, "cohort"));
}

TEST(Validate, LengthsCountCharactersNotBytes) {
  Organization org = testing::ValidOrganization("x");
  std::string name;
  for (int i = 0; i < 200; ++i) name += "测";
  org.name = name;
  EXPECT_FALSE(HasError(Validate(org), "name"));
  org.name += "测";
  EXPECT_TRUE(HasError(Validate(org), "name"));
}

TEST(Validate, RefusesInvalidUtf8) {
  Organization org = testing::ValidOrganization("x");
  org.name = std::string("\xE6\xB5", 2);
  EXPECT_TRUE(HasError(Validate(org), "name"));
  EXPECT_TRUE(IsValidUtf8("锦州"));
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));
}

TEST(Validate, ContactBelongsToExactlyOneOfOrganizationAndUnit) {
  Contact c;
  c.name = "张三";
  EXPECT_TRUE(HasError(Validate(c), "organization_id"));
  c.organization_id = 1;
  EXPECT_TRUE(Validate(c).empty());
  c.unit_id = 2;
  EXPECT_TRUE(HasError(Validate(c), "organization_id"));
}

TEST(EntityDef, EveryEntityStartsWithIdAndEndsWithTimestamps) {
  auto check = [](const auto& def) {
    ASSERT_GE(def.fields.size(), 3u);
    EXPECT_EQ(def.fields.front().spec.name, "id");
    EXPECT_EQ(def.fields[def.fields.size() - 2].spec.name, "created_at");
    EXPECT_EQ(def.fields.back().spec.name, "updated_at");
  };
  check(Def<Institution>());
  check(Def<Unit>());
  check(Def<Organization>());
  check(Def<Relation>());
  check(Def<Contact>());
  check(Def<Student>());
  check(Def<Post>());
}

TEST(EntityDef, FieldAccessorsRoundTrip) {
  Student s = testing::ValidStudent(3, 4);
  Student copy{};
  for (const auto& f : Def<Student>().fields) f.set(copy, f.get(s));
  for (const auto& f : Def<Student>().fields) EXPECT_EQ(f.get(copy), f.get(s)) << f.spec.name;
}

}  // namespace
}  // namespace tb::domain
