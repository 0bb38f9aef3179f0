#include "report/spreadsheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>

#include "report/csv.hpp"

namespace tb::report {

namespace {

bool NeedsApostrophe(std::string_view v) {
  return !v.empty() &&
         (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r');
}

std::string Unprotect(std::string v) {
  if (v.size() >= 2 && v[0] == '\'' && NeedsApostrophe(std::string_view(v).substr(1))) {
    v.erase(0, 1);
  }
  return v;
}

bool IsInteger(std::string_view v) {
  if (v.empty() || v.size() > 15) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  return v.size() == 1 || v[0] != '0';
}

// Column index (0-based) of a cell reference like "AB12".
std::size_t ColumnOf(std::string_view ref) {
  std::size_t col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  return col == 0 ? 0 : col - 1;
}

Result<std::string> ZipEntry(zip_t* archive, const char* name, bool required) {
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) != 0) {
    if (!required) return std::string();
    return Error::Invalid(std::string("not an XLSX workbook: it has no ") + name);
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(archive, name, 0), zip_fclose);
  if (!file) return Error::Invalid(std::string("cannot read ") + name + " of the workbook");
  if (st.size > (256u << 20)) return Error::Invalid("the workbook is too large");
  std::string out(st.size, '\0');
  if (zip_fread(file.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
    return Error::Invalid(std::string("cannot read ") + name + " of the workbook");
  }
  return out;
}

std::string InlineText(const pugi::xml_node& node) {
  // <is><t>..</t></is> or rich text <is><r><t>..</t></r>...</is>; same for shared strings.
  std::string out;
  if (auto t = node.child("t")) return t.text().get();
  for (auto r : node.children("r")) out += r.child("t").text().get();
  return out;
}

std::string NumberText(const std::string& v) {
  // "12" stays; "12.0" / "1.2E1" become "12" when integral.
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end && *end == '\0' && std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<long long>(d));
  }
  return v;
}

Result<Table> ReadXlsx(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return Error::Invalid("not an XLSX workbook");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    zip_error_fini(&error);
    return Error::Invalid("not an XLSX workbook (not a ZIP archive)");
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> hold(archive, zip_discard);
  TB_TRY(std::string shared_xml, ZipEntry(archive, "xl/sharedStrings.xml", false));
  TB_TRY(std::string sheet_xml, ZipEntry(archive, "xl/worksheets/sheet1.xml", true));
  std::vector<std::string> shared;
  if (!shared_xml.empty()) {
    pugi::xml_document doc;
    if (!doc.load_buffer(shared_xml.data(), shared_xml.size())) {
      return Error::Invalid("the workbook's shared strings are not well-formed XML");
    }
    for (auto si : doc.child("sst").children("si")) shared.push_back(InlineText(si));
  }
  pugi::xml_document sheet;
  if (!sheet.load_buffer(sheet_xml.data(), sheet_xml.size())) {
    return Error::Invalid("the first worksheet is not well-formed XML");
  }
  Table table;
  bool first = true;
  for (auto row : sheet.child("worksheet").child("sheetData").children("row")) {
    std::vector<std::string> cells;
    for (auto c : row.children("c")) {
      std::size_t col = ColumnOf(c.attribute("r").value());
      if (col > 1000) return Error::Invalid("a row has more than 1000 columns");
      std::string type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        std::size_t i = c.child("v").text().as_ullong(~0ull);
        if (i >= shared.size()) return Error::Invalid("a cell refers to a missing shared string");
        value = shared[i];
      } else if (type == "inlineStr") {
        value = InlineText(c.child("is"));
      } else if (type == "str" || type == "b" || type == "e") {
        value = c.child("v").text().get();
      } else {
        value = NumberText(c.child("v").text().get());
      }
      if (cells.size() <= col) cells.resize(col + 1);
      cells[col] = Unprotect(std::move(value));
    }
    bool empty = true;
    for (const auto& v : cells) empty = empty && v.empty();
    if (empty) continue;
    if (first) {
      table.header = std::move(cells);
      first = false;
    } else {
      table.rows.push_back(std::move(cells));
      table.row_numbers.push_back(row.attribute("r").as_ullong(table.rows.size() + 1));
    }
  }
  if (first) return Error::Invalid("the workbook's first worksheet is empty (no header row)");
  return table;
}

}  // namespace

Result<SheetFormat> ParseSheetFormat(std::string_view name, const std::string& field) {
  if (name == "csv") return SheetFormat::kCsv;
  if (name == "xlsx") return SheetFormat::kXlsx;
  return Error::Invalid("invalid format",
                        {{field, "must be csv or xlsx; got '" + std::string(name) + "'"}});
}

const char* ContentTypeOf(SheetFormat format) {
  return format == SheetFormat::kCsv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

std::string WriteCsvTable(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      out += CsvField(NeedsApostrophe(cells[i]) ? "'" + cells[i] : cells[i]);
    }
    out += "\r\n";
  };
  line(table.header);
  for (const auto& row : table.rows) line(row);
  return out;
}

Result<std::string> WriteXlsxTable(const Table& table, const std::string& sheet_name) {
  namespace fs = std::filesystem;
  char pattern[] = "/tmp/tb-export-XXXXXX";
  int fd = ::mkstemp(pattern);
  if (fd < 0) return Error::Unavailable("cannot create a temporary file for the workbook");
  ::close(fd);
  std::string path = std::string(pattern) + ".xlsx";
  fs::rename(pattern, path);
  struct Remove {
    std::string p;
    ~Remove() {
      std::error_code ec;
      fs::remove(p, ec);
    }
  } remove{path};

  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error::Internal("libxlsxwriter could not start a workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 16, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].empty()) continue;
      auto rr = static_cast<lxw_row_t>(r + 1);
      auto cc = static_cast<lxw_col_t>(c);
      bool number = c < table.numeric.size() && table.numeric[c] && IsInteger(row[c]);
      if (number) {
        worksheet_write_number(ws, rr, cc, std::stod(row[c]), nullptr);
      } else {
        // Text stays text (codes keep their leading zeros); formula-like text is protected.
        std::string v = NeedsApostrophe(row[c]) ? "'" + row[c] : row[c];
        worksheet_write_string(ws, rr, cc, v.c_str(), text);
      }
    }
  }
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) {
    return Error::Internal(std::string("libxlsxwriter: ") + lxw_strerror(e));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<Table> ReadTable(std::string_view bytes, SheetFormat format) {
  if (format == SheetFormat::kXlsx) return ReadXlsx(bytes);
  if (!IsValidUtf8(StripBom(bytes))) return Error::Invalid("the CSV file is not UTF-8");
  CsvDocument doc = ParseCsv(bytes);
  if (!doc.errors.empty()) {
    return Error::Invalid("line " + std::to_string(doc.errors[0].line) + ": " +
                          doc.errors[0].message);
  }
  if (doc.rows.empty()) return Error::Invalid("the CSV file is empty (no header row)");
  Table table;
  for (std::size_t i = 0; i < doc.rows.size(); ++i) {
    std::vector<std::string> cells;
    for (auto& f : doc.rows[i].fields) cells.push_back(Unprotect(std::move(f)));
    if (i == 0) {
      table.header = std::move(cells);
    } else {
      table.rows.push_back(std::move(cells));
      table.row_numbers.push_back(doc.rows[i].line);
    }
  }
  return table;
}

}  // namespace tb::report
