#include "match/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <set>

#include "core/time.hpp"
#include "match/terms.hpp"

namespace tb::match {

namespace {

struct WeightField {
  const char* name;
  double Weights::*field;
};

constexpr WeightField kFields[] = {
    {"major_exact", &Weights::major_exact},
    {"major_class", &Weights::major_class},
    {"major_category", &Weights::major_category},
    {"major_any", &Weights::major_any},
    {"required_skills", &Weights::required_skills},
    {"preferred_skills", &Weights::preferred_skills},
    {"region_city", &Weights::region_city},
    {"region_province", &Weights::region_province},
    {"industry", &Weights::industry},
    {"salary", &Weights::salary},
    {"text", &Weights::text},
    {"text_saturation", &Weights::text_saturation},
    {"bm25_k1", &Weights::bm25_k1},
    {"bm25_b", &Weights::bm25_b},
};

std::string Yuan(long v) { return std::to_string(v); }

// Prefixes as views: the scoring loop compares them without allocating.
std::string_view City(std::string_view region) { return region.substr(0, 4); }
std::string_view Province(std::string_view region) { return region.substr(0, 2); }
std::string_view ClassView(std::string_view major) { return major.substr(0, 4); }
std::string_view CategoryView(std::string_view major) { return major.substr(0, 2); }

}  // namespace

Result<Weights> WeightsFromJson(const nlohmann::json& j) {
  Weights w;
  if (!j.is_object()) return Error::Invalid("match weights must be a JSON object");
  std::vector<FieldError> errors;
  for (const auto& [key, value] : j.items()) {
    if (key.starts_with("_")) continue;  // comments
    if (key == "max_query_terms") {
      if (!value.is_number_integer() || value.get<int>() < 1 || value.get<int>() > 1000) {
        errors.push_back({key, "must be an integer from 1 to 1000"});
      } else {
        w.max_query_terms = value.get<int>();
      }
      continue;
    }
    auto it = std::find_if(std::begin(kFields), std::end(kFields),
                           [&](const WeightField& f) { return key == f.name; });
    if (it == std::end(kFields)) {
      errors.push_back({key, "unknown weight"});
    } else if (!value.is_number() || value.get<double>() < 0) {
      errors.push_back({key, "must be a number >= 0"});
    } else {
      w.*(it->field) = value.get<double>();
    }
  }
  if (w.text_saturation <= 0) errors.push_back({"text_saturation", "must be > 0"});
  if (!errors.empty()) return Error::Invalid("invalid match weights", errors);
  return w;
}

nlohmann::json WeightsToJson(const Weights& w) {
  nlohmann::json j;
  for (const auto& f : kFields) j[f.name] = w.*(f.field);
  j["max_query_terms"] = w.max_query_terms;
  return j;
}

Result<Weights> LoadWeights(const std::string& path) {
  if (path.empty()) return Weights{};
  std::ifstream in(path);
  if (!in) return Error::NotFound("cannot read match configuration " + path);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false, /*ignore_comments=*/true);
  if (j.is_discarded()) return Error::Invalid(path + " is not valid JSON");
  return WeightsFromJson(j);
}

int LevelRank(std::string_view level) {
  if (level == "vocational") return 0;
  if (level == "bachelor") return 1;
  if (level == "master") return 2;
  if (level == "doctor") return 3;
  return -1;
}

std::string ClassOf(std::string_view major) { return std::string(major.substr(0, 4)); }
std::string CategoryOf(std::string_view major) { return std::string(major.substr(0, 2)); }

SkillSet MakeSkillSet(const std::vector<std::string>& entries) {
  std::map<std::uint64_t, std::string> by_hash;
  for (const auto& e : entries) {
    for (auto& s : CanonicalSkills(e)) by_hash.emplace(Hash("skill:" + s), s);
  }
  SkillSet out;
  for (auto& [h, name] : by_hash) {
    out.hashes.push_back(h);
    out.names.push_back(name);
  }
  return out;
}

