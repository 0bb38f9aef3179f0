#pragma once
// GET /metrics: the server's figures in the Prometheus text exposition format (version 0.0.4):
// requests by route template, method and status class; a latency histogram per route
// template; requests in flight; process start time; build info; the database session pool;
// and every gauge registered through core/gauges.hpp by other modules.
//
// Cardinality is bounded: requests are counted by the route table's pattern
// ("/api/v1/organizations/{id}"), never by the raw path; requests that match no route count
// under "(unmatched)", files of the web app under "(static)", and methods outside the usual
// seven under "OTHER". Every series is allocated when the server starts, so counting a request
// is a hash lookup and a few relaxed atomic increments: no lock on the request path.
//
// Access (README, "Operations"): the route is outside /api/v1 and outside the OpenAPI
// description. It answers a direct connection from a loopback address (127.0.0.0/8, ::1) —
// a scraper on the same machine — unless the request carries X-Forwarded-For, Forwarded or
// X-Real-IP (then it came through a proxy and its peer address says nothing about the
// client). Anyone else needs a platform administrator's credentials (an API token as
// `Authorization: Bearer tbt_…`, or a session cookie): 401 without, 403 for other roles.
//
// Thread safety: Metrics is shared by all server threads; Record, the in-flight counter and
// Serve may be called concurrently.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "auth/accounts.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace tb::http {

// Upper bounds (seconds) of the latency histogram's buckets; +Inf is implied.
inline constexpr std::array<double, 13> kLatencyBuckets = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

// Who sent a request, for the access rule: the caller, or an error (401 when unknown).
using MetricsAuthenticator = std::function<Result<auth::Caller>(const Request&)>;

struct MetricsSources {
  std::string version;                  // build info
  std::shared_ptr<store::Database> db;  // pool gauges; may be null
  MetricsAuthenticator authenticate;    // null: only loopback callers are let in
};

// The platform's own authentication (Bearer API token or session cookie) as an authenticator.
MetricsAuthenticator AccountAuthenticator(std::shared_ptr<auth::AccountService> accounts);

// Whether `address` (as RESTinio prints a peer) is a loopback address: 127.0.0.0/8, ::1, or
// an IPv4-mapped 127.x address.
bool IsLoopback(std::string_view address);

// Escapes a label value for the exposition format: backslash, double quote and line feed.
std::string EscapeLabelValue(std::string_view value);

class Metrics {
 public:
  // Allocates the series of every route in `router` (which must outlive nothing: the patterns
  // are copied).
  Metrics(const Router& router, MetricsSources sources);
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Counts one answered request. `route` is the matched pattern, "(static)", "/metrics", or ""
  // for a request no route matched.
  void Record(std::string_view route, std::string_view method, int status, double seconds);

  // Marks a request in flight for its lifetime.
  class InFlight {
   public:
    explicit InFlight(Metrics* m) : m_(m) {
      if (m_) m_->in_flight_.fetch_add(1, std::memory_order_relaxed);
    }
    ~InFlight() {
      if (m_) m_->in_flight_.fetch_sub(1, std::memory_order_relaxed);
    }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;

   private:
    Metrics* m_;
  };

  // Answers GET /metrics (applying the access rule above).
  Response Serve(const Request& req) const;

  // The exposition text, without any access check.
  std::string Render() const;

 private:
  struct Series {
    std::string route;
    std::string method;
    std::array<std::atomic<std::uint64_t>, 5> by_class{};                          // 1xx .. 5xx
    std::array<std::atomic<std::uint64_t>, kLatencyBuckets.size() + 1> buckets{};  // last: +Inf
    std::atomic<std::uint64_t> sum_nanos{0};
  };
  Series& Find(std::string_view route, std::string_view method);
  void AddSeries(const std::string& route, const std::string& method);

  MetricsSources sources_;
  double start_time_ = 0;                            // seconds since the epoch
  std::vector<std::unique_ptr<Series>> series_;      // in registration order
  std::unordered_map<std::string, Series*> by_key_;  // "METHOD route"
  std::atomic<std::int64_t> in_flight_{0};
};

}  // namespace tb::http
