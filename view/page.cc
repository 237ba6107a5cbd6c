// The page: the template with its slots filled, the graph as one JSON object with documents,
// dates and sentences listed once and referred to by index (co-occurrence and typed edges
// of one sentence share it, so a sentence is written once).
#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "view/page.h"
#include "view/view.h"

namespace newsgraph::view {
namespace {

void appendNumber(std::string& out, double value) {
  char text[32];
  // Six significant digits: weights are counts, and a float confidence (0.8500000238) reads
  // as the 0.85 it was.
  char* end = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 6).ptr;
  out.append(text, end);
}

// The members of one JSON object, each written with the separator before it:
//   Members(out).text("id", key).integer("type", 2);   ->   "id":"russia","type":2
class Members {
 public:
  explicit Members(std::string& out) : out_(out) {}
  // The name only; the caller writes the value.
  Members& name(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return *this;
  }
  Members& text(const char* n, std::string_view value) {
    appendScriptJson(name(n).out_, value);
    return *this;
  }
  Members& integer(const char* n, long long value) {
    char digits[24];
    name(n).out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    return *this;
  }
  Members& number(const char* n, double value) {
    appendNumber(name(n).out_, value);
    return *this;
  }
  Members& boolean(const char* n, bool value) {
    name(n).out_ += value ? "true" : "false";
    return *this;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

template <typename Strings>
void appendStrings(std::string& out, const Strings& items) {
  out += '[';
  for (auto it = items.begin(); it != items.end(); ++it) {
    if (it != items.begin()) out += ',';
    appendScriptJson(out, *it);
  }
  out += ']';
}

// Small integers for strings that repeat: ids in first-use order, or in sorted order
// once freeze() has run.
class Interned {
 public:
  void add(const std::string& text) {
    if (!text.empty()) index_.emplace(text, 0);
  }
  // Sorted order for the lists a reader scans (dates for the slider, documents).
  void freeze() {
    size_t i = 0;
    for (auto& [text, id] : index_) id = i++;
  }
  // -1 for "", which stands for unknown.
  long long id(const std::string& text) const {
    return text.empty() ? -1 : static_cast<long long>(index_.at(text));
  }
  void appendList(std::string& out) const {
    std::vector<std::string_view> texts;
    for (const auto& entry : index_) texts.push_back(entry.first);
    appendStrings(out, texts);
  }

 private:
  std::map<std::string, size_t> index_;
};

bool isCooccurrence(const graph::RelationProps& r) { return r.relation == Ontology::kCooccurs; }

// The kept vertices in key order: the entities with most typed relations, then most
// co-occurrences, then most mentions. Typed relations first, as the page shows them first:
// in a news archive the entities named beside the most others are rarely those that do most.
std::vector<graph::Vertex> keptVertices(const graph::Graph& g, size_t count) {
  struct Rank {
    size_t typed = 0, cooccurring = 0;
  };
  std::vector<Rank> rank(num_vertices(g));
  for (auto e : boost::make_iterator_range(edges(g))) {
    bool typed = !isCooccurrence(g[e]);
    for (graph::Vertex v : {source(e, g), target(e, g)}) ++(typed ? rank[v].typed : rank[v].cooccurring);
  }
  std::vector<graph::Vertex> ranked(vertices(g).first, vertices(g).second);
  std::sort(ranked.begin(), ranked.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (rank[a].typed != rank[b].typed) return rank[a].typed > rank[b].typed;
    if (rank[a].cooccurring != rank[b].cooccurring) return rank[a].cooccurring > rank[b].cooccurring;
    if (g[a].mentions != g[b].mentions) return g[a].mentions > g[b].mentions;
    return g[a].key < g[b].key;
  });
  ranked.resize(std::min(ranked.size(), count));
  std::sort(ranked.begin(), ranked.end(),
            [&](graph::Vertex a, graph::Vertex b) { return g[a].key < g[b].key; });
  return ranked;
}

class DataWriter {
 public:
  DataWriter(const graph::Graph& g, const std::vector<graph::Vertex>& kept) : g_(g) {
    rank_.assign(num_vertices(g), kNotKept);
    for (size_t i = 0; i < kept.size(); ++i) rank_[kept[i]] = i;
    std::unordered_set<const graph::RelationProps*> cooccurrences = heaviestCooccurrences(kept);
    for (graph::Vertex v : kept) {
      size_t first = edges_.size();
      for (auto e : boost::make_iterator_range(out_edges(v, g)))
        if (rank_[target(e, g)] != kNotKept && (!isCooccurrence(g[e]) || cooccurrences.count(&g[e])))
          edges_.push_back(e);
      std::sort(edges_.begin() + static_cast<std::ptrdiff_t>(first), edges_.end(),
                [&](graph::Edge a, graph::Edge b) {
                  size_t ta = rank_[target(a, g)], tb = rank_[target(b, g)];
                  if (ta != tb) return ta < tb;
                  if (int c = g[a].relation.compare(g[b].relation)) return c < 0;
                  if (g[a].negated != g[b].negated) return g[a].negated < g[b].negated;
                  return g[a].modality < g[b].modality;
                });
    }
    for (graph::Edge e : edges_) {
      const graph::RelationProps& r = g[e];
      relations_.emplace(r.relation, 0);
      dates_.add(r.date);
      for (const graph::Evidence& ev : r.evidence) {
        documents_.add(ev.document);
        dates_.add(ev.date);
        sentences_.emplace(ev.sentence, sentences_.size());
      }
    }
    documents_.freeze();
    dates_.freeze();
    // Relations by name, CO_OCCURS last: the order of the legend and the filter.
    size_t i = 0;
    for (auto& [name, id] : relations_)
      if (name != Ontology::kCooccurs) id = i++;
    if (auto it = relations_.find(std::string(Ontology::kCooccurs)); it != relations_.end())
      it->second = i;
    kept_ = kept;
  }

