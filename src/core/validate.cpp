#include "core/validate.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace tb::core {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || IsUpper(c) || IsLower(c); }

bool AllDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), IsDigit); }

// The value of a run of ASCII digits (callers check AllDigits first; runs are at most 4 long).
int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The input split into characters (UTF-8 sequences, a stray byte counting as one), so that
// messages count and quote characters the way the user typed them, not bytes.
std::vector<std::string_view> Characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    auto lead = static_cast<unsigned char>(s[i]);
    std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// 'input' for a message, cut after 32 characters so a pasted essay does not become the message.
std::string Quote(std::string_view s) {
  constexpr std::size_t kMax = 32;
  auto chars = Characters(s);
  if (chars.size() <= kMax) return "'" + std::string(s) + "'";
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < kMax; ++i) bytes += chars[i].size();
  return "'" + std::string(s.substr(0, bytes)) + "...'";
}

std::string Position(std::size_t index, std::string_view ch) {
  return "character " + std::to_string(index + 1) + " '" + std::string(ch) + "'";
}

bool HasDateShape(std::string_view s) {
  return s.size() == 10 && AllDigits(s.substr(0, 4)) && s[4] == '-' && AllDigits(s.substr(5, 2)) &&
         s[7] == '-' && AllDigits(s.substr(8, 2));
}

// Year, month and day given as digit strings of 4, 2 and 2 digits.
Problem CheckYearMonthDay(std::string_view y, std::string_view m, std::string_view d) {
  int year = Number(y), month = Number(m), day = Number(d);
  if (year < 1900 || year > 2200) {
    return "year must be between 1900 and 2200, got " + std::string(y);
  }
  if (month < 1 || month > 12) return "month must be 01-12, got " + std::string(m);
  int last = DaysInMonth(year, month);
  if (day < 1 || day > last) {
    return "day must be 01-" + std::to_string(last) + " in " + std::string(y) + "-" +
           std::string(m) + ", got " + std::string(d);
  }
  return std::nullopt;
}

// --- Unified social credit code -------------------------------------------------------------

constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kCreditWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                29, 25, 13, 8,  24, 10, 30, 28};

// --- Region codes ---------------------------------------------------------------------------

// GB/T 2260 province-level prefixes, including Taiwan (71), Hong Kong (81) and Macao (82).
constexpr std::array<std::string_view, 34> kProvinces = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
    "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
    "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"};

// --- Industry codes -------------------------------------------------------------------------

struct Section {
  char letter;
  int first_division;
  int last_division;
};

// GB/T 4754-2017: each section owns one contiguous run of divisions; together they cover 01-97.
constexpr std::array<Section, 20> kSections = {
    {{'A', 1, 5},   {'B', 6, 12},  {'C', 13, 43}, {'D', 44, 46}, {'E', 47, 50},
     {'F', 51, 52}, {'G', 53, 60}, {'H', 61, 62}, {'I', 63, 65}, {'J', 66, 69},
     {'K', 70, 70}, {'L', 71, 72}, {'M', 73, 75}, {'N', 76, 79}, {'O', 80, 82},
     {'P', 83, 83}, {'Q', 84, 85}, {'R', 86, 90}, {'S', 91, 96}, {'T', 97, 97}}};

// The section letter of a division number, or '\0' when no such division exists.
char SectionOfDivision(int division) {
  for (const Section& s : kSections) {
    if (division >= s.first_division && division <= s.last_division) return s.letter;
  }
  return '\0';
}

// --- Mobile numbers -------------------------------------------------------------------------

bool IsSeparator(char c) { return c == ' ' || c == '-'; }

std::string Digits(std::string_view s) {
  std::string digits;
  std::copy_if(s.begin(), s.end(), std::back_inserter(digits), IsDigit);
  return digits;
}

// --- E-mail ---------------------------------------------------------------------------------

// RFC 5322 "atext": the characters an unquoted local part may use besides dots.
bool IsLocalPartChar(char c) {
  return IsAsciiAlnum(c) ||
         std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

Problem CheckDots(std::string_view s, std::string_view what) {
  if (s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) {
    return std::string(what) + " must not start or end with a dot or have two dots in a row";
  }
  return std::nullopt;
}

}  // namespace

