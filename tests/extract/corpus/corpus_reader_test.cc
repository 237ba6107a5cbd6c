#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/corpus/corpus.h"

namespace newsgraph::corpus {
namespace {

namespace fs = std::filesystem;

class CorpusReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("newsgraph_corpus_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& rel, std::string_view content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

  std::string writeGzip(const std::string& rel, std::string_view content) {
    fs::path p = dir_ / rel;
    gzFile f = gzopen(p.string().c_str(), "wb");
    EXPECT_NE(f, nullptr);
    gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
    gzclose(f);
    return p.string();
  }

  void read(std::vector<std::string> inputs, ReadOptions options = {}) {
    docs_.clear();
    problems_.clear();
    CorpusReader(std::move(inputs), std::move(options)).read([&](Document&& d) { docs_.push_back(std::move(d)); },
                                         [&](const Error& e) { problems_.push_back(e); });
  }

  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<Error> problems_;
};

TEST_F(CorpusReaderTest, DirectoryIsWalkedRecursivelyInPathOrder) {
  write("b.txt", "Second article.\n");
  write("a/z.txt", "First article.\n");
  write("c.text", "Third article.\n");
  write("README.md", "not an article\n");
  write(".hidden.txt", "hidden\n");
  write(".git/x.txt", "hidden folder\n");
  read({dir_.string()});
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].id, "a/z.txt");  // the path below the input folder
  EXPECT_EQ(docs_[0].text, "First article.\n");
  EXPECT_EQ(docs_[1].id, "b.txt");
  EXPECT_EQ(docs_[2].id, "c.text");
  EXPECT_EQ(docs_[2].source, (dir_ / "c.text").generic_string());
  EXPECT_TRUE(problems_.empty());
  // Files listed the same way, twice: deterministic.
  auto files = CorpusReader({dir_.string()}).files([](const Error&) {});
  EXPECT_EQ(files, CorpusReader({dir_.string()}).files([](const Error&) {}));
  EXPECT_EQ(files.size(), 3u);
}

TEST_F(CorpusReaderTest, ExplicitFileIsAlwaysRead) {
  std::string md = write("notes.md", "An explicitly named file.\n");
  read({md});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "notes.md");
}

TEST_F(CorpusReaderTest, MissingInputIsReportedAndReadingGoesOn) {
  std::string good = write("good.txt", "Text.\n");
  read({(dir_ / "missing.txt").string(), good});
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].where(), (dir_ / "missing.txt").string());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "good.txt");
}

TEST_F(CorpusReaderTest, JsonlRecords) {
  std::string path = write("news.jsonl",
                           "{\"id\":\"a1\",\"date\":\"2023-09-29T10:00:00Z\",\"text\":\"Alpha text.\"}\n"
                           "\n"
                           "{\"text\":\"Beta text.\\nMoscow, March 3, 2022\"}\r\n"
                           "{\"id\":7,\"title\":\"Headline\",\"text\":\"Gamma text.\",\"date\":\"Sep 1, 2021\"}\n");
  read({path});
  EXPECT_TRUE(problems_.empty());
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].id, "a1");
  EXPECT_EQ(docs_[0].date, "2023-09-29");
  EXPECT_EQ(docs_[0].text, "Alpha text.");
  EXPECT_EQ(docs_[0].source, path + ":1");
  EXPECT_EQ(docs_[1].id, "news.jsonl:3");
  EXPECT_EQ(docs_[1].date, "2022-03-03");  // found in the text
  EXPECT_EQ(docs_[2].id, "7");
  EXPECT_EQ(docs_[2].text, "Headline\nGamma text.");
  EXPECT_EQ(docs_[2].date, "2021-09-01");
}

TEST_F(CorpusReaderTest, MalformedJsonlLineIsReportedWithItsLine) {
  std::string path = write("bad.jsonl",
                           "{\"id\":\"ok1\",\"text\":\"One.\"}\n"
                           "{\"id\":\"broken\",\"text\":\"Two.\"\n"
                           "[1,2]\n"
                           "{\"id\":\"notext\",\"title\":\"\"}\n"
                           "{\"id\":\"ok2\",\"text\":\"Five.\"}\n");
  read({path});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].id, "ok1");
  EXPECT_EQ(docs_[1].id, "ok2");
  ASSERT_EQ(problems_.size(), 3u);
  EXPECT_EQ(problems_[0].where(), path + ":2");
  EXPECT_NE(problems_[0].message().find("malformed JSONL"), std::string::npos);
  EXPECT_EQ(problems_[1].where(), path + ":3");
  EXPECT_EQ(problems_[2].where(), path + ":4");
  EXPECT_NE(problems_[2].message().find("without text"), std::string::npos);
}

