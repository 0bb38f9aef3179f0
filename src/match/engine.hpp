#pragma once
// The matching engine of a server process: builds the index (index.hpp) from the database at
// start, then follows change_log from a background thread — every write of any process on the
// same database, students, posts, and the organizations and institutions they depend on — and
// publishes a new Snapshot after each batch of changes (within the poll interval, 200 ms by
// default). Readers call snapshot() and never lock: the current snapshot is an
// std::atomic<std::shared_ptr>; a reader keeps the one it got for as long as it needs.
//
// A batch of changes becomes a small new segment plus deletion marks in the older ones (text
// statistics stay those of the last full build); when there are more than kMaxSegments, the
// newer segments are merged, and when the changed documents outnumber a quarter of the whole,
// everything is rebuilt with fresh statistics.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/gauges.hpp"
#include "core/result.hpp"
#include "match/index.hpp"
#include "store/database.hpp"
#include "store/match_source.hpp"

namespace tb::match {

struct EngineOptions {
  Weights weights;
  std::chrono::milliseconds poll{200};
  bool follow = true;  // start the background thread
  // Register the gauges tb_match_index_posts and tb_match_index_students (GET /metrics): the
  // server's one engine does; a second engine in the same process would clash.
  bool gauges = false;
};

// A snapshot built from documents (tests, benchmarks, the generator's evaluation).
std::shared_ptr<const Snapshot> BuildSnapshot(std::vector<PostDoc> posts,
                                              std::vector<StudentDoc> students, const Weights& w);
// `base` with these posts and students replaced or added and those ids removed.
std::shared_ptr<const Snapshot> ApplyChanges(const Snapshot& base, std::vector<PostDoc> posts,
                                             const std::vector<Id>& removed_posts,
                                             std::vector<StudentDoc> students,
                                             const std::vector<Id>& removed_students);

StudentDoc StudentDocOf(const store::MatchStudentRow& row, const Weights& w);
PostDoc PostDocOf(const store::MatchPostRow& row);
// The day number of today's date: the UTC date, as everywhere (core/time.hpp), so that a post
// is recommended on the very days apply takes it (domain::Eligibility).
int Today();

class Engine {
 public:
  static Result<std::shared_ptr<Engine>> Start(std::shared_ptr<store::Database> db,
                                               EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  std::shared_ptr<const Snapshot> snapshot() const { return snapshot_.load(); }
  const Weights& weights() const { return options_.weights; }
  // Applies the changes logged since the current snapshot and publishes the result. Called by
  // the background thread; callable directly when not following.
  Status CatchUp();

 private:
  Engine(std::shared_ptr<store::Database> db, EngineOptions options)
      : db_(std::move(db)), options_(std::move(options)) {}
  Status Load();
  void Follow();

  std::shared_ptr<store::Database> db_;
  EngineOptions options_;
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
  std::mutex catch_up_;  // one writer of snapshots at a time
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread follower_;
  core::GaugeHandle posts_gauge_, students_gauge_;  // declared last: unregistered first
};

}  // namespace tb::match
