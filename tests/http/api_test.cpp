// HTTP tests against the real server process, on SQLite and on PostgreSQL: DESIGN §6
// conventions (problem documents naming fields, cursor pagination, request ids, body limit)
// and the foundation's resources and filters, with the demo data loaded.

#include <gtest/gtest.h>

#include <set>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;

// The suite's demo server (DemoServerTest); server().Get/Post/... act as the platform admin.
// Tests that write use names and codes of their own.
class ApiTest : public DemoServerTest {
 protected:
  void SetUp() override {
    DemoServerTest::SetUp();
    if (HasFatalFailure()) return;
    server().UseSession(session("platform_admin"));
  }

  // Creates an organization and returns its JSON (asserting 201).
  json CreateOrganization(const json& body) {
    auto r = server().Post("/api/v1/organizations", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }

  static std::string FieldOf(const HttpResponse& r, std::size_t i = 0) {
    json j = r.Json();
    if (!j.contains("errors") || j["errors"].size() <= i) return "";
    return j["errors"][i]["field"];
  }

  // A valid enterprise body with a fresh credit code.
  static json Enterprise(const std::string& name, int seed) {
    return {
        {"kind", "enterprise"},    {"name", name},          {"credit_code", CreditCode(seed)},
        {"region_code", "210100"}, {"industry_code", "39"}, {"tags", json::array({"high_tech"})}};
  }
};

TEST_P(ApiTest, HealthReportsStatusVersionAndBackend) {
  auto r = server().Get("/api/v1/health");
  ASSERT_EQ(r.status, 200);
  json j = r.Json();
  EXPECT_EQ(j["status"], "ok");
  EXPECT_FALSE(j["version"].get<std::string>().empty());
  EXPECT_EQ(j["database"], GetParam() == store::Backend::kSqlite ? "sqlite" : "postgresql");
}

TEST_P(ApiTest, EveryResponseCarriesARequestIdThatAppearsInTheAccessLog) {
  auto r = server().Get("/api/v1/organizations?limit=1");
  std::string id = r.Header("x-request-id");
  ASSERT_FALSE(id.empty());
  auto problem = server().Get("/api/v1/nowhere");
  EXPECT_FALSE(problem.Header("x-request-id").empty());
  EXPECT_NE(problem.Header("x-request-id"), id);
  EXPECT_NE(server().Output().find("id=" + id), std::string::npos);

  auto echoed = HttpRequest(server().port(), "GET", "/api/v1/health", "",
                            {{"X-Request-Id", "trace-abc-123"}});
  EXPECT_EQ(echoed.Header("x-request-id"), "trace-abc-123");
}

TEST_P(ApiTest, SasacSupervisesItsSevenEnterprises) {
  auto sasac = server().Get("/api/v1/organizations?kind=government&name=" +
                            std::string("%E5%9B%BD%E6%9C%89%E8%B5%84%E4%BA%A7"));  // 国有资产
  ASSERT_EQ(sasac.status, 200) << sasac.body;
  json items = sasac.Json()["items"];
  ASSERT_EQ(items.size(), 1u) << sasac.body;
  int id = items[0]["id"];
  auto related = server().Get(
      "/api/v1/organizations?relation=supervises&related_to=" + std::to_string(id) + "&limit=200");
  ASSERT_EQ(related.status, 200);
  json list = related.Json()["items"];
  EXPECT_EQ(list.size(), 7u);
  for (const auto& org : list) {
    EXPECT_EQ(org["kind"], "enterprise");
    EXPECT_EQ(org["ownership"], "state_owned");
  }
}

TEST_P(ApiTest, QueriesMayBePercentEncodedOrRawUtf8) {
  auto encoded = server().Get("/api/v1/organizations?name=%E9%94%A6%E5%B7%9E&limit=200");
  auto raw = server().Get("/api/v1/organizations?name=锦州&limit=200");
  ASSERT_EQ(encoded.status, 200);
  ASSERT_EQ(raw.status, 200);
  EXPECT_FALSE(encoded.Json()["items"].empty());
  EXPECT_EQ(encoded.Json()["items"], raw.Json()["items"]);
  EXPECT_EQ(server().Get("/api/v1/organizations?name=%E9%9").status, 400);
}

TEST_P(ApiTest, CreateGetUpdateDeleteAnOrganization) {
  json created = CreateOrganization(Enterprise("测试电子科技有限公司", 1001));
  int id = created["id"];
  EXPECT_GT(id, 0);
  EXPECT_FALSE(created["created_at"].get<std::string>().empty());

  auto got = server().Get("/api/v1/organizations/" + std::to_string(id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.Json()["name"], "测试电子科技有限公司");

  auto patched = server().Patch("/api/v1/organizations/" + std::to_string(id),
                                R"({"size":"small","tags":["high_tech","specialized_new"]})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["size"], "small");
  EXPECT_EQ(patched.Json()["name"], "测试电子科技有限公司");  // untouched by the patch
  EXPECT_EQ(patched.Json()["tags"].size(), 2u);

  EXPECT_EQ(server().Delete("/api/v1/organizations/" + std::to_string(id)).status, 204);
  EXPECT_EQ(server().Get("/api/v1/organizations/" + std::to_string(id)).status, 404);
  EXPECT_EQ(server().Delete("/api/v1/organizations/" + std::to_string(id)).status, 404);
}

TEST_P(ApiTest, InvalidCreditCodeIs422NamingTheFieldAndTheProblem) {
  json body = Enterprise("错误代码有限公司", 1002);
  std::string code = body["credit_code"];
  code.back() = code.back() == '0' ? '1' : '0';  // break the check character
  body["credit_code"] = code;
  auto r = server().Post("/api/v1/organizations", body.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  EXPECT_EQ(FieldOf(r), "credit_code");
  EXPECT_NE(r.Json()["errors"][0]["message"].get<std::string>().find("check character"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(r.Json()["status"], 422);
}

TEST_P(ApiTest, InvalidAndUnknownCodesAre422) {
  json bad_region = Enterprise("地区错误有限公司", 1003);
  bad_region["region_code"] = "21070";
  auto r = server().Post("/api/v1/organizations", bad_region.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "region_code");

  json unknown_region = Enterprise("地区未知有限公司", 1004);
  unknown_region["region_code"] = "219900";  // well-formed, not in the list
  r = server().Post("/api/v1/organizations", unknown_region.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "region_code");

  json bad_industry = Enterprise("行业错误有限公司", 1005);
  bad_industry["industry_code"] = "99";
  r = server().Post("/api/v1/organizations", bad_industry.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "industry_code");

  auto units = server().Get("/api/v1/units?limit=1").Json()["items"];
  ASSERT_EQ(units.size(), 1u);
  json student = {{"institution_id", units[0]["institution_id"]},
                  {"unit_id", units[0]["id"]},
                  {"student_no", "X-422-1"},
                  {"name", "测试"},
                  {"major_code", "08091"},
                  {"level", "bachelor"},
                  {"cohort", 2026}};
  r = server().Post("/api/v1/students", student.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "major_code");
}

TEST_P(ApiTest, SecondOrganizationWithTheSameCreditCodeIs409NamingTheExistingOne) {
  json first = CreateOrganization(Enterprise("第一有限公司", 1006));
  json second = Enterprise("第二有限公司", 1006);
  auto r = server().Post("/api/v1/organizations", second.dump());
  EXPECT_EQ(r.status, 409);
  std::string detail = r.Json()["detail"];
  EXPECT_NE(detail.find(std::to_string(first["id"].get<int>())), std::string::npos) << detail;
  EXPECT_NE(detail.find("第一有限公司"), std::string::npos) << detail;
  EXPECT_EQ(FieldOf(r), "credit_code");
}

TEST_P(ApiTest, MalformedJsonIs400SayingWhere) {
  auto r = server().Post("/api/v1/organizations", "{\n  \"name\": \"x\",\n  oops\n}");
  EXPECT_EQ(r.status, 400);
  std::string detail = r.Json()["detail"];
  EXPECT_NE(detail.find("line 3"), std::string::npos) << detail;
}

TEST_P(ApiTest, UnknownFieldsAndWrongTypesAreNamed) {
  json body = Enterprise("字段错误有限公司", 1007);
  body["nmae"] = "typo";
  auto r = server().Post("/api/v1/organizations", body.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "nmae");

  body = Enterprise("类型错误有限公司", 1008);
  body["verified"] = "yes";
  r = server().Post("/api/v1/organizations", body.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "verified");
}

TEST_P(ApiTest, RefusedWritesLeaveNothingBehind) {
  auto before =
      server().Get("/api/v1/organizations?name=%E6%AE%8B%E7%95%99").Json()["items"].size();
  json body = Enterprise("残留检查有限公司", 1009);
  body["region_code"] = "999999";
  EXPECT_EQ(server().Post("/api/v1/organizations", body.dump()).status, 422);
  auto after = server().Get("/api/v1/organizations?name=%E6%AE%8B%E7%95%99").Json()["items"].size();
  EXPECT_EQ(before, after);

  // A failed update changes no field.
  json created = CreateOrganization(Enterprise("残留更新有限公司", 1010));
  std::string path = "/api/v1/organizations/" + std::to_string(created["id"].get<int>());
  EXPECT_EQ(server().Patch(path, R"({"size":"large","region_code":"1"})").status, 422);
  EXPECT_EQ(server().Get(path).Json()["size"], created["size"]);
}

TEST_P(ApiTest, OversizedBodyIs413) {
  std::string big(2 << 20, 'x');
  auto r = server().Post("/api/v1/organizations", "{\"name\":\"" + big + "\"}");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
}

TEST_P(ApiTest, CursorPaginationWalksEveryRowOnce) {
  auto all = server().Get("/api/v1/posts?limit=200").Json();
  std::set<int> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto r = server().Get("/api/v1/organizations?limit=37" +
                          (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200) << r.body;
    json j = r.Json();
    EXPECT_LE(j["items"].size(), 37u);
    for (const auto& item : j["items"]) EXPECT_TRUE(seen.insert(item["id"].get<int>()).second);
    cursor = j["next_cursor"].is_null() ? "" : j["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 1000);
  EXPECT_GT(pages, 1);
  EXPECT_GE(seen.size(), 200u);
  EXPECT_EQ(all["items"].size(), 200u);
}

TEST_P(ApiTest, BadListParametersAre400NamingTheParameter) {
  auto r = server().Get("/api/v1/organizations?limit=500");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(FieldOf(r), "limit");
  r = server().Get("/api/v1/organizations?cursor=%21%21");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(FieldOf(r), "cursor");
  r = server().Get("/api/v1/organizations?kind=company");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(FieldOf(r), "kind");
}

TEST_P(ApiTest, UnknownRoutesAre404AndWrongMethodsAre405) {
  EXPECT_EQ(server().Get("/api/v1/nothing-here").status, 404);
  EXPECT_EQ(server().Get("/api/v1/organizations/abc").status, 404);
  auto r = HttpRequest(server().port(), "PUT", "/api/v1/organizations", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_NE(r.Header("allow").find("GET"), std::string::npos);
  EXPECT_NE(r.Header("allow").find("POST"), std::string::npos);
}

TEST_P(ApiTest, OrganizationFilters) {
  json a = CreateOrganization(Enterprise("筛选甲电子有限公司", 1011));
  json park_body = {{"kind", "park"}, {"name", "筛选测试园区"}, {"region_code", "210100"}};
  json park = CreateOrganization(park_body);
  auto rel =
      server().Post("/api/v1/organizations/" + std::to_string(a["id"].get<int>()) + "/relations",
                    json({{"kind", "located_in"}, {"to_id", park["id"]}}).dump());
  ASSERT_EQ(rel.status, 201) << rel.body;

  auto in_park =
      server().Get("/api/v1/organizations?related_to=" + std::to_string(park["id"].get<int>()) +
                   "&relation=located_in");
  ASSERT_EQ(in_park.Json()["items"].size(), 1u);
  EXPECT_EQ(in_park.Json()["items"][0]["id"], a["id"]);

  for (std::string q : {"tag=high_tech", "region=21", "region=210000", "region=2101", "industry=C",
                        "industry=39", "kind=enterprise"}) {
    auto r = server().Get("/api/v1/organizations?limit=200&name=%E7%AD%9B%E9%80%89&" + q);
    ASSERT_EQ(r.status, 200) << q << r.body;
    std::set<int> ids;
    json items = r.Json()["items"];
    for (const auto& item : items) ids.insert(item["id"].get<int>());
    EXPECT_TRUE(ids.count(a["id"].get<int>())) << q;
  }
  auto none = server().Get("/api/v1/organizations?name=%E7%AD%9B%E9%80%89&region=51");
  EXPECT_EQ(none.Json()["items"].size(), 0u);
  // Case-insensitive English name search.
  json en = Enterprise("英文名有限公司", 1012);
  en["name_en"] = "Filter Probe Electronics Co., Ltd";
  CreateOrganization(en);
  EXPECT_EQ(server().Get("/api/v1/organizations?name=filter%20probe").Json()["items"].size(), 1u);
}

TEST_P(ApiTest, StudentUnitMustBelongToTheStudentsInstitution) {
  auto institutions = server().Get("/api/v1/institutions?limit=2").Json()["items"];
  ASSERT_GE(institutions.size(), 2u);
  auto units_b =
      server()
          .Get("/api/v1/units?institution_id=" + std::to_string(institutions[1]["id"].get<int>()))
          .Json()["items"];
  ASSERT_FALSE(units_b.empty());
  json student = {{"institution_id", institutions[0]["id"]},
                  {"unit_id", units_b[0]["id"]},
                  {"student_no", "X-UNIT-1"},
                  {"name", "测试"},
                  {"major_code", "080901"},
                  {"level", "bachelor"},
                  {"cohort", 2026}};
  auto r = server().Post("/api/v1/students", student.dump());
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(FieldOf(r), "unit_id");
}

TEST_P(ApiTest, ReferenceDataListsAndRollsUp) {
  auto region = server().Get("/api/v1/regions/210703");
  ASSERT_EQ(region.status, 200) << region.body;
  EXPECT_EQ(region.Json()["province"]["code"], "210000");
  EXPECT_EQ(region.Json()["city"]["code"], "210700");

  auto majors = server().Get("/api/v1/majors?class_code=0809&limit=200").Json()["items"];
  ASSERT_FALSE(majors.empty());
  for (const auto& m : majors) EXPECT_EQ(m["category_code"], "08");

  auto industries = server().Get("/api/v1/industries?section=C&level=2&limit=200").Json()["items"];
  EXPECT_EQ(industries.size(), 31u);  // divisions 13-43

  auto page1 = server().Get("/api/v1/regions?level=1&limit=20").Json();
  ASSERT_FALSE(page1["next_cursor"].is_null());
  auto page2 =
      server()
          .Get("/api/v1/regions?level=1&limit=20&cursor=" + page1["next_cursor"].get<std::string>())
          .Json();
  EXPECT_EQ(page1["items"].size() + page2["items"].size(), 31u);
}

TEST_P(ApiTest, DemoHasItsPopulation) {
  auto count = [&](const std::string& path) {
    std::size_t n = 0;
    std::string cursor;
    do {
      auto j =
          server().Get(path + "?limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor)).Json();
      n += j["items"].size();
      cursor = j["next_cursor"].is_null() ? "" : j["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    return n;
  };
  EXPECT_GE(count("/api/v1/students"), 2000u);
  EXPECT_GE(count("/api/v1/posts"), 500u);
}

TEST_P(ApiTest, OpenApiDescribesEveryRoute) {
  auto r = server().Get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json spec = r.Json();
  EXPECT_EQ(spec["openapi"], "3.1.0");
  for (std::string path :
       {"/api/v1/health", "/api/v1/organizations", "/api/v1/organizations/{id}",
        "/api/v1/organizations/{id}/relations", "/api/v1/institutions", "/api/v1/units",
        "/api/v1/contacts", "/api/v1/students/{id}", "/api/v1/posts", "/api/v1/majors",
        "/api/v1/regions", "/api/v1/industries", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  }
  EXPECT_TRUE(spec["paths"]["/api/v1/organizations/{id}"].contains("patch"));
}

TB_INSTANTIATE_BACKENDS(ApiTest);

}  // namespace
}  // namespace tb::testing
