#include "graph/store/store.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "graph/store/rows.h"
#include "graph/store/schema.h"
#include "graph/store/sqlite.h"

namespace newsgraph::store {
namespace {


uint32_t bigEndian(const unsigned char* p, int bytes) {
  uint32_t value = 0;
  for (int i = 0; i < bytes; ++i) value = value << 8 | p[i];
  return value;
}

constexpr uint64_t kQuickCheckMaxBytes = uint64_t{64} << 20;

uint64_t fileSize(const std::string& path) {
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

// Looks at the file header before SQLite does, so that a foreign or truncated file gets
// a message that says so.
void checkHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  NG_CHECK(in, path, "cannot open store: no such file or not readable");
  auto size = static_cast<uint64_t>(in.tellg());
  unsigned char header[100] = {};
  in.seekg(0);
  in.read(reinterpret_cast<char*>(header), sizeof header);
  NG_CHECK(size >= sizeof header && std::string_view(reinterpret_cast<char*>(header), 16) ==
                                        std::string_view("SQLite format 3\0", 16),
           path, "not a newsgraph store (not an SQLite database)");
  uint32_t pageSize = bigEndian(header + 16, 2);
  if (pageSize == 1) pageSize = 65536;
  uint32_t pages = bigEndian(header + 28, 4);
  bool pagesValid = bigEndian(header + 24, 4) == bigEndian(header + 92, 4);
  NG_CHECK(!pagesValid || size >= uint64_t{pages} * pageSize, path,
           "the store is truncated (" + std::to_string(size) + " bytes, the header says " +
               std::to_string(uint64_t{pages} * pageSize) + ")");
}

void checkIdentity(Database& db) {
  const std::string& path = db.path();
  NG_CHECK(db.queryInt("PRAGMA application_id") == kApplicationId, path,
           "not a newsgraph store (an SQLite database of another application)");
  int64_t version = db.queryInt("PRAGMA user_version");
  NG_CHECK(version <= kSchemaVersion, path,
           "store schema version " + std::to_string(version) +
               " is newer than this newsgraph supports (" + std::to_string(kSchemaVersion) +
               "); use a newer newsgraph");
  // Version 1 had no modality column: its rows cannot say which edges were plans or threats.
  NG_CHECK(version != 1, path,
           "store schema version 1 predates relation modality; rebuild it with newsgraph build");
  NG_CHECK(version == kSchemaVersion, path,
           "unsupported store schema version " + std::to_string(version));
}



}  // namespace

Store::Store(std::unique_ptr<Database> db, std::string path, std::string tempPath, bool logged)
    : db_(std::move(db)), path_(std::move(path)), tempPath_(std::move(tempPath)), logged_(logged) {}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store::~Store() {
  if (db_ && !tempPath_.empty()) {
    db_.reset();
    std::remove(tempPath_.c_str());
  }
  closeLog();
}

void Store::closeLog() {
  if (!db_ || !logged_) return;
  logged_ = false;
  // Back to a rollback journal, so that a store in a read-only place stays readable. With a
  // reader still open that fails at once (no waiting), and the store stays in WAL mode.
  sqlite3_busy_timeout(db_->handle(), 0);
  sqlite3_exec(db_->handle(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
}

Store Store::create(const std::string& path) {
  std::string temp = path + ".tmp." + std::to_string(getpid());
  std::remove(temp.c_str());
  auto db = std::make_unique<Database>(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // The temp file only becomes the store once complete, so it needs no journal.
  db->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144");
  db->exec(("PRAGMA application_id=" + std::to_string(kApplicationId) +
            "; PRAGMA user_version=" + std::to_string(kSchemaVersion))
               .c_str());
  db->exec(kSchemaSql);
  Store store(std::move(db), path, temp);
  store.fresh_ = true;
  return store;
}

Store Store::open(const std::string& path, Mode mode) {
  checkHeader(path);
  // Read-write even to read, when allowed: a hot journal left by a killed add must be
  // rolled back before anyone reads.
  bool writable = access(path.c_str(), W_OK) == 0;
  NG_CHECK(writable || mode == Mode::ReadOnly, path, "cannot open store for writing");
  auto db = std::make_unique<Database>(
      path, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
  checkIdentity(*db);
  // A damaged page that no query happens to touch is still found on a small store; on a
  // large one quick_check would cost as much as the load, which reports SQLITE_CORRUPT.
  if (mode == Mode::ReadWrite || fileSize(path) <= kQuickCheckMaxBytes) {
    Statement check(*db, "PRAGMA quick_check");
    NG_CHECK(check.step() && check.text(0) == "ok", path,
             "the store is corrupted (PRAGMA quick_check failed); rebuild it");
    check.reset();
  }
  if (mode == Mode::ReadOnly) {
    db->exec("PRAGMA query_only=1; PRAGMA cache_size=-65536");
  } else if (db->queryInt("PRAGMA page_count") > 0) {
    // Write-ahead log while adding, so that query, export and stats keep reading.
    db->exec("PRAGMA journal_mode=WAL");
  }
  return Store(std::move(db), path, "", mode == Mode::ReadWrite);
}

void Store::finish() {
  if (!db_) return;
  if (!tempPath_.empty()) db_->exec(kIndexSql);  // a created store nobody wrote to
  closeLog();
  db_.reset();
  if (tempPath_.empty()) return;
  NG_CHECK(std::rename(tempPath_.c_str(), path_.c_str()) == 0, path_,
           "cannot rename " + tempPath_ + " into place");
  tempPath_.clear();
}

Summary Store::summary() const {
  Summary s;
  s.documents = static_cast<size_t>(db_->queryInt("SELECT count(*) FROM documents"));
  s.entities = static_cast<size_t>(db_->queryInt("SELECT count(*) FROM entities"));
  s.relations = static_cast<size_t>(db_->queryInt("SELECT count(*) FROM relations"));
  s.evidence = static_cast<size_t>(db_->queryInt("SELECT count(*) FROM evidence"));
  s.typed_relations = static_cast<size_t>(
      db_->queryInt("SELECT count(*) FROM relations WHERE relation <> 'CO_OCCURS'"));
  Statement dates(*db_, "SELECT min(date), max(date) FROM documents WHERE date <> ''");
  if (dates.step()) {
    s.first_date = dates.text(0);
    s.last_date = dates.text(1);
  }
  dates.reset();
  s.undated = static_cast<size_t>(db_->queryInt("SELECT count(*) FROM documents WHERE date = ''"));
  return s;
}

void Store::forEachDocument(
    const std::function<void(extract::DocumentFacts&&)>& visit) const {
  Statement documents(*db_,
                      "SELECT id, name, date, source, bytes, tokens FROM documents ORDER BY name");
  Statement mentions(*db_,
                     "SELECT e.key, m.name, m.type, m.count, m.aliases FROM mentions m "
                     "JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? "
                     "ORDER BY m.position");
  Statement evidence(*db_,
                     "SELECT v.subject_position, v.object_position, r.relation, r.negated, "
                     "v.confidence, v.sentence, r.modality FROM evidence v JOIN relations r "
                     "ON r.id = v.relation_id WHERE v.document_id = ? ORDER BY v.position");
  while (documents.step()) {
    extract::DocumentFacts facts;
    int64_t id = documents.integer(0);
    facts.id = documents.text(1);
    facts.date = documents.text(2);
    facts.source = documents.text(3);
    facts.bytes = static_cast<uint64_t>(documents.integer(4));
    facts.tokens = static_cast<uint64_t>(documents.integer(5));
    mentions.bind(1, id);
    while (mentions.step()) {
      extract::EntityFacts& e = facts.entities.emplace_back();
      e.key = mentions.text(0);
      e.name = mentions.text(1);
      e.type = parseType(mentions.text(2), path_);
      e.mentions = static_cast<int>(mentions.integer(3));
      forEachItem(mentions.text(4), kUnitSeparator,
                  [&](std::string_view alias) { e.aliases.emplace_back(alias); });
    }
    evidence.bind(1, id);
    while (evidence.step()) {
      extract::RelationFacts& r = facts.relations.emplace_back();
      r.subject = static_cast<int>(evidence.integer(0));
      r.object = static_cast<int>(evidence.integer(1));
      r.relation = evidence.text(2);
      r.negated = evidence.integer(3) != 0;
      r.confidence = static_cast<float>(evidence.real(4));
      r.evidence = evidence.text(5);
      r.modality = parseStoredModality(evidence.text(6), path_);
    }
    visit(std::move(facts));
  }
}

AddStats Store::merge(const std::vector<std::string>& shards, const std::string& out) {
  Store merged = create(out);
  Writer writer = merged.write();
  for (const std::string& shard : shards) {
    Store in = open(shard);
    in.forEachDocument([&](extract::DocumentFacts&& facts) { writer.add(facts); });
    spdlog::debug("{}: merged", shard);
  }
  writer.commit();
  merged.finish();
  return writer.stats();
}

}  // namespace newsgraph::store
