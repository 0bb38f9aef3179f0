#pragma once
// The HTTP server: RESTinio on standalone Asio, a thread pool, one request handler that gives
// every request an id, enforces the body limit, dispatches through the Router, turns any
// escaped exception into a 500 problem (logged with the request id), and writes one access-log
// line per request and counts it in ServerOptions::metrics (which also answers GET /metrics).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace tb::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t threads = 0;               // 0 = hardware concurrency
  std::size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  std::string static_dir;                // web app files (index.html fallback); "" = none
  std::function<void()> on_listening;    // called once the port is bound
  std::shared_ptr<Metrics> metrics;      // counts requests and serves GET /metrics; null = off
};

// Handles one request end to end without the network (used by the server and by tests).
Response Dispatch(const Router& router, Request& request, const ServerOptions& options);

// Runs until SIGINT or SIGTERM. Returns false (after logging why) if it cannot listen.
bool RunServer(const Router& router, const ServerOptions& options);

}  // namespace tb::http
