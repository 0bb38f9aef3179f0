#include "http/router.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "domain/entities.hpp"
#include "http/json_mapping.hpp"
#include "http/params.hpp"
#include "http/server.hpp"

namespace tb::http {
namespace {

Handler Answer(int status) {
  return [status](Request&) { return Response::Json(status, "{}"); };
}

TEST(Router, MatchesSegmentsAndFillsPathParameters) {
  Router r;
  r.Add("GET", "/api/v1/organizations/{id}", Answer(200), {});
  std::map<std::string, std::string> params;
  auto m = r.Find("GET", "/api/v1/organizations/42", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params["id"], "42");
  EXPECT_EQ(r.Find("GET", "/api/v1/organizations/42/extra", params).route, nullptr);
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router r;
  r.Add("GET", "/api/v1/regions/{code}", Answer(201), {});
  r.Add("GET", "/api/v1/regions/tree", Answer(202), {});
  std::map<std::string, std::string> params;
  auto m = r.Find("GET", "/api/v1/regions/tree", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/regions/tree");
}

TEST(Router, OtherMethodsOfAnExistingPathAreReportedForA405) {
  Router r;
  r.Add("GET", "/api/v1/posts", Answer(200), {});
  r.Add("POST", "/api/v1/posts", Answer(201), {});
  std::map<std::string, std::string> params;
  auto m = r.Find("PUT", "/api/v1/posts", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_TRUE(r.Find("PUT", "/api/v1/none", params).allowed.empty());
}

TEST(Dispatch, RefusesBodiesOverTheLimitBeforeRouting) {
  Router r;
  r.Add("POST", "/x", Answer(201), {});
  ServerOptions options;
  options.max_body_bytes = 10;
  Request req{.method = "POST", .path = "/x", .body = std::string(11, 'a')};
  EXPECT_EQ(Dispatch(r, req, options).status, 413);
  req.body = "{}";
  EXPECT_EQ(Dispatch(r, req, options).status, 201);
}

TEST(Dispatch, AnExceptionInAHandlerIsA500ProblemWithTheRequestId) {
  Router r;
  r.Add("GET", "/boom", [](Request&) -> Response { throw std::runtime_error("kaput"); }, {});
  Request req{.method = "GET", .path = "/boom", .request_id = "rid-1"};
  Response resp = Dispatch(r, req, ServerOptions{});
  EXPECT_EQ(resp.status, 500);
  EXPECT_EQ(resp.content_type, "application/problem+json");
  EXPECT_NE(resp.body.find("rid-1"), std::string::npos);
  EXPECT_EQ(resp.body.find("kaput"), std::string::npos);  // internals stay in the log
}

TEST(Cursor, RoundTripsAndRefusesForgeries) {
  Request req;
  req.query.emplace("cursor", EncodeIdCursor(1234));
  QueryReader q(req);
  EXPECT_EQ(q.IdCursor(), 1234);
  EXPECT_TRUE(q.ok());

  Request code_req;
  code_req.query.emplace("cursor", EncodeCodeCursor("210703"));
  QueryReader cq(code_req);
  EXPECT_EQ(cq.CodeCursor(), "210703");

  Request bad;
  bad.query.emplace("cursor", EncodeCodeCursor("210703"));
  QueryReader bq(bad);
  bq.IdCursor();  // a code cursor is not an id cursor
  EXPECT_FALSE(bq.ok());
}

TEST(JsonMapping, ApplyNamesTypeErrorsAndUnknownFieldsAndIgnoresReadOnlyOnes) {
  domain::Organization org;
  auto body = nlohmann::json::parse(
      R"({"id": 99, "name": 5, "tags": ["a", 1], "colour": "red", "created_at": "x"})");
  auto st = ApplyJson(body, org, /*create=*/false);
  ASSERT_FALSE(st.ok());
  std::set<std::string> fields;
  for (const auto& e : st.error().fields) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"name", "tags/1", "colour"}));
  EXPECT_EQ(org.id, 0);
}

TEST(JsonMapping, CreateReportsMissingRequiredFields) {
  domain::Post post;
  auto st = ApplyJson(nlohmann::json::object(), post, /*create=*/true);
  ASSERT_FALSE(st.ok());
  std::set<std::string> fields;
  for (const auto& e : st.error().fields) fields.insert(e.field);
  EXPECT_TRUE(fields.count("organization_id"));
  EXPECT_TRUE(fields.count("title"));
  EXPECT_TRUE(fields.count("region_code"));
}

TEST(JsonMapping, ToJsonWritesEveryFieldWithNullForAbsentOptionals) {
  domain::Contact c;
  c.id = 3;
  c.name = "王经理";
  c.organization_id = 7;
  auto j = ToJson(c);
  EXPECT_EQ(j["id"], 3);
  EXPECT_EQ(j["organization_id"], 7);
  EXPECT_TRUE(j["unit_id"].is_null());
  EXPECT_TRUE(j["phone"].is_null());
  EXPECT_EQ(j.size(), domain::Def<domain::Contact>().fields.size());
}

}  // namespace
}  // namespace tb::http
