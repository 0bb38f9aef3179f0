// AccountService against a real database: login, throttling, sessions and their expiry, tokens,
// user administration.

#include "auth/accounts.hpp"

#include <gtest/gtest.h>

#include "auth/password.hpp"
#include "core/time.hpp"
#include "store/accounts.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::auth {
namespace {

constexpr char kPassword[] = "correct horse battery";

class AccountsTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    ASSERT_FALSE(HasFatalFailure());
    accounts_ = std::make_unique<AccountService>(db());
    NewUser nu;
    nu.email = "Admin@Example.cn";
    nu.password = kPassword;
    nu.role = "platform_admin";
    TB_ASSERT_OK_AND_ASSIGN(admin_, accounts_->CreateUser(SystemCaller("test"), nu));
  }

  std::unique_ptr<AccountService> accounts_;
  store::UserRow admin_;
};

TEST_P(AccountsTest, StoresAnArgon2idHashAndLowerCaseEmail) {
  EXPECT_EQ(admin_.email, "admin@example.cn");
  EXPECT_TRUE(admin_.password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(admin_.password_hash.find(kPassword), std::string::npos);
}

TEST_P(AccountsTest, LoginGivesASessionThatAuthenticates) {
  TB_ASSERT_OK_AND_ASSIGN(auto session,
                          accounts_->Login("ADMIN@example.cn", kPassword, "1.2.3.4", "r1"));
  EXPECT_EQ(session.token.size(), 64u);
  EXPECT_EQ(session.caller.role, Role::kPlatformAdmin);
  TB_ASSERT_OK_AND_ASSIGN(auto who, accounts_->AuthenticateSession(session.token));
  EXPECT_EQ(who.caller.user_id, admin_.id);
  EXPECT_EQ(who.csrf_token, session.csrf_token);
  // Only the hash is stored.
  auto stored = db()->Read([&](store::Tx& tx) -> Result<bool> {
    return store::FindSession(tx, session.token).has_value();
  });
  EXPECT_FALSE(*stored);
}

TEST_P(AccountsTest, UnknownEmailAndWrongPasswordGetTheSameAnswer) {
  auto wrong = accounts_->Login("admin@example.cn", "not the password", "1.2.3.4", "r");
  auto unknown = accounts_->Login("nobody@example.cn", "not the password", "1.2.3.4", "r");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_P(AccountsTest, FailedLoginsAreThrottledPerAccount) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        accounts_->Login("admin@example.cn", "wrong-password", "10.0.0." + std::to_string(i), "r")
            .error()
            .code,
        ErrorCode::kUnauthenticated);
  }
  auto locked = accounts_->Login("admin@example.cn", kPassword, "10.0.0.99", "r");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kThrottled);
  EXPECT_GT(locked.error().retry_after, 0);
  EXPECT_LE(locked.error().retry_after, 15 * 60);
}

TEST_P(AccountsTest, FailedLoginsAreThrottledPerAddress) {
  for (int i = 0; i < 20; ++i) {
    (void)accounts_->Login("user" + std::to_string(i) + "@example.cn", "wrong-password", "9.9.9.9",
                           "r");
  }
  auto r = accounts_->Login("admin@example.cn", kPassword, "9.9.9.9", "r");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kThrottled);
  EXPECT_TRUE(accounts_->Login("admin@example.cn", kPassword, "9.9.9.8", "r").ok());
}

TEST_P(AccountsTest, IdleSessionsExpire) {
  TB_ASSERT_OK_AND_ASSIGN(auto session, accounts_->Login("admin@example.cn", kPassword, "a", "r"));
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    store::TouchSession(tx, HashToken(session.token), AddMinutes(core::NowUtc(), -31));
    return {};
  }));
  auto r = accounts_->AuthenticateSession(session.token);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
}

TEST_P(AccountsTest, SessionsEndAfterTwelveHoursWhateverTheActivity) {
  std::string token = RandomToken();
  std::string now = core::NowUtc();
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    store::InsertSession(tx, {HashToken(token), admin_.id, RandomToken(), AddMinutes(now, -721),
                              now, AddMinutes(now, -1)});
    return {};
  }));
  EXPECT_FALSE(accounts_->AuthenticateSession(token).ok());
}

