#include "domain/partnership.hpp"

#include <algorithm>
#include <cstdio>

#include "core/validate.hpp"
#include "domain/entities.hpp"
#include "domain/validation.hpp"

namespace tb::domain {

using core::CivilFromDays;
using core::DaysFromCivil;

namespace {

const std::vector<std::string_view> kLevelValues = {"vocational", "bachelor", "master", "doctor"};
const std::vector<std::string_view> kKindValues(std::begin(kActivityKinds),
                                                std::end(kActivityKinds));

FieldSpec Count(std::string_view name, std::string_view description) {
  return {.name = name, .minimum = 0, .maximum = 1000000, .description = description};
}
FieldSpec Pay(std::string_view name, std::string_view description) {
  return {.name = name, .minimum = 0, .maximum = 10000000, .description = description};
}

// The per-field rules of entity.hpp for the field kinds these entities use (strings with
// enums, lengths, dates and major codes; integers with ranges; required references).
template <class T>
std::vector<FieldError> CheckFields(const T& value) {
  std::vector<FieldError> out;
  for (const auto& f : Def<T>().fields) {
    const FieldSpec& spec = f.spec;
    if (spec.read_only) continue;
    Value v = f.get(value);
    std::string name(spec.name);
    if (auto* s = std::get_if<std::string>(&v)) {
      if (!IsValidUtf8(*s)) {
        out.push_back({name, "is not valid UTF-8"});
      } else if (spec.max_length > 0 && Utf8Length(*s) > spec.max_length) {
        out.push_back({name, "must be at most " + std::to_string(spec.max_length) +
                                 " characters, got " + std::to_string(Utf8Length(*s))});
      } else if (!spec.enum_values.empty() &&
                 std::find(spec.enum_values.begin(), spec.enum_values.end(), *s) ==
                     spec.enum_values.end()) {
        std::string allowed;
        for (auto e : spec.enum_values) allowed += (allowed.empty() ? "" : ", ") + std::string(e);
        out.push_back({name, "must be one of " + allowed + "; got '" + *s + "'"});
      } else if (s->empty()) {
        if (spec.required) out.push_back({name, "is required"});
      } else if (spec.format == Format::kDate) {
        if (auto p = core::CheckDate(*s)) out.push_back({name, *p});
      } else if (spec.format == Format::kMajorCode) {
        if (auto p = core::CheckMajorCode(*s)) out.push_back({name, *p});
      }
    } else if (auto* i = std::get_if<std::int64_t>(&v)) {
      if (spec.minimum && *i < *spec.minimum) {
        out.push_back({name, "must be at least " + std::to_string(*spec.minimum) + ", got " +
                                 std::to_string(*i)});
      } else if (spec.maximum && *i > *spec.maximum) {
        out.push_back({name, "must be at most " + std::to_string(*spec.maximum) + ", got " +
                                 std::to_string(*i)});
      } else if (spec.required && !spec.references.empty() && *i <= 0) {
        out.push_back({name, "is required"});
      }
    } else if (std::holds_alternative<std::monostate>(v) && spec.required) {
      out.push_back({name, "is required"});
    }
  }
  return out;
}

// Monday (as days since 1970-01-01) of ISO week 1 of `year`: the week holding 4 January.
std::int64_t IsoWeekOneMonday(int year) {
  std::int64_t jan4 = DaysFromCivil(year, 1, 4);
  std::int64_t weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday;
}

}  // namespace

bool IsVisit(std::string_view kind) { return kind == "visit_out" || kind == "visit_in"; }

template <>
const EntityDef<Campaign>& Def<Campaign>() {
  static const EntityDef<Campaign> def = [] {
    using T = Campaign;
    EntityDef<T> d{"campaigns", "campaign", "Campaign", {IdField<T>()}};
    d.fields.push_back(
        MakeField(&T::institution_id, {.name = "institution_id",
                                       .required = true,
                                       .references = "institutions",
                                       .description = "The institution running it"}));
    d.fields.push_back(
        MakeField(&T::name, {.name = "name",
                             .required = true,
                             .max_length = 200,
                             .description = "e.g. 2023年书记校长访企拓岗促就业专项行动"}));
    d.fields.push_back(MakeField(&T::start_date, {.name = "start_date",
                                                  .format = Format::kDate,
                                                  .required = true,
                                                  .description = "First day (inclusive)"}));
    d.fields.push_back(MakeField(&T::end_date, {.name = "end_date",
                                                .format = Format::kDate,
                                                .required = true,
                                                .description = "Last day (inclusive)"}));
    d.fields.push_back(MakeField(
        &T::description, {.name = "description", .format = Format::kText, .max_length = 5000}));
    d.fields.push_back(
        MakeField(&T::status, {.name = "status", .enum_values = {"planned", "active", "closed"}}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<CampaignTarget>& Def<CampaignTarget>() {
  static const EntityDef<CampaignTarget> def = [] {
    using T = CampaignTarget;
    EntityDef<T> d{"campaign_targets", "campaign target", "CampaignTarget", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::campaign_id, {.name = "campaign_id",
                                                   .required = true,
                                                   .references = "campaigns",
                                                   .description = "Set from the path"}));
    d.fields.push_back(MakeField(
        &T::unit_id, {.name = "unit_id",
                      .references = "units",
                      .description = "The unit this target is for (or give leader_name)"}));
    d.fields.push_back(MakeField(
        &T::leader_name, {.name = "leader_name",
                          .max_length = 100,
                          .description = "The leader this target is for (or give unit_id)"}));
    d.fields.push_back(MakeField(&T::leader_title, {.name = "leader_title", .max_length = 100}));
    d.fields.push_back(MakeField(&T::visits, Count("visits", "Visits to make")));
    d.fields.push_back(
        MakeField(&T::employers, Count("employers", "Distinct employers (by credit code)")));
    d.fields.push_back(MakeField(&T::posts, Count("posts", "Posts to open")));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<Activity>& Def<Activity>() {
  static const EntityDef<Activity> def = [] {
    using T = Activity;
    EntityDef<T> d{"activities", "activity", "Activity", {IdField<T>()}};
    d.fields.push_back(
        MakeField(&T::institution_id,
                  {.name = "institution_id", .required = true, .references = "institutions"}));
    d.fields.push_back(MakeField(&T::kind, {.name = "kind",
                                            .required = true,
                                            .enum_values = kKindValues,
                                            .description = "What happened (DESIGN §3)"}));
    d.fields.push_back(MakeField(
        &T::campaign_id,
        {.name = "campaign_id",
         .references = "campaigns",
         .description = "The campaign it belongs to; its date must lie in the campaign's period"}));
    d.fields.push_back(MakeField(
        &T::unit_id,
        {.name = "unit_id", .references = "units", .description = "The unit that did it"}));
    d.fields.push_back(
        MakeField(&T::organization_id,
                  {.name = "organization_id",
                   .references = "organizations",
                   .description = "The main counterpart: the enterprise visited or visiting"}));
    d.fields.push_back(
        MakeField(&T::date, {.name = "date", .format = Format::kDate, .required = true}));
    d.fields.push_back(MakeField(&T::place, {.name = "place", .max_length = 300}));
    d.fields.push_back(MakeField(&T::host, {.name = "host", .max_length = 200}));
    d.fields.push_back(
        MakeField(&T::leader_name, {.name = "leader_name",
                                    .max_length = 100,
                                    .description = "Leading person of the institution's side"}));
    d.fields.push_back(MakeField(
        &T::leader_title,
        {.name = "leader_title", .max_length = 100, .description = "e.g. 校长 (president)"}));
    d.fields.push_back(
        MakeField(&T::receiver_name, {.name = "receiver_name",
                                      .max_length = 100,
                                      .description = "Receiving person of the organization"}));
    d.fields.push_back(
        MakeField(&T::receiver_title, {.name = "receiver_title", .max_length = 100}));
    d.fields.push_back(
        MakeField(&T::topics, {.name = "topics", .format = Format::kText, .max_length = 2000}));
    d.fields.push_back(
        MakeField(&T::notes, {.name = "notes", .format = Format::kText, .max_length = 20000}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<ActivityOutcome>& Def<ActivityOutcome>() {
  static const EntityDef<ActivityOutcome> def = [] {
    using T = ActivityOutcome;
    EntityDef<T> d{"activity_outcomes", "activity outcome", "ActivityOutcome", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::activity_id, {.name = "activity_id",
                                                   .required = true,
                                                   .references = "activities",
                                                   .description = "Set from the path"}));
    d.fields.push_back(
        MakeField(&T::organization_id, {.name = "organization_id",
                                        .required = true,
                                        .references = "organizations",
                                        .description = "The enterprise of this line"}));
    d.fields.push_back(MakeField(&T::major_code, {.name = "major_code",
                                                  .format = Format::kMajorCode,
                                                  .required = true,
                                                  .description = "Demanded major (catalog code)"}));
    d.fields.push_back(
        MakeField(&T::level, {.name = "level", .required = true, .enum_values = kLevelValues}));
    d.fields.push_back(MakeField(&T::posts_offered, Count("posts_offered", "Posts offered")));
    d.fields.push_back(MakeField(&T::average_pay, Pay("average_pay", "Yuan per month")));
    d.fields.push_back(
        MakeField(&T::interns_accepted, Count("interns_accepted", "Interns accepted")));
    d.fields.push_back(MakeField(&T::intern_pay, Pay("intern_pay", "Yuan per month")));
    d.fields.push_back(
        MakeField(&T::hires_planned, Count("hires_planned", "Graduates to be hired")));
    d.fields.push_back(MakeField(&T::starting_salary, Pay("starting_salary", "Yuan per month")));
    d.fields.push_back(
        MakeField(&T::other_cooperation, {.name = "other_cooperation",
                                          .format = Format::kText,
                                          .max_length = 2000,
                                          .description = "Other intended cooperation"}));
    d.fields.push_back(
        MakeField(&T::main_result_form,
                  {.name = "main_result_form",
                   .max_length = 200,
                   .description = "Main form of the result, e.g. 签订合作协议, 提供就业岗位"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<ActivityParticipant>& Def<ActivityParticipant>() {
  static const EntityDef<ActivityParticipant> def = [] {
    using T = ActivityParticipant;
    EntityDef<T> d{
        "activity_participants", "activity participant", "ActivityParticipant", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::activity_id, {.name = "activity_id",
                                                   .required = true,
                                                   .references = "activities",
                                                   .description = "Set from the path"}));
    d.fields.push_back(
        MakeField(&T::organization_id,
                  {.name = "organization_id",
                   .references = "organizations",
                   .description = "A participating organization (or give unit_id or contact_id)"}));
    d.fields.push_back(MakeField(
        &T::unit_id,
        {.name = "unit_id", .references = "units", .description = "A participating unit"}));
    d.fields.push_back(MakeField(
        &T::contact_id,
        {.name = "contact_id", .references = "contacts", .description = "A participating person"}));
    d.fields.push_back(MakeField(&T::role, {.name = "role",
                                            .enum_values = {"host", "participant", "guiding_unit"},
                                            .description = "What part it played"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

template <>
const EntityDef<ActivityTask>& Def<ActivityTask>() {
  static const EntityDef<ActivityTask> def = [] {
    using T = ActivityTask;
    EntityDef<T> d{"activity_tasks", "activity task", "ActivityTask", {IdField<T>()}};
    d.fields.push_back(MakeField(&T::activity_id, {.name = "activity_id",
                                                   .required = true,
                                                   .references = "activities",
                                                   .description = "Set from the path"}));
    d.fields.push_back(MakeField(&T::title, {.name = "title",
                                             .required = true,
                                             .max_length = 300,
                                             .description = "What is to be done"}));
    d.fields.push_back(
        MakeField(&T::owner, {.name = "owner", .max_length = 100, .description = "Who does it"}));
    d.fields.push_back(MakeField(&T::due_date, {.name = "due_date", .format = Format::kDate}));
    d.fields.push_back(MakeField(&T::done, {.name = "done"}));
    AddTimestamps(d.fields);
    return d;
  }();
  return def;
}

std::vector<FieldError> Validate(const Campaign& v) {
  auto out = CheckFields(v);
  if (out.empty() && v.end_date < v.start_date) {
    out.push_back({"end_date", "must not be before start_date (" + v.start_date + ")"});
  }
  return out;
}

std::vector<FieldError> Validate(const CampaignTarget& v) {
  auto out = CheckFields(v);
  if (v.unit_id.has_value() == !v.leader_name.empty()) {
    out.push_back({"unit_id", "exactly one of unit_id and leader_name must be given"});
  }
  if (v.unit_id && !v.leader_title.empty()) {
    out.push_back({"leader_title", "goes with leader_name, not with unit_id"});
  }
  return out;
}

std::vector<FieldError> Validate(const Activity& v) { return CheckFields(v); }

std::vector<FieldError> Validate(const ActivityOutcome& v) { return CheckFields(v); }

std::vector<FieldError> Validate(const ActivityParticipant& v) {
  auto out = CheckFields(v);
  int given = v.organization_id.has_value() + v.unit_id.has_value() + v.contact_id.has_value();
  if (given != 1) {
    out.push_back({"organization_id",
                   "exactly one of organization_id, unit_id and contact_id must be given"});
  }
  return out;
}

std::vector<FieldError> Validate(const ActivityTask& v) { return CheckFields(v); }

std::string IsoWeekOf(std::string_view date) {
  std::int64_t days = core::DayNumber(date);
  std::int64_t thursday = days - ((days % 7) + 7 + 3) % 7 + 3;  // the week's year is its Thursday's
  int year = std::stoi(CivilFromDays(thursday).substr(0, 4));
  std::int64_t week = (thursday - DaysFromCivil(year, 1, 1)) / 7 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, static_cast<int>(week));
  return buf;
}

Result<WeekRange> ParseIsoWeek(std::string_view week) {
  auto bad = [&](std::string why) -> Error {
    return Error::Invalid("invalid query parameters", {{"week", std::move(why)}});
  };
  bool shape = week.size() == 8 && week[4] == '-' && week[5] == 'W';
  for (std::size_t i : {0, 1, 2, 3, 6, 7}) {
    shape = shape && i < week.size() && week[i] >= '0' && week[i] <= '9';
  }
  if (!shape) return bad("must be an ISO week YYYY-Www, e.g. 2023-W10");
  int year = std::stoi(std::string(week.substr(0, 4)));
  int number = std::stoi(std::string(week.substr(6, 2)));
  // A year has 53 ISO weeks when 28 December lies in week 53.
  std::int64_t weeks = (DaysFromCivil(year, 12, 28) - IsoWeekOneMonday(year)) / 7 + 1;
  if (year < 1950 || year > 2100 || number < 1 || number > weeks) {
    return bad("week " + std::to_string(number) + " does not exist in " + std::to_string(year) +
               " (it has " + std::to_string(weeks) + " ISO weeks)");
  }
  std::int64_t monday = IsoWeekOneMonday(year) + 7 * (number - 1);
  return WeekRange{CivilFromDays(monday), CivilFromDays(monday + 6)};
}

}  // namespace tb::domain
