#pragma once
// SQLite store of the per-document facts (documents, entities, aliases, mentions, relations,
// evidence) with cached aggregates, so that a graph loads fast and a replaced document
// recomputes weights exactly. Schema: docs/store.md. A store loads into a KnowledgeGraph
// equal to the one built directly from the same documents.
//
//   Store store = Store::create("world.db");          // written to a temp file
//   { Store::Writer writer = store.write(); writer.add(facts); writer.commit(); }
//   store.finish();                                    // renamed into place
//   graph::KnowledgeGraph kg = Store::open("world.db").load();

#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph.h"

namespace newsgraph::store {

constexpr int kSchemaVersion = 2;       // PRAGMA user_version
constexpr int kApplicationId = 0x4e475354;  // PRAGMA application_id, "NGST"

struct AddStats {
  size_t added = 0;     // new documents
  size_t replaced = 0;  // documents present with another content hash
  size_t skipped = 0;   // documents present with the same content hash
};

struct Summary {
  size_t documents = 0, entities = 0, relations = 0, evidence = 0;
  size_t typed_relations = 0;  // relations other than CO_OCCURS
  std::string first_date, last_date;  // over documents with a date; "" if none
  size_t undated = 0;                 // documents without a date
};

// What `stats` prints, computed in SQL without loading the graph (the components from the
// relation rows' entity ids only). Equal to query::computeStats on the loaded graph.
struct Statistics {
  std::map<std::string, size_t> entityTypes;  // PERSON -> count
  std::map<std::string, size_t> relations;    // HOSTS -> edges (negated counted apart)
  size_t negated = 0;
  struct Ranked {
    std::string label, type;
    size_t degree = 0;
  };
  std::vector<Ranked> topByDegree;  // most connected first, ties by key
  size_t components = 0;            // connected components, relations taken both ways
  size_t largestComponent = 0;      // entities in the largest one
};

// What loadMostConnected reads; empty sets select everything.
struct Selection {
  size_t count = 0;
  std::set<std::string> relations;  // ontology names or CO_OCCURS
  std::set<EntityType> types;
  std::set<Modality> modalities;
  bool cooccurrence = true;
  double minWeight = 0;
  // Typed relations with every evidence sentence, not only the first kMaxEvidence (a news
  // archive has few typed sentences; co-occurrence edges have thousands).
  bool typedEvidence = false;
};

class Database;

class Store {
 public:
  enum class Mode { ReadOnly, ReadWrite };

  // A new empty store, written to PATH.tmp.<pid> until finish() renames it over PATH.
  // Throws Error when the file cannot be created.
  static Store create(const std::string& path);
  // An existing store. Throws Error when PATH is missing, not a newsgraph store, truncated
  // or corrupted (PRAGMA quick_check for ReadWrite and for stores up to 64 MiB), or has a
  // newer schema version than this program. ReadWrite uses a write-ahead log until the
  // store is closed, so that readers are not locked out while it writes; every statement
  // waits up to 30 s for another process's lock.
  static Store open(const std::string& path, Mode mode = Mode::ReadOnly);
  // Merges SHARDS into a new store at OUT, matching entities by key; a document in several
  // shards is kept once (the last shard's version when the content differs).
  static AddStats merge(const std::vector<std::string>& shards, const std::string& out);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();  // a created store that was not finished is deleted

  // Adds documents in one transaction; nothing is written unless commit() runs.
  class Writer {
   public:
    ~Writer();
    Writer(Writer&&) noexcept;
    // Skips a document already present with the same content hash, replaces it otherwise.
    void add(const extract::DocumentFacts& facts);
    // Recomputes the aggregates of what changed and commits; the writer is done after it.
    void commit();
    const AddStats& stats() const { return stats_; }

   private:
    friend class Store;
    struct Impl;
    explicit Writer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    AddStats stats_;
  };
  Writer write();

  // The stored graph; throws Error on a corrupted store (any value no writer stores).
  graph::KnowledgeGraph load() const;
  // The part of the stored graph a page of SELECTION.count entities shows, read without
  // loading the rest: the relations that pass the selection and, among the entities of the
  // selected types, the count with most typed relations, then most co-occurrences, then
  // most mentions, then by key (degrees over those relations; with a relation, weight or
  // co-occurrence filter, entities left without relations are left out). Equal to
  // load(), filtered so and cut to those entities (but for typedEvidence).
  graph::KnowledgeGraph loadMostConnected(const Selection& selection) const;
  Summary summary() const;
  Statistics statistics(size_t top = 10) const;
  // Renames a created store into place (no-op for an opened one) and closes it.
  void finish();
  const std::string& path() const { return path_; }

 private:
  // logged: opened for writing, in write-ahead-log mode until closed.
  Store(std::unique_ptr<Database> db, std::string path, std::string tempPath, bool logged = false);
  void closeLog();
  graph::KnowledgeGraph loadSelected(const std::string& ids, const std::string& conditions,
                                     bool typedEvidence) const;
  // The facts of every document, by document id, as they were added.
  void forEachDocument(const std::function<void(extract::DocumentFacts&&)>& visit) const;
  std::unique_ptr<Database> db_;
  std::string path_, tempPath_;
  bool fresh_ = false;  // created and not written yet: the first writer fills it in bulk
  bool logged_ = false;
};

// 64-bit FNV-1a over everything a document contributes (date, sizes, entities, relations),
// in hex: the content hash that decides between skipping and replacing a document.
std::string contentHash(const extract::DocumentFacts& facts);

}  // namespace newsgraph::store
