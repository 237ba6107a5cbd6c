#include "extract/extract.h"

#include <algorithm>

#include "extract/clean/clean.h"
#include "extract/text/text.h"

namespace newsgraph::extract {

struct Extractor::Impl {
  ExtractOptions options;
  clean::BoilerplateRules boilerplate;
  const mention::Lexicon& lexicon;
  mention::MentionFinder finder;
  const relate::RelationRules& rules;
  const syntax::SyntaxModel* parser;

  explicit Impl(ExtractOptions opts)
      : options(opts),
        boilerplate(clean::BoilerplateRules::load(dataDir())),
        lexicon(mention::Lexicon::standard()),
        finder(lexicon, opts.tagger ? &tagger::Tagger::standard() : nullptr),
        rules(relate::RelationRules::standard()),
        parser(opts.parser ? &syntax::SyntaxModel::standard() : nullptr) {}
};

Extractor::Extractor(ExtractOptions options) : impl_(std::make_unique<Impl>(options)) {}
Extractor::~Extractor() = default;

namespace {

// The sentence as evidence: whitespace runs (line breaks, NBSP-free) collapsed to one space.
std::string evidenceText(std::string_view sentence) {
  std::string out;
  out.reserve(sentence.size());
  bool space = false;
  for (char c : sentence) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Parses of the sentences holding at least two entity mentions, where a relation can hold;
// the other sentences keep an empty parse.
std::vector<syntax::SentenceParse> parseRelationSentences(const text::Segmentation& seg,
                                                          const std::vector<mention::Mention>& mentions,
                                                          const syntax::SyntaxModel& model) {
  std::vector<uint32_t> count(seg.sentences.size(), 0);
  for (const mention::Mention& m : mentions) {
    size_t sentence = seg.sentenceOf(m.first_token);
    if (sentence < count.size()) ++count[sentence];
  }
  std::vector<syntax::SentenceParse> parses(seg.sentences.size());
  std::vector<std::string_view> words;
  for (size_t s = 0; s < seg.sentences.size(); ++s) {
    if (count[s] < 2) continue;
    words.clear();
    for (uint32_t t = seg.sentences[s].first_token; t < seg.sentences[s].end_token; ++t) {
      words.push_back(seg.tokens[t].text);
    }
    model.analyze(words, &parses[s]);
  }
  return parses;
}

}  // namespace

DocumentFacts Extractor::extract(const corpus::Document& doc) const {
  std::vector<Span> body = clean::findBody(doc.text, impl_->boilerplate);
  text::Segmentation seg = text::segment(doc.text, body);
  std::vector<mention::Mention> mentions = impl_->finder.find(doc.text, seg);
  resolve::Resolution resolution =
      resolve::resolveMentions(mentions, doc.text, seg, impl_->lexicon, doc.date);
  std::vector<syntax::SentenceParse> parses;
  if (impl_->parser) parses = parseRelationSentences(seg, mentions, *impl_->parser);
  relate::SentenceContext ctx{doc.text, seg, mentions, resolution, impl_->lexicon,
                              impl_->parser ? &parses : nullptr};
  relate::RelateOptions relateOptions;
  relateOptions.cooccurrence = impl_->options.cooccurrence;
  std::vector<relate::Fact> facts = relate::extractRelations(ctx, impl_->rules, relateOptions);

  DocumentFacts out;
  out.id = doc.id;
  out.date = doc.date;
  out.source = doc.source;
  out.bytes = doc.text.size();
  out.tokens = seg.tokens.size();
  // Entities without a mention of their own (a capital's state added for metonymy) only
  // enter the graph when a relation uses them.
  std::vector<int> used(resolution.entities.size(), 0);
  for (const relate::Fact& f : facts) used[f.subject] = used[f.object] = 1;
  std::vector<int> index(resolution.entities.size(), -1);
  for (size_t i = 0; i < resolution.entities.size(); ++i) {
    const resolve::Entity& e = resolution.entities[i];
    if (e.mentions == 0 && !used[i]) continue;
    index[i] = static_cast<int>(out.entities.size());
    out.entities.push_back({e.key, e.name, e.type, e.aliases, e.mentions});
  }
  // Facts come in sentence order, and a sentence with n entities has n(n-1)/2 co-occurrences:
  // collapse each sentence once.
  out.relations.reserve(facts.size());
  std::string evidence;
  uint32_t evidenceSentence = UINT32_MAX;
  for (const relate::Fact& f : facts) {
    if (f.sentence != evidenceSentence) {
      const text::Sentence& s = seg.sentences[f.sentence];
      evidence = evidenceText(std::string_view(doc.text).substr(s.span.begin, s.span.size()));
      evidenceSentence = f.sentence;
    }
    out.relations.push_back({index[f.subject], index[f.object], f.relation, f.negated,
                             f.confidence, evidence, f.modality});
  }
  return out;
}

}  // namespace newsgraph::extract
