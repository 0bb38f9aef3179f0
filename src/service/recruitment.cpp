#include "service/recruitment.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "auth/audit.hpp"
#include "core/time.hpp"
#include "core/validate.hpp"
#include "domain/json.hpp"
#include "domain/validation.hpp"
#include "service/evidence_files.hpp"
#include "service/partnership_policy.hpp"
#include "store/change_log.hpp"
#include "store/partnership_queries.hpp"
#include "store/repository.hpp"

namespace tb::service {

namespace {

using auth::Role;
using domain::Id;
using store::Repository;

bool IsAdmin(const Caller& c) { return c.Is(Role::kPlatformAdmin); }
bool IsOfficer(const Caller& c) { return c.Is(Role::kInstitutionAdmin) || c.Is(Role::kUnitStaff); }

Error NotFound(const std::string& what, Id id) {
  return Error::NotFound(what + " " + std::to_string(id) + " not found");
}

// Officers see the students of their institution (admin) or unit (staff).
bool OfficerCovers(const Caller& c, Id institution_id, Id unit_id) {
  if (c.Is(Role::kInstitutionAdmin)) return c.institution_id == institution_id;
  if (c.Is(Role::kUnitStaff)) return c.unit_id == unit_id;
  return false;
}

bool CanSeeStudentRecord(const Caller& c, const domain::Student& s) {
  if (IsAdmin(c)) return true;
  if (c.Is(Role::kStudent)) return c.student_id == s.id;
  return OfficerCovers(c, s.institution_id, s.unit_id);
}

bool CanSeeApplication(const Caller& c, const domain::Application& a) {
  if (IsAdmin(c)) return true;
  if (c.Is(Role::kStudent)) return c.student_id == a.student_id;
  if (c.Is(Role::kEnterpriseRecruiter)) return c.organization_id == a.organization_id;
  return OfficerCovers(c, a.institution_id, a.unit_id);
}

Result<domain::Application> VisibleApplication(store::Tx& tx, const Caller& c, Id id) {
  auto a = Repository<domain::Application>::Get(tx, id);
  if (!a.ok() || !CanSeeApplication(c, *a)) return NotFound("application", id);
  return *a;
}

domain::Party PartyOf(const Caller& c) {
  switch (c.role) {
    case Role::kStudent:
      return domain::Party::kStudent;
    case Role::kEnterpriseRecruiter:
      return domain::Party::kEnterprise;
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
      return domain::Party::kInstitution;
    default:
      return domain::Party::kPlatform;
  }
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "none" : out;
}

void Record(store::Tx& tx, const Caller& c, const domain::Application& a, const std::string& from,
            const std::string& note, bool follow_up, const std::string& now) {
  domain::ApplicationTransition t;
  t.application_id = a.id;
  t.from_state = from;
  t.to_state = a.state;
  t.actor_user_id = c.user_id;
  t.actor_role = auth::RoleName(c.role);
  t.actor_label = c.Label();
  t.note = note;
  t.intention_kind = a.state == "intention" ? a.intention_kind : std::nullopt;
  t.follow_up = follow_up;
  t.event_id = a.event_id;
  t.at = now;
  store::InsertTransition(tx, t);
}

// ---- events --------------------------------------------------------------------------------

Result<domain::Activity> LoadEvent(store::Tx& tx, Id id) {
  auto a = Repository<domain::Activity>::Get(tx, id);
  if (!a.ok() || !domain::IsEventKind(a->kind)) return NotFound("event", id);
  return *a;
}

bool Takes(const std::vector<Id>& ids, std::optional<Id> id) {
  return id && std::find(ids.begin(), ids.end(), *id) != ids.end();
}

bool CanSeeEvent(store::Tx& tx, const Caller& c, const domain::Activity& e) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return true;
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
      return e.institution_id == c.institution_id ||
             Takes(store::EventInstitutions(tx, e.id), c.institution_id);
    case Role::kEnterpriseRecruiter:
      return e.organization_id == c.organization_id ||
             Takes(store::EventOrganizations(tx, e.id), c.organization_id);
    case Role::kStudent: {
      if (!c.student_id) return false;
      auto s = Repository<domain::Student>::Get(tx, *c.student_id);
      if (!s.ok()) return false;
      return e.institution_id == s->institution_id ||
             Takes(store::EventInstitutions(tx, e.id), s->institution_id);
    }
    case Role::kObserver:
      return false;
  }
  return false;
}

// Observers read an event's aggregates when they observe its host institution.
bool CanSeeEventAggregates(store::Tx& tx, const Caller& c, const domain::Activity& e) {
  if (c.Is(Role::kObserver)) {
    return std::find(c.observer_institutions.begin(), c.observer_institutions.end(),
                     e.institution_id) != c.observer_institutions.end();
  }
  return CanSeeEvent(tx, c, e);
}

bool CanManageEvent(const Caller& c, const domain::Activity& e) {
  if (IsAdmin(c)) return true;
  if (c.Is(Role::kInstitutionAdmin)) return e.institution_id == c.institution_id;
  if (c.Is(Role::kUnitStaff)) return e.institution_id == c.institution_id && e.unit_id == c.unit_id;
  return false;
}

Result<domain::Activity> VisibleEvent(store::Tx& tx, const Caller& c, Id id) {
  TB_TRY(domain::Activity e, LoadEvent(tx, id));
  if (!CanSeeEvent(tx, c, e)) return NotFound("event", id);
  return e;
}

Result<domain::Activity> ManagedEvent(store::Tx& tx, const Caller& c, Id id) {
  TB_TRY(domain::Activity e, VisibleEvent(tx, c, id));
  if (!CanManageEvent(c, e)) {
    return Error::Forbidden(
        "only the platform admin, the host institution's admin and the host unit's staff "
        "manage an event");
  }
  return e;
}

EventView ViewOf(store::Tx& tx, const domain::Activity& e) {
  EventView v;
  v.activity = e;
  v.settings = store::GetEventSettings(tx, e.id).value_or(store::EventSettings{e.id});
  v.organizations = store::EventOrganizations(tx, e.id);
  if (e.organization_id && !Takes(v.organizations, e.organization_id)) {
    v.organizations.insert(v.organizations.begin(), *e.organization_id);
  }
  v.institutions = store::EventInstitutions(tx, e.id);
  if (!Takes(v.institutions, e.institution_id)) {
    v.institutions.insert(v.institutions.begin(), e.institution_id);
  }
  v.featured_posts = store::EventPosts(tx, e.id);
  v.counters = store::EventCounters(tx, e.id);
  return v;
}

std::string NewCode() {
  static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::random_device rd;
  std::string code;
  for (int i = 0; i < 8; ++i) code += kAlphabet[rd() % (sizeof kAlphabet - 1)];
  return code;
}

bool IsUtcTime(const std::string& v);

// What is wrong with event settings, field by field.
std::vector<FieldError> SettingsErrors(const SettingsRequest& s) {
  std::vector<FieldError> errors;
  if (s.capacity && (*s.capacity < 0 || *s.capacity > 1000000)) {
    errors.push_back({"capacity", "must be between 0 and 1000000"});
  }
  if (s.stream_url &&
      !(s.stream_url->starts_with("https://") || s.stream_url->starts_with("http://"))) {
    errors.push_back({"stream_url", "must be an http(s) URL"});
  }
  for (auto [v, name] : {std::pair{&s.starts_at, "starts_at"}, {&s.ends_at, "ends_at"}}) {
    if (*v && !IsUtcTime(**v)) {
      errors.push_back({name, "must be a UTC time YYYY-MM-DDTHH:MM:SSZ"});
    }
  }
  for (auto [v, name] : {std::pair{s.external_enterprises, "external_enterprises"},
                         {s.external_institutions, "external_institutions"}}) {
    if (v < 0 || v > 1000000) errors.push_back({name, "must be between 0 and 1000000"});
  }
  if (errors.empty() && s.starts_at && s.ends_at && *s.ends_at < *s.starts_at) {
    errors.push_back({"ends_at", "must not be before starts_at"});
  }
  return errors;
}

