-- Foundation schema: reference data, institutions, organizations, contacts, students, posts.
-- Portable SQL: runs unchanged on SQLite 3.40 and PostgreSQL 15. Ids are assigned by the
-- application from id_sequences (see store/database.hpp); times are UTC ISO-8601 text;
-- booleans are 0/1 SMALLINTs; lists are JSON arrays in TEXT columns.

CREATE TABLE id_sequences (
  name TEXT NOT NULL PRIMARY KEY,
  next_id BIGINT NOT NULL
);

INSERT INTO id_sequences (name, next_id) VALUES ('change_log', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('institutions', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('units', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('organizations', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('organization_relations', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('contacts', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('students', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('posts', 1);

CREATE TABLE change_log (
  id BIGINT NOT NULL PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  op TEXT NOT NULL,
  at TEXT NOT NULL
);

CREATE TABLE regions (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  level SMALLINT NOT NULL,
  parent_code TEXT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE majors (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  class_code TEXT NOT NULL,
  class_name TEXT NOT NULL,
  category_code TEXT NOT NULL,
  category_name TEXT NOT NULL,
  level TEXT NOT NULL,
  edition TEXT NOT NULL
);
CREATE INDEX majors_class ON majors (class_code);

CREATE TABLE industries (
  code TEXT NOT NULL PRIMARY KEY,
  level SMALLINT NOT NULL,
  section TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_code TEXT NOT NULL
);
CREATE INDEX industries_section ON industries (section);

CREATE TABLE institutions (
  id BIGINT NOT NULL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  region_code TEXT NOT NULL,
  website TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE units (
  id BIGINT NOT NULL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  platform_level TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (institution_id, name)
);

CREATE TABLE organizations (
  id BIGINT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  credit_code TEXT UNIQUE,
  ownership TEXT NOT NULL,
  size TEXT NOT NULL,
  industry_code TEXT,
  region_code TEXT,
  address TEXT NOT NULL,
  website TEXT NOT NULL,
  description TEXT NOT NULL,
  tags TEXT NOT NULL,
  verified SMALLINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX organizations_kind ON organizations (kind);
CREATE INDEX organizations_region ON organizations (region_code);
CREATE INDEX organizations_industry ON organizations (industry_code);

CREATE TABLE organization_relations (
  id BIGINT NOT NULL PRIMARY KEY,
  from_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  to_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (from_id, kind, to_id)
);
CREATE INDEX organization_relations_to ON organization_relations (to_id, kind);

CREATE TABLE contacts (
  id BIGINT NOT NULL PRIMARY KEY,
  organization_id BIGINT REFERENCES organizations (id),
  unit_id BIGINT REFERENCES units (id),
  name TEXT NOT NULL,
  title TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_organization ON contacts (organization_id);

CREATE TABLE students (
  id BIGINT NOT NULL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institutions (id),
  unit_id BIGINT NOT NULL REFERENCES units (id),
  student_no TEXT NOT NULL,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  major_code TEXT NOT NULL,
  level TEXT NOT NULL,
  cohort INTEGER NOT NULL,
  phone TEXT,
  id_number TEXT,
  email TEXT,
  skills TEXT NOT NULL,
  preferred_regions TEXT NOT NULL,
  preferred_industries TEXT NOT NULL,
  expected_salary_min BIGINT,
  expected_salary_max BIGINT,
  willing_to_relocate SMALLINT NOT NULL,
  resume TEXT NOT NULL,
  talent_search_consent SMALLINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (institution_id, student_no)
);
CREATE INDEX students_unit ON students (unit_id);
CREATE INDEX students_major ON students (major_code);

CREATE TABLE posts (
  id BIGINT NOT NULL PRIMARY KEY,
  organization_id BIGINT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  headcount BIGINT NOT NULL,
  accepted_majors TEXT NOT NULL,
  min_level TEXT NOT NULL,
  required_skills TEXT NOT NULL,
  preferred_skills TEXT NOT NULL,
  region_code TEXT NOT NULL,
  industry_code TEXT,
  salary_min BIGINT,
  salary_max BIGINT,
  description TEXT NOT NULL,
  open_date TEXT,
  close_date TEXT,
  status TEXT NOT NULL,
  source_activity_id BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX posts_organization ON posts (organization_id);
CREATE INDEX posts_region ON posts (region_code);
CREATE INDEX posts_status ON posts (status);
