#pragma once
// Generic persistence of the entities described in domain/entities.cpp: one table per entity,
// one column per field (lists as JSON text), ids from id_sequences, timestamps set here, and a
// change_log entry for every create, update and delete, in the caller's transaction.
// Stateless; every function takes the transaction it runs in.

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/entities.hpp"
#include "store/database.hpp"

namespace tb::store {

// A conjunction of SQL conditions with `?` placeholders, built by the typed filters in
// queries.hpp (never from user-supplied SQL).
struct Where {
  std::string sql;
  std::vector<Param> params;

  Where& And(std::string condition, std::vector<Param> p = {}) {
    sql += sql.empty() ? "" : " AND ";
    sql += "(" + condition + ")";
    params.insert(params.end(), std::make_move_iterator(p.begin()),
                  std::make_move_iterator(p.end()));
    return *this;
  }
};

// Keyset pagination: rows with id > after, in id order.
struct PageRequest {
  domain::Id after = 0;
  int limit = 50;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<domain::Id> next_after;  // set when more rows follow
};

// Value <-> column conversion shared by all entities.
Param ToParam(const domain::Value& v);
domain::Value FromCell(const Row& row, std::size_t i, domain::Kind kind);

// Rows that go with a deleted record (ON DELETE CASCADE in the schema) are deleted first, one by
// one through their repository, so that each deletion leaves its change_log entry.
template <class T>
void DeleteDependents(Tx&, domain::Id) {}
template <>
void DeleteDependents<domain::Organization>(Tx& tx, domain::Id id);

template <class T>
class Repository {
 public:
  static const domain::EntityDef<T>& def() { return domain::Def<T>(); }

  static Result<T> Get(Tx& tx, domain::Id id) {
    auto rows = tx.Query("SELECT " + Columns() + " FROM " + Table() + " WHERE id = ?", {P(id)});
    if (rows.empty()) return NotFound(id);
    return FromRow(rows[0]);
  }

  static bool Exists(Tx& tx, domain::Id id) {
    return tx.QueryInt("SELECT COUNT(*) FROM " + Table() + " WHERE id = ?", {P(id)}).value_or(0) >
           0;
  }

  // Assigns id, created_at and updated_at, inserts and logs the change.
  static T Insert(Tx& tx, T value, const std::string& now) {
    value.id = tx.NextIds(def().table);
    value.created_at = now;
    value.updated_at = now;
    std::string cols, marks;
    std::vector<Param> params;
    for (const auto& f : def().fields) {
      cols += (cols.empty() ? "" : ", ") + std::string(f.spec.name);
      marks += marks.empty() ? "?" : ", ?";
      params.push_back(ToParam(f.get(value)));
    }
    tx.Exec("INSERT INTO " + Table() + " (" + cols + ") VALUES (" + marks + ")", params);
    tx.LogChange(def().singular, value.id, "create");
    return value;
  }

  // Replaces every writable field of row value.id; keeps created_at; sets updated_at.
  static Result<T> Update(Tx& tx, T value, const std::string& now) {
    TB_TRY(T old, Get(tx, value.id));
    value.created_at = old.created_at;
    value.updated_at = now;
    std::string sets;
    std::vector<Param> params;
    for (const auto& f : def().fields) {
      if (f.spec.name == "id" || f.spec.name == "created_at") continue;
      sets += (sets.empty() ? "" : ", ") + std::string(f.spec.name) + " = ?";
      params.push_back(ToParam(f.get(value)));
    }
    params.push_back(P(value.id));
    tx.Exec("UPDATE " + Table() + " SET " + sets + " WHERE id = ?", params);
    tx.LogChange(def().singular, value.id, "update");
    return value;
  }

  static Status Delete(Tx& tx, domain::Id id) {
    if (!Exists(tx, id)) return NotFound(id);
    DeleteDependents<T>(tx, id);
    tx.Exec("DELETE FROM " + Table() + " WHERE id = ?", {P(id)});
    tx.LogChange(def().singular, id, "delete");
    return {};
  }

  static Page<T> List(Tx& tx, Where where, const PageRequest& page) {
    where.And("id > ?", {P(page.after)});
    int limit = page.limit < 1 ? 1 : page.limit;
    auto rows = tx.Query("SELECT " + Columns() + " FROM " + Table() + " WHERE " + where.sql +
                             " ORDER BY id LIMIT " + std::to_string(limit + 1),
                         where.params);
    Page<T> out;
    for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
      out.items.push_back(FromRow(rows[i]));
    }
    if (static_cast<int>(rows.size()) > limit) out.next_after = out.items.back().id;
    return out;
  }

  static std::int64_t Count(Tx& tx, const Where& where) {
    return tx
        .QueryInt(
            "SELECT COUNT(*) FROM " + Table() + (where.sql.empty() ? "" : " WHERE " + where.sql),
            where.params)
        .value_or(0);
  }

  static T FromRow(const Row& row) {
    T value{};
    const auto& fields = def().fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      fields[i].set(value, FromCell(row, i, fields[i].spec.kind));
    }
    return value;
  }

 private:
  static std::string Table() { return std::string(def().table); }
  static std::string Columns() {
    std::string cols;
    for (const auto& f : def().fields)
      cols += (cols.empty() ? "" : ", ") + std::string(f.spec.name);
    return cols;
  }
  static Error NotFound(domain::Id id) {
    return Error::NotFound(std::string(def().singular) + " " + std::to_string(id) + " not found");
  }
};

}  // namespace tb::store
