// The matching routes (issue #6) against the real server with the demo data, on both
// databases: explained recommendations, live updates through the API, candidates within scope
// with personal data masked, ad-hoc profiles with field errors.

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "testing/server_process.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;

struct MatchServer {
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<ServerProcess> server;
  ClientSession admin, officer, recruiter, student;
  json self;  // the demo student's record
};

class MatchApiTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  static std::map<store::Backend, MatchServer>& Servers() {
    static std::map<store::Backend, MatchServer> servers;
    return servers;
  }
  static void TearDownTestSuite() { Servers().clear(); }

  void SetUp() override {
    MatchServer& s = Servers()[GetParam()];
    if (!s.server) {
      s.db = TestDatabase::Create(GetParam());
      ASSERT_NE(s.db, nullptr);
      s.server = ServerProcess::Start(s.db->url(), {"--demo"});
      ASSERT_NE(s.server, nullptr);
      auto admin = s.server->LoginAs("platform_admin");
      auto officer = s.server->LoginAs("institution_admin");
      auto recruiter = s.server->LoginAs("enterprise_recruiter");
      auto student = s.server->LoginAs("student");
      ASSERT_TRUE(admin && officer && recruiter && student);
      s.admin = *admin;
      s.officer = *officer;
      s.recruiter = *recruiter;
      s.student = *student;
      auto me = s.server->SendAs(s.student, "GET", "/api/v1/students?limit=1");
      ASSERT_EQ(me.status, 200) << me.body;
      s.self = me.Json()["items"][0];
    }
    s_ = &s;
  }

  json Ok(const ClientSession& who, const std::string& method, const std::string& target,
          const json& body = nullptr) {
    auto r = s_->server->SendAs(who, method, target, body.is_null() ? "" : body.dump());
    EXPECT_TRUE(r.status == 200 || r.status == 201) << method << " " << target << ": " << r.body;
    return r.Json();
  }
  std::string Recommendations(int limit) {
    return "/api/v1/students/" + std::to_string(s_->self["id"].get<long>()) +
           "/recommendations?limit=" + std::to_string(limit);
  }
  static bool Lists(const json& items, const char* key, long id) {
    for (const auto& item : items) {
      if (item[key]["id"].get<long>() == id) return true;
    }
    return false;
  }

  MatchServer* s_ = nullptr;
};

TEST_P(MatchApiTest, RecommendationsAreRankedAndExplainedInBothLanguages) {
  json page = Ok(s_->student, "GET", Recommendations(10));
  const json& items = page["items"];
  ASSERT_FALSE(items.empty());
  ASSERT_LE(items.size(), 10u);
  double previous = 1e9;
  for (const auto& item : items) {
    EXPECT_EQ(item["post"]["status"], "open");
    double score = item["score"].get<double>();
    EXPECT_LE(score, previous);
    previous = score;
    ASSERT_EQ(item["reasons"].size(), 7u);
    double sum = 0;
    for (const auto& r : item["reasons"]) {
      sum += r["points"].get<double>();
      EXPECT_FALSE(r["text"]["zh"].get<std::string>().empty());
      EXPECT_FALSE(r["text"]["en"].get<std::string>().empty());
    }
    EXPECT_NEAR(sum, score, 1e-3);
    EXPECT_FALSE(item["summary"]["zh"].get<std::string>().empty());
  }
  // Filters: only internships, only in Liaoning.
  json internships = Ok(s_->student, "GET", Recommendations(5) + "&kind=internship")["items"];
  for (const auto& item : internships) {
    EXPECT_EQ(item["post"]["kind"], "internship");
  }
  json liaoning = Ok(s_->student, "GET", Recommendations(5) + "&region=21")["items"];
  for (const auto& item : liaoning) {
    EXPECT_TRUE(item["post"]["region_code"].get<std::string>().starts_with("21"));
  }
  auto bad = s_->server->SendAs(s_->student, "GET", Recommendations(5) + "&kind=forever");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("kind"), std::string::npos);
}

// Nothing recommended is refused on apply: a post listing accepted majors lists the student's
// (code, class or category), and a full-time post is for the graduating class.
TEST_P(MatchApiTest, RecommendationsAreOnlyPostsTheStudentMayApplyTo) {
  const std::string major = s_->self["major_code"];
  const long cohort = s_->self["cohort"].get<long>();
  json items = Ok(s_->student, "GET", Recommendations(100))["items"];
  ASSERT_FALSE(items.empty());
  std::size_t full_time = 0;
  for (const auto& item : items) {
    const json& post = item["post"];
    const json& majors = post["accepted_majors"];
    bool accepted = majors.empty();
    for (const auto& m : majors) accepted = accepted || major.starts_with(m.get<std::string>());
    EXPECT_TRUE(accepted) << "post " << post["id"] << " accepts " << majors.dump() << ", not "
                          << major;
    if (post["kind"] == "full_time") ++full_time;
  }
  // The demo student is of the graduating class (2027): full-time posts are among them.
  EXPECT_GT(full_time, 0u) << "class of " << cohort;
}

