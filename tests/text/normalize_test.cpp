#include "text/normalize.hpp"

#include <gtest/gtest.h>

namespace tb::text {
namespace {

TEST(NormalizeForMatch, FoldsFullWidthCaseSpacesAndPunctuation) {
  EXPECT_EQ(NormalizeForMatch("ＡＢＣ 科技（沈阳）"), "abc科技沈阳");
  EXPECT_EQ(NormalizeForMatch("Johon  Huayi, Ltd."), "johonhuayiltd");
  EXPECT_EQ(NormalizeForMatch(""), "");
}

TEST(NormalizeOrganizationName, LegalFormVariantsCompareEqual) {
  std::string a = NormalizeOrganizationName("锦州港股份有限公司");
  EXPECT_EQ(a, NormalizeOrganizationName("锦州港有限公司"));
  EXPECT_EQ(a, NormalizeOrganizationName("锦州港有限责任公司"));
  EXPECT_EQ(a, NormalizeOrganizationName("锦州港 有限公司 "));
  EXPECT_EQ(NormalizeOrganizationName("Jinzhou Port Co., Ltd"),
            NormalizeOrganizationName("JINZHOU PORT CO.,LTD."));
}

TEST(NormalizeOrganizationName, KeepsTheDistinctivePart) {
  EXPECT_NE(NormalizeOrganizationName("锦州港有限公司"),
            NormalizeOrganizationName("大连港有限公司"));
  EXPECT_EQ(NormalizeOrganizationName("有限公司"), "有限公司");  // nothing left to strip to
}

}  // namespace
}  // namespace tb::text
