#pragma once
// Scope and checks of the partnership entities (issue #4), the same four decisions as
// policy.hpp for the foundation's entities:
//   campaigns and their targets   platform admin all; institution admin and unit staff read
//                                 their institution's, the institution admin writes them;
//                                 observers read those of the institutions they observe
//                                 (progress and ranking); recruiters and students none.
//   activities with their outcome lines, participants and tasks: platform admin all;
//                                 institution admin reads and writes its institution's; unit
//                                 staff read their institution's and write their own unit's;
//                                 a recruiter reads the activities its organization took part
//                                 in (counterpart, participant or outcome line); students and
//                                 observers none (observers get aggregates only).
// Included by entity_service.hpp so that EntityService<T> finds these overloads.

#include <vector>

#include "auth/caller.hpp"
#include "core/result.hpp"
#include "domain/partnership.hpp"
#include "store/database.hpp"
#include "store/partnership_queries.hpp"

namespace tb::service {

using auth::Caller;

Status ScopeList(const Caller& c, store::CampaignFilter& f);
Status ScopeList(const Caller& c, store::CampaignTargetFilter& f);
Status ScopeList(const Caller& c, store::ActivityFilter& f);
Status ScopeList(const Caller& c, store::ActivityOutcomeFilter& f);
Status ScopeList(const Caller& c, store::ActivityParticipantFilter& f);
Status ScopeList(const Caller& c, store::ActivityTaskFilter& f);

bool CanSee(store::Tx& tx, const Caller& c, const domain::Campaign& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::CampaignTarget& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::Activity& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::ActivityOutcome& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::ActivityParticipant& v);
bool CanSee(store::Tx& tx, const Caller& c, const domain::ActivityTask& v);

Status CanWrite(store::Tx& tx, const Caller& c, const domain::Campaign* before,
                const domain::Campaign* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::CampaignTarget* before,
                const domain::CampaignTarget* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::Activity* before,
                const domain::Activity* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::ActivityOutcome* before,
                const domain::ActivityOutcome* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::ActivityParticipant* before,
                const domain::ActivityParticipant* after);
Status CanWrite(store::Tx& tx, const Caller& c, const domain::ActivityTask* before,
                const domain::ActivityTask* after);

void CheckReferences(store::Tx& tx, const domain::Campaign& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::CampaignTarget& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Activity& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::ActivityOutcome& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::ActivityParticipant& v,
                     std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::ActivityTask& v, std::vector<FieldError>& out);

Status CheckUnique(store::Tx& tx, const domain::Campaign& v);
Status CheckUnique(store::Tx& tx, const domain::CampaignTarget& v);
Status CheckUnique(store::Tx& tx, const domain::Activity& v);
Status CheckUnique(store::Tx& tx, const domain::ActivityOutcome& v);
Status CheckUnique(store::Tx& tx, const domain::ActivityParticipant& v);
Status CheckUnique(store::Tx& tx, const domain::ActivityTask& v);

template <class T>
struct FilterOf;
template <>
struct FilterOf<domain::Campaign> {
  using type = store::CampaignFilter;
};
template <>
struct FilterOf<domain::CampaignTarget> {
  using type = store::CampaignTargetFilter;
};
template <>
struct FilterOf<domain::Activity> {
  using type = store::ActivityFilter;
};
template <>
struct FilterOf<domain::ActivityOutcome> {
  using type = store::ActivityOutcomeFilter;
};
template <>
struct FilterOf<domain::ActivityParticipant> {
  using type = store::ActivityParticipantFilter;
};
template <>
struct FilterOf<domain::ActivityTask> {
  using type = store::ActivityTaskFilter;
};

}  // namespace tb::service
