// Server texts in the caller's language, against the real server with the demo loaded, on
// SQLite and on PostgreSQL: problem documents follow Accept-Language (zh… → Chinese, otherwise
// English, the default) and say so in Content-Language, with field names, states and numbers
// kept; the members of a refusal (allowed, reasons) are the same in both; and the explanations
// in responses (campaign progress rules, ranking formula, event figure rules, agreement
// fulfilment source, employment rule) are {"zh", "en"} pairs.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;
using Id = std::int64_t;

// Whether `s` has a CJK ideograph (U+4E00–U+9FFF: E4 B8 80 … E9 BF BF in UTF-8).
bool HasChinese(const std::string& s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xE4 && b <= 0xE9) return true;
  }
  return false;
}

class I18nApiTest : public DemoServerTest {
 protected:
  // The message of the field error for `field`, or "".
  static std::string FieldMessage(const json& problem, const std::string& field) {
    for (const auto& e : problem.value("errors", json::array())) {
      if (e["field"] == field) return e["message"].get<std::string>();
    }
    return "";
  }
  // A credit code whose check character is wrong.
  static std::string BadCreditCode() {
    std::string code = CreditCode(4242);
    code.back() = code.back() == '0' ? '1' : '0';
    return code;
  }

  // The server logs every problem message it could not translate; none may be logged.
  void ExpectEverythingTranslated() {
    std::string out = server().Output();
    auto at = out.find("no Chinese for the message");
    EXPECT_EQ(at, std::string::npos) << out.substr(at == std::string::npos ? 0 : at, 300);
  }
};

TEST_P(I18nApiTest, FieldErrorsOfA422AreInTheCallersLanguageWithFieldsAndNumbersKept) {
  json body = {
      {"name", std::string(201, 'x')}, {"kind", "enterprise"}, {"credit_code", BadCreditCode()}};
  auto en = As("platform_admin", "POST", "/api/v1/organizations", body, "en");
  auto zh = As("platform_admin", "POST", "/api/v1/organizations", body, "zh-CN,zh;q=0.9,en;q=0.8");
  ASSERT_EQ(en.status, 422) << en.body;
  ASSERT_EQ(zh.status, 422) << zh.body;
  EXPECT_EQ(en.Header("content-language"), "en");
  EXPECT_EQ(zh.Header("content-language"), "zh-CN");
  EXPECT_EQ(zh.Header("content-type"), "application/problem+json");

  json e = en.Json(), z = zh.Json();
  EXPECT_EQ(e["title"], "Invalid data");
  EXPECT_EQ(z["title"], "数据无效");
  EXPECT_EQ(z["type"], e["type"]);  // the machine-readable members do not change
  EXPECT_EQ(z["status"], 422);
  ASSERT_EQ(z["errors"].size(), e["errors"].size());
  for (std::size_t i = 0; i < e["errors"].size(); ++i) {
    EXPECT_EQ(z["errors"][i]["field"], e["errors"][i]["field"]);
  }
  EXPECT_NE(FieldMessage(e, "credit_code").find("check character is"), std::string::npos)
      << en.body;
  EXPECT_NE(FieldMessage(z, "credit_code").find("统一社会信用代码校验位错误"), std::string::npos)
      << zh.body;
  EXPECT_EQ(FieldMessage(e, "name"), "must be at most 200 characters, got 201");
  EXPECT_EQ(FieldMessage(z, "name"), "长度不能超过 200 个字符，实际为 201");
  for (const auto& err : z["errors"]) {
    EXPECT_TRUE(HasChinese(err["message"].get<std::string>())) << err.dump();
  }
  EXPECT_TRUE(HasChinese(z["detail"].get<std::string>())) << zh.body;
  ExpectEverythingTranslated();
}

TEST_P(I18nApiTest, EnglishIsTheDefaultAndOtherLanguagesGetEnglish) {
  json body = {{"kind", "enterprise"}};
  for (const std::string& language :
       {std::string(), std::string("de-DE"), std::string("en-US,zh;q=0.5")}) {
    auto r = As("platform_admin", "POST", "/api/v1/organizations", body, language);
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.Header("content-language"), "en") << language;
    EXPECT_EQ(r.Json()["title"], "Invalid data") << language;
    EXPECT_EQ(FieldMessage(r.Json(), "name"), "is required") << language << r.body;
  }
  auto zh = As("platform_admin", "POST", "/api/v1/organizations", body, "zh");
  EXPECT_EQ(FieldMessage(zh.Json(), "name"), "不能为空") << zh.body;
  // A success is not a problem document and carries no Content-Language.
  auto ok = As("platform_admin", "GET", "/api/v1/health", nullptr, "zh-CN");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.Header("content-language"), "");
}

