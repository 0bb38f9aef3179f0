#pragma once
// A small RFC 4180 reader for the imports: UTF-8 text with an optional byte-order mark, records
// ended by CRLF or LF (a lone CR too), fields separated by commas, fields optionally quoted with
// '"' where a quoted field may hold commas, line breaks and doubled quotes ("" -> ").
// Pure functions over an in-memory string; thread-safe; no exceptions.
//
// The reader does not stop at the first bad record: a record with a syntax error (a quote
// inside an unquoted field, text after a closing quote, a quote never closed, bytes that are
// not UTF-8) is reported with its line and left out, and reading goes on with the next
// record, so an import can list every bad row at once.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tb::report {

struct CsvRow {
  std::size_t line = 0;  // 1-based physical line where the record starts (the BOM is not a line)
  std::vector<std::string> fields;
};

struct CsvError {
  std::size_t line = 0;  // 1-based line where the bad record starts
  std::string message;
};

struct CsvDocument {
  std::vector<CsvRow> rows;  // every well-formed record, header included, in file order
  std::vector<CsvError> errors;
};

// Parses `text`. Empty lines (also at the end of the file) are skipped; a line holding only
// spaces is a record of one field. Field values are returned exactly as written (no trimming).
CsvDocument ParseCsv(std::string_view text);

// `text` without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view StripBom(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The field quoted for writing when it holds a comma, quote, CR or LF (or leading/trailing
// spaces), otherwise unchanged; for exports that must read back through ParseCsv.
std::string CsvField(std::string_view value);

}  // namespace tb::report
