#pragma once
// The routes of campaigns and activities (issue #4), registered by BuildApi:
//   /campaigns                       CRUD
//   /campaigns/{id}/targets          list, add; /{target_id}: change, remove
//   /campaigns/{id}/progress         done against target by unit and by leader
//   /campaigns/{id}/ranking?week=    units ranked for an ISO week by a stated formula
//   /activities                      CRUD
//   /activities/{id}/outcomes        list, add; /{outcome_id}: change, remove
//   /activities/{id}/participants    list, add; /{participant_id}: change, remove
//   /activities/{id}/tasks           list, add; /{task_id}: change, remove
// The nested resources take their parent from the path; a parent the caller cannot see answers
// 404 for all of them.

#include <memory>

#include <nlohmann/json.hpp>

#include "http/api_support.hpp"
#include "store/database.hpp"

namespace tb::http {

void AddPartnershipRoutes(api::Api& r, std::shared_ptr<store::Database> db);

// The OpenAPI schemas of the computed views (CampaignProgress, CampaignRanking).
void AddPartnershipSchemas(nlohmann::json& schemas);

}  // namespace tb::http
