#pragma once
// Aggregated figures for every role that may read reports, within its scope, with small cells
// suppressed: a group of fewer than 5 people is reported without its count (DESIGN §9), so no
// individual can be singled out.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/caller.hpp"
#include "core/result.hpp"
#include "store/database.hpp"
#include "store/statistics.hpp"

namespace tb::service {

inline constexpr std::int64_t kMinCellSize = 5;

struct ReportCell {
  std::string key;
  std::string label;
  domain::Id institution_id = 0;
  std::optional<std::int64_t> count;  // nullopt when suppressed
};

struct StudentReport {
  std::string group_by;
  std::vector<ReportCell> cells;
  std::optional<std::int64_t> total;  // nullopt when under the threshold
};

Result<store::StudentGrouping> ParseStudentGrouping(const std::string& name);

// Students per group in the caller's scope: everything for a platform admin, the own
// institution for its administrator and unit staff, the observed institutions for an observer;
// refused for recruiters and students.
Result<StudentReport> ReportStudents(store::Database& db, const auth::Caller& caller,
                                     const std::string& group_by);

}  // namespace tb::service
