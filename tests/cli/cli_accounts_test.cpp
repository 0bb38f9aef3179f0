// `talentbridge user ...` and `talentbridge token ...` as an administrator types them, and the
// demo logins printed by `talentbridge serve --demo`: the binary run as a child process.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "testing/command.hpp"

#include "testing/server_process.hpp"

namespace {

using tb::testing::CommandRun;
using tb::testing::Talentbridge;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The lines of `text` that start with `prefix`.
std::vector<std::string> LinesStartingWith(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(prefix)) out.push_back(line);
  }
  return out;
}

class CliAccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tb-cli-accounts-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "accounts.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandRun Run(const std::string& args) { return Talentbridge(args + " --db " + db_); }
  CommandRun RunWithStdin(const std::string& args, const std::string& line) {
    return Talentbridge(args + " --db " + db_, &line);
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CliAccountsTest, AddsAPlatformAdminWithAGeneratedPasswordPrintedOnce) {
  CommandRun run =
      Run("user add --role platform_admin --email Root@Example.CN --generate-password");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "user 1 created: root@example.cn platform_admin")) << run.output;
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(run.output, m, std::regex("password: (\\S{4}-\\S{4}-\\S{4}-\\S{4})")))
      << run.output;
  EXPECT_EQ(Count(run.output, m[1].str()), 1) << "printed once: " << run.output;
  EXPECT_FALSE(Contains(Run("user list").output, m[1].str())) << "never printed again";
}

TEST_F(CliAccountsTest, ReadsThePasswordFromStdin) {
  CommandRun run = RunWithStdin("user add --role platform_admin --email ops@example.cn --name Ops",
                                "Lantern-Quarry-Fjord-58");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "user 1 created: ops@example.cn platform_admin")) << run.output;
  EXPECT_FALSE(Contains(run.output, "Lantern-Quarry-Fjord-58")) << run.output;
}

TEST_F(CliAccountsTest, RefusesAWeakPasswordAndNamesTheField) {
  CommandRun run =
      RunWithStdin("user add --role platform_admin --email ops@example.cn", "password1");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "  password: ")) << run.output;
  EXPECT_FALSE(Contains(Run("user list").output, "ops@example.cn")) << "nothing was created";
}

TEST_F(CliAccountsTest, RefusesAMissingPassword) {
  CommandRun run = Run("user add --role platform_admin --email ops@example.cn");  // stdin empty
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "password")) << run.output;
}

TEST_F(CliAccountsTest, RefusesARoleWithoutItsScope) {
  CommandRun run = Run("user add --role unit_staff --email staff@example.cn --generate-password");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "unit_id: is required for role unit_staff")) << run.output;
  EXPECT_FALSE(Contains(run.output, "password: ")) << "no password for a user not created";

  run =
      Run("user add --role observer --email obs@example.cn --observe-institutions 5,6 "
          "--generate-password");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "observer_institutions: no record with id 5")) << run.output;

  run = Run("user add --role janitor --email j@example.cn --generate-password");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "  role: ")) << run.output;

  run = Run("user add --role platform_admin --email not-an-email --generate-password");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "  email: ")) << run.output;
}

TEST_F(CliAccountsTest, RefusesAnEmailAlreadyUsed) {
  ASSERT_EQ(Run("user add --role platform_admin --email a@example.cn --generate-password").status,
            0);
  CommandRun run = Run("user add --role platform_admin --email A@example.cn --generate-password");
  EXPECT_NE(run.status, 0);
  EXPECT_TRUE(Contains(run.output, "email: already used by user 1")) << run.output;
}

TEST_F(CliAccountsTest, ListsDisablesAndEnablesUsers) {
  ASSERT_EQ(Run("user add --role platform_admin --email a@example.cn --generate-password").status,
            0);
  ASSERT_EQ(Run("user add --role platform_admin --email b@example.cn --generate-password").status,
            0);
  CommandRun list = Run("user list");
  ASSERT_EQ(list.status, 0) << list.output;
  auto rows = LinesStartingWith(list.output, "1 ");
  ASSERT_EQ(rows.size(), 1u) << list.output;
  EXPECT_TRUE(std::regex_search(rows[0], std::regex("^1 +a@example\\.cn +platform_admin +- +no$")))
      << rows[0];
  EXPECT_EQ(LinesStartingWith(list.output, "2 ").size(), 1u) << list.output;
  EXPECT_EQ(LinesStartingWith(list.output, "ID ").size(), 1u) << list.output;

  CommandRun off = Run("user disable B@example.cn");
  ASSERT_EQ(off.status, 0) << off.output;
  EXPECT_TRUE(Contains(off.output, "user 2 disabled: b@example.cn")) << off.output;
  rows = LinesStartingWith(Run("user list").output, "2 ");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].ends_with(" yes")) << rows[0];

  CommandRun on = Run("user enable 2");
  ASSERT_EQ(on.status, 0) << on.output;
  EXPECT_TRUE(Contains(on.output, "user 2 enabled: b@example.cn")) << on.output;
  rows = LinesStartingWith(Run("user list").output, "2 ");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].ends_with(" no")) << rows[0];

  EXPECT_NE(Run("user disable nobody@example.cn").status, 0);
  EXPECT_NE(Run("user disable 99").status, 0);
}

