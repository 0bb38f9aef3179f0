#pragma once
// A small deterministic pseudo-random generator for the demo data set. splitmix64 (Steele,
// Lea, Flood 2014) with our own range reduction, so the same seed gives the same data on every
// compiler and standard library (std:: distributions are implementation-defined).
// Not thread-safe; one Rng per generating thread. Not for anything secret.

#include <cstdint>
#include <string_view>

namespace tb::demo {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n) for n > 0 (the modulo bias is below 2^-40 for the small n used here).
  std::uint64_t Below(std::uint64_t n) { return (Next() >> 11) % n; }

  // Uniform in [lo, hi], both inclusive; lo <= hi.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability percent/100.
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }

  // A uniformly chosen element of a non-empty random-access container.
  template <class C>
  const auto& Pick(const C& items) {
    return items[static_cast<std::size_t>(Below(items.size()))];
  }

 private:
  std::uint64_t state_;
};

// A seed derived from a name (FNV-1a), so each part of the data set has its own stream and a
// change to one part does not reshuffle the others.
constexpr std::uint64_t SeedOf(std::string_view name) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

}  // namespace tb::demo
