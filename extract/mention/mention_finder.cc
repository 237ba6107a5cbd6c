#include <algorithm>
#include <numeric>

#include "extract/mention/finder.h"

namespace newsgraph::mention {

namespace {

bool allCapitals(const Document& doc, const text::Sentence& s) {
  int words = 0;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const text::Token& token = doc.token(t);
    if (!token.has(text::kAlpha)) continue;
    for (char c : token.text)
      if (c >= 'a' && c <= 'z') return false;
    ++words;
  }
  return words >= 3;
}

// "The Northern Grain Growers Association (NGGA) ... the NGGA said": an acronym a document
// defines in brackets after a name is a mention wherever it occurs (resolve links it back).
void findDefinedAcronyms(Document& doc) {
  const auto& tokens = doc.seg.tokens;
  std::vector<std::pair<std::string_view, EntityType>> defined;
  for (const Candidate& c : doc.candidates) {
    uint32_t e = c.mention.end_token;
    if (c.mention.end_token - c.mention.first_token < 2 || e + 2 >= tokens.size()) continue;
    if (tokens[e].text == "(" && tokens[e + 2].text == ")" && tokens[e + 1].has(text::kAllUpper))
      defined.emplace_back(tokens[e + 1].text, c.mention.type);
  }
  if (defined.empty()) return;
  // One pass over the tokens: only all-capital ones can equal an acronym, so a long document
  // with many acronyms does not compare every token with every one.
  for (uint32_t t = 0; t < tokens.size(); ++t) {
    if (!tokens[t].has(text::kAllUpper) || doc.gazetteerAt[t] >= 0) continue;
    for (const auto& [acronym, type] : defined)
      if (tokens[t].text == acronym)
        doc.add(t, t + 1, type, MentionKind::Pattern, "", 0.8f, Source::Pattern);
  }
}

// "... the company said. REUTER": a sign-off word that ends a paragraph is the agency's tag.
bool signoffAt(const Document& doc, std::string_view text, uint32_t i) {
  const text::Token& token = doc.token(i);
  for (size_t p = token.span.end; p < text.size() && text[p] != '\n'; ++p)
    if (text[p] != ' ' && text[p] != '\t' && text[p] != '\r') return false;
  return doc.lex.signoffs.count(std::string(token.text)) > 0;  // few tokens end a paragraph
}

// "Boeing Co <BA>", "Santos Ltd <STOS.S>": a stock symbol in angle brackets names no entity
// of its own (and "BA" is British Airways elsewhere).
bool tickerAt(const Document& doc, uint32_t i) {
  const auto& tokens = doc.seg.tokens;
  auto symbol = [&](uint32_t t) {
    return tokens[t].has(text::kAllUpper) ||
           (tokens[t].text.size() == 1 && tokens[t].has(text::kUpperInitial));
  };
  for (uint32_t open = i; open > 0 && i - open < 3; --open)
    if (tokens[open - 1].text == "<") {
      uint32_t close = open;
      while (close < tokens.size() && close - open < 4 && tokens[close].text != ">") ++close;
      if (close == tokens.size() || tokens[close].text != ">" || close <= i) return false;
      for (uint32_t t = open; t < close; ++t)
        if (!symbol(t) && tokens[t].text != ".") return false;
      return true;
    }
  return false;
}

}  // namespace

MentionFinder::MentionFinder(const Lexicon& lexicon, const tagger::Tagger* tagger)
    : lexicon_(lexicon), tagger_(tagger) {}

std::vector<Mention> MentionFinder::find(std::string_view text,
                                         const text::Segmentation& seg) const {
  Document doc(lexicon_.impl(), seg);
  for (const text::Sentence& s : seg.sentences) findGazetteer(doc, s);
  for (const text::Sentence& s : seg.sentences) {
    // "SENATE PANEL APPROVES EXTENDING DAIRY COMMISSION": in an all-capitals headline the
    // patterns cannot tell names from words; the lexicons still apply.
    if (allCapitals(doc, s)) continue;
    findPersons(doc, s);
    findOrganizations(doc, s);
  }
  if (tagger_) {
    tagger::DocumentHistory history;
    for (const text::Sentence& s : seg.sentences) findTagged(doc, s, *tagger_, history);
  }
  findDefinedAcronyms(doc);
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
  for (uint32_t t = 0; t < seg.tokens.size(); ++t)
    taken[t] = signoffAt(doc, text, t) || (seg.tokens[t].has(text::kAlpha) && tickerAt(doc, t));
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
