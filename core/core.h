#pragma once
// Shared vocabulary of every stage: the one error type, byte spans, entity types,
// name folding and the relation ontology (read from data/ontology.json).
//
//   newsgraph::Ontology ontology = newsgraph::Ontology::load(dataDir() + "/ontology.json");
//   const RelationInfo* hosts = ontology.find("HOSTS");   // hosts->label == "hosts"
//   std::string key = foldName("Sergeï  Lavrov");          // "sergei lavrov"

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/string_index.h"

namespace newsgraph {

// What the user can fix: bad input, bad data file, bad store, bad query.
class Error : public std::runtime_error {
 public:
  Error(std::string message, std::string where, const char* file, int line);
  const std::string& where() const { return where_; }  // "data/relations.json:14", a doc id, ""
  const std::string& message() const { return message_; }
  // "data/relations.json:14: unknown relation 'HOST' [extract/relate/rules.cc:88]"
  std::string oneLine() const;

 private:
  std::string message_, where_, source_;
};

#define NG_THROW(where, msg) throw ::newsgraph::Error((msg), (where), __FILE__, __LINE__)
#define NG_CHECK(cond, where, msg) \
  do {                             \
    if (!(cond)) NG_THROW(where, msg); \
  } while (0)

// Half-open byte range [begin, end) into a document's original text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
};

enum class EntityType : uint8_t { Person, Org, Gpe, Loc, Event, Fac };
constexpr int kEntityTypeCount = 6;

// "PERSON", "ORG", "GPE", "LOC", "EVENT", "FAC".
std::string_view toString(EntityType type);
// Accepts the spellings above (case-sensitive); nullopt otherwise.
std::optional<EntityType> parseEntityType(std::string_view name);

// How a relation is stated: only asserted ones are facts ("X met Y"); the others are
// plans ("X plans to visit Y"), hypotheses ("if X recognised Y", "X could sanction Y"),
// demands ("X urged Y to ...", "called for talks with") and threats ("X threatened to
// strike Y"). Part of an edge's identity, so they never aggregate into asserted edges.
enum class Modality : uint8_t { Asserted, Planned, Hypothetical, Demanded, Threatened };
constexpr int kModalityCount = 5;

// "asserted", "planned", "hypothetical", "demanded", "threatened".
std::string_view toString(Modality modality);
// Accepts the spellings above (case-sensitive); nullopt otherwise.
std::optional<Modality> parseModality(std::string_view name);

// Data directory: the --data-dir flag if set, else NEWSGRAPH_DATA_DIR from configure time.
const std::string& dataDir();
void setDataDir(std::string dir);

// Lower-cases, strips accents (NFKD, marks dropped), maps curly quotes to "'" and dashes to
// "-", collapses whitespace and drops a leading "the ". Used for entity keys and look-ups.
// Invalid UTF-8 bytes are dropped.
std::string foldName(std::string_view name);

// Reads a whole file; throws Error naming the path when it cannot.
std::string readFile(const std::string& path);
// Writes to PATH.tmp.<pid> then renames over PATH, so readers never see a half-written file.
// throws Error when the file cannot be written.
void writeFileAtomically(const std::string& path, std::string_view content);
// The same, streaming: write(out) fills the temporary file, so large exports never sit in
// memory whole. Whatever write throws removes the temporary file and is rethrown.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);
// Several files that belong together (CSV nodes and relationships): every temporary file is
// written before any is renamed, so a failure leaves all the old files (or none) in place.
using FileWriter = std::function<void(std::ostream&)>;
void writeFilesAtomically(const std::vector<std::pair<std::string, FileWriter>>& files);
// Removes PATH.tmp.<pid> files left by processes that no longer run (killed while writing
// PATH); returns the files removed. Called by writeFileAtomically before it writes.
std::vector<std::string> removeStaleTemporaries(const std::string& path);

// One relation type of data/ontology.json.
struct RelationInfo {
  std::string name;          // "HOSTS"
  std::string label;         // "hosts"
  bool symmetric = false;
  std::vector<EntityType> subject_types;  // empty: any
  std::vector<EntityType> object_types;
  std::string cameo, wikidata;
  std::string description;
};

// The relation types, in file order. CO_OCCURS is always present (not in the file).
class Ontology {
 public:
  static constexpr std::string_view kCooccurs = "CO_OCCURS";
  // Throws Error with path:line on a malformed file.
  static Ontology load(const std::string& path);
  // The ontology in dataDir(), loaded once.
  static const Ontology& standard();

  const RelationInfo* find(std::string_view name) const;
  const std::vector<RelationInfo>& relations() const { return relations_; }
  // Human label; the name itself for an unknown relation.
  std::string_view label(std::string_view name) const;
  bool symmetric(std::string_view name) const;
  bool allows(const RelationInfo& info, EntityType subject, EntityType object) const;

 private:
  std::vector<RelationInfo> relations_;
  std::unordered_map<std::string, size_t> index_;
};

// RapidJSON reports byte offsets; users want lines.
int lineOfOffset(std::string_view text, size_t offset);

}  // namespace newsgraph
