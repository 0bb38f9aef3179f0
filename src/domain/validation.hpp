#pragma once
// Rules an entity must satisfy on its own, independent of storage: formats of codes, enums,
// ranges, lengths and cross-field invariants. References to other rows (does this region exist,
// does this institution exist) are checked by the services, which can see the database.

#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"

namespace tb::domain {

// Checks every field of `value` against its spec in Def<T>(): required, enum, range, length,
// format (credit code, region, major, industry, mobile, e-mail, date, tag). Item errors of list
// fields are reported as "field/index".
template <class T>
std::vector<FieldError> ValidateFields(const T& value);

// ValidateFields plus the entity's own invariants (salary ranges, date order, an enterprise needs
// a credit code, a contact belongs to an organization or a unit, a relation joins two different
// organizations).
std::vector<FieldError> Validate(const Institution& v);
std::vector<FieldError> Validate(const Unit& v);
std::vector<FieldError> Validate(const Organization& v);
std::vector<FieldError> Validate(const Relation& v);
std::vector<FieldError> Validate(const Contact& v);
std::vector<FieldError> Validate(const Student& v);
std::vector<FieldError> Validate(const Post& v);

// Canonical forms applied before validation and storage, so equal values compare equal:
// mobile numbers as 11 digits ("+86 138-0000-0000" -> "13800000000"); empty optional
// contact fields as absent.
template <class T>
void Normalize(T&) {}
void Normalize(Student& v);
void Normalize(Contact& v);

// Number of Unicode code points in a UTF-8 string (invalid bytes count one each).
std::size_t Utf8Length(std::string_view s);
// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace tb::domain
