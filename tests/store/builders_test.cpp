// The shared test builders (tests/testing/builders.hpp) produce valid entities and codes; every
// other suite relies on it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/validate.hpp"
#include "domain/validation.hpp"
#include "testing/builders.hpp"

namespace tb::testing {
namespace {

using ::testing::IsEmpty;

TEST(Builders, CreditCodesAreValidAndDistinctPerSeed) {
  std::set<std::string> seen;
  for (std::uint64_t seed : {0ull, 1ull, 30ull, 31ull, 961ull, 123456789ull, 26439622160670ull}) {
    std::string code = CreditCode(seed);
    EXPECT_EQ(core::CheckCreditCode(code), std::nullopt) << code;
    EXPECT_TRUE(seen.insert(code).second) << code;
  }
  EXPECT_EQ(CreditCode(42), CreditCode(42));
}

TEST(Builders, EntitiesPassDomainValidation) {
  EXPECT_THAT(domain::Validate(ValidOrganization("锦州汽车零部件有限公司")), IsEmpty());
  EXPECT_THAT(domain::Validate(ValidInstitution()), IsEmpty());
  EXPECT_THAT(domain::Validate(ValidUnit(1)), IsEmpty());
  EXPECT_THAT(domain::Validate(ValidStudent(1, 1)), IsEmpty());
  EXPECT_THAT(domain::Validate(ValidPost(1)), IsEmpty());
  EXPECT_THAT(domain::Validate(ValidContact(1)), IsEmpty());
  EXPECT_THAT(domain::Validate(ValidRelation(1, "supervises", 2)), IsEmpty());
}

TEST(Builders, UniqueKeysDifferBetweenCalls) {
  EXPECT_NE(ValidOrganization("甲").credit_code, ValidOrganization("甲").credit_code);
  EXPECT_NE(ValidInstitution().code, ValidInstitution().code);
  EXPECT_NE(ValidStudent(1, 1).student_no, ValidStudent(1, 1).student_no);
}

}  // namespace
}  // namespace tb::testing
