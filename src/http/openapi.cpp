#include "http/openapi.hpp"

#include "domain/agreement.hpp"
#include "domain/entities.hpp"
#include "domain/partnership.hpp"
#include "domain/recruitment.hpp"
#include "http/agreement_routes.hpp"
#include "http/match_routes.hpp"
#include "http/partnership_routes.hpp"
#include "http/recruitment_routes.hpp"

namespace tb::http {

namespace {

using nlohmann::json;

const char* FormatName(domain::Format f) {
  switch (f) {
    case domain::Format::kDate:
      return "date";
    case domain::Format::kTimestamp:
      return "date-time";
    case domain::Format::kEmail:
      return "email";
    case domain::Format::kUrl:
      return "uri";
    case domain::Format::kCreditCode:
      return "credit-code";
    case domain::Format::kRegionCode:
      return "gb2260-region";
    case domain::Format::kIndustryCode:
      return "gb4754-industry";
    case domain::Format::kMajorCode:
      return "major-code";
    case domain::Format::kMobile:
      return "mobile";
    case domain::Format::kIdNumber:
      return "id-number";
    default:
      return "";
  }
}

json FieldSchema(const domain::FieldSpec& spec) {
  json s;
  auto add_string_facets = [&](json& t) {
    if (!spec.enum_values.empty()) {
      json e = json::array();
      for (auto v : spec.enum_values) e.push_back(std::string(v));
      t["enum"] = e;
    }
    if (spec.max_length) t["maxLength"] = spec.max_length;
    if (const char* f = FormatName(spec.format); *f) t["format"] = f;
  };
  switch (spec.kind) {
    case domain::Kind::kInt:
      s = {{"type", "integer"}, {"format", "int64"}};
      if (spec.minimum) s["minimum"] = *spec.minimum;
      if (spec.maximum) s["maximum"] = *spec.maximum;
      break;
    case domain::Kind::kBool:
      s = {{"type", "boolean"}};
      break;
    case domain::Kind::kString:
      s = {{"type", "string"}};
      add_string_facets(s);
      // An optional plain-string field with a format is stored as "" when not given.
      if (s.contains("format") && !spec.required && !spec.nullable) {
        json format = {{"format", s["format"]}};
        s.erase("format");
        s["anyOf"] = json::array({format, {{"const", ""}}});
      }
      break;
    case domain::Kind::kStringList: {
      json item = {{"type", "string"}};
      add_string_facets(item);
      s = {{"type", "array"}, {"items", item}};
      break;
    }
  }
  if (spec.nullable) {
    if (s.contains("enum")) s["enum"].push_back(nullptr);
    s["type"] = json::array({s["type"], "null"});
  }
  if (!spec.description.empty()) s["description"] = std::string(spec.description);
  if (spec.read_only) s["readOnly"] = true;
  return s;
}

template <class T>
void AddEntitySchemas(json& schemas) {
  const auto& def = domain::Def<T>();
  json props = json::object(), input_props = json::object();
  json required = json::array(), input_required = json::array();
  for (const auto& f : def.fields) {
    std::string name(f.spec.name);
    props[name] = FieldSchema(f.spec);
    required.push_back(name);
    if (!f.spec.read_only) {
      input_props[name] = FieldSchema(f.spec);
      if (f.spec.required) input_required.push_back(name);
    }
  }
  std::string title(def.title);
  schemas[title] = {{"type", "object"}, {"properties", props}, {"required", required}};
  schemas[title + "Input"] = {{"type", "object"},
                              {"properties", input_props},
                              {"required", input_required},
                              {"additionalProperties", false},
                              {"description", "Fields required on create; any subset on update"}};
}

json StringProps(std::initializer_list<const char*> names) {
  json p = json::object();
  for (const char* n : names) p[n] = {{"type", "string"}};
  return p;
}

json Components() {
  json schemas = json::object();
  AddEntitySchemas<domain::Institution>(schemas);
  AddEntitySchemas<domain::Unit>(schemas);
  AddEntitySchemas<domain::Organization>(schemas);
  AddEntitySchemas<domain::Relation>(schemas);
  AddEntitySchemas<domain::Contact>(schemas);
  AddEntitySchemas<domain::Student>(schemas);
  AddEntitySchemas<domain::Post>(schemas);
  AddEntitySchemas<domain::Campaign>(schemas);
  AddEntitySchemas<domain::CampaignTarget>(schemas);
  AddEntitySchemas<domain::Activity>(schemas);
  AddEntitySchemas<domain::ActivityOutcome>(schemas);
  AddEntitySchemas<domain::ActivityParticipant>(schemas);
  AddEntitySchemas<domain::ActivityTask>(schemas);
  AddPartnershipSchemas(schemas);
  AddEntitySchemas<domain::Application>(schemas);
  AddEntitySchemas<domain::ApplicationTransition>(schemas);
  AddEntitySchemas<domain::EventRegistration>(schemas);
  AddEntitySchemas<domain::EventSlot>(schemas);
  AddEntitySchemas<domain::Destination>(schemas);
  AddRecruitmentSchemas(schemas);
  AddMatchSchemas(schemas);
  AddEntitySchemas<domain::Agreement>(schemas);
  AddEntitySchemas<domain::AgreementParty>(schemas);
  AddEntitySchemas<domain::AgreementTransition>(schemas);
  AddEntitySchemas<domain::AgreementDocument>(schemas);
  AddAgreementSchemas(schemas);

  json region = {{"type", "object"}, {"properties", StringProps({"code", "name", "parent_code"})}};
  region["properties"]["level"] = {{"type", "integer"}};
  schemas["Region"] = region;
  json detail = region;
  detail["properties"]["city"] = {
      {"oneOf", json::array({{{"$ref", "#/components/schemas/Region"}}, {{"type", "null"}}})}};
  detail["properties"]["province"] = detail["properties"]["city"];
  schemas["RegionDetail"] = detail;
  schemas["Major"] = {
      {"type", "object"},
      {"properties", StringProps({"code", "name", "class_code", "class_name", "category_code",
                                  "category_name", "level", "edition"})}};
  json industry = {
      {"type", "object"},
      {"properties", StringProps({"code", "section", "name", "description", "parent_code"})}};
  industry["properties"]["level"] = {{"type", "integer"}};
  schemas["Industry"] = industry;
  schemas["Health"] = {{"type", "object"},
                       {"properties", StringProps({"status", "version", "database", "detail"})},
                       {"required", json::array({"status", "version", "database"})}};
  json problem = {{"type", "object"},
                  {"properties", StringProps({"type", "title", "detail", "instance"})},
                  {"required", json::array({"type", "title", "status"})}};
  problem["properties"]["status"] = {{"type", "integer"}};
  problem["properties"]["errors"] = {
      {"type", "array"},
      {"items", {{"type", "object"}, {"properties", StringProps({"field", "message"})}}}};
  // Members of refusals (POST /applications/{id}/transitions, /applications): the moves the
  // caller may make from here on a 409, and the reasons of a refused application.
  problem["properties"]["allowed"] = {
      {"type", "array"},
      {"items", {{"type", "string"}}},
      {"description", "On a 409 refusal of a move: the moves the caller may make"}};
  problem["properties"]["reasons"] = {
      {"type", "array"},
      {"description", "On a refusal: why, each reason in Chinese and English"},
      {"items",
       {{"type", "object"},
        {"properties", StringProps({"code", "field", "zh", "en"})},
        {"required", json::array({"code", "zh", "en"})}}}};
  problem["description"] =
      "RFC 9457 problem document. title, detail and errors[].message follow Accept-Language "
      "(zh… → Chinese, otherwise English; Content-Language says which).";
  schemas["Problem"] = problem;
  // A text for people in both languages (rules, formulas, sources of figures).
  schemas["Text"] = {{"type", "object"},
                     {"properties", {{"zh", {{"type", "string"}}}, {"en", {{"type", "string"}}}}},
                     {"required", json::array({"zh", "en"})}};

  auto object = [](json props, std::vector<std::string> required = {}, bool closed = false) {
    json o = {{"type", "object"}, {"properties", std::move(props)}};
    if (!required.empty()) o["required"] = required;
    if (closed) o["additionalProperties"] = false;
    return o;
  };
  json id = {{"type", "integer"}};
  json nullable_id = {{"type", json::array({"integer", "null"})}};
  json ids = {{"type", "array"}, {"items", id}};
  json str = {{"type", "string"}};
  json nullable_str = {{"type", json::array({"string", "null"})}};
  json caller = object({{"id", id},
                        {"email", str},
                        {"role", str},
                        {"institution_id", nullable_id},
                        {"unit_id", nullable_id},
                        {"organization_id", nullable_id},
                        {"student_id", nullable_id},
                        {"observer_institutions", ids},
                        {"observer_organizations", ids}},
                       {"id", "email", "role"});
  schemas["LoginInput"] = object({{"email", str}, {"password", str}}, {"email", "password"}, true);
  schemas["Session"] =
      object({{"user", caller}, {"csrf_token", nullable_str}, {"expires_at", str}}, {"user"});
  json user = caller;
  user["properties"]["name"] = str;
  user["properties"]["disabled"] = {{"type", "boolean"}};
  user["properties"]["created_at"] = str;
  user["properties"]["updated_at"] = str;
  schemas["User"] = user;
  schemas["UserInput"] = object({{"email", str},
                                 {"name", str},
                                 {"password", {{"type", "string"}, {"minLength", 10}}},
                                 {"role",
                                  {{"type", "string"},
                                   {"enum",
                                    {"platform_admin", "institution_admin", "unit_staff",
                                     "enterprise_recruiter", "student", "observer"}}}},
                                 {"institution_id", nullable_id},
                                 {"unit_id", nullable_id},
                                 {"organization_id", nullable_id},
                                 {"student_id", nullable_id},
                                 {"observer_institutions", ids},
                                 {"observer_organizations", ids}},
                                {"email", "password", "role"}, true);
  schemas["UserPatch"] = object({{"disabled", {{"type", "boolean"}}}}, {"disabled"}, true);
  json token = object({{"id", id},
                       {"user_id", id},
                       {"name", str},
                       {"created_at", str},
                       {"last_used_at", nullable_str},
                       {"revoked_at", nullable_str}},
                      {"id", "user_id", "name"});
  schemas["Token"] = token;
  json new_token = token;
  new_token["properties"]["token"] = str;
  schemas["NewToken"] = new_token;
  schemas["TokenInput"] = object({{"user_id", id}, {"name", str}}, {"user_id", "name"}, true);
  schemas["AuditEvent"] = object({{"id", id},
                                  {"at", str},
                                  {"actor_user_id", nullable_id},
                                  {"actor", str},
                                  {"action", str},
                                  {"entity", str},
                                  {"entity_id", nullable_id},
                                  {"before", json::object()},
                                  {"after", json::object()},
                                  {"request_id", str}},
                                 {"id", "at", "actor", "action", "entity"});
  json cell = object({{"key", str},
                      {"label", str},
                      {"institution_id", id},
                      {"count", nullable_id},
                      {"suppressed", {{"type", "boolean"}}}});
  schemas["StudentReport"] = object({{"group_by", str},
                                     {"min_cell_size", id},
                                     {"total", nullable_id},
                                     {"cells", {{"type", "array"}, {"items", cell}}}},
                                    {"group_by", "cells"});
  json security = {
      {"sessionCookie",
       {{"type", "apiKey"},
        {"in", "cookie"},
        {"name", "tb_session"},
        {"description", "Set by POST /api/v1/auth/login; writes also need X-CSRF-Token"}}},
      {"bearerToken", {{"type", "http"}, {"scheme", "bearer"}}}};
  return {{"schemas", schemas}, {"securitySchemes", security}};
}

json ProblemResponse(const std::string& description) {
  return {
      {"description", description},
      {"content",
       {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

std::string StatusText(int status) {
  switch (status) {
    case 400:
      return "Malformed request (JSON syntax, query parameter)";
    case 401:
      return "Not logged in";
    case 403:
      return "Not allowed";
    case 404:
      return "Not found";
    case 409:
      return "Conflict with existing data";
    case 413:
      return "Body too large";
    case 422:
      return "Invalid data; errors name the fields";
    case 503:
      return "Database unavailable";
    default:
      return "Error";
  }
}

}  // namespace

json BuildOpenApi(const Router& router, const std::string& version) {
  json paths = json::object();
  for (const Route& r : router.routes()) {
    const OperationDoc& d = r.doc;
    json op = {{"summary", d.summary},
               {"tags", json::array({d.tag})},
               {"operationId", [&] {
                  std::string id = r.method;
                  for (const auto& s : r.segments) {
                    if (s == "api" || s == "v1") continue;
                    id += "_";
                    for (char c : s) id += (c == '{' || c == '}' || c == '.') ? '_' : c;
                  }
                  return id;
                }()}};
    json params = json::array();
    for (const auto& seg : r.segments) {
      if (seg.size() > 2 && seg.front() == '{') {
        std::string name = seg.substr(1, seg.size() - 2);
        bool is_id = name == "id" || name.ends_with("_id");
        params.push_back({{"name", name},
                          {"in", "path"},
                          {"required", true},
                          {"schema", is_id ? json{{"type", "integer"}, {"minimum", 1}}
                                           : json{{"type", "string"}}}});
      }
    }
    for (const auto& q : d.query) {
      json schema = {{"type", q.type}};
      json p = {{"name", q.name}, {"in", "query"}, {"required", q.required}, {"schema", schema}};
      if (!q.description.empty()) p["description"] = q.description;
      params.push_back(p);
    }
    if (!params.empty()) op["parameters"] = params;
    op["security"] =
        d.public_route
            ? json::array()
            : json::array({{{"sessionCookie", json::array()}}, {{"bearerToken", json::array()}}});
    if (!d.raw_request_type.empty()) {
      op["requestBody"] = {
          {"required", true},
          {"content",
           {{d.raw_request_type,
             {{"schema", {{"type", "string"}, {"description", "The file's bytes"}}}}}}}};
    } else if (!d.request_schema.empty()) {
      op["requestBody"] = {
          {"required", true},
          {"content",
           {{"application/json",
             {{"schema", {{"$ref", "#/components/schemas/" + d.request_schema}}}}}}}};
    }
    json responses = json::object();
    json ok = {{"description", "Success"}};
    if (!d.response_schema.empty()) {
      json item = {{"$ref", "#/components/schemas/" + d.response_schema}};
      json schema = d.list ? json{{"type", "object"},
                                  {"properties",
                                   {{"items", {{"type", "array"}, {"items", item}}},
                                    {"next_cursor", {{"type", json::array({"string", "null"})}}}}},
                                  {"required", json::array({"items", "next_cursor"})}}
                           : item;
      ok["content"] = {{d.content_type, {{"schema", schema}}}};
    } else if (d.success_status != 204 && d.content_type != "application/json") {
      // Files and streams: each media type listed ("application/pdf, image/png"), no schema.
      ok["content"] = json::object();
      std::string types = d.content_type;
      for (std::size_t at = 0; at < types.size();) {
        std::size_t comma = types.find(", ", at);
        ok["content"][types.substr(at, comma - at)] = json::object();
        at = comma == std::string::npos ? types.size() : comma + 2;
      }
    } else if (d.success_status != 204) {
      ok["content"] = {{d.content_type, {{"schema", {{"type", "object"}}}}}};
    }
    responses[std::to_string(d.success_status)] = ok;
    responses["400"] = ProblemResponse(StatusText(400));
    for (int s : d.error_statuses) responses[std::to_string(s)] = ProblemResponse(StatusText(s));
    responses["500"] = ProblemResponse("Internal error; the problem names the request id");
    op["responses"] = responses;
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[r.pattern][method] = op;
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "TalentBridge API"},
            {"version", version},
            {"description",
             "School-enterprise cooperation and graduate employment. Lists are paginated with "
             "limit and an opaque cursor; errors are RFC 9457 problem documents."}}},
          {"servers", json::array({{{"url", "/"}}})},
          {"paths", paths},
          {"components", Components()}};
}

}  // namespace tb::http
