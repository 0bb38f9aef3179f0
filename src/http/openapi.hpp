#pragma once
// OpenAPI 3.1 description generated from the route table and the entity descriptions.

#include <nlohmann/json.hpp>
#include <string>

#include "http/router.hpp"

namespace tb::http {

nlohmann::json BuildOpenApi(const Router& router, const std::string& version);

}  // namespace tb::http
