#include "store/recruitment.hpp"

#include "domain/partnership.hpp"

#include <map>
#include <set>

namespace tb::store {

namespace {

template <class T>
std::optional<T> First(Tx& tx, Where where) {
  auto page = Repository<T>::List(tx, std::move(where), {0, 1});
  if (page.items.empty()) return std::nullopt;
  return page.items.front();
}

}  // namespace

Where ToWhere(const ApplicationFilter& f) {
  Where w;
  if (f.post_id) w.And("post_id = ?", {P(*f.post_id)});
  if (f.student_id) w.And("student_id = ?", {P(*f.student_id)});
  if (f.event_id) w.And("event_id = ?", {P(*f.event_id)});
  if (f.organization_id) w.And("organization_id = ?", {P(*f.organization_id)});
  if (f.state) w.And("state = ?", {P(*f.state)});
  if (f.scope_institution_id) w.And("institution_id = ?", {P(*f.scope_institution_id)});
  if (f.scope_unit_id) w.And("unit_id = ?", {P(*f.scope_unit_id)});
  if (f.scope_student_id) w.And("student_id = ?", {P(*f.scope_student_id)});
  if (f.scope_organization_id) w.And("organization_id = ?", {P(*f.scope_organization_id)});
  return w;
}

std::optional<domain::Id> FindApplication(Tx& tx, domain::Id student_id, domain::Id post_id) {
  return tx.QueryInt("SELECT id FROM applications WHERE student_id = ? AND post_id = ?",
                     {P(student_id), P(post_id)});
}

domain::ApplicationTransition InsertTransition(Tx& tx, domain::ApplicationTransition t) {
  t.id = tx.NextIds("application_transitions");
  tx.Exec(
      "INSERT INTO application_transitions (id, application_id, from_state, to_state, "
      "actor_user_id, actor_role, actor_label, note, intention_kind, follow_up, event_id, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {P(t.id), P(t.application_id), P(t.from_state), P(t.to_state), P(t.actor_user_id),
       P(t.actor_role), P(t.actor_label), P(t.note), P(t.intention_kind), P(t.follow_up),
       P(t.event_id), P(t.at)});
  tx.LogChange("application transition", t.id, "create");
  return t;
}

std::vector<domain::ApplicationTransition> Transitions(Tx& tx, domain::Id application_id) {
  auto rows = tx.Query(
      "SELECT id, application_id, from_state, to_state, actor_user_id, actor_role, actor_label, "
      "note, intention_kind, follow_up, event_id, at FROM application_transitions "
      "WHERE application_id = ? ORDER BY id",
      {P(application_id)});
  std::vector<domain::ApplicationTransition> out;
  for (const auto& r : rows) {
    out.push_back(Repository<domain::ApplicationTransition>::FromRow(r));
  }
  return out;
}

bool HasApplicationWith(Tx& tx, domain::Id organization_id, domain::Id student_id) {
  return tx.QueryInt(
               "SELECT COUNT(*) FROM applications WHERE organization_id = ? AND "
               "student_id = ?",
               {P(organization_id), P(student_id)})
             .value_or(0) > 0;
}

bool HasApplicationInStates(Tx& tx, domain::Id organization_id, domain::Id student_id,
                            const std::vector<std::string>& states) {
  return StudentsWithApplicationInStates(tx, organization_id, {student_id}, states)
      .contains(student_id);
}

std::set<domain::Id> StudentsWithApplicationInStates(Tx& tx, domain::Id organization_id,
                                                     const std::vector<domain::Id>& student_ids,
                                                     const std::vector<std::string>& states) {
  std::set<domain::Id> out;
  if (student_ids.empty() || states.empty()) return out;
  std::vector<Param> params{P(organization_id)};
  std::string students;
  for (auto id : student_ids) {
    students += students.empty() ? "?" : ", ?";
    params.push_back(P(id));
  }
  std::string marks;
  for (const auto& state : states) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(P(state));
  }
  for (const Row& r :
       tx.Query("SELECT DISTINCT student_id FROM applications WHERE organization_id = ? AND "
                "student_id IN (" +
                    students + ") AND state IN (" + marks + ")",
                params)) {
    out.insert(r.Int(0));
  }
  return out;
}

// ---- events ------------------------------------------------------------------------------------

