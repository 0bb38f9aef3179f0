#include "service/agreement_sweep.hpp"

#include <optional>
#include <utility>

#include "auth/audit.hpp"
#include "auth/caller.hpp"
#include "core/time.hpp"
#include "domain/json.hpp"
#include "store/agreement_queries.hpp"
#include "store/repository.hpp"

namespace tb::service {

namespace {

// Where the sweep moves `a` on `today` (window end `until`), or nullopt.
std::optional<std::string> Target(const domain::Agreement& a, const std::string& today,
                                  const std::string& until) {
  if (!a.end_date) return std::nullopt;
  if ((a.status == "active" || a.status == "expiring") && *a.end_date < today) return "expired";
  if (a.status == "active" && *a.end_date <= until) return "expiring";
  return std::nullopt;
}

std::string Note(const std::string& to, const std::string& end_date) {
  if (to == "expired") {
    return "已过到期日 " + end_date + "，系统自动转为“已到期”。 / Ended on " + end_date +
           ": moved to expired by the system.";
  }
  const std::string days = std::to_string(kExpiringWindowDays);
  return "到期日 " + end_date + " 已在 " + days + " 天内，系统自动转为“即将到期”。 / Ends on " +
         end_date + ", within " + days + " days: moved to expiring by the system.";
}

}  // namespace

Result<std::vector<SweepMove>> SweepAgreements(store::Database& db, const std::string& now) {
  const std::string today = now.substr(0, 10);
  const std::string until = core::AddDays(today, kExpiringWindowDays);
  TB_TRY(std::vector<domain::Agreement> due,
         db.Read([&](store::Tx& tx) -> Result<std::vector<domain::Agreement>> {
           return store::AgreementsDueForSweep(tx, today, until);
         }));
  const auth::Caller system = auth::SystemCaller(kSweepActor);
  std::vector<SweepMove> moves;
  for (const auto& candidate : due) {
    TB_TRY(std::optional<SweepMove> move, db.Write([&](store::Tx& tx)
                                                       -> Result<std::optional<SweepMove>> {
      // The state read above may be stale: re-check it under the row's lock.
      if (!store::LockAgreementInState(tx, candidate.id, candidate.status)) {
        return std::optional<SweepMove>();
      }
      TB_TRY(domain::Agreement before, store::Repository<domain::Agreement>::Get(tx, candidate.id));
      auto to = Target(before, today, until);
      if (!to || !domain::CanTransition(before.status, *to)) return std::optional<SweepMove>();
      domain::Agreement after = before;
      after.status = *to;
      TB_TRY(domain::Agreement updated,
             store::Repository<domain::Agreement>::Update(tx, std::move(after), now));
      domain::AgreementTransition t;
      t.agreement_id = before.id;
      t.from_status = before.status;
      t.to_status = *to;
      t.actor = kSweepActor;
      t.note = Note(*to, *before.end_date);
      store::Repository<domain::AgreementTransition>::Insert(tx, std::move(t), now);
      auth::Audit(tx, system, "transition", "agreement", before.id, domain::ToJson(before),
                  domain::ToJson(updated), now);
      return std::optional<SweepMove>(SweepMove{before.id, before.status, *to, *before.end_date});
    }));
    if (move) moves.push_back(std::move(*move));
  }
  return moves;
}

AgreementSweeper::AgreementSweeper(std::shared_ptr<store::Database> db,
                                   std::chrono::milliseconds interval, Report report)
    : db_(std::move(db)), interval_(interval), report_(std::move(report)) {
  thread_ = std::thread([this] { Run(); });
}

AgreementSweeper::~AgreementSweeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void AgreementSweeper::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    lock.unlock();
    auto result = SweepAgreements(*db_, core::NowUtc());
    if (report_) report_(result);
    lock.lock();
  }
}

}  // namespace tb::service
