#include "demo/recruitment_demo.hpp"

#include <algorithm>
#include <vector>

#include "auth/caller.hpp"
#include "core/time.hpp"
#include "demo/demo_logins.hpp"
#include "demo/random.hpp"
#include "domain/partnership.hpp"
#include "domain/recruitment.hpp"
#include "service/evidence_files.hpp"
#include "store/queries.hpp"
#include "store/recruitment.hpp"
#include "store/repository.hpp"

namespace tb::demo {

namespace {

using domain::Id;
using store::P;
using store::Repository;
using store::Where;

template <class T>
std::vector<T> All(store::Tx& tx, Where where) {
  return Repository<T>::List(tx, std::move(where), {0, 100000}).items;
}

template <class T>
Result<T> One(store::Tx& tx, Where where, const std::string& what) {
  auto page = Repository<T>::List(tx, std::move(where), {0, 1});
  if (page.items.empty()) return Error::Internal("demo data: " + what + " is missing");
  return page.items.front();
}

Result<Id> InstitutionId(store::Tx& tx, const char* name) {
  TB_TRY(auto i, One<domain::Institution>(tx, Where().And("name = ?", {P(name)}), name));
  return i.id;
}

Result<domain::Unit> UnitOf(store::Tx& tx, Id institution, const char* name) {
  return One<domain::Unit>(
      tx, Where().And("institution_id = ? AND name = ?", {P(institution), P(name)}), name);
}

Result<domain::Organization> Org(store::Tx& tx, const char* name) {
  return One<domain::Organization>(tx, Where().And("name = ?", {P(name)}), name);
}

// "2025-05-16" + minutes after 09:00 Beijing time (01:00 UTC).
std::string At(const std::string& day, int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", day.c_str(), 1 + minutes / 60, minutes % 60);
  return buf;
}

// Writes applications and their transitions as the parties would have made them.
class Recorder {
 public:
  explicit Recorder(store::Tx& tx) : tx_(tx) {}

  domain::Application Apply(const domain::Student& s, const domain::Post& p,
                            std::optional<Id> event, const std::string& at) {
    domain::Application a;
    a.student_id = s.id;
    a.post_id = p.id;
    a.institution_id = s.institution_id;
    a.unit_id = s.unit_id;
    a.organization_id = p.organization_id;
    a.post_kind = p.kind;
    a.event_id = event;
    a = Repository<domain::Application>::Insert(tx_, std::move(a), at);
    Record(a, "", "student", "", false, at);
    return a;
  }
  void Move(domain::Application& a, const std::string& to, const std::string& role,
            const std::string& note, const std::string& at,
            std::optional<std::string> kind = std::nullopt) {
    std::string from = a.state;
    bool follow_up = from == "interview" && to == "interview";
    a.state = to;
    if (follow_up) a.follow_up = true;
    if (to == "intention") {
      a.intention_kind = kind.value_or(a.post_kind == "internship" ? "internship" : "employment");
    }
    a = *Repository<domain::Application>::Update(tx_, a, at);
    Record(a, from, role, note, follow_up, at);
  }
  void Sign(domain::Application& a, const std::string& at) {
    a.student_confirmed_at = at;
    a.enterprise_confirmed_at = at;
    a.institution_confirmed_at = at;
    a.state = "signed";
    a = *Repository<domain::Application>::Update(tx_, a, at);
    Record(a, "offer", "unit_staff", "三方协议已由学生、用人单位和学校确认", false, at);
  }

