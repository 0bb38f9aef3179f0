#pragma once
// The matching model of DESIGN §7: an additive, explainable score of a student for a post.
//
//   score = major + required_skills + preferred_skills + region + industry + salary + text
//
// Each component is a weight (Weights, from config/match.json) times a fit in [0, 1]:
//   major            the most specific of the post's accepted majors that reaches the
//                    student's: the very code = major_exact; its class (named, or a sibling
//                    code) = major_class; its category = major_category; a post open to any
//                    major = major_any
//   required_skills  share of the post's required skills the student has (synonyms folded)
//   preferred_skills share of its preferred skills
//   region           the post is in the same city as one of the student's places (preferred
//                    regions and the institution's region) = region_city, same province =
//                    region_province, elsewhere 0
//   industry         the post's industry division is one the student prefers
//   salary           1 when the offer reaches the expectation, less as it falls short
//   text             BM25 of the student's words (skills, résumé) in the post's title and
//                    description, saturating at text_saturation
// Hard constraints (the pair is never scored, never returned): the post is open on the day,
// its minimum level is at most the student's, its kind is the one asked for, and a student who
// will not relocate only gets posts in a province of their places.
// Documents are built once per record (MakePostDoc/MakeStudentDoc) and are immutable.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"

namespace tb::match {

using domain::Id;

// The weights of the model (config/match.json; README "Matching weights"). Each component
// adds weight x fit, fit in [0, 1]; only the best of the four major levels counts, and the
// better of city and province.
struct Weights {
  double major_exact = 0.30;       // the post accepts the student's very major code
  double major_class = 0.20;       // ... a major of the same class (first 4 digits)
  double major_category = 0.08;    // ... a major of the same category (first 2 digits)
  double major_any = 0.04;         // the post lists no majors (open to any)
  double required_skills = 0.22;   // x the share of the post's required skills the student has
  double preferred_skills = 0.06;  // x the share of its preferred skills
  double region_city = 0.15;       // the post is in a city the student prefers (or studies in)
  double region_province = 0.10;   // ... in such a province
  double industry = 0.05;          // the post's industry division is one the student prefers
  double salary = 0.06;            // x the offer's fit with the expected salary
  double text = 0.12;              // x BM25 of the student's skills and résumé in the post's text
  double text_saturation = 8.0;    // BM25 sum at which the text component is full
  double bm25_k1 = 1.2;            // BM25 term-frequency saturation
  double bm25_b = 0.75;            // BM25 length normalization (0 none, 1 full)
  int max_query_terms = 64;        // words of a student's profile used as the text query
};

// Reads weights from JSON (any subset of the fields above; unknown keys are an error naming
// them); missing keys keep the compiled-in defaults.
Result<Weights> WeightsFromJson(const nlohmann::json& j);
nlohmann::json WeightsToJson(const Weights& w);
// The file, or the defaults when path is empty; a file that does not parse is an error.
Result<Weights> LoadWeights(const std::string& path);

int LevelRank(std::string_view level);  // vocational 0, bachelor 1, master 2, doctor 3; "" -1

struct SkillSet {
  std::vector<std::uint64_t> hashes;  // sorted, unique
  std::vector<std::string> names;     // canonical names, in the order of `hashes`
};
SkillSet MakeSkillSet(const std::vector<std::string>& entries);

struct PostDoc {
  Id id = 0;
  Id organization_id = 0;
  bool verified = false;  // its organization is verified (students see only these)
  bool open = false;      // status "open"
  int open_day = 0;       // days since 1970-01-01; 0 = no bound
  int close_day = 0;
  std::string kind;
  int min_level = -1;
  std::vector<std::string> accepted_majors;
  SkillSet required, preferred;
  std::string region_code;  // six digits
  std::string industry2;    // two-digit division, "" unknown
  std::optional<long> salary_min, salary_max;
  std::string title;
  std::vector<std::uint64_t> terms;  // sorted distinct term hashes of title + description
  std::vector<std::uint16_t> tfs;    // their frequencies
  std::uint32_t length = 0;          // number of terms
};

struct StudentDoc {
  Id id = 0;
  Id institution_id = 0;
  Id unit_id = 0;
  bool consent = false;
  std::string major_code;
  int cohort = 0;  // class of (graduation year); 0 unknown
  int level = 1;
  SkillSet skills;
  std::vector<std::string> places;  // preferred regions, then the institution's region
  bool willing_to_relocate = true;
  std::vector<std::string> industries2;  // preferred divisions
  std::optional<long> salary_min, salary_max;
  std::vector<std::uint64_t> query;      // sorted distinct term hashes (skills + résumé)
  std::vector<std::string> query_words;  // the same words, in `query` order
};

// Corpus statistics of the posts for BM25, frozen per index generation.
struct TextStats {
  double posts = 0;
  double average_length = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> df;
  double Idf(std::uint64_t term) const;
  // The BM25 weight of one occurrence count in a post of this length.
  double Bm25(double idf, double tf, double length, const Weights& w) const;
};

PostDoc MakePostDoc(const domain::Post& p, bool verified);
StudentDoc MakeStudentDoc(const domain::Student& s, const std::string& institution_region,
                          const Weights& w);

struct Reason {
  std::string component;  // major | required_skills | ... | text
  double weight = 0;      // the component's weight
  double points = 0;      // its contribution to the score
  std::string zh, en;
};

struct Scored {
  double score = 0;
  std::vector<Reason> reasons;  // filled only when explaining
};

// Whether the pair passes the hard constraints; `kind` empty = any kind.
bool Eligible(const StudentDoc& s, const PostDoc& p, int today, std::string_view kind);
// The salary component's fit in [0, 1] (its points are w.salary times it); 0 when the offer or
// the expectation is not stated.
double SalaryFit(const StudentDoc& s, const PostDoc& p);
// The score (and with explain, one reason per component). Pure; the reference and the index
// both call it, so they agree to the last bit. Without explain it allocates nothing.
// `query_idf`, when given, holds stats.Idf of each of s.query (the same numbers, computed once
// per query instead of once per pair).
Scored Score(const StudentDoc& s, const PostDoc& p, const TextStats& stats, const Weights& w,
             bool explain, const double* query_idf = nullptr);

// Key helpers shared by the index: major code → class (4) and category (2).
std::string ClassOf(std::string_view major);
std::string CategoryOf(std::string_view major);

}  // namespace tb::match
