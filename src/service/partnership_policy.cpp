#include "service/partnership_policy.hpp"

#include <algorithm>
#include <string>

#include "domain/entities.hpp"
#include "service/policy_support.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"

namespace tb::service {

namespace {

using auth::Role;
using store::P;
using namespace policy_support;  // NOLINT: Refuse, Load, RequireRow, RequireUnitOf

bool IsAdmin(const Caller& c) { return c.Is(Role::kPlatformAdmin); }
bool IsOfficer(const Caller& c) { return c.Is(Role::kInstitutionAdmin) || c.Is(Role::kUnitStaff); }

template <class T, class Pred>
bool Both(const T* before, const T* after, Pred ok) {
  return (!before || ok(*before)) && (!after || ok(*after));
}

bool Observes(const Caller& c, domain::Id institution_id) {
  return std::find(c.observer_institutions.begin(), c.observer_institutions.end(),
                   institution_id) != c.observer_institutions.end();
}

template <class T>
Status UniqueBy(store::Tx& tx, const T& v, store::Where where, const std::string& field,
                const std::string& what) {
  auto other = store::FindOther(tx, domain::Def<T>().table, where, v.id);
  if (!other) return {};
  std::string existing = std::string(domain::Def<T>().singular) + " " + std::to_string(*other);
  return Error::Conflict(existing + " already has this " + what,
                         {{field, "already used by " + existing}});
}

}  // namespace

// ---- Campaigns and targets ------------------------------------------------------------------

Status ScopeList(const Caller& c, store::CampaignFilter& f) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return {};
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
      f.scope_institution_id = c.institution_id.value_or(-1);
      return {};
    case Role::kObserver:
      f.scope_institutions = c.observer_institutions;
      return {};
    default:
      return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not list campaigns");
  }
}

Status ScopeList(const Caller& c, store::CampaignTargetFilter&) {
  store::CampaignFilter f;
  return ScopeList(c, f);
}

bool CanSee(store::Tx&, const Caller& c, const domain::Campaign& v) {
  if (IsAdmin(c)) return true;
  if (IsOfficer(c)) return v.institution_id == c.institution_id;
  if (c.Is(Role::kObserver)) return Observes(c, v.institution_id);
  return false;
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::CampaignTarget& v) {
  auto campaign = Load<domain::Campaign>(tx, v.campaign_id);
  return campaign && CanSee(tx, c, *campaign);
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Campaign* before,
                const domain::Campaign* after) {
  if (IsAdmin(c)) return {};
  if (c.Is(Role::kInstitutionAdmin) && Both(before, after, [&](const domain::Campaign& v) {
        return v.institution_id == c.institution_id;
      })) {
    return {};
  }
  return Refuse("only the institution's administrator manages its campaigns");
}

Status CanWrite(store::Tx& tx, const Caller& c, const domain::CampaignTarget* before,
                const domain::CampaignTarget* after) {
  for (const auto* t : {before, after}) {
    if (!t) continue;
    auto campaign = Load<domain::Campaign>(tx, t->campaign_id);
    if (!campaign) continue;  // reported by CheckReferences
    TB_TRY_STATUS(CanWrite(tx, c, &*campaign, &*campaign));
  }
  return {};
}

void CheckReferences(store::Tx& tx, const domain::Campaign& v, std::vector<FieldError>& out) {
  RequireRow<domain::Institution>(tx, "institution_id", v.institution_id, out);
}

void CheckReferences(store::Tx& tx, const domain::CampaignTarget& v, std::vector<FieldError>& out) {
  auto campaign = Load<domain::Campaign>(tx, v.campaign_id);
  if (!campaign) {
    out.push_back({"campaign_id", "campaign " + std::to_string(v.campaign_id) + " does not exist"});
    return;
  }
  RequireUnitOf(tx, v.unit_id, campaign->institution_id, out);
}

