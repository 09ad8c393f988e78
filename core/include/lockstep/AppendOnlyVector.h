#pragma once
// A vector that only grows and never moves its elements. One writer appends; readers on other threads may
// read any index below size() while the writer goes on, because chunks are never reallocated and size()
// is published with release/acquire. Memory is a chunk table plus fixed-size chunks, so a trace of a
// million events costs its events and not the 2x slack of a doubling std::vector.

#include <array>
#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

#include <sys/mman.h>

namespace lockstep {

template <typename T, std::size_t ChunkBits = 14, std::size_t MaxChunks = 1u << 16>
class AppendOnlyVector {
public:
    static constexpr std::size_t kChunkSize = std::size_t{1} << ChunkBits;

    AppendOnlyVector() : table_(mapTable()) {}
    ~AppendOnlyVector() {
        release();
        ::munmap(table_, kTableBytes);
    }
    AppendOnlyVector(const AppendOnlyVector&) = delete;
    AppendOnlyVector& operator=(const AppendOnlyVector&) = delete;

    std::size_t size() const { return size_.load(std::memory_order_acquire); }
    bool empty() const { return size() == 0; }

    const T& operator[](std::size_t i) const {
        return slot(i >> ChunkBits).load(std::memory_order_relaxed)[i & (kChunkSize - 1)];
    }
    // Writer only.
    T& mut(std::size_t i) { return slot(i >> ChunkBits).load(std::memory_order_relaxed)[i & (kChunkSize - 1)]; }
    const T& back() const { return (*this)[size() - 1]; }

    template <typename... Args>
    T& emplace_back(Args&&... args) {
        const std::size_t n = size_.load(std::memory_order_relaxed);
        const std::size_t c = n >> ChunkBits;
        if ((n & (kChunkSize - 1)) == 0) {
            if (c >= MaxChunks) throw std::length_error("trace is full");
            if (slot(c).load(std::memory_order_relaxed) == nullptr) slot(c).store(allocateChunk(), std::memory_order_release);
        }
        T* at = slot(c).load(std::memory_order_relaxed) + (n & (kChunkSize - 1));
        new (at) T(std::forward<Args>(args)...);
        size_.store(n + 1, std::memory_order_release);
        return *at;
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
            T* p = slot(c).load(std::memory_order_relaxed);
            if (!p) break;
            freeChunk(p);
            slot(c).store(nullptr, std::memory_order_relaxed);
        }
        size_.store(0, std::memory_order_release);
    }

    std::size_t memoryBytes() const {
        std::size_t chunks = (size() + kChunkSize - 1) >> ChunkBits;
        const std::size_t tablePages = (chunks * sizeof(T*) + 4095) / 4096;
        return chunks * kChunkSize * sizeof(T) + tablePages * 4096;
    }

private:
    static constexpr std::size_t kChunkBytes = sizeof(T) * kChunkSize;
    // Large chunks are mapped straight from the kernel: a whole number of pages, where malloc would add a
    // header that spills onto one more page per chunk (~1 MB for a 4 M-event trace).
    static constexpr bool kMapped = kChunkBytes >= (std::size_t{64} << 10) && kChunkBytes % 4096 == 0;

    static T* allocateChunk() {
        if constexpr (kMapped) {
            void* p = ::mmap(nullptr, kChunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) throw std::bad_alloc();
            return static_cast<T*>(p);
        } else {
            return static_cast<T*>(::operator new(kChunkBytes, std::align_val_t{alignof(T)}));
        }
    }
    static void freeChunk(T* p) {
        if constexpr (kMapped) ::munmap(p, kChunkBytes);
        else ::operator delete(p, std::align_val_t{alignof(T)});
    }

    // The chunk table is mapped from the kernel as well: its zero pages cost no memory until a chunk lands
    // in them, so a trace pays for the chunks it uses, not for the largest trace it could hold. Slots are
    // plain pointers reached through atomic_ref, so readers on other threads see a chunk once published.
    static constexpr std::size_t kTableBytes = sizeof(T*) * MaxChunks;
    static T** mapTable() {
        void* p = ::mmap(nullptr, kTableBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        return static_cast<T**>(p);
    }
    std::atomic_ref<T*> slot(std::size_t c) const { return std::atomic_ref<T*>(table_[c]); }

    T** table_;
    std::atomic<std::size_t> size_{0};
};

}  // namespace lockstep
