#pragma once
// The fixture of the HTTP tests that run against the real server with the demo loaded:
// `talentbridge serve --demo` on a fresh database of the test's backend, with a signed-in
// session per demo role. The server is started by the first test of a suite that needs it and
// shared by that suite's tests on that backend; each suite gets its own server, so one suite's
// writes never reach another suite's expectations. A suite's servers stop when it is done (any
// left stop when the test program ends).
// Not thread-safe (gtest runs the tests one at a time).
//
//   class AgreementApiTest : public tb::testing::DemoServerTest {};
//   TEST_P(AgreementApiTest, Something) { auto list = Ok("unit_staff", "GET", "/api/v1/...",
//                                                         nullptr, 200); }
//   TB_INSTANTIATE_BACKENDS(AgreementApiTest);

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "store/database.hpp"
#include "testing/server_process.hpp"

namespace tb::testing {

class DemoServerTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  // Starts the suite's server on the test's backend, or reuses it.
  void SetUp() override;
  // Stops the suite's servers (both backends) once its tests are done, so that the suites of
  // one test program do not all keep theirs running until it ends.
  static void TearDownTestSuite();

  ServerProcess& server() const;
  // The signed-in session of the demo login of `role` ("platform_admin" ... "observer"), logged
  // in on first use (argon2id logins are slow) and kept for the suite.
  const ClientSession& session(const std::string& role) const;

  // A request as `role` with a JSON body (none when null) and Accept-Language `language` (none
  // when empty).
  HttpResponse As(const std::string& role, const std::string& method, const std::string& target,
                  const nlohmann::json& body = nullptr, const std::string& language = "") const;
  // As, expecting status `expect` (a test failure naming the request otherwise); the body.
  nlohmann::json Ok(const std::string& role, const std::string& method, const std::string& target,
                    const nlohmann::json& body, int expect) const;
  // A field of the signed-in user of `role` (GET /api/v1/auth/me), e.g. "institution_id".
  std::int64_t Me(const std::string& role, const char* field) const;

  static std::string S(std::int64_t id) { return std::to_string(id); }

 public:
  struct Shared;  // one suite's server on one backend (demo_server.cpp)

 private:
  Shared* shared_ = nullptr;
};

}  // namespace tb::testing
