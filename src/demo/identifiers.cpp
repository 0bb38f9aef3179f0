#include "demo/identifiers.hpp"

#include <array>
#include <cstdio>

#include "core/validate.hpp"

namespace tb::demo {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

char OrganizationCodeCheckCharacter(std::string_view body8) {
  static constexpr std::array<int, 8> kWeights = {3, 7, 9, 10, 5, 8, 4, 2};
  if (body8.size() != 8) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    char c = body8[i];
    int value = 0;
    if (IsDigit(c)) {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    } else {
      return '\0';
    }
    sum += value * kWeights[i];
  }
  int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

std::string MakeCreditCode(std::string_view prefix2, std::string_view region6,
                           std::string_view body8) {
  if (prefix2.size() != 2 || region6.size() != 6) return {};
  char org_check = OrganizationCodeCheckCharacter(body8);
  if (org_check == '\0') return {};
  std::string first17 =
      std::string(prefix2) + std::string(region6) + std::string(body8) + org_check;
  char check = core::CreditCodeCheckCharacter(first17);
  if (check == '\0') return {};
  return first17 + check;
}

char IdNumberCheckCharacter(std::string_view first17) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  constexpr std::string_view kCheck = "10X98765432";
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    if (!IsDigit(first17[i])) return '\0';
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

std::string MakeIdNumber(std::string_view region6, int year, int month, int day, int sequence) {
  if (region6.size() != 6 || year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 ||
      day > 31 || sequence < 0 || sequence > 999) {
    return {};
  }
  char date[48];
  std::snprintf(date, sizeof date, "%04d%02d%02d%03d", year, month, day, sequence);
  std::string first17 = std::string(region6) + date;
  char check = IdNumberCheckCharacter(first17);
  if (check == '\0') return {};
  return first17 + check;
}

std::string MakeMobile(Rng& rng) {
  static constexpr std::array<std::string_view, 30> kPrefixes = {
      "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
      "150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
      "176", "177", "178", "180", "181", "182", "183", "186", "188", "199"};
  std::string number(rng.Pick(kPrefixes));
  for (int i = 0; i < 8; ++i) number += static_cast<char>('0' + rng.Below(10));
  return number;
}

}  // namespace tb::demo
