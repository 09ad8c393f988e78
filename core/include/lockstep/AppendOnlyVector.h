#pragma once
// A vector that only grows and never moves its elements. One writer appends; readers on other threads may
// read any index below size() while the writer goes on, because chunks are never reallocated and size()
// is published with release/acquire. Memory is one chunk table plus fixed-size chunks, so a trace of a
// million events costs its events and not the 2x slack of a doubling std::vector.

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

namespace lockstep {

template <typename T, std::size_t ChunkBits = 14, std::size_t MaxChunks = 1u << 16>
class AppendOnlyVector {
public:
    static constexpr std::size_t kChunkSize = std::size_t{1} << ChunkBits;

    AppendOnlyVector() : chunks_(std::make_unique<std::atomic<T*>[]>(MaxChunks)) {}
    ~AppendOnlyVector() { release(); }
    AppendOnlyVector(const AppendOnlyVector&) = delete;
    AppendOnlyVector& operator=(const AppendOnlyVector&) = delete;

    std::size_t size() const { return size_.load(std::memory_order_acquire); }
    bool empty() const { return size() == 0; }

    const T& operator[](std::size_t i) const {
        return chunks_[i >> ChunkBits].load(std::memory_order_relaxed)[i & (kChunkSize - 1)];
    }
    // Writer only.
    T& mut(std::size_t i) { return chunks_[i >> ChunkBits].load(std::memory_order_relaxed)[i & (kChunkSize - 1)]; }
    const T& back() const { return (*this)[size() - 1]; }

    template <typename... Args>
    T& emplace_back(Args&&... args) {
        const std::size_t n = size_.load(std::memory_order_relaxed);
        const std::size_t c = n >> ChunkBits;
        if ((n & (kChunkSize - 1)) == 0) {
            if (c >= MaxChunks) throw std::length_error("trace is full");
            if (chunks_[c].load(std::memory_order_relaxed) == nullptr)
                chunks_[c].store(static_cast<T*>(::operator new(sizeof(T) * kChunkSize, std::align_val_t{alignof(T)})),
                                 std::memory_order_release);
        }
        T* slot = chunks_[c].load(std::memory_order_relaxed) + (n & (kChunkSize - 1));
        new (slot) T(std::forward<Args>(args)...);
        size_.store(n + 1, std::memory_order_release);
        return *slot;
    }
    void push_back(const T& v) { emplace_back(v); }

    // Writer only, with no reader left. Keeps the chunks for the next run (exploration reuses one trace).
    void clear() {
        const std::size_t n = size_.load(std::memory_order_relaxed);
        for (std::size_t i = 0; i < n; ++i) mut(i).~T();
        size_.store(0, std::memory_order_release);
    }
    // Writer only, with no reader left. Gives the memory back.
    void release() {
        clear();
        for (std::size_t c = 0; c < MaxChunks; ++c) {
            T* p = chunks_[c].load(std::memory_order_relaxed);
            if (!p) break;
            ::operator delete(p, std::align_val_t{alignof(T)});
            chunks_[c].store(nullptr, std::memory_order_relaxed);
        }
        size_.store(0, std::memory_order_release);
    }

    std::size_t memoryBytes() const {
        std::size_t chunks = (size() + kChunkSize - 1) >> ChunkBits;
        return chunks * kChunkSize * sizeof(T) + MaxChunks * sizeof(std::atomic<T*>);
    }

private:
    std::unique_ptr<std::atomic<T*>[]> chunks_;
    std::atomic<std::size_t> size_{0};
};

}  // namespace lockstep
