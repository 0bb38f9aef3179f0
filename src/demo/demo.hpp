#pragma once
// The demo data set (`talentbridge --demo`): the real campaigns of DESIGN §2 as far as the
// stored entities reach, and a generated population around them, so that a new user sees the
// product doing real work the moment it starts.
//
//   1. Liaoning University of Technology (Jinzhou) and its schools; the Jinzhou SASAC, which
//      supervises 7 state-owned enterprises; the SASAC director and the principals as contacts.
//   2. Shenyang Institute of Technology with 3 provincial-level and 9 institution-level
//      industrial colleges; the MIIT SME Development Promotion Center.
//   3. Johon Huayi (Shenyang) Electronic Technology Co., Ltd and its general manager.
//   4. Shanghai Modern Chemical Industry Vocational College; the Jinshan Science and Technology
//      Enterprise Association and its 38 member enterprises (Santoni among them); the China
//      Construction Bank Jinshan branch; the Jinshan education bureau and science committee.
//   5. Chongqing University of Technology; the Yingshan County government; the Yingshan
//      Economic Development Zone and the enterprises located in it (Sichuan Youlate Electronics).
//   Around them: about 150 more enterprises in Liaoning, Sichuan, Chongqing, Shanghai, Jiangsu
//   and Guangdong, more than 2,000 students and 500 posts.
//
// The bodies and places are real; people, credit codes, identity and phone numbers, students and
// posts are invented (credit codes and identity numbers are well-formed but synthetic). The data
// is deterministic: a fixed seed and a fixed order, so two fresh databases get the same rows
// with the same ids (timestamps aside).

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::demo {

struct DemoSummary {
  int institutions = 0;
  int units = 0;
  int organizations = 0;  // with the employers generated for SIT's campaign (fresh seeding only)
  int relations = 0;
  int contacts = 0;
  int students = 0;
  int posts = 0;
  bool created = false;  // false: the database already held the demo and was left as it was
};

// Seeds the demo into a migrated database: loads the built-in reference data
// (report::LoadBuiltinReferenceData), then writes every demo row in one transaction, each one
// checked with domain::Validate first. Idempotent: when the database already holds the demo,
// nothing is written and created is false; the counts are those of the demo either way.
// A database with other data but without the demo gets it too, unless one of the demo's keys
// (an institution's MoE code, an organization's credit code) is already taken by another row:
// then nothing is written and the error (kConflict) names the clash.
// Thread-safe as store::Database is; concurrent calls are serialized by the write transaction.
Result<DemoSummary> SeedDemo(store::Database& db);

}  // namespace tb::demo
