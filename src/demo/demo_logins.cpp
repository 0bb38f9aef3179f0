#include "demo/demo_logins.hpp"

#include <map>
#include <optional>
#include <utility>

#include "auth/password.hpp"
#include "demo/demo_data.hpp"
#include "domain/entities.hpp"
#include "store/accounts.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"

namespace tb::demo {

namespace {

using auth::Role;
using domain::Id;

// The demo records the logins are scoped to, by the names the demo gives them.
constexpr const char* kLut = "辽宁工业大学";
constexpr const char* kLutAutomobile = "汽车与交通工程学院";

struct Scopes {
  Id lut = 0;
  Id automobile = 0;
  Id student = 0;
  std::string student_name;
  Id johon = 0;
  std::vector<Id> sasac_enterprises;
};

template <class T>
std::vector<T> ListAll(store::Tx& tx, const store::Where& where) {
  std::vector<T> out;
  store::PageRequest page{0, 500};
  for (;;) {
    auto p = store::Repository<T>::List(tx, where, page);
    out.insert(out.end(), p.items.begin(), p.items.end());
    if (!p.next_after) return out;
    page.after = *p.next_after;
  }
}

Error Missing(const std::string& what) {
  return Error::NotFound("cannot create the demo logins: " + what +
                         " is not in the database (was it seeded with --demo?)");
}

std::optional<domain::Organization> OrganizationNamed(store::Tx& tx, std::string_view name,
                                                      bool english) {
  store::OrganizationFilter filter;
  filter.name = std::string(name);
  for (auto& org : ListAll<domain::Organization>(tx, store::ToWhere(filter))) {
    if ((english ? org.name_en : org.name) == name) return org;
  }
  return std::nullopt;
}

Result<Scopes> FindScopes(store::Tx& tx) {
  Scopes s;

  store::InstitutionFilter institutions;
  institutions.name = kLut;
  for (const auto& inst : ListAll<domain::Institution>(tx, store::ToWhere(institutions))) {
    if (inst.name == kLut) s.lut = inst.id;
  }
  if (s.lut == 0) return Missing(std::string("the institution ") + kLut);

  store::UnitFilter units;
  units.institution_id = s.lut;
  for (const auto& unit : ListAll<domain::Unit>(tx, store::ToWhere(units))) {
    if (unit.name == kLutAutomobile) s.automobile = unit.id;
  }
  if (s.automobile == 0) return Missing(std::string("the unit ") + kLutAutomobile);

  TB_TRY(domain::Student student, DemoStudent(tx));
  s.student = student.id;
  s.student_name = student.name;

  const auto& johon_name = data::JohonHuayi().name_en;
  auto johon = OrganizationNamed(tx, johon_name, true);
  if (!johon) return Missing("the organization " + std::string(johon_name));
  s.johon = johon->id;

  const auto& sasac_name = data::JinzhouSasac().name;
  auto sasac = OrganizationNamed(tx, sasac_name, false);
  if (!sasac) return Missing("the organization " + std::string(sasac_name));
  store::OrganizationFilter supervised;
  supervised.related_to = sasac->id;
  supervised.relation = "supervises";
  for (const auto& org : ListAll<domain::Organization>(tx, store::ToWhere(supervised))) {
    s.sasac_enterprises.push_back(org.id);
  }
  if (s.sasac_enterprises.empty()) return Missing("an enterprise supervised by the Jinzhou SASAC");
  return s;
}

// One login per role, in the order of auth::kAllRoles.
std::vector<std::pair<Role, auth::NewUser>> Plan(const Scopes& s) {
  auto user = [](const char* email, std::string name, const char* role) {
    auth::NewUser u;
    u.email = email;
    u.name = std::move(name);
    u.role = role;
    u.demo = true;
    return u;
  };
  std::vector<std::pair<Role, auth::NewUser>> out;

  out.emplace_back(
      Role::kPlatformAdmin,
      user("admin@demo.talentbridge.cn", "演示平台管理员 (demo platform admin)", "platform_admin"));

  auto centre = user("careers@lnut.demo.talentbridge.cn",
                     "辽宁工业大学就业指导中心 (demo institution admin)", "institution_admin");
  centre.institution_id = s.lut;
  out.emplace_back(Role::kInstitutionAdmin, std::move(centre));

  auto school = user("auto@lnut.demo.talentbridge.cn",
                     "汽车与交通工程学院就业工作组 (demo unit staff)", "unit_staff");
  school.institution_id = s.lut;
  school.unit_id = s.automobile;
  out.emplace_back(Role::kUnitStaff, std::move(school));

  auto hr = user("hr@johonhuayi.demo.talentbridge.cn",
                 "聚鸿华亿人力资源部 (demo enterprise recruiter)", "enterprise_recruiter");
  hr.organization_id = s.johon;
  out.emplace_back(Role::kEnterpriseRecruiter, std::move(hr));

  auto student =
      user("student@lnut.demo.talentbridge.cn", s.student_name + " (demo student)", "student");
  student.student_id = s.student;
  out.emplace_back(Role::kStudent, std::move(student));

  auto sasac =
      user("observer@jzsasac.demo.talentbridge.cn", "锦州市国资委 (demo observer)", "observer");
  sasac.observer_institutions = {s.lut};
  sasac.observer_organizations = s.sasac_enterprises;
  out.emplace_back(Role::kObserver, std::move(sasac));
  return out;
}

std::optional<std::string> StoredPassword(store::Tx& tx, const std::string& email) {
  for (auto& [e, p] : store::ListDemoLogins(tx)) {
    if (e == email) return p;
  }
  return std::nullopt;
}

}  // namespace

Result<domain::Student> DemoStudent(store::Tx& tx) {
  store::InstitutionFilter institutions;
  institutions.name = kLut;
  for (const auto& inst : ListAll<domain::Institution>(tx, store::ToWhere(institutions))) {
    if (inst.name != kLut) continue;
    store::UnitFilter units;
    units.institution_id = inst.id;
    for (const auto& unit : ListAll<domain::Unit>(tx, store::ToWhere(units))) {
      if (unit.name != kLutAutomobile) continue;
      store::StudentFilter students;
      students.unit_id = unit.id;
      students.cohort = kDemoStudentCohort;
      auto first = store::Repository<domain::Student>::List(tx, store::ToWhere(students), {0, 1});
      if (!first.items.empty()) return first.items.front();
    }
  }
  return Missing(std::string("a student of ") + kLutAutomobile + " in the class of " +
                 std::to_string(kDemoStudentCohort));
}

Result<std::vector<DemoLogin>> EnsureDemoLogins(store::Database& db,
                                                auth::AccountService& accounts) {
  TB_TRY(Scopes scopes, db.Read([&](store::Tx& tx) -> Result<Scopes> { return FindScopes(tx); }));
  const auth::Caller system = auth::SystemCaller("demo");
  std::vector<DemoLogin> logins;
  for (auto& [role, user] : Plan(scopes)) {
    const std::string email = user.email;
    // The password is kept before the user is created, so a start interrupted in between
    // creates the user with the same password next time.
    TB_TRY(std::string password, db.Write([&](store::Tx& tx) -> Result<std::string> {
      if (auto existing = store::FindUserByEmail(tx, email)) {
        auto stored = StoredPassword(tx, email);
        if (!existing->demo || !stored) {
          return Error::Conflict(
              "cannot create the demo login " + email + ": user " + std::to_string(existing->id) +
              " already has this e-mail and is not a demo user with a known password");
        }
        return *stored;
      }
      if (auto stored = StoredPassword(tx, email)) return *stored;
      std::string generated = auth::GeneratePassword();
      store::SaveDemoLogin(tx, email, generated);
      return generated;
    }));
    bool exists = false;
    TB_TRY_STATUS(db.Read([&](store::Tx& tx) -> Status {
      exists = store::FindUserByEmail(tx, email).has_value();
      return {};
    }));
    if (!exists) {
      user.password = password;
      auto created = accounts.CreateUser(system, user);
      // Another process starting on the same database may have created it meanwhile, with the
      // same stored password.
      if (!created.ok() && created.error().code != ErrorCode::kConflict) return created.error();
    }
    logins.push_back({role, email, password});
  }
  return logins;
}

}  // namespace tb::demo
