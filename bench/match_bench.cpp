// Matching engine benchmarks (issue #6, DESIGN §10). One invocation:
//   1. generates a population (talentbridge gen's generator) into a SQLite file and, with the
//      same seed, into a PostgreSQL database (TB_BENCH_PG_URL, or a private cluster started with
//      scripts/pg-test-cluster and stopped at the end);
//   2. builds the index from SQLite and measures: top-20 posts for a student, one thread
//      (p50/p99 over the sampled students); recommendations for every student on 2 threads;
//      index memory per post; top-20 candidates for a post (talent search), one thread;
//      how long a write made through another connection pool (another server process) takes
//      to show in the results of an engine that follows change_log;
//   3. computes the same top-20 in SQL the ordinary way (store::NaiveTopPosts) on PostgreSQL
//      and SQLite, prints the time ratio, and compares the rankings with the engine's run under
//      the same model (text relevance weight 0, which that SQL cannot express).
// Sizes: TB_BENCH_POSTS (default 100000), TB_BENCH_STUDENTS (default 20000); TB_BENCH_REUSE=1
// keeps the databases of an earlier run of the same sizes; TB_BENCH_SQL_QUERIES.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include "core/time.hpp"
#include "match/engine.hpp"
#include "match/generate.hpp"
#include "service/post_skills.hpp"
#include "store/match_source.hpp"
#include "store/migrate.hpp"
#include "store/repository.hpp"

namespace tb::match {
namespace {

std::int64_t EnvInt(const char* name, std::int64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::atoll(v) : fallback;
}

using Clock = std::chrono::steady_clock;

struct World {
  std::shared_ptr<store::Database> sqlite, pg;
  std::shared_ptr<Engine> engine;
  std::shared_ptr<const Snapshot> snap, snap_no_text;
  std::vector<const StudentDoc*> students;
  std::vector<const PostDoc*> open_posts;
  std::string sqlite_url;
  std::string pg_cluster;  // when we started one
};

World* world = nullptr;

std::string Run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  return out;
}

std::shared_ptr<store::Database> OpenFresh(const std::string& url) {
  auto db = store::Database::Open(url, 4);
  if (!db.ok()) {
    std::fprintf(stderr, "cannot open %s: %s\n", url.c_str(), db.error().message.c_str());
    return nullptr;
  }
  if (!store::Migrate(**db).ok()) return nullptr;
  return *db;
}

bool Setup() {
  world = new World;
  const std::int64_t posts = EnvInt("TB_BENCH_POSTS", 100000);
  const std::int64_t students = EnvInt("TB_BENCH_STUDENTS", 20000);
  // TB_BENCH_REUSE=1 keeps the databases of an earlier run of the same sizes (iterating on
  // the engine); by default everything is generated afresh.
  const bool reuse = EnvInt("TB_BENCH_REUSE", 0) != 0;
  std::string path =
      "/tmp/tb-match-bench-" + std::to_string(posts) + "-" + std::to_string(students) + ".db";
  const bool reused = reuse && std::filesystem::exists(path);
  if (!reused) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
  }
  world->sqlite_url = "sqlite:" + path;
  world->sqlite = OpenFresh(world->sqlite_url);
  if (!world->sqlite) return false;
  GenerateOptions gen;
  gen.posts = posts;
  gen.students = students;
  gen.seed = 42;
  gen.jobs_dir = std::string(TB_SOURCE_DIR) + "/../shared/data/jobs";
  auto t0 = Clock::now();
  if (!reused) {
    if (auto r = Generate(*world->sqlite, gen); !r.ok()) return false;
    std::printf("generated %lld posts and %lld students into SQLite in %.1f s\n",
                static_cast<long long>(posts), static_cast<long long>(students),
                std::chrono::duration<double>(Clock::now() - t0).count());
  } else {
    std::printf("reusing %s\n", path.c_str());
  }

