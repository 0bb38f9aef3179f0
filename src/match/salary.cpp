#include "match/salary.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "text/tokenize.hpp"

namespace tb::match {

namespace {

bool Has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

}  // namespace

std::optional<SalaryRange> ParseSalary(std::string_view text) {
  std::string s = text::FoldCase(text);  // full-width digits and 'K' fold to "k"
  // Numbers in order of appearance, each with the unit letter/character right after it.
  struct Num {
    double value;
    std::size_t end;
  };
  std::vector<Num> nums;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] >= '0' && s[i] <= '9') {
      std::size_t j = i;
      while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.')) ++j;
      nums.push_back({std::stod(s.substr(i, j - i)), j});
      i = j;
    } else {
      ++i;
    }
  }
  int months = 12;
  if (auto pay = s.find("薪"); pay != std::string::npos && !nums.empty()) {
    // "·13薪": the number right before 薪 is the months, not a wage.
    for (std::size_t k = 0; k < nums.size(); ++k) {
      if (nums[k].end == pay) {
        months = static_cast<int>(nums[k].value);
        nums.erase(nums.begin() + static_cast<long>(k));
        break;
      }
    }
  }
  if (nums.empty()) return std::nullopt;
  // The unit: k/千 = ×1000, 万 = ×10000; applies to both ends ("15-25k", "2.1-7千").
  auto unit_after = [&](std::size_t end) -> double {
    std::string_view rest = std::string_view(s).substr(end);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.starts_with("k")) return 1000;
    if (rest.starts_with("千")) return 1000;
    if (rest.starts_with("万")) return 10000;
    if (rest.starts_with("w")) return 10000;
    return 0;
  };
  double lo = nums[0].value;
  double hi = nums.size() > 1 ? nums[1].value : nums[0].value;
  double lo_unit = unit_after(nums[0].end);
  double hi_unit = nums.size() > 1 ? unit_after(nums[1].end) : lo_unit;
  if (hi_unit == 0) hi_unit = lo_unit;
  if (lo_unit == 0) lo_unit = hi_unit;
  if (lo_unit == 0) lo_unit = hi_unit = 1;
  lo *= lo_unit;
  hi *= hi_unit;
  double per_month = 1;
  if (Has(s, "/年") || Has(s, "每年") || Has(s, "年薪")) per_month = 1.0 / 12;
  if (Has(s, "/天") || Has(s, "/日") || Has(s, "每天")) per_month = 21.75;
  if (Has(s, "/小时") || Has(s, "/时")) per_month = 21.75 * 8;
  lo *= per_month;
  hi *= per_month;
  if (lo > hi) std::swap(lo, hi);
  if (lo <= 0 || hi > 10'000'000) return std::nullopt;
  return SalaryRange{std::lround(lo), std::lround(hi), months};
}

}  // namespace tb::match
