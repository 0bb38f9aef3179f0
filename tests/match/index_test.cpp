// The fast top-k (MaxScore over compressed lists and bitmaps) returns exactly what the
// exhaustive reference returns, on random data, in both directions, also after live changes.

#include <gtest/gtest.h>

#include <random>

#include "core/time.hpp"
#include "match/engine.hpp"
#include "match/index.hpp"

namespace tb::match {
namespace {

struct Pools {
  std::vector<std::string> majors = {"080202",  "080204", "080207", "080901", "080902",
                                     "120203K", "120204", "081001", "070302", "460103"};
  std::vector<std::string> accepted = {"080202", "0802",   "08",   "0809",   "120204",
                                       "12",     "081001", "0703", "460103", "4601"};
  std::vector<std::string> skills = {"C++",   "cpp", "Java",  "Python", "AutoCAD",  "SolidWorks",
                                     "Excel", "PLC", "C/C++", "Linux",  "机械制图", "财务分析"};
  std::vector<std::string> regions = {"210100", "210102", "210700", "210711", "110000",
                                      "310115", "510104", "511322", "500113"};
  std::vector<std::string> words = {"机械", "设计", "图纸", "软件", "开发", "财务", "报表",
                                    "电气", "调试", "测试", "客户", "项目", "java", "python"};
  std::vector<std::string> levels = {"vocational", "bachelor", "master", "doctor"};
  std::vector<std::string> kinds = {"full_time", "internship", "part_time"};
};

template <class T>
const T& Pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

std::vector<std::string> Some(std::mt19937& rng, const std::vector<std::string>& v, int max) {
  std::vector<std::string> out;
  int n = std::uniform_int_distribution<int>(0, max)(rng);
  for (int i = 0; i < n; ++i) out.push_back(Pick(rng, v));
  return out;
}

std::string Text(std::mt19937& rng, const Pools& p, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += Pick(rng, p.words) + (i % 3 == 0 ? "，" : "");
  return s;
}

domain::Post RandomPost(std::mt19937& rng, const Pools& p, Id id) {
  domain::Post post;
  post.id = id;
  post.organization_id = 1 + id % 7;
  post.title = Text(rng, p, 2);
  post.kind = Pick(rng, p.kinds);
  post.accepted_majors = Some(rng, p.accepted, 2);
  post.min_level = Pick(rng, p.levels);
  if (rng() % 3 == 0) post.min_level = "vocational";
  post.required_skills = Some(rng, p.skills, 3);
  post.preferred_skills = Some(rng, p.skills, 2);
  post.region_code = Pick(rng, p.regions);
  if (rng() % 4) post.industry_code = std::to_string(34 + rng() % 4) + "11";
  if (rng() % 5) {
    post.salary_min = 3000 + static_cast<long>(rng() % 6) * 1000;
    post.salary_max = *post.salary_min + static_cast<long>(rng() % 5) * 1000;
  }
  post.description = Text(rng, p, 3 + static_cast<int>(rng() % 12));
  post.status = rng() % 6 == 0 ? "closed" : "open";
  if (rng() % 5 == 0) post.close_date = rng() % 2 ? "2020-01-01" : "2099-01-01";
  return post;
}

domain::Student RandomStudent(std::mt19937& rng, const Pools& p, Id id) {
  domain::Student s;
  s.id = id;
  s.institution_id = 1 + id % 3;
  s.unit_id = 10 + id % 5;
  s.major_code = Pick(rng, p.majors);
  s.level = Pick(rng, p.levels);
  s.skills = Some(rng, p.skills, 4);
  s.preferred_regions = Some(rng, p.regions, 2);
  if (rng() % 2) s.preferred_industries = {std::to_string(34 + rng() % 4)};
  if (rng() % 3) s.expected_salary_min = 3000 + static_cast<long>(rng() % 8) * 1000;
  s.willing_to_relocate = rng() % 3 != 0;
  s.resume = Text(rng, p, static_cast<int>(rng() % 10));
  s.talent_search_consent = rng() % 2 == 0;
  s.cohort = 2024 + static_cast<int>(rng() % 5);  // 2024..2028
  return s;
}

class IndexProperty : public ::testing::TestWithParam<unsigned> {
 protected:
  void SetUp() override {
    std::mt19937 rng(GetParam());
    Pools pools;
    large_ = GetParam() > 300;  // lists of many blocks: the interval skips act
    const bool large = large_;
    if (GetParam() > 200 && !large) {
      // Many ties: every component weighs the same, no text; scores take few distinct values.
      for (double* v : {&weights_.major_exact, &weights_.major_class, &weights_.major_category,
                        &weights_.major_any, &weights_.required_skills, &weights_.preferred_skills,
                        &weights_.region_city, &weights_.region_province, &weights_.industry,
                        &weights_.salary}) {
        *v = 0.1;
      }
      weights_.text = 0;
    } else if ((GetParam() > 100 && !large) || (large && GetParam() % 2 == 0)) {
      // Random weights from a coarse grid (ties again), in any order: a category may weigh
      // more than the exact major, a province more than the city, a component nothing.
      const double grid[] = {0, 0.02, 0.05, 0.1, 0.2, 0.3};
      for (double* v : {&weights_.major_exact, &weights_.major_class, &weights_.major_category,
                        &weights_.major_any, &weights_.required_skills, &weights_.preferred_skills,
                        &weights_.region_city, &weights_.region_province, &weights_.industry,
                        &weights_.salary, &weights_.text}) {
        *v = grid[rng() % 6];
      }
      weights_.text_saturation = 0.5 + (rng() % 20);
    }
    int n_posts =
        large ? 6000 + static_cast<int>(rng() % 3000) : 300 + static_cast<int>(rng() % 700);
    int n_students = large ? 60 : 200 + static_cast<int>(rng() % 300);
    for (int i = 0; i < n_posts; ++i) {
      posts_.push_back(MakePostDoc(RandomPost(rng, pools, 1 + i), rng() % 4 != 0));
    }
    for (int i = 0; i < n_students; ++i) {
      students_.push_back(
          MakeStudentDoc(RandomStudent(rng, pools, 1 + i), Pick(rng, pools.regions), weights_));
    }
    snap_ = BuildSnapshot(posts_, students_, weights_);
  }

