#include "match/service.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/time.hpp"
#include "core/validate.hpp"
#include "domain/json.hpp"
#include "match/salary.hpp"
#include "service/policy.hpp"
#include "store/repository.hpp"

namespace tb::match {

namespace {

using nlohmann::json;

double Round4(double v) { return std::round(v * 10000) / 10000; }

Error Unavailable() { return Error::Unavailable("the matching index is not running"); }

// The calendar year of today (UTC, as domain::Eligibility takes it), the `year` of
// domain::OpenToCohort.
int ThisYear() { return std::stoi(core::CivilFromDays(Today()).substr(0, 4)); }

}  // namespace

json ReasonsJson(const std::vector<Reason>& reasons) {
  json out = json::array();
  for (const auto& r : reasons) {
    out.push_back({{"component", r.component},
                   {"weight", Round4(r.weight)},
                   {"points", Round4(r.points)},
                   {"text", {{"zh", r.zh}, {"en", r.en}}}});
  }
  return out;
}

json Summary(const std::vector<Reason>& reasons) {
  std::vector<const Reason*> plus;
  for (const auto& r : reasons) {
    if (r.points > 0) plus.push_back(&r);
  }
  std::stable_sort(plus.begin(), plus.end(),
                   [](const Reason* a, const Reason* b) { return a->points > b->points; });
  std::string zh, en;
  for (const Reason* r : plus) {
    zh += (zh.empty() ? "" : "；") + r->zh;
    en += (en.empty() ? "" : "; ") + r->en;
  }
  if (plus.empty()) {
    zh = "没有加分项";
    en = "nothing in favour";
  }
  return {{"zh", zh}, {"en", en}};
}

Result<json> MatchService::PostItems(const auth::Caller& caller, const StudentDoc& student,
                                     const RecommendParams& params, int applicable_year) const {
  auto snap = engine_->snapshot();
  PostQuery q;
  q.limit = params.limit;
  q.today = Today();
  q.kind = params.kind;
  q.region_prefix = params.region;
  // Posts of verified enterprises only, whoever asks: students see no others (DESIGN §9) and
  // apply refuses them, so staff pushing posts to a student are shown what the student can take.
  q.verified_only = true;
  q.applicable_year = applicable_year;
  auto hits = TopPosts(*snap, student, q);
  return db_->Read([&](store::Tx& tx) -> Result<json> {
    json items = json::array();
    std::map<Id, json> orgs;
    for (const auto& h : hits) {
      auto post = store::Repository<domain::Post>::Get(tx, h.id);
      const PostDoc* doc = snap->FindPost(h.id);
      // Written or removed since the snapshot: left out rather than shown stale.
      if (!post.ok() || doc == nullptr || !service::CanSee(tx, caller, *post)) continue;
      if (!orgs.contains(post->organization_id)) {
        auto org = store::Repository<domain::Organization>::Get(tx, post->organization_id);
        orgs[post->organization_id] =
            org.ok() ? json{{"id", org->id}, {"name", org->name}, {"name_en", org->name_en}}
                     : json(nullptr);
      }
      auto scored = Score(student, *doc, *snap->stats, snap->weights, true);
      items.push_back({{"post", domain::ToJson(*post)},
                       {"organization", orgs[post->organization_id]},
                       {"score", Round4(scored.score)},
                       {"summary", Summary(scored.reasons)},
                       {"reasons", ReasonsJson(scored.reasons)}});
    }
    return json{{"items", items}, {"next_cursor", nullptr}};
  });
}

Result<json> MatchService::Recommendations(const auth::Caller& caller, Id student_id,
                                           const RecommendParams& params) const {
  if (!engine_) return Unavailable();
  store::MatchStudentRow row;
  TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
    auto rows = store::LoadMatchStudents(tx, {student_id});
    if (rows.empty() || !service::CanSee(tx, caller, rows[0].student)) {
      return Error::NotFound("student " + std::to_string(student_id) + " not found");
    }
    row = std::move(rows[0]);
    return {};
  }));
  // The profile as stored now (the index may be a moment behind a just-saved profile).
  return PostItems(caller, StudentDocOf(row, engine_->weights()), params, ThisYear());
}

