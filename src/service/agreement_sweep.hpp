#pragma once
// The agreements' expiry sweep: an agreement in force moves to `expiring` by itself when its end
// date comes within kExpiringWindowDays, and to `expired` once the end date has passed — so the
// expiring list the officers work from, the dashboards and the reports stay true without anyone
// moving agreements by hand. The server runs it at start and every kSweepInterval
// (AgreementSweeper); `talentbridge agreements sweep` runs it once.
//
// Each move is an ordinary lifecycle transition (domain::CanTransition): recorded in
// agreement_transitions with the actor "system" and a note in Chinese and English, and audited,
// in one transaction per agreement whose first statement re-checks and locks the agreement's
// state (store::LockAgreementInState). So a sweep is idempotent, and two server processes
// sweeping the same database at once move each agreement once.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "domain/agreement.hpp"
#include "store/database.hpp"

namespace tb::service {

// How far ahead of its end date an agreement in force counts as expiring: 60 days, the window
// of the officers' "expiring within 60 days" list (GET /agreements?expiring_within=60 in the web
// app) — two months leave time to negotiate a renewal before the agreement lapses.
inline constexpr int kExpiringWindowDays = 60;
// How often the server sweeps: end dates are days, so an hour is more than soon enough.
inline constexpr std::chrono::minutes kSweepInterval{60};
// The actor recorded on automatic transitions.
inline constexpr const char* kSweepActor = "system";

struct SweepMove {
  domain::Id agreement_id = 0;
  std::string from;
  std::string to;
  std::string end_date;
};

// Moves, as of `now` ("YYYY-MM-DDTHH:MM:SSZ"; the day is its UTC date), every active agreement
// ending within kExpiringWindowDays (end date from today up to today + the window) to
// `expiring`, and every active or expiring one whose end date has passed to `expired`. Returns
// the moves this call made (not those another process made meanwhile). kUnavailable/kInternal
// when the database fails; moves committed before the failure stay.
Result<std::vector<SweepMove>> SweepAgreements(store::Database& db, const std::string& now);

// Runs SweepAgreements every `interval` on a thread of its own, from `interval` after
// construction until destruction (which waits for a sweep under way to end). Each result goes
// to `report` (called on the sweeping thread). Not copyable.
class AgreementSweeper {
 public:
  using Report = std::function<void(const Result<std::vector<SweepMove>>&)>;
  AgreementSweeper(std::shared_ptr<store::Database> db, std::chrono::milliseconds interval,
                   Report report);
  ~AgreementSweeper();
  AgreementSweeper(const AgreementSweeper&) = delete;
  AgreementSweeper& operator=(const AgreementSweeper&) = delete;

 private:
  void Run();

  std::shared_ptr<store::Database> db_;
  std::chrono::milliseconds interval_;
  Report report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tb::service
