#include "http/api.hpp"

#include "http/api_support.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/time.hpp"
#include "core/validate.hpp"
#include "http/agreement_routes.hpp"
#include "http/exchange_routes.hpp"
#include "http/json_mapping.hpp"
#include "http/match_routes.hpp"
#include "http/openapi.hpp"
#include "http/params.hpp"
#include "http/partnership_routes.hpp"
#include "http/problem.hpp"
#include "http/recruitment_routes.hpp"
#include "service/reports.hpp"
#include "store/queries.hpp"

namespace tb::http {

namespace {

using namespace api;  // NOLINT: the registrar's vocabulary

core::Problem CheckRegionPrefix(std::string_view v) {
  if (v.empty() || v.size() > 6) return "must be 1-6 digits of a GB/T 2260 region code";
  for (char c : v) {
    if (c < '0' || c > '9') return "must be 1-6 digits of a GB/T 2260 region code";
  }
  return std::nullopt;
}

core::Problem CheckTag(std::string_view v) {
  if (v.empty() || v.size() > 40) return "must be 1-40 characters";
  for (char c : v) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return "tags are lower-case letters, digits and '_'";
    }
  }
  return std::nullopt;
}

core::Problem CheckTimeBound(std::string_view v) {
  if (v.size() == 10) return core::CheckDate(v);
  return core::CheckTimestamp(v);
}

core::Problem CheckIndustryFilter(std::string_view v) {
  if (v.size() == 1) return core::CheckIndustryCode(v);
  for (char c : v) {
    if (c < '0' || c > '9' || v.size() > 4) {
      return "must be a section letter A-T or 2-4 digits of a GB/T 4754 code";
    }
  }
  return std::nullopt;
}

core::Problem CheckMajorPrefix(std::string_view v) {
  if (v.empty() || v.size() > 9)
    return "must be a major code, class (4 digits) or category (2 digits)";
  return std::nullopt;
}

// ---- reference data ---------------------------------------------------------------------------

json RegionJson(const domain::Region& r) {
  return {{"code", r.code}, {"name", r.name}, {"level", r.level}, {"parent_code", r.parent_code}};
}
json MajorJson(const domain::Major& m) {
  return {{"code", m.code},
          {"name", m.name},
          {"class_code", m.class_code},
          {"class_name", m.class_name},
          {"category_code", m.category_code},
          {"category_name", m.category_name},
          {"level", m.level},
          {"edition", m.edition}};
}
json IndustryJson(const domain::Industry& i) {
  return {{"code", i.code},
          {"level", i.level},
          {"section", i.section},
          {"name", i.name},
          {"description", i.description},
          {"parent_code", i.parent_code}};
}

// Runs fn(tx) -> Result<json> in a read transaction and answers 200 with the value.
template <class F>
Response ReadJson(store::Database& db, const Request& req, F&& fn) {
  auto result = db.Read([&](store::Tx& tx) -> Result<json> { return fn(tx); });
  if (!result.ok()) return Problem(result.error(), req.request_id);
  return JsonResponse(200, *result);
}

// GET collection of reference rows keyed by code: parse_filter(q) builds the filter,
// list(tx, filter, after, limit) pages through the rows, to_json maps one row.
template <class ParseFilter, class List, class ToJsonFn>
Handler CodeListHandler(std::shared_ptr<store::Database> db, ParseFilter parse_filter, List list,
                        ToJsonFn to_json) {
  return [=](Request& req) {
    QueryReader q(req);
    auto filter = parse_filter(q);
    int limit = q.Limit();
    std::string after = q.CodeCursor();
    if (!q.ok()) return Problem(q.error(), req.request_id);
    return ReadJson(*db, req, [&](store::Tx& tx) -> Result<json> {
      auto page = list(tx, filter, after, limit);
      json items = json::array();
      for (const auto& x : page.items) items.push_back(to_json(x));
      return json{{"items", std::move(items)},
                  {"next_cursor",
                   page.next_after ? json(EncodeCodeCursor(*page.next_after)) : json(nullptr)}};
    });
  };
}

// Adapts a row-to-JSON function to the (tx, row) form of CodeGetHandler.
template <class T>
auto Plain(json (*to_json)(const T&)) {
  return [to_json](store::Tx&, const T& row) { return to_json(row); };
}

