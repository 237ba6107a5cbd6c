// `newsgraph view`: the graph, filtered like an export, as one offline HTML page.
#include "cli/view_command.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/filter_options.h"
#include "view/view.h"

namespace newsgraph::cli {
namespace {

struct ViewOptions {
  std::string input, output, d3 = view::defaultD3Path(), title;
  size_t maxNodes = view::PageOptions().maxNodes;
  FilterOptions filter;
};

void runView(const ViewOptions& options) {
  // Assets first: a missing d3 is reported before a long load.
  view::PageAssets assets = view::loadAssets(dataDir(), options.d3);
  auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  graph::KnowledgeGraph kg =
      view::readPageGraph(options.input, toFilter(options.filter), options.maxNodes);
  spdlog::debug("read {} entities and {} relations in {:.3f} s", num_vertices(kg.graph()),
                num_edges(kg.graph()), seconds());
  view::PageOptions page;
  page.title = !options.title.empty()
                   ? options.title
                   : "newsgraph: " + std::filesystem::path(options.input).filename().string();
  page.maxNodes = options.maxNodes;
  if (options.output == "-") {
    view::writePage(kg, assets, page, std::cout);
  } else {
    writeFileAtomically(options.output,
                        [&](std::ostream& out) { view::writePage(kg, assets, page, out); });
    spdlog::info("wrote {}: open it in a browser", options.output);
  }
  spdlog::debug("done in {:.3f} s", seconds());
}

}  // namespace

void addViewCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<ViewOptions>();
  CLI::App* cmd = app.add_subcommand("view", "Write one HTML page to explore a graph, its "
                                             "evidence and its time line, offline");
  cmd->footer(
      "The page holds the graph data, d3 (Debian's libjs-d3) and its script: it opens from\n"
      "disk in any browser and makes no request. It starts with the --max-nodes entities of\n"
      "highest degree and holds twice as many for 'expand neighbours'.\n\n"
      "Examples:\n"
      "  newsgraph view world.db -o world.html\n"
      "  newsgraph view world.db -o lavrov.html --ego Lavrov --depth 2\n"
      "  newsgraph view seeds.graphml -o seeds.html --no-cooccurrence --max-nodes 100");
  cmd->add_option("input", options->input, "Store (.db) or GraphML file (.graphml)")->required();
  cmd->add_option("-o,--output", options->output, "Output page (.html; - for stdout)")
      ->required();
  cmd->add_option("--max-nodes", options->maxNodes,
                  "Entities shown at the start, highest degree first (default 500)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--d3", options->d3, "d3 version 3 to inline (default: $NEWSGRAPH_D3, else " +
                                           options->d3 + ")");
  cmd->add_option("--title", options->title, "Page title (default: the input's file name)");
  addFilterOptions(*cmd, options->filter);
  cmd->callback([options, &exitCode] {
    runView(*options);
    exitCode = 0;
  });
}

}  // namespace newsgraph::cli
