#include "cli/eval_command.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "eval/eval.h"
#include "graph/store/store.h"
#include "pipeline/pipeline.h"

namespace newsgraph::cli {
namespace {

// A GraphML file starts with markup, a store with SQLite's header; anything else is read as
// articles, as build reads them.
bool looksLikeXml(const std::string& path) {
  std::error_code ignored;
  if (path == "-" || !std::filesystem::is_regular_file(path, ignored)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[256] = {};
  in.read(head, sizeof head);
  std::string_view start(head, static_cast<size_t>(in.gcount()));
  if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
  size_t first = start.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && start[first] == '<';
}

bool isSqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == 16 &&
         std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16);
}

eval::Graph loadGraph(const std::string& input) {
  if (looksLikeXml(input)) return eval::readGraphML(input);
  if (input != "-" && (isSqlite(input) || std::filesystem::path(input).extension() == ".db"))
    return eval::fromKnowledgeGraph(store::Store::open(input).load());
  std::error_code ignored;
  NG_CHECK(input == "-" || std::filesystem::exists(input, ignored), input,
           "no such file or directory");
  graph::KnowledgeGraph kg;
  pipeline::BuildStats stats =
      pipeline::runPipeline({input}, pipeline::BuildOptions{},
                            [&](extract::DocumentFacts&& facts) { kg.addDocument(facts); });
  NG_CHECK(stats.documents > 0, input, "no documents could be read");
  spdlog::info("built the graph of {} documents ({} skipped)", stats.documents, stats.skipped);
  return eval::fromKnowledgeGraph(kg);
}

}  // namespace

void addEvalCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* cmd =
      app.add_subcommand("eval", "Score a graph against gold annotations (precision, recall, F1)");
  cmd->footer(
      "GRAPH is a GraphML file, a store (.db), or articles (file, directory, JSONL, - for\n"
      "stdin) that are built into a graph first. GOLD is a newsgraph-gold/1 file\n"
      "(../shared/eval/). The numbers are those of ../shared/tools/score_graphml.py.\n"
      "Exit status: 0 when every given threshold holds, 1 when one falls short or an input\n"
      "cannot be read (score_graphml.py exits 2 then).\n\n"
      "Examples:\n"
      "  newsgraph eval seeds.graphml ../shared/eval/seeds.gold.json\n"
      "  newsgraph eval ../shared/corpus/dev ../shared/eval/dev.gold.json --json\n"
      "  newsgraph eval out.graphml gold.json --min-entity-f1 0.8 --max-boilerplate 0");
  cmd->add_option("graph", options->graph, "GraphML file, store, or articles to build a graph from")
      ->required();
  cmd->add_option("gold", options->gold, "Gold annotations (newsgraph-gold/1 JSON)")->required();
  cmd->add_flag("--json", options->json, "Print the full report as JSON");
  cmd->add_option("--min-entity-f1", options->minEntityF1, "Exit 1 when entity F1 is lower");
  cmd->add_option("--min-typed-entity-f1", options->minTypedEntityF1,
                  "Exit 1 when typed-entity F1 is lower");
  cmd->add_option("--min-relation-f1", options->minRelationF1, "Exit 1 when relation F1 is lower");
  cmd->add_option("--max-boilerplate", options->maxBoilerplate,
                  "Exit 1 when more nodes leak from boilerplate");
  cmd->callback([options, &exitCode] { exitCode = runEval(*options); });
}

int runEval(const EvalOptions& options) {
  eval::Gold gold = eval::readGold(options.gold);
  eval::Report report = eval::score(gold, loadGraph(options.graph));
  std::cout << (options.json ? eval::formatJson(report) : eval::formatText(report));
  std::cout.flush();
  eval::Thresholds thresholds{options.minEntityF1, options.minTypedEntityF1, options.minRelationF1,
                              options.maxBoilerplate};
  std::vector<std::string> shortfalls = eval::shortfalls(report, thresholds);
  for (const std::string& s : shortfalls) std::cerr << "SHORT: " << s << '\n';
  return shortfalls.empty() ? 0 : 1;
}

}  // namespace newsgraph::cli
