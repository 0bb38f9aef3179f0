#pragma once
// The application services behind the CRUD endpoints: validate an entity (domain rules), check
// what needs the database (referenced rows and codes exist, unique keys are free — reported as
// field errors or a conflict naming the existing record), then write through the repository in
// one transaction. Nothing partial is ever written: every check and the write share that
// transaction. Thread-safe (stateless apart from the shared Database).

#include <memory>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "auth/caller.hpp"
#include "core/result.hpp"
#include "domain/entities.hpp"
#include "domain/json.hpp"
#include "domain/validation.hpp"
#include "service/agreement_policy.hpp"
#include "service/partnership_policy.hpp"
#include "service/policy.hpp"
#include "store/database.hpp"
#include "store/queries.hpp"
#include "store/repository.hpp"

namespace tb::service {

// Per-entity checks against the database, implemented in entity_service.cpp. They append
// field errors (422) or return a conflict (409).
void CheckReferences(store::Tx& tx, const domain::Institution& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Unit& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Organization& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Relation& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Contact& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Student& v, std::vector<FieldError>& out);
void CheckReferences(store::Tx& tx, const domain::Post& v, std::vector<FieldError>& out);

// Values the service derives before storing: an organization's normalized name.
template <class T>
void Prepare(T&) {}
void Prepare(domain::Organization& v);

// Rows kept in step with a record, in the transaction of its write: a post's canonical skills
// (service/post_skills.hpp). Nothing for the other entities.
template <class T>
void WriteDerived(store::Tx&, const T&) {}
void WriteDerived(store::Tx& tx, const domain::Post& v);
template <class T>
void DeleteDerived(store::Tx&, const T&) {}
void DeleteDerived(store::Tx& tx, const domain::Post& v);

// Fills the normalized name of organizations stored before it existed (or by other writers);
// returns how many rows were updated.
Result<std::int64_t> BackfillOrganizationNameKeys(store::Database& db);

Status CheckUnique(store::Tx& tx, const domain::Institution& v);
Status CheckUnique(store::Tx& tx, const domain::Unit& v);
Status CheckUnique(store::Tx& tx, const domain::Organization& v);
Status CheckUnique(store::Tx& tx, const domain::Relation& v);
Status CheckUnique(store::Tx& tx, const domain::Contact& v);
Status CheckUnique(store::Tx& tx, const domain::Student& v);
Status CheckUnique(store::Tx& tx, const domain::Post& v);

// The filter type each entity's list takes.
template <class T>
struct FilterOf;
template <>
struct FilterOf<domain::Institution> {
  using type = store::InstitutionFilter;
};
template <>
struct FilterOf<domain::Unit> {
  using type = store::UnitFilter;
};
template <>
struct FilterOf<domain::Organization> {
  using type = store::OrganizationFilter;
};
template <>
struct FilterOf<domain::Relation> {
  using type = store::RelationFilter;
};
template <>
struct FilterOf<domain::Contact> {
  using type = store::ContactFilter;
};
template <>
struct FilterOf<domain::Student> {
  using type = store::StudentFilter;
};
template <>
struct FilterOf<domain::Post> {
  using type = store::PostFilter;
};

using store::ToWhere;

template <class T>
class EntityService {
 public:
  using Filter = typename FilterOf<T>::type;
  using Repo = store::Repository<T>;

  explicit EntityService(std::shared_ptr<store::Database> db) : db_(std::move(db)) {}

  // The record as the caller may see it; kNotFound also when it is out of the caller's scope.
  Result<T> Get(const Caller& caller, domain::Id id) const {
    return db_->Read([&](store::Tx& tx) -> Result<T> { return Visible(tx, caller, id); });
  }

  // Whether the caller's role may list this collection at all.
  Status CheckList(const Caller& caller) const {
    Filter filter{};
    return ScopeList(caller, filter);
  }

  // A page of the records in the caller's scope that match `filter`.
  Result<store::Page<T>> List(const Caller& caller, Filter filter,
                              const store::PageRequest& page) const {
    TB_TRY_STATUS(ScopeList(caller, filter));
    return db_->Read([&](store::Tx& tx) -> Result<store::Page<T>> {
      auto out = Repo::List(tx, ToWhere(filter), page);
      MaskAll(tx, caller, out.items);
      return out;
    });
  }

