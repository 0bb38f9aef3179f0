#include "service/partnership_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace tb::service {

namespace {

struct Tally {
  std::int64_t visits = 0;
  std::set<std::string> employers;
  std::int64_t posts = 0;

  void Add(const store::VisitFact& v) {
    ++visits;
    employers.insert(v.employers.begin(), v.employers.end());
    posts += v.posts_from_posts + v.posts_from_outcomes;
  }
};

Result<domain::Campaign> VisibleCampaign(store::Tx& tx, const Caller& caller, domain::Id id) {
  auto campaign = store::Repository<domain::Campaign>::Get(tx, id);
  if (!campaign.ok() || !CanSee(tx, caller, *campaign)) {
    return Error::NotFound("campaign " + std::to_string(id) + " not found");
  }
  return *campaign;
}

void Fill(ProgressRow& row, const Tally& t, const domain::CampaignTarget* target) {
  row.visits.done = t.visits;
  row.employers.done = static_cast<std::int64_t>(t.employers.size());
  row.posts.done = t.posts;
  if (target) {
    row.visits.target = target->visits;
    row.employers.target = target->employers;
    row.posts.target = target->posts;
  }
}

void AddTarget(Measure& m, std::int64_t target) { m.target = m.target.value_or(0) + target; }

}  // namespace

Result<CampaignProgress> PartnershipServices::Progress(const Caller& caller,
                                                       domain::Id campaign_id) const {
  return db_->Read([&](store::Tx& tx) -> Result<CampaignProgress> {
    CampaignProgress out;
    TB_TRY(out.campaign, VisibleCampaign(tx, caller, campaign_id));
    auto visits = store::CampaignVisits(tx, campaign_id);
    store::CampaignTargetFilter tf;
    tf.campaign_id = campaign_id;
    auto target_rows =
        store::Repository<domain::CampaignTarget>::List(tx, ToWhere(tf), {0, 100000});
    std::map<domain::Id, std::string> unit_names;
    for (const auto& [id, name] : store::UnitNames(tx, out.campaign.institution_id)) {
      unit_names[id] = name;
    }

    Tally total;
    std::map<std::optional<domain::Id>, Tally> by_unit;
    std::map<std::pair<std::string, std::string>, Tally> by_leader;
    for (const auto& v : visits) {
      total.Add(v);
      by_unit[v.unit_id].Add(v);
      if (!v.leader_name.empty()) by_leader[{v.leader_name, v.leader_title}].Add(v);
    }
    std::map<std::optional<domain::Id>, const domain::CampaignTarget*> unit_targets;
    std::map<std::pair<std::string, std::string>, const domain::CampaignTarget*> leader_targets;
    for (const auto& t : target_rows.items) {
      if (t.unit_id) {
        unit_targets[t.unit_id] = &t;
        by_unit[t.unit_id];  // listed even without visits
        AddTarget(out.visits, t.visits);
        AddTarget(out.employers, t.employers);
        AddTarget(out.posts, t.posts);
      } else {
        leader_targets[{t.leader_name, t.leader_title}] = &t;
        by_leader[{t.leader_name, t.leader_title}];
      }
    }
    out.visits.done = total.visits;
    out.employers.done = static_cast<std::int64_t>(total.employers.size());
    out.posts.done = total.posts;
    for (const auto& [unit, tally] : by_unit) {
      ProgressRow row;
      row.unit_id = unit;
      row.unit_name = unit ? unit_names[*unit] : "";
      auto t = unit_targets.find(unit);
      Fill(row, tally, t == unit_targets.end() ? nullptr : t->second);
      out.by_unit.push_back(std::move(row));
    }
    for (const auto& [leader, tally] : by_leader) {
      ProgressRow row;
      row.leader_name = leader.first;
      row.leader_title = leader.second;
      auto t = leader_targets.find(leader);
      Fill(row, tally, t == leader_targets.end() ? nullptr : t->second);
      out.by_leader.push_back(std::move(row));
    }
    return out;
  });
}

Result<CampaignRanking> PartnershipServices::Ranking(const Caller& caller, domain::Id campaign_id,
                                                     std::optional<std::string> week,
                                                     const std::string& today) const {
  if (week) TB_TRY_STATUS(domain::ParseIsoWeek(*week));
  return db_->Read([&](store::Tx& tx) -> Result<CampaignRanking> {
    CampaignRanking out;
    TB_TRY(out.campaign, VisibleCampaign(tx, caller, campaign_id));
    if (!week) {
      std::string day = std::clamp(today.substr(0, 10), out.campaign.start_date,
                                   std::max(out.campaign.start_date, out.campaign.end_date));
      week = domain::IsoWeekOf(day);
    }
    TB_TRY(domain::WeekRange range, domain::ParseIsoWeek(*week));
    out.week = *week;
    out.from = range.monday;
    out.to = range.sunday;
    std::map<domain::Id, Tally> by_unit;
    for (const auto& v : store::CampaignVisits(tx, campaign_id, range.monday, range.sunday)) {
      if (v.unit_id) by_unit[*v.unit_id].Add(v);
    }
    for (const auto& [id, name] : store::UnitNames(tx, out.campaign.institution_id)) {
      const Tally& t = by_unit[id];
      RankingRow row;
      row.unit_id = id;
      row.unit_name = name;
      row.visits = t.visits;
      row.employers = static_cast<std::int64_t>(t.employers.size());
      row.posts = t.posts;
      row.score_tenths = 10 * row.visits + 20 * row.employers + row.posts;
      out.items.push_back(std::move(row));
    }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const auto& a, const auto& b) { return a.score_tenths > b.score_tenths; });
    for (std::size_t i = 0; i < out.items.size(); ++i) {
      bool tie = i > 0 && out.items[i].score_tenths == out.items[i - 1].score_tenths;
      out.items[i].rank = tie ? out.items[i - 1].rank : static_cast<int>(i) + 1;
    }
    return out;
  });
}

Result<PartnershipServices::ActivityWithOutcomes> PartnershipServices::CreateActivity(
    const Caller& caller, domain::Activity activity, std::vector<domain::ActivityOutcome> lines,
    const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<ActivityWithOutcomes> {
    TB_TRY(domain::Activity created, activities.CreateIn(tx, caller, std::move(activity), now));
    ActivityWithOutcomes out{created, {}};
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string prefix = "outcomes/" + std::to_string(i);
      lines[i].activity_id = created.id;
      auto line = outcomes.CreateIn(tx, caller, std::move(lines[i]), now);
      if (line.ok()) {
        out.outcomes.push_back(std::move(*line));
        continue;
      }
      Error e = line.error();
      if (e.code != ErrorCode::kUnprocessable && e.code != ErrorCode::kConflict) return e;
      if (e.fields.empty()) e.fields.push_back({"", e.message});
      for (auto& f : e.fields) f.field = prefix + (f.field.empty() ? "" : "/" + f.field);
      if (e.code == ErrorCode::kConflict) {
        e.message = "outcome line " + std::to_string(i) + ": " + e.message;
        return e;
      }
      errors.insert(errors.end(), e.fields.begin(), e.fields.end());
    }
    if (!errors.empty()) return Error::Unprocessable("outcome lines are not valid", errors);
    return out;
  });
}

}  // namespace tb::service
