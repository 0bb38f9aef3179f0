#include "testing/builders.hpp"

#include <atomic>
#include <string_view>
#include <vector>

#include "core/validate.hpp"
#include "store/queries.hpp"

namespace tb::testing {

namespace {

constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A new number on every call, for keys that must be unique.
std::uint64_t NextSerial() {
  static std::atomic<std::uint64_t> serial{1};
  return serial.fetch_add(1);
}

}  // namespace

std::string CreditCode(std::uint64_t seed) {
  // Nine base-31 digits of the seed: distinct seeds below 31^9 give distinct codes.
  std::string organization(9, '0');
  for (int i = 8; i >= 0; --i) {
    organization[static_cast<std::size_t>(i)] = kCreditAlphabet[seed % kCreditAlphabet.size()];
    seed /= kCreditAlphabet.size();
  }
  std::string first17 = "91" + std::string(kJinzhou) + organization;
  return first17 + core::CreditCodeCheckCharacter(first17);
}

domain::Organization ValidOrganization(const std::string& name) {
  domain::Organization o;
  o.kind = "enterprise";
  o.name = name;
  o.name_en = "Test Auto Parts Co., Ltd";
  o.credit_code = CreditCode(NextSerial());
  o.ownership = "private";
  o.size = "medium";
  o.industry_code = kAutoPartsIndustry;
  o.region_code = kJinzhou;
  o.address = "辽宁省锦州市古塔区北京路1号";
  o.website = "https://example.cn";
  o.description = "汽车零部件研发与制造";
  o.tags = {"high_tech"};
  o.verified = false;
  return o;
}

domain::Institution ValidInstitution() {
  domain::Institution i;
  i.code = "41" + std::to_string(10000000 + NextSerial());
  i.name = "沈阳工学院";
  i.name_en = "Shenyang Institute of Technology";
  i.kind = "university";
  i.region_code = kShenyang;
  i.website = "https://www.sit.edu.cn";
  return i;
}

domain::Unit ValidUnit(domain::Id institution_id, const std::string& name) {
  domain::Unit u;
  u.institution_id = institution_id;
  u.code = "U" + std::to_string(NextSerial());
  u.name = name;
  u.name_en = "School of Automobile and Transportation";
  u.kind = "school";
  u.platform_level = "";
  return u;
}

domain::Student ValidStudent(domain::Id institution_id, domain::Id unit_id) {
  domain::Student s;
  s.institution_id = institution_id;
  s.unit_id = unit_id;
  s.student_no = "2021" + std::to_string(100000 + NextSerial());
  s.name = "李明";
  s.gender = "male";
  s.major_code = kVehicleEngineering;
  s.level = "bachelor";
  s.cohort = 2025;
  s.skills = {"CATIA", "AutoCAD"};
  s.preferred_regions = {kLiaoning};
  s.preferred_industries = {kAutoPartsIndustry};
  s.willing_to_relocate = true;
  s.resume = "车辆工程专业，熟悉汽车零部件设计。";
  s.talent_search_consent = false;
  return s;
}

domain::Post ValidPost(domain::Id organization_id) {
  domain::Post p;
  p.organization_id = organization_id;
  p.title = "汽车零部件设计工程师";
  p.kind = "full_time";
  p.headcount = 3;
  p.accepted_majors = {kVehicleEngineering, "0808"};
  p.min_level = "bachelor";
  p.required_skills = {"CATIA"};
  p.preferred_skills = {"AutoCAD"};
  p.region_code = kJinzhou;
  p.industry_code = kAutoPartsIndustry;
  p.salary_min = 6000;
  p.salary_max = 9000;
  p.description = "负责汽车零部件的结构设计。";
  p.status = "open";
  return p;
}

domain::Contact ValidContact(domain::Id organization_id) {
  domain::Contact c;
  c.organization_id = organization_id;
  c.name = "王强";
  c.title = "人力资源经理";
  c.phone = "13800000000";
  c.email = "hr@example.cn";
  return c;
}

domain::Relation ValidRelation(domain::Id from_id, const std::string& kind, domain::Id to_id) {
  domain::Relation r;
  r.from_id = from_id;
  r.kind = kind;
  r.to_id = to_id;
  return r;
}

void SeedReferenceRows(store::Tx& tx) {
  store::UpsertRegions(tx, {
                               {kLiaoning, "辽宁省", 1, ""},
                               {kShenyang, "沈阳市", 2, kLiaoning},
                               {kJinzhou, "锦州市", 2, kLiaoning},
                               {kJinzhouGuta, "古塔区", 3, kJinzhou},
                               {kChongqing, "重庆市", 1, ""},
                           });
  store::UpsertMajors(
      tx, {
              {kVehicleEngineering, "车辆工程", "0802", "机械类", "08", "工学", "bachelor", "2024"},
              {kElectricalEngineering, "电气工程及其自动化", "0806", "电气类", "08", "工学",
               "bachelor", "2024"},
          });
  store::UpsertIndustries(tx, {
                                  {"C", 1, "C", "制造业", "", ""},
                                  {"36", 2, "C", "汽车制造业", "", "C"},
                                  {"367", 3, "C", "汽车零部件及配件制造", "", "36"},
                                  {kAutoPartsIndustry, 4, "C", "汽车零部件及配件制造", "", "367"},
                                  {"I", 1, "I", "信息传输、软件和信息技术服务业", "", ""},
                                  {"65", 2, "I", "软件和信息技术服务业", "", "I"},
                                  {"651", 3, "I", "软件开发", "", "65"},
                                  {kSoftwareIndustry, 4, "I", "应用软件开发", "", "651"},
                              });
}

}  // namespace tb::testing
