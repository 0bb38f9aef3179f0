// Editing events and recording a visit with its outcome lines (issue #7, edit), over HTTP against
// the real server with the demo loaded, on SQLite and on PostgreSQL: hosting, changing and
// deleting an event (scope, problems that name the fields, deletion refused while registrations
// refer to it), removing participants and featured posts, changing and removing interview slots,
// the cursor of GET /events, and POST /activities with `outcomes` written all-or-nothing.

#include <gtest/gtest.h>

#include <set>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;
using Id = std::int64_t;

class EventEditApiTest : public DemoServerTest {
 protected:
  // The fields a problem document names.
  static std::set<std::string> Fields(const json& problem) {
    std::set<std::string> out;
    for (const auto& e : problem.value("errors", json::array())) out.insert(e["field"]);
    return out;
  }
  json EventBody() {
    return {{"institution_id", Me("unit_staff", "institution_id")},
            {"unit_id", Me("unit_staff", "unit_id")},
            {"kind", "job_fair"},
            {"date", "2025-05-20"},
            {"place", "体育馆"},
            {"capacity", 2},
            {"starts_at", "2025-05-20T01:00:00Z"},
            {"ends_at", "2025-05-20T08:00:00Z"}};
  }
  Id NewStudent() {
    static int serial = 0;
    return Ok("unit_staff", "POST", "/api/v1/students",
              {{"institution_id", Me("unit_staff", "institution_id")},
               {"unit_id", Me("unit_staff", "unit_id")},
               {"student_no", "ED" + std::to_string(800000 + ++serial) +
                                  (GetParam() == store::Backend::kSqlite ? "S" : "P")},
               {"name", "编辑测试学生"},
               {"major_code", kVehicleEngineering},
               {"level", "bachelor"},
               {"cohort", 2026}},
              201)["id"]
        .get<Id>();
  }
};

TEST_P(EventEditApiTest, UnitStaffHostChangeAndDeleteAnEventOfTheirUnit) {
  json e = Ok("unit_staff", "POST", "/api/v1/events", EventBody(), 201);
  Id id = e["id"].get<Id>();
  EXPECT_EQ(e["kind"], "job_fair");
  EXPECT_EQ(e["capacity"], 2);
  EXPECT_EQ(e["starts_at"], "2025-05-20T01:00:00Z");
  EXPECT_EQ(e["institutions"], json::array({Me("unit_staff", "institution_id")}));

  // A merge patch over the activity and its settings; null clears a setting.
  json changed =
      Ok("institution_admin", "PATCH", "/api/v1/events/" + S(id),
         {{"place", "图书馆报告厅"}, {"capacity", nullptr}, {"external_enterprises", 12}}, 200);
  EXPECT_EQ(changed["place"], "图书馆报告厅");
  EXPECT_TRUE(changed["capacity"].is_null());
  EXPECT_EQ(changed["external_enterprises"], 12);
  EXPECT_EQ(changed["starts_at"], "2025-05-20T01:00:00Z");  // untouched
  EXPECT_EQ(Ok("unit_staff", "GET", "/api/v1/events/" + S(id), nullptr, 200)["place"],
            "图书馆报告厅");

  // Who may not: a recruiter (403), and nobody moves it to another institution.
  EXPECT_EQ(As("enterprise_recruiter", "POST", "/api/v1/events", EventBody()).status, 403);
  EXPECT_EQ(As("student", "PATCH", "/api/v1/events/" + S(id), {{"place", "x"}}).status, 403);
  EXPECT_EQ(As("observer", "DELETE", "/api/v1/events/" + S(id)).status, 404);
  auto moved = As("institution_admin", "PATCH", "/api/v1/events/" + S(id),
                  {{"institution_id", Me("institution_admin", "institution_id") + 100000}});
  EXPECT_TRUE(moved.status == 403 || moved.status == 422) << moved.body;

  EXPECT_EQ(As("unit_staff", "DELETE", "/api/v1/events/" + S(id)).status, 204);
  EXPECT_EQ(As("unit_staff", "GET", "/api/v1/events/" + S(id)).status, 404);
  EXPECT_EQ(As("unit_staff", "DELETE", "/api/v1/events/" + S(id)).status, 404);
}

