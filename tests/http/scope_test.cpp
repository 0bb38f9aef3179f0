// Scope against the real server, on SQLite and on PostgreSQL (issue #3, DESIGN §1 and §9): every
// role signed in as its demo user tries to read and change what is not theirs. Out of scope
// answers 404 (its existence does not leak), a visible record the role may not change 403, and
// lists hold only what is in scope. Observers get aggregates with small cells suppressed.

#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;

constexpr char kPassword[] = "Correct-Horse-7731";

int Serial() {
  static std::atomic<int> serial{1};
  return serial.fetch_add(1);
}

// A valid GB 11643 resident ID number from its first 17 characters.
std::string IdNumber(const std::string& first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  return first17 + "10X98765432"[sum % 11];
}

bool IsMaskedMobile(const std::string& v) {  // "138****5678"
  if (v.size() != 11) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    bool hidden = i >= 3 && i < 7;
    if (hidden ? v[i] != '*' : !std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  return true;
}

bool IsMaskedIdNumber(const std::string& v) {  // "110105********0012"
  return v.size() == 18 && v.substr(6, 8) == std::string(8, '*') && v.find('*') == 6 &&
         v.rfind('*') == 13;
}

std::string Id(const json& j) { return std::to_string(j["id"].get<std::int64_t>()); }

// The suite's demo server (DemoServerTest): server().Get/Post/... act as the platform admin,
// session(role) is the demo user of `role`. Tests create records of their own where they
// change anything.
class ScopeTest : public DemoServerTest {
 protected:
  void SetUp() override {
    DemoServerTest::SetUp();
    if (HasFatalFailure()) return;
    server().UseSession(session("platform_admin"));
  }

  HttpResponse Send(const ClientSession& who, const std::string& method, const std::string& target,
                    const std::string& body = "") const {
    return server().SendAs(who, method, target, body);
  }

  // Every item of a list, page by page (limit 200), as `who` sees it.
  json AllItems(const ClientSession& who, const std::string& path) const {
    json all = json::array();
    std::string cursor;
    std::string sep = path.find('?') == std::string::npos ? "?" : "&";
    for (int pages = 0; pages < 100; ++pages) {
      auto r =
          Send(who, "GET", path + sep + "limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor));
      EXPECT_EQ(r.status, 200) << path << ": " << r.body;
      if (r.status != 200) break;
      json j = r.Json();
      for (auto& item : j["items"]) all.push_back(item);
      if (!j["next_cursor"].is_string()) break;
      cursor = j["next_cursor"];
    }
    return all;
  }
  json AllItems(const std::string& path) const { return AllItems(admin(), path); }

  const ClientSession& admin() const { return session("platform_admin"); }

  json AdminGet(const std::string& path) const {
    auto r = server().Get(path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
    return r.Json();
  }

  json AdminCreate(const std::string& collection, const json& body) const {
    auto r = server().Post("/api/v1/" + collection, body.dump());
    EXPECT_EQ(r.status, 201) << collection << ": " << r.body;
    return r.Json();
  }

  // A valid student of `unit` (a unit JSON) with a fresh student number.
  static json StudentBody(const json& unit, bool consent) {
    int n = Serial();
    return {{"institution_id", unit["institution_id"]},
            {"unit_id", unit["id"]},
            {"student_no", "SC" + std::to_string(100000 + n)},
            {"name", "范围测试" + std::to_string(n)},
            {"major_code", kVehicleEngineering},
            {"level", "bachelor"},
            {"cohort", 2026},
            {"resume", "车辆工程专业。"},
            {"skills", json::array({"CATIA"})},
            {"talent_search_consent", consent}};
  }

  json CreateStudent(const json& unit, bool consent) {
    return AdminCreate("students", StudentBody(unit, consent));
  }

  // The units of an institution, by id.
  json UnitsOf(const json& institution_id) const {
    return AllItems("/api/v1/units?institution_id=" +
                    std::to_string(institution_id.get<std::int64_t>()));
  }

  json Unit(std::int64_t id) const { return AdminGet("/api/v1/units/" + std::to_string(id)); }

  // A student of `unit_id` as the admin sees it.
  json SomeStudentOfUnit(const json& unit_id) const {
    json items = AdminGet("/api/v1/students?limit=1&unit_id=" +
                          std::to_string(unit_id.get<std::int64_t>()))["items"];
    EXPECT_FALSE(items.empty()) << "no student in unit " << unit_id;
    return items.empty() ? json::object() : items[0];
  }

  json Enterprise(const std::string& name) const {
    return AdminCreate("organizations",
                       {{"kind", "enterprise"},
                        {"name", name},
                        {"credit_code", CreditCode(static_cast<std::uint64_t>(7000 + Serial()))},
                        {"region_code", kJinzhou},
                        {"industry_code", "36"}});
  }

  static json PostBody(const json& organization_id, const std::string& title,
                       const std::string& status) {
    return {{"organization_id", organization_id},
            {"title", title},
            {"region_code", kJinzhou},
            {"status", status},
            {"accepted_majors", json::array({kVehicleEngineering})}};
  }

  // A new institution with one unit per entry of `unit_sizes`, holding that many students;
  // `sizes` maps each unit's id (as the report keys it) to its size.
  json SmallInstitution(const std::vector<int>& unit_sizes, std::map<std::string, int>& sizes) {
    int n = Serial();
    json institution = AdminCreate("institutions", {{"code", std::to_string(4199000000LL + n)},
                                                    {"name", "范围测试学院" + std::to_string(n)},
                                                    {"region_code", kShenyang}});
    int u = 0;
    for (int size : unit_sizes) {
      json unit = AdminCreate("units", {{"institution_id", institution["id"]},
                                        {"code", "S" + std::to_string(++u)},
                                        {"name", "小学院" + std::to_string(u)}});
      for (int i = 0; i < size; ++i) CreateStudent(unit, false);
      sizes[Id(unit)] = size;
    }
    return institution;
  }

  // A new observer of these institutions, logged in.
  std::optional<ClientSession> NewObserver(const json& institution_ids) {
    json user = AdminCreate(
        "users", {{"email", "observer-" + std::to_string(Serial()) + "@scope.test.talentbridge.cn"},
                  {"password", kPassword},
                  {"role", "observer"},
                  {"observer_institutions", institution_ids}});
    return server().Login(user["email"].get<std::string>(), kPassword);
  }
};

// A refusal of something out of scope: 404, as for a record that does not exist.
void ExpectNotFound(const HttpResponse& r) {
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
}
void ExpectForbidden(const HttpResponse& r) {
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
}

// ---- students -----------------------------------------------------------------------------------

TEST_P(ScopeTest, AStudentSeesOnlyThemself) {
  const ClientSession& student = session("student");
  ASSERT_TRUE(student.user["student_id"].is_number()) << student.user;
  const auto own_id = student.user["student_id"].get<std::int64_t>();
  const std::string own = "/api/v1/students/" + std::to_string(own_id);
  auto me = Send(student, "GET", own);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["id"], own_id);

  // Student B: a classmate (same unit) and a student of another institution.
  json classmate;
  const json classmates =
      AdminGet("/api/v1/students?limit=5&unit_id=" +
               std::to_string(me.Json()["unit_id"].get<std::int64_t>()))["items"];
  for (const auto& s : classmates) {
    if (s["id"] != own_id) classmate = s;
  }
  ASSERT_TRUE(classmate.is_object());
  json institutions = AdminGet("/api/v1/institutions?limit=10")["items"];
  json stranger;
  for (const auto& i : institutions) {
    if (i["id"] != me.Json()["institution_id"] && stranger.is_null()) {
      json items = AdminGet("/api/v1/students?limit=1&institution_id=" + Id(i))["items"];
      if (!items.empty()) stranger = items[0];
    }
  }
  ASSERT_TRUE(stranger.is_object());
  for (const json& other : {classmate, stranger}) {
    const std::string path = "/api/v1/students/" + Id(other);
    ExpectNotFound(Send(student, "GET", path));
    ExpectNotFound(Send(student, "PATCH", path, R"({"resume":"改别人的简历"})"));
    ExpectNotFound(Send(student, "DELETE", path));
    EXPECT_EQ(AdminGet(path)["resume"], other["resume"]) << "changed by another student";
  }
  // Out of scope and nonexistent look alike.
  auto missing = Send(student, "GET", "/api/v1/students/987654321");
  auto hidden = Send(student, "GET", "/api/v1/students/" + Id(classmate));
  EXPECT_EQ(missing.status, hidden.status);

  // The list holds only the student, whatever the filters ask for.
  json list = AllItems(student, "/api/v1/students");
  ASSERT_EQ(list.size(), 1u) << list;
  EXPECT_EQ(list[0]["id"], own_id);
  EXPECT_TRUE(AllItems(student, "/api/v1/students?unit_id=" +
                                    std::to_string(classmate["unit_id"].get<std::int64_t>()) +
                                    "&name=" + classmate["name"].get<std::string>())
                  .empty());
  EXPECT_TRUE(AllItems(student, "/api/v1/students?institution_id=" +
                                    std::to_string(stranger["institution_id"].get<std::int64_t>()))
                  .empty());
  // Aggregates are for institutions and observers, account administration for admins.
  ExpectForbidden(Send(student, "GET", "/api/v1/reports/students"));
}

TEST_P(ScopeTest, AStudentUpdatesTheirResumeAndSkillsButNotRegistryFields) {
  const ClientSession& student = session("student");
  const std::string own =
      "/api/v1/students/" + std::to_string(student.user["student_id"].get<std::int64_t>());
  json before = AdminGet(own);
  const std::string resume =
      "熟悉CATIA与汽车零部件设计，参加过大学生方程式赛车。" + std::to_string(Serial());
  auto updated = Send(student, "PATCH", own,
                      json({{"resume", resume},
                            {"skills", json::array({"CATIA", "AutoCAD", "MATLAB"})},
                            {"talent_search_consent", true}})
                          .dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["resume"], resume);
  EXPECT_EQ(updated.Json()["skills"].size(), 3u);
  EXPECT_EQ(AdminGet(own)["resume"], resume);

  // The registry fields belong to the institution.
  json other_unit;
  for (const auto& u : UnitsOf(before["institution_id"])) {
    if (u["id"] != before["unit_id"]) other_unit = u;
  }
  ASSERT_TRUE(other_unit.is_object());
  for (const json& change :
       {json({{"unit_id", other_unit["id"]}}), json({{"student_no", "HACKED-1"}}),
        json({{"cohort", 2030}}), json({{"name", "冒名"}}),
        json({{"resume", "混在一起的改动"}, {"unit_id", other_unit["id"]}})}) {
    ExpectForbidden(Send(student, "PATCH", own, change.dump()));
  }
  json after = AdminGet(own);
  EXPECT_EQ(after["unit_id"], before["unit_id"]);
  EXPECT_EQ(after["student_no"], before["student_no"]);
  EXPECT_EQ(after["cohort"], before["cohort"]);
  EXPECT_EQ(after["name"], before["name"]);
  EXPECT_EQ(after["resume"], resume) << "a refused PATCH changed the résumé";
  // Nor may a student add or remove student records.
  ExpectForbidden(Send(student, "POST", "/api/v1/students",
                       StudentBody(Unit(before["unit_id"].get<std::int64_t>()), true).dump()));
  ExpectForbidden(Send(student, "DELETE", own));
  EXPECT_EQ(server().Get(own).status, 200);
}

TEST_P(ScopeTest, UnitStaffSeeAndChangeOnlyTheirUnitsStudents) {
  const ClientSession& staff = session("unit_staff");
  ASSERT_TRUE(staff.user["unit_id"].is_number()) << staff.user;
  const json unit_id = staff.user["unit_id"];
  json list = AllItems(staff, "/api/v1/students");
  ASSERT_FALSE(list.empty());
  for (const auto& s : list) EXPECT_EQ(s["unit_id"], unit_id) << Id(s);
  EXPECT_EQ(
      list.size(),
      AllItems("/api/v1/students?unit_id=" + std::to_string(unit_id.get<std::int64_t>())).size())
      << "the list is filtered in the query, not truncated";

  json other_unit;
  for (const auto& u : UnitsOf(staff.user["institution_id"])) {
    if (u["id"] != unit_id) other_unit = u;
  }
  ASSERT_TRUE(other_unit.is_object());
  EXPECT_TRUE(AllItems(staff, "/api/v1/students?unit_id=" + Id(other_unit)).empty());

  json other = SomeStudentOfUnit(other_unit["id"]);
  const std::string path = "/api/v1/students/" + Id(other);
  ExpectNotFound(Send(staff, "GET", path));
  ExpectNotFound(Send(staff, "PATCH", path, R"({"resume":"别的学院改的","cohort":2030})"));
  ExpectNotFound(Send(staff, "DELETE", path));
  json unchanged = AdminGet(path);
  EXPECT_EQ(unchanged["resume"], other["resume"]);
  EXPECT_EQ(unchanged["cohort"], other["cohort"]);
  EXPECT_EQ(unchanged["updated_at"], other["updated_at"]);
  // Nor may they add a student to another unit, or move their own student there.
  ExpectForbidden(Send(staff, "POST", "/api/v1/students", StudentBody(other_unit, false).dump()));
  json own = CreateStudent(Unit(unit_id.get<std::int64_t>()), false);
  const std::string own_path = "/api/v1/students/" + Id(own);
  ExpectForbidden(Send(staff, "PATCH", own_path, json({{"unit_id", other_unit["id"]}}).dump()));
  EXPECT_EQ(AdminGet(own_path)["unit_id"], unit_id);
  // Their own unit's students they do manage.
  auto ok = Send(staff, "PATCH", own_path, R"({"resume":"学院更新的简历"})");
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Send(staff, "DELETE", own_path).status, 204);
}

TEST_P(ScopeTest, AnInstitutionAdminSeesOnlyItsInstitution) {
  const ClientSession& centre = session("institution_admin");
  ASSERT_TRUE(centre.user["institution_id"].is_number()) << centre.user;
  const json institution_id = centre.user["institution_id"];
  json list = AllItems(centre, "/api/v1/students");
  ASSERT_FALSE(list.empty());
  std::set<std::int64_t> units;
  for (const auto& s : list) {
    EXPECT_EQ(s["institution_id"], institution_id) << Id(s);
    units.insert(s["unit_id"].get<std::int64_t>());
  }
  EXPECT_GT(units.size(), 1u) << "every unit of the institution";
  EXPECT_EQ(list.size(), AllItems("/api/v1/students?institution_id=" +
                                  std::to_string(institution_id.get<std::int64_t>()))
                             .size());

  json other_institution;
  const json institutions = AdminGet("/api/v1/institutions?limit=10")["items"];
  for (const auto& i : institutions) {
    if (i["id"] != institution_id && other_institution.is_null()) other_institution = i;
  }
  ASSERT_TRUE(other_institution.is_object());
  EXPECT_TRUE(AllItems(centre, "/api/v1/students?institution_id=" + Id(other_institution)).empty());
  json other_units = UnitsOf(other_institution["id"]);
  ASSERT_FALSE(other_units.empty());
  json stranger = SomeStudentOfUnit(other_units[0]["id"]);
  const std::string path = "/api/v1/students/" + Id(stranger);
  ExpectNotFound(Send(centre, "GET", path));
  ExpectNotFound(Send(centre, "PATCH", path, R"({"resume":"别校改的"})"));
  ExpectNotFound(Send(centre, "DELETE", path));
  EXPECT_EQ(AdminGet(path)["resume"], stranger["resume"]);
  ExpectForbidden(
      Send(centre, "POST", "/api/v1/students", StudentBody(other_units[0], false).dump()));

  // Its reports cover its own institution only.
  auto report = Send(centre, "GET", "/api/v1/reports/students?group_by=unit");
  ASSERT_EQ(report.status, 200) << report.body;
  const json cells = report.Json()["cells"];
  for (const auto& cell : cells) EXPECT_EQ(cell["institution_id"], institution_id);
}

// ---- enterprises ------------------------------------------------------------------------------

TEST_P(ScopeTest, ARecruiterSeesOnlyConsentingStudentsAndApplicantsWithContactDetailsMasked) {
  const ClientSession& recruiter = session("enterprise_recruiter");
  json units = UnitsOf(AdminGet("/api/v1/institutions?limit=1")["items"][0]["id"]);
  ASSERT_FALSE(units.empty());
  json consenting_body = StudentBody(units[0], true);
  consenting_body["phone"] = "13812345678";
  consenting_body["id_number"] = IdNumber("21070220040115123");
  consenting_body["email"] = "zhangwei@example.cn";
  json consenting = AdminCreate("students", consenting_body);
  json withheld_body = StudentBody(units[0], false);
  withheld_body["phone"] = "13987654321";
  json withheld = AdminCreate("students", withheld_body);

  ExpectNotFound(Send(recruiter, "GET", "/api/v1/students/" + Id(withheld)));
  ExpectNotFound(Send(recruiter, "PATCH", "/api/v1/students/" + Id(withheld), R"({"resume":"x"})"));
  auto seen = Send(recruiter, "GET", "/api/v1/students/" + Id(consenting));
  ASSERT_EQ(seen.status, 200) << seen.body;
  json s = seen.Json();
  EXPECT_EQ(s["name"], consenting["name"]);
  EXPECT_EQ(s["phone"], "138****5678");
  EXPECT_EQ(s["id_number"],
            "210702********" + consenting_body["id_number"].get<std::string>().substr(14));
  EXPECT_EQ(s["email"], "z***@example.cn");
  EXPECT_EQ(seen.body.find("13812345678"), std::string::npos);
  EXPECT_EQ(seen.body.find(consenting_body["id_number"].get<std::string>()), std::string::npos);
  // Seeing a student is not changing it.
  ExpectForbidden(
      Send(recruiter, "PATCH", "/api/v1/students/" + Id(consenting), R"({"resume":"x"})"));
  EXPECT_EQ(AdminGet("/api/v1/students/" + Id(consenting))["phone"], "13812345678");

  // The list holds consenting students and those who applied to the organization's posts
  // (issue #5), masked unless the student accepted an interview (an application in interview,
  // intention, offer or signed).
  std::set<std::int64_t> applicants;
  std::set<std::int64_t> accepted;
  for (const auto& a : AllItems(recruiter, "/api/v1/applications")) {
    applicants.insert(a["student_id"].get<std::int64_t>());
    if (std::set<std::string>{"interview", "intention", "offer", "signed"}.count(
            a["state"].get<std::string>())) {
      accepted.insert(a["student_id"].get<std::int64_t>());
    }
  }
  json list = AllItems(recruiter, "/api/v1/students");
  ASSERT_FALSE(list.empty());
  bool found_consenting = false;
  for (const auto& item : list) {
    EXPECT_TRUE(item["talent_search_consent"] == true ||
                applicants.count(item["id"].get<std::int64_t>()) > 0)
        << Id(item);
    EXPECT_NE(item["id"], withheld["id"]);
    if (item["id"] == consenting["id"]) found_consenting = true;
    if (accepted.count(item["id"].get<std::int64_t>()) > 0) continue;
    if (item["phone"].is_string()) {
      EXPECT_TRUE(IsMaskedMobile(item["phone"])) << Id(item) << " " << item["phone"];
    }
    if (item["id_number"].is_string()) {
      EXPECT_TRUE(IsMaskedIdNumber(item["id_number"])) << Id(item) << " " << item["id_number"];
    }
    if (item["email"].is_string()) {
      EXPECT_NE(item["email"].get<std::string>().find("***@"), std::string::npos) << item["email"];
    }
  }
  EXPECT_TRUE(found_consenting);
  std::size_t visible = 0;
  for (const auto& item : AllItems("/api/v1/students")) {
    visible += item["talent_search_consent"] == true ||
               applicants.count(item["id"].get<std::int64_t>()) > 0;
  }
  EXPECT_EQ(list.size(), visible) << "every consenting student and applicant, and only those";

  // Enterprises get no student figures and add no student records.
  ExpectForbidden(Send(recruiter, "GET", "/api/v1/reports/students"));
  ExpectForbidden(Send(recruiter, "POST", "/api/v1/students", StudentBody(units[0], true).dump()));
}

// DESIGN §9: phone, ID number and e-mail only once the student accepted an interview, read as an
// application to one of the recruiter's organization's posts in interview, intention, offer or
// signed; the same on GET /students/{id} and in the list.
TEST_P(ScopeTest, ARecruiterSeesContactDetailsOnlyOnceTheStudentAcceptedAnInterview) {
  const ClientSession& recruiter = session("enterprise_recruiter");
  json org = Send(recruiter, "GET", "/api/v1/auth/me").Json()["user"]["organization_id"];
  json units = UnitsOf(AdminGet("/api/v1/institutions?limit=1")["items"][0]["id"]);
  ASSERT_FALSE(units.empty());
  struct Contact {
    std::string phone, id_number, email;
  };
  std::map<std::string, Contact> contacts;  // by student id
  auto student = [&](bool consent) {
    int n = Serial();
    json body = StudentBody(units[0], consent);
    char seq[4];
    std::snprintf(seq, sizeof seq, "%03d", n % 1000);
    Contact c{"1391234" + std::to_string(1000 + n % 9000),
              IdNumber(std::string("21070220050220") + seq),
              "contact" + std::to_string(n) + "@example.cn"};
    body["phone"] = c.phone;
    body["id_number"] = c.id_number;
    body["email"] = c.email;
    json created = AdminCreate("students", body);
    contacts[Id(created)] = c;
    return created;
  };
  // "plain", "masked", or what went wrong.
  auto seen = [&](const json& s) -> std::string {
    const Contact& c = contacts.at(Id(s));
    if (s["phone"] == c.phone && s["id_number"] == c.id_number && s["email"] == c.email) {
      return "plain";
    }
    if (s["phone"].is_string() && IsMaskedMobile(s["phone"]) && s["id_number"].is_string() &&
        IsMaskedIdNumber(s["id_number"]) && s["email"] == c.email.substr(0, 1) + "***@example.cn") {
      return "masked";
    }
    return "mixed: " + s.dump();
  };
  auto get = [&](const ClientSession& who, const json& s) -> std::string {
    auto r = Send(who, "GET", "/api/v1/students/" + Id(s));
    if (r.status != 200) return "status " + std::to_string(r.status);
    return seen(r.Json());
  };
  auto listed = [&](const ClientSession& who, const json& s) -> std::string {
    for (const auto& item : AllItems(who, "/api/v1/students")) {
      if (item["id"] == s["id"]) return seen(item);
    }
    return "not listed";
  };
  auto apply = [&](const json& s, const json& post) {
    auto r = server().Post("/api/v1/applications",
                           json{{"student_id", s["id"]}, {"post_id", post["id"]}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  };
  auto move = [&](const ClientSession& who, const json& a, const std::string& to) {
    auto r = Send(who, "POST", "/api/v1/applications/" + Id(a) + "/transitions",
                  json{{"to", to}}.dump());
    EXPECT_EQ(r.status, 200) << to << ": " << r.body;
  };

  auto posted = Send(recruiter, "POST", "/api/v1/posts",
                     PostBody(org, "联系方式测试岗位" + std::to_string(Serial()), "open").dump());
  ASSERT_EQ(posted.status, 201) << posted.body;
  json post = posted.Json();
  json applicant = student(false);
  json consenting = student(true);
  json withdrawing = student(false);
  json a = apply(applicant, post);
  json w = apply(withdrawing, post);

  // Applied only, or consented only: masked.
  for (const json* s : {&applicant, &consenting, &withdrawing}) {
    EXPECT_EQ(get(recruiter, *s), "masked") << Id(*s);
    EXPECT_EQ(listed(recruiter, *s), "masked") << Id(*s);
  }
  EXPECT_EQ(get(admin(), applicant), "plain");

  // The interview accepted: plain, in the record and in the list.
  move(recruiter, a, "interview");
  EXPECT_EQ(get(recruiter, applicant), "plain");
  EXPECT_EQ(listed(recruiter, applicant), "plain");
  EXPECT_EQ(listed(recruiter, consenting), "masked");

  // Withdrawn before the interview: still visible, masked.
  move(admin(), w, "withdrawn");
  EXPECT_EQ(get(recruiter, withdrawing), "masked");
  EXPECT_EQ(listed(recruiter, withdrawing), "masked");

  // The consenting student accepts an interview here too; another organization's recruiter
  // still sees them masked, and does not see the applicant at all.
  json c = apply(consenting, post);
  move(recruiter, c, "interview");
  EXPECT_EQ(get(recruiter, consenting), "plain");
  json other_org = Enterprise("联系方式测试公司" + std::to_string(Serial()));
  json user = AdminCreate(
      "users", {{"email", "recruiter-" + std::to_string(Serial()) + "@scope.test.talentbridge.cn"},
                {"password", kPassword},
                {"role", "enterprise_recruiter"},
                {"organization_id", other_org["id"]}});
  auto other = server().Login(user["email"].get<std::string>(), kPassword);
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(get(*other, consenting), "masked");
  EXPECT_EQ(listed(*other, consenting), "masked");
  EXPECT_EQ(get(*other, applicant), "status 404");
}

TEST_P(ScopeTest, ARecruiterManagesOnlyItsOwnOrganizationsPosts) {
  const ClientSession& recruiter = session("enterprise_recruiter");
  ASSERT_TRUE(recruiter.user["organization_id"].is_number()) << recruiter.user;
  const json own_org = recruiter.user["organization_id"];
  json other = Enterprise("范围测试另一家" + std::to_string(Serial()) + "有限公司");
  const json other_org = other["id"];
  json other_open = AdminCreate("posts", PostBody(other_org, "另一家开放岗位", "open"));
  json other_draft = AdminCreate("posts", PostBody(other_org, "另一家草稿岗位", "draft"));

  // Enterprise Y's posts: the open one is visible but not changeable, the draft invisible.
  auto open = Send(recruiter, "GET", "/api/v1/posts/" + Id(other_open));
  EXPECT_EQ(open.status, 200) << open.body;
  ExpectForbidden(
      Send(recruiter, "PATCH", "/api/v1/posts/" + Id(other_open), R"({"headcount":99})"));
  ExpectForbidden(Send(recruiter, "DELETE", "/api/v1/posts/" + Id(other_open)));
  ExpectNotFound(Send(recruiter, "GET", "/api/v1/posts/" + Id(other_draft)));
  ExpectNotFound(
      Send(recruiter, "PATCH", "/api/v1/posts/" + Id(other_draft), R"({"status":"open"})"));
  ExpectNotFound(Send(recruiter, "DELETE", "/api/v1/posts/" + Id(other_draft)));
  EXPECT_EQ(AdminGet("/api/v1/posts/" + Id(other_open))["headcount"], other_open["headcount"]);
  EXPECT_EQ(AdminGet("/api/v1/posts/" + Id(other_draft))["status"], "draft");
  json listed = AllItems(recruiter, "/api/v1/posts?organization_id=" + Id(other));
  ASSERT_EQ(listed.size(), 1u) << listed;
  EXPECT_EQ(listed[0]["id"], other_open["id"]);
  EXPECT_TRUE(
      AllItems(recruiter, "/api/v1/posts?status=draft&organization_id=" + Id(other)).empty());
  for (const auto& p : AllItems(recruiter, "/api/v1/posts?status=draft")) {
    EXPECT_EQ(p["organization_id"], own_org) << "another organization's draft: " << Id(p);
  }

  // Nor may it post for Y.
  const std::string title = "冒名岗位" + std::to_string(Serial());
  ExpectForbidden(
      Send(recruiter, "POST", "/api/v1/posts", PostBody(other_org, title, "open").dump()));
  EXPECT_TRUE(AllItems("/api/v1/posts?title=" + title).empty()) << "a refused create left a post";

  // Its own posts, drafts included, it manages.
  auto created =
      Send(recruiter, "POST", "/api/v1/posts", PostBody(own_org, "本公司草稿岗位", "draft").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string own_path = "/api/v1/posts/" + Id(created.Json());
  EXPECT_EQ(Send(recruiter, "GET", own_path).status, 200);
  auto patched = Send(recruiter, "PATCH", own_path, R"({"headcount":4})");
  EXPECT_EQ(patched.status, 200) << patched.body;
  // ...but cannot hand one over to Y.
  ExpectForbidden(
      Send(recruiter, "PATCH", own_path, json({{"organization_id", other_org}}).dump()));
  EXPECT_EQ(AdminGet(own_path)["organization_id"], own_org);
  // Others' drafts stay hidden from other roles that are not officers, too.
  ExpectNotFound(Send(session("student"), "GET", own_path));
  EXPECT_EQ(Send(recruiter, "DELETE", own_path).status, 204);
}

// ---- observers ----------------------------------------------------------------------------------

TEST_P(ScopeTest, AnObserverGetsAggregatesOnlyWithSmallCellsSuppressed) {
  // A small institution of our own: units of 3, 6 and 8 students.
  std::map<std::string, int> sizes;
  json institution = SmallInstitution({3, 6, 8}, sizes);
  const auto observer = NewObserver(json::array({institution["id"]}));
  ASSERT_TRUE(observer.has_value());

  // No list of students, no student record.
  for (const ClientSession* who : {&*observer, &session("observer")}) {
    ExpectForbidden(Send(*who, "GET", "/api/v1/students"));
    ExpectForbidden(Send(*who, "GET", "/api/v1/students?institution_id=" + Id(institution)));
    ExpectNotFound(Send(
        *who, "GET", "/api/v1/students/" + Id(AdminGet("/api/v1/students?limit=1")["items"][0])));
  }

  auto by_unit = Send(*observer, "GET", "/api/v1/reports/students?group_by=unit");
  ASSERT_EQ(by_unit.status, 200) << by_unit.body;
  json report = by_unit.Json();
  EXPECT_EQ(report["min_cell_size"], 5);
  ASSERT_EQ(report["cells"].size(), 3u) << by_unit.body;
  for (const auto& cell : report["cells"]) {
    EXPECT_EQ(cell["institution_id"], institution["id"]);
    ASSERT_TRUE(sizes.count(cell["key"])) << cell;
    if (sizes[cell["key"]] < 5) {
      EXPECT_TRUE(cell["count"].is_null()) << cell;
      EXPECT_EQ(cell["suppressed"], true) << cell;
    } else if (!cell["suppressed"].get<bool>()) {
      EXPECT_EQ(cell["count"], sizes[cell["key"]]) << cell;
    }
  }
  // With the total shown, one lone hidden cell could be worked out from the others.
  EXPECT_EQ(report["total"], 17);
  int hidden = 0;
  for (const auto& cell : report["cells"]) hidden += cell["suppressed"].get<bool>();
  EXPECT_GE(hidden, 2) << by_unit.body;

  // Every grouping, for our observer and the demo's (Jinzhou SASAC: LUT only): each cell is at
  // least 5 people or suppressed, and only observed institutions appear.
  const ClientSession& sasac = session("observer");
  for (const ClientSession* who : {&*observer, &sasac}) {
    std::set<std::int64_t> observed;
    for (const auto& id : who->user["observer_institutions"])
      observed.insert(id.get<std::int64_t>());
    ASSERT_FALSE(observed.empty()) << who->user;
    for (std::string group : {"institution", "unit", "cohort", "level", "major_category"}) {
      auto r = Send(*who, "GET", "/api/v1/reports/students?group_by=" + group);
      ASSERT_EQ(r.status, 200) << group << ": " << r.body;
      json j = r.Json();
      ASSERT_FALSE(j["cells"].empty()) << group;
      int lone = 0;
      for (const auto& cell : j["cells"]) {
        EXPECT_TRUE(observed.count(cell["institution_id"].get<std::int64_t>()))
            << group << " " << cell;
        if (cell["count"].is_null()) {
          EXPECT_EQ(cell["suppressed"], true) << group << " " << cell;
          ++lone;
        } else {
          EXPECT_EQ(cell["suppressed"], false) << group << " " << cell;
          EXPECT_GE(cell["count"].get<int>(), 5) << group << " " << cell;
        }
      }
      if (!j["total"].is_null()) {
        EXPECT_NE(lone, 1) << group << ": " << r.body;
      }
      EXPECT_EQ(r.body.find("\"student_no\""), std::string::npos) << "personal data in a report";
    }
  }
  auto institutions = Send(sasac, "GET", "/api/v1/reports/students?group_by=institution").Json();
  ASSERT_EQ(institutions["cells"].size(), 1u) << institutions;
  EXPECT_EQ(institutions["cells"][0]["institution_id"], sasac.user["observer_institutions"][0]);
  auto bad = Send(*observer, "GET", "/api/v1/reports/students?group_by=student");
  EXPECT_EQ(bad.status, 400) << bad.body;
}

// Suppression must survive the totals the reports publish: an institution's total (group_by
// institution) minus its shown unit cells must not give away a lone suppressed unit cell.
TEST_P(ScopeTest, ASuppressedCellCannotBeWorkedOutFromTheInstitutionTotals) {
  std::map<std::string, int> sizes;
  json a = SmallInstitution({3, 6}, sizes);
  json b = SmallInstitution({2, 7}, sizes);
  const auto observer = NewObserver(json::array({a["id"], b["id"]}));
  ASSERT_TRUE(observer.has_value());

  auto by_institution = Send(*observer, "GET", "/api/v1/reports/students?group_by=institution");
  auto by_unit = Send(*observer, "GET", "/api/v1/reports/students?group_by=unit");
  ASSERT_EQ(by_institution.status, 200) << by_institution.body;
  ASSERT_EQ(by_unit.status, 200) << by_unit.body;
  std::map<std::int64_t, bool> institution_total_shown;
  const json institution_cells = by_institution.Json()["cells"];
  for (const auto& cell : institution_cells) {
    institution_total_shown[cell["institution_id"].get<std::int64_t>()] = !cell["count"].is_null();
  }
  std::map<std::int64_t, int> suppressed_units;
  const json unit_cells = by_unit.Json()["cells"];
  ASSERT_EQ(unit_cells.size(), 4u) << by_unit.body;
  for (const auto& cell : unit_cells) {
    ASSERT_TRUE(sizes.count(cell["key"])) << cell;
    if (sizes[cell["key"]] < 5) {
      EXPECT_TRUE(cell["count"].is_null()) << cell;
    }
    suppressed_units[cell["institution_id"].get<std::int64_t>()] += cell["count"].is_null();
  }
  for (const auto& [institution, shown] : institution_total_shown) {
    if (shown) {
      EXPECT_NE(suppressed_units[institution], 1)
          << "institution " << institution << ": its total (group_by=institution) minus its "
          << "shown units reveals the suppressed one\n"
          << by_institution.body << "\n"
          << by_unit.body;
    }
  }
}

TB_INSTANTIATE_BACKENDS(ScopeTest);

}  // namespace
}  // namespace tb::testing
