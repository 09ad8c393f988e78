#include "Wire.h"

#include "lockstep/mp/Detail.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace lockstep::python::wire {

using mp::detail::recvAll;
using mp::detail::sendAll;

bool writeMessage(int fd, std::string_view payload) {
    std::string frame;
    frame.reserve(4 + payload.size());
    const auto n = static_cast<std::uint32_t>(payload.size());
    frame.append(reinterpret_cast<const char*>(&n), 4);
    frame.append(payload);
    return sendAll(fd, frame.data(), frame.size());
}

bool readMessage(int fd, std::string& payload) {
    std::uint32_t n = 0;
    if (!recvAll(fd, reinterpret_cast<char*>(&n), 4)) return false;
    payload.resize(n);
    return n == 0 || recvAll(fd, payload.data(), n);
}

bool writeMessageWithFd(int fd, std::string_view payload, int passed) {
    const auto n = static_cast<std::uint32_t>(payload.size());
    char header[4];
    std::memcpy(header, &n, 4);
    iovec iov{header, 4};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &passed, sizeof(int));
    ssize_t w;
    do w = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    while (w < 0 && errno == EINTR);
    if (w != 4) return false;
    return sendAll(fd, payload.data(), payload.size());
}

bool readMessageWithFd(int fd, std::string& payload, int& received) {
    received = -1;
    std::uint32_t n = 0;
    iovec iov{&n, 4};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t r;
    do r = ::recvmsg(fd, &msg, MSG_CMSG_CLOEXEC | MSG_WAITALL);
    while (r < 0 && errno == EINTR);
    if (r != 4) return false;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) std::memcpy(&received, CMSG_DATA(c), sizeof(int));
    payload.resize(n);
    return n == 0 || recvAll(fd, payload.data(), n);
}

}  // namespace lockstep::python::wire