TEST_P(EventEditApiTest, ProblemsNameEveryFieldAndNothingIsWritten) {
  json body = EventBody();
  body["kind"] = "visit_out";
  body["capacity"] = "many";
  body["starts_at"] = "20 May";
  body["colour"] = "red";
  auto r = As("unit_staff", "POST", "/api/v1/events", body);
  ASSERT_EQ(r.status, 422) << r.body;
  auto fields = Fields(r.Json());
  EXPECT_TRUE(fields.count("capacity")) << r.body;
  EXPECT_TRUE(fields.count("colour")) << r.body;

  body = EventBody();
  body["kind"] = "visit_out";
  body["starts_at"] = "20 May";
  body["stream_url"] = "ftp://x";
  r = As("unit_staff", "POST", "/api/v1/events", body);
  ASSERT_EQ(r.status, 422) << r.body;
  fields = Fields(r.Json());
  EXPECT_TRUE(fields.count("kind")) << r.body;
  EXPECT_TRUE(fields.count("starts_at")) << r.body;
  EXPECT_TRUE(fields.count("stream_url")) << r.body;

  Id id = Ok("unit_staff", "POST", "/api/v1/events", EventBody(), 201)["id"].get<Id>();
  r = As("unit_staff", "PATCH", "/api/v1/events/" + S(id),
         {{"ends_at", "2025-05-19T00:00:00Z"}, {"place", "改了也不写"}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Fields(r.Json()).count("ends_at")) << r.body;
  EXPECT_EQ(Ok("unit_staff", "GET", "/api/v1/events/" + S(id), nullptr, 200)["place"], "体育馆");
  r = As("unit_staff", "PATCH", "/api/v1/events/" + S(id),
         {{"stream_url", "https://live.example"}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Fields(r.Json()).count("stream_url")) << r.body;
}

TEST_P(EventEditApiTest, AnEventWithRegistrationsIsNotDeleted) {
  Id id = Ok("unit_staff", "POST", "/api/v1/events", EventBody(), 201)["id"].get<Id>();
  json reg = Ok("unit_staff", "POST", "/api/v1/events/" + S(id) + "/registrations",
                {{"student_id", NewStudent()}}, 201);
  auto r = As("unit_staff", "DELETE", "/api/v1/events/" + S(id));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("registrations"), std::string::npos) << r.body;
  // Capacity below the places taken is a conflict naming the field.
  Ok("unit_staff", "POST", "/api/v1/events/" + S(id) + "/registrations",
     {{"student_id", NewStudent()}}, 201);
  r = As("unit_staff", "PATCH", "/api/v1/events/" + S(id), {{"capacity", 1}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_TRUE(Fields(r.Json()).count("capacity")) << r.body;
  Ok("unit_staff", "DELETE", "/api/v1/events/" + S(id) + "/registrations/" + S(reg["id"].get<Id>()),
     nullptr, 200);
}

TEST_P(EventEditApiTest, ParticipantsAndFeaturedPostsAreRemoved) {
  Id lut = Me("unit_staff", "institution_id");
  Id id = Ok("unit_staff", "POST", "/api/v1/events", EventBody(), 201)["id"].get<Id>();
  json institutions = Ok("platform_admin", "GET", "/api/v1/institutions?limit=5", nullptr, 200);
  Id other = 0;
  for (const auto& i : institutions["items"]) {
    if (i["id"].get<Id>() != lut) other = i["id"].get<Id>();
  }
  ASSERT_NE(other, 0);
  Id post =
      Ok("enterprise_recruiter", "GET", "/api/v1/posts?limit=1", nullptr, 200)["items"][0]["id"]
          .get<Id>();
  std::string base = "/api/v1/events/" + S(id);
  Ok("unit_staff", "POST", base + "/institutions", {{"institution_id", other}}, 200);
  json e = Ok("unit_staff", "POST", base + "/posts", {{"post_id", post}}, 200);
  EXPECT_EQ(e["featured_posts"], json::array({post}));

  EXPECT_EQ(As("enterprise_recruiter", "DELETE", base + "/posts/" + S(post)).status, 404);
  e = Ok("unit_staff", "DELETE", base + "/posts/" + S(post), nullptr, 200);
  EXPECT_EQ(e["featured_posts"], json::array());
  EXPECT_EQ(As("unit_staff", "DELETE", base + "/posts/" + S(post)).status, 404);

  e = Ok("unit_staff", "DELETE", base + "/institutions/" + S(other), nullptr, 200);
  EXPECT_EQ(e["institutions"], json::array({lut}));
  EXPECT_EQ(As("unit_staff", "DELETE", base + "/institutions/" + S(lut)).status, 409);
  EXPECT_EQ(As("unit_staff", "DELETE", base + "/institutions/" + S(other)).status, 404);
}

TEST_P(EventEditApiTest, SlotsAreChangedAndRemovedWithoutDoubleBookingARoom) {
  Id org = Me("enterprise_recruiter", "organization_id");
  json event = EventBody();
  event["organization_id"] = org;  // the enterprise takes part: it sees the event
  Id id = Ok("unit_staff", "POST", "/api/v1/events", event, 201)["id"].get<Id>();
  std::string base = "/api/v1/events/" + S(id) + "/slots";
  json a = Ok("unit_staff", "POST", base,
              {{"organization_id", org},
               {"room", "A101"},
               {"starts_at", "2025-05-20T01:00:00Z"},
               {"ends_at", "2025-05-20T01:30:00Z"}},
              201);
  json b = Ok("unit_staff", "POST", base,
              {{"organization_id", org},
               {"room", "A102"},
               {"starts_at", "2025-05-20T01:00:00Z"},
               {"ends_at", "2025-05-20T01:30:00Z"}},
              201);
  std::string b_path = base + "/" + S(b["id"].get<Id>());
  auto r = As("unit_staff", "PATCH", b_path, {{"room", "A101"}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_TRUE(Fields(r.Json()).count("room")) << r.body;
  r = As("unit_staff", "PATCH", b_path, {{"ends_at", "2025-05-20T00:30:00Z"}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Fields(r.Json()).count("ends_at")) << r.body;
  // The slot itself does not collide with its own old time.
  json moved = Ok("unit_staff", "PATCH", b_path,
                  {{"room", "B201"}, {"ends_at", "2025-05-20T02:00:00Z"}}, 200);
  EXPECT_EQ(moved["room"], "B201");
  EXPECT_EQ(moved["ends_at"], "2025-05-20T02:00:00Z");
  // The enterprise changes its own slot; the student may not.
  EXPECT_EQ(As("student", "DELETE", b_path).status, 403);
  Ok("enterprise_recruiter", "PATCH", b_path, {{"room", "B202"}}, 200);
  EXPECT_EQ(As("unit_staff", "DELETE", b_path).status, 204);
  json slots = Ok("unit_staff", "GET", base, nullptr, 200);
  ASSERT_EQ(slots["items"].size(), 1U);
  EXPECT_EQ(slots["items"][0]["id"], a["id"]);
  EXPECT_EQ(As("unit_staff", "DELETE", b_path).status, 404);
}

TEST_P(EventEditApiTest, TheEventListPagesWithACursor) {
  for (int i = 0; i < 3; ++i) Ok("unit_staff", "POST", "/api/v1/events", EventBody(), 201);
  std::vector<Id> all;
  json everything = Ok("unit_staff", "GET", "/api/v1/events?limit=200", nullptr, 200);
  for (const auto& e : everything["items"]) {
    all.push_back(e["id"].get<Id>());
  }
  ASSERT_GE(all.size(), 3U);
  std::vector<Id> paged;
  std::string cursor;
  for (int guard = 0; guard < 1000; ++guard) {
    json page =
        Ok("unit_staff", "GET",
           "/api/v1/events?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), nullptr, 200);
    EXPECT_LE(page["items"].size(), 2U);
    for (const auto& e : page["items"]) paged.push_back(e["id"].get<Id>());
    if (page["next_cursor"].is_null()) break;
    cursor = page["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(paged, all);
  EXPECT_EQ(As("unit_staff", "GET", "/api/v1/events?limit=0").status, 400);
}

TEST_P(EventEditApiTest, AVisitIsRecordedWithItsOutcomeLinesInOneRequest) {
  Id org = Me("enterprise_recruiter", "organization_id");
  json visit = {{"institution_id", Me("unit_staff", "institution_id")},
                {"unit_id", Me("unit_staff", "unit_id")},
                {"kind", "visit_out"},
                {"organization_id", org},
                {"date", "2025-03-08"},
                {"place", "沈阳"},
                {"leader_name", "王校长"}};
  json lines = json::array({{{"organization_id", org},
                             {"major_code", kVehicleEngineering},
                             {"level", "bachelor"},
                             {"posts_offered", 5},
                             {"average_pay", 6000}},
                            {{"organization_id", org},
                             {"major_code", kElectricalEngineering},
                             {"level", "bachelor"},
                             {"interns_accepted", 3}}});
  json body = visit;
  body["outcomes"] = lines;
  json created = Ok("unit_staff", "POST", "/api/v1/activities", body, 201);
  Id id = created["id"].get<Id>();
  ASSERT_EQ(created["outcomes"].size(), 2U);
  EXPECT_EQ(created["outcomes"][0]["activity_id"], id);
  EXPECT_EQ(created["outcomes"][0]["posts_offered"], 5);
  json stored = Ok("unit_staff", "GET", "/api/v1/activities/" + S(id) + "/outcomes", nullptr, 200);
  EXPECT_EQ(stored["items"].size(), 2U);

  // Without outcomes it is the plain create.
  EXPECT_EQ(Ok("unit_staff", "POST", "/api/v1/activities", visit, 201)["outcomes"], json::array());

  // A bad line: nothing is written, the problem names the line and its field.
  auto count = [&] {
    return Ok("unit_staff", "GET", "/api/v1/activities?limit=200&organization_id=" + S(org),
              nullptr, 200)["items"]
        .size();
  };
  auto before = count();
  body = visit;
  body["outcomes"] = lines;
  body["outcomes"][1]["major_code"] = "999999";
  auto r = As("unit_staff", "POST", "/api/v1/activities", body);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Fields(r.Json()), std::set<std::string>{"outcomes/1/major_code"}) << r.body;
  EXPECT_EQ(count(), before);

  body["outcomes"] = lines;
  body["outcomes"][0]["posts_offered"] = "five";
  body["outcomes"][1].erase("level");
  body["date"] = "not a date";
  r = As("unit_staff", "POST", "/api/v1/activities", body);
  ASSERT_EQ(r.status, 422) << r.body;
  auto fields = Fields(r.Json());
  EXPECT_TRUE(fields.count("outcomes/0/posts_offered")) << r.body;
  EXPECT_TRUE(fields.count("outcomes/1/level")) << r.body;
  EXPECT_TRUE(fields.count("date")) << r.body;

  body = visit;
  body["outcomes"] = {{"organization_id", org}};
  r = As("unit_staff", "POST", "/api/v1/activities", body);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Fields(r.Json()).count("outcomes")) << r.body;
  EXPECT_EQ(count(), before);

  // Scope: another unit's staff may not record this unit's visit, lines or not.
  body = visit;
  body["outcomes"] = lines;
  EXPECT_EQ(As("enterprise_recruiter", "POST", "/api/v1/activities", body).status, 403);
}

TB_INSTANTIATE_BACKENDS(EventEditApiTest);

}  // namespace
}  // namespace tb::testing
