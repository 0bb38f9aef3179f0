#pragma once
// The whole route table of /api/v1, built in one function (STYLE: handlers stay thin: parse,
// call a service, map the result).

#include <memory>
#include <string>

#include "auth/accounts.hpp"
#include "http/router.hpp"
#include "match/service.hpp"
#include "service/entity_service.hpp"

namespace tb::http {

struct ApiContext {
  std::shared_ptr<service::Services> services;
  std::shared_ptr<auth::AccountService> accounts;
  std::string version;
  bool secure_cookies = false;             // mark the session cookie Secure (served over TLS)
  std::string files_dir = "./data/files";  // uploaded documents (outside the database)
  std::shared_ptr<match::MatchService> match;  // null: the matching routes answer 503
};

// Registers every route; the OpenAPI route documents the table it is part of.
Router BuildApi(const ApiContext& ctx);

}  // namespace tb::http