Result<json> MatchService::Candidates(const auth::Caller& caller, Id post_id,
                                      std::size_t limit) const {
  if (!engine_) return Unavailable();
  store::StudentFilter scope;
  store::MatchPostRow row;
  TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
    auto rows = store::LoadMatchPosts(tx, {post_id});
    if (rows.empty() || !service::CanSee(tx, caller, rows[0].post)) {
      return Error::NotFound("post " + std::to_string(post_id) + " not found");
    }
    row = std::move(rows[0]);
    return {};
  }));
  if (caller.Is(auth::Role::kStudent)) {
    return Error::Forbidden("students do not search candidates");
  }
  if (caller.Is(auth::Role::kEnterpriseRecruiter) &&
      row.post.organization_id != caller.organization_id) {
    return Error::Forbidden("a recruiter searches candidates for its own organization's posts");
  }
  TB_TRY_STATUS(service::ScopeList(caller, scope));
  StudentQuery q;
  q.limit = limit;
  q.scope.none = scope.scope_none;
  q.scope.institution_id = scope.scope_institution_id;
  q.scope.unit_id = scope.scope_unit_id;
  q.scope.student_id = scope.scope_student_id;
  q.scope.consent_only = scope.scope_talent_search;
  q.applicable_year = ThisYear();  // only students who may apply (domain::Eligibility)
  if (scope.scope_talent_search && scope.scope_applicants_of) {
    TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
      q.scope.applicants = store::ApplicantsOfOrganization(tx, *scope.scope_applicants_of);
      return {};
    }));
  }
  auto snap = engine_->snapshot();
  PostDoc post = PostDocOf(row);
  auto hits = TopStudents(*snap, post, q);
  return db_->Read([&](store::Tx& tx) -> Result<json> {
    std::vector<domain::Student> students;
    std::vector<const StudentDoc*> docs;
    for (const auto& h : hits) {
      auto student = store::Repository<domain::Student>::Get(tx, h.id);
      const StudentDoc* doc = snap->FindStudent(h.id);
      if (!student.ok() || doc == nullptr || !service::CanSee(tx, caller, *student)) continue;
      students.push_back(std::move(*student));
      docs.push_back(doc);
    }
    service::MaskAll(tx, caller, students);  // one query for the page
    json items = json::array();
    for (std::size_t i = 0; i < students.size(); ++i) {
      auto scored = Score(*docs[i], post, *snap->stats, snap->weights, true);
      items.push_back({{"student", domain::ToJson(students[i])},
                       {"score", Round4(scored.score)},
                       {"summary", Summary(scored.reasons)},
                       {"reasons", ReasonsJson(scored.reasons)}});
    }
    return json{{"items", items}, {"next_cursor", nullptr}};
  });
}

