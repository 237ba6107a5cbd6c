#pragma once
// Private to graph/store/: the schema (docs/store.md) and the list separators of the
// cached aggregate columns.

namespace newsgraph::store {

// Separates items of a list column (documents, aliases) and the fields of an evidence item.
constexpr char kUnitSeparator = '\x1f';
// Separates the items of the evidence column.
constexpr char kRecordSeparator = '\x1e';

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  hash TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  tokens INTEGER NOT NULL
);
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  documents TEXT NOT NULL,
  first_document TEXT NOT NULL,
  first_position INTEGER NOT NULL
);
CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  alias TEXT NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE TABLE mentions (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  aliases TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES entities(id),
  object_id INTEGER NOT NULL REFERENCES entities(id),
  relation TEXT NOT NULL,
  negated INTEGER NOT NULL,
  modality TEXT NOT NULL,
  weight REAL NOT NULL,
  confidence REAL NOT NULL,
  date TEXT NOT NULL,
  documents TEXT NOT NULL,
  evidence TEXT NOT NULL,
  UNIQUE (subject_id, object_id, relation, negated, modality)
);
CREATE TABLE evidence (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  relation_id INTEGER NOT NULL REFERENCES relations(id),
  subject_position INTEGER NOT NULL,
  object_position INTEGER NOT NULL,
  confidence REAL NOT NULL,
  sentence TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
)sql";

// Secondary indexes: a new store builds them after its rows are in, which is faster than
// keeping them up to date row by row.
constexpr const char* kIndexSql = R"sql(
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS entities_order ON entities(first_document, first_position);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases(alias);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS relations_object ON relations(object_id);
CREATE INDEX IF NOT EXISTS relations_relation ON relations(relation);
CREATE INDEX IF NOT EXISTS evidence_relation ON evidence(relation_id);
)sql";

}  // namespace newsgraph::store
