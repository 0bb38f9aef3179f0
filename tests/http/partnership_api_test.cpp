// Campaigns, targets, activities and outcome lines over HTTP against the real server with the
// demo loaded, on SQLite and on PostgreSQL: CRUD of each, 422s naming the field, scope (404
// across institutions, 403 for visible records the caller may not change), and the demo's
// progress and ranking.

#include <gtest/gtest.h>

#include <map>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;
using Id = std::int64_t;

class PartnershipApiTest : public DemoServerTest {
 protected:
  Id InstitutionByName(const std::string& name) {
    auto items =
        Ok("platform_admin", "GET", "/api/v1/institutions?name=" + name, nullptr, 200)["items"];
    EXPECT_EQ(items.size(), 1u) << name;
    return items.empty() ? 0 : items[0]["id"].get<Id>();
  }
  // The demo's 2023 campaign of an institution.
  json CampaignOf(Id institution) {
    auto items = Ok("platform_admin", "GET",
                    "/api/v1/campaigns?institution_id=" + std::to_string(institution), nullptr,
                    200)["items"];
    EXPECT_FALSE(items.empty());
    return items.empty() ? json::object() : items[0];
  }
  json VisitsOf(Id campaign) {
    return Ok(
        "platform_admin", "GET",
        "/api/v1/activities?kind=visit_in&campaign_id=" + std::to_string(campaign) + "&limit=200",
        nullptr, 200)["items"];
  }
  static std::string Field(const json& problem, std::size_t i = 0) {
    if (!problem.contains("errors") || problem["errors"].size() <= i) return "";
    return problem["errors"][i]["field"];
  }
  // SUM(headcount) of the posts opened by the visits of a campaign.
  std::int64_t PostsOpenedBy(Id campaign) {
    std::int64_t sum = 0;
    auto visits =
        Ok("platform_admin", "GET", "/api/v1/activities?campaign_id=" + S(campaign) + "&limit=200",
           nullptr, 200)["items"];
    for (const auto& v : visits) {
      if (v["kind"] != "visit_in" && v["kind"] != "visit_out") continue;
      auto posts = Ok("platform_admin", "GET",
                      "/api/v1/posts?limit=200&source_activity_id=" + S(v["id"].get<Id>()), nullptr,
                      200)["items"];
      for (const auto& p : posts) sum += p["headcount"].get<std::int64_t>();
    }
    return sum;
  }
};

TEST_P(PartnershipApiTest, InstitutionAdminManagesACampaignAndItsTargets) {
  Id lut = Me("institution_admin", "institution_id");
  Id unit = Me("unit_staff", "unit_id");
  json c = Ok("institution_admin", "POST", "/api/v1/campaigns",
              {{"institution_id", lut},
               {"name", "2024年访企拓岗专项行动"},
               {"start_date", "2024-03-01"},
               {"end_date", "2024-12-31"}},
              201);
  std::string base = "/api/v1/campaigns/" + S(c["id"].get<Id>());
  EXPECT_EQ(c["status"], "active");
  EXPECT_EQ(Ok("unit_staff", "GET", base, nullptr, 200)["name"], "2024年访企拓岗专项行动");
  EXPECT_EQ(Ok("institution_admin", "PATCH", base, {{"status", "planned"}}, 200)["status"],
            "planned");

  json t = Ok("institution_admin", "POST", base + "/targets",
              {{"unit_id", unit}, {"visits", 6}, {"employers", 15}, {"posts", 100}}, 201);
  EXPECT_EQ(t["campaign_id"], c["id"]);
  std::string target = base + "/targets/" + S(t["id"].get<Id>());
  EXPECT_EQ(Ok("institution_admin", "PATCH", target, {{"visits", 8}}, 200)["visits"], 8);
  auto dup = As("institution_admin", "POST", base + "/targets", {{"unit_id", unit}});
  EXPECT_EQ(dup.status, 409) << dup.body;
  auto list = Ok("observer", "GET", base + "/targets", nullptr, 200)["items"];
  EXPECT_EQ(list.size(), 1u);
  EXPECT_EQ(As("unit_staff", "PATCH", target, {{"visits", 1}}).status, 403);

  json progress = Ok("observer", "GET", base + "/progress", nullptr, 200);
  EXPECT_EQ(progress["total"]["visits"]["done"], 0);
  EXPECT_EQ(progress["total"]["visits"]["target"], 8);

  EXPECT_EQ(As("institution_admin", "DELETE", target).status, 204);
  EXPECT_EQ(As("institution_admin", "DELETE", base).status, 204);
  EXPECT_EQ(As("institution_admin", "GET", base).status, 404);
}

