#pragma once
// Errors as values. A function that can fail for a reason its caller must handle returns
// Result<T>: either a T or an Error{code, message, fields}. One place (http/problem.cpp) maps
// an Error to an HTTP status; nothing else interprets the code.

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tb {

enum class ErrorCode {
  kNotFound,         // the thing does not exist, or the caller may not see it
  kInvalid,          // malformed input (syntax): 400
  kUnprocessable,    // well-formed but semantically invalid (bad code, unknown reference): 422
  kConflict,         // clashes with existing state (duplicate key, bad transition): 409
  kForbidden,        // the caller is known but may not do this
  kUnavailable,      // a dependency (database) cannot be reached
  kInternal,         // a bug or an unexpected library failure
  kUnauthenticated,  // no valid session or token: 401
  kThrottled,        // too many attempts: 429; Error::retry_after says when to retry
};

const char* ErrorCodeName(ErrorCode code);

// One problem with one input field: `field` is a JSON-pointer-like path ("credit_code",
// "tags/2"), `message` says what is wrong in words a user understands.
struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
  int retry_after = 0;  // seconds, for kThrottled

  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error Invalid(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorCode::kInvalid, std::move(message), std::move(fields)};
  }
  static Error Unprocessable(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorCode::kUnprocessable, std::move(message), std::move(fields)};
  }
  static Error Conflict(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorCode::kConflict, std::move(message), std::move(fields)};
  }
  static Error Forbidden(std::string message) {
    return {ErrorCode::kForbidden, std::move(message), {}};
  }
  static Error Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
  }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}};
  }
  static Error Throttled(std::string message, int retry_after_seconds) {
    return {ErrorCode::kThrottled, std::move(message), {}, retry_after_seconds};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace tb

// Propagates an error: TB_TRY(auto x, ComputeX());  or  TB_TRY_STATUS(DoThing());
#define TB_CONCAT_INNER(a, b) a##b
#define TB_CONCAT(a, b) TB_CONCAT_INNER(a, b)
#define TB_TRY_IMPL(tmp, decl, expr)            \
  auto tmp = (expr);                            \
  if (!tmp.ok()) return std::move(tmp).error(); \
  decl = std::move(tmp).value()
#define TB_TRY(decl, expr) TB_TRY_IMPL(TB_CONCAT(tb_try_, __LINE__), decl, expr)
#define TB_TRY_STATUS(expr)                                           \
  do {                                                                \
    auto tb_try_status = (expr);                                      \
    if (!tb_try_status.ok()) return std::move(tb_try_status).error(); \
  } while (false)
