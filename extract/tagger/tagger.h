#pragma once
// Statistical named-entity tagger trained on CoNLL-2003 (PER, ORG, LOC, MISC).
// Takes tokenised sentences grouped in documents; returns entity token ranges. An averaged
// structured perceptron over BILOU labels with hashed features (word, shape, affixes, window,
// word clusters, lexicon membership, labels given to the same word earlier in the document)
// and first-order Viterbi decoding.
//
//   const Tagger& tagger = Tagger::standard();               // dataDir()/models/ner.model
//   DocumentHistory history;                                  // one per document
//   std::vector<Entity> ents = tagger.tag({"Lavrov", "met", "Blinken"}, &history);

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"
#include "core/hash_table.h"

namespace newsgraph::tagger {

// The CoNLL-2003 entity types.
enum class NerType : uint8_t { Per, Org, Loc, Misc };
constexpr int kNerTypes = 4;
// "PER", "ORG", "LOC", "MISC".
std::string_view toString(NerType type);
std::optional<NerType> parseNerType(std::string_view name);

// Token range [begin, end) within one sentence.
struct Entity {
  uint32_t begin = 0;
  uint32_t end = 0;
  NerType type = NerType::Per;
  bool operator==(const Entity& o) const {
    return begin == o.begin && end == o.end && type == o.type;
  }
};

struct Sentence {
  std::vector<std::string> words;
  std::vector<Entity> entities;  // gold entities (empty for raw text)
};

struct Document {
  std::vector<Sentence> sentences;
};

// ---- CoNLL-2003 files (conll.cc) ----

// Parses 4-column CoNLL text ("EU NNP I-NP I-ORG"); only the first and last columns are
// used. -DOCSTART- lines start a new document. Throws Error with where = "<where>:<line>" on a
// line with fewer than 2 columns or an unknown tag.
std::vector<Document> parseConll(std::string_view text, const std::string& where);
// Reads and parses a file; throws Error naming the path when it cannot be read.
std::vector<Document> readConll(const std::string& path);

// Chunks of one sentence's IOB1 tags, exactly as conlleval finds them: a chunk starts at B-X,
// or at I-X after O or after a tag of another type. Throws Error on an unknown tag.
std::vector<Entity> chunksFromIob1(const std::vector<std::string>& tags);
// IOB1 tags for entities (B-X only where an entity directly follows one of the same type).
std::vector<std::string> iob1FromChunks(const std::vector<Entity>& entities, size_t length);

// ---- conlleval scoring (conll_eval.cc) ----

struct ChunkCounts {
  uint64_t gold = 0, found = 0, correct = 0;
  double precision() const { return found ? 100.0 * correct / found : 0.0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double f1() const;
};

struct Evaluation {
  ChunkCounts overall;
  ChunkCounts per_type[kNerTypes];
  uint64_t tokens = 0, correct_tokens = 0;  // token accuracy as conlleval prints it
  // Counts one sentence: exact span and type match. gold/found as entity lists.
  void add(const std::vector<Entity>& gold, const std::vector<Entity>& found, size_t length);
  double accuracy() const { return tokens ? 100.0 * correct_tokens / tokens : 0.0; }
};

// conlleval's report: "processed N tokens with G phrases; found: F phrases; correct: C." etc.
std::string formatConlleval(const Evaluation& eval);

// ---- word clusters and lexicons used as features (resources.cc) ----

// Word -> cluster ids at up to three granularities (coarse to fine; 0 = none).
struct ClusterEntry {
  uint16_t ids[3] = {0, 0, 0};
};

class Resources {
 public:
  // Reads clusters.tsv (word TAB id64 TAB id256 TAB id1024...; '#' comments) and every
  // lexicons/*.tsv under lexiconDir (name in column 1, a type such as PERSON in any column).
  // Missing files give empty resources; malformed lines throw Error with path:line.
  static Resources load(const std::string& clustersPath, const std::string& lexiconDir);

  void addCluster(std::string_view word, ClusterEntry entry);
  // tokens: a name as tokens ("New", "York"); type: an EntityType or NerType index + 1.
  void addName(const std::vector<std::string_view>& tokens, uint8_t typeBit);

  const ClusterEntry* cluster(uint64_t wordHash) const { return clusters_.find(wordHash); }
  // What the lexicon knows of a token sequence (hash as extendName builds it): nullptr when
  // no name starts with it, so a caller extending the sequence can stop; else the bit set of
  // its types, 0 when it is only the start of longer names.
  const uint8_t* nameEntry(uint64_t lowerSequenceHash) const {
    const uint8_t* bits = names_.find(lowerSequenceHash);
    if (bits || prefixes_known_) return bits;
    return &kNoBits;
  }
  int maxNameTokens() const { return max_name_tokens_; }
  size_t clusterCount() const { return clusters_.size(); }
  size_t nameCount() const { return name_count_; }

