#pragma once
// Backend-neutral values for SQL parameters and result rows. Rows are read into these plain
// values at the edge of SOCI, so repositories never see a SOCI type.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tb::store {

// NULL, an integer or text. Booleans are stored as 0/1 integers on both backends.
using Param = std::variant<std::monostate, std::int64_t, std::string>;

inline Param Null() { return std::monostate{}; }
inline Param P(std::int64_t v) { return v; }
inline Param P(int v) { return static_cast<std::int64_t>(v); }
inline Param P(bool v) { return static_cast<std::int64_t>(v ? 1 : 0); }
inline Param P(std::string v) { return v; }
inline Param P(const char* v) { return std::string(v); }
inline Param P(std::string_view v) { return std::string(v); }
template <class T>
Param P(const std::optional<T>& v) {
  return v ? P(*v) : Null();
}

using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Row {
  std::vector<Cell> cells;

  bool IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(cells[i]); }
  std::int64_t Int(std::size_t i) const;  // 0 for NULL; parses text
  std::string Text(std::size_t i) const;  // "" for NULL; formats numbers
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
};

// Escapes % _ and \ for use in LIKE ... ESCAPE '\'.
std::string LikeEscape(std::string_view s);

}  // namespace tb::store
