// The agreements' expiry sweep on both backends: active agreements ending within the window
// move to expiring, those past their end date to expired, each move a transition by "system"
// with a note in Chinese and English, audited; nothing else moves; a second sweep moves nothing;
// two sweeps at once on two independent connection pools (two server processes) move each
// agreement once.

#include "service/agreement_sweep.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "core/time.hpp"
#include "store/agreement_queries.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

using domain::Id;

constexpr char kSweepTime[] = "2026-11-21T03:00:00Z";  // today: 2026-11-21; window to 2027-01-20

class AgreementSweepTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      auto now = std::string(testing::kNow);
      institution_ =
          store::Repository<domain::Institution>::Insert(tx, testing::ValidInstitution(), now).id;
      org_ = store::Repository<domain::Organization>::Insert(
                 tx, testing::ValidOrganization("锦州测试汽车零部件有限公司"), now)
                 .id;
      return Status{};
    }));
  }

  // An agreement stored in `status` (as the lifecycle would have left it) ending on `end`.
  Id Stored(const std::string& status, const std::string& end) {
    auto id = db()->Write([&](store::Tx& tx) -> Result<Id> {
      domain::Agreement a;
      a.institution_id = institution_;
      a.organization_id = org_;
      a.kind = "internship_base";
      a.title = "实习基地协议 " + status + " " + end;
      a.start_date = "2023-04-21";
      a.end_date = end;
      a.status = status;
      return store::Repository<domain::Agreement>::Insert(tx, a, testing::kNow).id;
    });
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }

  std::string StatusOf(Id id) {
    auto a = db()->Read(
        [&](store::Tx& tx) { return store::Repository<domain::Agreement>::Get(tx, id); });
    return a.ok() ? a->status : "?";
  }

  std::vector<domain::AgreementTransition> TransitionsOf(Id id) {
    store::AgreementTransitionFilter f;
    f.agreement_id = id;
    auto items = db()->Read([&](store::Tx& tx) -> Result<std::vector<domain::AgreementTransition>> {
      return store::Repository<domain::AgreementTransition>::List(tx, store::ToWhere(f), {0, 50})
          .items;
    });
    return items.ok() ? *items : std::vector<domain::AgreementTransition>{};
  }

  std::int64_t Audited(Id id) {
    auto n = db()->Read([&](store::Tx& tx) -> Result<std::int64_t> {
      return *tx.QueryInt(
          "SELECT COUNT(*) FROM audit_events WHERE action = 'transition' AND entity = 'agreement' "
          "AND entity_id = ? AND actor = 'system'",
          {store::P(id)});
    });
    return n.ok() ? *n : -1;
  }

  Id institution_ = 0, org_ = 0;
};

TEST_P(AgreementSweepTest, MovesActiveAgreementsEndingWithinTheWindowToExpiring) {
  Id soon = Stored("active", "2026-12-31");
  Id today = Stored("active", "2026-11-21");  // still valid today: expiring, not expired
  Id edge = Stored("active", "2027-01-20");   // exactly 60 days ahead
  Id later = Stored("active", "2027-01-21");  // 61 days ahead: stays active
  TB_ASSERT_OK_AND_ASSIGN(auto moves, SweepAgreements(database(), kSweepTime));
  EXPECT_EQ(moves.size(), 3u);
  EXPECT_EQ(StatusOf(soon), "expiring");
  EXPECT_EQ(StatusOf(today), "expiring");
  EXPECT_EQ(StatusOf(edge), "expiring");
  EXPECT_EQ(StatusOf(later), "active");
  EXPECT_TRUE(TransitionsOf(later).empty());

  auto log = TransitionsOf(soon);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].from_status, "active");
  EXPECT_EQ(log[0].to_status, "expiring");
  EXPECT_EQ(log[0].actor, "system");
  EXPECT_FALSE(log[0].actor_user_id.has_value());
  EXPECT_EQ(log[0].created_at, kSweepTime);
  EXPECT_NE(log[0].note.find("即将到期"), std::string::npos) << log[0].note;
  EXPECT_NE(log[0].note.find("within 60 days"), std::string::npos) << log[0].note;
  EXPECT_NE(log[0].note.find("2026-12-31"), std::string::npos) << log[0].note;
  EXPECT_EQ(Audited(soon), 1);
}

