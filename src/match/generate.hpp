#pragma once
// A realistic synthetic population for measuring the matching engine (issue #6):
//   Generate  writes institutions, units, enterprises, N students and M posts — majors, cities,
//             skills, salaries and texts drawn per field of work, Chinese and English — plus the
//             hidden truth (table match_truth: each record's field, niche and real mobility),
//             in big transactions of multi-row INSERTs, with a progress bar on stderr. With
//             the jobs folder of ../shared/data, 70 % of the posts of a niche that real
//             postings name (C++ / back end, Java, front end) carry the title and description
//             of a real 2019 Chinese posting (jobs/zh/*.xlsx; an internship's for an
//             internship), and 10 % of all posts a real English title (jobs/en); the texts
//             are drawn with a random stream of their own, so the rest of the population is
//             the same with or without the folder;
//   Evaluate  ranks the posts for a sample of students with the engine and reports nDCG@10 and
//             recall@50 against the hidden fit, the hard-constraint violations (must be 0), and
//             the same for two baselines (random; same major only, in random order), all
//             three over the posts the student may be shown (verified enterprises, the
//             application rules of the year), so that only the order differs.
// The hidden fit (TrueFit) is what the generator knows and the model does not: same field
// (+1), same niche inside it (+1), for a student who is really not mobile a post in their own
// province (+1); 0 when a hard constraint fails or the salary is far below the expectation.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "match/model.hpp"
#include "store/database.hpp"

namespace tb::match {

struct GenerateOptions {
  std::int64_t students = 1000;
  std::int64_t posts = 1000;
  std::uint64_t seed = 1;
  std::string jobs_dir;  // ../shared/data/jobs when present: real Chinese postings, English titles
  bool progress = true;
};

struct GenerateSummary {
  std::int64_t institutions = 0, organizations = 0, students = 0, posts = 0;
};

Result<GenerateSummary> Generate(store::Database& db, const GenerateOptions& options);

struct EvalOptions {
  std::size_t sample = 300;  // students evaluated
  std::uint64_t seed = 7;
};

struct EvalLine {
  std::string name;
  double ndcg10 = 0;
  double recall50 = 0;
  std::int64_t violations = 0;
};

Result<std::vector<EvalLine>> Evaluate(std::shared_ptr<store::Database> db, const Weights& w,
                                       const EvalOptions& options);
void PrintEval(const std::vector<EvalLine>& lines, std::ostream& out);

}  // namespace tb::match
