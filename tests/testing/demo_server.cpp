#include "testing/demo_server.hpp"

#include <map>
#include <memory>
#include <utility>

#include "testing/test_database.hpp"

namespace tb::testing {

struct DemoServerTest::Shared {
  std::unique_ptr<TestDatabase> db;
  std::unique_ptr<ServerProcess> server;
  std::map<std::string, ClientSession> sessions;
};

namespace {

using Servers =
    std::map<std::pair<std::string, store::Backend>, std::unique_ptr<DemoServerTest::Shared>>;

Servers& AllServers() {
  static Servers servers;
  return servers;
}

// Stops the servers and drops their databases before the program exits (not in a static
// destructor, when gtest and the PostgreSQL client may be gone).
class StopServers : public ::testing::Environment {
 public:
  void TearDown() override { AllServers().clear(); }
};
const auto* const kStopServers = ::testing::AddGlobalTestEnvironment(new StopServers);

}  // namespace

void DemoServerTest::SetUp() {
  std::string suite = ::testing::UnitTest::GetInstance()->current_test_suite()->name();
  auto& slot = AllServers()[{suite, GetParam()}];
  if (!slot) slot = std::make_unique<Shared>();
  Shared& s = *slot;
  if (!s.server) {
    s.db = TestDatabase::Create(GetParam());
    ASSERT_NE(s.db, nullptr);
    s.server = ServerProcess::Start(s.db->url(), {"--demo"});
    ASSERT_NE(s.server, nullptr) << "server did not start";
  }
  shared_ = &s;
}

void DemoServerTest::TearDownTestSuite() {
  const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
  if (suite == nullptr) return;
  std::erase_if(AllServers(),
                [&](const auto& entry) { return entry.first.first == suite->name(); });
}

ServerProcess& DemoServerTest::server() const { return *shared_->server; }

const ClientSession& DemoServerTest::session(const std::string& role) const {
  auto it = shared_->sessions.find(role);
  if (it == shared_->sessions.end()) {
    auto login = server().LoginAs(role);
    EXPECT_TRUE(login.has_value()) << role << "\n" << server().Output();
    it = shared_->sessions.emplace(role, login.value_or(ClientSession{})).first;
  }
  return it->second;
}

HttpResponse DemoServerTest::As(const std::string& role, const std::string& method,
                                const std::string& target, const nlohmann::json& body,
                                const std::string& language) const {
  std::map<std::string, std::string> headers;
  if (!language.empty()) headers["Accept-Language"] = language;
  return server().SendAs(session(role), method, target, body.is_null() ? "" : body.dump(), headers);
}

nlohmann::json DemoServerTest::Ok(const std::string& role, const std::string& method,
                                  const std::string& target, const nlohmann::json& body,
                                  int expect) const {
  auto r = As(role, method, target, body);
  EXPECT_EQ(r.status, expect) << method << " " << target << " " << body.dump() << "\n" << r.body;
  return r.Json();
}

std::int64_t DemoServerTest::Me(const std::string& role, const char* field) const {
  return Ok(role, "GET", "/api/v1/auth/me", nullptr, 200)["user"][field].get<std::int64_t>();
}

}  // namespace tb::testing