  void ExpectSameBothWays(const Snapshot& snap, std::mt19937& rng) {
    Pools pools;
    for (std::size_t i = 0; i < 12; ++i) {
      const StudentDoc* live = snap.FindStudent(students_[i].id);
      if (!live) continue;
      for (std::size_t k : {1u, 5u, 20u, 100u}) {
        PostQuery q;
        q.limit = k;
        q.today = core::DayNumber("2026-11-21");
        if (rng() % 2) q.kind = Pick(rng, pools.kinds);
        if (rng() % 3 == 0) q.region_prefix = Pick(rng, pools.regions).substr(0, 2);
        q.verified_only = rng() % 2;
        if (rng() % 2) q.applicable_year = rng() % 3 ? 2026 : kAnyClass;
        auto fast = TopPosts(snap, *live, q);
        auto ref = TopPostsReference(snap, *live, q);
        ASSERT_EQ(fast, ref) << "student " << live->id << " k=" << k;
      }
    }
    for (Id id : {Id{1}, Id{2}, Id{3}, Id{4}, Id{5}}) {
      const PostDoc* p = snap.FindPost(id);
      if (!p) continue;
      for (std::size_t k : {1u, 10u, 50u}) {
        StudentQuery q;
        q.limit = k;
        int scope = static_cast<int>(rng() % 4);
        if (scope == 1) q.scope.institution_id = 1 + rng() % 3;
        if (scope == 2) q.scope.unit_id = 10 + rng() % 5;
        if (scope == 3) {
          q.scope.consent_only = true;
          // Applicants of the recruiter's posts are seen too, consent or not.
          for (const auto& s : students_) {
            if (rng() % 5 == 0) q.scope.applicants.push_back(s.id);
          }
        }
        if (rng() % 2) q.applicable_year = 2026;
        auto fast = TopStudents(snap, *p, q);
        auto ref = TopStudentsReference(snap, *p, q);
        ASSERT_EQ(fast, ref) << "post " << id << " k=" << k;
      }
    }
  }