// What is wrong with an event's activity fields and settings, field by field.
std::vector<FieldError> EventErrors(const domain::Activity& a, const SettingsRequest& s) {
  std::vector<FieldError> errors;
  bool event_kind = domain::IsEventKind(a.kind);
  if (!event_kind) errors.push_back({"kind", "must be job_fair, livestream or group_interview"});
  for (auto& e : domain::Validate(a)) {
    if (event_kind || e.field != "kind") errors.push_back(std::move(e));
  }
  for (auto& e : SettingsErrors(s)) errors.push_back(std::move(e));
  return errors;
}

SettingsRequest RequestOf(const store::EventSettings& s) {
  return {s.capacity, s.stream_url,           s.starts_at,
          s.ends_at,  s.external_enterprises, s.external_institutions};
}

// Stores the (valid) settings of event `e`: a capacity below the places taken is refused, a
// larger one takes students from the waiting list.
Status StoreSettings(store::Tx& tx, const domain::Activity& e, const SettingsRequest& s,
                     const std::string& now) {
  if (s.stream_url && e.kind != "livestream") {
    return Error::Unprocessable("not valid",
                                {{"stream_url", "only a livestream has a stream URL"}});
  }
  auto before = store::GetEventSettings(tx, e.id);
  if (before && s.capacity && before->capacity && *s.capacity < *before->capacity &&
      store::PlacesTaken(tx, e.id) > *s.capacity) {
    return Error::Conflict("capacity " + std::to_string(*s.capacity) + " is below the " +
                               std::to_string(store::PlacesTaken(tx, e.id)) + " places taken",
                           {{"capacity", "is below the places taken"}});
  }
  store::PutEventSettings(tx,
                          {e.id, s.capacity, s.stream_url, s.starts_at, s.ends_at,
                           s.external_enterprises, s.external_institutions},
                          now);
  if (s.capacity) {
    while (store::PlacesTaken(tx, e.id) < *s.capacity) {
      auto next = store::FirstWaitlisted(tx, e.id);
      if (!next) break;
      next->status = "registered";
      TB_TRY_STATUS(Repository<domain::EventRegistration>::Update(tx, *next, now));
    }
  }
  return {};
}

// Checks an interview slot of `event_id` (other than slot `except`): fields, references, one
// interview per room and per student at a time.
Status CheckSlot(store::Tx& tx, const domain::EventSlot& slot, Id except) {
  std::vector<FieldError> errors;
  if (slot.room.empty()) errors.push_back({"room", "is required"});
  for (auto [v, name] : {std::pair{&slot.starts_at, "starts_at"}, {&slot.ends_at, "ends_at"}}) {
    if (!IsUtcTime(*v)) errors.push_back({name, "must be a UTC time YYYY-MM-DDTHH:MM:SSZ"});
  }
  if (errors.empty() && slot.ends_at <= slot.starts_at) {
    errors.push_back({"ends_at", "must be after starts_at"});
  }
  if (!Repository<domain::Organization>::Exists(tx, slot.organization_id)) {
    errors.push_back({"organization_id",
                      "organization " + std::to_string(slot.organization_id) + " does not exist"});
  }
  if (slot.application_id) {
    auto a = Repository<domain::Application>::Get(tx, *slot.application_id);
    if (!a.ok() || a->organization_id != slot.organization_id) {
      errors.push_back({"application_id", "must be an application to this organization"});
    }
  }
  if (!errors.empty()) return Error::Unprocessable("slot is not valid", errors);
  if (store::OverlappingRoomSlots(tx, slot.event_id, slot.room, slot.starts_at, slot.ends_at,
                                  except) > 0) {
    return Error::Conflict("room " + slot.room + " is taken at that time",
                           {{"room", "overlaps another slot"}});
  }
  if (slot.application_id &&
      store::OverlappingStudentSlots(tx, slot.event_id, *slot.application_id, slot.starts_at,
                                     slot.ends_at, except) > 0) {
    return Error::Conflict("the student has another interview at that time",
                           {{"application_id", "the student is busy then"}});
  }
  return {};
}

// ---- destinations --------------------------------------------------------------------------

bool CanSeeDestination(const Caller& c, const domain::Destination& d) {
  if (IsAdmin(c)) return true;
  if (c.Is(Role::kStudent)) return c.student_id == d.student_id;
  return OfficerCovers(c, d.institution_id, d.unit_id);
}

Result<domain::Destination> VisibleDestination(store::Tx& tx, const Caller& c, Id id) {
  auto d = Repository<domain::Destination>::Get(tx, id);
  if (!d.ok() || !CanSeeDestination(c, *d)) return NotFound("destination", id);
  return *d;
}

Status CheckDestination(store::Tx& tx, domain::Destination& d) {
  std::vector<FieldError> errors;
  if (d.organization_id) {
    auto org = Repository<domain::Organization>::Get(tx, *d.organization_id);
    if (!org.ok()) {
      errors.push_back({"organization_id",
                        "organization " + std::to_string(*d.organization_id) + " does not exist"});
    } else {
      if (d.employer_name.empty()) d.employer_name = org->name;
      if (!d.employer_credit_code) d.employer_credit_code = org->credit_code;
    }
  }
  if (d.employer_credit_code && d.employer_credit_code->empty()) d.employer_credit_code.reset();
  for (auto& e : domain::Validate(d)) errors.push_back(std::move(e));
  if (!errors.empty()) return Error::Unprocessable("destination is not valid", std::move(errors));
  return {};
}

// The institutions whose figures the caller may read; nullopt = all.
Result<std::optional<std::vector<Id>>> ReportScope(const Caller& c) {
  switch (c.role) {
    case Role::kPlatformAdmin:
      return std::optional<std::vector<Id>>();
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
      return std::optional<std::vector<Id>>(std::vector<Id>{c.institution_id.value_or(-1)});
    case Role::kObserver:
      return std::optional<std::vector<Id>>(c.observer_institutions);
    default:
      return Error::Forbidden(std::string("a ") + auth::RoleName(c.role) +
                              " may not read employment figures");
  }
}

bool IsUtcTime(const std::string& v) {
  return v.size() == 20 && v[10] == 'T' && v[19] == 'Z' && !core::CheckDate(v.substr(0, 10));
}

