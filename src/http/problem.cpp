#include "http/problem.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/messages.hpp"

namespace tb::http {

namespace {

// The title of a status, in English and in Chinese.
struct Title {
  const char* en;
  const char* zh;
};

Title TitleOf(int status) {
  switch (status) {
    case 400:
      return {"Bad request", "请求有误"};
    case 401:
      return {"Not logged in", "未登录"};
    case 403:
      return {"Not allowed", "无权操作"};
    case 404:
      return {"Not found", "未找到"};
    case 405:
      return {"Method not allowed", "不支持该请求方法"};
    case 409:
      return {"Conflict", "冲突"};
    case 413:
      return {"Request body too large", "请求体过大"};
    case 415:
      return {"Unsupported media type", "不支持的媒体类型"};
    case 422:
      return {"Invalid data", "数据无效"};
    case 429:
      return {"Too many requests", "请求过于频繁"};
    case 503:
      return {"Service unavailable", "服务不可用"};
    default:
      return {"Internal server error", "服务器内部错误"};
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
      {"title", TitleOf(status).en},
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

void LocalizeProblem(Response& response, std::string_view accept_language) {
  if (response.content_type != "application/problem+json") return;
  core::Language language = core::PreferredLanguage(accept_language);
  response.headers.emplace_back("Content-Language", core::LanguageTag(language));
  response.headers.emplace_back("Vary", "Accept-Language");
  if (language == core::Language::kEnglish) return;
  nlohmann::json doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_object()) return;
  // A message the catalog misses (one the source scan cannot see) stays English, and says so in
  // the log so that it gets its translation.
  auto translate = [language](const nlohmann::json& english) {
    std::string en = english.get<std::string>();
    std::string out = core::Translate(en, language);
    if (out == en && !en.empty()) {
      spdlog::warn("no Chinese for the message \"{}\" (add it to src/core/messages_zh.cpp)", en);
    }
    return out;
  };
  if (doc.contains("status") && doc["status"].is_number_integer()) {
    doc["title"] = TitleOf(doc["status"].get<int>()).zh;
  }
  if (doc.contains("detail") && doc["detail"].is_string()) {
    doc["detail"] = translate(doc["detail"]);
  }
  if (doc.contains("errors") && doc["errors"].is_array()) {
    for (auto& e : doc["errors"]) {
      if (e.is_object() && e.contains("message") && e["message"].is_string()) {
        e["message"] = translate(e["message"]);
      }
    }
  }
  response.body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace tb::http