TEST_P(PartnershipApiTest, UnitStaffRecordAVisitOfTheirUnitWithOutcomeLines) {
  Id lut = Me("institution_admin", "institution_id");
  Id unit = Me("unit_staff", "unit_id");
  Id org = Me("enterprise_recruiter", "organization_id");
  json campaign = CampaignOf(lut);
  json a = Ok("unit_staff", "POST", "/api/v1/activities",
              {{"institution_id", lut},
               {"kind", "visit_out"},
               {"campaign_id", campaign["id"]},
               {"unit_id", unit},
               {"organization_id", org},
               {"date", "2023-05-10"},
               {"place", "沈阳"},
               {"leader_name", "刘院长"},
               {"leader_title", "院长"}},
              201);
  std::string base = "/api/v1/activities/" + S(a["id"].get<Id>());
  json line = Ok("unit_staff", "POST", base + "/outcomes",
                 {{"organization_id", org},
                  {"major_code", kVehicleEngineering},
                  {"level", "bachelor"},
                  {"posts_offered", 5},
                  {"average_pay", 6500},
                  {"interns_accepted", 3},
                  {"intern_pay", 3000},
                  {"hires_planned", 2},
                  {"starting_salary", 6000},
                  {"main_result_form", "提供就业岗位"}},
                 201);
  EXPECT_EQ(line["activity_id"], a["id"]);
  std::string item = base + "/outcomes/" + S(line["id"].get<Id>());
  EXPECT_EQ(Ok("unit_staff", "PATCH", item, {{"posts_offered", 7}}, 200)["posts_offered"], 7);
  EXPECT_EQ(Ok("institution_admin", "GET", base + "/outcomes", nullptr, 200)["items"].size(), 1u);
  // The recruiter's organization took part: it reads the activity, but may not change it.
  EXPECT_EQ(As("enterprise_recruiter", "GET", base).status, 200);
  EXPECT_EQ(As("enterprise_recruiter", "GET", base + "/outcomes").status, 200);
  EXPECT_EQ(As("enterprise_recruiter", "PATCH", item, {{"posts_offered", 9}}).status, 403);
  // Moving the line to another activity is refused.
  auto moved = As("unit_staff", "PATCH", item, {{"activity_id", 1}});
  EXPECT_EQ(moved.status, 422) << moved.body;
  EXPECT_EQ(Field(moved.Json()), "activity_id");

  // Participants and follow-up tasks.
  json guest =
      Ok("unit_staff", "POST", base + "/participants", {{"unit_id", unit}, {"role", "host"}}, 201);
  auto both = As("unit_staff", "POST", base + "/participants",
                 {{"unit_id", unit}, {"organization_id", org}});
  EXPECT_EQ(both.status, 422) << both.body;
  EXPECT_EQ(Field(both.Json()), "organization_id");
  auto twice = As("unit_staff", "POST", base + "/participants", {{"unit_id", unit}});
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(Ok("unit_staff", "GET", base + "/participants", nullptr, 200)["items"].size(), 1u);
  json task = Ok("unit_staff", "POST", base + "/tasks",
                 {{"title", "跟进岗位需求"}, {"owner", "刘院长"}, {"due_date", "2023-05-31"}}, 201);
  EXPECT_EQ(task["done"], false);
  std::string task_item = base + "/tasks/" + S(task["id"].get<Id>());
  EXPECT_EQ(Ok("unit_staff", "PATCH", task_item, {{"done", true}}, 200)["done"], true);
  auto bad_due = As("unit_staff", "PATCH", task_item, {{"due_date", "2023-13-01"}});
  EXPECT_EQ(bad_due.status, 422) << bad_due.body;
  EXPECT_EQ(Field(bad_due.Json()), "due_date");
  EXPECT_EQ(As("enterprise_recruiter", "GET", base + "/tasks").status, 200);
  EXPECT_EQ(As("unit_staff", "DELETE", base + "/participants/" + S(guest["id"].get<Id>())).status,
            204);

  EXPECT_EQ(As("unit_staff", "DELETE", item).status, 204);
  EXPECT_EQ(As("unit_staff", "DELETE", base).status, 204);
  EXPECT_EQ(As("unit_staff", "GET", base).status, 404);
}