  std::string pg_url = std::getenv("TB_BENCH_PG_URL") ? std::getenv("TB_BENCH_PG_URL") : "";
  if (pg_url.empty()) {
    world->pg_cluster = "/tmp/pg-match-bench";
    std::string out = Run(std::string(TB_SOURCE_DIR) + "/scripts/pg-test-cluster start " +
                          world->pg_cluster + " 2>/dev/null");
    auto last = out.find_last_of('\n', out.size() - 2);
    pg_url = out.substr(last == std::string::npos ? 0 : last + 1);
    while (!pg_url.empty() && (pg_url.back() == '\n' || pg_url.back() == ' ')) pg_url.pop_back();
  }
  world->pg = pg_url.empty() ? nullptr : OpenFresh(pg_url);
  std::int64_t pg_posts = -1;
  if (world->pg && reuse) {
    (void)world->pg->Read([&](store::Tx& tx) -> Status {
      pg_posts = tx.QueryInt("SELECT COUNT(*) FROM posts").value_or(-1);
      return {};
    });
  }
  if (world->pg && reuse && pg_posts == posts) {
    std::printf("reusing the PostgreSQL database\n");
  } else if (world->pg) {
    // A clean slate: the generator's rows would clash with an earlier run's.
    auto cleared = world->pg->Write([](store::Tx& tx) -> Status {
      for (const char* t : {"match_truth", "match_post_skills", "posts", "students", "units",
                            "organizations", "institutions"}) {
        tx.Exec(std::string("DELETE FROM ") + t);
      }
      return {};
    });
    t0 = Clock::now();
    if (!cleared.ok() || !Generate(*world->pg, gen).ok()) world->pg = nullptr;
    std::printf("generated the same into PostgreSQL in %.1f s\n",
                std::chrono::duration<double>(Clock::now() - t0).count());
  } else {
    std::printf("PostgreSQL unavailable: its comparison is skipped\n");
  }

  EngineOptions options;
  options.follow = false;
  t0 = Clock::now();
  auto engine = Engine::Start(world->sqlite, options);
  if (!engine.ok()) return false;
  world->engine = *engine;
  world->snap = world->engine->snapshot();
  std::printf("index built from the database in %.1f s: %.1f MiB, %.0f bytes per post+student\n",
              std::chrono::duration<double>(Clock::now() - t0).count(),
              static_cast<double>(world->snap->MemoryBytes()) / (1 << 20),
              static_cast<double>(world->snap->MemoryBytes()) /
                  static_cast<double>(world->snap->PostCount() + world->snap->StudentCount()));
  Weights no_text = options.weights;
  no_text.text = 0;
  auto copy = std::make_shared<Snapshot>(*world->snap);
  copy->weights = no_text;
  world->snap_no_text = copy;
  for (const auto& part : world->snap->students) {
    for (const auto& s : part.segment->docs) world->students.push_back(&s);
  }
  for (const auto& part : world->snap->posts) {
    for (const auto& p : part.segment->docs) {
      if (p.open) world->open_posts.push_back(&p);
    }
  }
  return true;
}

void Teardown() {
  if (!world) return;
  world->pg.reset();
  if (!world->pg_cluster.empty()) {
    Run(std::string(TB_SOURCE_DIR) + "/scripts/pg-test-cluster stop " + world->pg_cluster +
        " >/dev/null 2>&1");
  }
}

void Percentiles(benchmark::State& state, std::vector<double>& micros) {
  std::sort(micros.begin(), micros.end());
  if (micros.empty()) return;
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
}

// Runs query(i) for the i-th iteration, each timed on its own: p50_us and p99_us.
template <class Query>
void TimeEach(benchmark::State& state, Query&& query) {
  std::vector<double> micros;
  std::size_t i = 0;
  for (auto _ : state) {
    auto t = Clock::now();
    auto hits = query(i++);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
    benchmark::DoNotOptimize(hits);
  }
  Percentiles(state, micros);
}

// Top-20 posts for one student after another, one thread.
void BM_TopPostsForStudent(benchmark::State& state) {
  PostQuery q;
  q.limit = 20;
  q.today = Today();
  TimeEach(state, [&](std::size_t i) {
    return TopPosts(*world->snap, *world->students[i % world->students.size()], q);
  });
  state.counters["posts"] = static_cast<double>(world->snap->PostCount());
  state.counters["index_bytes_per_post"] = static_cast<double>(world->snap->MemoryBytes()) /
                                           static_cast<double>(world->snap->PostCount());
}
BENCHMARK(BM_TopPostsForStudent)->Unit(benchmark::kMicrosecond)->Iterations(5000);

// The exhaustive reference, for scale.
void BM_TopPostsReference(benchmark::State& state) {
  PostQuery q;
  q.limit = 20;
  q.today = Today();
  std::size_t i = 0;
  for (auto _ : state) {
    auto hits = TopPostsReference(*world->snap, *world->students[i++ % world->students.size()], q);
    benchmark::DoNotOptimize(hits);
  }
}
BENCHMARK(BM_TopPostsReference)->Unit(benchmark::kMillisecond)->Iterations(50);

