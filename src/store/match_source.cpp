#include "store/match_source.hpp"

#include <charconv>
#include <unordered_map>

#include "store/repository.hpp"

namespace tb::store {

namespace {

std::unordered_map<domain::Id, std::string> InstitutionRegions(Tx& tx) {
  std::unordered_map<domain::Id, std::string> out;
  for (const auto& row : tx.Query("SELECT id, region_code FROM institutions")) {
    out[row.Int(0)] = row.Text(1);
  }
  return out;
}

std::unordered_map<domain::Id, bool> VerifiedOrganizations(Tx& tx) {
  std::unordered_map<domain::Id, bool> out;
  for (const auto& row : tx.Query("SELECT id FROM organizations WHERE verified = 1")) {
    out[row.Int(0)] = true;
  }
  return out;
}

Where IdIn(const std::vector<domain::Id>& ids, const char* column = "id") {
  Where w;
  std::string marks;
  std::vector<Param> params;
  for (auto id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(P(id));
  }
  w.And(std::string(column) + " IN (" + marks + ")", std::move(params));
  return w;
}

template <class T>
std::vector<T> ListAll(Tx& tx, const Where& where) {
  std::vector<T> out;
  PageRequest page{0, 5000};
  for (;;) {
    auto got = Repository<T>::List(tx, where, page);
    for (auto& v : got.items) out.push_back(std::move(v));
    if (!got.next_after) break;
    page.after = *got.next_after;
  }
  return out;
}

// Lists of ids in chunks small enough for any backend's parameter limit.
template <class F>
void Chunked(const std::vector<domain::Id>& ids, F&& fn) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t i = 0; i < ids.size(); i += kChunk) {
    std::vector<domain::Id> part(ids.begin() + static_cast<long>(i),
                                 ids.begin() + static_cast<long>(std::min(ids.size(), i + kChunk)));
    fn(part);
  }
}

}  // namespace

void ForEachMatchStudent(Tx& tx, int batch,
                         const std::function<void(std::vector<MatchStudentRow>&&)>& fn) {
  auto regions = InstitutionRegions(tx);
  PageRequest page{0, batch};
  for (;;) {
    auto got = Repository<domain::Student>::List(tx, Where{}, page);
    std::vector<MatchStudentRow> rows;
    rows.reserve(got.items.size());
    for (auto& s : got.items) {
      std::string region = regions[s.institution_id];
      rows.push_back({std::move(s), std::move(region)});
    }
    fn(std::move(rows));
    if (!got.next_after) break;
    page.after = *got.next_after;
  }
}

void ForEachMatchPost(Tx& tx, int batch,
                      const std::function<void(std::vector<MatchPostRow>&&)>& fn) {
  auto verified = VerifiedOrganizations(tx);
  PageRequest page{0, batch};
  for (;;) {
    auto got = Repository<domain::Post>::List(tx, Where{}, page);
    std::vector<MatchPostRow> rows;
    rows.reserve(got.items.size());
    for (auto& p : got.items) {
      bool v = verified.contains(p.organization_id);
      rows.push_back({std::move(p), v});
    }
    fn(std::move(rows));
    if (!got.next_after) break;
    page.after = *got.next_after;
  }
}

std::vector<MatchStudentRow> LoadMatchStudents(Tx& tx, const std::vector<domain::Id>& ids) {
  std::vector<MatchStudentRow> out;
  if (ids.empty()) return out;
  auto regions = InstitutionRegions(tx);
  Chunked(ids, [&](const std::vector<domain::Id>& part) {
    for (auto& s : ListAll<domain::Student>(tx, IdIn(part))) {
      std::string region = regions[s.institution_id];
      out.push_back({std::move(s), std::move(region)});
    }
  });
  return out;
}

std::vector<MatchPostRow> LoadMatchPosts(Tx& tx, const std::vector<domain::Id>& ids) {
  std::vector<MatchPostRow> out;
  if (ids.empty()) return out;
  Chunked(ids, [&](const std::vector<domain::Id>& part) {
    auto posts = ListAll<domain::Post>(tx, IdIn(part));
    if (posts.empty()) return;
    std::vector<domain::Id> orgs;
    for (const auto& p : posts) orgs.push_back(p.organization_id);
    std::unordered_map<domain::Id, bool> verified;
    Where w = IdIn(orgs);
    w.And("verified = 1");
    for (const auto& row : tx.Query("SELECT id FROM organizations WHERE " + w.sql, w.params)) {
      verified[row.Int(0)] = true;
    }
    for (auto& p : posts) {
      bool v = verified.contains(p.organization_id);
      out.push_back({std::move(p), v});
    }
  });
  return out;
}

std::vector<domain::Id> PostIdsOfOrganizations(Tx& tx, const std::vector<domain::Id>& orgs) {
  std::vector<domain::Id> out;
  Chunked(orgs, [&](const std::vector<domain::Id>& part) {
    Where w = IdIn(part, "organization_id");
    for (const auto& row : tx.Query("SELECT id FROM posts WHERE " + w.sql, w.params)) {
      out.push_back(row.Int(0));
    }
  });
  return out;
}

