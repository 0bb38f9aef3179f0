#include "text/skills.hpp"

#include <algorithm>
#include <map>

#include "text/tokenize.hpp"

namespace tb::text {

namespace {

// Keys are folded (text::FoldCase, spaces removed); values are canonical names.
const std::map<std::string, std::vector<std::string>, std::less<>>& Synonyms() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kMap = {
      {"c/c++", {"c", "c++"}},
      {"c++", {"c++"}},
      {"cpp", {"c++"}},
      {"cplusplus", {"c++"}},
      {"c语言", {"c"}},
      {"c#", {"c#"}},
      {"csharp", {"c#"}},
      {"golang", {"go"}},
      {"js", {"javascript"}},
      {"javascript", {"javascript"}},
      {"ts", {"typescript"}},
      {"vue.js", {"vue"}},
      {"vuejs", {"vue"}},
      {"react.js", {"react"}},
      {"reactjs", {"react"}},
      {"node.js", {"node.js"}},
      {"nodejs", {"node.js"}},
      {"springboot", {"spring boot"}},
      {"mysql数据库", {"mysql"}},
      {"ps", {"photoshop"}},
      {"cad", {"autocad"}},
      {"ug", {"ug/nx"}},
      {"nx", {"ug/nx"}},
      {"ug/nx", {"ug/nx"}},
      {"matlab/simulink", {"matlab", "simulink"}},
      {"python3", {"python"}},
      {"linux系统", {"linux"}},
      {"英语四级", {"英语cet-4"}},
      {"cet-4", {"英语cet-4"}},
      {"cet4", {"英语cet-4"}},
      {"英语六级", {"英语cet-6"}},
      {"cet-6", {"英语cet-6"}},
      {"cet6", {"英语cet-6"}},
  };
  return kMap;
}

std::string Compact(std::string_view s) {
  std::string folded = FoldCase(s);
  std::string out;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string NoSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

}  // namespace

std::vector<std::string> CanonicalSkills(std::string_view entry) {
  std::string c = Compact(entry);
  if (c.empty()) return {};
  const auto& syn = Synonyms();
  if (auto it = syn.find(NoSpaces(c)); it != syn.end()) return it->second;
  if (auto it = syn.find(c); it != syn.end()) return it->second;
  // "MATLAB/Simulink", "Java/Python": each part on its own.
  if (c.find('/') != std::string::npos) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= c.size()) {
      std::size_t slash = c.find('/', start);
      std::string part =
          c.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      for (auto& s : CanonicalSkills(part)) {
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
      }
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    return out;
  }
  if (auto it = syn.find(NoSpaces(c)); it != syn.end()) return it->second;
  return {c};
}

const std::vector<std::string>* KnownSkill(std::string_view word) {
  auto it = Synonyms().find(word);
  return it == Synonyms().end() ? nullptr : &it->second;
}

}  // namespace tb::text
