#include "store/migrate.hpp"

#include "core/time.hpp"

namespace tb::store {

std::vector<std::string> SplitStatements(std::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  bool in_quote = false;
  std::size_t pos = 0;
  while (pos < sql.size()) {
    std::size_t eol = sql.find('\n', pos);
    if (eol == std::string_view::npos) eol = sql.size();
    std::string_view line = sql.substr(pos, eol - pos);
    pos = eol + 1;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (!in_quote && (first == std::string_view::npos || line.substr(first).starts_with("--"))) {
      continue;
    }
    for (char c : line) {
      if (c == '\'') in_quote = !in_quote;
    }
    current.append(line);
    current += '\n';
    std::size_t last = line.find_last_not_of(" \t\r");
    if (!in_quote && last != std::string_view::npos && line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

Result<int> SchemaVersion(Database& db) {
  return db.Write([](Tx& tx) -> Result<int> {
    // Concurrent CREATE TABLE IF NOT EXISTS races on PostgreSQL's catalog (duplicate key in
    // pg_type): serialise the processes starting at once on a transaction-scoped lock.
    if (tx.backend() == Backend::kPostgres) tx.Exec("SELECT pg_advisory_xact_lock(7301001)");
    tx.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    return static_cast<int>(tx.QueryInt("SELECT MAX(version) FROM schema_migrations").value_or(0));
  });
}

Result<int> Migrate(Database& db) {
  TB_TRY(int current, SchemaVersion(db));
  int applied = 0;
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    TB_TRY_STATUS(db.Write([&](Tx& tx) -> Status {
      // Another process may have applied it meanwhile: the lock makes this check exact
      // (SQLite's write transaction is already exclusive).
      if (tx.backend() == Backend::kPostgres) {
        tx.Exec("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
      }
      if (tx.QueryInt("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", {P(m.version)})
              .value_or(0) > 0) {
        return {};
      }
      for (const std::string& statement : SplitStatements(m.sql)) tx.Exec(statement);
      tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {P(m.version), P(m.name), P(core::NowUtc())});
      ++applied;
      return {};
    }));
  }
  return applied;
}

}  // namespace tb::store
