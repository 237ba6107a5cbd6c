// Hostile and unlucky input: deep nesting, huge documents and lines, decompression bombs,
// binary and UTF-16 files, control characters in ids and texts, pipes with no writer.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "extract/corpus/corpus.h"

namespace newsgraph::corpus {
namespace {

namespace fs = std::filesystem;

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsgraph_hostile_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string file(const std::string& name, std::string_view content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    return path;
  }

  void read(std::vector<std::string> inputs, ReadLimits limits = {},
            const std::atomic<bool>* stop = nullptr) {
    ReadOptions options;
    options.limits = limits;
    CorpusReader(std::move(inputs), options, stop)
        .read([&](Document&& d) { docs_.push_back(std::move(d)); },
              [&](const Error& e) { problems_.push_back(e); });
  }

  bool problemSays(std::string_view where, std::string_view text) const {
    for (const Error& e : problems_)
      if (e.where() == where && e.message().find(text) != std::string::npos) return true;
    return false;
  }

  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<Error> problems_;
};

TEST_F(HostileInputTest, JsonNested200000DeepParsesWithoutRecursion) {
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  std::string path = file("deep.jsonl", "{\"id\":\"a\",\"text\":\"Moscow hosted talks.\",\"x\":" + deep +
                                            "}\n{\"id\":\"b\",\"x\":" + std::string(200000, '[') +
                                            "\n{\"id\":\"c\",\"text\":\"Kazan.\"}\n");
  read({path});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "a");
  EXPECT_EQ(docs_[1].id, "c");
  EXPECT_TRUE(problemSays(path + ":2", "malformed JSONL record"));
  std::string json = file("deep.json", "[{\"text\":\"Kabul.\",\"x\":" + deep + "}]");
  read({json});
  EXPECT_EQ(docs_.size(), 3u);
}

TEST_F(HostileInputTest, DocumentsAndLinesOverTheLimitAreSkippedNamingFileAndLine) {
  ReadLimits limits{1 << 20, 2 << 20};
  std::string big = file("a.txt", std::string((1 << 20) + 1, 'x'));
  std::string fine = file("b.txt", "Moscow hosted talks.\n");
  std::string lines = file("c.jsonl", "{\"text\":\"" + std::string((1 << 20) + 5, 'y') + "\"}\n" +
                                          "{\"text\":\"" + std::string(3 << 20, 'z') + "\"}\n" +
                                          "{\"text\":\"Kabul.\"}\n");
  read({big, fine, lines}, limits);
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "b.txt");
  EXPECT_EQ(docs_[1].text, "Kabul.");
  EXPECT_TRUE(problemSays(big, "document larger than 1 MiB (--max-document-mb), skipped"));
  EXPECT_TRUE(problemSays(lines + ":1", "document larger than 1 MiB"));
  EXPECT_TRUE(problemSays(lines + ":2", "JSONL line larger than 2 MiB (--max-line-mb), skipped"));
}

TEST_F(HostileInputTest, GzipBombStopsAtTheInflateRatio) {
  std::string path = (dir_ / "bomb.jsonl.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb1");
  ASSERT_NE(gz, nullptr);
  std::string spaces(1 << 20, ' ');
  for (int i = 0; i < 160; ++i) gzwrite(gz, spaces.data(), static_cast<unsigned>(spaces.size()));
  gzclose(gz);
  ASSERT_LT(fs::file_size(path), 1u << 20);
  read({path});
  EXPECT_TRUE(docs_.empty());
  EXPECT_TRUE(problemSays(path, "decompression bomb")) << (problems_.empty() ? "" : problems_[0].oneLine());
}

TEST_F(HostileInputTest, BinaryAndUtf16AreToldApartBeforeReadingEverything) {
  std::string binary = file("zeros.txt", std::string(10000, '\0'));
  std::string utf16 = file("wide.txt", std::string("\xFF\xFEM\0o\0s\0c\0o\0w\0", 14));
  std::string bare = file("bare.jsonl", std::string("{\0\"\0i\0d\0\"\0", 10));
  read({binary, utf16, bare});
  EXPECT_TRUE(docs_.empty());
  EXPECT_TRUE(problemSays(binary, "binary file (NUL bytes)"));
  EXPECT_TRUE(problemSays(utf16, "UTF-16 text, skipped"));
  EXPECT_TRUE(problemSays(utf16, "iconv -f UTF-16 -t UTF-8 '" + utf16 + "'"));
  EXPECT_TRUE(problemSays(bare, "UTF-16 text"));
}

TEST_F(HostileInputTest, ControlCharactersNeverReachIdsOrTextsRaw) {
  std::string path = file("c.jsonl",
                          "{\"id\":\"a\\u001fb\\u001ec\",\"text\":\"Moscow\\u0000hosted \\u001b[31mtalks"
                          "\\ufffe.\\uffff\"}\n");
  read({path});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "a\\x1Fb\\x1Ec");
  EXPECT_EQ(docs_[0].text, "Moscow hosted  [31mtalks\xEF\xBF\xBD.\xEF\xBF\xBD");
}

TEST_F(HostileInputTest, FileNamesThatAreNotUtf8AreRepairedInTheId) {
  std::string path = file("caf\xE9\x01.txt", "Moscow hosted talks.\n");
  read({path});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "caf\xEF\xBF\xBD\\x01.txt");
  EXPECT_EQ(docs_[0].source, path);  // the original bytes
}

TEST_F(HostileInputTest, SymlinkedFoldersAreReportedNotSilentlySkipped) {
  fs::create_directories(dir_ / "real");
  file("real/a.txt", "Moscow hosted talks.\n");
  fs::create_directories(dir_ / "in");
  fs::create_directory_symlink(dir_ / "real", dir_ / "in" / "linked");
  read({(dir_ / "in").string()});
  EXPECT_TRUE(docs_.empty());
  EXPECT_TRUE(problemSays((dir_ / "in" / "linked").generic_string(), "symbolic link to a folder"));
}

TEST_F(HostileInputTest, NamedPipeWithoutWriterStopsWhenAsked) {
  std::string pipe = (dir_ / "pipe.txt").string();
  ASSERT_EQ(mkfifo(pipe.c_str(), 0600), 0);
  std::atomic<bool> stop{false};
  std::thread asker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
  });
  auto start = std::chrono::steady_clock::now();
  read({pipe}, {}, &stop);
  asker.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(problemSays(pipe, "waiting for a writer"));
}

}  // namespace
}  // namespace newsgraph::corpus
