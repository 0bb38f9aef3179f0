// Transactions, change_log and constraint errors, on both backends: every create, update and
// delete writes one change_log row in its own transaction; a transaction that fails leaves
// neither its rows nor their log; key and reference violations are kConflict; relations go with
// their organizations.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/validate.hpp"
#include "store_contract.hpp"

namespace tb::store {
namespace {

using domain::Id;
using domain::Organization;
using domain::Post;
using domain::Relation;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct LogEntry {
  Id id;
  std::string entity;
  Id entity_id;
  std::string op;
  std::string at;
};

class TransactionTest : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    SeedReference();
  }

  std::vector<LogEntry> ChangeLog() {
    auto rows = database().Read([](Tx& tx) -> Result<std::vector<Row>> {
      return tx.Query("SELECT id, entity, entity_id, op, at FROM change_log ORDER BY id");
    });
    std::vector<LogEntry> out;
    if (!rows.ok()) {
      ADD_FAILURE() << tb::testing::Describe(rows.error());
      return out;
    }
    for (const Row& r : *rows) {
      out.push_back({r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4)});
    }
    return out;
  }
};

std::vector<std::string> Ops(const std::vector<LogEntry>& log) {
  std::vector<std::string> out;
  for (const auto& e : log) {
    out.push_back(e.entity + " " + std::to_string(e.entity_id) + " " + e.op);
  }
  return out;
}

TEST_P(TransactionTest, InsertUpdateDeleteEachWriteOneChangeLogRow) {
  TB_ASSERT_OK_AND_ASSIGN(Organization org, Insert(tb::testing::ValidOrganization("锦州港")));
  EXPECT_THAT(Ops(ChangeLog()), ElementsAre("organization 1 create"));

  org.description = "港口物流";
  TB_ASSERT_OK(Update(org));
  EXPECT_THAT(Ops(ChangeLog()), ElementsAre("organization 1 create", "organization 1 update"));

  TB_ASSERT_OK(Delete<Organization>(org.id));
  auto log = ChangeLog();
  EXPECT_THAT(Ops(log), ElementsAre("organization 1 create", "organization 1 update",
                                    "organization 1 delete"));
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].id, 1);
  EXPECT_EQ(log[1].id, 2);
  EXPECT_EQ(log[2].id, 3);
  for (const auto& e : log) EXPECT_FALSE(core::CheckTimestamp(e.at)) << e.at;
}

TEST_P(TransactionTest, ChangeLogNamesEachEntityBySingularName) {
  TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
  TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1)));
  TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("甲")));
  TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("乙")));
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(1, "supervises", 2)));
  TB_ASSERT_OK(Insert(tb::testing::ValidContact(1)));
  TB_ASSERT_OK(Insert(tb::testing::ValidStudent(1, 1)));
  TB_ASSERT_OK(Insert(tb::testing::ValidPost(2)));
  EXPECT_THAT(Ops(ChangeLog()),
              ElementsAre("institution 1 create", "unit 1 create", "organization 1 create",
                          "organization 2 create", "relation 1 create", "contact 1 create",
                          "student 1 create", "post 1 create"));
}

TEST_P(TransactionTest, SeveralChangesInOneTransactionGetConsecutiveLogIds) {
  TB_ASSERT_OK(database().Write([](Tx& tx) -> Status {
    auto a = Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("甲"),
                                              tb::testing::kNow);
    Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("乙"), tb::testing::kNow);
    a.name = "甲二";
    TB_TRY_STATUS(Repository<Organization>::Update(tx, a, tb::testing::kLater));
    return {};
  }));
  auto log = ChangeLog();
  EXPECT_THAT(Ops(log), ElementsAre("organization 1 create", "organization 2 create",
                                    "organization 1 update"));
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[2].id, log[0].id + 2);
}

