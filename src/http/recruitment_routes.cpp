#include "http/recruitment_routes.hpp"

#include <chrono>
#include <thread>

#include "core/validate.hpp"
#include "service/recruitment.hpp"

namespace tb::http {

namespace {

using namespace api;  // NOLINT: the registrar's vocabulary
using service::RecruitmentService;

// The problem document of a refusal, with the reasons (zh + en) or the allowed moves.
Response RefusalProblem(const Error& e, const service::Refusal& refusal, const Request& req) {
  Response r = Problem(e, req.request_id);
  json body = json::parse(r.body, nullptr, false);
  if (body.is_discarded()) return r;
  if (!refusal.reasons.empty()) {
    json reasons = json::array();
    for (const auto& x : refusal.reasons) {
      reasons.push_back({{"code", x.code}, {"field", x.field}, {"zh", x.zh}, {"en", x.en}});
    }
    body["reasons"] = reasons;
  }
  if (e.code == ErrorCode::kConflict) body["allowed"] = refusal.allowed;
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

json CountersJson(const store::LiveCounters& c) {
  return {{"registrations", c.registrations},
          {"waitlisted", c.waitlisted},
          {"checkins", c.checkins},
          {"applications", c.applications},
          {"intentions", c.intentions}};
}

json EventJson(const service::EventView& v) {
  json j = ToJson(v.activity);
  const auto& s = v.settings;
  j["capacity"] = s.capacity ? json(*s.capacity) : json(nullptr);
  j["stream_url"] = s.stream_url ? json(*s.stream_url) : json(nullptr);
  j["starts_at"] = s.starts_at ? json(*s.starts_at) : json(nullptr);
  j["ends_at"] = s.ends_at ? json(*s.ends_at) : json(nullptr);
  j["external_enterprises"] = s.external_enterprises;
  j["external_institutions"] = s.external_institutions;
  j["organizations"] = v.organizations;
  j["institutions"] = v.institutions;
  j["enterprises_total"] =
      static_cast<std::int64_t>(v.organizations.size()) + s.external_enterprises;
  j["institutions_total"] =
      static_cast<std::int64_t>(v.institutions.size()) + s.external_institutions;
  j["featured_posts"] = v.featured_posts;
  j["counters"] = CountersJson(v.counters);
  return j;
}

// What each figure counts, in Chinese and English.
json FigureRules() {
  return {
      {"interviewed", TextJson({"在招聘会上提交并进入面试的申请",
                                "applications made at the event that entered interview"})},
      {"intentions",
       TextJson({"其中达成意向（实习或就业）的申请",
                 "of those, the ones that reached intention (internship or employment)"})},
      {"follow_ups", TextJson({"未达成意向的申请中，记录了后续洽谈（interview -> interview）的申请",
                               "of those without intention, the ones with a follow-up "
                               "negotiation recorded (interview -> interview)"})},
      {"no_outcome", TextJson({"进入面试后被拒绝，既无意向也无后续洽谈",
                               "interviewed, then rejected without intention or follow-up"})}};
}

json FiguresJson(domain::Id id, const store::EventFigures& f) {
  return {{"event_id", id},
          {"applications", f.applications},
          {"interviewed", f.interviewed},
          {"intentions", f.intentions},
          {"internship_intentions", f.internship_intentions},
          {"employment_intentions", f.employment_intentions},
          {"follow_ups", f.follow_ups},
          {"no_outcome", f.no_outcome},
          {"rules", FigureRules()}};
}

template <class T>
json ListJson(const std::vector<T>& items) {
  json out = json::array();
  for (const auto& i : items) out.push_back(ToJson(i));
  return {{"items", out}, {"next_cursor", nullptr}};
}

// The members of a small JSON command body: unknown members are refused and every problem is
// collected, so that one 422 names all the fields at once.
class Command {
 public:
  Command(json body, std::initializer_list<const char*> known) : body_(std::move(body)) {
    for (auto it = body_.begin(); it != body_.end(); ++it) {
      bool ok = false;
      for (const char* k : known) ok = ok || it.key() == k;
      if (!ok) errors_.push_back({it.key(), "is not a field of this request"});
    }
  }
  std::optional<std::string> String(const char* name) {
    if (!Present(name)) return std::nullopt;
    if (!body_[name].is_string()) return Wrong(name, "must be a string");
    return body_[name].get<std::string>();
  }
  std::optional<std::int64_t> Int(const char* name) {
    if (!Present(name)) return std::nullopt;
    if (!body_[name].is_number_integer()) return Wrong(name, "must be an integer");
    return body_[name].get<std::int64_t>();
  }
  template <class T>
  void Require(const char* name, const std::optional<T>& v) {
    if (!v && errors_.empty()) errors_.push_back({name, "is required"});
  }
  Status Check() const {
    if (errors_.empty()) return {};
    return Error::Unprocessable("request is not valid", errors_);
  }

 private:
  bool Present(const char* name) const { return body_.contains(name) && !body_[name].is_null(); }
  std::nullopt_t Wrong(const char* name, const char* message) {
    errors_.push_back({name, message});
    return std::nullopt;
  }
  json body_;
  std::vector<FieldError> errors_;
};

// The JSON object body, or the problem.
Result<json> ObjectBody(const Request& req) {
  if (req.body.empty()) return json::object();
  TB_TRY(json b, ParseBody(req));
  if (!b.is_object()) return Error::Invalid("request body must be a JSON object");
  return b;
}

// Live counters of an event as server-sent events: one "counters" event at once, then one
// whenever they change. Changes are noticed by following change_log (every process writes
// it), checked every 100 ms, so a write by any server process reaches the client within that.
class LiveCounterSource : public EventSource {
 public:
  LiveCounterSource(std::shared_ptr<RecruitmentService> svc, auth::Caller caller, domain::Id id,
                    bool once)
      : svc_(std::move(svc)), caller_(std::move(caller)), id_(id), once_(once) {}

  std::optional<std::string> Next(std::chrono::milliseconds wait) override {
    if (once_ && last_) return std::nullopt;
    auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
      std::int64_t change = svc_->LastChange();
      if (change != last_change_) {
        std::int64_t previous = last_change_;
        last_change_ = change;
        auto counters = svc_->Counters(caller_, id_);
        if (!counters.ok()) return std::nullopt;  // gone or out of scope now: end the stream
        std::string out;
        if (!last_ || !(*last_ == *counters)) {
          last_ = *counters;
          json data = CountersJson(*counters);
          data["event_id"] = id_;
          out =
              "event: counters\nid: " + std::to_string(change) + "\ndata: " + data.dump() + "\n\n";
        }
        // The event itself was edited (facts, settings, participants, posts, slots): an
        // "event" message tells the screens to fetch it again.
        if (previous >= 0 && svc_->EventChanged(id_, previous, change)) {
          out += "event: event\nid: " + std::to_string(change) +
                 "\ndata: " + json{{"event_id", id_}}.dump() + "\n\n";
        }
        if (!out.empty()) return out;
      }
      if (std::chrono::steady_clock::now() >= deadline) return std::string();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }

 private:
  std::shared_ptr<RecruitmentService> svc_;
  auth::Caller caller_;
  domain::Id id_;
  bool once_;
  std::int64_t last_change_ = -2;
  std::optional<store::LiveCounters> last_;
};

// ---- editing events (edit) ----

constexpr const char* kSettingsKeys[] = {
    "capacity", "stream_url",           "starts_at",
    "ends_at",  "external_enterprises", "external_institutions"};

bool IsSettingsKey(const std::string& key) {
  for (const char* k : kSettingsKeys) {
    if (key == k) return true;
  }
  return false;
}

// Applies the settings members of an event body to `s` as a merge patch (null clears), naming
// every field of the wrong type.
void PatchSettings(const json& body, service::SettingsRequest& s, std::vector<FieldError>& errors) {
  for (auto [name, target] : {std::pair{"stream_url", &s.stream_url},
                              {"starts_at", &s.starts_at},
                              {"ends_at", &s.ends_at}}) {
    if (!body.contains(name)) continue;
    const json& v = body[name];
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) {
      target->reset();
    } else if (v.is_string()) {
      *target = v.get<std::string>();
    } else {
      errors.push_back({name, "must be a string"});
    }
  }
  if (body.contains("capacity")) {
    const json& v = body["capacity"];
    if (v.is_null()) {
      s.capacity.reset();
    } else if (v.is_number_integer()) {
      s.capacity = v.get<std::int64_t>();
    } else {
      errors.push_back({"capacity", "must be an integer"});
    }
  }
  for (auto [name, target] : {std::pair{"external_enterprises", &s.external_enterprises},
                              {"external_institutions", &s.external_institutions}}) {
    if (!body.contains(name)) continue;
    const json& v = body[name];
    if (v.is_null()) {
      *target = 0;
    } else if (v.is_number_integer()) {
      *target = v.get<std::int64_t>();
    } else {
      errors.push_back({name, "must be an integer"});
    }
  }
}

// Splits an event body into its activity members and its settings members.
std::pair<json, json> SplitEventBody(const json& body) {
  json activity = json::object(), settings = json::object();
  for (auto it = body.begin(); it != body.end(); ++it) {
    (IsSettingsKey(it.key()) ? settings : activity)[it.key()] = it.value();
  }
  return {activity, settings};
}

// The field errors of a failed ApplyJson appended to `errors`; other failures are returned.
Status CollectFieldErrors(const Status& st, std::vector<FieldError>& errors) {
  if (st.ok()) return {};
  if (st.error().code != ErrorCode::kUnprocessable) return st;
  for (const auto& f : st.error().fields) errors.push_back(f);
  return {};
}

#define TB_PATH_ID(var, name)                \
  auto var = ParseId(req.path_params[name]); \
  if (!var) return Problem(404, "no such resource", req.request_id)
#define TB_COMMAND(var, ...)                                          \
  auto var##_r = ObjectBody(req);                                     \
  if (!var##_r.ok()) return Problem(var##_r.error(), req.request_id); \
  Command var(std::move(*var##_r), __VA_ARGS__)
#define TB_CHECK(var)                                 \
  if (auto var##_st = var.Check(); !var##_st.ok()) {  \
    return Problem(var##_st.error(), req.request_id); \
  }
#define TB_BODY(var)                                                  \
  auto var##_r = ObjectBody(req);                                     \
  if (!var##_r.ok()) return Problem(var##_r.error(), req.request_id); \
  const json& var = *var##_r

}  // namespace

void AddRecruitmentRoutes(Api& r, std::shared_ptr<store::Database> db,
                          const std::string& files_dir) {
  auto s = std::make_shared<RecruitmentService>(std::move(db), files_dir);
  const std::string apps = std::string(kBase) + "/applications";
  const std::string events = std::string(kBase) + "/events";
  const std::string dests = std::string(kBase) + "/destinations";
  const std::string tag = "Recruitment";
  auto states = Values(std::vector<std::string_view>(std::begin(domain::kApplicationStates),
                                                     std::end(domain::kApplicationStates)));

  // ---- applications ----
  r.Add("GET", apps,
        [s, states](Request& req, const Caller& caller) {
          if (auto st = s->CheckListApplications(caller); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          QueryReader q(req);
          store::ApplicationFilter f;
          f.post_id = q.Int("post_id", 1, INT64_MAX);
          f.student_id = q.Int("student_id", 1, INT64_MAX);
          f.event_id = q.Int("event_id", 1, INT64_MAX);
          f.organization_id = q.Int("organization_id", 1, INT64_MAX);
          f.state = q.Enum("state", states);
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = s->ListApplications(caller, f, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"List applications in the caller's scope (student: own; recruiter: to its "
         "organization's posts; staff: their students')",
         tag,
         With({{"post_id", "integer", ""},
               {"student_id", "integer", ""},
               {"event_id", "integer", "Made at this event"},
               {"organization_id", "integer", "To this organization's posts"},
               {"state", "string",
                "applied | screening | interview | intention | offer | signed "
                "| rejected | withdrawn | declined"}}),
         "", "Application", true});

  r.Add("POST", apps,
        [s](Request& req, const Caller& caller) {
          TB_COMMAND(b, {"student_id", "post_id", "event_id", "note"});
          service::ApplyRequest a;
          a.student_id = b.Int("student_id");
          auto post = b.Int("post_id");
          b.Require("post_id", post);
          a.post_id = post.value_or(0);
          a.event_id = b.Int("event_id");
          a.note = b.String("note").value_or("");
          TB_CHECK(b);
          service::Refusal refusal;
          auto created = s->Apply(caller, a, core::NowUtc(), &refusal);
          if (!created.ok()) return RefusalProblem(created.error(), refusal, req);
          return JsonResponse(201, ToJson(*created));
        },
        {"Apply to a post (eligibility checked: refusals list every reason in Chinese and "
         "English)",
         tag,
         {},
         "ApplyInput",
         "Application",
         false,
         201,
         {404, 409, 422}});

  r.Add("GET", apps + "/{id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          return FromResult(s->GetApplication(caller, *id), req);
        },
        {"Get an application", tag, {}, "", "Application", false, 200, {404}});

  r.Add("POST", apps + "/{id}/transitions",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_COMMAND(b, {"to", "note", "intention_kind"});
          service::TransitionRequest t;
          t.to = b.String("to").value_or("");
          t.note = b.String("note").value_or("");
          t.intention_kind = b.String("intention_kind");
          TB_CHECK(b);
          service::Refusal refusal;
          auto moved = s->Transition(caller, *id, t, core::NowUtc(), &refusal);
          if (!moved.ok()) return RefusalProblem(moved.error(), refusal, req);
          return JsonResponse(200, ToJson(*moved));
        },
        {"Move an application to another state (409 names the moves allowed from its state; "
         "interview -> interview records a follow-up negotiation)",
         tag,
         {},
         "TransitionInput",
         "Application",
         false,
         200,
         {404, 409, 422}});

  r.Add("GET", apps + "/{id}/history",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          auto h = s->History(caller, *id);
          if (!h.ok()) return Problem(h.error(), req.request_id);
          return JsonResponse(200, ListJson(*h));
        },
        {"Every transition of an application: from, to, actor, time, note",
         tag,
         {},
         "",
         "ApplicationTransition",
         true,
         200,
         {404}});

  r.Add("POST", apps + "/{id}/confirmations",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_COMMAND(b, {"party"});
          auto party = b.String("party");
          TB_CHECK(b);
          return FromResult(s->Confirm(caller, *id, party, core::NowUtc()), req);
        },
        {"Confirm the tripartite employment agreement of an offer for the caller's party "
         "(student, enterprise or institution); the third confirmation signs it",
         tag,
         {},
         "ConfirmationInput",
         "Application",
         false,
         200,
         {404, 409, 422}});

  // ---- events ----
  r.Add(
      "GET", events,
      [s](Request& req, const Caller& caller) {
        QueryReader q(req);
        service::EventListFilter f;
        f.kind = q.Enum("kind", {"job_fair", "livestream", "group_interview"});
        f.institution_id = q.Int("institution_id", 1, INT64_MAX);
        int limit = q.Limit();
        Id after = q.IdCursor();
        if (!q.ok()) return Problem(q.error(), req.request_id);
        auto page = s->ListEventPage(caller, f, {after, limit});
        if (!page.ok()) return Problem(page.error(), req.request_id);
        json items = json::array();
        for (const auto& v : page->items) items.push_back(EventJson(v));
        return JsonResponse(
            200, {{"items", items},
                  {"next_cursor",
                   page->next_after ? json(EncodeIdCursor(*page->next_after)) : json(nullptr)}});
      },
      {"Events (job fairs, livestreams, group interviews) visible to the caller, in id order", tag,
       With({{"kind", "string", "job_fair | livestream | group_interview"},
             {"institution_id", "integer", "Hosted by this institution"}}),
       "", "Event", true});

  r.Add("GET", events + "/{id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          auto v = s->GetEvent(caller, *id);
          if (!v.ok()) return Problem(v.error(), req.request_id);
          return JsonResponse(200, EventJson(*v));
        },
        {"An event with its settings, participants, featured posts and counters",
         tag,
         {},
         "",
         "Event",
         false,
         200,
         {404}});

  r.Add("PUT", events + "/{id}/settings",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_COMMAND(b, {"capacity", "stream_url", "starts_at", "ends_at", "external_enterprises",
                         "external_institutions"});
          service::SettingsRequest set;
          set.capacity = b.Int("capacity");
          set.stream_url = b.String("stream_url");
          set.starts_at = b.String("starts_at");
          set.ends_at = b.String("ends_at");
          set.external_enterprises = b.Int("external_enterprises").value_or(0);
          set.external_institutions = b.Int("external_institutions").value_or(0);
          TB_CHECK(b);
          auto v = s->PutSettings(caller, *id, set, core::NowUtc());
          if (!v.ok()) return Problem(v.error(), req.request_id);
          return JsonResponse(200, EventJson(*v));
        },
        {"Set an event's capacity (a larger one admits the waiting list), stream URL "
         "(livestreams) and schedule",
         tag,
         {},
         "EventSettingsInput",
         "Event",
         false,
         200,
         {404, 409, 422}});

  auto add_member = [&](const std::string& segment, const char* field, bool post) {
    r.Add("POST", events + "/{id}/" + segment,
          [s, field, post](Request& req, const Caller& caller) {
            TB_PATH_ID(id, "id");
            TB_COMMAND(b, {field});
            auto member = b.Int(field);
            b.Require(field, member);
            TB_CHECK(b);
            auto v = post ? s->AddFeaturedPost(caller, *id, *member, core::NowUtc())
                          : s->AddInstitution(caller, *id, *member, core::NowUtc());
            if (!v.ok()) return Problem(v.error(), req.request_id);
            return JsonResponse(200, EventJson(*v));
          },
          {post ? "Feature a post at an event" : "Add a participating institution to an event",
           tag,
           {},
           post ? "EventPostInput" : "EventInstitutionInput",
           "Event",
           false,
           200,
           {404, 422}});
  };
  add_member("institutions", "institution_id", false);
  add_member("posts", "post_id", true);

  r.Add("GET", events + "/{id}/registrations",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          auto list = s->Registrations(caller, *id);
          if (!list.ok()) return Problem(list.error(), req.request_id);
          return JsonResponse(200, ListJson(*list));
        },
        {"Registrations of an event (organizers: all; a student: own; staff: their students')",
         tag,
         {},
         "",
         "EventRegistration",
         true,
         200,
         {404}});

