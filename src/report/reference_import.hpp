#pragma once
// Import of the official reference lists (DESIGN §3): GB/T 2260 regions, the major catalog and
// GB/T 4754-2017 industries, in the formats of ../shared/data:
//   regions     CSV; the header says which list it is: code,name (provinces, 2-digit codes),
//               code,name,provinceCode (cities, 4-digit) or code,name,cityCode,provinceCode
//               (counties, 6-digit). Stored as six-digit codes (21 -> 210000 level 1 parent "",
//               2113 -> 211300 level 2 parent 210000, 211302 level 3 parent 211300). Six-digit
//               codes are accepted in every column too. A county row whose code is its city's
//               code (441900 东莞市, a prefecture-level city without counties) is stored as that
//               city (level 2), as core::RegionLevelOf says.
//   majors      JSON array of {"code","name","className","categoryName"}; class = first 4
//               digits, category = first 2; level "vocational" for categories 41-59, otherwise
//               "bachelor"; the edition is given by the caller (from a file: EditionFromPath).
//   industries  CSV with header code,level,section,name,description (description optional);
//               parent per core::IndustryParent ("0111" -> "011" -> "01" -> "A" -> "").
// CSV is RFC 4180 (report/csv.hpp): UTF-8, optional BOM, CRLF or LF, quoted fields.
// Parsing is all-or-nothing: every row is checked (code format, level, consistent prefixes and
// parents, non-empty name, duplicates); a file with any bad row is refused whole with a report
// of every bad row; otherwise all rows are upserted in one transaction. Parents need not exist
// in the database (provinces, cities and counties come in separate files).
// Thread-safe: no shared state; the database serialises the writes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"
#include "store/database.hpp"

namespace tb::report {

enum class ReferenceKind { kRegions, kMajors, kIndustries };

// "regions" | "majors" | "industries"
Result<ReferenceKind> ParseReferenceKind(std::string_view name);

struct RowError {
  std::size_t line = 0;  // 1-based line in the file (for JSON: 1-based item index)
  std::string field;
  std::string message;
};

struct ImportReport {
  ReferenceKind kind = ReferenceKind::kRegions;
  std::string format;            // "provinces" | "cities" | "counties" | "majors" | "industries"
  std::int64_t rows = 0;         // data rows read (header excluded)
  std::int64_t written = 0;      // rows inserted or updated; 0 when refused or dry run
  std::vector<RowError> errors;  // empty when the file was accepted
  bool dry_run = false;
  bool refused() const { return !errors.empty(); }
};

// For a person: "imported 342 cities (342 rows written)", or "refused the cities file: 2 of
// 342 rows have errors; nothing was written" followed by up to `max_errors` lines
// "  line 7, code: must be four digits ..." (for JSON "item 7").
std::string DescribeReport(const ImportReport& report, std::size_t max_errors = 20);

// Parsers: pure functions over file contents (UTF-8, optional BOM, CRLF or LF). They return
// the good rows and append one RowError per bad row to *errors (which may then be non-empty
// while the Result holds a value; callers must check it). With errors == nullptr any bad row
// makes the Result an Error of kind kUnprocessable. An Error of kind kInvalid means the file as
// a whole cannot be read as that format (unknown header, not JSON, not an array).
Result<std::vector<domain::Region>> ParseRegionsCsv(std::string_view content,
                                                    std::vector<RowError>* errors);
Result<std::vector<domain::Major>> ParseMajorsJson(std::string_view content,
                                                   std::string_view edition,
                                                   std::vector<RowError>* errors);
Result<std::vector<domain::Industry>> ParseIndustriesCsv(std::string_view content,
                                                         std::vector<RowError>* errors);

// "undergraduate-2026.json" -> "2026": the last four-digit year (1900-2199) in the file name's
// stem; without one the whole stem ("catalog.json" -> "catalog").
std::string EditionFromPath(std::string_view path);

// Reads `path`, parses it as `kind` and upserts all rows in one transaction (majors get the
// edition EditionFromPath(path)). With dry_run everything is checked but the database is not
// touched. A refused file is a value, not an Error: the report's errors list every bad row and
// written is 0. Errors: kNotFound when `path` does not exist, kInvalid when it cannot be read or
// is not the format of `kind` (the message lists the accepted headers), and whatever the
// database returns when the write fails (then nothing was written either).
Result<ImportReport> ImportReferenceFile(store::Database& db, ReferenceKind kind,
                                         const std::string& path, bool dry_run = false);

// Loads the small built-in subset compiled into the binary (enough for the demo: the regions,
// majors and industries its organizations, students and posts use), parsed by the parsers
// above. Only codes missing from the database are inserted, so rows of a full import (which
// carry industry descriptions the subset drops) are never overwritten. Idempotent.
Status LoadBuiltinReferenceData(store::Database& db);

}  // namespace tb::report
