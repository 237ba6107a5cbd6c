#include "extract/syntax/parser.h"

#include <algorithm>

#include "extract/syntax/weights.h"

namespace newsgraph::syntax {

namespace {

constexpr uint64_t kNoWord = 0x51ed2701ULL;
constexpr uint64_t kNoTag = 255;
constexpr int kIllegal = 1 << 20;

uint64_t distanceBucket(int d) {
  if (d <= 4) return static_cast<uint64_t>(d);
  return d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

}  // namespace

void ParserState::reset(const ParserWord* words, int n) {
  words_ = words;
  n_ = n;
  b0_ = 1;
  stack_.clear();
  stack_.push_back(0);
  const size_t size = static_cast<size_t>(n) + 1;
  head_.assign(size, -1);
  leftmost_.assign(size, -1);
  leftmost2_.assign(size, -1);
  rightmost_.assign(size, -1);
  rightmost2_.assign(size, -1);
  label_.assign(size, kNoTag);
  leftCount_.assign(size, 0);
  rightCount_.assign(size, 0);
  leftLabels_.assign(size, 0);
  rightLabels_.assign(size, 0);
}

bool ParserState::legal(Action a) const {
  const bool bufferEmpty = b0_ > n_;
  switch (a) {
    case kShift:
      return !bufferEmpty;
    case kLeft:
      return !bufferEmpty && stack_.size() >= 2;  // s0 is not the root
    case kRight:
      // One root: the root takes its dependent last, when the buffer is empty.
      return stack_.size() >= 3 || (stack_.size() == 2 && bufferEmpty);
  }
  return false;
}

int ParserState::apply(Action a) {
  if (a == kShift) {
    stack_.push_back(b0_++);
    return -1;
  }
  const int d = stack_.back();
  stack_.pop_back();
  const int h = a == kLeft ? b0_ : stack_.back();
  head_[d] = h;
  if (d < h) {
    ++leftCount_[h];
    if (leftmost_[h] < 0 || d < leftmost_[h]) {
      leftmost2_[h] = leftmost_[h];
      leftmost_[h] = d;
    } else if (leftmost2_[h] < 0 || d < leftmost2_[h]) {
      leftmost2_[h] = d;
    }
  } else {
    ++rightCount_[h];
    if (rightmost_[h] < 0 || d > rightmost_[h]) {
      rightmost2_[h] = rightmost_[h];
      rightmost_[h] = d;
    } else if (rightmost2_[h] < 0 || d > rightmost2_[h]) {
      rightmost2_[h] = d;
    }
  }
  return d;
}

void ParserState::setLabel(int dependent, uint8_t label) {
  label_[dependent] = label;
  const int h = head_[dependent];
  (dependent < h ? leftLabels_ : rightLabels_)[h] |= uint64_t{1} << (label % 64);
}

void ParserState::costs(const std::vector<int>& goldHead,
                        const std::vector<std::vector<int>>& goldDeps, int* out) const {
  // Words left of the buffer without a head are exactly the stack.
  auto inStack = [&](int k) { return k == 0 || (k < b0_ && head_[k] < 0); };
  const int s0 = stackAt(0), s1 = stackAt(1);
  out[kShift] = out[kLeft] = out[kRight] = kIllegal;
  if (legal(kShift)) {
    int c = 0;
    const int h = goldHead[b0_];
    if (h != s0 && inStack(h)) ++c;
    for (int d : goldDeps[b0_]) c += d < b0_ && inStack(d);
    out[kShift] = c;
  }
  if (legal(kLeft) || legal(kRight)) {
    int lostChildren = 0;
    for (int d : goldDeps[s0]) lostChildren += d >= b0_;
    const int h = goldHead[s0];
    if (legal(kLeft)) out[kLeft] = lostChildren + (h != b0_ && (h == s1 || h > b0_));
    if (legal(kRight)) out[kRight] = lostChildren + (h >= b0_);
  }
}

int ParserState::features(int bits, uint32_t* out) const {
  const int s0 = stackAt(0), s1 = stackAt(1), s2 = stackAt(2);
  const int b0 = bufferAt(0), b1 = bufferAt(1), b2 = bufferAt(2);
  auto W = [&](int j) { return j < 0 ? kNoWord : words_[j].lower; };
  auto P = [&](int j) -> uint64_t { return j < 0 ? kNoTag : words_[j].xpos; };
  auto U = [&](int j) -> uint64_t { return j < 0 ? kNoTag : words_[j].upos; };
  auto C = [&](int j) -> uint64_t { return j < 0 ? 0xffff : words_[j].cluster; };
  auto L = [&](int j) -> uint64_t { return j < 0 ? kNoTag : label_[j]; };
  auto lc = [&](int j) { return j < 0 ? -1 : leftmost_[j]; };
  auto lc2 = [&](int j) { return j < 0 ? -1 : leftmost2_[j]; };
  auto rc = [&](int j) { return j < 0 ? -1 : rightmost_[j]; };
  auto rc2 = [&](int j) { return j < 0 ? -1 : rightmost2_[j]; };
  auto WP = [&](int j) { return W(j) * 31 + P(j); };
  const uint64_t d = s0 >= 0 && b0 >= 0 ? distanceBucket(b0 - s0) : 8;
  const uint64_t d1 = s1 >= 0 ? distanceBucket(s0 - s1) : 8;
  const uint64_t s0vl = s0 >= 0 ? leftCount_[s0] : 99, s0vr = s0 >= 0 ? rightCount_[s0] : 99;
  const uint64_t b0vl = b0 >= 0 ? leftCount_[b0] : 99;
  const uint64_t s0sl = s0 >= 0 ? leftLabels_[s0] : 1, s0sr = s0 >= 0 ? rightLabels_[s0] : 1;
  const uint64_t b0sl = b0 >= 0 ? leftLabels_[b0] : 1;
  const int s0l = lc(s0), s0r = rc(s0), b0l = lc(b0), s1r = rc(s1), s1l = lc(s1);

  int k = 0;
  uint64_t t = 0;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    out[k++] = rowOf(feature(++t, a, b, c), bits);
  };
  add(0);
  // single words
  add(W(s0)), add(P(s0)), add(WP(s0)), add(U(s0));
  add(W(b0)), add(P(b0)), add(WP(b0)), add(U(b0));
  add(W(b1)), add(P(b1)), add(WP(b1));
  add(W(b2)), add(P(b2));
  add(W(s1)), add(P(s1)), add(WP(s1));
  add(P(s2));
  // pairs
  add(WP(s0), WP(b0)), add(WP(s0), W(b0)), add(W(s0), WP(b0));
  add(WP(s0), P(b0)), add(P(s0), WP(b0)), add(W(s0), W(b0)), add(P(s0), P(b0));
  add(P(b0), P(b1)), add(W(b0), W(b1)), add(P(s0), W(b1));
  add(P(s1), P(s0)), add(W(s1), W(s0)), add(WP(s1), P(s0)), add(P(s1), WP(s0));
  add(U(s0), U(b0)), add(C(s0), C(b0)), add(C(s0), P(b0)), add(P(s0), C(b0));
  add(C(s0)), add(C(b0)), add(C(s1), C(s0));
  // triples
  add(P(b0), P(b1), P(b2)), add(P(s0), P(b0), P(b1)), add(P(s1), P(s0), P(b0));
  add(P(s2), P(s1), P(s0)), add(U(s1), U(s0), U(b0));
  add(P(s0), P(s0l), P(b0)), add(P(s0), P(s0r), P(b0)), add(P(s0), P(b0), P(b0l));
  add(P(s1), P(s1r), P(s0)), add(P(s1), P(s0), P(s0l)), add(P(s1), P(s1l), P(s0));
  add(W(s1), P(s0), P(b0)), add(P(s1), W(s0), P(b0)), add(P(s1), P(s0), W(b0));
  // distance
  add(W(s0), d), add(P(s0), d), add(W(b0), d), add(P(b0), d);
  add(W(s0), W(b0), d), add(P(s0), P(b0), d), add(P(s1), P(s0), d1), add(W(s1), W(s0), d1);
  // valency
  add(W(s0), s0vr), add(P(s0), s0vr), add(W(s0), s0vl), add(P(s0), s0vl);
  add(W(b0), b0vl), add(P(b0), b0vl);
  add(P(s1), s1 >= 0 ? rightCount_[s1] : 99);
  // outermost children
  add(W(s0l)), add(P(s0l)), add(L(s0l)), add(W(s0r)), add(P(s0r)), add(L(s0r));
  add(W(b0l)), add(P(b0l)), add(L(b0l));
  add(W(s1r)), add(P(s1r)), add(L(s1r)), add(L(s1l));
  add(P(s0), L(s0l), L(s0r)), add(P(b0), L(b0l)), add(P(s1), L(s1r), P(s0));
  // second outermost children
  const int s0l2 = lc2(s0), s0r2 = rc2(s0), b0l2 = lc2(b0);
  add(W(s0l2)), add(P(s0l2)), add(L(s0l2)), add(W(s0r2)), add(P(s0r2)), add(L(s0r2));
  add(W(b0l2)), add(P(b0l2)), add(L(b0l2));
  add(P(s0), P(s0l), P(s0l2)), add(P(s0), P(s0r), P(s0r2)), add(P(b0), P(b0l), P(b0l2));
  // relation sets
  add(W(s0), s0sr), add(P(s0), s0sr), add(W(s0), s0sl), add(P(s0), s0sl);
  add(W(b0), b0sl), add(P(b0), b0sl);
  return k;
}

int ParserState::labelFeatures(int dep, int bits, uint32_t* out) const {
  const int h = head_[dep];
  auto W = [&](int j) { return j < 0 ? kNoWord : words_[j].lower; };
  auto P = [&](int j) -> uint64_t { return j < 0 || j > n_ ? kNoTag : words_[j].xpos; };
  auto U = [&](int j) -> uint64_t { return j < 0 ? kNoTag : words_[j].upos; };
  auto L = [&](int j) -> uint64_t { return j < 0 ? kNoTag : label_[j]; };
  const uint64_t dir = dep < h ? 1 : 2;
  const uint64_t dist = distanceBucket(dep < h ? h - dep : dep - h);
  const int dl = leftmost_[dep], dr = rightmost_[dep];
  const uint64_t hSide = dep < h ? leftLabels_[h] : rightLabels_[h];
  int k = 0;
  uint64_t t = 200;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    out[k++] = rowOf(feature(++t, a, b, c), bits);
  };
  add(dir);
  add(W(dep), dir), add(P(dep), dir), add(U(dep), dir), add(W(dep), P(dep));
  add(W(h), dir), add(P(h), dir), add(U(h), dir), add(W(h), P(h));
  add(P(dep), P(h), dir), add(W(dep), P(h), dir), add(P(dep), W(h), dir), add(W(dep), W(h));
  add(U(dep), U(h), dir), add(P(dep), P(h), dist), add(W(dep), P(dep), P(h));
  add(L(dl), P(dep)), add(L(dr), P(dep)), add(L(dl), L(dr), dir);
  add(leftLabels_[dep], P(dep)), add(rightLabels_[dep], P(dep));
  add(P(dep), leftCount_[dep], rightCount_[dep]);
  add(W(dl), P(dep)), add(W(dr), P(dep));
  add(hSide, P(dep), dir), add(hSide, P(h));
  add(P(dep), P(dep - 1), dir), add(P(dep), P(dep + 1), dir);
  add(P(h), P(h - 1), dir), add(P(h), P(h + 1), dir);
  add(W(dep), P(dep + 1)), add(words_[dep].suffix, P(h), dir);
  add(words_[dep].cluster, P(h), dir), add(words_[h].cluster, P(dep), dir);
  add(W(dep), W(h), dir);
  return k;
}

}  // namespace newsgraph::syntax
