// Store::Writer: adds documents' facts, then recomputes the cached aggregates of the
// entities and relations they touched, from the per-document rows.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <unordered_map>

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

std::string joinItems(const std::set<std::string>& items, char separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
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
    hashBytes(h, std::to_string(r.confidence));
    hashBytes(h, r.evidence);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

struct Store::Writer::Impl {
  explicit Impl(Database& database)
      : db(database),
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
                     "relation = ? AND negated = ?"),
        insertRelation(db,
                       "INSERT INTO relations (subject_id, object_id, relation, negated, weight, "
                       "confidence, date, documents, evidence) VALUES (?, ?, ?, ?, 0, 0, '', "
                       "'', '')"),
        insertEvidence(db,
                       "INSERT INTO evidence (document_id, position, relation_id, "
                       "subject_position, object_position, confidence, sentence) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)") {}

  void remove(int64_t document) {
    documentEntities.bind(1, document);
    while (documentEntities.step()) dirtyEntities.insert(documentEntities.integer(0));
    documentRelations.bind(1, document);
    while (documentRelations.step()) dirtyRelations.insert(documentRelations.integer(0));
    deleteMentions.bind(1, document).run();
    deleteEvidence.bind(1, document).run();
    deleteDocument.bind(1, document).run();
  }

  int64_t entityId(const std::string& key) {
    auto [it, inserted] = entityIds.try_emplace(key, 0);
    if (!inserted) return it->second;
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
                     bool negated) {
    findRelation.bind(1, subject).bind(2, object).bind(3, relation).bind(4, int64_t{negated});
    if (findRelation.step()) {
      int64_t id = findRelation.integer(0);
      findRelation.reset();
      return id;
    }
    insertRelation.bind(1, subject).bind(2, object).bind(3, relation).bind(4, int64_t{negated});
    insertRelation.run();
    return sqlite3_last_insert_rowid(db.handle());
  }

  void add(const extract::DocumentFacts& facts) {
    std::string hash = contentHash(facts);
    findDocument.bind(1, facts.id);
    if (findDocument.step()) {
      int64_t id = findDocument.integer(0);
      bool same = findDocument.text(1) == hash;
      findDocument.reset();
      if (same) {
        ++stats.skipped;
        return;
      }
      remove(id);
      ++stats.replaced;
    } else {
      ++stats.added;
    }
    insertDocument.bind(1, facts.id).bind(2, facts.date).bind(3, facts.source).bind(4, hash);
    insertDocument.bind(5, static_cast<int64_t>(facts.bytes));
    insertDocument.bind(6, static_cast<int64_t>(facts.tokens)).run();
    int64_t document = sqlite3_last_insert_rowid(db.handle());

    std::vector<int64_t> ids;
    for (size_t i = 0; i < facts.entities.size(); ++i) {
      const extract::EntityFacts& e = facts.entities[i];
      ids.push_back(entityId(e.key));
      dirtyEntities.insert(ids.back());
      std::string aliases;
      for (const std::string& alias : e.aliases) {
        if (!aliases.empty()) aliases += kUnitSeparator;
        aliases += alias;
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
      int64_t relation = relationId(ids[s], ids[o], r.relation, r.negated);
      dirtyRelations.insert(relation);
      insertEvidence.bind(1, document).bind(2, static_cast<int64_t>(i)).bind(3, relation);
      insertEvidence.bind(4, int64_t{r.subject}).bind(5, int64_t{r.object});
      insertEvidence.bind(6, double{r.confidence}).bind(7, r.evidence).run();
    }
  }

  // Same rules as KnowledgeGraph::addEntity applied in document id order: the name of the
  // first appearance is the label, other names become aliases, mention votes pick the type.
  void recomputeEntities() {
    Statement select(db,
                     "SELECT d.name, d.date, m.position, m.name, m.type, m.count, m.aliases "
                     "FROM mentions m JOIN documents d ON d.id = m.document_id "
                     "WHERE m.entity_id = ? ORDER BY d.name, m.position");
    Statement update(db,
                     "UPDATE entities SET name = ?, type = ?, mentions = ?, first_seen = ?, "
                     "last_seen = ?, documents = ?, first_document = ?, first_position = ? "
                     "WHERE id = ?");
    Statement drop(db, "DELETE FROM entities WHERE id = ?");
    Statement dropAliases(db, "DELETE FROM aliases WHERE entity_id = ?");
    Statement insertAlias(db, "INSERT INTO aliases (entity_id, alias) VALUES (?, ?)");
    for (int64_t id : dirtyEntities) {
      graph::EntityProps e;
      std::array<int, kEntityTypeCount> votes{};
      std::string firstDocument;
      int64_t firstPosition = 0;
      bool any = false;
      select.bind(1, id);
      while (select.step()) {
        std::string_view document = select.text(0), date = select.text(1);
        std::string_view name = select.text(3);
        int count = static_cast<int>(select.integer(5));
        if (!any) {
          firstDocument = document;
          firstPosition = select.integer(2);
          e.label = name;
          any = true;
        } else if (name != e.label) {
          e.aliases.emplace(name);
        }
        std::optional<EntityType> type = parseEntityType(select.text(4));
        NG_CHECK(type, db.path(), "the store is corrupted (mention type)");
        votes[static_cast<size_t>(*type)] += std::max(count, 1);
        e.mentions += count;
        e.documents.emplace(document);
        if (!date.empty()) {
          if (e.first_seen.empty() || date < e.first_seen) e.first_seen = date;
          if (e.last_seen.empty() || date > e.last_seen) e.last_seen = date;
        }
        std::string_view aliases = select.text(6);
        while (!aliases.empty()) {
          size_t end = aliases.find(kUnitSeparator);
          e.aliases.emplace(aliases.substr(0, end));
          aliases.remove_prefix(end == std::string_view::npos ? aliases.size() : end + 1);
        }
      }
      dropAliases.bind(1, id).run();
      if (!any) {
        drop.bind(1, id).run();
        continue;
      }
      auto type = static_cast<size_t>(std::max_element(votes.begin(), votes.end()) -
                                      votes.begin());
      update.bind(1, e.label).bind(2, toString(static_cast<EntityType>(type)));
      update.bind(3, int64_t{e.mentions}).bind(4, e.first_seen).bind(5, e.last_seen);
      update.bind(6, joinItems(e.documents, kUnitSeparator)).bind(7, firstDocument);
      update.bind(8, firstPosition).bind(9, id).run();
      for (const std::string& alias : e.aliases) insertAlias.bind(1, id).bind(2, alias).run();
    }
  }

  // Same rules as KnowledgeGraph::addRelation: weight counts evidence sentences, the
  // confidence is the highest, the kMaxEvidence first by (date, document, sentence) are kept.
  void recomputeRelations() {
    Statement select(db,
                     "SELECT d.name, d.date, v.sentence, v.confidence FROM evidence v "
                     "JOIN documents d ON d.id = v.document_id WHERE v.relation_id = ?");
    Statement update(db,
                     "UPDATE relations SET weight = ?, confidence = ?, date = ?, documents = ?, "
                     "evidence = ? WHERE id = ?");
    Statement drop(db, "DELETE FROM relations WHERE id = ?");
    for (int64_t id : dirtyRelations) {
      graph::RelationProps r;
      select.bind(1, id);
      while (select.step()) {
        graph::Evidence& ev = r.evidence.emplace_back();
        ev.document = select.text(0);
        ev.date = select.text(1);
        ev.sentence = select.text(2);
        r.weight += 1;
        r.confidence = std::max(r.confidence, select.real(3));
        r.documents.insert(ev.document);
        if (!ev.date.empty() && (r.date.empty() || ev.date < r.date)) r.date = ev.date;
      }
      if (r.evidence.empty()) {
        drop.bind(1, id).run();
        continue;
      }
      std::sort(r.evidence.begin(), r.evidence.end(), [](const auto& a, const auto& b) {
        return std::tie(a.date, a.document, a.sentence) < std::tie(b.date, b.document, b.sentence);
      });
      r.evidence.erase(std::unique(r.evidence.begin(), r.evidence.end(),
                                   [](const auto& a, const auto& b) {
                                     return a.document == b.document && a.sentence == b.sentence;
                                   }),
                       r.evidence.end());
      if (r.evidence.size() > graph::kMaxEvidence) r.evidence.resize(graph::kMaxEvidence);
      std::string evidence;
      for (const graph::Evidence& ev : r.evidence) {
        if (!evidence.empty()) evidence += kRecordSeparator;
        evidence += ev.document + kUnitSeparator + ev.date + kUnitSeparator + ev.sentence;
      }
      update.bind(1, r.weight).bind(2, r.confidence).bind(3, r.date);
      update.bind(4, joinItems(r.documents, kUnitSeparator)).bind(5, evidence).bind(6, id).run();
    }
  }

  Database& db;
  Transaction transaction;
  Statement findDocument, insertDocument, deleteDocument, documentEntities, documentRelations,
      deleteMentions, deleteEvidence, findEntity, insertEntity, insertMention, findRelation,
      insertRelation, insertEvidence;
  std::unordered_map<std::string, int64_t> entityIds;
  std::set<int64_t> dirtyEntities, dirtyRelations;
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
  impl_->recomputeEntities();
  impl_->recomputeRelations();
  impl_->transaction.commit();
  spdlog::debug("{}: {} documents added, {} replaced, {} unchanged", impl_->db.path(),
                stats_.added, stats_.replaced, stats_.skipped);
  impl_.reset();  // finalizes the statements, so the database can close
}

Store::Writer Store::write() {
  NG_CHECK(db_, path_, "the store is closed");
  return Writer(std::make_unique<Writer::Impl>(*db_));
}

}  // namespace newsgraph::store
