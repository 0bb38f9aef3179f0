#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <restinio/all.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "http/problem.hpp"

namespace tb::http {

namespace {

std::string NewRequestId() {
  static std::atomic<std::uint64_t> counter{0};
  static const std::uint64_t prefix = std::random_device{}();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx-%06llx",
                static_cast<unsigned long long>(prefix & 0xffffffff),
                static_cast<unsigned long long>(++counter & 0xffffff));
  return buf;
}

bool IsSaneRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes (and '+' as a space in queries). Bytes that should have been escaped,
// such as raw UTF-8 sent by curl, pass through unchanged; a broken escape is an error.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (in.size() - i < 3) return std::nullopt;
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += (plus_is_space && c == '+') ? ' ' : c;
    }
  }
  return out;
}

// "a=1&b=x%20y" -> {a: "1", b: "x y"}; false on a broken escape.
bool ParseQuery(std::string_view query, std::multimap<std::string, std::string>& out) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (item.empty()) continue;
    std::size_t eq = item.find('=');
    auto key = PercentDecode(item.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                              : PercentDecode(item.substr(eq + 1), true);
    if (!key || !value) return false;
    out.emplace(std::move(*key), std::move(*value));
  }
  return true;
}

std::string ContentTypeOf(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

// Serves the built web app: a file when it exists, index.html for other non-API GETs
// (history-mode routing of the single-page app).
std::optional<Response> StaticFile(const ServerOptions& options, const Request& req) {
  if (options.static_dir.empty() || req.method != "GET" || req.path.starts_with("/api/")) {
    return std::nullopt;
  }
  namespace fs = std::filesystem;
  fs::path root = fs::weakly_canonical(options.static_dir);
  fs::path file = fs::weakly_canonical(root / req.path.substr(1));
  auto rel = file.lexically_relative(root).string();
  if (rel.starts_with("..") || !fs::is_regular_file(file)) file = root / "index.html";
  if (!fs::is_regular_file(file)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  Response r{200, ContentTypeOf(file), ss.str(), {}};
  r.headers.emplace_back("Cache-Control", file.filename() == "index.html"
                                              ? "no-cache"
                                              : "public, max-age=31536000, immutable");
  return r;
}

// The threads of streamed responses (server-sent events), joined at shutdown.
class Streams {
 public:
  // Sends the stream's output as chunks until it ends, the client goes away or Stop().
  template <class Builder>
  void Start(Builder out, std::shared_ptr<EventSource> source, std::string request_id) {
    std::lock_guard lock(mu_);
    threads_.emplace_back([this, out = std::move(out), source = std::move(source),
                           request_id = std::move(request_id)]() mutable {
      auto alive = std::make_shared<std::atomic<bool>>(true);
      auto last_sent = std::chrono::steady_clock::now();
      try {
        while (!stopping_ && *alive) {
          auto chunk = source->Next(std::chrono::milliseconds(250));
          if (!chunk) break;
          auto now = std::chrono::steady_clock::now();
          if (chunk->empty()) {
            if (now - last_sent < std::chrono::seconds(10)) continue;
            *chunk = ": keep-alive\n\n";  // also finds out whether the client is still there
          }
          last_sent = now;
          out.append_chunk(std::move(*chunk));
          out.flush([alive](const asio::error_code& ec) {
            if (ec) *alive = false;
          });
        }
        if (*alive) out.done();
      } catch (const std::exception& e) {
        spdlog::info("stream {} ended: {}", request_id, e.what());
      }
    });
  }
  void StopAndJoin() {
    stopping_ = true;
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mu_);
      threads.swap(threads_);
    }
    for (auto& t : threads) t.join();
  }

 private:
  std::mutex mu_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
};

}  // namespace

