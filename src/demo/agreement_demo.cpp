#include "demo/agreement_demo.hpp"

#include <optional>
#include <string>
#include <vector>

#include "domain/agreement.hpp"
#include "domain/entities.hpp"
#include "domain/partnership.hpp"
#include "domain/validation.hpp"
#include "store/agreement_queries.hpp"
#include "store/repository.hpp"

namespace tb::demo {

namespace {

using domain::Id;
using store::P;
using store::Repository;
using store::Where;

Result<Id> IdWhere(store::Tx& tx, const std::string& sql, std::vector<store::Param> params,
                   const std::string& what) {
  auto id = tx.QueryInt(sql, std::move(params));
  if (!id) return Error::Internal("demo data: " + what + " is missing");
  return *id;
}

Result<Id> Organization(store::Tx& tx, const std::string& name) {
  return IdWhere(tx, "SELECT id FROM organizations WHERE name = ?", {P(name)}, name);
}
Result<Id> Institution(store::Tx& tx, const std::string& code) {
  return IdWhere(tx, "SELECT id FROM institutions WHERE code = ?", {P(code)},
                 "institution " + code);
}
Result<Id> Unit(store::Tx& tx, Id institution, const std::string& name) {
  return IdWhere(tx, "SELECT id FROM units WHERE institution_id = ? AND name = ?",
                 {P(institution), P(name)}, name);
}

// Inserts `a` as a draft and records its way to `a.status` (draft → signed → active →
// expiring), the signing dated `a.signed_on`.
Status Add(store::Tx& tx, domain::Agreement a, const std::string& now) {
  std::string target = a.status;
  a.status = "draft";
  auto errors = domain::Validate(a);
  if (!errors.empty()) {
    std::string message = "demo data: agreement " + a.title + " is invalid:";
    for (const auto& e : errors) message += " " + e.field + " " + e.message + ";";
    return Error::Internal(message);
  }
  std::string signed_at = a.signed_on.value_or(now.substr(0, 10)) + "T10:00:00Z";
  auto stored = Repository<domain::Agreement>::Insert(tx, a, signed_at);
  std::string from = "draft";
  for (const char* to : {"signed", "active", "expiring"}) {
    domain::AgreementTransition t;
    t.agreement_id = stored.id;
    t.from_status = from;
    t.to_status = to;
    t.actor = "demo";
    t.note = std::string(to) == "signed"   ? "签约仪式"
             : std::string(to) == "active" ? "协议生效"
                                           : "协议将于60天内到期，启动续签洽谈";
    Repository<domain::AgreementTransition>::Insert(
        tx, std::move(t), std::string(to) == "expiring" ? now : signed_at);
    from = to;
    stored.status = to;
    if (target == to) break;
  }
  TB_TRY_STATUS(Repository<domain::Agreement>::Update(tx, std::move(stored), now));
  return {};
}

domain::Agreement Agreement(Id institution, std::optional<Id> unit, Id organization,
                            std::string kind, std::string title, std::string signed_on,
                            std::string end_date, std::string status) {
  domain::Agreement a;
  a.institution_id = institution;
  a.unit_id = unit;
  a.organization_id = organization;
  a.kind = std::move(kind);
  a.title = std::move(title);
  a.signed_on = signed_on;
  a.start_date = std::move(signed_on);
  a.end_date = std::move(end_date);
  a.status = std::move(status);
  return a;
}

// Scenario 1: each of the four schools signs a framework agreement with one of the SASAC's
// enterprises, at the signing activities recorded by the partnership demo.
Status Jinzhou(store::Tx& tx, const std::string& now) {
  TB_TRY(Id lut, Institution(tx, "4121010154"));
  auto signings = tx.Query(
      "SELECT id, unit_id, organization_id, notes FROM activities WHERE institution_id = ? AND "
      "kind = 'signing' AND date = '2023-04-21' ORDER BY id",
      {P(lut)});
  if (signings.size() != 4) return Error::Internal("demo data: the 4 Jinzhou signings");
  const char* titles[] = {"土木建筑工程学院校企合作框架协议", "汽车与交通工程学院校企合作框架协议",
                          "经济管理学院校企合作框架协议", "电气工程学院校企合作框架协议"};
  for (std::size_t i = 0; i < signings.size(); ++i) {
    const auto& s = signings[i];
    auto a = Agreement(lut, s.OptInt(1), s.Int(2), "framework", titles[i], "2023-04-21",
                       "2028-04-20", "active");
    a.signed_activity_id = s.Int(0);
    a.scopes = {"employment",      "internship",        "training",
                "joint_training",  "research_platform", "achievement_transformation",
                "entrepreneurship"};
    a.modes = {"order_class", "industrial_college"};
    a.intern_quota = 20 + 5 * static_cast<std::int64_t>(i);
    a.hire_quota = 10 + 2 * static_cast<std::int64_t>(i);
    a.notes = s.Text(3) + "合作模式：订单式培养班、现代产业学院。";
    TB_TRY_STATUS(Add(tx, std::move(a), now));
  }
  return {};
}

// SIT and Johon Huayi: the graduation-internship base for the class of 2024 agreed after the
// 8 March 2023 visit; it ends within 60 days of the seeding day and is marked expiring.
Status Sit(store::Tx& tx, const std::string& now) {
  TB_TRY(Id sit, Institution(tx, "4121013207"));
  TB_TRY(Id info, Unit(tx, sit, "信息与控制学院"));
  TB_TRY(Id johon, Organization(tx, "聚鸿华亿（沈阳）电子科技有限公司"));
  std::string today = now.substr(0, 10);
  auto a = Agreement(sit, info, johon, "internship_base", "毕业实习基地共建协议", "2023-03-20",
                     domain::AddDays(today, 40), "expiring");
  a.signed_activity_id = tx.QueryInt(
      "SELECT MIN(id) FROM activities WHERE institution_id = ? AND organization_id = ? AND date = "
      "'2023-03-08'",
      {P(sit), P(johon)});
  a.scopes = {"internship", "employment"};
  a.modes = {"practice_base"};
  a.intern_quota = 30;
  a.hire_quota = 12;
  a.notes = "2023年3月8日总经理来访后商定：接收2024届毕业实习，优先录用实习合格的毕业生。";
  return Add(tx, std::move(a), now);
}

// Scenario 4: the Santoni production–education integration training base of the Shanghai
// Modern Chemical Industry Vocational College, with the Jinshan association as a further party;
// it ends within 60 days of the seeding day and is seeded active: the server's expiry sweep
// (service/agreement_sweep.hpp) moves it to expiring when it starts.
Status Jinshan(store::Tx& tx, const std::string& now) {
  TB_TRY(Id college, Institution(tx, "4131014277"));
  TB_TRY(Id santoni, Organization(tx, "圣东尼（上海）针织机械有限公司"));
  TB_TRY(Id association, Organization(tx, "金山区科技企业协会"));
  std::string today = now.substr(0, 10);
  auto a = Agreement(college, std::nullopt, santoni, "internship_base", "产教融合实训基地共建协议",
                     domain::AddDays(today, -3 * 365 + 55), domain::AddDays(today, 55), "active");
  a.scopes = {"internship", "training", "employment"};
  a.modes = {"practice_base", "modern_apprenticeship"};
  a.intern_quota = 40;
  a.place_quota = 60;
  a.notes = "圣东尼产教融合实训基地：学生实训、教师企业实践、订单式招聘。";
  TB_TRY_STATUS(Add(tx, std::move(a), now));
  domain::AgreementParty party;
  party.agreement_id = *tx.QueryInt("SELECT MAX(id) FROM agreements");
  party.organization_id = association;
  party.role = "witness";
  Repository<domain::AgreementParty>::Insert(tx, std::move(party), now);
  return {};
}

// Scenario 5: Chongqing University of Technology and the People's Government of Yingshan
// County unveil a "Professor Workstation" in May 2025.
Status Yingshan(store::Tx& tx, const std::string& now) {
  TB_TRY(Id cqut, Institution(tx, "4150011660"));
  TB_TRY(Id county, Organization(tx, "营山县人民政府"));
  TB_TRY(Id park, Organization(tx, "营山经济开发区"));
  auto a = Agreement(cqut, std::nullopt, county, "professor_workstation",
                     "重庆理工大学营山“教授工作站”共建协议", "2025-05-16", "2028-05-15", "active");
  a.scopes = {"research_platform", "achievement_transformation", "internship", "employment"};
  a.modes = {"professor_workstation"};
  a.place_quota = 10;
  a.intern_quota = 30;
  a.notes =
      "校地合作座谈会上为“教授工作站”揭牌；依托营山经济开发区企业开展技术服务和学生实习就业。";
  TB_TRY_STATUS(Add(tx, std::move(a), now));
  domain::AgreementParty party;
  party.agreement_id = *tx.QueryInt("SELECT MAX(id) FROM agreements");
  party.organization_id = park;
  Repository<domain::AgreementParty>::Insert(tx, std::move(party), now);
  return {};
}

}  // namespace

Status SeedAgreementDemo(store::Tx& tx, const std::string& now) {
  TB_TRY_STATUS(Jinzhou(tx, now));
  TB_TRY_STATUS(Sit(tx, now));
  TB_TRY_STATUS(Jinshan(tx, now));
  TB_TRY_STATUS(Yingshan(tx, now));
  return {};
}

}  // namespace tb::demo