TEST_P(I18nApiTest, ARefusedAgreementTransitionNamesTheAllowedStatesInBothLanguages) {
  json draft = {{"institution_id", Me("unit_staff", "institution_id")},
                {"unit_id", Me("unit_staff", "unit_id")},
                {"organization_id", Me("enterprise_recruiter", "organization_id")},
                {"kind", "order_class"},
                {"title", "订单班合作协议"},
                {"scopes", {"employment"}},
                {"modes", {"order_class"}},
                {"start_date", "2025-09-01"},
                {"end_date", "2028-07-31"}};
  Id id = Ok("unit_staff", "POST", "/api/v1/agreements", draft, 201)["id"].get<Id>();
  std::string target = "/api/v1/agreements/" + std::to_string(id) + "/transitions";
  auto en = As("unit_staff", "POST", target, {{"to", "active"}}, "en");
  auto zh = As("unit_staff", "POST", target, {{"to", "active"}}, "zh-CN");
  ASSERT_EQ(en.status, 409) << en.body;
  ASSERT_EQ(zh.status, 409) << zh.body;
  EXPECT_EQ(en.Json()["detail"],
            "agreement " + std::to_string(id) +
                " cannot move from draft to active; allowed from draft: signed");
  EXPECT_EQ(zh.Json()["detail"],
            "协议 " + std::to_string(id) +
                " 不能从 draft 转为 active；当前状态为 draft，只能转为：signed");
  EXPECT_EQ(zh.Json()["title"], "冲突");
  EXPECT_EQ(zh.Json()["errors"][0]["field"], "to");
  EXPECT_TRUE(HasChinese(zh.Json()["errors"][0]["message"].get<std::string>())) << zh.body;
  EXPECT_NE(zh.Json()["errors"][0]["message"].get<std::string>().find("signed"), std::string::npos);
}

TEST_P(I18nApiTest, ARefusedApplicationMoveKeepsItsAllowedMovesAndReasonsInBothLanguages) {
  Id org = Me("enterprise_recruiter", "organization_id");
  Id post = Ok("enterprise_recruiter", "POST", "/api/v1/posts",
               {{"organization_id", org},
                {"title", "测试岗位（语言）"},
                {"kind", "internship"},
                {"min_level", "vocational"},
                {"region_code", "210100"},
                {"status", "open"}},
               201)["id"]
                .get<Id>();
  Id app = Ok("student", "POST", "/api/v1/applications", {{"post_id", post}}, 201)["id"].get<Id>();
  std::string target = "/api/v1/applications/" + std::to_string(app) + "/transitions";
  auto en = As("enterprise_recruiter", "POST", target, {{"to", "signed"}}, "en");
  auto zh = As("enterprise_recruiter", "POST", target, {{"to", "signed"}}, "zh-CN");
  ASSERT_EQ(en.status, 409) << en.body;
  ASSERT_EQ(zh.status, 409) << zh.body;
  EXPECT_EQ(zh.Json()["allowed"], en.Json()["allowed"]);
  EXPECT_EQ(zh.Json()["allowed"], json({"screening", "interview", "rejected"}));
  EXPECT_TRUE(HasChinese(zh.Json()["detail"].get<std::string>())) << zh.body;
  EXPECT_NE(zh.Json()["detail"].get<std::string>().find("screening、interview、rejected"),
            std::string::npos)
      << zh.body;
  EXPECT_FALSE(HasChinese(en.Json()["detail"].get<std::string>())) << en.body;
  ExpectEverythingTranslated();
}

