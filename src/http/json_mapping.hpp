#pragma once
// JSON <-> entity mapping driven by the entity descriptions (domain/entity.hpp): every field is
// written under its name; reading checks the JSON type of each field and names the field in
// every error. Read-only fields (id, timestamps) in a body are ignored; unknown fields are
// refused, so a misspelt field never silently does nothing.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/entity.hpp"
#include "domain/json.hpp"

namespace tb::http {

using domain::ToJson;
using domain::ValueToJson;

// Converts `j` to the value of a field of spec `spec`, or appends an error.
std::optional<domain::Value> ValueFromJson(const domain::FieldSpec& spec, const nlohmann::json& j,
                                           std::vector<FieldError>& errors);

// Applies the members of JSON object `body` to `target` (a default value for create, the stored
// record for an update — so an update is a merge patch). For create, required fields missing
// from the body are reported.
template <class T>
Status ApplyJson(const nlohmann::json& body, T& target, bool create) {
  if (!body.is_object()) return Error::Invalid("request body must be a JSON object");
  std::vector<FieldError> errors;
  const auto& def = domain::Def<T>();
  for (auto it = body.begin(); it != body.end(); ++it) {
    const auto* field = def.Find(it.key());
    if (!field) {
      errors.push_back({it.key(), "is not a field of " + std::string(def.singular)});
      continue;
    }
    if (field->spec.read_only) continue;
    if (auto v = ValueFromJson(field->spec, it.value(), errors)) field->set(target, std::move(*v));
  }
  if (create) {
    for (const auto& f : def.fields) {
      if (f.spec.required && !f.spec.read_only && !body.contains(std::string(f.spec.name))) {
        errors.push_back({std::string(f.spec.name), "is required"});
      }
    }
  }
  if (!errors.empty()) {
    return Error::Unprocessable(std::string(def.singular) + " is not valid", std::move(errors));
  }
  return {};
}

}  // namespace tb::http
