#pragma once
// An entity as JSON, field by field from its description: the API's representation and the
// audit trail's before/after images.

#include <nlohmann/json.hpp>

#include "domain/entity.hpp"

namespace tb::domain {

inline nlohmann::json ValueToJson(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* b = std::get_if<bool>(&v)) return *b;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* l = std::get_if<std::vector<std::string>>(&v)) return *l;
  return nullptr;
}

template <class T>
nlohmann::json ToJson(const T& value) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& f : Def<T>().fields) out[std::string(f.spec.name)] = ValueToJson(f.get(value));
  return out;
}

}  // namespace tb::domain
