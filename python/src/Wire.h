#pragma once
// Internal to lockstep_python: the byte encoding of what crosses between Lockstep's process, the runner and a
// run's child (messages on sockets, records of the trace log). Little-endian, fixed-width integers,
// length-prefixed strings; both ends are the same binary, so there is no versioning.

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::python::wire {

class Out {
public:
    std::string bytes;
    template <typename T>
    Out& raw(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        return *this;
    }
    Out& u8(std::uint8_t v) { return raw(v); }
    Out& u16(std::uint16_t v) { return raw(v); }
    Out& u32(std::uint32_t v) { return raw(v); }
    Out& u64(std::uint64_t v) { return raw(v); }
    Out& i64(std::int64_t v) { return raw(v); }
    Out& str(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        bytes.append(s.data(), s.size());
        return *this;
    }
};

class In {
public:
    In(const char* data, std::size_t size) : p_(data), end_(data + size) {}
    explicit In(std::string_view s) : In(s.data(), s.size()) {}
    template <typename T>
    T raw() {
        static_assert(std::is_trivially_copyable_v<T>);
        need(sizeof(T));
        T v;
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
        return v;
    }
    std::uint8_t u8() { return raw<std::uint8_t>(); }
    std::uint16_t u16() { return raw<std::uint16_t>(); }
    std::uint32_t u32() { return raw<std::uint32_t>(); }
    std::uint64_t u64() { return raw<std::uint64_t>(); }
    std::int64_t i64() { return raw<std::int64_t>(); }
    std::string str() {
        const std::uint32_t n = u32();
        need(n);
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    bool done() const { return p_ == end_; }

private:
    void need(std::size_t n) const {
        if (static_cast<std::size_t>(end_ - p_) < n) throw std::runtime_error("a truncated message from the runner");
    }
    const char* p_;
    const char* end_;
};

// Framed messages on a stream socket: a u32 length, then the payload. Both return false when the peer is
// gone. readMessage retries on EINTR; writeMessage never raises SIGPIPE.
bool writeMessage(int fd, std::string_view payload);
bool readMessage(int fd, std::string& payload);
// The same with one file descriptor passed alongside (SCM_RIGHTS); `received` is -1 when none came.
bool writeMessageWithFd(int fd, std::string_view payload, int passed);
bool readMessageWithFd(int fd, std::string& payload, int& received);

}  // namespace lockstep::python::wire
