#include "testing/result_assertions.hpp"

namespace tb::testing {

std::string Describe(const Error& error) {
  std::string out = std::string(ErrorCodeName(error.code)) + ": " + error.message;
  for (const FieldError& f : error.fields) out += "\n  " + f.field + ": " + f.message;
  return out;
}

}  // namespace tb::testing
