#pragma once
// Aggregate queries for reports: counts grouped in SQL, never rows of people.

#include <optional>
#include <string>
#include <vector>

#include "domain/entity.hpp"
#include "store/database.hpp"

namespace tb::store {

enum class StudentGrouping { kInstitution, kUnit, kCohort, kLevel, kMajorCategory };

struct CountCell {
  std::string key;    // the group's value (id, cohort, level or category code)
  std::string label;  // a readable name (institution or unit name, category code)
  domain::Id institution_id = 0;
  std::int64_t count = 0;
};

// Students per group within the given institutions (all institutions when nullopt).
std::vector<CountCell> CountStudents(Tx& tx, StudentGrouping grouping,
                                     const std::optional<std::vector<domain::Id>>& institutions);

}  // namespace tb::store