TEST_P(TransactionTest, ErrorReturnedFromWriteRollsBackRowAndLog) {
  auto result = database().Write([](Tx& tx) -> Result<Organization> {
    Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("锦州港"),
                                     tb::testing::kNow);
    return Error::Unprocessable("changed my mind");
  });
  TB_EXPECT_ERROR(result, ErrorCode::kUnprocessable);
  EXPECT_EQ(result.error().message, "changed my mind");
  EXPECT_EQ(CountOf("organizations"), 0);
  EXPECT_THAT(ChangeLog(), IsEmpty());

  // The next transaction works normally (ids may or may not have been consumed).
  TB_ASSERT_OK_AND_ASSIGN(Organization org, Insert(tb::testing::ValidOrganization("锦州港")));
  TB_EXPECT_OK(Get<Organization>(org.id));
  EXPECT_THAT(ChangeLog(), ::testing::SizeIs(1));
}

TEST_P(TransactionTest, ExceptionThrownInWriteRollsBackAndBecomesInternalError) {
  auto result = database().Write([](Tx& tx) -> Status {
    Repository<Organization>::Insert(tx, tb::testing::ValidOrganization("锦州港"),
                                     tb::testing::kNow);
    throw std::runtime_error("boom");
  });
  TB_EXPECT_ERROR(result, ErrorCode::kInternal);
  EXPECT_THAT(result.error().message, ::testing::HasSubstr("boom"));
  EXPECT_EQ(CountOf("organizations"), 0);
  EXPECT_THAT(ChangeLog(), IsEmpty());
}

TEST_P(TransactionTest, UniqueCreditCodeViolationIsConflict) {
  Organization first = tb::testing::ValidOrganization("锦州汽车零部件有限公司");
  TB_ASSERT_OK(Insert(first));
  Organization copy = tb::testing::ValidOrganization("锦州汽车零部件（重复）");
  copy.credit_code = first.credit_code;
  TB_EXPECT_ERROR(Insert(copy), ErrorCode::kConflict);
  EXPECT_EQ(CountOf("organizations"), 1);
  EXPECT_THAT(Ops(ChangeLog()), ElementsAre("organization 1 create"));
}

TEST_P(TransactionTest, UpdateToAnotherOrganizationsCreditCodeIsConflict) {
  TB_ASSERT_OK_AND_ASSIGN(Organization a, Insert(tb::testing::ValidOrganization("甲")));
  TB_ASSERT_OK_AND_ASSIGN(Organization b, Insert(tb::testing::ValidOrganization("乙")));
  b.credit_code = a.credit_code;
  TB_EXPECT_ERROR(Update(b), ErrorCode::kConflict);
  EXPECT_THAT(ChangeLog(), ::testing::SizeIs(2));
}

TEST_P(TransactionTest, ManyOrganizationsMayHaveNoCreditCode) {
  for (const char* name : {"国资委", "协会", "园区"}) {
    Organization o = tb::testing::ValidOrganization(name);
    o.kind = "government";
    o.credit_code = std::nullopt;
    TB_EXPECT_OK(Insert(o));
  }
  EXPECT_EQ(CountOf("organizations", "credit_code IS NULL"), 3);
}

TEST_P(TransactionTest, DuplicateUnitNameInOneInstitutionIsConflict) {
  TB_ASSERT_OK(Insert(tb::testing::ValidInstitution()));
  TB_ASSERT_OK(Insert(tb::testing::ValidUnit(1, "汽车与交通学院")));
  TB_EXPECT_ERROR(Insert(tb::testing::ValidUnit(1, "汽车与交通学院")), ErrorCode::kConflict);
}

TEST_P(TransactionTest, DuplicateRelationIsConflict) {
  TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("国资委")));
  TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("企业")));
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(1, "supervises", 2)));
  TB_EXPECT_ERROR(Insert(tb::testing::ValidRelation(1, "supervises", 2)), ErrorCode::kConflict);
  TB_EXPECT_OK(Insert(tb::testing::ValidRelation(1, "member_of", 2)));
}

