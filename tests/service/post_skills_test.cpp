#include "service/post_skills.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>

#include "service/entity_service.hpp"
#include "store/match_source.hpp"
#include "store/repository.hpp"
#include "store/sql.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::service {
namespace {

using Rows = std::set<std::pair<std::int64_t, std::string>>;  // (kind, skill)

TEST(PostSkillRows, FoldsSynonymsOncePerKind) {
  domain::Post post;
  post.id = 7;
  post.required_skills = {"C++", "cpp", "Java", "C/C++"};
  post.preferred_skills = {"Vue.js", " ", "C++"};
  Rows rows;
  for (const auto& r : PostSkillRows(post)) {
    EXPECT_EQ(r.post_id, 7);
    EXPECT_TRUE(rows.insert({r.kind, r.skill}).second) << r.kind << " " << r.skill;
  }
  EXPECT_EQ(rows, (Rows{{1, "c"}, {1, "c++"}, {1, "java"}, {2, "c++"}, {2, "vue"}}));
}

class PostSkillsTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      org_ = store::Repository<domain::Organization>::Insert(
                 tx, testing::ValidOrganization("锦州汽车零部件有限公司"), testing::kNow)
                 .id;
      return {};
    }));
    admin_.role = auth::Role::kPlatformAdmin;
    admin_.user_id = 1;
    posts_ = std::make_unique<EntityService<domain::Post>>(db());
  }

  domain::Post Create(std::vector<std::string> required, std::vector<std::string> preferred) {
    domain::Post p = testing::ValidPost(org_);
    p.accepted_majors = {testing::kVehicleEngineering};  // a code the reference rows have
    p.required_skills = std::move(required);
    p.preferred_skills = std::move(preferred);
    auto created = posts_->Create(admin_, p, testing::kNow);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : testing::Describe(created.error()));
    return created.ok() ? *created : domain::Post{};
  }

  Rows Stored(domain::Id post_id) {
    Rows out;
    TB_EXPECT_OK(db()->Read([&](store::Tx& tx) -> Status {
      for (const auto& row : tx.Query("SELECT kind, skill FROM match_post_skills WHERE post_id = ?",
                                      {store::P(post_id)})) {
        out.insert({row.Int(0), row.Text(1)});
      }
      return {};
    }));
    return out;
  }

  domain::Id org_ = 0;
  Caller admin_;
  std::unique_ptr<EntityService<domain::Post>> posts_;
};

TEST_P(PostSkillsTest, CreatingAPostStoresItsCanonicalSkills) {
  domain::Post post = Create({"C++", "cpp", "Java"}, {"Vue.js"});
  EXPECT_EQ(Stored(post.id), (Rows{{1, "c++"}, {1, "java"}, {2, "vue"}}));
}

TEST_P(PostSkillsTest, EditingAPostReplacesItsRowsAndLeavesOtherPostsAlone) {
  domain::Post post = Create({"C++", "cpp", "Java"}, {});
  domain::Post other = Create({"CATIA"}, {"AutoCAD"});
  TB_ASSERT_OK(posts_->Modify(
      admin_, post.id,
      [](domain::Post& p) -> Status {
        p.required_skills = {"Python3"};
        p.preferred_skills = {"C/C++"};
        return {};
      },
      testing::kLater));
  EXPECT_EQ(Stored(post.id), (Rows{{1, "python"}, {2, "c"}, {2, "c++"}}));
  EXPECT_EQ(Stored(other.id), (Rows{{1, "catia"}, {2, "autocad"}}));

  TB_ASSERT_OK(posts_->Modify(
      admin_, post.id,
      [](domain::Post& p) -> Status {
        p.required_skills.clear();
        p.preferred_skills.clear();
        return {};
      },
      testing::kLater));
  EXPECT_EQ(Stored(post.id), Rows{});
}

TEST_P(PostSkillsTest, ARefusedEditLeavesTheRowsAsTheyWere) {
  domain::Post post = Create({"Java"}, {});
  auto refused = posts_->Modify(
      admin_, post.id,
      [](domain::Post& p) -> Status {
        p.required_skills = {"Go"};
        p.headcount = -1;  // not valid: the whole write is refused
        return {};
      },
      testing::kLater);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(Stored(post.id), (Rows{{1, "java"}}));
}

TEST_P(PostSkillsTest, DeletingAPostRemovesItsRows) {
  domain::Post post = Create({"C++", "Java"}, {"Linux系统"});
  domain::Post other = Create({"Java"}, {});
  TB_ASSERT_OK(posts_->Delete(admin_, post.id, testing::kLater));
  EXPECT_EQ(Stored(post.id), Rows{});
  EXPECT_EQ(Stored(other.id), (Rows{{1, "java"}}));
}

TEST_P(PostSkillsTest, BackfillFillsPostsStoredWithoutRows) {
  domain::Id bare = 0;
  TB_ASSERT_OK(db()->Write([&](store::Tx& tx) -> Status {
    domain::Post p = testing::ValidPost(org_);
    p.required_skills = {"cpp"};
    p.preferred_skills = {};
    bare = store::Repository<domain::Post>::Insert(tx, p, testing::kNow).id;  // no rows
    return {};
  }));
  domain::Post kept = Create({"Java"}, {});
  ASSERT_EQ(Stored(bare), Rows{});
  TB_ASSERT_OK_AND_ASSIGN(std::int64_t filled, BackfillPostSkills(*db()));
  EXPECT_EQ(filled, 1);
  EXPECT_EQ(Stored(bare), (Rows{{1, "c++"}}));
  EXPECT_EQ(Stored(kept.id), (Rows{{1, "java"}}));
  TB_ASSERT_OK_AND_ASSIGN(std::int64_t again, BackfillPostSkills(*db()));
  EXPECT_EQ(again, 0);
}

// The SQL baseline of the benchmark reads the table: on posts written through the service, a
// post that shares the student's skills ranks above one that does not. The matching post is
// created last, so without its rows it would tie and lose on id.
TEST_P(PostSkillsTest, NaiveTopPostsRanksThePostSharingTheStudentsSkillsFirst) {
  domain::Post unrelated = Create({"CATIA"}, {"AutoCAD"});
  domain::Post sharing = Create({"C++", "Java"}, {"cpp"});
  store::NaiveProfile profile;
  profile.major_code = testing::kVehicleEngineering;
  profile.levels = {"vocational", "bachelor"};
  profile.skills = {"c++", "java", "python"};
  profile.today = "2025-03-08";
  const store::NaiveWeights w{0.30, 0.20, 0.08, 0.04, 0.22, 0.06, 0.15, 0.10, 0.05, 0.06};
  std::vector<std::pair<domain::Id, double>> top;
  TB_ASSERT_OK(db()->Read([&](store::Tx& tx) -> Status {
    top = store::NaiveTopPosts(tx, profile, w, 10);
    return {};
  }));
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].first, sharing.id);
  EXPECT_EQ(top[1].first, unrelated.id);
  // Both required skills and the one preferred skill: the two skill weights in full.
  EXPECT_NEAR(top[0].second - top[1].second, w.required + w.preferred, 1e-9);
}

TB_INSTANTIATE_BACKENDS(PostSkillsTest);

}  // namespace
}  // namespace tb::service
