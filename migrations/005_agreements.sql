-- Agreements and cooperation platforms (issue #4): the agreement with its main counterpart,
-- further parties, the recorded transitions of its lifecycle, and the attached documents (their
-- bytes live on disk under the files directory; this table holds what describes and verifies
-- them). Portable SQL as in 001_foundation.sql.

INSERT INTO id_sequences (name, next_id) VALUES ('agreements', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('agreement_parties', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('agreement_transitions', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('agreement_documents', 1);

CREATE TABLE agreements (
  id BIGINT NOT NULL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  unit_id BIGINT REFERENCES units (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  title TEXT NOT NULL,
  scopes TEXT NOT NULL,
  modes TEXT NOT NULL,
  intern_quota BIGINT,
  hire_quota BIGINT,
  place_quota BIGINT,
  start_date TEXT,
  end_date TEXT,
  signed_on TEXT,
  signed_activity_id BIGINT REFERENCES activities (id),
  status TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agreements_institution ON agreements (institution_id, status);
CREATE INDEX agreements_organization ON agreements (organization_id);
CREATE INDEX agreements_end_date ON agreements (end_date);

-- Exactly one of organization_id, unit_id is set.
CREATE TABLE agreement_parties (
  id BIGINT NOT NULL PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  organization_id BIGINT REFERENCES organizations (id),
  unit_id BIGINT REFERENCES units (id),
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agreement_parties_agreement ON agreement_parties (agreement_id);
CREATE INDEX agreement_parties_organization ON agreement_parties (organization_id);

CREATE TABLE agreement_transitions (
  id BIGINT NOT NULL PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_user_id BIGINT,
  actor TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agreement_transitions_agreement ON agreement_transitions (agreement_id);

CREATE TABLE agreement_documents (
  id BIGINT NOT NULL PRIMARY KEY,
  agreement_id BIGINT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  storage_key TEXT NOT NULL,
  uploaded_by BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agreement_documents_agreement ON agreement_documents (agreement_id);
