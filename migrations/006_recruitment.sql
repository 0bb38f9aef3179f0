-- Recruitment (issue #5): applications with their transitions and tripartite confirmations,
-- events (activities of kind job_fair, livestream, group_interview) with their settings,
-- participating institutions, featured posts, registrations, interview slots, and graduates'
-- destinations. Portable SQL as in 001_foundation.sql.

INSERT INTO id_sequences (name, next_id) VALUES ('applications', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('application_transitions', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('event_registrations', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('event_slots', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('destinations', 1);

-- The student's institution and unit and the post's organization are copied in, so that every
-- scope filter is one indexed comparison (and the table can be distributed by institution).
CREATE TABLE applications (
  id BIGINT NOT NULL PRIMARY KEY,
  student_id BIGINT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
  post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  post_kind TEXT NOT NULL,
  event_id BIGINT REFERENCES activities (id),
  state TEXT NOT NULL,
  intention_kind TEXT,
  follow_up SMALLINT NOT NULL,
  student_confirmed_at TEXT,
  enterprise_confirmed_at TEXT,
  institution_confirmed_at TEXT,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (student_id, post_id)
);
CREATE INDEX applications_post ON applications (post_id);
CREATE INDEX applications_organization ON applications (organization_id, state);
CREATE INDEX applications_institution ON applications (institution_id, unit_id);
CREATE INDEX applications_event ON applications (event_id);

CREATE TABLE application_transitions (
  id BIGINT NOT NULL PRIMARY KEY,
  application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_user_id BIGINT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_label TEXT NOT NULL,
  note TEXT NOT NULL,
  intention_kind TEXT,
  follow_up SMALLINT NOT NULL,
  event_id BIGINT,
  at TEXT NOT NULL
);
CREATE INDEX application_transitions_application ON application_transitions (application_id, id);
CREATE INDEX application_transitions_event ON application_transitions (event_id, to_state);

-- Settings of an event; id = the activity's id. A national livestream has participants that
-- are not on the platform: they are counted (external_*), not listed.
CREATE TABLE events (
  id BIGINT NOT NULL PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
  capacity BIGINT,
  stream_url TEXT,
  starts_at TEXT,
  ends_at TEXT,
  external_enterprises BIGINT NOT NULL DEFAULT 0,
  external_institutions BIGINT NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE event_institutions (
  event_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  PRIMARY KEY (event_id, institution_id)
);

CREATE TABLE event_posts (
  event_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, post_id)
);

-- status: registered | waitlisted | checked_in | cancelled; position orders the waiting list.
CREATE TABLE event_registrations (
  id BIGINT NOT NULL PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  student_id BIGINT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  checked_in_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (event_id, student_id),
  UNIQUE (event_id, code)
);
CREATE INDEX event_registrations_status ON event_registrations (event_id, status, position);

CREATE TABLE event_slots (
  id BIGINT NOT NULL PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  room TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  application_id BIGINT REFERENCES applications (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX event_slots_event ON event_slots (event_id, starts_at);

CREATE TABLE destinations (
  id BIGINT NOT NULL PRIMARY KEY,
  student_id BIGINT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  cohort BIGINT NOT NULL,
  major_code TEXT NOT NULL,
  category TEXT NOT NULL,
  employer_name TEXT NOT NULL,
  employer_credit_code TEXT,
  organization_id BIGINT REFERENCES organizations (id),
  region_code TEXT,
  industry_code TEXT,
  salary BIGINT,
  evidence_file TEXT,
  evidence_type TEXT,
  status TEXT NOT NULL,
  verified_by BIGINT,
  verified_at TEXT,
  registered_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (student_id)
);
CREATE INDEX destinations_scope ON destinations (institution_id, cohort, unit_id);
CREATE INDEX destinations_credit_code ON destinations (employer_credit_code);
