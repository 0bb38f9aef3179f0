#pragma once
// Word segmentation for search: Unicode NFKC + case folding, then ICU's dictionary-based word
// break (Chinese is split into words, Latin text at spaces and punctuation). Technical names
// that carry symbols ("c++", "c#", ".net", "node.js") stay whole: a run of ASCII letters,
// digits and the characters + # . is one word (without a trailing '.'), and '/' separates
// ("c/c++" -> "c", "c++"). Punctuation, spaces and symbols are dropped.
// Thread-safe (each call makes its own ICU break iterator from a shared immutable prototype).

#include <string>
#include <string_view>
#include <vector>

namespace tb::text {

// "熟悉C/C++、Java开发" -> {"熟悉", "c", "c++", "java", "开发"}.
std::vector<std::string> SplitWords(std::string_view utf8);

// NFKC + case fold only (keeps spaces and punctuation): "Ｃ＋＋ Builder" -> "c++ builder".
std::string FoldCase(std::string_view utf8);

}  // namespace tb::text
