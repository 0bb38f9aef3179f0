#pragma once
// The matching index (DESIGN §7, STYLE "search engine structure"): immutable segments of
// documents with compressed inverted lists (delta + varint in blocks of 128 document numbers,
// with the first and last number and the largest impact of each block, for skipping) and
// CRoaring bitmaps for the hard filters; a Snapshot is a set of segments plus per-segment
// deletion bitmaps. A snapshot never changes once published: readers hold a shared_ptr and
// never lock; the engine publishes a new one.
//
// Top-k is document-at-a-time MaxScore over cursors (docid/next/next_geq/max_score): every
// list carries its largest impact, lists whose maxima cannot lift a document above the current
// k-th score become non-essential and are only probed; a candidate that passes is scored
// exactly by the model (model.hpp Score), so the fast path and the exhaustive reference rank
// by the very same numbers. Ties are broken by the smaller id.
//
// Keys of the post lists (the student is the query):
//   rs:<skill> 1/|required|   ps:<skill> 1/|preferred|     (× the skill weights)
//   mx:<entry> (× major_exact)  mc:<class of an entry of 4+ characters> (× major_class)
//   mg:<category of an entry> (× major_category)  many (× major_any)
//   rc:<city> (× region_city)  rp:<province> (× region_province)  in:<division> (× industry)
//   t:<term> BM25 weight (× text / text_saturation)
// For a student (TopPosts), the lists are grouped by the model's component, and a group is
// bounded the way the model combines it: the major and region groups by the largest bound of
// their lists (the model takes the best match), the skill and text groups by the sum of their
// lists' bounds capped at the component's weight; the salary component has no list and is
// bounded by its weight through the "every eligible document" cursor. MaxScore splits the
// lists into essential and non-essential ones on these group bounds. Every list's block bound
// (block_max_range) holds for a run of documents up to a block edge and is kept until then:
// when the bounds of all lists cannot reach the k-th score, the essential lists jump past the
// nearest edge (block-max MaxScore). Documents outside the filter (closed posts, a level above
// the student's) are passed in one jump. A candidate's required-skills points are computed
// exactly at one look from the segment's side-by-side skills (no probe per skill list), the
// other non-essential lists are probed most promising first (skipping those that cannot change
// their group), and the salary fit is checked before the exact score.
// Post segments are numbered by city, first accepted major, open, level (then id), so that a
// city's posts of one major, of one class, of one province are runs; the search goes stage by
// stage over a partition of the documents: the student's major in the student's cities (the
// threshold rises at once), the rest of its class there, the rest of the student's provinces,
// then the other posts without the region lists.
//
// Keys of the student lists (the post is the query, TopStudents: MaxScore on summed list
// bounds): sk:<skill>, m6:<code>, m4:<class>, m2:<category>, rc:<city>, rp:<province>,
// in:<division>, q:<term>, each with impact 1. The salary component has no list: it is bounded
// by the weight of the "every eligible document" cursor, which iterates the filter bitmap.

#include <roaring/roaring.hh>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/recruitment.hpp"  // MayApply is domain::AcceptsMajor and domain::OpenToCohort
#include "match/model.hpp"

namespace tb::match {

class PostingList {
 public:
  static constexpr std::uint32_t kBlock = 128;

  // Appends a posting; documents in increasing order. Finish() once after the last Add:
  // impacts are then quantized to one byte each, rounded up (a cursor's impact is an upper
  // bound of the one added, never less — the exact score comes from the model).
  void Add(std::uint32_t doc, float impact);
  void Finish();
  std::uint32_t size() const { return size_; }
  float max_impact() const { return max_impact_; }
  std::size_t MemoryBytes() const;

  class Cursor {
   public:
    static constexpr std::uint32_t kEnd = UINT32_MAX;
    explicit Cursor(const PostingList* list);
    std::uint32_t docid() const { return doc_; }
    double impact() const { return list_->codes_[index_] * list_->scale_; }
    void next();
    void next_geq(std::uint32_t target);
    // An upper bound of the impact of every document in [target, *until] (target >= the
    // documents passed): the largest impact of the block holding target and *until its last
    // document, or 0 and *until the document before the next posting (kEnd past the end).
    // Cheap ("shallow"): moves only a block pointer; next_geq continues from there.
    double block_max_range(std::uint32_t target, std::uint32_t* until);

   private:
    void LoadBlock(std::uint32_t block);
    const PostingList* list_;
    std::uint32_t block_ = 0;       // loaded block
    std::uint32_t shallow_ = 0;     // first block whose last document may be >= a target
    std::uint32_t in_block_ = 0;    // position in it
    std::uint32_t block_size_ = 0;  // postings in it
    std::uint32_t index_ = 0;       // global position (impacts)
    std::uint32_t doc_ = kEnd;
    std::array<std::uint32_t, kBlock> buffer_{};
  };

