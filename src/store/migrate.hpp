#pragma once
// Numbered schema migrations (migrations/NNN_name.sql, embedded at build time). Each runs in
// its own transaction together with its row in schema_migrations, so a failed migration
// leaves the database at the previous version.

#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace tb::store {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

extern const std::vector<Migration> kMigrations;

// Applies the migrations newer than the database's version; returns how many were applied.
Result<int> Migrate(Database& db);
// The highest applied version (0 for an empty database).
Result<int> SchemaVersion(Database& db);

// Splits a migration into statements at semicolons that end a line (outside quotes),
// dropping comment lines.
std::vector<std::string> SplitStatements(std::string_view sql);

}  // namespace tb::store