Problem CheckCreditCode(std::string_view code) {
  auto chars = Characters(code);
  if (chars.size() != 18) {
    return "must be 18 characters, got " + std::to_string(chars.size());
  }
  for (std::size_t i = 0; i < chars.size(); ++i) {
    std::string_view ch = chars[i];
    if (ch.size() == 1 && kCreditAlphabet.find(ch[0]) != std::string_view::npos) continue;
    if (ch.size() == 1 && IsLower(ch[0])) {
      return Position(i, ch) + " is not allowed (letters must be upper case)";
    }
    return Position(i, ch) + " is not allowed (the code uses 0-9 and A-Z without I, O, Z, S, V)";
  }
  char expected = CreditCodeCheckCharacter(code.substr(0, 17));
  if (code[17] != expected) {
    return "check character is '" + std::string(1, code[17]) + "', expected '" +
           std::string(1, expected) + "'";
  }
  return std::nullopt;
}

// Exactly 17 characters are required: a full 18-character code is not silently truncated.
char CreditCodeCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    auto value = kCreditAlphabet.find(first17[i]);
    if (value == std::string_view::npos) return '\0';
    sum += static_cast<int>(value) * kCreditWeights[i];
  }
  int check = 31 - sum % 31;
  return kCreditAlphabet[static_cast<std::size_t>(check == 31 ? 0 : check)];
}

Problem CheckRegionCode(std::string_view code) {
  if (code.size() != 6 || !AllDigits(code)) return "must be six digits, got " + Quote(code);
  std::string_view province = code.substr(0, 2);
  if (std::find(kProvinces.begin(), kProvinces.end(), province) == kProvinces.end()) {
    return "'" + std::string(province) + "' is not a province code of GB/T 2260";
  }
  if (code.substr(2, 2) == "00" && code.substr(4, 2) != "00") {
    return "a code with city part 00 is a province and must end in 00, got " + Quote(code);
  }
  return std::nullopt;
}

// The level follows from the form of the code alone: "441900" (Dongguan, a city without
// counties) is a city even where lists file it among the counties.
RegionLevel RegionLevelOf(std::string_view valid_code) {
  if (valid_code.ends_with("0000")) return RegionLevel::kProvince;
  return valid_code.ends_with("00") ? RegionLevel::kCity : RegionLevel::kCounty;
}

std::string RegionProvince(std::string_view valid_code) {
  return std::string(valid_code.substr(0, 2)) + "0000";
}

// A province code has no city above it and is returned unchanged ("210000" -> "210000").
std::string RegionCity(std::string_view valid_code) {
  if (RegionLevelOf(valid_code) != RegionLevel::kCounty) return std::string(valid_code);
  return std::string(valid_code.substr(0, 4)) + "00";
}

std::string RegionPrefix(std::string_view valid_code) {
  switch (RegionLevelOf(valid_code)) {
    case RegionLevel::kProvince:
      return std::string(valid_code.substr(0, 2));
    case RegionLevel::kCity:
      return std::string(valid_code.substr(0, 4));
    case RegionLevel::kCounty:
      break;
  }
  return std::string(valid_code);
}

// Besides the six-digit form, the catalog has seven-digit codes where a class ran past 99
// majors ("0502100T", "0502104TK"): the major number is then 100 or more. Categories are the
// undergraduate 01-14 and the higher vocational 41-59.
Problem CheckMajorCode(std::string_view code) {
  std::string_view digits = code.substr(0, std::min(code.find_first_of("TK"), code.size()));
  std::string_view suffix = code.substr(digits.size());
  bool shape_ok = (digits.size() == 6 || digits.size() == 7) && AllDigits(digits) &&
                  (suffix.empty() || suffix == "T" || suffix == "K" || suffix == "TK");
  if (!shape_ok) return "must be six digits optionally followed by T, K or TK, got " + Quote(code);
  if (digits.size() == 7 && digits[4] == '0') {
    return "a seven-digit code must have a major number of 100 or more, got " + Quote(code);
  }
  int category = Number(digits.substr(0, 2));
  if (!((category >= 1 && category <= 14) || (category >= 41 && category <= 59))) {
    return "category '" + std::string(digits.substr(0, 2)) +
           "' does not exist (undergraduate 01-14, vocational 41-59)";
  }
  return std::nullopt;
}

