// On the demo data set the recommendations are visibly sensible: a mechanical-engineering
// graduate of Shenyang Institute of Technology (Shenyang, Liaoning) is shown mechanical posts
// first, and among the posts in Liaoning mechanical ones first, with reasons that say so (major,
// same city / province). The demo's posts are dated (2026); the check runs on a day inside that
// window so that it does not depend on today's date.

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
  q.today = DayNumber(core::TodayUtc());  // the demo dates its posts around the seeding day
  q.verified_only = true;                 // what the student sees
  auto mechanical = [&](const StudentDoc& g, const PostDoc& p) {
    auto scored = Score(g, p, *snap->stats, snap->weights, true);
    return scored.reasons[0].points >= snap->weights.major_class;  // its major or class
  };
  std::size_t all_three = 0, first_mechanical = 0, liaoning_first_mechanical = 0;
  for (const auto& g : graduates) {
    auto hits = TopPosts(*snap, g, q);
    ASSERT_EQ(hits.size(), q.limit) << "student " << g.id;
    const PostDoc* first = snap->FindPost(hits[0].id);
    if (mechanical(g, *first)) ++first_mechanical;
    bool three = true;
    for (const auto& h : hits) {
      const PostDoc* p = snap->FindPost(h.id);
      three = three && mechanical(g, *p);
      // Who will not move sees only posts in the provinces they named or study in.
      if (!g.willing_to_relocate) {
        EXPECT_TRUE(std::any_of(
            g.places.begin(), g.places.end(),
            [&](const std::string& r) { return r.substr(0, 2) == p->region_code.substr(0, 2); }))
            << "student " << g.id << " got post " << p->id << " in " << p->region_code;
      }
    }
    if (three) ++all_three;

    // In Liaoning: mechanical posts first, said to be in the same city or province.
    PostQuery liaoning = q;
    liaoning.region_prefix = "21";
    auto in_liaoning = TopPosts(*snap, g, liaoning);
    ASSERT_FALSE(in_liaoning.empty());
    if (mechanical(g, *snap->FindPost(in_liaoning[0].id))) ++liaoning_first_mechanical;
    for (const auto& h : in_liaoning) {
      const PostDoc* p = snap->FindPost(h.id);
      auto explained = Score(g, *p, *snap->stats, snap->weights, true);
      EXPECT_EQ(explained.score, h.score);
      EXPECT_GT(explained.reasons[3].points, 0) << explained.reasons[3].en;
      EXPECT_TRUE(explained.reasons[3].en == "same city" ||
                  explained.reasons[3].en == "same province");
    }
  }
  // Most, not all: some graduates list generic skills (Office) that an any-major post in their
  // own city rewards as well.
  std::size_t n = graduates.size();
  EXPECT_GE(first_mechanical * 10, n * 9) << first_mechanical << " of " << n;
  EXPECT_GE(all_three * 10, n * 8) << all_three << " of " << n;
  EXPECT_GE(liaoning_first_mechanical * 10, n * 9) << liaoning_first_mechanical << " of " << n;
}

}  // namespace
}  // namespace tb::match
