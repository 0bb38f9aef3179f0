#pragma once
// The recruitment services (issue #5, DESIGN §2 scenarios 2 and 5): applications through their
// state machine with every transition recorded, the tripartite confirmations, events with
// registrations (capacity, waiting list promoted automatically), check-in by code, interview
// slots, live counters and figures, graduates' destinations with evidence, verification and
// audit flags, and the employment figures. Scope (DESIGN §9):
//   applications  platform admin all; institution admin its institution's students'; unit staff
//                 its unit's students'; a student its own; a recruiter those to its
//                 organization's posts; observers none.
//   events        activities of kind job_fair, livestream, group_interview: platform admin all;
//                 officers (institution admin, unit staff) those of their institution or with
//                 their institution participating; a recruiter those its organization takes part
//                 in; a student those of (or joined by) their institution; observers the
//                 aggregates (live counters, figures) of events of observed institutions.
//                 Managed (settings, participants, featured posts, check-in, slots) by the
//                 platform admin, the host institution's admin and the host unit's staff.
//   destinations  like students: platform admin all, officers their institution/unit, a
//                 student its own; verified only by unit staff / the institution admin.
// Thread-safe (stateless apart from the shared Database).

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/caller.hpp"
#include "core/messages.hpp"
#include "domain/partnership.hpp"
#include "domain/recruitment.hpp"
#include "store/database.hpp"
#include "store/recruitment.hpp"

namespace tb::service {

using auth::Caller;

struct ApplyRequest {
  std::optional<domain::Id> student_id;  // students apply for themselves
  domain::Id post_id = 0;
  std::optional<domain::Id> event_id;
  std::string note;
};

struct TransitionRequest {
  std::string to;
  std::string note;
  std::optional<std::string> intention_kind;  // for intention: default from the post's kind
};

// Filled when a request is refused, for the problem document.
struct Refusal {
  std::vector<domain::Reason> reasons;  // eligibility, in Chinese and English
  std::vector<std::string> allowed;     // moves the caller may make (409 on a transition)
};

struct EventView {
  domain::Activity activity;
  store::EventSettings settings;
  std::vector<domain::Id> organizations;  // participating enterprises
  std::vector<domain::Id> institutions;   // participating institutions (the host included)
  std::vector<domain::Id> featured_posts;
  store::LiveCounters counters;
};

struct EventListFilter {
  std::optional<std::string> kind;
  std::optional<domain::Id> institution_id;
};

// Replaces the settings (PUT): what is not given is cleared.
struct SettingsRequest {
  std::optional<std::int64_t> capacity;
  std::optional<std::string> stream_url;
  std::optional<std::string> starts_at;
  std::optional<std::string> ends_at;
  std::int64_t external_enterprises = 0;
  std::int64_t external_institutions = 0;
};

// An audit flag on destinations (why, in Chinese and English).
struct Flag {
  std::string rule;  // small_employer_cluster | flexible_share | deadline_cluster | credit_code
  std::optional<domain::Id> destination_id;
  std::optional<domain::Id> unit_id;
  std::string employer;
  std::int64_t count = 0;
  std::string zh;
  std::string en;
};

struct EmploymentQuery {
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> unit_id;
  std::optional<std::int64_t> cohort;
  std::string group_by = "unit";  // unit | major | cohort | province | city
};

struct EmploymentRow {
  std::string key;
  std::string label;
  std::optional<std::int64_t> graduates;  // nullopt when suppressed or not applicable
  std::optional<std::int64_t> placed;
  std::optional<double> placement_rate;     // placed / graduates
  std::map<std::string, std::int64_t> mix;  // category -> count (empty when suppressed)
  std::optional<std::int64_t> median_salary;
  bool suppressed = false;
};

struct EmploymentReport {
  std::string group_by;
  EmploymentRow total;
  std::vector<EmploymentRow> rows;
};

inline const core::Text kPlacementRule{
    "就业率 = 该届毕业生中去向类别不是 not_yet_employed 或 not_seeking 的人数 ÷ 该届全部毕业生"
    "（该届学生，无论是否登记去向）；薪资中位数按填写了薪资的去向计算；省、市行按去向所在地区"
    "统计已就业毕业生；不足 5 名毕业生的分组不予显示",
    "placement rate = graduates of the cohort with a destination in any category except "
    "not_yet_employed and not_seeking, over all graduates of the cohort (students of that "
    "cohort, with or without a registered destination); median salary over destinations with "
    "a salary; province and city rows count placed graduates by the destination's region; "
    "groups of fewer than 5 graduates are suppressed"};

class RecruitmentService {
 public:
  // files_dir: where evidence files are kept (created on first use).
  RecruitmentService(std::shared_ptr<store::Database> db, std::string files_dir);

  // ---- applications ----
  Result<domain::Application> Apply(const Caller& c, const ApplyRequest& req,
                                    const std::string& now, Refusal* refusal = nullptr) const;
  Result<domain::Application> GetApplication(const Caller& c, domain::Id id) const;
  Status CheckListApplications(const Caller& c) const;
  Result<store::Page<domain::Application>> ListApplications(const Caller& c,
                                                            store::ApplicationFilter f,
                                                            const store::PageRequest& page) const;
  Result<domain::Application> Transition(const Caller& c, domain::Id id,
                                         const TransitionRequest& req, const std::string& now,
                                         Refusal* refusal = nullptr) const;
  // party: student | enterprise | institution; taken from the caller's role (a platform admin
  // names it).
  Result<domain::Application> Confirm(const Caller& c, domain::Id id,
                                      std::optional<std::string> party,
                                      const std::string& now) const;
  Result<std::vector<domain::ApplicationTransition>> History(const Caller& c, domain::Id id) const;

