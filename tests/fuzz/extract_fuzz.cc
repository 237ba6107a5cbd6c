// The whole per-document extraction (clean, text, mention, resolve, relate) on one document
// whose text is the input: every relation refers to entities of the document.
#include <string>

#include "extract/extract.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setDataDir(NEWSGRAPH_SOURCE_DIR "/data");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const extract::Extractor extractor(extract::ExtractOptions{});
  corpus::Document doc;
  doc.id = "fuzz.txt";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  corpus::repairUtf8(doc.text);  // as the reader delivers it
  corpus::blankControlCharacters(doc.text);
  try {
    extract::DocumentFacts facts = extractor.extract(doc);
    auto entities = static_cast<int>(facts.entities.size());
    for (const extract::RelationFacts& r : facts.relations)
      if (r.subject < 0 || r.subject >= entities || r.object < 0 || r.object >= entities) __builtin_trap();
  } catch (const Error&) {
  }
  return 0;
}
