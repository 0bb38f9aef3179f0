#pragma once
// Runs the talentbridge binary (TB_BINARY) as a user would type it, capturing its output.

#include <string>

namespace tb::testing {

struct CommandRun {
  int status = -1;
  std::string output;  // stdout and stderr
};

// Runs `sh -c "[printf INPUT |] talentbridge ARGS"` with no other standard input;
// `stdin_line` must not contain a single quote.
CommandRun Talentbridge(const std::string& args, const std::string* stdin_line = nullptr);

}  // namespace tb::testing
