// On the demo data set the recommendations are visibly sensible: a mechanical-engineering
// graduate studying in Shenyang (Shenyang Institute of Technology) is shown mechanical posts in
// Liaoning first — the matching demo's posts at verified equipment manufacturers of Shenyang,
// Dalian, Anshan and Jinzhou among them — with reasons in Chinese and English that say so
// (exact major or same major class; same city or same province). The demo dates its posts
// around the seeding day, so the check runs on today.

#include <gtest/gtest.h>

#include <set>

#include "core/time.hpp"
#include "demo/demo.hpp"
#include "match/engine.hpp"
#include "store/match_source.hpp"
#include "testing/test_database.hpp"

namespace tb::match {
namespace {

TEST(DemoRecommendations, MechanicalGraduateInShenyangSeesMechanicalPostsInLiaoningFirst) {
  auto test_db = testing::TestDatabase::Create(store::Backend::kSqlite);
  ASSERT_NE(test_db, nullptr);
  auto seeded = demo::SeedDemo(*test_db->db());
  ASSERT_TRUE(seeded.ok()) << seeded.error().message;
  EngineOptions options;
  options.follow = false;
  auto engine = Engine::Start(test_db->db(), options);
  ASSERT_TRUE(engine.ok());
  auto snap = (*engine)->snapshot();

  // The bachelors of mechanical majors (class 0802, not vehicle engineering) studying in
  // Shenyang who did not name another province first.
  const std::set<std::string> kVehicle = {"080207", "080208", "080214T", "080216T"};
  std::vector<StudentDoc> graduates;
  ASSERT_TRUE(
      test_db->db()
          ->Read([&](store::Tx& tx) -> Status {
            store::ForEachMatchStudent(tx, 5000, [&](auto&& rows) {
              for (const auto& r : rows) {
                const auto& s = r.student;
                if (r.institution_region.starts_with("2101") && s.major_code.starts_with("0802") &&
                    !kVehicle.contains(s.major_code) && s.level == "bachelor" &&
                    (s.preferred_regions.empty() || s.preferred_regions[0].starts_with("21"))) {
                  graduates.push_back(StudentDocOf(r, snap->weights));
                }
              }
            });
            return {};
          })
          .ok());
  ASSERT_GE(graduates.size(), 5u);

  PostQuery q;
  q.limit = 3;
  q.today = core::DayNumber(core::TodayUtc());  // the demo dates its posts around the seeding day
  q.verified_only = true;                       // what the student sees
  const Weights& w = snap->weights;
  // A post of the graduate's major or major class, in Liaoning, explained as such in both
  // languages: the major reason says exact major / same major class, the region reason the
  // same city / same province.
  auto mechanical_in_liaoning = [&](const StudentDoc& g, const PostDoc& p, double score,
                                    std::string* why) {
    auto explained = Score(g, p, *snap->stats, w, true);
    const Reason& major = explained.reasons[0];
    const Reason& region = explained.reasons[3];
    EXPECT_EQ(major.component, "major");
    EXPECT_EQ(region.component, "region");
    EXPECT_EQ(explained.score, score) << "the explanation adds up to the ranked score";
    *why = p.title + " " + p.region_code + ": " + major.zh + "/" + major.en + ", " + region.zh +
           "/" + region.en;
    bool major_ok =
        (major.points == w.major_exact && major.zh == "专业对口" && major.en == "exact major") ||
        (major.points == w.major_class && major.zh == "同一专业类" &&
         major.en == "same major class");
    bool region_ok =
        p.region_code.starts_with("21") &&
        ((region.points == w.region_city && region.zh == "同城岗位" && region.en == "same city") ||
         (region.points == w.region_province && region.zh == "同省岗位" &&
          region.en == "same province"));
    return major_ok && region_ok;
  };
  std::size_t first_ok = 0, all_three = 0;
  for (const auto& g : graduates) {
    auto hits = TopPosts(*snap, g, q);
    ASSERT_EQ(hits.size(), q.limit) << "student " << g.id;
    bool three = true;
    for (std::size_t k = 0; k < hits.size(); ++k) {
      const PostDoc* p = snap->FindPost(hits[k].id);
      ASSERT_NE(p, nullptr);
      std::string why;
      bool ok = mechanical_in_liaoning(g, *p, hits[k].score, &why);
      if (k == 0) {
        // The very first post is a mechanical post in Liaoning for every such graduate.
        EXPECT_TRUE(ok) << "student " << g.id << " (" << g.major_code << ") first: " << why;
        if (ok) ++first_ok;
      }
      three = three && ok;
      // Who will not move sees only posts in the provinces they named or study in.
      if (!g.willing_to_relocate) {
        EXPECT_TRUE(std::any_of(
            g.places.begin(), g.places.end(),
            [&](const std::string& r) { return r.substr(0, 2) == p->region_code.substr(0, 2); }))
            << "student " << g.id << " got post " << p->id << " in " << p->region_code;
      }
    }
    if (three) ++all_three;

    // Restricted to Liaoning: the first post is mechanical, every post says same city or
    // province.
    PostQuery liaoning = q;
    liaoning.region_prefix = "21";
    auto in_liaoning = TopPosts(*snap, g, liaoning);
    ASSERT_FALSE(in_liaoning.empty());
    std::string why;
    EXPECT_TRUE(
        mechanical_in_liaoning(g, *snap->FindPost(in_liaoning[0].id), in_liaoning[0].score, &why))
        << "student " << g.id << ": " << why;
    for (const auto& h : in_liaoning) {
      auto explained = Score(g, *snap->FindPost(h.id), *snap->stats, w, true);
      EXPECT_TRUE(
          (explained.reasons[3].en == "same city" && explained.reasons[3].zh == "同城岗位") ||
          (explained.reasons[3].en == "same province" && explained.reasons[3].zh == "同省岗位"))
          << explained.reasons[3].en;
    }
  }
  std::size_t n = graduates.size();
  EXPECT_EQ(first_ok, n);
  // All three for nearly all: a graduate whose skills are generic may see one any-major post of
  // their own city third.
  EXPECT_GE(all_three * 10, n * 9) << all_three << " of " << n;
}

}  // namespace
}  // namespace tb::match
