#pragma once
// Accounts and authentication (DESIGN §9): users bound to a role and scope, argon2id
// passwords, server-side sessions with idle and absolute expiry and a CSRF token, API tokens,
// and throttling of failed logins per account and per client address. Sessions and tokens are
// stored hashed in the database, so every server process shares them. Thread-safe.

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/caller.hpp"
#include "core/result.hpp"
#include "store/accounts.hpp"
#include "store/database.hpp"

namespace tb::auth {

struct AuthOptions {
  int idle_minutes = 30;
  int absolute_hours = 12;
  int failure_window_minutes = 15;
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
};

struct NewUser {
  std::string email;
  std::string name;
  std::string password;
  std::string role;
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> unit_id;
  std::optional<domain::Id> organization_id;
  std::optional<domain::Id> student_id;
  std::vector<domain::Id> observer_institutions;
  std::vector<domain::Id> observer_organizations;
  bool demo = false;
};

struct Session {
  std::string token;       // for the cookie; never stored
  std::string csrf_token;  // for the X-CSRF-Token header
  std::string expires_at;  // absolute expiry
  Caller caller;
};

struct Authenticated {
  Caller caller;
  std::string csrf_token;  // empty for API tokens (no CSRF for bearer requests)
};

struct NewToken {
  store::TokenRow row;
  std::string token;  // shown once
};

class AccountService {
 public:
  explicit AccountService(std::shared_ptr<store::Database> db, AuthOptions options = {});

  // The same Unauthenticated error, after about the same time, for an unknown e-mail, a wrong
  // password and a disabled account. Throttled (429) once an account or address has too many
  // recent failures.
  Result<Session> Login(const std::string& email, const std::string& password,
                        const std::string& address, const std::string& request_id);
  Status Logout(const std::string& token, const Caller& caller);
  Result<Authenticated> AuthenticateSession(const std::string& token);
  Result<Authenticated> AuthenticateBearer(const std::string& token);

  // Administration; only a platform admin may do these (others get kForbidden).
  Result<store::UserRow> CreateUser(const Caller& actor, NewUser user);
  Result<std::vector<store::UserRow>> ListUsers(const Caller& actor, domain::Id after, int limit);
  Result<store::UserRow> GetUser(const Caller& actor, domain::Id id);
  Result<store::UserRow> SetDisabled(const Caller& actor, domain::Id id, bool disabled);
  Result<NewToken> CreateToken(const Caller& actor, domain::Id user_id, const std::string& name);
  Result<std::vector<store::TokenRow>> ListTokens(const Caller& actor, domain::Id after, int limit);
  Status RevokeToken(const Caller& actor, domain::Id id);
  Result<std::vector<store::AuditRow>> ListAudit(const Caller& actor, const store::AuditFilter& f,
                                                 domain::Id after, int limit);

  // The Caller a user row stands for.
  static Caller CallerOf(const store::UserRow& user);

 private:
  std::shared_ptr<store::Database> db_;
  AuthOptions options_;
};

// A user as the API and the audit trail show it (never the password hash).
nlohmann::json UserJson(const store::UserRow& user);

// Timestamps `minutes` from `from` ("YYYY-MM-DDTHH:MM:SSZ"), and the seconds between two.
std::string AddMinutes(const std::string& from, long minutes);
long SecondsBetween(const std::string& earlier, const std::string& later);

}  // namespace tb::auth