namespace {

// Reads an ad-hoc profile; every problem is reported with its field.
Result<std::pair<domain::Student, std::string>> ParseProfile(const json& body,
                                                             RecommendParams& params) {
  std::vector<FieldError> errors;
  domain::Student s;
  std::string home;
  if (!body.is_object()) return Error::Unprocessable("the body must be a JSON object");
  auto strings = [&](const char* key, core::Problem (*check)(std::string_view),
                     std::vector<std::string>& out) {
    if (!body.contains(key)) return;
    const json& v = body[key];
    if (!v.is_array()) {
      errors.push_back({key, "must be a list of strings"});
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string field = std::string(key) + "/" + std::to_string(i);
      if (!v[i].is_string()) {
        errors.push_back({field, "must be a string"});
      } else if (auto p = check ? check(v[i].get<std::string>()) : std::nullopt) {
        errors.push_back({field, *p});
      } else {
        out.push_back(v[i].get<std::string>());
      }
    }
  };
  static const std::vector<std::string> kKnown = {"major_code",
                                                  "level",
                                                  "skills",
                                                  "preferred_regions",
                                                  "preferred_industries",
                                                  "expected_salary",
                                                  "expected_salary_min",
                                                  "expected_salary_max",
                                                  "willing_to_relocate",
                                                  "resume",
                                                  "region_code",
                                                  "kind",
                                                  "region",
                                                  "limit"};
  for (const auto& [key, value] : body.items()) {
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) {
      errors.push_back({key, "unknown field"});
    }
  }
  auto text = [&](const char* key, std::string& out) {
    if (!body.contains(key) || body[key].is_null()) return;
    if (!body[key].is_string()) {
      errors.push_back({key, "must be a string"});
    } else {
      out = body[key].get<std::string>();
    }
  };
  text("major_code", s.major_code);
  if (!s.major_code.empty()) {
    if (auto p = core::CheckMajorCode(s.major_code)) errors.push_back({"major_code", *p});
  }
  text("level", s.level);
  if (LevelRank(s.level) < 0) {
    errors.push_back({"level", "must be vocational, bachelor, master or doctor"});
  }
  strings("skills", nullptr, s.skills);
  strings("preferred_regions", core::CheckRegionCode, s.preferred_regions);
  strings("preferred_industries", core::CheckIndustryCode, s.preferred_industries);
  text("resume", s.resume);
  text("region_code", home);
  if (!home.empty()) {
    if (auto p = core::CheckRegionCode(home)) errors.push_back({"region_code", *p});
  }
  std::string salary;
  text("expected_salary", salary);
  if (!salary.empty()) {
    if (auto range = ParseSalary(salary)) {
      s.expected_salary_min = range->min;
      s.expected_salary_max = range->max;
    } else {
      errors.push_back({"expected_salary", "not a salary such as \"6000-8000\" or \"6-8K\""});
    }
  }
  for (const char* key : {"expected_salary_min", "expected_salary_max"}) {
    if (!body.contains(key) || body[key].is_null()) continue;
    if (!body[key].is_number_integer() || body[key].get<long>() < 0 ||
        body[key].get<long>() > 10000000) {
      errors.push_back({key, "must be an integer from 0 to 10000000 (yuan per month)"});
    } else if (std::string(key) == "expected_salary_min") {
      s.expected_salary_min = body[key].get<long>();
    } else {
      s.expected_salary_max = body[key].get<long>();
    }
  }
  if (body.contains("willing_to_relocate")) {
    if (!body["willing_to_relocate"].is_boolean()) {
      errors.push_back({"willing_to_relocate", "must be true or false"});
    } else {
      s.willing_to_relocate = body["willing_to_relocate"].get<bool>();
    }
  }
  text("kind", params.kind);
  if (!params.kind.empty() && params.kind != "full_time" && params.kind != "internship" &&
      params.kind != "part_time") {
    errors.push_back({"kind", "must be full_time, internship or part_time"});
  }
  text("region", params.region);
  if (!params.region.empty() && (params.region.size() % 2 != 0 || params.region.size() > 6 ||
                                 !std::all_of(params.region.begin(), params.region.end(),
                                              [](char c) { return c >= '0' && c <= '9'; }))) {
    errors.push_back({"region", "must be a region code or prefix of 2, 4 or 6 digits"});
  }
  if (body.contains("limit")) {
    if (!body["limit"].is_number_integer() || body["limit"].get<long>() < 1 ||
        body["limit"].get<long>() > 200) {
      errors.push_back({"limit", "must be an integer from 1 to 200"});
    } else {
      params.limit = body["limit"].get<std::size_t>();
    }
  }
  if (!errors.empty()) return Error::Unprocessable("invalid profile", std::move(errors));
  return std::make_pair(std::move(s), std::move(home));
}

}  // namespace

Result<json> MatchService::Query(const auth::Caller& caller, const json& profile) const {
  if (!engine_) return Unavailable();
  RecommendParams params;
  TB_TRY(auto parsed, ParseProfile(profile, params));
  // An ad-hoc profile has no class: the posts its major may apply to, of any class.
  return PostItems(caller, MakeStudentDoc(parsed.first, parsed.second, engine_->weights()), params,
                   kAnyClass);
}

}  // namespace tb::match
