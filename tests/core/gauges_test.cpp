// core::RegisterGauge: the hook through which modules expose gauges on GET /metrics.

#include "core/gauges.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace tb::core {
namespace {

std::vector<GaugeSample> Named(const std::string& name) {
  std::vector<GaugeSample> out;
  for (auto& g : ReadGauges()) {
    if (g.name == name) out.push_back(g);
  }
  return out;
}

TEST(Gauges, ReadsTheCurrentValueUntilTheHandleIsDestroyed) {
  std::atomic<int> posts{3};
  {
    auto handle = RegisterGauge("tb_test_posts", "Posts.", [&] { return double(posts.load()); });
    ASSERT_TRUE(handle.ok()) << handle.error().message;
    ASSERT_EQ(Named("tb_test_posts").size(), 1u);
    EXPECT_EQ(Named("tb_test_posts")[0].value, 3);
    posts = 7;
    EXPECT_EQ(Named("tb_test_posts")[0].value, 7);
    EXPECT_EQ(Named("tb_test_posts")[0].help, "Posts.");
  }
  EXPECT_TRUE(Named("tb_test_posts").empty());
}

TEST(Gauges, OneNameMayHaveSeveralLabelledSeries) {
  auto open =
      RegisterGauge("tb_test_by_status", "By status.", [] { return 1.0; }, {{"status", "open"}});
  auto closed =
      RegisterGauge("tb_test_by_status", "By status.", [] { return 2.0; }, {{"status", "closed"}});
  ASSERT_TRUE(open.ok());
  ASSERT_TRUE(closed.ok());
  auto series = Named("tb_test_by_status");
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[0].labels.at("status"), "closed");  // sorted by labels
  EXPECT_EQ(series[1].labels.at("status"), "open");
}

TEST(Gauges, RefusesBadNamesDuplicatesAndConflictingHelp) {
  auto read = [] { return 0.0; };
  EXPECT_FALSE(RegisterGauge("9lives", "x", read).ok());
  EXPECT_FALSE(RegisterGauge("tb-dash", "x", read).ok());
  EXPECT_FALSE(RegisterGauge("", "x", read).ok());
  EXPECT_FALSE(RegisterGauge("tb_ok", "x", read, {{"bad-label", "v"}}).ok());
  EXPECT_FALSE(RegisterGauge("tb_ok", "x", read, {{"__reserved", "v"}}).ok());
  EXPECT_FALSE(RegisterGauge("tb_ok", "x", nullptr).ok());
  auto first = RegisterGauge("tb_test_once", "Once.", read);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(RegisterGauge("tb_test_once", "Once.", read).ok());
  EXPECT_FALSE(RegisterGauge("tb_test_once", "Other help.", read, {{"a", "b"}}).ok());
}

TEST(Gauges, MovingAHandleKeepsOneRegistration) {
  auto handle = RegisterGauge("tb_test_moved", "Moved.", [] { return 1.0; });
  ASSERT_TRUE(handle.ok());
  GaugeHandle kept = std::move(*handle);
  EXPECT_EQ(Named("tb_test_moved").size(), 1u);
  kept = GaugeHandle();
  EXPECT_TRUE(Named("tb_test_moved").empty());
}

}  // namespace
}  // namespace tb::core