 private:
  std::vector<std::uint8_t> bytes_;
  std::vector<std::uint32_t> block_first_;   // first document of each block
  std::vector<std::uint32_t> block_last_;    // last document of each block
  std::vector<std::uint32_t> block_offset_;  // byte offset of each block
  std::vector<std::uint8_t> block_max_;      // largest quantized impact of each block
  std::vector<float> staged_;                // impacts until Finish()
  std::vector<std::uint8_t> codes_;          // quantized impacts
  double scale_ = 0;
  std::uint32_t size_ = 0;
  std::uint32_t last_ = 0;
  float max_impact_ = 0;
};

std::uint64_t KeyHash(std::string_view key);

struct PostSegment {
  // The document number is the index. Posts are numbered by city, first accepted major, open
  // and level (then id), so that the lists of one region or major are runs of neighbouring
  // numbers, their block maxima are tight, and the posts a student may not take lie together;
  // ranking ties are still broken by id.
  std::vector<PostDoc> docs;
  std::unordered_map<std::uint64_t, PostingList> lists;
  std::unordered_map<Id, std::uint32_t> by_id;
  Roaring all, open, verified;
  std::array<Roaring, 4> open_for;  // [L]: open posts a student of level L may take
  std::unordered_map<std::string, Roaring> by_kind, by_province;
  // The numbers of a province's posts, a run since posts are numbered by city: [first, end).
  std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> province_runs;
  // The required skills of each post, side by side (document d's are required_hashes
  // [required_at[d], required_at[d + 1])), so that a candidate's required-skills component is
  // computed at one look in the order of the documents rather than by a probe per skill list.
  std::vector<std::uint32_t> required_at;
  std::vector<std::uint64_t> required_hashes;
  // Where each (city, first accepted major) run of the numbering begins, in its order.
  struct Run {
    std::string city, major;
    std::uint32_t first;
  };
  std::vector<Run> runs;
  std::size_t MemoryBytes() const;
};

struct StudentSegment {
  std::vector<StudentDoc> docs;
  std::unordered_map<std::uint64_t, PostingList> lists;
  std::unordered_map<Id, std::uint32_t> by_id;
  Roaring all, willing, consent;
  std::array<Roaring, 4> level_ge;                       // [L]: students of level L or above
  std::unordered_map<std::string, Roaring> by_province;  // a place in the province
  std::unordered_map<Id, Roaring> by_institution, by_unit;
  std::size_t MemoryBytes() const;
};

std::shared_ptr<const PostSegment> BuildPostSegment(std::vector<PostDoc> docs,
                                                    const TextStats& stats, const Weights& w);
std::shared_ptr<const StudentSegment> BuildStudentSegment(std::vector<StudentDoc> docs);
// Document frequencies and average length of the posts.
std::shared_ptr<const TextStats> ComputeStats(const std::vector<const PostDoc*>& posts);

struct Snapshot {
  Weights weights;
  std::shared_ptr<const TextStats> stats;
  template <class Segment>
  struct Part {
    std::shared_ptr<const Segment> segment;
    std::shared_ptr<const Roaring> deleted;  // never null
  };
  std::vector<Part<PostSegment>> posts;
  std::vector<Part<StudentSegment>> students;
  std::int64_t change_id = 0;  // the last change_log entry reflected here

  // The live version of a record, or null.
  const PostDoc* FindPost(Id id) const;
  const StudentDoc* FindStudent(Id id) const;
  std::size_t PostCount() const;
  std::size_t StudentCount() const;
  std::size_t MemoryBytes() const;
};

struct Hit {
  Id id = 0;
  double score = 0;
  bool operator==(const Hit&) const = default;
};

struct PostQuery {
  std::size_t limit = 20;
  int today = 0;               // day number (core::DayNumber)
  std::string kind;            // "" = any
  std::string region_prefix;   // "" = anywhere; 2, 4 or 6 digits
  bool verified_only = false;  // only posts of verified organizations
  // Only posts the student may apply to in this calendar year (MayApply); 0 = no such rule;
  // kAnyClass = the accepted majors only. Recommendations for a stored student set the year,
  // so nothing recommended is refused on apply; an ad-hoc profile (no class) kAnyClass.
  int applicable_year = 0;
};
// An applicable_year that keeps the accepted-majors rule without the graduating-class rule.
inline constexpr int kAnyClass = -1;

// Which students a caller may see (from service::ScopeList's StudentFilter).
struct StudentScope {
  bool none = false;
  std::optional<Id> institution_id, unit_id, student_id;
  // Only students who consented to talent search, and (sorted ids) those who applied to the
  // caller's organization's posts (DESIGN §9: a recruiter sees either).
  bool consent_only = false;
  std::vector<Id> applicants;
};

struct StudentQuery {
  std::size_t limit = 20;
  StudentScope scope;
  int applicable_year = 0;  // only students who may apply to the post (MayApply); 0 = any
};

// The posts that fit a student best: fast (MaxScore) and exhaustive reference.
std::vector<Hit> TopPosts(const Snapshot& snap, const StudentDoc& student, const PostQuery& q);
std::vector<Hit> TopPostsReference(const Snapshot& snap, const StudentDoc& student,
                                   const PostQuery& q);
// The students who fit a post best (post open or not: recruiters search before opening).
std::vector<Hit> TopStudents(const Snapshot& snap, const PostDoc& post, const StudentQuery& q);
std::vector<Hit> TopStudentsReference(const Snapshot& snap, const PostDoc& post,
                                      const StudentQuery& q);

// The hard constraints of a student for a post, without the post's own state (open, dates).
bool EligibleCandidate(const StudentDoc& s, const PostDoc& p);
bool InScope(const StudentDoc& s, const StudentScope& scope);
bool PostMatchesQuery(const StudentDoc& s, const PostDoc& p, const PostQuery& q);
// The application rules of domain::Eligibility that the model leaves to scoring, by the same
// predicates: a post that lists accepted majors takes only those (domain::AcceptsMajor), and a
// full-time post is for the graduating class, `year` or the next (domain::OpenToCohort;
// not checked for year kAnyClass).
bool MayApply(const StudentDoc& s, const PostDoc& p, int year);

}  // namespace tb::match