std::optional<EventSettings> GetEventSettings(Tx& tx, domain::Id event_id) {
  auto rows = tx.Query(
      "SELECT id, capacity, stream_url, starts_at, ends_at, external_enterprises, "
      "external_institutions FROM events WHERE id = ?",
      {P(event_id)});
  if (rows.empty()) return std::nullopt;
  const Row& r = rows[0];
  return EventSettings{r.Int(0),     r.OptInt(1), r.OptText(2), r.OptText(3),
                       r.OptText(4), r.Int(5),    r.Int(6)};
}

void PutEventSettings(Tx& tx, const EventSettings& s, const std::string& now) {
  bool exists = tx.QueryInt("SELECT COUNT(*) FROM events WHERE id = ?", {P(s.id)}).value_or(0) > 0;
  if (exists) {
    tx.Exec(
        "UPDATE events SET capacity = ?, stream_url = ?, starts_at = ?, ends_at = ?, "
        "external_enterprises = ?, external_institutions = ?, updated_at = ? WHERE id = ?",
        {P(s.capacity), P(s.stream_url), P(s.starts_at), P(s.ends_at), P(s.external_enterprises),
         P(s.external_institutions), P(now), P(s.id)});
  } else {
    tx.Exec(
        "INSERT INTO events (id, capacity, stream_url, starts_at, ends_at, external_enterprises, "
        "external_institutions, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {P(s.id), P(s.capacity), P(s.stream_url), P(s.starts_at), P(s.ends_at),
         P(s.external_enterprises), P(s.external_institutions), P(now)});
  }
  tx.LogChange("event", s.id, exists ? "update" : "create");
}

namespace {
std::vector<domain::Id> Ids(Tx& tx, const std::string& sql, domain::Id id) {
  std::vector<domain::Id> out;
  for (const auto& r : tx.Query(sql, {P(id)})) out.push_back(r.Int(0));
  return out;
}
}  // namespace

std::vector<domain::Id> EventInstitutions(Tx& tx, domain::Id event_id) {
  return Ids(tx,
             "SELECT institution_id FROM event_institutions WHERE event_id = ? "
             "ORDER BY institution_id",
             event_id);
}

std::vector<domain::Id> EventPosts(Tx& tx, domain::Id event_id) {
  return Ids(tx, "SELECT post_id FROM event_posts WHERE event_id = ? ORDER BY post_id", event_id);
}

std::vector<domain::Id> EventOrganizations(Tx& tx, domain::Id event_id) {
  return Ids(tx,
             "SELECT DISTINCT organization_id FROM activity_participants WHERE activity_id = ? "
             "AND organization_id IS NOT NULL ORDER BY organization_id",
             event_id);
}

void AddEventInstitution(Tx& tx, domain::Id event_id, domain::Id institution_id) {
  if (tx.QueryInt("SELECT COUNT(*) FROM event_institutions WHERE event_id = ? AND "
                  "institution_id = ?",
                  {P(event_id), P(institution_id)})
          .value_or(0) > 0) {
    return;
  }
  tx.Exec("INSERT INTO event_institutions (event_id, institution_id) VALUES (?, ?)",
          {P(event_id), P(institution_id)});
  tx.LogChange("event", event_id, "update");
}

void AddEventPost(Tx& tx, domain::Id event_id, domain::Id post_id) {
  if (tx.QueryInt("SELECT COUNT(*) FROM event_posts WHERE event_id = ? AND post_id = ?",
                  {P(event_id), P(post_id)})
          .value_or(0) > 0) {
    return;
  }
  tx.Exec("INSERT INTO event_posts (event_id, post_id) VALUES (?, ?)", {P(event_id), P(post_id)});
  tx.LogChange("event", event_id, "update");
}

bool RemoveEventInstitution(Tx& tx, domain::Id event_id, domain::Id institution_id) {
  if (tx.QueryInt("SELECT COUNT(*) FROM event_institutions WHERE event_id = ? AND "
                  "institution_id = ?",
                  {P(event_id), P(institution_id)})
          .value_or(0) == 0) {
    return false;
  }
  tx.Exec("DELETE FROM event_institutions WHERE event_id = ? AND institution_id = ?",
          {P(event_id), P(institution_id)});
  tx.LogChange("event", event_id, "update");
  return true;
}

