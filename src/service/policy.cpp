#include "service/policy.hpp"

#include <set>

#include "store/recruitment.hpp"
#include "store/repository.hpp"

namespace tb::service {

namespace {

bool IsAdmin(const Caller& c) { return c.Is(Role::kPlatformAdmin); }
bool IsOfficer(const Caller& c) { return c.Is(Role::kInstitutionAdmin) || c.Is(Role::kUnitStaff); }

Status Refuse(std::string why) { return Error::Forbidden(std::move(why)); }

Status RefuseCollection(const Caller& c, const char* what) {
  return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not list " + what);
}

std::optional<domain::Id> InstitutionOfUnit(store::Tx& tx, domain::Id unit_id) {
  auto unit = store::Repository<domain::Unit>::Get(tx, unit_id);
  if (!unit.ok()) return std::nullopt;
  return unit->institution_id;
}

// Both before (update/delete) and after (create/update) must satisfy `ok`.
template <class T, class Pred>
bool Both(const T* before, const T* after, Pred ok) {
  return (!before || ok(*before)) && (!after || ok(*after));
}

}  // namespace

// ---- Reference structure: institutions, units, organizations, relations ------------------------
// Visible to every signed-in role; written by administrators and officers within their scope.

Status ScopeList(const Caller&, store::InstitutionFilter&) { return {}; }
Status ScopeList(const Caller&, store::UnitFilter&) { return {}; }
Status ScopeList(const Caller& c, store::OrganizationFilter& f) {
  if (!f.visited && !f.agreement_state) return {};
  // Visits and agreements are the institution's own records: the filters that look at them
  // are for administrators and institution staff, relative to their own institution.
  if (IsAdmin(c)) {
    if (f.visited && !f.institution_id && !f.campaign_id) {
      return Error::Invalid("invalid query parameters",
                            {{"visited", "needs institution_id or campaign_id (whose visits)"}});
    }
    return {};
  }
  if (c.Is(Role::kInstitutionAdmin) || c.Is(Role::kUnitStaff)) {
    if (f.institution_id && f.institution_id != c.institution_id) {
      return Refuse("visits and agreements of another institution are not yours to query");
    }
    f.institution_id = c.institution_id.value_or(-1);
    return {};
  }
  return Refuse(
      "the visited and agreement_state filters look at an institution's visits and agreements: "
      "for administrators and institution staff");
}
Status ScopeList(const Caller&, store::RelationFilter&) { return {}; }

bool CanSee(store::Tx&, const Caller&, const domain::Institution&) { return true; }
bool CanSee(store::Tx&, const Caller&, const domain::Unit&) { return true; }
bool CanSee(store::Tx&, const Caller&, const domain::Organization&) { return true; }
bool CanSee(store::Tx&, const Caller&, const domain::Relation&) { return true; }

Status CanWrite(store::Tx&, const Caller& c, const domain::Institution* before,
                const domain::Institution* after) {
  if (IsAdmin(c)) return {};
  if (c.Is(Role::kInstitutionAdmin) && before && after && before->id == c.institution_id) {
    return {};
  }
  return Refuse(before && after ? "only a platform administrator or the institution's own "
                                  "administrator may change an institution"
                                : "only a platform administrator may add or remove institutions");
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Unit* before,
                const domain::Unit* after) {
  if (IsAdmin(c)) return {};
  if (c.Is(Role::kInstitutionAdmin) && Both(before, after, [&](const domain::Unit& u) {
        return u.institution_id == c.institution_id;
      })) {
    return {};
  }
  return Refuse("only the institution's administrator may manage its units");
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Organization* before,
                const domain::Organization* after) {
  bool verified_changes = after && (before ? before->verified != after->verified : after->verified);
  if (verified_changes && !IsAdmin(c)) {
    return Refuse("only a platform administrator may mark an organization verified");
  }
  if (IsAdmin(c)) return {};
  if (!after) return Refuse("only a platform administrator may delete an organization");
  if (IsOfficer(c)) return {};
  if (c.Is(Role::kEnterpriseRecruiter) && before && before->id == c.organization_id) return {};
  return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not " +
                (before ? "change this organization" : "add organizations"));
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Relation*, const domain::Relation*) {
  if (IsAdmin(c) || IsOfficer(c)) return {};
  return Refuse("only administrators and staff of an institution may record relations");
}

