#pragma once
// The canonical skills of posts in table match_post_skills (migration 008), which SQL reads to
// compare skills (store::NaiveTopPosts). They are derived from a post's required and preferred
// lists by the synonym dictionary (text/skills.hpp), the one the matching engine uses.
//
// Why here: store may use only domain (DESIGN §4), so it cannot fold skills itself, and match,
// where the engine lives, sits above service. The service layer is the lowest module that
// reaches both the dictionary (text) and the table (store): it computes the rows and hands
// them to store::ReplacePostSkills in the transaction of the post's write. EntityService<Post>
// calls it on every create, update and delete; writers that use the repository directly (the
// demo, the generator) call it too. Stateless; every function runs in the caller's transaction.

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"
#include "store/database.hpp"
#include "store/match_source.hpp"

namespace tb::service {

// The rows of `post` (kind 1 required, 2 preferred; each canonical skill once per kind).
std::vector<store::PostSkillRow> PostSkillRows(const domain::Post& post);

// Replaces the rows of a stored post by those of its current lists.
void WritePostSkills(store::Tx& tx, const domain::Post& post);
// Removes the rows of a deleted post.
void DeletePostSkills(store::Tx& tx, domain::Id post_id);

// Writes the rows of the posts that list skills but have none (stored before the table was
// kept in step); returns how many posts were filled.
Result<std::int64_t> BackfillPostSkills(store::Database& db);

}  // namespace tb::service
