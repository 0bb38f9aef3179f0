#pragma once
// The matching part of the demo (issue #6, "a mechanical-engineering graduate in Shenyang sees
// mechanical posts in Liaoning first, with reasons"): six well-known equipment manufacturers
// of Liaoning as verified enterprises — Shenyang Machine Tool, SIASUN Robot & Automation and
// Shenyang Blower Works in Shenyang, Dalian Heavy Industry & Crane and Wafangdian Bearing in
// Dalian, Angang Heavy Machinery in Anshan (real bodies and places, synthetic credit codes) —
// each with two open mechanical-engineering posts (design, process, hydraulics, structure,
// equipment, internship) requiring the skills the demo's mechanical students learn, with the
// regional salaries and dates around the seeding day (`now`), so they are open whenever the
// demo is loaded. Called by SeedDemo inside its write transaction after the other parts;
// deterministic.

#include <string>

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::demo {

// The numbers of organizations and posts SeedMatchDemo adds (for the demo's counts).
int MatchDemoOrganizationCount();
int MatchDemoPostCount();

Status SeedMatchDemo(store::Tx& tx, const std::string& now);

}  // namespace tb::demo