TEST_F(CorpusReaderTest, GzipTextAndJsonl) {
  writeGzip("a.txt.gz", "Compressed article.\n");
  writeGzip("b.jsonl.gz", "{\"id\":\"g1\",\"text\":\"One.\"}\n{\"id\":\"g2\",\"text\":\"Two.\"}\n");
  read({dir_.string()});
  EXPECT_TRUE(problems_.empty());
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].id, "a.txt");
  EXPECT_EQ(docs_[0].text, "Compressed article.\n");
  EXPECT_EQ(docs_[1].id, "g1");
  EXPECT_EQ(docs_[2].text, "Two.");
}

TEST_F(CorpusReaderTest, LargeGzipStreamsAcrossChunks) {
  std::string jsonl;
  for (int i = 0; i < 20000; ++i) jsonl += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Sentence number " + std::to_string(i) + ".\"}\n";
  writeGzip("big.jsonl.gz", jsonl);
  read({dir_.string()});
  ASSERT_EQ(docs_.size(), 20000u);
  EXPECT_EQ(docs_[19999].id, "d19999");
  EXPECT_TRUE(problems_.empty());
}

TEST_F(CorpusReaderTest, CorruptGzipIsReported) {
  std::string path = write("bad.txt.gz", std::string("\x1f\x8b\x08\x00garbage-not-deflate", 23));
  read({path});
  EXPECT_TRUE(docs_.empty());
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].where(), path);
}

TEST_F(CorpusReaderTest, StreamAutoDetectsJsonlAndText) {
  std::vector<Document> docs;
  std::vector<Error> problems;
  auto onDoc = [&](Document&& d) { docs.push_back(std::move(d)); };
  auto onProblem = [&](const Error& e) { problems.push_back(e); };
  std::istringstream jsonl("  {\"id\":\"s1\",\"text\":\"From stdin.\"}\n{\"text\":\"No id.\"}\n");
  readStream(jsonl, "-", onDoc, onProblem);
  std::istringstream text("Plain text from stdin.\nSeptember 29, 2023\n");
  readStream(text, "-", onDoc, onProblem);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "s1");
  EXPECT_EQ(docs[1].id, "stdin:2");
  EXPECT_EQ(docs[1].source, "-:2");
  EXPECT_EQ(docs[2].id, "stdin");
  EXPECT_EQ(docs[2].date, "2023-09-29");
}

TEST_F(CorpusReaderTest, EmptyAndBinaryFilesAreSkippedWithAnError) {
  std::string empty = write("empty.txt", "");
  std::string blank = write("blank.txt", " \n\t\n");
  std::string binary = write("binary.txt", std::string("PK\x03\x04\0\0\0binary", 13));
  std::string good = write("good.txt", "Good.\n");
  read({empty, blank, binary, good});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "good.txt");
  ASSERT_EQ(problems_.size(), 3u);
  EXPECT_EQ(problems_[0].where(), empty);
  EXPECT_NE(problems_[0].message().find("empty document"), std::string::npos);
  EXPECT_EQ(problems_[1].where(), blank);
  EXPECT_EQ(problems_[2].where(), binary);
  EXPECT_NE(problems_[2].message().find("binary"), std::string::npos);
  for (const Error& e : problems_) EXPECT_FALSE(isRepair(e)) << e.message();  // dropped, not kept
}

TEST_F(CorpusReaderTest, InvalidUtf8IsRepairedAndReportedWithItsLine) {
  std::string path = write("latin1.txt", "Good line.\nCaf\xE9 in Z\xFCrich.\nFine \xE2\x80\x94 dash.\n");
  read({path});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].text, "Good line.\nCaf\xEF\xBF\xBD in Z\xEF\xBF\xBDrich.\nFine \xE2\x80\x94 dash.\n");
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].where(), path + ":2");
  EXPECT_TRUE(isRepair(problems_[0]));  // the document was kept
}

