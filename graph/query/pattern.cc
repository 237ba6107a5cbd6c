// The pattern language of docs/query.md: parser with column-exact errors, and matcher.
#include <algorithm>
#include <cctype>

#include "graph/query/query.h"

namespace newsgraph::query {
namespace {

bool startsWith(std::string_view text, size_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Pattern parse() {
    Pattern p;
    p.subject = term(true);
    bool reverse = link(p);
    p.object = term(false);
    skipSpaces();
    if (pos_ < text_.size()) fail(pos_, "unexpected text after the pattern");
    if (reverse) std::swap(p.subject, p.object);
    return p;
  }

 private:
  // Columns count characters, not bytes, so that the caret sits under "Erdoğan"'s letters.
  [[noreturn]] void fail(size_t pos, const std::string& message) const {
    size_t column = 1;
    for (size_t i = 0; i < pos && i < text_.size(); ++i)
      column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    throw ParseError(std::string(text_), column, message, __FILE__, __LINE__);
  }

  void skipSpaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool atLink() const {
    return startsWith(text_, pos_, "-[") || startsWith(text_, pos_, "<-") ||
           startsWith(text_, pos_, "--");
  }

  Term term(bool subject) {
    skipSpaces();
    Term t;
    if (pos_ >= text_.size() || (subject && atLink()))
      fail(pos_, "expected an entity name or a ?variable");
    if (text_[pos_] == '?') {
      size_t start = ++pos_;
      while (pos_ < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
        ++pos_;
      if (pos_ == start) fail(start, "expected a variable name after '?'");
      t.variable = true;
      t.name = text_.substr(start, pos_ - start);
    } else if (text_[pos_] == '"') {
      size_t open = pos_++;
      size_t close = text_.find('"', pos_);
      if (close == std::string_view::npos) fail(open, "unterminated quoted name");
      t.name = text_.substr(pos_, close - pos_);
      pos_ = close + 1;
    } else {
      size_t start = pos_;
      while (pos_ < text_.size() && !(subject && atLink())) ++pos_;
      size_t end = pos_;
      while (end > start && std::isspace(static_cast<unsigned char>(text_[end - 1]))) --end;
      t.name = text_.substr(start, end - start);
    }
    if (t.name.empty()) fail(pos_, "expected an entity name or a ?variable");
    return t;
  }

  void expect(char c, const char* what) {
    if (pos_ >= text_.size() || text_[pos_] != c) fail(pos_, std::string("expected ") + what);
    ++pos_;
  }

  // Returns true for a reverse link (<-[...]-).
  bool link(Pattern& p) {
    skipSpaces();
    bool reverse = startsWith(text_, pos_, "<-");
    if (!reverse && !startsWith(text_, pos_, "-"))
      fail(pos_, "expected a relation such as -[HOSTS]->, <-[HOSTS]- or -[MEETS]-");
    pos_ += reverse ? 2 : 1;
    if (startsWith(text_, pos_, "-")) {  // -->, --, <--
      ++pos_;
    } else {
      expect('[', "'[' to open the relation list");
      relations(p);
      expect(']', "']' to close the relation list, or '|' between relations");
      expect('-', "'-' after ']'");
    }
    if (startsWith(text_, pos_, ">")) {
      if (reverse) fail(pos_, "a relation cannot point both ways (<-...->)");
      ++pos_;
    } else if (!reverse) {
      p.direction = Pattern::Direction::Either;
    }
    return reverse;
  }

  void relations(Pattern& p) {
    skipSpaces();
    if (startsWith(text_, pos_, "*")) {
      ++pos_;
      skipSpaces();
      return;
    }
    if (startsWith(text_, pos_, "!")) {
      p.negated = true;
      ++pos_;
    }
    while (true) {
      skipSpaces();
      size_t start = pos_;
      while (pos_ < text_.size() &&
             (std::isalpha(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
        ++pos_;
      if (pos_ == start) fail(start, "expected a relation name such as HOSTS");
      std::string name(text_.substr(start, pos_ - start));
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      checkRelation(name, start);
      p.relations.push_back(name);
      skipSpaces();
      if (!startsWith(text_, pos_, "|")) return;
      ++pos_;
    }
  }

  void checkRelation(const std::string& name, size_t column) const {
    const Ontology& ontology = Ontology::standard();
    if (name == Ontology::kCooccurs || ontology.find(name)) return;
    // Suggest the relation sharing the longest prefix, the usual slip being HOST/HOSTS.
    std::string best;
    size_t bestShared = 0;
    for (const RelationInfo& info : ontology.relations()) {
      size_t shared = 0;
      while (shared < name.size() && shared < info.name.size() &&
             name[shared] == info.name[shared])
        ++shared;
      if (shared > bestShared) {
        bestShared = shared;
        best = info.name;
      }
    }
    fail(column, "unknown relation '" + name + "'" +
                     (bestShared >= 3 ? "; did you mean " + best + "?" : ""));
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

ParseError::ParseError(const std::string& text, size_t column, const std::string& message,
                       const char* file, int line)
    : Error("column " + std::to_string(column) + ": " + message, "query", file, line),
      text_(text),
      column_(column) {}

std::string ParseError::caret() const {
  return "  " + text_ + "\n  " + std::string(column_ - 1, ' ') + "^";
}

Pattern parsePattern(std::string_view text) { return Parser(text).parse(); }

std::vector<graph::Edge> match(const graph::KnowledgeGraph& kg, const Resolver& names,
                               const Pattern& pattern) {
  const graph::Graph& g = kg.graph();
  const Ontology& ontology = Ontology::standard();
  std::optional<graph::Vertex> subject, object;
  if (!pattern.subject.variable) subject = names.resolve(pattern.subject.name);
  if (!pattern.object.variable) object = names.resolve(pattern.object.name);
  bool sameVariable = pattern.subject.variable && pattern.object.variable &&
                      pattern.subject.name == pattern.object.name;

  auto fits = [&](graph::Vertex s, graph::Vertex o) {
    return (!subject || s == *subject) && (!object || o == *object) && (!sameVariable || s == o);
  };
  auto accept = [&](graph::Edge e) {
    const graph::RelationProps& r = g[e];
    if (r.negated != pattern.negated) return false;
    bool named = pattern.relations.empty()
                     ? r.relation != Ontology::kCooccurs
                     : std::find(pattern.relations.begin(), pattern.relations.end(),
                                 r.relation) != pattern.relations.end();
    if (!named) return false;
    graph::Vertex s = source(e, g), o = target(e, g);
    bool eitherWay =
        pattern.direction == Pattern::Direction::Either || ontology.symmetric(r.relation);
    return fits(s, o) || (eitherWay && fits(o, s));
  };

  std::vector<graph::Edge> found;
  auto consider = [&](graph::Edge e) {
    if (accept(e)) found.push_back(e);
  };
  if (subject || object) {
    graph::Vertex anchor = subject ? *subject : *object;
    for (auto e : boost::make_iterator_range(out_edges(anchor, g))) consider(e);
    for (auto e : boost::make_iterator_range(in_edges(anchor, g)))
      if (source(e, g) != anchor) consider(e);
  } else {
    for (auto e : boost::make_iterator_range(edges(g))) consider(e);
  }
  auto key = [&](graph::Edge e) {
    return std::make_tuple(std::cref(g[source(e, g)].key), std::cref(g[target(e, g)].key),
                           std::cref(g[e].relation), g[e].negated, g[e].modality);
  };
  std::sort(found.begin(), found.end(), [&](graph::Edge a, graph::Edge b) { return key(a) < key(b); });
  return found;
}

}  // namespace newsgraph::query
