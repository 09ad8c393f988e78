#pragma once
// The baton: whoever holds it is the only actor whose code runs. Handing it over is a release store plus
// a wake-up; taking it spins briefly before sleeping in the kernel, because on this kind of machine a
// futex wake-up on the other core costs ~10 us while the typical hand-back in a ping-pong arrives in ~1 us.

#include <atomic>
#include <cstdint>

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
        for (int i = 0; i < kSpins; ++i) {
            if (flag_.load(std::memory_order_acquire) != 0) {
                flag_.store(0, std::memory_order_relaxed);
                return;
            }
            relax();
        }
        while (flag_.load(std::memory_order_acquire) == 0) flag_.wait(0, std::memory_order_acquire);
        flag_.store(0, std::memory_order_relaxed);
    }

    static void relax() {
#if defined(__x86_64__) || defined(__i386__)
        _mm_pause();
#endif
    }

    static constexpr int kSpins = 2000;

private:
    std::atomic<std::uint32_t> flag_{0};
};

}  // namespace lockstep