TEST_P(PartnershipApiTest, InvalidDataIs422NamingTheField) {
  Id lut = Me("institution_admin", "institution_id");
  json campaign = CampaignOf(lut);
  struct Case {
    std::string target;
    json body;
    std::string field;
  };
  json visit = {{"institution_id", lut}, {"kind", "visit_out"}, {"date", "2023-05-10"}};
  json bad_date = visit, outside = visit, bad_kind = visit;
  bad_date["date"] = "2023-02-30";
  outside["campaign_id"] = campaign["id"];
  outside["date"] = "2024-05-10";
  bad_kind["kind"] = "party";
  json period = {{"institution_id", lut},
                 {"name", "倒序的行动"},
                 {"start_date", "2023-06-01"},
                 {"end_date", "2023-05-31"}};
  std::vector<Case> cases = {{"/api/v1/activities", bad_date, "date"},
                             {"/api/v1/activities", outside, "date"},
                             {"/api/v1/activities", bad_kind, "kind"},
                             {"/api/v1/campaigns", period, "end_date"}};
  json a = Ok("institution_admin", "POST", "/api/v1/activities", visit, 201);
  std::string outcomes = "/api/v1/activities/" + S(a["id"].get<Id>()) + "/outcomes";
  Id org = Me("enterprise_recruiter", "organization_id");
  json line = {
      {"organization_id", org}, {"major_code", kVehicleEngineering}, {"level", "bachelor"}};
  json unknown = line, negative = line, malformed = line;
  unknown["major_code"] = "089999";
  negative["posts_offered"] = -3;
  malformed["major_code"] = "08A";
  cases.push_back({outcomes, unknown, "major_code"});
  cases.push_back({outcomes, negative, "posts_offered"});
  cases.push_back({outcomes, malformed, "major_code"});
  for (const auto& c : cases) {
    auto r = As("institution_admin", "POST", c.target, c.body);
    EXPECT_EQ(r.status, 422) << c.target << " " << c.body.dump() << "\n" << r.body;
    EXPECT_EQ(Field(r.Json()), c.field) << r.body;
  }
  auto week = As("institution_admin", "GET",
                 "/api/v1/campaigns/" + S(campaign["id"].get<Id>()) + "/ranking?week=2023-W54");
  EXPECT_EQ(week.status, 400);
  EXPECT_EQ(Field(week.Json()), "week");
  EXPECT_EQ(As("institution_admin", "DELETE", "/api/v1/activities/" + S(a["id"].get<Id>())).status,
            204);
}

