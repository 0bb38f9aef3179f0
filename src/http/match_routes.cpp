#include "http/match_routes.hpp"

#include <algorithm>
#include <string>

#include "core/validate.hpp"

namespace tb::http {

namespace {

using namespace api;  // NOLINT: the registrar's vocabulary

core::Problem CheckRegionQuery(std::string_view v) {
  bool digits = std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (v.size() != 2 && v.size() != 4 && v.size() != 6)) {
    return "must be a region code or prefix of 2, 4 or 6 digits (21 = Liaoning)";
  }
  return std::nullopt;
}

std::size_t MatchLimit(QueryReader& q) {
  return static_cast<std::size_t>(q.Int("limit", 1, 200).value_or(20));
}

Response Answer(const Result<json>& r, const Request& req) {
  if (!r.ok()) return Problem(r.error(), req.request_id);
  return JsonResponse(200, *r);
}

}  // namespace

void AddMatchRoutes(Api& r, std::shared_ptr<match::MatchService> svc) {
  const std::string tag = "Matching";
  auto unavailable = [](const Request& req) {
    return Problem(Error::Unavailable("the matching index is not running"), req.request_id);
  };

  r.Add("GET", std::string(kBase) + "/students/{id}/recommendations",
        [svc, unavailable](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          QueryReader q(req);
          match::RecommendParams params;
          params.limit = MatchLimit(q);
          params.kind = q.Enum("kind", {"full_time", "internship", "part_time"}).value_or("");
          params.region = q.Code("region", CheckRegionQuery).value_or("");
          if (!q.ok()) return Problem(q.error(), req.request_id);
          if (!svc) return unavailable(req);
          return Answer(svc->Recommendations(caller, *id, params), req);
        },
        {"The open posts that fit a student best, with the score and its reasons",
         tag,
         {{"limit", "integer", "How many, 1-200 (default 20)"},
          {"kind", "string", "full_time | internship | part_time"},
          {"region", "string", "Region code prefix: 21 = Liaoning, 2101 = Shenyang"}},
         "",
         "Recommendation",
         true,
         200,
         {404, 503}});

  r.Add("GET", std::string(kBase) + "/posts/{id}/candidates",
        [svc, unavailable](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          QueryReader q(req);
          std::size_t limit = MatchLimit(q);
          if (!q.ok()) return Problem(q.error(), req.request_id);
          if (!svc) return unavailable(req);
          return Answer(svc->Candidates(caller, *id, limit), req);
        },
        {"The students who fit a post best, among those the caller may see (personal data "
         "masked as for /students)",
         tag,
         {{"limit", "integer", "How many, 1-200 (default 20)"}},
         "",
         "Candidate",
         true,
         200,
         {404, 503}});

  r.Add("POST", std::string(kBase) + "/match/query",
        [svc, unavailable](Request& req, const Caller& caller) {
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          if (!svc) return unavailable(req);
          return Answer(svc->Query(caller, *body), req);
        },
        {"The open posts that fit an ad-hoc profile best (nothing is stored)",
         tag,
         {},
         "MatchProfile",
         "Recommendation",
         true,
         200,
         {422, 503}});
}

void AddMatchSchemas(json& schemas) {
  json str = {{"type", "string"}};
  json number = {{"type", "number"}};
  json text = {{"type", "object"},
               {"properties", {{"zh", str}, {"en", str}}},
               {"required", json::array({"zh", "en"})}};
  json reason = {{"type", "object"},
                 {"properties",
                  {{"component",
                    {{"type", "string"},
                     {"enum", json::array({"major", "required_skills", "preferred_skills", "region",
                                           "industry", "salary", "text"})}}},
                   {"weight", number},
                   {"points", number},
                   {"text", text}}},
                 {"required", json::array({"component", "weight", "points", "text"})}};
  json reasons = {{"type", "array"}, {"items", reason}};
  json org = {{"type", json::array({"object", "null"})},
              {"properties", {{"id", {{"type", "integer"}}}, {"name", str}, {"name_en", str}}}};
  schemas["Recommendation"] = {{"type", "object"},
                               {"properties",
                                {{"post", {{"$ref", "#/components/schemas/Post"}}},
                                 {"organization", org},
                                 {"score", number},
                                 {"summary", text},
                                 {"reasons", reasons}}},
                               {"required", json::array({"post", "score", "summary", "reasons"})}};
  schemas["Candidate"] = {{"type", "object"},
                          {"properties",
                           {{"student", {{"$ref", "#/components/schemas/Student"}}},
                            {"score", number},
                            {"summary", text},
                            {"reasons", reasons}}},
                          {"required", json::array({"student", "score", "summary", "reasons"})}};
  json strings = {{"type", "array"}, {"items", str}};
  json integer = {{"type", "integer"}, {"minimum", 0}};
  schemas["MatchProfile"] = {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"major_code", str},
        {"level", {{"type", "string"}, {"enum", {"vocational", "bachelor", "master", "doctor"}}}},
        {"skills", strings},
        {"preferred_regions", strings},
        {"preferred_industries", strings},
        {"expected_salary", {{"type", "string"}, {"description", "e.g. 6000-8000, 6-8K"}}},
        {"expected_salary_min", integer},
        {"expected_salary_max", integer},
        {"willing_to_relocate", {{"type", "boolean"}}},
        {"resume", str},
        {"region_code", {{"type", "string"}, {"description", "Where the student lives"}}},
        {"kind", {{"type", "string"}, {"enum", {"full_time", "internship", "part_time"}}}},
        {"region", {{"type", "string"}, {"description", "Only posts in this region prefix"}}},
        {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}}}}};
}

}  // namespace tb::http
