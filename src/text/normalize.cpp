#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

namespace tb::text {

std::string NormalizeForMatch(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc->normalize(in, status) : in;
  if (U_FAILURE(status)) folded = in;
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