// GET one reference row by code; to_json(tx, row) may read more in the same transaction.
template <class Get, class ToJsonFn>
Handler CodeGetHandler(std::shared_ptr<store::Database> db, std::string what, Get get,
                       ToJsonFn to_json) {
  return [=](Request& req) {
    std::string code = req.path_params["code"];
    return ReadJson(*db, req, [&](store::Tx& tx) -> Result<json> {
      auto row = get(tx, code);
      if (!row) return Error::NotFound(what + " " + code + " is not in the loaded list");
      return to_json(tx, *row);
    });
  };
}

void AddReference(Api& r, std::shared_ptr<store::Database> db) {
  std::string tag = "Reference data";
  std::string base = std::string(kBase);

  r.Add("GET", base + "/regions",
        CodeListHandler(
            db,
            [](QueryReader& q) {
              store::RegionFilter f;
              f.parent_code = q.Code("parent_code", core::CheckRegionCode);
              if (auto l = q.Int("level", 1, 3)) f.level = static_cast<int>(*l);
              f.prefix = q.Code("prefix", CheckRegionPrefix);
              f.name = q.String("name");
              return f;
            },
            store::ListRegions, RegionJson),
        {"List GB/T 2260 regions", tag,
         With({{"parent_code", "string", "Children of this region"},
               {"level", "integer", "1 province, 2 city, 3 county"},
               {"prefix", "string", "Code prefix, e.g. 21 (Liaoning) or 210000"},
               {"name", "string", "Name substring"}}),
         "", "Region", true});

  // A region with its roll-up: the city and the province it belongs to.
  r.Add(
      "GET", base + "/regions/{code}",
      CodeGetHandler(db, "region", store::GetRegion,
                     [](store::Tx& tx, const domain::Region& region) {
                       json j = RegionJson(region);
                       auto c = store::GetRegion(tx, core::RegionCity(region.code));
                       auto p = store::GetRegion(tx, core::RegionProvince(region.code));
                       bool own_city = c && c->code != region.code && c->level == 2;
                       j["city"] = own_city ? RegionJson(*c) : json(nullptr);
                       j["province"] = p ? RegionJson(*p) : json(nullptr);
                       return j;
                     }),
      {"Get a region with its city and province", tag, {}, "", "RegionDetail", false, 200, {404}});

  r.Add("GET", base + "/majors",
        CodeListHandler(
            db,
            [](QueryReader& q) {
              store::MajorFilter f;
              f.class_code = q.String("class_code", 4);
              f.category_code = q.String("category_code", 2);
              f.level = q.Enum("level", {"vocational", "bachelor", "master", "doctor"});
              f.name = q.String("name");
              return f;
            },
            store::ListMajors, MajorJson),
        {"List catalog majors", tag,
         With({{"class_code", "string", "4-digit class, e.g. 0809"},
               {"category_code", "string", "2-digit category, e.g. 08"},
               {"level", "string", "vocational | bachelor | master | doctor"},
               {"name", "string", "Name substring"}}),
         "", "Major", true});

  r.Add("GET", base + "/majors/{code}",
        CodeGetHandler(db, "major", store::GetMajor, Plain(MajorJson)),
        {"Get a major with its class and category", tag, {}, "", "Major", false, 200, {404}});

  r.Add("GET", base + "/industries",
        CodeListHandler(
            db,
            [](QueryReader& q) {
              store::IndustryFilter f;
              f.section = q.Code("section", core::CheckIndustryCode);
              if (auto l = q.Int("level", 1, 4)) f.level = static_cast<int>(*l);
              f.parent_code = q.Code("parent_code", core::CheckIndustryCode);
              f.name = q.String("name");
              return f;
            },
            store::ListIndustries, IndustryJson),
        {"List GB/T 4754-2017 industries", tag,
         With({{"section", "string", "Section letter A-T"},
               {"level", "integer", "1 section, 2 division, 3 group, 4 class"},
               {"parent_code", "string", "Children of this code"},
               {"name", "string", "Name substring"}}),
         "", "Industry", true});

  r.Add("GET", base + "/industries/{code}",
        CodeGetHandler(db, "industry", store::GetIndustry, Plain(IndustryJson)),
        {"Get an industry", tag, {}, "", "Industry", false, 200, {404}});
}

