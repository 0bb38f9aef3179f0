#pragma once
// Who may see and change what (DESIGN §1, §9), decided here in the service layer for every
// entity, so no handler can forget it:
//   ScopeList   narrows a list filter to the caller's scope (lists are filtered in SQL, never
//               after the fact), or refuses the collection for a role that has no business there;
//   CanSee      whether one record is visible; an invisible record answers 404, not 403, so
//               its existence does not leak;
//   CanCreate / CanUpdate / CanDelete   for records the caller can see: kForbidden saying why;
//   Mask        what of a visible record the caller may read (personal data, DESIGN §9).

#include <string>
#include <vector>

#include "auth/caller.hpp"
#include "core/result.hpp"
#include "domain/entities.hpp"
#include "store/database.hpp"
#include "store/queries.hpp"

namespace tb::service {

using auth::Caller;
using auth::Role;

Status ScopeList(const Caller& c, store::InstitutionFilter& f);
Status ScopeList(const Caller& c, store::UnitFilter& f);
Status ScopeList(const Caller& c, store::OrganizationFilter& f);
Status ScopeList(const Caller& c, store::RelationFilter& f);
Status ScopeList(const Caller& c, store::ContactFilter& f);
Status ScopeList(const Caller& c, store::StudentFilter& f);
Status ScopeList(const Caller& c, store::PostFilter& f);

bool CanSee(store::Tx& tx, const Caller& c, const domain::Institution& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Unit& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Organization& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Relation& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Contact& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Student& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Post& v);

Status CanWrite(store::Tx& tx, const Caller& c, const domain::Institution* before,
                const domain::Institution* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Unit* before,
                const domain::Unit* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Organization* before,
                const domain::Organization* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Relation* before,
                const domain::Relation* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Contact* before,
                const domain::Contact* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Student* before,
                const domain::Student* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Post* before,
                const domain::Post* after);

// The application states in which a student has accepted an interview (DESIGN §9, policy.cpp).
const std::vector<std::string>& ContactStates();

// Students: an enterprise recruiter reads phone, ID number and e-mail masked unless the student
// accepted an interview with the recruiter's organization (see policy.cpp), which needs `tx`.
template <class T>
void Mask(store::Tx&, const Caller&, T&) {}
void Mask(store::Tx& tx, const Caller& c, domain::Student& v);
// The same for a page of records: for students one query for the whole page, not one a row.
template <class T>
void MaskAll(store::Tx& tx, const Caller& c, std::vector<T>& items) {
  for (T& v : items) Mask(tx, c, v);
}
void MaskAll(store::Tx& tx, const Caller& c, std::vector<domain::Student>& items);

// "13812345678" -> "138****5678"; "110105194912310021" -> "110105********0021";
// "zhang@x.cn" -> "z***@x.cn".
std::string MaskMobile(const std::string& v);
std::string MaskIdNumber(const std::string& v);
std::string MaskEmail(const std::string& v);

}  // namespace tb::service
