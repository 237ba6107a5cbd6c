// The corpus readers on one buffer: the first byte picks how the rest is named (sniffed
// stdin, .jsonl, .json, .txt, .gz), so one target covers text, JSONL, JSON and gzip.
#include <sstream>

#include "extract/corpus/corpus.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"-", "a.jsonl", "a.json", "a.txt", "a.jsonl.gz", "a.txt.gz"};
  const char* name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  corpus::ReadOptions options;
  options.limits = {1 << 16, 1 << 17};  // small, so that the limits are reached too
  corpus::readStream(
      in, name,
      [](corpus::Document&& doc) {
        for (char c : doc.id)
          if (static_cast<unsigned char>(c) < 0x20) __builtin_trap();  // ids never hold controls
        for (char c : doc.text)
          if (c == '\0') __builtin_trap();
      },
      [](const Error&) {}, options);
  return 0;
}
