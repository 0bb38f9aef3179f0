#pragma once
// The application services behind the CRUD endpoints: validate an entity (domain rules), check
// what needs the database (referenced rows and codes exist, unique keys are free — reported as
// field errors or a conflict naming the existing record), then write through the repository in
// one transaction. Nothing partial is ever written: every check and the write share that
// transaction. Thread-safe (stateless apart from the shared Database).

#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"
#include "domain/validation.hpp"
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

  Result<T> Get(domain::Id id) const {
    return db_->Read([&](store::Tx& tx) { return Repo::Get(tx, id); });
  }

  Result<store::Page<T>> List(const Filter& filter, const store::PageRequest& page) const {
    return db_->Read([&](store::Tx& tx) -> Result<store::Page<T>> {
      return Repo::List(tx, ToWhere(filter), page);
    });
  }

  // Creates `value` (its id and timestamps are assigned).
  Result<T> Create(T value, const std::string& now) const {
    domain::Normalize(value);
    return db_->Write([&](store::Tx& tx) -> Result<T> {
      TB_TRY_STATUS(Check(tx, value));
      return Repo::Insert(tx, std::move(value), now);
    });
  }

  // Replaces the writable fields of record value.id.
  Result<T> Update(T value, const std::string& now) const {
    return db_->Write([&](store::Tx& tx) -> Result<T> {
      if (!Repo::Exists(tx, value.id)) return Repo::Get(tx, value.id);  // the not-found error
      domain::Normalize(value);
      TB_TRY_STATUS(Check(tx, value));
      return Repo::Update(tx, std::move(value), now);
    });
  }

  // Reads record `id`, applies `change` to it and stores the result, in one transaction.
  template <class ChangeFn>
  Result<T> Modify(domain::Id id, ChangeFn&& change, const std::string& now) const {
    return db_->Write([&](store::Tx& tx) -> Result<T> {
      TB_TRY(T value, Repo::Get(tx, id));
      TB_TRY_STATUS(change(value));
      value.id = id;
      domain::Normalize(value);
      TB_TRY_STATUS(Check(tx, value));
      return Repo::Update(tx, std::move(value), now);
    });
  }

  Status Delete(domain::Id id) const {
    return db_->Write([&](store::Tx& tx) { return Repo::Delete(tx, id); });
  }

 private:
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