// Recommendations for every student, split over 2 threads.
void BM_AllStudentsTwoThreads(benchmark::State& state) {
  PostQuery q;
  q.limit = 20;
  q.today = Today();
  for (auto _ : state) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t i = t; i < world->students.size(); i += 2) {
          benchmark::DoNotOptimize(TopPosts(*world->snap, *world->students[i], q));
        }
      });
    }
    for (auto& th : threads) th.join();
  }
  state.counters["students_per_s"] = benchmark::Counter(
      static_cast<double>(world->students.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_AllStudentsTwoThreads)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// Candidates for a post, one post after another, one thread: an enterprise's talent search
// (the students who consented and may apply, as GET /posts/{id}/candidates asks for a
// recruiter).
void BM_TopStudentsForPost(benchmark::State& state) {
  StudentQuery q;
  q.limit = 20;
  q.scope.consent_only = true;
  q.applicable_year = std::stoi(core::CivilFromDays(Today()).substr(0, 4));
  TimeEach(state, [&](std::size_t i) {
    return TopStudents(*world->snap, *world->open_posts[(i * 7919) % world->open_posts.size()], q);
  });
  state.counters["students"] = static_cast<double>(world->snap->StudentCount());
}
BENCHMARK(BM_TopStudentsForPost)->Unit(benchmark::kMicrosecond)->Iterations(2000);

// From the commit of a write made through another connection pool on the same database (as
// another server process writes) until an engine that follows change_log as `serve` runs it
// (its own index, built here; poll 200 ms) shows it, each write made at a random moment. Each
// iteration creates a post (visible when the snapshot has it), retitles it (visible when the
// snapshot has the new title) and deletes it (gone), so the database ends as it began.
// p50/p99/max over those writes, in ms.
void BM_WriteToVisible(benchmark::State& state) {
  auto engine = Engine::Start(world->sqlite, EngineOptions{});
  auto other = store::Database::Open(world->sqlite_url, 2);
  if (!engine.ok() || !other.ok()) {
    state.SkipWithError("cannot start a following engine or open a second pool");
    return;
  }
  domain::Post model;
  auto loaded = (*other)->Read([&](store::Tx& tx) -> Status {
    auto rows = store::LoadMatchPosts(tx, {world->open_posts.front()->id});
    if (rows.empty()) return Error::NotFound("no open post to copy");
    model = rows.front().post;
    return {};
  });
  if (!loaded.ok()) {
    state.SkipWithError(loaded.error().message.c_str());
    return;
  }
  std::vector<double> millis;
  bool timed_out = false;
  // Waits (polling the published snapshot) until `shown` holds; the time since the commit.
  auto until_shown = [&](auto&& shown) {
    auto t = Clock::now();
    while (!shown(*(*engine)->snapshot())) {
      if (Clock::now() - t > std::chrono::seconds(10)) {
        timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    millis.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  };
  const std::string now = core::NowUtc();
  // Each write lands at a random moment of the follower's poll interval (and beyond), as
  // writes arrive, rather than just after a poll, where every latency would be the interval.
  std::mt19937 rng(7);
  auto at_random_moment = [&] {
    state.PauseTiming();
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 250000));
    state.ResumeTiming();
  };
  std::size_t n = 0;
  for (auto _ : state) {
    at_random_moment();
    domain::Post post = model;
    post.title = "Benchmark post " + std::to_string(++n);
    auto st = (*other)->Write([&](store::Tx& tx) -> Status {
      post = store::Repository<domain::Post>::Insert(tx, post, now);
      service::WritePostSkills(tx, post);
      return {};
    });
    if (!st.ok()) break;
    until_shown([&](const Snapshot& s) { return s.FindPost(post.id) != nullptr; });
    post.title += " (retitled)";
    at_random_moment();
    st = (*other)->Write([&](store::Tx& tx) -> Status {
      TB_TRY_STATUS(store::Repository<domain::Post>::Update(tx, post, now));
      return {};
    });
    if (!st.ok()) break;
    until_shown([&](const Snapshot& s) {
      const PostDoc* d = s.FindPost(post.id);
      return d != nullptr && d->title == post.title;
    });
    at_random_moment();
    st = (*other)->Write([&](store::Tx& tx) -> Status {
      service::DeletePostSkills(tx, post.id);
      return store::Repository<domain::Post>::Delete(tx, post.id);
    });
    if (!st.ok()) break;
    until_shown([&](const Snapshot& s) { return s.FindPost(post.id) == nullptr; });
  }
  if (timed_out || millis.size() != 3 * n) {
    state.SkipWithError("a write did not show within 10 s, or could not be made");
    return;
  }
  std::sort(millis.begin(), millis.end());
  state.counters["writes"] = static_cast<double>(millis.size());
  state.counters["p50_ms"] = millis[millis.size() / 2];
  state.counters["p99_ms"] = millis[std::min(millis.size() - 1, millis.size() * 99 / 100)];
  state.counters["max_ms"] = millis.back();
}
BENCHMARK(BM_WriteToVisible)->Unit(benchmark::kMillisecond)->Iterations(20)->UseRealTime();

store::NaiveProfile ProfileOf(const StudentDoc& s) {
  store::NaiveProfile p;
  p.major_code = s.major_code;
  static const char* kLevels[] = {"vocational", "bachelor", "master", "doctor"};
  for (int l = 0; l <= s.level; ++l) p.levels.push_back(kLevels[l]);
  p.levels.push_back("");
  p.skills = s.skills.names;  // canonical, as in table match_post_skills
  for (const auto& r : s.places) {
    p.cities.push_back(r.substr(0, 4));
    p.provinces.push_back(r.substr(0, 2));
  }
  p.industries = s.industries2;
  p.willing_to_relocate = s.willing_to_relocate;
  p.expected_salary = s.salary_min.value_or(0);
  p.today = core::CivilFromDays(Today());  // the engine's day (China), not UTC's
  return p;
}

// The same top-20 in SQL, and how it compares with the engine (text weight 0).
void SqlTop20(benchmark::State& state, store::Database* db) {
  if (db == nullptr) {
    state.SkipWithError("database unavailable");
    return;
  }
  const Weights& w = world->snap->weights;
  store::NaiveWeights nw{
      w.major_exact,      w.major_class, w.major_category,  w.major_any, w.required_skills,
      w.preferred_skills, w.region_city, w.region_province, w.industry,  w.salary};
  PostQuery q;
  q.limit = 20;
  q.today = Today();
  std::vector<double> sql_micros, engine_micros;
  double same = 0, compared = 0, score_differs = 0, tied_at_cut = 0, size_differs = 0;
  std::size_t i = 0;
  for (auto _ : state) {
    const StudentDoc& s = *world->students[(i++ * 7919) % world->students.size()];
    auto t = Clock::now();
    std::vector<std::pair<Id, double>> rows;
    auto r = db->Read([&](store::Tx& tx) -> Status {
      rows = store::NaiveTopPosts(tx, ProfileOf(s), nw, 20);
      return {};
    });
    sql_micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
    if (!r.ok()) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    t = Clock::now();
    auto hits = TopPosts(*world->snap_no_text, s, q);
    engine_micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
    // Post by post: the same post with the same score; at the cut, a post the
    // engine keeps may be swapped for one of equal score (1e-9) that the SQL's rounding put
    // first, which is still the same ranking.
    const double cut = hits.empty() ? 0 : hits.back().score;
    for (std::size_t k = 0; k < hits.size(); ++k) {
      compared += 1;
      bool found = false;
      for (const auto& row : rows) {
        if (row.first == hits[k].id) {
          found = true;
          if (std::abs(row.second - hits[k].score) > 1e-9) score_differs += 1;
        }
      }
      if (found) {
        same += 1;
      } else if (std::abs(hits[k].score - cut) < 1e-9 && !rows.empty() &&
                 std::abs(rows.back().second - cut) < 1e-9) {
        same += 1;
        tied_at_cut += 1;
      }
    }
    if (rows.size() != hits.size()) size_differs += 1;
  }
  Percentiles(state, sql_micros);
  std::sort(engine_micros.begin(), engine_micros.end());
  double engine_p50 = engine_micros[engine_micros.size() / 2];
  state.counters["engine_p50_us"] = engine_p50;
  state.counters["ratio_p50"] = state.counters["p50_us"] / engine_p50;
  state.counters["same_top20_share"] = compared > 0 ? same / compared : 0;
  state.counters["same_by_tie_at_cut"] = tied_at_cut;
  state.counters["score_differs"] = score_differs;
  state.counters["length_differs"] = size_differs;
}
void BM_SqlTop20_Postgres(benchmark::State& state) { SqlTop20(state, world->pg.get()); }
void BM_SqlTop20_Sqlite(benchmark::State& state) { SqlTop20(state, world->sqlite.get()); }
}  // namespace

// Registered in main: the number of SQL queries (TB_BENCH_SQL_QUERIES, default 30, 10 from
// 500k posts on) depends on the size, since one takes seconds there.
void RegisterSqlBenchmarks() {
  std::int64_t n =
      EnvInt("TB_BENCH_SQL_QUERIES", EnvInt("TB_BENCH_POSTS", 100000) >= 500000 ? 10 : 30);
  benchmark::RegisterBenchmark("BM_SqlTop20_Postgres", BM_SqlTop20_Postgres)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(n);
  benchmark::RegisterBenchmark("BM_SqlTop20_Sqlite", BM_SqlTop20_Sqlite)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(n);
}

}  // namespace tb::match

int main(int argc, char** argv) {
  tb::match::RegisterSqlBenchmarks();
  benchmark::Initialize(&argc, argv);
  if (!tb::match::Setup()) {
    std::fprintf(stderr, "benchmark setup failed\n");
    tb::match::Teardown();
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  tb::match::Teardown();
  benchmark::Shutdown();
  return 0;
}
