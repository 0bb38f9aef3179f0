#pragma once
// Recruitment (DESIGN §3, issue #5): applications and their state machine, eligibility of a
// student for a post, event registrations and interview slots, graduates' destinations in the
// Ministry of Education categories. Plain values and pure rules; persistence in
// store/recruitment.*, scope and orchestration in service/recruitment.*.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"
#include "domain/entity.hpp"

namespace tb::domain {

// A student applying to a post. institution_id, unit_id, organization_id and post_kind are
// copied from the student and the post when the application is made.
struct Application {
  Id id = 0;
  Id student_id = 0;
  Id post_id = 0;
  Id institution_id = 0;
  Id unit_id = 0;
  Id organization_id = 0;
  std::string post_kind;
  std::optional<Id> event_id;  // the event (activity) it was made at, if any
  std::string state = "applied";
  std::optional<std::string> intention_kind;  // internship | employment (state intention+)
  bool follow_up = false;                     // a follow-up negotiation was agreed
  std::optional<std::string> student_confirmed_at;
  std::optional<std::string> enterprise_confirmed_at;
  std::optional<std::string> institution_confirmed_at;
  std::string note;
  std::string created_at;
  std::string updated_at;
};

// One recorded move of an application (also the initial "" -> applied).
struct ApplicationTransition {
  Id id = 0;
  Id application_id = 0;
  std::string from_state;
  std::string to_state;
  Id actor_user_id = 0;
  std::string actor_role;
  std::string actor_label;
  std::string note;
  std::optional<std::string> intention_kind;
  bool follow_up = false;
  std::optional<Id> event_id;
  std::string at;
};

inline constexpr std::string_view kApplicationStates[] = {"applied",   "screening", "interview",
                                                          "intention", "offer",     "signed",
                                                          "rejected",  "withdrawn", "declined"};

// Who is moving the application, as far as the state machine cares.
enum class Party { kStudent, kEnterprise, kInstitution, kPlatform };

// The states `party` may move an application in `from` to (signed is never among them: it is
// reached through the three confirmations). "interview" from interview is the recorded
// follow-up negotiation of a group interview.
std::vector<std::string> AllowedMoves(std::string_view from, Party party);
// All moves the machine has from `from`, whoever makes them.
std::vector<std::string> AllowedMoves(std::string_view from);
bool IsTerminal(std::string_view state);
// Rank of a state along the main path (applied 0 .. signed 5), -1 for side exits.
int StateRank(std::string_view state);

// A reason, in Chinese and English, why something is refused or flagged.
struct Reason {
  std::string code;
  std::string field;
  std::string zh;
  std::string en;
};

// Why `student` may not apply to `post` of `organization` on `today` (YYYY-MM-DD); empty when
// eligible. Rules: the post is open and today lies within its open/close dates; the
// organization is verified; the student's level is at least the post's minimum; a full-time
// post is for the graduating class (cohort this year or next); the student's major is one of
// the post's accepted majors (exact code, four-digit class or two-digit category; none listed
// = any major).
std::vector<Reason> Eligibility(const Student& student, const Post& post,
                                const Organization& organization, std::string_view today);

// The two rules of Eligibility that the matching engine applies too (match::MayApply), so
// that a recommendation is a post the student may apply to.
// Whether `major_code` is among `accepted_majors`: none listed = any major; otherwise some
// non-empty entry is a prefix of it (the exact code, its four-digit class or its two-digit
// category). An empty entry accepts nothing.
bool AcceptsMajor(const std::vector<std::string>& accepted_majors, std::string_view major_code);
// Whether a post of `kind` takes the class of `cohort` (graduation year) in calendar `year`:
// full-time posts are for the graduating class, cohort `year` or `year + 1`; other kinds for
// every class.
bool OpenToCohort(std::string_view kind, std::int64_t cohort, int year);

// A student's registration for an event.
struct EventRegistration {
  Id id = 0;
  Id event_id = 0;
  Id student_id = 0;
  std::string status = "registered";  // registered | waitlisted | checked_in | cancelled
  std::int64_t position = 0;          // order of registration (the waiting list's order)
  std::string code;                   // check-in code shown to the student
  std::optional<std::string> checked_in_at;
  std::string created_at;
  std::string updated_at;
};

// An interview slot of an enterprise in a room at an event.
struct EventSlot {
  Id id = 0;
  Id event_id = 0;
  Id organization_id = 0;
  std::string room;
  std::string starts_at;  // YYYY-MM-DDTHH:MM:SSZ
  std::string ends_at;
  std::optional<Id> application_id;
  std::string created_at;
  std::string updated_at;
};

inline constexpr std::string_view kEventKinds[] = {"job_fair", "livestream", "group_interview"};
bool IsEventKind(std::string_view kind);

// Where a graduate went (Ministry of Education categories).
struct Destination {
  Id id = 0;
  Id student_id = 0;
  Id institution_id = 0;  // copied from the student
  Id unit_id = 0;
  std::int64_t cohort = 0;
  std::string major_code;
  std::string category;
  std::string employer_name;
  std::optional<std::string> employer_credit_code;
  std::optional<Id> organization_id;
  std::optional<std::string> region_code;
  std::optional<std::string> industry_code;
  std::optional<std::int64_t> salary;  // yuan per month
  std::optional<std::string> evidence_file;
  std::optional<std::string> evidence_type;
  std::string status = "registered";  // registered | verified | rejected
  std::optional<Id> verified_by;
  std::optional<std::string> verified_at;
  std::string registered_at;
  std::string created_at;
  std::string updated_at;
};

inline constexpr std::string_view kDestinationCategories[] = {
    "contract_employment",  // 签订就业协议/劳动合同
    "other_employment",     // 其他录用形式就业
    "flexible_employment",  // 灵活就业
    "entrepreneurship",     // 自主创业
    "further_study",        // 境内升学
    "study_abroad",         // 出国（境）留学
    "grassroots_military",  // 基层项目、应征义务兵
    "not_yet_employed",     // 待就业
    "not_seeking",          // 暂不就业
};
// Every category except not_yet_employed and not_seeking counts as placed.
bool IsPlaced(std::string_view category);
// Categories with an employer (name required).
bool HasEmployer(std::string_view category);
const char* CategoryZh(std::string_view category);

std::vector<FieldError> Validate(const Destination& v);

}  // namespace tb::domain
