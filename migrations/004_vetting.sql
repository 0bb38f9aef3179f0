-- Enterprise vetting: the normalized name (full-width/half-width, case, spaces, punctuation and
-- the legal-form suffix removed) under which likely duplicates are found.

ALTER TABLE organizations ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX organizations_name_key ON organizations (name_key);