std::string MajorClass(std::string_view valid_code) { return std::string(valid_code.substr(0, 4)); }

std::string MajorCategory(std::string_view valid_code) {
  return std::string(valid_code.substr(0, 2));
}

Problem CheckIndustryCode(std::string_view code) {
  if (code.size() == 1 && code[0] >= 'A' && code[0] <= 'T') return std::nullopt;
  if (code.size() == 1 && code[0] >= 'a' && code[0] <= 't') {
    return "section letter must be upper case, got " + Quote(code);
  }
  if (code.size() < 2 || code.size() > 4 || !AllDigits(code)) {
    return "must be a section letter A-T or a code of 2 to 4 digits, got " + Quote(code);
  }
  if (SectionOfDivision(Number(code.substr(0, 2))) == '\0') {
    return "division '" + std::string(code.substr(0, 2)) +
           "' does not exist in GB/T 4754-2017 (divisions are 01-97)";
  }
  return std::nullopt;
}

int IndustryLevel(std::string_view valid_code) {
  return static_cast<int>(valid_code.size());  // "C" 1, "38" 2, "381" 3, "3811" 4
}

char IndustrySection(std::string_view valid_code) {
  if (valid_code.size() == 1) return valid_code[0];
  return SectionOfDivision(Number(valid_code.substr(0, 2)));
}

std::string IndustryParent(std::string_view valid_code) {
  switch (valid_code.size()) {
    case 0:
    case 1:
      return "";
    case 2:
      return std::string(1, IndustrySection(valid_code));
    default:
      return std::string(valid_code.substr(0, valid_code.size() - 1));
  }
}

Problem CheckMobile(std::string_view number) {
  auto chars = Characters(number);
  if (chars.empty()) return "must not be empty";
  bool plus = chars[0] == "+";
  for (std::size_t i = plus ? 1 : 0; i < chars.size(); ++i) {
    std::string_view ch = chars[i];
    if (ch.size() == 1 && IsDigit(ch[0])) continue;
    if (ch.size() != 1 || !IsSeparator(ch[0])) {
      return Position(i, ch) + " is not allowed (digits, spaces and hyphens only)";
    }
    bool between_digits =
        i > 0 && i + 1 < chars.size() && IsDigit(chars[i - 1][0]) && IsDigit(chars[i + 1][0]);
    if (!between_digits) return "spaces and hyphens may only stand between digits";
  }
  std::string digits = Digits(number);
  if (plus && !digits.starts_with("86")) return "only the country code +86 is accepted";
  if (digits.size() == 13 && digits.starts_with("86")) {
    digits.erase(0, 2);
  } else if (plus) {
    return "must have 11 digits after +86, got " + std::to_string(digits.size() - 2);
  }
  if (digits.size() != 11) return "must have 11 digits, got " + std::to_string(digits.size());
  if (digits[0] != '1' || digits[1] < '3') {
    return "must start with 13-19, got '" + digits.substr(0, 2) + "'";
  }
  return std::nullopt;
}

std::string NormalizeMobile(std::string_view valid_number) {
  std::string digits = Digits(valid_number);
  if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  return digits;
}