// ---- relations between organizations -----------------------------------------------------------

void AddRelations(Api& r, const service::Services& s) {
  const auto* relations = &s.relations;
  const auto* organizations = &s.organizations;
  std::string base = std::string(kBase) + "/organizations/{id}/relations";
  std::string tag = "Organizations";
  r.Add("GET", base,
        [relations, organizations](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          if (auto org = organizations->Get(caller, *id); !org.ok())
            return Problem(org.error(), req.request_id);
          QueryReader q(req);
          store::RelationFilter f;
          f.organization_id = *id;
          f.kind = q.Enum("kind", EnumOf<domain::Relation>("kind"));
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = relations->List(caller, f, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"Relations of an organization (either end)",
         tag,
         With({{"kind", "string", "supervises | member_of | located_in"}}),
         "",
         "Relation",
         true,
         200,
         {404}});
  r.Add("POST", base,
        [relations, organizations](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          if (auto org = organizations->Get(caller, *id); !org.ok()) {
            return Problem(org.error(), req.request_id);
          }
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          domain::Relation rel;
          rel.from_id = *id;
          json b = *body;
          if (b.is_object() && !b.contains("from_id")) b["from_id"] = *id;
          if (auto st = ApplyJson(b, rel, true); !st.ok())
            return Problem(st.error(), req.request_id);
          if (rel.from_id != *id) {
            return Problem(422, "relation is not valid", req.request_id,
                           {{"from_id", "must be the organization in the path (" +
                                            std::to_string(*id) + ")"}});
          }
          return FromResult(relations->Create(caller, rel, core::NowUtc()), req, 201);
        },
        {"Add a relation from this organization (supervises, member_of, located_in)",
         tag,
         {},
         "RelationInput",
         "Relation",
         false,
         201,
         {404, 409, 422}});
  r.Add("DELETE", base + "/{relation_id}",
        [relations](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          auto rid = ParseId(req.path_params["relation_id"]);
          if (!id || !rid) return Problem(404, "no such resource", req.request_id);
          auto rel = relations->Get(caller, *rid);
          if (!rel.ok() || (rel->from_id != *id && rel->to_id != *id)) {
            return Problem(404, "relation " + std::to_string(*rid) + " not found", req.request_id);
          }
          auto st = relations->Delete(caller, *rid, core::NowUtc());
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Remove a relation", tag, {}, "", "", false, 204, {404}});
}

// ---- enterprise vetting ------------------------------------------------------------------------

void AddDuplicates(Api& r, const service::Services& s) {
  const auto* organizations = &s.organizations;
  r.Add("GET", std::string(kBase) + "/organizations/{id}/duplicates",
        [organizations](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto org = organizations->Get(caller, *id);
          if (!org.ok()) return Problem(org.error(), req.request_id);
          store::OrganizationFilter f;
          f.name_key = org->name_key;
          f.exclude_id = *id;
          auto page = organizations->List(caller, f, {0, 200});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"Likely duplicates of an organization: the same name once width, case, spaces, "
         "punctuation and the legal form (有限公司 / 有限责任公司 / Co., Ltd) are ignored",
         "Organizations",
         {},
         "",
         "Organization",
         true,
         200,
         {404}});
}

}  // namespace

// ---- accounts: login, sessions, users, tokens, audit, reports ---------------------------------

json CallerJson(const Caller& c) {
  auto opt = [](const std::optional<domain::Id>& v) { return v ? json(*v) : json(nullptr); };
  return {{"id", c.user_id},
          {"email", c.email},
          {"role", auth::RoleName(c.role)},
          {"institution_id", opt(c.institution_id)},
          {"unit_id", opt(c.unit_id)},
          {"organization_id", opt(c.organization_id)},
          {"student_id", opt(c.student_id)},
          {"observer_institutions", c.observer_institutions},
          {"observer_organizations", c.observer_organizations}};
}

using auth::UserJson;

json TokenJson(const store::TokenRow& t) {
  auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
  return {{"id", t.id},
          {"user_id", t.user_id},
          {"name", t.name},
          {"created_at", t.created_at},
          {"last_used_at", opt(t.last_used_at)},
          {"revoked_at", opt(t.revoked_at)}};
}

json AuditJson(const store::AuditRow& a) {
  auto parsed = [](const std::optional<std::string>& v) {
    return v ? json::parse(*v, nullptr, false) : json(nullptr);
  };
  return {{"id", a.id},
          {"at", a.at},
          {"actor_user_id", a.actor_user_id ? json(*a.actor_user_id) : json(nullptr)},
          {"actor", a.actor},
          {"action", a.action},
          {"entity", a.entity},
          {"entity_id", a.entity_id ? json(*a.entity_id) : json(nullptr)},
          {"before", parsed(a.before_json)},
          {"after", parsed(a.after_json)},
          {"request_id", a.request_id}};
}

// A page of rows keyed by id: next_cursor when the page is full.
template <class Row, class ToJsonFn>
json IdPage(const std::vector<Row>& rows, int limit, ToJsonFn to_json) {
  json items = json::array();
  for (const auto& row : rows) items.push_back(to_json(row));
  bool full = static_cast<int>(rows.size()) == limit;
  return {{"items", std::move(items)},
          {"next_cursor", full ? json(EncodeIdCursor(rows.back().id)) : json(nullptr)}};
}

// Reads a required string member of a JSON body.
std::optional<std::string> StringMember(const json& body, const char* name,
                                        std::vector<FieldError>& errors, bool required = true) {
  if (!body.contains(name)) {
    if (required) errors.push_back({name, "is required"});
    return std::nullopt;
  }
  if (!body[name].is_string()) {
    errors.push_back({name, "must be a string"});
    return std::nullopt;
  }
  return body[name].get<std::string>();
}

std::optional<domain::Id> IdMember(const json& body, const char* name,
                                   std::vector<FieldError>& errors) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_number_integer()) {
    errors.push_back({name, "must be an integer id"});
    return std::nullopt;
  }
  return body[name].get<domain::Id>();
}

