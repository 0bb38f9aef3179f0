#include "demo/match_demo.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>

#include "demo/identifiers.hpp"
#include "domain/validation.hpp"
#include "service/post_skills.hpp"
#include "store/repository.hpp"

namespace tb::demo {

namespace {

struct MechanicalPost {
  std::string_view title;
  std::string_view kind;
  std::vector<std::string> majors;
  std::vector<std::string> required, preferred;
  int salary_low, salary_high;  // yuan per month in Shenyang; other cities scaled
  std::string_view duties;
  std::string_view requirement;
};

const std::vector<MechanicalPost>& Posts() {
  static const std::vector<MechanicalPost> kPosts = {
      {"机械设计工程师",
       "full_time",
       {"080202", "080203", "0802"},
       {"SolidWorks", "AutoCAD", "机械制图"},
       {"ANSYS", "CATIA"},
       6500,
       10000,
       "负责数控机床及自动化生产线关键部件的结构设计、三维建模、工程图绘制和设计评审",
       "机械设计制造及其自动化、材料成型及控制工程等机械类专业"},
      {"机械工艺工程师",
       "full_time",
       {"0802"},
       {"机械制图", "AutoCAD"},
       {"数控编程", "SolidWorks"},
       6000,
       9000,
       "负责零部件机加工艺路线制定、工艺文件编制、工装夹具设计和生产现场工艺问题处理",
       "机械类专业"},
      {"液压系统工程师",
       "full_time",
       {"080202", "080204"},
       {"AutoCAD", "机械制图"},
       {"SolidWorks", "MATLAB"},
       7000,
       11000,
       "负责起重及冶金设备液压系统的方案设计、元件选型、图纸绘制和现场调试",
       "机械设计制造及其自动化、机械电子工程专业"},
      {"结构设计工程师",
       "full_time",
       {"080202", "0802"},
       {"SolidWorks", "机械制图"},
       {"ANSYS", "UG/NX"},
       6500,
       10500,
       "负责大型装备钢结构及传动部件的设计计算、有限元校核和技术文件编制",
       "机械类专业"},
      {"设备工程师（机械方向）",
       "full_time",
       {"080202", "080204"},
       {"机械制图", "AutoCAD"},
       {"CATIA", "质量管理"},
       6000,
       9000,
       "负责生产设备的选型、安装验收、预防性维护和机械故障分析改进",
       "机械设计制造及其自动化、机械电子工程专业"},
      {"机械设计实习生",
       "internship",
       {"080202", "0802"},
       {"SolidWorks", "机械制图"},
       {"AutoCAD"},
       3000,
       4000,
       "在导师指导下参与产品零部件建模、图纸整理和样机装配，表现优秀者可签订就业协议",
       "机械类专业"},
  };
  return kPosts;
}

// Well-known equipment manufacturers of Liaoning (the bodies and places are real; the credit
// codes are synthetic, see identifiers.hpp), verified, each offering two of the posts above.
struct Manufacturer {
  std::string_view name, name_en, ownership, industry, region, address, description;
  int pay_percent;  // of Shenyang's salaries
};

constexpr Manufacturer kManufacturers[] = {
    {"沈阳机床股份有限公司", "Shenyang Machine Tool Co., Ltd", "state_owned", "34", "210106",
     "辽宁省沈阳市铁西区（沈阳经济技术开发区）",
     "国内主要的金属切削机床制造企业之一，生产数控车床、立式和卧式加工中心等数控机床。", 100},
    {"新松机器人自动化股份有限公司", "SIASUN Robot & Automation Co., Ltd", "mixed", "34", "210112",
     "辽宁省沈阳市浑南区",
     "由中国科学院沈阳自动化研究所发起创建的机器人企业，产品包括工业机器人、移动机器人和智能制造"
     "成套装备。",
     105},
    {"沈阳鼓风机集团股份有限公司", "Shenyang Blower Works Group Corporation", "state_owned", "34",
     "210106", "辽宁省沈阳市铁西区（沈阳经济技术开发区）",
     "生产大型离心压缩机、轴流压缩机、鼓风机和泵等重大技术装备，服务石化、冶金和能源行业。", 100},
    {"大连重工·起重集团有限公司", "Dalian Heavy Industry & Crane Group Co., Ltd", "state_owned",
     "34", "210200", "辽宁省大连市西岗区", "生产冶金、起重、港口装卸、能源和传动等重型机械装备。",
     108},
    {"瓦房店轴承集团有限责任公司", "Wafangdian Bearing Group Co., Ltd", "state_owned", "34",
     "210200", "辽宁省大连市瓦房店市",
     "生产各类滚动轴承，产品用于风电、轨道交通、冶金、矿山和机床等领域。", 95},
    {"鞍钢重型机械有限责任公司", "Angang Heavy Machinery Co., Ltd", "state_owned", "35", "210300",
     "辽宁省鞍山市", "鞍钢集团所属企业，从事冶金设备及备件制造、铸锻件生产和设备检修。", 90},
};
constexpr int kPostsPerEnterprise = 2;

std::string ShiftedDate(const std::string& now, int offset) {
  using namespace std::chrono;
  year_month_day today{year{std::stoi(now.substr(0, 4))},
                       month{static_cast<unsigned>(std::stoi(now.substr(5, 2)))},
                       day{static_cast<unsigned>(std::stoi(now.substr(8, 2)))}};
  year_month_day d{sys_days{today} + days{offset}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

template <class T>
Status CheckValid(const T& value, const std::string& what) {
  auto errors = domain::Validate(value);
  if (errors.empty()) return {};
  std::string message = "demo data: " + what + " is invalid:";
  for (const auto& e : errors) message += " " + e.field + " " + e.message + ";";
  return Error{ErrorCode::kInternal, message, errors};
}

std::string CityName(std::string_view region) {
  if (region.starts_with("2101")) return "沈阳市";
  if (region.starts_with("2102")) return "大连市";
  return "鞍山市";
}

}  // namespace

int MatchDemoOrganizationCount() { return static_cast<int>(std::size(kManufacturers)); }
int MatchDemoPostCount() { return MatchDemoOrganizationCount() * kPostsPerEnterprise; }

Status SeedMatchDemo(store::Tx& tx, const std::string& now) {
  const auto& templates = Posts();
  std::size_t next = 0;
  int written = 0;
  for (std::size_t m = 0; m < std::size(kManufacturers); ++m) {
    const Manufacturer& spec = kManufacturers[m];
    domain::Organization org;
    org.kind = "enterprise";
    org.name = std::string(spec.name);
    org.name_en = std::string(spec.name_en);
    org.ownership = std::string(spec.ownership);
    org.size = "large";
    org.industry_code = std::string(spec.industry);
    org.region_code = std::string(spec.region);
    org.credit_code = MakeCreditCode("91", spec.region, "MATCH00" + std::to_string(m + 1));
    org.address = std::string(spec.address);
    org.description = std::string(spec.description);
    org.tags = {"high_tech"};
    org.verified = true;
    TB_TRY_STATUS(CheckValid(org, "organization " + org.name));
    org = store::Repository<domain::Organization>::Insert(tx, std::move(org), now);
    for (int j = 0; j < kPostsPerEnterprise; ++j) {
      const MechanicalPost& t = templates[next++ % templates.size()];
      domain::Post p;
      p.organization_id = org.id;
      p.title = std::string(t.title);
      p.kind = std::string(t.kind);
      p.headcount = t.kind == "internship" ? 4 : 2 + written % 3;
      p.accepted_majors = t.majors;
      p.min_level = "bachelor";
      p.required_skills = t.required;
      p.preferred_skills = t.preferred;
      p.region_code = *org.region_code;
      p.industry_code = org.industry_code;
      p.salary_min = t.salary_low * spec.pay_percent / 100 / 100 * 100;
      p.salary_max = t.salary_high * spec.pay_percent / 100 / 100 * 100;
      // Opened in the last weeks, open for months: open on the seeding day.
      p.open_date = ShiftedDate(now, -(5 + 3 * written));
      p.close_date = ShiftedDate(now, 60 + 7 * written);
      p.status = "open";
      std::string skills, preferred;
      for (const auto& s : t.required) skills += (skills.empty() ? "" : "、") + s;
      for (const auto& s : t.preferred) preferred += (preferred.empty() ? "" : "、") + s;
      p.description = org.name + "招聘" + p.title + std::to_string(p.headcount) +
                      "人。\n岗位职责：" + std::string(t.duties) + "。\n任职要求：" +
                      std::string(t.requirement) + "本科及以上学历；熟练使用" + skills + "，具备" +
                      preferred + "经验者优先。\n工作地点：" + CityName(*org.region_code) +
                      "。\n薪酬待遇：" + std::to_string(*p.salary_min) + "-" +
                      std::to_string(*p.salary_max) + "元/月" +
                      (t.kind == "internship" ? "，提供实习补贴和食宿" : "，缴纳五险一金") + "。";
      TB_TRY_STATUS(CheckValid(p, "post " + p.title + " of " + org.name));
      service::WritePostSkills(tx, store::Repository<domain::Post>::Insert(tx, std::move(p), now));
      ++written;
    }
  }
  return {};
}

}  // namespace tb::demo
