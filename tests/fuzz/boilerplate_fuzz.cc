// The boilerplate cleaner: body spans must lie inside the text, in order.
#include <string_view>

#include "extract/clean/clean.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setDataDir(NEWSGRAPH_SOURCE_DIR "/data");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t last = 0;
  for (const Span& span : clean::findBody(text, clean::BoilerplateRules::standard())) {
    if (span.begin < last || span.end < span.begin || span.end > size) __builtin_trap();
    last = span.end;
  }
  return 0;
}
