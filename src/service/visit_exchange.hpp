#pragma once
// Data-standard exchange of a campaign's visits (issue #4): the provincial "visit enterprises,
// expand posts" (访企拓岗) layout, one row per visit × outcome line (a visit without lines is
// one row with empty line columns), as CSV or XLSX (report/spreadsheet.hpp); and the matching
// import into a campaign with a per-row report: a dry run checks every row and writes nothing;
// a real import writes every visit and line in one transaction, or nothing when any row is bad.
// Errors name the row (as the user sees it: the CSV line or the sheet row) and the column
// header. Thread-safe (stateless apart from the shared Database).
//
// Columns: the 26 of the standard (学校代码 … 采集时间), then our own, optional on import:
// 记录编号 (rows of one visit share it), 走访对象名称 / 走访对象信用代码 (the visited
// counterpart, when it is not the row's enterprise), 学院, 走访类型 (走访企业 | 企业来访),
// 走访地点.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "report/spreadsheet.hpp"
#include "service/entity_service.hpp"

namespace tb::service {

const std::vector<std::string>& VisitColumns();  // all, in export order
inline constexpr std::size_t kStandardVisitColumns = 26;

struct VisitExport {
  std::string bytes;
  std::string filename;
  std::string content_type;
};

struct ImportError {
  std::size_t row = 0;  // 1 = the header row
  std::string column;   // the column header, or "" for the whole row
  std::string message;
};

struct VisitImportReport {
  bool dry_run = true;
  bool imported = false;
  std::size_t rows = 0;
  std::size_t visits = 0;
  std::size_t lines = 0;
  std::vector<ImportError> errors;
  std::vector<domain::Id> activity_ids;  // created (real import only)
};

class VisitExchange {
 public:
  explicit VisitExchange(std::shared_ptr<store::Database> db) : db_(std::move(db)) {}

  // kNotFound when the campaign is not visible; kForbidden when the caller may not read
  // activities (observers see aggregates only).
  Result<VisitExport> Export(const Caller& caller, domain::Id campaign_id,
                             report::SheetFormat format) const;

  // kNotFound / kForbidden as Export (and kForbidden when a visit is not the caller's to
  // record); kInvalid when the file cannot be read at all. Bad rows are reported in the
  // result (nothing written), not as an error.
  Result<VisitImportReport> Import(const Caller& caller, domain::Id campaign_id,
                                   std::string_view bytes, report::SheetFormat format, bool dry_run,
                                   const std::string& now) const;

 private:
  std::shared_ptr<store::Database> db_;
};

}  // namespace tb::service
