#pragma once
// The demo logins (`talentbridge serve --demo`, issue #3): one user per role of DESIGN §1, each
// scoped to one of the demo's real scenarios, so that every view of the product can be tried
// at once. The passwords are random per demo database: generated when a demo user is first
// created, kept in the demo_logins table (which exists only for this) and printed at every
// start as `demo login: ROLE EMAIL PASSWORD`.
//
//   platform_admin        admin@demo.talentbridge.cn
//   institution_admin     careers@lnut.demo.talentbridge.cn   辽宁工业大学 (employment centre)
//   unit_staff            auto@lnut.demo.talentbridge.cn      its 汽车与交通工程学院
//   enterprise_recruiter  hr@johonhuayi.demo.talentbridge.cn  Johon Huayi (Shenyang)
//   student               student@lnut.demo.talentbridge.cn   the first student of that school
//                         in the class of kDemoStudentCohort (DemoStudent below)
//   observer              observer@jzsasac.demo.talentbridge.cn
//                         the Jinzhou SASAC: LUT and the 7 enterprises it supervises

#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "auth/caller.hpp"
#include "core/result.hpp"
#include "domain/entities.hpp"
#include "store/database.hpp"

namespace tb::demo {

// The demo is set in late 2026: the demo student is of the class of 2027, graduating next
// summer, so full-time posts (for the classes of this year and the next) are open to them.
inline constexpr int kDemoStudentCohort = 2027;

// The demo student: the first student (by id) of LUT's 汽车与交通工程学院 in the class of
// kDemoStudentCohort. The demo login and the demo's applications pick the same one through this.
// kNotFound on a database without the demo.
Result<domain::Student> DemoStudent(store::Tx& tx);

struct DemoLogin {
  auth::Role role = auth::Role::kObserver;
  std::string email;
  std::string password;
};

// Creates the demo users that are missing (NewUser.demo = true, acting as the system) and
// returns the six logins in the order of auth::kAllRoles. Call it only on a database seeded with
// SeedDemo: the scopes are looked up among the demo's records (kNotFound when one is missing).
// Idempotent: existing demo users are left as they are and their stored passwords returned.
// An e-mail of a demo login already used by a user that is not a demo user, or a demo user
// whose password was not kept, is a kConflict (nothing is printed for it).
Result<std::vector<DemoLogin>> EnsureDemoLogins(store::Database& db,
                                                auth::AccountService& accounts);

}  // namespace tb::demo
