#include <charconv>
#include <ostream>

#include "extract/syntax/syntax.h"

namespace newsgraph::syntax {

namespace {

bool parseNumber(std::string_view s, uint32_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

// The sentence as one line: whitespace runs collapsed to one space.
void writeCollapsed(std::string_view s, std::ostream& out) {
  bool space = false, any = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = any;
      continue;
    }
    if (space) out << ' ';
    space = false;
    any = true;
    out << c;
  }
}

}  // namespace

std::vector<TreebankSentence> parseConllu(std::string_view text, const std::string& where) {
  std::vector<TreebankSentence> sentences;
  TreebankSentence current;
  size_t lineNumber = 0;
  auto flush = [&] {
    if (!current.words.empty()) sentences.push_back(std::move(current));
    current = TreebankSentence{};
  };
  std::string_view columns[10];
  while (!text.empty()) {
    const size_t eol = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      constexpr std::string_view kText = "# text = ";
      if (line.substr(0, kText.size()) == kText) current.text = line.substr(kText.size());
      continue;
    }
    const std::string at = where + ":" + std::to_string(lineNumber);
    int count = 0;
    for (size_t start = 0;; ++count) {
      const size_t tab = line.find('\t', start);
      if (count < 10) columns[count] = line.substr(start, tab - start);  // npos: to the end
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    ++count;
    NG_CHECK(count == 10, at, "expected 10 tab-separated columns, found " + std::to_string(count));
    uint32_t id = 0;
    if (columns[0].find_first_of("-.") != std::string_view::npos) continue;  // range, empty node
    NG_CHECK(parseNumber(columns[0], &id) && id == current.words.size() + 1, at,
             "bad word ID '" + std::string(columns[0]) + "'");
    TreebankWord w;
    w.form = columns[1];
    w.lemma = columns[2];
    w.upos = columns[3];
    w.xpos = columns[4];
    NG_CHECK(parseNumber(columns[6], &w.head), at, "bad HEAD '" + std::string(columns[6]) + "'");
    w.deprel = columns[7];
    w.misc = columns[9];
    current.words.push_back(std::move(w));
  }
  flush();
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const TreebankWord& w : sentences[s].words) {
      NG_CHECK(w.head <= sentences[s].words.size(), where,
               "HEAD out of range in sentence " + std::to_string(s + 1));
    }
  }
  return sentences;
}

std::vector<TreebankSentence> readConllu(const std::string& path) {
  return parseConllu(readFile(path), path);
}

void writeConllu(std::string_view docId, std::string_view text, const text::Segmentation& seg,
                 const SyntaxModel& model, std::ostream& out) {
  std::vector<std::string_view> words;
  SentenceParse parse;
  out << "# newdoc id = " << docId << '\n';
  for (size_t s = 0; s < seg.sentences.size(); ++s) {
    const text::Sentence& sentence = seg.sentences[s];
    words.clear();
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      words.push_back(seg.tokens[t].text);
    }
    model.analyze(words, &parse);
    out << "# sent_id = " << docId << '#' << s + 1 << '\n' << "# text = ";
    writeCollapsed(text.substr(sentence.span.begin, sentence.span.size()), out);
    out << '\n';
    for (size_t i = 0; i < parse.words.size(); ++i) {
      const text::Token& token = seg.tokens[sentence.first_token + i];
      const WordAnalysis& w = parse.words[i];
      out << i + 1 << '\t' << token.text << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos
          << "\t_\t" << w.head << '\t' << w.deprel << "\t_\tTokenRange=" << token.span.begin << ':'
          << token.span.end;
      const size_t next = sentence.first_token + i + 1;
      if (next < seg.tokens.size() && !seg.tokens[next].spaceBefore) out << "|SpaceAfter=No";
      out << '\n';
    }
    out << '\n';
  }
}

}  // namespace newsgraph::syntax
