#include "auth/password.hpp"

#include <gtest/gtest.h>

#include <set>

namespace tb::auth {
namespace {

TEST(PasswordPolicy, NeedsTenCharactersCountedAsCharacters) {
  EXPECT_FALSE(CheckPasswordPolicy("short1!").ok());
  EXPECT_EQ(CheckPasswordPolicy("short1!").error().fields.at(0).field, "password");
  EXPECT_TRUE(CheckPasswordPolicy("lime-tractor-42").ok());
  EXPECT_FALSE(CheckPasswordPolicy("锦州港口九个字符").ok());  // 8 characters, 24 bytes
  EXPECT_TRUE(CheckPasswordPolicy("锦州港口十个汉字的密码").ok());
}

TEST(PasswordPolicy, RefusesCommonPasswordsAndRuns) {
  EXPECT_FALSE(CheckPasswordPolicy("Password123").ok());
  EXPECT_FALSE(CheckPasswordPolicy("QWERTYUIOP").ok());
  EXPECT_FALSE(CheckPasswordPolicy("aaaaaaaaaaaa").ok());
  EXPECT_FALSE(CheckPasswordPolicy("abcdefghijklm").ok());
  EXPECT_FALSE(CheckPasswordPolicy("9876543210").ok());
}

TEST(PasswordHash, VerifiesOnlyTheRightPasswordAndSaltsEachHash) {
  auto a = HashPassword("lime-tractor-42");
  auto b = HashPassword("lime-tractor-42");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(a->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword("lime-tractor-42", *a));
  EXPECT_FALSE(VerifyPassword("lime-tractor-43", *a));
  EXPECT_FALSE(VerifyPassword("lime-tractor-42", "garbage"));
}

TEST(Tokens, AreRandom256BitHexAndHashDeterministically) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = RandomToken();
    EXPECT_EQ(t.size(), 64u);
    EXPECT_TRUE(seen.insert(t).second);
  }
  EXPECT_EQ(HashToken("abc"), HashToken("abc"));
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(GeneratePassword, PassesThePolicy) {
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(CheckPasswordPolicy(GeneratePassword()).ok());
}

}  // namespace
}  // namespace tb::auth