TEST_P(AgreementSweepTest, MovesAgreementsPastTheirEndDateToExpired) {
  Id active = Stored("active", "2026-11-20");
  Id expiring = Stored("expiring", "2026-10-01");
  Id expiring_still = Stored("expiring", "2026-11-21");
  TB_ASSERT_OK_AND_ASSIGN(auto moves, SweepAgreements(database(), kSweepTime));
  EXPECT_EQ(moves.size(), 2u);
  EXPECT_EQ(StatusOf(active), "expired");
  EXPECT_EQ(StatusOf(expiring), "expired");
  EXPECT_EQ(StatusOf(expiring_still), "expiring");
  auto log = TransitionsOf(expiring);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].from_status, "expiring");
  EXPECT_EQ(log[0].to_status, "expired");
  EXPECT_EQ(log[0].actor, "system");
  EXPECT_NE(log[0].note.find("已到期"), std::string::npos) << log[0].note;
  EXPECT_NE(log[0].note.find("Ended on 2026-10-01"), std::string::npos) << log[0].note;
  EXPECT_EQ(Audited(active), 1);
  EXPECT_EQ(Audited(expiring), 1);
}

TEST_P(AgreementSweepTest, LeavesAgreementsOutsideTheLifecycleItMovesAlone) {
  std::map<Id, std::string> others;
  for (const char* status : {"draft", "signed", "expired", "renewed", "terminated"}) {
    others[Stored(status, "2026-11-01")] = status;
  }
  TB_ASSERT_OK_AND_ASSIGN(auto moves, SweepAgreements(database(), kSweepTime));
  EXPECT_TRUE(moves.empty());
  for (const auto& [id, status] : others) {
    EXPECT_EQ(StatusOf(id), status);
    EXPECT_TRUE(TransitionsOf(id).empty()) << status;
  }
}

TEST_P(AgreementSweepTest, IsIdempotent) {
  Id soon = Stored("active", "2026-12-31");
  Id past = Stored("active", "2026-01-31");
  TB_ASSERT_OK_AND_ASSIGN(auto first, SweepAgreements(database(), kSweepTime));
  EXPECT_EQ(first.size(), 2u);
  TB_ASSERT_OK_AND_ASSIGN(auto second, SweepAgreements(database(), "2026-11-21T04:00:00Z"));
  EXPECT_TRUE(second.empty());
  EXPECT_EQ(TransitionsOf(soon).size(), 1u);
  EXPECT_EQ(TransitionsOf(past).size(), 1u);
  EXPECT_EQ(Audited(soon), 1);
  // Later, the expiring one's end date passes: one more move, to expired.
  TB_ASSERT_OK_AND_ASSIGN(auto next_year, SweepAgreements(database(), "2027-01-01T03:00:00Z"));
  ASSERT_EQ(next_year.size(), 1u);
  EXPECT_EQ(next_year[0].agreement_id, soon);
  EXPECT_EQ(next_year[0].from, "expiring");
  EXPECT_EQ(next_year[0].to, "expired");
  EXPECT_EQ(TransitionsOf(soon).size(), 2u);
}

TEST_P(AgreementSweepTest, TwoServerProcessesSweepingAtOnceMoveEachAgreementOnce) {
  std::vector<Id> due;
  for (int i = 0; i < 30; ++i) due.push_back(Stored("active", i % 2 ? "2026-12-15" : "2026-06-30"));
  TB_ASSERT_OK_AND_ASSIGN(auto other, test_db().OpenAnother());
  std::atomic<std::size_t> moved{0};
  std::atomic<int> failures{0};
  auto sweep = [&](store::Database& db) {
    auto moves = SweepAgreements(db, kSweepTime);
    if (moves.ok()) {
      moved += moves->size();
    } else {
      ++failures;
    }
  };
  std::thread a([&] { sweep(database()); });
  std::thread b([&] { sweep(*other); });
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(moved.load(), due.size());
  for (std::size_t i = 0; i < due.size(); ++i) {
    EXPECT_EQ(StatusOf(due[i]), i % 2 ? "expiring" : "expired");
    EXPECT_EQ(TransitionsOf(due[i]).size(), 1u) << due[i];
    EXPECT_EQ(Audited(due[i]), 1) << due[i];
  }
}

TEST_P(AgreementSweepTest, TheSweeperRunsPeriodicallyUntilDestroyed) {
  Id soon = Stored("active", core::AddDays(core::TodayUtc(), 10));
  std::atomic<int> runs{0};
  {
    AgreementSweeper sweeper(db(), std::chrono::milliseconds(20),
                             [&](const Result<std::vector<SweepMove>>& r) {
                               EXPECT_TRUE(r.ok());
                               ++runs;
                             });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (runs.load() < 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_GE(runs.load(), 2) << "the sweeper did not run twice within 20 s";
  }
  int after = runs.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  EXPECT_EQ(runs.load(), after) << "the sweeper ran after it was destroyed";
  EXPECT_EQ(StatusOf(soon), "expiring");
  EXPECT_EQ(TransitionsOf(soon).size(), 1u);
}

TB_INSTANTIATE_BACKENDS(AgreementSweepTest);

}  // namespace
}  // namespace tb::service
