#include "match/index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <tuple>

#include "match/terms.hpp"

namespace tb::match {

namespace {

// Bounds are compared with this slack so that rounding never prunes a document that ties.
constexpr double kSlack = 1e-7;

float RoundUp(double v) {
  auto f = static_cast<float>(v);
  if (static_cast<double>(f) < v) f = std::nextafter(f, std::numeric_limits<float>::infinity());
  return f;
}

void PutVarint(std::vector<std::uint8_t>& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

// The first block from `b` on whose last document is >= target: a few steps, then a binary
// search (a cursor may jump over thousands of blocks, e.g. from one region's run to another's).
std::uint32_t FirstBlockGeq(const std::vector<std::uint32_t>& last, std::uint32_t b,
                            std::uint32_t target) {
  const auto size = static_cast<std::uint32_t>(last.size());
  for (int step = 0; step < 4; ++step, ++b) {
    if (b >= size || last[b] >= target) return b;
  }
  return static_cast<std::uint32_t>(std::lower_bound(last.begin() + b, last.end(), target) -
                                    last.begin());
}

std::string City(std::string_view r) { return std::string(r.substr(0, 4)); }
std::string Province(std::string_view r) { return std::string(r.substr(0, 2)); }

template <class Map>
std::size_t ListsBytes(const Map& lists) {
  std::size_t n = lists.size() * (sizeof(std::uint64_t) + sizeof(PostingList) + 16);
  for (const auto& [k, l] : lists) n += l.MemoryBytes();
  return n;
}

std::size_t SkillBytes(const SkillSet& s) {
  std::size_t n = s.hashes.capacity() * 8;
  for (const auto& name : s.names) n += sizeof(std::string) + name.capacity();
  return n;
}

}  // namespace

std::uint64_t KeyHash(std::string_view key) { return Hash(key); }

// ---- PostingList ------------------------------------------------------------------------------

void PostingList::Add(std::uint32_t doc, float impact) {
  if (size_ % kBlock == 0) {
    block_offset_.push_back(static_cast<std::uint32_t>(bytes_.size()));
    block_first_.push_back(doc);
    block_last_.push_back(doc);
    PutVarint(bytes_, doc);  // the first of a block is absolute
  } else {
    PutVarint(bytes_, doc - last_);
    block_last_.back() = doc;
  }
  staged_.push_back(impact);
  max_impact_ = std::max(max_impact_, impact);
  last_ = doc;
  ++size_;
}

void PostingList::Finish() {
  scale_ = max_impact_ > 0 ? static_cast<double>(max_impact_) / 255.0 * (1 + 1e-9) : 0;
  codes_.resize(staged_.size());
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    double code = scale_ > 0 ? std::ceil(static_cast<double>(staged_[i]) / scale_) : 0;
    while (code * scale_ < staged_[i]) code += 1;
    codes_[i] = static_cast<std::uint8_t>(std::min(255.0, code));
  }
  if (max_impact_ > 0) max_impact_ = static_cast<float>(RoundUp(255 * scale_));
  block_max_.assign(block_last_.size(), 0);
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    auto& m = block_max_[i / kBlock];
    m = std::max(m, codes_[i]);
  }
  std::vector<float>().swap(staged_);
  bytes_.shrink_to_fit();
  block_first_.shrink_to_fit();
  block_last_.shrink_to_fit();
  block_offset_.shrink_to_fit();
}

std::size_t PostingList::MemoryBytes() const {
  return bytes_.capacity() +
         (block_first_.capacity() + block_last_.capacity() + block_offset_.capacity()) * 4 +
         block_max_.capacity() + codes_.capacity() + staged_.capacity() * sizeof(float);
}

PostingList::Cursor::Cursor(const PostingList* list) : list_(list) {
  if (list_->size_ > 0) {
    LoadBlock(0);
    doc_ = buffer_[0];
  }
}

void PostingList::Cursor::LoadBlock(std::uint32_t block) {
  block_ = block;
  shallow_ = std::max(shallow_, block);
  in_block_ = 0;
  index_ = block * kBlock;
  block_size_ = std::min(kBlock, list_->size_ - index_);
  const std::uint8_t* p = list_->bytes_.data() + list_->block_offset_[block];
  std::uint32_t prev = 0;
  for (std::uint32_t i = 0; i < block_size_; ++i) {
    std::uint32_t v = 0;
    int shift = 0;
    while (*p & 0x80) {
      v |= static_cast<std::uint32_t>(*p++ & 0x7f) << shift;
      shift += 7;
    }
    v |= static_cast<std::uint32_t>(*p++) << shift;
    prev = i == 0 ? v : prev + v;
    buffer_[i] = prev;
  }
}

void PostingList::Cursor::next() {
  if (doc_ == kEnd) return;
  if (++in_block_ < block_size_) {
    ++index_;
    doc_ = buffer_[in_block_];
    return;
  }
  if (block_ + 1 >= list_->block_last_.size()) {
    doc_ = kEnd;
    return;
  }
  LoadBlock(block_ + 1);
  doc_ = buffer_[0];
}

void PostingList::Cursor::next_geq(std::uint32_t target) {
  if (doc_ == kEnd || doc_ >= target) return;
  if (list_->block_last_[block_] < target) {
    std::uint32_t b = std::max(block_ + 1, shallow_);
    const auto& last = list_->block_last_;
    b = FirstBlockGeq(last, b, target);
    if (b >= last.size()) {
      doc_ = kEnd;
      return;
    }
    LoadBlock(b);
  }
  while (buffer_[in_block_] < target) ++in_block_;
  index_ = block_ * kBlock + in_block_;
  doc_ = buffer_[in_block_];
}

