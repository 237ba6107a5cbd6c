// Output files that appear whole or not at all: PATH.tmp.<pid> is written, then renamed.
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/core.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

std::string temporaryPath(const std::string& path) { return path + ".tmp." + std::to_string(::getpid()); }

// Writes the temporary file of `path` and returns its name; removes it when anything fails.
std::string writeTemporary(const std::string& path, const FileWriter& write) {
  for (const std::string& stale : removeStaleTemporaries(path))
    spdlog::warn("{}: removed {}, left by a process that no longer runs", path, stale);
  std::string tmp = temporaryPath(path);
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  NG_CHECK(out, path, "cannot write output file");
  try {
    write(out);
  } catch (...) {
    out.close();
    std::remove(tmp.c_str());
    throw;
  }
  out.flush();
  if (!out) {
    std::remove(tmp.c_str());
    NG_THROW(path, "write failed (disk full?)");
  }
  return tmp;
}

void renameIntoPlace(const std::string& tmp, const std::string& path) {
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    NG_THROW(path, "cannot rename temporary file into place");
  }
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view content) {
  writeFileAtomically(path, [&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

void writeFileAtomically(const std::string& path, const FileWriter& write) {
  renameIntoPlace(writeTemporary(path, write), path);
}

void writeFilesAtomically(const std::vector<std::pair<std::string, FileWriter>>& files) {
  std::vector<std::string> written;
  try {
    for (const auto& [path, write] : files) written.push_back(writeTemporary(path, write));
  } catch (...) {
    for (const std::string& tmp : written) std::remove(tmp.c_str());
    throw;
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::rename(written[i].c_str(), files[i].first.c_str()) != 0) {
      for (size_t j = i; j < written.size(); ++j) std::remove(written[j].c_str());
      NG_THROW(files[i].first, "cannot rename temporary file into place");
    }
  }
}

std::vector<std::string> removeStaleTemporaries(const std::string& path) {
  std::vector<std::string> removed;
  fs::path target(path);
  fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string prefix = target.filename().string() + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0 || name.size() == prefix.size()) continue;
    std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours
    std::error_code removeError;
    if (fs::remove(it->path(), removeError)) removed.push_back(it->path().string());
  }
  return removed;
}

}  // namespace newsgraph
