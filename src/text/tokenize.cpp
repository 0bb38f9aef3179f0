#include "text/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace tb::text {

namespace {

bool IsTechChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#' || c == '.' ||
         (c >= 'A' && c <= 'Z');
}

// The shared prototype; clone() per call is cheap and thread-safe.
const icu::BreakIterator* Prototype() {
  static std::unique_ptr<icu::BreakIterator> proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return proto.get();
}

// ICU word break over a non-ASCII run; keeps words that contain a letter or digit.
void BreakRun(const std::string& run, std::vector<std::string>& out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(run);
  const icu::BreakIterator* proto = Prototype();
  if (proto == nullptr) {
    out.push_back(run);
    return;
  }
  std::unique_ptr<icu::BreakIterator> it(proto->clone());
  it->setText(u);
  std::int32_t start = it->first();
  for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE;
       start = end, end = it->next()) {
    icu::UnicodeString word = u.tempSubStringBetween(start, end);
    bool keep = false;
    for (std::int32_t i = 0; i < word.length();) {
      UChar32 c = word.char32At(i);
      i += U16_LENGTH(c);
      if (u_isalnum(c)) {
        keep = true;
        break;
      }
    }
    if (!keep) continue;
    std::string s;
    word.toUTF8String(s);
    out.push_back(std::move(s));
  }
}

}  // namespace

std::string FoldCase(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc->normalize(in, status) : in;
  if (U_FAILURE(status)) folded = in;
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<std::string> SplitWords(std::string_view utf8) {
  std::string s = FoldCase(utf8);
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (IsTechChar(static_cast<char>(c)) && c != '.') {
        std::size_t j = i;
        while (j < s.size() && IsTechChar(s[j])) ++j;
        std::size_t end = j;
        while (end > i && s[end - 1] == '.') --end;  // "Java." ends a sentence
        // A list number glued to the word: "2.C/C++" is "2" then "c".
        std::size_t digits = i;
        while (digits < end && s[digits] >= '0' && s[digits] <= '9') ++digits;
        if (digits > i && digits + 1 < end && s[digits] == '.') {
          out.emplace_back(s.substr(i, digits - i));
          i = digits + 1;
        }
        out.emplace_back(s.substr(i, end - i));
        i = j;
      } else if (c == '.' && i + 1 < s.size() && IsTechChar(s[i + 1]) && s[i + 1] != '.') {
        std::size_t j = i + 1;  // ".net"
        while (j < s.size() && IsTechChar(s[j])) ++j;
        std::size_t end = j;
        while (end > i + 1 && s[end - 1] == '.') --end;
        out.emplace_back(s.substr(i, end - i));
        i = j;
      } else {
        ++i;
      }
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
    BreakRun(s.substr(i, j - i), out);
    i = j;
  }
  return out;
}

}  // namespace tb::text
