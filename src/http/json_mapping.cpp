#include "http/json_mapping.hpp"

namespace tb::http {

std::optional<domain::Value> ValueFromJson(const domain::FieldSpec& spec, const nlohmann::json& j,
                                           std::vector<FieldError>& errors) {
  std::string name(spec.name);
  if (j.is_null()) {
    if (spec.nullable) return domain::Value(std::monostate{});
    errors.push_back({name, "must not be null"});
    return std::nullopt;
  }
  switch (spec.kind) {
    case domain::Kind::kInt:
      if (j.is_number_integer()) return domain::Value(j.get<std::int64_t>());
      errors.push_back({name, "must be an integer"});
      return std::nullopt;
    case domain::Kind::kBool:
      if (j.is_boolean()) return domain::Value(j.get<bool>());
      errors.push_back({name, "must be true or false"});
      return std::nullopt;
    case domain::Kind::kString:
      // An empty optional code or contact ("credit_code": "") means "none": store NULL, so
      // unique keys and "is set" checks treat it as absent.
      if (j.is_string() && spec.nullable && j.get_ref<const std::string&>().empty()) {
        return domain::Value(std::monostate{});
      }
      if (j.is_string()) return domain::Value(j.get<std::string>());
      errors.push_back({name, "must be a string"});
      return std::nullopt;
    case domain::Kind::kStringList: {
      if (!j.is_array()) {
        errors.push_back({name, "must be an array of strings"});
        return std::nullopt;
      }
      std::vector<std::string> out;
      for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string()) {
          errors.push_back({name + "/" + std::to_string(i), "must be a string"});
          return std::nullopt;
        }
        out.push_back(j[i].get<std::string>());
      }
      return domain::Value(std::move(out));
    }
  }
  return std::nullopt;
}

}  // namespace tb::http
