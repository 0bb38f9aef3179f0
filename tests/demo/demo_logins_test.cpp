#include "demo/demo_logins.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/password.hpp"
#include "demo/demo.hpp"
#include "store/accounts.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::demo {
namespace {

using auth::Role;
using domain::Id;

template <class T>
std::vector<T> All(store::Database& db, const store::Where& where = {}) {
  auto rows = db.Read([&](store::Tx& tx) -> Result<std::vector<T>> {
    std::vector<T> out;
    store::PageRequest page{0, 1000};
    for (;;) {
      auto p = store::Repository<T>::List(tx, where, page);
      out.insert(out.end(), p.items.begin(), p.items.end());
      if (!p.next_after) return out;
      page.after = *p.next_after;
    }
  });
  EXPECT_TRUE(rows.ok()) << testing::Describe(rows.error());
  return rows.ok() ? std::move(rows).value() : std::vector<T>{};
}

std::int64_t CountUsers(store::Database& db) {
  auto n =
      db.Read([&](store::Tx& tx) -> Result<std::int64_t> { return store::CountRows(tx, "users"); });
  return n.ok() ? *n : -1;
}

std::optional<store::UserRow> UserByEmail(store::Database& db, const std::string& email) {
  auto u = db.Read([&](store::Tx& tx) -> Result<std::optional<store::UserRow>> {
    return store::FindUserByEmail(tx, email);
  });
  EXPECT_TRUE(u.ok());
  return u.ok() ? *u : std::nullopt;
}

class DemoLoginsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_db_ = testing::TestDatabase::Create(store::Backend::kSqlite);
    ASSERT_NE(test_db_, nullptr);
    accounts_ = std::make_unique<auth::AccountService>(test_db_->db());
  }
  void Seed() { TB_ASSERT_OK(SeedDemo(db())); }
  store::Database& db() { return *test_db_->db(); }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<auth::AccountService> accounts_;
};

TEST_F(DemoLoginsTest, CreatesOneUserPerRoleScopedToTheDemoScenarios) {
  Seed();
  TB_ASSERT_OK_AND_ASSIGN(auto logins, EnsureDemoLogins(db(), *accounts_));
  ASSERT_EQ(logins.size(), std::size(auth::kAllRoles));
  std::set<std::string> emails, passwords;
  for (std::size_t i = 0; i < logins.size(); ++i) {
    const auto& login = logins[i];
    EXPECT_EQ(login.role, auth::kAllRoles[i]) << "logins come in the order of kAllRoles";
    EXPECT_TRUE(login.email.ends_with("demo.talentbridge.cn")) << login.email;
    TB_EXPECT_OK(auth::CheckPasswordPolicy(login.password));
    emails.insert(login.email);
    passwords.insert(login.password);
    auto user = UserByEmail(db(), login.email);
    ASSERT_TRUE(user) << login.email;
    EXPECT_EQ(user->role, auth::RoleName(login.role));
    EXPECT_TRUE(user->demo);
    EXPECT_FALSE(user->disabled);
  }
  EXPECT_EQ(emails.size(), logins.size());
  EXPECT_EQ(passwords.size(), logins.size());
  EXPECT_EQ(logins[0].email, "admin@demo.talentbridge.cn");
  EXPECT_EQ(CountUsers(db()), 6);

  // The scenarios' records.
  store::InstitutionFilter lut_filter;
  lut_filter.name = "辽宁工业大学";
  auto lut = All<domain::Institution>(db(), store::ToWhere(lut_filter));
  ASSERT_EQ(lut.size(), 1u);
  auto user_of = [&](Role role) { return *UserByEmail(db(), logins[std::size_t(role)].email); };

  auto admin = user_of(Role::kPlatformAdmin);
  EXPECT_FALSE(admin.institution_id || admin.unit_id || admin.organization_id || admin.student_id);

  EXPECT_EQ(user_of(Role::kInstitutionAdmin).institution_id, lut[0].id);

  auto staff = user_of(Role::kUnitStaff);
  EXPECT_EQ(staff.institution_id, lut[0].id);
  ASSERT_TRUE(staff.unit_id);
  auto unit = db().Read(
      [&](store::Tx& tx) { return store::Repository<domain::Unit>::Get(tx, *staff.unit_id); });
  TB_ASSERT_OK(unit);
  EXPECT_EQ(unit->name, "汽车与交通工程学院");
  EXPECT_EQ(unit->institution_id, lut[0].id);

  auto recruiter = user_of(Role::kEnterpriseRecruiter);
  ASSERT_TRUE(recruiter.organization_id);
  auto johon = db().Read([&](store::Tx& tx) {
    return store::Repository<domain::Organization>::Get(tx, *recruiter.organization_id);
  });
  TB_ASSERT_OK(johon);
  EXPECT_EQ(johon->name_en, "Johon Huayi (Shenyang) Electronic Technology Co., Ltd");

  auto student = user_of(Role::kStudent);
  store::StudentFilter school;
  school.unit_id = *staff.unit_id;
  school.cohort = 2027;  // graduating next summer: full-time posts are open to them
  auto students = All<domain::Student>(db(), store::ToWhere(school));
  ASSERT_FALSE(students.empty());
  EXPECT_EQ(student.student_id, students.front().id)
      << "the lowest id of the school's class of 2027";
  EXPECT_EQ(student.institution_id, lut[0].id);
  EXPECT_EQ(student.unit_id, *staff.unit_id);

  auto observer = user_of(Role::kObserver);
  EXPECT_EQ(observer.observer_institutions, std::vector<Id>{lut[0].id});
  store::OrganizationFilter sasac_filter;
  sasac_filter.name = "锦州市人民政府国有资产监督管理委员会";
  auto sasac = All<domain::Organization>(db(), store::ToWhere(sasac_filter));
  ASSERT_EQ(sasac.size(), 1u);
  store::OrganizationFilter supervised;
  supervised.related_to = sasac[0].id;
  supervised.relation = "supervises";
  std::vector<Id> soes;
  for (const auto& org : All<domain::Organization>(db(), store::ToWhere(supervised))) {
    soes.push_back(org.id);
  }
  ASSERT_EQ(soes.size(), 7u);
  auto observed = observer.observer_organizations;
  std::sort(observed.begin(), observed.end());
  std::sort(soes.begin(), soes.end());
  EXPECT_EQ(observed, soes);
}