std::vector<domain::Id> IdListMember(const json& body, const char* name,
                                     std::vector<FieldError>& errors) {
  std::vector<domain::Id> out;
  if (!body.contains(name) || body[name].is_null()) return out;
  if (!body[name].is_array()) {
    errors.push_back({name, "must be an array of ids"});
    return out;
  }
  for (const auto& v : body[name]) {
    if (!v.is_number_integer()) {
      errors.push_back({name, "must be an array of ids"});
      return {};
    }
    out.push_back(v.get<domain::Id>());
  }
  return out;
}

std::string SessionCookieHeader(const std::string& value, int max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(max_age) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

void AddAccounts(Api& r, const ApiContext& ctx) {
  auto accounts = ctx.accounts;
  auto services = ctx.services;
  bool secure_cookies = ctx.secure_cookies;
  std::string base = std::string(kBase);
  std::string tag = "Accounts";

  r.Public("POST", base + "/auth/login",
           [accounts, secure_cookies](Request& req) {
             auto body = ParseBody(req);
             if (!body.ok()) return Problem(body.error(), req.request_id);
             std::vector<FieldError> errors;
             if (!body->is_object())
               return Problem(400, "body must be a JSON object", req.request_id);
             auto email = StringMember(*body, "email", errors);
             auto password = StringMember(*body, "password", errors);
             if (!errors.empty()) {
               return Problem(Error::Unprocessable("login needs email and password", errors),
                              req.request_id);
             }
             auto session = accounts->Login(*email, *password, req.remote_address, req.request_id);
             if (!session.ok()) return Problem(session.error(), req.request_id);
             bool secure = secure_cookies || req.Header("x-forwarded-proto") == "https";
             Response resp = JsonResponse(200, {{"user", CallerJson(session->caller)},
                                                {"csrf_token", session->csrf_token},
                                                {"expires_at", session->expires_at}});
             resp.headers.emplace_back("Set-Cookie",
                                       SessionCookieHeader(session->token, 12 * 3600, secure));
             resp.headers.emplace_back("Cache-Control", "no-store");
             return resp;
           },
           {"Log in with e-mail and password; sets the session cookie",
            tag,
            {},
            "LoginInput",
            "Session",
            false,
            200,
            {401, 422, 429}});

  r.Add("POST", base + "/auth/logout",
        [accounts, secure_cookies](Request& req, const Caller& caller) {
          auto cookie = SessionCookie(req);
          if (caller.via_token || !cookie) {
            return Problem(400, "an API token is revoked, not logged out", req.request_id);
          }
          if (auto st = accounts->Logout(*cookie, caller); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          Response resp = Response::NoContent();
          bool secure = secure_cookies || req.Header("x-forwarded-proto") == "https";
          resp.headers.emplace_back("Set-Cookie", SessionCookieHeader("", 0, secure));
          return resp;
        },
        {"Log out: ends the session", tag, {}, "", "", false, 204, {}});

  r.Add("GET", base + "/auth/me",
        [](Request&, const Caller& caller) {
          json body = {{"user", CallerJson(caller)}};
          body["csrf_token"] = caller.csrf_token.empty() ? json(nullptr) : json(caller.csrf_token);
          return JsonResponse(200, body);
        },
        {"The signed-in user, role, scope and CSRF token", tag, {}, "", "Session", false, 200, {}});

  r.AddAdmin("GET", base + "/users",
             [accounts](Request& req, const Caller& caller) {
               QueryReader q(req);
               int limit = q.Limit();
               Id after = q.IdCursor();
               if (!q.ok()) return Problem(q.error(), req.request_id);
               auto users = accounts->ListUsers(caller, after, limit);
               if (!users.ok()) return Problem(users.error(), req.request_id);
               return JsonResponse(200, IdPage(*users, limit, UserJson));
             },
             {"List user accounts (platform admin)", tag, PageParams(), "", "User", true});

  r.AddAdmin("POST", base + "/users",
             [accounts](Request& req, const Caller& caller) {
               auto body = ParseBody(req);
               if (!body.ok()) return Problem(body.error(), req.request_id);
               if (!body->is_object())
                 return Problem(400, "body must be a JSON object", req.request_id);
               std::vector<FieldError> errors;
               auth::NewUser nu;
               nu.email = StringMember(*body, "email", errors).value_or("");
               nu.name = StringMember(*body, "name", errors, false).value_or("");
               nu.password = StringMember(*body, "password", errors).value_or("");
               nu.role = StringMember(*body, "role", errors).value_or("");
               nu.institution_id = IdMember(*body, "institution_id", errors);
               nu.unit_id = IdMember(*body, "unit_id", errors);
               nu.organization_id = IdMember(*body, "organization_id", errors);
               nu.student_id = IdMember(*body, "student_id", errors);
               nu.observer_institutions = IdListMember(*body, "observer_institutions", errors);
               nu.observer_organizations = IdListMember(*body, "observer_organizations", errors);
               if (!errors.empty()) {
                 return Problem(Error::Unprocessable("user is not valid", errors), req.request_id);
               }
               auto user = accounts->CreateUser(caller, nu);
               if (!user.ok()) return Problem(user.error(), req.request_id);
               return JsonResponse(201, UserJson(*user));
             },
             {"Create a user bound to a role and scope (platform admin)",
              tag,
              {},
              "UserInput",
              "User",
              false,
              201,
              {409, 422}});

  r.AddAdmin("GET", base + "/users/{id}",
             [accounts](Request& req, const Caller& caller) {
               auto id = ParseId(req.path_params["id"]);
               if (!id) return Problem(404, "no such resource", req.request_id);
               auto user = accounts->GetUser(caller, *id);
               if (!user.ok()) return Problem(user.error(), req.request_id);
               return JsonResponse(200, UserJson(*user));
             },
             {"Get a user (platform admin)", tag, {}, "", "User", false, 200, {404}});

  r.AddAdmin("PATCH", base + "/users/{id}",
             [accounts](Request& req, const Caller& caller) {
               auto id = ParseId(req.path_params["id"]);
               if (!id) return Problem(404, "no such resource", req.request_id);
               auto body = ParseBody(req);
               if (!body.ok()) return Problem(body.error(), req.request_id);
               if (!body->is_object() || !body->contains("disabled") ||
                   !(*body)["disabled"].is_boolean()) {
                 return Problem(Error::Unprocessable("only 'disabled' can be changed",
                                                     {{"disabled", "must be true or false"}}),
                                req.request_id);
               }
               auto user = accounts->SetDisabled(caller, *id, (*body)["disabled"].get<bool>());
               if (!user.ok()) return Problem(user.error(), req.request_id);
               return JsonResponse(200, UserJson(*user));
             },
             {"Disable or enable a user (platform admin)",
              tag,
              {},
              "UserPatch",
              "User",
              false,
              200,
              {404, 422}});

  r.AddAdmin("GET", base + "/tokens",
             [accounts](Request& req, const Caller& caller) {
               QueryReader q(req);
               int limit = q.Limit();
               Id after = q.IdCursor();
               if (!q.ok()) return Problem(q.error(), req.request_id);
               auto tokens = accounts->ListTokens(caller, after, limit);
               if (!tokens.ok()) return Problem(tokens.error(), req.request_id);
               return JsonResponse(200, IdPage(*tokens, limit, TokenJson));
             },
             {"List API tokens (platform admin)", tag, PageParams(), "", "Token", true});

  r.AddAdmin("POST", base + "/tokens",
             [accounts](Request& req, const Caller& caller) {
               auto body = ParseBody(req);
               if (!body.ok()) return Problem(body.error(), req.request_id);
               if (!body->is_object())
                 return Problem(400, "body must be a JSON object", req.request_id);
               std::vector<FieldError> errors;
               auto user_id = IdMember(*body, "user_id", errors);
               auto name = StringMember(*body, "name", errors);
               if (!user_id) errors.push_back({"user_id", "is required"});
               if (!errors.empty()) {
                 return Problem(Error::Unprocessable("token is not valid", errors), req.request_id);
               }
               auto token = accounts->CreateToken(caller, *user_id, *name);
               if (!token.ok()) return Problem(token.error(), req.request_id);
               json j = TokenJson(token->row);
               j["token"] = token->token;
               return JsonResponse(201, j);
             },
             {"Create an API token acting as a user (shown once; platform admin)",
              tag,
              {},
              "TokenInput",
              "NewToken",
              false,
              201,
              {422}});

  r.AddAdmin("DELETE", base + "/tokens/{id}",
             [accounts](Request& req, const Caller& caller) {
               auto id = ParseId(req.path_params["id"]);
               if (!id) return Problem(404, "no such resource", req.request_id);
               if (auto st = accounts->RevokeToken(caller, *id); !st.ok()) {
                 return Problem(st.error(), req.request_id);
               }
               return Response::NoContent();
             },
             {"Revoke an API token (platform admin)", tag, {}, "", "", false, 204, {404}});

  r.AddAdmin("GET", base + "/audit",
             [accounts](Request& req, const Caller& caller) {
               QueryReader q(req);
               store::AuditFilter f;
               f.actor_user_id = q.Int("actor", 1, INT64_MAX);
               f.entity = q.String("entity", 40);
               f.entity_id = q.Int("entity_id", 1, INT64_MAX);
               f.action = q.String("action", 40);
               f.from = q.Code("from", CheckTimeBound);
               f.to = q.Code("to", CheckTimeBound);
               int limit = q.Limit();
               Id after = q.IdCursor();
               if (!q.ok()) return Problem(q.error(), req.request_id);
               auto rows = accounts->ListAudit(caller, f, after, limit);
               if (!rows.ok()) return Problem(rows.error(), req.request_id);
               return JsonResponse(200, IdPage(*rows, limit, AuditJson));
             },
             {"The audit trail, newest last (platform admin; read-only)", "Audit",
              With({{"actor", "integer", "User id of the actor"},
                    {"entity", "string", "e.g. student, organization, user"},
                    {"entity_id", "integer", ""},
                    {"action", "string", "create | update | delete | login | logout | revoke"},
                    {"from", "string", "From this date or time (UTC, inclusive)"},
                    {"to", "string", "Before this date or time (UTC)"}}),
              "", "AuditEvent", true});

  r.Add("GET", base + "/reports/students",
        [services](Request& req, const Caller& caller) {
          QueryReader q(req);
          std::string group_by = q.String("group_by", 40).value_or("unit");
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto report = service::ReportStudents(*services->db, caller, group_by);
          if (!report.ok()) return Problem(report.error(), req.request_id);
          json cells = json::array();
          for (const auto& c : report->cells) {
            cells.push_back({{"key", c.key},
                             {"label", c.label},
                             {"institution_id", c.institution_id},
                             {"count", c.count ? json(*c.count) : json(nullptr)},
                             {"suppressed", !c.count.has_value()}});
          }
          return JsonResponse(200, {{"group_by", report->group_by},
                                    {"min_cell_size", service::kMinCellSize},
                                    {"total", report->total ? json(*report->total) : json(nullptr)},
                                    {"cells", cells}});
        },
        {"Students per unit, cohort, level, major category or institution in the caller's scope; "
         "groups under 5 people are suppressed",
         "Reports",
         {{"group_by", "string", "institution | unit | cohort | level | major_category"}},
         "",
         "StudentReport",
         false,
         200,
         {}});
}

Router BuildApi(const ApiContext& ctx) {
  Router router;
  Api r(router, ctx.accounts);
  auto services = ctx.services;
  auto db = services->db;
  std::string version = ctx.version;

  r.Public(
      "GET", std::string(kBase) + "/health",
      [db, version](Request& req) {
        auto ping = db->Ping();
        if (!ping.ok()) {
          spdlog::error("health check {}: {}", req.request_id, ping.error().message);
          return JsonResponse(503, {{"status", "unavailable"},
                                    {"version", version},
                                    {"database", db->backend_name()},
                                    {"detail", "the database cannot be reached"}});
        }
        return JsonResponse(
            200, {{"status", "ok"}, {"version", version}, {"database", db->backend_name()}});
      },
      {"Health of the server and its database", "System", {}, "", "Health", false, 200, {503}});

  AddCrud(r, services->institutions, "Institutions",
          [](QueryReader& q) {
            store::InstitutionFilter f;
            f.name = q.String("name");
            f.kind = q.Enum("kind", EnumOf<domain::Institution>("kind"));
            return f;
          },
          {{"name", "string", "Name substring (Chinese or English), case-insensitive"},
           {"kind", "string", "university | vocational_college"}});

  AddCrud(r, services->units, "Institutions",
          [](QueryReader& q) {
            store::UnitFilter f;
            f.institution_id = q.Int("institution_id", 1, INT64_MAX);
            return f;
          },
          {{"institution_id", "integer", "Units of this institution"}});

  AddCrud(r, services->organizations, "Organizations",
          [](QueryReader& q) {
            store::OrganizationFilter f;
            f.kind = q.Enum("kind", EnumOf<domain::Organization>("kind"));
            f.tag = q.Code("tag", CheckTag);
            f.region_prefix = q.Code("region", CheckRegionPrefix);
            f.industry = q.Code("industry", CheckIndustryFilter);
            f.name = q.String("name");
            f.credit_code = q.Code("credit_code", core::CheckCreditCode);
            f.related_to = q.Int("related_to", 1, INT64_MAX);
            f.relation = q.Enum("relation", EnumOf<domain::Relation>("kind"));
            f.member_of = q.Int("member_of", 1, INT64_MAX);
            f.located_in = q.Int("located_in", 1, INT64_MAX);
            f.supervised_by = q.Int("supervised_by", 1, INT64_MAX);
            f.visited = q.Bool("visited");
            f.campaign_id = q.Int("campaign_id", 1, INT64_MAX);
            f.institution_id = q.Int("institution_id", 1, INT64_MAX);
            f.agreement_state = q.Enum("agreement_state", EnumOf<domain::Agreement>("status"));
            if ((f.campaign_id || f.institution_id) && !f.visited && !f.agreement_state) {
              q.AddError(f.campaign_id ? "campaign_id" : "institution_id",
                         "applies with visited or agreement_state");
            }
            f.verified = q.Bool("verified");
            f.possible_duplicates = q.Bool("possible_duplicates").value_or(false);
            if (f.relation && !f.related_to) q.AddError("relation", "needs related_to");
            return f;
          },
          {{"kind", "string", "enterprise | government | association | park | financial | other"},
           {"tag", "string", "Has this tag, e.g. specialized_new"},
           {"region", "string", "Region code prefix: 21 or 210000 = Liaoning, 2107 = Jinzhou"},
           {"industry", "string", "Industry section letter (C) or code prefix (38)"},
           {"name", "string", "Name substring (Chinese or English), case-insensitive"},
           {"credit_code", "string", "Exact unified social credit code"},
           {"related_to", "integer", "Has a relation, either direction, with this organization"},
           {"relation", "string", "Restricts related_to to supervises | member_of | located_in"},
           {"member_of", "integer", "Members of this association (member_of relation)"},
           {"located_in", "integer", "Located in this park (located_in relation)"},
           {"supervised_by", "integer", "Supervised by this body (supervises relation)"},
           {"visited", "boolean",
            "Reached (true) or never reached (false) by a visit (visit_out, visit_in; counterpart "
            "or outcome line) of institution_id and/or campaign_id; institution staff: their "
            "own institution"},
           {"campaign_id", "integer", "The campaign whose visits visited looks at"},
           {"institution_id", "integer",
            "The institution whose visits (visited) or agreements (agreement_state) count"},
           {"agreement_state", "string",
            "A party of an agreement in this state (e.g. active), of institution_id when given; "
            "institution staff: their own institution's agreements"},
           {"verified", "boolean", "Verified by an administrator"},
           {"possible_duplicates", "boolean",
            "Only organizations that share their normalized name with another"}});
  AddRelations(r, *services);
  AddDuplicates(r, *services);

  AddCrud(r, services->contacts, "Organizations",
          [](QueryReader& q) {
            store::ContactFilter f;
            f.organization_id = q.Int("organization_id", 1, INT64_MAX);
            f.unit_id = q.Int("unit_id", 1, INT64_MAX);
            return f;
          },
          {{"organization_id", "integer", "Contacts at this organization"},
           {"unit_id", "integer", "Contacts in this unit"}});

  AddCrud(r, services->students, "Students",
          [](QueryReader& q) {
            store::StudentFilter f;
            f.institution_id = q.Int("institution_id", 1, INT64_MAX);
            f.unit_id = q.Int("unit_id", 1, INT64_MAX);
            f.major_prefix = q.Code("major", CheckMajorPrefix);
            f.level = q.Enum("level", {"vocational", "bachelor", "master", "doctor"});
            f.cohort = q.Int("cohort", 1950, 2100);
            f.name = q.String("name");
            return f;
          },
          {{"institution_id", "integer", ""},
           {"unit_id", "integer", ""},
           {"major", "string", "Major code, class (0809) or category (08)"},
           {"level", "string", "vocational | bachelor | master | doctor"},
           {"cohort", "integer", "Graduation year"},
           {"name", "string", "Name substring"}});

  AddCrud(r, services->posts, "Posts",
          [](QueryReader& q) {
            store::PostFilter f;
            f.organization_id = q.Int("organization_id", 1, INT64_MAX);
            f.status = q.Enum("status", EnumOf<domain::Post>("status"));
            f.kind = q.Enum("kind", EnumOf<domain::Post>("kind"));
            f.region_prefix = q.Code("region", CheckRegionPrefix);
            f.industry = q.Code("industry", CheckIndustryFilter);
            f.title = q.String("title");
            f.source_activity_id = q.Int("source_activity_id", 1, INT64_MAX);
            return f;
          },
          {{"organization_id", "integer", ""},
           {"status", "string", "draft | open | closed"},
           {"kind", "string", "full_time | internship | part_time"},
           {"region", "string", "Region code prefix"},
           {"industry", "string", "Industry section letter or code prefix"},
           {"title", "string", "Title substring"},
           {"source_activity_id", "integer", "Posts opened by this activity"}});

  AddReference(r, db);
  AddPartnershipRoutes(r, db);
  AddRecruitmentRoutes(r, db, ctx.files_dir);
  AddMatchRoutes(r, ctx.match);
  AddAgreementRoutes(r, db, ctx.files_dir);
  AddVisitExchangeRoutes(r, db);

  // The description of this very table; built lazily so it includes itself.
  auto spec = std::make_shared<std::string>();
  AddAccounts(r, ctx);

  r.Public("GET", std::string(kBase) + "/openapi.json",
           [spec, version](Request&) { return Response::Json(200, *spec); },
           {"This OpenAPI 3.1 description", "System", {}, "", "", false, 200, {}});
  *spec = BuildOpenApi(router, version).dump(-1, ' ', false, json::error_handler_t::replace);
  return router;
}

}  // namespace tb::http