TEST_F(CliAccountsTest, CreatesListsAndRevokesTokens) {
  ASSERT_EQ(Run("user add --role platform_admin --email a@example.cn --generate-password").status,
            0);
  CommandRun run = Run("token create --user a@example.cn --name nightly-export");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "token 1 created for user 1 (a@example.cn): nightly-export"))
      << run.output;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(run.output, m, std::regex("token: (tbt_[0-9a-f]{64})\\b")))
      << run.output;
  std::string token = m[1].str();

  CommandRun list = Run("token list");
  ASSERT_EQ(list.status, 0) << list.output;
  auto rows = LinesStartingWith(list.output, "1 ");
  ASSERT_EQ(rows.size(), 1u) << list.output;
  EXPECT_TRUE(Contains(rows[0], "nightly-export")) << rows[0];
  EXPECT_TRUE(rows[0].ends_with(" -")) << "not revoked: " << rows[0];
  EXPECT_FALSE(Contains(list.output, token)) << "the token is shown only once";

  CommandRun revoke = Run("token revoke 1");
  ASSERT_EQ(revoke.status, 0) << revoke.output;
  EXPECT_TRUE(Contains(revoke.output, "token 1 revoked")) << revoke.output;
  rows = LinesStartingWith(Run("token list").output, "1 ");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].ends_with(" -")) << "revoked: " << rows[0];

  EXPECT_NE(Run("token revoke 42").status, 0);
  EXPECT_NE(Run("token create --user 7 --name x").status, 0);
  CommandRun unnamed = Run("token create --user 1 --name ''");
  EXPECT_NE(unnamed.status, 0);
  EXPECT_TRUE(Contains(unnamed.output, "  name: ")) << unnamed.output;
}

// `serve --demo` prints one login per role before it says it is serving, the same ones at every
// start, and they log in.
TEST_F(CliAccountsTest, ServeDemoPrintsTheDemoLoginsAtEveryStart) {
  std::vector<std::string> first;
  {
    auto server = tb::testing::ServerProcess::Start(db_, {"--demo"});
    ASSERT_NE(server, nullptr);
    std::string out = server->Output();
    first = LinesStartingWith(out, "demo login: ");
    ASSERT_EQ(first.size(), 6u) << out;
    auto serving = out.find("serving on");
    ASSERT_NE(serving, std::string::npos) << out;
    EXPECT_LT(out.rfind("demo login: "), serving) << out;
    const char* roles[] = {"platform_admin",       "institution_admin", "unit_staff",
                           "enterprise_recruiter", "student",           "observer"};
    for (std::size_t i = 0; i < first.size(); ++i) {
      std::smatch m;
      ASSERT_TRUE(
          std::regex_match(first[i], m,
                           std::regex("demo login: (\\w+) (\\S+@\\S*demo\\.talentbridge\\.cn) "
                                      "(\\S+)")))
          << first[i];
      EXPECT_EQ(m[1].str(), roles[i]);
      auto login =
          server->Post("/api/v1/auth/login",
                       R"({"email":")" + m[2].str() + R"(","password":")" + m[3].str() + R"("})");
      EXPECT_EQ(login.status, 200) << first[i] << ": " << login.body;
    }
  }
  auto again = tb::testing::ServerProcess::Start(db_, {"--demo"});
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(LinesStartingWith(again->Output(), "demo login: "), first) << again->Output();
  CommandRun list = Run("user list");
  EXPECT_EQ(Count(list.output, "demo.talentbridge.cn"), 6) << list.output;
}

TEST_F(CliAccountsTest, ServeWithoutDemoPrintsNoDemoLogins) {
  auto server = tb::testing::ServerProcess::Start(db_);
  ASSERT_NE(server, nullptr);
  EXPECT_FALSE(Contains(server->Output(), "demo login:")) << server->Output();
}

}  // namespace