double PostingList::Cursor::block_max_range(std::uint32_t target, std::uint32_t* until) {
  if (doc_ == kEnd) {
    *until = kEnd;
    return 0;
  }
  if (doc_ > target) {  // nothing between the documents passed and doc_
    *until = doc_ - 1;
    return 0;
  }
  if (doc_ == target) {
    *until = list_->block_last_[block_];
    return list_->block_max_[block_] * list_->scale_;
  }
  const auto& last = list_->block_last_;
  std::uint32_t b = std::max(block_, shallow_);
  b = FirstBlockGeq(last, b, target);
  shallow_ = b;
  if (b >= last.size()) {
    *until = kEnd;
    return 0;
  }
  if (list_->block_first_[b] > target) {
    *until = list_->block_first_[b] - 1;
    return 0;
  }
  *until = last[b];
  return list_->block_max_[b] * list_->scale_;
}

// ---- Segments ---------------------------------------------------------------------------------

std::shared_ptr<const TextStats> ComputeStats(const std::vector<const PostDoc*>& posts) {
  auto stats = std::make_shared<TextStats>();
  double total = 0;
  for (const PostDoc* p : posts) {
    total += p->length;
    for (auto t : p->terms) ++stats->df[t];
  }
  stats->posts = static_cast<double>(posts.size());
  stats->average_length = posts.empty() ? 1 : std::max(1.0, total / stats->posts);
  return stats;
}

std::shared_ptr<const PostSegment> BuildPostSegment(std::vector<PostDoc> docs,
                                                    const TextStats& stats, const Weights& w) {
  auto seg = std::make_shared<PostSegment>();
  auto cluster = [](const PostDoc& p) {
    std::string_view major;
    if (!p.accepted_majors.empty()) major = p.accepted_majors[0];
    return std::tuple(std::string_view(p.region_code).substr(0, 4), major, !p.open, p.min_level,
                      p.id);
  };
  std::sort(docs.begin(), docs.end(),
            [&](const PostDoc& a, const PostDoc& b) { return cluster(a) < cluster(b); });
  seg->docs = std::move(docs);
  auto add = [&](const std::string& key, std::uint32_t doc, double impact) {
    seg->lists[KeyHash(key)].Add(doc, RoundUp(impact));
  };
  for (std::uint32_t i = 0; i < seg->docs.size(); ++i) {
    const PostDoc& p = seg->docs[i];
    seg->by_id[p.id] = i;
    seg->required_at.push_back(static_cast<std::uint32_t>(seg->required_hashes.size()));
    seg->required_hashes.insert(seg->required_hashes.end(), p.required.hashes.begin(),
                                p.required.hashes.end());
    seg->all.add(i);
    if (p.open) seg->open.add(i);
    if (p.verified) seg->verified.add(i);
    for (int level = 0; level < 4; ++level) {
      if (p.open && p.min_level <= level) seg->open_for[level].add(i);
    }
    seg->by_kind[p.kind].add(i);
    seg->by_province[Province(p.region_code)].add(i);
    seg->province_runs.try_emplace(Province(p.region_code), i, i).first->second.second = i + 1;
    std::string_view first_major;
    if (!p.accepted_majors.empty()) first_major = p.accepted_majors[0];
    if (seg->runs.empty() || seg->runs.back().city != City(p.region_code) ||
        seg->runs.back().major != first_major) {
      seg->runs.push_back({City(p.region_code), std::string(first_major), i});
    }

    // A key may be reached by two entries (two accepted majors of one class): one posting.
    std::map<std::string, double> keys;
    for (std::size_t k = 0; k < p.required.names.size(); ++k) {
      keys["rs:" + p.required.names[k]] = 1.0 / static_cast<double>(p.required.names.size());
    }
    for (std::size_t k = 0; k < p.preferred.names.size(); ++k) {
      keys["ps:" + p.preferred.names[k]] = 1.0 / static_cast<double>(p.preferred.names.size());
    }
    if (p.accepted_majors.empty()) keys["many"] = 1;
    for (const auto& m : p.accepted_majors) {
      keys["mx:" + m] = 1;
      if (m.size() >= 4) keys["mc:" + ClassOf(m)] = 1;
      keys["mg:" + CategoryOf(m)] = 1;
    }
    keys["rc:" + City(p.region_code)] = 1;
    keys["rp:" + Province(p.region_code)] = 1;
    if (!p.industry2.empty()) keys["in:" + p.industry2] = 1;
    for (auto& [key, impact] : keys) add(key, i, impact);
    for (std::size_t k = 0; k < p.terms.size(); ++k) {
      double bm25 = stats.Bm25(stats.Idf(p.terms[k]), p.tfs[k], p.length, w);
      seg->lists[p.terms[k] ^ KeyHash("t:")].Add(i, RoundUp(bm25));
    }
  }
  seg->required_at.push_back(static_cast<std::uint32_t>(seg->required_hashes.size()));
  seg->required_hashes.shrink_to_fit();
  for (auto& [key, list] : seg->lists) list.Finish();
  for (auto& r : seg->open_for) r.runOptimize();
  return seg;
}

namespace {
std::uint64_t TermKey(std::uint64_t term, char side) {
  return term ^ KeyHash(side == 'p' ? "t:" : "q:");
}
}  // namespace

