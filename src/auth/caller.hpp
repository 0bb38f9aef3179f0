#pragma once
// Who is making a request: a user's role and the scope that role is bound to (DESIGN §1, §9).
// Immutable value; the services decide with it what the caller may see and change.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/entity.hpp"

namespace tb::auth {

enum class Role {
  kPlatformAdmin,
  kInstitutionAdmin,
  kUnitStaff,
  kEnterpriseRecruiter,
  kStudent,
  kObserver,
};

inline constexpr Role kAllRoles[] = {Role::kPlatformAdmin, Role::kInstitutionAdmin,
                                     Role::kUnitStaff,     Role::kEnterpriseRecruiter,
                                     Role::kStudent,       Role::kObserver};

const char* RoleName(Role role);
Result<Role> ParseRole(std::string_view name);

struct Caller {
  domain::Id user_id = 0;
  std::string email;
  Role role = Role::kObserver;
  std::optional<domain::Id> institution_id;   // institution_admin, unit_staff
  std::optional<domain::Id> unit_id;          // unit_staff
  std::optional<domain::Id> organization_id;  // enterprise_recruiter
  std::optional<domain::Id> student_id;       // student
  std::vector<domain::Id> observer_institutions;
  std::vector<domain::Id> observer_organizations;
  bool via_token = false;  // authenticated by an API token, not a session
  std::string request_id;  // of the request being served, for the audit trail
  std::string csrf_token;  // of the caller's session (empty for API tokens)

  bool Is(Role r) const { return role == r; }
  // "user 3 (alice@x.cn, unit_staff)" for audit rows and logs.
  std::string Label() const;
};

// The caller of work done by the system itself (CLI imports, demo seeding): a platform admin
// without a user row.
Caller SystemCaller(std::string label = "system");

}  // namespace tb::auth
