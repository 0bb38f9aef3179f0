#include "store/partnership_queries.hpp"

#include <cctype>
#include <map>

namespace tb::store {

namespace {

std::string Contains(const std::string& s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "%" + LikeEscape(lower) + "%";
}

std::string Marks(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

Where ToWhere(const CampaignFilter& f) {
  Where w;
  if (f.institution_id) w.And("institution_id = ?", {P(*f.institution_id)});
  if (f.status) w.And("status = ?", {P(*f.status)});
  if (f.name) w.And("LOWER(name) LIKE ? ESCAPE '\\'", {P(Contains(*f.name))});
  if (f.active_on) {
    w.And("start_date <= ? AND end_date >= ?", {P(*f.active_on), P(*f.active_on)});
  }
  if (f.scope_institution_id) w.And("institution_id = ?", {P(*f.scope_institution_id)});
  if (f.scope_institutions) {
    if (f.scope_institutions->empty()) {
      w.And("1 = 0");
    } else {
      std::vector<Param> p;
      for (auto id : *f.scope_institutions) p.push_back(P(id));
      std::string condition = "institution_id IN (" + Marks(p.size()) + ")";
      w.And(std::move(condition), std::move(p));
    }
  }
  return w;
}

Where ToWhere(const CampaignTargetFilter& f) {
  Where w;
  if (f.campaign_id) w.And("campaign_id = ?", {P(*f.campaign_id)});
  return w;
}

Where ToWhere(const ActivityFilter& f) {
  Where w;
  auto took_part = [&](domain::Id org) {
    w.And(
        "organization_id = ? OR id IN (SELECT activity_id FROM activity_outcomes WHERE "
        "organization_id = ?) OR id IN (SELECT activity_id FROM activity_participants WHERE "
        "organization_id = ?)",
        {P(org), P(org), P(org)});
  };
  if (f.institution_id) w.And("institution_id = ?", {P(*f.institution_id)});
  if (f.campaign_id) w.And("campaign_id = ?", {P(*f.campaign_id)});
  if (f.unit_id) w.And("unit_id = ?", {P(*f.unit_id)});
  if (f.organization_id) took_part(*f.organization_id);
  if (f.kind) w.And("kind = ?", {P(*f.kind)});
  if (f.from) w.And("date >= ?", {P(*f.from)});
  if (f.to) w.And("date <= ?", {P(*f.to)});
  if (f.scope_institution_id) w.And("institution_id = ?", {P(*f.scope_institution_id)});
  if (f.scope_organization_id) took_part(*f.scope_organization_id);
  return w;
}

Where ToWhere(const ActivityOutcomeFilter& f) {
  Where w;
  if (f.activity_id) w.And("activity_id = ?", {P(*f.activity_id)});
  return w;
}

Where ToWhere(const ActivityParticipantFilter& f) {
  Where w;
  if (f.activity_id) w.And("activity_id = ?", {P(*f.activity_id)});
  return w;
}

Where ToWhere(const ActivityTaskFilter& f) {
  Where w;
  if (f.activity_id) w.And("activity_id = ?", {P(*f.activity_id)});
  if (f.done) w.And("done = ?", {P(*f.done)});
  return w;
}

bool TookPart(Tx& tx, domain::Id activity_id, domain::Id organization_id) {
  return tx.QueryInt(
               "SELECT COUNT(*) FROM activities WHERE id = ? AND (organization_id = ? OR id IN "
               "(SELECT activity_id FROM activity_outcomes WHERE organization_id = ?) OR id IN "
               "(SELECT activity_id FROM activity_participants WHERE organization_id = ?))",
               {P(activity_id), P(organization_id), P(organization_id), P(organization_id)})
             .value_or(0) > 0;
}

std::vector<VisitFact> CampaignVisits(Tx& tx, domain::Id campaign_id,
                                      const std::optional<std::string>& from,
                                      const std::optional<std::string>& to) {
  Where w;
  w.And("a.campaign_id = ?", {P(campaign_id)});
  w.And("a.kind IN ('visit_out', 'visit_in')");
  if (from) w.And("a.date >= ?", {P(*from)});
  if (to) w.And("a.date <= ?", {P(*to)});

  std::vector<VisitFact> visits;
  std::map<domain::Id, std::size_t> index;
  for (const Row& r : tx.Query("SELECT a.id, a.date, a.unit_id, a.leader_name, a.leader_title "
                               "FROM activities a WHERE " +
                                   w.sql + " ORDER BY a.id",
                               w.params)) {
    index[r.Int(0)] = visits.size();
    visits.push_back({r.Int(0), r.Text(1), r.OptInt(2), r.Text(3), r.Text(4), {}, 0, 0});
  }
  if (visits.empty()) return visits;

  // The employers: the counterpart of each visit and the organizations of its outcome lines.
  auto employers = tx.Query(
      "SELECT a.id, o.id, o.credit_code FROM activities a JOIN organizations o ON o.id = "
      "a.organization_id WHERE " +
          w.sql +
          " UNION SELECT a.id, o.id, o.credit_code FROM activities a JOIN activity_outcomes x ON "
          "x.activity_id = a.id JOIN organizations o ON o.id = x.organization_id WHERE " +
          w.sql,
      [&] {
        auto p = w.params;
        p.insert(p.end(), w.params.begin(), w.params.end());
        return p;
      }());
  for (const Row& r : employers) {
    auto it = index.find(r.Int(0));
    if (it == index.end()) continue;
    std::string key =
        r.IsNull(2) || r.Text(2).empty() ? "organization:" + std::to_string(r.Int(1)) : r.Text(2);
    visits[it->second].employers.push_back(std::move(key));
  }
  for (const Row& r :
       tx.Query("SELECT p.source_activity_id, SUM(p.headcount) FROM posts p JOIN activities a ON "
                "a.id = p.source_activity_id WHERE " +
                    w.sql + " GROUP BY p.source_activity_id",
                w.params)) {
    if (auto it = index.find(r.Int(0)); it != index.end()) {
      visits[it->second].posts_from_posts = r.Int(1);
    }
  }
  for (const Row& r : tx.Query(
           "SELECT x.activity_id, SUM(x.posts_offered) FROM activity_outcomes x JOIN activities a "
           "ON a.id = x.activity_id WHERE " +
               w.sql + " GROUP BY x.activity_id",
           w.params)) {
    if (auto it = index.find(r.Int(0)); it != index.end()) {
      visits[it->second].posts_from_outcomes = r.Int(1);
    }
  }
  return visits;
}

std::vector<std::pair<domain::Id, std::string>> UnitNames(Tx& tx, domain::Id institution_id) {
  std::vector<std::pair<domain::Id, std::string>> out;
  for (const Row& r : tx.Query("SELECT id, name FROM units WHERE institution_id = ? ORDER BY id",
                               {P(institution_id)})) {
    out.emplace_back(r.Int(0), r.Text(1));
  }
  return out;
}

template <>
void DeleteDependents<domain::Campaign>(Tx& tx, domain::Id id) {
  for (const Row& row :
       tx.Query("SELECT id FROM campaign_targets WHERE campaign_id = ?", {P(id)})) {
    (void)Repository<domain::CampaignTarget>::Delete(tx, row.Int(0));
  }
}

template <>
void DeleteDependents<domain::Activity>(Tx& tx, domain::Id id) {
  for (const Row& row :
       tx.Query("SELECT id FROM activity_outcomes WHERE activity_id = ?", {P(id)})) {
    (void)Repository<domain::ActivityOutcome>::Delete(tx, row.Int(0));
  }
  for (const Row& row :
       tx.Query("SELECT id FROM activity_participants WHERE activity_id = ?", {P(id)})) {
    (void)Repository<domain::ActivityParticipant>::Delete(tx, row.Int(0));
  }
  for (const Row& row : tx.Query("SELECT id FROM activity_tasks WHERE activity_id = ?", {P(id)})) {
    (void)Repository<domain::ActivityTask>::Delete(tx, row.Int(0));
  }
}

}  // namespace tb::store