  void write(std::string& out, const PageOptions& options) const {
    out += '{';
    Members members(out);
    members.text("title", options.title)
        .integer("start", static_cast<long long>(options.maxNodes))
        .integer("cooccurrencesLeftOut", static_cast<long long>(cooccurrencesLeftOut_))
        .name("types");
    std::vector<std::string_view> types;
    for (int t = 0; t < kEntityTypeCount; ++t) types.push_back(toString(static_cast<EntityType>(t)));
    appendStrings(out, types);
    members.name("relations");
    writeRelations(out);
    members.name("dates");
    dates_.appendList(out);
    members.name("documents");
    documents_.appendList(out);
    members.name("sentences");
    std::vector<const std::string*> sentences(sentences_.size());
    for (const auto& [text, id] : sentences_) sentences[id] = &text;
    out += '[';
    for (size_t i = 0; i < sentences.size(); ++i) {
      out += i ? ",\n" : "\n";
      appendScriptJson(out, *sentences[i]);
    }
    out += ']';
    members.name("nodes");
    writeNodes(out);
    members.name("edges");
    writeEdges(out);
    out += "}";
  }

 private:
  static constexpr size_t kNotKept = static_cast<size_t>(-1);

  // The co-occurrence edges between kept entities, the heaviest first, at most
  // kCooccurrencesPerEntity per entity kept: in a news archive they outnumber typed edges
  // fifteen to one and would make most of the page.
  std::unordered_set<const graph::RelationProps*> heaviestCooccurrences(
      const std::vector<graph::Vertex>& kept) {
    std::vector<graph::Edge> all;
    for (graph::Vertex v : kept)
      for (auto e : boost::make_iterator_range(out_edges(v, g_)))
        if (rank_[target(e, g_)] != kNotKept && isCooccurrence(g_[e])) all.push_back(e);
    size_t limit = PageOptions::kCooccurrencesPerEntity * kept.size();
    if (all.size() > limit) {
      // all is in (source key, target key) order already: a stable sort keeps ties so.
      std::stable_sort(all.begin(), all.end(), [&](graph::Edge a, graph::Edge b) {
        return g_[a].weight > g_[b].weight;
      });
      cooccurrencesLeftOut_ = all.size() - limit;
      all.resize(limit);
    }
    std::unordered_set<const graph::RelationProps*> out;
    for (graph::Edge e : all) out.insert(&g_[e]);
    return out;
  }

