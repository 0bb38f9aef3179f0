// Agreements over HTTP against the real server with the demo loaded, on SQLite and on
// PostgreSQL: the demo's agreements (scenario 1's four framework agreements, the workstation of
// scenario 5, agreements expiring within 60 days), create → transitions with 409 naming the
// allowed states, documents uploaded as raw bodies (type checked by the bytes, 413 above the
// limit) and downloaded unchanged, fulfilment with its source, and scope.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;
using Id = std::int64_t;

class AgreementApiTest : public DemoServerTest {
 protected:
  HttpResponse Upload(const std::string& role, Id agreement, const std::string& filename,
                      const std::string& type, const std::string& bytes) {
    return server().SendAs(
        session(role), "POST",
        "/api/v1/agreements/" + std::to_string(agreement) + "/documents?filename=" + filename,
        bytes, {{"Content-Type", type}});
  }
  // A fresh draft of LUT's demo unit with the recruiter's organization.
  Id NewDraft() {
    json body = {{"institution_id", Me("unit_staff", "institution_id")},
                 {"unit_id", Me("unit_staff", "unit_id")},
                 {"organization_id", Me("enterprise_recruiter", "organization_id")},
                 {"kind", "order_class"},
                 {"title", "订单班合作协议"},
                 {"scopes", {"employment", "training"}},
                 {"modes", {"order_class"}},
                 {"place_quota", 40},
                 {"start_date", "2025-09-01"},
                 {"end_date", "2028-07-31"}};
    return Ok("unit_staff", "POST", "/api/v1/agreements", body, 201)["id"].get<Id>();
  }
};

TEST_P(AgreementApiTest, TheDemoHasTheJinzhouFrameworkAgreementsAndTheWorkstation) {
  auto lut = Ok("platform_admin", "GET", "/api/v1/institutions?name=辽宁工业大学", nullptr, 200);
  Id lut_id = lut["items"][0]["id"].get<Id>();
  auto framework =
      Ok("platform_admin", "GET",
         "/api/v1/agreements?kind=framework&state=active&institution_id=" + std::to_string(lut_id),
         nullptr, 200)["items"];
  ASSERT_EQ(framework.size(), 4u);
  std::set<Id> units;
  for (const auto& a : framework) {
    units.insert(a["unit_id"].get<Id>());
    EXPECT_EQ(a["signed_on"], "2023-04-21");
    EXPECT_TRUE(a["signed_activity_id"].is_number());
    EXPECT_EQ(a["scopes"].size(), 7u);
    EXPECT_EQ(a["modes"], json({"order_class", "industrial_college"}));
    EXPECT_EQ(a["fulfilment"]["interns_received"], 0);
    // Counted from the recruitment records (none of LUT's students went to the SASAC's
    // enterprises in the demo), with the rule and the period stated.
    EXPECT_NE(a["fulfilment"]["source"]["en"].get<std::string>().find("between 2023-04-21 and"),
              std::string::npos);
    EXPECT_NE(a["fulfilment"]["source"]["zh"].get<std::string>().find("在 2023-04-21 至"),
              std::string::npos);
  }
  EXPECT_EQ(units.size(), 4u);  // one per school
  auto workstation = Ok("platform_admin", "GET", "/api/v1/agreements?kind=professor_workstation",
                        nullptr, 200)["items"];
  ASSERT_EQ(workstation.size(), 1u);
  EXPECT_EQ(workstation[0]["signed_on"], "2025-05-16");

  auto expiring =
      Ok("platform_admin", "GET", "/api/v1/agreements?expiring_within=60", nullptr, 200)["items"];
  EXPECT_EQ(expiring.size(), 2u);
  for (const auto& a : expiring) {
    EXPECT_NE(a["kind"], "framework");
    // Both end within 60 days: expiring, the Santoni base (seeded active) moved there by the
    // expiry sweep the server ran when it started, as the system, with a note.
    EXPECT_EQ(a["status"], "expiring") << a.dump();
  }
  auto swept = std::find_if(expiring.begin(), expiring.end(),
                            [](const json& a) { return a["title"] == "产教融合实训基地共建协议"; });
  ASSERT_NE(swept, expiring.end());
  auto log = Ok("platform_admin", "GET",
                "/api/v1/agreements/" + S((*swept)["id"].get<Id>()) + "/transitions", nullptr,
                200)["items"];
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.back()["from_status"], "active");
  EXPECT_EQ(log.back()["to_status"], "expiring");
  EXPECT_EQ(log.back()["actor"], "system");
  EXPECT_NE(log.back()["note"].get<std::string>().find("within 60 days"), std::string::npos);
  // SIT's internship base with Johon Huayi at work: its fulfilment counts the demo's internship
  // intentions and signed full-time applications of SIT's students there (verified destinations
  // of the class of 2023 at Johon Huayi may add hires).
  auto base = std::find_if(expiring.begin(), expiring.end(),
                           [](const json& a) { return a["title"] == "毕业实习基地共建协议"; });
  ASSERT_NE(base, expiring.end());
  EXPECT_EQ((*base)["fulfilment"]["interns_received"], 12) << base->dump();
  EXPECT_GE((*base)["fulfilment"]["hires"].get<int>(), 3) << base->dump();
  auto bad = As("platform_admin", "GET", "/api/v1/agreements?expiring_within=soon");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("expiring_within"), std::string::npos);
}

