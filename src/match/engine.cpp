#include "match/engine.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "core/time.hpp"

namespace tb::match {

namespace {

constexpr std::size_t kMaxSegments = 8;
constexpr int kChangeBatch = 10000;

}  // namespace

StudentDoc StudentDocOf(const store::MatchStudentRow& row, const Weights& w) {
  return MakeStudentDoc(row.student, row.institution_region, w);
}

PostDoc PostDocOf(const store::MatchPostRow& row) { return MakePostDoc(row.post, row.verified); }

int Today() { return core::DayNumber(core::TodayUtc()); }

std::shared_ptr<const Snapshot> BuildSnapshot(std::vector<PostDoc> posts,
                                              std::vector<StudentDoc> students, const Weights& w) {
  auto snap = std::make_shared<Snapshot>();
  snap->weights = w;
  std::vector<const PostDoc*> all;
  all.reserve(posts.size());
  for (const auto& p : posts) all.push_back(&p);
  snap->stats = ComputeStats(all);
  auto none = std::make_shared<const Roaring>();
  snap->posts.push_back({BuildPostSegment(std::move(posts), *snap->stats, w), none});
  snap->students.push_back({BuildStudentSegment(std::move(students)), none});
  return snap;
}

namespace {

template <class Part, class Doc>
std::vector<Doc> LiveDocs(const std::vector<Part>& parts, std::size_t from) {
  std::vector<Doc> out;
  for (std::size_t i = from; i < parts.size(); ++i) {
    const auto& docs = parts[i].segment->docs;
    for (std::uint32_t d = 0; d < docs.size(); ++d) {
      if (!parts[i].deleted->contains(d)) out.push_back(docs[d]);
    }
  }
  return out;
}

// Marks the current versions of `ids` deleted (copying the deletion bitmaps it touches).
template <class Part>
void MarkDeleted(std::vector<Part>& parts, const std::unordered_set<Id>& ids) {
  for (auto& part : parts) {
    std::shared_ptr<Roaring> copy;
    for (Id id : ids) {
      auto f = part.segment->by_id.find(id);
      if (f == part.segment->by_id.end() || part.deleted->contains(f->second)) continue;
      if (!copy) copy = std::make_shared<Roaring>(*part.deleted);
      copy->add(f->second);
    }
    if (copy) part.deleted = std::move(copy);
  }
}

template <class Part>
std::size_t DocCount(const std::vector<Part>& parts, std::size_t from) {
  std::size_t n = 0;
  for (std::size_t i = from; i < parts.size(); ++i) n += parts[i].segment->docs.size();
  return n;
}

}  // namespace

std::shared_ptr<const Snapshot> ApplyChanges(const Snapshot& base, std::vector<PostDoc> posts,
                                             const std::vector<Id>& removed_posts,
                                             std::vector<StudentDoc> students,
                                             const std::vector<Id>& removed_students) {
  auto snap = std::make_shared<Snapshot>(base);
  std::unordered_set<Id> post_ids(removed_posts.begin(), removed_posts.end());
  for (const auto& p : posts) post_ids.insert(p.id);
  std::unordered_set<Id> student_ids(removed_students.begin(), removed_students.end());
  for (const auto& s : students) student_ids.insert(s.id);
  MarkDeleted(snap->posts, post_ids);
  MarkDeleted(snap->students, student_ids);
  auto none = std::make_shared<const Roaring>();
  if (!posts.empty()) {
    snap->posts.push_back({BuildPostSegment(std::move(posts), *snap->stats, snap->weights), none});
  }
  if (!students.empty()) snap->students.push_back({BuildStudentSegment(std::move(students)), none});

  // Too many changed documents: rebuild everything with fresh text statistics.
  std::size_t base_posts = snap->posts.front().segment->docs.size();
  std::size_t base_students = snap->students.front().segment->docs.size();
  if (DocCount(snap->posts, 1) > std::max<std::size_t>(1000, base_posts / 4) ||
      DocCount(snap->students, 1) > std::max<std::size_t>(1000, base_students / 4)) {
    auto rebuilt = BuildSnapshot(
        LiveDocs<Snapshot::Part<PostSegment>, PostDoc>(snap->posts, 0),
        LiveDocs<Snapshot::Part<StudentSegment>, StudentDoc>(snap->students, 0), snap->weights);
    auto out = std::make_shared<Snapshot>(*rebuilt);
    out->change_id = base.change_id;
    return out;
  }
  // Too many segments: merge the newer ones (same statistics, so the same impacts).
  if (snap->posts.size() > kMaxSegments) {
    auto docs = LiveDocs<Snapshot::Part<PostSegment>, PostDoc>(snap->posts, 1);
    snap->posts.resize(1);
    snap->posts.push_back({BuildPostSegment(std::move(docs), *snap->stats, snap->weights), none});
  }
  if (snap->students.size() > kMaxSegments) {
    auto docs = LiveDocs<Snapshot::Part<StudentSegment>, StudentDoc>(snap->students, 1);
    snap->students.resize(1);
    snap->students.push_back({BuildStudentSegment(std::move(docs)), none});
  }
  return snap;
}

Result<std::shared_ptr<Engine>> Engine::Start(std::shared_ptr<store::Database> db,
                                              EngineOptions options) {
  std::shared_ptr<Engine> engine(new Engine(std::move(db), std::move(options)));
  TB_TRY_STATUS(engine->Load());
  if (engine->options_.gauges) {
    Engine* e = engine.get();
    TB_TRY(engine->posts_gauge_,
           core::RegisterGauge("tb_match_index_posts", "Posts in the matching index snapshot.",
                               [e] { return static_cast<double>(e->snapshot()->PostCount()); }));
    TB_TRY(
        engine->students_gauge_,
        core::RegisterGauge("tb_match_index_students", "Students in the matching index snapshot.",
                            [e] { return static_cast<double>(e->snapshot()->StudentCount()); }));
  }
  if (engine->options_.follow) engine->follower_ = std::thread([e = engine.get()] { e->Follow(); });
  return engine;
}

Engine::~Engine() {
  {
    std::lock_guard lock(stop_mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  if (follower_.joinable()) follower_.join();
}

Status Engine::Load() {
  std::vector<PostDoc> posts;
  std::vector<StudentDoc> students;
  std::int64_t change_id = 0;
  const Weights& w = options_.weights;
  TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
    change_id = store::LastChangeId(tx);
    store::ForEachMatchPost(tx, 10000, [&](std::vector<store::MatchPostRow>&& rows) {
      for (const auto& r : rows) posts.push_back(PostDocOf(r));
    });
    store::ForEachMatchStudent(tx, 10000, [&](std::vector<store::MatchStudentRow>&& rows) {
      for (const auto& r : rows) students.push_back(StudentDocOf(r, w));
    });
    return {};
  }));
  auto built = BuildSnapshot(std::move(posts), std::move(students), w);
  auto snap = std::make_shared<Snapshot>(*built);
  snap->change_id = change_id;
  spdlog::info("match index: {} posts, {} students, {:.1f} MiB", snap->PostCount(),
               snap->StudentCount(), static_cast<double>(snap->MemoryBytes()) / (1 << 20));
  snapshot_.store(std::move(snap));
  return {};
}

