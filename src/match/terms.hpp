#pragma once
// The vocabulary the matching model compares: canonical skills (with a synonym dictionary) and
// text terms (ICU-segmented words minus stop words). Both are hashed to 64 bits so that
// documents store small sorted integer sets; the same function hashes on both sides, so a
// (vanishingly unlikely) collision affects the reference and the fast scorer alike.
// Stateless and thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/skills.hpp"

namespace tb::match {

std::uint64_t Hash(std::string_view s);

// The canonical skills one skill entry names (the dictionary of text/skills.hpp, which the
// service layer uses too when it stores a post's skills for SQL).
using text::CanonicalSkills;

// The canonical skills a free text mentions, by the same dictionary: "熟悉C/C++、Java" ->
// {"c", "c++", "java"} (only words that are known skills or Latin technical words).
std::vector<std::string> SkillsInText(std::string_view text);

// Search terms of a text: SplitWords minus stop words and single CJK characters, with
// synonyms folded ("cpp" -> "c++").
std::vector<std::string> Terms(std::string_view text);

}  // namespace tb::match