  bool large_ = false;
  Weights weights_;
  std::vector<PostDoc> posts_;
  std::vector<StudentDoc> students_;
  std::shared_ptr<const Snapshot> snap_;
};

TEST_P(IndexProperty, FastTopKEqualsReferenceInBothDirections) {
  std::mt19937 rng(GetParam() * 7 + 1);
  ExpectSameBothWays(*snap_, rng);
}

TEST_P(IndexProperty, FastTopKEqualsReferenceAfterChanges) {
  std::mt19937 rng(GetParam() * 13 + 5);
  Pools pools;
  auto snap = snap_;
  for (int round = 0; round < (large_ ? 3 : 12); ++round) {
    std::vector<PostDoc> posts;
    std::vector<Id> removed_posts;
    std::vector<StudentDoc> students;
    std::vector<Id> removed_students;
    for (int i = 0; i < 5; ++i) {
      Id id = 1 + static_cast<Id>(rng() % (posts_.size() + 20));  // some new ids
      if (rng() % 4 == 0) {
        removed_posts.push_back(id);
      } else {
        posts.push_back(MakePostDoc(RandomPost(rng, pools, id), true));
      }
      Id sid = 1 + static_cast<Id>(rng() % (students_.size() + 10));
      if (rng() % 5 == 0) {
        removed_students.push_back(sid);
      } else {
        students.push_back(MakeStudentDoc(RandomStudent(rng, pools, sid), "210100", weights_));
      }
    }
    // Removals win over an upsert of the same id in one batch, as in the engine.
    std::erase_if(posts, [&](const PostDoc& p) {
      return std::find(removed_posts.begin(), removed_posts.end(), p.id) != removed_posts.end();
    });
    std::erase_if(students, [&](const StudentDoc& s) {
      return std::find(removed_students.begin(), removed_students.end(), s.id) !=
             removed_students.end();
    });
    snap = ApplyChanges(*snap, posts, removed_posts, students, removed_students);
    for (const auto& p : posts) ASSERT_NE(snap->FindPost(p.id), nullptr);
    for (Id id : removed_posts) ASSERT_EQ(snap->FindPost(id), nullptr);
    ExpectSameBothWays(*snap, rng);
  }
  EXPECT_GT(snap->posts.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(RandomData, IndexProperty, ::testing::Range(1u, 9u));
INSTANTIATE_TEST_SUITE_P(RandomWeights, IndexProperty, ::testing::Range(101u, 109u));
INSTANTIATE_TEST_SUITE_P(EqualWeightsManyTies, IndexProperty, ::testing::Range(201u, 205u));
// Thousands of posts (lists of dozens of blocks), shipped and random weights.
INSTANTIATE_TEST_SUITE_P(ManyBlocks, IndexProperty, ::testing::Range(301u, 305u));

// The application rules the recommendations apply (domain::Eligibility's majors and class).
TEST(MayApply, AcceptedMajorsByPrefixAndTheGraduatingClassForFullTimePosts) {
  StudentDoc s;
  s.major_code = "080202";
  s.cohort = 2027;
  PostDoc p;
  p.kind = "full_time";
  EXPECT_TRUE(MayApply(s, p, 2026));  // no majors listed: any major
  EXPECT_TRUE(MayApply(s, p, 2027));
  EXPECT_FALSE(MayApply(s, p, 2025));  // the class of 2027 is not graduating in 2025/2026
  EXPECT_FALSE(MayApply(s, p, 2028));
  p.kind = "internship";
  EXPECT_TRUE(MayApply(s, p, 2025));  // internships are for any class
  for (const char* m : {"080202", "0802", "08"}) {
    p.accepted_majors = {"050201", m};
    EXPECT_TRUE(MayApply(s, p, 2026)) << m;
  }
  p.accepted_majors = {"080201", "0803", "09"};
  EXPECT_FALSE(MayApply(s, p, 2026));
}

// An ad-hoc profile has no class: the accepted majors still count, the class rule does not.
TEST(MayApply, AnyClassKeepsTheAcceptedMajorsOnly) {
  StudentDoc s;
  s.major_code = "080202";  // cohort unknown (0)
  PostDoc p;
  p.kind = "full_time";
  EXPECT_FALSE(MayApply(s, p, 2026));
  EXPECT_TRUE(MayApply(s, p, kAnyClass));
  p.accepted_majors = {"0802"};
  EXPECT_TRUE(MayApply(s, p, kAnyClass));
  p.accepted_majors = {"0803"};
  EXPECT_FALSE(MayApply(s, p, kAnyClass));
}

TEST(PostingList, NextGeqSkipsAcrossBlocks) {
  PostingList list;
  for (std::uint32_t d = 0; d < 1000; d += 3) list.Add(d, static_cast<float>(d % 7));
  list.Finish();
  PostingList::Cursor c(&list);
  EXPECT_EQ(c.docid(), 0u);
  c.next_geq(500);
  EXPECT_EQ(c.docid(), 501u);
  EXPECT_GE(c.impact(), 501 % 7);  // quantized upwards, by at most a 255th of the maximum
  EXPECT_LE(c.impact(), 501 % 7 + 6.0 / 255 + 1e-9);
  c.next();
  EXPECT_EQ(c.docid(), 504u);
  c.next_geq(998);
  EXPECT_EQ(c.docid(), 999u);
  c.next();
  EXPECT_EQ(c.docid(), PostingList::Cursor::kEnd);
  EXPECT_GE(list.max_impact(), 6.0f);
  // One byte per document number (deltas of 3) and one per impact, plus block headers (first
  // and last document, byte offset, largest impact).
  EXPECT_LT(list.MemoryBytes(), 334 * 2 + 3 * 13 + 16);
}

TEST(PostingList, BlockMaximaBoundWithoutDecoding) {
  // Two runs far apart, each of whole blocks: documents 0..255 (impact d % 5) and
  // 10000..10127 (impact 9).
  PostingList list;
  for (std::uint32_t d = 0; d < 256; ++d) list.Add(d, static_cast<float>(d % 5));
  for (std::uint32_t d = 10000; d < 10128; ++d) list.Add(d, 9.0f);
  list.Finish();
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    PostingList::Cursor shallow(&list), deep(&list);
    std::uint32_t target = 0;
    while (target < 10200) {
      target += 1 + rng() % 700;
      std::uint32_t until = 0;
      double bound = shallow.block_max_range(target, &until);
      deep.next_geq(target);
      double exact = deep.docid() == target ? deep.impact() : 0;
      ASSERT_GE(bound, exact) << target;
      if (target >= 256 && target < 10000) {
        EXPECT_EQ(bound, 0) << "between the blocks: " << target;
      }
      if (target >= 10128) {
        EXPECT_EQ(bound, 0) << "past the end: " << target;
      }
      // The shallow cursor still decodes correctly from where it stands.
      if (rng() % 3 == 0) {
        shallow.next_geq(target);
        ASSERT_EQ(shallow.docid(), deep.docid());
      }
    }
  }
}

TEST(PostingList, BlockMaximaBoundWholeIntervals) {
  // Runs of postings with gaps, impacts varying; every posting in [target, until] is bounded
  // by block_max_range(target), and until >= target.
  PostingList list;
  std::mt19937 gen(11);
  std::vector<std::pair<std::uint32_t, float>> postings;
  for (std::uint32_t d = 0; d < 20000; d += 1 + (gen() % 50 == 0 ? 700 : gen() % 4)) {
    postings.emplace_back(d, static_cast<float>(gen() % 9));
    list.Add(d, postings.back().second);
  }
  list.Finish();
  std::mt19937 rng(5);
  int zero_intervals = 0;
  for (int round = 0; round < 100; ++round) {
    PostingList::Cursor c(&list);
    std::uint32_t target = 0;
    while (target < 21000) {
      target += rng() % 400;
      std::uint32_t until = 0;
      double bound = c.block_max_range(target, &until);
      ASSERT_GE(until, target);
      if (bound == 0) ++zero_intervals;
      for (const auto& [d, impact] : postings) {
        if (d >= target && d <= until) {
          ASSERT_GE(bound, impact) << target << ".." << until;
        }
      }
      if (until == PostingList::Cursor::kEnd) {
        EXPECT_EQ(bound, 0);
        break;
      }
      if (rng() % 2) c.next_geq(target);  // a lagging or a leading cursor
      if (rng() % 4 == 0) target = until;
    }
  }
  EXPECT_GT(zero_intervals, 0);
}

}  // namespace
}  // namespace tb::match
