#include "report/csv.hpp"

#include <cstdint>

namespace tb::report {

namespace {

bool IsLineBreak(char c) { return c == '\r' || c == '\n'; }

// Consumes the line break at text[i] (CRLF counts as one) and returns the index after it.
std::size_t SkipLineBreak(std::string_view text, std::size_t i) {
  if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') return i + 2;
  return i + 1;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  CsvDocument Run() {
    CsvDocument doc;
    while (i_ < text_.size()) {
      if (IsLineBreak(text_[i_])) {  // an empty line
        NextLine();
        continue;
      }
      ReadRecord(doc);
    }
    return doc;
  }

 private:
  void NextLine() {
    i_ = SkipLineBreak(text_, i_);
    ++line_;
  }

  // Reads one record starting at i_ and leaves i_ after its line break.
  void ReadRecord(CsvDocument& doc) {
    const std::size_t start = i_;
    const std::size_t start_line = line_;
    CsvRow row{start_line, {}};
    std::string problem;
    for (;;) {
      std::string field;
      bool quoted = i_ < text_.size() && text_[i_] == '"';
      bool ok =
          quoted ? ReadQuoted(field, row.fields.size() + 1, problem) : ReadUnquoted(field, problem);
      if (!ok) break;
      row.fields.push_back(std::move(field));
      if (i_ < text_.size() && text_[i_] == ',') {
        ++i_;
        continue;
      }
      break;  // at a line break or the end
    }
    if (!problem.empty()) {
      // Resynchronise at the next line break outside quotes we know of.
      while (i_ < text_.size() && !IsLineBreak(text_[i_])) ++i_;
    } else if (!IsValidUtf8(text_.substr(start, i_ - start))) {
      problem = "the line is not valid UTF-8 (save the file as UTF-8, not GBK)";
    }
    if (i_ < text_.size()) NextLine();
    if (problem.empty()) {
      doc.rows.push_back(std::move(row));
    } else {
      doc.errors.push_back({start_line, std::move(problem)});
    }
  }

  // At an opening quote. On success i_ is at the ',' / line break / end after the field.
  bool ReadQuoted(std::string& field, std::size_t number, std::string& problem) {
    const std::size_t open_line = line_;
    ++i_;
    for (;;) {
      if (i_ >= text_.size()) {
        problem = "a quoted field opened on line " + std::to_string(open_line) + " is never closed";
        return false;
      }
      char c = text_[i_];
      if (c == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          field += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        break;
      }
      if (IsLineBreak(c)) {
        std::size_t next = SkipLineBreak(text_, i_);
        field.append(text_.substr(i_, next - i_));
        i_ = next;
        ++line_;
        continue;
      }
      field += c;
      ++i_;
    }
    if (i_ < text_.size() && text_[i_] != ',' && !IsLineBreak(text_[i_])) {
      problem = "unexpected text after the closing quote of field " + std::to_string(number) +
                " (a quote inside a field must be doubled)";
      return false;
    }
    return true;
  }

  bool ReadUnquoted(std::string& field, std::string& problem) {
    std::size_t begin = i_;
    while (i_ < text_.size() && text_[i_] != ',' && !IsLineBreak(text_[i_])) {
      if (text_[i_] == '"') {
        problem = "a quote inside an unquoted field (quote the whole field and double the quote)";
        return false;
      }
      ++i_;
    }
    field.assign(text_.substr(begin, i_ - begin));
    return true;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

std::string_view StripBom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((b & 0xE0) == 0xC0) {
      len = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (i + len > text.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

CsvDocument ParseCsv(std::string_view text) { return Reader(StripBom(text)).Run(); }

std::string CsvField(std::string_view value) {
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace tb::report