Status CheckUnique(store::Tx& tx, const domain::Campaign& v) {
  return UniqueBy(
      tx, v,
      store::Where().And("institution_id = ? AND name = ?", {P(v.institution_id), P(v.name)}),
      "name", "name in this institution");
}

Status CheckUnique(store::Tx& tx, const domain::CampaignTarget& v) {
  if (v.unit_id) {
    return UniqueBy(
        tx, v,
        store::Where().And("campaign_id = ? AND unit_id = ?", {P(v.campaign_id), P(*v.unit_id)}),
        "unit_id", "unit in this campaign");
  }
  return UniqueBy(tx, v,
                  store::Where().And("campaign_id = ? AND leader_name = ? AND leader_title = ?",
                                     {P(v.campaign_id), P(v.leader_name), P(v.leader_title)}),
                  "leader_name", "leader in this campaign");
}

// ---- Activities and outcome lines -----------------------------------------------------------

Status ScopeList(const Caller& c, store::ActivityFilter& f) {
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
      return Refuse(
          "observers see campaign progress and ranking only "
          "(GET /api/v1/campaigns/{id}/progress)");
    default:
      return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not list activities");
  }
}

Status ScopeList(const Caller& c, store::ActivityOutcomeFilter&) {
  store::ActivityFilter f;
  return ScopeList(c, f);
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::Activity& v) {
  if (IsAdmin(c)) return true;
  if (IsOfficer(c)) return v.institution_id == c.institution_id;
  if (c.Is(Role::kEnterpriseRecruiter)) {
    return c.organization_id && store::TookPart(tx, v.id, *c.organization_id);
  }
  return false;
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::ActivityOutcome& v) {
  auto activity = Load<domain::Activity>(tx, v.activity_id);
  return activity && CanSee(tx, c, *activity);
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Activity* before,
                const domain::Activity* after) {
  if (IsAdmin(c)) return {};
  if (c.Is(Role::kInstitutionAdmin) && Both(before, after, [&](const domain::Activity& v) {
        return v.institution_id == c.institution_id;
      })) {
    return {};
  }
  if (c.Is(Role::kUnitStaff) && Both(before, after, [&](const domain::Activity& v) {
        return v.institution_id == c.institution_id && v.unit_id == c.unit_id;
      })) {
    return {};
  }
  if (c.Is(Role::kUnitStaff)) return Refuse("unit staff record the activities of their own unit");
  if (c.Is(Role::kInstitutionAdmin)) {
    return Refuse("an institution administrator records its own institution's activities");
  }
  return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not record activities");
}

Status CanWrite(store::Tx& tx, const Caller& c, const domain::ActivityOutcome* before,
                const domain::ActivityOutcome* after) {
  for (const auto* o : {before, after}) {
    if (!o) continue;
    auto activity = Load<domain::Activity>(tx, o->activity_id);
    if (!activity) continue;  // reported by CheckReferences
    TB_TRY_STATUS(CanWrite(tx, c, &*activity, &*activity));
  }
  return {};
}

void CheckReferences(store::Tx& tx, const domain::Activity& v, std::vector<FieldError>& out) {
  if (RequireRow<domain::Institution>(tx, "institution_id", v.institution_id, out)) {
    RequireUnitOf(tx, v.unit_id, v.institution_id, out);
  }
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  if (v.campaign_id) {
    auto campaign = Load<domain::Campaign>(tx, *v.campaign_id);
    if (!campaign) {
      out.push_back(
          {"campaign_id", "campaign " + std::to_string(*v.campaign_id) + " does not exist"});
    } else if (campaign->institution_id != v.institution_id) {
      out.push_back({"campaign_id", "campaign " + std::to_string(campaign->id) +
                                        " belongs to institution " +
                                        std::to_string(campaign->institution_id) + ", not " +
                                        std::to_string(v.institution_id)});
    } else if (v.date < campaign->start_date || v.date > campaign->end_date) {
      out.push_back({"date", "must lie in the campaign's period " + campaign->start_date + " to " +
                                 campaign->end_date});
    }
  }
}

