#pragma once
// The routes of the matching engine (issue #6), registered by BuildApi:
//   GET  /students/{id}/recommendations?limit=&kind=&region=   posts that fit the student
//   GET  /posts/{id}/candidates?limit=                         students that fit the post
//   POST /match/query                                          posts that fit an ad-hoc profile
// Scope and masking are applied by match::MatchService; with no engine (the `openapi` verb)
// the routes exist and answer 503.

#include <memory>

#include <nlohmann/json.hpp>

#include "http/api_support.hpp"
#include "match/service.hpp"

namespace tb::http {

void AddMatchRoutes(api::Api& r, std::shared_ptr<match::MatchService> svc);

// The OpenAPI schemas of the answers (Recommendation, Candidate, MatchProfile).
void AddMatchSchemas(nlohmann::json& schemas);

}  // namespace tb::http