  void writeRelations(std::string& out) const {
    std::vector<const std::string*> byId(relations_.size());
    for (const auto& [name, id] : relations_) byId[id] = &name;
    const Ontology& ontology = Ontology::standard();
    out += '[';
    for (size_t i = 0; i < byId.size(); ++i) {
      const std::string& name = *byId[i];
      out += i ? ",\n{" : "\n{";
      Members(out).text("name", name).text("label", ontology.label(name))
          .boolean("symmetric", name == Ontology::kCooccurs || ontology.symmetric(name));
      out += '}';
    }
    out += "]\n";
  }

  void writeNodes(std::string& out) const {
    out += '[';
    for (size_t i = 0; i < kept_.size(); ++i) {
      const graph::EntityProps& e = g_[kept_[i]];
      out += i ? ",\n{" : "\n{";
      Members node(out);
      node.text("id", e.key).text("label", e.label).integer("type", static_cast<int>(e.type))
          .name("aliases");
      appendStrings(out, e.aliases);
      node.integer("mentions", e.mentions)
          .integer("documents", static_cast<long long>(e.documents.size()))
          .text("first", e.first_seen)
          .text("last", e.last_seen);
      out += '}';
    }
    out += "]\n";
  }

  void writeEdges(std::string& out) const {
    out += '[';
    for (size_t i = 0; i < edges_.size(); ++i) {
      graph::Edge e = edges_[i];
      const graph::RelationProps& r = g_[e];
      out += i ? ",\n{" : "\n{";
      Members edge(out);
      edge.integer("s", static_cast<long long>(rank_[source(e, g_)]))
          .integer("t", static_cast<long long>(rank_[target(e, g_)]))
          .integer("r", static_cast<long long>(relations_.at(r.relation)))
          .boolean("negated", r.negated)
          .text("modality", toString(r.modality))
          .number("weight", r.weight)
          .number("confidence", r.confidence)
          .integer("documents", static_cast<long long>(r.documents.size()))
          .integer("date", dates_.id(r.date))
          .name("evidence");
      // [document, date, sentence] indices; -1 for an unknown document or date.
      out += '[';
      for (size_t k = 0; k < r.evidence.size(); ++k) {
        const graph::Evidence& ev = r.evidence[k];
        out += k ? ",[" : "[";
        out += std::to_string(documents_.id(ev.document));
        out += ',';
        out += std::to_string(dates_.id(ev.date));
        out += ',';
        out += std::to_string(sentences_.at(ev.sentence));
        out += ']';
      }
      out += "]}";
    }
    out += "]\n";
  }

  const graph::Graph& g_;
  std::vector<graph::Vertex> kept_;
  std::vector<size_t> rank_;  // vertex -> index in kept_, or kNotKept
  std::vector<graph::Edge> edges_;
  std::map<std::string, size_t> relations_;
  Interned documents_, dates_;
  size_t cooccurrencesLeftOut_ = 0;
  std::unordered_map<std::string, size_t> sentences_;  // sentence -> id in first-use order
};

}  // namespace

void checkTemplate(std::string_view page, const std::string& where) {
  for (std::string_view slot : kSlots) {
    size_t first = page.find(slot);
    NG_CHECK(first != std::string_view::npos, where, "no " + std::string(slot) + " slot");
    NG_CHECK(page.find(slot, first + 1) == std::string_view::npos, where,
             std::string(slot) + " appears more than once");
  }
}

void appendScriptJson(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // JavaScript line terminators
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void appendHtml(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

void writePage(const graph::KnowledgeGraph& kg, const PageAssets& assets,
               const PageOptions& options, std::ostream& out) {
  const graph::Graph& g = kg.graph();
  std::vector<graph::Vertex> kept = keptVertices(g, options.maxNodes * PageOptions::kEmbedFactor);
  std::string data;
  DataWriter(g, kept).write(data, options);
  std::string title;
  appendHtml(title, options.title);
  const std::string* fills[] = {&title, &assets.style, &data, &assets.d3, &assets.script};
  // The template's text between slots, in the order the slots appear.
  std::string_view page = assets.page;
  for (size_t at = 0;;) {
    size_t next = std::string_view::npos, which = 0;
    for (size_t s = 0; s < std::size(kSlots); ++s) {
      size_t found = page.find(kSlots[s], at);
      if (found < next) next = found, which = s;
    }
    if (next == std::string_view::npos) {
      out << page.substr(at);
      break;
    }
    out << page.substr(at, next - at) << *fills[which];
    at = next + kSlots[which].size();
  }
}

}  // namespace newsgraph::view