TEST_F(CorpusReaderTest, InvalidUtf8InJsonlIsReportedWithItsLine) {
  std::string path = write("x.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"bad \xFF byte\"}\n");
  read({path});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[1].text, "bad \xEF\xBF\xBD byte");
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].where(), path + ":2");
}

// A 10 MB line must not trip a line-length limit or a quadratic scan (ctest's timeout
// catches the latter; speed itself is measured in bench/).
TEST_F(CorpusReaderTest, TenMegabyteSingleLine) {
  std::string big;
  big.reserve(10u << 20);
  while (big.size() < (10u << 20)) big += "Lavrov met Wang Yi in Moscow on Friday and they talked. ";
  std::string txt = write("big.txt", big);
  std::string jsonl = write("big.jsonl", "{\"id\":\"big\",\"text\":\"" + big + "\"}\n");
  read({txt, jsonl});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].text.size(), big.size());
  EXPECT_EQ(docs_[1].text, big);
  EXPECT_TRUE(problems_.empty());
}

TEST_F(CorpusReaderTest, JsonFileWithArrayOfRecords) {
  std::string path = write("records.json", "[\n {\"id\":\"r1\",\"text\":\"One.\"},\n {\"id\":\"r2\",\"text\":\"Two.\"}\n]\n");
  read({path});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[1].id, "r2");
}

TEST_F(CorpusReaderTest, NestedFoldersWithEqualFileNamesKeepEveryDocument) {
  write("day1/article1.txt", "Monday's story.\n");
  write("day2/article1.txt", "Tuesday's story.\n");
  write("day2/sub/article1.txt.gz", "");
  fs::remove(dir_ / "day2/sub/article1.txt.gz");
  writeGzip("day2/sub/article1.txt.gz", "Compressed story.\n");
  read({dir_.string()});
  EXPECT_TRUE(problems_.empty());
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].id, "day1/article1.txt");
  EXPECT_EQ(docs_[1].id, "day2/article1.txt");
  EXPECT_EQ(docs_[2].id, "day2/sub/article1.txt");
  // Given as one folder each, the ids are relative to each folder and collide: an error
  // naming both files, and the first document is kept, not replaced.
  read({(dir_ / "day1").string(), (dir_ / "day2").string()});
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[0].text, "Monday's story.\n");
  EXPECT_EQ(docs_[1].id, "sub/article1.txt");
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].where(), (dir_ / "day2/article1.txt").generic_string());
  EXPECT_NE(problems_[0].message().find((dir_ / "day1/article1.txt").generic_string()),
            std::string::npos);
  EXPECT_FALSE(isRepair(problems_[0]) || isDateWarning(problems_[0]));
}

TEST_F(CorpusReaderTest, DuplicateJsonlIdsAreAnErrorNamingBoth) {
  std::string a = write("a.jsonl", "{\"id\":\"x\",\"text\":\"One.\"}\n{\"id\":\"x\",\"text\":\"Two.\"}\n");
  std::string b = write("b.jsonl", "{\"id\":\"x\",\"text\":\"Three.\"}\n");
  read({a, b});
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].text, "One.");
  ASSERT_EQ(problems_.size(), 2u);
  EXPECT_EQ(problems_[0].where(), a + ":2");
  EXPECT_NE(problems_[0].message().find(a + ":1"), std::string::npos);
  EXPECT_EQ(problems_[1].where(), b + ":1");
}

