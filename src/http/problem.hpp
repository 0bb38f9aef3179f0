#pragma once
// RFC 9457 problem documents: the one place where an Error becomes an HTTP status.

#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace tb::http {

int StatusOf(ErrorCode code);

// application/problem+json with type, title, status, detail, errors[{field,message}], and the
// request id (instance).
Response Problem(const Error& error, const std::string& request_id);
Response Problem(int status, const std::string& detail, const std::string& request_id,
                 std::vector<FieldError> fields = {});

}  // namespace tb::http