  const HashTable<ClusterEntry>& clusters() const { return clusters_; }
  // Names and name prefixes (bits 0) by hash.
  const HashTable<uint8_t>& names() const { return names_; }
  // For the model loader: entries keyed by their hashes. A file without the prefixes of its
  // names calls setPrefixesKnown(false), and every look-up then says "go on".
  void addClusterHash(uint64_t wordHash, ClusterEntry entry) { clusters_[wordHash] = entry; }
  void addNameHash(uint64_t hash, uint8_t bits);
  void setMaxNameTokens(int n) { max_name_tokens_ = n; }
  void setPrefixesKnown(bool known) { prefixes_known_ = known; }

 private:
  static constexpr uint8_t kNoBits = 0;
  HashTable<ClusterEntry> clusters_;  // by hash of the exact word
  HashTable<uint8_t> names_;          // by hash of the lower-cased tokens
  size_t name_count_ = 0;
  int max_name_tokens_ = 0;
  bool prefixes_known_ = true;
};

// ---- the model (model.cc, decoder.cc) ----

// Per-document memory of the types given to each word so far (Ratinov & Roth's extended
// prediction history). Use one per document, in sentence order.
class DocumentHistory {
 public:
  void clear() { counts_.clear(); }
  void record(uint64_t wordHash, int typeOrNone);  // typeOrNone: NerType index, or kNerTypes
  const uint16_t* counts(uint64_t wordHash) const;  // kNerTypes + 1 counts, nullptr if unseen

 private:
  HashTable<std::array<uint16_t, kNerTypes + 1>> counts_;
};

struct ModelOptions {
  int hash_bits = 20;            // 2^bits weight rows
  bool use_clusters = true;
  bool use_lexicon = true;
  bool use_history = true;
};

class Model;

// Tags sentences with a loaded model. Thread-safe: tag() is const and keeps its scratch
// space per thread.
class Tagger {
 public:
  explicit Tagger(std::shared_ptr<const Model> model);
  // Loads a model file; throws Error naming the path for a missing, truncated, foreign or
  // newer-version file.
  static Tagger load(const std::string& path);
  // The model in dataDir()/models/ner.model, loaded once (thread-safe); throws like load().
  static const Tagger& standard();

  // Entities of one sentence (token ranges). history may be null (no document context);
  // otherwise it is read and then updated with this sentence's labels.
  std::vector<Entity> tag(const std::vector<std::string_view>& words,
                          DocumentHistory* history = nullptr) const;
  std::vector<Entity> tag(const std::vector<std::string>& words,
                          DocumentHistory* history = nullptr) const;
  // Every sentence of a document, in order, with one history. Gold entities are ignored.
  std::vector<std::vector<Entity>> tagDocument(const Document& doc) const;

  const Model& model() const { return *model_; }

 private:
  std::shared_ptr<const Model> model_;
};

// Tags every document and scores against its gold entities. seconds (if not null) receives
// the time spent tagging (features + decoding).
Evaluation evaluate(const Tagger& tagger, const std::vector<Document>& docs,
                    double* seconds = nullptr);

// Tagging throughput in tokens/s (features + decoding): tags docs again and again for at
// least minSeconds (at least 3 passes) and returns the median pass, so caches are warm.
double taggingSpeed(const Tagger& tagger, const std::vector<Document>& docs,
                    double minSeconds = 1.0);

// ---- training (trainer.cc) ----

struct TrainOptions {
  int max_epochs = 20;
  int patience = 3;          // stop after this many epochs without a better dev F1
  uint64_t seed = 1;
  ModelOptions model;
};

struct EpochReport {
  int epoch = 0;
  double train_seconds = 0;
  double dev_f1 = 0;
  bool best = false;
};

// Averaged structured perceptron; keeps the epoch with the best dev F1 (the last epoch when
// dev is empty). Deterministic for a given seed. progress (optional) is called after each epoch.
std::shared_ptr<const Model> train(const std::vector<Document>& train,
                                   const std::vector<Document>& dev, Resources resources,
                                   const TrainOptions& options,
                                   const std::function<void(const EpochReport&)>& progress = {});

// Writes the model (magic, version, options, resources, quantised weights);
// throws Error when the file cannot be written.
void saveModel(const Model& model, const std::string& path);

// ---- word cluster induction (clustering.cc) ----

struct ClusteringOptions {
  int vocabulary = 60000;                  // most frequent words kept
  std::vector<int> sizes = {64, 256, 1024};  // one flat clustering per size (at most 3)
  int iterations = 10;
};

// Simple news tokenisation for clustering text (splits punctuation off words, "n't" and "'s").
void tokenizeLine(std::string_view line, std::vector<std::string_view>* tokens);

// Exchange clustering (Martin, Liermann & Ney 1998; deterministic) of the words of the given text files
// (plain or .gz; one paragraph a line); returns "word\tid\tid\tid\n" lines sorted by word.
// Throws Error when a file cannot be read.
std::string induceClusters(const std::vector<std::string>& paths,
                           const ClusteringOptions& options);

}  // namespace newsgraph::tagger