// ---- Contacts: people at organizations and units (personal data) -------------------------------

Status ScopeList(const Caller& c, store::ContactFilter& f) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return {};
    case Role::kInstitutionAdmin:
      f.scope_institution_id = c.institution_id.value_or(-1);
      return {};
    case Role::kUnitStaff:
      f.scope_unit_id = c.unit_id.value_or(-1);
      return {};
    case Role::kEnterpriseRecruiter:
      f.scope_organization_id = c.organization_id.value_or(-1);
      return {};
    default:
      return RefuseCollection(c, "contacts");
  }
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::Contact& v) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return true;
    case Role::kInstitutionAdmin:
      return v.organization_id.has_value() ||
             (v.unit_id && InstitutionOfUnit(tx, *v.unit_id) == c.institution_id);
    case Role::kUnitStaff:
      return v.organization_id.has_value() || v.unit_id == c.unit_id;
    case Role::kEnterpriseRecruiter:
      return v.organization_id && v.organization_id == c.organization_id;
    default:
      return false;
  }
}

Status CanWrite(store::Tx& tx, const Caller& c, const domain::Contact* before,
                const domain::Contact* after) {
  if (IsAdmin(c)) return {};
  bool ok = false;
  switch (c.role) {
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
    case Role::kEnterpriseRecruiter:
      ok = Both(before, after, [&](const domain::Contact& v) { return CanSee(tx, c, v); });
      break;
    default:
      break;
  }
  return ok ? Status{}
            : Refuse("the contact belongs to an organization or unit outside your scope");
}

// ---- Students (personal data) ----------------------------------------------------------------

Status ScopeList(const Caller& c, store::StudentFilter& f) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return {};
    case Role::kInstitutionAdmin:
      f.scope_institution_id = c.institution_id.value_or(-1);
      return {};
    case Role::kUnitStaff:
      f.scope_unit_id = c.unit_id.value_or(-1);
      return {};
    case Role::kStudent:
      f.scope_student_id = c.student_id.value_or(-1);
      return {};
    // An enterprise sees the students who opted in to talent search and those who applied to
    // one of its posts (DESIGN §9).
    case Role::kEnterpriseRecruiter:
      f.scope_talent_search = true;
      f.scope_applicants_of = c.organization_id.value_or(-1);
      return {};
    case Role::kObserver:
      return Refuse("observers see aggregated figures only (GET /api/v1/reports/students)");
  }
  return Refuse("not allowed");
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::Student& v) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return true;
    case Role::kInstitutionAdmin:
      return v.institution_id == c.institution_id;
    case Role::kUnitStaff:
      return v.unit_id == c.unit_id;
    case Role::kStudent:
      return v.id == c.student_id;
    case Role::kEnterpriseRecruiter:
      return v.talent_search_consent ||
             (c.organization_id && store::HasApplicationWith(tx, *c.organization_id, v.id));
    case Role::kObserver:
      return false;
  }
  return false;
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Student* before,
                const domain::Student* after) {
  if (IsAdmin(c)) return {};
  if (c.Is(Role::kInstitutionAdmin) && Both(before, after, [&](const domain::Student& s) {
        return s.institution_id == c.institution_id;
      })) {
    return {};
  }
  if (c.Is(Role::kUnitStaff) &&
      Both(before, after, [&](const domain::Student& s) { return s.unit_id == c.unit_id; })) {
    return {};
  }
  if (c.Is(Role::kStudent) && before && after && before->id == c.student_id) {
    // A student keeps their profile, résumé, preferences and consent; the registry fields
    // belong to the institution.
    if (before->institution_id != after->institution_id || before->unit_id != after->unit_id ||
        before->student_no != after->student_no || before->major_code != after->major_code ||
        before->level != after->level || before->cohort != after->cohort ||
        before->name != after->name || before->id_number != after->id_number) {
      return Refuse(
          "a student may change their profile, résumé and preferences, not the "
          "registry fields (institution, unit, number, name, major, level, cohort, ID)");
    }
    return {};
  }
  if (c.Is(Role::kInstitutionAdmin) || c.Is(Role::kUnitStaff)) {
    return Refuse(c.Is(Role::kUnitStaff)
                      ? "unit staff manage the students of their own unit only"
                      : "an institution administrator manages its own students only");
  }
  return Refuse(std::string("a ") + auth::RoleName(c.role) + " may not change student records");
}

