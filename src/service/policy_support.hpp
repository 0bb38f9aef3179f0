#pragma once
// Small helpers shared by the policy files (partnership_policy.cpp, agreement_policy.cpp): load
// a row if it exists, report a missing reference or a unit of another institution as a field
// error, refuse with a reason. Internal to the service module.

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"
#include "store/database.hpp"
#include "store/repository.hpp"

namespace tb::service::policy_support {

inline Status Refuse(std::string why) { return Error::Forbidden(std::move(why)); }

template <class T>
std::optional<T> Load(store::Tx& tx, domain::Id id) {
  auto r = store::Repository<T>::Get(tx, id);
  if (!r.ok()) return std::nullopt;
  return *r;
}

// Appends "<singular> <id> does not exist" under `field` when `id` is set and has no row.
template <class T>
bool RequireRow(store::Tx& tx, const std::string& field, std::optional<domain::Id> id,
                std::vector<FieldError>& out) {
  if (id && !store::Repository<T>::Exists(tx, *id)) {
    out.push_back({field, std::string(domain::Def<T>().singular) + " " + std::to_string(*id) +
                              " does not exist"});
    return false;
  }
  return true;
}

// A unit given with an institution must belong to it.
inline void RequireUnitOf(store::Tx& tx, std::optional<domain::Id> unit_id,
                          domain::Id institution_id, std::vector<FieldError>& out,
                          const std::string& field = "unit_id") {
  if (!unit_id) return;
  auto unit = Load<domain::Unit>(tx, *unit_id);
  if (!unit) {
    out.push_back({field, "unit " + std::to_string(*unit_id) + " does not exist"});
  } else if (unit->institution_id != institution_id) {
    out.push_back({field, "unit " + std::to_string(*unit_id) + " belongs to institution " +
                              std::to_string(unit->institution_id) + ", not " +
                              std::to_string(institution_id)});
  }
}

}  // namespace tb::service::policy_support
