-- Accounts, sessions, API tokens, login throttling and the audit trail (DESIGN §1, §9).

INSERT INTO id_sequences (name, next_id) VALUES ('users', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('api_tokens', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('audit_events', 1);
INSERT INTO id_sequences (name, next_id) VALUES ('login_failures', 1);

-- A user has one role and the scope that role is bound to: an institution (institution_admin),
-- a unit (unit_staff; institution_id is the unit's institution), an organization
-- (enterprise_recruiter), a student record (student), or lists of institutions and
-- organizations (observer, JSON arrays of ids).
CREATE TABLE users (
  id BIGINT NOT NULL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  institution_id BIGINT REFERENCES institutions (id),
  unit_id BIGINT REFERENCES units (id),
  organization_id BIGINT REFERENCES organizations (id),
  student_id BIGINT REFERENCES students (id),
  observer_institutions TEXT NOT NULL,
  observer_organizations TEXT NOT NULL,
  disabled SMALLINT NOT NULL,
  demo SMALLINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Server-side sessions; the token itself is only in the client's cookie, stored here hashed.
CREATE TABLE sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bearer tokens for integrations; each acts as its user (and so has that user's scope).
CREATE TABLE api_tokens (
  id BIGINT NOT NULL PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);

-- Failed logins, per account (key 'account:EMAIL') and per client address ('address:IP').
CREATE TABLE login_failures (
  id BIGINT NOT NULL PRIMARY KEY,
  throttle_key TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (throttle_key, at);

-- Append-only: the API offers no way to change or delete a row.
CREATE TABLE audit_events (
  id BIGINT NOT NULL PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_events_entity ON audit_events (entity, entity_id);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at);

-- Demo databases only: the generated demo passwords, printed at every start.
CREATE TABLE demo_logins (
  email TEXT NOT NULL PRIMARY KEY,
  password TEXT NOT NULL
);
