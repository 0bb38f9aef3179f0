// The engine builds its index from the database and follows change_log: writes made through
// another, independent connection pool (as another server process would) show in the results.
// Correctness, not timing: each check polls with a generous bound.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>

#include "auth/caller.hpp"
#include "core/gauges.hpp"
#include "core/time.hpp"
#include "match/engine.hpp"
#include "match/service.hpp"
#include "store/recruitment.hpp"
#include "store/repository.hpp"
#include "testing/builders.hpp"
#include "testing/result_assertions.hpp"
#include "testing/test_database.hpp"

namespace tb::match {
namespace {

using store::Repository;
using testing::kNow;

class EngineTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (HasFatalFailure()) return;
    auto done = db()->Write([&](store::Tx& tx) -> Status {
      testing::SeedReferenceRows(tx);
      auto org = testing::ValidOrganization("锦州汽车零部件有限公司");
      org.verified = true;
      org_ = Repository<domain::Organization>::Insert(tx, org, kNow).id;
      auto inst = Repository<domain::Institution>::Insert(tx, testing::ValidInstitution(), kNow);
      auto unit = Repository<domain::Unit>::Insert(tx, testing::ValidUnit(inst.id), kNow);
      auto student = testing::ValidStudent(inst.id, unit.id);
      student.talent_search_consent = true;
      student_ = Repository<domain::Student>::Insert(tx, student, kNow).id;
      institution_ = inst.id;
      unit_ = unit.id;
      first_post_ = Repository<domain::Post>::Insert(tx, testing::ValidPost(org_), kNow).id;
      return {};
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
    auto other = test_db().OpenAnother();
    ASSERT_TRUE(other.ok());
    other_ = *other;
    EngineOptions options;
    options.poll = std::chrono::milliseconds(50);
    auto engine = Engine::Start(db(), options);
    ASSERT_TRUE(engine.ok()) << engine.error().message;
    engine_ = *engine;
  }
  void TearDown() override {
    engine_.reset();
    other_.reset();
    DatabaseTest::TearDown();
  }

  std::vector<Id> PostsFor(Id student) {
    auto snap = engine_->snapshot();
    const StudentDoc* s = snap->FindStudent(student);
    if (!s) return {};
    PostQuery q;
    q.limit = 50;
    q.today = Today();
    std::vector<Id> out;
    for (const auto& h : TopPosts(*snap, *s, q)) out.push_back(h.id);
    return out;
  }
  std::vector<Id> StudentsFor(Id post) {
    auto snap = engine_->snapshot();
    const PostDoc* p = snap->FindPost(post);
    if (!p) return {};
    StudentQuery q;
    q.limit = 50;
    q.scope.consent_only = true;
    std::vector<Id> out;
    for (const auto& h : TopStudents(*snap, *p, q)) out.push_back(h.id);
    return out;
  }
  template <class F>
  bool Eventually(F&& condition) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < until) {
      if (condition()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
  }
  static bool Has(const std::vector<Id>& v, Id id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  }

  Id org_ = 0, institution_ = 0, unit_ = 0, student_ = 0, first_post_ = 0;
  std::shared_ptr<store::Database> other_;
  std::shared_ptr<Engine> engine_;
};

TEST_P(EngineTest, BuildsFromTheDatabaseAtStart) {
  EXPECT_EQ(PostsFor(student_), std::vector<Id>{first_post_});
  EXPECT_EQ(StudentsFor(first_post_), std::vector<Id>{student_});
}

TEST_P(EngineTest, PostsWrittenByAnotherProcessAppearChangeAndDisappear) {
  Id post = 0;
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    auto p = testing::ValidPost(org_);
                    p.title = "CATIA 设计工程师";
                    post = Repository<domain::Post>::Insert(tx, p, kNow).id;
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(Eventually([&] { return Has(PostsFor(student_), post); }));

  // A master's-only version is not for a bachelor any more.
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    TB_TRY(domain::Post p, Repository<domain::Post>::Get(tx, post));
                    p.min_level = "master";
                    TB_TRY_STATUS(Repository<domain::Post>::Update(tx, p, kNow));
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(Eventually([&] { return !Has(PostsFor(student_), post); }));
  EXPECT_TRUE(Has(PostsFor(student_), first_post_));

  // Closing and deleting.
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    TB_TRY(domain::Post p, Repository<domain::Post>::Get(tx, first_post_));
                    p.status = "closed";
                    TB_TRY_STATUS(Repository<domain::Post>::Update(tx, p, kNow));
                    return Repository<domain::Post>::Delete(tx, post);
                  })
                  .ok());
  EXPECT_TRUE(Eventually([&] { return PostsFor(student_).empty(); }));
  EXPECT_EQ(engine_->snapshot()->FindPost(post), nullptr);
}

