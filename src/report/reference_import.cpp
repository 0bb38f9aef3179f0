#include "report/reference_import.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/validate.hpp"
#include "report/csv.hpp"
#include "store/queries.hpp"

namespace tb::report {

namespace {

using domain::Industry;
using domain::Major;
using domain::Region;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// Collects row errors into a sink and counts them, so a check can tell whether it added any.
class Problems {
 public:
  explicit Problems(std::vector<RowError>* sink) : sink_(sink) {}
  void Add(std::size_t line, std::string field, std::string message) {
    sink_->push_back({line, std::move(field), std::move(message)});
    ++added_;
  }
  std::size_t added() const { return added_; }

 private:
  std::vector<RowError>* sink_;
  std::size_t added_ = 0;
};

// Remembers the first line of each code to report duplicates.
class Seen {
 public:
  // Returns the line of the earlier occurrence, if any.
  std::optional<std::size_t> Insert(const std::string& code, std::size_t line) {
    auto [it, inserted] = lines_.emplace(code, line);
    if (inserted) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::size_t> lines_;
};

std::string DuplicateMessage(std::string_view code, std::size_t first_line, const char* unit) {
  return "duplicate code " + Quote(code) + " (first on " + unit + " " + std::to_string(first_line) +
         ")";
}

// The rows of a CSV file after its header, with the syntax errors turned into row errors.
struct CsvTable {
  std::vector<std::string> header;  // trimmed, lower case
  std::vector<CsvRow> rows;         // data rows
  std::int64_t row_count = 0;       // data records, well-formed or not
};

Result<CsvTable> ReadCsvTable(std::string_view content, Problems& problems,
                              std::string_view expected) {
  CsvDocument doc = ParseCsv(content);
  if (doc.rows.empty() && doc.errors.empty()) {
    return Error::Invalid("the file is empty; expected a header line " + std::string(expected));
  }
  std::size_t header_line = doc.rows.empty() ? SIZE_MAX : doc.rows.front().line;
  if (!doc.errors.empty() && doc.errors.front().line < header_line) {
    return Error::Invalid("line " + std::to_string(doc.errors.front().line) +
                          " (the header): " + doc.errors.front().message);
  }
  CsvTable table;
  for (const std::string& f : doc.rows.front().fields) table.header.push_back(Lower(Trim(f)));
  table.rows.assign(std::make_move_iterator(doc.rows.begin() + 1),
                    std::make_move_iterator(doc.rows.end()));
  for (const CsvError& e : doc.errors) problems.Add(e.line, "", e.message);
  table.row_count = static_cast<std::int64_t>(table.rows.size() + doc.errors.size());
  return table;
}

std::string HeaderText(const std::vector<std::string>& header) {
  std::string out;
  for (const std::string& h : header) out += (out.empty() ? "" : ",") + h;
  return out;
}

bool CheckFieldCount(const CsvRow& row, std::size_t min, std::size_t max, Problems& problems) {
  std::size_t n = row.fields.size();
  if (n >= min && n <= max) return true;
  std::string expected = std::to_string(min) + (min == max ? "" : " or " + std::to_string(max));
  problems.Add(row.line, "",
               "expected " + expected + " fields as in the header, got " + std::to_string(n));
  return false;
}

// ---- Regions ----------------------------------------------------------------------------

enum class RegionFormat { kProvinces, kCities, kCounties };

const char* RegionFormatName(RegionFormat f) {
  switch (f) {
    case RegionFormat::kProvinces:
      return "provinces";
    case RegionFormat::kCities:
      return "cities";
    case RegionFormat::kCounties:
      break;
  }
  return "counties";
}

constexpr std::string_view kRegionHeaders =
    "code,name (provinces), code,name,provinceCode (cities) or "
    "code,name,cityCode,provinceCode (counties)";

// A code of a column that holds `short_len` digits ("21", "2113") in six-digit form; the
// six-digit form itself is accepted too. nullopt when it is neither.
std::optional<std::string> SixDigits(std::string_view code, std::size_t short_len) {
  if (!AllDigits(code)) return std::nullopt;
  if (code.size() == 6) return std::string(code);
  if (code.size() != short_len) return std::nullopt;
  return std::string(code) + std::string(6 - short_len, '0');
}

std::string DigitsMessage(std::string_view code, std::size_t short_len) {
  return "must be " + std::to_string(short_len) + " digits (or the six-digit form), got " +
         Quote(code);
}

struct ParsedRegions {
  RegionFormat format = RegionFormat::kProvinces;
  std::int64_t rows = 0;
  std::vector<Region> items;
};

// A column holding a province (2 digits) or city (4 digits) code of the row, checked and in
// six-digit form; nullopt (with a problem added) when it is bad.
std::optional<std::string> ParentColumn(const CsvRow& row, std::size_t index, const char* field,
                                        core::RegionLevel level, Problems& problems) {
  std::string_view raw = Trim(row.fields[index]);
  std::size_t short_len = level == core::RegionLevel::kProvince ? 2 : 4;
  auto six = SixDigits(raw, short_len);
  if (!six) {
    problems.Add(row.line, field, DigitsMessage(raw, short_len));
    return std::nullopt;
  }
  if (auto problem = core::CheckRegionCode(*six)) {
    problems.Add(row.line, field, *problem);
    return std::nullopt;
  }
  if (core::RegionLevelOf(*six) != level) {
    problems.Add(row.line, field,
                 Quote(raw) + (level == core::RegionLevel::kProvince ? " is not a province code"
                                                                     : " is not a city code"));
    return std::nullopt;
  }
  return six;
}

// Checks one data row; returns the region or nullopt (with problems added).
std::optional<Region> RegionRow(RegionFormat format, const CsvRow& row, Problems& problems) {
  const std::size_t before = problems.added();
  std::string_view raw_code = Trim(row.fields[0]);
  std::string name(Trim(row.fields[1]));
  if (name.empty()) problems.Add(row.line, "name", "must not be empty");

  std::size_t short_len =
      format == RegionFormat::kProvinces ? 2 : (format == RegionFormat::kCities ? 4 : 6);
  std::optional<std::string> code = SixDigits(raw_code, short_len);
  if (!code) {
    problems.Add(row.line, "code",
                 short_len == 6 ? "must be six digits, got " + Quote(raw_code)
                                : DigitsMessage(raw_code, short_len));
  } else if (auto problem = core::CheckRegionCode(*code)) {
    problems.Add(row.line, "code", *problem);
    code.reset();
  }

  std::optional<std::string> province;
  std::optional<std::string> city;
  if (format != RegionFormat::kProvinces) {
    std::size_t province_index = format == RegionFormat::kCities ? 2 : 3;
    province =
        ParentColumn(row, province_index, "provinceCode", core::RegionLevel::kProvince, problems);
  }
  if (format == RegionFormat::kCounties) {
    city = ParentColumn(row, 2, "cityCode", core::RegionLevel::kCity, problems);
    if (city && province && core::RegionProvince(*city) != *province) {
      problems.Add(row.line, "cityCode",
                   "city " + Quote(Trim(row.fields[2])) + " is not in province " +
                       Quote(Trim(row.fields[3])));
      city.reset();
    }
  }
  if (!code) return std::nullopt;

  Region region;
  region.code = *code;
  region.name = std::move(name);
  core::RegionLevel level = core::RegionLevelOf(*code);
  switch (format) {
    case RegionFormat::kProvinces:
      if (level != core::RegionLevel::kProvince) {
        problems.Add(row.line, "code", Quote(raw_code) + " is not a province code");
      }
      break;
    case RegionFormat::kCities:
      if (level != core::RegionLevel::kCity) {
        problems.Add(row.line, "code", Quote(raw_code) + " is not a city code");
      } else if (province && core::RegionProvince(*code) != *province) {
        problems.Add(row.line, "provinceCode",
                     "does not match code " + Quote(raw_code) + " (its province is " +
                         Quote(code->substr(0, 2)) + ")");
      }
      break;
    case RegionFormat::kCounties:
      if (level == core::RegionLevel::kProvince) {
        problems.Add(row.line, "code", Quote(raw_code) + " is a province code, not a county");
      } else if (city && core::RegionCity(*code) != *city) {
        problems.Add(row.line, "cityCode",
                     "does not match code " + Quote(raw_code) + " (its city is " +
                         Quote(code->substr(0, 4)) + ")");
      }
      break;
  }
  if (problems.added() != before) return std::nullopt;
  // The level follows from the code: a "county" row 441900 is the city itself.
  region.level = static_cast<int>(level);
  switch (level) {
    case core::RegionLevel::kProvince:
      region.parent_code = "";
      break;
    case core::RegionLevel::kCity:
      region.parent_code = core::RegionProvince(*code);
      break;
    case core::RegionLevel::kCounty:
      region.parent_code = core::RegionCity(*code);
      break;
  }
  return region;
}

Result<ParsedRegions> ParseRegions(std::string_view content, Problems& problems) {
  TB_TRY(CsvTable table, ReadCsvTable(content, problems, kRegionHeaders));
  ParsedRegions out;
  const auto& h = table.header;
  if (h == std::vector<std::string>{"code", "name"}) {
    out.format = RegionFormat::kProvinces;
  } else if (h == std::vector<std::string>{"code", "name", "provincecode"}) {
    out.format = RegionFormat::kCities;
  } else if (h == std::vector<std::string>{"code", "name", "citycode", "provincecode"}) {
    out.format = RegionFormat::kCounties;
  } else {
    return Error::Invalid("unknown regions header '" + HeaderText(h) + "'; accepted headers are " +
                          std::string(kRegionHeaders));
  }
  out.rows = table.row_count;
  Seen seen;
  for (const CsvRow& row : table.rows) {
    if (!CheckFieldCount(row, h.size(), h.size(), problems)) continue;
    auto region = RegionRow(out.format, row, problems);
    if (!region) continue;
    if (auto first = seen.Insert(region->code, row.line)) {
      problems.Add(row.line, "code", DuplicateMessage(region->code, *first, "line"));
      continue;
    }
    out.items.push_back(std::move(*region));
  }
  return out;
}

// ---- Majors -----------------------------------------------------------------------------

struct NamedCode {
  std::string name;
  std::size_t item = 0;
};

// The class and category names must agree across the items of one class / category.
void CheckConsistentName(std::map<std::string, NamedCode>& names, const std::string& code,
                         const std::string& name, std::size_t item, const char* field,
                         const char* what, Problems& problems) {
  auto [it, inserted] = names.emplace(code, NamedCode{name, item});
  if (!inserted && it->second.name != name) {
    problems.Add(item, field,
                 std::string(what) + " " + code + " is named " + Quote(it->second.name) +
                     " on item " + std::to_string(it->second.item) + ", here " + Quote(name));
  }
}

Result<std::vector<Major>> ParseMajors(std::string_view content, std::string_view edition,
                                       Problems& problems, std::int64_t* rows) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(StripBom(content));
  } catch (const nlohmann::json::exception& e) {
    return Error::Invalid(std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_array()) {
    return Error::Invalid(
        "expected a JSON array of {\"code\", \"name\", \"className\", \"categoryName\"}");
  }
  if (rows) *rows = static_cast<std::int64_t>(doc.size());
  std::vector<Major> out;
  out.reserve(doc.size());
  Seen seen;
  std::map<std::string, NamedCode> class_names;
  std::map<std::string, NamedCode> category_names;
  std::size_t item = 0;
  for (const nlohmann::json& entry : doc) {
    ++item;
    if (!entry.is_object()) {
      problems.Add(item, "", "must be an object with code, name, className and categoryName");
      continue;
    }
    const std::size_t before = problems.added();
    auto text = [&](const char* key) -> std::string {
      auto it = entry.find(key);
      if (it == entry.end() || it->is_null()) {
        problems.Add(item, key, "is missing");
        return "";
      }
      if (!it->is_string()) {
        problems.Add(item, key, "must be a string");
        return "";
      }
      std::string value(Trim(it->get_ref<const std::string&>()));
      if (value.empty()) problems.Add(item, key, "must not be empty");
      return value;
    };
    Major m;
    m.code = text("code");
    m.name = text("name");
    m.class_name = text("className");
    m.category_name = text("categoryName");
    if (!m.code.empty()) {
      if (auto problem = core::CheckMajorCode(m.code)) {
        problems.Add(item, "code", *problem);
      } else if (auto first = seen.Insert(m.code, item)) {
        problems.Add(item, "code", DuplicateMessage(m.code, *first, "item"));
      }
    }
    if (problems.added() != before) continue;
    m.class_code = core::MajorClass(m.code);
    m.category_code = core::MajorCategory(m.code);
    CheckConsistentName(class_names, m.class_code, m.class_name, item, "className", "class",
                        problems);
    CheckConsistentName(category_names, m.category_code, m.category_name, item, "categoryName",
                        "category", problems);
    if (problems.added() != before) continue;
    m.level = m.category_code >= "41" ? "vocational" : "bachelor";
    m.edition = std::string(edition);
    out.push_back(std::move(m));
  }
  return out;
}

// ---- Industries -------------------------------------------------------------------------

constexpr std::string_view kIndustryHeader = "code,level,section,name,description";

Result<std::vector<Industry>> ParseIndustries(std::string_view content, Problems& problems,
                                              std::int64_t* rows) {
  TB_TRY(CsvTable table, ReadCsvTable(content, problems, kIndustryHeader));
  const auto& h = table.header;
  const std::vector<std::string> full{"code", "level", "section", "name", "description"};
  const std::vector<std::string> short_form(full.begin(), full.end() - 1);
  if (h != full && h != short_form) {
    return Error::Invalid("unknown industries header '" + HeaderText(h) + "'; expected " +
                          std::string(kIndustryHeader) + " (description may be left out)");
  }
  if (rows) *rows = table.row_count;
  std::vector<Industry> out;
  out.reserve(table.rows.size());
  Seen seen;
  for (const CsvRow& row : table.rows) {
    if (!CheckFieldCount(row, h.size(), h.size(), problems)) continue;
    const std::size_t before = problems.added();
    Industry ind;
    ind.code = std::string(Trim(row.fields[0]));
    std::string_view level_text = Trim(row.fields[1]);
    std::string_view section = Trim(row.fields[2]);
    ind.name = std::string(Trim(row.fields[3]));
    if (h.size() == 5) ind.description = std::string(Trim(row.fields[4]));
    if (ind.name.empty()) problems.Add(row.line, "name", "must not be empty");
    if (auto problem = core::CheckIndustryCode(ind.code)) {
      problems.Add(row.line, "code", *problem);
      continue;
    }
    ind.level = core::IndustryLevel(ind.code);
    ind.section = std::string(1, core::IndustrySection(ind.code));
    int level = 0;
    auto [end, ec] =
        std::from_chars(level_text.data(), level_text.data() + level_text.size(), level);
    if (ec != std::errc() || end != level_text.data() + level_text.size()) {
      problems.Add(row.line, "level", "must be 1, 2, 3 or 4, got " + Quote(level_text));
    } else if (level != ind.level) {
      problems.Add(row.line, "level",
                   "is " + std::to_string(level) + " but code " + Quote(ind.code) + " is level " +
                       std::to_string(ind.level));
    }
    if (section != ind.section) {
      problems.Add(row.line, "section",
                   "is " + Quote(section) + " but code " + Quote(ind.code) +
                       " belongs to section " + Quote(ind.section));
    }
    if (problems.added() != before) continue;
    if (auto first = seen.Insert(ind.code, row.line)) {
      problems.Add(row.line, "code", DuplicateMessage(ind.code, *first, "line"));
      continue;
    }
    ind.parent_code = core::IndustryParent(ind.code);
    out.push_back(std::move(ind));
  }
  return out;
}

// ---- Shared -----------------------------------------------------------------------------

std::string Summary(const std::vector<RowError>& errors) {
  std::set<std::size_t> lines;
  for (const RowError& e : errors) lines.insert(e.line);
  std::size_t rows = lines.size();
  return std::to_string(rows) + (rows == 1 ? " row has errors" : " rows have errors");
}

// With a caller's sink, row errors go there; without one they make the result an Error.
template <class T, class ParseFn>
Result<T> WithErrors(std::vector<RowError>* errors, ParseFn parse) {
  std::vector<RowError> local;
  Problems problems(errors ? errors : &local);
  auto result = parse(problems);
  if (!result.ok() || errors || local.empty()) return result;
  std::vector<FieldError> fields;
  for (const RowError& e : local) {
    fields.push_back(
        {"line " + std::to_string(e.line) + (e.field.empty() ? "" : "/" + e.field), e.message});
  }
  return Error::Unprocessable(Summary(local), std::move(fields));
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Error::NotFound("no such file: " + path);
  if (std::filesystem::is_directory(status)) {
    return Error::Invalid("is a directory, not a file: " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Invalid("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error::Invalid("cannot read " + path);
  return std::move(buffer).str();
}

const char* KindName(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kRegions:
      return "regions";
    case ReferenceKind::kMajors:
      return "majors";
    case ReferenceKind::kIndustries:
      break;
  }
  return "industries";
}

bool ByLine(const RowError& a, const RowError& b) { return a.line < b.line; }

}  // namespace

Result<ReferenceKind> ParseReferenceKind(std::string_view name) {
  if (name == "regions") return ReferenceKind::kRegions;
  if (name == "majors") return ReferenceKind::kMajors;
  if (name == "industries") return ReferenceKind::kIndustries;
  return Error::Invalid("unknown reference list '" + std::string(name) +
                        "'; expected regions, majors or industries");
}

Result<std::vector<domain::Region>> ParseRegionsCsv(std::string_view content,
                                                    std::vector<RowError>* errors) {
  return WithErrors<std::vector<Region>>(errors, [&](Problems& p) -> Result<std::vector<Region>> {
    TB_TRY(ParsedRegions parsed, ParseRegions(content, p));
    return std::move(parsed.items);
  });
}

Result<std::vector<domain::Major>> ParseMajorsJson(std::string_view content,
                                                   std::string_view edition,
                                                   std::vector<RowError>* errors) {
  return WithErrors<std::vector<Major>>(
      errors, [&](Problems& p) { return ParseMajors(content, edition, p, nullptr); });
}

Result<std::vector<domain::Industry>> ParseIndustriesCsv(std::string_view content,
                                                         std::vector<RowError>* errors) {
  return WithErrors<std::vector<Industry>>(
      errors, [&](Problems& p) { return ParseIndustries(content, p, nullptr); });
}

std::string EditionFromPath(std::string_view path) {
  std::string stem = std::filesystem::path(std::string(path)).stem().string();
  for (std::size_t end = stem.size(); end >= 4; --end) {
    std::string_view candidate = std::string_view(stem).substr(end - 4, 4);
    bool bounded = (end == stem.size() || !AllDigits(stem.substr(end, 1))) &&
                   (end == 4 || !AllDigits(stem.substr(end - 5, 1)));
    if (bounded && AllDigits(candidate) && candidate >= "1900" && candidate <= "2199") {
      return std::string(candidate);
    }
  }
  return stem;
}

std::string DescribeReport(const ImportReport& report, std::size_t max_errors) {
  std::string what = report.format.empty() ? KindName(report.kind) : report.format;
  std::string out;
  if (report.errors.empty()) {
    if (report.dry_run) {
      return "checked " + std::to_string(report.rows) + " " + what +
             " rows: all valid (dry run, nothing written)";
    }
    return "imported " + std::to_string(report.rows) + " " + what + " (" +
           std::to_string(report.written) + " rows written)";
  }
  out = "refused the " + what + " file: " + Summary(report.errors) + " (of " +
        std::to_string(report.rows) + "); nothing was written";
  const char* unit = report.kind == ReferenceKind::kMajors ? "item" : "line";
  std::size_t shown = 0;
  for (const RowError& e : report.errors) {
    if (shown == max_errors) {
      out += "\n  ... and " + std::to_string(report.errors.size() - shown) + " more";
      break;
    }
    out += "\n  " + std::string(unit) + " " + std::to_string(e.line) +
           (e.field.empty() ? "" : ", " + e.field) + ": " + e.message;
    ++shown;
  }
  return out;
}

Result<ImportReport> ImportReferenceFile(store::Database& db, ReferenceKind kind,
                                         const std::string& path, bool dry_run) {
  TB_TRY(std::string content, ReadFile(path));
  ImportReport report;
  report.kind = kind;
  report.dry_run = dry_run;
  Problems problems(&report.errors);
  std::vector<Region> regions;
  std::vector<Major> majors;
  std::vector<Industry> industries;
  switch (kind) {
    case ReferenceKind::kRegions: {
      TB_TRY(ParsedRegions parsed, ParseRegions(content, problems));
      report.format = RegionFormatName(parsed.format);
      report.rows = parsed.rows;
      regions = std::move(parsed.items);
      break;
    }
    case ReferenceKind::kMajors: {
      report.format = "majors";
      TB_TRY(majors, ParseMajors(content, EditionFromPath(path), problems, &report.rows));
      break;
    }
    case ReferenceKind::kIndustries: {
      report.format = "industries";
      TB_TRY(industries, ParseIndustries(content, problems, &report.rows));
      break;
    }
  }
  // Syntax errors come from the CSV reader first; show them in file order with the rest.
  std::stable_sort(report.errors.begin(), report.errors.end(), ByLine);
  if (!report.errors.empty() || dry_run) return report;
  TB_TRY(report.written, db.Write([&](store::Tx& tx) -> Result<std::int64_t> {
    return store::UpsertRegions(tx, regions) + store::UpsertMajors(tx, majors) +
           store::UpsertIndustries(tx, industries);
  }));
  return report;
}

}  // namespace tb::report
