#pragma once
// The baton: whoever holds it is the only actor whose code runs. Handing it over is a release store plus
// a wake-up; taking it spins briefly before sleeping in the kernel, because on this kind of machine a
// futex wake-up on the other core costs ~10 us while the typical hand-back in a ping-pong arrives in ~1 us.
//
// How long to spin (measured with bench/, see bench/run.sh):
//  * By time, not by count: a pause costs ~30 ns on the 2-core AMD EPYC development machine (and differs
//    ten-fold between CPU models), so the former 2000 pauses meant 60 us of spinning, six wake-ups' worth.
//  * First kQuickSpins pauses (~1 us), which catch the hand-back of a ping-pong; then spinning until
//    kSpinBudgetNs (about one wake-up) has passed, yielding the core every kYieldEvery pauses; then a futex
//    wait. The yields matter when other processes load the machine: the thread the baton was handed to
//    may be queued behind this spinner, and without them each hand-off cost a whole spin budget.
//  * At most hardware_concurrency() - 1 threads spin in the second phase, newest first: a waiter that
//    starts spinning makes the oldest spinner go to sleep. With 2 cores that is one spinner beside the one
//    running actor, so waiting threads never take the core the baton holder needs; and the newest waiter
//    (the one that just handed the baton over) is the most likely to get it back soon.
//  * Every run in progress has a baton holder that needs a core: with R runs going at once (an exploration
//    on every core), only hardware_concurrency() - R threads may spin. When the runs fill the cores, a
//    waiter goes to sleep at once and the other runs use the core meanwhile (RunActivity counts them).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace lockstep {

class Baton {
public:
    // Give the baton to the thread that waits in take(). Call it at most once per take().
    void give() {
        flag_.store(1, std::memory_order_release);
        flag_.notify_one();
    }

    // Block until give() was called, then consume it. Everything the giver wrote before give() is visible.
    void take() {
        if (tlsSleepAtOnce_) {
            while (flag_.load(std::memory_order_acquire) == 0) flag_.wait(0, std::memory_order_acquire);
            flag_.store(0, std::memory_order_relaxed);
            return;
        }
        for (int i = 0; i < kQuickSpins; ++i) {
            if (tryConsume()) return;
            relax();
        }
        // Second phase: take a spinning ticket; stop when maxSpinners() newer spinners exist or time is up.
        const std::uint64_t spinners = maxSpinners();
        const std::uint64_t ticket = spinTickets_.fetch_add(1, std::memory_order_relaxed) + 1;
        const auto until = std::chrono::steady_clock::now() + std::chrono::nanoseconds(kSpinBudgetNs);
        for (unsigned i = 1; spinners > 0; ++i) {
            if (tryConsume()) return;
            relax();
            // Every ~2 us let a thread that waits for this core run: on a loaded machine it may be the
            // baton's next holder (a yield with nobody waiting costs ~2 us on this VM, hence only one per ~64 pauses).
            if ((i & (kYieldEvery - 1)) == 0) std::this_thread::yield();
            if ((i & 15) == 0) {
                if (spinTickets_.load(std::memory_order_relaxed) - ticket >= spinners) break;
                if (std::chrono::steady_clock::now() >= until) break;
            }
        }
        while (flag_.load(std::memory_order_acquire) == 0) flag_.wait(0, std::memory_order_acquire);
        flag_.store(0, std::memory_order_relaxed);
    }

    static void relax() {
#if defined(__x86_64__) || defined(__i386__)
        _mm_pause();
#endif
    }

    // For a thread that shares its core with the threads that hand it the baton (a worker pool pinned to one
    // core): spinning could only delay the giver, so it sleeps at once.
    static void sleepAtOnceOnThisThread() { tlsSleepAtOnce_ = true; }
    // The same for as long as it lives, then as before.
    class SleepAtOnce {
    public:
        SleepAtOnce() : before_(tlsSleepAtOnce_) { tlsSleepAtOnce_ = true; }
        ~SleepAtOnce() { tlsSleepAtOnce_ = before_; }
        SleepAtOnce(const SleepAtOnce&) = delete;
        SleepAtOnce& operator=(const SleepAtOnce&) = delete;

    private:
        bool before_;
    };

    // Marks a run in progress (Execution::advance) for as long as it lives.
    class RunActivity {
    public:
        RunActivity() { activeRuns_.fetch_add(1, std::memory_order_relaxed); }
        ~RunActivity() { activeRuns_.fetch_sub(1, std::memory_order_relaxed); }
        RunActivity(const RunActivity&) = delete;
        RunActivity& operator=(const RunActivity&) = delete;
    };

    static constexpr int kQuickSpins = 32;              // ~1 us of pauses on the development machine
    static constexpr long kSpinBudgetNs = 10'000;       // then spin up to ~one cross-core wake-up
    static constexpr unsigned kYieldEvery = 64;         // pauses between yields in the second phase

private:
    bool tryConsume() {
        if (flag_.load(std::memory_order_acquire) == 0) return false;
        flag_.store(0, std::memory_order_relaxed);
        return true;
    }
    static std::uint64_t maxSpinners() {
        static const int hw = static_cast<int>(std::thread::hardware_concurrency());
        const int runs = std::max(activeRuns_.load(std::memory_order_relaxed), 1);
        if (hw <= 1) return runs > 1 ? 0 : 1;
        return static_cast<std::uint64_t>(std::max(hw - runs, 0));
    }

    static inline std::atomic<std::uint64_t> spinTickets_{0};  // one counter for every baton of the process
    static inline std::atomic<int> activeRuns_{0};              // runs in progress in this process
    static inline thread_local bool tlsSleepAtOnce_ = false;
    std::atomic<std::uint32_t> flag_{0};
};

}  // namespace lockstep
