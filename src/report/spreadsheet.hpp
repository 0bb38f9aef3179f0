#pragma once
// Tables in and out of the two exchange formats of the imports and exports:
//   CSV   UTF-8 with a byte-order mark and CRLF line ends (Excel opens it as UTF-8); fields quoted
//         when needed; a text field starting with = + - @ (or a tab or CR) gets a leading
//         apostrophe so that Excel shows it as text instead of evaluating it, and the apostrophe
//         is removed again on reading (round trip).
//   XLSX  one worksheet, header row bold and frozen, written with libxlsxwriter; read back with
//         libzip + pugixml (shared strings, inline strings and numbers; the first worksheet).
// Pure functions over in-memory bytes (the XLSX writer goes through a temporary file, as
// libxlsxwriter 1.1 writes only to files); thread-safe; library errors become Result errors.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tb::report {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> row_numbers;  // as the user sees them (CSV line, sheet row), per row
  std::vector<bool> numeric;             // per column: written as numbers in XLSX (when set)
};

enum class SheetFormat { kCsv, kXlsx };
// "csv" | "xlsx"; kInvalid naming `field` otherwise.
Result<SheetFormat> ParseSheetFormat(std::string_view name, const std::string& field);
const char* ContentTypeOf(SheetFormat format);

std::string WriteCsvTable(const Table& table);
Result<std::string> WriteXlsxTable(const Table& table, const std::string& sheet_name);

// The first row is the header; empty rows are skipped; cell values are returned as text (numbers
// as written, without a trailing ".0"). kInvalid with the line for malformed input.
Result<Table> ReadTable(std::string_view bytes, SheetFormat format);

}  // namespace tb::report