PostDoc MakePostDoc(const domain::Post& p, bool verified) {
  PostDoc d;
  d.id = p.id;
  d.organization_id = p.organization_id;
  d.verified = verified;
  d.open = p.status == "open";
  d.open_day = p.open_date ? core::DayNumber(*p.open_date) : 0;
  d.close_day = p.close_date ? core::DayNumber(*p.close_date) : 0;
  d.kind = p.kind;
  d.min_level = LevelRank(p.min_level);
  d.accepted_majors = p.accepted_majors;
  d.required = MakeSkillSet(p.required_skills);
  d.preferred = MakeSkillSet(p.preferred_skills);
  d.region_code = p.region_code;
  if (p.industry_code && p.industry_code->size() >= 2) d.industry2 = p.industry_code->substr(0, 2);
  d.salary_min = p.salary_min;
  d.salary_max = p.salary_max;
  d.title = p.title;
  std::map<std::uint64_t, std::uint32_t> tf;
  for (const auto& t : Terms(p.title + "\n" + p.description)) {
    ++tf[Hash(t)];
    ++d.length;
  }
  for (auto [h, n] : tf) {
    d.terms.push_back(h);
    d.tfs.push_back(static_cast<std::uint16_t>(std::min<std::uint32_t>(n, 65535)));
  }
  return d;
}

StudentDoc MakeStudentDoc(const domain::Student& s, const std::string& institution_region,
                          const Weights& w) {
  StudentDoc d;
  d.id = s.id;
  d.institution_id = s.institution_id;
  d.unit_id = s.unit_id;
  d.consent = s.talent_search_consent;
  d.major_code = s.major_code;
  d.cohort = static_cast<int>(s.cohort);
  d.level = std::max(0, LevelRank(s.level));
  d.skills = MakeSkillSet(s.skills);
  d.places = s.preferred_regions;
  if (!institution_region.empty() &&
      std::find(d.places.begin(), d.places.end(), institution_region) == d.places.end()) {
    d.places.push_back(institution_region);
  }
  d.willing_to_relocate = s.willing_to_relocate;
  for (const auto& i : s.preferred_industries) {
    if (i.size() >= 2 && i[0] >= '0' && i[0] <= '9') {
      std::string div = i.substr(0, 2);
      if (std::find(d.industries2.begin(), d.industries2.end(), div) == d.industries2.end()) {
        d.industries2.push_back(div);
      }
    }
  }
  d.salary_min = s.expected_salary_min;
  d.salary_max = s.expected_salary_max;
  // The text query: the first max_query_terms distinct words of skills then résumé.
  std::string text;
  for (const auto& k : s.skills) text += k + " ";
  text += s.resume;
  std::map<std::uint64_t, std::string> words;
  std::set<std::uint64_t> seen;
  for (auto& t : Terms(text)) {
    if (static_cast<int>(words.size()) >= w.max_query_terms) break;
    words.emplace(Hash(t), std::move(t));
  }
  for (auto& [h, word] : words) {
    d.query.push_back(h);
    d.query_words.push_back(word);
  }
  return d;
}

double TextStats::Idf(std::uint64_t term) const {
  auto it = df.find(term);
  double n = it == df.end() ? 0 : it->second;
  return std::log(1.0 + (posts - n + 0.5) / (n + 0.5));
}

double TextStats::Bm25(double idf, double tf, double length, const Weights& w) const {
  double norm = w.bm25_k1 * (1 - w.bm25_b + w.bm25_b * length / average_length);
  return idf * tf * (w.bm25_k1 + 1) / (tf + norm);
}

bool Eligible(const StudentDoc& s, const PostDoc& p, int today, std::string_view kind) {
  if (!p.open) return false;
  if (p.open_day != 0 && today < p.open_day) return false;
  if (p.close_day != 0 && today > p.close_day) return false;
  if (p.min_level > s.level) return false;
  if (!kind.empty() && p.kind != kind) return false;
  if (!s.willing_to_relocate) {
    std::string_view prov = Province(p.region_code);
    bool near = std::any_of(s.places.begin(), s.places.end(),
                            [&](const std::string& r) { return Province(r) == prov; });
    if (!near) return false;
  }
  return true;
}