std::vector<domain::Id> StudentIdsOfInstitutions(Tx& tx, const std::vector<domain::Id>& ids) {
  std::vector<domain::Id> out;
  Chunked(ids, [&](const std::vector<domain::Id>& part) {
    Where w = IdIn(part, "institution_id");
    for (const auto& row : tx.Query("SELECT id FROM students WHERE " + w.sql, w.params)) {
      out.push_back(row.Int(0));
    }
  });
  return out;
}

std::vector<domain::Id> ApplicantsOfOrganization(Tx& tx, domain::Id organization_id) {
  std::vector<domain::Id> out;
  for (const auto& row : tx.Query("SELECT DISTINCT student_id FROM applications WHERE "
                                  "organization_id = ? ORDER BY student_id",
                                  {P(organization_id)})) {
    out.push_back(row.Int(0));
  }
  return out;
}

namespace {

// Rows of `width` parameters, as many per statement as keep under the backends' limits.
void InsertRows(Tx& tx, const std::string& head, std::size_t width,
                const std::vector<std::vector<Param>>& rows) {
  // SQLite looks named parameters up linearly (SOCI names them), so long statements cost
  // quadratic time: about 1000 parameters each.
  const std::size_t per = std::max<std::size_t>(1, 1000 / width);
  std::string one = "(";
  for (std::size_t i = 0; i < width; ++i) one += i ? ", ?" : "?";
  one += ")";
  for (std::size_t start = 0; start < rows.size(); start += per) {
    std::size_t end = std::min(rows.size(), start + per);
    std::string sql = head + " VALUES ";
    std::vector<Param> params;
    params.reserve((end - start) * width);
    for (std::size_t r = start; r < end; ++r) {
      sql += r == start ? one : ", " + one;
      params.insert(params.end(), rows[r].begin(), rows[r].end());
    }
    tx.Exec(sql, params);
  }
}

}  // namespace

template <class T>
void InsertMany(Tx& tx, std::vector<T>& values, const std::string& now) {
  if (values.empty()) return;
  const auto& def = domain::Def<T>();
  domain::Id first = tx.NextIds(def.table, static_cast<std::int64_t>(values.size()));
  std::string cols;
  for (const auto& f : def.fields) cols += (cols.empty() ? "" : ", ") + std::string(f.spec.name);
  std::vector<std::vector<Param>> rows;
  rows.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    T& v = values[i];
    v.id = first + static_cast<domain::Id>(i);
    v.created_at = now;
    v.updated_at = now;
    std::vector<Param> row;
    for (const auto& f : def.fields) row.push_back(ToParam(f.get(v)));
    rows.push_back(std::move(row));
  }
  InsertRows(tx, "INSERT INTO " + std::string(def.table) + " (" + cols + ")", def.fields.size(),
             rows);
}

template void InsertMany(Tx&, std::vector<domain::Institution>&, const std::string&);
template void InsertMany(Tx&, std::vector<domain::Unit>&, const std::string&);
template void InsertMany(Tx&, std::vector<domain::Organization>&, const std::string&);
template void InsertMany(Tx&, std::vector<domain::Student>&, const std::string&);
template void InsertMany(Tx&, std::vector<domain::Post>&, const std::string&);

void InsertTruth(Tx& tx, const std::vector<TruthRow>& rows) {
  std::vector<std::vector<Param>> params;
  params.reserve(rows.size());
  for (const auto& r : rows) {
    params.push_back({P(r.entity), P(r.entity_id), P(r.field), P(r.niche), P(r.mobile)});
  }
  InsertRows(tx, "INSERT INTO match_truth (entity, entity_id, field, niche, mobile)", 5, params);
}

void InsertPostSkills(Tx& tx, const std::vector<PostSkillRow>& rows) {
  std::vector<std::vector<Param>> params;
  params.reserve(rows.size());
  for (const auto& r : rows) params.push_back({P(r.post_id), P(r.kind), P(r.skill)});
  InsertRows(tx, "INSERT INTO match_post_skills (post_id, kind, skill)", 3, params);
}

void ReplacePostSkills(Tx& tx, domain::Id post_id, const std::vector<PostSkillRow>& rows) {
  tx.Exec("DELETE FROM match_post_skills WHERE post_id = ?", {P(post_id)});
  InsertPostSkills(tx, rows);
}

std::vector<domain::Post> PostsWithoutSkillRows(Tx& tx) {
  return ListAll<domain::Post>(
      tx, Where()
              .And("required_skills <> '[]' OR preferred_skills <> '[]'")
              .And("NOT EXISTS (SELECT 1 FROM match_post_skills s WHERE s.post_id = posts.id)"));
}

std::vector<TruthRow> LoadTruth(Tx& tx) {
  std::vector<TruthRow> out;
  for (const auto& row :
       tx.Query("SELECT entity, entity_id, field, niche, mobile FROM match_truth")) {
    out.push_back({row.Text(0), row.Int(1), static_cast<int>(row.Int(2)),
                   static_cast<int>(row.Int(3)), row.Int(4) != 0});
  }
  return out;
}

