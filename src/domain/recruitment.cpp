#include "domain/recruitment.hpp"

#include <algorithm>
#include <map>

#include "core/validate.hpp"
#include "domain/validation.hpp"

namespace tb::domain {

namespace {

const std::vector<std::string_view> kStates(std::begin(kApplicationStates),
                                            std::end(kApplicationStates));
const std::vector<std::string_view> kCategories(std::begin(kDestinationCategories),
                                                std::end(kDestinationCategories));

// The machine: from -> {to, who may make the move}.
struct Move {
  std::string_view to;
  std::vector<Party> by;
};
const std::map<std::string_view, std::vector<Move>>& Machine() {
  using enum Party;
  static const std::map<std::string_view, std::vector<Move>> m = {
      {"applied",
       {{"screening", {kEnterprise, kPlatform}},
        {"interview", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"screening",
       {{"interview", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      // Group-interview outcomes may be recorded by the enterprise or by the institution's
      // staff who run the event: intention, follow-up negotiation (interview -> interview) or
      // none (rejected).
      {"interview",
       {{"interview", {kEnterprise, kInstitution, kPlatform}},
        {"intention", {kEnterprise, kInstitution, kPlatform}},
        {"offer", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kInstitution, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"intention",
       {{"offer", {kEnterprise, kPlatform}},
        {"rejected", {kEnterprise, kPlatform}},
        {"declined", {kStudent, kPlatform}},
        {"withdrawn", {kStudent, kPlatform}}}},
      {"offer", {{"declined", {kStudent, kPlatform}}, {"rejected", {kEnterprise, kPlatform}}}},
  };
  return m;
}

bool LevelAtLeast(std::string_view have, std::string_view need) {
  return LevelRank(have) >= LevelRank(need);
}

}  // namespace

std::vector<std::string> AllowedMoves(std::string_view from, Party party) {
  std::vector<std::string> out;
  auto it = Machine().find(from);
  if (it == Machine().end()) return out;
  for (const auto& move : it->second) {
    if (std::find(move.by.begin(), move.by.end(), party) != move.by.end()) {
      out.emplace_back(move.to);
    }
  }
  return out;
}

std::vector<std::string> AllowedMoves(std::string_view from) {
  std::vector<std::string> out;
  auto it = Machine().find(from);
  if (it == Machine().end()) return out;
  for (const auto& move : it->second) out.emplace_back(move.to);
  return out;
}

bool IsTerminal(std::string_view state) { return AllowedMoves(state).empty(); }

int StateRank(std::string_view state) {
  for (int i = 0; i < 6; ++i) {
    if (kApplicationStates[i] == state) return i;
  }
  return -1;
}

std::vector<Reason> Eligibility(const Student& student, const Post& post,
                                const Organization& organization, std::string_view today) {
  std::vector<Reason> out;
  if (post.status != "open") {
    out.push_back({"post_not_open", "post_id", "该岗位未开放（状态：" + post.status + "）",
                   "the post is not open (status " + post.status + ")"});
  }
  if (post.open_date && today < *post.open_date) {
    out.push_back({"post_not_yet_open", "post_id", "该岗位自 " + *post.open_date + " 起开放申请",
                   "the post opens on " + *post.open_date});
  }
  if (post.close_date && today > *post.close_date) {
    out.push_back({"post_closed", "post_id", "该岗位已于 " + *post.close_date + " 截止申请",
                   "the post closed on " + *post.close_date});
  }
  if (!organization.verified) {
    out.push_back({"employer_not_verified", "post_id", "招聘单位尚未通过平台审核",
                   "the employer has not been verified by the platform"});
  }
  if (!LevelAtLeast(student.level, post.min_level)) {
    out.push_back({"level_too_low", "student_id",
                   "学历层次不足：岗位要求 " + post.min_level + " 及以上，学生为 " + student.level,
                   "level too low: the post needs " + post.min_level +
                       " or higher, the student "
                       "is " +
                       student.level});
  }
  int year = std::atoi(std::string(today.substr(0, 4)).c_str());
  if (!OpenToCohort(post.kind, student.cohort, year)) {
    std::string y = std::to_string(year), y1 = std::to_string(year + 1);
    out.push_back({"not_graduating_class", "student_id",
                   "全职岗位面向 " + y + " 或 " + y1 + " 届毕业生，该生为 " +
                       std::to_string(student.cohort) + " 届",
                   "full-time posts are for the classes of " + y + " and " + y1 +
                       "; the student is of the class of " + std::to_string(student.cohort)});
  }
  if (!AcceptsMajor(post.accepted_majors, student.major_code)) {
    std::string list;
    for (const auto& m : post.accepted_majors) list += (list.empty() ? "" : ", ") + m;
    out.push_back({"major_not_accepted", "student_id",
                   "专业 " + student.major_code + " 不在岗位接受的专业（" + list + "）之内",
                   "major " + student.major_code + " is not among the post's accepted majors (" +
                       list + ")"});
  }
  return out;
}

bool AcceptsMajor(const std::vector<std::string>& accepted_majors, std::string_view major_code) {
  if (accepted_majors.empty()) return true;
  return std::any_of(accepted_majors.begin(), accepted_majors.end(),
                     [&](const std::string& m) { return !m.empty() && major_code.starts_with(m); });
}

bool OpenToCohort(std::string_view kind, std::int64_t cohort, int year) {
  return kind != "full_time" || (cohort >= year && cohort <= year + 1);
}

bool IsEventKind(std::string_view kind) {
  return std::find(std::begin(kEventKinds), std::end(kEventKinds), kind) != std::end(kEventKinds);
}

bool IsPlaced(std::string_view category) {
  return category != "not_yet_employed" && category != "not_seeking";
}

bool HasEmployer(std::string_view category) {
  return category == "contract_employment" || category == "other_employment" ||
         category == "flexible_employment" || category == "entrepreneurship" ||
         category == "grassroots_military";
}

const char* CategoryZh(std::string_view c) {
  if (c == "contract_employment") return "签订就业协议、劳动合同就业";
  if (c == "other_employment") return "其他录用形式就业";
  if (c == "flexible_employment") return "灵活就业";
  if (c == "entrepreneurship") return "自主创业";
  if (c == "further_study") return "境内升学";
  if (c == "study_abroad") return "出国（境）留学";
  if (c == "grassroots_military") return "基层项目及应征义务兵";
  if (c == "not_yet_employed") return "待就业";
  if (c == "not_seeking") return "暂不就业";
  return "";
}

std::vector<FieldError> Validate(const Destination& v) {
  std::vector<FieldError> out;
  if (std::find(kCategories.begin(), kCategories.end(), v.category) == kCategories.end()) {
    std::string allowed;
    for (auto c : kCategories) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
    out.push_back({"category", "must be one of " + allowed + "; got '" + v.category + "'"});
  } else if (HasEmployer(v.category) && v.employer_name.empty()) {
    out.push_back({"employer_name", "is required for category " + v.category});
  }
  if (v.employer_name.size() > 600) out.push_back({"employer_name", "is too long"});
  if (v.region_code) {
    if (auto p = core::CheckRegionCode(*v.region_code)) out.push_back({"region_code", *p});
  }
  if (v.salary && (*v.salary < 0 || *v.salary > 10000000)) {
    out.push_back({"salary", "must be between 0 and 10000000 yuan per month"});
  }
  // A credit code that does not validate is stored and flagged for audit, not refused: the
  // graduate copies it from paper, and the unit checks it.
  return out;
}

// ---- descriptions ------------------------------------------------------------------------------

template <>
const EntityDef<Application>& Def<Application>() {
  static const EntityDef<Application> def = [] {
    using T = Application;
    EntityDef<T> d{"applications", "application", "Application", {IdField<T>()}};
    auto ref = [](std::string_view name, std::string_view table) {
      return FieldSpec{.name = name, .required = true, .references = table};
    };
    d.fields.push_back(MakeField(&T::student_id, ref("student_id", "students")));
    d.fields.push_back(MakeField(&T::post_id, ref("post_id", "posts")));
    d.fields.push_back(MakeField(
        &T::institution_id,
        {.name = "institution_id", .read_only = true, .description = "The student's institution"}));
    d.fields.push_back(MakeField(
        &T::unit_id, {.name = "unit_id", .read_only = true, .description = "The student's unit"}));
    d.fields.push_back(MakeField(
        &T::organization_id,
        {.name = "organization_id", .read_only = true, .description = "The post's organization"}));
    d.fields.push_back(MakeField(&T::post_kind, {.name = "post_kind", .read_only = true}));
    d.fields.push_back(MakeField(&T::event_id, {.name = "event_id",
                                                .references = "activities",
                                                .description = "The event it was made at"}));
    d.fields.push_back(
        MakeField(&T::state, {.name = "state", .read_only = true, .enum_values = kStates}));
    d.fields.push_back(
        MakeField(&T::intention_kind, {.name = "intention_kind",
                                       .read_only = true,
                                       .enum_values = {"internship", "employment"}}));
    d.fields.push_back(MakeField(&T::follow_up, {.name = "follow_up", .read_only = true}));
    for (auto [member, name] : {std::pair{&T::student_confirmed_at, "student_confirmed_at"},
                                {&T::enterprise_confirmed_at, "enterprise_confirmed_at"},
                                {&T::institution_confirmed_at, "institution_confirmed_at"}}) {
      d.fields.push_back(MakeField(member, {.name = name,
                                            .format = Format::kTimestamp,
                                            .read_only = true,
                                            .description = "Tripartite agreement confirmation"}));
    }
    d.fields.push_back(MakeField(&T::note, {.name = "note", .max_length = 2000}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<ApplicationTransition>& Def<ApplicationTransition>() {
  static const EntityDef<ApplicationTransition> def = [] {
    using T = ApplicationTransition;
    EntityDef<T> d{"application_transitions",
                   "application transition",
                   "ApplicationTransition",
                   {IdField<T>()}};
    d.fields.push_back(MakeField(&T::application_id, {.name = "application_id"}));
    d.fields.push_back(MakeField(&T::from_state, {.name = "from_state"}));
    d.fields.push_back(MakeField(&T::to_state, {.name = "to_state"}));
    d.fields.push_back(MakeField(&T::actor_user_id, {.name = "actor_user_id"}));
    d.fields.push_back(MakeField(&T::actor_role, {.name = "actor_role"}));
    d.fields.push_back(MakeField(&T::actor_label, {.name = "actor_label"}));
    d.fields.push_back(MakeField(&T::note, {.name = "note"}));
    d.fields.push_back(MakeField(&T::intention_kind, {.name = "intention_kind"}));
    d.fields.push_back(MakeField(&T::follow_up, {.name = "follow_up"}));
    d.fields.push_back(MakeField(&T::event_id, {.name = "event_id"}));
    d.fields.push_back(MakeField(&T::at, {.name = "at", .format = Format::kTimestamp}));
    return d;
  }();
  return def;
}

template <>
const EntityDef<EventRegistration>& Def<EventRegistration>() {
  static const EntityDef<EventRegistration> def = [] {
    using T = EventRegistration;
    EntityDef<T> d{
        "event_registrations", "event registration", "EventRegistration", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::event_id, {.name = "event_id", .read_only = true}));
    d.fields.push_back(MakeField(&T::student_id, {.name = "student_id", .references = "students"}));
    d.fields.push_back(MakeField(
        &T::status, {.name = "status",
                     .read_only = true,
                     .enum_values = {"registered", "waitlisted", "checked_in", "cancelled"}}));
    d.fields.push_back(MakeField(&T::position, {.name = "position", .read_only = true}));
    d.fields.push_back(
        MakeField(&T::code, {.name = "code", .read_only = true, .description = "Check-in code"}));
    d.fields.push_back(
        MakeField(&T::checked_in_at,
                  {.name = "checked_in_at", .format = Format::kTimestamp, .read_only = true}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<EventSlot>& Def<EventSlot>() {
  static const EntityDef<EventSlot> def = [] {
    using T = EventSlot;
    EntityDef<T> d{"event_slots", "interview slot", "EventSlot", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::event_id, {.name = "event_id", .read_only = true}));
    d.fields.push_back(
        MakeField(&T::organization_id,
                  {.name = "organization_id", .required = true, .references = "organizations"}));
    d.fields.push_back(MakeField(&T::room, {.name = "room", .required = true, .max_length = 100}));
    d.fields.push_back(MakeField(
        &T::starts_at, {.name = "starts_at", .format = Format::kTimestamp, .required = true}));
    d.fields.push_back(MakeField(
        &T::ends_at, {.name = "ends_at", .format = Format::kTimestamp, .required = true}));
    d.fields.push_back(
        MakeField(&T::application_id, {.name = "application_id",
                                       .references = "applications",
                                       .description = "The application interviewed in this slot"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Destination>& Def<Destination>() {
  static const EntityDef<Destination> def = [] {
    using T = Destination;
    EntityDef<T> d{"destinations", "destination", "Destination", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::student_id,
                                 {.name = "student_id",
                                  .references = "students",
                                  .description = "Required unless a student registers their own"}));
    d.fields.push_back(
        MakeField(&T::institution_id, {.name = "institution_id", .read_only = true}));
    d.fields.push_back(MakeField(&T::unit_id, {.name = "unit_id", .read_only = true}));
    d.fields.push_back(MakeField(&T::cohort, {.name = "cohort", .read_only = true}));
    d.fields.push_back(MakeField(&T::major_code, {.name = "major_code", .read_only = true}));
    d.fields.push_back(MakeField(&T::category, {.name = "category",
                                                .required = true,
                                                .enum_values = kCategories,
                                                .description = "Ministry of Education category"}));
    d.fields.push_back(MakeField(&T::employer_name, {.name = "employer_name", .max_length = 200}));
    d.fields.push_back(
        MakeField(&T::employer_credit_code,
                  {.name = "employer_credit_code",
                   .description = "Flagged (not refused) when it does not validate"}));
    d.fields.push_back(
        MakeField(&T::organization_id, {.name = "organization_id", .references = "organizations"}));
    d.fields.push_back(
        MakeField(&T::region_code, {.name = "region_code", .format = Format::kRegionCode}));
    d.fields.push_back(
        MakeField(&T::industry_code, {.name = "industry_code", .format = Format::kIndustryCode}));
    d.fields.push_back(MakeField(
        &T::salary,
        {.name = "salary", .minimum = 0, .maximum = 10000000, .description = "Yuan per month"}));
    d.fields.push_back(MakeField(&T::evidence_file, {.name = "evidence_file", .read_only = true}));
    d.fields.push_back(MakeField(&T::evidence_type, {.name = "evidence_type", .read_only = true}));
    d.fields.push_back(
        MakeField(&T::status, {.name = "status",
                               .read_only = true,
                               .enum_values = {"registered", "verified", "rejected"}}));
    d.fields.push_back(MakeField(&T::verified_by, {.name = "verified_by", .read_only = true}));
    d.fields.push_back(MakeField(
        &T::verified_at, {.name = "verified_at", .format = Format::kTimestamp, .read_only = true}));
    d.fields.push_back(
        MakeField(&T::registered_at,
                  {.name = "registered_at", .format = Format::kTimestamp, .read_only = true}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

}  // namespace tb::domain