  r.Add("POST", events + "/{id}/registrations",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_COMMAND(b, {"student_id"});
          auto student = b.Int("student_id");
          TB_CHECK(b);
          return FromResult(s->Register(caller, *id, student, core::NowUtc()), req, 201);
        },
        {"Register a student (a student: themself) for an event; when it is full the "
         "registration is waitlisted",
         tag,
         {},
         "RegistrationInput",
         "EventRegistration",
         false,
         201,
         {404, 409, 422}});

  r.Add("DELETE", events + "/{id}/registrations/{registration_id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_PATH_ID(rid, "registration_id");
          return FromResult(s->CancelRegistration(caller, *id, *rid, core::NowUtc()), req);
        },
        {"Cancel a registration; the first of the waiting list takes the place",
         tag,
         {},
         "",
         "EventRegistration",
         false,
         200,
         {404, 409}});

  r.Add("POST", events + "/{id}/checkins",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_COMMAND(b, {"code"});
          auto code = b.String("code");
          TB_CHECK(b);
          return FromResult(s->CheckIn(caller, *id, code.value_or(""), core::NowUtc()), req);
        },
        {"Check a registered student in by the code of their registration",
         tag,
         {},
         "CheckInInput",
         "EventRegistration",
         false,
         200,
         {404, 409, 422}});

  r.Add("GET", events + "/{id}/slots",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          auto list = s->Slots(caller, *id);
          if (!list.ok()) return Problem(list.error(), req.request_id);
          return JsonResponse(200, ListJson(*list));
        },
        {"Interview slots and rooms of an event", tag, {}, "", "EventSlot", true, 200, {404}});

  r.Add("POST", events + "/{id}/slots",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_BODY(b);
          domain::EventSlot slot;
          if (auto st = ApplyJson(b, slot, true); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          return FromResult(s->AddSlot(caller, *id, std::move(slot), core::NowUtc()), req, 201);
        },
        {"Add an interview slot (a room at a time; no room or student twice at once)",
         tag,
         {},
         "EventSlotInput",
         "EventSlot",
         false,
         201,
         {404, 409, 422}});

  r.Add("GET", events + "/{id}/live",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          QueryReader q(req);
          bool once = q.Bool("once").value_or(false);
          if (!q.ok()) return Problem(q.error(), req.request_id);
          // Refuse before the stream starts, with a normal problem document.
          auto first = s->Counters(caller, *id);
          if (!first.ok()) return Problem(first.error(), req.request_id);
          Response resp{200, "text/event-stream", "", {}};
          resp.headers.emplace_back("X-Accel-Buffering", "no");
          resp.stream = std::make_shared<LiveCounterSource>(s, caller, *id, once);
          return resp;
        },
        {"Live counters of an event as server-sent events (event: counters, data: JSON): "
         "registrations, check-ins, applications and intentions made at the event; sent at "
         "once and again within a second of every change; an \"event\" message (data: "
         "{event_id}) when the event itself was edited",
         tag,
         {{"once", "boolean", "End the stream after the first event (for a poll)"}},
         "",
         "",
         false,
         200,
         {404},
         "text/event-stream"});

  r.Add("GET", events + "/{id}/figures",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          auto f = s->Figures(caller, *id);
          if (!f.ok()) return Problem(f.error(), req.request_id);
          return JsonResponse(200, FiguresJson(*id, *f));
        },
        {"An event's figures computed from its applications' transitions: interviewed, "
         "intentions (internship / employment), follow-ups",
         tag,
         {},
         "",
         "EventFigures",
         false,
         200,
         {404}});

  // ---- editing events (edit) ----
  r.Add("POST", events,
        [s](Request& req, const Caller& caller) {
          TB_BODY(b);
          auto [activity_body, settings_body] = SplitEventBody(b);
          std::vector<FieldError> errors;
          domain::Activity a;
          if (auto st = CollectFieldErrors(ApplyJson(activity_body, a, true), errors); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          service::SettingsRequest set;
          PatchSettings(settings_body, set, errors);
          if (!errors.empty()) {
            return Problem(Error::Unprocessable("event is not valid", errors), req.request_id);
          }
          auto v = s->CreateEvent(caller, std::move(a), set, core::NowUtc());
          if (!v.ok()) return Problem(v.error(), req.request_id);
          return JsonResponse(201, EventJson(*v));
        },
        {"Host an event: an activity of kind job_fair, livestream or group_interview with its "
         "settings (capacity, stream URL, schedule), in one request. The platform admin, an "
         "institution admin for its institution, unit staff for their unit",
         tag,
         {},
         "EventInput",
         "Event",
         false,
         201,
         {413, 422}});

  r.Add("PATCH", events + "/{id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_BODY(b);
          auto [activity_body, settings_body] = SplitEventBody(b);
          auto change = [&](domain::Activity& a, service::SettingsRequest& set) -> Status {
            std::vector<FieldError> errors;
            TB_TRY_STATUS(CollectFieldErrors(ApplyJson(activity_body, a, false), errors));
            PatchSettings(settings_body, set, errors);
            if (!errors.empty()) return Error::Unprocessable("event is not valid", errors);
            return {};
          };
          auto v = s->UpdateEvent(caller, *id, change, core::NowUtc());
          if (!v.ok()) return Problem(v.error(), req.request_id);
          return JsonResponse(200, EventJson(*v));
        },
        {"Change an event (JSON merge patch over its activity fields and settings; null clears a "
         "setting). Those who manage it: the platform admin, the host institution's admin, the "
         "host unit's staff",
         tag,
         {},
         "EventInput",
         "Event",
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("DELETE", events + "/{id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          if (auto st = s->DeleteEvent(caller, *id, core::NowUtc()); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          return Response::NoContent();
        },
        {"Delete an event with its settings, participants, featured posts and slots (409 while "
         "applications, registrations or agreements refer to it)",
         tag,
         {},
         "",
         "",
         false,
         204,
         {404, 409}});

  r.Add("DELETE", events + "/{id}/institutions/{institution_id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_PATH_ID(institution, "institution_id");
          auto v = s->RemoveInstitution(caller, *id, *institution, core::NowUtc());
          if (!v.ok()) return Problem(v.error(), req.request_id);
          return JsonResponse(200, EventJson(*v));
        },
        {"Remove a participating institution from an event (not the host: 409)",
         tag,
         {},
         "",
         "Event",
         false,
         200,
         {404, 409}});

  r.Add("DELETE", events + "/{id}/posts/{post_id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_PATH_ID(post, "post_id");
          auto v = s->RemoveFeaturedPost(caller, *id, *post, core::NowUtc());
          if (!v.ok()) return Problem(v.error(), req.request_id);
          return JsonResponse(200, EventJson(*v));
        },
        {"Stop featuring a post at an event", tag, {}, "", "Event", false, 200, {404}});

  r.Add("PATCH", events + "/{id}/slots/{slot_id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_PATH_ID(slot, "slot_id");
          TB_BODY(b);
          auto change = [&](domain::EventSlot& value) { return ApplyJson(b, value, false); };
          return FromResult(s->UpdateSlot(caller, *id, *slot, change, core::NowUtc()), req);
        },
        {"Change an interview slot (room, times, organization, application; JSON merge patch; "
         "no room or student twice at once)",
         tag,
         {},
         "EventSlotInput",
         "EventSlot",
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("DELETE", events + "/{id}/slots/{slot_id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_PATH_ID(slot, "slot_id");
          if (auto st = s->DeleteSlot(caller, *id, *slot, core::NowUtc()); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          return Response::NoContent();
        },
        {"Remove an interview slot (the organizers, or an enterprise its own)",
         tag,
         {},
         "",
         "",
         false,
         204,
         {404}});

  // ---- destinations ----
  r.Add("GET", dests,
        [s](Request& req, const Caller& caller) {
          if (auto st = s->CheckListDestinations(caller); !st.ok()) {
            return Problem(st.error(), req.request_id);
          }
          QueryReader q(req);
          store::DestinationFilter f;
          f.institution_id = q.Int("institution_id", 1, INT64_MAX);
          f.unit_id = q.Int("unit_id", 1, INT64_MAX);
          f.cohort = q.Int("cohort", 1900, 2200);
          f.student_id = q.Int("student_id", 1, INT64_MAX);
          f.category = q.Enum("category", Values(std::vector<std::string_view>(
                                              std::begin(domain::kDestinationCategories),
                                              std::end(domain::kDestinationCategories))));
          f.status = q.Enum("status", {"registered", "verified", "rejected"});
          int limit = q.Limit();
          Id after = q.IdCursor();
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto page = s->ListDestinations(caller, f, {after, limit});
          if (!page.ok()) return Problem(page.error(), req.request_id);
          return JsonResponse(200, PageJson(*page));
        },
        {"Graduates' destinations in the caller's scope", tag,
         With({{"institution_id", "integer", ""},
               {"unit_id", "integer", ""},
               {"cohort", "integer", "Graduation year"},
               {"student_id", "integer", ""},
               {"category", "string", "Ministry of Education category"},
               {"status", "string", "registered | verified | rejected"}}),
         "", "Destination", true});

  r.Add("POST", dests,
        [s](Request& req, const Caller& caller) {
          TB_BODY(b);
          domain::Destination d;
          if (auto st = ApplyJson(b, d, true); !st.ok()) return Problem(st.error(), req.request_id);
          return FromResult(s->RegisterDestination(caller, std::move(d), core::NowUtc()), req, 201);
        },
        {"Register a graduate's destination (a student: their own); verified only by the unit",
         tag,
         {},
         "DestinationInput",
         "Destination",
         false,
         201,
         {404, 409, 422}});

  r.Add("GET", dests + "/{id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          return FromResult(s->GetDestination(caller, *id), req);
        },
        {"Get a destination", tag, {}, "", "Destination", false, 200, {404}});

  r.Add("PATCH", dests + "/{id}",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_BODY(b);
          auto current = s->GetDestination(caller, *id);
          if (!current.ok()) return Problem(current.error(), req.request_id);
          domain::Destination d = *current;
          if (auto st = ApplyJson(b, d, false); !st.ok())
            return Problem(st.error(), req.request_id);
          return FromResult(s->UpdateDestination(caller, *id, std::move(d), core::NowUtc()), req);
        },
        {"Change a destination (JSON merge patch); it needs verification again",
         tag,
         {},
         "DestinationInput",
         "Destination",
         false,
         200,
         {404, 409, 422}});

  r.Add("PUT", dests + "/{id}/evidence",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          std::string type = req.Header("content-type").value_or("");
          return FromResult(s->AttachEvidence(caller, *id, type, req.body, core::NowUtc()), req);
        },
        {"Upload the evidence file (the raw bytes of a PDF, PNG or JPEG, at most 1 MiB, with its "
         "Content-Type; the type is checked against the file's first bytes)",
         tag,
         {},
         "",
         "Destination",
         false,
         200,
         {404, 409, 413, 422}});

  r.Add("GET", dests + "/{id}/evidence",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          auto file = s->Evidence(caller, *id);
          if (!file.ok()) return Problem(file.error(), req.request_id);
          return Response{200, file->second, std::move(file->first), {}};
        },
        {"Download the evidence file",
         tag,
         {},
         "",
         "",
         false,
         200,
         {404},
         "application/pdf, image/png, image/jpeg"});

  r.Add("POST", dests + "/{id}/verification",
        [s](Request& req, const Caller& caller) {
          TB_PATH_ID(id, "id");
          TB_COMMAND(b, {"decision"});
          auto decision = b.String("decision");
          TB_CHECK(b);
          return FromResult(s->Verify(caller, *id, decision.value_or(""), core::NowUtc()), req);
        },
        {"Verify (or reject) a destination against its evidence: unit staff and institution "
         "admins",
         tag,
         {},
         "VerificationInput",
         "Destination",
         false,
         200,
         {404, 409, 422}});

  r.Add("GET", std::string(kBase) + "/reports/destination-flags",
        [s](Request& req, const Caller& caller) {
          QueryReader q(req);
          auto institution = q.Int("institution_id", 1, INT64_MAX);
          auto cohort = q.Int("cohort", 1900, 2200);
          auto deadline = q.Code("deadline", core::CheckDate);
          if (!q.ok()) return Problem(q.error(), req.request_id);
          std::int64_t year = std::stoll(core::NowUtc().substr(0, 4));
          auto flags = s->Flags(caller, institution, cohort.value_or(year), deadline);
          if (!flags.ok()) return Problem(flags.error(), req.request_id);
          json items = json::array();
          for (const auto& f : *flags) {
            items.push_back(
                {{"rule", f.rule},
                 {"destination_id", f.destination_id ? json(*f.destination_id) : json(nullptr)},
                 {"unit_id", f.unit_id ? json(*f.unit_id) : json(nullptr)},
                 {"employer", f.employer},
                 {"count", f.count},
                 {"reason", {{"zh", f.zh}, {"en", f.en}}}});
          }
          return JsonResponse(200, {{"items", items}});
        },
        {"Audit flags on a cohort's destinations, each with its reason in Chinese and English: "
         "many graduates at one small employer, a flexible-employment share far above the "
         "norm, registrations clustered before the deadline, invalid employer credit codes",
         tag,
         {{"institution_id", "integer",
           "Default: the caller's institution (a platform admin: every institution)"},
          {"cohort", "integer", "Graduation year (default: this year)"},
          {"deadline", "string", "Registration deadline YYYY-MM-DD (default 31 August)"}},
         "",
         "DestinationFlags",
         false,
         200,
         {404, 422}});

  r.Add("GET", std::string(kBase) + "/reports/employment",
        [s](Request& req, const Caller& caller) {
          QueryReader q(req);
          service::EmploymentQuery eq;
          eq.institution_id = q.Int("institution_id", 1, INT64_MAX);
          eq.unit_id = q.Int("unit_id", 1, INT64_MAX);
          eq.cohort = q.Int("cohort", 1900, 2200);
          eq.group_by =
              q.Enum("group_by", {"unit", "major", "cohort", "province", "city"}).value_or("unit");
          if (!q.ok()) return Problem(q.error(), req.request_id);
          auto rep = s->Employment(caller, eq);
          if (!rep.ok()) return Problem(rep.error(), req.request_id);
          auto row = [](const service::EmploymentRow& e) {
            return json{
                {"key", e.key},
                {"label", e.label},
                {"suppressed", e.suppressed},
                {"graduates", e.graduates ? json(*e.graduates) : json(nullptr)},
                {"placed", e.placed ? json(*e.placed) : json(nullptr)},
                {"placement_rate", e.placement_rate ? json(*e.placement_rate) : json(nullptr)},
                {"mix", e.mix},
                {"median_salary", e.median_salary ? json(*e.median_salary) : json(nullptr)}};
          };
          json rows = json::array();
          for (const auto& x : rep->rows) rows.push_back(row(x));
          return JsonResponse(200, {{"group_by", rep->group_by},
                                    {"rule", TextJson(service::kPlacementRule)},
                                    {"total", row(rep->total)},
                                    {"rows", rows}});
        },
        {"Employment figures: placement rate, destination mix and median salary by unit, major, "
         "cohort, province or city (groups under 5 graduates suppressed)",
         tag,
         {{"institution_id", "integer", ""},
          {"unit_id", "integer", ""},
          {"cohort", "integer", "Graduation year"},
          {"group_by", "string", "unit | major | cohort | province | city"}},
         "",
         "EmploymentReport",
         false,
         200,
         {404}});
}

