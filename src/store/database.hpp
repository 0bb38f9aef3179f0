#pragma once
// A pool of SOCI sessions on one database, SQLite or PostgreSQL, and transactions on it.
// Thread-safe: any number of threads may call Read/Write at once; each call borrows one
// pooled session for its duration. Library exceptions (soci_error) are caught here and
// returned as Error values: a unique-key violation becomes kConflict, a foreign-key violation
// kConflict, a lost connection kUnavailable.
//
// Lost connections (PostgreSQL restarted, a proxy dropped an idle connection): a pooled session
// whose connection broke is reconnected the next time it is checked out, and a transaction
// that fails because its connection is gone is handled by this rule:
//   - failed at BEGIN (nothing of the transaction ran): reconnect and begin again, reads and
//     writes alike;
//   - a read that fails later: reconnect and run it once more (so Read's fn may run twice: it
//     must have no effect besides its return value);
//   - a write that fails later is NOT run again. Before COMMIT the server has rolled it back,
//     but its fn may have acted on what it read (or outside the transaction), so running it
//     again is the caller's decision; and when the connection broke during COMMIT nobody knows
//     whether it committed, so running it again could apply the change twice. It returns
//     kUnavailable saying which of the two happened ("not saved" / "may or may not").

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/entity.hpp"
#include "store/sql.hpp"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace tb::store {

enum class Backend { kSqlite, kPostgres };

struct DbUrl {
  Backend backend = Backend::kSqlite;
  std::string connect;  // SOCI connection string
  std::string path;     // SQLite file path (empty for PostgreSQL)
};

// "sqlite:PATH" (PATH may be relative) or "postgresql://user:pass@host:port/db" (also
// "postgres://"). Anything else is an error naming the accepted forms.
Result<DbUrl> ParseDbUrl(std::string_view url);

class Database;

// Counters of the session pool, for GET /metrics. Read without locking: each number is exact,
// the set of them is not one snapshot.
struct PoolStats {
  std::size_t size = 0;             // sessions in the pool
  std::size_t in_use = 0;           // checked out right now
  std::uint64_t waits = 0;          // checkouts that found no free session and had to wait
  double wait_seconds = 0;          // total time spent waiting for a session
  std::uint64_t reconnects = 0;     // broken connections reopened
  std::uint64_t retried_reads = 0;  // read transactions run again after a lost connection
};

// One transaction on one session. Created only by Database::Write/Read; not thread-safe.
class Tx {
 public:
  Backend backend() const { return backend_; }
  bool writable() const { return writable_; }

  // Runs a statement with `?` placeholders bound in order to `params`; returns the number of
  // rows it affected (INSERT, UPDATE, DELETE; 0 for other statements).
  std::int64_t Exec(std::string_view sql, const std::vector<Param>& params = {});
  // Runs a query and returns all rows.
  std::vector<Row> Query(std::string_view sql, const std::vector<Param>& params = {});
  // The first column of the first row, or nullopt if there is no row or it is NULL.
  std::optional<std::int64_t> QueryInt(std::string_view sql, const std::vector<Param>& params = {});

  // Reserves `count` consecutive ids of the named sequence and returns the first. The sequence
  // row stays locked until the transaction ends, so ids of one sequence are handed out in
  // commit order.
  domain::Id NextIds(std::string_view sequence, std::int64_t count = 1);

  // Records a change of entity `entity` id `id` ("create" | "update" | "delete"); written to
  // change_log just before commit, in this transaction.
  void LogChange(std::string_view entity, domain::Id id, std::string_view op);

 private:
  friend class Database;
  Tx(soci::session& session, Backend backend, bool writable)
      : session_(session), backend_(backend), writable_(writable) {}
  void FlushChanges();

  struct Change {
    std::string entity;
    domain::Id id;
    std::string op;
  };
  soci::session& session_;
  Backend backend_;
  bool writable_;
  std::vector<Change> changes_;
};

class Database {
 public:
  // Opens `pool_size` sessions. For SQLite: WAL mode, foreign keys on, a busy timeout; the
  // file's directory is created if missing.
  static Result<std::shared_ptr<Database>> Open(std::string_view url, std::size_t pool_size = 4);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return url_.backend; }
  const char* backend_name() const {
    return url_.backend == Backend::kSqlite ? "sqlite" : "postgresql";
  }
  std::size_t pool_size() const { return pool_size_; }
  PoolStats pool_stats() const;

  // Checks that the database answers and is migrated.
  Status Ping();

  // Runs fn(Tx&) in a write transaction and commits when fn returns a value (not an Error);
  // rolls back on an Error or an exception. fn returns Result<T> (or Status).
  template <class F>
  auto Write(F&& fn) -> std::invoke_result_t<F, Tx&> {
    return Run<std::invoke_result_t<F, Tx&>>(true, std::forward<F>(fn));
  }
  // Runs fn(Tx&) in a read-only transaction that sees one consistent snapshot (REPEATABLE READ
  // on PostgreSQL; SQLite's read transactions are snapshots already). fn runs a second time
  // when the connection breaks under it (see above).
  template <class F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Tx&> {
    return Run<std::invoke_result_t<F, Tx&>>(false, std::forward<F>(fn));
  }

 private:
  explicit Database(DbUrl url, std::size_t pool_size);

  class Lease;
  enum class Outcome { kDone, kFailed, kConnectionLost };
  enum class Stage { kBegin, kBody, kCommit };  // how far an attempt got

  // Type-erased body of Write/Read: returns false when fn failed and the transaction should
  // roll back; fills *error when a library exception happened.
  bool RunErased(bool writable, const std::function<bool(Tx&)>& body, Error* error);
  // One attempt of a transaction on one leased session.
  Outcome RunOnce(Lease& lease, bool writable, const std::function<bool(Tx&)>& body, Error* error,
                  Stage* stage);
  // Opens (or reopens) the connection of pooled session `pos` and sets its session options.
  void Connect(std::size_t pos, bool reconnect);

  template <class R, class F>
  R Run(bool writable, F&& fn) {
    std::optional<R> result;
    Error error;
    bool ok = RunErased(
        writable,
        [&](Tx& tx) {
          result.emplace(fn(tx));
          return result->ok();
        },
        &error);
    if (!ok && (!result || result->ok())) return R(std::move(error));
    return std::move(*result);
  }

  DbUrl url_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  // broken_[pos]: the connection of session pos was lost and must be reopened before use.
  // Only the holder of the lease on pos touches its element (the pool's mutex orders them).
  std::vector<char> broken_;
  std::atomic<std::size_t> in_use_{0};
  std::atomic<std::uint64_t> waits_{0};
  std::atomic<std::uint64_t> wait_micros_{0};
  std::atomic<std::uint64_t> reconnects_{0};
  std::atomic<std::uint64_t> retried_reads_{0};
};

}  // namespace tb::store
