#include "http/partnership_routes.hpp"

#include <string>

#include "core/validate.hpp"
#include "service/partnership_service.hpp"

namespace tb::http {

namespace {

using namespace api;  // NOLINT: the registrar's vocabulary
using service::PartnershipServices;

// list / add / change / remove of a child entity under its parent:
//   GET|POST  <parents>/{id}/<children>     PATCH|DELETE  <parents>/{id}/<children>/{<param>}
// The parent must be visible (else 404); the child's parent field is taken from the path.
template <class Child, class Parent>
void AddNested(Api& r, std::shared_ptr<PartnershipServices> s,
               const service::EntityService<Parent> PartnershipServices::*parents,
               const service::EntityService<Child> PartnershipServices::*children,
               const std::string& segment, const std::string& param, domain::Id Child::*parent_of,
               const std::string& tag) {
  const auto& pdef = domain::Def<Parent>();
  const auto& cdef = domain::Def<Child>();
  std::string base = std::string(kBase) + "/" + std::string(pdef.table) + "/{id}/" + segment;
  std::string item = base + "/{" + param + "}";
  std::string schema(cdef.title);
  std::string singular(cdef.singular);
  std::string parent_field = std::string(pdef.singular) + "_id";

  // The visible parent's id from the path, or the problem to answer.
  auto parent_id = [s, parents](Request& req, const Caller& caller) -> Result<Id> {
    auto id = ParseId(req.path_params["id"]);
    if (!id) return Error::NotFound("no such resource");
    TB_TRY_STATUS(((*s).*parents).Get(caller, *id));
    return *id;
  };
  // The child of the path, when it belongs to the parent of the path.
  auto child_id = [s, children, param, parent_of, singular](Request& req, const Caller& caller,
                                                            Id parent) -> Result<Id> {
    auto id = ParseId(req.path_params[param]);
    if (!id) return Error::NotFound("no such resource");
    auto child = ((*s).*children).Get(caller, *id);
    if (!child.ok() || (*child).*parent_of != parent) {
      return Error::NotFound(singular + " " + std::to_string(*id) + " not found");
    }
    return *id;
  };

  r.Add("GET", base,
        [s, children, parent_id](Request& req, const Caller& caller) {
          auto parent = parent_id(req, caller);
          if (!parent.ok()) return Problem(parent.error(), req.request_id);
          QueryReader q(req);
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          typename service::FilterOf<Child>::type filter{};
          if constexpr (std::is_same_v<Child, domain::CampaignTarget>) {
            filter.campaign_id = *parent;
          } else {
            filter.activity_id = *parent;
          }
          auto page = ((*s).*children).List(caller, filter, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"List the " + segment + " of a " + std::string(pdef.singular),
         tag,
         PageParams(),
         "",
         schema,
         true,
         200,
         {404}});

  r.Add("POST", base,
        [s, children, parent_id, parent_of, parent_field](Request& req, const Caller& caller) {
          auto parent = parent_id(req, caller);
          if (!parent.ok()) return Problem(parent.error(), req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          json b = *body;
          if (b.is_object() && !b.contains(parent_field)) b[parent_field] = *parent;
          Child value{};
          if (auto st = ApplyJson(b, value, true); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          if (value.*parent_of != *parent) {
            return Problem(
                422, "not valid", req.request_id,
                {{parent_field, "must be the one in the path (" + std::to_string(*parent) + ")"}});
          }
          return FromResult(((*s).*children).Create(caller, std::move(value), core::NowUtc()), req,
                            201);
        },
        {"Add a " + singular + " to a " + std::string(pdef.singular),
         tag,
         {},
         schema + "Input",
         schema,
         false,
         201,
         {404, 409, 413, 422}});

  r.Add("PATCH", item,
        [s, children, parent_id, child_id, parent_of, parent_field](Request& req,
                                                                    const Caller& caller) {
          auto parent = parent_id(req, caller);
          if (!parent.ok()) return Problem(parent.error(), req.request_id);
          auto id = child_id(req, caller, *parent);
          if (!id.ok()) return Problem(id.error(), req.request_id);
          auto body = ParseBody(req);
          if (!body.ok()) return Problem(body.error(), req.request_id);
          auto result = ((*s).*children)
                            .Modify(
                                caller, *id,
                                [&](Child& value) -> Status {
                                  TB_TRY_STATUS(ApplyJson(*body, value, false));
                                  if (value.*parent_of != *parent) {
                                    return Error::Unprocessable(
                                        "not valid", {{parent_field, "cannot be changed"}});
                                  }
                                  return {};
                                },
                                core::NowUtc());
          return FromResult(result, req);
        },
        {"Change a " + singular + " (JSON merge patch)",
         tag,
         {},
         schema + "Input",
         schema,
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("DELETE", item,
        [s, children, parent_id, child_id](Request& req, const Caller& caller) {
          auto parent = parent_id(req, caller);
          if (!parent.ok()) return Problem(parent.error(), req.request_id);
          auto id = child_id(req, caller, *parent);
          if (!id.ok()) return Problem(id.error(), req.request_id);
          auto st = ((*s).*children).Delete(caller, *id, core::NowUtc());
          if (!st.ok()) return Problem(st.error(), req.request_id);
          return Response::NoContent();
        },
        {"Remove a " + singular, tag, {}, "", "", false, 204, {404}});
}

// POST /activities: the activity's fields and an optional array of outcome lines.
Response CreateActivity(const PartnershipServices& s, Request& req, const Caller& caller) {
  auto body = ParseBody(req);
  if (!body.ok()) return Problem(body.error(), req.request_id);
  if (!body->is_object()) {
    return Problem(Error::Invalid("request body must be a JSON object"), req.request_id);
  }
  json activity_body = *body;
  json lines_body = json::array();
  std::vector<FieldError> errors;
  if (activity_body.contains("outcomes")) {
    lines_body = activity_body["outcomes"];
    activity_body.erase("outcomes");
    if (lines_body.is_null()) lines_body = json::array();
    if (!lines_body.is_array()) errors.push_back({"outcomes", "must be an array"});
  }
  domain::Activity activity{};
  if (auto st = ApplyJson(activity_body, activity, true); !st.ok()) {
    if (st.error().code != ErrorCode::kUnprocessable) return Problem(st.error(), req.request_id);
    errors.insert(errors.end(), st.error().fields.begin(), st.error().fields.end());
  }
  std::vector<domain::ActivityOutcome> lines;
  if (lines_body.is_array()) {
    for (std::size_t i = 0; i < lines_body.size(); ++i) {
      std::string prefix = "outcomes/" + std::to_string(i);
      json line = lines_body[i];
      if (!line.is_object()) {
        errors.push_back({prefix, "must be an object"});
        continue;
      }
      if (line.contains("activity_id")) {
        errors.push_back({prefix + "/activity_id", "is the new activity's; leave it out"});
        continue;
      }
      line["activity_id"] = 1;  // replaced by the new activity's id
      domain::ActivityOutcome value{};
      if (auto st = ApplyJson(line, value, true); !st.ok()) {
        if (st.error().code != ErrorCode::kUnprocessable) {
          return Problem(st.error(), req.request_id);
        }
        for (const auto& f : st.error().fields)
          errors.push_back({prefix + "/" + f.field, f.message});
        continue;
      }
      lines.push_back(std::move(value));
    }
  }
  if (!errors.empty()) {
    // Name the activity's own problems in the same answer (they are checked again on create).
    for (auto& e : domain::Validate(activity)) {
      bool known = false;
      for (const auto& x : errors) known = known || x.field == e.field;
      if (!known) errors.push_back(std::move(e));
    }
    return Problem(Error::Unprocessable("activity is not valid", errors), req.request_id);
  }
  auto created = s.CreateActivity(caller, std::move(activity), std::move(lines), core::NowUtc());
  if (!created.ok()) return Problem(created.error(), req.request_id);
  json out = ToJson(created->activity);
  json items = json::array();
  for (const auto& o : created->outcomes) items.push_back(ToJson(o));
  out["outcomes"] = items;
  return JsonResponse(201, out);
}

json MeasureJson(const service::Measure& m) {
  return {{"done", m.done}, {"target", m.target ? json(*m.target) : json(nullptr)}};
}

json CampaignHead(const domain::Campaign& c) {
  return {{"id", c.id},
          {"institution_id", c.institution_id},
          {"name", c.name},
          {"start_date", c.start_date},
          {"end_date", c.end_date}};
}

json ProgressJson(const service::CampaignProgress& p) {
  auto row = [](const service::ProgressRow& r, bool unit) {
    json j = {{"visits", MeasureJson(r.visits)},
              {"employers", MeasureJson(r.employers)},
              {"posts", MeasureJson(r.posts)}};
    if (unit) {
      j["unit_id"] = r.unit_id ? json(*r.unit_id) : json(nullptr);
      j["unit_name"] = r.unit_name;
    } else {
      j["leader_name"] = r.leader_name;
      j["leader_title"] = r.leader_title;
    }
    return j;
  };
  json by_unit = json::array(), by_leader = json::array();
  for (const auto& r : p.by_unit) by_unit.push_back(row(r, true));
  for (const auto& r : p.by_leader) by_leader.push_back(row(r, false));
  return {{"campaign", CampaignHead(p.campaign)},
          {"rules",
           {{"visits", TextJson(service::kVisitsRule)},
            {"employers", TextJson(service::kEmployersRule)},
            {"posts", TextJson(service::kPostsRule)},
            {"targets", TextJson(service::kTargetsRule)}}},
          {"total",
           {{"visits", MeasureJson(p.visits)},
            {"employers", MeasureJson(p.employers)},
            {"posts", MeasureJson(p.posts)}}},
          {"by_unit", by_unit},
          {"by_leader", by_leader}};
}

json RankingJson(const service::CampaignRanking& k) {
  json items = json::array();
  for (const auto& r : k.items) {
    items.push_back({{"rank", r.rank},
                     {"unit_id", r.unit_id},
                     {"unit_name", r.unit_name},
                     {"visits", r.visits},
                     {"employers", r.employers},
                     {"posts", r.posts},
                     {"score", static_cast<double>(r.score_tenths) / 10.0}});
  }
  return {{"campaign", CampaignHead(k.campaign)},
          {"week", k.week},
          {"from", k.from},
          {"to", k.to},
          {"formula", TextJson(service::kRankingFormula)},
          {"why", TextJson(service::kRankingWhy)},
          {"rules",
           {{"visits", TextJson(service::kVisitsRule)},
            {"employers", TextJson(service::kEmployersRule)},
            {"posts", TextJson(service::kPostsRule)}}},
          {"items", items}};
}

}  // namespace

void AddPartnershipRoutes(Api& r, std::shared_ptr<store::Database> db) {
  // Handlers below share ownership of the services; AddCrud keeps a plain pointer to them,
  // which stays valid as long as the route table (and so those handlers) exists.
  auto s = std::make_shared<PartnershipServices>(std::move(db));
  std::string tag = "Partnerships";

  AddCrud(r, s->campaigns, tag,
          [](QueryReader& q) {
            store::CampaignFilter f;
            f.institution_id = q.Int("institution_id", 1, INT64_MAX);
            f.status = q.Enum("status", EnumOf<domain::Campaign>("status"));
            f.name = q.String("name");
            f.active_on = q.Code("active_on", core::CheckDate);
            return f;
          },
          {{"institution_id", "integer", "Campaigns of this institution"},
           {"status", "string", "planned | active | closed"},
           {"name", "string", "Name substring, case-insensitive"},
           {"active_on", "string", "Campaigns whose period contains this date (YYYY-MM-DD)"}});

  AddCrud(
      r, s->activities, tag,
      [](QueryReader& q) {
        store::ActivityFilter f;
        f.institution_id = q.Int("institution_id", 1, INT64_MAX);
        f.campaign_id = q.Int("campaign_id", 1, INT64_MAX);
        f.unit_id = q.Int("unit_id", 1, INT64_MAX);
        f.organization_id = q.Int("organization_id", 1, INT64_MAX);
        f.kind = q.Enum("kind", EnumOf<domain::Activity>("kind"));
        f.from = q.Code("from", core::CheckDate);
        f.to = q.Code("to", core::CheckDate);
        return f;
      },
      {{"institution_id", "integer", ""},
       {"campaign_id", "integer", "Activities of this campaign"},
       {"unit_id", "integer", "Activities of this unit"},
       {"organization_id", "integer",
        "Activities this organization took part in (counterpart or outcome line)"},
       {"kind", "string",
        "visit_out | visit_in | symposium | docking_event | lecture | job_fair | livestream | "
        "group_interview | signing"},
       {"from", "string", "On or after this date (YYYY-MM-DD)"},
       {"to", "string", "On or before this date (YYYY-MM-DD)"}},
      CreateRoute{
          [s](Request& req, const Caller& caller) { return CreateActivity(*s, req, caller); },
          "Create an activity, optionally with its outcome lines (`outcomes`, each "
          "as for POST /activities/{id}/outcomes without activity_id) all-or-nothing "
          "in one transaction; a line's problems name outcomes/N/<field>",
          "ActivityWithOutcomesInput", "ActivityWithOutcomes"});

  AddNested<domain::CampaignTarget, domain::Campaign>(
      r, s, &PartnershipServices::campaigns, &PartnershipServices::targets, "targets", "target_id",
      &domain::CampaignTarget::campaign_id, tag);
  AddNested<domain::ActivityOutcome, domain::Activity>(
      r, s, &PartnershipServices::activities, &PartnershipServices::outcomes, "outcomes",
      "outcome_id", &domain::ActivityOutcome::activity_id, tag);
  AddNested<domain::ActivityParticipant, domain::Activity>(
      r, s, &PartnershipServices::activities, &PartnershipServices::participants, "participants",
      "participant_id", &domain::ActivityParticipant::activity_id, tag);
  AddNested<domain::ActivityTask, domain::Activity>(r, s, &PartnershipServices::activities,
                                                    &PartnershipServices::tasks, "tasks", "task_id",
                                                    &domain::ActivityTask::activity_id, tag);

  std::string campaign = std::string(kBase) + "/campaigns/{id}";
  r.Add("GET", campaign + "/progress",
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          auto progress = s->Progress(caller, *id);
          if (!progress.ok()) return Problem(progress.error(), req.request_id);
          return JsonResponse(200, ProgressJson(*progress));
        },
        {"A campaign's progress against its targets, by unit and by leader (rules stated)",
         tag,
         {},
         "",
         "CampaignProgress",
         false,
         200,
         {404}});

  r.Add("GET", campaign + "/ranking",
        [s](Request& req, const Caller& caller) {
          auto id = ParseId(req.path_params["id"]);
          if (!id) return Problem(404, "no such resource", req.request_id);
          QueryReader q(req);
          auto week = q.String("week", 10);
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto ranking = s->Ranking(caller, *id, week, core::NowUtc());
          if (!ranking.ok()) return Problem(ranking.error(), req.request_id);
          return JsonResponse(200, RankingJson(*ranking));
        },
        {"Units ranked for one ISO week by the formula stated in the response",
         tag,
         {{"week", "string",
           "ISO week YYYY-Www, e.g. 2023-W10; default: the current week while the campaign runs, "
           "else its last (or, before it starts, its first) week"}},
         "",
         "CampaignRanking",
         false,
         200,
         {404}});
}

void AddPartnershipSchemas(json& schemas) {
  {
    // POST /activities: the activity with its outcome lines (each without activity_id).
    json line = schemas["ActivityOutcomeInput"];
    line["properties"].erase("activity_id");
    json required = json::array();
    for (const auto& f : line["required"]) {
      if (f != "activity_id") required.push_back(f);
    }
    line["required"] = required;
    json input = schemas["ActivityInput"];
    input["properties"]["outcomes"] = {{"type", "array"}, {"items", line}};
    input["description"] =
        "An activity's fields, and optionally its outcome lines: all written or none";
    schemas["ActivityWithOutcomesInput"] = input;
    schemas["ActivityWithOutcomes"] = {
        {"allOf",
         json::array({{{"$ref", "#/components/schemas/Activity"}},
                      {{"type", "object"},
                       {"properties",
                        {{"outcomes",
                          {{"type", "array"},
                           {"items", {{"$ref", "#/components/schemas/ActivityOutcome"}}}}}}}}})}};
  }
  json integer = {{"type", "integer"}};
  json str = {{"type", "string"}};
  json measure = {
      {"type", "object"},
      {"properties", {{"done", integer}, {"target", {{"type", json::array({"integer", "null"})}}}}},
      {"required", json::array({"done", "target"})}};
  json head = {{"type", "object"},
               {"properties",
                {{"id", integer},
                 {"institution_id", integer},
                 {"name", str},
                 {"start_date", str},
                 {"end_date", str}}}};
  json row = {{"type", "object"},
              {"properties",
               {{"unit_id", {{"type", json::array({"integer", "null"})}}},
                {"unit_name", str},
                {"leader_name", str},
                {"leader_title", str},
                {"visits", measure},
                {"employers", measure},
                {"posts", measure}}},
              {"required", json::array({"visits", "employers", "posts"})}};
  json text = {{"$ref", "#/components/schemas/Text"}};
  json rules = {{"type", "object"}, {"additionalProperties", text}};
  schemas["CampaignProgress"] = {
      {"type", "object"},
      {"properties",
       {{"campaign", head},
        {"rules", rules},
        {"total",
         {{"type", "object"},
          {"properties", {{"visits", measure}, {"employers", measure}, {"posts", measure}}}}},
        {"by_unit", {{"type", "array"}, {"items", row}}},
        {"by_leader", {{"type", "array"}, {"items", row}}}}},
      {"required", json::array({"campaign", "rules", "total", "by_unit", "by_leader"})}};
  json item = {{"type", "object"},
               {"properties",
                {{"rank", integer},
                 {"unit_id", integer},
                 {"unit_name", str},
                 {"visits", integer},
                 {"employers", integer},
                 {"posts", integer},
                 {"score", {{"type", "number"}}}}},
               {"required", json::array({"rank", "unit_id", "unit_name", "visits", "employers",
                                         "posts", "score"})}};
  schemas["CampaignRanking"] = {
      {"type", "object"},
      {"properties",
       {{"campaign", head},
        {"week", str},
        {"from", str},
        {"to", str},
        {"formula", text},
        {"why", text},
        {"rules", rules},
        {"items", {{"type", "array"}, {"items", item}}}}},
      {"required", json::array({"campaign", "week", "from", "to", "formula", "items"})}};
}

}  // namespace tb::http
