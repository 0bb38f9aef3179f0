-- Canonical skills of each post (issue #6), one row per post, kind and skill: the required
-- (kind 1) and preferred (kind 2) skills of posts.required_skills / preferred_skills folded by
-- the matching engine's synonym dictionary ("C/C++" -> c, c++; "cpp" -> c++), the normalized
-- table an ordinary application keeps so that SQL can compare skills. Written by the generator
-- (talentbridge gen) for the benchmark's SQL peer (store::NaiveTopPosts); the engine itself
-- reads the posts' own lists.
CREATE TABLE match_post_skills (
  post_id BIGINT NOT NULL,
  kind SMALLINT NOT NULL,
  skill TEXT NOT NULL,
  PRIMARY KEY (post_id, kind, skill)
);
