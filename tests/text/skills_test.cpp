#include "text/skills.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tb::text {
namespace {

using Strings = std::vector<std::string>;

TEST(CanonicalSkills, FoldsCaseWidthSpacesAndSynonyms) {
  EXPECT_EQ(CanonicalSkills("C++"), (Strings{"c++"}));
  EXPECT_EQ(CanonicalSkills("cpp"), (Strings{"c++"}));
  EXPECT_EQ(CanonicalSkills("Ｃ＋＋"), (Strings{"c++"}));
  EXPECT_EQ(CanonicalSkills("C/C++"), (Strings{"c", "c++"}));
  EXPECT_EQ(CanonicalSkills("Java/Python3"), (Strings{"java", "python"}));
  EXPECT_EQ(CanonicalSkills("  Spring   Boot "), (Strings{"spring boot"}));
  EXPECT_EQ(CanonicalSkills("机械制图"), (Strings{"机械制图"}));
  EXPECT_EQ(CanonicalSkills(" "), Strings{});
}

TEST(KnownSkill, AnswersOnlyForWordsOfTheDictionary) {
  ASSERT_NE(KnownSkill("cpp"), nullptr);
  EXPECT_EQ(*KnownSkill("cpp"), (Strings{"c++"}));
  ASSERT_NE(KnownSkill("c/c++"), nullptr);
  EXPECT_EQ(*KnownSkill("c/c++"), (Strings{"c", "c++"}));
  EXPECT_EQ(KnownSkill("CPP"), nullptr);   // words of SplitWords are folded already
  EXPECT_EQ(KnownSkill("java"), nullptr);  // a canonical name that no synonym maps to
}

}  // namespace
}  // namespace tb::text
