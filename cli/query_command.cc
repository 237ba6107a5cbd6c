// `newsgraph query`: neighbours, relations between two entities, paths and patterns over a
// stored graph, printed as an aligned table, JSON, CSV or DOT.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "cli/filter_options.h"
#include "cli/store_commands.h"
#include "export/export.h"
#include "graph/store/store.h"

namespace newsgraph::cli {
namespace {

struct QueryOptions {
  std::string store, pattern, neighbors;
  std::vector<std::string> between, path;
  FilterOptions filter;
  bool evidence = false, json = false, csv = false, dot = false;
};

// Text from articles as a terminal may show it: control characters (ESC starts the
// sequences that move the cursor or retitle the window) become '?'.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
              static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1) {
      out += '?';
      i += c1;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

size_t displayWidth(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xc0) != 0x80;
  return width;
}

std::string relationText(const graph::RelationProps& r) {
  std::string text = (r.negated ? "not " : "") + r.relation;
  if (r.modality != Modality::Asserted) text.append(" (").append(toString(r.modality)).append(")");
  return text;
}

std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + '"';
}

std::string csvField(std::string_view text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

void printTable(const graph::Graph& g, const std::vector<graph::Edge>& edges, bool evidence,
                std::ostream& out) {
  std::vector<std::array<std::string, 6>> rows = {
      {"SUBJECT", "RELATION", "OBJECT", "WEIGHT", "DATE", "DOCUMENTS"}};
  for (graph::Edge e : edges) {
    const graph::RelationProps& r = g[e];
    rows.push_back({printable(g[source(e, g)].label), printable(relationText(r)),
                    printable(g[target(e, g)].label), fmt::format("{:g}", r.weight),
                    r.date.empty() ? "-" : printable(r.date),
                    std::to_string(r.documents.size())});
  }
  std::array<size_t, 6> width{};
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], displayWidth(row[c]));
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string line;
    for (size_t c = 0; c < rows[i].size(); ++c) {
      line += rows[i][c];
      if (c + 1 < rows[i].size()) line += std::string(width[c] - displayWidth(rows[i][c]) + 2, ' ');
    }
    out << line << '\n';
    if (evidence && i > 0)
      for (const graph::Evidence& ev : g[edges[i - 1]].evidence)
        out << "    [" << printable(ev.document) << (ev.date.empty() ? "" : ", " + printable(ev.date))
            << "] " << printable(ev.sentence) << '\n';
  }
}

void printJson(const graph::Graph& g, const std::vector<graph::Edge>& edges, bool evidence,
               std::ostream& out) {
  out << "[";
  for (size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationProps& r = g[edges[i]];
    out << (i ? ",\n " : "\n ") << "{\"subject\": " << jsonString(g[source(edges[i], g)].label)
        << ", \"relation\": " << jsonString(r.relation)
        << ", \"object\": " << jsonString(g[target(edges[i], g)].label)
        << ", \"negated\": " << (r.negated ? "true" : "false")
        << ", \"modality\": " << jsonString(toString(r.modality)) << ", \"weight\": " << r.weight
        << ", \"confidence\": " << r.confidence << ", \"date\": " << jsonString(r.date)
        << ", \"documents\": " << jsonString(joined(r.documents));
    if (evidence) {
      out << ", \"evidence\": [";
      for (size_t k = 0; k < r.evidence.size(); ++k)
        out << (k ? ", " : "") << "{\"document\": " << jsonString(r.evidence[k].document)
            << ", \"date\": " << jsonString(r.evidence[k].date)
            << ", \"sentence\": " << jsonString(r.evidence[k].sentence) << "}";
      out << "]";
    }
    out << "}";
  }
  out << (edges.empty() ? "]\n" : "\n]\n");
}

void printCsv(const graph::Graph& g, const std::vector<graph::Edge>& edges, bool evidence,
              std::ostream& out) {
  out << "subject,relation,object,negated,modality,weight,confidence,date,documents"
      << (evidence ? ",evidence" : "") << "\n";
  for (graph::Edge e : edges) {
    const graph::RelationProps& r = g[e];
    out << csvField(g[source(e, g)].label) << ',' << r.relation << ','
        << csvField(g[target(e, g)].label) << ',' << (r.negated ? "true" : "false") << ','
        << toString(r.modality) << ','
        << r.weight << ',' << r.confidence << ',' << r.date << ',' << csvField(joined(r.documents));
    if (evidence) {
      std::string sentences;
      for (const graph::Evidence& ev : r.evidence) sentences += (sentences.empty() ? "" : " | ") + ev.sentence;
      out << ',' << csvField(sentences);
    }
    out << '\n';
  }
}

