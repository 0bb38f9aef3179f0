#include "core/result.hpp"

namespace tb {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kUnprocessable:
      return "unprocessable";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kThrottled:
      return "throttled";
  }
  return "internal";
}

}  // namespace tb
