#include "match/terms.hpp"

#include <algorithm>
#include <set>

#include "text/skills.hpp"
#include "text/tokenize.hpp"

namespace tb::match {

namespace {

bool IsLatinWord(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Words too common to say anything about fit.
const std::set<std::string, std::less<>>& StopWords() {
  static const std::set<std::string, std::less<>> kWords = {
      "the",  "and",      "or",   "of",     "to",   "in",   "for",  "with", "a",    "an",
      "is",   "are",      "be",   "on",     "as",   "by",   "at",   "负责", "熟悉", "掌握",
      "具有", "具备",     "相关", "工作",   "能力", "以上", "优先", "良好", "进行", "要求",
      "岗位", "职责",     "完成", "参与",   "协助", "以及", "及其", "我们", "公司", "经验",
      "地点", "工作地点", "专业", "毕业生", "本科", "求职", "意向", "期望", "城市", "接受",
      "其他", "届",       "通过", "全国",   "等级", "考试", "在校", "期间", "熟练"};
  return kWords;
}

}  // namespace

std::uint64_t Hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::vector<std::string> SkillsInText(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : text::SplitWords(text)) {
    std::vector<std::string> skills;
    if (const auto* known = text::KnownSkill(w)) {
      skills = *known;
    } else if (IsLatinWord(w) && !StopWords().contains(w) &&
               std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      skills = {w};
    }
    for (auto& s : skills) {
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
  }
  return out;
}

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : text::SplitWords(text)) {
    if (StopWords().contains(w)) continue;
    bool ascii = IsLatinWord(w);
    if (!ascii && w.size() <= 3) continue;  // one CJK character (3 bytes in UTF-8)
    if (std::all_of(w.begin(), w.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
      continue;  // numbers: years, counts
    }
    if (const auto* known = text::KnownSkill(w); known && known->size() == 1) {
      out.push_back((*known)[0]);
    } else {
      out.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace tb::match
