#include "http/agreement_routes.hpp"

#include <string>

#include "core/validate.hpp"
#include "domain/partnership.hpp"
#include "service/agreement_service.hpp"

namespace tb::http {

namespace {

using namespace api;  // NOLINT: the registrar's vocabulary
using service::AgreementServices;

json FulfilmentJson(const store::Fulfilment& f) {
  return {
      {"interns_received", f.interns_received}, {"hires", f.hires}, {"source", TextJson(f.source)}};
}

json AgreementJson(const AgreementServices& s, const domain::Agreement& a) {
  json j = ToJson(a);
  j["fulfilment"] = FulfilmentJson(s.FulfilmentOf(a));
  j["allowed_transitions"] = json::array();
  for (auto to : domain::AllowedTransitions(a.status)) {
    j["allowed_transitions"].push_back(std::string(to));
  }
  return j;
}

Response AgreementResponse(const AgreementServices& s, const Result<domain::Agreement>& r,
                           const Request& req, int status = 200) {
  if (!r.ok()) return Problem(r.error(), req.request_id);
  return JsonResponse(status, AgreementJson(s, *r));
}

// The agreement id of the path when the caller can see it.
Result<Id> VisibleAgreementId(const AgreementServices& s, Request& req, const Caller& caller) {
  auto id = ParseId(req.path_params["id"]);
  if (!id) return Error::NotFound("no such resource");
  TB_TRY_STATUS(s.agreements.Get(caller, *id));
  return *id;
}

// The further party of the path when it belongs to the agreement of the path and the caller
// can see both.
Result<domain::AgreementParty> VisibleParty(const AgreementServices& s, Request& req,
                                            const Caller& caller) {
  TB_TRY(Id id, VisibleAgreementId(s, req, caller));
  auto party_id = ParseId(req.path_params["party_id"]);
  if (!party_id) return Error::NotFound("no such resource");
  auto party = s.parties.Get(caller, *party_id);
  if (!party.ok() || party->agreement_id != id) {
    return Error::NotFound("agreement party " + std::to_string(*party_id) + " not found");
  }
  return *party;
}

// "attachment; filename=...": ASCII fallback plus the RFC 5987 UTF-8 form.
std::string Disposition(const std::string& filename) {
  std::string ascii, encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// GET <agreement>/<segment>: a page of the agreement's children of one kind.
template <class Child>
void AddChildList(Api& r, std::shared_ptr<AgreementServices> s,
                  const service::EntityService<Child> AgreementServices::*children,
                  const std::string& path, std::string summary) {
  r.Add("GET", path,
        [s, children](Request& req, const Caller& caller) {
          auto id = VisibleAgreementId(*s, req, caller);
          if (!id.ok()) return Problem(id.error(), req.request_id);
          QueryReader q(req);
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          typename service::FilterOf<Child>::type f;
          f.agreement_id = *id;
          auto page = ((*s).*children).List(caller, f, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {std::move(summary),
         "Agreements",
         PageParams(),
         "",
         std::string(domain::Def<Child>().title),
         true,
         200,
         {404}});
}

}  // namespace

void AddAgreementRoutes(Api& r, std::shared_ptr<store::Database> db, const std::string& files_dir) {
  auto s = std::make_shared<AgreementServices>(std::move(db), files_dir);
  std::string tag = "Agreements";
  std::string collection = std::string(kBase) + "/agreements";
  std::string item = collection + "/{id}";

  r.Add("GET", collection,
        [s](Request& req, const Caller& caller) {
          if (auto allowed = s->agreements.CheckList(caller); !allowed.ok()) {
            return Problem(allowed.error(), req.request_id);
          }
          QueryReader q(req);
          store::AgreementFilter f;
          f.institution_id = q.Int("institution_id", 1, INT64_MAX);
          f.unit_id = q.Int("unit_id", 1, INT64_MAX);
          f.organization_id = q.Int("organization_id", 1, INT64_MAX);
          f.kind = q.Enum("kind", EnumOf<domain::Agreement>("kind"));
          f.status = q.Enum("state", EnumOf<domain::Agreement>("status"));
          if (auto status = q.Enum("status", EnumOf<domain::Agreement>("status"))) {
            f.status = status;
          }
          f.signed_activity_id = q.Int("signed_activity_id", 1, INT64_MAX);
          if (auto days = q.Int("expiring_within", 0, 3650)) {
            std::string today = core::NowUtc().substr(0, 10);
            f.ending_from = today;
            f.ending_to = domain::AddDays(today, static_cast<int>(*days));
          }
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = s->agreements.List(caller, f, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          json items = json::array();
          for (const auto& a : page->items) items.push_back(AgreementJson(*s, a));
          return JsonResponse(
              200, {{"items", items},
                    {"next_cursor",
                     page->next_after ? json(EncodeIdCursor(*page->next_after)) : json(nullptr)}});
        },
        {"List agreements", tag,
         With({{"institution_id", "integer", ""},
               {"unit_id", "integer", "Signed by this unit"},
               {"organization_id", "integer",
                "This organization is a party (main counterpart or further party)"},
               {"kind", "string",
                "framework | internship_base | industrial_college | professor_workstation | "
                "order_class | joint_lab | tech_transfer | entrepreneurship"},
               {"state", "string",
                "draft | signed | active | expiring | expired | renewed | terminated (also "
                "accepted as status)"},
               {"status", "string", "Same as state"},
               {"signed_activity_id", "integer", "Signed at this activity"},
               {"expiring_within", "integer",
                "In force (signed, active or expiring) and ending within this many days from "
                "today (0-3650)"}}),
         "", "Agreement", true});

  r.Add("POST", collection,
        [s](Request& req, const Caller& caller) {
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          domain::Agreement value{};
          if (auto st = ApplyJson(*body, value, true); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          return AgreementResponse(*s, s->Create(caller, std::move(value), core::NowUtc()), req,
                                   201);
        },
        {"Create an agreement (as a draft)",
         tag,
         {},
         "AgreementInput",
         "Agreement",
         false,
         201,
         {409, 413, 422}});

  r.Add("GET", item,
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          return AgreementResponse(*s, s->agreements.Get(caller, *id), req);
        },
        {"Get an agreement with its fulfilment", tag, {}, "", "Agreement", false, 200, {404}});

  r.Add("PATCH", item,
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          auto result = s->agreements.Modify(
              caller, *id, [&](domain::Agreement& value) { return ApplyJson(*body, value, false); },
              core::NowUtc());
          return AgreementResponse(*s, result, req);
        },
        {"Update an agreement (JSON merge patch; the state changes only through transitions)",
         tag,
         {},
         "AgreementInput",
         "Agreement",
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("DELETE", item,
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto st = s->Delete(caller, *id, core::NowUtc());
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Delete a draft agreement (others are terminated instead: 409)",
         tag,
         {},
         "",
         "",
         false,
         204,
         {404, 409}});

  // ---- lifecycle ----
  AddChildList(r, s, &AgreementServices::transitions, item + "/transitions",
               "The recorded transitions of an agreement (actor, time, note)");

  r.Add("POST", item + "/transitions",
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          std::vector<FieldError> errors;
          if (!body->is_object()) return Problem(400, "body must be a JSON object", req.request_id);
          for (auto it = body->begin(); it != body->end(); ++it) {
            if (it.key() != "to" && it.key() != "note") {
              errors.push_back({it.key(), "is not a field of a transition (to, note)"});
            }
          }
          std::string to, note;
          if (!body->contains("to") || !(*body)["to"].is_string()) {
            errors.push_back({"to", "is required: the state to move to"});
          } else {
            to = (*body)["to"].get<std::string>();
          }
          if (body->contains("note")) {
            if (!(*body)["note"].is_string()) {
              errors.push_back({"note", "must be a string"});
            } else {
              note = (*body)["note"].get<std::string>();
            }
          }
          if (!errors.empty())
            return Problem(422, "transition is not valid", req.request_id, errors);
          return AgreementResponse(*s, s->Transition(caller, *id, to, note, core::NowUtc()), req);
        },
        {"Move an agreement to another state (409 names the allowed ones)",
         tag,
         {},
         "AgreementTransitionInput",
         "Agreement",
         false,
         200,
         {404, 409, 413, 422}});

  // ---- further parties ----
  AddChildList(r, s, &AgreementServices::parties, item + "/parties",
               "The further parties of an agreement");

  r.Add("POST", item + "/parties",
        [s](Request& req, const Caller& caller) {
          auto id = VisibleAgreementId(*s, req, caller);
          if (!id.ok()) return Problem(id.error(), req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          json b = *body;
          if (b.is_object() && !b.contains("agreement_id")) b["agreement_id"] = *id;
          domain::AgreementParty value{};
          if (auto st = ApplyJson(b, value, true); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          if (value.agreement_id != *id) {
            return Problem(422, "not valid", req.request_id,
                           {{"agreement_id", "must be the one in the path"}});
          }
          return FromResult(s->parties.Create(caller, std::move(value), core::NowUtc()), req, 201);
        },
        {"Add a further party (an organization or a unit) to an agreement",
         tag,
         {},
         "AgreementPartyInput",
         "AgreementParty",
         false,
         201,
         {404, 409, 413, 422}});

  r.Add("PATCH", item + "/parties/{party_id}",
        [s](Request& req, const Caller& caller) {
          auto party = VisibleParty(*s, req, caller);
          if (!party.ok()) return Problem(party.error(), req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          const Id agreement_id = party->agreement_id;
          auto result = s->parties.Modify(
              caller, party->id,
              [&](domain::AgreementParty& value) -> Status {
                TB_TRY_STATUS(ApplyJson(*body, value, false));
                if (value.agreement_id != agreement_id) {
                  return Error::Unprocessable("not valid",
                                              {{"agreement_id", "must be the one in the path"}});
                }
                return {};
              },
              core::NowUtc());
          return FromResult(result, req, 200);
        },
        {"Change a further party (JSON merge patch: its role, or the organization or unit it is)",
         tag,
         {},
         "AgreementPartyInput",
         "AgreementParty",
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("DELETE", item + "/parties/{party_id}",
        [s](Request& req, const Caller& caller) {
          auto party = VisibleParty(*s, req, caller);
          if (!party.ok()) return Problem(party.error(), req.request_id);
          auto st = s->parties.Delete(caller, party->id, core::NowUtc());
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Remove a further party", tag, {}, "", "", false, 204, {404}});

  // ---- documents ----
  AddChildList(r, s, &AgreementServices::documents, item + "/documents",
               "The documents attached to an agreement");

  OperationDoc upload{
      "Attach a document: the raw file as the body, its type in Content-Type (PDF, PNG, JPEG, "
      "WebP, DOCX or XLSX, checked against the bytes) and its name in ?filename=; at most 10 MiB",
      tag,
      {{"filename", "string", "The file's name, e.g. 框架协议.pdf", true}},
      "",
      "AgreementDocument",
      false,
      201,
      {404, 413, 422}};
  upload.max_body_bytes = service::kMaxDocumentBytes;
  upload.raw_request_type = "application/octet-stream";
  r.Add(
      "POST", item + "/documents",
      [s](Request& req, const Caller& caller) {
        auto id = ParseId(req.path_params["id"]);
        if (!id) return Problem(404, "no such resource", req.request_id);
        QueryReader q(req);
        auto filename = q.String("filename", 1000);
        if (!q.ok()) return Problem(q.error(), req.request_id);
        return FromResult(
            s->Upload(caller, *id, filename.value_or(""), req.Header("content-type").value_or(""),
                      req.body, core::NowUtc()),
            req, 201);
      },
      std::move(upload));

  OperationDoc download{
      "Download a document (the bytes, with its content type)", tag, {}, "", "", false, 200, {404}};
  // The document's own type: one of the types an upload accepts.
  std::string types;
  for (const std::string& type : service::AllowedDocumentTypes()) {
    types += (types.empty() ? "" : ", ") + type;
  }
  download.content_type = types;
  r.Add(
      "GET", item + "/documents/{document_id}",
      [s](Request& req, const Caller& caller) {
        auto id = ParseId(req.path_params["id"]);
        auto document_id = ParseId(req.path_params["document_id"]);
        if (!id || !document_id) return Problem(404, "no such resource", req.request_id);
        auto content = s->Download(caller, *id, *document_id);
        if (!content.ok()) return Problem(content.error(), req.request_id);
        Response out{200, content->document.content_type, std::move(content->bytes), {}};
        out.headers.emplace_back("Content-Disposition", Disposition(content->document.filename));
        out.headers.emplace_back("ETag", "\"" + content->document.sha256 + "\"");
        return out;
      },
      std::move(download));

  r.Add("DELETE", item + "/documents/{document_id}",
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          auto document_id = ParseId(req.path_params["document_id"]);
          if (!id || !document_id) return Problem(404, "no such resource", req.request_id);
          auto st = s->DeleteDocument(caller, *id, *document_id, core::NowUtc());
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Remove a document", tag, {}, "", "", false, 204, {404}});
}

void AddAgreementSchemas(json& schemas) {
  json fulfilment = {{"type", "object"},
                     {"properties",
                      {{"interns_received", {{"type", "integer"}}},
                       {"hires", {{"type", "integer"}}},
                       {"source", {{"$ref", "#/components/schemas/Text"}}}}},
                     {"required", json::array({"interns_received", "hires", "source"})}};
  schemas["Agreement"]["properties"]["fulfilment"] = fulfilment;
  schemas["Agreement"]["properties"]["allowed_transitions"] = {{"type", "array"},
                                                               {"items", {{"type", "string"}}}};
  schemas["VisitImportReport"] = {
      {"type", "object"},
      {"properties",
       {{"dry_run", {{"type", "boolean"}}},
        {"imported", {{"type", "boolean"}}},
        {"rows", {{"type", "integer"}}},
        {"visits", {{"type", "integer"}}},
        {"lines", {{"type", "integer"}}},
        {"errors", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"activity_ids", {{"type", "array"}, {"items", {{"type", "integer"}}}}}}},
      {"required", json::array({"dry_run", "imported", "rows", "visits", "lines", "errors"})}};
  schemas["AgreementTransitionInput"] = {
      {"type", "object"},
      {"properties",
       {{"to", {{"type", "string"}, {"description", "The state to move to"}}},
        {"note", {{"type", "string"}, {"description", "Why (recorded with actor and time)"}}}}},
      {"required", json::array({"to"})},
      {"additionalProperties", false}};
}

}  // namespace tb::http
