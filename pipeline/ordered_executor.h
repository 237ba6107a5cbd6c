#pragma once
// Private to pipeline/: an ordered parallel map. A producer pushes items, `jobs` worker
// threads turn each into a result, and the calling thread receives the results in the order
// the items were pushed. At most `window` items are in flight (queued, being worked on, or
// finished and waiting for an earlier one), so memory stays flat however long the stream is.
//
//   OrderedExecutor<int, int> executor(2, 16);
//   executor.run([](const auto& push) { for (int i = 0; i < 100; ++i) push(int(i)); },
//                [](int& i) { return i * i; }, [&](int&& sq) { out.push_back(sq); },
//                [] { return true; });

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "core/core.h"

namespace newsgraph::pipeline {

// Thrown by the push function when the run is stopping; the producer must let it through
// (it does not derive from std::exception, so `catch (const std::exception&)` passes it on).
struct StopProducing {};

template <typename In, typename Out>
class OrderedExecutor {
 public:
  using Push = std::function<void(In&&)>;
  using Producer = std::function<void(const Push&)>;
  using Work = std::function<Out(In&)>;
  using Consumer = std::function<void(Out&&)>;
  // Called on the calling thread about every `tickInterval`; returning false stops the run.
  using Tick = std::function<bool()>;

  // jobs <= 1 runs everything on the calling thread, in the producer's callback.
  OrderedExecutor(int jobs, size_t window,
                  std::chrono::milliseconds tickInterval = std::chrono::milliseconds(100))
      : jobs_(std::max(jobs, 1)),
        window_(std::max<size_t>(window, 1)),
        tickInterval_(tickInterval) {}

  // Returns true when every item was consumed, false when `tick` stopped the run (items in
  // flight are dropped). An exception thrown by the producer, a worker or the consumer stops
  // all threads and is rethrown here, on the calling thread.
  bool run(const Producer& produce, const Work& work, const Consumer& consume, const Tick& tick) {
    if (jobs_ == 1) return runInline(produce, work, consume, tick);
    return runThreads(produce, work, consume, tick);
  }

 private:
  using Clock = std::chrono::steady_clock;

  bool runInline(const Producer& produce, const Work& work, const Consumer& consume,
                 const Tick& tick) {
    auto nextTick = Clock::now() + tickInterval_;
    bool stopped = false;
    std::exception_ptr error;
    try {
      produce([&](In&& item) {
        // The producer may catch its own exception types (a corpus reader reports Error per
        // input and goes on), so what fails here travels past it as StopProducing.
        try {
          if (Clock::now() >= nextTick) {
            if (!tick()) {
              stopped = true;
              throw StopProducing{};
            }
            nextTick = Clock::now() + tickInterval_;
          }
          consume(work(item));
        } catch (const StopProducing&) {
          throw;
        } catch (...) {
          error = std::current_exception();
          throw StopProducing{};
        }
      });
    } catch (const StopProducing&) {
    }
    if (error) std::rethrow_exception(error);
    return !stopped;
  }

  bool runThreads(const Producer& produce, const Work& work, const Consumer& consume,
                  const Tick& tick) {
    slots_.assign(window_, std::nullopt);
    std::vector<std::thread> threads;
    try {
      threads.emplace_back([&] { producerLoop(produce); });
      for (int i = 0; i < jobs_; ++i) threads.emplace_back([&] { workerLoop(work); });
    } catch (const std::system_error& e) {  // out of threads or memory for their stacks
      {
        std::lock_guard<std::mutex> lock(mutex_);
        stopLocked();
      }
      for (std::thread& t : threads) t.join();
      NG_THROW("", "cannot start " + std::to_string(jobs_) + " threads (" + e.what() +
                       "); use a smaller -j");
    }

    bool stopped = false;
    auto nextTick = Clock::now() + tickInterval_;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      std::optional<Out>& slot = slots_[delivered_ % window_];
      if (slot) {
        Out out = std::move(*slot);
        slot.reset();
        ++delivered_;
        spaceFreed_.notify_one();
        lock.unlock();
        try {
          consume(std::move(out));
        } catch (...) {
          lock.lock();
          fail(std::current_exception());
          break;
        }
        lock.lock();
      } else if (producerDone_ && delivered_ == produced_) {
        break;
      } else if (Clock::now() < nextTick) {
        resultReady_.wait_until(lock, nextTick);
        continue;
      }
      if (Clock::now() >= nextTick) {
        lock.unlock();
        bool goOn = true;
        try {
          goOn = tick();
        } catch (...) {
          lock.lock();
          fail(std::current_exception());
          break;
        }
        lock.lock();
        nextTick = Clock::now() + tickInterval_;
        if (!goOn) {
          stopped = true;
          stopLocked();
        }
      }
    }
    stopLocked();
    lock.unlock();
    for (std::thread& t : threads) t.join();
    if (error_) std::rethrow_exception(error_);
    return !stopped;
  }

  void producerLoop(const Producer& produce) {
    try {
      produce([this](In&& item) {
        std::unique_lock<std::mutex> lock(mutex_);
        spaceFreed_.wait(lock, [&] { return stopping_ || produced_ - delivered_ < window_; });
        if (stopping_) throw StopProducing{};
        queue_.emplace_back(produced_++, std::move(item));
        workAvailable_.notify_one();
      });
    } catch (const StopProducing&) {
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      fail(std::current_exception());
    }
    std::lock_guard<std::mutex> lock(mutex_);
    producerDone_ = true;
    workAvailable_.notify_all();
    resultReady_.notify_all();
  }

  void workerLoop(const Work& work) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      workAvailable_.wait(lock, [&] { return stopping_ || !queue_.empty() || producerDone_; });
      if (stopping_ || queue_.empty()) return;  // stopped, or nothing left to do
      uint64_t seq = queue_.front().first;
      In item = std::move(queue_.front().second);
      queue_.pop_front();
      lock.unlock();
      std::optional<Out> out;
      try {
        out.emplace(work(item));
      } catch (...) {
        lock.lock();
        fail(std::current_exception());
        return;
      }
      lock.lock();
      slots_[seq % window_] = std::move(out);
      if (seq == delivered_) resultReady_.notify_one();
    }
  }

  // With mutex_ held: keeps the first exception and stops everything.
  void fail(std::exception_ptr error) {
    if (!error_) error_ = error;
    stopLocked();
  }

  void stopLocked() {
    stopping_ = true;
    workAvailable_.notify_all();
    spaceFreed_.notify_all();
    resultReady_.notify_all();
  }

  const int jobs_;
  const size_t window_;
  const std::chrono::milliseconds tickInterval_;

  std::mutex mutex_;
  std::condition_variable workAvailable_;  // queue_ got an item, or the producer finished
  std::condition_variable spaceFreed_;     // a result was delivered, so the window moved
  std::condition_variable resultReady_;    // the next result in order is in its slot
  std::deque<std::pair<uint64_t, In>> queue_;
  std::vector<std::optional<Out>> slots_;  // result of item seq in slots_[seq % window_]
  uint64_t produced_ = 0;                  // items pushed
  uint64_t delivered_ = 0;                 // results handed to the consumer
  bool producerDone_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
};

}  // namespace newsgraph::pipeline
