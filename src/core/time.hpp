#pragma once
// Clock access in one place, so tests can reason about it. UTC everywhere (DESIGN §5).

#include <string>

namespace tb::core {

// Now as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc();
// Today as "YYYY-MM-DD" (UTC).
std::string TodayUtc();

}  // namespace tb::core
