// Enterprise vetting (issue #4): likely duplicates by normalized name, verification by a
// platform administrator, and posts of unverified enterprises hidden from students.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "testing/builders.hpp"
#include "testing/server_process.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;

struct VettingServer {
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<ServerProcess> server;
  ClientSession admin, officer, student;
};

class VettingTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  static std::map<store::Backend, VettingServer>& Servers() {
    static std::map<store::Backend, VettingServer> servers;
    return servers;
  }
  static void TearDownTestSuite() { Servers().clear(); }

  void SetUp() override {
    VettingServer& s = Servers()[GetParam()];
    if (!s.server) {
      s.db = TestDatabase::Create(GetParam());
      ASSERT_NE(s.db, nullptr);
      s.server = ServerProcess::Start(s.db->url(), {"--demo"});
      ASSERT_NE(s.server, nullptr);
      auto admin = s.server->LoginAs("platform_admin");
      auto officer = s.server->LoginAs("institution_admin");
      auto student = s.server->LoginAs("student");
      ASSERT_TRUE(admin && officer && student);
      s.admin = *admin;
      s.officer = *officer;
      s.student = *student;
    }
    s_ = &s;
  }

  json Create(const ClientSession& who, const std::string& path, const json& body) {
    auto r = s_->server->SendAs(who, "POST", path, body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }

  static json Enterprise(const std::string& name, std::uint64_t seed) {
    return {{"kind", "enterprise"},
            {"name", name},
            {"credit_code", CreditCode(seed)},
            {"region_code", "210700"},
            {"industry_code", "39"}};
  }

  VettingServer* s_ = nullptr;
};

TEST_P(VettingTest, LegalFormWidthAndSpacingVariantsAreFlaggedAsDuplicates) {
  json a =
      Create(s_->officer, "/api/v1/organizations", Enterprise("锦州审核港股份有限公司", 700001));
  json b =
      Create(s_->officer, "/api/v1/organizations", Enterprise("锦州审核港 有限责任公司", 700002));
  json c = Create(s_->officer, "/api/v1/organizations", Enterprise("锦州审核码头有限公司", 700003));
  EXPECT_EQ(a["name_key"], b["name_key"]);
  EXPECT_NE(a["name_key"], c["name_key"]);

  auto dup = s_->server->SendAs(
      s_->officer, "GET",
      "/api/v1/organizations/" + std::to_string(a["id"].get<int>()) + "/duplicates");
  ASSERT_EQ(dup.status, 200) << dup.body;
  json items = dup.Json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], b["id"]);

  auto flagged = s_->server->SendAs(s_->officer, "GET",
                                    "/api/v1/organizations?possible_duplicates=true&limit=200");
  ASSERT_EQ(flagged.status, 200);
  std::set<int> ids;
  json flagged_items = flagged.Json()["items"];
  for (const auto& o : flagged_items) ids.insert(o["id"].get<int>());
  EXPECT_TRUE(ids.count(a["id"].get<int>()));
  EXPECT_TRUE(ids.count(b["id"].get<int>()));
  EXPECT_FALSE(ids.count(c["id"].get<int>()));
}

TEST_P(VettingTest, StudentsSeePostsOnlyOfVerifiedEnterprises) {
  json org =
      Create(s_->officer, "/api/v1/organizations", Enterprise("审核测试电子有限公司", 700010));
  EXPECT_EQ(org["verified"], false);
  json post = Create(s_->officer, "/api/v1/posts",
                     {{"organization_id", org["id"]},
                      {"title", "审核测试岗位"},
                      {"region_code", "210700"},
                      {"status", "open"}});
  std::string post_path = "/api/v1/posts/" + std::to_string(post["id"].get<int>());
  std::string list_path = "/api/v1/posts?organization_id=" + std::to_string(org["id"].get<int>());

  EXPECT_EQ(s_->server->SendAs(s_->student, "GET", post_path).status, 404);
  EXPECT_TRUE(s_->server->SendAs(s_->student, "GET", list_path).Json()["items"].empty());
  EXPECT_EQ(s_->server->SendAs(s_->officer, "GET", post_path).status, 200);

  // Only a platform administrator verifies.
  std::string org_path = "/api/v1/organizations/" + std::to_string(org["id"].get<int>());
  EXPECT_EQ(s_->server->SendAs(s_->officer, "PATCH", org_path, R"({"verified":true})").status, 403);
  auto verified = s_->server->SendAs(s_->admin, "PATCH", org_path, R"({"verified":true})");
  ASSERT_EQ(verified.status, 200) << verified.body;

  EXPECT_EQ(s_->server->SendAs(s_->student, "GET", post_path).status, 200);
  EXPECT_EQ(s_->server->SendAs(s_->student, "GET", list_path).Json()["items"].size(), 1u);
}

TB_INSTANTIATE_BACKENDS(VettingTest);

}  // namespace
}  // namespace tb::testing