TEST_P(MatchApiTest, ANewPostShowsUpAndAClosedOneGoesAway) {
  json first = Ok(s_->student, "GET", Recommendations(1))["items"][0];
  json post = {{"organization_id", first["post"]["organization_id"]},
               {"title", "联调专用岗位"},
               {"kind", "full_time"},
               {"accepted_majors", {s_->self["major_code"]}},
               {"min_level", "vocational"},
               {"required_skills", s_->self["skills"]},
               {"region_code", first["post"]["region_code"]},
               {"salary_min", 9000},
               {"salary_max", 15000},
               {"description", s_->self["resume"]},
               {"status", "open"}};
  long id = Ok(s_->officer, "POST", "/api/v1/posts", post)["id"].get<long>();
  auto wait_until = [&](bool present) {
    for (int i = 0; i < 200; ++i) {
      if (Lists(Ok(s_->student, "GET", Recommendations(50))["items"], "post", id) == present) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  EXPECT_TRUE(wait_until(true));
  Ok(s_->officer, "PATCH", "/api/v1/posts/" + std::to_string(id), {{"status", "closed"}});
  EXPECT_TRUE(wait_until(false));
}

TEST_P(MatchApiTest, CandidatesAreTheStudentsTheCallerMaySeeMasked) {
  // The recruiter's own posts: any of its organization's.
  json mine = Ok(s_->recruiter, "GET", "/api/v1/auth/me");
  long org = mine["user"]["organization_id"].get<long>();
  json posts =
      Ok(s_->recruiter, "GET", "/api/v1/posts?limit=1&organization_id=" + std::to_string(org));
  ASSERT_FALSE(posts["items"].empty());
  std::string target =
      "/api/v1/posts/" + std::to_string(posts["items"][0]["id"].get<long>()) + "/candidates";
  json items = Ok(s_->recruiter, "GET", target + "?limit=20")["items"];
  ASSERT_FALSE(items.empty());
  // Only students who opted in to talent search or applied to the organization's posts;
  // masked unless the student accepted an interview with the organization (DESIGN §9).
  std::set<long> applied, accepted;
  std::string cursor;
  do {
    json applications = Ok(s_->recruiter, "GET", "/api/v1/applications?limit=200" + cursor);
    for (const auto& a : applications["items"]) {
      applied.insert(a["student_id"].get<long>());
      std::string state = a["state"].get<std::string>();
      if (state == "interview" || state == "intention" || state == "offer" || state == "signed") {
        accepted.insert(a["student_id"].get<long>());
      }
    }
    cursor = applications["next_cursor"].is_string()
                 ? "&cursor=" + applications["next_cursor"].get<std::string>()
                 : "";
  } while (!cursor.empty());
  for (const auto& item : items) {
    EXPECT_TRUE(item["student"]["talent_search_consent"].get<bool>() ||
                applied.count(item["student"]["id"].get<long>()) == 1)
        << item["student"]["id"];
    if (item["student"]["phone"].is_string() &&
        accepted.count(item["student"]["id"].get<long>()) == 0) {
      EXPECT_NE(item["student"]["phone"].get<std::string>().find('*'), std::string::npos);
    }
    EXPECT_EQ(item["reasons"].size(), 7u);
  }
  // The institution admin: only the institution's own students, unmasked.
  long lut = s_->self["institution_id"].get<long>();
  json own = Ok(s_->officer, "GET", target + "?limit=20")["items"];
  for (const auto& item : own) {
    EXPECT_EQ(item["student"]["institution_id"].get<long>(), lut);
  }
  EXPECT_EQ(s_->server->SendAs(s_->student, "GET", target).status, 403);
  EXPECT_EQ(s_->server->SendAs(s_->admin, "GET", "/api/v1/posts/999999/candidates").status, 404);
}

TEST_P(MatchApiTest, AdHocProfilesAreValidatedFieldByField) {
  json profile = {{"major_code", "080202"},
                  {"level", "bachelor"},
                  {"skills", {"SolidWorks", "AutoCAD", "机械制图"}},
                  {"preferred_regions", {"210100"}},
                  {"expected_salary", "6-8K"},
                  {"resume", "熟悉机械设计、三维建模和工程图绘制"},
                  {"limit", 5}};
  json items = Ok(s_->admin, "POST", "/api/v1/match/query", profile)["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_LE(items.size(), 5u);
  EXPECT_EQ(items[0]["reasons"][0]["component"], "major");
  // Of any class, but only posts the profile's major may apply to, of verified enterprises.
  profile["limit"] = 200;
  std::set<long> organizations;
  json any_class = Ok(s_->officer, "POST", "/api/v1/match/query", profile)["items"];
  ASSERT_FALSE(any_class.empty());
  for (const auto& item : any_class) {
    const json& majors = item["post"]["accepted_majors"];
    bool accepted = majors.empty();
    for (const auto& m : majors) {
      accepted = accepted || std::string("080202").starts_with(m.get<std::string>());
    }
    EXPECT_TRUE(accepted) << "post " << item["post"]["id"] << " accepts " << majors.dump();
    organizations.insert(item["post"]["organization_id"].get<long>());
  }
  for (long id : organizations) {
    EXPECT_TRUE(
        Ok(s_->admin, "GET", "/api/v1/organizations/" + std::to_string(id))["verified"].get<bool>())
        << "organization " << id;
  }

  json bad = profile;
  bad["level"] = "professor";
  bad["preferred_regions"] = {"999999"};
  bad["wish"] = "money";
  auto r = s_->server->SendAs(s_->admin, "POST", "/api/v1/match/query", bad.dump());
  ASSERT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  json errors = r.Json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"level", "preferred_regions/0", "wish"}));
}

TB_INSTANTIATE_BACKENDS(MatchApiTest);

}  // namespace
}  // namespace tb::testing
