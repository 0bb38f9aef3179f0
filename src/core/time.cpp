#include "core/time.hpp"

#include <ctime>

namespace tb::core {

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string TodayUtc() { return NowUtc().substr(0, 10); }

}  // namespace tb::core
