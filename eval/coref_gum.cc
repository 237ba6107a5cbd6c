// GUM's coreference in CoNLL-U (MISC Entity= brackets, "(12-person-new-...-coref-Name" opens
// chain 12 at a token, "12)" closes it, "(5-time-...)" is a one-token mention), read into
// mentions with gold boundaries, described as the pipeline sees mentions and scored.
#include <fmt/format.h>

#include <map>
#include <sstream>

#include "eval/eval.h"
#include "extract/mention/mention.h"
#include "extract/resolve/resolve.h"
#include "extract/tagger/tagger.h"
#include "extract/text/text.h"

namespace newsgraph::eval {
namespace {

struct Token {
  std::string form, upos, xpos, deprel;
  int head = -1;  // index within the document's tokens, -1 for the root
  uint32_t sentence = 0;
  Span bytes;     // in the document text rebuilt from the forms
};

struct GoldMention {
  size_t first = 0, last = 0;  // document token indexes, inclusive
  std::string chain;
};

struct Document {
  std::vector<Token> tokens;
  std::vector<GoldMention> mentions;
  std::string text;
};

std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::string_view miscValue(std::string_view misc, std::string_view name) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t end = misc.find('|', start);
    if (end == std::string_view::npos) end = misc.size();
    std::string_view item = misc.substr(start, end - start);
    if (item.size() > name.size() && item.substr(0, name.size()) == name && item[name.size()] == '=')
      return item.substr(name.size() + 1);
    start = end + 1;
  }
  return {};
}

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  std::vector<Document> read() {
    std::istringstream in(readFile(path_));
    std::string line;
    std::vector<size_t> sentenceStart;  // tokens of the sentence being read
    while (std::getline(in, line)) {
      ++lineNo_;
      if (line.rfind("# newdoc", 0) == 0) {
        finishDocument();
        docs_.emplace_back();
        continue;
      }
      if (line.empty()) {
        finishSentence();
        continue;
      }
      if (line[0] == '#') continue;
      if (docs_.empty()) docs_.emplace_back();
      std::vector<std::string_view> f = splitTabs(line);
      NG_CHECK(f.size() == 10, where(), "a CoNLL-U line needs 10 tab-separated fields");
      if (f[0].find_first_of("-.") != std::string_view::npos) continue;  // ranges, empty nodes
      Document& doc = docs_.back();
      Token t;
      t.form = f[1];
      t.upos = f[3];
      t.xpos = f[4];
      t.deprel = f[7];
      t.head = f[6] == "0" ? -1 : std::stoi(std::string(f[6])) - 1;  // within the sentence for now
      t.sentence = sentences_;
      t.bytes.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += t.form;
      t.bytes.end = static_cast<uint32_t>(doc.text.size());
      if (miscValue(f[9], "SpaceAfter") != "No") doc.text += ' ';
      sentence_.push_back(doc.tokens.size());
      doc.tokens.push_back(std::move(t));
      brackets(miscValue(f[9], "Entity"), doc.tokens.size() - 1);
    }
    finishDocument();
    return std::move(docs_);
  }

 private:
  std::string where() const { return path_ + ":" + std::to_string(lineNo_); }

  // "(1-person-...-coref-X", "1)", "(5-time-...)" and runs of them ("(5-time-...)4)3)").
  void brackets(std::string_view value, size_t token) {
    size_t i = 0;
    while (i < value.size()) {
      if (value[i] == '(') {
        size_t end = value.find_first_of("()", i + 1);
        if (end == std::string_view::npos) end = value.size();
        std::string_view attrs = value.substr(i + 1, end - i - 1);
        std::string chain(attrs.substr(0, attrs.find('-')));
        open_[chain].push_back(token);
        i = end;
        if (i < value.size() && value[i] == ')') {
          close(chain, token);
          ++i;
        }
      } else {
        size_t end = value.find(')', i);
        NG_CHECK(end != std::string_view::npos, where(), "an Entity= bracket without ')'");
        close(std::string(value.substr(i, end - i)), token);
        i = end + 1;
      }
    }
  }

  void close(const std::string& chain, size_t token) {
    auto it = open_.find(chain);
    NG_CHECK(it != open_.end() && !it->second.empty(), where(),
             "Entity= closes chain " + chain + " that is not open");
    docs_.back().mentions.push_back({it->second.back(), token, chain});
    it->second.pop_back();
  }

  void finishSentence() {
    if (sentence_.empty()) return;
    Document& doc = docs_.back();
    size_t base = sentence_.front();
    for (size_t t : sentence_)
      if (doc.tokens[t].head >= 0) doc.tokens[t].head += static_cast<int>(base);
    if (!doc.text.empty() && doc.text.back() == ' ') doc.text.back() = '\n';
    sentence_.clear();
    ++sentences_;
  }

  void finishDocument() {
    finishSentence();
    for (const auto& [chain, opened] : open_)
      NG_CHECK(opened.empty(), where(), "Entity= chain " + chain + " is never closed");
    open_.clear();
    sentences_ = 0;
  }

  std::string path_;
  size_t lineNo_ = 0;
  uint32_t sentences_ = 0;
  std::vector<Document> docs_;
  std::vector<size_t> sentence_;
  std::map<std::string, std::vector<size_t>> open_;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The mention as the resolver sees it: the head is the token whose head lies outside the span.
