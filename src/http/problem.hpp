#pragma once
// RFC 9457 problem documents: the one place where an Error becomes an HTTP status.

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/message.hpp"

namespace tb::http {

int StatusOf(ErrorCode code);

// application/problem+json with type, title, status, detail, errors[{field,message}], and the
// request id (instance).
Response Problem(const Error& error, const std::string& request_id);
Response Problem(int status, const std::string& detail, const std::string& request_id,
                 std::vector<FieldError> fields = {});

// Problem documents are built in English; this renders one in the caller's language (RFC 9457
// lets title and detail follow content negotiation): Chinese when Accept-Language prefers zh,
// else English. title, detail and errors[].message are translated through the catalog of
// core/messages.hpp; every other member (field names, allowed, reasons) is left as it is.
// Sets Content-Language and Vary. Responses that are not problem documents are untouched.
void LocalizeProblem(Response& response, std::string_view accept_language);

}  // namespace tb::http
