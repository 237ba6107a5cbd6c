// `newsgraph eval` and ../shared/tools/score_graphml.py on the same inputs: the same report,
// number for number, the same text and the same exit status.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/core.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = NEWSGRAPH_BINARY;
const std::string kPython = NEWSGRAPH_PYTHON;
const std::string kShared = NEWSGRAPH_SHARED_DIR;
const std::string kData = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/data/eval/";
const std::string kScorer = kShared + "/tools/score_graphml.py";

struct Outcome {
  int status = -1;
  std::string out;
};

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Captures stdout, or stderr when `errors` is set.
Outcome run(const std::string& command, bool errors = false) {
  Outcome r;
  FILE* pipe = popen((command + (errors ? " 2>&1 >/dev/null" : " 2>/dev/null")).c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

Outcome ours(const std::string& graph, const std::string& gold, const std::string& flags) {
  return run(quote(kBinary) + " eval " + quote(graph) + " " + quote(gold) + " " + flags);
}

Outcome theirs(const std::string& graph, const std::string& gold, const std::string& flags) {
  return run(quote(kPython) + " " + quote(kScorer) + " " + quote(gold) + " " + quote(graph) + " " +
             flags);
}

// Same structure, same key order, same strings, same numbers (as doubles).
void expectSame(const rapidjson::Value& a, const rapidjson::Value& b, const std::string& path) {
  if (a.IsNumber() && b.IsNumber()) {
    EXPECT_EQ(a.GetDouble(), b.GetDouble()) << path;
    return;
  }
  ASSERT_EQ(a.GetType(), b.GetType()) << path;
  if (a.IsString()) {
    EXPECT_EQ(std::string(a.GetString()), std::string(b.GetString())) << path;
  } else if (a.IsArray()) {
    ASSERT_EQ(a.Size(), b.Size()) << path;
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i)
      expectSame(a[i], b[i], path + "[" + std::to_string(i) + "]");
  } else if (a.IsObject()) {
    ASSERT_EQ(a.MemberCount(), b.MemberCount()) << path;
    for (auto ia = a.MemberBegin(), ib = b.MemberBegin(); ia != a.MemberEnd(); ++ia, ++ib) {
      std::string key = ia->name.GetString();
      ASSERT_EQ(key, std::string(ib->name.GetString())) << path;
      expectSame(ia->value, ib->value, path + "." + key);
    }
  } else {
    EXPECT_TRUE(a == b) << path;
  }
}

// Compares the JSON and text reports and the exit statuses of threshold checks.
void expectAgreement(const std::string& graph, const std::string& gold) {
  SCOPED_TRACE(graph + " vs " + gold);
  Outcome mine = ours(graph, gold, "--json"), reference = theirs(graph, gold, "--json");
  ASSERT_EQ(reference.status, 0) << "score_graphml.py failed";
  ASSERT_EQ(mine.status, 0) << "newsgraph eval failed";
  rapidjson::Document a, b;
  ASSERT_FALSE(a.Parse(mine.out.c_str()).HasParseError()) << mine.out;
  ASSERT_FALSE(b.Parse(reference.out.c_str()).HasParseError()) << reference.out;
  ASSERT_TRUE(a.IsObject() && a.HasMember("documents"));
  EXPECT_GT(a["documents"].Size(), 0u);
  expectSame(a, b, "$");

  EXPECT_EQ(ours(graph, gold, "").out, theirs(graph, gold, "").out);

  double f1 = a["entities"]["f1"].GetDouble(), rf1 = a["relations"]["f1"].GetDouble();
  int leaks = a["boilerplate_leaks"].GetInt();
  char flags[160];
  std::snprintf(flags, sizeof flags,
                "--min-entity-f1 %.4f --min-relation-f1 %.4f "
                "--max-boilerplate %d",
                f1, rf1, leaks);
  EXPECT_EQ(ours(graph, gold, flags).status, 0);
  EXPECT_EQ(theirs(graph, gold, flags).status, 0);
  std::snprintf(flags, sizeof flags, "--min-typed-entity-f1 %.4f", f1 + 0.0001);
  int expected = a["typed_entities"]["f1"].GetDouble() < f1 + 0.0001 ? 1 : 0;
  EXPECT_EQ(ours(graph, gold, flags).status, expected);
  EXPECT_EQ(theirs(graph, gold, flags).status, expected);
  if (leaks > 0) {
    EXPECT_EQ(ours(graph, gold, "--max-boilerplate " + std::to_string(leaks - 1)).status, 1);
  }
}

class EvalAgreementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newsgraph_eval_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Builds GraphML from a corpus with the binary under test.
  std::string build(const std::string& corpus, const std::string& name) {
    std::string out = (dir_ / name).string();
    run(quote(kBinary) + " build " + quote(corpus) + " -o " + quote(out));
    return out;
  }

  fs::path dir_;
};

TEST_F(EvalAgreementTest, HandWrittenFixtures) {
  expectAgreement(kData + "tiny.graphml", kData + "tiny.gold.json");
  expectAgreement(kData + "seeds_sample.graphml", kShared + "/eval/seeds.gold.json");
}

TEST_F(EvalAgreementTest, SeedsBuiltByTheBinary) {
  std::string graph = build(kShared + "/corpus/seeds", "seeds.graphml");
  ASSERT_TRUE(fs::exists(graph)) << "newsgraph build wrote no graph";
  std::string gold = kShared + "/eval/seeds.gold.json";
  expectAgreement(graph, gold);
  // Scoring the articles directly builds the same graph in memory; a store loads it.
  std::string report = ours(graph, gold, "--json").out;
  EXPECT_EQ(ours(kShared + "/corpus/seeds", gold, "--json").out, report);
  std::string store = build(kShared + "/corpus/seeds", "seeds.db");
  ASSERT_TRUE(fs::exists(store)) << "newsgraph build wrote no store";
  EXPECT_EQ(ours(store, gold, "--json").out, report);
}

TEST_F(EvalAgreementTest, DevBuiltByTheBinary) {
  std::string graph = build(kShared + "/corpus/dev", "dev.graphml");
  ASSERT_TRUE(fs::exists(graph)) << "newsgraph build wrote no graph";
  expectAgreement(graph, kShared + "/eval/dev.gold.json");
}

// score_graphml.py exits 2 here; newsgraph keeps its one error status, 1.
TEST_F(EvalAgreementTest, UnreadableInputIsAnError) {
  Outcome r = run(
      quote(kBinary) + " eval " + quote(kData + "tiny.graphml") + " /nonexistent/gold.json", true);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("newsgraph: error: /nonexistent/gold.json", 0), 0u) << r.out;
  std::string broken = (dir_ / "broken.graphml").string();
  writeFileAtomically(broken, "<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n</graphml>\n");
  r = run(quote(kBinary) + " eval " + quote(broken) + " " + quote(kData + "tiny.gold.json"), true);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("newsgraph: error: " + broken + ":4: malformed GraphML", 0), 0u) << r.out;
  EXPECT_EQ(theirs(broken, kData + "tiny.gold.json", "").status, 2);
}

}  // namespace
}  // namespace newsgraph
