#pragma once
// Clock access and calendar arithmetic in one place, so tests can reason about them. UTC
// everywhere (DESIGN §5). Dates are "YYYY-MM-DD" on the proleptic Gregorian calendar; a day
// number counts days since 1970-01-01 (negative before). Thread-safe (pure functions apart from
// reading the clock).

#include <cstdint>
#include <string>
#include <string_view>

namespace tb::core {

// Now as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc();
// Today as "YYYY-MM-DD" (UTC).
std::string TodayUtc();

// The day number of a civil date (month 1-12, day 1-31; not checked: use IsValidDate first).
std::int64_t DaysFromCivil(int year, int month, int day);
// The "YYYY-MM-DD" of a day number.
std::string CivilFromDays(std::int64_t days);
// The day number of "YYYY-MM-DD" (or the date part of an ISO-8601 time); 0 when it does not
// start with that shape (the matching engine's open/close days use it too).
int DayNumber(std::string_view iso_date);
// `date` ("YYYY-MM-DD", well-formed) moved by `days` (negative: earlier).
std::string AddDays(std::string_view date, int days);
// Days of `month` (1-12) in `year`: 28 to 31.
int DaysInMonth(int year, int month);

}  // namespace tb::core
