// Store::Writer: adds documents' facts and keeps the cached aggregates of the entities and
// relations in step. A new store keeps the aggregates in memory and writes each row once at
// commit, then builds its secondary indexes; `add` to an existing store recomputes the
// aggregates of what it touched with one query per table.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "graph/store/aggregate.h"
#include "graph/store/schema.h"
#include "graph/store/sqlite.h"
#include "graph/store/store.h"

namespace newsgraph::store {
namespace {

void hashBytes(uint64_t& h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= 0xff;  // field separator, so ("ab","c") and ("a","bc") differ
  h *= 1099511628211ull;
}

}  // namespace

std::string contentHash(const extract::DocumentFacts& facts) {
  uint64_t h = 14695981039346656037ull;
  hashBytes(h, facts.date);
  hashBytes(h, std::to_string(facts.bytes) + ' ' + std::to_string(facts.tokens));
  for (const extract::EntityFacts& e : facts.entities) {
    hashBytes(h, e.key);
    hashBytes(h, e.name);
    hashBytes(h, toString(e.type));
    hashBytes(h, std::to_string(e.mentions));
    for (const std::string& alias : e.aliases) hashBytes(h, alias);
  }
  for (const extract::RelationFacts& r : facts.relations) {
    hashBytes(h, std::to_string(r.subject) + ' ' + std::to_string(r.object));
    hashBytes(h, r.relation);
    hashBytes(h, r.negated ? "1" : "0");
    hashBytes(h, toString(r.modality));
    hashBytes(h, std::to_string(r.confidence));
    hashBytes(h, r.evidence);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

struct Store::Writer::Impl {
  Impl(Database& database, bool freshStore)
      : db(database),
        fresh(freshStore),
        transaction(database),
        findDocument(db, "SELECT id, hash FROM documents WHERE name = ?"),
        insertDocument(db,
                       "INSERT INTO documents (name, date, source, hash, bytes, tokens) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        deleteDocument(db, "DELETE FROM documents WHERE id = ?"),
        documentEntities(db, "SELECT entity_id FROM mentions WHERE document_id = ?"),
        documentRelations(db, "SELECT relation_id FROM evidence WHERE document_id = ?"),
        deleteMentions(db, "DELETE FROM mentions WHERE document_id = ?"),
        deleteEvidence(db, "DELETE FROM evidence WHERE document_id = ?"),
        findEntity(db, "SELECT id FROM entities WHERE key = ?"),
        insertEntity(db,
                     "INSERT INTO entities (key, name, type, mentions, first_seen, last_seen, "
                     "documents, first_document, first_position) "
                     "VALUES (?, '', '', 0, '', '', '', '', 0)"),
        insertMention(db,
                      "INSERT INTO mentions (document_id, position, entity_id, name, type, "
                      "count, aliases) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        findRelation(db,
                     "SELECT id FROM relations WHERE subject_id = ? AND object_id = ? AND "
                     "relation = ? AND negated = ? AND modality = ?"),
        insertRelation(db,
                       "INSERT INTO relations (subject_id, object_id, relation, negated, "
                       "modality, weight, confidence, date, documents, evidence) "
                       "VALUES (?, ?, ?, ?, ?, 0, 0, '', '', '')"),
        insertEvidence(db,
                       "INSERT INTO evidence (document_id, position, relation_id, "
                       "subject_position, object_position, confidence, sentence) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)") {}

  // An entity or relation row the writer knows the id of; in a new store also its aggregate.
  struct NewEntity {
    std::string key;
    EntityAggregate aggregate;
  };
  struct NewRelation {
    int64_t subject, object;
    uint32_t relation;  // index into relationNames
    bool negated;
    Modality modality;
    RelationAggregate aggregate;
  };
  struct RelationKey {
    int64_t subject, object;
    uint32_t relation;
    bool negated;
    Modality modality;
    bool operator==(const RelationKey& o) const {
      return subject == o.subject && object == o.object && relation == o.relation &&
             negated == o.negated && modality == o.modality;
    }
  };
  struct RelationKeyHash {
    size_t operator()(const RelationKey& k) const noexcept {
      uint64_t h = static_cast<uint64_t>(k.subject) * 0x9e3779b97f4a7c15ull;
      h = (h ^ static_cast<uint64_t>(k.object)) * 0xff51afd7ed558ccdull;
      h = (h ^ (uint64_t{k.relation} << 4 | uint64_t{static_cast<uint8_t>(k.modality)} << 1 |
                uint64_t{k.negated})) *
          0xc4ceb9fe1a85ec53ull;
      return static_cast<size_t>(h ^ (h >> 32));
    }
  };

  void remove(int64_t document) {
    documentEntities.bind(1, document);
    while (documentEntities.step()) dirtyEntities.insert(documentEntities.integer(0));
    documentRelations.bind(1, document);
    while (documentRelations.step()) dirtyRelations.insert(documentRelations.integer(0));
    deleteMentions.bind(1, document).run();
    deleteEvidence.bind(1, document).run();
    deleteDocument.bind(1, document).run();
  }

  // The id of a document already written under this name, with its content hash.
  std::optional<std::pair<int64_t, std::string>> presentDocument(const std::string& name) {
    if (fresh) {
      auto it = documentIds.find(name);
      if (it == documentIds.end()) return std::nullopt;
      return it->second;
    }
    findDocument.bind(1, name);
    if (!findDocument.step()) return std::nullopt;
    std::pair<int64_t, std::string> found{findDocument.integer(0), findDocument.text(1)};
    findDocument.reset();
    return found;
  }

  int64_t entityId(const std::string& key) {
    auto [it, inserted] = entityIds.try_emplace(key, 0);
    if (!inserted) return it->second;
    if (fresh) {
      newEntities.push_back({key, {}});
      it->second = static_cast<int64_t>(newEntities.size());
      return it->second;
    }
    findEntity.bind(1, key);
    if (findEntity.step()) {
      it->second = findEntity.integer(0);
      findEntity.reset();
    } else {
      insertEntity.bind(1, key).run();
      it->second = sqlite3_last_insert_rowid(db.handle());
    }
    return it->second;
  }

  int64_t relationId(int64_t subject, int64_t object, const std::string& relation,
                     bool negated, Modality modality) {
    auto [name, added] =
        relationIndex.try_emplace(relation, static_cast<uint32_t>(relationNames.size()));
    if (added) relationNames.push_back(relation);
    auto [it, inserted] =
        relationIds.try_emplace({subject, object, name->second, negated, modality}, 0);
    if (!inserted) return it->second;
    if (fresh) {
      newRelations.push_back({subject, object, name->second, negated, modality, {}});
      it->second = static_cast<int64_t>(newRelations.size());
      return it->second;
    }
    findRelation.bind(1, subject).bind(2, object).bind(3, relation).bind(4, int64_t{negated});
    findRelation.bind(5, toString(modality));
    if (findRelation.step()) {
      it->second = findRelation.integer(0);
      findRelation.reset();
    } else {
      insertRelation.bind(1, subject).bind(2, object).bind(3, relation);
      insertRelation.bind(4, int64_t{negated}).bind(5, toString(modality)).run();
      it->second = sqlite3_last_insert_rowid(db.handle());
    }
    return it->second;
  }

  void add(const extract::DocumentFacts& facts) {
    std::string hash = contentHash(facts);
    if (auto present = presentDocument(facts.id)) {
      if (present->second == hash) {
        ++stats.skipped;
        return;
      }
      remove(present->first);
      ++stats.replaced;
    } else {
      ++stats.added;
    }
    insertDocument.bind(1, facts.id).bind(2, facts.date).bind(3, facts.source).bind(4, hash);
    insertDocument.bind(5, static_cast<int64_t>(facts.bytes));
    insertDocument.bind(6, static_cast<int64_t>(facts.tokens)).run();
    int64_t document = sqlite3_last_insert_rowid(db.handle());
    if (fresh) documentIds[facts.id] = {document, hash};

    std::vector<int64_t>& ids = scratchIds;
    ids.clear();
    std::string aliases;
    for (size_t i = 0; i < facts.entities.size(); ++i) {
      const extract::EntityFacts& e = facts.entities[i];
      ids.push_back(entityId(e.key));
      aliases.clear();
      for (const std::string& alias : e.aliases) {
        if (!aliases.empty()) aliases += kUnitSeparator;
        aliases += alias;
      }
      if (fresh) {
        newEntities[static_cast<size_t>(ids.back()) - 1].aggregate.add(
            facts.id, facts.date, static_cast<int64_t>(i), e.name, e.type, e.mentions, aliases);
      } else {
        dirtyEntities.insert(ids.back());
      }
      insertMention.bind(1, document).bind(2, static_cast<int64_t>(i)).bind(3, ids.back());
      insertMention.bind(4, e.name).bind(5, toString(e.type));
      insertMention.bind(6, int64_t{e.mentions}).bind(7, aliases).run();
    }
    const Ontology& ontology = Ontology::standard();
    for (size_t i = 0; i < facts.relations.size(); ++i) {
      const extract::RelationFacts& r = facts.relations[i];
      auto s = static_cast<size_t>(r.subject), o = static_cast<size_t>(r.object);
      NG_CHECK(s < ids.size() && o < ids.size(), facts.id, "relation refers to no entity");
      // One row per unordered pair of a symmetric relation, whatever the order of entry.
      if (ontology.symmetric(r.relation) && facts.entities[o].key < facts.entities[s].key)
        std::swap(s, o);
      int64_t relation = relationId(ids[s], ids[o], r.relation, r.negated, r.modality);
      if (fresh) {
        newRelations[static_cast<size_t>(relation) - 1].aggregate.add(
            facts.id, facts.date, r.evidence, double{r.confidence});
      } else {
        dirtyRelations.insert(relation);
      }
      insertEvidence.bind(1, document).bind(2, static_cast<int64_t>(i)).bind(3, relation);
      insertEvidence.bind(4, int64_t{r.subject}).bind(5, int64_t{r.object});
      insertEvidence.bind(6, double{r.confidence}).bind(7, r.evidence).run();
    }
  }

  // A new store: every entity and relation row once, with its aggregate, then the indexes.
  void writeNewRows() {
    Statement entity(db,
                     "INSERT INTO entities (id, key, name, type, mentions, first_seen, last_seen, "
                     "documents, first_document, first_position) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement alias(db, "INSERT INTO aliases (entity_id, alias) VALUES (?, ?)");
    for (size_t i = 0; i < newEntities.size(); ++i) {
      const EntityAggregate& e = newEntities[i].aggregate;
      auto id = static_cast<int64_t>(i + 1);
      bindEntity(entity, e, 3).bind(1, id).bind(2, newEntities[i].key).run();
      for (const std::string& a : e.finalAliases()) alias.bind(1, id).bind(2, a).run();
    }
    Statement relation(db,
                       "INSERT INTO relations (id, subject_id, object_id, relation, negated, "
                       "modality, weight, confidence, date, documents, evidence) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < newRelations.size(); ++i) {
      const NewRelation& r = newRelations[i];
      relation.bind(1, static_cast<int64_t>(i + 1)).bind(2, r.subject).bind(3, r.object);
      relation.bind(4, relationNames[r.relation]).bind(5, int64_t{r.negated});
      relation.bind(6, toString(r.modality));
      bindRelation(relation, r.aggregate, 7).run();
    }
    db.exec(kIndexSql);
  }

  // Binds name, type, mentions, first_seen, last_seen, documents, first_document and
  // first_position from parameter `first` on.
  static Statement& bindEntity(Statement& s, const EntityAggregate& e, int first) {
    s.bind(first, e.label).bind(first + 1, toString(e.finalType()));
    s.bind(first + 2, int64_t{e.mentions}).bind(first + 3, e.first_seen);
    s.bind(first + 4, e.last_seen).bind(first + 5, joinItems(e.documents, kUnitSeparator));
    return s.bind(first + 6, e.first_document).bind(first + 7, e.first_position);
  }
  // Binds weight, confidence, date, documents and evidence from parameter `first` on.
  static Statement& bindRelation(Statement& s, const RelationAggregate& r, int first) {
    s.bind(first, r.weight).bind(first + 1, r.confidence).bind(first + 2, r.date);
    s.bind(first + 3, joinItems(r.documents, kUnitSeparator));
    return s.bind(first + 4, evidenceColumn(r.evidence));
  }

  // The ids into the temporary table `touched`, which the recompute queries join with.
  void setTouched(const std::set<int64_t>& ids) {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY); "
            "DELETE FROM touched");
    Statement insert(db, "INSERT INTO touched (id) VALUES (?)");
    for (int64_t id : ids) insert.bind(1, id).run();
  }

  // Calls flush(id, aggregate) for every id of `dirty`, in id order, with the aggregate of
  // the rows QUERY returns for it (id in column 0, ordered by id); feed(aggregate) reads a row.
  template <typename Aggregate, typename Feed, typename Flush>
  void recompute(const std::set<int64_t>& dirty, const char* query, Feed&& feed,
                 Flush&& flush) {
    Statement select(db, query);
    auto next = dirty.begin();
    std::optional<int64_t> current;
    Aggregate aggregate;
    auto close = [&](int64_t upTo) {  // flushes every dirty id below upTo
      for (; next != dirty.end() && *next < upTo; ++next) {
        flush(*next, current == *next ? aggregate : Aggregate());
      }
    };
    while (select.step()) {
      int64_t id = select.integer(0);
      if (current != id) {
        close(id);
        current = id;
        aggregate = Aggregate();
      }
      feed(select, aggregate);
    }
    close(INT64_MAX);
  }

  void recomputeEntities() {
    if (dirtyEntities.empty()) return;
    setTouched(dirtyEntities);
    db.exec("DELETE FROM aliases WHERE entity_id IN (SELECT id FROM touched)");
    Statement update(db,
                     "UPDATE entities SET name = ?, type = ?, mentions = ?, first_seen = ?, "
                     "last_seen = ?, documents = ?, first_document = ?, first_position = ? "
                     "WHERE id = ?");
    Statement drop(db, "DELETE FROM entities WHERE id = ?");
    Statement insertAlias(db, "INSERT INTO aliases (entity_id, alias) VALUES (?, ?)");
    recompute<EntityAggregate>(
        dirtyEntities,
        "SELECT m.entity_id, d.name, d.date, m.position, m.name, m.type, m.count, m.aliases "
        "FROM touched t JOIN mentions m ON m.entity_id = t.id "
        "JOIN documents d ON d.id = m.document_id ORDER BY m.entity_id",
        [&](Statement& row, EntityAggregate& e) {
          std::optional<EntityType> type = parseEntityType(row.text(5));
          NG_CHECK(type, db.path(), "the store is corrupted (mention type)");
          e.add(row.text(1), row.text(2), row.integer(3), row.text(4), *type,
                static_cast<int>(row.integer(6)), row.text(7));
        },
        [&](int64_t id, const EntityAggregate& e) {
          if (e.empty()) {
            drop.bind(1, id).run();
            return;
          }
          bindEntity(update, e, 1).bind(9, id).run();
          for (const std::string& a : e.finalAliases()) insertAlias.bind(1, id).bind(2, a).run();
        });
  }

  void recomputeRelations() {
    if (dirtyRelations.empty()) return;
    setTouched(dirtyRelations);
    Statement update(db,
                     "UPDATE relations SET weight = ?, confidence = ?, date = ?, documents = ?, "
                     "evidence = ? WHERE id = ?");
    Statement drop(db, "DELETE FROM relations WHERE id = ?");
    recompute<RelationAggregate>(
        dirtyRelations,
        "SELECT v.relation_id, d.name, d.date, v.sentence, v.confidence "
        "FROM touched t JOIN evidence v ON v.relation_id = t.id "
        "JOIN documents d ON d.id = v.document_id ORDER BY v.relation_id",
        [&](Statement& row, RelationAggregate& r) {
          r.add(row.text(1), row.text(2), row.text(3), row.real(4));
        },
        [&](int64_t id, const RelationAggregate& r) {
          if (r.empty()) {
            drop.bind(1, id).run();
            return;
          }
          bindRelation(update, r, 1).bind(6, id).run();
        });
  }

  void commit() {
    // A document replaced within a new store's batch left its old rows in the aggregates:
    // the ids it touched are recomputed from the rows, as `add` does.
    if (fresh) writeNewRows();
    recomputeEntities();
    recomputeRelations();
    transaction.commit();
  }

  Database& db;
  bool fresh;  // a new store: ids and aggregates in memory, rows and indexes at commit
  Transaction transaction;
  Statement findDocument, insertDocument, deleteDocument, documentEntities, documentRelations,
      deleteMentions, deleteEvidence, findEntity, insertEntity, insertMention, findRelation,
      insertRelation, insertEvidence;
  std::unordered_map<std::string, int64_t> entityIds;
  std::unordered_map<std::string, uint32_t> relationIndex;
  std::vector<std::string> relationNames;
  std::unordered_map<RelationKey, int64_t, RelationKeyHash> relationIds;
  std::unordered_map<std::string, std::pair<int64_t, std::string>> documentIds;  // fresh only
  std::vector<NewEntity> newEntities;      // fresh only, by id - 1
  std::vector<NewRelation> newRelations;   // fresh only, by id - 1
  std::set<int64_t> dirtyEntities, dirtyRelations;
  std::vector<int64_t> scratchIds;
  AddStats stats;
};

Store::Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Writer::Writer(Writer&&) noexcept = default;
Store::Writer::~Writer() = default;

void Store::Writer::add(const extract::DocumentFacts& facts) {
  NG_CHECK(impl_, "", "add after commit");
  impl_->add(facts);
  stats_ = impl_->stats;
}

void Store::Writer::commit() {
  NG_CHECK(impl_, "", "commit after commit");
  impl_->commit();
  spdlog::debug("{}: {} documents added, {} replaced, {} unchanged", impl_->db.path(),
                stats_.added, stats_.replaced, stats_.skipped);
  impl_.reset();  // finalizes the statements, so the database can close
}

Store::Writer Store::write() {
  NG_CHECK(db_, path_, "the store is closed");
  bool fresh = fresh_;
  fresh_ = false;
  return Writer(std::make_unique<Writer::Impl>(*db_, fresh));
}

}  // namespace newsgraph::store
