#pragma once
// Building blocks of the route table, shared by the files that register routes (api.cpp and
// one file per area): the Api registrar (authentication, CSRF, documentation), JSON bodies and
// pages, and the generic CRUD routes of an entity service.

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/messages.hpp"
#include "core/time.hpp"
#include "http/json_mapping.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "service/entity_service.hpp"

namespace tb::http::api {

using domain::Id;
using nlohmann::json;

inline constexpr const char* kBase = "/api/v1";
inline constexpr const char* kSessionCookie = "tb_session";

// A text for people in both languages, as responses carry it: {"zh": ..., "en": ...}.
inline json TextJson(const core::Text& text) { return {{"zh", text.zh}, {"en", text.en}}; }

inline Response JsonResponse(int status, const json& body) {
  return Response::Json(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

using auth::Caller;
using AuthedHandler = std::function<Response(Request&, const Caller&)>;

// The session cookie's value, if the request carries one.
inline std::optional<std::string> SessionCookie(const Request& req) {
  auto cookies = req.Header("cookie");
  if (!cookies) return std::nullopt;
  std::string_view rest = *cookies;
  while (!rest.empty()) {
    std::size_t semi = rest.find(';');
    std::string_view item = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (item.starts_with(std::string(kSessionCookie) + "=")) {
      return std::string(item.substr(std::string_view(kSessionCookie).size() + 1));
    }
  }
  return std::nullopt;
}

inline bool IsWrite(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// Who sent the request: a Bearer API token, or the session cookie (then a write must carry
// the session's CSRF token in X-CSRF-Token).
inline Result<auth::Authenticated> Authenticate(auth::AccountService& accounts,
                                                const Request& req) {
  if (auto authz = req.Header("authorization")) {
    if (!authz->starts_with("Bearer ")) {
      return Error::Unauthenticated("Authorization must be 'Bearer <token>'");
    }
    return accounts.AuthenticateBearer(authz->substr(7));
  }
  auto cookie = SessionCookie(req);
  if (!cookie) return Error::Unauthenticated("not logged in: POST /api/v1/auth/login first");
  TB_TRY(auth::Authenticated who, accounts.AuthenticateSession(*cookie));
  if (IsWrite(req.method)) {
    auto csrf = req.Header("x-csrf-token");
    if (!csrf || *csrf != who.csrf_token) {
      return Error::Forbidden(
          "missing or wrong X-CSRF-Token header (the csrf_token returned by "
          "login and /auth/me is required on every write)");
    }
  }
  return who;
}

// Registers routes on the router: Add() for routes that need a signed-in caller (401
// otherwise), Public() for the few that do not (health, openapi.json, login).
class Api {
 public:
  Api(Router& router, std::shared_ptr<auth::AccountService> accounts)
      : router_(router), accounts_(std::move(accounts)) {}

  void Add(std::string method, std::string path, AuthedHandler fn, OperationDoc doc) {
    auto accounts = accounts_;
    doc.error_statuses.push_back(401);
    doc.error_statuses.push_back(403);
    router_.Add(
        std::move(method), std::move(path),
        [accounts, fn = std::move(fn)](Request& req) {
          auto who = Authenticate(*accounts, req);
          if (!who.ok()) return Problem(who.error(), req.request_id);
          who->caller.request_id = req.request_id;
          who->caller.csrf_token = who->csrf_token;
          return fn(req, who->caller);
        },
        std::move(doc));
  }
  // A route that needs a signed-in caller but not who it is (reference data).
  void Add(std::string method, std::string path, Handler fn, OperationDoc doc) {
    Add(std::move(method), std::move(path),
        AuthedHandler([fn = std::move(fn)](Request& req, const Caller&) { return fn(req); }),
        std::move(doc));
  }
  // A route for platform administrators only: anyone else hears so (403) before any check of
  // their input.
  void AddAdmin(std::string method, std::string path, AuthedHandler fn, OperationDoc doc) {
    Add(std::move(method), std::move(path),
        AuthedHandler([fn = std::move(fn)](Request& req, const Caller& caller) {
          if (!caller.Is(auth::Role::kPlatformAdmin)) {
            return Problem(Error::Forbidden("only a platform administrator may manage accounts, "
                                            "tokens and audit"),
                           req.request_id);
          }
          return fn(req, caller);
        }),
        std::move(doc));
  }
  void Public(std::string method, std::string path, Handler fn, OperationDoc doc) {
    doc.public_route = true;
    router_.Add(std::move(method), std::move(path), std::move(fn), std::move(doc));
  }
  Router& router() { return router_; }
  const std::shared_ptr<auth::AccountService>& accounts() const { return accounts_; }

 private:
  Router& router_;
  std::shared_ptr<auth::AccountService> accounts_;
};

template <class T>
Response FromResult(const Result<T>& r, const Request& req, int status = 200) {
  if (!r.ok()) return Problem(r.error(), req.request_id);
  return JsonResponse(status, ToJson(*r));
}

// Parses the body as JSON; malformed JSON is a 400 saying where.
inline Result<json> ParseBody(const Request& req) {
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

inline std::vector<ParamDoc> PageParams() {
  return {{"limit", "integer", "Page size, 1-200 (default 50)"},
          {"cursor", "string", "Opaque cursor: next_cursor of the previous page"}};
}

inline std::vector<ParamDoc> With(std::vector<ParamDoc> a) {
  auto p = PageParams();
  a.insert(a.end(), p.begin(), p.end());
  return a;
}

// A create route that takes more than the entity itself (a visit with its outcome lines).
struct CreateRoute {
  AuthedHandler handler;
  std::string summary;
  std::string input_schema;
  std::string output_schema;
};

// list / get / create / update (merge patch) / delete for one entity.
template <class T, class ParseFilter>
void AddCrud(Api& r, const service::EntityService<T>& svc, const std::string& tag,
             ParseFilter parse_filter, std::vector<ParamDoc> filter_docs,
             std::optional<CreateRoute> create = std::nullopt) {
  const auto& def = domain::Def<T>();
  std::string collection = std::string(kBase) + "/" + std::string(def.table);
  std::string item = collection + "/{id}";
  std::string schema(def.title);
  std::string singular(def.singular);
  const auto* service = &svc;

  r.Add("GET", collection,
        [service, parse_filter](Request& req, const Caller& caller) {
          // A role that may not list this collection hears so before any parameter check.
          if (auto allowed = service->CheckList(caller); !allowed.ok()) {
            return Problem(allowed.error(), req.request_id);
          }
          QueryReader q(req);
          auto filter = parse_filter(q);
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = service->List(caller, filter, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"List " + std::string(def.table), tag, With(std::move(filter_docs)), "", schema, true});

  if (create) {
    r.Add("POST", collection, create->handler,
          {create->summary,
           tag,
           {},
           create->input_schema,
           create->output_schema,
           false,
           201,
           {409, 413, 422}});
  } else {
    r.Add("POST", collection,
          [service](Request& req, const Caller& caller) {
            auto body = ParseBody(req);
            if (!body.ok()) return Problem(body.error(), req.request_id);
            T value{};
            if (auto st = ApplyJson(*body, value, true); !st.ok()) {
              return Problem(st.error(), req.request_id);
            }
            return FromResult(service->Create(caller, std::move(value), core::NowUtc()), req, 201);
          },
          {"Create a " + singular, tag, {}, schema + "Input", schema, false, 201, {409, 413, 422}});
  }

  r.Add("GET", item,
        [service](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          return FromResult(service->Get(caller, *id), req);
        },
        {"Get a " + singular, tag, {}, "", schema, false, 200, {404}});

  r.Add("PATCH", item,
        [service](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          auto result = service->Modify(
              caller, *id, [&](T& value) { return ApplyJson(*body, value, false); },
              core::NowUtc());
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
        [service](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto st = service->Delete(caller, *id, core::NowUtc());
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Delete a " + singular, tag, {}, "", "", false, 204, {404, 409}});
}

inline std::vector<std::string> Values(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}
template <class T>
std::vector<std::string> EnumOf(const char* field) {
  return Values(domain::Def<T>().Find(field)->spec.enum_values);
}

}  // namespace tb::http::api