TEST_F(DemoLoginsTest, TheLoginsLogIn) {
  Seed();
  TB_ASSERT_OK_AND_ASSIGN(auto logins, EnsureDemoLogins(db(), *accounts_));
  for (const auto& login : logins) {
    auto session = accounts_->Login(login.email, login.password, "127.0.0.1", "test");
    TB_ASSERT_OK(session);
    EXPECT_EQ(session->caller.role, login.role) << login.email;
  }
}

TEST_F(DemoLoginsTest, AgainReturnsTheSamePasswordsAndCreatesNoUsers) {
  Seed();
  TB_ASSERT_OK_AND_ASSIGN(auto first, EnsureDemoLogins(db(), *accounts_));
  auto users = CountUsers(db());
  // As at the next start of the server: a new AccountService on the same database.
  auth::AccountService restarted(test_db_->db());
  TB_ASSERT_OK_AND_ASSIGN(auto second, EnsureDemoLogins(db(), restarted));
  EXPECT_EQ(CountUsers(db()), users);
  ASSERT_EQ(second.size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(second[i].role, first[i].role);
    EXPECT_EQ(second[i].email, first[i].email);
    EXPECT_EQ(second[i].password, first[i].password);
  }
}

TEST_F(DemoLoginsTest, RecreatesAMissingUserWithItsKeptPassword) {
  Seed();
  // A start interrupted after the password was kept but before the user was created.
  TB_ASSERT_OK(db().Write([&](store::Tx& tx) -> Status {
    store::SaveDemoLogin(tx, "admin@demo.talentbridge.cn", "kept-pass-word-1234");
    return {};
  }));
  TB_ASSERT_OK_AND_ASSIGN(auto logins, EnsureDemoLogins(db(), *accounts_));
  EXPECT_EQ(logins[0].password, "kept-pass-word-1234");
  TB_EXPECT_OK(accounts_->Login(logins[0].email, logins[0].password, "127.0.0.1", "test"));
}

TEST_F(DemoLoginsTest, WithoutTheDemoDataNothingIsCreated) {
  TB_EXPECT_ERROR(EnsureDemoLogins(db(), *accounts_), ErrorCode::kNotFound);
  EXPECT_EQ(CountUsers(db()), 0);
}

TEST_F(DemoLoginsTest, RefusesAnEmailTakenByARealUser) {
  Seed();
  auth::NewUser real;
  real.email = "admin@demo.talentbridge.cn";
  real.password = auth::GeneratePassword();
  real.role = "platform_admin";
  TB_ASSERT_OK(accounts_->CreateUser(auth::SystemCaller("test"), real));
  TB_EXPECT_ERROR(EnsureDemoLogins(db(), *accounts_), ErrorCode::kConflict);
}

}  // namespace
}  // namespace tb::demo