TEST_P(EngineTest, StudentProfileChangesAreFollowed) {
  Id other_student = 0;
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    auto s = testing::ValidStudent(institution_, unit_);
                    s.talent_search_consent = true;
                    s.skills = {"CATIA", "AutoCAD", "MATLAB"};
                    other_student = Repository<domain::Student>::Insert(tx, s, kNow).id;
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(Eventually([&] { return Has(StudentsFor(first_post_), other_student); }));
  // Withdrawing consent takes the student out of talent search.
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    TB_TRY(domain::Student s, Repository<domain::Student>::Get(tx, other_student));
                    s.talent_search_consent = false;
                    TB_TRY_STATUS(Repository<domain::Student>::Update(tx, s, kNow));
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(Eventually([&] { return !Has(StudentsFor(first_post_), other_student); }));
}

// DESIGN §9: a recruiter sees a student who opted in to talent search or who applied to one of
// its organization's posts; the candidates for its post are among those, and no others.
TEST_P(EngineTest, RecruitersSeeCandidatesWhoConsentedOrAppliedToTheirPosts) {
  const int year = std::stoi(core::CivilFromDays(Today()).substr(0, 4));
  Id open = 0, shy = 0;
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    auto s = testing::ValidStudent(institution_, unit_);
                    s.cohort = year;  // the graduating class, as full-time posts ask
                    s.talent_search_consent = true;
                    open = Repository<domain::Student>::Insert(tx, s, kNow).id;
                    s = testing::ValidStudent(institution_, unit_);
                    s.cohort = year;
                    s.talent_search_consent = false;
                    shy = Repository<domain::Student>::Insert(tx, s, kNow).id;
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(Eventually([&] { return engine_->snapshot()->FindStudent(shy) != nullptr; }));
  auth::Caller recruiter;
  recruiter.user_id = 1;
  recruiter.role = auth::Role::kEnterpriseRecruiter;
  recruiter.organization_id = org_;
  MatchService service(db(), engine_);
  auto candidates = [&] {
    std::vector<Id> out;
    auto page = service.Candidates(recruiter, first_post_, 50);
    EXPECT_TRUE(page.ok()) << page.error().message;
    if (page.ok()) {
      for (const auto& item : (*page)["items"]) out.push_back(item["student"]["id"].get<Id>());
    }
    return out;
  };
  EXPECT_TRUE(Has(candidates(), open));
  EXPECT_FALSE(Has(candidates(), shy));

  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    domain::Application a;
                    a.student_id = shy;
                    a.post_id = first_post_;
                    a.institution_id = institution_;
                    a.unit_id = unit_;
                    a.organization_id = org_;
                    a.post_kind = "full_time";
                    Repository<domain::Application>::Insert(tx, a, kNow);
                    return {};
                  })
                  .ok());
  auto after = candidates();
  EXPECT_TRUE(Has(after, open));
  EXPECT_TRUE(Has(after, shy));
}

TEST_P(EngineTest, AnOrganizationLosingVerificationHidesItsPostsFromStudents) {
  auto verified_posts = [&] {
    auto snap = engine_->snapshot();
    PostQuery q;
    q.today = Today();
    q.verified_only = true;
    return TopPosts(*snap, *snap->FindStudent(student_), q).size();
  };
  EXPECT_EQ(verified_posts(), 1u);
  ASSERT_TRUE(other_
                  ->Write([&](store::Tx& tx) -> Status {
                    TB_TRY(domain::Organization o, Repository<domain::Organization>::Get(tx, org_));
                    o.verified = false;
                    TB_TRY_STATUS(Repository<domain::Organization>::Update(tx, o, kNow));
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(Eventually([&] { return verified_posts() == 0; }));
}

TEST_P(EngineTest, GaugesCountTheIndexedRecordsWhileTheEngineLives) {
  auto value = [](const std::string& name) -> std::optional<double> {
    for (const auto& g : core::ReadGauges()) {
      if (g.name == name) return g.value;
    }
    return std::nullopt;
  };
  EXPECT_FALSE(value("tb_match_index_posts").has_value());  // the fixture's engine has none
  EngineOptions options;
  options.follow = false;
  options.gauges = true;
  auto engine = Engine::Start(db(), options);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  EXPECT_EQ(value("tb_match_index_posts"), 1.0);
  EXPECT_EQ(value("tb_match_index_students"), 1.0);
  engine->reset();
  EXPECT_FALSE(value("tb_match_index_posts").has_value());
  EXPECT_FALSE(value("tb_match_index_students").has_value());
}

TB_INSTANTIATE_BACKENDS(EngineTest);

}  // namespace
}  // namespace tb::match
