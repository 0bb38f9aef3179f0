#pragma once
// Evidence files of destinations, kept on disk outside the database (under <files>/evidence/),
// named by the record and a random suffix; the database holds only the relative name. The type
// is recognised from the file's first bytes (magic numbers), never from what the client claims.
// Thread-safe (each call touches its own file).

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tb::service {

// "application/pdf", "image/png" or "image/jpeg" from the first bytes; nullopt otherwise.
std::optional<std::string> DetectEvidenceType(std::string_view bytes);
// Writes `bytes` to <dir>/evidence/<stem>-<random>.<ext> (via a temporary file, then a rename)
// and returns the name relative to `dir`.
Result<std::string> SaveEvidenceFile(const std::string& dir, const std::string& stem,
                                     const std::string& content_type, std::string_view bytes);
// Writes `bytes` to <dir>/<relative> unless that file exists (the demo's evidence).
Status EnsureEvidenceFile(const std::string& dir, const std::string& relative,
                          std::string_view bytes);
Result<std::string> LoadEvidenceFile(const std::string& dir, const std::string& relative);

}  // namespace tb::service