bool RemoveEventPost(Tx& tx, domain::Id event_id, domain::Id post_id) {
  if (tx.QueryInt("SELECT COUNT(*) FROM event_posts WHERE event_id = ? AND post_id = ?",
                  {P(event_id), P(post_id)})
          .value_or(0) == 0) {
    return false;
  }
  tx.Exec("DELETE FROM event_posts WHERE event_id = ? AND post_id = ?", {P(event_id), P(post_id)});
  tx.LogChange("event", event_id, "update");
  return true;
}

Page<domain::Activity> EventActivities(Tx& tx, std::optional<std::string> kind,
                                       std::optional<domain::Id> institution_id,
                                       const PageRequest& page) {
  Where w;
  if (kind) {
    w.And("kind = ?", {P(*kind)});
  } else {
    w.And("kind IN ('job_fair', 'livestream', 'group_interview')", {});
  }
  if (institution_id) w.And("institution_id = ?", {P(*institution_id)});
  return Repository<domain::Activity>::List(tx, w, page);
}

EventDependents CountEventDependents(Tx& tx, domain::Id event_id) {
  EventDependents d;
  d.applications =
      tx.QueryInt("SELECT COUNT(*) FROM applications WHERE event_id = ?", {P(event_id)})
          .value_or(0);
  d.registrations = tx.QueryInt(
                          "SELECT COUNT(*) FROM event_registrations WHERE event_id = ? "
                          "AND status <> 'cancelled'",
                          {P(event_id)})
                        .value_or(0);
  d.agreements =
      tx.QueryInt("SELECT COUNT(*) FROM agreements WHERE signed_activity_id = ?", {P(event_id)})
          .value_or(0);
  return d;
}

std::int64_t OverlappingRoomSlots(Tx& tx, domain::Id event_id, const std::string& room,
                                  const std::string& starts_at, const std::string& ends_at,
                                  domain::Id except) {
  return tx
      .QueryInt(
          "SELECT COUNT(*) FROM event_slots WHERE event_id = ? AND room = ? AND starts_at < ? "
          "AND ends_at > ? AND id <> ?",
          {P(event_id), P(room), P(ends_at), P(starts_at), P(except)})
      .value_or(0);
}

std::int64_t OverlappingStudentSlots(Tx& tx, domain::Id event_id, domain::Id application_id,
                                     const std::string& starts_at, const std::string& ends_at,
                                     domain::Id except) {
  return tx
      .QueryInt(
          "SELECT COUNT(*) FROM event_slots WHERE event_id = ? AND starts_at < ? AND ends_at > ? "
          "AND id <> ? AND application_id IN (SELECT id FROM applications WHERE student_id = "
          "(SELECT student_id FROM applications WHERE id = ?))",
          {P(event_id), P(ends_at), P(starts_at), P(except), P(application_id)})
      .value_or(0);
}

Where ToWhere(const RegistrationFilter& f) {
  Where w;
  if (f.event_id) w.And("event_id = ?", {P(*f.event_id)});
  if (f.status) w.And("status = ?", {P(*f.status)});
  if (f.scope_student_id) w.And("student_id = ?", {P(*f.scope_student_id)});
  if (f.scope_institution_id) {
    w.And("student_id IN (SELECT id FROM students WHERE institution_id = ?)",
          {P(*f.scope_institution_id)});
  }
  if (f.scope_unit_id) {
    w.And("student_id IN (SELECT id FROM students WHERE unit_id = ?)", {P(*f.scope_unit_id)});
  }
  return w;
}

std::optional<domain::EventRegistration> FindRegistration(Tx& tx, domain::Id event_id,
                                                          domain::Id student_id) {
  return First<domain::EventRegistration>(
      tx, Where().And("event_id = ? AND student_id = ?", {P(event_id), P(student_id)}));
}

std::optional<domain::EventRegistration> FindRegistrationByCode(Tx& tx, domain::Id event_id,
                                                                const std::string& code) {
  return First<domain::EventRegistration>(
      tx, Where().And("event_id = ? AND code = ?", {P(event_id), P(code)}));
}

