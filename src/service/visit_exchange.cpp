#include "service/visit_exchange.hpp"

#include <algorithm>
#include <map>

#include "core/validate.hpp"
#include "domain/partnership.hpp"

namespace tb::service {

namespace {

using domain::Id;
using store::P;

enum Col : std::size_t {
  kSchoolCode,
  kEnterpriseName,
  kCreditCode,
  kMajorCode,
  kMajorName,
  kMajorLevel,
  kPostsOffered,
  kAveragePay,
  kLeaderName,
  kLeaderTitle,
  kVisitDate,
  kReceiverName,
  kReceiverTitle,
  kMainResultForm,
  kInternMajorCode,
  kInternMajorName,
  kInternMajorLevel,
  kInternsAccepted,
  kInternPay,
  kHireMajorCode,
  kHireMajorName,
  kHireMajorLevel,
  kHiresPlanned,
  kStartingSalary,
  kOtherCooperation,
  kCollectedAt,
  // Ours, optional on import.
  kRecordNo,
  kCounterpartName,
  kCounterpartCreditCode,
  kUnitName,
  kVisitKind,
  kPlace,
  kColumnCount
};

const char* kLevelNames[][2] = {{"vocational", "专科"},
                                {"bachelor", "本科"},
                                {"master", "硕士研究生"},
                                {"doctor", "博士研究生"}};

std::string LevelName(const std::string& code) {
  for (auto& l : kLevelNames) {
    if (code == l[0]) return l[1];
  }
  return code;
}

std::optional<std::string> LevelCode(const std::string& v) {
  for (auto& l : kLevelNames) {
    if (v == l[0] || v == l[1]) return std::string(l[0]);
  }
  if (v == "硕士") return std::string("master");
  if (v == "博士") return std::string("doctor");
  return std::nullopt;
}

std::string Num(std::int64_t v) { return std::to_string(v); }
std::string Num(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

Result<domain::Campaign> VisibleCampaign(store::Tx& tx, const Caller& caller, Id id) {
  auto campaign = store::Repository<domain::Campaign>::Get(tx, id);
  if (!campaign.ok() || !CanSee(tx, caller, *campaign)) {
    return Error::NotFound("campaign " + std::to_string(id) + " not found");
  }
  return *campaign;
}

struct OrgRef {
  std::string name, credit_code;
};

OrgRef OrgOf(store::Tx& tx, std::optional<Id> id, std::map<Id, OrgRef>& cache) {
  if (!id) return {};
  if (auto it = cache.find(*id); it != cache.end()) return it->second;
  auto org = store::Repository<domain::Organization>::Get(tx, *id);
  OrgRef ref = org.ok() ? OrgRef{org->name, org->credit_code.value_or("")} : OrgRef{};
  cache[*id] = ref;
  return ref;
}

// ---- import -------------------------------------------------------------------------------

struct ParsedLine {
  std::size_t row = 0;
  domain::ActivityOutcome line;
};
struct ParsedVisit {
  std::size_t first_row = 0;
  domain::Activity activity;
  std::vector<ParsedLine> lines;
};

class RowReader {
 public:
  RowReader(const std::vector<std::string>& cells,
            const std::vector<std::optional<std::size_t>>& at, std::size_t row,
            std::vector<ImportError>& errors)
      : cells_(cells), at_(at), row_(row), errors_(errors) {}

  std::string Text(Col c) const {
    auto i = at_[c];
    if (!i || *i >= cells_.size()) return "";
    std::string v = cells_[*i];
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
    std::size_t start = 0;
    while (start < v.size() && (v[start] == ' ' || v[start] == '\t')) ++start;
    return v.substr(start);
  }
  void Fail(Col c, std::string message) {
    errors_.push_back({row_, VisitColumns()[c], std::move(message)});
  }
  std::optional<std::int64_t> Int(Col c, bool optional) {
    std::string v = Text(c);
    if (v.empty()) {
      if (optional) return std::nullopt;
      return 0;
    }
    bool digits = v.size() <= 9 &&
                  std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits) {
      Fail(c, "must be a whole number ≥ 0, got '" + v + "'");
      return std::nullopt;
    }
    return std::stoll(v);
  }

 private:
  const std::vector<std::string>& cells_;
  const std::vector<std::optional<std::size_t>>& at_;
  std::size_t row_;
  std::vector<ImportError>& errors_;
};

// Maps the field names of domain errors to the columns they came from.
Col ColumnOfField(const std::string& field) {
  static const std::map<std::string, Col> m = {{"date", kVisitDate},
                                               {"leader_name", kLeaderName},
                                               {"leader_title", kLeaderTitle},
                                               {"receiver_name", kReceiverName},
                                               {"receiver_title", kReceiverTitle},
                                               {"place", kPlace},
                                               {"major_code", kMajorCode},
                                               {"level", kMajorLevel},
                                               {"posts_offered", kPostsOffered},
                                               {"average_pay", kAveragePay},
                                               {"interns_accepted", kInternsAccepted},
                                               {"intern_pay", kInternPay},
                                               {"hires_planned", kHiresPlanned},
                                               {"starting_salary", kStartingSalary},
                                               {"other_cooperation", kOtherCooperation},
                                               {"main_result_form", kMainResultForm},
                                               {"organization_id", kCreditCode},
                                               {"unit_id", kUnitName}};
  auto it = m.find(field);
  return it == m.end() ? kEnterpriseName : it->second;
}

}  // namespace

const std::vector<std::string>& VisitColumns() {
  static const std::vector<std::string> columns = {
      "学校代码",         "企业名称",       "统一社会信用代码",  "需求专业代码",
      "需求专业名称",     "需求专业层次",   "提供岗位数",        "平均薪酬（元/月）",
      "带队领导姓名",     "带队领导职务",   "走访时间",          "企业接待人姓名",
      "企业接待人职务",   "主要成果形式",   "接收实习专业代码",  "接收实习专业名称",
      "接收实习专业层次", "接收实习人数",   "实习薪酬（元/月）", "拟录用专业代码",
      "拟录用专业名称",   "拟录用专业层次", "拟录用人数",        "起薪（元/月）",
      "其他合作意向",     "采集时间",       "记录编号",          "走访对象名称",
      "走访对象信用代码", "学院",           "走访类型",          "走访地点"};
  return columns;
}

Result<VisitExport> VisitExchange::Export(const Caller& caller, Id campaign_id,
                                          report::SheetFormat format) const {
  store::ActivityFilter scope;
  TB_TRY_STATUS(ScopeList(caller, scope));
  TB_TRY(report::Table table, db_->Read([&](store::Tx& tx) -> Result<report::Table> {
    TB_TRY(domain::Campaign campaign, VisibleCampaign(tx, caller, campaign_id));
    auto institution = store::Repository<domain::Institution>::Get(tx, campaign.institution_id);
    std::string school = institution.ok() ? institution->code : "";
    report::Table t;
    t.header = VisitColumns();
    t.numeric.assign(kColumnCount, false);
    for (Col c : {kPostsOffered, kAveragePay, kInternsAccepted, kInternPay, kHiresPlanned,
                  kStartingSalary, kRecordNo}) {
      t.numeric[c] = true;
    }
    store::ActivityFilter f = scope;
    f.campaign_id = campaign_id;
    auto visits = store::Repository<domain::Activity>::List(
                      tx, ToWhere(f).And("kind IN ('visit_out', 'visit_in')"), {0, 1000000})
                      .items;
    std::stable_sort(visits.begin(), visits.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    std::map<Id, OrgRef> orgs;
    std::map<Id, std::string> units;
    for (const auto& [id, name] : store::UnitNames(tx, campaign.institution_id)) {
      units[id] = name;
    }
    for (const auto& v : visits) {
      store::ActivityOutcomeFilter lf;
      lf.activity_id = v.id;
      auto lines =
          store::Repository<domain::ActivityOutcome>::List(tx, ToWhere(lf), {0, 100000}).items;
      OrgRef counterpart = OrgOf(tx, v.organization_id, orgs);
      auto row_of = [&](const domain::ActivityOutcome* l) {
        std::vector<std::string> r(kColumnCount);
        r[kSchoolCode] = school;
        OrgRef org = l ? OrgOf(tx, l->organization_id, orgs) : counterpart;
        r[kEnterpriseName] = org.name;
        r[kCreditCode] = org.credit_code;
        r[kLeaderName] = v.leader_name;
        r[kLeaderTitle] = v.leader_title;
        r[kVisitDate] = v.date;
        r[kReceiverName] = v.receiver_name;
        r[kReceiverTitle] = v.receiver_title;
        r[kRecordNo] = std::to_string(v.id);
        r[kCounterpartName] = counterpart.name;
        r[kCounterpartCreditCode] = counterpart.credit_code;
        r[kUnitName] = v.unit_id ? units[*v.unit_id] : "";
        r[kVisitKind] = v.kind == "visit_in" ? "企业来访" : "走访企业";
        r[kPlace] = v.place;
        if (!l) return r;
        auto major = store::GetMajor(tx, l->major_code);
        std::string major_name = major ? major->name : "";
        r[kMajorCode] = l->major_code;
        r[kMajorName] = major_name;
        r[kMajorLevel] = LevelName(l->level);
        r[kPostsOffered] = Num(l->posts_offered);
        r[kAveragePay] = Num(l->average_pay);
        r[kMainResultForm] = l->main_result_form;
        if (l->interns_accepted > 0 || l->intern_pay) {
          r[kInternMajorCode] = l->major_code;
          r[kInternMajorName] = major_name;
          r[kInternMajorLevel] = LevelName(l->level);
          r[kInternsAccepted] = Num(l->interns_accepted);
          r[kInternPay] = Num(l->intern_pay);
        }
        if (l->hires_planned > 0 || l->starting_salary) {
          r[kHireMajorCode] = l->major_code;
          r[kHireMajorName] = major_name;
          r[kHireMajorLevel] = LevelName(l->level);
          r[kHiresPlanned] = Num(l->hires_planned);
          r[kStartingSalary] = Num(l->starting_salary);
        }
        r[kOtherCooperation] = l->other_cooperation;
        r[kCollectedAt] = l->updated_at;
        return r;
      };
      if (lines.empty()) t.rows.push_back(row_of(nullptr));
      for (const auto& l : lines) t.rows.push_back(row_of(&l));
    }
    return t;
  }));
  VisitExport out;
  std::string base = "campaign-" + std::to_string(campaign_id) + "-visits";
  if (format == report::SheetFormat::kCsv) {
    out.bytes = report::WriteCsvTable(table);
    out.filename = base + ".csv";
  } else {
    TB_TRY(out.bytes, report::WriteXlsxTable(table, "访企拓岗"));
    out.filename = base + ".xlsx";
  }
  out.content_type = report::ContentTypeOf(format);
  return out;
}

Result<VisitImportReport> VisitExchange::Import(const Caller& caller, Id campaign_id,
                                                std::string_view bytes, report::SheetFormat format,
                                                bool dry_run, const std::string& now) const {
  store::ActivityFilter scope;
  TB_TRY_STATUS(ScopeList(caller, scope));
  TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
    TB_TRY_STATUS(VisibleCampaign(tx, caller, campaign_id));
    return {};
  }));
  TB_TRY(report::Table table, report::ReadTable(bytes, format));

  VisitImportReport out;
  out.dry_run = dry_run;
  out.rows = table.rows.size();
  auto& errors = out.errors;

  // Header: every standard column must be there (any order); ours are optional.
  std::vector<std::optional<std::size_t>> at(kColumnCount);
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    auto it = std::find(table.header.begin(), table.header.end(), VisitColumns()[c]);
    if (it != table.header.end()) at[c] = static_cast<std::size_t>(it - table.header.begin());
    if (!at[c] && c < kStandardVisitColumns) {
      errors.push_back({1, VisitColumns()[c], "the header has no column " + VisitColumns()[c]});
    }
  }
  if (!errors.empty()) return out;
  if (table.rows.empty()) {
    errors.push_back({1, "", "the file has a header but no rows"});
    return out;
  }

  auto writes = [&](store::Tx& tx) -> Result<VisitImportReport> {
    TB_TRY(domain::Campaign campaign, VisibleCampaign(tx, caller, campaign_id));
    auto institution = store::Repository<domain::Institution>::Get(tx, campaign.institution_id);
    std::map<std::string, Id> units;
    for (const auto& [id, name] : store::UnitNames(tx, campaign.institution_id)) units[name] = id;

    auto find_org = [&](RowReader& r, Col name_col, Col code_col) -> std::optional<Id> {
      std::string code = r.Text(code_col), name = r.Text(name_col);
      if (!code.empty()) {
        if (auto problem = core::CheckCreditCode(code)) {
          r.Fail(code_col, *problem);
          return std::nullopt;
        }
        auto org = store::FindOrganizationByCreditCode(tx, code);
        if (!org) {
          r.Fail(code_col, "no organization has credit code " + code + "; add it first");
          return std::nullopt;
        }
        return org->id;
      }
      if (name.empty()) {
        r.Fail(name_col, "is required (or give the credit code)");
        return std::nullopt;
      }
      auto rows =
          tx.Query("SELECT id FROM organizations WHERE name = ? ORDER BY id LIMIT 2", {P(name)});
      if (rows.size() != 1) {
        r.Fail(name_col, rows.empty() ? "no organization is named " + name + "; add it first"
                                      : "more than one organization is named " + name +
                                            "; give the credit code");
        return std::nullopt;
      }
      return rows[0].Int(0);
    };

    std::vector<ParsedVisit> visits;
    std::map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      std::size_t row = table.row_numbers[i];
      std::size_t before = errors.size();
      RowReader r(table.rows[i], at, row, errors);
      if (institution.ok() && r.Text(kSchoolCode) != institution->code) {
        r.Fail(kSchoolCode, "must be " + institution->code +
                                ", the school code of the "
                                "campaign's institution; got '" +
                                r.Text(kSchoolCode) + "'");
      }
      domain::Activity a;
      a.institution_id = campaign.institution_id;
      a.campaign_id = campaign_id;
      std::string kind = r.Text(kVisitKind);
      a.kind = kind == "企业来访" || kind == "visit_in" ? "visit_in" : "visit_out";
      if (!kind.empty() && kind != "企业来访" && kind != "走访企业" && kind != "visit_in" &&
          kind != "visit_out") {
        r.Fail(kVisitKind, "must be 走访企业 or 企业来访; got '" + kind + "'");
      }
      a.date = r.Text(kVisitDate);
      if (a.date.size() > 10 && (a.date[10] == ' ' || a.date[10] == 'T')) a.date.resize(10);
      if (auto p = core::CheckDate(a.date)) {
        r.Fail(kVisitDate, a.date.empty() ? "is required (YYYY-MM-DD)" : *p);
      } else if (a.date < campaign.start_date || a.date > campaign.end_date) {
        r.Fail(kVisitDate, "must lie in the campaign's period " + campaign.start_date + " to " +
                               campaign.end_date);
      }
      a.leader_name = r.Text(kLeaderName);
      a.leader_title = r.Text(kLeaderTitle);
      a.receiver_name = r.Text(kReceiverName);
      a.receiver_title = r.Text(kReceiverTitle);
      a.place = r.Text(kPlace);
      if (std::string unit = r.Text(kUnitName); !unit.empty()) {
        if (auto it = units.find(unit); it != units.end()) {
          a.unit_id = it->second;
        } else {
          r.Fail(kUnitName, "no unit of the campaign's institution is named " + unit);
        }
      }
      auto org = find_org(r, kEnterpriseName, kCreditCode);
      bool own_counterpart =
          !r.Text(kCounterpartName).empty() || !r.Text(kCounterpartCreditCode).empty();
      a.organization_id =
          own_counterpart ? find_org(r, kCounterpartName, kCounterpartCreditCode) : org;

      std::optional<ParsedLine> line;
      std::string major = r.Text(kMajorCode);
      if (!major.empty()) {
        domain::ActivityOutcome l;
        l.organization_id = org.value_or(0);
        l.major_code = major;
        if (!store::GetMajor(tx, major)) {
          r.Fail(kMajorCode, "major code " + major + " is not in the major catalog");
        }
        auto level = LevelCode(r.Text(kMajorLevel));
        if (!level) {
          r.Fail(kMajorLevel,
                 "must be 专科, 本科, 硕士研究生 or 博士研究生; got '" + r.Text(kMajorLevel) + "'");
        } else {
          l.level = *level;
        }
        l.posts_offered = r.Int(kPostsOffered, false).value_or(0);
        l.average_pay = r.Int(kAveragePay, true);
        l.interns_accepted = r.Int(kInternsAccepted, false).value_or(0);
        l.intern_pay = r.Int(kInternPay, true);
        l.hires_planned = r.Int(kHiresPlanned, false).value_or(0);
        l.starting_salary = r.Int(kStartingSalary, true);
        for (Col c : {kInternMajorCode, kHireMajorCode}) {
          if (!r.Text(c).empty() && r.Text(c) != major) {
            r.Fail(c, "must be empty or the demanded major " + major + " (one line per major)");
          }
        }
        l.other_cooperation = r.Text(kOtherCooperation);
        l.main_result_form = r.Text(kMainResultForm);
        line = ParsedLine{row, std::move(l)};
      } else {
        for (Col c : {kPostsOffered, kAveragePay, kInternsAccepted, kInternPay, kHiresPlanned,
                      kStartingSalary, kInternMajorCode, kHireMajorCode}) {
          if (!r.Text(c).empty()) r.Fail(c, "needs the demanded major (需求专业代码)");
        }
      }
      if (errors.size() == before) {
        for (const auto& e : domain::Validate(a)) r.Fail(ColumnOfField(e.field), e.message);
        if (line) {
          line->line.activity_id = 1;  // assigned on writing
          for (const auto& e : domain::Validate(line->line)) {
            r.Fail(ColumnOfField(e.field), e.message);
          }
        }
      }
      if (errors.size() != before) continue;

      std::string key = r.Text(kRecordNo);
      if (key.empty()) {
        key = a.date + "|" + a.leader_name + "|" + a.receiver_name + "|" +
              std::to_string(a.organization_id.value_or(0));
      }
      auto [it, fresh] = by_key.emplace(key, visits.size());
      if (fresh) {
        visits.push_back({row, a, {}});
      } else {
        const auto& v = visits[it->second].activity;
        if (v.date != a.date || v.leader_name != a.leader_name ||
            v.receiver_name != a.receiver_name || v.organization_id != a.organization_id ||
            v.unit_id != a.unit_id || v.kind != a.kind) {
          r.Fail(kRecordNo, "the rows of one visit (row " +
                                std::to_string(visits[it->second].first_row) +
                                ") must agree on its date, leader, receiver, counterpart, unit "
                                "and kind");
          continue;
        }
      }
      if (line) {
        auto& lines = visits[it->second].lines;
        for (const auto& other : lines) {
          if (other.line.organization_id == line->line.organization_id &&
              other.line.major_code == line->line.major_code &&
              other.line.level == line->line.level) {
            r.Fail(kMajorCode, "repeats row " + std::to_string(other.row) +
                                   " (same visit, enterprise, major and level)");
          }
        }
        if (errors.size() == before) lines.push_back(std::move(*line));
      }
    }
    out.visits = visits.size();
    for (const auto& v : visits) out.lines += v.lines.size();
    // A dry run answers as the real import would: a caller who may not record these visits
    // hears so either way.
    for (const auto& v : visits) {
      TB_TRY_STATUS(
          CanWrite(tx, caller, static_cast<const domain::Activity*>(nullptr), &v.activity));
    }
    if (!errors.empty() || dry_run) return out;

    for (auto& v : visits) {
      auto created = store::Repository<domain::Activity>::Insert(tx, v.activity, now);
      auth::Audit(tx, caller, "create", "activity", created.id, std::nullopt,
                  domain::ToJson(created), now);
      out.activity_ids.push_back(created.id);
      for (auto& l : v.lines) {
        l.line.activity_id = created.id;
        auto line = store::Repository<domain::ActivityOutcome>::Insert(tx, l.line, now);
        auth::Audit(tx, caller, "create", "activity outcome", line.id, std::nullopt,
                    domain::ToJson(line), now);
      }
    }
    out.imported = true;
    return out;
  };
  if (dry_run) return db_->Read(writes);
  return db_->Write(writes);
}

}  // namespace tb::service