TEST_F(CorpusReaderTest, RecordDatesInEveryCommonForm) {
  std::string path = write("dated.jsonl",
                           "{\"id\":\"reuters\",\"date\":\"26-FEB-1987 15:01:01.79\",\"text\":\"A.\"}\n"
                           "{\"id\":\"junk\",\"date\":\"27-MAR-1987 00:03:35.68&#5;&#5;&#5;F\",\"text\":\"B.\"}\n"
                           "{\"id\":\"compact\",\"date\":19870226,\"text\":\"C.\"}\n"
                           "{\"id\":\"epoch\",\"date\":541350061,\"text\":\"D.\"}\n"
                           "{\"id\":\"epoch_real\",\"date\":541350061.5,\"text\":\"E.\"}\n"
                           "{\"id\":\"slashes\",\"date\":\"03/04/1987\",\"text\":\"F.\"}\n"
                           "{\"id\":\"bad\",\"date\":\"soon\",\"text\":\"Moscow, March 3, 2022\\nG.\"}\n"
                           "{\"id\":\"null\",\"date\":null,\"text\":\"Moscow, March 3, 2022\\nH.\"}\n"
                           "{\"id\":\"other\",\"when\":\"1999-12-31\",\"text\":\"I.\"}\n");
  read({path});
  ASSERT_EQ(docs_.size(), 9u);
  EXPECT_EQ(docs_[0].date, "1987-02-26");
  EXPECT_EQ(docs_[1].date, "1987-03-27");
  EXPECT_EQ(docs_[2].date, "1987-02-26");
  EXPECT_EQ(docs_[3].date, "1987-02-26");
  EXPECT_EQ(docs_[4].date, "1987-02-26");
  EXPECT_EQ(docs_[5].date, "1987-04-03");  // day first, with a warning
  EXPECT_EQ(docs_[6].date, "");            // present but not understood: never from the text
  EXPECT_EQ(docs_[7].date, "2022-03-03");  // null is absent: the dateline is used
  EXPECT_EQ(docs_[8].date, "");
  ASSERT_EQ(problems_.size(), 2u);
  EXPECT_EQ(problems_[0].where(), path + ":6");
  EXPECT_EQ(problems_[0].message(), kAmbiguousDate);
  EXPECT_EQ(problems_[1].where(), path + ":7");
  EXPECT_EQ(problems_[1].message(), kUnreadableDate);
  EXPECT_TRUE(isDateWarning(problems_[0]) && isDateWarning(problems_[1]));

  ReadOptions options;
  options.dateField = "when";
  options.dateOrder = DateOrder::MonthFirst;
  read({path}, options);
  ASSERT_EQ(docs_.size(), 9u);
  EXPECT_EQ(docs_[0].date, "");  // its "date" is not the field asked for
  EXPECT_EQ(docs_[8].date, "1999-12-31");
  EXPECT_TRUE(problems_.empty());
}

// Every Reuters-21578 record of news-bench gets the date of its DATE field.
TEST_F(CorpusReaderTest, NewsBenchReutersRecordsAreAllDated) {
  read({NEWSGRAPH_SHARED_DIR "/data/news-bench/news.jsonl.gz"});
  EXPECT_TRUE(problems_.empty()) << problems_.front().oneLine();
  size_t reuters = 0, dated = 0;
  for (const Document& doc : docs_) {
    if (doc.id.rfind("reuters21578-", 0) != 0) continue;
    ++reuters;
    dated += doc.date.compare(0, 5, "1987-") == 0;
  }
  EXPECT_EQ(reuters, 18802u);
  EXPECT_EQ(dated, reuters);
  EXPECT_EQ(docs_[0].date, "1987-02-26");  // reuters21578-1: 26-FEB-1987 15:01:01.79
}

TEST_F(CorpusReaderTest, SeedCorpusHasGoldDates) {
  read({NEWSGRAPH_SHARED_DIR "/corpus/seeds"});
  ASSERT_EQ(docs_.size(), 5u);
  EXPECT_EQ(docs_[0].id, "000_c20c7cfb17df6241.txt");
  EXPECT_EQ(docs_[0].date, "2023-09-29");
  EXPECT_EQ(docs_[2].date, "");
  EXPECT_TRUE(problems_.empty());
}

TEST(Utf8RepairTest, ValidTextIsUntouched) {
  std::string s = "Türkiye \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80";
  std::string copy = s;
  EXPECT_TRUE(repairUtf8(s).empty());
  EXPECT_EQ(s, copy);
}

TEST(Utf8RepairTest, OverlongSurrogateAndTruncatedSequences) {
  std::string s = "a\xC0\xAF\nb\xED\xA0\x80\nc\xE2\x80\nd";
  std::vector<int> lines = repairUtf8(s);
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(s, "a\xEF\xBF\xBD\nb\xEF\xBF\xBD\nc\xEF\xBF\xBD\nd");
}

}  // namespace
}  // namespace newsgraph::corpus
