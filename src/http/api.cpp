#include "http/api.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/time.hpp"
#include "core/validate.hpp"
#include "http/json_mapping.hpp"
#include "http/openapi.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "store/queries.hpp"

namespace tb::http {

namespace {

using domain::Id;
using nlohmann::json;

constexpr const char* kBase = "/api/v1";

Response JsonResponse(int status, const json& body) {
  return Response::Json(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

template <class T>
Response FromResult(const Result<T>& r, const Request& req, int status = 200) {
  if (!r.ok()) return Problem(r.error(), req.request_id);
  return JsonResponse(status, ToJson(*r));
}

// Parses the body as JSON; malformed JSON is a 400 saying where.
Result<json> ParseBody(const Request& req) {
  if (auto ct = req.Header("content-type"); ct && ct->find("json") == std::string::npos) {
    return Error::Invalid("Content-Type must be application/json, got '" + *ct + "'");
  }
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    // Re-parse with exceptions to learn where it failed.
    try {
      json reparsed = json::parse(req.body);
      (void)reparsed;
    } catch (const json::parse_error& e) {
      std::size_t line = 1, column = 1;
      for (std::size_t i = 0; i + 1 < e.byte && i < req.body.size(); ++i) {
        if (req.body[i] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
      std::string what = e.what();
      auto pos = what.find("; ");
      return Error::Invalid("malformed JSON at line " + std::to_string(line) + ", column " +
                            std::to_string(column) + " (byte " + std::to_string(e.byte) +
                            "): " + (pos == std::string::npos ? what : what.substr(pos + 2)));
    }
    return Error::Invalid("malformed JSON");
  }
  return body;
}

template <class T>
json PageJson(const store::Page<T>& page) {
  json items = json::array();
  for (const auto& item : page.items) items.push_back(ToJson(item));
  return {
      {"items", std::move(items)},
      {"next_cursor", page.next_after ? json(EncodeIdCursor(*page.next_after)) : json(nullptr)}};
}

std::vector<ParamDoc> PageParams() {
  return {{"limit", "integer", "Page size, 1-200 (default 50)"},
          {"cursor", "string", "Opaque cursor: next_cursor of the previous page"}};
}

std::vector<ParamDoc> With(std::vector<ParamDoc> a) {
  auto p = PageParams();
  a.insert(a.end(), p.begin(), p.end());
  return a;
}

// list / get / create / update (merge patch) / delete for one entity.
template <class T, class ParseFilter>
void AddCrud(Router& r, const service::EntityService<T>& svc, const std::string& tag,
             ParseFilter parse_filter, std::vector<ParamDoc> filter_docs) {
  const auto& def = domain::Def<T>();
  std::string collection = std::string(kBase) + "/" + std::string(def.table);
  std::string item = collection + "/{id}";
  std::string schema(def.title);
  std::string singular(def.singular);
  const auto* service = &svc;

  r.Add("GET", collection,
        [service, parse_filter](Request& req) {
          QueryReader q(req);
          auto filter = parse_filter(q);
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = service->List(filter, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"List " + std::string(def.table), tag, With(std::move(filter_docs)), "", schema, true});

  r.Add("POST", collection,
        [service](Request& req) {
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          T value{};
          if (auto st = ApplyJson(*body, value, true); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          return FromResult(service->Create(std::move(value), core::NowUtc()), req, 201);
        },
        {"Create a " + singular, tag, {}, schema + "Input", schema, false, 201, {409, 413, 422}});

  r.Add("GET", item,
        [service](Request& req) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          return FromResult(service->Get(*id), req);
        },
        {"Get a " + singular, tag, {}, "", schema, false, 200, {404}});

  r.Add("PATCH", item,
        [service](Request& req) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          auto result = service->Modify(
              *id, [&](T& value) { return ApplyJson(*body, value, false); }, core::NowUtc());
          return FromResult(result, req);
        },
        {"Update a " + singular + " (JSON merge patch: only the fields given change)",
         tag,
         {},
         schema + "Input",
         schema,
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("DELETE", item,
        [service](Request& req) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto st = service->Delete(*id);
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Delete a " + singular, tag, {}, "", "", false, 204, {404, 409}});
}

std::vector<std::string> Values(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}
template <class T>
std::vector<std::string> EnumOf(const char* field) {
  return Values(domain::Def<T>().Find(field)->spec.enum_values);
}

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

void AddReference(Router& r, std::shared_ptr<store::Database> db) {
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

void AddRelations(Router& r, const service::Services& s) {
  const auto* relations = &s.relations;
  const auto* organizations = &s.organizations;
  std::string base = std::string(kBase) + "/organizations/{id}/relations";
  std::string tag = "Organizations";
  r.Add("GET", base,
        [relations, organizations](Request& req) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          if (auto org = organizations->Get(*id); !org.ok())
            return Problem(org.error(), req.request_id);
          QueryReader q(req);
          store::RelationFilter f;
          f.organization_id = *id;
          f.kind = q.Enum("kind", EnumOf<domain::Relation>("kind"));
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = relations->List(f, {after, limit});
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
        [relations](Request& req) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
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
          return FromResult(relations->Create(rel, core::NowUtc()), req, 201);
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
        [relations](Request& req) {
          auto id = ParseId(req.path_params["id"]);
          auto rid = ParseId(req.path_params["relation_id"]);
          if (!id || !rid) return Problem(404, "no such resource", req.request_id);
          auto rel = relations->Get(*rid);
          if (!rel.ok() || (rel->from_id != *id && rel->to_id != *id)) {
            return Problem(404, "relation " + std::to_string(*rid) + " not found", req.request_id);
          }
          auto st = relations->Delete(*rid);
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Remove a relation", tag, {}, "", "", false, 204, {404}});
}

}  // namespace

Router BuildApi(const ApiContext& ctx) {
  Router r;
  auto services = ctx.services;
  auto db = services->db;
  std::string version = ctx.version;

  r.Add("GET", std::string(kBase) + "/health",
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
            f.verified = q.Bool("verified");
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
           {"verified", "boolean", "Verified by an administrator"}});
  AddRelations(r, *services);

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

  // The description of this very table; built lazily so it includes itself.
  auto spec = std::make_shared<std::string>();
  r.Add("GET", std::string(kBase) + "/openapi.json",
        [spec, version](Request&) { return Response::Json(200, *spec); },
        {"This OpenAPI 3.1 description", "System", {}, "", "", false, 200, {}});
  *spec = BuildOpenApi(r, version).dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

}  // namespace tb::http
