#pragma once
// Private: the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the
// root at the bottom of the stack, its dynamic oracle (Goldberg & Nivre 2013), and the feature
// templates of the transition classifier and of the relation labeller (after Zhang & Nivre
// 2011: stack and buffer words and tags, outermost children and their relations, valency,
// distance, relation sets).
//
// Words are 1..n, 0 is the root. An arc is chosen unlabelled (SHIFT, LEFT, RIGHT); its relation
// is chosen when it is made, when the dependent's subtree is complete.

#include <cstdint>
#include <vector>

#include "extract/syntax/features.h"

namespace newsgraph::syntax {

enum Action : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kActions = 3;

// What the parser sees of each word: the tagger's output and the word's hashes.
struct ParserWord {
  uint64_t lower = 0, form = 0, suffix = 0;
  uint8_t upos = 0, xpos = 0;
  uint16_t cluster = 0;
};

class ParserState {
 public:
  // words[0] is the root; words[1..n] the sentence. Reuses its vectors.
  void reset(const ParserWord* words, int n);

  bool terminal() const { return b0_ > n_ && stack_.size() == 1; }
  bool legal(Action a) const;
  // Applies a legal action; for LEFT/RIGHT, returns the dependent (its head is then set) and
  // the caller gives its relation with setLabel. Returns -1 for SHIFT.
  int apply(Action a);
  void setLabel(int dependent, uint8_t label);

  // Cost of each legal action against gold heads (1-based, index 0 unused): the gold arcs it
  // makes unreachable. Illegal actions get a large cost.
  void costs(const std::vector<int>& goldHead, const std::vector<std::vector<int>>& goldDeps,
             int* out) const;

  // Transition features (row indices for 2^bits rows).
  int features(int bits, uint32_t* out) const;
  // Features for labelling the arc head -> dependent just made.
  int labelFeatures(int dependent, int bits, uint32_t* out) const;

  int n() const { return n_; }
  int head(int word) const { return head_[word]; }
  uint8_t label(int word) const { return label_[word]; }
  // The head a LEFT or RIGHT would give s0 now.
  int leftHead() const { return b0_; }
  int rightHead() const { return stack_.size() >= 2 ? stack_[stack_.size() - 2] : -1; }
  int s0() const { return stack_.empty() ? -1 : stack_.back(); }

 private:
  int stackAt(int k) const {  // k-th from the top, -1 if absent
    return k < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - k] : -1;
  }
  int bufferAt(int k) const { return b0_ + k <= n_ ? b0_ + k : -1; }

  const ParserWord* words_ = nullptr;
  int n_ = 0, b0_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, leftmost_, leftmost2_, rightmost_, rightmost2_;
  std::vector<uint8_t> label_, leftCount_, rightCount_;
  std::vector<uint64_t> leftLabels_, rightLabels_;
};

}  // namespace newsgraph::syntax
