#pragma once
// Transport-neutral request and response values. The RESTinio adapter (server.cpp) fills a
// Request and writes out a Response; routing and handlers see only these, so they can be
// called directly in tests.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tb::http {

struct Request {
  std::string method;                              // "GET", "POST", ...
  std::string path;                                // decoded path without the query string
  std::multimap<std::string, std::string> query;   // decoded query parameters
  std::map<std::string, std::string> headers;      // lower-case names
  std::map<std::string, std::string> path_params;  // filled by the router
  std::string body;
  std::string request_id;
  std::string remote_address;  // the peer's IP address
  std::string route;           // set by Dispatch: the matched route's pattern (for metrics)

  std::optional<std::string> Query(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
  }
};

// The producer of a streamed response (server-sent events): after the status and headers the
// server calls Next() from a thread of its own, again and again, until it returns nullopt or
// the client is gone, and sends what it returns (an empty string: nothing new this time; the
// server then sends a keep-alive comment now and then). Next() may block up to `wait`.
class EventSource {
 public:
  virtual ~EventSource() = default;
  virtual std::optional<std::string> Next(std::chrono::milliseconds wait) = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::shared_ptr<EventSource> stream;  // set: body is ignored, the response is streamed

  static Response Json(int status, std::string body) {
    return {status, "application/json", std::move(body), {}};
  }
  static Response NoContent() { return {204, "", "", {}}; }
};

}  // namespace tb::http
