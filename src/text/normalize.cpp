#include "text/normalize.hpp"

#include "text/tokenize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

namespace tb::text {

std::string NormalizeForMatch(std::string_view utf8) {
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(FoldCase(utf8));
  icu::UnicodeString kept;
  for (std::int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || u_ispunct(c)) continue;
    kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::string NormalizeOrganizationName(std::string_view utf8) {
  std::string s = NormalizeForMatch(utf8);
  // Longest first: after normalization "Co., Ltd" is "coltd".
  static const std::array<std::string_view, 9> kSuffixes = {
      "股份有限公司", "有限责任公司", "有限公司", "集团公司", "companylimited",
      "colimited",    "coltd",        "ltd",      "inc"};
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (auto suffix : kSuffixes) {
      if (s.size() > suffix.size() && s.ends_with(suffix)) {
        s.resize(s.size() - suffix.size());
        stripped = true;
        break;
      }
    }
  }
  return s;
}

}  // namespace tb::text
