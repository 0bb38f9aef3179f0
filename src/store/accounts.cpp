#include "store/accounts.hpp"

#include <nlohmann/json.hpp>

#include "store/repository.hpp"

namespace tb::store {

namespace {

constexpr const char* kUserColumns =
    "id, email, name, password_hash, role, institution_id, unit_id, organization_id, "
    "student_id, observer_institutions, observer_organizations, disabled, demo, created_at, "
    "updated_at";

std::string IdList(const std::vector<domain::Id>& ids) { return nlohmann::json(ids).dump(); }

std::vector<domain::Id> ParseIdList(const std::string& text) {
  std::vector<domain::Id> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array()) {
    for (const auto& v : j) {
      if (v.is_number_integer()) out.push_back(v.get<domain::Id>());
    }
  }
  return out;
}

UserRow MakeUser(const Row& r) {
  UserRow u;
  u.id = r.Int(0);
  u.email = r.Text(1);
  u.name = r.Text(2);
  u.password_hash = r.Text(3);
  u.role = r.Text(4);
  u.institution_id = r.OptInt(5);
  u.unit_id = r.OptInt(6);
  u.organization_id = r.OptInt(7);
  u.student_id = r.OptInt(8);
  u.observer_institutions = ParseIdList(r.Text(9));
  u.observer_organizations = ParseIdList(r.Text(10));
  u.disabled = r.Int(11) != 0;
  u.demo = r.Int(12) != 0;
  u.created_at = r.Text(13);
  u.updated_at = r.Text(14);
  return u;
}

constexpr const char* kTokenColumns =
    "id, token_hash, user_id, name, created_by, created_at, last_used_at, revoked_at";

TokenRow MakeToken(const Row& r) {
  return {r.Int(0),    r.Text(1), r.Int(2),     r.Text(3),
          r.OptInt(4), r.Text(5), r.OptText(6), r.OptText(7)};
}

constexpr const char* kAuditColumns =
    "id, at, actor_user_id, actor, action, entity, entity_id, before_json, after_json, request_id";

AuditRow MakeAudit(const Row& r) {
  return {r.Int(0),  r.Text(1),   r.OptInt(2),  r.Text(3),    r.Text(4),
          r.Text(5), r.OptInt(6), r.OptText(7), r.OptText(8), r.Text(9)};
}

}  // namespace

UserRow InsertUser(Tx& tx, UserRow u, const std::string& now) {
  u.id = tx.NextIds("users");
  u.created_at = now;
  u.updated_at = now;
  tx.Exec(std::string("INSERT INTO users (") + kUserColumns +
              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {P(u.id), P(u.email), P(u.name), P(u.password_hash), P(u.role), P(u.institution_id),
           P(u.unit_id), P(u.organization_id), P(u.student_id), P(IdList(u.observer_institutions)),
           P(IdList(u.observer_organizations)), P(u.disabled), P(u.demo), P(u.created_at),
           P(u.updated_at)});
  tx.LogChange("user", u.id, "create");
  return u;
}

void UpdateUser(Tx& tx, const UserRow& u, const std::string& now) {
  tx.Exec(
      "UPDATE users SET email = ?, name = ?, password_hash = ?, role = ?, institution_id = ?, "
      "unit_id = ?, organization_id = ?, student_id = ?, observer_institutions = ?, "
      "observer_organizations = ?, disabled = ?, updated_at = ? WHERE id = ?",
      {P(u.email), P(u.name), P(u.password_hash), P(u.role), P(u.institution_id), P(u.unit_id),
       P(u.organization_id), P(u.student_id), P(IdList(u.observer_institutions)),
       P(IdList(u.observer_organizations)), P(u.disabled), P(now), P(u.id)});
  tx.LogChange("user", u.id, "update");
}

std::optional<UserRow> GetUser(Tx& tx, domain::Id id) {
  auto rows = tx.Query(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {P(id)});
  if (rows.empty()) return std::nullopt;
  return MakeUser(rows[0]);
}