std::shared_ptr<const StudentSegment> BuildStudentSegment(std::vector<StudentDoc> docs) {
  auto seg = std::make_shared<StudentSegment>();
  std::sort(docs.begin(), docs.end(),
            [](const StudentDoc& a, const StudentDoc& b) { return a.id < b.id; });
  seg->docs = std::move(docs);
  for (std::uint32_t i = 0; i < seg->docs.size(); ++i) {
    const StudentDoc& s = seg->docs[i];
    seg->by_id[s.id] = i;
    seg->all.add(i);
    if (s.willing_to_relocate) seg->willing.add(i);
    if (s.consent) seg->consent.add(i);
    for (int level = 0; level < 4; ++level) {
      if (s.level >= level) seg->level_ge[level].add(i);
    }
    seg->by_institution[s.institution_id].add(i);
    seg->by_unit[s.unit_id].add(i);
    std::map<std::string, int> keys;
    for (const auto& k : s.skills.names) keys["sk:" + k] = 1;
    if (!s.major_code.empty()) {
      keys["m6:" + s.major_code] = 1;
      keys["m4:" + ClassOf(s.major_code)] = 1;
      keys["m2:" + CategoryOf(s.major_code)] = 1;
    }
    for (const auto& r : s.places) {
      keys["rc:" + City(r)] = 1;
      keys["rp:" + Province(r)] = 1;
      seg->by_province[Province(r)].add(i);
    }
    for (const auto& d : s.industries2) keys["in:" + d] = 1;
    for (auto& [key, one] : keys) seg->lists[KeyHash(key)].Add(i, 1.0f);
    for (auto t : s.query) seg->lists[TermKey(t, 's')].Add(i, 1.0f);
  }
  for (auto& [key, list] : seg->lists) list.Finish();
  return seg;
}

std::size_t PostSegment::MemoryBytes() const {
  std::size_t n = ListsBytes(lists) + by_id.size() * 32;
  for (const auto& d : docs) {
    n += sizeof(PostDoc) + d.terms.capacity() * 8 + d.tfs.capacity() * 2 + SkillBytes(d.required) +
         SkillBytes(d.preferred) + d.title.capacity();
    for (const auto& m : d.accepted_majors) n += sizeof(std::string) + m.capacity();
  }
  n += all.getSizeInBytes() + open.getSizeInBytes() + verified.getSizeInBytes();
  for (const auto& r : open_for) n += r.getSizeInBytes();
  for (const auto& [k, r] : by_kind) n += r.getSizeInBytes();
  for (const auto& [k, r] : by_province) n += r.getSizeInBytes();
  n += province_runs.size() * 48 + required_at.capacity() * 4 + required_hashes.capacity() * 8;
  for (const auto& r : runs) n += sizeof(Run) + r.city.capacity() + r.major.capacity();
  return n;
}

std::size_t StudentSegment::MemoryBytes() const {
  std::size_t n = ListsBytes(lists) + by_id.size() * 32;
  for (const auto& d : docs) {
    n += sizeof(StudentDoc) + d.query.capacity() * 8 + SkillBytes(d.skills);
    for (const auto& w : d.query_words) n += sizeof(std::string) + w.capacity();
  }
  return n;
}

// ---- Snapshot ---------------------------------------------------------------------------------

namespace {

template <class Part>
auto FindLive(const std::vector<Part>& parts, Id id) -> decltype(&parts[0].segment->docs[0]) {
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    auto f = it->segment->by_id.find(id);
    if (f != it->segment->by_id.end() && !it->deleted->contains(f->second)) {
      return &it->segment->docs[f->second];
    }
  }
  return nullptr;
}

template <class Part>
std::size_t LiveCount(const std::vector<Part>& parts) {
  std::size_t n = 0;
  for (const auto& p : parts) n += p.segment->docs.size() - p.deleted->cardinality();
  return n;
}

}  // namespace

const PostDoc* Snapshot::FindPost(Id id) const { return FindLive(posts, id); }
const StudentDoc* Snapshot::FindStudent(Id id) const { return FindLive(students, id); }
std::size_t Snapshot::PostCount() const { return LiveCount(posts); }
std::size_t Snapshot::StudentCount() const { return LiveCount(students); }

std::size_t Snapshot::MemoryBytes() const {
  std::size_t n = 0;
  for (const auto& p : posts) n += p.segment->MemoryBytes() + p.deleted->getSizeInBytes();
  for (const auto& p : students) n += p.segment->MemoryBytes() + p.deleted->getSizeInBytes();
  if (stats) n += stats->df.size() * 24;
  return n;
}

// ---- Constraints ------------------------------------------------------------------------------

bool EligibleCandidate(const StudentDoc& s, const PostDoc& p) {
  if (p.min_level > s.level) return false;
  if (!s.willing_to_relocate) {
    std::string prov = Province(p.region_code);
    return std::any_of(s.places.begin(), s.places.end(),
                       [&](const std::string& r) { return Province(r) == prov; });
  }
  return true;
}

bool InScope(const StudentDoc& s, const StudentScope& scope) {
  if (scope.none) return false;
  if (scope.institution_id && s.institution_id != *scope.institution_id) return false;
  if (scope.unit_id && s.unit_id != *scope.unit_id) return false;
  if (scope.student_id && s.id != *scope.student_id) return false;
  if (scope.consent_only && !s.consent &&
      !std::binary_search(scope.applicants.begin(), scope.applicants.end(), s.id)) {
    return false;
  }
  return true;
}

bool MayApply(const StudentDoc& s, const PostDoc& p, int year) {
  return (year == kAnyClass || domain::OpenToCohort(p.kind, s.cohort, year)) &&
         domain::AcceptsMajor(p.accepted_majors, s.major_code);
}

