// Prints every name of the lexicons of DATA_DIR (default: the configured data directory),
// one per line, sorted and unique: the pattern list for `grep -F -f` in build_throughput.sh.
//
//   lexicon_names [DATA_DIR] > names.txt
#include <algorithm>
#include <iostream>

#include "core/core.h"
#include "extract/mention/mention.h"

int main(int argc, char** argv) {
  try {
    std::string dir = argc > 1 ? argv[1] : newsgraph::dataDir();
    std::vector<std::string> names = newsgraph::mention::Lexicon::load(dir).allNames();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const std::string& name : names) {
      if (!name.empty()) std::cout << name << '\n';
    }
  } catch (const newsgraph::Error& e) {
    std::cerr << "lexicon_names: error: " << e.oneLine() << '\n';
    return 1;
  }
  return 0;
}
