// The store opener on mutated store files: open and load either work or throw Error.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "graph/store/store.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("newsgraph_fuzz_store." + std::to_string(getpid()) + ".db"))
          .string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    store::Store store = store::Store::open(path);
    store.load();
    store.summary();
  } catch (const Error&) {
  }
  std::remove(path.c_str());
  std::remove((path + "-journal").c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  return 0;
}
