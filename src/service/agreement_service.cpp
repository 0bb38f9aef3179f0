#include "service/agreement_service.hpp"

#include <sodium.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace tb::service {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPdf = "application/pdf";
constexpr const char* kPng = "image/png";
constexpr const char* kJpeg = "image/jpeg";
constexpr const char* kWebp = "image/webp";
constexpr const char* kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<domain::Agreement> VisibleAgreement(store::Tx& tx, const Caller& caller, domain::Id id) {
  auto agreement = store::Repository<domain::Agreement>::Get(tx, id);
  if (!agreement.ok() || !CanSee(tx, caller, *agreement)) {
    return Error::NotFound("agreement " + std::to_string(id) + " not found");
  }
  return *agreement;
}

std::string Join(const std::vector<std::string_view>& items) {
  std::string out;
  for (auto s : items) out += (out.empty() ? "" : ", ") + std::string(s);
  return out.empty() ? "none (a final state)" : out;
}

// The media type without parameters, lower-case.
std::string BareType(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> CheckFilename(const std::string& name) {
  if (name.empty()) return "is required (the file's name, e.g. agreement.pdf)";
  if (!domain::IsValidUtf8(name)) return "is not valid UTF-8";
  if (domain::Utf8Length(name) > 200) return "must be at most 200 characters";
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
      return "must be a plain file name without path separators or control characters";
    }
  }
  if (name == "." || name == "..") return "must be a file name";
  return std::nullopt;
}

Status WriteFile(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return Error::Unavailable("cannot create " + path.parent_path().string());
  fs::path tmp = path;
  tmp += ".tmp" + std::to_string(randombytes_random());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Error::Unavailable("cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Error::Unavailable("cannot store " + path.string());
  }
  return {};
}

}  // namespace

const std::vector<std::string>& AllowedDocumentTypes() {
  static const std::vector<std::string> types = {kPdf, kPng, kJpeg, kWebp, kDocx, kXlsx};
  return types;
}