Problem CheckEmail(std::string_view email) {
  if (email.empty()) return "must not be empty";
  if (email.size() > 254) {
    return "must be at most 254 characters, got " + std::to_string(email.size());
  }
  auto at = email.find('@');
  if (at == std::string_view::npos) return "missing '@'";
  if (auto n = std::count(email.begin(), email.end(), '@'); n > 1) {
    return "must contain exactly one '@', found " + std::to_string(n);
  }
  std::string_view local = email.substr(0, at);
  std::string_view domain = email.substr(at + 1);
  if (local.empty()) return "missing the name before '@'";
  if (local.size() > 64) {
    return "the name before '@' must be at most 64 characters, got " + std::to_string(local.size());
  }
  for (std::string_view ch : Characters(local)) {
    if (ch.size() != 1 || !(IsLocalPartChar(ch[0]) || ch[0] == '.')) {
      return "character '" + std::string(ch) + "' is not allowed before '@'";
    }
  }
  if (auto p = CheckDots(local, "the name before '@'")) return p;
  if (domain.empty()) return "missing the domain after '@'";
  for (std::string_view ch : Characters(domain)) {
    if (ch.size() != 1 || !(IsAsciiAlnum(ch[0]) || ch[0] == '-' || ch[0] == '.')) {
      return "character '" + std::string(ch) +
             "' is not allowed in the domain (letters, digits, hyphens and dots only)";
    }
  }
  if (domain.find('.') == std::string_view::npos) return "domain must contain a dot";
  if (auto p = CheckDots(domain, "domain")) return p;
  for (std::size_t begin = 0; begin < domain.size();) {
    std::size_t end = std::min(domain.find('.', begin), domain.size());
    std::string_view label = domain.substr(begin, end - begin);
    if (label.size() > 63) return "each part of the domain must be at most 63 characters";
    if (label.front() == '-' || label.back() == '-') {
      return "domain part '" + std::string(label) + "' must not start or end with a hyphen";
    }
    begin = end + 1;
  }
  return std::nullopt;
}

Problem CheckDate(std::string_view date) {
  if (!HasDateShape(date)) return "must be written YYYY-MM-DD, got " + Quote(date);
  return CheckYearMonthDay(date.substr(0, 4), date.substr(5, 2), date.substr(8, 2));
}

// Seconds run 00-59: a leap second (60) is not accepted.
Problem CheckTimestamp(std::string_view ts) {
  bool shape_ok = ts.size() >= 19 && HasDateShape(ts.substr(0, 10)) && ts[10] == 'T' &&
                  AllDigits(ts.substr(11, 2)) && ts[13] == ':' && AllDigits(ts.substr(14, 2)) &&
                  ts[16] == ':' && AllDigits(ts.substr(17, 2));
  if (!shape_ok) return "must be written YYYY-MM-DDTHH:MM:SSZ, got " + Quote(ts);
  if (std::string_view rest = ts.substr(19); rest != "Z") {
    if (rest.starts_with('.')) return "fractions of a second are not accepted";
    return "must be in UTC and end with 'Z'" + (rest.empty() ? "" : ", got " + Quote(rest));
  }
  if (auto p = CheckDate(ts.substr(0, 10))) return p;
  if (Number(ts.substr(11, 2)) > 23) {
    return "hour must be 00-23, got " + std::string(ts.substr(11, 2));
  }
  if (Number(ts.substr(14, 2)) > 59) {
    return "minute must be 00-59, got " + std::string(ts.substr(14, 2));
  }
  if (Number(ts.substr(17, 2)) > 59) {
    return "second must be 00-59, got " + std::string(ts.substr(17, 2));
  }
  return std::nullopt;
}

Problem CheckIdNumber(std::string_view id) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  constexpr std::string_view kCheck = "10X98765432";
  auto chars = Characters(id);
  if (chars.size() == 15 && AllDigits(id)) {
    return "must be 18 characters, got 15 (the old 15-digit form is not accepted)";
  }
  if (chars.size() != 18) return "must be 18 characters, got " + std::to_string(chars.size());
  for (std::size_t i = 0; i < 17; ++i) {
    if (chars[i].size() != 1 || !IsDigit(chars[i][0])) {
      return Position(i, chars[i]) + " must be a digit";
    }
  }
  if (id[17] == 'x') return "the check character must be an upper-case 'X'";
  if (chars[17].size() != 1 || !(IsDigit(id[17]) || id[17] == 'X')) {
    return Position(17, chars[17]) + " must be a digit or 'X'";
  }
  if (auto p = CheckYearMonthDay(id.substr(6, 4), id.substr(10, 2), id.substr(12, 2))) {
    return "the birth date (characters 7-14) is not a real date: " + *p;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  char expected = kCheck[static_cast<std::size_t>(sum % 11)];
  if (id[17] != expected) {
    return "check character is '" + std::string(1, id[17]) + "', expected '" +
           std::string(1, expected) + "'";
  }
  return std::nullopt;
}

}  // namespace tb::core
