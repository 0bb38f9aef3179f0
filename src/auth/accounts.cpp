#include "auth/accounts.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "auth/audit.hpp"
#include "auth/password.hpp"
#include "core/time.hpp"
#include "core/validate.hpp"
#include "domain/entities.hpp"
#include "store/repository.hpp"

namespace tb::auth {

namespace {

std::time_t ParseTimestamp(const std::string& ts) {
  std::tm tm{};
  if (ts.size() < 19) return 0;
  tm.tm_year = std::stoi(ts.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(ts.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(ts.substr(8, 2));
  tm.tm_hour = std::stoi(ts.substr(11, 2));
  tm.tm_min = std::stoi(ts.substr(14, 2));
  tm.tm_sec = std::stoi(ts.substr(17, 2));
  return timegm(&tm);
}

std::string FormatTimestamp(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const Error kBadCredentials = Error::Unauthenticated("e-mail or password is wrong");

Status RequireAdmin(const Caller& actor) {
  if (actor.Is(Role::kPlatformAdmin)) return {};
  return Error::Forbidden("only a platform administrator may manage accounts, tokens and audit");
}

// Fills the scope a role needs and checks that its records exist; unit staff and students take
// their institution (and unit) from the record they are bound to.
Status ResolveScope(store::Tx& tx, Role role, store::UserRow& u) {
  auto missing = [](const char* field, const char* role_name) {
    return Error::Unprocessable("the role needs a scope",
                                {{field, std::string("is required for role ") + role_name}});
  };
  auto unknown = [](const char* field, domain::Id id) {
    return Error::Unprocessable("the scope refers to nothing",
                                {{field, "no record with id " + std::to_string(id)}});
  };
  switch (role) {
    case Role::kPlatformAdmin:
      u.institution_id.reset();
      u.unit_id.reset();
      u.organization_id.reset();
      u.student_id.reset();
      return {};
    case Role::kInstitutionAdmin:
      if (!u.institution_id) return missing("institution_id", "institution_admin");
      if (!store::Repository<domain::Institution>::Exists(tx, *u.institution_id)) {
        return unknown("institution_id", *u.institution_id);
      }
      return {};
    case Role::kUnitStaff: {
      if (!u.unit_id) return missing("unit_id", "unit_staff");
      auto unit = store::Repository<domain::Unit>::Get(tx, *u.unit_id);
      if (!unit.ok()) return unknown("unit_id", *u.unit_id);
      u.institution_id = unit->institution_id;
      return {};
    }
    case Role::kEnterpriseRecruiter:
      if (!u.organization_id) return missing("organization_id", "enterprise_recruiter");
      if (!store::Repository<domain::Organization>::Exists(tx, *u.organization_id)) {
        return unknown("organization_id", *u.organization_id);
      }
      return {};
    case Role::kStudent: {
      if (!u.student_id) return missing("student_id", "student");
      auto student = store::Repository<domain::Student>::Get(tx, *u.student_id);
      if (!student.ok()) return unknown("student_id", *u.student_id);
      u.institution_id = student->institution_id;
      u.unit_id = student->unit_id;
      return {};
    }
    case Role::kObserver:
      if (u.observer_institutions.empty() && u.observer_organizations.empty()) {
        return missing("observer_institutions", "observer (institutions and/or organizations)");
      }
      for (auto id : u.observer_institutions) {
        if (!store::Repository<domain::Institution>::Exists(tx, id)) {
          return unknown("observer_institutions", id);
        }
      }
      for (auto id : u.observer_organizations) {
        if (!store::Repository<domain::Organization>::Exists(tx, id)) {
          return unknown("observer_organizations", id);
        }
      }
      return {};
  }
  return {};
}

}  // namespace

nlohmann::json UserJson(const store::UserRow& u) {
  auto opt = [](const std::optional<domain::Id>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", u.role},
          {"institution_id", opt(u.institution_id)},
          {"unit_id", opt(u.unit_id)},
          {"organization_id", opt(u.organization_id)},
          {"student_id", opt(u.student_id)},
          {"observer_institutions", u.observer_institutions},
          {"observer_organizations", u.observer_organizations},
          {"disabled", u.disabled},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

std::string AddMinutes(const std::string& from, long minutes) {
  return FormatTimestamp(ParseTimestamp(from) + minutes * 60);
}

long SecondsBetween(const std::string& earlier, const std::string& later) {
  return static_cast<long>(ParseTimestamp(later) - ParseTimestamp(earlier));
}

AccountService::AccountService(std::shared_ptr<store::Database> db, AuthOptions options)
    : db_(std::move(db)), options_(options) {}

Caller AccountService::CallerOf(const store::UserRow& u) {
  Caller c;
  c.user_id = u.id;
  c.email = u.email;
  c.role = ParseRole(u.role).ok() ? *ParseRole(u.role) : Role::kObserver;
  c.institution_id = u.institution_id;
  c.unit_id = u.unit_id;
  c.organization_id = u.organization_id;
  c.student_id = u.student_id;
  c.observer_institutions = u.observer_institutions;
  c.observer_organizations = u.observer_organizations;
  return c;
}

Result<Session> AccountService::Login(const std::string& raw_email, const std::string& password,
                                      const std::string& address, const std::string& request_id) {
  std::string email = Lower(raw_email);
  std::string now = core::NowUtc();
  std::string since = AddMinutes(now, -options_.failure_window_minutes);
  std::string account_key = "account:" + email;
  std::string address_key = "address:" + address;

  // Every attempt is first recorded as a failure, in the same write transaction that counts
  // the recent ones, so parallel guesses cannot slip past the limit; a successful login takes
  // its record back. Throttled attempts cost no password work.
  struct Reserved {
    int wait = 0;  // seconds to wait when throttled
    domain::Id address_failure = 0;
  };
  auto reserved = db_->Write([&](store::Tx& tx) -> Result<Reserved> {
    if (tx.backend() == store::Backend::kPostgres) {
      // SQLite's write transactions are exclusive already.
      tx.Exec("SELECT pg_advisory_xact_lock(hashtext(?))", {store::P(account_key)});
      tx.Exec("SELECT pg_advisory_xact_lock(hashtext(?))", {store::P(address_key)});
    }
    for (auto [key, limit] : {std::pair{account_key, options_.max_failures_per_account},
                              std::pair{address_key, options_.max_failures_per_address}}) {
      store::PruneLoginFailures(tx, key, since);
      if (store::CountLoginFailures(tx, key, since) >= limit) {
        auto earliest = store::EarliestLoginFailure(tx, key, since).value_or(now);
        long wait = options_.failure_window_minutes * 60L - SecondsBetween(earliest, now);
        return Reserved{static_cast<int>(std::max(1L, wait)), 0};
      }
    }
    store::AddLoginFailure(tx, account_key, now);
    return Reserved{0, store::AddLoginFailure(tx, address_key, now)};
  });
  if (!reserved.ok()) return reserved.error();
  if (reserved->wait > 0) {
    return Error::Throttled(
        "too many failed logins; try again in " + std::to_string(reserved->wait) + " seconds",
        reserved->wait);
  }

  auto user = db_->Read([&](store::Tx& tx) -> Result<std::optional<store::UserRow>> {
    return store::FindUserByEmail(tx, email);
  });
  if (!user.ok()) return user.error();
  bool valid = false;
  if (*user && !(*user)->disabled) {
    valid = VerifyPassword(password, (*user)->password_hash);
  } else {
    VerifyDummyPassword(password);  // same work as a real check: no user enumeration by time
  }
  if (!valid) return kBadCredentials;  // the recorded failures stay

  Session session;
  session.token = RandomToken();
  session.csrf_token = RandomToken();
  session.expires_at = AddMinutes(now, options_.absolute_hours * 60L);
  session.caller = CallerOf(**user);
  session.caller.request_id = request_id;
  auto stored = db_->Write([&](store::Tx& tx) -> Status {
    store::InsertSession(tx, {HashToken(session.token), (*user)->id, session.csrf_token, now, now,
                              session.expires_at});
    store::ClearLoginFailures(tx, account_key);
    store::DeleteLoginFailure(tx, reserved->address_failure);
    store::PruneSessions(tx, now, AddMinutes(now, -options_.idle_minutes));
    Audit(tx, session.caller, "login", "user", (*user)->id, std::nullopt, std::nullopt, now);
    return {};
  });
  if (!stored.ok()) return stored.error();
  return session;
}

Status AccountService::Logout(const std::string& token, const Caller& caller) {
  return db_->Write([&](store::Tx& tx) -> Status {
    store::DeleteSession(tx, HashToken(token));
    Audit(tx, caller, "logout", "user", caller.user_id, std::nullopt, std::nullopt, core::NowUtc());
    return {};
  });
}

Result<Authenticated> AccountService::AuthenticateSession(const std::string& token) {
  std::string hash = HashToken(token);
  std::string now = core::NowUtc();
  struct Found {
    store::SessionRow session;
    store::UserRow user;
  };
  auto found = db_->Read([&](store::Tx& tx) -> Result<Found> {
    auto s = store::FindSession(tx, hash);
    if (!s) return Error::Unauthenticated("not logged in (no such session)");
    auto u = store::GetUser(tx, s->user_id);
    if (!u || u->disabled) return Error::Unauthenticated("the account is disabled");
    return Found{*s, *u};
  });
  if (!found.ok()) return found.error();
  const auto& s = found->session;
  bool expired = s.expires_at <= now || AddMinutes(s.last_seen_at, options_.idle_minutes) <= now;
  if (expired) {
    (void)db_->Write([&](store::Tx& tx) -> Status {
      store::DeleteSession(tx, hash);
      return {};
    });
    return Error::Unauthenticated("the session has expired; log in again");
  }
  if (SecondsBetween(s.last_seen_at, now) >= 60) {  // idle clock, written at most once a minute
    auto touched = db_->Write([&](store::Tx& tx) -> Status {
      store::TouchSession(tx, hash, now);
      return {};
    });
    if (!touched.ok()) return touched.error();
  }
  return Authenticated{CallerOf(found->user), s.csrf_token};
}

Result<Authenticated> AccountService::AuthenticateBearer(const std::string& token) {
  std::string hash = HashToken(token);
  auto found = db_->Read([&](store::Tx& tx) -> Result<std::pair<store::TokenRow, store::UserRow>> {
    auto t = store::FindTokenByHash(tx, hash);
    if (!t || t->revoked_at) return Error::Unauthenticated("the API token is unknown or revoked");
    auto u = store::GetUser(tx, t->user_id);
    if (!u || u->disabled) return Error::Unauthenticated("the token's account is disabled");
    return std::pair{*t, *u};
  });
  if (!found.ok()) return found.error();
  std::string now = core::NowUtc();
  const auto& t = found->first;
  if (!t.last_used_at || SecondsBetween(*t.last_used_at, now) >= 60) {
    (void)db_->Write([&](store::Tx& tx) -> Status {
      store::TouchToken(tx, t.id, now);
      return {};
    });
  }
  Authenticated out{CallerOf(found->second), ""};
  out.caller.via_token = true;
  return out;
}

Result<store::UserRow> AccountService::CreateUser(const Caller& actor, NewUser nu) {
  TB_TRY_STATUS(RequireAdmin(actor));
  std::vector<FieldError> errors;
  nu.email = Lower(nu.email);
  if (auto p = core::CheckEmail(nu.email)) errors.push_back({"email", *p});
  auto role = ParseRole(nu.role);
  if (!role.ok()) errors.push_back(role.error().fields.at(0));
  if (auto policy = CheckPasswordPolicy(nu.password); !policy.ok()) {
    errors.push_back(policy.error().fields.at(0));
  }
  if (!errors.empty()) return Error::Unprocessable("user is not valid", std::move(errors));
  TB_TRY(std::string hash, HashPassword(nu.password));

  store::UserRow row;
  row.email = nu.email;
  row.name = nu.name.empty() ? nu.email : nu.name;
  row.password_hash = hash;
  row.role = nu.role;
  row.institution_id = nu.institution_id;
  row.unit_id = nu.unit_id;
  row.organization_id = nu.organization_id;
  row.student_id = nu.student_id;
  row.observer_institutions = nu.observer_institutions;
  row.observer_organizations = nu.observer_organizations;
  row.demo = nu.demo;
  return db_->Write([&](store::Tx& tx) -> Result<store::UserRow> {
    if (auto existing = store::FindUserByEmail(tx, row.email)) {
      return Error::Conflict("user " + std::to_string(existing->id) + " already has this e-mail",
                             {{"email", "already used by user " + std::to_string(existing->id)}});
    }
    TB_TRY_STATUS(ResolveScope(tx, *role, row));
    std::string now = core::NowUtc();
    auto created = store::InsertUser(tx, row, now);
    Audit(tx, actor, "create", "user", created.id, std::nullopt, UserJson(created), now);
    return created;
  });
}

Result<std::vector<store::UserRow>> AccountService::ListUsers(const Caller& actor, domain::Id after,
                                                              int limit) {
  TB_TRY_STATUS(RequireAdmin(actor));
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<store::UserRow>> {
    return store::ListUsers(tx, after, limit);
  });
}

Result<store::UserRow> AccountService::GetUser(const Caller& actor, domain::Id id) {
  TB_TRY_STATUS(RequireAdmin(actor));
  return db_->Read([&](store::Tx& tx) -> Result<store::UserRow> {
    auto u = store::GetUser(tx, id);
    if (!u) return Error::NotFound("user " + std::to_string(id) + " not found");
    return *u;
  });
}

Result<store::UserRow> AccountService::SetDisabled(const Caller& actor, domain::Id id,
                                                   bool disabled) {
  TB_TRY_STATUS(RequireAdmin(actor));
  return db_->Write([&](store::Tx& tx) -> Result<store::UserRow> {
    auto u = store::GetUser(tx, id);
    if (!u) return Error::NotFound("user " + std::to_string(id) + " not found");
    auto before = UserJson(*u);
    u->disabled = disabled;
    std::string now = core::NowUtc();
    store::UpdateUser(tx, *u, now);
    if (disabled) store::DeleteSessionsOfUser(tx, id);
    Audit(tx, actor, "update", "user", id, before, UserJson(*u), now);
    return *u;
  });
}

Result<NewToken> AccountService::CreateToken(const Caller& actor, domain::Id user_id,
                                             const std::string& name) {
  TB_TRY_STATUS(RequireAdmin(actor));
  if (name.empty() || name.size() > 100) {
    return Error::Unprocessable("token is not valid", {{"name", "must be 1-100 characters"}});
  }
  return db_->Write([&](store::Tx& tx) -> Result<NewToken> {
    auto u = store::GetUser(tx, user_id);
    if (!u) {
      return Error::Unprocessable("token is not valid",
                                  {{"user_id", "no user with id " + std::to_string(user_id)}});
    }
    NewToken out;
    out.token = "tbt_" + RandomToken();
    std::string now = core::NowUtc();
    store::TokenRow row;
    row.token_hash = HashToken(out.token);
    row.user_id = user_id;
    row.name = name;
    if (actor.user_id > 0) row.created_by = actor.user_id;
    row.created_at = now;
    out.row = store::InsertToken(tx, row);
    Audit(tx, actor, "create", "api_token", out.row.id, std::nullopt,
          nlohmann::json{{"user_id", user_id}, {"name", name}}, now);
    return out;
  });
}

Result<std::vector<store::TokenRow>> AccountService::ListTokens(const Caller& actor,
                                                                domain::Id after, int limit) {
  TB_TRY_STATUS(RequireAdmin(actor));
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<store::TokenRow>> {
    return store::ListTokens(tx, after, limit);
  });
}

Status AccountService::RevokeToken(const Caller& actor, domain::Id id) {
  TB_TRY_STATUS(RequireAdmin(actor));
  return db_->Write([&](store::Tx& tx) -> Status {
    auto t = store::GetToken(tx, id);
    if (!t) return Error::NotFound("API token " + std::to_string(id) + " not found");
    std::string now = core::NowUtc();
    store::RevokeToken(tx, id, now);
    Audit(tx, actor, "revoke", "api_token", id, std::nullopt, std::nullopt, now);
    return {};
  });
}

Result<std::vector<store::AuditRow>> AccountService::ListAudit(const Caller& actor,
                                                               const store::AuditFilter& f,
                                                               domain::Id after, int limit) {
  TB_TRY_STATUS(RequireAdmin(actor));
  return db_->Read([&](store::Tx& tx) -> Result<std::vector<store::AuditRow>> {
    return store::ListAudit(tx, f, after, limit);
  });
}

}  // namespace tb::auth