// DESIGN §9: an enterprise "sees phone and ID numbers only after the student accepted an
// interview". Recruitment has no separate step in which the student accepts an interview: a
// student who does not want it withdraws or declines, which takes the application out of the
// main path. So "accepted an interview" reads as: the student has an application to one of the
// recruiter's organization's posts that is in state interview, intention, offer or signed. Until
// then (applied or screening only, talent-search consent only, withdrawn / declined / rejected
// before or after the interview, or another organization's application) phone, ID number and
// e-mail stay masked.
const std::vector<std::string>& ContactStates() {
  static const std::vector<std::string> states = {"interview", "intention", "offer", "signed"};
  return states;
}

namespace {

void MaskContact(domain::Student& v) {
  if (v.phone) v.phone = MaskMobile(*v.phone);
  if (v.id_number) v.id_number = MaskIdNumber(*v.id_number);
  if (v.email) v.email = MaskEmail(*v.email);
}

}  // namespace

void Mask(store::Tx& tx, const Caller& c, domain::Student& v) {
  if (!c.Is(Role::kEnterpriseRecruiter)) return;
  if (c.organization_id &&
      store::HasApplicationInStates(tx, *c.organization_id, v.id, ContactStates())) {
    return;
  }
  MaskContact(v);
}

void MaskAll(store::Tx& tx, const Caller& c, std::vector<domain::Student>& items) {
  if (!c.Is(Role::kEnterpriseRecruiter) || items.empty()) return;
  std::set<domain::Id> unmasked;
  if (c.organization_id) {
    std::vector<domain::Id> ids;
    ids.reserve(items.size());
    for (const auto& v : items) ids.push_back(v.id);
    unmasked = store::StudentsWithApplicationInStates(tx, *c.organization_id, ids, ContactStates());
  }
  for (auto& v : items) {
    if (!unmasked.contains(v.id)) MaskContact(v);
  }
}

// ---- Posts -----------------------------------------------------------------------------------

Status ScopeList(const Caller& c, store::PostFilter& f) {
  if (IsAdmin(c) || IsOfficer(c)) return {};
  f.scope_open_only = true;
  if (c.Is(Role::kEnterpriseRecruiter)) {
    f.scope_own_organization_id = c.organization_id.value_or(-1);
  }
  // The fake-employer problem: students see posts only once the enterprise is verified.
  if (c.Is(Role::kStudent)) f.scope_verified_only = true;
  return {};
}

bool CanSee(store::Tx& tx, const Caller& c, const domain::Post& v) {
  if (IsAdmin(c) || IsOfficer(c)) return true;
  if (c.Is(Role::kEnterpriseRecruiter) && v.organization_id == c.organization_id) return true;
  if (v.status != "open") return false;
  if (c.Is(Role::kStudent)) {
    auto org = store::Repository<domain::Organization>::Get(tx, v.organization_id);
    return org.ok() && org->verified;
  }
  return true;
}

Status CanWrite(store::Tx&, const Caller& c, const domain::Post* before,
                const domain::Post* after) {
  if (IsAdmin(c) || IsOfficer(c)) return {};
  if (c.Is(Role::kEnterpriseRecruiter) && Both(before, after, [&](const domain::Post& p) {
        return p.organization_id == c.organization_id;
      })) {
    return {};
  }
  return Refuse(c.Is(Role::kEnterpriseRecruiter)
                    ? "a recruiter manages its own organization's posts only"
                    : std::string("a ") + auth::RoleName(c.role) + " may not manage posts");
}

// ---- Masking ---------------------------------------------------------------------------------

std::string MaskMobile(const std::string& v) {
  if (v.size() < 7) return std::string(v.size(), '*');
  return v.substr(0, 3) + std::string(v.size() - 7, '*') + v.substr(v.size() - 4);
}

std::string MaskIdNumber(const std::string& v) {
  if (v.size() < 10) return std::string(v.size(), '*');
  return v.substr(0, 6) + std::string(v.size() - 10, '*') + v.substr(v.size() - 4);
}

std::string MaskEmail(const std::string& v) {
  auto at = v.find('@');
  if (at == std::string::npos || at == 0) return "***";
  return v.substr(0, 1) + "***" + v.substr(at);
}

}  // namespace tb::service
