#pragma once
// The command-line verbs of the matching engine (wired by src/cli/main.cpp):
//   talentbridge match student ID | post ID [--limit N] [--json]   results with reasons
//   talentbridge gen --students N --posts M --seed S               a realistic population
//   talentbridge eval                                              quality against the hidden fit
// Each builds the index from the database once (no following) and writes to `out`.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "match/model.hpp"
#include "store/database.hpp"

namespace tb::match {

struct MatchCommand {
  std::string what;  // student | post
  Id id = 0;
  std::size_t limit = 10;
  bool json = false;
};

Status RunMatch(std::shared_ptr<store::Database> db, const Weights& w, const MatchCommand& cmd,
                std::ostream& out);

// The weights file: `path` when given, else config/match.json when it exists here, else the
// compiled-in defaults.
Result<Weights> LoadConfiguredWeights(const std::string& path);

}  // namespace tb::match
