#pragma once
// The audit trail: who did what, when, from what to what. Written in the transaction of the
// change it records; never changed or deleted.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/caller.hpp"
#include "store/accounts.hpp"

namespace tb::auth {

void Audit(store::Tx& tx, const Caller& caller, const std::string& action,
           const std::string& entity, std::optional<domain::Id> entity_id,
           const std::optional<nlohmann::json>& before, const std::optional<nlohmann::json>& after,
           const std::string& now);

}  // namespace tb::auth
