#pragma once
// Recruitment in the store (issue #5): list filters of applications, registrations and
// destinations, the transition log, event settings and their participants, and the raw facts
// the live counters, event figures, audit flags, employment figures and agreement fulfilment
// are computed from. SQL lives here and only here. Stateless; every function takes its Tx.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/partnership.hpp"
#include "domain/recruitment.hpp"
#include "store/change_log.hpp"
#include "store/repository.hpp"

namespace tb::store {

struct ApplicationFilter {
  std::optional<domain::Id> post_id;
  std::optional<domain::Id> student_id;
  std::optional<domain::Id> event_id;
  std::optional<domain::Id> organization_id;
  std::optional<std::string> state;
  // Scope (set by the services from the caller, never from the request):
  std::optional<domain::Id> scope_institution_id;
  std::optional<domain::Id> scope_unit_id;
  std::optional<domain::Id> scope_student_id;
  std::optional<domain::Id> scope_organization_id;
};
Where ToWhere(const ApplicationFilter& f);

std::optional<domain::Id> FindApplication(Tx& tx, domain::Id student_id, domain::Id post_id);
// Appends a transition (its id assigned) and logs the change.
domain::ApplicationTransition InsertTransition(Tx& tx, domain::ApplicationTransition t);
std::vector<domain::ApplicationTransition> Transitions(Tx& tx, domain::Id application_id);
// Whether the student applied to one of the organization's posts.
bool HasApplicationWith(Tx& tx, domain::Id organization_id, domain::Id student_id);
// Whether the student has an application to one of the organization's posts in one of `states`.
bool HasApplicationInStates(Tx& tx, domain::Id organization_id, domain::Id student_id,
                            const std::vector<std::string>& states);
// Those of `student_ids` that have an application to one of the organization's posts in one of
// `states`, in one query (for a page of students); no query when either list is empty.
std::set<domain::Id> StudentsWithApplicationInStates(Tx& tx, domain::Id organization_id,
                                                     const std::vector<domain::Id>& student_ids,
                                                     const std::vector<std::string>& states);

// ---- events ------------------------------------------------------------------------------------

struct EventSettings {
  domain::Id id = 0;  // the activity's id
  std::optional<std::int64_t> capacity;
  std::optional<std::string> stream_url;
  std::optional<std::string> starts_at;
  std::optional<std::string> ends_at;
  std::int64_t external_enterprises = 0;  // taking part but not on the platform: counted only
  std::int64_t external_institutions = 0;
};
std::optional<EventSettings> GetEventSettings(Tx& tx, domain::Id event_id);
void PutEventSettings(Tx& tx, const EventSettings& s, const std::string& now);
std::vector<domain::Id> EventInstitutions(Tx& tx, domain::Id event_id);
std::vector<domain::Id> EventPosts(Tx& tx, domain::Id event_id);
std::vector<domain::Id> EventOrganizations(Tx& tx, domain::Id event_id);  // participants
// Idempotent adds (an existing pair is left as it is); logged as an update of the event.
void AddEventInstitution(Tx& tx, domain::Id event_id, domain::Id institution_id);
void AddEventPost(Tx& tx, domain::Id event_id, domain::Id post_id);
// Removals (false when the pair did not exist); logged as an update of the event.
bool RemoveEventInstitution(Tx& tx, domain::Id event_id, domain::Id institution_id);
bool RemoveEventPost(Tx& tx, domain::Id event_id, domain::Id post_id);
// Events (activities of an event kind) in id order after `page.after`, optionally of one kind
// and one host institution; the caller filters them by scope.
Page<domain::Activity> EventActivities(Tx& tx, std::optional<std::string> kind,
                                       std::optional<domain::Id> institution_id,
                                       const PageRequest& page);
// What keeps an event from being deleted: applications made at it, registrations that are not
// cancelled, agreements signed at it.
struct EventDependents {
  std::int64_t applications = 0;
  std::int64_t registrations = 0;
  std::int64_t agreements = 0;
};
EventDependents CountEventDependents(Tx& tx, domain::Id event_id);
// Interview slots of the event that overlap [starts_at, ends_at) in `room` (other than
// `except`), and those of the same student as application `application_id`.
std::int64_t OverlappingRoomSlots(Tx& tx, domain::Id event_id, const std::string& room,
                                  const std::string& starts_at, const std::string& ends_at,
                                  domain::Id except);
std::int64_t OverlappingStudentSlots(Tx& tx, domain::Id event_id, domain::Id application_id,
                                     const std::string& starts_at, const std::string& ends_at,
                                     domain::Id except);

struct RegistrationFilter {
  std::optional<domain::Id> event_id;
  std::optional<std::string> status;
  std::optional<domain::Id> scope_student_id;
  std::optional<domain::Id> scope_institution_id;
  std::optional<domain::Id> scope_unit_id;
};
Where ToWhere(const RegistrationFilter& f);
std::optional<domain::EventRegistration> FindRegistration(Tx& tx, domain::Id event_id,
                                                          domain::Id student_id);
std::optional<domain::EventRegistration> FindRegistrationByCode(Tx& tx, domain::Id event_id,
                                                                const std::string& code);
// Registrations holding a place (registered or checked in).
std::int64_t PlacesTaken(Tx& tx, domain::Id event_id);
std::int64_t NextRegistrationPosition(Tx& tx, domain::Id event_id);
// The first of the waiting list, by position.
std::optional<domain::EventRegistration> FirstWaitlisted(Tx& tx, domain::Id event_id);

// The live counters of an event, from the rows.
struct LiveCounters {
  std::int64_t registrations = 0;  // registered + checked in
  std::int64_t waitlisted = 0;
  std::int64_t checkins = 0;
  std::int64_t applications = 0;  // made at the event (event_id)
  std::int64_t intentions = 0;    // applications of the event that reached intention
  bool operator==(const LiveCounters&) const = default;
};
LiveCounters EventCounters(Tx& tx, domain::Id event_id);

// Group-interview figures, from the transitions of the event's applications.
struct EventFigures {
  std::int64_t applications = 0;
  std::int64_t interviewed = 0;  // reached interview (or beyond through it)
  std::int64_t intentions = 0;
  std::int64_t internship_intentions = 0;
  std::int64_t employment_intentions = 0;
  std::int64_t follow_ups = 0;  // a follow-up negotiation recorded, no intention
  std::int64_t no_outcome = 0;  // interviewed, then rejected without intention or follow-up
};
EventFigures ComputeEventFigures(Tx& tx, domain::Id event_id);

// ---- destinations ------------------------------------------------------------------------------

struct DestinationFilter {
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> unit_id;
  std::optional<std::int64_t> cohort;
  std::optional<std::string> category;
  std::optional<std::string> status;
  std::optional<domain::Id> student_id;
  std::optional<domain::Id> scope_institution_id;
  std::optional<domain::Id> scope_unit_id;
  std::optional<domain::Id> scope_student_id;
};
Where ToWhere(const DestinationFilter& f);
std::optional<domain::Id> FindDestinationOfStudent(Tx& tx, domain::Id student_id);

// One destination with the size of its employer (when linked to an organization).
struct DestinationFact {
  domain::Destination d;
  std::optional<std::string> employer_size;
};
std::vector<DestinationFact> DestinationFacts(Tx& tx, const Where& where);
// Graduates of a cohort (students) in the same grouping as the employment figures.
struct GraduateCount {
  domain::Id unit_id = 0;
  std::string major_code;
  std::int64_t count = 0;
};
std::vector<GraduateCount> Graduates(Tx& tx, domain::Id institution_id,
                                     std::optional<std::int64_t> cohort,
                                     std::optional<domain::Id> unit_id);

// ---- agreement fulfilment ----------------------------------------------------------------------

// What an employer received from an institution's students in [from, to] (YYYY-MM-DD,
// inclusive), the rule agreements' fulfilment uses:
//   interns = distinct students with an application to one of the organization's internship
//             posts, or with an internship intention (a group interview's outcome), that
//             entered intention, offer or signed within the range (the date of that transition);
//   hires   = distinct students with an application to one of its full-time posts that was
//             signed within the range, together with students whose VERIFIED destination of
//             category contract_employment or other_employment names the organization (its id
//             or its credit code) and was verified within the range; a student counted both
//             ways counts once.
struct PlacementCounts {
  std::int64_t interns = 0;
  std::int64_t hires = 0;
};
PlacementCounts CountPlacements(Tx& tx, domain::Id institution_id, domain::Id organization_id,
                                const std::string& from, const std::string& to);

}  // namespace tb::store