TEST_P(I18nApiTest, ProblemsAcrossTheApiAreAllChinese) {
  struct Case {
    std::string role, method, target;
    json body;
    int status;
  };
  Id org = Me("enterprise_recruiter", "organization_id");
  std::vector<Case> cases = {
      {"student", "GET", "/api/v1/no-such-route", nullptr, 404},
      {"student", "DELETE", "/api/v1/health", nullptr, 405},
      {"platform_admin", "GET", "/api/v1/organizations/999999999", nullptr, 404},
      {"platform_admin", "GET", "/api/v1/organizations?limit=0", nullptr, 400},
      {"platform_admin", "GET", "/api/v1/organizations?cursor=zzz", nullptr, 400},
      {"student", "POST", "/api/v1/organizations", {{"name", "x"}, {"kind", "enterprise"}}, 403},
      {"platform_admin", "POST", "/api/v1/organizations", json::array(), 400},
      {"platform_admin",
       "POST",
       "/api/v1/organizations",
       {{"name", "某公司"}, {"kind", "bank"}, {"nonsense", 1}, {"region_code", "991234"}},
       422},
      {"enterprise_recruiter",
       "POST",
       "/api/v1/posts",
       {{"organization_id", org},
        {"title", ""},
        {"kind", "internship"},
        {"region_code", "21x"},
        {"accepted_majors", {"99"}},
        {"open_date", "2025-02-30"}},
       422},
      {"unit_staff",
       "POST",
       "/api/v1/students",
       {{"institution_id", Me("unit_staff", "institution_id")},
        {"unit_id", Me("unit_staff", "unit_id")},
        {"student_no", "I18N-1"},
        {"name", "测试"},
        {"major_code", "080207"},
        {"level", "bachelor"},
        {"cohort", 2026},
        {"phone", "+1 555 0100"},
        {"email", "a@@b"},
        {"id_number", "21010219900307001X"}},
       422},
  };
  for (const auto& c : cases) {
    auto r = As(c.role, c.method, c.target, c.body, "zh-CN");
    std::string what = c.method + " " + c.target + ": " + r.body;
    EXPECT_EQ(r.status, c.status) << what;
    EXPECT_EQ(r.Header("content-language"), "zh-CN") << what;
    json p = r.Json();
    EXPECT_TRUE(HasChinese(p.value("title", ""))) << what;
    EXPECT_TRUE(HasChinese(p.value("detail", ""))) << what;
    for (const auto& e : p.value("errors", json::array())) {
      EXPECT_TRUE(HasChinese(e["message"].get<std::string>())) << what;
    }
  }
  ExpectEverythingTranslated();
}

TEST_P(I18nApiTest, ExplanationsInResponsesAreChineseAndEnglishPairs) {
  auto is_text = [](const json& j) {
    return j.is_object() && j.size() == 2 && j.contains("zh") && j.contains("en") &&
           HasChinese(j["zh"].get<std::string>()) && !j["en"].get<std::string>().empty() &&
           !HasChinese(j["en"].get<std::string>());
  };
  auto campaigns = Ok("institution_admin", "GET", "/api/v1/campaigns", nullptr, 200)["items"];
  ASSERT_FALSE(campaigns.empty());
  std::string campaign = "/api/v1/campaigns/" + std::to_string(campaigns[0]["id"].get<Id>());
  auto progress = Ok("institution_admin", "GET", campaign + "/progress", nullptr, 200);
  for (const auto& [name, rule] : progress["rules"].items()) {
    EXPECT_TRUE(is_text(rule)) << name << ": " << rule.dump();
  }
  EXPECT_EQ(progress["rules"].size(), 4u);
  auto ranking = Ok("institution_admin", "GET", campaign + "/ranking", nullptr, 200);
  EXPECT_TRUE(is_text(ranking["formula"])) << ranking["formula"].dump();
  EXPECT_TRUE(is_text(ranking["why"])) << ranking["why"].dump();
  for (const auto& [name, rule] : ranking["rules"].items()) EXPECT_TRUE(is_text(rule)) << name;

  Id event = Ok("unit_staff", "POST", "/api/v1/activities",
                {{"institution_id", Me("unit_staff", "institution_id")},
                 {"unit_id", Me("unit_staff", "unit_id")},
                 {"kind", "job_fair"},
                 {"date", "2025-05-20"},
                 {"place", "体育馆"}},
                201)["id"]
                 .get<Id>();
  auto figures =
      Ok("unit_staff", "GET", "/api/v1/events/" + std::to_string(event) + "/figures", nullptr, 200);
  EXPECT_EQ(figures["rules"].size(), 4u);
  for (const auto& [name, rule] : figures["rules"].items()) {
    EXPECT_TRUE(is_text(rule)) << name << ": " << rule.dump();
  }

  auto agreements =
      Ok("platform_admin", "GET", "/api/v1/agreements?limit=5", nullptr, 200)["items"];
  ASSERT_FALSE(agreements.empty());
  for (const auto& a : agreements) {
    EXPECT_TRUE(is_text(a["fulfilment"]["source"])) << a["fulfilment"].dump();
  }
  auto one =
      Ok("platform_admin", "GET",
         "/api/v1/agreements/" + std::to_string(agreements[0]["id"].get<Id>()), nullptr, 200);
  EXPECT_TRUE(is_text(one["fulfilment"]["source"])) << one["fulfilment"].dump();

  auto employment = Ok("institution_admin", "GET", "/api/v1/reports/employment", nullptr, 200);
  EXPECT_TRUE(is_text(employment["rule"])) << employment["rule"].dump();
}

TB_INSTANTIATE_BACKENDS(I18nApiTest);

}  // namespace
}  // namespace tb::testing