Status Engine::CatchUp() {
  std::lock_guard lock(catch_up_);
  for (;;) {
    auto current = snapshot_.load();
    std::vector<store::ChangeRow> changes;
    std::vector<store::MatchPostRow> post_rows;
    std::vector<store::MatchStudentRow> student_rows;
    std::vector<Id> post_ids, student_ids;
    TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
      changes = store::ChangesAfter(tx, current->change_id, kChangeBatch);
      if (changes.empty()) return {};
      std::set<Id> posts, students, orgs, institutions;
      for (const auto& c : changes) {
        if (c.entity == "post") posts.insert(c.entity_id);
        if (c.entity == "student") students.insert(c.entity_id);
        if (c.entity == "organization") orgs.insert(c.entity_id);
        if (c.entity == "institution") institutions.insert(c.entity_id);
      }
      for (Id id : store::PostIdsOfOrganizations(tx, {orgs.begin(), orgs.end()})) {
        posts.insert(id);
      }
      for (Id id :
           store::StudentIdsOfInstitutions(tx, {institutions.begin(), institutions.end()})) {
        students.insert(id);
      }
      post_ids.assign(posts.begin(), posts.end());
      student_ids.assign(students.begin(), students.end());
      post_rows = store::LoadMatchPosts(tx, post_ids);
      student_rows = store::LoadMatchStudents(tx, student_ids);
      return {};
    }));
    if (changes.empty()) return {};
    std::vector<PostDoc> posts;
    for (const auto& r : post_rows) posts.push_back(PostDocOf(r));
    std::vector<StudentDoc> students;
    for (const auto& r : student_rows) students.push_back(StudentDocOf(r, options_.weights));
    // Ids that no longer exist are removed; the others are replaced by their new version.
    auto next =
        ApplyChanges(*current, std::move(posts), post_ids, std::move(students), student_ids);
    auto published = std::make_shared<Snapshot>(*next);
    published->change_id = changes.back().id;
    snapshot_.store(std::move(published));
    if (changes.size() < static_cast<std::size_t>(kChangeBatch)) return {};
  }
}

void Engine::Follow() {
  std::unique_lock lock(stop_mutex_);
  while (!stop_) {
    if (stop_cv_.wait_for(lock, options_.poll, [&] { return stop_; })) break;
    lock.unlock();
    if (auto st = CatchUp(); !st.ok()) {
      spdlog::warn("match index: cannot follow changes: {}", st.error().message);
    }
    lock.lock();
  }
}

}  // namespace tb::match
