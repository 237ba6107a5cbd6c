#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/core.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("atomic_file_test." + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string content(const std::string& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // The id of a process that has ended.
  static pid_t deadPid() {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, nullptr, 0);
    return pid;
  }
  fs::path dir_;
};

TEST_F(AtomicFileTest, FilesThatBelongTogetherAreAllOrNothing) {
  writeFileAtomically(path("a.csv"), "old a");
  writeFileAtomically(path("b.csv"), "old b");
  EXPECT_THROW(writeFilesAtomically({{path("a.csv"), [](std::ostream& out) { out << "new a"; }},
                                     {path("b.csv"), [](std::ostream&) { NG_THROW("", "disk full"); }}}),
               Error);
  EXPECT_EQ(content(path("a.csv")), "old a");
  EXPECT_EQ(content(path("b.csv")), "old b");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2);  // no temporaries
  writeFilesAtomically({{path("a.csv"), [](std::ostream& out) { out << "new a"; }},
                        {path("b.csv"), [](std::ostream& out) { out << "new b"; }}});
  EXPECT_EQ(content(path("a.csv")), "new a");
  EXPECT_EQ(content(path("b.csv")), "new b");
}

TEST_F(AtomicFileTest, TemporaryFilesOfDeadProcessesAreRemoved) {
  std::string dead = path("out.graphml.tmp." + std::to_string(deadPid()));
  std::string alive = path("out.graphml.tmp." + std::to_string(getppid()));
  std::string other = path("other.graphml.tmp.1");
  for (const std::string& file : {dead, alive, other}) std::ofstream(file) << "partial";
  EXPECT_EQ(removeStaleTemporaries(path("out.graphml")), std::vector<std::string>{dead});
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
  EXPECT_TRUE(fs::exists(other));
  std::ofstream(dead) << "partial";
  writeFileAtomically(path("out.graphml"), "whole");  // cleans up before it writes
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_EQ(content(path("out.graphml")), "whole");
}

}  // namespace
}  // namespace newsgraph
