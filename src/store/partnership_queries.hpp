#pragma once
// Partnerships in the store: the typed list filters of campaigns, targets, activities and
// outcome lines, the rows that go with a deleted campaign or activity, and the raw facts the
// campaign progress and ranking are computed from (service/partnership_service.hpp). SQL
// lives here and only here.

#include <optional>
#include <string>
#include <vector>

#include "domain/partnership.hpp"
#include "store/repository.hpp"

namespace tb::store {

struct CampaignFilter {
  std::optional<domain::Id> institution_id;
  std::optional<std::string> status;
  std::optional<std::string> name;       // substring, case-insensitive
  std::optional<std::string> active_on;  // YYYY-MM-DD within the period
  // Scope (set by the services from the caller, never from the request):
  std::optional<domain::Id> scope_institution_id;
  std::optional<std::vector<domain::Id>> scope_institutions;  // observers
};
Where ToWhere(const CampaignFilter& f);

struct CampaignTargetFilter {
  std::optional<domain::Id> campaign_id;
};
Where ToWhere(const CampaignTargetFilter& f);

struct ActivityFilter {
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> campaign_id;
  std::optional<domain::Id> unit_id;
  std::optional<domain::Id> organization_id;  // counterpart, participant or in an outcome line
  std::optional<std::string> kind;
  std::optional<std::string> from;  // date >= from
  std::optional<std::string> to;    // date <= to
  // Scope (set by the services from the caller, never from the request):
  std::optional<domain::Id> scope_institution_id;
  std::optional<domain::Id> scope_organization_id;  // activities the organization took part in
};
Where ToWhere(const ActivityFilter& f);

struct ActivityOutcomeFilter {
  std::optional<domain::Id> activity_id;
};
Where ToWhere(const ActivityOutcomeFilter& f);

struct ActivityParticipantFilter {
  std::optional<domain::Id> activity_id;
};
Where ToWhere(const ActivityParticipantFilter& f);

struct ActivityTaskFilter {
  std::optional<domain::Id> activity_id;
  std::optional<bool> done;
};
Where ToWhere(const ActivityTaskFilter& f);

// Whether `organization_id` took part in activity `activity_id`: as its main counterpart, as a
// participant or in one of its outcome lines.
bool TookPart(Tx& tx, domain::Id activity_id, domain::Id organization_id);

// ---- Progress and ranking facts ---------------------------------------------------------------

// One visit of a campaign (an activity of kind visit_out or visit_in).
struct VisitFact {
  domain::Id activity_id = 0;
  std::string date;
  std::optional<domain::Id> unit_id;
  std::string leader_name;
  std::string leader_title;
  // The employers it reached (its counterpart and the organizations of its outcome lines),
  // each as its credit code, or "organization:<id>" when it has none.
  std::vector<std::string> employers;
  std::int64_t posts_from_posts = 0;     // SUM(headcount) of posts whose source is this visit
  std::int64_t posts_from_outcomes = 0;  // SUM(posts_offered) of its outcome lines
};

// Visits of `campaign_id` dated within [from, to] (both optional, inclusive), in id order.
std::vector<VisitFact> CampaignVisits(Tx& tx, domain::Id campaign_id,
                                      const std::optional<std::string>& from = std::nullopt,
                                      const std::optional<std::string>& to = std::nullopt);

// id -> name of the units of an institution, in id order.
std::vector<std::pair<domain::Id, std::string>> UnitNames(Tx& tx, domain::Id institution_id);

// Deleting a campaign deletes its targets; deleting an activity its outcome lines, participants
// and tasks (each through
// its repository, so each leaves a change_log entry).
template <>
void DeleteDependents<domain::Campaign>(Tx& tx, domain::Id id);
template <>
void DeleteDependents<domain::Activity>(Tx& tx, domain::Id id);

}  // namespace tb::store
