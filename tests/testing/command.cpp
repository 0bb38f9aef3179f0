#include "testing/command.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace tb::testing {

CommandRun Talentbridge(const std::string& args, const std::string* stdin_line) {
  std::string command = std::string(TB_BINARY) + " " + args + " 2>&1";
  if (stdin_line) {
    command = "printf '%s\\n' '" + *stdin_line + "' | " + command;
  } else {
    command += " </dev/null";
  }
  CommandRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  while (std::fgets(buf.data(), buf.size(), pipe)) run.output += buf.data();
  int rc = ::pclose(pipe);
  run.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return run;
}

}  // namespace tb::testing