void AddRecruitmentSchemas(json& schemas) {
  json obj = {{"type", "object"}};
  json integer = {{"type", "integer"}};
  json nint = {{"type", json::array({"integer", "null"})}};
  json str = {{"type", "string"}};
  json nstr = {{"type", json::array({"string", "null"})}};
  json counters = {{"type", "object"},
                   {"properties",
                    {{"registrations", integer},
                     {"waitlisted", integer},
                     {"checkins", integer},
                     {"applications", integer},
                     {"intentions", integer}}}};
  schemas["LiveCounters"] = counters;
  schemas["Event"] = {
      {"allOf", json::array({{{"$ref", "#/components/schemas/Activity"}},
                             {{"type", "object"},
                              {"properties",
                               {{"capacity", nint},
                                {"stream_url", nstr},
                                {"starts_at", nstr},
                                {"ends_at", nstr},
                                {"organizations", {{"type", "array"}, {"items", integer}}},
                                {"institutions", {{"type", "array"}, {"items", integer}}},
                                {"featured_posts", {{"type", "array"}, {"items", integer}}},
                                {"counters", counters}}}}})}};
  json rules = {{"type", "object"},
                {"additionalProperties", {{"$ref", "#/components/schemas/Text"}}}};
  schemas["EventFigures"] = {{"type", "object"},
                             {"properties",
                              {{"event_id", integer},
                               {"applications", integer},
                               {"interviewed", integer},
                               {"intentions", integer},
                               {"internship_intentions", integer},
                               {"employment_intentions", integer},
                               {"follow_ups", integer},
                               {"no_outcome", integer},
                               {"rules", rules}}}};
  schemas["DestinationFlags"] = {{"type", "object"},
                                 {"properties", {{"items", {{"type", "array"}, {"items", obj}}}}}};
  schemas["EmploymentReport"] = {{"type", "object"},
                                 {"properties",
                                  {{"group_by", str},
                                   {"rule", {{"$ref", "#/components/schemas/Text"}}},
                                   {"total", obj},
                                   {"rows", {{"type", "array"}, {"items", obj}}}}}};
  auto input = [&](std::initializer_list<std::pair<const char*, json>> props,
                   std::vector<std::string> required) {
    json p = json::object();
    for (const auto& [k, v] : props) p[k] = v;
    json j = {{"type", "object"}, {"properties", p}, {"additionalProperties", false}};
    if (!required.empty()) j["required"] = required;
    return j;
  };
  schemas["ApplyInput"] =
      input({{"student_id", integer}, {"post_id", integer}, {"event_id", integer}, {"note", str}},
            {"post_id"});
  schemas["TransitionInput"] =
      input({{"to", str},
             {"note", str},
             {"intention_kind", {{"type", "string"}, {"enum", {"internship", "employment"}}}}},
            {"to"});
  schemas["ConfirmationInput"] = input(
      {{"party", {{"type", "string"}, {"enum", {"student", "enterprise", "institution"}}}}}, {});
  schemas["EventSettingsInput"] =
      input({{"capacity", integer}, {"stream_url", str}, {"starts_at", str}, {"ends_at", str}}, {});
  {
    // POST /events and PATCH /events/{id}: the activity's fields and the settings.
    json props = json::object();
    for (auto [k, v] : {std::pair{"capacity", nint},
                        {"stream_url", nstr},
                        {"starts_at", nstr},
                        {"ends_at", nstr},
                        {"external_enterprises", integer},
                        {"external_institutions", integer}}) {
      props[k] = v;
    }
    json event_input = schemas["ActivityInput"];
    for (auto it = props.begin(); it != props.end(); ++it) {
      event_input["properties"][it.key()] = it.value();
    }
    event_input["description"] =
        "An activity of kind job_fair, livestream or group_interview with its settings: fields "
        "required on create; any subset on update (null clears a setting)";
    schemas["EventInput"] = event_input;
  }
  schemas["EventInstitutionInput"] = input({{"institution_id", integer}}, {"institution_id"});
  schemas["EventPostInput"] = input({{"post_id", integer}}, {"post_id"});
  schemas["RegistrationInput"] = input({{"student_id", integer}}, {});
  schemas["CheckInInput"] = input({{"code", str}}, {"code"});
  schemas["VerificationInput"] =
      input({{"decision", {{"type", "string"}, {"enum", {"verified", "rejected"}}}}}, {"decision"});
}

}  // namespace tb::http