TEST_P(AccountsTest, LogoutEndsTheSession) {
  TB_ASSERT_OK_AND_ASSIGN(auto session, accounts_->Login("admin@example.cn", kPassword, "a", "r"));
  TB_ASSERT_OK(accounts_->Logout(session.token, session.caller));
  EXPECT_FALSE(accounts_->AuthenticateSession(session.token).ok());
}

TEST_P(AccountsTest, DisablingAUserEndsItsSessionsAndLogins) {
  NewUser nu{.email = "staff@example.cn", .password = kPassword, .role = "platform_admin"};
  TB_ASSERT_OK_AND_ASSIGN(auto user, accounts_->CreateUser(SystemCaller(), nu));
  TB_ASSERT_OK_AND_ASSIGN(auto session, accounts_->Login("staff@example.cn", kPassword, "a", "r"));
  ASSERT_TRUE(accounts_->SetDisabled(SystemCaller(), user.id, true).ok());
  EXPECT_FALSE(accounts_->AuthenticateSession(session.token).ok());
  EXPECT_FALSE(accounts_->Login("staff@example.cn", kPassword, "b", "r").ok());
}

TEST_P(AccountsTest, ApiTokensActAsTheirUserUntilRevoked) {
  TB_ASSERT_OK_AND_ASSIGN(auto token, accounts_->CreateToken(SystemCaller(), admin_.id, "erp"));
  EXPECT_TRUE(token.token.starts_with("tbt_"));
  TB_ASSERT_OK_AND_ASSIGN(auto who, accounts_->AuthenticateBearer(token.token));
  EXPECT_EQ(who.caller.user_id, admin_.id);
  EXPECT_TRUE(who.caller.via_token);
  TB_ASSERT_OK(accounts_->RevokeToken(SystemCaller(), token.row.id));
  EXPECT_FALSE(accounts_->AuthenticateBearer(token.token).ok());
  EXPECT_FALSE(accounts_->AuthenticateBearer("tbt_forged").ok());
}

TEST_P(AccountsTest, RolesNeedTheirScope) {
  NewUser staff{.email = "unit@example.cn", .password = kPassword, .role = "unit_staff"};
  auto r = accounts_->CreateUser(SystemCaller(), staff);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "unit_id");
  staff.unit_id = 999;
  r = accounts_->CreateUser(SystemCaller(), staff);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "unit_id");

  NewUser observer{.email = "obs@example.cn", .password = kPassword, .role = "observer"};
  EXPECT_FALSE(accounts_->CreateUser(SystemCaller(), observer).ok());
}

TEST_P(AccountsTest, OnlyPlatformAdminsAdministerAccounts) {
  Caller officer;
  officer.role = Role::kInstitutionAdmin;
  officer.institution_id = 1;
  NewUser nu{.email = "x@example.cn", .password = kPassword, .role = "platform_admin"};
  EXPECT_EQ(accounts_->CreateUser(officer, nu).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(accounts_->ListUsers(officer, 0, 10).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(accounts_->ListAudit(officer, {}, 0, 10).error().code, ErrorCode::kForbidden);
}

TEST_P(AccountsTest, DuplicateEmailIsAConflict) {
  NewUser nu{.email = "ADMIN@example.cn", .password = kPassword, .role = "platform_admin"};
  auto r = accounts_->CreateUser(SystemCaller(), nu);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().fields.at(0).field, "email");
}

TEST_P(AccountsTest, AccountChangesAndLoginsAreAudited) {
  TB_ASSERT_OK_AND_ASSIGN(auto session, accounts_->Login("admin@example.cn", kPassword, "a", "r9"));
  TB_ASSERT_OK_AND_ASSIGN(auto rows, accounts_->ListAudit(SystemCaller(), {}, 0, 50));
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0].action, "create");
  EXPECT_EQ(rows[0].entity, "user");
  EXPECT_EQ(rows[0].after_json->find("password"), std::string::npos);
  EXPECT_EQ(rows.back().action, "login");
  EXPECT_EQ(rows.back().request_id, "r9");
}

TB_INSTANTIATE_BACKENDS(AccountsTest);

}  // namespace
}  // namespace tb::auth
