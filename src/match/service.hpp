#pragma once
// The matching endpoints behind HTTP and the CLI, with the scope rules of DESIGN §9 applied
// through service/policy (the same ScopeList/CanSee/Mask as the CRUD routes):
//   Recommendations  the posts that fit a student the caller may see (404 otherwise); a
//                    student caller gets only posts of verified enterprises
//   Candidates       the students who fit a post the caller may see, among the students the
//                    caller may see (ScopeList of students; a recruiter only for its own
//                    organization's posts), personal data masked as for the student routes
//   Query            the posts that fit an ad-hoc profile (JSON), validated field by field
// Each item has the score and one reason per model component in Chinese and English.
// Thread-safe; reads the engine's current snapshot and the database.

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "auth/caller.hpp"
#include "core/result.hpp"
#include "match/engine.hpp"
#include "store/database.hpp"

namespace tb::match {

struct RecommendParams {
  std::size_t limit = 20;
  std::string kind;    // "" = any
  std::string region;  // code prefix, "" = anywhere
};

class MatchService {
 public:
  MatchService(std::shared_ptr<store::Database> db, std::shared_ptr<Engine> engine)
      : db_(std::move(db)), engine_(std::move(engine)) {}

  Result<nlohmann::json> Recommendations(const auth::Caller& caller, Id student,
                                         const RecommendParams& params) const;
  Result<nlohmann::json> Candidates(const auth::Caller& caller, Id post, std::size_t limit) const;
  Result<nlohmann::json> Query(const auth::Caller& caller, const nlohmann::json& profile) const;

 private:
  // applicable_year: only posts the student may apply to that year (PostQuery); kAnyClass =
  // the accepted majors without the class rule; 0 = any.
  Result<nlohmann::json> PostItems(const auth::Caller& caller, const StudentDoc& student,
                                   const RecommendParams& params, int applicable_year) const;

  std::shared_ptr<store::Database> db_;
  std::shared_ptr<Engine> engine_;
};

// "具备…；同城岗位" / "...; same city": the components that added points, largest first.
nlohmann::json Summary(const std::vector<Reason>& reasons);
nlohmann::json ReasonsJson(const std::vector<Reason>& reasons);

}  // namespace tb::match
