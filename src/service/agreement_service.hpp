#pragma once
// The agreement services (issue #4): the entity services of agreements and their further
// parties; the lifecycle (only the transitions of domain::AllowedTransitions, each recorded with
// actor, time and note, and audited); attached documents, whose bytes are kept on disk under
// the files directory (content-addressed by SHA-256, outside the database) and whose type is
// checked by their magic bytes, not only by the declared Content-Type; and fulfilment.
// Thread-safe (stateless apart from the shared Database and the files directory).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "service/entity_service.hpp"
#include "store/agreement_queries.hpp"

namespace tb::service {

// Largest document accepted, in bytes.
inline constexpr std::size_t kMaxDocumentBytes = 10 << 20;

// The content types a document may have: PDF, PNG, JPEG, WebP, DOCX, XLSX.
const std::vector<std::string>& AllowedDocumentTypes();
// The allowed content type the bytes are (by their magic bytes), or nullopt.
std::optional<std::string> SniffDocumentType(std::string_view bytes);
// Lower-case hex SHA-256.
std::string Sha256Hex(std::string_view bytes);

struct DocumentContent {
  domain::AgreementDocument document;
  std::string bytes;
};

class AgreementServices {
 public:
  AgreementServices(std::shared_ptr<store::Database> db, std::filesystem::path files_dir)
      : agreements(db),
        parties(db),
        transitions(db),
        documents(db),
        db_(std::move(db)),
        files_dir_(std::move(files_dir)) {}

  EntityService<domain::Agreement> agreements;
  EntityService<domain::AgreementParty> parties;
  EntityService<domain::AgreementTransition> transitions;  // read only: written by Transition
  EntityService<domain::AgreementDocument> documents;      // read only: written by Upload

  // Creates `value` as a draft, whatever its status says: the state changes only by Transition.
  Result<domain::Agreement> Create(const Caller& caller, domain::Agreement value,
                                   const std::string& now) const;

  // Moves agreement `id` to state `to`. kNotFound when not visible, kForbidden when the caller
  // may not change it, kUnprocessable naming "to" for an unknown state or a missing field the
  // new state needs (active needs start_date and end_date), kConflict naming the allowed
  // states for a move the lifecycle does not allow. Moving to signed without signed_on sets it
  // to today.
  Result<domain::Agreement> Transition(const Caller& caller, domain::Id id, const std::string& to,
                                       const std::string& note, const std::string& now) const;

  // Deletes a draft (kConflict for any other state: terminate it instead) with its parties,
  // transitions and documents.
  Status Delete(const Caller& caller, domain::Id id, const std::string& now) const;

  // Stores a document of agreement `agreement_id`. kUnprocessable naming "filename",
  // "content_type" or "content" when the name is unusable, the declared type is not allowed,
  // the bytes are not of the declared type, or there are none / more than kMaxDocumentBytes.
  Result<domain::AgreementDocument> Upload(const Caller& caller, domain::Id agreement_id,
                                           const std::string& filename,
                                           const std::string& content_type,
                                           const std::string& bytes, const std::string& now) const;
  // The document and its bytes; kNotFound unless it belongs to that visible agreement;
  // kInternal when the stored file is missing or does not match its SHA-256.
  Result<DocumentContent> Download(const Caller& caller, domain::Id agreement_id,
                                   domain::Id document_id) const;
  Status DeleteDocument(const Caller& caller, domain::Id agreement_id, domain::Id document_id,
                        const std::string& now) const;

  // Interns received and hires of a visible agreement, with their source.
  Result<store::Fulfilment> Fulfilment(const Caller& caller, domain::Id id) const;
  store::Fulfilment FulfilmentOf(const domain::Agreement& agreement) const;

  const std::filesystem::path& files_dir() const { return files_dir_; }

 private:
  void RemoveUnreferenced(const std::string& storage_key) const;

  std::shared_ptr<store::Database> db_;
  std::filesystem::path files_dir_;
};

}  // namespace tb::service