int runQuery(const QueryOptions& o) {
  int forms = !o.pattern.empty() + !o.neighbors.empty() + !o.between.empty() + !o.path.empty();
  NG_CHECK(forms == 1, "", "give exactly one of PATTERN, --neighbors, --between, --path");
  NG_CHECK(o.json + o.csv + o.dot <= 1, "", "give at most one of --json, --csv, --dot");
  query::Pattern pattern;
  if (!o.pattern.empty()) {
    try {
      pattern = query::parsePattern(o.pattern);
    } catch (const query::ParseError& e) {
      std::cerr << "newsgraph: error: " << e.oneLine() << '\n' << e.caret() << '\n';
      return 1;
    }
  }
  graph::KnowledgeGraph kg = filtered(store::Store::open(o.store).load(), o.filter);
  query::Resolver names(kg);
  std::vector<graph::Edge> edges;
  if (!o.pattern.empty()) {
    edges = query::match(kg, names, pattern);
  } else if (!o.neighbors.empty()) {
    edges = query::neighbors(kg, names.resolve(o.neighbors));
  } else if (!o.between.empty()) {
    edges = query::between(kg, names.resolve(o.between[0]), names.resolve(o.between[1]));
  } else {
    edges = query::shortestPath(kg, names.resolve(o.path[0]), names.resolve(o.path[1]));
  }
  std::ostringstream out;
  const graph::Graph& g = kg.graph();
  if (o.json) {
    printJson(g, edges, o.evidence, out);
  } else if (o.csv) {
    printCsv(g, edges, o.evidence, out);
  } else if (o.dot) {
    exporter::write(query::subgraphOf(kg, edges), exporter::Format::Dot, out);
  } else if (!edges.empty()) {
    printTable(g, edges, o.evidence, out);
  }
  std::cout << out.str();
  if (edges.empty()) std::cerr << "newsgraph: no matching relation\n";
  return 0;
}

}  // namespace

void addQueryCommand(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "Ask a stored graph about relations");
  cmd->footer(
      "Patterns (docs/query.md): SUBJECT -[R1|R2]-> OBJECT, <-[R]- reversed, -[R]- either\n"
      "direction, --> any relation, [!R] relations stated as untrue; ?x is a variable,\n"
      "names resolve through aliases ignoring case and accents; quote names with spaces\n"
      "or dashes inside (\"Al-Shabaab\").\n\n"
      "Examples:\n"
      "  newsgraph query world.db 'Russia -[HOSTS|MEETS]-> ?x' --since 2023-01-01\n"
      "  newsgraph query world.db '?x -[SANCTIONS]-> Taliban' --evidence\n"
      "  newsgraph query world.db '?a -[MEETS]- ?b' --csv\n"
      "  newsgraph query world.db --neighbors Lavrov --no-cooccurrence\n"
      "  newsgraph query world.db --between Russia Taliban --json\n"
      "  newsgraph query world.db --path Kazakhstan Taliban --dot | dot -Tsvg > path.svg");
  cmd->add_option("store", o->store, "Store (.db)")->required();
  cmd->add_option("pattern", o->pattern, "A pattern such as 'Russia -[HOSTS]-> ?x'");
  cmd->add_option("--neighbors", o->neighbors, "Relations of an entity, both directions");
  cmd->add_option("--between", o->between, "Relations between two entities, both directions")
      ->expected(2);
  cmd->add_option("--path", o->path, "Shortest chain of relations between two entities")
      ->expected(2);
  addFilterOptions(*cmd, o->filter);
  cmd->add_flag("--evidence", o->evidence, "Print the supporting sentences, document and date");
  cmd->add_flag("--json", o->json, "Output as JSON");
  cmd->add_flag("--csv", o->csv, "Output as CSV");
  cmd->add_flag("--dot", o->dot, "Output the answer as a DOT subgraph");
  cmd->callback([o, &exitCode] { exitCode = runQuery(*o); });
}

}  // namespace newsgraph::cli