  // ---- events ----
  Result<std::vector<EventView>> ListEvents(const Caller& c, const EventListFilter& f) const;
  Result<EventView> GetEvent(const Caller& c, domain::Id id) const;
  Result<EventView> PutSettings(const Caller& c, domain::Id id, const SettingsRequest& s,
                                const std::string& now) const;
  Result<EventView> AddInstitution(const Caller& c, domain::Id id, domain::Id institution_id,
                                   const std::string& now) const;
  Result<EventView> AddFeaturedPost(const Caller& c, domain::Id id, domain::Id post_id,
                                    const std::string& now) const;
  Result<domain::EventRegistration> Register(const Caller& c, domain::Id event_id,
                                             std::optional<domain::Id> student_id,
                                             const std::string& now) const;
  Result<std::vector<domain::EventRegistration>> Registrations(const Caller& c,
                                                               domain::Id event_id) const;
  // Cancels; the first of the waiting list takes the freed place.
  Result<domain::EventRegistration> CancelRegistration(const Caller& c, domain::Id event_id,
                                                       domain::Id registration_id,
                                                       const std::string& now) const;
  Result<domain::EventRegistration> CheckIn(const Caller& c, domain::Id event_id,
                                            const std::string& code, const std::string& now) const;
  Result<domain::EventSlot> AddSlot(const Caller& c, domain::Id event_id, domain::EventSlot slot,
                                    const std::string& now) const;
  Result<std::vector<domain::EventSlot>> Slots(const Caller& c, domain::Id event_id) const;

  // ---- editing events (edit) ----
  // A page of the events visible to the caller, in id order (cursor: the last id).
  Result<store::Page<EventView>> ListEventPage(const Caller& c, const EventListFilter& f,
                                               const store::PageRequest& page) const;
  // Hosts an event: an activity of kind job_fair, livestream or group_interview with its
  // settings, in one transaction. Who may: the platform admin, an institution admin for its
  // institution, unit staff for their unit (the activities policy).
  Result<EventView> CreateEvent(const Caller& c, domain::Activity a, const SettingsRequest& s,
                                const std::string& now) const;
  // Changes an event's activity fields and settings (`change` applies a merge patch to both);
  // those who manage the event, who may not move it to another institution or unit.
  using EventChange = std::function<Status(domain::Activity&, SettingsRequest&)>;
  Result<EventView> UpdateEvent(const Caller& c, domain::Id id, const EventChange& change,
                                const std::string& now) const;
  // Deletes an event with its settings, participants, featured posts and slots; refused (409)
  // while applications, registrations or agreements refer to it.
  Status DeleteEvent(const Caller& c, domain::Id id, const std::string& now) const;
  Result<EventView> RemoveInstitution(const Caller& c, domain::Id id, domain::Id institution_id,
                                      const std::string& now) const;
  Result<EventView> RemoveFeaturedPost(const Caller& c, domain::Id id, domain::Id post_id,
                                       const std::string& now) const;
  using SlotChange = std::function<Status(domain::EventSlot&)>;
  Result<domain::EventSlot> UpdateSlot(const Caller& c, domain::Id event_id, domain::Id slot_id,
                                       const SlotChange& change, const std::string& now) const;
  Status DeleteSlot(const Caller& c, domain::Id event_id, domain::Id slot_id,
                    const std::string& now) const;
  // The aggregates of an event, for its live screen and its figures.
  Result<store::LiveCounters> Counters(const Caller& c, domain::Id event_id) const;
  Result<store::EventFigures> Figures(const Caller& c, domain::Id event_id) const;
  // The newest change id: the live stream recomputes the counters when it moves.
  std::int64_t LastChange() const;
  // Whether event `id` itself (its activity, settings, participants, featured posts or slots)
  // changed in (after, upto] of change_log.
  bool EventChanged(domain::Id id, std::int64_t after, std::int64_t upto) const;

  // ---- destinations ----
  Result<domain::Destination> RegisterDestination(const Caller& c, domain::Destination d,
                                                  const std::string& now) const;
  Result<domain::Destination> GetDestination(const Caller& c, domain::Id id) const;
  Status CheckListDestinations(const Caller& c) const;
  Result<store::Page<domain::Destination>> ListDestinations(const Caller& c,
                                                            store::DestinationFilter f,
                                                            const store::PageRequest& page) const;
  // Replaces the registration's fields (category, employer, ...); it needs verification again.
  Result<domain::Destination> UpdateDestination(const Caller& c, domain::Id id,
                                                domain::Destination d,
                                                const std::string& now) const;
  // Stores an evidence file (PDF, PNG or JPEG, checked by its first bytes; at most
  // kMaxEvidenceBytes); the registration needs verification again.
  Result<domain::Destination> AttachEvidence(const Caller& c, domain::Id id,
                                             const std::string& declared_type,
                                             const std::string& bytes,
                                             const std::string& now) const;
  // The evidence file's bytes and content type.
  Result<std::pair<std::string, std::string>> Evidence(const Caller& c, domain::Id id) const;
  // decision: verified | rejected.
  Result<domain::Destination> Verify(const Caller& c, domain::Id id, const std::string& decision,
                                     const std::string& now) const;
  // Audit flags of an institution's cohort (officers: their institution; a platform admin
  // without an institution: all); deadline (YYYY-MM-DD) for the clustering rule, default 31
  // August of the cohort year.
  Result<std::vector<Flag>> Flags(const Caller& c, std::optional<domain::Id> institution_id,
                                  std::int64_t cohort, std::optional<std::string> deadline) const;

  Result<EmploymentReport> Employment(const Caller& c, const EmploymentQuery& q) const;

  static constexpr std::size_t kMaxEvidenceBytes = 1 << 20;

 private:
  std::shared_ptr<store::Database> db_;
  std::string files_dir_;
};

}  // namespace tb::service
