#include "demo/demo.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "core/validate.hpp"
#include "demo/agreement_demo.hpp"
#include "demo/demo_data.hpp"
#include "demo/demo_logins.hpp"
#include "demo/identifiers.hpp"
#include "demo/match_demo.hpp"
#include "demo/partnership_demo.hpp"
#include "demo/random.hpp"
#include "demo/recruitment_demo.hpp"
#include "domain/validation.hpp"
#include "report/reference_import.hpp"
#include "service/entity_service.hpp"
#include "service/post_skills.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"

namespace tb::demo {

namespace {

namespace d = data;
using core::CivilFromDays;
using core::DaysFromCivil;
using core::DaysInMonth;
using domain::Id;

// The seed of the whole data set; each part draws from its own stream (Stream below).
constexpr std::uint64_t kSeed = 0x5442'2D44'454D'4F31ULL;  // "TB-DEMO1"
constexpr std::size_t kPostCount = 500;

Rng Stream(std::string_view part) { return Rng(kSeed ^ SeedOf(part)); }

std::string S(std::string_view v) { return std::string(v); }

std::vector<std::string> Strings(const d::Words& words) {
  return std::vector<std::string>(words.begin(), words.end());
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string ZeroPad(int value, int width) {
  std::string digits = std::to_string(value);
  return std::string(digits.size() < static_cast<std::size_t>(width) ? width - digits.size() : 0,
                     '0') +
         digits;
}

// ---- Reference data, read once per code ------------------------------------------------------

// Lookups in the reference tables, so the demo names regions, industries and majors that are
// there: the built-in subset or a full import. Cached; lives for one transaction.
class Reference {
 public:
  explicit Reference(store::Tx& tx) : tx_(tx) {}

  const std::optional<domain::Region>& FindRegion(const std::string& code) {
    auto it = regions_.find(code);
    if (it == regions_.end()) it = regions_.emplace(code, store::GetRegion(tx_, code)).first;
    return it->second;
  }

  // `code` when the regions table has it, else its city, else its province.
  std::string Region(const std::string& code) {
    for (const std::string& c : {code, core::RegionCity(code), core::RegionProvince(code)}) {
      if (FindRegion(c)) return c;
    }
    return core::RegionProvince(code);
  }

  // A region graduates and posts name: the city, except that the "市辖区" (districts) and "县"
  // (counties) entries of the municipalities stand for the municipality itself.
  std::string Place(const std::string& code) {
    std::string resolved = Region(code);
    if (core::RegionLevelOf(resolved) == core::RegionLevel::kCity) {
      const auto& city = FindRegion(resolved);
      if (city && (city->name == "市辖区" || city->name == "县")) {
        return Region(core::RegionProvince(resolved));
      }
    }
    return resolved;
  }

  std::string RegionName(const std::string& code) {
    const auto& r = FindRegion(code);
    return r ? r->name : code;
  }

  // "辽宁省锦州市凌河区", "上海市金山区": province, city and county names as far as the code goes.
  std::string PlaceName(const std::string& code) {
    std::string out = RegionName(core::RegionProvince(code));
    auto level = core::RegionLevelOf(code);
    if (level != core::RegionLevel::kProvince) {
      const auto& city = FindRegion(core::RegionCity(code));
      if (city && city->name != "市辖区" && city->name != "县" && city->name != out)
        out += city->name;
    }
    if (level == core::RegionLevel::kCounty) {
      if (const auto& county = FindRegion(code)) out += county->name;
    }
    return out;
  }

  // The county called `name` in `city`, else `fallback`.
  std::string CountyByName(const std::string& city, const std::string& name,
                           const std::string& fallback) {
    store::RegionFilter filter;
    filter.parent_code = city;
    filter.name = name;
    for (const auto& r : store::ListRegions(tx_, filter, "", 50).items) {
      if (r.name == name) return r.code;
    }
    return fallback;
  }

  // `code` when the industries table has it, else its nearest ancestor there.
  std::string Industry(const std::string& code) {
    for (std::string c = code; !c.empty(); c = core::IndustryParent(c)) {
      if (FindIndustry(c)) return c;
    }
    return code;
  }

  std::string IndustryName(const std::string& code) {
    const auto& i = FindIndustry(code);
    return i ? i->name : code;
  }

  const std::vector<domain::Major>& MajorsOfClass(const std::string& class_code) {
    auto it = classes_.find(class_code);
    if (it != classes_.end()) return it->second;
    std::vector<domain::Major> majors;
    store::MajorFilter filter;
    filter.class_code = class_code;
    std::string after;
    for (;;) {
      auto page = store::ListMajors(tx_, filter, after, 200);
      majors.insert(majors.end(), page.items.begin(), page.items.end());
      if (!page.next_after) break;
      after = *page.next_after;
    }
    return classes_.emplace(class_code, std::move(majors)).first->second;
  }

  const std::optional<domain::Major>& FindMajor(const std::string& code) {
    auto it = majors_.find(code);
    if (it == majors_.end()) it = majors_.emplace(code, store::GetMajor(tx_, code)).first;
    return it->second;
  }

  // Name of an accepted-majors entry: a major, a class (4 digits) or a category (2 digits).
  std::string AcceptedName(const std::string& code) {
    if (code.size() == 4) {
      const auto& majors = MajorsOfClass(code);
      if (!majors.empty()) return majors.front().class_name;
    } else if (code.size() == 2) {
      store::MajorFilter filter;
      filter.category_code = code;
      auto page = store::ListMajors(tx_, filter, "", 1);
      if (!page.items.empty()) return page.items.front().category_name;
    } else if (const auto& major = FindMajor(code)) {
      return major->name;
    }
    return code;
  }

 private:
  const std::optional<domain::Industry>& FindIndustry(const std::string& code) {
    auto it = industries_.find(code);
    if (it == industries_.end())
      it = industries_.emplace(code, store::GetIndustry(tx_, code)).first;
    return it->second;
  }

  store::Tx& tx_;
  std::map<std::string, std::optional<domain::Region>> regions_;
  std::map<std::string, std::optional<domain::Industry>> industries_;
  std::map<std::string, std::optional<domain::Major>> majors_;
  std::map<std::string, std::vector<domain::Major>> classes_;
};

// ---- The plan: every row of the demo, references by index ------------------------------------

struct PlannedUnit {
  domain::Unit unit;
  std::size_t institution = 0;
  std::vector<std::string> majors;  // codes students of this unit study
  int students = 0;
  int female_percent = 50;
};

struct PlannedOrganization {
  domain::Organization organization;
  d::Family family = d::Family::kNone;
  int posts = 0;  // fixed number of posts; 0: drawn
};

struct PlannedRelation {
  std::size_t from = 0;
  std::string kind;
  std::size_t to = 0;
};

struct PlannedContact {
  domain::Contact contact;
  std::optional<std::size_t> organization;
  std::optional<std::size_t> unit;
};

struct PlannedStudent {
  domain::Student student;
  std::size_t unit = 0;  // the institution follows from the unit
};

struct PlannedPost {
  domain::Post post;
  std::size_t organization = 0;
};

struct Plan {
  std::vector<domain::Institution> institutions;
  std::vector<PlannedUnit> units;
  std::vector<PlannedOrganization> organizations;
  std::vector<PlannedRelation> relations;
  std::vector<PlannedContact> contacts;
  std::vector<PlannedStudent> students;
  std::vector<PlannedPost> posts;
};

// The majors a school teaches, from its spec and what the majors table holds: per class the
// preferred codes that exist, else the first three basic (non-T) majors of the class.
std::vector<std::string> ChooseMajors(Reference& ref, const std::vector<d::MajorSpec>& specs,
                                      std::string_view level) {
  std::vector<std::string> out;
  for (const auto& spec : specs) {
    const auto& all = ref.MajorsOfClass(S(spec.class_code));
    std::vector<const domain::Major*> candidates;
    for (const auto& m : all) {
      if (m.level == level) candidates.push_back(&m);
    }
    if (candidates.empty()) {
      for (const auto& m : all) candidates.push_back(&m);
    }
    std::vector<std::string> chosen;
    for (std::string_view code : spec.preferred) {
      for (const auto* m : candidates) {
        if (m->code == code) chosen.push_back(m->code);
      }
    }
    if (chosen.empty()) {
      for (const auto* m : candidates) {
        if (chosen.size() < 3 && m->code.find('T') == std::string::npos) chosen.push_back(m->code);
      }
    }
    if (chosen.empty()) {
      for (const auto* m : candidates) {
        if (chosen.size() < 3) chosen.push_back(m->code);
      }
    }
    out.insert(out.end(), chosen.begin(), chosen.end());
  }
  return out;
}

class Planner {
 public:
  explicit Planner(Reference& ref) : ref_(ref) {}

  Plan Build() {
    AddInstitutions();
    AddScenarioOrganizations();
    AddGeneratedEnterprises();
    AddStudents();
    AddPosts();
    return std::move(plan_);
  }

 private:
  // ---- people and codes ----

  std::string PersonName(Rng& rng, bool female) {
    const auto& surnames = d::Surnames();
    // The smaller of two draws favours the common surnames at the front of the list.
    std::size_t index = std::min(rng.Below(surnames.size()), rng.Below(surnames.size()));
    std::string name(surnames[index]);
    const auto& chars = female ? d::FemaleGivenChars() : d::MaleGivenChars();
    std::string_view first = rng.Pick(chars);
    name += first;
    if (rng.Chance(70)) {
      std::string_view second = rng.Pick(chars);
      while (second == first) second = rng.Pick(chars);
      name += second;
    }
    return name;
  }

  // A credit code nobody else in the demo has. These codes are synthetic: the real codes of
  // the real bodies named here are not known to us, and a made-up code must not pass for one.
  // Prefix: "91" enterprise or bank (registered by market regulation), "11" government body,
  // "12" public institution, "51" social organization.
  std::string CreditCode(std::string_view kind, const std::string& region) {
    std::string_view prefix = kind == "government" || kind == "park" ? "11"
                              : kind == "association"                ? "51"
                              : kind == "other"                      ? "12"
                                                                     : "91";
    constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (;;) {
      std::string body;
      if (prefix == "91") {
        body = "MA";  // the form of organization codes assigned since the 2015 reform
        for (int i = 0; i < 6; ++i) body += kAlphabet[codes_rng_.Below(kAlphabet.size())];
      } else {
        for (int i = 0; i < 8; ++i) body += static_cast<char>('0' + codes_rng_.Below(10));
      }
      std::string code = MakeCreditCode(prefix, region, body);
      if (!code.empty() && credit_codes_.insert(code).second) return code;
    }
  }

  void AddContact(Rng& rng, std::string_view title, std::optional<std::size_t> organization,
                  std::optional<std::size_t> unit) {
    PlannedContact c;
    c.contact.name = PersonName(rng, rng.Chance(30));
    c.contact.title = S(title);
    if (rng.Chance(75)) c.contact.phone = MakeMobile(rng);
    c.organization = organization;
    c.unit = unit;
    plan_.contacts.push_back(std::move(c));
  }

  // ---- institutions and units ----

  void AddInstitutions() {
    Rng people = Stream("unit contacts");
    for (std::size_t i = 0; i < d::Institutions().size(); ++i) {
      const d::InstitutionSpec& spec = d::Institutions()[i];
      domain::Institution inst;
      inst.code = S(spec.code);
      inst.name = S(spec.name);
      inst.name_en = S(spec.name_en);
      inst.kind = S(spec.kind);
      inst.region_code = ref_.Region(S(spec.region));
      inst.website = S(spec.website);
      plan_.institutions.push_back(inst);

      int number = 0;
      for (const auto& school : spec.schools) {
        PlannedUnit u;
        u.unit.code = ZeroPad(++number, 2);
        u.unit.name = S(school.name);
        u.unit.name_en = S(school.name_en);
        u.unit.kind = "school";
        u.institution = i;
        u.majors = ChooseMajors(ref_, school.majors, spec.level);
        u.students = school.students;
        u.female_percent = school.female_percent;
        plan_.units.push_back(std::move(u));
        AddContact(people, "院长", std::nullopt, plan_.units.size() - 1);
        AddContact(people, "党委书记", std::nullopt, plan_.units.size() - 1);
      }
      number = 20;  // industrial colleges are numbered from 21
      for (const auto& college : spec.colleges) {
        PlannedUnit u;
        u.unit.code = ZeroPad(++number, 2);
        u.unit.name = S(college.name);
        u.unit.name_en = S(college.name_en);
        u.unit.kind = "industrial_college";
        u.unit.platform_level = S(college.platform_level);
        u.institution = i;
        plan_.units.push_back(std::move(u));
        AddContact(people, "院长", std::nullopt, plan_.units.size() - 1);
      }
    }
  }

  // ---- organizations ----

  std::vector<std::string> DrawTags(Rng& rng, std::string_view size) {
    std::vector<std::string> tags;
    if (rng.Chance(35)) tags.push_back("high_tech");
    if (size != "large" && rng.Chance(20)) {
      tags.push_back("specialized_new");
      if (rng.Chance(25)) tags.push_back("little_giant");
    }
    return tags;
  }

  std::string Address(Rng& rng, const std::string& region) {
    return ref_.PlaceName(region) + std::string(rng.Pick(d::Roads())) +
           std::to_string(rng.Between(1, 399)) + "号";
  }

  std::size_t AddOrganization(domain::Organization org, d::Family family, int posts) {
    org_names_.insert(org.name);
    plan_.organizations.push_back({std::move(org), family, posts});
    return plan_.organizations.size() - 1;
  }

  // A body of the scenarios. Without a description of its own it is described by
  // `membership` ("金山区科技企业协会会员单位") and its industry.
  std::size_t AddFixed(const d::OrgSpec& spec, const std::string& region_code,
                       std::string_view membership = {}) {
    Rng& rng = orgs_rng_;
    domain::Organization org;
    org.kind = S(spec.kind);
    org.name = S(spec.name);
    org.name_en = S(spec.name_en);
    org.ownership = S(spec.ownership);
    org.size = S(spec.size);
    std::string region = ref_.Region(region_code);
    org.region_code = region;
    if (!spec.industry.empty()) org.industry_code = ref_.Industry(S(spec.industry));
    org.credit_code = CreditCode(spec.kind, region);
    org.address = Address(rng, region);
    org.description = S(spec.description);
    if (org.description.empty() && org.industry_code) {
      org.description =
          S(membership) + "，所属行业：" + ref_.IndustryName(*org.industry_code) + "。";
    }
    org.tags = Strings(spec.tags);
    org.verified = true;
    std::size_t index = AddOrganization(std::move(org), spec.family, spec.posts);
    for (std::string_view title : spec.contact_titles) {
      AddContact(people_rng_, title, index, std::nullopt);
    }
    return index;
  }

  void AddScenarioOrganizations() {
    // 1. Jinzhou SASAC and the enterprises it supervises. The SASAC comes first: its credit
    //    code marks a database that holds the demo (see DemoPresent).
    std::size_t sasac = AddFixed(d::JinzhouSasac(), S(d::JinzhouSasac().region));
    for (const auto& spec : d::JinzhouStateOwnedEnterprises()) {
      std::size_t soe = AddFixed(spec, S(spec.region));
      plan_.relations.push_back({sasac, "supervises", soe});
    }
    // 2 and 3.
    AddFixed(d::MiitSmeCenter(), S(d::MiitSmeCenter().region));
    AddFixed(d::JohonHuayi(), S(d::JohonHuayi().region));
    // 4. Jinshan.
    std::size_t association = AddFixed(d::JinshanAssociation(), S(d::JinshanAssociation().region));
    for (const auto& spec : d::JinshanMembers()) {
      std::size_t member = AddFixed(spec, S(spec.region), "金山区科技企业协会会员单位");
      plan_.relations.push_back({member, "member_of", association});
    }
    AddFixed(d::ConstructionBankJinshan(), S(d::ConstructionBankJinshan().region));
    for (const auto& spec : d::JinshanGuidingUnits()) AddFixed(spec, S(spec.region));
    // 5. Yingshan County (Nanchong, Sichuan): its code is looked up by name.
    std::string yingshan = ref_.CountyByName("511300", "营山县", S(d::YingshanGovernment().region));
    AddFixed(d::YingshanGovernment(), yingshan);
    std::size_t park = AddFixed(d::YingshanPark(), yingshan);
    for (const auto& spec : d::YingshanEnterprises()) {
      std::size_t enterprise = AddFixed(spec, yingshan, "营山经济开发区入园企业");
      plan_.relations.push_back({enterprise, "located_in", park});
    }
  }

  void AddGeneratedEnterprises() {
    Rng& rng = orgs_rng_;
    for (const d::CitySpec& city : d::Cities()) {
      for (int n = 0; n < city.enterprises; ++n) {
        std::string size = [&] {
          int r = rng.Between(1, 100);
          return r <= 10 ? "micro" : r <= 50 ? "small" : r <= 82 ? "medium" : "large";
        }();
        const auto* brand = &rng.Pick(d::Brands());
        const auto* business = &rng.Pick(d::Businesses());
        bool joint_stock = size == "large" && rng.Chance(50);
        std::string name;
        for (;;) {
          name = S(city.name) + S(brand->first) + S(business->name) +
                 (joint_stock ? "股份有限公司" : "有限公司");
          if (!org_names_.count(name)) break;
          brand = &rng.Pick(d::Brands());
          business = &rng.Pick(d::Businesses());
        }
        domain::Organization org;
        org.name = name;
        org.name_en =
            S(city.name_en) + " " + S(brand->second) + " " + S(business->name_en) + " Co., Ltd";
        int r = rng.Between(1, 100);
        org.ownership = r <= 74   ? "private"
                        : r <= 84 ? "mixed"
                        : r <= 92 ? "foreign"
                                  : "state_owned";
        org.size = size;
        std::string region =
            ref_.Region(S(city.districts.empty() ? city.city : rng.Pick(city.districts)));
        org.region_code = region;
        org.industry_code = ref_.Industry(S(rng.Pick(business->industries)));
        org.credit_code = CreditCode("enterprise", region);
        org.address = Address(rng, region);
        int employees = size == "micro"    ? rng.Between(5, 19)
                        : size == "small"  ? rng.Between(20, 299)
                        : size == "medium" ? rng.Between(300, 999)
                                           : rng.Between(1000, 6000);
        org.description = name + "成立于" + std::to_string(rng.Between(1995, 2022)) +
                          "年，现有员工约" + std::to_string(employees) + "人，主要从事" +
                          S(business->activity) + "。";
        org.tags = DrawTags(rng, size);
        org.verified = rng.Chance(70);
        std::size_t index = AddOrganization(std::move(org), business->family, 0);
        AddContact(people_rng_, rng.Pick(d::HrTitles()), index, std::nullopt);
      }
    }
  }

  // ---- students ----

  std::vector<std::string> DrawDistinct(Rng& rng, const d::Words& pool, int count) {
    std::vector<std::string> items(pool.begin(), pool.end());
    std::vector<std::string> out;
    for (int i = 0; i < count && !items.empty(); ++i) {
      std::size_t k = rng.Below(items.size());
      out.push_back(items[k]);
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(k));
    }
    return out;
  }

  // The demo is set in late 2026: the graduates of 2023 to 2026, whose destinations are
  // followed, and the class of 2027, graduating next summer and the busiest on the platform
  // (30 %; 2023, 2025 and 2026 20 % each, 2024 10 %). One draw, whose value modulo 5 is the
  // uniform 2023-2027 draw the demo made before, so the classes of 2023, 2025 and 2026 (and
  // their historical records) keep the same students; half of the class of 2024 moves to 2027.
  static std::int64_t Cohort(Rng& rng) {
    int draw = rng.Between(0, 9);
    return draw == 6 ? kDemoStudentCohort : 2023 + draw % 5;
  }

  void AddStudents() {
    Rng rng = Stream("students");
    std::set<std::string> id_numbers;
    for (std::size_t u = 0; u < plan_.units.size(); ++u) {
      const PlannedUnit& unit = plan_.units[u];
      if (unit.majors.empty() || unit.students <= 0) continue;
      const d::InstitutionSpec& spec = d::Institutions()[unit.institution];
      const domain::Institution& inst = plan_.institutions[unit.institution];
      const bool vocational = spec.level == "vocational";
      std::map<int, int> sequence_by_entry_year;
      for (int k = 0; k < unit.students; ++k) {
        domain::Student s;
        s.cohort = Cohort(rng);
        int entry_year = static_cast<int>(s.cohort) - (vocational ? 3 : 4);
        s.student_no = std::to_string(entry_year) + unit.unit.code +
                       ZeroPad(++sequence_by_entry_year[entry_year], 4);
        bool female = rng.Chance(unit.female_percent);
        s.gender = female ? "female" : "male";
        s.name = PersonName(rng, female);
        s.major_code = rng.Pick(unit.majors);
        s.level = S(spec.level);

        const d::Words& places = d::Birthplaces(spec.homeland);
        auto home = static_cast<std::size_t>(d::HomeProvinceCount(spec.homeland));
        std::string birthplace(rng.Chance(75) ? places[rng.Below(home)]
                                              : places[home + rng.Below(places.size() - home)]);
        // GB 11643: the birth date of a typical graduate; odd sequence for men, even for women.
        int birth_year = static_cast<int>(s.cohort) - 22;
        int month = rng.Between(1, 12);
        int day = rng.Between(1, DaysInMonth(birth_year, month));
        std::string id_number;
        do {
          int sequence = rng.Between(0, 499) * 2 + (female ? 0 : 1);
          id_number = MakeIdNumber(birthplace, birth_year, month, day, sequence);
        } while (id_numbers.count(id_number));
        id_numbers.insert(id_number);
        if (rng.Chance(90)) s.id_number = id_number;
        if (rng.Chance(92)) s.phone = MakeMobile(rng);
        if (rng.Chance(55)) s.email = s.student_no + "@" + S(spec.mail_domain);

        const d::Words& pool = d::SkillPool(s.major_code);
        s.skills = DrawDistinct(rng, pool,
                                rng.Between(3, std::min<int>(5, static_cast<int>(pool.size()))));
        if (rng.Chance(50)) {
          std::string general(rng.Pick(d::GeneralSkills()));
          if (std::find(s.skills.begin(), s.skills.end(), general) == s.skills.end()) {
            s.skills.push_back(general);
          }
        }

        auto prefer = [&](const std::string& code) {
          std::string resolved = ref_.Place(code);
          if (std::find(s.preferred_regions.begin(), s.preferred_regions.end(), resolved) ==
              s.preferred_regions.end()) {
            s.preferred_regions.push_back(resolved);
          }
        };
        prefer(core::RegionCity(inst.region_code));
        if (rng.Chance(60)) prefer(core::RegionProvince(birthplace));
        if (rng.Chance(40)) prefer(S(rng.Pick(d::HotCities())));

        std::string major_class = core::MajorClass(s.major_code);
        s.preferred_industries =
            DrawDistinct(rng, d::ClassIndustries(major_class), rng.Between(1, 2));
        for (auto& code : s.preferred_industries) code = ref_.Industry(code);

        if (rng.Chance(90)) {
          // The smaller of two draws: most expect a modest start, a few aim high.
          int steps = std::min(rng.Between(0, 12), rng.Between(0, 12));
          std::int64_t low = (vocational ? 3500 : 4000) + steps * 500;
          s.expected_salary_min = low;
          s.expected_salary_max = std::min<std::int64_t>(15000, low + rng.Between(2, 10) * 500);
        }
        s.willing_to_relocate = rng.Chance(85);
        s.talent_search_consent = rng.Chance(45);

        std::string major_name = ref_.AcceptedName(s.major_code);
        std::vector<std::string> region_names;
        for (const auto& code : s.preferred_regions) region_names.push_back(ref_.RegionName(code));
        s.resume = s.name + "，" + inst.name + unit.unit.name + major_name + "专业" +
                   std::to_string(s.cohort) + "届" + (vocational ? "专科" : "本科") +
                   "毕业生。熟练掌握" + Join(s.skills, "、") + "。" +
                   std::string(rng.Pick(d::ResumeHighlights())) + "求职意向：" + major_name +
                   "相关岗位；期望工作地点：" + Join(region_names, "、") +
                   (s.willing_to_relocate ? "，也可接受其他城市。" : "。");
        plan_.students.push_back({std::move(s), u});
      }
    }
  }

  // ---- posts ----

  // Monthly pay differs by region: percent applied to the templates' national ranges.
  static int RegionalPayPercent(const std::string& region) {
    std::string province = region.substr(0, 2);
    if (province == "31" || province == "11" || province == "44") return 125;
    if (province == "32" || province == "33") return 115;
    if (province == "21") return 90;
    return 95;
  }

  std::vector<std::string> AcceptedMajors(const d::Words& entries) {
    std::vector<std::string> out;
    auto add = [&out](std::string code) {
      if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    };
    for (std::string_view entry : entries) {
      std::string code(entry);
      if (code.size() == 2 || code.size() == 4 || ref_.FindMajor(code)) {
        add(code);
      } else {
        add(code.substr(0, 4));  // a major the catalog lacks: accept its class
      }
    }
    return out;
  }

  static std::string_view LevelName(std::string_view level) {
    if (level == "vocational") return "专科";
    if (level == "master") return "硕士研究生";
    if (level == "doctor") return "博士研究生";
    return "本科";
  }

  void AddPost(Rng& rng, std::size_t index, const d::PostTemplate& t) {
    const domain::Organization& org = plan_.organizations[index].organization;
    domain::Post p;
    p.title = S(t.title);
    if (t.kind == "full_time" && rng.Chance(15)) p.title += "（2027届校园招聘）";
    p.kind = S(t.kind);
    p.headcount = t.kind == "internship"  ? rng.Between(2, 15)
                  : t.kind == "part_time" ? rng.Between(1, 3)
                                          : rng.Between(1, org.size == "large" ? 10 : 5);
    p.accepted_majors = AcceptedMajors(t.majors);
    p.min_level = S(t.min_level);
    p.required_skills = Strings(t.required);
    p.preferred_skills = Strings(t.preferred);
    std::string home = org.region_code.value_or("210700");
    int where = rng.Between(1, 100);
    if (where <= 85) {
      p.region_code = home;
    } else if (where <= 95 || org.size == "micro") {
      p.region_code = ref_.Place(core::RegionCity(home));
    } else {
      p.region_code = ref_.Place(S(rng.Pick(d::HotCities())));  // a branch elsewhere
    }
    p.industry_code = org.industry_code;

    int percent = RegionalPayPercent(p.region_code);
    int spread = t.salary_high - t.salary_low;
    int low = rng.Between(t.salary_low / 100, (t.salary_low + spread / 2) / 100) * 100;
    int high = low + std::max(500, rng.Between(spread / 400, spread / 100) * 100);
    p.salary_min = (low * percent / 100) / 100 * 100;
    p.salary_max = (high * percent / 100) / 100 * 100;

    std::int64_t open = DaysFromCivil(2026, 1, 5) + rng.Between(0, 320);
    p.open_date = CivilFromDays(open);
    p.close_date = CivilFromDays(open + rng.Between(30, 180));
    int status = rng.Between(1, 100);
    p.status = status <= 80 ? "open" : status <= 92 ? "closed" : "draft";

    std::vector<std::string> major_names;
    for (const auto& code : p.accepted_majors) major_names.push_back(ref_.AcceptedName(code));
    std::string requirement =
        major_names.empty() ? "专业不限，" : Join(major_names, "、") + "等相关专业，";
    p.description = org.name + "招聘" + p.title + std::to_string(p.headcount) + "人。\n岗位职责：" +
                    S(t.duties) + "。\n任职要求：" + requirement + S(LevelName(t.min_level)) +
                    "及以上学历；熟悉" + Join(p.required_skills, "、");
    if (!p.preferred_skills.empty()) {
      p.description += "，具备" + Join(p.preferred_skills, "、") + "者优先";
    }
    p.description += "。\n工作地点：" + ref_.PlaceName(p.region_code) + "。\n薪酬待遇：" +
                     std::to_string(*p.salary_min) + "-" + std::to_string(*p.salary_max) + "元/月";
    if (t.kind == "full_time") p.description += "，缴纳五险一金";
    if (t.kind == "internship") p.description += "，实习期3-6个月，考核合格可签订就业协议";
    p.description += "。";
    plan_.posts.push_back({std::move(p), index});
  }

  void AddPosts() {
    Rng rng = Stream("posts");
    std::vector<std::size_t> drawn;  // enterprises without a fixed number of posts
    for (std::size_t i = 0; i < plan_.organizations.size(); ++i) {
      const PlannedOrganization& po = plan_.organizations[i];
      if (po.organization.kind != "enterprise") continue;
      const auto& own = d::PostTemplates(po.family);
      if (po.posts > 0) {
        // Distinct posts: its own templates in a shuffled order (the Youlate group interview in
        // the order of the scenario), then common ones.
        std::vector<const d::PostTemplate*> order;
        for (const auto& t : own) order.push_back(&t);
        if (po.family != d::Family::kYoulate) {
          for (std::size_t k = order.size(); k > 1; --k)
            std::swap(order[k - 1], order[rng.Below(k)]);
        }
        for (const auto& t : d::CommonPostTemplates()) order.push_back(&t);
        for (int k = 0; k < po.posts; ++k)
          AddPost(rng, i, *order[static_cast<std::size_t>(k) % order.size()]);
      } else {
        drawn.push_back(i);
      }
    }
    // Every other enterprise gets a post; bigger ones more of the rest.
    std::map<std::size_t, std::set<std::string_view>> titles;
    auto draw = [&](std::size_t index) {
      const PlannedOrganization& po = plan_.organizations[index];
      const d::PostTemplate* t = nullptr;
      for (int attempt = 0; attempt < 6; ++attempt) {
        t = rng.Chance(22) ? &rng.Pick(d::CommonPostTemplates())
                           : &rng.Pick(d::PostTemplates(po.family));
        if (!titles[index].count(t->title)) break;
      }
      titles[index].insert(t->title);
      AddPost(rng, index, *t);
    };
    for (std::size_t index : drawn) {
      if (plan_.posts.size() < kPostCount) draw(index);
    }
    std::vector<std::size_t> weighted;
    for (std::size_t index : drawn) {
      const std::string& size = plan_.organizations[index].organization.size;
      int weight = size == "large" ? 4 : size == "medium" ? 3 : size == "small" ? 2 : 1;
      for (int w = 0; w < weight; ++w) weighted.push_back(index);
    }
    while (plan_.posts.size() < kPostCount && !weighted.empty()) draw(rng.Pick(weighted));
  }

  Reference& ref_;
  Plan plan_;
  Rng orgs_rng_ = Stream("organizations");
  Rng people_rng_ = Stream("organization contacts");
  Rng codes_rng_ = Stream("credit codes");
  std::set<std::string> credit_codes_;
  std::set<std::string> org_names_;
};

// ---- Writing ---------------------------------------------------------------------------------

// Every demo row is checked before it is written: a failure here is a bug in the demo.
template <class T>
Status CheckValid(const T& value, const std::string& what) {
  auto errors = domain::Validate(value);
  if (errors.empty()) return {};
  std::string message = "demo data: " + what + " is invalid:";
  for (const auto& e : errors) message += " " + e.field + " " + e.message + ";";
  return Error{ErrorCode::kInternal, message, errors};
}

DemoSummary Summarize(const Plan& plan) {
  DemoSummary s;
  s.institutions = static_cast<int>(plan.institutions.size());
  s.units = static_cast<int>(plan.units.size());
  s.organizations = static_cast<int>(plan.organizations.size()) + MatchDemoOrganizationCount();
  s.relations = static_cast<int>(plan.relations.size());
  s.contacts = static_cast<int>(plan.contacts.size());
  s.students = static_cast<int>(plan.students.size());
  s.posts = static_cast<int>(plan.posts.size()) + MatchDemoPostCount();
  return s;
}

bool InstitutionCodeTaken(store::Tx& tx, const std::string& code) {
  store::Where where;
  where.And("code = ?", {store::P(code)});
  return store::Repository<domain::Institution>::Count(tx, where) > 0;
}

// True when the database holds the demo: its first institution and its first organization
// (the Jinzhou SASAC, by credit code) are there. Otherwise none of the demo's keys may be taken.
Result<bool> DemoPresent(store::Tx& tx, const Plan& plan) {
  const auto& marker = plan.organizations.front().organization;
  if (InstitutionCodeTaken(tx, plan.institutions.front().code) &&
      store::FindOrganizationByCreditCode(tx, *marker.credit_code)) {
    return true;
  }
  for (const auto& inst : plan.institutions) {
    if (InstitutionCodeTaken(tx, inst.code)) {
      return Error::Conflict("cannot add the demo: an institution with the code " + inst.code +
                             " (" + inst.name + " in the demo) is already in the database");
    }
  }
  for (const auto& po : plan.organizations) {
    const auto& org = po.organization;
    if (auto other = store::FindOrganizationByCreditCode(tx, *org.credit_code)) {
      return Error::Conflict("cannot add the demo: the credit code " + *org.credit_code + " of " +
                             org.name + " is already used by " + other->name);
    }
  }
  return false;
}

Status WritePlan(store::Tx& tx, const Plan& plan, const std::string& now) {
  using store::Repository;
  std::vector<Id> institution_ids, unit_ids, organization_ids;
  for (const auto& inst : plan.institutions) {
    TB_TRY_STATUS(CheckValid(inst, "institution " + inst.name));
    institution_ids.push_back(Repository<domain::Institution>::Insert(tx, inst, now).id);
  }
  for (const auto& pu : plan.units) {
    domain::Unit unit = pu.unit;
    unit.institution_id = institution_ids[pu.institution];
    TB_TRY_STATUS(CheckValid(unit, "unit " + unit.name));
    unit_ids.push_back(Repository<domain::Unit>::Insert(tx, std::move(unit), now).id);
  }
  for (const auto& po : plan.organizations) {
    TB_TRY_STATUS(CheckValid(po.organization, "organization " + po.organization.name));
    domain::Organization organization = po.organization;
    service::Prepare(organization);  // the normalized name, as the service sets it
    organization_ids.push_back(
        Repository<domain::Organization>::Insert(tx, std::move(organization), now).id);
  }
  for (const auto& pr : plan.relations) {
    domain::Relation relation;
    relation.from_id = organization_ids[pr.from];
    relation.kind = pr.kind;
    relation.to_id = organization_ids[pr.to];
    TB_TRY_STATUS(CheckValid(relation, "relation " + plan.organizations[pr.from].organization.name +
                                           " " + pr.kind + " " +
                                           plan.organizations[pr.to].organization.name));
    Repository<domain::Relation>::Insert(tx, std::move(relation), now);
  }
  for (const auto& pc : plan.contacts) {
    domain::Contact contact = pc.contact;
    if (pc.organization) contact.organization_id = organization_ids[*pc.organization];
    if (pc.unit) contact.unit_id = unit_ids[*pc.unit];
    TB_TRY_STATUS(CheckValid(contact, "contact " + contact.name));
    Repository<domain::Contact>::Insert(tx, std::move(contact), now);
  }
  for (const auto& ps : plan.students) {
    domain::Student student = ps.student;
    student.institution_id = institution_ids[plan.units[ps.unit].institution];
    student.unit_id = unit_ids[ps.unit];
    TB_TRY_STATUS(CheckValid(student, "student " + student.student_no + " " + student.name));
    Repository<domain::Student>::Insert(tx, std::move(student), now);
  }
  // Posts are planned around 1 July 2026; move their dates so that day is the seeding day, so a
  // demo started any day has its usual mix of open, upcoming and closed posts.
  const std::int64_t shift = core::DayNumber(now) - DaysFromCivil(2026, 7, 1);
  auto shifted = [&](const std::optional<std::string>& date) -> std::optional<std::string> {
    if (!date) return date;
    return CivilFromDays(core::DayNumber(*date) + shift);
  };
  for (const auto& pp : plan.posts) {
    domain::Post post = pp.post;
    post.organization_id = organization_ids[pp.organization];
    post.open_date = shifted(post.open_date);
    post.close_date = shifted(post.close_date);
    TB_TRY_STATUS(CheckValid(post, "post " + post.title + " of " +
                                       plan.organizations[pp.organization].organization.name));
    service::WritePostSkills(tx, Repository<domain::Post>::Insert(tx, std::move(post), now));
  }
  return {};
}

}  // namespace

Result<DemoSummary> SeedDemo(store::Database& db) {
  TB_TRY_STATUS(report::LoadBuiltinReferenceData(db));
  const std::string now = core::NowUtc();
  return db.Write([&](store::Tx& tx) -> Result<DemoSummary> {
    Reference ref(tx);
    Plan plan = Planner(ref).Build();
    DemoSummary summary = Summarize(plan);
    TB_TRY(bool present, DemoPresent(tx, plan));
    if (present) return summary;
    TB_TRY_STATUS(WritePlan(tx, plan, now));
    TB_TRY(int employers, SeedPartnershipDemo(tx, now));
    summary.organizations += employers;
    TB_TRY_STATUS(SeedAgreementDemo(tx, now));
    TB_TRY_STATUS(SeedRecruitmentDemo(tx, now));
    TB_TRY_STATUS(SeedMatchDemo(tx, now));
    summary.created = true;
    return summary;
  });
}

}  // namespace tb::demo
