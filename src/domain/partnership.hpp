#pragma once
// Partnerships (DESIGN §3, issue #4): campaigns with their targets, activities between the
// parties, and the outcome lines of an activity in the shape of the provincial "visit
// enterprises, expand posts" (访企拓岗) data standard. Plain values; their field descriptions
// live in partnership.cpp (Def<T>), their rules in Validate below.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/entity.hpp"

namespace tb::domain {

// A named drive of an institution over a period, e.g. "2023年书记校长访企拓岗促就业专项行动".
struct Campaign {
  Id id = 0;
  Id institution_id = 0;
  std::string name;
  std::string start_date;  // YYYY-MM-DD, inclusive
  std::string end_date;    // YYYY-MM-DD, inclusive
  std::string description;
  std::string status = "active";  // planned | active | closed
  std::string created_at;
  std::string updated_at;
};

// What a campaign expects of one unit (unit_id set) or of one leader (leader_name set).
struct CampaignTarget {
  Id id = 0;
  Id campaign_id = 0;
  std::optional<Id> unit_id;
  std::string leader_name;
  std::string leader_title;
  std::int64_t visits = 0;
  std::int64_t employers = 0;  // distinct employers (by credit code)
  std::int64_t posts = 0;      // posts opened
  std::string created_at;
  std::string updated_at;
};

// Something that happened between an institution and organizations.
struct Activity {
  Id id = 0;
  Id institution_id = 0;
  std::string kind = "visit_out";
  std::optional<Id> campaign_id;
  std::optional<Id> unit_id;          // the unit that did it (null: the institution itself)
  std::optional<Id> organization_id;  // the main counterpart (the enterprise visited, ...)
  std::string date;                   // YYYY-MM-DD
  std::string place;
  std::string host;
  std::string leader_name;  // the leading person of our side and their title
  std::string leader_title;
  std::string receiver_name;  // the receiving person of the organization and their title
  std::string receiver_title;
  std::string topics;
  std::string notes;
  std::string created_at;
  std::string updated_at;
};

// One line of an activity's outcome per organization × major (code, level).
struct ActivityOutcome {
  Id id = 0;
  Id activity_id = 0;
  Id organization_id = 0;
  std::string major_code;
  std::string level = "bachelor";
  std::int64_t posts_offered = 0;
  std::optional<std::int64_t> average_pay;  // yuan per month
  std::int64_t interns_accepted = 0;
  std::optional<std::int64_t> intern_pay;  // yuan per month
  std::int64_t hires_planned = 0;
  std::optional<std::int64_t> starting_salary;  // yuan per month
  std::string other_cooperation;
  std::string main_result_form;
  std::string created_at;
  std::string updated_at;
};

// Who took part in an activity: exactly one of an organization, a unit or a contact.
struct ActivityParticipant {
  Id id = 0;
  Id activity_id = 0;
  std::optional<Id> organization_id;
  std::optional<Id> unit_id;
  std::optional<Id> contact_id;
  std::string role = "participant";  // host | participant | guiding_unit
  std::string created_at;
  std::string updated_at;
};

// A follow-up task of an activity.
struct ActivityTask {
  Id id = 0;
  Id activity_id = 0;
  std::string title;
  std::string owner;  // who does it (a person or an office)
  std::optional<std::string> due_date;
  bool done = false;
  std::string created_at;
  std::string updated_at;
};

inline constexpr std::string_view kActivityKinds[] = {
    "visit_out", "visit_in",   "symposium",       "docking_event", "lecture",
    "job_fair",  "livestream", "group_interview", "signing"};

// Activities of these kinds count as visits of a campaign.
bool IsVisit(std::string_view kind);

std::vector<FieldError> Validate(const Campaign& v);
std::vector<FieldError> Validate(const CampaignTarget& v);
std::vector<FieldError> Validate(const Activity& v);
std::vector<FieldError> Validate(const ActivityOutcome& v);
std::vector<FieldError> Validate(const ActivityParticipant& v);
std::vector<FieldError> Validate(const ActivityTask& v);

// An ISO 8601 week "2023-W10": its Monday and Sunday as YYYY-MM-DD, or a message saying what
// is wrong (the week must exist in that year).
struct WeekRange {
  std::string monday;
  std::string sunday;
};
Result<WeekRange> ParseIsoWeek(std::string_view week);
// The ISO week "YYYY-Www" of a valid date YYYY-MM-DD.
std::string IsoWeekOf(std::string_view date);
// A valid date YYYY-MM-DD plus `days` (may be negative): core::AddDays.
using core::AddDays;

}  // namespace tb::domain
