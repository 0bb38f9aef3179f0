#include "http/problem.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tb::http {

namespace {

const char* TitleOf(int status) {
  switch (status) {
    case 400:
      return "Bad request";
    case 401:
      return "Not logged in";
    case 403:
      return "Not allowed";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Request body too large";
    case 415:
      return "Unsupported media type";
    case 422:
      return "Invalid data";
    case 429:
      return "Too many requests";
    case 503:
      return "Service unavailable";
    default:
      return "Internal server error";
  }
}

const char* SlugOf(int status) {
  switch (status) {
    case 400:
      return "bad-request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
      return "method-not-allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload-too-large";
    case 415:
      return "unsupported-media-type";
    case 422:
      return "validation";
    case 429:
      return "throttled";
    case 503:
      return "unavailable";
    default:
      return "internal";
  }
}

}  // namespace

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kInvalid:
      return 400;
    case ErrorCode::kUnprocessable:
      return 422;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kThrottled:
      return 429;
  }
  return 500;
}

Response Problem(int status, const std::string& detail, const std::string& request_id,
                 std::vector<FieldError> fields) {
  nlohmann::json doc = {
      {"type", std::string("https://talentbridge.dev/problems/") + SlugOf(status)},
      {"title", TitleOf(status)},
      {"status", status},
      {"detail", detail},
      {"instance", "urn:request:" + request_id}};
  if (!fields.empty()) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& f : fields) errors.push_back({{"field", f.field}, {"message", f.message}});
    doc["errors"] = std::move(errors);
  }
  return {status,
          "application/problem+json",
          doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

Response Problem(const Error& error, const std::string& request_id) {
  int status = StatusOf(error.code);
  // Internal details stay in the log; the client gets the request id to quote.
  std::string detail =
      status == 500 ? "internal error; quote request id " + request_id : error.message;
  Response r = Problem(status, detail, request_id, error.fields);
  if (error.code == ErrorCode::kThrottled) {
    r.headers.emplace_back("Retry-After", std::to_string(std::max(1, error.retry_after)));
  }
  return r;
}

}  // namespace tb::http
