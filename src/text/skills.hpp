#pragma once
// The skill vocabulary: a synonym dictionary that folds the ways a skill is written to one
// canonical name ("C/C++" -> c, c++; "cpp" -> c++; "Vue.js" -> vue). The matching engine
// (match/terms) compares skills by these names, and the service layer stores them for SQL
// (table match_post_skills), so both read the one dictionary here.
// Stateless and thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace tb::text {

// The canonical skills one skill entry names: "C/C++" -> {"c", "c++"}, "cpp" -> {"c++"},
// "Vue.js" -> {"vue"}, "Spring Boot" -> {"spring boot"}, "机械制图" -> {"机械制图"}.
std::vector<std::string> CanonicalSkills(std::string_view entry);

// The canonical skills of a word of SplitWords when the dictionary knows it ("cpp" ->
// {"c++"}); nullptr otherwise.
const std::vector<std::string>* KnownSkill(std::string_view word);

}  // namespace tb::text
