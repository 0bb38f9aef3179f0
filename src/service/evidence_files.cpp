#include "service/evidence_files.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace tb::service {

std::optional<std::string> DetectEvidenceType(std::string_view b) {
  if (b.starts_with("%PDF-")) return "application/pdf";
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF) {
    return "image/jpeg";
  }
  return std::nullopt;
}

Result<std::string> SaveEvidenceFile(const std::string& dir, const std::string& stem,
                                     const std::string& content_type, std::string_view bytes) {
  namespace fs = std::filesystem;
  std::string ext = content_type == "application/pdf" ? ".pdf"
                    : content_type == "image/png"     ? ".png"
                                                      : ".jpg";
  std::random_device rd;
  char suffix[17];
  std::snprintf(suffix, sizeof suffix, "%08x%08x", rd(), rd());
  std::string relative = "evidence/" + stem + "-" + suffix + ext;
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "evidence", ec);
  if (ec) return Error::Unavailable("cannot create the evidence folder: " + ec.message());
  fs::path target = fs::path(dir) / relative;
  fs::path tmp = target;
  tmp += ".part";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error::Unavailable("cannot write the evidence file");
  }
  fs::rename(tmp, target, ec);
  if (ec) return Error::Unavailable("cannot store the evidence file: " + ec.message());
  return relative;
}

Status EnsureEvidenceFile(const std::string& dir, const std::string& relative,
                          std::string_view bytes) {
  namespace fs = std::filesystem;
  fs::path target = fs::path(dir) / relative;
  std::error_code ec;
  if (fs::exists(target, ec)) return {};
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Error::Unavailable("cannot create " + target.parent_path().string());
  // Written aside and renamed, so that another process never reads half a file.
  std::random_device rd;
  fs::path tmp = target;
  tmp += ".part" + std::to_string(rd());
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error::Unavailable("cannot write " + tmp.string());
  }
  fs::rename(tmp, target, ec);
  if (ec) return Error::Unavailable("cannot store " + target.string() + ": " + ec.message());
  return {};
}

Result<std::string> LoadEvidenceFile(const std::string& dir, const std::string& relative) {
  if (relative.find("..") != std::string::npos) return Error::NotFound("no evidence file");
  std::ifstream in(std::filesystem::path(dir) / relative, std::ios::binary);
  if (!in) return Error::NotFound("the evidence file is missing");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace tb::service