std::optional<std::string> SniffDocumentType(std::string_view b) {
  if (b.starts_with("%PDF-")) return kPdf;
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return kPng;
  if (b.starts_with("\xff\xd8\xff")) return kJpeg;
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return kWebp;
  if (b.starts_with("PK\x03\x04")) {
    // An Office Open XML package: a ZIP whose entry names (stored in clear in the local file
    // headers) include the main part of a document or a workbook.
    if (b.find("[Content_Types].xml") == std::string_view::npos) return std::nullopt;
    if (b.find("word/document.xml") != std::string_view::npos) return kDocx;
    if (b.find("xl/workbook.xml") != std::string_view::npos) return kXlsx;
  }
  return std::nullopt;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

Result<domain::Agreement> AgreementServices::Create(const Caller& caller, domain::Agreement value,
                                                    const std::string& now) const {
  value.status = "draft";
  return agreements.Create(caller, std::move(value), now);
}

Result<domain::Agreement> AgreementServices::Transition(const Caller& caller, domain::Id id,
                                                        const std::string& to,
                                                        const std::string& note,
                                                        const std::string& now) const {
  return db_->Write([&](store::Tx& tx) -> Result<domain::Agreement> {
    TB_TRY(domain::Agreement before, VisibleAgreement(tx, caller, id));
    TB_TRY_STATUS(CanWrite(tx, caller, &before, &before));
    bool known = false;
    for (auto s : domain::kAgreementStates) known = known || s == to;
    if (!known) {
      std::vector<std::string_view> all(std::begin(domain::kAgreementStates),
                                        std::end(domain::kAgreementStates));
      return Error::Unprocessable("not a state of an agreement",
                                  {{"to", "must be one of " + Join(all) + "; got '" + to + "'"}});
    }
    if (domain::Utf8Length(note) > 2000) {
      return Error::Unprocessable("note too long", {{"note", "must be at most 2000 characters"}});
    }
    if (!domain::CanTransition(before.status, to)) {
      std::string allowed = Join(domain::AllowedTransitions(before.status));
      return Error::Conflict("agreement " + std::to_string(id) + " cannot move from " +
                                 before.status + " to " + to + "; allowed from " + before.status +
                                 ": " + allowed,
                             {{"to", "allowed from " + before.status + ": " + allowed}});
    }
    domain::Agreement after = before;
    after.status = to;
    if (to == "signed" && !after.signed_on) after.signed_on = now.substr(0, 10);
    if (to == "active") {
      std::vector<FieldError> missing;
      if (!after.start_date) missing.push_back({"start_date", "is required to make it active"});
      if (!after.end_date) missing.push_back({"end_date", "is required to make it active"});
      if (!missing.empty()) {
        return Error::Unprocessable("agreement " + std::to_string(id) + " has no validity period",
                                    std::move(missing));
      }
    }
    TB_TRY(domain::Agreement updated,
           store::Repository<domain::Agreement>::Update(tx, std::move(after), now));
    domain::AgreementTransition t;
    t.agreement_id = id;
    t.from_status = before.status;
    t.to_status = to;
    if (caller.user_id > 0) t.actor_user_id = caller.user_id;
    t.actor = caller.email;
    t.note = note;
    store::Repository<domain::AgreementTransition>::Insert(tx, std::move(t), now);
    auth::Audit(tx, caller, "transition", "agreement", id, domain::ToJson(before),
                domain::ToJson(updated), now);
    return updated;
  });
}

Status AgreementServices::Delete(const Caller& caller, domain::Id id,
                                 const std::string& now) const {
  std::vector<std::string> keys;
  auto st = db_->Write([&](store::Tx& tx) -> Status {
    TB_TRY(domain::Agreement before, VisibleAgreement(tx, caller, id));
    TB_TRY_STATUS(CanWrite(tx, caller, &before, static_cast<const domain::Agreement*>(nullptr)));
    if (before.status != "draft") {
      return Error::Conflict("agreement " + std::to_string(id) + " is " + before.status +
                             "; only a draft can be deleted, terminate it instead (POST "
                             "/api/v1/agreements/" +
                             std::to_string(id) + "/transitions {\"to\": \"terminated\"})");
    }
    store::AgreementDocumentFilter f;
    f.agreement_id = id;
    for (const auto& d :
         store::Repository<domain::AgreementDocument>::List(tx, ToWhere(f), {0, 100000}).items) {
      keys.push_back(d.storage_key);
    }
    TB_TRY_STATUS(store::Repository<domain::Agreement>::Delete(tx, id));
    auth::Audit(tx, caller, "delete", "agreement", id, domain::ToJson(before), std::nullopt, now);
    return {};
  });
  if (st.ok()) {
    for (const auto& key : keys) RemoveUnreferenced(key);
  }
  return st;
}

Result<domain::AgreementDocument> AgreementServices::Upload(
    const Caller& caller, domain::Id agreement_id, const std::string& filename,
    const std::string& content_type, const std::string& bytes, const std::string& now) const {
  // Scope first: a caller who may not see or change the agreement learns nothing else.
  TB_TRY_STATUS(db_->Read([&](store::Tx& tx) -> Status {
    TB_TRY(domain::Agreement a, VisibleAgreement(tx, caller, agreement_id));
    return CanWrite(tx, caller, &a, &a);
  }));
  std::vector<FieldError> errors;
  if (auto p = CheckFilename(filename)) errors.push_back({"filename", *p});
  std::string declared = BareType(content_type);
  const auto& allowed = AllowedDocumentTypes();
  std::string allowed_list;
  for (const auto& t : allowed) allowed_list += (allowed_list.empty() ? "" : ", ") + t;
  if (bytes.empty()) {
    errors.push_back({"content", "is empty"});
  } else if (bytes.size() > kMaxDocumentBytes) {
    errors.push_back({"content", "is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                                     std::to_string(kMaxDocumentBytes)});
  } else if (std::find(allowed.begin(), allowed.end(), declared) == allowed.end()) {
    errors.push_back(
        {"content_type", "must be one of " + allowed_list + "; got '" + declared + "'"});
  } else {
    auto actual = SniffDocumentType(bytes);
    if (!actual) {
      errors.push_back({"content", "declared " + declared +
                                       ", but the bytes are not of any allowed type (" +
                                       allowed_list + ")"});
    } else if (*actual != declared) {
      errors.push_back({"content_type", "declared " + declared + ", but the bytes are " + *actual});
    }
  }
  if (!errors.empty()) {
    return Error::Unprocessable("document is not acceptable", std::move(errors));
  }

  domain::AgreementDocument doc;
  doc.agreement_id = agreement_id;
  doc.filename = filename;
  doc.content_type = declared;
  doc.size_bytes = static_cast<std::int64_t>(bytes.size());
  doc.sha256 = Sha256Hex(bytes);
  doc.storage_key = "agreements/" + std::to_string(agreement_id) + "/" + doc.sha256;
  if (caller.user_id > 0) doc.uploaded_by = caller.user_id;
  TB_TRY_STATUS(WriteFile(files_dir_ / doc.storage_key, bytes));
  auto created = db_->Write([&](store::Tx& tx) -> Result<domain::AgreementDocument> {
    TB_TRY(domain::Agreement a, VisibleAgreement(tx, caller, agreement_id));
    TB_TRY_STATUS(CanWrite(tx, caller, &a, &a));
    auto row = store::Repository<domain::AgreementDocument>::Insert(tx, doc, now);
    auth::Audit(tx, caller, "create", "agreement document", row.id, std::nullopt,
                domain::ToJson(row), now);
    return row;
  });
  if (!created.ok()) RemoveUnreferenced(doc.storage_key);
  return created;
}

Result<DocumentContent> AgreementServices::Download(const Caller& caller, domain::Id agreement_id,
                                                    domain::Id document_id) const {
  TB_TRY(domain::AgreementDocument doc, documents.Get(caller, document_id));
  if (doc.agreement_id != agreement_id) {
    return Error::NotFound("agreement document " + std::to_string(document_id) + " not found");
  }
  std::ifstream in(files_dir_ / doc.storage_key, std::ios::binary);
  if (!in) {
    return Error::Internal("the stored file of agreement document " + std::to_string(doc.id) +
                           " is missing");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  DocumentContent out{doc, ss.str()};
  if (Sha256Hex(out.bytes) != doc.sha256) {
    return Error::Internal("the stored file of agreement document " + std::to_string(doc.id) +
                           " does not match its SHA-256");
  }
  return out;
}

Status AgreementServices::DeleteDocument(const Caller& caller, domain::Id agreement_id,
                                         domain::Id document_id, const std::string& now) const {
  std::string key;
  auto st = db_->Write([&](store::Tx& tx) -> Status {
    TB_TRY(domain::Agreement a, VisibleAgreement(tx, caller, agreement_id));
    auto doc = store::Repository<domain::AgreementDocument>::Get(tx, document_id);
    if (!doc.ok() || doc->agreement_id != agreement_id) {
      return Error::NotFound("agreement document " + std::to_string(document_id) + " not found");
    }
    TB_TRY_STATUS(CanWrite(tx, caller, &a, &a));
    key = doc->storage_key;
    TB_TRY_STATUS(store::Repository<domain::AgreementDocument>::Delete(tx, document_id));
    auth::Audit(tx, caller, "delete", "agreement document", document_id, domain::ToJson(*doc),
                std::nullopt, now);
    return {};
  });
  if (st.ok()) RemoveUnreferenced(key);
  return st;
}

Result<store::Fulfilment> AgreementServices::Fulfilment(const Caller& caller, domain::Id id) const {
  return db_->Read([&](store::Tx& tx) -> Result<store::Fulfilment> {
    TB_TRY(domain::Agreement a, VisibleAgreement(tx, caller, id));
    return store::AgreementFulfilment(tx, a);
  });
}

store::Fulfilment AgreementServices::FulfilmentOf(const domain::Agreement& agreement) const {
  auto r = db_->Read([&](store::Tx& tx) -> Result<store::Fulfilment> {
    return store::AgreementFulfilment(tx, agreement);
  });
  return r.ok() ? *r : store::Fulfilment{};
}

void AgreementServices::RemoveUnreferenced(const std::string& storage_key) const {
  auto still_used = db_->Read([&](store::Tx& tx) -> Result<std::int64_t> {
    return store::Repository<domain::AgreementDocument>::Count(
        tx, store::Where().And("storage_key = ?", {store::P(storage_key)}));
  });
  if (still_used.ok() && *still_used == 0) {
    std::error_code ec;
    fs::remove(files_dir_ / storage_key, ec);
  }
}

}  // namespace tb::service
