#include "demo/identifiers.hpp"

#include <gtest/gtest.h>

#include "core/validate.hpp"
#include "demo/random.hpp"

namespace tb::demo {
namespace {

TEST(RngTest, IsSplitMix64) {
  Rng rng(0);  // reference values of splitmix64 from seed 0
  EXPECT_EQ(rng.Next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(rng.Next(), 0x6E789E6AA1B965F4ULL);
}

TEST(RngTest, BetweenStaysInsideItsBounds) {
  Rng rng(SeedOf("bounds"));
  bool saw_low = false, saw_high = false;
  for (int i = 0; i < 1000; ++i) {
    int v = rng.Between(3, 7);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 7);
    saw_low |= v == 3;
    saw_high |= v == 7;
  }
  EXPECT_TRUE(saw_low);
  EXPECT_TRUE(saw_high);
}

TEST(IdentifiersTest, OrganizationCodeCheckCharacterFollowsGb11714) {
  EXPECT_EQ(OrganizationCodeCheckCharacter("D2143569"), 'X');  // the standard's example
  EXPECT_EQ(OrganizationCodeCheckCharacter("M000100Y"), '4');
  EXPECT_EQ(OrganizationCodeCheckCharacter("M000100"), '\0');
  EXPECT_EQ(OrganizationCodeCheckCharacter("m000100Y"), '\0');
}

TEST(IdentifiersTest, MakesTheCreditCodeOfTheStandardsExample) {
  EXPECT_EQ(MakeCreditCode("91", "350100", "M000100Y"), "91350100M000100Y43");
}

TEST(IdentifiersTest, MadeCreditCodesPassValidation) {
  for (const char* body : {"MA0ABCDE", "00123456", "MAXY1234", "50000001"}) {
    std::string code = MakeCreditCode("91", "210700", body);
    EXPECT_EQ(core::CheckCreditCode(code), std::nullopt) << code;
  }
}

TEST(IdentifiersTest, RefusesCreditCodeCharactersOutsideTheAlphabet) {
  EXPECT_EQ(MakeCreditCode("91", "210700", "MAOOOOOO"), "");  // O is not in the alphabet
  EXPECT_EQ(MakeCreditCode("9", "210700", "MA000000"), "");
}

TEST(IdentifiersTest, MakesTheIdNumberOfTheStandardsExample) {
  EXPECT_EQ(MakeIdNumber("110105", 1949, 12, 31, 2), "11010519491231002X");
  EXPECT_EQ(core::CheckIdNumber(MakeIdNumber("210703", 2004, 2, 29, 17)), std::nullopt);
  EXPECT_EQ(MakeIdNumber("210703", 2004, 13, 1, 17), "");
}

TEST(IdentifiersTest, MakesValidMobileNumbers) {
  Rng rng(SeedOf("mobiles"));
  for (int i = 0; i < 200; ++i) {
    std::string number = MakeMobile(rng);
    EXPECT_EQ(core::CheckMobile(number), std::nullopt) << number;
  }
}

}  // namespace
}  // namespace tb::demo