std::vector<std::pair<domain::Id, double>> NaiveTopPosts(Tx& tx, const NaiveProfile& p,
                                                         const NaiveWeights& w, int limit) {
  std::vector<Param> params;
  // Numbers are bound as their shortest exact decimal text; CAST makes them floating point on
  // both backends, so the arithmetic is the engine's.
  auto number = [&](double v) {
    char buf[32];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    params.push_back(P(std::string(buf, end)));
    return std::string("CAST(? AS DOUBLE PRECISION)");
  };
  auto weight = number;
  auto text = [&](const std::string& v) {
    params.push_back(P(v));
    return std::string("?");
  };
  auto in_list = [&](const std::vector<std::string>& values) {
    std::string marks;
    for (const auto& v : values) marks += (marks.empty() ? "" : ", ") + text(v);
    return marks;
  };
  // Each `sql +=` binds at most one group of parameters, so they are bound in textual order
  // (the operands of + are not sequenced).
  std::string sql = "SELECT id, score FROM (SELECT p.id AS id, (CASE";
  // Major: the most specific accepted entry that reaches the student's major.
  if (!p.major_code.empty()) {
    sql += " WHEN p.accepted_majors LIKE " + text("%\"" + p.major_code + "\"%");
    sql += " THEN " + weight(w.exact);
    sql += " WHEN p.accepted_majors LIKE " + text("%\"" + p.major_code.substr(0, 4) + "%");
    sql += " THEN " + weight(w.cls);
    sql += " WHEN p.accepted_majors LIKE " + text("%\"" + p.major_code.substr(0, 2) + "%");
    sql += " THEN " + weight(w.category);
  }
  sql += " WHEN p.accepted_majors = '[]' THEN " + weight(w.any);
  sql += " ELSE 0 END)";
  // Skills: the share of the post's canonical required (preferred) skills the student has.
  for (int kind : {1, 2}) {
    if (p.skills.empty()) break;
    std::string k = std::to_string(kind);
    sql += " + COALESCE(" + weight(kind == 1 ? w.required : w.preferred);
    sql += " * (SELECT COUNT(*) FROM match_post_skills s WHERE s.post_id = p.id AND s.kind = " + k +
           " AND s.skill IN (";
    sql += in_list(p.skills);
    sql +=
        ")) / NULLIF((SELECT COUNT(*) FROM match_post_skills s WHERE s.post_id = p.id AND "
        "s.kind = " +
        k + "), 0), 0)";
  }
  // Region: the same city, else the same province, as one of the student's places.
  if (!p.cities.empty()) {
    sql += " + (CASE WHEN SUBSTR(p.region_code, 1, 4) IN (";
    sql += in_list(p.cities);
    sql += ") THEN " + weight(w.city);
    sql += " WHEN SUBSTR(p.region_code, 1, 2) IN (";
    sql += in_list(p.provinces);
    sql += ") THEN " + weight(w.province);
    sql += " ELSE 0 END)";
  }
  if (!p.industries.empty()) {
    sql += " + (CASE WHEN SUBSTR(p.industry_code, 1, 2) IN (";
    sql += in_list(p.industries);
    sql += ") THEN " + weight(w.industry);
    sql += " ELSE 0 END)";
  }
  // Salary: full when the bottom of the offer reaches the expectation, 3/4 when the top does,
  // falling linearly to 0 at half the expectation.
  if (p.expected_salary > 0) {
    const double e = static_cast<double>(p.expected_salary);
    sql += " + (CASE WHEN p.salary_max IS NULL THEN 0";
    sql += " WHEN COALESCE(p.salary_min, p.salary_max) >= " + number(e);
    sql += " THEN " + weight(w.salary);
    sql += " WHEN p.salary_max >= " + number(e);
    sql += " THEN " + weight(w.salary);
    sql += " * 0.75 WHEN 2 * p.salary_max > " + number(e);
    sql += " THEN " + weight(w.salary);
    sql += " * (0.75 * (2 * p.salary_max / " + number(e);
    sql += " - 1)) ELSE 0 END)";
  }
  sql += " AS score FROM posts p WHERE p.status = 'open'";
  sql += " AND (p.open_date IS NULL OR p.open_date <= " + text(p.today);
  sql += ") AND (p.close_date IS NULL OR p.close_date >= " + text(p.today);
  sql += ") AND p.min_level IN (";
  sql += in_list(p.levels);
  sql += ")";
  if (!p.willing_to_relocate) {
    sql += " AND SUBSTR(p.region_code, 1, 2) IN (";
    sql += p.provinces.empty() ? std::string("''") : in_list(p.provinces);
    sql += ")";
  }
  sql += ") ranked ORDER BY score DESC, id LIMIT " + std::to_string(limit);
  std::vector<std::pair<domain::Id, double>> out;
  for (const auto& row : tx.Query(sql, params)) {
    const auto* d = std::get_if<double>(&row.cells[1]);
    out.emplace_back(row.Int(0), d ? *d : std::stod(row.Text(1)));
  }
  return out;
}

}  // namespace tb::store
