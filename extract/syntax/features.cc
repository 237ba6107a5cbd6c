#include "extract/syntax/features.h"

#include <string>

#include "extract/syntax/weights.h"

namespace newsgraph::syntax {

namespace {

char classOf(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';  // any byte of a non-ASCII character
  return static_cast<char>(c);
}

// Hash of the last k bytes of s (or of s when it is shorter), distinct from the prefix hashes.
uint64_t affix(std::string_view s, size_t k, bool suffix) {
  if (s.size() < k) return 0;
  return hashBytes(suffix ? s.substr(s.size() - k) : s.substr(0, k), suffix ? 0x5ULL : 0x7ULL) + k;
}

}  // namespace

void lowerWord(std::string_view word, std::string* out) {
  out->clear();
  for (char c : word) out->push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
}

void describeWords(const std::string_view* words, size_t n, const HashTable<ClusterIds>& clusters,
                   WordInfo* info) {
  thread_local std::string lower, shape;
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = words[i];
    WordInfo& d = info[i];
    lowerWord(w, &lower);
    shape.clear();
    uint8_t flags = 0;
    int letters = 0, upper = 0;
    for (unsigned char c : w) {
      char k = classOf(c);
      if (shape.empty() || shape.back() != k) shape.push_back(k);
      letters += k == 'X' || k == 'x';
      upper += k == 'X';
      if (k == 'd') flags |= kHasDigit;
      if (c == '-') flags |= kHasHyphen;
    }
    if (!w.empty() && classOf(static_cast<unsigned char>(w[0])) == 'X') flags |= kUpperInitial;
    if (letters >= 2 && upper == letters) flags |= kAllUpper;
    if (letters == 0 && !(static_cast<unsigned char>(w.empty() ? 0 : w[0]) >= 0x80)) flags |= kNoLetter;
    d.form = hashBytes(w);
    uint64_t folded = 0xcbf29ce484222325ULL;  // digits as '0': "1999" and "2023" share a word
    for (unsigned char c : lower) folded = (folded ^ (c >= '0' && c <= '9' ? '0' : c)) * 0x100000001b3ULL;
    d.lower = folded;
    d.shape = hashBytes(shape, 0x3ULL);
    for (size_t k = 1; k <= 3; ++k) d.prefix[k - 1] = affix(lower, k, false);
    for (size_t k = 1; k <= 4; ++k) d.suffix[k - 1] = affix(lower, k, true);
    const ClusterIds* c = clusters.find(d.form);
    if (!c) c = clusters.find(hashBytes(lower));
    d.cluster = c ? *c : ClusterIds{};
    d.flags = flags;
  }
}

int taggerFeatures(const WordInfo* words, int n, int i, const uint8_t* xpos, const uint8_t* upos,
                   int bits, uint32_t* out) {
  constexpr uint64_t kNone = 0x1234567ULL;  // the word before the first or after the last
  auto word = [&](int j) { return j >= 0 && j < n ? words[j].lower : kNone + uint64_t(j < 0); };
  auto suffix3 = [&](int j) { return j >= 0 && j < n ? words[j].suffix[2] : kNone; };
  auto cluster = [&](int j, int level) -> uint64_t {
    return j >= 0 && j < n ? words[j].cluster.ids[level] : 0xffff;
  };
  const uint64_t x1 = i >= 1 ? xpos[i - 1] : 255, x2 = i >= 2 ? xpos[i - 2] : 255;
  const uint64_t u1 = i >= 1 ? upos[i - 1] : 255;
  const WordInfo& w = words[i];
  int k = 0;
  auto add = [&](uint64_t h) { out[k++] = rowOf(h, bits); };
  add(feature(1, 0));
  add(feature(2, w.lower));
  add(feature(3, w.form));
  add(feature(4, word(i - 1)));
  add(feature(5, word(i + 1)));
  add(feature(6, word(i - 2)));
  add(feature(7, word(i + 2)));
  for (int a = 0; a < 4; ++a) add(feature(8 + a, w.suffix[a]));
  for (int a = 0; a < 3; ++a) add(feature(12 + a, w.prefix[a]));
  add(feature(15, w.shape));
  add(feature(16, w.flags, i == 0));
  add(feature(17, x1));
  add(feature(18, x1, x2));
  add(feature(19, x1, w.lower));
  add(feature(20, u1));
  add(feature(21, word(i - 1), w.lower));
  add(feature(22, w.lower, word(i + 1)));
  add(feature(23, suffix3(i + 1)));
  add(feature(24, suffix3(i - 1)));
  for (int a = 0; a < 3; ++a) add(feature(25 + a, cluster(i, a)));
  add(feature(28, cluster(i - 1, 1)));
  add(feature(29, cluster(i + 1, 1)));
  add(feature(30, cluster(i + 1, 0), cluster(i, 1)));
  add(feature(31, x1, cluster(i, 1)));
  add(feature(32, cluster(i + 2, 0)));
  add(feature(33, x1, w.suffix[2]));
  add(feature(34, w.shape, w.suffix[1], i == 0));
  add(feature(35, word(i + 1), word(i + 2)));
  add(feature(36, x1, word(i + 1)));
  add(feature(37, cluster(i, 2), w.suffix[1]));
  return k;
}

}  // namespace newsgraph::syntax
