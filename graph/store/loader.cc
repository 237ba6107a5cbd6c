// Reading a store, whole or the part a page shows, into a KnowledgeGraph. Every value is
// checked on the way in (types, relation names, modalities, dates, ids).
#include <algorithm>
#include <cstdio>
#include <tuple>

#include "graph/store/rows.h"
#include "graph/store/schema.h"
#include "graph/store/sqlite.h"
#include "graph/store/store.h"

namespace newsgraph::store {

EntityType parseType(std::string_view name, const std::string& path) {
  std::optional<EntityType> type = parseEntityType(name);
  NG_CHECK(type, path, "the store is corrupted (entity type '" + std::string(name) + "')");
  return *type;
}

Modality parseStoredModality(std::string_view name, const std::string& path) {
  std::optional<Modality> modality = parseModality(name);
  NG_CHECK(modality, path, "the store is corrupted (modality '" + std::string(name) + "')");
  return *modality;
}

std::string_view checkRelation(std::string_view name, const std::string& path) {
  NG_CHECK(name == Ontology::kCooccurs || Ontology::standard().find(name), path,
           "the store is corrupted (relation '" + std::string(name) +
               "' is not in data/ontology.json)");
  return name;
}

// Checked by hand, without normalizeDate's allocations: every relation and evidence item
// has a date, and a load checks hundreds of thousands.
namespace {
bool isIsoDate(std::string_view d) {
  auto digits = [&](size_t at, size_t n) {
    for (size_t i = at; i < at + n; ++i)
      if (d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !digits(0, 4) || !digits(5, 2) ||
      !digits(8, 2))
    return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
}  // namespace

std::string_view checkDate(std::string_view date, const std::string& path) {
  NG_CHECK(date.empty() || isIsoDate(date), path,
           "the store is corrupted (date '" + std::string(date) + "' is not YYYY-MM-DD)");
  return date;
}

namespace {

constexpr const char* kEntityColumns =
    "id, key, name, type, mentions, first_seen, last_seen, documents";
constexpr const char* kRelationColumns =
    "r.subject_id, r.object_id, r.relation, r.negated, r.weight, r.confidence, r.date, "
    "r.documents, r.evidence, r.modality, r.id";

// One relation row, its entities still store ids.
struct Row {
  size_t subject, object;
  int64_t id;
  graph::RelationProps props;
  std::vector<graph::Evidence> allEvidence;  // when asked for: props.evidence holds the first
};

graph::EntityProps readEntity(const Statement& row, const std::string& path) {
  graph::EntityProps e;
  e.key = row.text(1);
  e.label = row.text(2);
  e.type = parseType(row.text(3), path);
  e.mentions = static_cast<int>(row.integer(4));
  e.first_seen = checkDate(row.text(5), path);
  e.last_seen = checkDate(row.text(6), path);
  forEachItem(row.text(7), kUnitSeparator,
              [&](std::string_view d) { e.documents.emplace_hint(e.documents.end(), d); });
  return e;
}

void readRelation(const Statement& row, const std::string& path, Row& out) {
  out.subject = static_cast<size_t>(row.integer(0));
  out.object = static_cast<size_t>(row.integer(1));
  graph::RelationProps& r = out.props;
  r.relation = checkRelation(row.text(2), path);
  r.negated = row.integer(3) != 0;
  r.weight = row.real(4);
  r.confidence = row.real(5);
  r.date = checkDate(row.text(6), path);
  forEachItem(row.text(7), kUnitSeparator,
              [&](std::string_view d) { r.documents.emplace_hint(r.documents.end(), d); });
  forEachItem(row.text(8), kRecordSeparator, [&](std::string_view item) {
    graph::Evidence& ev = r.evidence.emplace_back();
    int field = 0;
    forEachItem(item, kUnitSeparator, [&](std::string_view value) {
      (field == 0 ? ev.document : field == 1 ? ev.date : ev.sentence) = value;
      ++field;
    });
    checkDate(ev.date, path);
  });
  r.modality = parseStoredModality(row.text(9), path);
  out.id = row.integer(10);
}

// Every evidence sentence of the relation row ID, in the order of the cached first ones.
void readAllEvidence(Statement& select, int64_t id, const std::string& path,
                     std::vector<graph::Evidence>& out) {
  out.clear();
  select.bind(1, id);
  while (select.step()) {
    graph::Evidence& ev = out.emplace_back();
    ev.document = select.text(0);
    ev.date = checkDate(select.text(1), path);
    ev.sentence = select.text(2);
  }
}

// SQL text of a list of quoted strings: 'A','B' (quotes inside doubled).
std::string quotedList(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::string_view item : items) {
    if (!out.empty()) out += ',';
    out += '\'';
    for (char c : item) {
      if (c == '\'') out += '\'';
      out += c;
    }
    out += '\'';
  }
  return out;
}

// The WHERE conditions on relations `r` that SELECTION asks for ("1" when none), but
// for the entity types.
std::string relationConditions(const Selection& s) {
  std::string where = "1";
  if (!s.relations.empty())
    where += " AND r.relation IN (" +
             quotedList(std::vector<std::string_view>(s.relations.begin(), s.relations.end())) + ")";
  if (!s.cooccurrence) where += " AND r.relation <> 'CO_OCCURS'";
  if (!s.modalities.empty()) {
    std::vector<std::string_view> names;
    for (Modality m : s.modalities) names.push_back(toString(m));
    where += " AND r.modality IN (" + quotedList(names) + ")";
  }
  if (s.minWeight > 0) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.17g", s.minWeight);
    where += std::string(" AND r.weight >= ") + weight;
  }
  return where;
}

}  // namespace

// Reads the entities whose ids are in IDS (a JSON array; empty: every entity) and the
// relations between them that pass CONDITIONS, and builds the graph. Vertices come in first
// appearance order (document, position), as in a graph built directly from the documents,
// which also gives symmetric edges their direction.
graph::KnowledgeGraph Store::loadSelected(const std::string& ids, const std::string& conditions,
                                          bool typedEvidence) const {
  const std::string in = " IN (SELECT value FROM json_each(?1))";
  auto prepare = [&](const std::string& sql) {
    auto statement = std::make_unique<Statement>(*db_, sql.c_str());
    if (!ids.empty()) statement->bind(1, std::string_view(ids));
    return statement;
  };
  graph::KnowledgeGraph kg;
  // Entity ids are dense row ids: vectors map them to vertices and aliases without hashing.
  std::vector<graph::Vertex> vertexOf(
      static_cast<size_t>(db_->queryInt("SELECT coalesce(max(id), 0) + 1 FROM entities")),
      graph::Graph::null_vertex());
  std::vector<std::set<std::string>> aliases(vertexOf.size());
  {
    // The primary key (entity_id, alias) returns each entity's aliases sorted.
    auto select = prepare("SELECT entity_id, alias FROM aliases" +
                          (ids.empty() ? "" : " WHERE entity_id" + in) +
                          " ORDER BY entity_id, alias");
    while (select->step()) {
      auto id = static_cast<size_t>(select->integer(0));
      NG_CHECK(id < aliases.size(), path_, "the store is corrupted (an alias of a missing entity)");
      aliases[id].emplace_hint(aliases[id].end(), select->text(1));
    }
  }
  {
    auto select = prepare(std::string("SELECT ") + kEntityColumns + " FROM entities" +
                          (ids.empty() ? "" : " WHERE id" + in) +
                          " ORDER BY first_document, first_position");
    while (select->step()) {
      auto id = static_cast<size_t>(select->integer(0));
      NG_CHECK(id < vertexOf.size(), path_, "the store is corrupted (entity id)");
      graph::EntityProps e = readEntity(*select, path_);
      e.aliases = std::move(aliases[id]);
      vertexOf[id] = kg.addEntity(std::move(e));
    }
  }
  std::vector<Row> rows;
  {
    auto select = prepare(std::string("SELECT ") + kRelationColumns + " FROM relations r" +
                          (ids.empty() ? ""
                                       : " WHERE r.subject_id" + in + " AND +r.object_id" + in +
                                             " AND " + conditions));
    while (select->step()) {
      Row& row = rows.emplace_back();
      readRelation(*select, path_, row);
      NG_CHECK(row.subject < vertexOf.size() && row.object < vertexOf.size(), path_,
               "the store is corrupted (a relation refers to a missing entity)");
    }
  }
  if (typedEvidence) {
    // In the graph's order of evidence (date, document, sentence), each sentence of a
    // document once.
    Statement select(*db_,
                     "SELECT DISTINCT d.name, d.date, v.sentence FROM evidence v JOIN documents "
                     "d ON d.id = v.document_id WHERE v.relation_id = ? ORDER BY d.date, d.name, "
                     "v.sentence");
    for (Row& row : rows)
      if (row.props.relation != Ontology::kCooccurs)
        readAllEvidence(select, row.id, path_, row.allEvidence);
  }
  const Ontology& ontology = Ontology::standard();
  // In the graph's own edge order (by subject, then object), each insertion lands next to
  // the previous one in the graph's edge index, which stays in cache: several times faster
  // than row order on large graphs. Small keys are sorted, not the rows.
  struct Key {
    graph::Vertex subject, object;
    size_t row;
  };
  std::vector<Key> order;
  order.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    graph::Vertex subject = vertexOf[rows[i].subject], object = vertexOf[rows[i].object];
    NG_CHECK(subject != graph::Graph::null_vertex() && object != graph::Graph::null_vertex(),
             path_, "the store is corrupted (a relation refers to a missing entity)");
    if (object < subject && ontology.symmetric(rows[i].props.relation)) std::swap(subject, object);
    order.push_back({subject, object, i});
  }
  std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) {
    return std::tie(a.subject, a.object, a.row) < std::tie(b.subject, b.object, b.row);
  });
  kg.reserve(num_vertices(kg.graph()), rows.size());
  {
    std::vector<std::pair<size_t, size_t>> degree(num_vertices(kg.graph()));
    for (const Key& key : order) {
      ++degree[key.subject].first;
      ++degree[key.object].second;
    }
    for (size_t v = 0; v < degree.size(); ++v)
      kg.reserveDegree(v, degree[v].first, degree[v].second);
  }
  // A valid store holds one row per (subject, object, relation, negated, modality) and each
  // symmetric pair once (the writer orders it by key), so its edges skip the graph's
  // duplicate look-up; a store that breaks this (edited by hand) takes the merging path instead.
  bool unique = true;
  for (size_t k = 1; k < order.size() && unique; ++k) {
    for (size_t j = k; j-- > 0 && order[j].subject == order[k].subject &&
                       order[j].object == order[k].object;) {
      const graph::RelationProps& a = rows[order[j].row].props;
      const graph::RelationProps& b = rows[order[k].row].props;
      if (a.relation == b.relation && a.negated == b.negated && a.modality == b.modality)
        unique = false;
    }
  }
  // Rows are visited in key order, not memory order: fetch a few rows ahead (all the cache
  // lines of one) so that reading them does not stall each insertion.
  constexpr size_t kPrefetch = 8;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k + kPrefetch < order.size()) {
      const char* ahead = reinterpret_cast<const char*>(&rows[order[k + kPrefetch].row]);
      for (size_t line = 0; line < sizeof(Row); line += 64) __builtin_prefetch(ahead + line);
    }
    const Key& key = order[k];
    Row& row = rows[key.row];
    graph::Edge e = unique ? kg.appendRelation(key.subject, key.object, std::move(row.props))
                           : kg.addRelation(key.subject, key.object, std::move(row.props));
    // After insertion, which keeps only the first kMaxEvidence.
    if (!row.allEvidence.empty()) kg.graph()[e].evidence = std::move(row.allEvidence);
  }
  return kg;
}

