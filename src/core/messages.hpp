#pragma once
// Server texts for people, in Chinese and English.
//
// Why a catalog and not bilingual values at every construction site: errors are built in
// English at some 500 places (Error::…, field messages, Check* functions), often from
// fragments ("must be at most " + n + " characters"). English stays the one text the code
// writes, logs and tests compare; this catalog maps each English message or template to
// Chinese, and http/problem.cpp applies it at the one place a problem document leaves the
// server. tests/core/messages_test.cpp scans src/ for every message literal and template and
// fails naming any that has no Chinese, so a missing translation is caught by a test.
//
// Templates use "{}" for the dynamic parts (field names, values, numbers, states); the Chinese
// may reorder them with "{0}", "{1}" …. Dynamic parts are kept as they are, except that a part
// which is itself a catalog message is translated too, and a list of codes ("draft, signed")
// is joined with "、". Stateless after static initialisation; thread-safe.

#include <span>
#include <string>
#include <string_view>

namespace tb::core {

// A text shown to people, in both languages: serialised as {"zh": ..., "en": ...}.
struct Text {
  std::string zh;
  std::string en;
  bool operator==(const Text&) const = default;
};

enum class Language { kEnglish, kChinese };

// The language of an Accept-Language header: Chinese when the most preferred of the languages
// we speak is zh (zh, zh-CN, zh-Hans …), otherwise English (also when the header is absent).
Language PreferredLanguage(std::string_view accept_language);
// The Content-Language value: "en" or "zh-CN".
const char* LanguageTag(Language language);

// `english` in `language`. A message without a translation comes back unchanged.
std::string Translate(std::string_view english, Language language);
// Whether `english_template` (with "{}" placeholders, as written in the sources) is in the catalog.
bool HasTranslation(std::string_view english_template);

struct CatalogEntry {
  std::string_view en;  // English message or template
  std::string_view zh;
};
std::span<const CatalogEntry> MessageCatalog();

}  // namespace tb::core
