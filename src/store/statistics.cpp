#include "store/statistics.hpp"

#include "store/repository.hpp"

namespace tb::store {

std::vector<CountCell> CountStudents(Tx& tx, StudentGrouping grouping,
                                     const std::optional<std::vector<domain::Id>>& institutions) {
  std::string key, label, join;
  switch (grouping) {
    case StudentGrouping::kInstitution:
      key = "s.institution_id";
      label = "i.name";
      join = " JOIN institutions i ON i.id = s.institution_id";
      break;
    case StudentGrouping::kUnit:
      key = "s.unit_id";
      label = "u.name";
      join = " JOIN units u ON u.id = s.unit_id";
      break;
    case StudentGrouping::kCohort:
      key = label = "s.cohort";
      break;
    case StudentGrouping::kLevel:
      key = label = "s.level";
      break;
    case StudentGrouping::kMajorCategory:
      key = label = "SUBSTR(s.major_code, 1, 2)";
      break;
  }
  Where w;
  if (institutions) {
    if (institutions->empty()) return {};
    std::string marks;
    std::vector<Param> params;
    for (auto id : *institutions) {
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(P(id));
    }
    w.And("s.institution_id IN (" + marks + ")", std::move(params));
  }
  auto rows =
      tx.Query("SELECT " + key + ", " + label + ", s.institution_id, COUNT(*) FROM students s" +
                   join + (w.sql.empty() ? "" : " WHERE " + w.sql) + " GROUP BY " + key + ", " +
                   label + ", s.institution_id ORDER BY s.institution_id, " + key,
               w.params);
  std::vector<CountCell> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2), r.Int(3)});
  return out;
}

}  // namespace tb::store
