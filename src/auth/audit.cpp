#include "auth/audit.hpp"

namespace tb::auth {

void Audit(store::Tx& tx, const Caller& caller, const std::string& action,
           const std::string& entity, std::optional<domain::Id> entity_id,
           const std::optional<nlohmann::json>& before, const std::optional<nlohmann::json>& after,
           const std::string& now) {
  auto dump = [](const std::optional<nlohmann::json>& j) -> std::optional<std::string> {
    if (!j) return std::nullopt;
    return j->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  store::AuditRow row;
  row.at = now;
  if (caller.user_id > 0) row.actor_user_id = caller.user_id;
  row.actor = caller.Label();
  row.action = action;
  row.entity = entity;
  row.entity_id = entity_id;
  row.before_json = dump(before);
  row.after_json = dump(after);
  row.request_id = caller.request_id;
  store::AppendAudit(tx, std::move(row));
}

}  // namespace tb::auth
