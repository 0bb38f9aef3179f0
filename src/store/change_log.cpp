#include "store/change_log.hpp"

namespace tb::store {

std::int64_t LastChangeId(Tx& tx) {
  return tx.QueryInt("SELECT MAX(id) FROM change_log").value_or(0);
}

std::vector<ChangeRow> ChangesAfter(Tx& tx, std::int64_t after, int limit) {
  std::vector<ChangeRow> out;
  for (const auto& row :
       tx.Query("SELECT id, entity, entity_id, op FROM change_log WHERE id > ? ORDER BY id LIMIT " +
                    std::to_string(limit),
                {P(after)})) {
    out.push_back({row.Int(0), row.Text(1), row.Int(2), row.Text(3)});
  }
  return out;
}

}  // namespace tb::store
