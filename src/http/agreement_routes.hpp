#pragma once
// The routes of agreements and cooperation platforms (issue #4), registered by BuildApi:
//   /agreements                                  list (filters, expiring_within), create
//   /agreements/{id}                             get, change (merge patch), delete (drafts)
//   /agreements/{id}/transitions                 the recorded lifecycle; POST moves it
//   /agreements/{id}/parties                     further parties: list, add; /{party_id}: remove
//   /agreements/{id}/documents                   list; POST uploads the raw body (Content-Type
//                                                and ?filename=); /{document_id}: download, remove
// An agreement answers with its fulfilment (interns received, hires) and where it comes from.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/api_support.hpp"
#include "store/database.hpp"

namespace tb::http {

void AddAgreementRoutes(api::Api& r, std::shared_ptr<store::Database> db,
                        const std::string& files_dir);

// The OpenAPI schemas of agreements beyond the entity's own (fulfilment, TransitionInput).
void AddAgreementSchemas(nlohmann::json& schemas);

}  // namespace tb::http
