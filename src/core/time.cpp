#include "core/time.hpp"

#include <cstdio>
#include <ctime>

namespace tb::core {

namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string TodayUtc() { return NowUtc().substr(0, 10); }

// H. Hinnant, "chrono-Compatible Low-Level Date Algorithms": days_from_civil and civil_from_days.
std::int64_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yoe = year - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

std::string CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int doe = static_cast<int>(days - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  const int year = static_cast<int>(yoe + era * 400) + (month <= 2 ? 1 : 0);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int DayNumber(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-' || !Digits(d.substr(0, 4)) ||
      !Digits(d.substr(5, 2)) || !Digits(d.substr(8, 2))) {
    return 0;
  }
  return static_cast<int>(
      DaysFromCivil(Number(d.substr(0, 4)), Number(d.substr(5, 2)), Number(d.substr(8, 2))));
}

std::string AddDays(std::string_view date, int days) {
  return CivilFromDays(DayNumber(date) + days);
}

int DaysInMonth(int year, int month) {
  return static_cast<int>(
      DaysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) -
      DaysFromCivil(year, month, 1));
}

}  // namespace tb::core
