// The loaders of data/ on mutated files: a copy of data/ in a temporary folder, in which the
// file picked by the first byte is replaced by the rest of the input. Loading either works
// or throws Error naming the file; it never crashes.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/core.h"
#include "extract/clean/clean.h"
#include "extract/mention/mention.h"
#include "extract/relate/relate.h"
#include "extract/text/text.h"

using namespace newsgraph;
namespace fs = std::filesystem;

namespace {

fs::path gDataDir;
const char* const kFiles[] = {"ontology.json", "relations.json", "boilerplate.json",
                              "abbreviations.txt", "lexicons/people.tsv",
                              "lexicons/states.tsv", "lexicons/titles.tsv",
                              "lexicons/organizations.tsv"};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  gDataDir = fs::temp_directory_path() / ("newsgraph_fuzz_data." + std::to_string(getpid()));
  fs::remove_all(gDataDir);
  fs::create_directories(gDataDir);
  for (const char* sub : {"", "lexicons"}) {
    fs::create_directories(gDataDir / sub);
    for (const auto& entry : fs::directory_iterator(fs::path(NEWSGRAPH_SOURCE_DIR "/data") / sub))
      if (entry.is_regular_file()) fs::copy_file(entry.path(), gDataDir / sub / entry.path().filename());
  }
  std::atexit([] { fs::remove_all(gDataDir); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t pick = data[0] % (sizeof kFiles / sizeof kFiles[0]);
  fs::path path = gDataDir / kFiles[pick];
  fs::path original = fs::path(NEWSGRAPH_SOURCE_DIR "/data") / kFiles[pick];
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data + 1),
                                              static_cast<std::streamsize>(size - 1));
  std::string dir = gDataDir.string();
  try {
    Ontology ontology = Ontology::load(dir + "/ontology.json");
    if (pick == 1) relate::RelationRules::load(dir, ontology);
    if (pick == 2) clean::BoilerplateRules::load(dir);
    if (pick == 3) text::Segmenter::load(dir);
    if (pick >= 4) mention::Lexicon::load(dir);
  } catch (const Error&) {
  }
  fs::copy_file(original, path, fs::copy_options::overwrite_existing);
  return 0;
}
