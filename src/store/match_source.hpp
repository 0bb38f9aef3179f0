#pragma once
// What the matching engine (src/match) reads: students with their institution's region, posts
// with their organization's verified flag, in batches, and the change_log entries after a
// given one (so every server process can follow the writes of every other).
// Stateless; every function runs in the caller's transaction.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "store/change_log.hpp"
#include "store/database.hpp"

namespace tb::store {

struct MatchStudentRow {
  domain::Student student;
  std::string institution_region;
};

struct MatchPostRow {
  domain::Post post;
  bool verified = false;
};

// Every student / post, `batch` rows at a time in id order.
void ForEachMatchStudent(Tx& tx, int batch,
                         const std::function<void(std::vector<MatchStudentRow>&&)>& fn);
void ForEachMatchPost(Tx& tx, int batch,
                      const std::function<void(std::vector<MatchPostRow>&&)>& fn);
// The named records that exist (deleted ones are simply absent).
std::vector<MatchStudentRow> LoadMatchStudents(Tx& tx, const std::vector<domain::Id>& ids);
std::vector<MatchPostRow> LoadMatchPosts(Tx& tx, const std::vector<domain::Id>& ids);
// Ids of the posts of these organizations and of the students of these institutions.
std::vector<domain::Id> PostIdsOfOrganizations(Tx& tx, const std::vector<domain::Id>& orgs);
std::vector<domain::Id> StudentIdsOfInstitutions(Tx& tx, const std::vector<domain::Id>& ids);
// The students who applied to any post of this organization, sorted (a recruiter sees them,
// DESIGN §9).
std::vector<domain::Id> ApplicantsOfOrganization(Tx& tx, domain::Id organization_id);

// Bulk writes of the generator: ids reserved in one block, rows in multi-row INSERTs. No
// change_log entries (a generated database is indexed when a server starts on it).
template <class T>
void InsertMany(Tx& tx, std::vector<T>& values, const std::string& now);

struct TruthRow {
  std::string entity;  // student | post
  domain::Id entity_id = 0;
  int field = 0;
  int niche = 0;
  bool mobile = true;
};
void InsertTruth(Tx& tx, const std::vector<TruthRow>& rows);

// Canonical skills of posts (table match_post_skills, migration 008): kind 1 required, 2
// preferred. The rows are computed by service::PostSkillRows (the synonym dictionary is above
// store); every write of a post keeps them in step in its transaction.
struct PostSkillRow {
  domain::Id post_id = 0;
  int kind = 1;
  std::string skill;
};
void InsertPostSkills(Tx& tx, const std::vector<PostSkillRow>& rows);
// Replaces the rows of post `post_id` by `rows` (all of that post; none = the post has no
// skills, or is deleted).
void ReplacePostSkills(Tx& tx, domain::Id post_id, const std::vector<PostSkillRow>& rows);
// Posts that list skills but have no row in match_post_skills (stored before the table was
// kept in step, or by other writers), in id order.
std::vector<domain::Post> PostsWithoutSkillRows(Tx& tx);
std::vector<TruthRow> LoadTruth(Tx& tx);

// The benchmark's peer (bench/): the top posts for a profile computed in SQL the way an
// ordinary web application would write it, over every post, by the model of match/model.hpp
// without text relevance: a CASE per component (LIKE on the JSON list of accepted majors;
// the canonical skills of table match_post_skills counted by correlated subqueries; prefixes
// of the region and industry codes; the salary fit), the hard constraints in WHERE, then
// ORDER BY score DESC, id LIMIT n. Every weight and the profile are parameters.
struct NaiveProfile {
  std::string major_code;
  std::vector<std::string> levels;                         // the post levels the student may take
  std::vector<std::string> skills;                         // canonical names (match::MakeSkillSet)
  std::vector<std::string> cities, provinces, industries;  // 4-, 2- and 2-digit prefixes
  bool willing_to_relocate = true;
  std::int64_t expected_salary = 0;  // 0 = none stated
  std::string today;                 // YYYY-MM-DD
};
struct NaiveWeights {
  double exact, cls, category, any, required, preferred, city, province, industry, salary;
};
std::vector<std::pair<domain::Id, double>> NaiveTopPosts(Tx& tx, const NaiveProfile& p,
                                                         const NaiveWeights& w, int limit);

}  // namespace tb::store