std::int64_t PlacesTaken(Tx& tx, domain::Id event_id) {
  return tx
      .QueryInt(
          "SELECT COUNT(*) FROM event_registrations WHERE event_id = ? AND status IN "
          "('registered', 'checked_in')",
          {P(event_id)})
      .value_or(0);
}

std::int64_t NextRegistrationPosition(Tx& tx, domain::Id event_id) {
  return tx.QueryInt("SELECT MAX(position) FROM event_registrations WHERE event_id = ?",
                     {P(event_id)})
             .value_or(0) +
         1;
}

std::optional<domain::EventRegistration> FirstWaitlisted(Tx& tx, domain::Id event_id) {
  auto rows = tx.Query(
      "SELECT id FROM event_registrations WHERE event_id = ? AND status = 'waitlisted' "
      "ORDER BY position LIMIT 1",
      {P(event_id)});
  if (rows.empty()) return std::nullopt;
  auto r = Repository<domain::EventRegistration>::Get(tx, rows[0].Int(0));
  if (!r.ok()) return std::nullopt;
  return *r;
}

LiveCounters EventCounters(Tx& tx, domain::Id event_id) {
  LiveCounters c;
  for (const auto& r : tx.Query("SELECT status, COUNT(*) FROM event_registrations WHERE "
                                "event_id = ? GROUP BY status",
                                {P(event_id)})) {
    std::string status = r.Text(0);
    std::int64_t n = r.Int(1);
    if (status == "registered" || status == "checked_in") c.registrations += n;
    if (status == "checked_in") c.checkins += n;
    if (status == "waitlisted") c.waitlisted += n;
  }
  c.applications =
      tx.QueryInt("SELECT COUNT(*) FROM applications WHERE event_id = ?", {P(event_id)})
          .value_or(0);
  c.intentions = tx.QueryInt(
                       "SELECT COUNT(DISTINCT t.application_id) FROM "
                       "application_transitions t JOIN applications a ON "
                       "a.id = t.application_id WHERE a.event_id = ? AND "
                       "t.to_state = 'intention'",
                       {P(event_id)})
                     .value_or(0);
  return c;
}

EventFigures ComputeEventFigures(Tx& tx, domain::Id event_id) {
  EventFigures f;
  // One row per application of the event: did it pass through interview, its intention kind
  // (if it reached intention), whether a follow-up was recorded, whether it was rejected.
  auto rows = tx.Query(
      "SELECT a.id, "
      "  SUM(CASE WHEN t.to_state = 'interview' THEN 1 ELSE 0 END), "
      "  SUM(CASE WHEN t.to_state = 'intention' THEN 1 ELSE 0 END), "
      "  SUM(CASE WHEN t.to_state = 'intention' AND t.intention_kind = 'internship' "
      "      THEN 1 ELSE 0 END), "
      "  SUM(CASE WHEN t.follow_up = 1 THEN 1 ELSE 0 END), "
      "  SUM(CASE WHEN t.to_state = 'rejected' THEN 1 ELSE 0 END) "
      "FROM applications a LEFT JOIN application_transitions t ON t.application_id = a.id "
      "WHERE a.event_id = ? GROUP BY a.id",
      {P(event_id)});
  for (const auto& r : rows) {
    ++f.applications;
    bool interviewed = r.Int(1) > 0;
    bool intention = r.Int(2) > 0;
    bool internship = r.Int(3) > 0;
    bool follow_up = r.Int(4) > 0;
    bool rejected = r.Int(5) > 0;
    if (!interviewed) continue;
    ++f.interviewed;
    if (intention) {
      ++f.intentions;
      ++(internship ? f.internship_intentions : f.employment_intentions);
    } else if (follow_up) {
      ++f.follow_ups;
    } else if (rejected) {
      ++f.no_outcome;
    }
  }
  return f;
}

// ---- destinations ------------------------------------------------------------------------------

Where ToWhere(const DestinationFilter& f) {
  Where w;
  if (f.institution_id) w.And("institution_id = ?", {P(*f.institution_id)});
  if (f.unit_id) w.And("unit_id = ?", {P(*f.unit_id)});
  if (f.cohort) w.And("cohort = ?", {P(*f.cohort)});
  if (f.category) w.And("category = ?", {P(*f.category)});
  if (f.status) w.And("status = ?", {P(*f.status)});
  if (f.student_id) w.And("student_id = ?", {P(*f.student_id)});
  if (f.scope_institution_id) w.And("institution_id = ?", {P(*f.scope_institution_id)});
  if (f.scope_unit_id) w.And("unit_id = ?", {P(*f.scope_unit_id)});
  if (f.scope_student_id) w.And("student_id = ?", {P(*f.scope_student_id)});
  return w;
}

