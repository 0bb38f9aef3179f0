#include "http/exchange_routes.hpp"

#include <string>

#include "service/visit_exchange.hpp"

namespace tb::http {

using namespace api;  // NOLINT: the registrar's vocabulary

namespace {

json ReportJson(const service::VisitImportReport& r) {
  json errors = json::array();
  for (const auto& e : r.errors) {
    errors.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message}});
  }
  return {{"dry_run", r.dry_run},
          {"imported", r.imported},
          {"rows", r.rows},
          {"visits", r.visits},
          {"lines", r.lines},
          {"errors", errors},
          {"activity_ids", r.activity_ids}};
}

}  // namespace

void AddVisitExchangeRoutes(Api& r, std::shared_ptr<store::Database> db) {
  auto exchange = std::make_shared<service::VisitExchange>(std::move(db));
  std::string base = std::string(kBase) + "/campaigns/{id}/visits";

  OperationDoc export_doc{
      "A campaign's visits in the provincial 访企拓岗 layout (one row per visit × outcome line)",
      "Partnerships",
      {{"format", "string", "csv (UTF-8 with BOM, CRLF) or xlsx; default csv"}},
      "",
      "",
      false,
      200,
      {404}};
  export_doc.content_type = "text/csv";
  r.Add(
      "GET", base + "/export",
      [exchange](Request& req, const Caller& caller) {
        auto id = ParseId(req.path_params["id"]);
        if (!id) return Problem(404, "no such resource", req.request_id);
        auto format = report::ParseSheetFormat(req.Query("format").value_or("csv"), "format");
        if (!format.ok()) return Problem(format.error(), req.request_id);
        auto out = exchange->Export(caller, *id, *format);
        if (!out.ok()) return Problem(out.error(), req.request_id);
        Response resp{200, out->content_type, std::move(out->bytes), {}};
        resp.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + out->filename + "\"");
        return resp;
      },
      std::move(export_doc));

  OperationDoc import_doc{
      "Import visits into a campaign from the 访企拓岗 layout (the file as the raw body): a dry "
      "run reports every bad row by row number and column; a real import writes all rows or "
      "none",
      "Partnerships",
      {{"format", "string", "csv or xlsx; default csv"},
       {"dry_run", "boolean", "Only check and report (default true)"}},
      "",
      "VisitImportReport",
      false,
      200,
      {404, 413, 422}};
  import_doc.max_body_bytes = 16 << 20;
  import_doc.raw_request_type = "application/octet-stream";
  r.Add(
      "POST", base + "/import",
      [exchange](Request& req, const Caller& caller) {
        auto id = ParseId(req.path_params["id"]);
        if (!id) return Problem(404, "no such resource", req.request_id);
        QueryReader q(req);
        bool dry_run = q.Bool("dry_run").value_or(true);
        if (!q.ok()) return Problem(q.error(), req.request_id);
        auto format = report::ParseSheetFormat(req.Query("format").value_or("csv"), "format");
        if (!format.ok()) return Problem(format.error(), req.request_id);
        auto out = exchange->Import(caller, *id, req.body, *format, dry_run, core::NowUtc());
        if (!out.ok()) return Problem(out.error(), req.request_id);
        if (!out->errors.empty()) {
          std::vector<FieldError> fields;
          for (const auto& e : out->errors) {
            fields.push_back({"rows/" + std::to_string(e.row) + "/" + e.column,
                              "row " + std::to_string(e.row) +
                                  (e.column.empty() ? "" : ", column " + e.column) + ": " +
                                  e.message});
          }
          return Problem(422,
                         std::to_string(out->errors.size()) + " bad row(s); nothing was imported",
                         req.request_id, fields);
        }
        return JsonResponse(out->imported ? 201 : 200, ReportJson(*out));
      },
      std::move(import_doc));
}

}  // namespace tb::http
