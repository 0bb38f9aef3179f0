#pragma once
// The data-standard exchange of a campaign's visits (issue #4), registered by BuildApi:
//   GET  /campaigns/{id}/visits/export?format=csv|xlsx     the 访企拓岗 layout, one row per
//                                                          visit × outcome line
//   POST /campaigns/{id}/visits/import?format=csv|xlsx&dry_run=true|false
//                                                          the file as the raw body; a per-row
//                                                          report; all or nothing

#include <memory>

#include "http/api_support.hpp"
#include "store/database.hpp"

namespace tb::http {

void AddVisitExchangeRoutes(api::Api& r, std::shared_ptr<store::Database> db);

}  // namespace tb::http
