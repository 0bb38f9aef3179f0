#pragma once
// Salary strings of Chinese job boards, parsed into a monthly range in yuan:
//   "2.1-7千/月" -> 2100..7000; "15-25K·13薪" -> 15000..25000 (13 months a year);
//   "1-1.5万/月" -> 10000..15000; "10-20万/年" -> 8333..16667; "150元/天" -> 3263..3263
//   (21.75 working days a month); "8000-10000元/月", "8k-12k", "6000元以上", "面议" -> nullopt.
// Used by the generator (real wages of ../shared/data/jobs) and by the model (ad-hoc profiles).

#include <optional>
#include <string_view>

namespace tb::match {

struct SalaryRange {
  long min = 0;  // yuan per month
  long max = 0;
  int months = 12;  // paid months a year ("13薪")
  bool operator==(const SalaryRange&) const = default;
};

std::optional<SalaryRange> ParseSalary(std::string_view text);

}  // namespace tb::match
