#include "service/agreement_policy.hpp"

#include <string>

#include "domain/entities.hpp"
#include "domain/partnership.hpp"
#include "service/policy_support.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"

namespace tb::service {

namespace {

using auth::Role;
using store::P;
using namespace policy_support;  // NOLINT: Refuse, Load, RequireRow, RequireUnitOf

std::optional<domain::Agreement> LoadAgreement(store::Tx& tx, domain::Id id) {
  return Load<domain::Agreement>(tx, id);
}

// Children are seen and changed with their agreement.
template <class Child>
bool AgreementVisible(store::Tx& tx, const Caller& c, const Child& v) {
  auto agreement = LoadAgreement(tx, v.agreement_id);
  return agreement && CanSee(tx, c, *agreement);
}

template <class Child>
Status AgreementWritable(store::Tx& tx, const Caller& c, const Child* before, const Child* after) {
  for (const auto* o : {before, after}) {
    if (!o) continue;
    auto agreement = LoadAgreement(tx, o->agreement_id);
    if (!agreement) continue;  // reported by CheckReferences
    TB_TRY_STATUS(CanWrite(tx, c, &*agreement, &*agreement));
  }
  return {};
}

Status ListAsAgreements(const Caller& c) {
  store::AgreementFilter f;
  return ScopeList(c, f);
}

}  // namespace

Status ScopeList(const Caller& c, store::AgreementFilter& f) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return {};
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
      f.scope_institution_id = c.institution_id.value_or(-1);
      return {};
    case Role::kEnterpriseRecruiter:
      f.scope_organization_id = c.organization_id.value_or(-1);
      return {};
    case Role::kObserver:
      return Refuse("observers see aggregates only, not agreements (DESIGN §9)");
    default:
      return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not list agreements");
  }
}

Status ScopeList(const Caller& c, store::AgreementPartyFilter&) { return ListAsAgreements(c); }
Status ScopeList(const Caller& c, store::AgreementTransitionFilter&) { return ListAsAgreements(c); }
Status ScopeList(const Caller& c, store::AgreementDocumentFilter&) { return ListAsAgreements(c); }

bool CanSee(store::Tx& tx, const Caller& c, const domain::Agreement& v) {
  if (c.Is(Role::kPlatformAdmin)) return true;
  if (c.Is(Role::kInstitutionAdmin) || c.Is(Role::kUnitStaff)) {
    return v.institution_id == c.institution_id;
  }
  if (c.Is(Role::kEnterpriseRecruiter)) {
    return c.organization_id && store::IsPartyOf(tx, v.id, *c.organization_id);
  }
  return false;
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::AgreementParty& v) {
  return AgreementVisible(tx, c, v);
}
bool CanSee(store::Tx& tx, const Caller& c, const domain::AgreementTransition& v) {
  return AgreementVisible(tx, c, v);
}
bool CanSee(store::Tx& tx, const Caller& c, const domain::AgreementDocument& v) {
  return AgreementVisible(tx, c, v);
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Agreement* before,
                const domain::Agreement* after) {
  auto both = [&](auto ok) { return (!before || ok(*before)) && (!after || ok(*after)); };
  if (c.Is(Role::kPlatformAdmin)) return {};
  if (c.Is(Role::kInstitutionAdmin)) {
    if (both([&](const domain::Agreement& v) { return v.institution_id == c.institution_id; })) {
      return {};
    }
    return Refuse("an institution administrator manages its own institution's agreements");
  }
  if (c.Is(Role::kUnitStaff)) {
    if (both([&](const domain::Agreement& v) {
          return v.institution_id == c.institution_id && v.unit_id == c.unit_id;
        })) {
      return {};
    }
    return Refuse("unit staff manage the agreements their own unit signs");
  }
  return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not change agreements");
}

Status CanWrite(store::Tx& tx, const Caller& c, const domain::AgreementParty* before,
                const domain::AgreementParty* after) {
  return AgreementWritable(tx, c, before, after);
}
Status CanWrite(store::Tx& tx, const Caller& c, const domain::AgreementTransition* before,
                const domain::AgreementTransition* after) {
  return AgreementWritable(tx, c, before, after);
}
Status CanWrite(store::Tx& tx, const Caller& c, const domain::AgreementDocument* before,
                const domain::AgreementDocument* after) {
  return AgreementWritable(tx, c, before, after);
}

void CheckReferences(store::Tx& tx, const domain::Agreement& v, std::vector<FieldError>& out) {
  if (RequireRow<domain::Institution>(tx, "institution_id", v.institution_id, out)) {
    RequireUnitOf(tx, v.unit_id, v.institution_id, out);
  }
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  if (v.signed_activity_id) {
    auto activity = store::Repository<domain::Activity>::Get(tx, *v.signed_activity_id);
    if (!activity.ok()) {
      out.push_back({"signed_activity_id",
                     "activity " + std::to_string(*v.signed_activity_id) + " does not exist"});
    } else if (activity->institution_id != v.institution_id) {
      out.push_back({"signed_activity_id", "activity " + std::to_string(activity->id) +
                                               " belongs to institution " +
                                               std::to_string(activity->institution_id) + ", not " +
                                               std::to_string(v.institution_id)});
    }
  }
}

void CheckReferences(store::Tx& tx, const domain::AgreementParty& v, std::vector<FieldError>& out) {
  auto agreement = LoadAgreement(tx, v.agreement_id);
  if (!agreement) {
    out.push_back(
        {"agreement_id", "agreement " + std::to_string(v.agreement_id) + " does not exist"});
    return;
  }
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  RequireUnitOf(tx, v.unit_id, agreement->institution_id, out);
  if (v.organization_id && *v.organization_id == agreement->organization_id) {
    out.push_back({"organization_id", "is already the agreement's main counterpart"});
  }
}

void CheckReferences(store::Tx& tx, const domain::AgreementTransition& v,
                     std::vector<FieldError>& out) {
  RequireRow<domain::Agreement>(tx, "agreement_id", v.agreement_id, out);
}

void CheckReferences(store::Tx& tx, const domain::AgreementDocument& v,
                     std::vector<FieldError>& out) {
  RequireRow<domain::Agreement>(tx, "agreement_id", v.agreement_id, out);
}

Status CheckUnique(store::Tx&, const domain::Agreement&) { return {}; }

Status CheckUnique(store::Tx& tx, const domain::AgreementParty& v) {
  std::string column = v.organization_id ? "organization_id" : "unit_id";
  domain::Id id = v.organization_id.value_or(v.unit_id.value_or(0));
  auto other = store::FindOther(
      tx, "agreement_parties",
      store::Where().And("agreement_id = ? AND " + column + " = ?", {P(v.agreement_id), P(id)}),
      v.id);
  if (!other) return {};
  return Error::Conflict(
      "agreement party " + std::to_string(*other) + " is already this party",
      {{column, "already a party (agreement party " + std::to_string(*other) + ")"}});
}

Status CheckUnique(store::Tx&, const domain::AgreementTransition&) { return {}; }
Status CheckUnique(store::Tx&, const domain::AgreementDocument&) { return {}; }

}  // namespace tb::service