TEST_P(AgreementApiTest, TransitionsFollowTheLifecycleAndRefusalsNameTheAllowedStates) {
  Id id = NewDraft();
  std::string base = "/api/v1/agreements/" + std::to_string(id);
  auto draft = Ok("platform_admin", "GET", base, nullptr, 200);
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_EQ(draft["allowed_transitions"], json({"signed"}));

  auto refused = As("unit_staff", "POST", base + "/transitions", {{"to", "active"}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json()["errors"][0]["field"], "to");
  EXPECT_NE(refused.Json()["errors"][0]["message"].get<std::string>().find("signed"),
            std::string::npos);
  auto unknown = As("unit_staff", "POST", base + "/transitions", {{"to", "archived"}});
  EXPECT_EQ(unknown.status, 422);
  auto missing = As("unit_staff", "POST", base + "/transitions", {{"note", "x"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.Json()["errors"][0]["field"], "to");

  Ok("unit_staff", "POST", base + "/transitions", {{"to", "signed"}, {"note", "签约"}}, 200);
  auto active = Ok("unit_staff", "POST", base + "/transitions", {{"to", "active"}}, 200);
  EXPECT_EQ(active["status"], "active");
  // PATCH does not change the state.
  auto patched = Ok("unit_staff", "PATCH", base, {{"status", "terminated"}, {"notes", "改"}}, 200);
  EXPECT_EQ(patched["status"], "active");
  EXPECT_EQ(patched["notes"], "改");
  // A recruiter party sees it and its log, but moves nothing.
  auto log = Ok("enterprise_recruiter", "GET", base + "/transitions", nullptr, 200)["items"];
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0]["note"], "签约");
  EXPECT_EQ(log[1]["to_status"], "active");
  EXPECT_FALSE(log[1]["actor"].get<std::string>().empty());
  EXPECT_EQ(
      As("enterprise_recruiter", "POST", base + "/transitions", {{"to", "terminated"}}).status,
      403);
  // Only drafts are deleted.
  EXPECT_EQ(As("unit_staff", "DELETE", base).status, 409);
  Ok("unit_staff", "POST", base + "/transitions", {{"to", "terminated"}}, 200);
  auto final_state = As("platform_admin", "POST", base + "/transitions", {{"to", "renewed"}});
  EXPECT_EQ(final_state.status, 409);
}

TEST_P(AgreementApiTest, DocumentsAreCheckedByTheirBytesAndDownloadedUnchanged) {
  Id id = NewDraft();
  std::string pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n";
  auto up = Upload("unit_staff", id, "框架协议.pdf", "application/pdf", pdf);
  ASSERT_EQ(up.status, 201) << up.body;
  json doc = up.Json();
  EXPECT_EQ(doc["filename"], "框架协议.pdf");
  EXPECT_EQ(doc["size_bytes"], static_cast<Id>(pdf.size()));
  EXPECT_EQ(doc["sha256"].get<std::string>().size(), 64u);

  std::string item = "/api/v1/agreements/" + std::to_string(id) + "/documents/" +
                     std::to_string(doc["id"].get<Id>());
  auto down = As("enterprise_recruiter", "GET", item);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, pdf);
  EXPECT_EQ(down.headers["content-type"], "application/pdf");
  EXPECT_NE(down.headers["content-disposition"].find("attachment"), std::string::npos);
  auto listed = Ok("unit_staff", "GET", "/api/v1/agreements/" + std::to_string(id) + "/documents",
                   nullptr, 200);
  EXPECT_EQ(listed["items"].size(), 1u);

  auto fake = Upload("unit_staff", id, "photo.png", "image/png", pdf);
  EXPECT_EQ(fake.status, 422);
  EXPECT_EQ(fake.Json()["errors"][0]["field"], "content_type");
  auto exe = Upload("unit_staff", id, "a.pdf", "application/pdf", "MZ\x90\x00 not a pdf");
  EXPECT_EQ(exe.status, 422);
  EXPECT_EQ(exe.Json()["errors"][0]["field"], "content");
  auto html = Upload("unit_staff", id, "a.html", "text/html", "<html></html>");
  EXPECT_EQ(html.status, 422);
  auto big =
      Upload("unit_staff", id, "big.pdf", "application/pdf", "%PDF-" + std::string(11 << 20, 'x'));
  EXPECT_EQ(big.status, 413);
  // Nothing refused was kept.
  listed = Ok("unit_staff", "GET", "/api/v1/agreements/" + std::to_string(id) + "/documents",
              nullptr, 200);
  EXPECT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(As("student", "GET", item).status, 404);
  EXPECT_EQ(As("observer", "GET", item).status, 404);
}