 private:
  void Record(const domain::Application& a, const std::string& from, const std::string& role,
              const std::string& note, bool follow_up, const std::string& at) {
    domain::ApplicationTransition t;
    t.application_id = a.id;
    t.from_state = from;
    t.to_state = a.state;
    t.actor_role = role;
    t.actor_label = "demo (" + role + ")";
    t.note = note;
    t.intention_kind = a.state == "intention" ? a.intention_kind : std::nullopt;
    t.follow_up = follow_up;
    t.event_id = a.event_id;
    t.at = at;
    store::InsertTransition(tx_, t);
  }
  store::Tx& tx_;
};

// ---- Scenario 5: the Yingshan group interview ---------------------------------------------------

Status YingshanGroupInterview(store::Tx& tx, const std::string& now) {
  TB_TRY(Id cqut, InstitutionId(tx, "重庆理工大学"));
  TB_TRY(auto youlate, Org(tx, "四川优乐特电子有限公司"));
  TB_TRY(auto government, Org(tx, "营山县人民政府"));
  TB_TRY(auto park, Org(tx, "营山经济开发区"));
  const std::string day = "2025-05-16";
  domain::Activity e;
  e.institution_id = cqut;
  e.kind = "group_interview";
  e.organization_id = park.id;
  e.date = day;
  e.place = "四川省南充市营山县 营山经济开发区";
  e.host = "重庆理工大学、营山县人民政府";
  e.topics = "营山经济开发区企业群面：研发、质量管理、财务会计岗位";
  e.notes =
      "校地合作座谈会暨“教授工作站”揭牌后，70余名学生参加开发区企业群面，30余人当天达成实习或就业意"
      "向。";
  e = Repository<domain::Activity>::Insert(tx, e, now);
  store::PutEventSettings(tx, {e.id, 80, std::nullopt, At(day, 60), At(day, 420), 0, 0}, now);

  // The zone's enterprises take part, the county government guides.
  std::vector<domain::Organization> enterprises = {youlate};
  for (const char* name : {"营山县恒达机械制造有限公司", "四川营山川北食品有限公司"}) {
    auto o = Org(tx, name);
    if (o.ok()) enterprises.push_back(*o);
  }
  for (const auto& o : enterprises) {
    domain::ActivityParticipant p;
    p.activity_id = e.id;
    p.organization_id = o.id;
    Repository<domain::ActivityParticipant>::Insert(tx, p, now);
  }
  domain::ActivityParticipant guide;
  guide.activity_id = e.id;
  guide.organization_id = government.id;
  guide.role = "guiding_unit";
  Repository<domain::ActivityParticipant>::Insert(tx, guide, now);

  std::vector<domain::Post> posts;
  for (const auto& o : enterprises) {
    for (auto& p :
         All<domain::Post>(tx, Where().And("organization_id = ? AND status = 'open'", {P(o.id)}))) {
      store::AddEventPost(tx, e.id, p.id);
      posts.push_back(std::move(p));
    }
  }
  if (posts.empty()) return Error::Internal("demo data: the Yingshan enterprises have no posts");

  // 76 students of the classes of 2025 and 2026 register and check in; 74 of them are
  // interviewed: 33 reach an intention (20 internship, 13 employment), 6 agree on a follow-up
  // negotiation, 35 end without one.
  auto students = All<domain::Student>(
      tx, Where().And("institution_id = ? AND cohort IN (2025, 2026)", {P(cqut)}));
  if (students.size() < 76) return Error::Internal("demo data: too few CQUT students");
  students.resize(76);
  Recorder rec(tx);
  Rng rng(20250516);
  for (std::size_t i = 0; i < students.size(); ++i) {
    domain::EventRegistration r;
    r.event_id = e.id;
    r.student_id = students[i].id;
    r.status = "checked_in";
    r.position = static_cast<std::int64_t>(i) + 1;
    char code[16];
    std::snprintf(code, sizeof code, "YS%05zu", 10007 * (i + 1) % 100000);
    r.code = code;
    r.checked_in_at = At(day, 30 + static_cast<int>(i % 30));
    Repository<domain::EventRegistration>::Insert(tx, r, "2025-05-14T08:00:00Z");
    if (i >= 74) continue;  // registered and came, but did not interview
    const domain::Post& post = posts[i % posts.size()];
    auto a = rec.Apply(students[i], post, e.id, At(day, 60 + static_cast<int>(i)));
    rec.Move(a, "interview", "enterprise_recruiter", "群面", At(day, 120 + static_cast<int>(i)));
    if (i < 33) {
      rec.Move(a, "intention", "enterprise_recruiter", "当天达成意向",
               At(day, 300 + static_cast<int>(i)), i < 20 ? "internship" : "employment");
    } else if (i < 39) {
      rec.Move(a, "interview", "enterprise_recruiter", "约定后续洽谈", At(day, 330));
    } else {
      rec.Move(a, "rejected", "enterprise_recruiter", "本次未达成意向",
               At(day, 340 + static_cast<int>(rng.Below(30))));
    }
  }
  return {};
}

// ---- Scenario 2: the 2022 national livestream ---------------------------------------------------

Status Livestream(store::Tx& tx, const std::string& now) {
  TB_TRY(Id sit, InstitutionId(tx, "沈阳工学院"));
  domain::Activity e;
  e.institution_id = sit;
  e.kind = "livestream";
  e.date = "2022-04-29";
  e.place = "线上直播";
  e.host = "工业和信息化部中小企业发展促进中心、教育部";
  e.topics = "“百日千万招聘专项行动”56789直播带岗启动仪式：中小企业直播招聘";
  e.notes =
      "230余家企业、200余所高校在线参加；沈阳工学院介绍3个省级、9个校级现代产业学院和“专精特新”中小"
      "企业合作模式。";
  e = Repository<domain::Activity>::Insert(tx, e, now);
  // The demo's small and medium enterprises are listed; the rest of the 230 enterprises and of
  // the 200 universities joined online without being on the platform.
  auto smes = All<domain::Organization>(
      tx, Where().And("kind = 'enterprise' AND size IN ('micro', 'small', 'medium')"));
  if (smes.size() > 230) smes.resize(230);
  for (const auto& o : smes) {
    domain::ActivityParticipant p;
    p.activity_id = e.id;
    p.organization_id = o.id;
    Repository<domain::ActivityParticipant>::Insert(tx, p, now);
  }
  auto institutions = All<domain::Institution>(tx, Where().And("1 = 1"));
  for (const auto& i : institutions) {
    if (i.id != sit) store::AddEventInstitution(tx, e.id, i.id);
  }
  store::PutEventSettings(tx,
                          {e.id, std::nullopt, std::string("https://live.example.cn/56789"),
                           std::string("2022-04-29T02:00:00Z"), std::string("2022-04-29T05:00:00Z"),
                           230 - static_cast<std::int64_t>(smes.size()),
                           200 - static_cast<std::int64_t>(institutions.size())},
                          now);
  return {};
}

// ---- Scenario 3's internship base at work -------------------------------------------------------

// SIT's graduation-internship base with Johon Huayi (agreement_demo.cpp: "接收毕业实习，优先录用实
// 习合格的毕业生") in its last season, dated around the seeding day like the posts: 14 students of
// SIT's School of Information and Control of the class of 2027 applied for Johon Huayi's
// internship post two months ago and 12 reached an internship intention; of the class of 2026, 4
// applied for a full-time post in the spring and 3 signed. The agreement's fulfilment is counted
// from these records by store::AgreementFulfilment; nothing here states the figures.
Status SitInternshipBase(store::Tx& tx, const std::string& now) {
  TB_TRY(Id sit, InstitutionId(tx, "沈阳工学院"));
  TB_TRY(auto info, UnitOf(tx, sit, "信息与控制学院"));
  TB_TRY(auto johon, Org(tx, "聚鸿华亿（沈阳）电子科技有限公司"));
  TB_TRY(auto internship,
         One<domain::Post>(
             tx, Where().And("organization_id = ? AND kind = 'internship'", {P(johon.id)}),
             "Johon Huayi's internship post"));
  TB_TRY(auto full_time,
         One<domain::Post>(tx,
                           Where().And("organization_id = ? AND kind = 'full_time'", {P(johon.id)}),
                           "Johon Huayi's full-time post"));
  // Students of the school without an application yet (the boards above took some).
  auto of_class = [&](std::int64_t cohort) {
    return All<domain::Student>(
        tx, Where().And("unit_id = ? AND cohort = ? AND id NOT IN (SELECT student_id FROM "
                        "applications)",
                        {P(info.id), P(cohort)}));
  };
  auto interns = of_class(2027);
  auto graduates = of_class(2026);
  if (interns.size() < 14 || graduates.size() < 4) {
    return Error::Internal("demo data: too few SIT students for the internship base");
  }
  const std::string today = now.substr(0, 10);
  auto day = [&](int offset, int minutes) { return At(core::AddDays(today, offset), minutes); };
  Recorder rec(tx);
  for (int i = 0; i < 14; ++i) {
    auto a = rec.Apply(interns[static_cast<std::size_t>(i)], internship, std::nullopt,
                       day(-60 + i % 5, 10 * i));
    rec.Move(a, "interview", "enterprise_recruiter", "实习面试", day(-50, 10 * i));
    if (i < 12) {
      rec.Move(a, "intention", "enterprise_recruiter", "毕业实习意向：实习期3-6个月",
               day(-42, 10 * i), "internship");
    } else {
      rec.Move(a, "rejected", "enterprise_recruiter", "本期实习名额已满", day(-45, 10 * i));
    }
  }
  for (int i = 0; i < 4; ++i) {
    auto a = rec.Apply(graduates[static_cast<std::size_t>(i)], full_time, std::nullopt,
                       day(-140, 10 * i));
    rec.Move(a, "interview", "enterprise_recruiter", "实习考核合格，优先面试", day(-130, 10 * i));
    rec.Move(a, "offer", "enterprise_recruiter", "录用通知已发出", day(-120, 10 * i));
    if (i < 3) {
      rec.Sign(a, day(-110, 10 * i));
    } else {
      rec.Move(a, "declined", "student", "已接受其他单位录用", day(-115, 10 * i));
    }
  }
  return {};
}

// ---- The LUT job fair of the current season ---------------------------------------------------

// Liaoning University of Technology's campus job fair for the class of 2027, run by the School
// of Automobile with the employment centre on the seeding day (like the posts, the demo dates it
// around the day it is started): the seven enterprises the Jinzhou SASAC supervises and Johon
// Huayi take part with their open posts; 100 of the class register, 40 have checked in by
// mid-morning, and the officers of LUT (institution admin, the school's staff) check in the rest.
Status LutJobFair(store::Tx& tx, const std::string& now) {
  TB_TRY(Id lut, InstitutionId(tx, "辽宁工业大学"));
  TB_TRY(auto automobile, UnitOf(tx, lut, "汽车与交通工程学院"));
  TB_TRY(auto sasac, Org(tx, "锦州市人民政府国有资产监督管理委员会"));
  TB_TRY(auto johon, Org(tx, "聚鸿华亿（沈阳）电子科技有限公司"));
  TB_TRY(auto me, DemoStudent(tx));
  const std::string day = now.substr(0, 10);
  domain::Activity e;
  e.institution_id = lut;
  e.unit_id = automobile.id;
  e.kind = "job_fair";
  e.date = day;
  e.place = "辽宁省锦州市古塔区士英街169号 辽宁工业大学体育馆";
  e.host = "辽宁工业大学就业指导中心、汽车与交通工程学院";
  e.topics = "辽宁工业大学2027届毕业生校园双选会（汽车与交通工程学院专场）";
  e.notes =
      "锦州市国资委监管的7家国有企业和聚鸿华亿（沈阳）电子科技有限公司进校招聘，"
      "提供全职和实习岗位；学生凭签到码入场。";
  e = Repository<domain::Activity>::Insert(tx, e, now);
  store::PutEventSettings(
      tx, {e.id, 400, std::nullopt, day + "T00:30:00Z", day + "T07:00:00Z", 0, 0}, now);

  store::OrganizationFilter supervised;
  supervised.related_to = sasac.id;
  supervised.relation = "supervises";
  auto enterprises = All<domain::Organization>(tx, store::ToWhere(supervised));
  enterprises.push_back(johon);
  for (const auto& o : enterprises) {
    domain::ActivityParticipant p;
    p.activity_id = e.id;
    p.organization_id = o.id;
    Repository<domain::ActivityParticipant>::Insert(tx, p, now);
    for (const auto& post : All<domain::Post>(
             tx, Where().And("organization_id = ? AND status = 'open' AND kind <> 'part_time'",
                             {P(o.id)}))) {
      store::AddEventPost(tx, e.id, post.id);
    }
  }
  if (store::EventPosts(tx, e.id).empty()) {
    return Error::Internal("demo data: the LUT job fair's enterprises have no open posts");
  }

  // Every other student of the class registers (100), two in five of them have checked in; the
  // demo student has not registered yet: they register in the app.
  auto students = All<domain::Student>(
      tx, Where().And("institution_id = ? AND cohort = ? AND id <> ?",
                      {P(lut), P(std::int64_t{kDemoStudentCohort}), P(me.id)}));
  if (students.size() < 200) return Error::Internal("demo data: too few LUT students of 2027");
  for (std::int64_t k = 0; k < 100; ++k) {
    domain::EventRegistration r;
    r.event_id = e.id;
    r.student_id = students[static_cast<std::size_t>(2 * k)].id;
    r.position = k + 1;
    char code[16];
    std::snprintf(code, sizeof code, "LG%05lld", static_cast<long long>(30011 * (k + 1) % 100000));
    r.code = code;
    if (k % 5 < 2) {  // from 08:30 Beijing time
      r.status = "checked_in";
      char at[32];
      std::snprintf(at, sizeof at, "%sT00:%02lld:00Z", day.c_str(),
                    static_cast<long long>(30 + k % 29));
      r.checked_in_at = at;
    }
    Repository<domain::EventRegistration>::Insert(tx, r, now);
  }
  return {};
}

// ---- Destinations of the class of 2023 ---------------------------------------------------------

Status ClassOf2023(store::Tx& tx, const std::string& now) {
  auto students = All<domain::Student>(tx, Where().And("cohort = 2023"));
  auto employers = All<domain::Organization>(tx, Where().And("kind = 'enterprise'"));
  if (employers.empty()) return Error::Internal("demo data: no enterprises");
  // Category mix in percent, close to published national figures.
  const std::vector<std::pair<const char*, int>> mix = {
      {"contract_employment", 52}, {"other_employment", 8}, {"flexible_employment", 10},
      {"entrepreneurship", 2},     {"further_study", 13},   {"study_abroad", 3},
      {"grassroots_military", 3},  {"not_yet_employed", 7}, {"not_seeking", 2}};
  Rng rng(2023);
  std::optional<domain::Organization> micro;
  for (const auto& o : employers) {
    if (o.size == "micro" || o.size == "small") {
      micro = o;
      break;
    }
  }
  int clustered = 0;
  for (const auto& s : students) {
    domain::Destination d;
    d.student_id = s.id;
    d.institution_id = s.institution_id;
    d.unit_id = s.unit_id;
    d.cohort = s.cohort;
    d.major_code = s.major_code;
    int roll = static_cast<int>(rng.Below(100));
    for (const auto& [category, share] : mix) {
      d.category = category;
      if (roll < share) break;
      roll -= share;
    }
    if (domain::HasEmployer(d.category)) {
      const auto& o = (micro && clustered < 6 && d.category == "contract_employment")
                          ? (++clustered, *micro)
                          : employers[rng.Below(employers.size())];
      d.organization_id = o.id;
      d.employer_name = o.name;
      d.employer_credit_code = o.credit_code;
      d.region_code = o.region_code;
      d.industry_code = o.industry_code;
      d.salary = d.category == "flexible_employment" ? rng.Between(3000, 6000)
                                                     : rng.Between(4500, 9500) / 100 * 100;
    }
    if (domain::IsPlaced(d.category)) {
      d.evidence_file = "evidence/demo-destination-" + std::to_string(s.id) + ".pdf";
      d.evidence_type = "application/pdf";
    }
    // Registered over the spring and summer; most verified by their unit.
    int day = rng.Between(1, 150);
    char at[32];
    std::snprintf(at, sizeof at, "2023-%02d-%02dT02:00:00Z", 4 + day / 31, 1 + day % 28);
    d.registered_at = at;
    if (rng.Chance(80)) {
      d.status = "verified";
      d.verified_at = d.registered_at;
    }
    Repository<domain::Destination>::Insert(tx, d, now);
  }
  // One record whose employer credit code was copied wrongly: flagged for audit.
  if (!students.empty()) {
    auto first = store::FindDestinationOfStudent(tx, students.front().id);
    if (first) {
      auto d = *Repository<domain::Destination>::Get(tx, *first);
      d.category = "contract_employment";
      d.employer_name = "沈阳某科技有限公司";
      d.organization_id.reset();
      d.employer_credit_code = "91210100MA0QX1234Z";
      d.evidence_file = "evidence/demo-destination-" + std::to_string(d.student_id) + ".pdf";
      d.evidence_type = "application/pdf";
      d.status = "registered";
      d.verified_at.reset();
      TB_TRY_STATUS(Repository<domain::Destination>::Update(tx, d, now));
    }
  }
  return {};
}

// ---- Applications in every state ----------------------------------------------------------------

Status Boards(store::Tx& tx) {
  TB_TRY(auto johon, Org(tx, "聚鸿华亿（沈阳）电子科技有限公司"));
  TB_TRY(Id lut, InstitutionId(tx, "辽宁工业大学"));
  TB_TRY(Id sit, InstitutionId(tx, "沈阳工学院"));
  TB_TRY(auto me, DemoStudent(tx));
  auto johon_posts = All<domain::Post>(tx, Where().And("organization_id = ?", {P(johon.id)}));
  if (johon_posts.empty()) return Error::Internal("demo data: Johon Huayi has no posts");
  auto others =
      All<domain::Post>(tx, Where().And("status = 'open' AND organization_id <> ?", {P(johon.id)}));
  auto applicants = All<domain::Student>(
      tx, Where().And("institution_id IN (?, ?) AND id <> ? AND cohort IN (2025, 2026)",
                      {P(lut), P(sit), P(me.id)}));
  if (applicants.size() < 12 || others.size() < 3) {
    return Error::Internal("demo data: too few students or posts for the boards");
  }
  Recorder rec(tx);
  const std::string day = "2025-03-";
  auto at = [&](int d, int minutes) {
    return At(day + (d < 10 ? "0" : "") + std::to_string(d), minutes);
  };
  // To Johon Huayi's posts, one application in each state.
  const std::vector<std::vector<std::string>> paths = {
      {},
      {"screening"},
      {"screening", "interview"},
      {"interview", "intention"},
      {"interview", "offer"},
      {"interview", "offer", "signed"},
      {"screening", "rejected"},
      {"withdrawn"},
      {"interview", "offer", "declined"},
      {"screening", "interview", "interview"},  // a follow-up negotiation
  };
  for (std::size_t i = 0; i < paths.size(); ++i) {
    auto a = rec.Apply(applicants[i], johon_posts[i % johon_posts.size()], std::nullopt,
                       at(3, static_cast<int>(i)));
    int d = 4;
    for (const auto& to : paths[i]) {
      std::string who = to == "withdrawn" || to == "declined" ? "student" : "enterprise_recruiter";
      if (to == "signed") {
        rec.Sign(a, at(d++, 0));
      } else {
        rec.Move(a, to, who, "", at(d++, static_cast<int>(i)));
      }
    }
  }
  // The demo student's own board, in the autumn recruiting season of their final year.
  auto autumn = [](int d, int minutes) {
    return At(std::string("2026-10-") + (d < 10 ? "0" : "") + std::to_string(d), minutes);
  };
  auto mine1 = rec.Apply(me, johon_posts.front(), std::nullopt, autumn(10, 0));
  rec.Move(mine1, "screening", "enterprise_recruiter", "简历已通过初筛", autumn(11, 0));
  rec.Move(mine1, "interview", "enterprise_recruiter", "10月15日线上面试", autumn(12, 0));
  auto mine2 = rec.Apply(me, others[0], std::nullopt, autumn(10, 5));
  rec.Move(mine2, "interview", "enterprise_recruiter", "", autumn(12, 5));
  rec.Move(mine2, "offer", "enterprise_recruiter", "录用通知已发出", autumn(20, 5));
  auto mine3 = rec.Apply(me, others[1], std::nullopt, autumn(10, 10));
  rec.Move(mine3, "rejected", "enterprise_recruiter", "岗位已招满", autumn(13, 10));
  return {};
}

}  // namespace

Status SeedRecruitmentDemo(store::Tx& tx, const std::string& now) {
  TB_TRY_STATUS(YingshanGroupInterview(tx, now));
  TB_TRY_STATUS(Livestream(tx, now));
  TB_TRY_STATUS(ClassOf2023(tx, now));
  TB_TRY_STATUS(Boards(tx));
  TB_TRY_STATUS(SitInternshipBase(tx, now));
  TB_TRY_STATUS(LutJobFair(tx, now));
  return {};
}

Status WriteDemoEvidence(store::Database& db, const std::string& files_dir) {
  auto rows = db.Read([](store::Tx& tx) -> Result<std::vector<store::Row>> {
    return tx.Query(
        "SELECT evidence_file, employer_name, category FROM destinations WHERE evidence_file "
        "LIKE 'evidence/demo-%' ORDER BY id");
  });
  TB_TRY_STATUS(rows);
  for (const auto& r : *rows) {
    std::string pdf =
        "%PDF-1.4\n% TalentBridge demo evidence: " + r.Text(2) + " " + r.Text(1) + "\n%%EOF\n";
    TB_TRY_STATUS(service::EnsureEvidenceFile(files_dir, r.Text(0), pdf));
  }
  return {};
}

}  // namespace tb::demo
