#include <fmt/format.h>

#include "extract/tagger/tagger.h"

namespace newsgraph::tagger {

double ChunkCounts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void Evaluation::add(const std::vector<Entity>& gold, const std::vector<Entity>& found,
                     size_t length) {
  for (const Entity& e : gold) {
    ++overall.gold;
    ++per_type[static_cast<int>(e.type)].gold;
  }
  for (const Entity& e : found) {
    ++overall.found;
    ++per_type[static_cast<int>(e.type)].found;
  }
  // Both lists are sorted and non-overlapping: a merge finds the exact matches.
  size_t g = 0;
  for (const Entity& e : found) {
    while (g < gold.size() && gold[g].begin < e.begin) ++g;
    if (g < gold.size() && gold[g] == e) {
      ++overall.correct;
      ++per_type[static_cast<int>(e.type)].correct;
    }
  }
  // conlleval's token accuracy compares the IOB1 tags.
  std::vector<std::string> goldTags = iob1FromChunks(gold, length);
  std::vector<std::string> foundTags = iob1FromChunks(found, length);
  for (size_t i = 0; i < length; ++i) correct_tokens += goldTags[i] == foundTags[i];
  tokens += length;
}

std::string formatConlleval(const Evaluation& eval) {
  const ChunkCounts& o = eval.overall;
  std::string out = fmt::format(
      "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n", eval.tokens,
      o.gold, o.found, o.correct);
  out += fmt::format("accuracy: {:6.2f}%; precision: {:6.2f}%; recall: {:6.2f}%; FB1: {:6.2f}\n",
                     eval.accuracy(), o.precision(), o.recall(), o.f1());
  for (int t = 0; t < kNerTypes; ++t) {
    const ChunkCounts& c = eval.per_type[t];
    out += fmt::format("{:>17}: precision: {:6.2f}%; recall: {:6.2f}%; FB1: {:6.2f}  {}\n",
                       toString(static_cast<NerType>(t)), c.precision(), c.recall(), c.f1(),
                       c.found);
  }
  return out;
}

}  // namespace newsgraph::tagger