TEST_P(AgreementApiTest, AFurtherPartyChangesItsRoleInPlace) {
  Id id = NewDraft();
  std::string parties = "/api/v1/agreements/" + std::to_string(id) + "/parties";
  Id own = Me("enterprise_recruiter", "organization_id");
  Id other = 0;
  const json organizations =
      Ok("platform_admin", "GET", "/api/v1/organizations?limit=5", nullptr, 200);
  for (const auto& o : organizations["items"]) {
    if (o["id"].get<Id>() != own) other = o["id"].get<Id>();
  }
  ASSERT_NE(other, 0);
  auto party = Ok("unit_staff", "POST", parties, {{"organization_id", other}}, 201);
  EXPECT_EQ(party["role"], "party");
  std::string item = parties + "/" + std::to_string(party["id"].get<Id>());

  auto changed = Ok("unit_staff", "PATCH", item, {{"role", "guarantor"}}, 200);
  EXPECT_EQ(changed["role"], "guarantor");
  EXPECT_EQ(changed["organization_id"], other);
  auto listed = Ok("unit_staff", "GET", parties, nullptr, 200)["items"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["role"], "guarantor");

  // Bad input names the field and changes nothing.
  auto bad = As("unit_staff", "PATCH", item, {{"role", "boss"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.Json()["errors"][0]["field"], "role") << bad.body;
  auto moved = As("unit_staff", "PATCH", item, {{"agreement_id", id + 1000}});
  EXPECT_EQ(moved.status, 422) << moved.body;
  EXPECT_EQ(moved.Json()["errors"][0]["field"], "agreement_id") << moved.body;
  EXPECT_EQ(Ok("unit_staff", "GET", parties, nullptr, 200)["items"][0]["role"], "guarantor");

  // Through another agreement's path it does not exist; the enterprise party may not change it.
  std::string elsewhere = "/api/v1/agreements/" + std::to_string(NewDraft()) + "/parties/" +
                          std::to_string(party["id"].get<Id>());
  EXPECT_EQ(As("unit_staff", "PATCH", elsewhere, {{"role", "witness"}}).status, 404);
  EXPECT_EQ(As("enterprise_recruiter", "PATCH", item, {{"role", "witness"}}).status, 403);
  EXPECT_EQ(Ok("unit_staff", "GET", parties, nullptr, 200)["items"][0]["role"], "guarantor");
}

TEST_P(AgreementApiTest, BadBodiesNameTheField) {
  auto r = As("institution_admin", "POST", "/api/v1/agreements",
              {{"institution_id", Me("institution_admin", "institution_id")},
               {"organization_id", Me("enterprise_recruiter", "organization_id")},
               {"kind", "industrial_college"},
               {"title", "产业学院"},
               {"scopes", {"employment", "money"}}});
  EXPECT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  json problem = r.Json();
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.count("scopes/1")) << r.body;
  EXPECT_TRUE(fields.count("level")) << r.body;
}

TEST_P(AgreementApiTest, OrganizationFiltersCombineRelationsWithVisitsAndAgreements) {
  auto find = [&](const std::string& role, const std::string& query) {
    return As(role, "GET", "/api/v1/organizations?limit=200&" + query);
  };
  auto association =
      Ok("platform_admin", "GET", "/api/v1/organizations?name=金山区科技企业协会", nullptr, 200);
  Id jinshan = association["items"][0]["id"].get<Id>();
  auto college =
      Ok("platform_admin", "GET", "/api/v1/institutions?name=上海现代化工", nullptr, 200);
  Id smcvc = college["items"][0]["id"].get<Id>();
  std::string members = "member_of=" + std::to_string(jinshan);
  EXPECT_EQ(find("platform_admin", members).Json()["items"].size(), 38u);
  // The college visited one member (the Santoni training base) on the docking day.
  auto never =
      find("platform_admin", members + "&visited=false&institution_id=" + std::to_string(smcvc));
  ASSERT_EQ(never.status, 200) << never.body;
  EXPECT_EQ(never.Json()["items"].size(), 37u);
  // ... and has an agreement with it, with the association as a further party, ending within 60
  // days: moved from active to expiring by the expiry sweep at the server's start.
  EXPECT_EQ(find("platform_admin", members + "&agreement_state=active").Json()["items"].size(), 0u);
  auto with_agreement = find("platform_admin", members + "&agreement_state=expiring");
  ASSERT_EQ(with_agreement.status, 200);
  ASSERT_EQ(with_agreement.Json()["items"].size(), 1u);
  EXPECT_EQ(with_agreement.Json()["items"][0]["name"], "圣东尼（上海）针织机械有限公司");
  // LUT's staff see it relative to LUT (which visited none of them); others may not ask.
  EXPECT_EQ(find("institution_admin", members + "&visited=false").Json()["items"].size(), 38u);
  EXPECT_EQ(
      find("institution_admin", members + "&visited=false&institution_id=" + std::to_string(smcvc))
          .status,
      403);
  EXPECT_EQ(find("enterprise_recruiter", members + "&visited=false").status, 403);
  EXPECT_EQ(find("observer", members + "&agreement_state=active").status, 403);
  auto no_reference = find("platform_admin", members + "&visited=false");
  EXPECT_EQ(no_reference.status, 400);
  EXPECT_NE(no_reference.body.find("visited"), std::string::npos);
  EXPECT_EQ(find("platform_admin", "campaign_id=1").status, 400);  // needs visited
}

TB_INSTANTIATE_BACKENDS(AgreementApiTest);

}  // namespace
}  // namespace tb::testing
