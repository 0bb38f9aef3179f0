#include "core/gauges.hpp"

#include <algorithm>
#include <mutex>
#include <tuple>
#include <utility>

namespace tb::core {

namespace {

struct Entry {
  std::string name;
  std::string help;
  GaugeLabels labels;
  std::function<double()> read;
};

struct Registry {
  std::mutex mutex;
  std::uint64_t next_id = 1;
  std::map<std::uint64_t, Entry> entries;
};

Registry& TheRegistry() {
  static Registry* registry = new Registry;  // never destroyed: handles may outlive statics
  return *registry;
}

bool IsNameChar(char c, bool first, bool colon_ok) {
  bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (alpha || (colon_ok && c == ':')) return true;
  return !first && c >= '0' && c <= '9';
}

bool IsValidName(std::string_view name, bool colon_ok) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!IsNameChar(name[i], i == 0, colon_ok)) return false;
  }
  return true;
}

}  // namespace

bool IsValidMetricName(std::string_view name) { return IsValidName(name, true); }

bool IsValidLabelName(std::string_view name) {
  return IsValidName(name, false) && !name.starts_with("__");
}

GaugeHandle& GaugeHandle::operator=(GaugeHandle&& other) noexcept {
  if (this != &other) {
    GaugeHandle gone(id_);  // unregisters the current one
    id_ = other.id_;
    other.id_ = 0;
  }
  return *this;
}

GaugeHandle::~GaugeHandle() {
  if (id_ == 0) return;
  Registry& r = TheRegistry();
  std::lock_guard lock(r.mutex);
  r.entries.erase(id_);
}

Result<GaugeHandle> RegisterGauge(std::string name, std::string help, std::function<double()> read,
                                  GaugeLabels labels) {
  if (!IsValidMetricName(name)) {
    return Error::Invalid("gauge name '" + name + "' is not a valid metric name");
  }
  for (const auto& [label, value] : labels) {
    if (!IsValidLabelName(label)) {
      return Error::Invalid("gauge " + name + ": '" + label + "' is not a valid label name");
    }
  }
  if (!read) return Error::Invalid("gauge " + name + " has no read function");
  Registry& r = TheRegistry();
  std::lock_guard lock(r.mutex);
  for (const auto& [id, e] : r.entries) {
    if (e.name != name) continue;
    if (e.help != help) {
      return Error::Invalid("gauge " + name + " is registered already with another help text");
    }
    if (e.labels == labels) return Error::Invalid("gauge " + name + " is registered already");
  }
  std::uint64_t id = r.next_id++;
  r.entries.emplace(id,
                    Entry{std::move(name), std::move(help), std::move(labels), std::move(read)});
  return GaugeHandle(id);
}

std::vector<GaugeSample> ReadGauges() {
  Registry& r = TheRegistry();
  std::vector<GaugeSample> out;
  {
    std::lock_guard lock(r.mutex);
    out.reserve(r.entries.size());
    for (const auto& [id, e] : r.entries) out.push_back({e.name, e.help, e.labels, e.read()});
  }
  std::sort(out.begin(), out.end(), [](const GaugeSample& a, const GaugeSample& b) {
    return std::tie(a.name, a.labels) < std::tie(b.name, b.labels);
  });
  return out;
}

}  // namespace tb::core