namespace {

// The matched skills of `have` among `want`, by name.
std::size_t Matched(const SkillSet& want, const SkillSet& have, bool names,
                    std::vector<std::string>& out) {
  std::size_t count = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < want.hashes.size(); ++i) {
    while (j < have.hashes.size() && have.hashes[j] < want.hashes[i]) ++j;
    if (j < have.hashes.size() && have.hashes[j] == want.hashes[i]) {
      ++count;
      if (names) out.push_back(want.names[i]);
    }
  }
  return count;
}

std::string JoinNames(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

// 1 when the bottom of the offer reaches the expectation, 0.75 when only the top reaches it,
// falling linearly to 0 at half the expectation.
double SalaryFit(const StudentDoc& s, const PostDoc& p) {
  if (!p.salary_max || !s.salary_min || *s.salary_min <= 0) return 0;
  const auto expect = static_cast<double>(*s.salary_min);
  const auto top = static_cast<double>(*p.salary_max);
  const auto bottom = static_cast<double>(p.salary_min.value_or(*p.salary_max));
  if (bottom >= expect) return 1;
  if (top >= expect) return 0.75;
  return std::max(0.0, 0.75 * (2 * top / expect - 1));
}

Scored Score(const StudentDoc& s, const PostDoc& p, const TextStats& stats, const Weights& w,
             bool explain, const double* query_idf) {
  Scored out;
  // The reason's words are formatted only when explaining (the ranking loop never does).
  auto add = [&](const char* component, double weight, double points, auto&& words) {
    out.score += points;
    if (explain) {
      auto [zh, en] = words();
      out.reasons.push_back({component, weight, points, std::move(zh), std::move(en)});
    }
  };
#define TB_WORDS(zh, en) [&] { return std::pair<std::string, std::string>(zh, en); }

  // Major.
  {
    double fit = 0;
    int how = 0;  // 0 unrelated, 1 category, 2 class, 3 accepted, 4 any
    if (p.accepted_majors.empty()) {
      fit = w.major_any;
      how = 4;
    } else {
      // The more specific the post's entry that reaches the student's major, the better: the
      // very code, its class (named or through a sibling code), its category.
      for (const auto& m : p.accepted_majors) {
        int level = 0;
        double points = 0;
        if (m == s.major_code) {
          level = 3;
          points = w.major_exact;
        } else if (m.size() >= 4 && ClassView(m) == ClassView(s.major_code)) {
          level = 2;
          points = w.major_class;
        } else if (CategoryView(m) == CategoryView(s.major_code)) {
          level = 1;
          points = w.major_category;
        }
        if (points > fit || (points == fit && level > how)) {
          fit = points;
          how = level;
        }
      }
    }
    static const char* kZh[] = {"专业不相关", "同一学科门类", "同一专业类", "专业对口", "不限专业"};
    static const char* kEn[] = {"unrelated major", "same major category", "same major class",
                                "exact major", "open to any major"};
    double weight = how == 4 ? w.major_any : w.major_exact;
    add("major", weight, fit, TB_WORDS(kZh[how], kEn[how]));
  }

  // Skills: the share of the post's required (preferred) skills the student has.
  auto skills = [&](const char* component, const SkillSet& want, double weight, const char* zh,
                    const char* en) {
    if (want.hashes.empty()) {
      add(component, weight, 0,
          TB_WORDS(fmt::format("岗位未列{}技能", zh), fmt::format("no {} skills listed", en)));
      return;
    }
    std::vector<std::string> m;
    std::size_t count = Matched(want, s.skills, explain, m);
    double points = weight * static_cast<double>(count) / static_cast<double>(want.hashes.size());
    add(component, weight, points, [&] {
      std::string have = m.empty() ? "" : "（" + JoinNames(m, "、") + "）";
      std::string have_en = m.empty() ? "" : " (" + JoinNames(m, ", ") + ")";
      return std::pair<std::string, std::string>(
          fmt::format("具备{}项{}技能中的{}项{}", want.hashes.size(), zh, count, have),
          fmt::format("{} of {} {} skills{}", count, want.hashes.size(), en, have_en));
    });
  };
  skills("required_skills", p.required, w.required_skills, "必备", "required");
  skills("preferred_skills", p.preferred, w.preferred_skills, "加分", "preferred");

  // Region.
  {
    double points = 0;
    std::string_view city = City(p.region_code), prov = Province(p.region_code);
    for (const auto& r : s.places) {
      if (City(r) == city) points = std::max(points, w.region_city);
      if (Province(r) == prov) points = std::max(points, w.region_province);
    }
    bool same_city = points == w.region_city && points > 0 &&
                     std::any_of(s.places.begin(), s.places.end(),
                                 [&](const std::string& r) { return City(r) == city; });
    if (same_city) {
      add("region", w.region_city, points, TB_WORDS("同城岗位", "same city"));
    } else if (points > 0) {
      add("region", w.region_city, points, TB_WORDS("同省岗位", "same province"));
    } else {
      add("region", w.region_city, 0, TB_WORDS("外省岗位", "another province"));
    }
  }

  // Industry.
  {
    bool hit = !p.industry2.empty() && std::find(s.industries2.begin(), s.industries2.end(),
                                                 p.industry2) != s.industries2.end();
    add("industry", w.industry, hit ? w.industry : 0,
        TB_WORDS(hit ? "意向行业" : "非意向行业",
                 hit ? "preferred industry" : "not a preferred industry"));
  }

  // Salary (SalaryFit).
  {
    if (p.salary_max && s.salary_min && *s.salary_min > 0) {
      const double fit = SalaryFit(s, p);
      auto offer = [&] {
        return Yuan(p.salary_min.value_or(*p.salary_max)) + "–" + Yuan(*p.salary_max);
      };
      const char* zh = fit >= 1      ? "薪资达到期望"
                       : fit >= 0.75 ? "薪资区间覆盖期望"
                                     : "薪资低于期望";
      const char* en = fit >= 1      ? "salary meets the expectation"
                       : fit >= 0.75 ? "salary range reaches the expectation"
                                     : "salary below the expectation";
      add("salary", w.salary, w.salary * fit,
          TB_WORDS(
              fmt::format("{}（{}元/月，期望{}元起）", zh, offer(), *s.salary_min),
              fmt::format("{} ({} yuan/month, expected from {})", en, offer(), *s.salary_min)));
    } else {
      add("salary", w.salary, 0, TB_WORDS("薪资或期望未注明", "salary or expectation not stated"));
    }
  }

  // Text relevance: BM25 of the student's words in the post (skipped when it weighs nothing).
  if (w.text > 0 || explain) {
    double bm25 = 0;
    std::vector<std::string> words;
    std::size_t j = 0;
    for (std::size_t i = 0; i < s.query.size(); ++i) {
      while (j < p.terms.size() && p.terms[j] < s.query[i]) ++j;
      if (j < p.terms.size() && p.terms[j] == s.query[i]) {
        double idf = query_idf ? query_idf[i] : stats.Idf(s.query[i]);
        bm25 += stats.Bm25(idf, p.tfs[j], p.length, w);
        if (explain && words.size() < 5) words.push_back(s.query_words[i]);
      }
    }
    double points = w.text * std::min(1.0, bm25 / w.text_saturation);
    if (words.empty()) {
      add("text", w.text, points,
          TB_WORDS("岗位描述与简历无共同关键词", "no shared words in the texts"));
    } else {
      add("text", w.text, points,
          TB_WORDS("岗位描述与简历相关：" + JoinNames(words, "、"),
                   "the post's text mentions " + JoinNames(words, ", ")));
    }
  }
#undef TB_WORDS
  return out;
}

}  // namespace tb::match