std::optional<UserRow> FindUserByEmail(Tx& tx, const std::string& email) {
  auto rows =
      tx.Query(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?", {P(email)});
  if (rows.empty()) return std::nullopt;
  return MakeUser(rows[0]);
}

std::vector<UserRow> ListUsers(Tx& tx, domain::Id after, int limit) {
  auto rows = tx.Query(std::string("SELECT ") + kUserColumns +
                           " FROM users WHERE id > ? ORDER BY id LIMIT " + std::to_string(limit),
                       {P(after)});
  std::vector<UserRow> out;
  for (const auto& r : rows) out.push_back(MakeUser(r));
  return out;
}

void InsertSession(Tx& tx, const SessionRow& s) {
  tx.Exec(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {P(s.token_hash), P(s.user_id), P(s.csrf_token), P(s.created_at), P(s.last_seen_at),
       P(s.expires_at)});
}

std::optional<SessionRow> FindSession(Tx& tx, const std::string& token_hash) {
  auto rows = tx.Query(
      "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions "
      "WHERE token_hash = ?",
      {P(token_hash)});
  if (rows.empty()) return std::nullopt;
  const Row& r = rows[0];
  return SessionRow{r.Text(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
}

void TouchSession(Tx& tx, const std::string& token_hash, const std::string& now) {
  tx.Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {P(now), P(token_hash)});
}

void DeleteSession(Tx& tx, const std::string& token_hash) {
  tx.Exec("DELETE FROM sessions WHERE token_hash = ?", {P(token_hash)});
}

void DeleteSessionsOfUser(Tx& tx, domain::Id user_id) {
  tx.Exec("DELETE FROM sessions WHERE user_id = ?", {P(user_id)});
}

TokenRow InsertToken(Tx& tx, TokenRow t) {
  t.id = tx.NextIds("api_tokens");
  tx.Exec(
      std::string("INSERT INTO api_tokens (") + kTokenColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {P(t.id), P(t.token_hash), P(t.user_id), P(t.name), P(t.created_by), P(t.created_at),
       P(t.last_used_at), P(t.revoked_at)});
  return t;
}

std::optional<TokenRow> FindTokenByHash(Tx& tx, const std::string& token_hash) {
  auto rows =
      tx.Query(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE token_hash = ?",
               {P(token_hash)});
  if (rows.empty()) return std::nullopt;
  return MakeToken(rows[0]);
}

std::optional<TokenRow> GetToken(Tx& tx, domain::Id id) {
  auto rows =
      tx.Query(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE id = ?", {P(id)});
  if (rows.empty()) return std::nullopt;
  return MakeToken(rows[0]);
}

std::vector<TokenRow> ListTokens(Tx& tx, domain::Id after, int limit) {
  auto rows =
      tx.Query(std::string("SELECT ") + kTokenColumns +
                   " FROM api_tokens WHERE id > ? ORDER BY id LIMIT " + std::to_string(limit),
               {P(after)});
  std::vector<TokenRow> out;
  for (const auto& r : rows) out.push_back(MakeToken(r));
  return out;
}

void RevokeToken(Tx& tx, domain::Id id, const std::string& now) {
  tx.Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
          {P(now), P(id)});
}

void TouchToken(Tx& tx, domain::Id id, const std::string& now) {
  tx.Exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {P(now), P(id)});
}

domain::Id AddLoginFailure(Tx& tx, const std::string& key, const std::string& now) {
  domain::Id id = tx.NextIds("login_failures");
  tx.Exec("INSERT INTO login_failures (id, throttle_key, at) VALUES (?, ?, ?)",
          {P(id), P(key), P(now)});
  return id;
}

void DeleteLoginFailure(Tx& tx, domain::Id id) {
  tx.Exec("DELETE FROM login_failures WHERE id = ?", {P(id)});
}

std::int64_t CountLoginFailures(Tx& tx, const std::string& key, const std::string& since) {
  return tx
      .QueryInt("SELECT COUNT(*) FROM login_failures WHERE throttle_key = ? AND at >= ?",
                {P(key), P(since)})
      .value_or(0);
}

std::optional<std::string> EarliestLoginFailure(Tx& tx, const std::string& key,
                                                const std::string& since) {
  auto rows = tx.Query("SELECT MIN(at) FROM login_failures WHERE throttle_key = ? AND at >= ?",
                       {P(key), P(since)});
  if (rows.empty()) return std::nullopt;
  return rows[0].OptText(0);
}

void ClearLoginFailures(Tx& tx, const std::string& key) {
  tx.Exec("DELETE FROM login_failures WHERE throttle_key = ?", {P(key)});
}

void PruneLoginFailures(Tx& tx, const std::string& key, const std::string& before) {
  tx.Exec("DELETE FROM login_failures WHERE throttle_key = ? AND at < ?", {P(key), P(before)});
}

void PruneSessions(Tx& tx, const std::string& now, const std::string& idle_before) {
  tx.Exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?",
          {P(now), P(idle_before)});
}

AuditRow AppendAudit(Tx& tx, AuditRow a) {
  a.id = tx.NextIds("audit_events");
  tx.Exec(std::string("INSERT INTO audit_events (") + kAuditColumns +
              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {P(a.id), P(a.at), P(a.actor_user_id), P(a.actor), P(a.action), P(a.entity),
           P(a.entity_id), P(a.before_json), P(a.after_json), P(a.request_id)});
  return a;
}

std::vector<AuditRow> ListAudit(Tx& tx, const AuditFilter& f, domain::Id after, int limit) {
  Where w;
  w.And("id > ?", {P(after)});
  if (f.actor_user_id) w.And("actor_user_id = ?", {P(*f.actor_user_id)});
  if (f.entity) w.And("entity = ?", {P(*f.entity)});
  if (f.entity_id) w.And("entity_id = ?", {P(*f.entity_id)});
  if (f.action) w.And("action = ?", {P(*f.action)});
  if (f.from) w.And("at >= ?", {P(*f.from)});
  if (f.to) w.And("at < ?", {P(*f.to)});
  auto rows = tx.Query(std::string("SELECT ") + kAuditColumns + " FROM audit_events WHERE " +
                           w.sql + " ORDER BY id LIMIT " + std::to_string(limit),
                       w.params);
  std::vector<AuditRow> out;
  for (const auto& r : rows) out.push_back(MakeAudit(r));
  return out;
}

void SaveDemoLogin(Tx& tx, const std::string& email, const std::string& password) {
  tx.Exec(
      "INSERT INTO demo_logins (email, password) VALUES (?, ?) ON CONFLICT (email) DO UPDATE "
      "SET password = excluded.password",
      {P(email), P(password)});
}

std::vector<std::pair<std::string, std::string>> ListDemoLogins(Tx& tx) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : tx.Query("SELECT email, password FROM demo_logins ORDER BY email")) {
    out.emplace_back(r.Text(0), r.Text(1));
  }
  return out;
}

}  // namespace tb::store
