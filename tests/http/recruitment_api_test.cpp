// Recruitment over HTTP against the real server with the demo loaded, on SQLite and on
// PostgreSQL: the live counters of an event as server-sent events read by a real client on a
// socket (a check-in reaches it within a second), the problem documents of refusals (every
// eligibility reason in Chinese and English; a bad transition names the allowed moves), and an
// evidence file upload checked by its bytes.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "testing/builders.hpp"
#include "testing/demo_server.hpp"
#include "testing/test_database.hpp"

namespace tb::testing {
namespace {

using nlohmann::json;
using Id = std::int64_t;

// A server-sent-events client on a plain socket: sends the request, then hands out the
// "data:" lines of "counters" events as they arrive.
class SseClient {
 public:
  SseClient(int port, const std::string& target, const std::string& cookie) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      throw std::runtime_error("cannot connect");
    }
    std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " +
                      "text/event-stream\r\nCookie: " + cookie + "\r\n\r\n";
    if (::send(fd_, req.data(), req.size(), 0) != static_cast<ssize_t>(req.size())) {
      throw std::runtime_error("cannot send");
    }
  }
  ~SseClient() { ::close(fd_); }

  // The next counters event's data, waiting at most `wait`; nullopt on timeout or close.
  std::optional<json> Next(std::chrono::milliseconds wait) {
    auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
      auto pos = buffer_.find("data: ");
      if (pos != std::string::npos) {
        auto end = buffer_.find('\n', pos);
        if (end != std::string::npos) {
          std::string line = buffer_.substr(pos + 6, end - pos - 6);
          buffer_.erase(0, end + 1);
          return json::parse(line, nullptr, false);
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return std::nullopt;
      buffer_.append(buf, static_cast<std::size_t>(n));
      if (head_.empty()) {
        auto h = buffer_.find("\r\n\r\n");
        if (h != std::string::npos) {
          head_ = buffer_.substr(0, h);
          buffer_.erase(0, h + 4);
        }
      }
    }
  }
  const std::string& head() const { return head_; }

 private:
  int fd_ = -1;
  std::string buffer_;
  std::string head_;
};

class RecruitmentApiTest : public DemoServerTest {
 protected:
  Id NewStudent() {
    static int serial = 0;
    return Ok("unit_staff", "POST", "/api/v1/students",
              {{"institution_id", Me("unit_staff", "institution_id")},
               {"unit_id", Me("unit_staff", "unit_id")},
               {"student_no", "RA" + std::to_string(700000 + ++serial) +
                                  (GetParam() == store::Backend::kSqlite ? "S" : "P")},
               {"name", "招聘测试学生"},
               {"major_code", kVehicleEngineering},
               {"level", "bachelor"},
               {"cohort", 2026}},
              201)["id"]
        .get<Id>();
  }
  Id NewEvent() {
    return Ok("unit_staff", "POST", "/api/v1/activities",
              {{"institution_id", Me("unit_staff", "institution_id")},
               {"unit_id", Me("unit_staff", "unit_id")},
               {"kind", "job_fair"},
               {"date", "2025-05-20"},
               {"place", "体育馆"}},
              201)["id"]
        .get<Id>();
  }
};

TEST_P(RecruitmentApiTest, ACheckInReachesALiveClientWithinASecond) {
  Id event = NewEvent();
  json reg = Ok("unit_staff", "POST", "/api/v1/events/" + S(event) + "/registrations",
                {{"student_id", NewStudent()}}, 201);
  SseClient client(server().port(), "/api/v1/events/" + S(event) + "/live",
                   session("observer").cookie);
  auto first = client.Next(std::chrono::seconds(5));
  ASSERT_TRUE(first.has_value()) << "no first event";
  EXPECT_NE(client.head().find("text/event-stream"), std::string::npos) << client.head();
  EXPECT_EQ((*first)["registrations"], 1);
  EXPECT_EQ((*first)["checkins"], 0);

  Ok("unit_staff", "POST", "/api/v1/events/" + S(event) + "/checkins", {{"code", reg["code"]}},
     200);
  auto update = client.Next(std::chrono::seconds(1));
  ASSERT_TRUE(update.has_value()) << "the check-in did not arrive within a second";
  EXPECT_EQ((*update)["checkins"], 1);
  EXPECT_EQ((*update)["registrations"], 1);
}

TEST_P(RecruitmentApiTest, TheLiveStreamOfAnEventOutOfScopeIsNotFound) {
  Id event = NewEvent();
  auto r = As("enterprise_recruiter", "GET", "/api/v1/events/" + S(event) + "/live");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
}

TEST_P(RecruitmentApiTest, RefusalsSayWhyInChineseAndEnglishAndNameTheAllowedMoves) {
  Id org = Me("enterprise_recruiter", "organization_id");
  Id post = Ok("enterprise_recruiter", "POST", "/api/v1/posts",
               {{"organization_id", org},
                {"title", "质量工程师"},
                {"kind", "internship"},
                {"accepted_majors", {"1202"}},
                {"min_level", "master"},
                {"region_code", kShenyang},
                {"status", "open"}},
               201)["id"]
                .get<Id>();
  auto refused = As("student", "POST", "/api/v1/applications", {{"post_id", post}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  json problem = refused.Json();
  std::set<std::string> codes;
  for (const auto& r : problem["reasons"]) {
    codes.insert(r["code"].get<std::string>());
    EXPECT_FALSE(r["zh"].get<std::string>().empty());
    EXPECT_FALSE(r["en"].get<std::string>().empty());
  }
  EXPECT_TRUE(codes.count("major_not_accepted")) << refused.body;
  EXPECT_FALSE(problem["errors"].empty());

  Id open = Ok("enterprise_recruiter", "POST", "/api/v1/posts",
               {{"organization_id", org},
                {"title", "研发助理"},
                {"kind", "internship"},
                {"min_level", "vocational"},
                {"region_code", kShenyang},
                {"status", "open"}},
               201)["id"]
                .get<Id>();
  Id app = Ok("student", "POST", "/api/v1/applications", {{"post_id", open}}, 201)["id"].get<Id>();
  auto again = As("student", "POST", "/api/v1/applications", {{"post_id", open}});
  EXPECT_EQ(again.status, 409) << again.body;
  auto bad = As("enterprise_recruiter", "POST", "/api/v1/applications/" + S(app) + "/transitions",
                {{"to", "signed"}});
  ASSERT_EQ(bad.status, 409) << bad.body;
  EXPECT_EQ(bad.Json()["allowed"], json({"screening", "interview", "rejected"})) << bad.body;
  Ok("enterprise_recruiter", "POST", "/api/v1/applications/" + S(app) + "/transitions",
     {{"to", "interview"}, {"note", "面试安排在周三"}}, 200);
  json history = Ok("student", "GET", "/api/v1/applications/" + S(app) + "/history", nullptr, 200);
  ASSERT_EQ(history["items"].size(), 2u);
  EXPECT_EQ(history["items"][1]["note"], "面试安排在周三");
  EXPECT_EQ(history["items"][1]["actor_role"], "enterprise_recruiter");
  // The recruiter may now open the applicant's profile.
  Ok("enterprise_recruiter", "GET", "/api/v1/students/" + S(Me("student", "student_id")), nullptr,
     200);
}

TEST_P(RecruitmentApiTest, EvidenceFilesAreCheckedByTheirBytes) {
  Id student = NewStudent();
  Id d = Ok("unit_staff", "POST", "/api/v1/destinations",
            {{"student_id", student},
             {"category", "contract_employment"},
             {"employer_name", "沈阳某公司"},
             {"salary", 6500},
             {"region_code", kShenyang}},
            201)["id"]
             .get<Id>();
  const auto& staff = session("unit_staff");
  auto upload = [&](const std::string& type, const std::string& bytes) {
    return HttpRequest(
        server().port(), "PUT", "/api/v1/destinations/" + S(d) + "/evidence", bytes,
        {{"Content-Type", type}, {"Cookie", staff.cookie}, {"X-CSRF-Token", staff.csrf_token}});
  };
  auto text = upload("application/pdf", "not a pdf at all");
  EXPECT_EQ(text.status, 422) << text.body;
  EXPECT_NE(text.body.find("\"file\""), std::string::npos);
  std::string jpeg("\xFF\xD8\xFF\xE0 jpeg bytes", 15);
  auto ok = upload("image/jpeg", jpeg);
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto back = As("unit_staff", "GET", "/api/v1/destinations/" + S(d) + "/evidence");
  EXPECT_EQ(back.status, 200);
  EXPECT_EQ(back.body, jpeg);
  EXPECT_EQ(back.Header("content-type"), "image/jpeg");
  json verified = Ok("unit_staff", "POST", "/api/v1/destinations/" + S(d) + "/verification",
                     {{"decision", "verified"}}, 200);
  EXPECT_EQ(verified["status"], "verified");
}

TB_INSTANTIATE_BACKENDS(RecruitmentApiTest);

}  // namespace
}  // namespace tb::testing