Response Dispatch(const Router& router, Request& req, const ServerOptions& options) {
  if (options.metrics && req.path == "/metrics") {
    req.route = "/metrics";
    if (req.method == "GET") return options.metrics->Serve(req);
    Response r =
        Problem(405, req.method + " is not allowed on /metrics; allowed: GET", req.request_id);
    r.headers.emplace_back("Allow", "GET");
    return r;
  }
  auto match = router.Find(req.method, req.path, req.path_params);
  std::size_t limit = match.route && match.route->doc.max_body_bytes
                          ? match.route->doc.max_body_bytes
                          : options.max_body_bytes;
  if (req.body.size() > limit) {
    return Problem(413,
                   "request body is " + std::to_string(req.body.size()) + " bytes; the limit is " +
                       std::to_string(limit),
                   req.request_id);
  }
  if (match.route) {
    req.route = match.route->pattern;
    try {
      return match.route->handler(req);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
      return Problem(500, "internal error; quote request id " + req.request_id, req.request_id);
    }
  }
  if (!match.allowed.empty()) {
    std::string allow;
    for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
    Response r = Problem(405, req.method + " is not allowed on " + req.path + "; allowed: " + allow,
                         req.request_id);
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  if (auto file = StaticFile(options, req)) {
    req.route = "(static)";
    return *file;
  }
  return Problem(404, "no route for " + req.method + " " + req.path, req.request_id);
}

bool RunServer(const Router& router, const ServerOptions& options) {
  using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
  Streams streams;
  auto serve = [&router, &options, &streams](const restinio::request_handle_t& rh) {
    auto started = std::chrono::steady_clock::now();
    Metrics::InFlight in_flight(options.metrics.get());
    Request req;
    const auto& h = rh->header();
    req.method = h.method().c_str();
    h.for_each_field([&](const restinio::http_header_field_t& f) {
      std::string name(f.name());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers[name] = std::string(f.value());
    });
    auto incoming_id = req.Header("x-request-id");
    req.request_id = incoming_id && IsSaneRequestId(*incoming_id) ? *incoming_id : NewRequestId();
    req.remote_address = rh->remote_endpoint().address().to_string();

    Response resp;
    auto path = PercentDecode(h.path(), false);
    if (!path || !ParseQuery(h.query(), req.query)) {
      req.path = std::string(h.path());
      resp = Problem(400, "the request target has a broken percent-escape", req.request_id);
    } else {
      req.path = *path;
      req.body = rh->body();
      resp = Dispatch(router, req, options);
    }
    LocalizeProblem(resp, req.Header("accept-language").value_or(""));

    if (resp.stream) {
      auto out = rh->create_response<restinio::chunked_output_t>();
      out.append_header("X-Request-Id", req.request_id);
      out.append_header("X-Content-Type-Options", "nosniff");
      out.append_header(restinio::http_field::content_type, resp.content_type);
      out.append_header("Cache-Control", "no-cache");
      for (const auto& [k, v] : resp.headers) out.append_header(k, v);
      out.flush();
      spdlog::info("{} {} {} {} stream id={}", req.remote_address, req.method,
                   std::string(h.request_target()), resp.status, req.request_id);
      streams.Start(std::move(out), std::move(resp.stream), req.request_id);
      return restinio::request_accepted();
    }
    auto out = rh->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, ""});
    out.append_header("X-Request-Id", req.request_id);
    out.append_header("X-Content-Type-Options", "nosniff");
    if (!resp.content_type.empty()) {
      out.append_header(restinio::http_field::content_type, resp.content_type);
    }
    for (const auto& [k, v] : resp.headers) out.append_header(k, v);
    out.set_body(std::move(resp.body));
    out.done();

    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
    if (options.metrics) {
      options.metrics->Record(req.route, req.method, resp.status,
                              static_cast<double>(micros) / 1e6);
    }
    spdlog::info("{} {} {} {} {}us id={}", rh->remote_endpoint().address().to_string(), req.method,
                 std::string(h.request_target()), resp.status, micros, req.request_id);
    return restinio::request_accepted();
  };

  // Anything that escapes (building the request or the response) still gets an answer and a
  // log line, never a silently dropped connection.
  auto handler = [serve](const restinio::request_handle_t& rh) {
    try {
      return serve(rh);
    } catch (const std::exception& e) {
      spdlog::error("{} {} failed outside the router: {}", rh->header().method().c_str(),
                    std::string(rh->header().request_target()), e.what());
      rh->create_response(restinio::status_internal_server_error())
          .append_header(restinio::http_field::content_type, "application/problem+json")
          .set_body(R"({"type":"https://talentbridge.dev/problems/internal","title":)"
                    R"("Internal server error","status":500})")
          .done();
      return restinio::request_accepted();
    }
  };

  std::size_t threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  asio::io_context ioctx;
  restinio::http_server_t<Traits> server{
      restinio::external_io_context(ioctx),
      restinio::server_settings_t<Traits>{}
          .address(options.address)
          .port(options.port)
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(
              std::max<std::size_t>(options.max_body_bytes * 4, 16 << 20)))
          .request_handler(handler)};

  // SIGINT and SIGTERM stop accepting, let requests in flight finish, then end the run.
  asio::signal_set signals(ioctx, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", signal);
    server.close_async([&ioctx]() noexcept { ioctx.stop(); },
                       [&ioctx](std::exception_ptr) noexcept { ioctx.stop(); });
  });
  std::exception_ptr failure;
  server.open_async(
      [&options]() noexcept {
        if (options.on_listening) options.on_listening();
      },
      [&](std::exception_ptr ex) noexcept {
        failure = ex;
        signals.cancel();
        ioctx.stop();
      });

  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < threads; ++i) pool.emplace_back([&ioctx] { ioctx.run(); });
  for (auto& t : pool) t.join();
  streams.StopAndJoin();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      spdlog::error("cannot serve on {}:{}: {}", options.address, options.port, e.what());
    }
    return false;
  }
  return true;
}

}  // namespace tb::http
