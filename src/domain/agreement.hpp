#pragma once
// Agreements and cooperation platforms (DESIGN §3, issue #4): cooperation between an institution
// (or one of its units) and one or more organizations — framework agreements, internship bases,
// industrial colleges, professor workstations, order classes, joint labs, technology transfer,
// entrepreneurship — with scopes, quotas, validity, the activity where it was signed, attached
// documents and a lifecycle with only its allowed transitions. Plain values; their field
// descriptions live in agreement.cpp (Def<T>).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/entity.hpp"

namespace tb::domain {

struct Agreement {
  Id id = 0;
  Id institution_id = 0;
  std::optional<Id> unit_id;  // the signing unit (null: the institution itself)
  Id organization_id = 0;     // the main counterpart; further parties in agreement_parties
  std::string kind = "framework";
  std::string level;  // industrial_college: provincial | institution; else empty
  std::string title;
  std::vector<std::string> scopes;           // employment, internship, training, ...
  std::vector<std::string> modes;            // order_class, industrial_college, ...
  std::optional<std::int64_t> intern_quota;  // interns per year
  std::optional<std::int64_t> hire_quota;    // graduates to be hired per year
  std::optional<std::int64_t> place_quota;   // seats of an order class, places of a workstation
  std::optional<std::string> start_date;     // validity, YYYY-MM-DD inclusive
  std::optional<std::string> end_date;
  std::optional<std::string> signed_on;
  std::optional<Id> signed_activity_id;  // the activity where it was signed
  std::string status = "draft";          // changed only by transitions
  std::string notes;
  std::string created_at;
  std::string updated_at;
};

// A further party of an agreement: exactly one of an organization or a unit of the institution.
struct AgreementParty {
  Id id = 0;
  Id agreement_id = 0;
  std::optional<Id> organization_id;
  std::optional<Id> unit_id;
  std::string role = "party";  // party | guarantor | witness
  std::string created_at;
  std::string updated_at;
};

// One recorded state change: who, when, from what to what, and why.
struct AgreementTransition {
  Id id = 0;
  Id agreement_id = 0;
  std::string from_status;
  std::string to_status;
  std::optional<Id> actor_user_id;
  std::string actor;  // the actor's e-mail or name as it was then
  std::string note;
  std::string created_at;  // when it happened
  std::string updated_at;
};

// A file attached to an agreement; the bytes live on disk (see service/agreement_service.hpp),
// this row holds what describes and verifies them.
struct AgreementDocument {
  Id id = 0;
  Id agreement_id = 0;
  std::string filename;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;       // hex
  std::string storage_key;  // path relative to the files directory
  std::optional<Id> uploaded_by;
  std::string created_at;
  std::string updated_at;
};

inline constexpr std::string_view kAgreementKinds[] = {
    "framework",   "internship_base", "industrial_college", "professor_workstation",
    "order_class", "joint_lab",       "tech_transfer",      "entrepreneurship"};
inline constexpr std::string_view kAgreementStates[] = {
    "draft", "signed", "active", "expiring", "expired", "renewed", "terminated"};

// The states `from` may move to (empty for the final states expired, renewed, terminated):
//   draft → signed; signed → active | terminated; active → expiring | expired | renewed |
//   terminated; expiring → expired | renewed | terminated.
std::vector<std::string_view> AllowedTransitions(std::string_view from);
bool CanTransition(std::string_view from, std::string_view to);
// States in which an agreement is in force (counted by "expiring_within" and "active" filters).
bool InForce(std::string_view status);

std::vector<FieldError> Validate(const Agreement& v);
std::vector<FieldError> Validate(const AgreementParty& v);
std::vector<FieldError> Validate(const AgreementTransition& v);
std::vector<FieldError> Validate(const AgreementDocument& v);

}  // namespace tb::domain
