#include "service/reports.hpp"

#include <algorithm>

namespace tb::service {

Result<store::StudentGrouping> ParseStudentGrouping(const std::string& name) {
  using G = store::StudentGrouping;
  if (name == "institution") return G::kInstitution;
  if (name == "unit") return G::kUnit;
  if (name == "cohort") return G::kCohort;
  if (name == "level") return G::kLevel;
  if (name == "major_category") return G::kMajorCategory;
  return Error::Invalid("invalid query parameters",
                        {{"group_by",
                          "must be one of institution, unit, cohort, level, "
                          "major_category; got '" +
                              name + "'"}});
}

Result<StudentReport> ReportStudents(store::Database& db, const auth::Caller& c,
                                     const std::string& group_by) {
  TB_TRY(store::StudentGrouping grouping, ParseStudentGrouping(group_by));
  std::optional<std::vector<domain::Id>> scope;
  switch (c.role) {
    case auth::Role::kPlatformAdmin:
      break;
    case auth::Role::kInstitutionAdmin:
    case auth::Role::kUnitStaff:
      scope = std::vector<domain::Id>{c.institution_id.value_or(-1)};
      break;
    case auth::Role::kObserver:
      scope = c.observer_institutions;
      break;
    default:
      return Error::Forbidden("student figures are for institutions and observers");
  }
  auto cells = db.Read([&](store::Tx& tx) -> Result<std::vector<store::CountCell>> {
    return store::CountStudents(tx, grouping, scope);
  });
  if (!cells.ok()) return cells.error();
  StudentReport report{group_by, {}, std::nullopt};
  std::int64_t total = 0;
  for (const auto& cell : *cells) {
    total += cell.count;
    std::optional<std::int64_t> shown;
    if (cell.count >= kMinCellSize) shown = cell.count;
    report.cells.push_back({cell.key, cell.label, cell.institution_id, shown});
  }
  // Secondary suppression: a lone hidden cell could be worked out from the others and a total
  // (the institution's, which group_by=institution shows, or the report's), so it takes the
  // smallest shown cell of the same institution with it — and of the whole report likewise.
  auto hide_partner = [&](auto in_group) {
    int hidden = 0;
    ReportCell* smallest = nullptr;
    for (auto& r : report.cells) {
      if (!in_group(r)) continue;
      if (!r.count) {
        ++hidden;
      } else if (!smallest || *r.count < *smallest->count) {
        smallest = &r;
      }
    }
    if (hidden == 1 && smallest) smallest->count.reset();
  };
  std::vector<domain::Id> institutions;
  for (const auto& r : report.cells) {
    if (std::find(institutions.begin(), institutions.end(), r.institution_id) ==
        institutions.end()) {
      institutions.push_back(r.institution_id);
    }
  }
  for (domain::Id id : institutions) {
    hide_partner([id](const ReportCell& r) { return r.institution_id == id; });
  }
  hide_partner([](const ReportCell&) { return true; });
  if (total >= kMinCellSize) report.total = total;
  return report;
}

}  // namespace tb::service