std::optional<std::int64_t> Median(std::vector<std::int64_t> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  if (n % 2 == 1) return v[n / 2];
  return (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

RecruitmentService::RecruitmentService(std::shared_ptr<store::Database> db, std::string files_dir)
    : db_(std::move(db)), files_dir_(std::move(files_dir)) {}

// ---- applications ------------------------------------------------------------------------------

Result<domain::Application> RecruitmentService::Apply(const Caller& c, const ApplyRequest& req,
                                                      const std::string& now,
                                                      Refusal* refusal) const {
  if (!(IsAdmin(c) || IsOfficer(c) || c.Is(Role::kStudent))) {
    return Error::Forbidden(std::string("a ") + auth::RoleName(c.role) +
                            " may not make applications (students apply; their institution may "
                            "apply on their behalf)");
  }
  Id student_id = 0;
  if (c.Is(Role::kStudent)) {
    if (req.student_id && req.student_id != c.student_id) {
      return Error::Forbidden("a student applies for themself only");
    }
    student_id = c.student_id.value_or(-1);
  } else if (!req.student_id) {
    return Error::Unprocessable("not valid", {{"student_id", "is required"}});
  } else {
    student_id = *req.student_id;
  }
  return db_->Write([&](store::Tx& tx) -> Result<domain::Application> {
    auto student = Repository<domain::Student>::Get(tx, student_id);
    if (!student.ok() || !CanSeeStudentRecord(c, *student)) return NotFound("student", student_id);
    auto post = Repository<domain::Post>::Get(tx, req.post_id);
    if (!post.ok()) {
      return Error::Unprocessable(
          "not valid", {{"post_id", "post " + std::to_string(req.post_id) + " does not exist"}});
    }
    if (req.event_id) {
      auto event = LoadEvent(tx, *req.event_id);
      if (!event.ok() || !CanSeeEvent(tx, c, *event)) {
        return Error::Unprocessable("not valid",
                                    {{"event_id", "event " + std::to_string(*req.event_id) +
                                                      " does not exist or is not visible to you"}});
      }
    }
    if (auto existing = store::FindApplication(tx, student_id, req.post_id)) {
      return Error::Conflict(
          "the student already applied to this post (application " + std::to_string(*existing) +
              ")",
          {{"post_id", "already applied: application " + std::to_string(*existing)}});
    }
    TB_TRY(domain::Organization org,
           Repository<domain::Organization>::Get(tx, post->organization_id));
    auto reasons = domain::Eligibility(*student, *post, org, now.substr(0, 10));
    if (!reasons.empty()) {
      std::vector<FieldError> fields;
      for (const auto& r : reasons) fields.push_back({r.field, r.en + " / " + r.zh});
      if (refusal) refusal->reasons = reasons;
      return Error::Unprocessable("the student may not apply to this post", std::move(fields));
    }
    domain::Application a;
    a.student_id = student_id;
    a.post_id = post->id;
    a.institution_id = student->institution_id;
    a.unit_id = student->unit_id;
    a.organization_id = post->organization_id;
    a.post_kind = post->kind;
    a.event_id = req.event_id;
    a.note = req.note;
    a = Repository<domain::Application>::Insert(tx, std::move(a), now);
    Record(tx, c, a, "", req.note, false, now);
    auth::Audit(tx, c, "create", "application", a.id, std::nullopt, domain::ToJson(a), now);
    return a;
  });
}

Result<domain::Application> RecruitmentService::GetApplication(const Caller& c, Id id) const {
  return db_->Read(
      [&](store::Tx& tx) -> Result<domain::Application> { return VisibleApplication(tx, c, id); });
}

Status RecruitmentService::CheckListApplications(const Caller& c) const {
  if (c.Is(Role::kObserver)) {
    return Error::Forbidden("observers see aggregated figures only");
  }
  return {};
}

Result<store::Page<domain::Application>> RecruitmentService::ListApplications(
    const Caller& c, store::ApplicationFilter f, const store::PageRequest& page) const {
  TB_TRY_STATUS(CheckListApplications(c));
  switch (c.role) {
    case Role::kInstitutionAdmin:
      f.scope_institution_id = c.institution_id.value_or(-1);
      break;
    case Role::kUnitStaff:
      f.scope_unit_id = c.unit_id.value_or(-1);
      break;
    case Role::kStudent:
      f.scope_student_id = c.student_id.value_or(-1);
      break;
    case Role::kEnterpriseRecruiter:
      f.scope_organization_id = c.organization_id.value_or(-1);
      break;
    default:
      break;
  }
  return db_->Read([&](store::Tx& tx) -> Result<store::Page<domain::Application>> {
    return Repository<domain::Application>::List(tx, store::ToWhere(f), page);
  });
}

Result<domain::Application> RecruitmentService::Transition(const Caller& c, Id id,
                                                           const TransitionRequest& req,
                                                           const std::string& now,
                                                           Refusal* refusal) const {
  if (req.to.empty()) return Error::Unprocessable("not valid", {{"to", "is required"}});
  if (domain::StateRank(req.to) < 0 && req.to != "rejected" && req.to != "withdrawn" &&
      req.to != "declined") {
    return Error::Unprocessable("not valid",
                                {{"to",
                                  "must be one of applied, screening, interview, intention, offer, "
                                  "signed, rejected, withdrawn, declined; got '" +
                                      req.to + "'"}});
  }
  if (req.intention_kind && *req.intention_kind != "internship" &&
      *req.intention_kind != "employment") {
    return Error::Unprocessable("not valid",
                                {{"intention_kind", "must be internship or employment"}});
  }
  if (req.note.size() > 4000) return Error::Unprocessable("not valid", {{"note", "is too long"}});
  return db_->Write([&](store::Tx& tx) -> Result<domain::Application> {
    TB_TRY(domain::Application a, VisibleApplication(tx, c, id));
    domain::Party party = PartyOf(c);
    std::vector<std::string> mine = domain::AllowedMoves(a.state, party);
    std::vector<std::string> all = domain::AllowedMoves(a.state);
    if (refusal) refusal->allowed = mine;
    if (req.to == "signed" && a.state == "offer") {
      std::vector<std::string> missing;
      if (!a.student_confirmed_at) missing.push_back("student");
      if (!a.enterprise_confirmed_at) missing.push_back("enterprise");
      if (!a.institution_confirmed_at) missing.push_back("institution");
      return Error::Conflict(
          "signed is reached when the student, the enterprise and the institution have each "
          "confirmed the tripartite agreement (POST .../confirmations); missing: " +
              Join(missing) + "; moves you may make from offer: " + Join(mine),
          {{"to", "needs the confirmations of: " + Join(missing)}});
    }
    if (std::find(all.begin(), all.end(), req.to) == all.end()) {
      return Error::Conflict("cannot move application " + std::to_string(id) + " from " + a.state +
                                 " to " + req.to + "; allowed from " + a.state + ": " + Join(all) +
                                 " (of which you may make: " + Join(mine) + ")",
                             {{"to", "allowed: " + Join(mine)}});
    }
    if (std::find(mine.begin(), mine.end(), req.to) == mine.end()) {
      return Error::Forbidden("a " + std::string(auth::RoleName(c.role)) +
                              " may not move an application from " + a.state + " to " + req.to +
                              "; you may make: " + Join(mine));
    }
    domain::Application before = a;
    std::string from = a.state;
    bool follow_up = from == "interview" && req.to == "interview";
    a.state = req.to;
    if (follow_up) a.follow_up = true;
    if (req.to == "intention") {
      a.intention_kind = req.intention_kind.value_or(
          a.post_kind == "internship" ? std::string("internship") : std::string("employment"));
    }
    TB_TRY(a, Repository<domain::Application>::Update(tx, std::move(a), now));
    Record(tx, c, a, from, req.note, follow_up, now);
    auth::Audit(tx, c, "transition", "application", a.id, domain::ToJson(before), domain::ToJson(a),
                now);
    return a;
  });
}

Result<domain::Application> RecruitmentService::Confirm(const Caller& c, Id id,
                                                        std::optional<std::string> party,
                                                        const std::string& now) const {
  std::string who;
  switch (c.role) {
    case Role::kStudent:
      who = "student";
      break;
    case Role::kEnterpriseRecruiter:
      who = "enterprise";
      break;
    case Role::kInstitutionAdmin:
    case Role::kUnitStaff:
      who = "institution";
      break;
    case Role::kPlatformAdmin:
      if (!party || (*party != "student" && *party != "enterprise" && *party != "institution")) {
        return Error::Unprocessable("not valid",
                                    {{"party",
                                      "a platform admin names the party: student, enterprise or "
                                      "institution"}});
      }
      who = *party;
      break;
    case Role::kObserver:
      break;  // sees no application: answered below as not found
  }
  if (party && !who.empty() && *party != who) {
    return Error::Forbidden("a " + std::string(auth::RoleName(c.role)) + " confirms for the " +
                            who + " only");
  }
  return db_->Write([&](store::Tx& tx) -> Result<domain::Application> {
    TB_TRY(domain::Application a, VisibleApplication(tx, c, id));
    if (who.empty()) return Error::Forbidden("observers do not take part in agreements");
    if (a.state != "offer") {
      return Error::Conflict("the tripartite agreement is confirmed on an offer; application " +
                             std::to_string(id) + " is in state " + a.state);
    }
    domain::Application before = a;
    auto& slot = who == "student"      ? a.student_confirmed_at
                 : who == "enterprise" ? a.enterprise_confirmed_at
                                       : a.institution_confirmed_at;
    if (slot) return a;  // confirmed already: nothing changes
    slot = now;
    bool complete =
        a.student_confirmed_at && a.enterprise_confirmed_at && a.institution_confirmed_at;
    if (complete) a.state = "signed";
    TB_TRY(a, Repository<domain::Application>::Update(tx, std::move(a), now));
    auth::Audit(tx, c, "confirm_" + who, "application", a.id, domain::ToJson(before),
                domain::ToJson(a), now);
    if (complete) {
      Record(tx, c, a, "offer", "tripartite agreement complete (student, enterprise, institution)",
             false, now);
    }
    return a;
  });
}

Result<std::vector<domain::ApplicationTransition>> RecruitmentService::History(const Caller& c,
                                                                               Id id) const {
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<domain::ApplicationTransition>> {
    TB_TRY_STATUS(VisibleApplication(tx, c, id));
    return store::Transitions(tx, id);
  });
}

// ---- events ------------------------------------------------------------------------------------

Result<std::vector<EventView>> RecruitmentService::ListEvents(const Caller& c,
                                                              const EventListFilter& f) const {
  if (c.Is(Role::kObserver)) return Error::Forbidden("observers see event figures only");
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<EventView>> {
    std::vector<EventView> out;
    for (auto kind : domain::kEventKinds) {
      if (f.kind && *f.kind != kind) continue;
      store::ActivityFilter af;
      af.kind = std::string(kind);
      af.institution_id = f.institution_id;
      store::PageRequest page{0, 200};
      while (true) {
        auto p = Repository<domain::Activity>::List(tx, store::ToWhere(af), page);
        for (const auto& e : p.items) {
          if (CanSeeEvent(tx, c, e)) out.push_back(ViewOf(tx, e));
        }
        if (!p.next_after) break;
        page.after = *p.next_after;
      }
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.activity.id < b.activity.id; });
    return out;
  });
}

