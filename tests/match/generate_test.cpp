// The generator writes a population with its hidden fit on both databases, and the evaluation
// against that fit ranks the engine far above the baselines with no hard-constraint violation.

#include <gtest/gtest.h>

#include <sstream>

#include "match/generate.hpp"
#include "store/match_source.hpp"
#include "testing/test_database.hpp"

namespace tb::match {
namespace {

class GenerateTest : public testing::DatabaseTest {};

TEST_P(GenerateTest, WritesAPopulationWhoseHiddenFitTheEngineFinds) {
  GenerateOptions options;
  options.students = 300;
  options.posts = 800;
  options.seed = 11;
  options.progress = false;
  auto summary = Generate(database(), options);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->students, 300);
  EXPECT_EQ(summary->posts, 800);
  std::size_t truth = 0;
  ASSERT_TRUE(db()->Read([&](store::Tx& tx) -> Status {
                    truth = store::LoadTruth(tx).size();
                    return {};
                  })
                  .ok());
  EXPECT_EQ(truth, 1100u);

  EvalOptions eval;
  eval.sample = 60;
  auto lines = Evaluate(db(), Weights{}, eval);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 3u);
  const EvalLine& engine = (*lines)[0];
  EXPECT_EQ(engine.violations, 0);
  EXPECT_GT(engine.ndcg10, 0.5);
  EXPECT_GT(engine.ndcg10, (*lines)[1].ndcg10 + 0.3);  // random
  EXPECT_GT(engine.ndcg10, (*lines)[2].ndcg10);        // same major only
  EXPECT_GT(engine.recall50, (*lines)[2].recall50);
  std::ostringstream out;
  PrintEval(*lines, out);
  EXPECT_NE(out.str().find("nDCG@10"), std::string::npos);
}

TB_INSTANTIATE_BACKENDS(GenerateTest);

}  // namespace
}  // namespace tb::match
