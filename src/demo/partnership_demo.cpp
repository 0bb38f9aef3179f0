#include "demo/partnership_demo.hpp"

#include <string>
#include <vector>

#include "demo/demo_data.hpp"
#include "demo/identifiers.hpp"
#include "demo/random.hpp"
#include "domain/entities.hpp"
#include "domain/partnership.hpp"
#include "domain/validation.hpp"
#include "service/entity_service.hpp"
#include "store/partnership_queries.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"

namespace tb::demo {

namespace {

namespace d = tb::demo::data;
using domain::Id;
using store::P;
using store::Repository;
using store::Where;

template <class T>
Result<T> Insert(store::Tx& tx, T value, const std::string& now, const std::string& what) {
  auto errors = domain::Validate(value);
  if (!errors.empty()) {
    std::string message = "demo data: " + what + " is invalid:";
    for (const auto& e : errors) message += " " + e.field + " " + e.message + ";";
    return Error{ErrorCode::kInternal, message, errors};
  }
  return Repository<T>::Insert(tx, std::move(value), now);
}

template <class T>
Result<T> FindOne(store::Tx& tx, Where where, const std::string& what) {
  auto page = Repository<T>::List(tx, std::move(where), {0, 1});
  if (page.items.empty()) return Error::Internal("demo data: " + what + " is missing");
  return page.items.front();
}

Result<domain::Institution> InstitutionByCode(store::Tx& tx, const std::string& code) {
  return FindOne<domain::Institution>(tx, Where().And("code = ?", {P(code)}),
                                      "institution " + code);
}

Result<domain::Unit> UnitByName(store::Tx& tx, Id institution, const std::string& name) {
  return FindOne<domain::Unit>(
      tx, Where().And("institution_id = ? AND name = ?", {P(institution), P(name)}), name);
}

Result<domain::Organization> OrganizationByName(store::Tx& tx, const std::string& name) {
  return FindOne<domain::Organization>(tx, Where().And("name = ?", {P(name)}), name);
}

// The first contact of an organization, for the receiver of a visit.
std::optional<domain::Contact> ContactOf(store::Tx& tx, Id organization) {
  auto page = Repository<domain::Contact>::List(
      tx, Where().And("organization_id = ?", {P(organization)}), {0, 1});
  if (page.items.empty()) return std::nullopt;
  return page.items.front();
}

Status AddParticipant(store::Tx& tx, Id activity, std::optional<Id> organization,
                      std::optional<Id> unit, std::string role, const std::string& now) {
  domain::ActivityParticipant p;
  p.activity_id = activity;
  p.organization_id = organization;
  p.unit_id = unit;
  p.role = std::move(role);
  TB_TRY_STATUS(Insert(tx, std::move(p), now, "participant"));
  return {};
}

Status AddTask(store::Tx& tx, Id activity, std::string title, std::string owner,
               std::string due_date, bool done, const std::string& now) {
  domain::ActivityTask t;
  t.activity_id = activity;
  t.title = std::move(title);
  t.owner = std::move(owner);
  t.due_date = std::move(due_date);
  t.done = done;
  TB_TRY_STATUS(Insert(tx, std::move(t), now, "task"));
  return {};
}

domain::ActivityOutcome Line(Id activity, Id organization, std::string major, std::int64_t posts,
                             std::int64_t pay, std::int64_t interns, std::int64_t hires,
                             std::string form) {
  domain::ActivityOutcome o;
  o.activity_id = activity;
  o.organization_id = organization;
  o.major_code = std::move(major);
  o.level = "bachelor";
  o.posts_offered = posts;
  o.average_pay = pay;
  o.interns_accepted = interns;
  o.intern_pay = interns > 0 ? std::optional<std::int64_t>(pay / 2) : std::nullopt;
  o.hires_planned = hires;
  o.starting_salary = hires > 0 ? std::optional<std::int64_t>(pay - 500) : std::nullopt;
  o.main_result_form = std::move(form);
  return o;
}

// The first `count` posts of an organization (by id) came from `activity`: the demo's posts
// are dated and described already, so the visits point at some of them rather than add more.
Status LinkPosts(store::Tx& tx, Id organization, Id activity, int count, const std::string& now) {
  auto page = Repository<domain::Post>::List(
      tx, Where().And("organization_id = ?", {P(organization)}), {0, count});
  if (page.items.empty()) return Error::Internal("demo data: an organization without posts");
  for (auto post : page.items) {
    post.source_activity_id = activity;
    TB_TRY_STATUS(Repository<domain::Post>::Update(tx, std::move(post), now));
  }
  return {};
}

// Scenario 1: the president of Liaoning University of Technology with four schools at the
// Jinzhou SASAC on 21 April, the SASAC director and the principals of its 7 enterprises
// present; each school signs a framework agreement with one of them.
Status Jinzhou(store::Tx& tx, const std::string& now) {
  TB_TRY(auto lut, InstitutionByCode(tx, "4121010154"));
  TB_TRY(auto sasac, OrganizationByName(tx, "锦州市人民政府国有资产监督管理委员会"));
  std::vector<domain::Organization> soes;
  for (const auto& row :
       tx.Query("SELECT to_id FROM organization_relations WHERE from_id = ? AND kind = "
                "'supervises' ORDER BY to_id",
                {P(sasac.id)})) {
    TB_TRY(auto soe, Repository<domain::Organization>::Get(tx, row.Int(0)));
    soes.push_back(std::move(soe));
  }
  if (soes.size() != 7) return Error::Internal("demo data: the SASAC supervises 7 enterprises");
  struct School {
    const char* name;
    const char* major;
  };
  const School schools[] = {{"土木建筑工程学院", "081001"},
                            {"汽车与交通工程学院", "080207"},
                            {"经济管理学院", "120201K"},
                            {"电气工程学院", "080601"}};
  std::vector<domain::Unit> units;
  for (const auto& s : schools) {
    TB_TRY(auto unit, UnitByName(tx, lut.id, s.name));
    units.push_back(std::move(unit));
  }

  domain::Campaign campaign;
  campaign.institution_id = lut.id;
  campaign.name = "2023年书记校长访企拓岗促就业专项行动";
  campaign.start_date = "2023-03-01";
  campaign.end_date = "2023-12-31";
  campaign.description = "校领导带队走访用人单位，搭建平台、促进就业、推进产学研合作。";
  TB_TRY(campaign, Insert(tx, std::move(campaign), now, "LUT campaign"));
  domain::CampaignTarget leader;
  leader.campaign_id = campaign.id;
  leader.leader_name = "王立新";
  leader.leader_title = "校长";
  leader.visits = 10;
  leader.employers = 30;
  leader.posts = 300;
  TB_TRY_STATUS(Insert(tx, leader, now, "LUT leader target"));
  for (const auto& unit : units) {
    domain::CampaignTarget target;
    target.campaign_id = campaign.id;
    target.unit_id = unit.id;
    target.visits = 6;
    target.employers = 15;
    target.posts = 100;
    TB_TRY_STATUS(Insert(tx, target, now, "LUT target of " + unit.name));
  }

  domain::Activity visit;
  visit.institution_id = lut.id;
  visit.kind = "visit_out";
  visit.campaign_id = campaign.id;
  visit.organization_id = sasac.id;
  visit.date = "2023-04-21";
  visit.place = "锦州市国资委";
  visit.host = "锦州市人民政府国有资产监督管理委员会";
  visit.leader_name = "王立新";
  visit.leader_title = "校长";
  if (auto director = ContactOf(tx, sasac.id)) {
    visit.receiver_name = director->name;
    visit.receiver_title = director->title;
  }
  visit.topics = "搭建平台、促进就业、产学研合作";
  visit.notes =
      "市国资委主任及所监管7家市属国有企业负责人出席；土木建筑工程学院、汽车与交通工程学院、"
      "经济管理学院、电气工程学院参加。合作领域：就业、实习、培训、联合培养、科研平台、成果转化、"
      "创新创业；合作模式：订单式培养班、现代产业学院。";
  TB_TRY(visit, Insert(tx, std::move(visit), now, "Jinzhou visit"));

  for (std::size_t i = 0; i < soes.size(); ++i) {
    const School& school = schools[i % 4];
    auto line = Line(visit.id, soes[i].id, school.major, 6 + static_cast<std::int64_t>(i),
                     5000 + 200 * static_cast<std::int64_t>(i), 4, 3, "签订框架合作协议");
    line.other_cooperation = "订单式培养班、现代产业学院、科研平台共建";
    TB_TRY_STATUS(Insert(tx, std::move(line), now, "Jinzhou outcome line"));
  }
  TB_TRY_STATUS(AddParticipant(tx, visit.id, sasac.id, std::nullopt, "host", now));
  for (const auto& soe : soes) {
    TB_TRY_STATUS(AddParticipant(tx, visit.id, soe.id, std::nullopt, "participant", now));
  }
  for (const auto& unit : units) {
    TB_TRY_STATUS(AddParticipant(tx, visit.id, std::nullopt, unit.id, "participant", now));
  }
  TB_TRY_STATUS(AddTask(tx, visit.id, "落实4个学院与市属国企的框架合作协议", "校企合作处",
                        "2023-06-30", true, now));
  TB_TRY_STATUS(
      AddTask(tx, visit.id, "筹建订单式培养班和现代产业学院", "教务处", "2023-09-01", false, now));
  for (std::size_t i = 0; i < units.size(); ++i) {
    domain::Activity signing;
    signing.institution_id = lut.id;
    signing.kind = "signing";
    signing.campaign_id = campaign.id;
    signing.unit_id = units[i].id;
    signing.organization_id = soes[i].id;
    signing.date = "2023-04-21";
    signing.place = "锦州市国资委";
    signing.leader_name = "王立新";
    signing.leader_title = "校长";
    signing.topics = "签订校企框架合作协议";
    signing.notes = units[i].name + "与" + soes[i].name + "签订框架合作协议。";
    TB_TRY_STATUS(Insert(tx, std::move(signing), now, "Jinzhou signing"));
  }
  for (std::size_t i : {0, 1, 3}) TB_TRY_STATUS(LinkPosts(tx, soes[i].id, visit.id, 1, now));
  return {};
}

// Scenario 3: Shenyang Institute of Technology's 2023 campaign; on 8 March the general manager
// of Johon Huayi visits (supply and demand for the class of 2023, internships for 2024).
Status Sit(store::Tx& tx, const std::string& now) {
  TB_TRY(auto sit, InstitutionByCode(tx, "4121013207"));
  TB_TRY(auto johon, OrganizationByName(tx, "聚鸿华亿（沈阳）电子科技有限公司"));
  TB_TRY(auto info, UnitByName(tx, sit.id, "信息与控制学院"));
  TB_TRY(auto mech, UnitByName(tx, sit.id, "机械工程与自动化学院"));

  domain::Campaign campaign;
  campaign.institution_id = sit.id;
  campaign.name = "2023年书记校长访企拓岗促就业专项行动";
  campaign.start_date = "2023-03-01";
  campaign.end_date = "2023-12-31";
  campaign.description =
      "2023年3月启动。截至3月8日，学校已与219家用人单位洽谈；下一步开展用人单位需求调研和"
      "毕业生就业状况调查。";
  TB_TRY(campaign, Insert(tx, std::move(campaign), now, "SIT campaign"));
  for (const auto& unit : {info, mech}) {
    domain::CampaignTarget target;
    target.campaign_id = campaign.id;
    target.unit_id = unit.id;
    target.visits = 20;
    target.employers = 60;
    target.posts = 400;
    TB_TRY_STATUS(Insert(tx, target, now, "SIT target of " + unit.name));
  }
  for (const char* title : {"党委书记", "校长"}) {
    domain::CampaignTarget target;
    target.campaign_id = campaign.id;
    target.leader_name = std::string(title) == "校长" ? "李明远" : "赵建国";
    target.leader_title = title;
    target.visits = 15;
    target.employers = 40;
    target.posts = 300;
    TB_TRY_STATUS(Insert(tx, target, now, std::string("SIT target of the ") + title));
  }

  domain::Activity visit;
  visit.institution_id = sit.id;
  visit.kind = "visit_in";
  visit.campaign_id = campaign.id;
  visit.unit_id = info.id;
  visit.organization_id = johon.id;
  visit.date = "2023-03-08";
  visit.place = "沈阳工学院";
  visit.host = "沈阳工学院";
  visit.leader_name = "李明远";
  visit.leader_title = "校长";
  if (auto manager = ContactOf(tx, johon.id)) {
    visit.receiver_name = manager->name;
    visit.receiver_title = manager->title;
  }
  visit.topics = "2023届毕业生供需对接；2024届毕业实习";
  visit.notes = "聚鸿华亿（沈阳）电子科技有限公司总经理一行来校交流。";
  TB_TRY(visit, Insert(tx, std::move(visit), now, "Johon Huayi visit"));

  TB_TRY_STATUS(AddParticipant(tx, visit.id, johon.id, std::nullopt, "participant", now));
  TB_TRY_STATUS(AddParticipant(tx, visit.id, std::nullopt, info.id, "host", now));
  TB_TRY_STATUS(
      AddTask(tx, visit.id, "开展用人单位需求调研", "招生就业处", "2023-04-30", false, now));
  TB_TRY_STATUS(
      AddTask(tx, visit.id, "开展毕业生就业状况调查", "招生就业处", "2023-06-30", false, now));
  auto line = Line(visit.id, johon.id, "080701", 12, 5500, 15, 8, "达成实习就业合作意向");
  line.other_cooperation = "共建毕业实习基地";
  TB_TRY_STATUS(Insert(tx, std::move(line), now, "Johon Huayi outcome line"));
  TB_TRY_STATUS(Insert(tx, Line(visit.id, johon.id, "080901", 6, 6000, 5, 4, "提供就业岗位"), now,
                       "Johon Huayi outcome line"));
  TB_TRY_STATUS(LinkPosts(tx, johon.id, visit.id, 2, now));
  return {};
}

// The rest of scenario 3: by 8 March 2023 SIT had negotiated with 219 employers. The campaign's
// visits of 1-5 March (ISO week 2023-W09, so the week of Johon Huayi's visit ranks as before)
// reach 218 further employers: 72 visits meeting three enterprises each (the one visited and
// two more in outcome lines, as at a park or an association) and one meeting two, plus five
// return visits to employers already reached, which the de-duplication by credit code does not
// count again. The employers are the demo's Liaoning enterprises, then generated Shenyang ones.
Result<int> SitEmployers(store::Tx& tx, const std::string& now) {
  constexpr std::size_t kFurtherEmployers = 218;
  TB_TRY(auto sit, InstitutionByCode(tx, "4121013207"));
  TB_TRY(auto johon, OrganizationByName(tx, "聚鸿华亿（沈阳）电子科技有限公司"));
  TB_TRY(auto campaign, FindOne<domain::Campaign>(
                            tx, Where().And("institution_id = ?", {P(sit.id)}), "SIT campaign"));
  std::vector<Id> units;
  for (const auto& row :
       tx.Query("SELECT id FROM units WHERE institution_id = ? AND kind = 'school' ORDER BY id",
                {P(sit.id)})) {
    units.push_back(row.Int(0));
  }
  if (units.empty()) return Error::Internal("demo data: SIT has no schools");

  std::vector<Id> employers;
  std::vector<std::string> industries;
  int generated = 0;
  for (const auto& row :
       tx.Query("SELECT id, industry_code FROM organizations WHERE kind = 'enterprise' AND "
                "credit_code IS NOT NULL AND region_code LIKE '21%' AND id <> ? ORDER BY id",
                {P(johon.id)})) {
    if (employers.size() < kFurtherEmployers) employers.push_back(row.Int(0));
    if (!row.IsNull(1)) industries.push_back(row.Text(1));
  }
  if (industries.empty()) return Error::Internal("demo data: no Liaoning enterprises");
  Rng rng(20230308);
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (std::size_t n = 0; employers.size() < kFurtherEmployers; ++n) {
    const auto& brand = d::Brands()[n % d::Brands().size()];
    const auto& business = d::Businesses()[(n / d::Brands().size() + n) % d::Businesses().size()];
    domain::Organization org;
    org.name = "沈阳" + std::string(brand.first) + std::string(business.name) + "有限公司";
    if (tx.QueryInt("SELECT COUNT(*) FROM organizations WHERE name = ?", {P(org.name)})
            .value_or(0) > 0) {
      continue;
    }
    org.name_en =
        "Shenyang " + std::string(brand.second) + " " + std::string(business.name_en) + " Co., Ltd";
    for (;;) {
      std::string body = "MA";
      for (int i = 0; i < 6; ++i) body += kAlphabet[rng.Below(kAlphabet.size())];
      std::string code = MakeCreditCode("91", "210100", body);
      if (!code.empty() && !store::FindOrganizationByCreditCode(tx, code)) {
        org.credit_code = code;
        break;
      }
    }
    org.ownership = rng.Chance(80) ? "private" : "mixed";
    org.size = rng.Chance(70) ? "small" : "medium";
    org.region_code = "210100";
    org.industry_code = industries[n % industries.size()];
    org.description = org.name + "，2023年3月与沈阳工学院洽谈毕业生就业和实习合作。";
    service::Prepare(org);
    TB_TRY(org, Insert(tx, std::move(org), now, "SIT employer"));
    employers.push_back(org.id);
    ++generated;
  }

  const char* majors[] = {"080701", "080901", "080207", "080601"};
  const char* leaders[][2] = {{"赵建国", "党委书记"}, {"李明远", "校长"}, {"", ""}, {"", ""}};
  std::size_t next = 0, visit_no = 0;
  auto visit = [&](std::vector<Id> reached) -> Status {
    domain::Activity a;
    a.institution_id = sit.id;
    a.campaign_id = campaign.id;
    a.kind = "visit_out";
    a.unit_id = units[visit_no % units.size()];
    a.organization_id = reached.front();
    a.date = "2023-03-0" + std::to_string(1 + visit_no % 5);
    a.leader_name = leaders[visit_no % 4][0];
    a.leader_title = leaders[visit_no % 4][1];
    a.topics = "2023届毕业生供需对接";
    ++visit_no;
    TB_TRY(a, Insert(tx, std::move(a), now, "SIT visit"));
    for (std::size_t i = 0; i < reached.size(); ++i) {
      auto line = Line(a.id, reached[i], majors[(visit_no + i) % 4], rng.Between(1, 6),
                       4000 + 100 * rng.Between(0, 20), rng.Between(0, 4), rng.Between(0, 3),
                       i == 0 ? "提供就业岗位" : "达成合作意向");
      TB_TRY_STATUS(Insert(tx, std::move(line), now, "SIT outcome line"));
    }
    return {};
  };
  while (next < kFurtherEmployers) {
    std::size_t take =
        std::min<std::size_t>(kFurtherEmployers - next == 2 ? 2 : 3, kFurtherEmployers - next);
    TB_TRY_STATUS(visit({employers.begin() + static_cast<std::ptrdiff_t>(next),
                         employers.begin() + static_cast<std::ptrdiff_t>(next + take)}));
    next += take;
  }
  for (std::size_t k = 0; k < 5; ++k) TB_TRY_STATUS(visit({employers[k * 40]}));
  return generated;
}

// Scenario 4: on 20 December (2024) the Shanghai Modern Chemical Industry Vocational College,
// the Jinshan Science and Technology Enterprise Association (its 38 member enterprises
// attending) and the Jinshan Branch of China Construction Bank hold a school–enterprise docking
// event, guided by the Jinshan Education Bureau and Science and Technology Commission; with a
// visit to the Santoni production–education integration training base and two lectures.
Status Jinshan(store::Tx& tx, const std::string& now) {
  TB_TRY(auto college, InstitutionByCode(tx, "4131014277"));
  TB_TRY(auto association, OrganizationByName(tx, "金山区科技企业协会"));
  TB_TRY(auto bank, OrganizationByName(tx, "中国建设银行股份有限公司上海金山支行"));
  TB_TRY(auto bureau, OrganizationByName(tx, "上海市金山区教育局"));
  TB_TRY(auto commission, OrganizationByName(tx, "上海市金山区科学技术委员会"));
  TB_TRY(auto santoni, OrganizationByName(tx, "圣东尼（上海）针织机械有限公司"));
  std::vector<Id> members;
  for (const auto& row :
       tx.Query("SELECT from_id FROM organization_relations WHERE to_id = ? AND kind = "
                "'member_of' ORDER BY from_id",
                {P(association.id)})) {
    members.push_back(row.Int(0));
  }
  if (members.size() != 38) {
    return Error::Internal("demo data: the Jinshan association has " +
                           std::to_string(members.size()) + " members, not 38");
  }
  auto activity = [&](const char* kind, Id organization, std::string place, std::string host,
                      std::string topics, std::string notes) -> Result<domain::Activity> {
    domain::Activity a;
    a.institution_id = college.id;
    a.kind = kind;
    a.organization_id = organization;
    a.date = "2024-12-20";
    a.place = std::move(place);
    a.host = std::move(host);
    a.topics = std::move(topics);
    a.notes = std::move(notes);
    return Insert(tx, std::move(a), now, std::string("Jinshan ") + kind);
  };
  TB_TRY(auto docking,
         activity("docking_event", association.id, "上海现代化工职业学院",
                  "上海现代化工职业学院、金山区科技企业协会、中国建设银行上海金山支行",
                  "校企对接；会员企业人才需求研讨",
                  "金山区科技企业协会38家会员企业参会；指导单位：金山区教育局、金山区科学技术"
                  "委员会。参观圣东尼产教融合实训基地，举办两场专题讲座，研讨企业人才需求。"));
  TB_TRY_STATUS(AddParticipant(tx, docking.id, association.id, std::nullopt, "host", now));
  TB_TRY_STATUS(AddParticipant(tx, docking.id, bank.id, std::nullopt, "host", now));
  TB_TRY_STATUS(AddParticipant(tx, docking.id, bureau.id, std::nullopt, "guiding_unit", now));
  TB_TRY_STATUS(AddParticipant(tx, docking.id, commission.id, std::nullopt, "guiding_unit", now));
  for (Id member : members) {
    TB_TRY_STATUS(AddParticipant(tx, docking.id, member, std::nullopt, "participant", now));
  }
  TB_TRY_STATUS(
      AddTask(tx, docking.id, "汇总38家会员企业人才需求", "招生就业处", "2025-01-15", false, now));

  TB_TRY(auto base, activity("visit_out", santoni.id, "圣东尼产教融合实训基地",
                             "圣东尼（上海）针织机械有限公司", "参观产教融合实训基地",
                             "与会代表参观圣东尼产教融合实训基地。"));
  TB_TRY_STATUS(AddParticipant(tx, base.id, santoni.id, std::nullopt, "host", now));
  TB_TRY_STATUS(AddParticipant(tx, base.id, association.id, std::nullopt, "participant", now));

  TB_TRY(auto talk1, activity("lecture", santoni.id, "上海现代化工职业学院",
                              "圣东尼（上海）针织机械有限公司", "产教融合与高技能人才培养",
                              "讲座一：企业专家介绍产教融合实训基地的人才培养实践。"));
  TB_TRY_STATUS(AddParticipant(tx, talk1.id, santoni.id, std::nullopt, "host", now));
  TB_TRY(auto talk2, activity("lecture", bank.id, "上海现代化工职业学院",
                              "中国建设银行上海金山支行", "金融服务助力科技型企业发展",
                              "讲座二：建设银行介绍面向科技型中小企业的金融服务。"));
  TB_TRY_STATUS(AddParticipant(tx, talk2.id, bank.id, std::nullopt, "host", now));
  return {};
}

}  // namespace

Result<int> SeedPartnershipDemo(store::Tx& tx, const std::string& now) {
  TB_TRY_STATUS(Jinshan(tx, now));
  TB_TRY_STATUS(Jinzhou(tx, now));
  TB_TRY_STATUS(Sit(tx, now));
  return SitEmployers(tx, now);
}

}  // namespace tb::demo
