#include <chrono>
#include <set>

#include "extract/syntax/syntax.h"

namespace newsgraph::syntax {

namespace {

std::string_view universalPart(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

}  // namespace

SyntaxScores evaluate(const SyntaxModel& model, const std::vector<TreebankSentence>& gold) {
  SyntaxScores scores;
  std::vector<std::string_view> words;
  SentenceParse parse;
  for (const TreebankSentence& s : gold) {
    words.clear();
    for (const TreebankWord& w : s.words) words.push_back(w.form);
    const auto start = std::chrono::steady_clock::now();
    model.analyze(words, &parse);
    scores.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t i = 0; i < s.words.size(); ++i) {
      const TreebankWord& g = s.words[i];
      ++scores.words;
      if (i >= parse.words.size()) continue;  // past the sentence length the model takes
      const WordAnalysis& p = parse.words[i];
      scores.upos += p.upos == g.upos;
      scores.xpos += p.xpos == g.xpos;
      scores.lemma += p.lemma == g.lemma;
      if (p.head != g.head) continue;
      ++scores.uas;
      scores.las += universalPart(p.deprel) == universalPart(g.deprel);
      scores.lasFull += p.deprel == g.deprel;
    }
  }
  return scores;
}

SegmentationScores compareSegmentation(const std::vector<TreebankSentence>& gold,
                                       const text::Segmenter& segmenter) {
  // The raw text: the sentences' "# text" joined by spaces; gold words found in it in order
  // (a sentence whose words do not spell its text is left out).
  std::string raw;
  std::set<std::pair<uint32_t, uint32_t>> goldTokens, goldSentences;
  SegmentationScores scores;
  for (const TreebankSentence& s : gold) {
    if (s.text.empty()) continue;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    size_t at = 0;
    bool spelled = true;
    for (const TreebankWord& w : s.words) {
      while (at < s.text.size() && s.text[at] == ' ') ++at;
      if (s.text.compare(at, w.form.size(), w.form) != 0) {
        spelled = false;
        break;
      }
      spans.emplace_back(static_cast<uint32_t>(raw.size() + at),
                         static_cast<uint32_t>(raw.size() + at + w.form.size()));
      at += w.form.size();
    }
    if (!spelled) continue;
    goldTokens.insert(spans.begin(), spans.end());
    goldSentences.emplace(static_cast<uint32_t>(raw.size()),
                          static_cast<uint32_t>(raw.size() + s.text.size()));
    raw += s.text;
    raw += ' ';
  }
  const text::Segmentation seg =
      segmenter.segment(raw, {Span{0, static_cast<uint32_t>(raw.size())}});
  scores.goldTokens = goldTokens.size();
  scores.goldSentences = goldSentences.size();
  scores.ourTokens = seg.tokens.size();
  scores.ourSentences = seg.sentences.size();
  for (const text::Token& t : seg.tokens) {
    scores.matchedTokens += goldTokens.count({t.span.begin, t.span.end});
  }
  for (const text::Sentence& s : seg.sentences) {
    scores.matchedSentences += goldSentences.count({s.span.begin, s.span.end});
  }
  return scores;
}

}  // namespace newsgraph::syntax
