#pragma once
// The recruitment part of the demo (DESIGN §2 scenarios 2 and 5, issue #5):
//   - the Yingshan group interview of May 2025: Chongqing University of Technology students
//     (76 registered and checked in) interviewed by the enterprises of the Yingshan Economic
//     Development Zone; each outcome an application transition (intention internship or
//     employment, follow-up negotiation, none), so its figures (74 interviewed, 33 intentions,
//     6 follow-ups) are computed;
//   - the 29 April 2022 "100-Day Recruitment 56789" livestream presented by Shenyang Institute
//     of Technology: the demo's enterprises listed as participants, the rest of the 230
//     enterprises and of the 200 universities counted as external participants;
//   - destinations of the class of 2023 in the Ministry of Education categories (most verified),
//     including records that the audit flags pick up;
//   - applications in every state, for the demo student and to Johon Huayi's posts.
// Called by SeedDemo inside its write transaction after the partnership demo; deterministic.

#include <string>

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::demo {

Status SeedRecruitmentDemo(store::Tx& tx, const std::string& now);

// Writes the evidence files the demo's destinations name (small PDFs) into files_dir where they
// are missing: files live outside the database, so a demo database on another machine gets
// them again at start.
Status WriteDemoEvidence(store::Database& db, const std::string& files_dir);

}  // namespace tb::demo
