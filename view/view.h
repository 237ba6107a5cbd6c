#pragma once
// The graph viewer: one self-contained HTML page (graph data, d3 and the viewer's script and
// style inlined) that opens from disk in any browser and makes no request. The page draws a
// force layout on a canvas, starting from the entities of highest degree, with search,
// filters, a date range that re-weights edges from their dated evidence, the evidence of
// every edge, a legend and a permalink of the view in the URL fragment.
//
//   graph::KnowledgeGraph kg = view::readGraph("world.db");           // or "world.graphml"
//   view::PageAssets assets = view::loadAssets(dataDir(), view::defaultD3Path());
//   writeFileAtomically("world.html", [&](std::ostream& out) { view::writePage(kg, assets, {}, out); });

#include <cstddef>
#include <ostream>
#include <string>

#include "graph/graph.h"
#include "graph/query/query.h"

namespace newsgraph::view {

// What the page is made of: the template and the viewer's own script and style from
// data/view/, and d3 version 3 (Debian's libjs-d3: d3.layout.force, d3.behavior.zoom).
struct PageAssets {
  std::string page, script, style, d3;
};

// $NEWSGRAPH_D3 when set, else /usr/share/javascript/d3/d3.min.js (Debian's libjs-d3).
std::string defaultD3Path();

// Reads DATA_DIR/view/{view.html,view.js,view.css} and d3 from D3_PATH. Throws Error naming
// the file when one is missing (for d3: which Debian package provides it), when d3 is not
// version 3, when a script contains "</script" or the style "</style" (they would end the
// element they are inlined in), or when the template lacks one of its slots.
PageAssets loadAssets(const std::string& dataDir, const std::string& d3Path);

struct PageOptions {
  std::string title = "newsgraph";
  // The page starts with this many entities of highest degree, and holds kEmbedFactor times
  // as many for "expand neighbours" and a larger node count.
  size_t maxNodes = 500;
  static constexpr size_t kEmbedFactor = 2;
  // Co-occurrence edges held, per entity held: the heaviest.
  static constexpr size_t kCooccurrencesPerEntity = 4;
};

// Writes the page. Entities are ranked by typed relations, then co-occurrences, then
// mentions, then key; the page holds the maxNodes * kEmbedFactor first, every typed edge
// between them and the heaviest co-occurrence edges between them.
// Text from the graph is escaped for where it goes: HTML text for the title, JSON with '<',
// '>', '&', U+2028 and U+2029 as \u escapes inside the data <script>, so that no sentence
// can end the element. Deterministic: the same graph and options give the same bytes.
void writePage(const graph::KnowledgeGraph& kg, const PageAssets& assets,
               const PageOptions& options, std::ostream& out);

// A graph from a store (.db, .sqlite, .sqlite3) or a GraphML file (.graphml, .xml; labels,
// types, aliases, mentions, dates, relations, weights, confidences and evidence sentences
// as newsgraph writes them). Throws Error for another extension, a missing or unreadable
// file, a bad store or malformed GraphML.
graph::KnowledgeGraph readGraph(const std::string& path);

// What a page of MAX_NODES shows of PATH, filtered by FILTER: from a store, unless the
// filter has a date range or an ego entity, only the entities the page holds (ranked in SQL
// as writePage ranks them) and the relations between them are read, the typed ones with
// every evidence sentence; otherwise the whole graph, filtered (at most kMaxEvidence
// sentences an edge). Either way the page shows the same entities and edges.
graph::KnowledgeGraph readPageGraph(const std::string& path, const query::Filter& filter,
                                    size_t maxNodes);

}  // namespace newsgraph::view