bool PostMatchesQuery(const StudentDoc& s, const PostDoc& p, const PostQuery& q) {
  if (!Eligible(s, p, q.today, q.kind)) return false;
  if (q.applicable_year != 0 && !MayApply(s, p, q.applicable_year)) return false;
  if (q.verified_only && !p.verified) return false;
  if (!q.region_prefix.empty() && !p.region_code.starts_with(q.region_prefix)) return false;
  return true;
}

// ---- Top-k ------------------------------------------------------------------------------------

namespace {

// The k best (score desc, id asc) seen so far.
class TopK {
 public:
  explicit TopK(std::size_t k) : k_(k) {}
  static bool Better(const Hit& a, const Hit& b) {
    return a.score > b.score || (a.score == b.score && a.id < b.id);
  }
  void Push(Hit h) {
    if (k_ == 0) return;
    if (heap_.size() < k_) {
      heap_.push_back(h);
      std::push_heap(heap_.begin(), heap_.end(), Better);
    } else if (Better(h, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), Better);
      heap_.back() = h;
      std::push_heap(heap_.begin(), heap_.end(), Better);
    }
  }
  // Documents scoring below this cannot enter.
  double Threshold() const {
    return heap_.size() < k_ || k_ == 0 ? -std::numeric_limits<double>::infinity()
                                        : heap_.front().score;
  }
  std::vector<Hit> Sorted() && {
    std::sort(heap_.begin(), heap_.end(), Better);
    return std::move(heap_);
  }

 private:
  std::size_t k_;
  std::vector<Hit> heap_;  // a heap whose front is the worst kept hit
};

struct QueryTerm {
  const PostingList* list;
  double weight;
};

// One cursor of the MaxScore loop: a posting list, or the filter bitmap ("every eligible
// document") with a constant bound.
class Cursor {
 public:
  Cursor(const PostingList* list, double weight)
      : list_(list), weight_(weight), cursor_(list), max_(weight * list->max_impact()) {}
  Cursor(const Roaring* filter, double bound)
      : list_(nullptr), filter_(filter), weight_(0), cursor_(&kEmpty), max_(bound) {
    roaring_init_iterator(&filter->roaring, &it_);
    doc_ = it_.has_value ? it_.current_value : PostingList::Cursor::kEnd;
  }
  std::uint32_t docid() const { return list_ ? cursor_.docid() : doc_; }
  double score() const { return list_ ? weight_ * cursor_.impact() : max_; }
  double max_score() const { return max_; }
  void next() {
    if (list_) {
      cursor_.next();
    } else if (doc_ != PostingList::Cursor::kEnd) {
      next_geq(doc_ + 1);
    }
  }
  // A bound of the score of every document in [d, *until] (d >= the documents passed), without
  // decoding; the filter cursor is only asked about documents in the filter.
  double block_max_range(std::uint32_t d, std::uint32_t* until) {
    if (list_) return weight_ * cursor_.block_max_range(d, until);
    *until = PostingList::Cursor::kEnd;
    return max_;
  }
  void next_geq(std::uint32_t d) {
    if (list_) {
      cursor_.next_geq(d);
      return;
    }
    if (doc_ >= d) return;
    // A member is found by a bit test; the iterator (whose seek is dearer) moves only to jump
    // over documents outside the filter.
    if (filter_->contains(d)) {
      doc_ = d;
    } else if (roaring_move_uint32_iterator_equalorlarger(&it_, d)) {
      doc_ = it_.current_value;
    } else {
      doc_ = PostingList::Cursor::kEnd;
    }
  }

 private:
  static const PostingList kEmpty;
  const PostingList* list_;
  const Roaring* filter_ = nullptr;
  double weight_;
  PostingList::Cursor cursor_;
  double max_;
  roaring_uint32_iterator_t it_{};
  std::uint32_t doc_ = PostingList::Cursor::kEnd;  // the filter cursor's document
};
const PostingList Cursor::kEmpty{};

// MaxScore over one segment. `exact(doc)` returns the model's score, or nullopt when the
// document fails a constraint the bitmaps do not express.
template <class Exact>
void MaxScore(const std::vector<QueryTerm>& terms, const Roaring& filter, double universe_bound,
              Exact&& exact, TopK& top) {
  std::vector<Cursor> cursors;
  cursors.reserve(terms.size() + 1);
  for (const auto& t : terms) {
    if (t.weight > 0 && t.list->size() > 0) cursors.emplace_back(t.list, t.weight);
  }
  cursors.emplace_back(&filter, universe_bound);
  std::sort(cursors.begin(), cursors.end(),
            [](const Cursor& a, const Cursor& b) { return a.max_score() < b.max_score(); });
  const std::size_t n = cursors.size();
  std::vector<double> upto(n);  // upto[i] = sum of max_score of cursors 0..i
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) upto[i] = sum += cursors[i].max_score();

  std::size_t first = 0;  // cursors [first, n) are essential
  auto update_first = [&] {
    double theta = top.Threshold();
    while (first < n && upto[first] < theta - kSlack) ++first;
  };
  update_first();
  while (first < n) {
    std::uint32_t d = PostingList::Cursor::kEnd;
    for (std::size_t i = first; i < n; ++i) d = std::min(d, cursors[i].docid());
    if (d == PostingList::Cursor::kEnd) break;
    bool in = filter.contains(d);
    double bound = 0;
    for (std::size_t i = first; i < n; ++i) {
      if (cursors[i].docid() == d) {
        bound += cursors[i].score();
        cursors[i].next();
      }
    }
    if (!in) continue;
    double theta = top.Threshold() - kSlack;
    if (first > 0) bound += upto[first - 1];
    for (std::size_t i = first; i-- > 0;) {
      if (bound < theta) break;
      cursors[i].next_geq(d);
      bound -= cursors[i].max_score();
      if (cursors[i].docid() == d) bound += cursors[i].score();
    }
    if (bound < theta) continue;
    exact(d);
    update_first();
  }
}