graph::KnowledgeGraph Store::load() const { return loadSelected("", "", false); }

graph::KnowledgeGraph Store::loadMostConnected(const Selection& s) const {
  // Counted here rather than in SQL (GROUP BY over both ends): ids are dense, so one pass
  // over the relation rows fills two vectors, several times faster.
  struct Rank {
    int64_t typed = 0, cooccurring = 0, mentions = 0;
    std::string key;
    bool related = false, selected = false;
  };
  std::vector<Rank> ranks(
      static_cast<size_t>(db_->queryInt("SELECT coalesce(max(id), 0) + 1 FROM entities")));
  std::string typeCondition;
  if (!s.types.empty()) {
    std::vector<std::string_view> names;
    for (EntityType t : s.types) names.push_back(toString(t));
    typeCondition = " WHERE type IN (" + quotedList(names) + ")";
  }
  {
    Statement select(*db_, ("SELECT id, mentions, key FROM entities" + typeCondition).c_str());
    while (select.step()) {
      auto id = static_cast<size_t>(select.integer(0));
      NG_CHECK(id < ranks.size(), path_, "the store is corrupted (entity id)");
      ranks[id].selected = true;
      ranks[id].mentions = select.integer(1);
      ranks[id].key = select.text(2);
    }
  }
  {
    Statement select(*db_, ("SELECT r.subject_id, r.object_id, r.relation <> 'CO_OCCURS' FROM "
                            "relations r WHERE " + relationConditions(s)).c_str());
    while (select.step()) {
      auto subject = static_cast<size_t>(select.integer(0));
      auto object = static_cast<size_t>(select.integer(1));
      NG_CHECK(subject < ranks.size() && object < ranks.size(), path_,
               "the store is corrupted (a relation refers to a missing entity)");
      if (!ranks[subject].selected || !ranks[object].selected) continue;
      // Each end counted, a loop twice, as the page counts them on a loaded graph.
      for (size_t end : {subject, object}) {
        ++(select.integer(2) ? ranks[end].typed : ranks[end].cooccurring);
        ranks[end].related = true;
      }
    }
  }
  // An edge filter leaves out the entities it leaves without relations.
  bool edgeFilter = !s.relations.empty() || !s.cooccurrence || s.minWeight > 0;
  std::vector<size_t> ids;
  for (size_t id = 0; id < ranks.size(); ++id)
    if (ranks[id].selected && (ranks[id].related || !edgeFilter)) ids.push_back(id);
  auto before = [&](size_t a, size_t b) {
    const Rank &x = ranks[a], &y = ranks[b];
    if (x.typed != y.typed) return x.typed > y.typed;
    if (x.cooccurring != y.cooccurring) return x.cooccurring > y.cooccurring;
    if (x.mentions != y.mentions) return x.mentions > y.mentions;
    return x.key < y.key;
  };
  size_t count = std::min(s.count, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(count), ids.end(),
                    before);
  std::string list = "[";
  for (size_t i = 0; i < count; ++i) {
    if (i) list += ',';
    list += std::to_string(ids[i]);
  }
  list += ']';
  // The selected entities passed the type filter, so their relations need no other test.
  return loadSelected(list, relationConditions(s), s.typedEvidence);
}

}  // namespace newsgraph::store
