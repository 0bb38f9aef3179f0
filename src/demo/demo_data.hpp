#pragma once
// The fixed content of the demo data set (demo.hpp): the institutions and bodies of the real
// scenarios of DESIGN §2, and the word pools and templates the generated population is drawn
// from. Plain constant tables, built once on first use; thread-safe to read.

#include <string_view>
#include <vector>

namespace tb::demo::data {

using Words = std::vector<std::string_view>;

// What an enterprise does, which decides the posts it offers.
enum class Family {
  kNone,  // not an enterprise: no posts
  kElectronics,
  kMachinery,
  kAutomotive,
  kElectrical,
  kChemical,
  kMaterials,
  kSoftware,
  kConstruction,
  kUtility,
  kTransport,
  kFood,
  kServices,
  kYoulate,  // the group-interview posts of scenario 5: R&D, quality, accounting
};

// Majors of one class a school teaches: the preferred codes are used where the majors table
// has them, otherwise the class's first basic majors (see demo.cpp).
struct MajorSpec {
  std::string_view class_code;
  Words preferred;
};

struct SchoolSpec {
  std::string_view name;
  std::string_view name_en;
  std::vector<MajorSpec> majors;
  int students = 0;
  int female_percent = 50;
};

struct CollegeSpec {  // an industrial college run with enterprises
  std::string_view name;
  std::string_view name_en;
  std::string_view platform_level;  // provincial | institution
};

enum class Homeland { kNortheast, kSouthwest, kEast };

struct InstitutionSpec {
  std::string_view code;  // MoE school code
  std::string_view name;
  std::string_view name_en;
  std::string_view kind;
  std::string_view region;
  std::string_view website;
  std::string_view mail_domain;  // synthetic (.example), for student e-mail addresses
  std::string_view level;        // level of its students: bachelor | vocational
  Homeland homeland;
  std::vector<SchoolSpec> schools;
  std::vector<CollegeSpec> colleges;
};

struct OrgSpec {
  std::string_view name;
  std::string_view name_en;
  std::string_view kind = "enterprise";
  std::string_view ownership;
  std::string_view size;
  std::string_view industry;  // GB/T 4754 code; resolved against the industries table
  std::string_view region;    // GB/T 2260 code; resolved against the regions table
  std::string_view description;
  Words tags;
  Family family = Family::kNone;
  Words contact_titles;  // one contact per title
  int posts = 0;         // posts of its own (0: drawn like any generated enterprise)
};

struct CitySpec {         // where generated enterprises are
  std::string_view city;  // city code
  std::string_view name;  // short name used in company names: 沈阳
  std::string_view name_en;
  Words districts;  // counties/districts to place them in; empty: the city itself
  int enterprises = 0;
};

struct BusinessSpec {     // a line of business of generated enterprises
  std::string_view name;  // 电子科技 (as in 沈阳华创电子科技有限公司)
  std::string_view name_en;
  Family family;
  Words industries;
  std::string_view activity;  // for the description: 主要从事...
};

struct PostTemplate {
  std::string_view title;
  std::string_view kind;  // full_time | internship | part_time
  Words majors;           // accepted: codes, classes, categories; empty = any
  std::string_view min_level;
  Words required;
  Words preferred;
  int salary_low = 0;  // range of the monthly minimum, yuan (before the regional factor)
  int salary_high = 0;
  std::string_view duties;
};

const std::vector<InstitutionSpec>& Institutions();

// Scenario 1.
const OrgSpec& JinzhouSasac();
const std::vector<OrgSpec>& JinzhouStateOwnedEnterprises();  // exactly 7
// Scenarios 2 and 3.
const OrgSpec& MiitSmeCenter();
const OrgSpec& JohonHuayi();
// Scenario 4.
const OrgSpec& JinshanAssociation();
const std::vector<OrgSpec>& JinshanMembers();  // exactly 38, Santoni first
const OrgSpec& ConstructionBankJinshan();
const std::vector<OrgSpec>& JinshanGuidingUnits();  // education bureau, science committee
// Scenario 5 (region codes of Yingshan are looked up by name, see demo.cpp).
const OrgSpec& YingshanGovernment();
const OrgSpec& YingshanPark();
const std::vector<OrgSpec>& YingshanEnterprises();  // Youlate first

// Generated population.
const std::vector<CitySpec>& Cities();
const std::vector<std::pair<std::string_view, std::string_view>>& Brands();  // 华创, Huachuang
const std::vector<BusinessSpec>& Businesses();
const Words& Roads();
const Words& Surnames();
const Words& MaleGivenChars();
const Words& FemaleGivenChars();
const Words& HrTitles();
// Counties where students were born, by homeland; the first entries are the home province.
const Words& Birthplaces(Homeland homeland);
int HomeProvinceCount(Homeland homeland);  // how many leading entries of Birthplaces are "home"
const Words& HotCities();                  // city codes graduates like to name

// Skills students of a major learn (by exact code first, then by class); never empty.
const Words& SkillPool(std::string_view major_code);
const Words& GeneralSkills();
// Industries (GB/T 4754 divisions) graduates of a major class look for; never empty.
const Words& ClassIndustries(std::string_view class_code);
const Words& ResumeHighlights();

const std::vector<PostTemplate>& PostTemplates(Family family);  // never empty for an enterprise
const std::vector<PostTemplate>& CommonPostTemplates();

}  // namespace tb::demo::data
