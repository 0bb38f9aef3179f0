#include "store/repository.hpp"

#include <nlohmann/json.hpp>

namespace tb::store {

Param ToParam(const domain::Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* b = std::get_if<bool>(&v)) return static_cast<std::int64_t>(*b ? 1 : 0);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* list = std::get_if<std::vector<std::string>>(&v)) return nlohmann::json(*list).dump();
  return std::monostate{};
}

domain::Value FromCell(const Row& row, std::size_t i, domain::Kind kind) {
  if (row.IsNull(i)) return std::monostate{};
  switch (kind) {
    case domain::Kind::kInt:
      return row.Int(i);
    case domain::Kind::kBool:
      return row.Int(i) != 0;
    case domain::Kind::kString:
      return row.Text(i);
    case domain::Kind::kStringList: {
      auto parsed = nlohmann::json::parse(row.Text(i), nullptr, /*allow_exceptions=*/false);
      std::vector<std::string> out;
      if (parsed.is_array()) {
        for (const auto& item : parsed) {
          if (item.is_string()) out.push_back(item.get<std::string>());
        }
      }
      return out;
    }
  }
  return std::monostate{};
}

template <>
void DeleteDependents<domain::Organization>(Tx& tx, domain::Id id) {
  auto rows = tx.Query("SELECT id FROM organization_relations WHERE from_id = ? OR to_id = ?",
                       {P(id), P(id)});
  for (const Row& row : rows) {
    (void)Repository<domain::Relation>::Delete(tx, row.Int(0));
  }
}

}  // namespace tb::store
