// GraphML -> eval::Graph with libxml2, reading what score_graphml.py reads: <key> anywhere,
// the first <graph> under the root, its <node>s and <edge>s at any depth, their direct <data>.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <unordered_map>

#include "core/core.h"
#include "eval/eval.h"
#include "eval/python_text.h"

namespace newsgraph::eval {
namespace {

constexpr const char* kGraphMLNamespace = "http://graphml.graphdrawing.org/xmlns";

bool isGraphML(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), kGraphMLNamespace) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::optional<std::string> attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// ElementTree's .text: the character data before the first child element (comments skipped).
std::string leadingText(const xmlNode* node) {
  std::string text;
  for (const xmlNode* c = node->children; c && c->type != XML_ELEMENT_NODE; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) text += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ENTITY_REF_NODE) {
      xmlChar* content = xmlNodeGetContent(c);
      if (content) text += reinterpret_cast<const char*>(content);
      xmlFree(content);
    }
  }
  return text;
}

template <typename Visit>
void forEachElement(const xmlNode* node, const Visit& visit) {
  for (; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    visit(node);
    forEachElement(node->children, visit);
  }
}

class Reader {
 public:
  Reader(const xmlDoc* doc, std::string where) : doc_(doc), where_(std::move(where)) {}

  Graph read() {
    const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc_));
    NG_CHECK(root, where_, "empty XML document");
    forEachElement(root, [&](const xmlNode* n) {
      if (!isGraphML(n, "key")) return;
      std::optional<std::string> id = attribute(n, "id");
      std::optional<std::string> name = attribute(n, "attr.name");
      std::string key = id.value_or("");
      keys_[key] = name && !name->empty() ? *name : key;
    });
    const xmlNode* graph = root->children;
    while (graph && !isGraphML(graph, "graph")) graph = graph->next;
    NG_CHECK(graph, where_, "no <graph> element");
    Graph out;
    std::unordered_map<std::string, size_t> nodeIndex;
    auto visit = [&](const xmlNode* n) {
      if (isGraphML(n, "node")) {
        Node node = readNode(n);
        auto [it, added] = nodeIndex.emplace(node.id, out.nodes.size());
        if (added) {
          out.nodes.push_back(std::move(node));
        } else {
          out.nodes[it->second] = std::move(node);
        }
      } else if (isGraphML(n, "edge")) {
        out.edges.push_back(readEdge(n));
      }
    };
    visit(graph);  // ElementTree's graph.iter() starts with the graph itself
    forEachElement(graph->children, visit);
    return out;
  }

 private:
  std::string at(const xmlNode* n) const { return where_ + ":" + std::to_string(xmlGetLineNo(n)); }

  // attr.name -> text of the element's direct <data> children; a later one wins.
  std::map<std::string, std::string> data(const xmlNode* element) const {
    std::map<std::string, std::string> out;
    for (const xmlNode* c = element->children; c; c = c->next) {
      if (!isGraphML(c, "data")) continue;
      std::optional<std::string> key = attribute(c, "key");
      if (!key) continue;
      auto name = keys_.find(*key);
      out[name == keys_.end() ? *key : name->second] = leadingText(c);
    }
    return out;
  }

  static std::vector<std::string> list(const std::map<std::string, std::string>& d,
                                       const char* name) {
    auto it = d.find(name);
    return it == d.end() ? std::vector<std::string>{} : splitList(it->second);
  }

  Node readNode(const xmlNode* n) const {
    std::optional<std::string> id = attribute(n, "id");
    NG_CHECK(id, at(n), "<node> without an id");
    std::map<std::string, std::string> d = data(n);
    Node node;
    node.id = *id;
    if (auto it = d.find("label"); it != d.end()) node.label = it->second;
    if (auto it = d.find("type"); it != d.end()) node.type = it->second;
    node.aliases = list(d, "aliases");
    node.documents = list(d, "documents");
    node.data = std::move(d);
    return node;
  }

  Edge readEdge(const xmlNode* n) const {
    std::optional<std::string> source = attribute(n, "source");
    std::optional<std::string> target = attribute(n, "target");
    NG_CHECK(source && target, at(n), "<edge> without a source or target");
    std::map<std::string, std::string> d = data(n);
    Edge edge;
    edge.source = *source;
    edge.target = *target;
    if (auto it = d.find("relation"); it != d.end()) edge.relation = it->second;
    if (auto it = d.find("negated"); it != d.end()) {
      std::string value(stripPython(it->second));
      // ASCII lower case is exact here: no other character lower-cases into "true"/"yes".
      for (char& c : value)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      edge.negated = value == "true" || value == "1" || value == "yes";
    }
    if (auto it = d.find("modality"); it != d.end()) {
      std::string value(stripPython(it->second));
      for (char& c : value)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      edge.fact = value.empty() || value == "asserted";
    }
    edge.documents = list(d, "documents");
    edge.data = std::move(d);
    return edge;
  }

  const xmlDoc* doc_;
  std::string where_;
  std::unordered_map<std::string, std::string> keys_;
};

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// No network, no external entities, no messages on stderr: errors come back as an Error.
constexpr int kParseOptions =
    XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

// The first error, which names the cause ("Opening and ending tag mismatch"), where the last
// one often only says that the data ended early.
struct FirstError {
  int line = 0;
  std::string message;
};

class Parser {
 public:
  Parser() : context_(xmlNewParserCtxt(), &xmlFreeParserCtxt) {
    NG_CHECK(context_, "", "cannot create an XML parser");
    context_->_private = &first_;
    // libxml2 2.9 passes xmlError*, later versions const xmlError*: a generic lambda fits both.
    context_->sax->serror = [](void* data, auto* error) {
      auto* first = static_cast<FirstError*>(static_cast<xmlParserCtxt*>(data)->_private);
      if (!first->message.empty() || !error || error->level < XML_ERR_ERROR) return;
      first->line = error->line;
      first->message = error->message ? error->message : "cannot parse the XML";
      while (!first->message.empty() && first->message.back() == '\n') first->message.pop_back();
    };
  }

  xmlParserCtxt* context() { return context_.get(); }

  Graph finish(xmlDoc* parsed, const std::string& name) {
    Document doc(parsed, &xmlFreeDoc);
    if (!doc || !context_->wellFormed || !first_.message.empty()) {
      std::string where = first_.line > 0 ? name + ":" + std::to_string(first_.line) : name;
      NG_THROW(where, "malformed GraphML: " +
                          (first_.message.empty() ? "cannot parse the XML" : first_.message));
    }
    return Reader(doc.get(), name).read();
  }

 private:
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> context_;
  FirstError first_;
};

}  // namespace

Graph parseGraphML(std::string_view xml, const std::string& name) {
  Parser parser;
  xmlDoc* doc = xmlCtxtReadMemory(parser.context(), xml.data(), static_cast<int>(xml.size()),
                                  name.c_str(), nullptr, kParseOptions);
  return parser.finish(doc, name);
}

Graph readGraphML(const std::string& path) {
  std::error_code ignored;
  NG_CHECK(!std::filesystem::is_directory(path, ignored), path, "a directory, not a GraphML file");
  std::ifstream probe(path, std::ios::binary);
  NG_CHECK(probe, path, std::string("cannot read the GraphML file: ") + std::strerror(errno));
  Parser parser;
  xmlDoc* doc = xmlCtxtReadFile(parser.context(), path.c_str(), nullptr, kParseOptions);
  return parser.finish(doc, path);
}

}  // namespace newsgraph::eval
