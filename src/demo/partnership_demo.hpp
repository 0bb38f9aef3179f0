#pragma once
// The partnership part of the demo (DESIGN §2, issue #4): scenario 1's visit of Liaoning
// University of Technology to the Jinzhou SASAC on 21 April 2023 (the president leading, the
// SASAC director and the principals of its 7 enterprises, 4 schools, 4 framework signings) in
// LUT's 2023 campaign, and scenario 3's 2023 campaign of Shenyang Institute of Technology with
// the 8 March visit of Johon Huayi's general manager; with targets, participants, follow-up tasks,
// outcome lines and posts opened by the visits, so that campaign progress and ranking have figures.
// Called by SeedDemo inside its write transaction, after the rest of the demo is written;
// deterministic (fixed rows in a fixed order).

#include <string>

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::demo {

// Returns how many organizations it added (the generated employers of SIT's campaign).
Result<int> SeedPartnershipDemo(store::Tx& tx, const std::string& now);

}  // namespace tb::demo
