#pragma once
// The entities of DESIGN §3 that the foundation stores. Plain values; their field descriptions
// (entity.hpp) live in entities.cpp and their rules in validation.hpp.

#include <optional>
#include <string>
#include <vector>

#include "domain/entity.hpp"

namespace tb::domain {

struct Institution {
  Id id = 0;
  std::string code;  // Ministry of Education school code (10 digits)
  std::string name;
  std::string name_en;
  std::string kind = "university";  // university | vocational_college
  std::string region_code;
  std::string website;
  std::string created_at;
  std::string updated_at;
};

struct Unit {
  Id id = 0;
  Id institution_id = 0;
  std::string code;
  std::string name;
  std::string name_en;
  // school (a college of the university) | industrial_college (run with enterprises) | other
  std::string kind = "school";
  std::string platform_level;  // industrial colleges: provincial | institution
  std::string created_at;
  std::string updated_at;
};

struct Organization {
  Id id = 0;
  std::string kind =
      "enterprise";  // enterprise | government | association | park | financial | other
  std::string name;
  std::string name_en;
  std::optional<std::string> credit_code;
  std::string
      ownership;  // state_owned | private | foreign | mixed | collective | public_institution | ""
  std::string size;  // micro | small | medium | large | ""
  std::optional<std::string> industry_code;
  std::optional<std::string> region_code;
  std::string address;
  std::string website;
  std::string description;
  std::vector<std::string> tags;
  bool verified = false;
  std::string name_key;  // normalized name for duplicate detection; set by the service
  std::string created_at;
  std::string updated_at;
};

// A directed relation between two organizations: `from` supervises / is a member of / is
// located in `to`... read as "<from> <kind> <to>" except supervises, read "<from> supervises <to>".
struct Relation {
  Id id = 0;
  Id from_id = 0;
  std::string kind;  // supervises | member_of | located_in
  Id to_id = 0;
  std::string created_at;
  std::string updated_at;
};

struct Contact {
  Id id = 0;
  std::optional<Id> organization_id;
  std::optional<Id> unit_id;
  std::string name;
  std::string title;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::string created_at;
  std::string updated_at;
};

struct Student {
  Id id = 0;
  Id institution_id = 0;
  Id unit_id = 0;
  std::string student_no;
  std::string name;
  std::string gender;  // female | male | ""
  std::string major_code;
  std::string level = "bachelor";        // vocational | bachelor | master | doctor
  std::int64_t cohort = 0;               // graduation year
  std::optional<std::string> phone;      // personal data
  std::optional<std::string> id_number;  // personal data
  std::optional<std::string> email;
  std::vector<std::string> skills;
  std::vector<std::string> preferred_regions;
  std::vector<std::string> preferred_industries;
  std::optional<std::int64_t> expected_salary_min;  // yuan per month
  std::optional<std::int64_t> expected_salary_max;
  bool willing_to_relocate = true;
  std::string resume;
  bool talent_search_consent = false;
  std::string created_at;
  std::string updated_at;
};

struct Post {
  Id id = 0;
  Id organization_id = 0;
  std::string title;
  std::string kind = "full_time";  // full_time | internship | part_time
  std::int64_t headcount = 1;
  std::vector<std::string> accepted_majors;  // exact codes, 4-digit classes or 2-digit categories
  std::string min_level = "bachelor";
  std::vector<std::string> required_skills;
  std::vector<std::string> preferred_skills;
  std::string region_code;
  std::optional<std::string> industry_code;
  std::optional<std::int64_t> salary_min;  // yuan per month
  std::optional<std::int64_t> salary_max;
  std::string description;
  std::optional<std::string> open_date;
  std::optional<std::string> close_date;
  std::string status = "open";  // draft | open | closed
  std::optional<Id> source_activity_id;
  std::string created_at;
  std::string updated_at;
};

// Reference data, keyed by code.
struct Region {
  std::string code;  // six digits
  std::string name;
  int level = 1;  // 1 province, 2 city, 3 county
  std::string parent_code;
};

struct Major {
  std::string code;
  std::string name;
  std::string class_code;
  std::string class_name;
  std::string category_code;
  std::string category_name;
  std::string level = "bachelor";
  std::string edition;
};

struct Industry {
  std::string code;
  int level = 1;  // 1 section .. 4 class
  std::string section;
  std::string name;
  std::string description;
  std::string parent_code;
};

inline constexpr std::string_view kLevels[] = {"vocational", "bachelor", "master", "doctor"};
// Rank of a degree level for "minimum level" comparisons; -1 for an unknown level.
int LevelRank(std::string_view level);

}  // namespace tb::domain
