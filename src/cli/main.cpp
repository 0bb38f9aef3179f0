// talentbridge: the one executable. Thin: parse flags, wire services, run.

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "demo/demo.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "report/reference_import.hpp"
#include "service/entity_service.hpp"
#include "store/database.hpp"
#include "store/migrate.hpp"

namespace {

constexpr const char* kDefaultDb = "sqlite:./data/talentbridge.db";

int Fail(const tb::Error& e) {
  std::cerr << "error: " << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
  return 1;
}

// Opens and migrates the database; prints what it did.
std::shared_ptr<tb::store::Database> OpenDatabase(const std::string& url, std::size_t pool,
                                                  int* exit_code) {
  auto db = tb::store::Database::Open(url, pool);
  if (!db.ok()) {
    *exit_code = Fail(db.error());
    return nullptr;
  }
  auto applied = tb::store::Migrate(**db);
  if (!applied.ok()) {
    *exit_code = Fail(applied.error());
    return nullptr;
  }
  if (*applied > 0) spdlog::info("applied {} migration(s) to {}", *applied, url);
  return *db;
}

int Serve(const std::string& db_url, const std::string& address, std::uint16_t port, bool demo,
          std::size_t threads, const std::string& web_dir) {
  int code = 0;
  auto db = OpenDatabase(db_url, std::max<std::size_t>(threads ? threads : 4, 4), &code);
  if (!db) return code;
  if (auto st = tb::report::LoadBuiltinReferenceData(*db); !st.ok()) return Fail(st.error());
  if (demo) {
    auto summary = tb::demo::SeedDemo(*db);
    if (!summary.ok()) return Fail(summary.error());
    spdlog::info("demo data {}: {} institutions, {} organizations, {} students, {} posts",
                 summary->created ? "created" : "already present", summary->institutions,
                 summary->organizations, summary->students, summary->posts);
  }
  auto services = std::make_shared<tb::service::Services>(db);
  tb::http::Router router = tb::http::BuildApi({services, TB_VERSION});
  tb::http::ServerOptions options;
  options.address = address;
  options.port = port;
  options.threads = threads;
  options.static_dir = web_dir;
  options.on_listening = [&] {
    std::printf("TalentBridge %s serving on http://%s:%u (database: %s)\n", TB_VERSION,
                address.c_str(), port, db->backend_name());
    std::fflush(stdout);
  };
  return tb::http::RunServer(router, options) ? 0 : 1;
}

int Import(const std::string& db_url, const std::string& kind_name,
           const std::vector<std::string>& files, bool dry_run) {
  auto kind = tb::report::ParseReferenceKind(kind_name);
  if (!kind.ok()) return Fail(kind.error());
  int code = 0;
  auto db = OpenDatabase(db_url, 1, &code);
  if (!db) return code;
  int failures = 0;
  for (const auto& file : files) {
    auto report = tb::report::ImportReferenceFile(*db, *kind, file, dry_run);
    if (!report.ok()) {
      std::cerr << file << ": ";
      Fail(report.error());
      ++failures;
      continue;
    }
    bool refused = !report->errors.empty();
    (refused ? std::cerr : std::cout)
        << file << ": " << tb::report::DescribeReport(*report, 50) << "\n";
    if (refused) ++failures;
  }
  return failures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"TalentBridge: school-enterprise cooperation and graduate employment"};
  app.require_subcommand(1);
  std::string db_url = kDefaultDb;

  auto* serve = app.add_subcommand("serve", "Run the HTTP server (API and web app)");
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  bool demo = false;
  std::size_t threads = 0;
  std::string web_dir;
  serve->add_option("--db", db_url, "Database: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  serve->add_option("--address", address, "Address to listen on")->capture_default_str();
  serve->add_option("--port", port, "Port to listen on")->capture_default_str();
  serve->add_flag("--demo", demo, "Load the demo data set (the real campaigns of DESIGN.md §2)");
  serve->add_option("--threads", threads, "Worker threads (0 = one per core)");
  serve->add_option("--web", web_dir, "Directory of the built web app to serve");

  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  migrate->add_option("--db", db_url, "Database URL")->capture_default_str();

  auto* import =
      app.add_subcommand("import", "Import reference data: regions|majors|industries FILE...");
  std::string kind;
  std::vector<std::string> files;
  bool dry_run = false;
  import->add_option("kind", kind, "regions | majors | industries")->required();
  import->add_option("files", files, "Files in the formats of ../shared/data")->required();
  import->add_option("--db", db_url, "Database URL")->capture_default_str();
  import->add_flag("--dry-run", dry_run, "Check the files and report, write nothing");

  auto* version = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);

  if (*version) {
    std::cout << "talentbridge " << TB_VERSION << "\n";
    return 0;
  }
  if (*migrate) {
    int code = 0;
    auto db = OpenDatabase(db_url, 1, &code);
    if (!db) return code;
    auto v = tb::store::SchemaVersion(*db);
    if (!v.ok()) return Fail(v.error());
    std::cout << "schema version " << *v << " (" << db->backend_name() << ")\n";
    return 0;
  }
  if (*import) return Import(db_url, kind, files, dry_run);
  if (*serve) return Serve(db_url, address, port, demo, threads, web_dir);
  return 0;
}