TEST_P(PartnershipApiTest, OtherInstitutionsCampaignsAndActivitiesAreNotFound) {
  Id sit = InstitutionByName("沈阳工学院");
  json campaign = CampaignOf(sit);
  std::string c = "/api/v1/campaigns/" + S(campaign["id"].get<Id>());
  json visits = VisitsOf(campaign["id"].get<Id>());
  ASSERT_EQ(visits.size(), 1u);
  std::string v = "/api/v1/activities/" + S(visits[0]["id"].get<Id>());
  for (const char* role : {"institution_admin", "unit_staff"}) {
    EXPECT_EQ(As(role, "GET", c).status, 404) << role;
    EXPECT_EQ(As(role, "GET", c + "/progress").status, 404) << role;
    EXPECT_EQ(As(role, "GET", c + "/ranking?week=2023-W10").status, 404) << role;
    EXPECT_EQ(As(role, "GET", c + "/targets").status, 404) << role;
    EXPECT_EQ(As(role, "GET", v).status, 404) << role;
    EXPECT_EQ(As(role, "PATCH", v, {{"notes", "x"}}).status, 404) << role;
    EXPECT_EQ(As(role, "GET", v + "/outcomes").status, 404) << role;
  }
  // The observer (Jinzhou SASAC) observes LUT only.
  EXPECT_EQ(As("observer", "GET", c + "/progress").status, 404);
  // Johon Huayi took part in SIT's visit, not in LUT's (only in LUT's job fair).
  EXPECT_EQ(As("enterprise_recruiter", "GET", v).status, 200);
  auto lut_list = Ok("enterprise_recruiter", "GET", "/api/v1/activities?limit=200", nullptr, 200);
  for (const auto& item : lut_list["items"]) {
    if (item["kind"] != "job_fair") EXPECT_EQ(item["institution_id"], sit) << item.dump();
  }
  EXPECT_EQ(As("student", "GET", "/api/v1/activities").status, 403);
  EXPECT_EQ(As("observer", "GET", "/api/v1/activities").status, 403);
  // Unit staff write their own unit's activities only.
  Id lut = Me("institution_admin", "institution_id");
  auto other_unit = As("unit_staff", "POST", "/api/v1/activities",
                       {{"institution_id", lut}, {"kind", "lecture"}, {"date", "2023-05-10"}});
  EXPECT_EQ(other_unit.status, 403) << other_unit.body;
}

TEST_P(PartnershipApiTest, DemoProgressAndRankingFollowTheStatedRules) {
  Id sit = InstitutionByName("沈阳工学院");
  Id sit_campaign = CampaignOf(sit)["id"].get<Id>();
  std::string c = "/api/v1/campaigns/" + S(sit_campaign);
  std::int64_t sit_posts = 12 + 6 + PostsOpenedBy(sit_campaign);  // outcome lines + posts
  EXPECT_GT(sit_posts, 18);
  json p = Ok("platform_admin", "GET", c + "/progress", nullptr, 200);
  for (const char* rule : {"visits", "employers", "posts", "targets"}) {
    EXPECT_NE(p["rules"][rule]["en"].get<std::string>(), "") << rule;
    EXPECT_NE(p["rules"][rule]["zh"].get<std::string>(), "") << rule;
  }
  EXPECT_NE(p["rules"]["employers"]["zh"].get<std::string>().find("统一社会信用代码"),
            std::string::npos);
  // Scenario 3: 219 distinct employers by 8 March 2023, computed from the visits: Johon Huayi's
  // visit, 73 visits of 1-5 March reaching 218 more (three or two each, counterpart and outcome
  // lines) and 5 return visits that add none.
  EXPECT_EQ(p["total"]["employers"]["done"], 219);
  EXPECT_EQ(p["total"]["visits"]["done"], 1 + 73 + 5);
  EXPECT_GT(p["total"]["posts"]["done"].get<std::int64_t>(), sit_posts);
  EXPECT_EQ(p["by_leader"].size(), 2u);
  std::int64_t by_unit = 0;
  for (const auto& row : p["by_unit"]) by_unit += row["visits"]["done"].get<std::int64_t>();
  EXPECT_EQ(by_unit, 79);

  json r = Ok("platform_admin", "GET", c + "/ranking?week=2023-W10", nullptr, 200);
  EXPECT_EQ(r["from"], "2023-03-06");
  EXPECT_NE(r["formula"]["en"].get<std::string>().find("visits"), std::string::npos);
  EXPECT_NE(r["formula"]["zh"].get<std::string>().find("走访次数"), std::string::npos);
  EXPECT_FALSE(r["why"]["zh"].get<std::string>().empty());
  ASSERT_FALSE(r["items"].empty());
  EXPECT_EQ(r["items"][0]["unit_name"], "信息与控制学院");
  EXPECT_EQ(r["items"][0]["rank"], 1);
  EXPECT_NEAR(r["items"][0]["score"].get<double>(), 1 + 2 * 1 + 0.1 * sit_posts, 1e-9);

  // LUT's Jinzhou visit: the SASAC and its 7 enterprises in the outcome lines.
  Id lut_campaign = CampaignOf(Me("institution_admin", "institution_id"))["id"].get<Id>();
  json lut_progress =
      Ok("observer", "GET", "/api/v1/campaigns/" + S(lut_campaign) + "/progress", nullptr, 200);
  EXPECT_EQ(lut_progress["total"]["visits"]["done"], 1);
  EXPECT_EQ(lut_progress["total"]["employers"]["done"], 8);
  // Outcome lines 6 + 7 + ... + 12 and the posts the visit opened.
  EXPECT_EQ(lut_progress["total"]["posts"]["done"], 63 + PostsOpenedBy(lut_campaign));
}

