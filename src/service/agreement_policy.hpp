#pragma once
// Scope and checks of agreements (issue #4), the same four decisions as policy.hpp:
//   platform admin     all, reads and writes;
//   institution admin  reads and writes its institution's agreements;
//   unit staff         read their institution's, write their own unit's;
//   recruiter          reads the agreements its organization is a party of (main counterpart
//                      or further party), with their documents; writes none;
//   student, observer  none (observers get aggregates only, DESIGN §9).
// Parties, transitions and documents are seen and changed with their agreement.
// Included by entity_service.hpp so that EntityService<T> finds these overloads.

#include <vector>

#include "auth/caller.hpp"
#include "core/result.hpp"
#include "domain/agreement.hpp"
#include "store/agreement_queries.hpp"
#include "store/database.hpp"

namespace tb::service {

using auth::Caller;

Status ScopeList(const Caller& c, store::AgreementFilter& f);
Status ScopeList(const Caller& c, store::AgreementPartyFilter& f);
Status ScopeList(const Caller& c, store::AgreementTransitionFilter& f);
Status ScopeList(const Caller& c, store::AgreementDocumentFilter& f);

bool CanSee(store::Tx& tx, const Caller& c, const domain::Agreement& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::AgreementParty& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::AgreementTransition& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::AgreementDocument& v);

Status CanWrite(store::Tx& tx, const Caller& c, const domain::Agreement* before,
                const domain::Agreement* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::AgreementParty* before,
                const domain::AgreementParty* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::AgreementTransition* before,
                const domain::AgreementTransition* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::AgreementDocument* before,
                const domain::AgreementDocument* after);

void CheckReferences(store::Tx& tx, const domain::Agreement& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::AgreementParty& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::AgreementTransition& v,
                     std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::AgreementDocument& v,
                     std::vector<FieldError>& out);

Status CheckUnique(store::Tx& tx, const domain::Agreement& v);
Status CheckUnique(store::Tx& tx, const domain::AgreementParty& v);
Status CheckUnique(store::Tx& tx, const domain::AgreementTransition& v);
Status CheckUnique(store::Tx& tx, const domain::AgreementDocument& v);

template <class T>
struct FilterOf;
template <>
struct FilterOf<domain::Agreement> {
  using type = store::AgreementFilter;
};
template <>
struct FilterOf<domain::AgreementParty> {
  using type = store::AgreementPartyFilter;
};
template <>
struct FilterOf<domain::AgreementTransition> {
  using type = store::AgreementTransitionFilter;
};
template <>
struct FilterOf<domain::AgreementDocument> {
  using type = store::AgreementDocumentFilter;
};

}  // namespace tb::service