std::optional<domain::Id> FindDestinationOfStudent(Tx& tx, domain::Id student_id) {
  return tx.QueryInt("SELECT id FROM destinations WHERE student_id = ?", {P(student_id)});
}

std::vector<DestinationFact> DestinationFacts(Tx& tx, const Where& where) {
  std::vector<DestinationFact> out;
  PageRequest page{0, 5000};
  while (true) {
    auto p = Repository<domain::Destination>::List(tx, where, page);
    for (auto& d : p.items) out.push_back({std::move(d), std::nullopt});
    if (!p.next_after) break;
    page.after = *p.next_after;
  }
  std::map<domain::Id, std::string> sizes;
  for (const auto& r : tx.Query("SELECT id, size FROM organizations WHERE id IN (SELECT "
                                "organization_id FROM destinations WHERE organization_id IS "
                                "NOT NULL)")) {
    sizes[r.Int(0)] = r.Text(1);
  }
  for (auto& f : out) {
    if (f.d.organization_id) {
      auto it = sizes.find(*f.d.organization_id);
      if (it != sizes.end()) f.employer_size = it->second;
    }
  }
  return out;
}

std::vector<GraduateCount> Graduates(Tx& tx, domain::Id institution_id,
                                     std::optional<std::int64_t> cohort,
                                     std::optional<domain::Id> unit_id) {
  Where w;
  w.And("institution_id = ?", {P(institution_id)});
  if (cohort) w.And("cohort = ?", {P(*cohort)});
  if (unit_id) w.And("unit_id = ?", {P(*unit_id)});
  std::vector<GraduateCount> out;
  for (const auto& r : tx.Query("SELECT unit_id, major_code, COUNT(*) FROM students WHERE " +
                                    w.sql + " GROUP BY unit_id, major_code",
                                w.params)) {
    out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  }
  return out;
}

// ---- agreement fulfilment ----------------------------------------------------------------------

PlacementCounts CountPlacements(Tx& tx, domain::Id institution_id, domain::Id organization_id,
                                const std::string& from, const std::string& to) {
  PlacementCounts out;
  // Transition times are timestamps: compare their date part.
  std::string to_end = to + "T23:59:59Z";
  out.interns =
      tx.QueryInt(
            "SELECT COUNT(DISTINCT a.student_id) FROM applications a JOIN "
            "application_transitions t ON t.application_id = a.id WHERE a.institution_id = ? "
            "AND a.organization_id = ? AND (a.post_kind = 'internship' OR a.intention_kind = "
            "'internship') AND t.to_state IN "
            "('intention', 'offer', 'signed') AND t.at >= ? AND t.at <= ?",
            {P(institution_id), P(organization_id), P(from), P(to_end)})
          .value_or(0);
  std::set<domain::Id> hired;
  for (const auto& r : tx.Query(
           "SELECT DISTINCT a.student_id FROM applications a JOIN application_transitions t ON "
           "t.application_id = a.id WHERE a.institution_id = ? AND a.organization_id = ? AND "
           "a.post_kind = 'full_time' AND t.to_state = 'signed' AND t.at >= ? AND t.at <= ?",
           {P(institution_id), P(organization_id), P(from), P(to_end)})) {
    hired.insert(r.Int(0));
  }
  for (const auto& r :
       tx.Query("SELECT DISTINCT d.student_id FROM destinations d WHERE d.institution_id = ? AND "
                "d.status = 'verified' AND d.category IN ('contract_employment', "
                "'other_employment') AND d.verified_at >= ? AND d.verified_at <= ? AND "
                "(d.organization_id = ? OR d.employer_credit_code = (SELECT credit_code FROM "
                "organizations WHERE id = ?))",
                {P(institution_id), P(from), P(to_end), P(organization_id), P(organization_id)})) {
    hired.insert(r.Int(0));
  }
  out.hires = static_cast<std::int64_t>(hired.size());
  return out;
}

}  // namespace tb::store
