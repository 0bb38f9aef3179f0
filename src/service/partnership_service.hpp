#pragma once
// The partnership services (issue #4): the entity services of campaigns, their targets,
// activities and outcome lines, and the two computed views of a campaign — its progress
// against the targets and the weekly ranking of units — with the rules of their arithmetic
// stated in the result. Thread-safe (stateless apart from the shared Database).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/messages.hpp"
#include "service/entity_service.hpp"

namespace tb::service {

// Done against target for one of the three measures; target is absent when none was set.
struct Measure {
  std::int64_t done = 0;
  std::optional<std::int64_t> target;
};

struct ProgressRow {
  std::optional<domain::Id> unit_id;  // by unit (null: visits recorded without a unit)
  std::string unit_name;
  std::string leader_name;  // by leader
  std::string leader_title;
  Measure visits, employers, posts;
};

struct CampaignProgress {
  domain::Campaign campaign;
  Measure visits, employers, posts;  // the whole campaign (targets: sum of the unit targets)
  std::vector<ProgressRow> by_unit;
  std::vector<ProgressRow> by_leader;
};

struct RankingRow {
  int rank = 0;
  domain::Id unit_id = 0;
  std::string unit_name;
  std::int64_t visits = 0, employers = 0, posts = 0;
  std::int64_t score_tenths = 0;  // the score × 10, exact
};

struct CampaignRanking {
  domain::Campaign campaign;
  std::string week, from, to;
  std::vector<RankingRow> items;
};

// The counting rules, as stated in the responses (in Chinese and English).
inline const core::Text kVisitsRule{"专项行动中类型为 visit_out 或 visit_in 的活动",
                                    "activities of the campaign of kind visit_out or visit_in"};
inline const core::Text kEmployersRule{
    "这些走访接触到的不同用人单位（被走访单位及走访成果中的单位），按统一社会信用代码去重；"
    "没有信用代码的单位按其 id 计一次",
    "distinct employers reached by those visits (the visited organization and the "
    "organizations of the visits' outcome lines), de-duplicated by unified social credit code; "
    "an organization without a credit code counts once by its id"};
inline const core::Text kPostsRule{
    "这些走访开拓的岗位：source_activity_id 为其中某次走访的岗位的 SUM(headcount)，"
    "加上这些走访成果中的 SUM(posts_offered)",
    "posts opened by those visits: SUM(headcount) of the posts whose source_activity_id is one "
    "of the visits + SUM(posts_offered) of the visits' outcome lines"};
inline const core::Text kTargetsRule{
    "合计的目标为各院系目标之和；没有目标的行显示 null",
    "the total's targets are the sums of the unit targets; rows without a target show null"};
inline const core::Text kRankingFormula{
    "得分 = 走访次数 × 1 + 不同用人单位数 × 2 + 开拓岗位数 × 0.1，统计日期在该 ISO 周内的走访",
    "score = visits x 1 + distinct employers x 2 + posts opened x 0.1, counting the visits "
    "dated in the ISO week"};
inline const core::Text kRankingWhy{
    "走访次数衡量完成的工作；不同用人单位计两倍，因为目标是接触新的用人单位，反复走访同一家"
    "不应排在前面；岗位每个计 0.1（10 个岗位 = 一次走访），以免一家大企业的岗位压过走访工作。"
    "得分相同的名次并列；列出本院校的全部院系。",
    "Visits measure the work done; a distinct employer weighs double because reaching new "
    "employers is the aim, and revisiting the same one should not lead the table; posts count "
    "a tenth each (10 posts = one visit) so that one large employer's posts do not outweigh "
    "the visiting. Equal scores share a rank; all units of the institution are listed."};

class PartnershipServices {
 public:
  explicit PartnershipServices(std::shared_ptr<store::Database> db)
      : campaigns(db),
        targets(db),
        activities(db),
        outcomes(db),
        participants(db),
        tasks(db),
        db_(std::move(db)) {}

  EntityService<domain::Campaign> campaigns;
  EntityService<domain::CampaignTarget> targets;
  EntityService<domain::Activity> activities;
  EntityService<domain::ActivityOutcome> outcomes;
  EntityService<domain::ActivityParticipant> participants;
  EntityService<domain::ActivityTask> tasks;

  // A visit (any activity) with its outcome lines, written all-or-nothing: the activity is
  // checked as by POST /activities, each line as by POST /activities/{id}/outcomes (their
  // activity_id is the new activity's); a line's problems name "outcomes/N/<field>".
  struct ActivityWithOutcomes {
    domain::Activity activity;
    std::vector<domain::ActivityOutcome> outcomes;
  };
  Result<ActivityWithOutcomes> CreateActivity(const Caller& caller, domain::Activity activity,
                                              std::vector<domain::ActivityOutcome> lines,
                                              const std::string& now) const;

  // kNotFound when the campaign is not visible to the caller.
  Result<CampaignProgress> Progress(const Caller& caller, domain::Id campaign_id) const;
  // week: "YYYY-Www"; kInvalid naming "week" when it is not an existing ISO week. Without a
  // week: the current one while the campaign runs, else its last (ended) or first (planned).
  Result<CampaignRanking> Ranking(const Caller& caller, domain::Id campaign_id,
                                  std::optional<std::string> week, const std::string& today) const;

 private:
  std::shared_ptr<store::Database> db_;
};

}  // namespace tb::service
