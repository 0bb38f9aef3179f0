#include "service/post_skills.hpp"

#include <set>
#include <string>

#include "text/skills.hpp"

namespace tb::service {

std::vector<store::PostSkillRow> PostSkillRows(const domain::Post& post) {
  std::vector<store::PostSkillRow> out;
  for (auto [kind, entries] : {std::pair{1, &post.required_skills}, {2, &post.preferred_skills}}) {
    std::set<std::string> names;
    for (const auto& entry : *entries) {
      for (auto& name : text::CanonicalSkills(entry)) names.insert(std::move(name));
    }
    for (const auto& name : names) out.push_back({post.id, kind, name});
  }
  return out;
}

void WritePostSkills(store::Tx& tx, const domain::Post& post) {
  store::ReplacePostSkills(tx, post.id, PostSkillRows(post));
}

void DeletePostSkills(store::Tx& tx, domain::Id post_id) {
  store::ReplacePostSkills(tx, post_id, {});
}

Result<std::int64_t> BackfillPostSkills(store::Database& db) {
  return db.Write([](store::Tx& tx) -> Result<std::int64_t> {
    std::int64_t filled = 0;
    for (const auto& post : store::PostsWithoutSkillRows(tx)) {
      auto rows = PostSkillRows(post);
      if (rows.empty()) continue;  // lists of blank entries: nothing to store
      store::InsertPostSkills(tx, rows);
      ++filled;
    }
    return filled;
  });
}

}  // namespace tb::service
