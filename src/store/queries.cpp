#include "store/queries.hpp"

#include <cctype>

namespace tb::store {

namespace {

bool AllDigits(const std::string& s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

std::string Contains(const std::string& s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "%" + LikeEscape(lower) + "%";
}
std::string Prefix(const std::string& s) { return LikeEscape(s) + "%"; }

// Industry filter on a column holding industry codes: a section letter matches every code of
// that section (via the industries table), digits match by prefix.
void AddIndustry(Where& w, const std::string& column, const std::string& industry) {
  if (industry.size() == 1 && std::isalpha(static_cast<unsigned char>(industry[0]))) {
    w.And(column + " = ? OR " + column + " IN (SELECT code FROM industries WHERE section = ?)",
          {P(industry), P(industry)});
  } else {
    w.And(column + " LIKE ? ESCAPE '\\'", {P(Prefix(industry))});
  }
}

// GB/T 2260 codes are zero-padded: a filter "210000" means the province prefix "21".
std::string RegionPrefix(std::string p) {
  if (p.size() == 6 && AllDigits(p)) {
    if (p.ends_with("0000")) return p.substr(0, 2);
    if (p.ends_with("00")) return p.substr(0, 4);
  }
  return p;
}

}  // namespace

Where ToWhere(const OrganizationFilter& f) {
  Where w;
  if (f.kind) w.And("kind = ?", {P(*f.kind)});
  if (f.tag) w.And("tags LIKE ? ESCAPE '\\'", {P("%\"" + LikeEscape(*f.tag) + "\"%")});
  if (f.region_prefix) {
    w.And("region_code LIKE ? ESCAPE '\\'", {P(Prefix(RegionPrefix(*f.region_prefix)))});
  }
  if (f.industry) AddIndustry(w, "industry_code", *f.industry);
  if (f.name) {
    w.And("LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(name_en) LIKE ? ESCAPE '\\'",
          {P(Contains(*f.name)), P(Contains(*f.name))});
  }
  if (f.credit_code) w.And("credit_code = ?", {P(*f.credit_code)});
  if (f.verified) w.And("verified = ?", {P(*f.verified)});
  if (f.name_key) w.And("name_key = ?", {P(*f.name_key)});
  if (f.exclude_id) w.And("id <> ?", {P(*f.exclude_id)});
  if (f.possible_duplicates) {
    w.And(
        "name_key IN (SELECT name_key FROM organizations WHERE name_key <> '' GROUP BY name_key "
        "HAVING COUNT(*) > 1)");
  }
  if (f.related_to) {
    std::string kind_sql = f.relation ? " AND r.kind = ?" : "";
    std::vector<Param> p = {P(*f.related_to)};
    if (f.relation) p.push_back(P(*f.relation));
    p.push_back(P(*f.related_to));
    if (f.relation) p.push_back(P(*f.relation));
    w.And("id IN (SELECT r.to_id FROM organization_relations r WHERE r.from_id = ?" + kind_sql +
              ") OR id IN (SELECT r.from_id FROM organization_relations r WHERE r.to_id = ?" +
              kind_sql + ")",
          std::move(p));
  }
  auto member = [&](const char* kind, domain::Id to) {
    w.And(std::string("id IN (SELECT r.from_id FROM organization_relations r WHERE r.kind = '") +
              kind + "' AND r.to_id = ?)",
          {P(to)});
  };
  if (f.member_of) member("member_of", *f.member_of);
  if (f.located_in) member("located_in", *f.located_in);
  if (f.supervised_by) {
    w.And(
        "id IN (SELECT r.to_id FROM organization_relations r WHERE r.kind = 'supervises' AND "
        "r.from_id = ?)",
        {P(*f.supervised_by)});
  }
  if (f.visited) {
    std::string ref = "a.kind IN ('visit_out', 'visit_in')";
    std::vector<Param> ref_params;
    if (f.institution_id) {
      ref += " AND a.institution_id = ?";
      ref_params.push_back(P(*f.institution_id));
    }
    if (f.campaign_id) {
      ref += " AND a.campaign_id = ?";
      ref_params.push_back(P(*f.campaign_id));
    }
    std::vector<Param> p = ref_params;
    p.insert(p.end(), ref_params.begin(), ref_params.end());
    std::string reached =
        "id IN (SELECT a.organization_id FROM activities a WHERE a.organization_id IS NOT NULL "
        "AND " +
        ref +
        ") OR id IN (SELECT x.organization_id FROM activity_outcomes x JOIN activities a ON a.id "
        "= x.activity_id WHERE " +
        ref + ")";
    w.And(*f.visited ? reached : "NOT (" + reached + ")", std::move(p));
  }
  if (f.agreement_state) {
    std::string of = f.institution_id ? " AND g.institution_id = ?" : "";
    std::vector<Param> p = {P(*f.agreement_state)};
    if (f.institution_id) p.push_back(P(*f.institution_id));
    p.push_back(P(*f.agreement_state));
    if (f.institution_id) p.push_back(P(*f.institution_id));
    w.And("id IN (SELECT g.organization_id FROM agreements g WHERE g.status = ?" + of +
              ") OR id IN (SELECT pa.organization_id FROM agreement_parties pa JOIN agreements g "
              "ON g.id = pa.agreement_id WHERE pa.organization_id IS NOT NULL AND g.status = ?" +
              of + ")",
          std::move(p));
  }
  return w;
}

Where ToWhere(const InstitutionFilter& f) {
  Where w;
  if (f.name) {
    w.And("LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(name_en) LIKE ? ESCAPE '\\'",
          {P(Contains(*f.name)), P(Contains(*f.name))});
  }
  if (f.kind) w.And("kind = ?", {P(*f.kind)});
  return w;
}

Where ToWhere(const UnitFilter& f) {
  Where w;
  if (f.institution_id) w.And("institution_id = ?", {P(*f.institution_id)});
  return w;
}

Where ToWhere(const ContactFilter& f) {
  Where w;
  if (f.organization_id) w.And("organization_id = ?", {P(*f.organization_id)});
  if (f.unit_id) w.And("unit_id = ?", {P(*f.unit_id)});
  if (f.scope_none) w.And("1 = 0");
  if (f.scope_organization_id) w.And("organization_id = ?", {P(*f.scope_organization_id)});
  if (f.scope_institution_id) {
    w.And(
        "organization_id IS NOT NULL OR unit_id IN (SELECT id FROM units WHERE institution_id = ?)",
        {P(*f.scope_institution_id)});
  }
  if (f.scope_unit_id) w.And("organization_id IS NOT NULL OR unit_id = ?", {P(*f.scope_unit_id)});
  return w;
}

Where ToWhere(const StudentFilter& f) {
  Where w;
  if (f.institution_id) w.And("institution_id = ?", {P(*f.institution_id)});
  if (f.unit_id) w.And("unit_id = ?", {P(*f.unit_id)});
  if (f.major_prefix) w.And("major_code LIKE ? ESCAPE '\\'", {P(Prefix(*f.major_prefix))});
  if (f.level) w.And("level = ?", {P(*f.level)});
  if (f.cohort) w.And("cohort = ?", {P(*f.cohort)});
  if (f.name) w.And("LOWER(name) LIKE ? ESCAPE '\\'", {P(Contains(*f.name))});
  if (f.scope_none) w.And("1 = 0");
  if (f.scope_institution_id) w.And("institution_id = ?", {P(*f.scope_institution_id)});
  if (f.scope_unit_id) w.And("unit_id = ?", {P(*f.scope_unit_id)});
  if (f.scope_student_id) w.And("id = ?", {P(*f.scope_student_id)});
  if (f.scope_talent_search && f.scope_applicants_of) {
    w.And(
        "talent_search_consent = 1 OR id IN (SELECT student_id FROM applications WHERE "
        "organization_id = ?)",
        {P(*f.scope_applicants_of)});
  } else if (f.scope_talent_search) {
    w.And("talent_search_consent = 1");
  }
  return w;
}

Where ToWhere(const PostFilter& f) {
  Where w;
  if (f.organization_id) w.And("organization_id = ?", {P(*f.organization_id)});
  if (f.status) w.And("status = ?", {P(*f.status)});
  if (f.kind) w.And("kind = ?", {P(*f.kind)});
  if (f.region_prefix) {
    w.And("region_code LIKE ? ESCAPE '\\'", {P(Prefix(RegionPrefix(*f.region_prefix)))});
  }
  if (f.industry) AddIndustry(w, "industry_code", *f.industry);
  if (f.title) w.And("LOWER(title) LIKE ? ESCAPE '\\'", {P(Contains(*f.title))});
  if (f.source_activity_id) w.And("source_activity_id = ?", {P(*f.source_activity_id)});
  if (f.scope_verified_only) {
    w.And("organization_id IN (SELECT id FROM organizations WHERE verified = 1)");
  }
  if (f.scope_open_only) {
    if (f.scope_own_organization_id) {
      w.And("status = 'open' OR organization_id = ?", {P(*f.scope_own_organization_id)});
    } else {
      w.And("status = 'open'");
    }
  }
  return w;
}

Where ToWhere(const RelationFilter& f) {
  Where w;
  if (f.organization_id) {
    w.And("from_id = ? OR to_id = ?", {P(*f.organization_id), P(*f.organization_id)});
  }
  if (f.kind) w.And("kind = ?", {P(*f.kind)});
  return w;
}

std::optional<domain::Id> FindOther(Tx& tx, std::string_view table, const Where& where,
                                    domain::Id exclude_id) {
  std::vector<Param> params = where.params;
  params.push_back(P(exclude_id));
  auto rows = tx.Query("SELECT id FROM " + std::string(table) + " WHERE " + where.sql +
                           " AND id <> ? ORDER BY id LIMIT 1",
                       params);
  if (rows.empty()) return std::nullopt;
  return rows[0].Int(0);
}

std::vector<std::pair<domain::Id, std::string>> OrganizationsWithoutNameKey(Tx& tx) {
  std::vector<std::pair<domain::Id, std::string>> out;
  for (const auto& r : tx.Query("SELECT id, name FROM organizations WHERE name_key = ''")) {
    out.emplace_back(r.Int(0), r.Text(1));
  }
  return out;
}

void SetOrganizationNameKey(Tx& tx, domain::Id id, const std::string& key) {
  tx.Exec("UPDATE organizations SET name_key = ? WHERE id = ?", {P(key), P(id)});
  tx.LogChange("organization", id, "update");
}

std::optional<domain::Organization> FindOrganizationByCreditCode(Tx& tx, const std::string& code) {
  OrganizationFilter f;
  f.credit_code = code;
  auto page = Repository<domain::Organization>::List(tx, ToWhere(f), {0, 1});
  if (page.items.empty()) return std::nullopt;
  return page.items.front();
}

// ---- Reference data -------------------------------------------------------------------------

std::int64_t UpsertRegions(Tx& tx, const std::vector<domain::Region>& items) {
  for (const auto& r : items) {
    tx.Exec(
        "INSERT INTO regions (code, name, level, parent_code) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, "
        "parent_code = excluded.parent_code",
        {P(r.code), P(r.name), P(r.level), P(r.parent_code)});
  }
  return static_cast<std::int64_t>(items.size());
}

std::int64_t UpsertMajors(Tx& tx, const std::vector<domain::Major>& items) {
  for (const auto& m : items) {
    tx.Exec(
        "INSERT INTO majors (code, name, class_code, class_name, category_code, category_name, "
        "level, edition) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "name = excluded.name, class_code = excluded.class_code, class_name = excluded.class_name, "
        "category_code = excluded.category_code, category_name = excluded.category_name, "
        "level = excluded.level, edition = excluded.edition",
        {P(m.code), P(m.name), P(m.class_code), P(m.class_name), P(m.category_code),
         P(m.category_name), P(m.level), P(m.edition)});
  }
  return static_cast<std::int64_t>(items.size());
}

std::int64_t UpsertIndustries(Tx& tx, const std::vector<domain::Industry>& items) {
  for (const auto& i : items) {
    tx.Exec(
        "INSERT INTO industries (code, level, section, name, description, parent_code) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET level = excluded.level, "
        "section = excluded.section, name = excluded.name, description = excluded.description, "
        "parent_code = excluded.parent_code",
        {P(i.code), P(i.level), P(i.section), P(i.name), P(i.description), P(i.parent_code)});
  }
  return static_cast<std::int64_t>(items.size());
}

namespace {

template <class T, class MakeFn>
CodePage<T> ListByCode(Tx& tx, const std::string& table, const std::string& columns, Where w,
                       const std::string& after, int limit, MakeFn make) {
  if (!after.empty()) w.And("code > ?", {P(after)});
  if (limit < 1) limit = 1;
  auto rows =
      tx.Query("SELECT " + columns + " FROM " + table + (w.sql.empty() ? "" : " WHERE " + w.sql) +
                   " ORDER BY code LIMIT " + std::to_string(limit + 1),
               w.params);
  CodePage<T> out;
  for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
    out.items.push_back(make(rows[i]));
  }
  if (static_cast<int>(rows.size()) > limit) out.next_after = rows[limit - 1].Text(0);
  return out;
}

domain::Region MakeRegion(const Row& r) {
  return {r.Text(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3)};
}
domain::Major MakeMajor(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)};
}
domain::Industry MakeIndustry(const Row& r) {
  return {r.Text(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
}

const char* kRegionColumns = "code, name, level, parent_code";
const char* kMajorColumns =
    "code, name, class_code, class_name, category_code, category_name, level, edition";
const char* kIndustryColumns = "code, level, section, name, description, parent_code";

}  // namespace

CodePage<domain::Region> ListRegions(Tx& tx, const RegionFilter& f, const std::string& after,
                                     int limit) {
  Where w;
  if (f.parent_code) w.And("parent_code = ?", {P(*f.parent_code)});
  if (f.level) w.And("level = ?", {P(*f.level)});
  if (f.prefix) w.And("code LIKE ? ESCAPE '\\'", {P(Prefix(RegionPrefix(*f.prefix)))});
  if (f.name) w.And("LOWER(name) LIKE ? ESCAPE '\\'", {P(Contains(*f.name))});
  return ListByCode<domain::Region>(tx, "regions", kRegionColumns, w, after, limit, MakeRegion);
}

CodePage<domain::Major> ListMajors(Tx& tx, const MajorFilter& f, const std::string& after,
                                   int limit) {
  Where w;
  if (f.class_code) w.And("class_code = ?", {P(*f.class_code)});
  if (f.category_code) w.And("category_code = ?", {P(*f.category_code)});
  if (f.level) w.And("level = ?", {P(*f.level)});
  if (f.name) w.And("LOWER(name) LIKE ? ESCAPE '\\'", {P(Contains(*f.name))});
  return ListByCode<domain::Major>(tx, "majors", kMajorColumns, w, after, limit, MakeMajor);
}

CodePage<domain::Industry> ListIndustries(Tx& tx, const IndustryFilter& f, const std::string& after,
                                          int limit) {
  Where w;
  if (f.section) w.And("section = ?", {P(*f.section)});
  if (f.level) w.And("level = ?", {P(*f.level)});
  if (f.parent_code) w.And("parent_code = ?", {P(*f.parent_code)});
  if (f.name) w.And("LOWER(name) LIKE ? ESCAPE '\\'", {P(Contains(*f.name))});
  return ListByCode<domain::Industry>(tx, "industries", kIndustryColumns, w, after, limit,
                                      MakeIndustry);
}

std::optional<domain::Region> GetRegion(Tx& tx, const std::string& code) {
  auto rows =
      tx.Query(std::string("SELECT ") + kRegionColumns + " FROM regions WHERE code = ?", {P(code)});
  if (rows.empty()) return std::nullopt;
  return MakeRegion(rows[0]);
}

std::optional<domain::Major> GetMajor(Tx& tx, const std::string& code) {
  auto rows =
      tx.Query(std::string("SELECT ") + kMajorColumns + " FROM majors WHERE code = ?", {P(code)});
  if (rows.empty()) return std::nullopt;
  return MakeMajor(rows[0]);
}

std::optional<domain::Industry> GetIndustry(Tx& tx, const std::string& code) {
  auto rows = tx.Query(
      std::string("SELECT ") + kIndustryColumns + " FROM industries WHERE code = ?", {P(code)});
  if (rows.empty()) return std::nullopt;
  return MakeIndustry(rows[0]);
}

std::int64_t CountRows(Tx& tx, std::string_view table) {
  return tx.QueryInt("SELECT COUNT(*) FROM " + std::string(table)).value_or(0);
}

}  // namespace tb::store