Result<EventView> RecruitmentService::GetEvent(const Caller& c, Id id) const {
  return db_->Read([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity e, VisibleEvent(tx, c, id));
    return ViewOf(tx, e);
  });
}

Result<EventView> RecruitmentService::PutSettings(const Caller& c, Id id, const SettingsRequest& s,
                                                  const std::string& now) const {
  std::vector<FieldError> errors = SettingsErrors(s);
  if (!errors.empty()) return Error::Unprocessable("event settings are not valid", errors);
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity e, ManagedEvent(tx, c, id));
    TB_TRY_STATUS(StoreSettings(tx, e, s, now));
    auth::Audit(tx, c, "settings", "event", id, std::nullopt,
                nlohmann::json{{"capacity", s.capacity ? nlohmann::json(*s.capacity) : nullptr},
                               {"stream_url", s.stream_url.value_or("")}},
                now);
    return ViewOf(tx, e);
  });
}

Result<EventView> RecruitmentService::AddInstitution(const Caller& c, Id id, Id institution_id,
                                                     const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity e, ManagedEvent(tx, c, id));
    if (!Repository<domain::Institution>::Exists(tx, institution_id)) {
      return Error::Unprocessable(
          "not valid", {{"institution_id",
                         "institution " + std::to_string(institution_id) + " does not exist"}});
    }
    store::AddEventInstitution(tx, id, institution_id);
    auth::Audit(tx, c, "add_institution", "event", id, std::nullopt,
                nlohmann::json{{"institution_id", institution_id}}, now);
    return ViewOf(tx, e);
  });
}

Result<EventView> RecruitmentService::AddFeaturedPost(const Caller& c, Id id, Id post_id,
                                                      const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity e, ManagedEvent(tx, c, id));
    if (!Repository<domain::Post>::Exists(tx, post_id)) {
      return Error::Unprocessable(
          "not valid", {{"post_id", "post " + std::to_string(post_id) + " does not exist"}});
    }
    store::AddEventPost(tx, id, post_id);
    auth::Audit(tx, c, "add_post", "event", id, std::nullopt, nlohmann::json{{"post_id", post_id}},
                now);
    return ViewOf(tx, e);
  });
}

Result<domain::EventRegistration> RecruitmentService::Register(const Caller& c, Id event_id,
                                                               std::optional<Id> student_id,
                                                               const std::string& now) const {
  if (c.Is(Role::kStudent)) {
    if (student_id && student_id != c.student_id) {
      return Error::Forbidden("a student registers themself only");
    }
    student_id = c.student_id;
  } else if (!(IsAdmin(c) || IsOfficer(c))) {
    return Error::Forbidden(std::string("a ") + auth::RoleName(c.role) +
                            " may not register students");
  }
  if (!student_id) return Error::Unprocessable("not valid", {{"student_id", "is required"}});
  return db_->Write([&](store::Tx& tx) -> Result<domain::EventRegistration> {
    TB_TRY(domain::Activity e, VisibleEvent(tx, c, event_id));
    auto student = Repository<domain::Student>::Get(tx, *student_id);
    if (!student.ok() || !CanSeeStudentRecord(c, *student)) {
      return NotFound("student", *student_id);
    }
    auto existing = store::FindRegistration(tx, event_id, *student_id);
    if (existing && existing->status != "cancelled") {
      return Error::Conflict("the student is registered already (registration " +
                             std::to_string(existing->id) + ", " + existing->status + ")");
    }
    auto settings = store::GetEventSettings(tx, event_id);
    bool full =
        settings && settings->capacity && store::PlacesTaken(tx, event_id) >= *settings->capacity;
    domain::EventRegistration r = existing.value_or(domain::EventRegistration{});
    r.event_id = event_id;
    r.student_id = *student_id;
    r.status = full ? "waitlisted" : "registered";
    r.position = store::NextRegistrationPosition(tx, event_id);
    r.checked_in_at.reset();
    if (existing) {
      TB_TRY(r, Repository<domain::EventRegistration>::Update(tx, std::move(r), now));
    } else {
      do {
        r.code = NewCode();
      } while (store::FindRegistrationByCode(tx, event_id, r.code));
      r = Repository<domain::EventRegistration>::Insert(tx, std::move(r), now);
    }
    auth::Audit(tx, c, "register", "event registration", r.id, std::nullopt, domain::ToJson(r),
                now);
    return r;
  });
}

Result<std::vector<domain::EventRegistration>> RecruitmentService::Registrations(
    const Caller& c, Id event_id) const {
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<domain::EventRegistration>> {
    TB_TRY(domain::Activity e, VisibleEvent(tx, c, event_id));
    store::RegistrationFilter f;
    f.event_id = event_id;
    if (!CanManageEvent(c, e)) {
      if (c.Is(Role::kStudent)) {
        f.scope_student_id = c.student_id.value_or(-1);
      } else if (c.Is(Role::kInstitutionAdmin)) {
        f.scope_institution_id = c.institution_id.value_or(-1);
      } else if (c.Is(Role::kUnitStaff)) {
        f.scope_unit_id = c.unit_id.value_or(-1);
      } else {
        return Error::Forbidden(
            "registrations are personal data: the event's organizers and "
            "the students' institutions see them");
      }
    }
    std::vector<domain::EventRegistration> out;
    store::PageRequest page{0, 1000};
    while (true) {
      auto p = Repository<domain::EventRegistration>::List(tx, store::ToWhere(f), page);
      for (auto& r : p.items) {
        // The check-in code is the student's ticket: only they and the organizers see it.
        if (!CanManageEvent(c, e) && !(c.Is(Role::kStudent) && c.student_id == r.student_id)) {
          r.code = "********";
        }
        out.push_back(std::move(r));
      }
      if (!p.next_after) break;
      page.after = *p.next_after;
    }
    return out;
  });
}

Result<domain::EventRegistration> RecruitmentService::CancelRegistration(
    const Caller& c, Id event_id, Id registration_id, const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<domain::EventRegistration> {
    TB_TRY(domain::Activity e, VisibleEvent(tx, c, event_id));
    auto r = Repository<domain::EventRegistration>::Get(tx, registration_id);
    if (!r.ok() || r->event_id != event_id) return NotFound("registration", registration_id);
    auto student = Repository<domain::Student>::Get(tx, r->student_id);
    bool allowed = CanManageEvent(c, e) || (student.ok() && CanSeeStudentRecord(c, *student));
    if (!allowed) return NotFound("registration", registration_id);
    if (r->status == "cancelled") return *r;
    if (r->status == "checked_in") {
      return Error::Conflict("a registration that has checked in cannot be cancelled");
    }
    bool freed = r->status == "registered";
    domain::EventRegistration before = *r;
    r->status = "cancelled";
    TB_TRY(domain::EventRegistration cancelled,
           Repository<domain::EventRegistration>::Update(tx, *r, now));
    auth::Audit(tx, c, "cancel", "event registration", cancelled.id, domain::ToJson(before),
                domain::ToJson(cancelled), now);
    if (freed) {
      auto settings = store::GetEventSettings(tx, event_id);
      auto next = store::FirstWaitlisted(tx, event_id);
      if (next && (!settings || !settings->capacity ||
                   store::PlacesTaken(tx, event_id) < *settings->capacity)) {
        domain::EventRegistration waiting = *next;
        next->status = "registered";
        TB_TRY(domain::EventRegistration promoted,
               Repository<domain::EventRegistration>::Update(tx, *next, now));
        auth::Audit(tx, c, "promote", "event registration", promoted.id, domain::ToJson(waiting),
                    domain::ToJson(promoted), now);
      }
    }
    return cancelled;
  });
}

