#include "store/match_source.hpp"

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
  auto num = [](double v) { return std::to_string(v); };
  auto in_list = [&](const std::vector<std::string>& values) {
    std::string marks;
    for (const auto& v : values) {
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(P(v));
    }
    return marks.empty() ? std::string("NULL") : marks;
  };
  std::string sql = "SELECT id, (CASE WHEN accepted_majors LIKE ? THEN " + num(w.exact) +
                    " WHEN accepted_majors LIKE ? THEN " + num(w.cls) +
                    " WHEN accepted_majors LIKE ? THEN " + num(w.category) +
                    " WHEN accepted_majors = '[]' THEN " + num(w.any) + " ELSE 0 END)";
  params.push_back(P("%\"" + p.major_code + "\"%"));
  params.push_back(P("%\"" + p.major_code.substr(0, 4) + "%"));
  params.push_back(P("%\"" + p.major_code.substr(0, 2) + "%"));
  for (const char* column : {"required_skills", "preferred_skills"}) {
    std::string c = column;
    std::string count = "(CASE WHEN " + c + " = '[]' THEN 1 ELSE (LENGTH(" + c +
                        ") - LENGTH(REPLACE(" + c + ", '\",\"', ''))) / 3 + 1 END)";
    std::string matches = "0";
    for (const auto& skill : p.skills) {
      matches += " + CASE WHEN " + c + " LIKE ? THEN 1 ELSE 0 END";
      params.push_back(P("%\"" + skill + "\"%"));
    }
    sql += " + " + num(c == "required_skills" ? w.required : w.preferred) + " * (" + matches +
           ") / " + count;
  }
  sql += " + (CASE WHEN SUBSTR(region_code, 1, 4) IN (" + in_list(p.cities) + ") THEN " +
         num(w.city) + " WHEN SUBSTR(region_code, 1, 2) IN (" + in_list(p.provinces) + ") THEN " +
         num(w.province) + " ELSE 0 END)";
  sql += " + (CASE WHEN SUBSTR(industry_code, 1, 2) IN (" + in_list(p.industries) + ") THEN " +
         num(w.industry) + " ELSE 0 END)";
  sql += " + (CASE WHEN salary_min >= ? THEN " + num(w.salary) + " WHEN salary_max >= ? THEN " +
         num(w.salary * 0.75) + " ELSE 0 END) AS score";
  params.push_back(P(p.expected_salary));
  params.push_back(P(p.expected_salary));
  sql +=
      " FROM posts WHERE status = 'open' AND (open_date IS NULL OR open_date <= ?)"
      " AND (close_date IS NULL OR close_date >= ?) AND min_level IN (" +
      std::string();
  params.push_back(P(p.today));
  params.push_back(P(p.today));
  sql += in_list(p.levels) + ")";
  if (!p.willing_to_relocate)
    sql += " AND SUBSTR(region_code, 1, 2) IN (" + in_list(p.provinces) + ")";
  sql += " ORDER BY score DESC, id LIMIT " + std::to_string(limit);
  std::vector<std::pair<domain::Id, double>> out;
  for (const auto& row : tx.Query(sql, params)) {
    out.emplace_back(row.Int(0), std::stod(row.Text(1)));
  }
  return out;
}

}  // namespace tb::store
