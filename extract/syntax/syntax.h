#pragma once
// Part-of-speech tags (UPOS and Penn XPOS), lemmas and a labelled dependency parse (UD v2
// relations) of tokenised sentences. Both models are our own: greedy averaged perceptrons
// over hashed features, a left-to-right tagger and an arc-hybrid parser trained with a
// dynamic oracle, stored together in data/models/syntax.model.
//
//   const SyntaxModel& model = SyntaxModel::standard();
//   SentenceParse parse;
//   model.analyze({"Lavrov", "met", "Blinken"}, &parse);  // parse.words[0].head == 2, "nsubj"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"
#include "extract/text/text.h"

namespace newsgraph::syntax {

// ---- CoNLL-U treebanks (conllu.cc) ----

struct TreebankWord {
  std::string form, lemma, upos, xpos, deprel, misc;
  uint32_t head = 0;  // 0 = root, else 1-based index of the head word
};

struct TreebankSentence {
  std::string text;  // the "# text =" comment, "" if absent
  std::vector<TreebankWord> words;  // syntactic words only: "1-2" ranges and "8.1" nodes left out
};

// Parses CoNLL-U; throws Error with where = "<where>:<line>" on a line that is not ten columns
// or has a bad ID or HEAD.
std::vector<TreebankSentence> parseConllu(std::string_view text, const std::string& where);
// Reads and parses a file; throws Error naming the path when it cannot be read.
std::vector<TreebankSentence> readConllu(const std::string& path);

// ---- analysis ----

struct WordAnalysis {
  std::string_view upos, xpos, deprel;  // views into the model's label tables
  std::string_view lemma;               // into the model or SentenceParse::lemmaText
  uint32_t head = 0;                    // 0 = root, else 1-based index of the head word
};

struct SentenceParse {
  std::vector<WordAnalysis> words;
  std::string lemmaText;  // lemmas made by suffix rules (unknown words)
};

struct TrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  int tagger_hash_bits = 20;
  int parser_hash_bits = 21;
  int labeler_hash_bits = 20;
};

struct EpochReport {
  int epoch = 0;
  double seconds = 0;
  double dev_upos = 0, dev_las = 0;
  bool best = false;
};

class SyntaxModel {
 public:
  struct Impl;
  explicit SyntaxModel(std::unique_ptr<Impl> impl);
  ~SyntaxModel();
  SyntaxModel(const SyntaxModel&) = delete;
  SyntaxModel& operator=(const SyntaxModel&) = delete;

  // Loads a model file; throws Error naming the path, in one line, for a missing, truncated,
  // foreign or other-version file.
  static std::shared_ptr<const SyntaxModel> load(const std::string& path);
  // The model in dataDir()/models/syntax.model, loaded once (thread-safe); throws like load().
  static const SyntaxModel& standard();

  // Tags, lemmatises and parses one sentence of words (at most text::kMaxSentenceTokens; more
  // are cut off). Thread-safe; scratch space is kept per thread, and `out` is reused, so a
  // warm call does not allocate. The views in `out` live as long as the model and `out`.
  void analyze(const std::vector<std::string_view>& words, SentenceParse* out) const;
  // Tags and lemmas only (heads 0, deprel "").
  void tag(const std::vector<std::string_view>& words, SentenceParse* out) const;

  // The model file's bytes (magic, version, zlib body, checksum): the same for the same model.
  std::string serialize() const;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Trains tagger, lemmatiser and parser on `train`; keeps the epoch with the best dev LAS (the
// last when dev is empty). The same data, options and seed give a byte-identical model.
std::shared_ptr<const SyntaxModel> train(
    const std::vector<TreebankSentence>& train, const std::vector<TreebankSentence>& dev,
    const std::string& clustersPath, const TrainOptions& options,
    const std::function<void(const EpochReport&)>& progress = {});

// Writes model.serialize() atomically; throws Error when the file cannot be written.
void saveModel(const SyntaxModel& model, const std::string& path);

// ---- scoring (evaluate.cc) ----

struct SyntaxScores {
  // las compares the universal part of the relation ("nsubj" for "nsubj:pass"), as CoNLL 2018
  // does; lasFull the whole label.
  uint64_t words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
  double seconds = 0;  // tagging + parsing time, without reading the file
  double percent(uint64_t n) const { return words ? 100.0 * n / words : 0.0; }
  double wordsPerSecond() const { return seconds > 0 ? words / seconds : 0.0; }
};

// Analyses every sentence with gold tokens and counts matches (punctuation included).
SyntaxScores evaluate(const SyntaxModel& model, const std::vector<TreebankSentence>& gold);

// How our segmenter's tokens and sentence ends meet the treebank's, on the "# text =" lines
// of consecutive sentences joined by spaces (CoNLL 2018 style: spans matched by characters).
struct SegmentationScores {
  uint64_t goldTokens = 0, ourTokens = 0, matchedTokens = 0;
  uint64_t goldSentences = 0, ourSentences = 0, matchedSentences = 0;
  static double f1(uint64_t gold, uint64_t ours, uint64_t matched) {
    return gold + ours ? 200.0 * matched / (gold + ours) : 0.0;
  }
};
SegmentationScores compareSegmentation(const std::vector<TreebankSentence>& gold,
                                       const text::Segmenter& segmenter);

// ---- CoNLL-U output of our own segmentation (conllu.cc) ----

// One CoNLL-U block per sentence of seg, words as our tokeniser cut them, with
// TokenRange=BEGIN:END (byte offsets into text) and SpaceAfter=No in MISC.
void writeConllu(std::string_view docId, std::string_view text, const text::Segmentation& seg,
                 const SyntaxModel& model, std::ostream& out);

}  // namespace newsgraph::syntax
