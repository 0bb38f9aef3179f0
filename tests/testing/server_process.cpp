#include "testing/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace tb::testing {

namespace {

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
  }
  return fd;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Decodes a chunked transfer-encoded body.
std::string Dechunk(const std::string& raw) {
  std::string out;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    auto eol = raw.find("\r\n", pos);
    if (eol == std::string::npos) break;
    std::size_t n = std::stoul(raw.substr(pos, eol - pos), nullptr, 16);
    if (n == 0) break;
    out.append(raw, eol + 2, n);
    pos = eol + 2 + n + 2;
  }
  return out;
}

}  // namespace

HttpResponse HttpRequest(int port, const std::string& method, const std::string& target,
                         const std::string& body, std::map<std::string, std::string> headers) {
  int fd = Connect(port);
  std::ostringstream req;
  req << method << " " << target << " HTTP/1.1\r\nHost: 127.0.0.1:" << port
      << "\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req << k << ": " << v << "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    req << "Content-Length: " << body.size() << "\r\n";
  }
  req << "\r\n" << body;
  std::string data = req.str();
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse early (413); read what it answered
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buf[65536];
  while (true) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);

  HttpResponse resp;
  auto head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) throw std::runtime_error("no HTTP response from server");
  std::istringstream head(raw.substr(0, head_end));
  std::string line;
  std::getline(head, line);
  auto sp = line.find(' ');
  resp.status = std::stoi(line.substr(sp + 1, 3));
  while (std::getline(head, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    resp.headers[Lower(Trim(line.substr(0, colon)))] = Trim(line.substr(colon + 1));
  }
  resp.body = raw.substr(head_end + 4);
  if (Lower(resp.Header("transfer-encoding")) == "chunked") resp.body = Dechunk(resp.body);
  return resp;
}

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

std::unique_ptr<ServerProcess> ServerProcess::Start(const std::string& db_url,
                                                    std::vector<std::string> extra_args) {
  auto server = std::unique_ptr<ServerProcess>(new ServerProcess());
  server->port_ = FreePort();
  std::mt19937_64 rng(std::random_device{}());
  server->log_path_ =
      (std::filesystem::temp_directory_path() / ("tb-server-" + std::to_string(rng()) + ".log"))
          .string();
  std::vector<std::string> args = {TB_BINARY,   "serve",  "--db",
                                   db_url,      "--port", std::to_string(server->port_),
                                   "--threads", "2"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  if (std::find(args.begin(), args.end(), "--files") == args.end()) {
    // Uploaded documents go to a directory of this server's own, removed with it.
    server->files_dir_ =
        (std::filesystem::temp_directory_path() / ("tb-files-" + std::to_string(rng()))).string();
    args.insert(args.end(), {"--files", server->files_dir_});
  }

  pid_t pid = ::fork();
  if (pid == 0) {
    int log = ::open(server->log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(log, 1);
    ::dup2(log, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    _exit(127);
  }
  server->pid_ = pid;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      server->pid_ = -1;
      break;
    }
    try {
      if (HttpRequest(server->port_, "GET", "/api/v1/health").status == 200) return server;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::fprintf(stderr, "server did not become healthy; its output:\n%s\n",
               server->Output().c_str());
  return nullptr;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  std::error_code ec;
  std::filesystem::remove(log_path_, ec);
  if (!files_dir_.empty()) std::filesystem::remove_all(files_dir_, ec);
}

HttpResponse ServerProcess::Send(const std::string& method, const std::string& target,
                                 const std::string& body,
                                 std::map<std::string, std::string> headers) const {
  if (session_) return SendAs(*session_, method, target, body);
  if (!body.empty() || method == "POST" || method == "PATCH") {
    headers.emplace("Content-Type", "application/json");
  }
  return HttpRequest(port_, method, target, body, headers);
}

HttpResponse ServerProcess::SendAs(const ClientSession& session, const std::string& method,
                                   const std::string& target, const std::string& body,
                                   const std::map<std::string, std::string>& extra) const {
  std::map<std::string, std::string> headers;
  if (!body.empty() || method == "POST" || method == "PATCH") {
    headers["Content-Type"] = "application/json";
  }
  if (!session.bearer.empty()) {
    headers["Authorization"] = "Bearer " + session.bearer;
  } else {
    headers["Cookie"] = session.cookie;
    if (method != "GET") headers["X-CSRF-Token"] = session.csrf_token;
  }
  for (const auto& [name, value] : extra) headers[name] = value;
  return HttpRequest(port_, method, target, body, headers);
}

std::optional<ClientSession> ServerProcess::Login(const std::string& email,
                                                  const std::string& password) const {
  nlohmann::json body = {{"email", email}, {"password", password}};
  auto r = HttpRequest(port_, "POST", "/api/v1/auth/login", body.dump(),
                       {{"Content-Type", "application/json"}});
  if (r.status != 200) {
    std::fprintf(stderr, "login as %s failed: %d %s\n", email.c_str(), r.status, r.body.c_str());
    return std::nullopt;
  }
  ClientSession s;
  std::string set_cookie = r.Header("set-cookie");
  s.cookie = set_cookie.substr(0, set_cookie.find(';'));
  s.csrf_token = r.Json()["csrf_token"];
  s.user = r.Json()["user"];
  return s;
}

std::map<std::string, std::pair<std::string, std::string>> ServerProcess::DemoLogins() const {
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::istringstream lines(Output());
  std::string line;
  while (std::getline(lines, line)) {
    const std::string prefix = "demo login: ";
    auto at = line.find(prefix);
    if (at == std::string::npos) continue;
    std::istringstream fields(line.substr(at + prefix.size()));
    std::string role, email, password;
    if (fields >> role >> email >> password) out[role] = {email, password};
  }
  return out;
}

std::optional<ClientSession> ServerProcess::LoginAs(const std::string& role) const {
  auto logins = DemoLogins();
  auto it = logins.find(role);
  if (it == logins.end()) {
    std::fprintf(stderr, "no demo login for role %s in the server output\n", role.c_str());
    return std::nullopt;
  }
  return Login(it->second.first, it->second.second);
}

std::string ServerProcess::Output() const {
  std::ifstream in(log_path_);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace tb::testing
