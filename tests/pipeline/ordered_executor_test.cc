#include "pipeline/ordered_executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

#include "core/core.h"

namespace newsgraph::pipeline {
namespace {

using Executor = OrderedExecutor<int, int>;

// Uneven work, so that with several threads later items often finish first.
int slowSquare(int& i) {
  volatile int sink = 0;
  for (int k = 0; k < (i % 7) * 2000; ++k) sink = sink + k;
  return i * i;
}

Executor::Producer count(int n) {
  return [n](const Executor::Push& push) {
    for (int i = 0; i < n; ++i) push(int(i));
  };
}

class OrderedExecutorTest : public ::testing::TestWithParam<int> {};

TEST_P(OrderedExecutorTest, DeliversEveryResultInInputOrder) {
  Executor executor(GetParam(), 8);
  std::vector<int> out;
  EXPECT_TRUE(executor.run(count(5000), slowSquare, [&](int&& v) { out.push_back(v); },
                           [] { return true; }));
  ASSERT_EQ(out.size(), 5000u);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(out[i], i * i) << "at " << i;
}

TEST_P(OrderedExecutorTest, KeepsAtMostTheWindowInFlight) {
  constexpr size_t kWindow = 4;
  Executor executor(GetParam(), kWindow);
  std::atomic<long> pushed{0}, consumed{0};
  long maxInFlight = 0;
  auto produce = [&](const Executor::Push& push) {
    for (int i = 0; i < 3000; ++i) {
      push(int(i));
      maxInFlight = std::max(maxInFlight, ++pushed - consumed.load());
    }
  };
  executor.run(produce, slowSquare, [&](int&&) { ++consumed; }, [] { return true; });
  EXPECT_EQ(consumed, 3000);
  // The item being consumed has left the window but is not counted as consumed yet.
  EXPECT_LE(maxInFlight, static_cast<long>(kWindow) + 1);
}

TEST_P(OrderedExecutorTest, HandsAWorkerExceptionToTheCaller) {
  Executor executor(GetParam(), 8);
  int consumed = 0;
  auto work = [](int& i) {
    if (i == 37) throw std::runtime_error("worker failed on 37");
    return i;
  };
  try {
    executor.run(count(100000), work, [&](int&&) { ++consumed; }, [] { return true; });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "worker failed on 37");
  }
  EXPECT_LE(consumed, 37);
}

TEST_P(OrderedExecutorTest, AnErrorPassesAProducerThatCatchesErrors) {
  // CorpusReader catches Error around each input; a worker's Error must still reach the caller.
  Executor executor(GetParam(), 8);
  auto produce = [](const Executor::Push& push) {
    for (int i = 0; i < 1000; ++i) {
      try {
        push(int(i));
      } catch (const Error&) {
        ADD_FAILURE() << "the producer saw the worker's Error";
      }
    }
  };
  auto work = [](int& i) -> int {
    if (i == 5) NG_THROW("doc-5", "cannot extract");
    return i;
  };
  EXPECT_THROW(executor.run(produce, work, [](int&&) {}, [] { return true; }), Error);
}

TEST_P(OrderedExecutorTest, HandsProducerAndConsumerExceptionsToTheCaller) {
  Executor executor(GetParam(), 8);
  auto badProducer = [](const Executor::Push& push) {
    for (int i = 0; i < 10; ++i) push(int(i));
    throw std::runtime_error("reader failed");
  };
  EXPECT_THROW(executor.run(badProducer, slowSquare, [](int&&) {}, [] { return true; }),
               std::runtime_error);
  Executor again(GetParam(), 8);
  auto badConsumer = [](int&& v) {
    if (v == 9) throw std::logic_error("sink failed");
  };
  EXPECT_THROW(again.run(count(100000), slowSquare, badConsumer, [] { return true; }),
               std::logic_error);
}

TEST_P(OrderedExecutorTest, StopsAnEndlessProducerWhenTickSaysSo) {
  Executor executor(GetParam(), 8, std::chrono::milliseconds(1));
  std::atomic<int> consumed{0};
  auto endless = [](const Executor::Push& push) {
    for (int i = 0;; i = (i + 1) % 1000) push(int(i));
  };
  bool finished = executor.run(endless, slowSquare, [&](int&&) { ++consumed; },
                               [&] { return consumed < 500; });
  EXPECT_FALSE(finished);
  EXPECT_GE(consumed, 500);
}

INSTANTIATE_TEST_SUITE_P(Jobs, OrderedExecutorTest, ::testing::Values(1, 2, 4));

}  // namespace
}  // namespace newsgraph::pipeline
