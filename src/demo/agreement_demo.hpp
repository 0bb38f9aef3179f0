#pragma once
// The agreements of the demo (DESIGN §2, issue #4): scenario 1's four framework agreements
// signed at the Jinzhou SASAC on 21 April 2023, one per school of Liaoning University of
// Technology with one of the state-owned enterprises, with their scopes (employment,
// internships, training, joint talent training, research platforms, achievement
// transformation, entrepreneurship) and modes (order classes, modern industrial colleges);
// SIT's internship base with Johon Huayi; the Santoni training base of the Shanghai Modern
// Chemical Industry Vocational College; and scenario 5's professor workstation of Chongqing
// University of Technology with the People's Government of Yingshan County. Two of them end
// within 60 days of the seeding day (`now`), so that GET /agreements?expiring_within=60 is
// not empty whenever the demo is loaded. Called by SeedDemo inside its write transaction after
// SeedPartnershipDemo; each agreement's lifecycle is recorded as transitions.

#include <string>

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::demo {

Status SeedAgreementDemo(store::Tx& tx, const std::string& now);

}  // namespace tb::demo
