#pragma once
// Describes each entity of DESIGN §3 once: its fields, their storage kind, API format and rules.
// The store maps entities to rows, the http module maps them to JSON and to the OpenAPI schema,
// all from this one description, so a new field is added in one place.
//
// Definitions are immutable after static initialisation and safe to share between threads.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace tb::domain {

using Id = std::int64_t;

// The value of one field, independent of the entity type.
using Value =
    std::variant<std::monostate, std::int64_t, bool, std::string, std::vector<std::string>>;

enum class Kind { kInt, kBool, kString, kStringList };

// What a field means beyond its storage kind; drives validation and the OpenAPI format.
enum class Format {
  kPlain,
  kText,       // long free text
  kDate,       // YYYY-MM-DD
  kTimestamp,  // YYYY-MM-DDTHH:MM:SSZ
  kEmail,
  kMobile,    // personal data (DESIGN §9)
  kIdNumber,  // personal data (DESIGN §9)
  kCreditCode,
  kRegionCode,
  kIndustryCode,
  kMajorCode,
  kTag,  // [a-z0-9_]+
  kUrl,
};

struct FieldSpec {
  std::string_view name;
  Kind kind = Kind::kString;
  Format format = Format::kPlain;
  bool nullable = false;                      // std::optional member: absent/null allowed
  bool required = false;                      // must be given on create
  bool read_only = false;                     // assigned by the server (id, timestamps)
  std::vector<std::string_view> enum_values;  // allowed values, when not empty
  std::optional<std::int64_t> minimum;
  std::optional<std::int64_t> maximum;
  std::size_t max_length = 0;   // characters (code points) for strings; 0 = no limit
  std::string_view references;  // table the id refers to ("organizations"), for ints
  std::string_view description;
};

template <class T>
struct Field {
  FieldSpec spec;
  std::function<Value(const T&)> get;
  std::function<void(T&, Value)> set;
};

template <class M>
constexpr Kind KindOf() {
  using B = std::remove_cvref_t<M>;
  if constexpr (std::is_same_v<B, std::int64_t> || std::is_same_v<B, std::optional<std::int64_t>>) {
    return Kind::kInt;
  } else if constexpr (std::is_same_v<B, bool>) {
    return Kind::kBool;
  } else if constexpr (std::is_same_v<B, std::string> ||
                       std::is_same_v<B, std::optional<std::string>>) {
    return Kind::kString;
  } else {
    static_assert(std::is_same_v<B, std::vector<std::string>>, "unsupported field type");
    return Kind::kStringList;
  }
}

template <class M>
struct IsOptional : std::false_type {
  using Inner = M;
};
template <class M>
struct IsOptional<std::optional<M>> : std::true_type {
  using Inner = M;
};

// Binds a spec to a data member; kind and nullability follow the member's type.
template <class T, class M>
Field<T> MakeField(M T::*member, FieldSpec spec) {
  spec.kind = KindOf<M>();
  spec.nullable = IsOptional<M>::value;
  Field<T> f{std::move(spec), nullptr, nullptr};
  f.get = [member](const T& t) -> Value {
    const M& m = t.*member;
    if constexpr (IsOptional<M>::value) {
      if (!m) return std::monostate{};
      return Value(*m);
    } else {
      return Value(m);
    }
  };
  f.set = [member](T& t, Value v) {
    M& m = t.*member;
    using Inner = typename IsOptional<M>::Inner;
    if (std::holds_alternative<std::monostate>(v)) {
      m = M{};
    } else {
      m = std::get<Inner>(std::move(v));
    }
  };
  return f;
}

// Fields every stored entity has, in this order: id first, timestamps last.
template <class T>
Field<T> IdField() {
  return MakeField(&T::id, {.name = "id", .read_only = true, .description = "Identifier"});
}
template <class T>
void AddTimestamps(std::vector<Field<T>>& fields) {
  fields.push_back(MakeField(&T::created_at, {.name = "created_at",
                                              .format = Format::kTimestamp,
                                              .read_only = true,
                                              .description = "When it was created (UTC)"}));
  fields.push_back(MakeField(&T::updated_at, {.name = "updated_at",
                                              .format = Format::kTimestamp,
                                              .read_only = true,
                                              .description = "When it last changed (UTC)"}));
}

template <class T>
struct EntityDef {
  std::string_view table;     // "organizations": table name and API collection name
  std::string_view singular;  // "organization": change_log entity, messages
  std::string_view title;     // "Organization": OpenAPI schema name
  std::vector<Field<T>> fields;

  const Field<T>* Find(std::string_view name) const {
    for (const auto& f : fields) {
      if (f.spec.name == name) return &f;
    }
    return nullptr;
  }
};

// Specialised for every entity type in entities.cpp.
template <class T>
const EntityDef<T>& Def();

}  // namespace tb::domain
