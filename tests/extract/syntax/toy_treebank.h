#pragma once
// A toy English grammar as CoNLL-U, for training the tagger and parser in tests:
// NP VERB NP [PP] "." with NP = DET NOUN | PROPN; "in" phrases attach to the verb (obl),
// "with" phrases to the object (nmod).

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph::syntax::testing {

inline std::string toyTreebank(int sentences, uint64_t seed) {
  struct Word {
    const char *form, *lemma, *upos, *xpos;
  };
  const Word nouns[] = {{"dog", "dog", "NOUN", "NN"},   {"cat", "cat", "NOUN", "NN"},
                        {"man", "man", "NOUN", "NN"},   {"park", "park", "NOUN", "NN"},
                        {"dogs", "dog", "NOUN", "NNS"}, {"houses", "house", "NOUN", "NNS"}};
  const Word names[] = {{"Anna", "Anna", "PROPN", "NNP"}, {"Boris", "Boris", "PROPN", "NNP"}};
  const Word verbs[] = {{"saw", "see", "VERB", "VBD"},
                        {"chased", "chase", "VERB", "VBD"},
                        {"liked", "like", "VERB", "VBD"}};
  const Word dets[] = {{"the", "the", "DET", "DT"}, {"a", "a", "DET", "DT"}};
  uint64_t state = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  auto pick = [&](int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(n));
  };
  std::string out;
  for (int s = 0; s < sentences; ++s) {
    struct Line {
      Word w;
      int head;
      const char* rel;
    };
    std::vector<Line> lines;
    // An NP headed by a noun or a name, attached to `head` as `rel`; returns its head's ID.
    auto np = [&](int head, const char* rel) {
      if (pick(3) == 0) {
        lines.push_back({names[pick(2)], head, rel});
        return static_cast<int>(lines.size());
      }
      const int noun = static_cast<int>(lines.size()) + 2;
      lines.push_back({dets[pick(2)], noun, "det"});
      lines.push_back({nouns[pick(6)], head, rel});
      return noun;
    };
    // Heads are filled in once the verb's position is known (subject NP first).
    const size_t subject = lines.size();
    np(0, "nsubj");
    const int verb = static_cast<int>(lines.size()) + 1;
    for (size_t i = subject; i < lines.size(); ++i) {
      if (lines[i].head == 0) lines[i].head = verb;
    }
    lines.push_back({verbs[pick(3)], 0, "root"});
    const int object = np(verb, "obj");
    const int pp = pick(3);
    if (pp > 0) {
      const bool in = pp == 1;
      const int adp = static_cast<int>(lines.size());
      lines.push_back({{in ? "in" : "with", in ? "in" : "with", "ADP", "IN"}, 0, "case"});
      const int noun = np(in ? verb : object, in ? "obl" : "nmod");
      lines[static_cast<size_t>(adp)].head = noun;
    }
    lines.push_back({{".", ".", "PUNCT", "."}, verb, "punct"});
    std::string text;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0 && i + 1 < lines.size()) text += " ";  // no space before the final "."
      text += lines[i].w.form;
    }
    out += "# text = " + text + "\n";
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      out += std::to_string(i + 1) + "\t" + l.w.form + "\t" + l.w.lemma + "\t" + l.w.upos + "\t" +
             l.w.xpos + "\t_\t" + std::to_string(l.head) + "\t" + l.rel + "\t_\t_\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace newsgraph::syntax::testing