TEST_P(PartnershipApiTest, VisitsExportImportRoundTripsTheDemoCampaignOverHttp) {
  Id sit = InstitutionByName("沈阳工学院");
  Id source = CampaignOf(sit)["id"].get<Id>();
  Id target = Ok("platform_admin", "POST", "/api/v1/campaigns",
                 {{"institution_id", sit},
                  {"name", "导入测试行动 " + std::string(BackendName(GetParam()))},
                  {"start_date", "2023-03-01"},
                  {"end_date", "2023-12-31"}},
                 201)["id"]
                  .get<Id>();
  auto admin = session("platform_admin");
  for (const char* format : {"xlsx", "csv"}) {
    auto exported = server().SendAs(
        admin, "GET",
        "/api/v1/campaigns/" + S(source) + "/visits/export?format=" + std::string(format));
    ASSERT_EQ(exported.status, 200) << exported.body;
    if (std::string(format) == "xlsx") {
      EXPECT_TRUE(exported.body.starts_with("PK\x03\x04"));
      EXPECT_NE(exported.headers["content-type"].find("spreadsheetml"), std::string::npos);
    } else {
      EXPECT_TRUE(exported.body.starts_with("\xEF\xBB\xBF"));
    }
    std::string import = "/api/v1/campaigns/" + S(target) +
                         "/visits/import?format=" + std::string(format) + "&dry_run=";
    auto dry = server().SendAs(admin, "POST", import + "true", exported.body,
                               {{"Content-Type", "application/octet-stream"}});
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.Json()["visits"], 79);
    EXPECT_FALSE(dry.Json()["imported"].get<bool>());
    if (std::string(format) == "xlsx") continue;  // import once, from the CSV
    auto done = server().SendAs(admin, "POST", import + "false", exported.body,
                                {{"Content-Type", "text/csv"}});
    ASSERT_EQ(done.status, 201) << done.body;
    EXPECT_TRUE(done.Json()["imported"].get<bool>());
  }
  // The copy counts what the original counts.
  json copy =
      Ok("platform_admin", "GET", "/api/v1/campaigns/" + S(target) + "/progress", nullptr, 200);
  EXPECT_EQ(copy["total"]["employers"]["done"], 219);
  EXPECT_EQ(copy["total"]["visits"]["done"], 79);

  // A bad row: 422 naming its row and column; nothing imported.
  auto exported =
      server().SendAs(admin, "GET", "/api/v1/campaigns/" + S(source) + "/visits/export?format=csv");
  std::string csv = exported.body;
  auto date = csv.find("2023-03-0");
  ASSERT_NE(date, std::string::npos);
  csv.replace(date, 10, "2023-13-01");
  auto bad = server().SendAs(admin, "POST",
                             "/api/v1/campaigns/" + S(target) + "/visits/import?dry_run=false", csv,
                             {{"Content-Type", "text/csv"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  json problem = bad.Json();
  EXPECT_EQ(problem["errors"][0]["field"], "rows/2/走访时间") << bad.body;
  copy = Ok("platform_admin", "GET", "/api/v1/campaigns/" + S(target) + "/progress", nullptr, 200);
  EXPECT_EQ(copy["total"]["visits"]["done"], 79);
}

TB_INSTANTIATE_BACKENDS(PartnershipApiTest);

}  // namespace
}  // namespace tb::testing
