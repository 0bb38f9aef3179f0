#pragma once
// A process-wide registry of gauges: the hook through which any module reports a number that
// GET /metrics exposes (http/metrics.hpp renders them), without depending on the HTTP layer.
//
//   // in the matching engine, once the index exists:
//   auto handle = tb::core::RegisterGauge(
//       "tb_match_index_posts", "Open posts in the matching index snapshot.",
//       [index] { return static_cast<double>(index->Snapshot()->PostCount()); });
//   if (!handle.ok()) ...;  // bad name or the same series registered twice
//   keep *handle as long as the gauge should be exposed: destroying it unregisters.
//
// Names follow Prometheus: [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]*
// (not starting with "__"); label values are any UTF-8 (escaped when rendered). One name may
// have several series with different labels; they share the help text.
//
// Thread safety: everything may be called from any thread. `read` is called while a scrape
// holds the registry's lock, so it must be quick, must not block on work that waits for a
// scrape, and must not register or unregister gauges; once GaugeHandle's destructor returns,
// `read` is never called again (so it may capture what the handle's owner owns).

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tb::core {

using GaugeLabels = std::map<std::string, std::string>;

// Keeps a gauge registered; unregisters it when destroyed. Movable, not copyable.
class GaugeHandle {
 public:
  GaugeHandle() = default;
  explicit GaugeHandle(std::uint64_t id) : id_(id) {}
  GaugeHandle(GaugeHandle&& other) noexcept : id_(other.id_) { other.id_ = 0; }
  GaugeHandle& operator=(GaugeHandle&& other) noexcept;
  GaugeHandle(const GaugeHandle&) = delete;
  GaugeHandle& operator=(const GaugeHandle&) = delete;
  ~GaugeHandle();

 private:
  std::uint64_t id_ = 0;
};

// Registers a gauge series. Errors (kInvalid): a malformed metric or label name, a help text
// differing from the one already registered under that name, or the same name and labels
// registered twice.
Result<GaugeHandle> RegisterGauge(std::string name, std::string help, std::function<double()> read,
                                  GaugeLabels labels = {});

struct GaugeSample {
  std::string name;
  std::string help;
  GaugeLabels labels;
  double value = 0;
};

// The current value of every registered gauge, sorted by name, then labels.
std::vector<GaugeSample> ReadGauges();

bool IsValidMetricName(std::string_view name);
bool IsValidLabelName(std::string_view name);

}  // namespace tb::core