resolve::CorefMention describe(const Document& doc, const GoldMention& g,
                               const std::vector<mention::Mention>& named,
                               const std::vector<char>& quoted) {
  size_t head = g.first;
  for (size_t t = g.first; t <= g.last; ++t) {
    int h = doc.tokens[t].head;
    if (h < 0 || static_cast<size_t>(h) < g.first || static_cast<size_t>(h) > g.last) {
      head = t;
      break;
    }
  }
  const Token& h = doc.tokens[head];
  resolve::CorefMention m;
  m.sentence = h.sentence;
  m.position = static_cast<uint32_t>(g.first);
  m.head = lower(h.form);
  m.form = g.first == g.last && h.upos == "PRON" ? resolve::MentionForm::Pronoun
           : h.upos == "PROPN"                   ? resolve::MentionForm::Name
                                                 : resolve::MentionForm::Description;
  for (size_t t = g.first; t <= g.last; ++t) {
    const std::string& u = doc.tokens[t].upos;
    if (u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM") m.words.push_back(lower(doc.tokens[t].form));
  }
  if (m.form == resolve::MentionForm::Pronoun) m.words = {m.head};
  m.plural = h.xpos == "NNS" || h.xpos == "NNPS";
  m.subject = h.deprel.rfind("nsubj", 0) == 0;
  m.possessive = h.deprel == "nmod:poss";
  m.quoted = quoted[head];
  for (const mention::Mention& n : named)
    if (n.span.begin <= h.bytes.begin && h.bytes.end <= n.span.end) m.type = n.type;
  return m;
}

CorefChains chainsOf(const std::vector<int>& ids) {
  std::map<int, std::vector<int>> by;
  for (size_t i = 0; i < ids.size(); ++i) by[ids[i]].push_back(static_cast<int>(i));
  CorefChains out;
  for (auto& [_, chain] : by)
    if (chain.size() > 1) out.push_back(std::move(chain));
  return out;
}

}  // namespace

CorefReport evaluateCoreference(const std::string& conlluPath) {
  std::vector<Document> docs = Reader(conlluPath).read();
  const mention::Lexicon& lexicon = mention::Lexicon::standard();
  mention::MentionFinder finder(lexicon, &tagger::Tagger::standard());
  CorefScorer scorer;
  size_t mentions = 0, keyChains = 0, responseChains = 0;
  for (Document& doc : docs) {
    if (doc.tokens.empty()) continue;
    std::sort(doc.mentions.begin(), doc.mentions.end(), [](const GoldMention& a, const GoldMention& b) {
      return std::tie(a.first, b.last) < std::tie(b.first, a.last);
    });
    text::Segmentation seg =
        text::segment(doc.text, {Span{0, static_cast<uint32_t>(doc.text.size())}});
    std::vector<mention::Mention> named = finder.find(doc.text, seg);
    std::vector<char> quoted(doc.tokens.size());
    bool inside = false;
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      const std::string& f = doc.tokens[t].form;
      if (t > 0 && doc.tokens[t].sentence != doc.tokens[t - 1].sentence) inside = false;
      if (f == "\"" || f == "\u201c" || f == "\u201d") inside = f == "\u201d" ? false : f == "\u201c" ? true : !inside;
      quoted[t] = inside;
    }
    std::vector<resolve::CorefMention> described;
    std::map<std::string, std::vector<int>> key;
    for (size_t i = 0; i < doc.mentions.size(); ++i) {
      described.push_back(describe(doc, doc.mentions[i], named, quoted));
      key[doc.mentions[i].chain].push_back(static_cast<int>(i));
    }
    CorefChains keyChainsOfDoc;
    for (auto& [_, chain] : key)
      if (chain.size() > 1) keyChainsOfDoc.push_back(std::move(chain));
    CorefChains response = chainsOf(resolve::resolveCoreference(described));
    mentions += doc.mentions.size();
    keyChains += keyChainsOfDoc.size();
    responseChains += response.size();
    scorer.add(keyChainsOfDoc, response);
  }
  CorefReport report = scorer.report();
  report.mentions = mentions;
  report.keyChains = keyChains;
  report.responseChains = responseChains;
  return report;
}

std::string formatCorefText(const CorefReport& r) {
  auto line = [](const char* name, const CorefScore& s) {
    return fmt::format("{:<7} R {:.4f}  P {:.4f}  F1 {:.4f}\n", name, s.recall, s.precision, s.f1);
  };
  return fmt::format("{} documents, {} mentions (gold boundaries), {} key chains, {} response "
                     "chains (singletons left out)\n",
                     r.documents, r.mentions, r.keyChains, r.responseChains) +
         line("MUC", r.muc) + line("B3", r.b3) + line("CEAF-e", r.ceafe) +
         fmt::format("CoNLL F1 {:.2f}\n", r.conll * 100);
}

}  // namespace newsgraph::eval
