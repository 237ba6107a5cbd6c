#include <algorithm>
#include <numeric>

#include "extract/mention/finder.h"

namespace newsgraph::mention {

MentionFinder::MentionFinder(const Lexicon& lexicon, const tagger::Tagger* tagger)
    : lexicon_(lexicon), tagger_(tagger) {}

std::vector<Mention> MentionFinder::find(std::string_view /*text*/,
                                         const text::Segmentation& seg) const {
  Document doc(lexicon_.impl(), seg);
  for (const text::Sentence& s : seg.sentences) findGazetteer(doc, s);
  for (const text::Sentence& s : seg.sentences) {
    findPersons(doc, s);
    findOrganizations(doc, s);
  }
  if (tagger_) {
    tagger::DocumentHistory history;
    for (const text::Sentence& s : seg.sentences) findTagged(doc, s, *tagger_, history);
  }
  // One rule for overlaps: the longest span wins; at equal length the lexicon wins.
  std::vector<uint32_t> order(doc.candidates.size());
  std::iota(order.begin(), order.end(), 0u);
  auto length = [&](uint32_t c) {
    const Mention& m = doc.candidates[c].mention;
    return m.end_token - m.first_token;
  };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Candidate& x = doc.candidates[a];
    const Candidate& y = doc.candidates[b];
    // the tagger only fills gaps: its spans come after every lexicon and pattern span
    if ((x.source == Source::Tagger) != (y.source == Source::Tagger)) return y.source == Source::Tagger;
    if (length(a) != length(b)) return length(a) > length(b);
    if (x.source != y.source) return x.source == Source::Lexicon;
    if (x.mention.first_token != y.mention.first_token)
      return x.mention.first_token < y.mention.first_token;
    return x.mention.score > y.mention.score;
  });
  std::vector<bool> taken(seg.tokens.size(), false);
  std::vector<Mention> out;
  for (uint32_t c : order) {
    Mention& m = doc.candidates[c].mention;
    if (std::any_of(taken.begin() + m.first_token, taken.begin() + m.end_token,
                    [](bool b) { return b; }))
      continue;
    std::fill(taken.begin() + m.first_token, taken.begin() + m.end_token, true);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  return out;
}

}  // namespace newsgraph::mention