Result<domain::EventRegistration> RecruitmentService::CheckIn(const Caller& c, Id event_id,
                                                              const std::string& code,
                                                              const std::string& now) const {
  if (code.empty()) return Error::Unprocessable("not valid", {{"code", "is required"}});
  return db_->Write([&](store::Tx& tx) -> Result<domain::EventRegistration> {
    TB_TRY_STATUS(ManagedEvent(tx, c, event_id));
    auto r = store::FindRegistrationByCode(tx, event_id, code);
    if (!r) {
      return Error::Unprocessable("not valid",
                                  {{"code", "no registration of this event has code " + code}});
    }
    if (r->status == "checked_in") {
      return Error::Conflict("checked in already at " + r->checked_in_at.value_or(""));
    }
    if (r->status != "registered") {
      return Error::Conflict("the registration is " + r->status + ", not registered");
    }
    domain::EventRegistration before = *r;
    r->status = "checked_in";
    r->checked_in_at = now;
    TB_TRY(domain::EventRegistration done,
           Repository<domain::EventRegistration>::Update(tx, *r, now));
    auth::Audit(tx, c, "check_in", "event registration", done.id, domain::ToJson(before),
                domain::ToJson(done), now);
    return done;
  });
}

Result<domain::EventSlot> RecruitmentService::AddSlot(const Caller& c, Id event_id,
                                                      domain::EventSlot slot,
                                                      const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<domain::EventSlot> {
    TB_TRY(domain::Activity e, VisibleEvent(tx, c, event_id));
    bool own_slot = c.Is(Role::kEnterpriseRecruiter) && slot.organization_id == c.organization_id;
    if (!CanManageEvent(c, e) && !own_slot) {
      return Error::Forbidden("the organizers add slots; an enterprise adds its own");
    }
    slot.event_id = event_id;
    TB_TRY_STATUS(CheckSlot(tx, slot, 0));
    auto created = Repository<domain::EventSlot>::Insert(tx, std::move(slot), now);
    auth::Audit(tx, c, "create", "interview slot", created.id, std::nullopt,
                domain::ToJson(created), now);
    return created;
  });
}

Result<std::vector<domain::EventSlot>> RecruitmentService::Slots(const Caller& c,
                                                                 Id event_id) const {
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<domain::EventSlot>> {
    TB_TRY_STATUS(VisibleEvent(tx, c, event_id));
    auto page = Repository<domain::EventSlot>::List(
        tx, store::Where().And("event_id = ?", {store::P(event_id)}), {0, 100000});
    return page.items;
  });
}

// ---- editing events (edit) ---------------------------------------------------------------------

Result<store::Page<EventView>> RecruitmentService::ListEventPage(
    const Caller& c, const EventListFilter& f, const store::PageRequest& page) const {
  if (c.Is(Role::kObserver)) return Error::Forbidden("observers see event figures only");
  return db_->Read([&](store::Tx& tx) -> Result<store::Page<EventView>> {
    store::Page<EventView> out;
    int limit = page.limit < 1 ? 1 : page.limit;
    store::PageRequest scan{page.after, 200};
    while (true) {
      auto p = store::EventActivities(tx, f.kind, f.institution_id, scan);
      for (const auto& e : p.items) {
        if (!CanSeeEvent(tx, c, e)) continue;
        if (static_cast<int>(out.items.size()) == limit) {
          out.next_after = out.items.back().activity.id;  // another visible one follows
          return out;
        }
        out.items.push_back(ViewOf(tx, e));
      }
      if (!p.next_after) break;
      scan.after = *p.next_after;
    }
    return out;
  });
}

Result<EventView> RecruitmentService::CreateEvent(const Caller& c, domain::Activity a,
                                                  const SettingsRequest& s,
                                                  const std::string& now) const {
  if (!(IsAdmin(c) || IsOfficer(c))) {
    return Error::Forbidden(std::string("a ") + auth::RoleName(c.role) + " may not host events");
  }
  a.id = 0;
  domain::Normalize(a);
  if (auto errors = EventErrors(a, s); !errors.empty()) {
    return Error::Unprocessable("event is not valid", errors);
  }
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY_STATUS(CanWrite(tx, c, static_cast<const domain::Activity*>(nullptr), &a));
    std::vector<FieldError> refs;
    CheckReferences(tx, a, refs);
    if (!refs.empty()) return Error::Unprocessable("event is not valid", refs);
    domain::Activity created = Repository<domain::Activity>::Insert(tx, std::move(a), now);
    TB_TRY_STATUS(StoreSettings(tx, created, s, now));
    EventView v = ViewOf(tx, created);
    auth::Audit(tx, c, "create", "event", created.id, std::nullopt, domain::ToJson(created), now);
    return v;
  });
}

Result<EventView> RecruitmentService::UpdateEvent(const Caller& c, Id id, const EventChange& change,
                                                  const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity before, ManagedEvent(tx, c, id));
    domain::Activity a = before;
    SettingsRequest s =
        RequestOf(store::GetEventSettings(tx, id).value_or(store::EventSettings{id}));
    TB_TRY_STATUS(change(a, s));
    a.id = id;
    domain::Normalize(a);
    std::vector<FieldError> errors = EventErrors(a, s);
    if (!errors.empty()) return Error::Unprocessable("event is not valid", errors);
    TB_TRY_STATUS(CanWrite(tx, c, &before, &a));
    CheckReferences(tx, a, errors);
    if (!errors.empty()) return Error::Unprocessable("event is not valid", errors);
    TB_TRY(domain::Activity updated, Repository<domain::Activity>::Update(tx, std::move(a), now));
    TB_TRY_STATUS(StoreSettings(tx, updated, s, now));
    auth::Audit(tx, c, "update", "event", id, domain::ToJson(before), domain::ToJson(updated), now);
    return ViewOf(tx, updated);
  });
}

Status RecruitmentService::DeleteEvent(const Caller& c, Id id, const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Status {
    TB_TRY(domain::Activity e, ManagedEvent(tx, c, id));
    auto d = store::CountEventDependents(tx, id);
    if (d.applications > 0 || d.registrations > 0 || d.agreements > 0) {
      return Error::Conflict(
          "the event cannot be deleted while " + std::to_string(d.applications) +
          " applications, " + std::to_string(d.registrations) + " registrations and " +
          std::to_string(d.agreements) +
          " agreements refer to it; cancel the registrations and keep the event otherwise");
    }
    TB_TRY_STATUS(Repository<domain::Activity>::Delete(tx, id));
    tx.LogChange("event", id, "delete");
    auth::Audit(tx, c, "delete", "event", id, domain::ToJson(e), std::nullopt, now);
    return {};
  });
}

Result<EventView> RecruitmentService::RemoveInstitution(const Caller& c, Id id, Id institution_id,
                                                        const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity e, ManagedEvent(tx, c, id));
    if (institution_id == e.institution_id) {
      return Error::Conflict("the host institution takes part in its own event");
    }
    if (!store::RemoveEventInstitution(tx, id, institution_id)) {
      return NotFound("participating institution", institution_id);
    }
    auth::Audit(tx, c, "remove_institution", "event", id,
                nlohmann::json{{"institution_id", institution_id}}, std::nullopt, now);
    return ViewOf(tx, e);
  });
}

Result<EventView> RecruitmentService::RemoveFeaturedPost(const Caller& c, Id id, Id post_id,
                                                         const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<EventView> {
    TB_TRY(domain::Activity e, ManagedEvent(tx, c, id));
    if (!store::RemoveEventPost(tx, id, post_id)) return NotFound("featured post", post_id);
    auth::Audit(tx, c, "remove_post", "event", id, nlohmann::json{{"post_id", post_id}},
                std::nullopt, now);
    return ViewOf(tx, e);
  });
}

