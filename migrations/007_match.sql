-- The hidden true fit of a generated population (talentbridge gen / eval, issue #6): for every
-- generated student and post, the latent field and niche it was drawn from and, for students,
-- how mobile they really are. The matching engine never reads it; `talentbridge eval` scores
-- the engine's rankings against it.
CREATE TABLE match_truth (
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  field SMALLINT NOT NULL,
  niche SMALLINT NOT NULL,
  mobile SMALLINT NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
