#pragma once
// Reading query and path parameters with errors that name the parameter.

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/entity.hpp"
#include "http/message.hpp"

namespace tb::http {

class QueryReader {
 public:
  explicit QueryReader(const Request& req) : req_(req) {}

  std::optional<std::string> String(const std::string& name, std::size_t max_length = 200);
  std::optional<std::string> Enum(const std::string& name, const std::vector<std::string>& allowed);
  std::optional<std::int64_t> Int(const std::string& name, std::int64_t min, std::int64_t max);
  std::optional<bool> Bool(const std::string& name);
  // A code checked by a core validator (region, industry...), or by a custom predicate.
  std::optional<std::string> Code(const std::string& name,
                                  std::optional<std::string> (*check)(std::string_view));

  // limit (1..200, default 50) and cursor.
  int Limit();
  // The id after which the page starts (0 for the first page).
  domain::Id IdCursor();
  // The code after which the page starts ("" for the first page).
  std::string CodeCursor();

  void AddError(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  bool ok() const { return errors_.empty(); }
  Error error() const { return Error::Invalid("invalid query parameters", errors_); }

 private:
  const Request& req_;
  std::vector<FieldError> errors_;
};

std::string EncodeIdCursor(domain::Id after);
std::string EncodeCodeCursor(const std::string& after);

// A positive integer id from a path segment; nullopt when it is not one (the caller answers 404).
std::optional<domain::Id> ParseId(const std::string& segment);

}  // namespace tb::http