namespace {
// The slot of the path within a visible event, and whether the caller may change it (the
// organizers, or the enterprise its own).
Result<domain::EventSlot> WritableSlot(store::Tx& tx, const Caller& c, Id event_id, Id slot_id) {
  TB_TRY(domain::Activity e, VisibleEvent(tx, c, event_id));
  auto slot = Repository<domain::EventSlot>::Get(tx, slot_id);
  if (!slot.ok() || slot->event_id != event_id) return NotFound("slot", slot_id);
  bool own_slot = c.Is(Role::kEnterpriseRecruiter) && slot->organization_id == c.organization_id;
  if (!CanManageEvent(c, e) && !own_slot) {
    return Error::Forbidden("the organizers change slots; an enterprise its own");
  }
  return *slot;
}
}  // namespace

Result<domain::EventSlot> RecruitmentService::UpdateSlot(const Caller& c, Id event_id, Id slot_id,
                                                         const SlotChange& change,
                                                         const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<domain::EventSlot> {
    TB_TRY(domain::EventSlot before, WritableSlot(tx, c, event_id, slot_id));
    domain::EventSlot slot = before;
    TB_TRY_STATUS(change(slot));
    slot.id = slot_id;
    if (slot.event_id != event_id) {
      return Error::Unprocessable("not valid", {{"event_id", "cannot be changed"}});
    }
    if (c.Is(Role::kEnterpriseRecruiter) && slot.organization_id != c.organization_id) {
      return Error::Forbidden("an enterprise keeps its slots its own");
    }
    TB_TRY_STATUS(CheckSlot(tx, slot, slot_id));
    TB_TRY(domain::EventSlot updated, Repository<domain::EventSlot>::Update(tx, slot, now));
    tx.LogChange("event", event_id, "update");
    auth::Audit(tx, c, "update", "interview slot", slot_id, domain::ToJson(before),
                domain::ToJson(updated), now);
    return updated;
  });
}

Status RecruitmentService::DeleteSlot(const Caller& c, Id event_id, Id slot_id,
                                      const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Status {
    TB_TRY(domain::EventSlot before, WritableSlot(tx, c, event_id, slot_id));
    TB_TRY_STATUS(Repository<domain::EventSlot>::Delete(tx, slot_id));
    tx.LogChange("event", event_id, "update");
    auth::Audit(tx, c, "delete", "interview slot", slot_id, domain::ToJson(before), std::nullopt,
                now);
    return {};
  });
}

Result<store::LiveCounters> RecruitmentService::Counters(const Caller& c, Id event_id) const {
  return db_->Read([&](store::Tx& tx) -> Result<store::LiveCounters> {
    TB_TRY(domain::Activity e, LoadEvent(tx, event_id));
    if (!CanSeeEventAggregates(tx, c, e)) return NotFound("event", event_id);
    return store::EventCounters(tx, event_id);
  });
}

Result<store::EventFigures> RecruitmentService::Figures(const Caller& c, Id event_id) const {
  return db_->Read([&](store::Tx& tx) -> Result<store::EventFigures> {
    TB_TRY(domain::Activity e, LoadEvent(tx, event_id));
    if (!CanSeeEventAggregates(tx, c, e)) return NotFound("event", event_id);
    return store::ComputeEventFigures(tx, event_id);
  });
}

std::int64_t RecruitmentService::LastChange() const {
  auto r = db_->Read([](store::Tx& tx) -> Result<std::int64_t> { return store::LastChangeId(tx); });
  return r.ok() ? *r : -1;
}

bool RecruitmentService::EventChanged(Id id, std::int64_t after, std::int64_t upto) const {
  auto r = db_->Read([&](store::Tx& tx) -> Result<bool> {
    for (const auto& row : store::ChangesAfter(tx, after, 10000)) {
      if (row.id > upto) break;
      if (row.entity_id == id && (row.entity == "event" || row.entity == "activity")) return true;
    }
    return false;
  });
  return r.ok() && *r;
}

// ---- destinations ------------------------------------------------------------------------------

Result<domain::Destination> RecruitmentService::RegisterDestination(const Caller& c,
                                                                    domain::Destination d,
                                                                    const std::string& now) const {
  if (!(IsAdmin(c) || IsOfficer(c) || c.Is(Role::kStudent))) {
    return Error::Forbidden(std::string("a ") + auth::RoleName(c.role) +
                            " may not register destinations");
  }
  if (c.Is(Role::kStudent)) {
    if (d.student_id != 0 && d.student_id != c.student_id) {
      return Error::Forbidden("a student registers their own destination only");
    }
    d.student_id = c.student_id.value_or(-1);
  }
  return db_->Write([&](store::Tx& tx) -> Result<domain::Destination> {
    auto student = Repository<domain::Student>::Get(tx, d.student_id);
    if (!student.ok() || !CanSeeStudentRecord(c, *student)) {
      if (d.student_id <= 0)
        return Error::Unprocessable("not valid", {{"student_id", "is required"}});
      return NotFound("student", d.student_id);
    }
    if (auto existing = store::FindDestinationOfStudent(tx, d.student_id)) {
      return Error::Conflict("the student's destination is registered already (destination " +
                                 std::to_string(*existing) + "; change it with PATCH)",
                             {{"student_id", "has destination " + std::to_string(*existing)}});
    }
    d.institution_id = student->institution_id;
    d.unit_id = student->unit_id;
    d.cohort = student->cohort;
    d.major_code = student->major_code;
    d.status = "registered";
    d.verified_by.reset();
    d.verified_at.reset();
    d.evidence_file.reset();
    d.evidence_type.reset();
    d.registered_at = now;
    TB_TRY_STATUS(CheckDestination(tx, d));
    auto created = Repository<domain::Destination>::Insert(tx, std::move(d), now);
    auth::Audit(tx, c, "create", "destination", created.id, std::nullopt, domain::ToJson(created),
                now);
    return created;
  });
}

Result<domain::Destination> RecruitmentService::GetDestination(const Caller& c, Id id) const {
  return db_->Read(
      [&](store::Tx& tx) -> Result<domain::Destination> { return VisibleDestination(tx, c, id); });
}

Status RecruitmentService::CheckListDestinations(const Caller& c) const {
  if (c.Is(Role::kObserver) || c.Is(Role::kEnterpriseRecruiter)) {
    return Error::Forbidden(std::string("a ") + auth::RoleName(c.role) +
                            " sees employment figures, not individual destinations");
  }
  return {};
}

Result<store::Page<domain::Destination>> RecruitmentService::ListDestinations(
    const Caller& c, store::DestinationFilter f, const store::PageRequest& page) const {
  TB_TRY_STATUS(CheckListDestinations(c));
  if (c.Is(Role::kInstitutionAdmin)) f.scope_institution_id = c.institution_id.value_or(-1);
  if (c.Is(Role::kUnitStaff)) f.scope_unit_id = c.unit_id.value_or(-1);
  if (c.Is(Role::kStudent)) f.scope_student_id = c.student_id.value_or(-1);
  return db_->Read([&](store::Tx& tx) -> Result<store::Page<domain::Destination>> {
    return Repository<domain::Destination>::List(tx, store::ToWhere(f), page);
  });
}

Result<domain::Destination> RecruitmentService::UpdateDestination(const Caller& c, Id id,
                                                                  domain::Destination d,
                                                                  const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<domain::Destination> {
    TB_TRY(domain::Destination before, VisibleDestination(tx, c, id));
    if (c.Is(Role::kStudent) && before.status == "verified") {
      return Error::Conflict("a verified destination is changed by the unit's staff only");
    }
    // Who and whose: fixed; the rest from the request; verification starts over.
    d.id = id;
    d.student_id = before.student_id;
    d.institution_id = before.institution_id;
    d.unit_id = before.unit_id;
    d.cohort = before.cohort;
    d.major_code = before.major_code;
    d.evidence_file = before.evidence_file;
    d.evidence_type = before.evidence_type;
    d.registered_at = before.registered_at;
    d.status = "registered";
    d.verified_by.reset();
    d.verified_at.reset();
    TB_TRY_STATUS(CheckDestination(tx, d));
    TB_TRY(domain::Destination updated, Repository<domain::Destination>::Update(tx, d, now));
    auth::Audit(tx, c, "update", "destination", id, domain::ToJson(before), domain::ToJson(updated),
                now);
    return updated;
  });
}

