// UTF-8 repair, id and text hygiene and name folding on arbitrary bytes.
#include <string>

#include "core/core.h"
#include "extract/corpus/corpus.h"

using namespace newsgraph;

namespace {

bool validUtf8(const std::string& s) {
  std::string copy = s;
  return corpus::repairUtf8(copy).empty() && copy == s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  corpus::repairUtf8(text);
  if (!validUtf8(text)) __builtin_trap();  // repairing twice changes nothing
  std::string blanked = text;
  corpus::blankControlCharacters(blanked);
  if (blanked.size() != text.size() || !validUtf8(blanked)) __builtin_trap();  // offsets kept
  std::string id = corpus::safeDocumentId(std::string(reinterpret_cast<const char*>(data), size));
  for (char c : id)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) __builtin_trap();
  if (!validUtf8(id)) __builtin_trap();
  foldName(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
