#include "auth/caller.hpp"

namespace tb::auth {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kPlatformAdmin:
      return "platform_admin";
    case Role::kInstitutionAdmin:
      return "institution_admin";
    case Role::kUnitStaff:
      return "unit_staff";
    case Role::kEnterpriseRecruiter:
      return "enterprise_recruiter";
    case Role::kStudent:
      return "student";
    case Role::kObserver:
      return "observer";
  }
  return "observer";
}

Result<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (name == RoleName(r)) return r;
  }
  return Error::Unprocessable("unknown role",
                              {{"role",
                                "must be one of platform_admin, institution_admin, unit_staff, "
                                "enterprise_recruiter, student, observer; got '" +
                                    std::string(name) + "'"}});
}

std::string Caller::Label() const {
  if (user_id == 0) return email;
  return "user " + std::to_string(user_id) + " (" + email + ", " + RoleName(role) + ")";
}

Caller SystemCaller(std::string label) {
  Caller c;
  c.role = Role::kPlatformAdmin;
  c.email = std::move(label);
  return c;
}

}  // namespace tb::auth
