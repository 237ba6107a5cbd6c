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

void appendInteger(std::string& out, size_t value) {
  char text[24];
  out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

void appendField(std::string& out, const char* name) {
  out += '"';
  out += name;
  out += "\":";
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
    out += '[';
    for (auto it = index_.begin(); it != index_.end(); ++it) {
      if (it != index_.begin()) out += ',';
      appendScriptJson(out, it->first);
    }
    out += ']';
  }

 private:
  std::map<std::string, size_t> index_;
};

void appendId(std::string& out, long long id) {
  if (id < 0) {
    out += "-1";
  } else {
    appendInteger(out, static_cast<size_t>(id));
  }
}

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
                  return g[a].negated < g[b].negated;
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
    appendField(out, "title");
    appendScriptJson(out, options.title);
    out += ',';
    appendField(out, "start");
    appendInteger(out, options.maxNodes);
    out += ',';
    appendField(out, "cooccurrencesLeftOut");
    appendInteger(out, cooccurrencesLeftOut_);
    out += ',';
    appendField(out, "types");
    out += '[';
    for (int t = 0; t < kEntityTypeCount; ++t) {
      if (t) out += ',';
      appendScriptJson(out, toString(static_cast<EntityType>(t)));
    }
    out += "],\n";
    writeRelations(out);
    appendField(out, "dates");
    dates_.appendList(out);
    out += ",\n";
    appendField(out, "documents");
    documents_.appendList(out);
    out += ",\n";
    writeSentences(out);
    writeNodes(out);
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
    appendField(out, "relations");
    out += '[';
    for (size_t i = 0; i < byId.size(); ++i) {
      out += i ? ",\n" : "\n";
      out += '{';
      appendField(out, "name");
      appendScriptJson(out, *byId[i]);
      out += ',';
      appendField(out, "label");
      appendScriptJson(out, ontology.label(*byId[i]));
      out += ',';
      appendField(out, "symmetric");
      out += *byId[i] == Ontology::kCooccurs || ontology.symmetric(*byId[i]) ? "true" : "false";
      out += '}';
    }
    out += "],\n";
  }

  void writeSentences(std::string& out) const {
    std::vector<const std::string*> byId(sentences_.size());
    for (const auto& [text, id] : sentences_) byId[id] = &text;
    appendField(out, "sentences");
    out += '[';
    for (size_t i = 0; i < byId.size(); ++i) {
      out += i ? ",\n" : "\n";
      appendScriptJson(out, *byId[i]);
    }
    out += "],\n";
  }

  void writeNodes(std::string& out) const {
    appendField(out, "nodes");
    out += '[';
    for (size_t i = 0; i < kept_.size(); ++i) {
      const graph::EntityProps& e = g_[kept_[i]];
      out += i ? ",\n{" : "\n{";
      appendField(out, "id");
      appendScriptJson(out, e.key);
      out += ',';
      appendField(out, "label");
      appendScriptJson(out, e.label);
      out += ',';
      appendField(out, "type");
      appendInteger(out, static_cast<size_t>(e.type));
      out += ',';
      appendField(out, "aliases");
      out += '[';
      for (auto it = e.aliases.begin(); it != e.aliases.end(); ++it) {
        if (it != e.aliases.begin()) out += ',';
        appendScriptJson(out, *it);
      }
      out += "],";
      appendField(out, "mentions");
      appendInteger(out, static_cast<size_t>(std::max(e.mentions, 0)));
      out += ',';
      appendField(out, "documents");
      appendInteger(out, e.documents.size());
      out += ',';
      appendField(out, "first");
      appendScriptJson(out, e.first_seen);
      out += ',';
      appendField(out, "last");
      appendScriptJson(out, e.last_seen);
      out += '}';
    }
    out += "],\n";
  }

  void writeEdges(std::string& out) const {
    appendField(out, "edges");
    out += '[';
    for (size_t i = 0; i < edges_.size(); ++i) {
      graph::Edge e = edges_[i];
      const graph::RelationProps& r = g_[e];
      out += i ? ",\n{" : "\n{";
      appendField(out, "s");
      appendInteger(out, rank_[source(e, g_)]);
      out += ',';
      appendField(out, "t");
      appendInteger(out, rank_[target(e, g_)]);
      out += ',';
      appendField(out, "r");
      appendInteger(out, relations_.at(r.relation));
      out += ',';
      appendField(out, "negated");
      out += r.negated ? "true," : "false,";
      appendField(out, "weight");
      appendNumber(out, r.weight);
      out += ',';
      appendField(out, "confidence");
      appendNumber(out, r.confidence);
      out += ',';
      appendField(out, "documents");
      appendInteger(out, r.documents.size());
      out += ',';
      appendField(out, "date");
      appendId(out, dates_.id(r.date));
      out += ',';
      // [document, date, sentence] indices; -1 for an unknown document or date.
      appendField(out, "evidence");
      out += '[';
      for (size_t k = 0; k < r.evidence.size(); ++k) {
        const graph::Evidence& ev = r.evidence[k];
        out += k ? ",[" : "[";
        appendId(out, documents_.id(ev.document));
        out += ',';
        appendId(out, dates_.id(ev.date));
        out += ',';
        appendInteger(out, sentences_.at(ev.sentence));
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