// ---- MaxScore over component groups (TopPosts) ----
//
// Each list belongs to one group of the model; a document's score in a group is at most the
// group's combination of its impacts in the group's lists: the largest (major, region,
// industry: the model keeps the best match) or the sum capped at the component's weight
// (skills, text). The salary group is the filter cursor, bounded by the salary weight.

enum Group { kMajor, kRequired, kPreferred, kRegion, kIndustry, kText, kSalary, kGroups };

// Whether a group sums its lists (else it takes the largest).
constexpr std::array<bool, kGroups> kSumGroup = {false, true, true, false, false, true, true};

struct GroupCaps {
  std::array<double, kGroups> cap{};
};

GroupCaps PostGroupCaps(const Weights& w) {
  constexpr double kNone = std::numeric_limits<double>::infinity();
  GroupCaps c;
  c.cap = {kNone, w.required_skills, w.preferred_skills, kNone, kNone, w.text, w.salary};
  return c;
}

struct GroupedTerm {
  const PostingList* list;
  double weight;
  int group;
};

using GroupValues = std::array<double, kGroups>;

// `required(d)`: the exact points of document d's required-skills component.
template <class Required, class Exact>
void GroupedMaxScore(const std::vector<GroupedTerm>& terms, const Roaring& filter,
                     double salary_bound, const GroupCaps& caps, std::uint32_t begin,
                     std::uint32_t end, bool with_region, Required&& required, Exact&& exact,
                     TopK& top) {
  if (begin >= end) return;
  {
    roaring_uint32_iterator_t it;
    roaring_init_iterator(&filter.roaring, &it);
    if (!roaring_move_uint32_iterator_equalorlarger(&it, begin) || it.current_value >= end) return;
  }
  // The lists by what they can add to their group (a text list's bound beyond the text
  // weight adds nothing), smallest first; the filter cursor last among equals. Sorted as
  // indices, so that the cursors (with their block buffers) are built in place.
  struct Entry {
    const PostingList* list;  // null: the filter cursor
    double weight;
    double effective;
    int group;
  };
  std::vector<Entry> order;
  order.reserve(terms.size() + 1);
  for (const auto& t : terms) {
    if (t.weight > 0 && t.list->size() > 0 && (with_region || t.group != kRegion)) {
      order.push_back({t.list, t.weight,
                       std::min(t.weight * t.list->max_impact(), caps.cap[t.group]), t.group});
    }
  }
  order.push_back({nullptr, 0, std::min(salary_bound, caps.cap[kSalary]), kSalary});
  std::stable_sort(order.begin(), order.end(),
                   [](const Entry& a, const Entry& b) { return a.effective < b.effective; });
  std::vector<Cursor> cursors;
  std::vector<int> group;
  cursors.reserve(order.size());
  group.reserve(order.size());
  std::size_t filter_at = 0;
  for (const auto& e : order) {
    if (e.list) {
      cursors.emplace_back(e.list, e.weight);
    } else {
      filter_at = cursors.size();
      cursors.emplace_back(&filter, salary_bound);
    }
    cursors.back().next_geq(begin);
    group.push_back(e.group);
  }
  const std::size_t n = cursors.size();
  auto combine = [](int g, double a, double b) { return kSumGroup[g] ? a + b : std::max(a, b); };
  // prefix[i][g]: the group's bound from cursors 0..i-1 (those not yet looked at).
  std::vector<GroupValues> prefix(n + 1, GroupValues{});
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i];
    int g = group[i];
    prefix[i + 1][g] = combine(g, prefix[i][g], cursors[i].max_score());
  }
  // The bound of a document: each group's combination capped at its weight (unrolled).
  const GroupValues& cap = caps.cap;
  auto total = [&cap](const GroupValues& a, const GroupValues& b) __attribute__((always_inline)) {
    return std::max(a[kMajor], b[kMajor]) + std::min(cap[kRequired], a[kRequired] + b[kRequired]) +
           std::min(cap[kPreferred], a[kPreferred] + b[kPreferred]) +
           std::max(a[kRegion], b[kRegion]) + std::max(a[kIndustry], b[kIndustry]) +
           std::min(cap[kText], a[kText] + b[kText]) +
           std::min(cap[kSalary], a[kSalary] + b[kSalary]);
  };
  const GroupValues zero{};
  // A document found in none of cursors [first, n) scores at most total(zero, prefix[first]).
  std::size_t first = 0;
  auto update_first = [&] {
    double theta = top.Threshold() - kSlack;
    while (first < n && total(zero, prefix[first + 1]) < theta) ++first;
  };
  update_first();
  // Block bounds of every list, kept until the document they hold to: bmax[i] bounds list i's
  // impact on every document from where it was taken to buntil[i] (-1: none yet).
  std::vector<double> bmax(n, 0);
  std::vector<std::int64_t> buntil(n, -1);
  // Their combination and the nearest document they hold to, renewed when d passes it.
  double blocks_total = 0;
  std::int64_t blocks_until = -1;
  while (first < n) {
    std::uint32_t d = PostingList::Cursor::kEnd;
    for (std::size_t i = first; i < n; ++i) d = std::min(d, cursors[i].docid());
    if (d >= end) break;
    // Interval skip (block-max MaxScore): the block maxima of every list hold for all the
    // documents from d to the nearest block edge; when they cannot reach the threshold, the
    // essential lists jump past that edge without looking at the candidates between.
    const double theta = top.Threshold() - kSlack;
    if (blocks_until < d) {
      GroupValues blocks{};
      blocks_until = PostingList::Cursor::kEnd;
      for (std::size_t i = 0; i < n; ++i) {
        if (buntil[i] < d) {
          std::uint32_t u = 0;
          bmax[i] = cursors[i].block_max_range(d, &u);
          buntil[i] = u;
        }
        int g = group[i];
        blocks[g] = combine(g, blocks[g], bmax[i]);
        blocks_until = std::min(blocks_until, buntil[i]);
      }
      blocks_total = total(blocks, zero);
    }
    if (blocks_total < theta) {
      if (blocks_until >= static_cast<std::int64_t>(end) - 1) break;
      const auto next = static_cast<std::uint32_t>(blocks_until + 1);
      for (std::size_t i = first; i < n; ++i) cursors[i].next_geq(next);
      continue;
    }
    // Documents outside the filter (closed posts, a level above the student's) are passed in
    // one jump: the numbering keeps them together inside each run.
    if (Cursor& eligible = cursors[filter_at]; eligible.next_geq(d), eligible.docid() != d) {
      const std::uint32_t f = eligible.docid();
      if (f >= end) break;
      for (std::size_t i = first; i < n; ++i) cursors[i].next_geq(f);
      continue;
    }
    GroupValues seen{};
    for (std::size_t i = first; i < n; ++i) {
      if (cursors[i].docid() == d) {
        int g = group[i];
        seen[g] = combine(g, seen[g], cursors[i].score());
        cursors[i].next();
      }
    }
    if (total(seen, prefix[first]) < theta) continue;
    // The required skills exactly, at one look (their lists are not probed); then the deep
    // pass, most promising list first. A list that cannot change its group's value (a
    // best-match group already at the list's bound, a summed group at its cap) is not probed.
    seen[kRequired] = required(d);
    auto rest = [&prefix](std::size_t i) {
      GroupValues r = prefix[i];
      r[kRequired] = 0;
      return r;
    };
    if (total(seen, rest(first)) < theta) continue;
    bool out = false;
    for (std::size_t i = first; i-- > 0;) {
      const int g = group[i];
      if (g == kRequired) continue;
      if (kSumGroup[g] ? seen[g] >= cap[g] : seen[g] >= cursors[i].max_score()) continue;
      cursors[i].next_geq(d);
      if (cursors[i].docid() == d) seen[g] = combine(g, seen[g], cursors[i].score());
      if (total(seen, rest(i)) < theta) {
        out = true;
        break;
      }
    }
    if (out) continue;
    // Every list is probed: `seen` bounds each group; the salary's bound is left to exact,
    // which knows the post.
    seen[kSalary] = 0;
    exact(d, total(seen, zero));
    update_first();
  }
}

