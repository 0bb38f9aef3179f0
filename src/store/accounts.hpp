#pragma once
// Persistence of accounts, sessions, API tokens, failed logins, the audit trail and the demo
// logins (migrations/002_accounts.sql). Plain rows; the rules live in the auth module.

#include <optional>
#include <string>
#include <vector>

#include "domain/entity.hpp"
#include "store/database.hpp"

namespace tb::store {

struct UserRow {
  domain::Id id = 0;
  std::string email;
  std::string name;
  std::string password_hash;
  std::string role;
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> unit_id;
  std::optional<domain::Id> organization_id;
  std::optional<domain::Id> student_id;
  std::vector<domain::Id> observer_institutions;
  std::vector<domain::Id> observer_organizations;
  bool disabled = false;
  bool demo = false;
  std::string created_at;
  std::string updated_at;
};

struct SessionRow {
  std::string token_hash;
  domain::Id user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
};

struct TokenRow {
  domain::Id id = 0;
  std::string token_hash;
  domain::Id user_id = 0;
  std::string name;
  std::optional<domain::Id> created_by;
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};

struct AuditRow {
  domain::Id id = 0;
  std::string at;
  std::optional<domain::Id> actor_user_id;
  std::string actor;
  std::string action;  // create | update | delete | export | login | logout | ...
  std::string entity;
  std::optional<domain::Id> entity_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  std::string request_id;
};

struct AuditFilter {
  std::optional<domain::Id> actor_user_id;
  std::optional<std::string> entity;
  std::optional<domain::Id> entity_id;
  std::optional<std::string> action;
  std::optional<std::string> from;  // at >= from (timestamp or date)
  std::optional<std::string> to;    // at < to
};

UserRow InsertUser(Tx& tx, UserRow user, const std::string& now);
void UpdateUser(Tx& tx, const UserRow& user, const std::string& now);
std::optional<UserRow> GetUser(Tx& tx, domain::Id id);
std::optional<UserRow> FindUserByEmail(Tx& tx, const std::string& email);
std::vector<UserRow> ListUsers(Tx& tx, domain::Id after, int limit);

void InsertSession(Tx& tx, const SessionRow& session);
std::optional<SessionRow> FindSession(Tx& tx, const std::string& token_hash);
void TouchSession(Tx& tx, const std::string& token_hash, const std::string& now);
void DeleteSession(Tx& tx, const std::string& token_hash);
void DeleteSessionsOfUser(Tx& tx, domain::Id user_id);

TokenRow InsertToken(Tx& tx, TokenRow token);
std::optional<TokenRow> FindTokenByHash(Tx& tx, const std::string& token_hash);
std::optional<TokenRow> GetToken(Tx& tx, domain::Id id);
std::vector<TokenRow> ListTokens(Tx& tx, domain::Id after, int limit);
void RevokeToken(Tx& tx, domain::Id id, const std::string& now);
void TouchToken(Tx& tx, domain::Id id, const std::string& now);

// Records a failure and returns its id.
domain::Id AddLoginFailure(Tx& tx, const std::string& key, const std::string& now);
void DeleteLoginFailure(Tx& tx, domain::Id id);
// Failures of `key` at or after `since`, and the earliest of them.
std::int64_t CountLoginFailures(Tx& tx, const std::string& key, const std::string& since);
std::optional<std::string> EarliestLoginFailure(Tx& tx, const std::string& key,
                                                const std::string& since);
void ClearLoginFailures(Tx& tx, const std::string& key);
// Housekeeping: failures older than `before`, and sessions expired by `now` or idle since before
// `idle_before`.
void PruneLoginFailures(Tx& tx, const std::string& key, const std::string& before);
void PruneSessions(Tx& tx, const std::string& now, const std::string& idle_before);

AuditRow AppendAudit(Tx& tx, AuditRow row);
std::vector<AuditRow> ListAudit(Tx& tx, const AuditFilter& filter, domain::Id after, int limit);

void SaveDemoLogin(Tx& tx, const std::string& email, const std::string& password);
std::vector<std::pair<std::string, std::string>> ListDemoLogins(Tx& tx);

}  // namespace tb::store
