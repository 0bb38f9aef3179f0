#pragma once
// Typed filters for the list endpoints, turned into SQL here and only here, and the
// repositories of the reference data (regions, majors, industries), which are keyed by code.

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "store/repository.hpp"

namespace tb::store {

struct OrganizationFilter {
  std::optional<std::string> kind;
  std::optional<std::string> tag;
  std::optional<std::string> region_prefix;  // "21" Liaoning, "2107" Jinzhou, "210703" a county
  std::optional<std::string> industry;       // section letter or 2/3/4-digit prefix
  std::optional<std::string> name;           // substring of name or name_en, case-insensitive
  std::optional<std::string> credit_code;
  std::optional<domain::Id> related_to;     // has a relation (either direction) with this id
  std::optional<std::string> relation;      // ... of this kind
  std::optional<domain::Id> member_of;      // members of this association (member_of → it)
  std::optional<domain::Id> located_in;     // located in this park (located_in → it)
  std::optional<domain::Id> supervised_by;  // supervised by this body (it → supervises)
  // Reached (or, false, never reached) by a visit (activity of kind visit_out or visit_in, as
  // counterpart or in an outcome line) of institution_id and/or campaign_id.
  std::optional<bool> visited;
  std::optional<domain::Id> campaign_id;
  std::optional<domain::Id> institution_id;  // for visited and agreement_state
  // A party (main counterpart or further party) of an agreement in this state, of
  // institution_id when given.
  std::optional<std::string> agreement_state;
  std::optional<bool> verified;
  std::optional<std::string> name_key;   // same normalized name
  std::optional<domain::Id> exclude_id;  // all but this one
  bool possible_duplicates = false;      // shares its normalized name with another
};
Where ToWhere(const OrganizationFilter& f);

// Organizations whose normalized name is not filled in yet: (id, name).
std::vector<std::pair<domain::Id, std::string>> OrganizationsWithoutNameKey(Tx& tx);
void SetOrganizationNameKey(Tx& tx, domain::Id id, const std::string& key);

struct InstitutionFilter {
  std::optional<std::string> name;  // substring of name or name_en, case-insensitive
  std::optional<std::string> kind;
};
Where ToWhere(const InstitutionFilter& f);

struct UnitFilter {
  std::optional<domain::Id> institution_id;
};
Where ToWhere(const UnitFilter& f);

struct ContactFilter {
  std::optional<domain::Id> organization_id;
  std::optional<domain::Id> unit_id;
  // Scope (set by the services from the caller, never from the request):
  bool scope_none = false;                          // nothing is visible
  std::optional<domain::Id> scope_organization_id;  // only contacts of this organization
  std::optional<domain::Id>
      scope_institution_id;                 // organization contacts + this institution's units
  std::optional<domain::Id> scope_unit_id;  // organization contacts + this unit
};
Where ToWhere(const ContactFilter& f);

struct StudentFilter {
  std::optional<domain::Id> institution_id;
  std::optional<domain::Id> unit_id;
  std::optional<std::string> major_prefix;  // code, class (4 digits) or category (2 digits)
  std::optional<std::string> level;
  std::optional<std::int64_t> cohort;
  std::optional<std::string> name;
  // Scope (set by the services from the caller, never from the request):
  bool scope_none = false;
  std::optional<domain::Id> scope_institution_id;
  std::optional<domain::Id> scope_unit_id;
  std::optional<domain::Id> scope_student_id;
  bool scope_talent_search = false;  // only students who consented to talent search
  // With scope_talent_search: also the students who applied to this organization's posts.
  std::optional<domain::Id> scope_applicants_of;
};
Where ToWhere(const StudentFilter& f);

struct PostFilter {
  std::optional<domain::Id> organization_id;
  std::optional<std::string> status;
  std::optional<std::string> kind;
  std::optional<std::string> region_prefix;
  std::optional<std::string> industry;
  std::optional<std::string> title;  // substring
  std::optional<domain::Id> source_activity_id;
  // Scope: only open posts, except those of this organization (any status).
  bool scope_open_only = false;
  std::optional<domain::Id> scope_own_organization_id;
  bool scope_verified_only = false;  // only posts of verified organizations (for students)
};
Where ToWhere(const PostFilter& f);

struct RelationFilter {
  std::optional<domain::Id> organization_id;  // either end
  std::optional<std::string> kind;
};
Where ToWhere(const RelationFilter& f);

// The id of a row of `table` other than `exclude_id` that matches `where` (for unique-key checks
// that name the existing record), or nullopt.
std::optional<domain::Id> FindOther(Tx& tx, std::string_view table, const Where& where,
                                    domain::Id exclude_id);

// Finds organizations whose credit code equals `code` (at most one, by the unique key).
std::optional<domain::Organization> FindOrganizationByCreditCode(Tx& tx, const std::string& code);

// ---- Reference data -------------------------------------------------------------------------

template <class T>
struct CodePage {
  std::vector<T> items;
  std::optional<std::string> next_after;  // last code of this page when more follow
};

struct RegionFilter {
  std::optional<std::string> parent_code;
  std::optional<int> level;
  std::optional<std::string> prefix;
  std::optional<std::string> name;
};
struct MajorFilter {
  std::optional<std::string> class_code;
  std::optional<std::string> category_code;
  std::optional<std::string> level;
  std::optional<std::string> name;
};
struct IndustryFilter {
  std::optional<std::string> section;
  std::optional<int> level;
  std::optional<std::string> parent_code;
  std::optional<std::string> name;
};

// Inserts or replaces (by code) every item; returns how many rows were written.
std::int64_t UpsertRegions(Tx& tx, const std::vector<domain::Region>& items);
std::int64_t UpsertMajors(Tx& tx, const std::vector<domain::Major>& items);
std::int64_t UpsertIndustries(Tx& tx, const std::vector<domain::Industry>& items);

CodePage<domain::Region> ListRegions(Tx& tx, const RegionFilter& f, const std::string& after,
                                     int limit);
CodePage<domain::Major> ListMajors(Tx& tx, const MajorFilter& f, const std::string& after,
                                   int limit);
CodePage<domain::Industry> ListIndustries(Tx& tx, const IndustryFilter& f, const std::string& after,
                                          int limit);

std::optional<domain::Region> GetRegion(Tx& tx, const std::string& code);
std::optional<domain::Major> GetMajor(Tx& tx, const std::string& code);
std::optional<domain::Industry> GetIndustry(Tx& tx, const std::string& code);

// Counts of rows in the reference tables (for import reports and health).
std::int64_t CountRows(Tx& tx, std::string_view table);

}  // namespace tb::store