TEST_P(TransactionTest, DeletingOrganizationThatAPostReferencesIsConflict) {
  TB_ASSERT_OK_AND_ASSIGN(Organization org, Insert(tb::testing::ValidOrganization("锦州港")));
  TB_ASSERT_OK(Insert(tb::testing::ValidPost(org.id)));
  TB_EXPECT_ERROR(Delete<Organization>(org.id), ErrorCode::kConflict);
  TB_EXPECT_OK(Get<Organization>(org.id));
  EXPECT_THAT(Ops(ChangeLog()), ElementsAre("organization 1 create", "post 1 create"));
}

TEST_P(TransactionTest, InsertReferringToMissingRowIsConflict) {
  TB_EXPECT_ERROR(Insert(tb::testing::ValidPost(99)), ErrorCode::kConflict);
  TB_EXPECT_ERROR(Insert(tb::testing::ValidUnit(99)), ErrorCode::kConflict);
  EXPECT_EQ(CountOf("posts"), 0);
  EXPECT_THAT(ChangeLog(), IsEmpty());
}

TEST_P(TransactionTest, DeletingOrganizationRemovesItsRelationsInBothDirections) {
  for (const char* name : {"国资委", "企业", "协会", "另一企业"}) {
    TB_ASSERT_OK(Insert(tb::testing::ValidOrganization(name)));
  }
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(1, "supervises", 2)));  // 2 is the target
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(2, "member_of", 3)));   // 2 is the source
  TB_ASSERT_OK(Insert(tb::testing::ValidRelation(4, "member_of", 3)));   // unrelated to 2
  TB_ASSERT_OK(Delete<Organization>(2));
  EXPECT_THAT(ListIds<Relation>(Where{}), ElementsAre(3));
  TB_EXPECT_ERROR(Get<Relation>(1), ErrorCode::kNotFound);
  TB_EXPECT_ERROR(Get<Relation>(2), ErrorCode::kNotFound);
}

TEST_P(TransactionTest, ReadSeesCommittedWritesOfOtherSessions) {
  TB_ASSERT_OK_AND_ASSIGN(auto other, test_db().OpenAnother(2));
  TB_ASSERT_OK(Insert(tb::testing::ValidOrganization("锦州港")));
  auto seen = other->Read(
      [](Tx& tx) -> Result<std::int64_t> { return Repository<Organization>::Count(tx, Where{}); });
  TB_ASSERT_OK(seen);
  EXPECT_EQ(*seen, 1);
}

TEST_P(TransactionTest, ConcurrentWritersGetDistinctIdsAndLogRows) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 50;
  std::vector<std::vector<Id>> ids(kThreads);
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto org = database().Write([&](Tx& tx) -> Result<Organization> {
          return Repository<Organization>::Insert(
              tx,
              tb::testing::ValidOrganization("企业" + std::to_string(t) + "-" + std::to_string(i)),
              tb::testing::kNow);
        });
        if (!org.ok()) {
          errors[t] = tb::testing::Describe(org.error());
          return;
        }
        ids[t].push_back(org->id);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");

  std::set<Id> distinct;
  for (const auto& per_thread : ids) distinct.insert(per_thread.begin(), per_thread.end());
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(*distinct.begin(), 1);
  EXPECT_EQ(*distinct.rbegin(), kThreads * kPerThread);
  EXPECT_EQ(CountOf("organizations"), kThreads * kPerThread);

  auto log = ChangeLog();
  std::set<Id> log_ids;
  std::set<Id> logged_entities;
  for (const auto& e : log) {
    log_ids.insert(e.id);
    logged_entities.insert(e.entity_id);
  }
  EXPECT_EQ(log.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(log_ids.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(logged_entities, distinct);
}

TB_INSTANTIATE_BACKENDS(TransactionTest);

}  // namespace
}  // namespace tb::store