  // Creates `value` (its id and timestamps are assigned) and audits it.
  Result<T> Create(const Caller& caller, T value, const std::string& now) const {
    return db_->Write(
        [&](store::Tx& tx) -> Result<T> { return CreateIn(tx, caller, std::move(value), now); });
  }

  // Create within the caller's transaction (several records written all-or-nothing); on an
  // error the caller fails the transaction.
  Result<T> CreateIn(store::Tx& tx, const Caller& caller, T value, const std::string& now) const {
    domain::Normalize(value);
    Prepare(value);
    TB_TRY_STATUS(CanWrite(tx, caller, static_cast<const T*>(nullptr), &value));
    TB_TRY_STATUS(Check(tx, value));
    T created = Repo::Insert(tx, std::move(value), now);
    WriteDerived(tx, created);
    auth::Audit(tx, caller, "create", std::string(Repo::def().singular), created.id, std::nullopt,
                domain::ToJson(created), now);
    Mask(tx, caller, created);
    return created;
  }

  // Reads record `id`, applies `change` to it and stores the result, in one transaction.
  template <class ChangeFn>
  Result<T> Modify(const Caller& caller, domain::Id id, ChangeFn&& change,
                   const std::string& now) const {
    return db_->Write([&](store::Tx& tx) -> Result<T> {
      TB_TRY(T before, Visible(tx, caller, id, /*mask=*/false));
      T value = before;
      TB_TRY_STATUS(change(value));
      value.id = id;
      domain::Normalize(value);
      Prepare(value);
      TB_TRY_STATUS(CanWrite(tx, caller, &before, &value));
      TB_TRY_STATUS(Check(tx, value));
      TB_TRY(T updated, Repo::Update(tx, std::move(value), now));
      WriteDerived(tx, updated);
      auth::Audit(tx, caller, "update", std::string(Repo::def().singular), id,
                  domain::ToJson(before), domain::ToJson(updated), now);
      Mask(tx, caller, updated);
      return updated;
    });
  }

  Status Delete(const Caller& caller, domain::Id id, const std::string& now) const {
    return db_->Write([&](store::Tx& tx) -> Status {
      TB_TRY(T before, Visible(tx, caller, id, /*mask=*/false));
      TB_TRY_STATUS(CanWrite(tx, caller, &before, static_cast<const T*>(nullptr)));
      TB_TRY_STATUS(Repo::Delete(tx, id));
      DeleteDerived(tx, before);
      auth::Audit(tx, caller, "delete", std::string(Repo::def().singular), id,
                  domain::ToJson(before), std::nullopt, now);
      return {};
    });
  }

 private:
  static Result<T> Visible(store::Tx& tx, const Caller& caller, domain::Id id, bool mask = true) {
    TB_TRY(T value, Repo::Get(tx, id));
    if (!CanSee(tx, caller, value)) {
      return Error::NotFound(std::string(Repo::def().singular) + " " + std::to_string(id) +
                             " not found");
    }
    if (mask) Mask(tx, caller, value);
    return value;
  }

  static Status Check(store::Tx& tx, const T& value) {
    std::vector<FieldError> errors = domain::Validate(value);
    if (errors.empty()) CheckReferences(tx, value, errors);
    if (!errors.empty()) {
      return Error::Unprocessable(std::string(Repo::def().singular) + " is not valid",
                                  std::move(errors));
    }
    return CheckUnique(tx, value);
  }

  std::shared_ptr<store::Database> db_;
};

// All entity services of the foundation, sharing one database.
struct Services {
  explicit Services(std::shared_ptr<store::Database> database)
      : db(database),
        institutions(database),
        units(database),
        organizations(database),
        relations(database),
        contacts(database),
        students(database),
        posts(database) {}

  std::shared_ptr<store::Database> db;
  EntityService<domain::Institution> institutions;
  EntityService<domain::Unit> units;
  EntityService<domain::Organization> organizations;
  EntityService<domain::Relation> relations;
  EntityService<domain::Contact> contacts;
  EntityService<domain::Student> students;
  EntityService<domain::Post> posts;
};

}  // namespace tb::service
