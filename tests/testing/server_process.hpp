#pragma once
// The real server for HTTP tests: starts the talentbridge binary (TB_BINARY) as a child process
// on a free loopback port with the given database, waits until /api/v1/health answers, and
// stops it (SIGTERM, then SIGKILL) when destroyed. Plus a minimal blocking HTTP/1.1 client.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string Header(const std::string& lower) const {
    auto it = headers.find(lower);
    return it == headers.end() ? "" : it->second;
  }
};

// One request on a fresh connection ("Connection: close"). Throws std::runtime_error when the
// server cannot be reached.
HttpResponse HttpRequest(int port, const std::string& method, const std::string& target,
                         const std::string& body = "",
                         std::map<std::string, std::string> headers = {});

// A port on 127.0.0.1 that was free a moment ago.
int FreePort();

// A signed-in client: the session cookie and the CSRF token to send with every request.
struct ClientSession {
  std::string cookie;  // "tb_session=..."
  std::string csrf_token;
  std::string bearer;  // an API token instead of a session, when set
  nlohmann::json user;
};

class ServerProcess {
 public:
  // Starts `talentbridge serve --db URL --port P` plus `extra_args`. Returns nullptr (after
  // printing the server's output) if it does not become healthy within 60 s.
  static std::unique_ptr<ServerProcess> Start(const std::string& db_url,
                                              std::vector<std::string> extra_args = {});
  ~ServerProcess();

  int port() const { return port_; }

  // Requests as the current session (see UseSession; anonymous when there is none).
  HttpResponse Get(const std::string& target) const { return Send("GET", target); }
  HttpResponse Post(const std::string& target, const std::string& body) const {
    return Send("POST", target, body);
  }
  HttpResponse Patch(const std::string& target, const std::string& body) const {
    return Send("PATCH", target, body);
  }
  HttpResponse Delete(const std::string& target) const { return Send("DELETE", target); }
  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = "",
                    std::map<std::string, std::string> headers = {}) const;
  // `headers` are added last (e.g. a Content-Type other than JSON for an upload).
  HttpResponse SendAs(const ClientSession& session, const std::string& method,
                      const std::string& target, const std::string& body = "",
                      const std::map<std::string, std::string>& headers = {}) const;

  // Logs in; nullopt (with the response printed) when the login fails.
  std::optional<ClientSession> Login(const std::string& email, const std::string& password) const;
  // The "demo login: ROLE EMAIL PASSWORD" lines the server printed, by role.
  std::map<std::string, std::pair<std::string, std::string>> DemoLogins() const;
  // Logs in as the demo user of `role` (the server must run with --demo).
  std::optional<ClientSession> LoginAs(const std::string& role) const;
  void UseSession(std::optional<ClientSession> session) { session_ = std::move(session); }
  // Everything the server printed so far (stdout and stderr).
  std::string Output() const;

 private:
  int pid_ = -1;
  int port_ = 0;
  std::optional<ClientSession> session_;
  std::string log_path_;
  std::string files_dir_;  // --files given by Start, removed by the destructor
};

}  // namespace tb::testing
