#pragma once
// Builders of valid entities for tests: every builder returns a value that passes
// domain::Validate, with the references (region, industry, major codes) that SeedReferenceRows
// inserts. Keys that must be unique (credit codes, institution codes, student numbers) are new
// on every call, so a test may insert as many as it likes. Thread-safe.
//
// The data follows DESIGN §2: Liaoning (Shenyang, Jinzhou), automobile parts manufacturing,
// vehicle engineering graduates.

#include <cstdint>
#include <string>

#include "domain/entities.hpp"
#include "store/database.hpp"

namespace tb::testing {

// Reference codes the builders use, all inserted by SeedReferenceRows.
inline constexpr char kLiaoning[] = "210000";
inline constexpr char kShenyang[] = "210100";
inline constexpr char kJinzhou[] = "210700";
inline constexpr char kJinzhouGuta[] = "210702";  // 古塔区, a county-level district of Jinzhou
inline constexpr char kChongqing[] = "500000";
inline constexpr char kAutoPartsIndustry[] = "3670";  // C 36 367 3670 auto parts manufacturing
inline constexpr char kSoftwareIndustry[] = "6513";   // I 65 651 6513 application software
inline constexpr char kVehicleEngineering[] = "080207";
inline constexpr char kElectricalEngineering[] = "080601";

// A fixed "now" for Repository::Insert/Update in tests.
inline constexpr char kNow[] = "2025-03-08T09:00:00Z";
inline constexpr char kLater[] = "2025-03-09T10:30:00Z";

// A valid GB 32100-2015 unified social credit code, distinct for distinct seeds: "91" (industry
// and commerce, enterprise), region 210700, nine characters from `seed`, the check character.
std::string CreditCode(std::uint64_t seed);

// An enterprise in Jinzhou (auto parts, private, medium, tag high_tech) with a fresh credit code.
domain::Organization ValidOrganization(const std::string& name);
// A university in Shenyang with a fresh MoE code.
domain::Institution ValidInstitution();
// A school of that institution.
domain::Unit ValidUnit(domain::Id institution_id, const std::string& name = "汽车与交通学院");
// A bachelor of vehicle engineering graduating in 2025, with a fresh student number.
domain::Student ValidStudent(domain::Id institution_id, domain::Id unit_id);
// An open full-time post in Jinzhou for vehicle engineering graduates.
domain::Post ValidPost(domain::Id organization_id);
// A contact at an organization.
domain::Contact ValidContact(domain::Id organization_id);
// "<from> <kind> <to>".
domain::Relation ValidRelation(domain::Id from_id, const std::string& kind, domain::Id to_id);

// Upserts the regions, majors and industries named above (and their parents).
void SeedReferenceRows(store::Tx& tx);

}  // namespace tb::testing