void CheckReferences(store::Tx& tx, const domain::ActivityOutcome& v,
                     std::vector<FieldError>& out) {
  RequireRow<domain::Activity>(tx, "activity_id", v.activity_id, out);
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  if (!store::GetMajor(tx, v.major_code)) {
    out.push_back({"major_code", "major code " + v.major_code +
                                     " is not in the major catalog loaded in this database"});
  }
}

// ---- Participants and tasks: seen and changed with their activity ---------------------------

Status ScopeList(const Caller& c, store::ActivityParticipantFilter&) {
  store::ActivityFilter f;
  return ScopeList(c, f);
}

Status ScopeList(const Caller& c, store::ActivityTaskFilter&) {
  store::ActivityFilter f;
  return ScopeList(c, f);
}

namespace {

template <class Child>
bool ActivityVisible(store::Tx& tx, const Caller& c, const Child& v) {
  auto activity = Load<domain::Activity>(tx, v.activity_id);
  return activity && CanSee(tx, c, *activity);
}

template <class Child>
Status ActivityWritable(store::Tx& tx, const Caller& c, const Child* before, const Child* after) {
  for (const auto* o : {before, after}) {
    if (!o) continue;
    auto activity = Load<domain::Activity>(tx, o->activity_id);
    if (!activity) continue;  // reported by CheckReferences
    TB_TRY_STATUS(CanWrite(tx, c, &*activity, &*activity));
  }
  return {};
}

}  // namespace

bool CanSee(store::Tx& tx, const Caller& c, const domain::ActivityParticipant& v) {
  return ActivityVisible(tx, c, v);
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::ActivityTask& v) {
  return ActivityVisible(tx, c, v);
}

Status CanWrite(store::Tx& tx, const Caller& c, const domain::ActivityParticipant* before,
                const domain::ActivityParticipant* after) {
  return ActivityWritable(tx, c, before, after);
}

Status CanWrite(store::Tx& tx, const Caller& c, const domain::ActivityTask* before,
                const domain::ActivityTask* after) {
  return ActivityWritable(tx, c, before, after);
}

void CheckReferences(store::Tx& tx, const domain::ActivityParticipant& v,
                     std::vector<FieldError>& out) {
  RequireRow<domain::Activity>(tx, "activity_id", v.activity_id, out);
  RequireRow<domain::Organization>(tx, "organization_id", v.organization_id, out);
  RequireRow<domain::Unit>(tx, "unit_id", v.unit_id, out);
  RequireRow<domain::Contact>(tx, "contact_id", v.contact_id, out);
}

void CheckReferences(store::Tx& tx, const domain::ActivityTask& v, std::vector<FieldError>& out) {
  RequireRow<domain::Activity>(tx, "activity_id", v.activity_id, out);
}

Status CheckUnique(store::Tx& tx, const domain::ActivityParticipant& v) {
  std::string column = v.organization_id ? "organization_id" : v.unit_id ? "unit_id" : "contact_id";
  domain::Id id = v.organization_id.value_or(v.unit_id.value_or(v.contact_id.value_or(0)));
  return UniqueBy(
      tx, v,
      store::Where().And("activity_id = ? AND " + column + " = ?", {P(v.activity_id), P(id)}),
      column, "participant");
}

Status CheckUnique(store::Tx&, const domain::ActivityTask&) { return {}; }

Status CheckUnique(store::Tx&, const domain::Activity&) { return {}; }

Status CheckUnique(store::Tx& tx, const domain::ActivityOutcome& v) {
  return UniqueBy(
      tx, v,
      store::Where().And("activity_id = ? AND organization_id = ? AND major_code = ? AND level = ?",
                         {P(v.activity_id), P(v.organization_id), P(v.major_code), P(v.level)}),
      "major_code", "organization, major and level");
}

}  // namespace tb::service