Roaring Without(const Roaring& a, const Roaring& deleted) {
  return deleted.isEmpty() ? a : a - deleted;
}

// Half-open runs of document numbers.
using Intervals = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Sorted, without empty runs, overlapping runs merged.
Intervals Normalized(Intervals v) {
  std::erase_if(v, [](const auto& r) { return r.first >= r.second; });
  std::sort(v.begin(), v.end());
  Intervals out;
  for (const auto& r : v) {
    if (!out.empty() && r.first <= out.back().second) {
      out.back().second = std::max(out.back().second, r.second);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

// The parts of the runs `a` outside the runs `b` (both normalized).
Intervals Minus(const Intervals& a, const Intervals& b) {
  Intervals out;
  for (auto [from, to] : a) {
    for (const auto& [b0, b1] : b) {
      if (b1 <= from || b0 >= to) continue;
      if (b0 > from) out.emplace_back(from, b0);
      from = std::max(from, b1);
    }
    if (from < to) out.emplace_back(from, to);
  }
  return out;
}

// The run of the posts of a city whose first accepted major is `major` (exact) or starts with
// it (a class: the numbering's order keeps both contiguous); empty when there is none.
std::pair<std::uint32_t, std::uint32_t> ClusterRun(const PostSegment& seg, std::string_view city,
                                                   std::string_view major, bool exact) {
  const auto& runs = seg.runs;
  const std::pair want(city, major);
  auto lo = std::partition_point(runs.begin(), runs.end(), [&](const PostSegment::Run& r) {
    return std::pair<std::string_view, std::string_view>(r.city, r.major) < want;
  });
  auto hi = std::partition_point(lo, runs.end(), [&](const PostSegment::Run& r) {
    return r.city == city && (exact ? r.major == major : r.major.starts_with(major));
  });
  auto at = [&](auto it) {
    return it == runs.end() ? static_cast<std::uint32_t>(seg.docs.size()) : it->first;
  };
  return {at(lo), at(hi)};
}

}  // namespace

std::vector<Hit> TopPosts(const Snapshot& snap, const StudentDoc& s, const PostQuery& q) {
  const Weights& w = snap.weights;
  TopK top(q.limit);
  if (q.limit == 0) return {};
  // The query: which lists, in which component group, with which weight.
  struct Key {
    std::string key;
    int group;
    double weight;
  };
  std::vector<Key> keys;
  for (const auto& k : s.skills.names) {
    keys.push_back({"rs:" + k, kRequired, w.required_skills});
    keys.push_back({"ps:" + k, kPreferred, w.preferred_skills});
  }
  if (!s.major_code.empty()) {
    keys.push_back({"mx:" + s.major_code, kMajor, w.major_exact});
    keys.push_back({"mc:" + ClassOf(s.major_code), kMajor, w.major_class});
    keys.push_back({"mg:" + CategoryOf(s.major_code), kMajor, w.major_category});
  }
  keys.push_back({"many", kMajor, w.major_any});
  {
    std::map<std::string, int> regions;
    for (const auto& r : s.places) {
      regions["rc:" + City(r)] = 1;
      regions["rp:" + Province(r)] = 1;
    }
    for (auto& [k, one] : regions) {
      keys.push_back({k, kRegion, k[1] == 'c' ? w.region_city : w.region_province});
    }
  }
  for (const auto& d : s.industries2) keys.push_back({"in:" + d, kIndustry, w.industry});
  std::vector<std::uint64_t> key_hashes;
  for (const auto& k : keys) key_hashes.push_back(KeyHash(k.key));
  const double text_weight = w.text / w.text_saturation;
  std::vector<double> idf;
  idf.reserve(s.query.size());
  for (auto t : s.query) idf.push_back(snap.stats->Idf(t));
  const GroupCaps caps = PostGroupCaps(w);

  for (const auto& part : snap.posts) {
    const PostSegment& seg = *part.segment;
    // The posts the student may take: the segment's bitmap itself unless the query narrows it.
    const Roaring* filter = &seg.open_for[std::clamp(s.level, 0, 3)];
    Roaring narrowed;
    auto narrow = [&](const Roaring& by, bool keep) {
      if (filter != &narrowed) {
        narrowed = keep ? *filter & by : *filter - by;
        filter = &narrowed;
      } else if (keep) {
        narrowed &= by;
      } else {
        narrowed -= by;
      }
    };
    if (!q.kind.empty()) {
      auto it = seg.by_kind.find(q.kind);
      if (it == seg.by_kind.end()) continue;
      narrow(it->second, true);
    }
    if (q.verified_only) narrow(seg.verified, true);
    if (q.region_prefix.size() >= 2) {
      auto it = seg.by_province.find(q.region_prefix.substr(0, 2));
      if (it == seg.by_province.end()) continue;
      narrow(it->second, true);
    }
    if (!s.willing_to_relocate) {
      Roaring near;
      for (const auto& r : s.places) {
        if (auto it = seg.by_province.find(Province(r)); it != seg.by_province.end()) {
          near |= it->second;
        }
      }
      narrow(near, true);
    }
    if (!part.deleted->isEmpty()) narrow(*part.deleted, false);
    if (filter->isEmpty()) continue;

    std::vector<GroupedTerm> terms;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (auto it = seg.lists.find(key_hashes[k]); it != seg.lists.end()) {
        terms.push_back({&it->second, keys[k].weight, keys[k].group});
      }
    }
    if (text_weight > 0) {
      for (auto t : s.query) {
        if (auto it = seg.lists.find(TermKey(t, 'p')); it != seg.lists.end()) {
          terms.push_back({&it->second, text_weight, kText});
        }
      }
    }
    // The model's required-skills points (Score) from the segment's side-by-side skills.
    const auto& have = s.skills.hashes;
    auto required = [&](std::uint32_t d) {
      const std::uint64_t* want = seg.required_hashes.data() + seg.required_at[d];
      const std::size_t size = seg.required_at[d + 1] - seg.required_at[d];
      if (size == 0) return 0.0;
      std::size_t count = 0;
      for (std::size_t i = 0, j = 0; i < size; ++i) {
        while (j < have.size() && have[j] < want[i]) ++j;
        if (j < have.size() && have[j] == want[i]) ++count;
      }
      return w.required_skills * static_cast<double>(count) / static_cast<double>(size);
    };
    // `bound`: the document's bound without the salary, whose fit is cheaper than the score.
    auto exact = [&](std::uint32_t d, double bound) {
      const PostDoc& p = seg.docs[d];
      if (bound + w.salary * SalaryFit(s, p) < top.Threshold() - kSlack) return;
      if (!PostMatchesQuery(s, p, q)) return;
      top.Push({p.id, Score(s, p, *snap.stats, w, false, idf.data()).score});
    };
    // Posts are numbered by city and first accepted major. The search goes stage by stage,
    // each over the runs not searched before: the student's exact major in the student's
    // cities, where the best posts usually are (the threshold rises at once), the rest of
    // the major's class there, the rest of the student's provinces, then the other posts,
    // where the region lists (all inside the provinces' runs) have nothing and are left out.
    // The stages only order the search; together they cover every document once.
    const auto docs = static_cast<std::uint32_t>(seg.docs.size());
    Intervals exact_runs, class_runs, near;
    for (const auto& r : s.places) {
      if (auto it = seg.province_runs.find(Province(r)); it != seg.province_runs.end()) {
        near.push_back(it->second);
      }
      if (!s.major_code.empty()) {
        exact_runs.push_back(ClusterRun(seg, City(r), s.major_code, true));
        class_runs.push_back(ClusterRun(seg, City(r), ClassOf(s.major_code), false));
      }
    }
    Intervals covered;
    auto search = [&](Intervals stage, bool with_region) {
      stage = Normalized(std::move(stage));
      for (auto [b, e] : Minus(stage, covered)) {
        GroupedMaxScore(terms, *filter, w.salary, caps, b, e, with_region, required, exact, top);
      }
      stage.insert(stage.end(), covered.begin(), covered.end());
      covered = Normalized(std::move(stage));
    };
    search(std::move(exact_runs), true);
    search(std::move(class_runs), true);
    search(std::move(near), true);
    search({{0, docs}}, false);
  }
  return std::move(top).Sorted();
}

std::vector<Hit> TopPostsReference(const Snapshot& snap, const StudentDoc& s, const PostQuery& q) {
  TopK top(q.limit);
  for (const auto& part : snap.posts) {
    for (std::uint32_t d = 0; d < part.segment->docs.size(); ++d) {
      if (part.deleted->contains(d)) continue;
      const PostDoc& p = part.segment->docs[d];
      if (!PostMatchesQuery(s, p, q)) continue;
      top.Push({p.id, Score(s, p, *snap.stats, snap.weights, false).score});
    }
  }
  return std::move(top).Sorted();
}

std::vector<Hit> TopStudents(const Snapshot& snap, const PostDoc& p, const StudentQuery& q) {
  const Weights& w = snap.weights;
  TopK top(q.limit);
  if (q.scope.none) return {};
  std::map<std::string, double> keys;  // summed: a skill both required and preferred
  for (const auto& k : p.required.names) {
    keys["sk:" + k] += w.required_skills / static_cast<double>(p.required.names.size());
  }
  for (const auto& k : p.preferred.names) {
    keys["sk:" + k] += w.preferred_skills / static_cast<double>(p.preferred.names.size());
  }
  for (const auto& m : p.accepted_majors) {
    if (m.size() >= 6) {
      keys["m6:" + m] = std::max(keys["m6:" + m], w.major_exact);
      keys["m4:" + ClassOf(m)] = std::max(keys["m4:" + ClassOf(m)], w.major_class);
      keys["m2:" + CategoryOf(m)] = std::max(keys["m2:" + CategoryOf(m)], w.major_category);
    } else if (m.size() == 4) {
      keys["m4:" + m] = std::max(keys["m4:" + m], w.major_class);
      keys["m2:" + CategoryOf(m)] = std::max(keys["m2:" + CategoryOf(m)], w.major_category);
    } else {
      keys["m2:" + m] = std::max(keys["m2:" + m], w.major_category);
    }
  }
  keys["rc:" + City(p.region_code)] = w.region_city;
  keys["rp:" + Province(p.region_code)] = w.region_province;
  if (!p.industry2.empty()) keys["in:" + p.industry2] = w.industry;
  // Text: the post's BM25 weight of each of its terms, for the students whose query has it.
  std::vector<std::pair<std::uint64_t, double>> text;
  for (std::size_t k = 0; k < p.terms.size(); ++k) {
    double bm25 = snap.stats->Bm25(snap.stats->Idf(p.terms[k]), p.tfs[k], p.length, w);
    text.emplace_back(TermKey(p.terms[k], 's'), RoundUp(bm25) * w.text / w.text_saturation);
  }
  const double universe = w.salary + (p.accepted_majors.empty() ? w.major_any : 0);

  for (const auto& part : snap.students) {
    const StudentSegment& seg = *part.segment;
    Roaring filter = seg.level_ge[std::clamp(p.min_level, 0, 3)];
    {
      Roaring reach = seg.willing;
      if (auto it = seg.by_province.find(Province(p.region_code)); it != seg.by_province.end()) {
        reach |= it->second;
      }
      filter &= reach;
    }
    if (q.scope.institution_id) {
      auto it = seg.by_institution.find(*q.scope.institution_id);
      if (it == seg.by_institution.end()) continue;
      filter &= it->second;
    }
    if (q.scope.unit_id) {
      auto it = seg.by_unit.find(*q.scope.unit_id);
      if (it == seg.by_unit.end()) continue;
      filter &= it->second;
    }
    if (q.scope.student_id) {
      auto it = seg.by_id.find(*q.scope.student_id);
      if (it == seg.by_id.end()) continue;
      Roaring one;
      one.add(it->second);
      filter &= one;
    }
    if (q.scope.consent_only) {
      Roaring seen = seg.consent;
      for (Id id : q.scope.applicants) {
        if (auto it = seg.by_id.find(id); it != seg.by_id.end()) seen.add(it->second);
      }
      filter &= seen;
    }
    filter = Without(filter, *part.deleted);
    if (filter.isEmpty()) continue;
    std::vector<QueryTerm> terms;
    for (const auto& [key, weight] : keys) {
      if (auto it = seg.lists.find(KeyHash(key)); it != seg.lists.end()) {
        terms.push_back({&it->second, weight});
      }
    }
    for (const auto& [key, weight] : text) {
      if (auto it = seg.lists.find(key); it != seg.lists.end()) {
        terms.push_back({&it->second, weight});
      }
    }
    MaxScore(
        terms, filter, universe,
        [&](std::uint32_t d) {
          const StudentDoc& s = seg.docs[d];
          if (!EligibleCandidate(s, p) || !InScope(s, q.scope) ||
              (q.applicable_year != 0 && !MayApply(s, p, q.applicable_year)))
            return;
          top.Push({s.id, Score(s, p, *snap.stats, w, false).score});
        },
        top);
  }
  return std::move(top).Sorted();
}

std::vector<Hit> TopStudentsReference(const Snapshot& snap, const PostDoc& p,
                                      const StudentQuery& q) {
  TopK top(q.limit);
  for (const auto& part : snap.students) {
    for (std::uint32_t d = 0; d < part.segment->docs.size(); ++d) {
      if (part.deleted->contains(d)) continue;
      const StudentDoc& s = part.segment->docs[d];
      if (!EligibleCandidate(s, p) || !InScope(s, q.scope) ||
          (q.applicable_year != 0 && !MayApply(s, p, q.applicable_year)))
        continue;
      top.Push({s.id, Score(s, p, *snap.stats, snap.weights, false).score});
    }
  }
  return std::move(top).Sorted();
}

}  // namespace tb::match
