#pragma once
// Agreements in the store: the typed list filters of agreements and of their parties,
// transitions and documents, the rows that go with a deleted agreement, and the fulfilment of an
// agreement (interns received, hires). SQL lives here and only here.

#include <optional>
#include <string>
#include <vector>

#include "core/messages.hpp"
#include "domain/agreement.hpp"
#include "store/repository.hpp"

namespace tb::store {

struct AgreementFilter {
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> unit_id;
  std::optional<domain::Id> organization_id;  // the main counterpart or a further party
  std::optional<std::string> kind;
  std::optional<std::string> status;
  std::optional<domain::Id> signed_activity_id;
  // In force (signed, active or expiring) and ending within [ending_from, ending_to].
  std::optional<std::string> ending_from;
  std::optional<std::string> ending_to;
  // Scope (set by the services from the caller, never from the request):
  std::optional<domain::Id> scope_institution_id;
  std::optional<domain::Id> scope_organization_id;  // agreements the organization is a party of
};
Where ToWhere(const AgreementFilter& f);

struct AgreementPartyFilter {
  std::optional<domain::Id> agreement_id;
};
Where ToWhere(const AgreementPartyFilter& f);

struct AgreementTransitionFilter {
  std::optional<domain::Id> agreement_id;
};
Where ToWhere(const AgreementTransitionFilter& f);

struct AgreementDocumentFilter {
  std::optional<domain::Id> agreement_id;
};
Where ToWhere(const AgreementDocumentFilter& f);

// The agreements the expiry sweep (service/agreement_sweep.hpp) looks at on `today`: active
// ones ending on or before `expiring_until`, and expiring ones that ended before `today`.
// Ordered by id.
std::vector<domain::Agreement> AgreementsDueForSweep(Tx& tx, const std::string& today,
                                                     const std::string& expiring_until);

// Locks agreement `id` for the rest of the transaction if it is still in `status`; false when
// it is not (another transaction, perhaps of another server process, moved it meanwhile). On
// PostgreSQL the row lock makes a concurrent locker wait and then see the committed state.
bool LockAgreementInState(Tx& tx, domain::Id id, std::string_view status);

// Whether `organization_id` is a party of agreement `agreement_id` (main counterpart or further).
bool IsPartyOf(Tx& tx, domain::Id agreement_id, domain::Id organization_id);

// What an agreement has delivered so far, and where the figures come from.
struct Fulfilment {
  std::int64_t interns_received = 0;
  std::int64_t hires = 0;
  core::Text source;  // where the figures come from, in Chinese and English
};
// The one place fulfilment is computed. Placements (recruitment, issue #5) are not recorded
// yet, so this answers zeros and says so; it never estimates.
Fulfilment AgreementFulfilment(Tx& tx, const domain::Agreement& agreement);

// Deleting an agreement deletes its parties, transitions and document rows (each through its
// repository, so each leaves a change_log entry). The documents' files are removed by the
// service after the transaction commits.
template <>
void DeleteDependents<domain::Agreement>(Tx& tx, domain::Id id);

}  // namespace tb::store
