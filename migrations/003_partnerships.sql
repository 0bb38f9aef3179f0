-- Partnerships (issue #4): campaigns and their targets, activities and their outcome lines in
-- the shape of the provincial "visit enterprises, expand posts" data standard. Portable SQL as
-- in 001_foundation.sql.

INSERT INTO id_sequences (name, next_id) VALUES ('campaigns', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('campaign_targets', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('activities', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('activity_outcomes', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('activity_participants', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('activity_tasks', 1);

CREATE TABLE campaigns (
  id BIGINT NOT NULL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (institution_id, name)
);

-- A target is for one unit (unit_id) or for one leader (leader_name, leader_title).
CREATE TABLE campaign_targets (
  id BIGINT NOT NULL PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  unit_id BIGINT REFERENCES units (id),
  leader_name TEXT NOT NULL,
  leader_title TEXT NOT NULL,
  visits BIGINT NOT NULL,
  employers BIGINT NOT NULL,
  posts BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX campaign_targets_campaign ON campaign_targets (campaign_id);

-- A campaign with activities cannot be deleted (no cascade): the foreign key refuses it.
CREATE TABLE activities (
  id BIGINT NOT NULL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  kind TEXT NOT NULL,
  campaign_id BIGINT REFERENCES campaigns (id),
  unit_id BIGINT REFERENCES units (id),
  organization_id BIGINT REFERENCES organizations (id),
  date TEXT NOT NULL,
  place TEXT NOT NULL,
  host TEXT NOT NULL,
  leader_name TEXT NOT NULL,
  leader_title TEXT NOT NULL,
  receiver_name TEXT NOT NULL,
  receiver_title TEXT NOT NULL,
  topics TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activities_institution ON activities (institution_id, date);
CREATE INDEX activities_campaign ON activities (campaign_id, date);
CREATE INDEX activities_organization ON activities (organization_id);

CREATE TABLE activity_outcomes (
  id BIGINT NOT NULL PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  major_code TEXT NOT NULL,
  level TEXT NOT NULL,
  posts_offered BIGINT NOT NULL,
  average_pay BIGINT,
  interns_accepted BIGINT NOT NULL,
  intern_pay BIGINT,
  hires_planned BIGINT NOT NULL,
  starting_salary BIGINT,
  other_cooperation TEXT NOT NULL,
  main_result_form TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activity_outcomes_activity ON activity_outcomes (activity_id);
CREATE INDEX activity_outcomes_organization ON activity_outcomes (organization_id);

-- Exactly one of organization_id, unit_id, contact_id is set.
CREATE TABLE activity_participants (
  id BIGINT NOT NULL PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  organization_id BIGINT REFERENCES organizations (id),
  unit_id BIGINT REFERENCES units (id),
  contact_id BIGINT REFERENCES contacts (id),
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activity_participants_activity ON activity_participants (activity_id);
CREATE INDEX activity_participants_organization ON activity_participants (organization_id);

CREATE TABLE activity_tasks (
  id BIGINT NOT NULL PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_date TEXT,
  done SMALLINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX activity_tasks_activity ON activity_tasks (activity_id);

CREATE INDEX posts_source_activity ON posts (source_activity_id);