Result<domain::Destination> RecruitmentService::AttachEvidence(const Caller& c, Id id,
                                                               const std::string& declared_type,
                                                               const std::string& bytes,
                                                               const std::string& now) const {
  if (bytes.size() > kMaxEvidenceBytes) {
    return Error::Unprocessable(
        "not valid", {{"file", "is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                                   std::to_string(kMaxEvidenceBytes)}});
  }
  auto detected = DetectEvidenceType(bytes);
  if (!detected) {
    return Error::Unprocessable(
        "not valid", {{"file", "is not a PDF, PNG or JPEG file (judged by its first bytes)"}});
  }
  std::string declared = declared_type.substr(0, declared_type.find(';'));
  if (declared != *detected) {
    return Error::Unprocessable(
        "not valid", {{"file", "is " + *detected + " but was sent as Content-Type " + declared}});
  }
  // Check the record first (no file for a record the caller may not touch).
  TB_TRY_STATUS(GetDestination(c, id));
  TB_TRY(std::string relative,
         SaveEvidenceFile(files_dir_, "destination-" + std::to_string(id), *detected, bytes));
  return db_->Write([&](store::Tx& tx) -> Result<domain::Destination> {
    TB_TRY(domain::Destination d, VisibleDestination(tx, c, id));
    if (c.Is(Role::kStudent) && d.status == "verified") {
      return Error::Conflict("a verified destination is changed by the unit's staff only");
    }
    domain::Destination before = d;
    d.evidence_file = relative;
    d.evidence_type = *detected;
    d.status = "registered";
    d.verified_by.reset();
    d.verified_at.reset();
    TB_TRY(d, Repository<domain::Destination>::Update(tx, std::move(d), now));
    auth::Audit(tx, c, "evidence", "destination", id, domain::ToJson(before), domain::ToJson(d),
                now);
    return d;
  });
}

Result<std::pair<std::string, std::string>> RecruitmentService::Evidence(const Caller& c,
                                                                         Id id) const {
  TB_TRY(domain::Destination d, GetDestination(c, id));
  if (!d.evidence_file)
    return Error::NotFound("destination " + std::to_string(id) + " has no evidence file");
  TB_TRY(std::string bytes, LoadEvidenceFile(files_dir_, *d.evidence_file));
  return std::pair{std::move(bytes), d.evidence_type.value_or("application/octet-stream")};
}

Result<domain::Destination> RecruitmentService::Verify(const Caller& c, Id id,
                                                       const std::string& decision,
                                                       const std::string& now) const {
  if (decision != "verified" && decision != "rejected") {
    return Error::Unprocessable("not valid", {{"decision", "must be verified or rejected"}});
  }
  return db_->Write([&](store::Tx& tx) -> Result<domain::Destination> {
    TB_TRY(domain::Destination d, VisibleDestination(tx, c, id));
    if (!(IsAdmin(c) || IsOfficer(c))) {
      return Error::Forbidden("destinations are verified by the unit's staff");
    }
    if (decision == "verified" && !d.evidence_file && domain::IsPlaced(d.category)) {
      return Error::Conflict(
          "a placed destination is verified against its evidence file; none "
          "was attached");
    }
    domain::Destination before = d;
    d.status = decision;
    d.verified_by = c.user_id;
    d.verified_at = now;
    TB_TRY(d, Repository<domain::Destination>::Update(tx, std::move(d), now));
    auth::Audit(tx, c, "verify", "destination", id, domain::ToJson(before), domain::ToJson(d), now);
    return d;
  });
}

Result<std::vector<Flag>> RecruitmentService::Flags(const Caller& c,
                                                    std::optional<Id> institution_id,
                                                    std::int64_t cohort,
                                                    std::optional<std::string> deadline) const {
  if (!(IsAdmin(c) || IsOfficer(c))) {
    return Error::Forbidden("audit flags are for the institution's staff");
  }
  if (IsOfficer(c)) {
    if (institution_id && institution_id != c.institution_id) {
      return Error::NotFound("institution " + std::to_string(*institution_id) + " not found");
    }
    institution_id = c.institution_id;
  }
  if (!institution_id) {  // a platform admin: every institution's flags
    auto ids = db_->Read([](store::Tx& tx) -> Result<std::vector<Id>> {
      std::vector<Id> out;
      for (const auto& r : tx.Query("SELECT id FROM institutions ORDER BY id")) {
        out.push_back(r.Int(0));
      }
      return out;
    });
    TB_TRY_STATUS(ids);
    std::vector<Flag> all;
    for (Id id : *ids) {
      TB_TRY(auto flags, Flags(c, id, cohort, deadline));
      all.insert(all.end(), flags.begin(), flags.end());
    }
    return all;
  }
  std::string cutoff = deadline.value_or(std::to_string(cohort) + "-08-31");
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<Flag>> {
    store::DestinationFilter f;
    f.institution_id = *institution_id;
    if (c.Is(Role::kUnitStaff)) f.unit_id = c.unit_id;
    auto all = store::DestinationFacts(tx, store::ToWhere(f));
    std::vector<Flag> out;
    std::vector<const store::DestinationFact*> current;
    for (const auto& x : all) {
      if (x.d.cohort == cohort) current.push_back(&x);
    }
    // 1. Employer credit codes that do not validate.
    for (const auto* x : current) {
      if (!x->d.employer_credit_code) continue;
      if (auto problem = core::CheckCreditCode(*x->d.employer_credit_code)) {
        out.push_back({"credit_code", x->d.id, x->d.unit_id, x->d.employer_name, 1,
                       "用人单位统一社会信用代码 " + *x->d.employer_credit_code + " 校验不通过",
                       "the employer's credit code " + *x->d.employer_credit_code +
                           " does not validate: " + *problem});
      }
    }
    // 2. Many graduates at one small employer: 5 or more at a micro or small enterprise.
    std::map<std::string, std::vector<const store::DestinationFact*>> by_employer;
    for (const auto* x : current) {
      if (!domain::HasEmployer(x->d.category)) continue;
      std::string key = x->d.employer_credit_code.value_or("name:" + x->d.employer_name);
      by_employer[key].push_back(x);
    }
    for (const auto& [key, xs] : by_employer) {
      std::string size = xs.front()->employer_size.value_or("");
      if (xs.size() >= 5 && (size == "micro" || size == "small")) {
        std::string n = std::to_string(xs.size());
        out.push_back({"small_employer_cluster", std::nullopt, std::nullopt,
                       xs.front()->d.employer_name, static_cast<std::int64_t>(xs.size()),
                       n + " 名毕业生去向为同一家" + (size == "micro" ? "微型" : "小型") +
                           "企业「" + xs.front()->d.employer_name + "」，请核实",
                       n + " graduates registered at one " + size + " enterprise, " +
                           xs.front()->d.employer_name + "; please check"});
      }
    }
    // 3. Flexible-employment share far above the unit's norm (its earlier cohorts when they
    //    have 10 or more records, else the institution's share this cohort): at least twice
    //    the norm and 15 points above it, in a unit with 10 or more records.
    struct Share {
      std::int64_t flexible = 0, total = 0;
      double Of() const { return total ? static_cast<double>(flexible) / total : 0.0; }
    };
    std::map<Id, Share> unit_now, unit_before;
    Share inst_now;
    for (const auto& x : all) {
      bool flexible = x.d.category == "flexible_employment";
      if (x.d.cohort == cohort) {
        unit_now[x.d.unit_id].total++;
        unit_now[x.d.unit_id].flexible += flexible;
        inst_now.total++;
        inst_now.flexible += flexible;
      } else if (x.d.cohort < cohort) {
        unit_before[x.d.unit_id].total++;
        unit_before[x.d.unit_id].flexible += flexible;
      }
    }
    auto pct = [](double v) { return std::to_string(static_cast<int>(std::lround(v * 100))); };
    for (const auto& [unit, share] : unit_now) {
      if (share.total < 10) continue;
      bool own_norm = unit_before[unit].total >= 10;
      double norm = own_norm ? unit_before[unit].Of() : inst_now.Of();
      double s = share.Of();
      if (s >= 2 * norm && s - norm >= 0.15) {
        out.push_back({"flexible_share", std::nullopt, unit, "", share.flexible,
                       "灵活就业占比 " + pct(s) + "%，远高于" +
                           (own_norm ? "本单位往届" : "全校本届") + "的 " + pct(norm) + "%",
                       "flexible employment is " + pct(s) +
                           "% of the unit's destinations, far "
                           "above the " +
                           pct(norm) + "% of " +
                           (own_norm ? "its earlier cohorts" : "the institution this cohort")});
      }
    }
    // 4. Registrations clustered just before the deadline: 30% or more of a unit's (at least
    //    5) registrations of the cohort in the 3 days up to it.
    std::string window_start;
    {
      auto from = core::CheckDate(cutoff);
      if (from) {
        return Error::Unprocessable("not valid", {{"deadline", *from}});
      }
      // The three days before the deadline: compare dates as text.
      int y = std::stoi(cutoff.substr(0, 4)), m = std::stoi(cutoff.substr(5, 2)),
          d = std::stoi(cutoff.substr(8, 2));
      d -= 2;
      while (d < 1) {
        m -= 1;
        if (m < 1) {
          m = 12;
          y -= 1;
        }
        static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        d += kDays[m - 1] + (m == 2 && leap ? 1 : 0);
      }
      char buf[48];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      window_start = buf;
    }
    std::map<Id, std::pair<std::int64_t, std::int64_t>> late;  // unit -> (late, total)
    for (const auto* x : current) {
      auto& [n_late, n] = late[x->d.unit_id];
      ++n;
      std::string day = x->d.registered_at.substr(0, 10);
      if (day >= window_start && day <= cutoff) ++n_late;
    }
    for (const auto& [unit, counts] : late) {
      auto [n_late, n] = counts;
      if (n >= 5 && n_late * 10 >= n * 3) {
        out.push_back({"deadline_cluster", std::nullopt, unit, "", n_late,
                       std::to_string(n_late) + " / " + std::to_string(n) +
                           " 条去向登记集中在截止日 " + cutoff + " 前 3 天内",
                       std::to_string(n_late) + " of " + std::to_string(n) +
                           " registrations were made in the 3 days up to the deadline " + cutoff});
      }
    }
    return out;
  });
}

Result<EmploymentReport> RecruitmentService::Employment(const Caller& c,
                                                        const EmploymentQuery& q) const {
  TB_TRY(auto scope, ReportScope(c));
  static const std::set<std::string> kGroupings = {"unit", "major", "cohort", "province", "city"};
  if (!kGroupings.count(q.group_by)) {
    return Error::Invalid("group_by must be unit, major, cohort, province or city",
                          {{"group_by", "must be unit, major, cohort, province or city"}});
  }
  std::vector<Id> institutions;
  return db_->Read([&](store::Tx& tx) -> Result<EmploymentReport> {
    if (q.institution_id) {
      if (scope && !Takes(*scope, q.institution_id)) {
        return Error::NotFound("institution " + std::to_string(*q.institution_id) + " not found");
      }
      institutions = {*q.institution_id};
    } else if (scope) {
      institutions = *scope;
    } else {
      for (const auto& r : tx.Query("SELECT id FROM institutions ORDER BY id")) {
        institutions.push_back(r.Int(0));
      }
    }
    std::map<Id, std::string> unit_names;
    for (const auto& r : tx.Query("SELECT id, name FROM units")) unit_names[r.Int(0)] = r.Text(1);
    std::map<std::string, std::string> region_names;
    for (const auto& r : tx.Query("SELECT code, name FROM regions WHERE level <= 2")) {
      region_names[r.Text(0)] = r.Text(1);
    }
    struct Acc {
      std::int64_t graduates = 0, placed = 0;
      std::map<std::string, std::int64_t> mix;
      std::vector<std::int64_t> salaries;
      bool has_graduates = true;
    };
    std::map<std::string, Acc> groups;
    std::map<std::string, std::string> labels;
    Acc total;
    bool by_region = q.group_by == "province" || q.group_by == "city";
    for (Id inst : institutions) {
      // Graduates per unit × major (the cohort's students).
      for (const auto& g : store::Graduates(tx, inst, q.cohort, q.unit_id)) {
        total.graduates += g.count;
        if (q.group_by == "unit") {
          groups[std::to_string(g.unit_id)].graduates += g.count;
          labels[std::to_string(g.unit_id)] = unit_names[g.unit_id];
        } else if (q.group_by == "major") {
          groups[g.major_code].graduates += g.count;
          labels[g.major_code] = g.major_code;
        }
      }
      if (q.group_by == "cohort") {
        for (const auto& r :
             tx.Query("SELECT cohort, COUNT(*) FROM students WHERE institution_id = ?" +
                          std::string(q.unit_id ? " AND unit_id = ?" : "") +
                          (q.cohort ? " AND cohort = ?" : "") + " GROUP BY cohort",
                      [&] {
                        std::vector<store::Param> p{store::P(inst)};
                        if (q.unit_id) p.push_back(store::P(*q.unit_id));
                        if (q.cohort) p.push_back(store::P(*q.cohort));
                        return p;
                      }())) {
          groups[r.Text(0)].graduates += r.Int(1);
          labels[r.Text(0)] = r.Text(0);
        }
      }
      store::DestinationFilter f;
      f.institution_id = inst;
      f.unit_id = q.unit_id;
      f.cohort = q.cohort;
      for (const auto& x : store::DestinationFacts(tx, store::ToWhere(f))) {
        const auto& d = x.d;
        bool placed = domain::IsPlaced(d.category);
        std::string key;
        if (q.group_by == "unit") key = std::to_string(d.unit_id);
        if (q.group_by == "major") key = d.major_code;
        if (q.group_by == "cohort") key = std::to_string(d.cohort);
        if (by_region) {
          if (!placed || !d.region_code || d.region_code->size() != 6) {
            key = "";
          } else {
            key = q.group_by == "province" ? d.region_code->substr(0, 2) + "0000"
                                           : d.region_code->substr(0, 4) + "00";
            labels[key] = region_names.count(key) ? region_names[key] : key;
          }
        }
        total.mix[d.category]++;
        total.placed += placed;
        if (d.salary && placed) total.salaries.push_back(*d.salary);
        if (key.empty()) continue;
        Acc& a = groups[key];
        a.mix[d.category]++;
        a.placed += placed;
        if (d.salary && placed) a.salaries.push_back(*d.salary);
        if (by_region) a.has_graduates = false;
      }
    }
    auto row = [&](const std::string& key, const std::string& label, const Acc& a) {
      EmploymentRow r;
      r.key = key;
      r.label = label;
      std::int64_t people = a.has_graduates ? a.graduates : a.placed;
      if (people < 5) {
        r.suppressed = true;
        return r;
      }
      if (a.has_graduates) {
        r.graduates = a.graduates;
        r.placement_rate = a.graduates ? static_cast<double>(a.placed) / a.graduates : 0.0;
      }
      r.placed = a.placed;
      r.mix = a.mix;
      r.median_salary = a.salaries.size() >= 5 ? Median(a.salaries) : std::nullopt;
      return r;
    };
    EmploymentReport report;
    report.group_by = q.group_by;
    report.total = row("total", "total", total);
    for (const auto& [key, a] : groups) {
      report.rows.push_back(row(key, labels[key], a));
    }
    // When exactly one row is hidden, hide one more so it cannot be worked out from the total.
    std::size_t hidden = std::count_if(report.rows.begin(), report.rows.end(),
                                       [](const auto& r) { return r.suppressed; });
    if (hidden == 1 && report.rows.size() > 1) {
      auto smallest = report.rows.end();
      for (auto it = report.rows.begin(); it != report.rows.end(); ++it) {
        if (it->suppressed) continue;
        if (smallest == report.rows.end() ||
            it->graduates.value_or(*it->placed) < smallest->graduates.value_or(*smallest->placed)) {
          smallest = it;
        }
      }
      if (smallest != report.rows.end()) {
        std::string key = smallest->key, label = smallest->label;
        *smallest = EmploymentRow{};
        smallest->key = key;
        smallest->label = label;
        smallest->suppressed = true;
      }
    }
    return report;
  });
}

}  // namespace tb::service
