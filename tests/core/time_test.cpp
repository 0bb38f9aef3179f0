#include "core/time.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tb::core {
namespace {

TEST(CalendarTest, DayNumbersCountFromTheUnixEpoch) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2026, 11, 21), 20778);
  EXPECT_EQ(CivilFromDays(0), "1970-01-01");
  EXPECT_EQ(CivilFromDays(-1), "1969-12-31");
  EXPECT_EQ(CivilFromDays(20778), "2026-11-21");
}

TEST(CalendarTest, CivilAndDayNumbersRoundTripAcrossLeapYearsAndCenturies) {
  for (std::int64_t day = DaysFromCivil(1899, 12, 25); day <= DaysFromCivil(2101, 1, 5); ++day) {
    std::string date = CivilFromDays(day);
    ASSERT_EQ(DayNumber(date), day) << date;
  }
}

TEST(CalendarTest, DayNumberReadsTheDatePartAndAnswersZeroForAnythingElse) {
  EXPECT_EQ(DayNumber("2026-11-21"), 20778);
  EXPECT_EQ(DayNumber("2026-11-21T08:30:00Z"), 20778);
  EXPECT_EQ(DayNumber("2026-1-21"), 0);
  EXPECT_EQ(DayNumber("2026/11/21"), 0);
  EXPECT_EQ(DayNumber("20x6-11-21"), 0);
  EXPECT_EQ(DayNumber(""), 0);
}

TEST(CalendarTest, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays("2026-11-21", 60), "2027-01-20");
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2023-02-28", 1), "2023-03-01");
  EXPECT_EQ(AddDays("2025-03-08", -3 * 365), "2022-03-09");
  EXPECT_EQ(AddDays("2026-12-31", 0), "2026-12-31");
}

TEST(CalendarTest, DaysInMonthKnowsLeapYears) {
  EXPECT_EQ(DaysInMonth(2026, 1), 31);
  EXPECT_EQ(DaysInMonth(2026, 4), 30);
  EXPECT_EQ(DaysInMonth(2026, 12), 31);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
}

TEST(ClockTest, TodayIsTheDatePartOfNow) {
  std::string now = NowUtc();
  ASSERT_EQ(now.size(), 20u);
  EXPECT_EQ(now.back(), 'Z');
  EXPECT_NE(DayNumber(now), 0);
  EXPECT_EQ(TodayUtc().size(), 10u);
}

}  // namespace
}  // namespace tb::core
