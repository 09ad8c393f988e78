// The wire between a child process and the scheduler, the child's side of it, and the table of objects.

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "lockstep/Api.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Multiprocessing.h"

namespace lockstep::mp {

namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, Target> targets;
    std::map<std::string, Function> functions;
};
Registry& registry() {
    static Registry r;
    return r;
}

detail::ChildLink* gLink = nullptr;

// sys.exit() in a child: not a PyError, so `except Exception` in scenario code does not catch it.
struct ChildExit {
    int code;
};

int receiveFd(int socket) {
    char byte = 0;
    iovec iov{&byte, 1};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n;
    do n = ::recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n != 1) return -1;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int fd;
            std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
            return fd;
        }
    }
    return -1;
}

[[noreturn]] void parentGone() {
    // The scheduler died or killed the run: nothing is left to report to.
    ::_exit(1);
}

}  // namespace

bool registerTarget(const char* name, Target target) {
    std::lock_guard lock(registry().mutex);
    registry().targets[name] = target;
    return true;
}

bool registerFunction(const char* name, Function function) {
    std::lock_guard lock(registry().mutex);
    registry().functions[name] = function;
    return true;
}

const char* targetName(Target target) {
    std::lock_guard lock(registry().mutex);
    for (const auto& [name, t] : registry().targets)
        if (t == target) return name.c_str();
    return nullptr;
}

const char* functionName(Function function) {
    std::lock_guard lock(registry().mutex);
    for (const auto& [name, f] : registry().functions)
        if (f == function) return name.c_str();
    return nullptr;
}

Function findFunction(const std::string& name) {
    std::lock_guard lock(registry().mutex);
    auto it = registry().functions.find(name);
    return it == registry().functions.end() ? nullptr : it->second;
}

static Target findTarget(const std::string& name) {
    std::lock_guard lock(registry().mutex);
    auto it = registry().targets.find(name);
    return it == registry().targets.end() ? nullptr : it->second;
}

bool inChildProcess() { return gLink != nullptr; }

ProcessInfo current_process() {
    if (gLink) return {gLink->processName, gLink->pid};
    return {"MainProcess", static_cast<std::int64_t>(::getpid())};
}

void exit(int code) {
    if (!gLink) throw RuntimeError("sys.exit() in the main process is not supported here; return from main instead");
    throw ChildExit{code};
}

int runChildIfRequested(int argc, char** argv) {
    if (argc < 4 || std::strcmp(argv[1], "--lockstep-process") != 0) return -1;
    // Die with the scheduler: the kernel kills this process when the parent dies, and a parent that died
    // before this line is caught by the check that follows.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    static detail::ChildLink link;
    link.fd = 3;
    link.processName = argv[2];
    link.parentPid = std::atoll(argv[3]);
    link.pid = ::getpid();
    if (::getppid() != link.parentPid) return 1;

    Obj start;
    if (!detail::readMessage(link.fd, start)) return 1;
    const List& items = start.items();
    const std::string name = items.at(0).asStr();
    const Args args = items.at(1).items();
    gLink = &link;

    int code = 0;
    Obj error;
    try {
        const Target target = findTarget(name);
        if (!target) throw PyError("AttributeError", "Can't get attribute '" + name + "' in the child process");
        target(args);
    } catch (const ChildExit& e) {
        code = e.code;
    } catch (const PyError& e) {
        code = 1;
        error = e.describe();
    } catch (const std::exception& e) {
        code = 1;
        error = std::string("InternalError: ") + e.what();
    }
    detail::call(detail::Call::Exit, {code, error});
    // No static destructors: they belong to the program this binary is when it is not a child.
    ::_exit(code);
}

void becomeForkedChild(int socket, const std::string& name, std::int64_t parentPid) {
    // Die with the scheduler's process. PR_SET_PDEATHSIG would fire when the thread that forked ends, which an
    // actor's thread may do long before the run; a computing child that never makes a request would not notice
    // its socket close. So a thread of the child's own (no Python in it) watches for the parent to go.
    std::thread([parentPid] {
        while (::getppid() == parentPid) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        ::_exit(1);
    }).detach();
    static detail::ChildLink link;
    link.fd = socket;
    link.processName = name;
    link.parentPid = parentPid;
    link.pid = ::getpid();
    gLink = &link;
    // The start message: the stand-in actor runs now (its content is for spawned children).
    Obj start;
    if (!detail::readMessage(link.fd, start)) parentGone();
}

void exitForkedChild(int code) {
    detail::call(detail::Call::Exit, {code, Obj()});
    ::_exit(code);
}

void printText(std::string_view text, bool toStderr) {
    if (!toStderr) {
        lockstep::printText(text);
        return;
    }
    if (gLink) {
        detail::call(detail::Call::Print, {text, true});
        return;
    }
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.record(me, Op::Print, kNoObject, Result::Ok, ex.text(text), TraceEvent::ArgIsString | TraceEvent::ToStderr);
    ex.yieldPoint(me);
}

namespace {
std::mutex gChildrenMutex;
std::vector<std::int64_t> gChildren;
}  // namespace

std::vector<std::int64_t> liveChildren() {
    std::lock_guard lock(gChildrenMutex);
    return gChildren;
}

namespace detail {

bool sendAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        // MSG_NOSIGNAL: a peer that died must give an error here, not a SIGPIPE that kills this process.
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool recvAll(int fd, char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::recv(fd, data, size, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

void noteChild(std::int64_t pid, bool alive) {
    std::lock_guard lock(gChildrenMutex);
    if (alive) gChildren.push_back(pid);
    else std::erase(gChildren, pid);
}

ChildLink* childLink() { return gLink; }

Served& Table::at(ObjectId id) {
    auto it = objects.find(id);
    if (it == objects.end())
        throw RuntimeError("object #" + std::to_string(id) + " is not a multiprocessing object of this run");
    return *it->second;
}

Table& table(Execution& ex) {
    auto& slot = ex.extension(Execution::Extension::Multiprocessing);
    if (!slot) slot = std::make_shared<Table>();
    return *static_cast<Table*>(slot.get());
}

bool writeMessage(int fd, const Obj& message) {
    std::string body;
    message.encode(body);
    const auto size = static_cast<std::uint32_t>(body.size());
    std::string frame(reinterpret_cast<const char*>(&size), sizeof size);
    frame += body;
    return sendAll(fd, frame.data(), frame.size());
}

bool readMessage(int fd, Obj& message) {
    std::uint32_t size = 0;
    if (!recvAll(fd, reinterpret_cast<char*>(&size), sizeof size)) return false;
    if (size > (256u << 20)) throw std::runtime_error("a message between processes is larger than 256 MB");
    std::string body(size, '\0');
    if (!recvAll(fd, body.data(), size)) return false;
    std::string_view in(body);
    message = Obj::decode(in);
    return true;
}

Obj timeoutObj(const std::optional<std::chrono::nanoseconds>& timeout) {
    return timeout ? Obj(static_cast<long long>(timeout->count())) : Obj();
}

std::optional<std::chrono::nanoseconds> timeoutFrom(const Obj& o) {
    if (o.isNone()) return std::nullopt;
    return std::chrono::nanoseconds(o.asInt());
}

void raiseError(const std::string& type, const std::string& message) {
    if (type == "queue.Empty") throw QueueEmpty(message);
    if (type == "queue.Full") throw QueueFull(message);
    if (type == "TimeoutError") throw lockstep::TimeoutError(message);
    if (type == "multiprocessing.context.TimeoutError") throw TimeoutError(message);
    if (type == "_pickle.PicklingError") throw PicklingError(message);
    if (type == "KeyError") throw KeyError(message);
    if (type == "IndexError") throw IndexError(message);
    if (type == "ValueError") throw ValueError(message);
    if (type == "RuntimeError") throw RuntimeError(message);
    if (type == "EOFError") throw EOFError(message);
    if (type == "TypeError") throw TypeError(message);
    throw PyError(type, message);
}

void raiseInStep(ObjectId object, const std::string& type, const std::string& message) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.recordRaise(me, object, PyError(type, message));
    raiseError(type, message);
}

Obj perform(Call call, const Args& args) {
    switch (call) {
    case Call::Print: mp::printText(args.at(0).asStr(), args.size() > 1 && args[1].asBool()); return {};
    case Call::Sleep: lockstep::sleep(std::chrono::nanoseconds(args.at(0).asInt())); return {};
    case Call::Work: work(std::chrono::nanoseconds(args.at(0).asInt())); return {};
    case Call::Random: return Obj(static_cast<long long>(randint(args.at(0).asInt(), args.at(1).asInt())));
    case Call::Now: return Obj(static_cast<long long>(Execution::current().now()));
    case Call::Create: {
        const auto kind = static_cast<ObjectKind>(args.at(0).asInt());
        return createObject(kind, Args(args.begin() + 1, args.end()));
    }
    case Call::Invoke: {
        const Handle h = args.at(0).handle();
        const auto method = static_cast<Method>(args.at(1).asInt());
        return table(Execution::current()).at(h.id).invoke(method, Args(args.begin() + 2, args.end()));
    }
    case Call::MapShared:
    case Call::Exit: break;
    }
    throw RuntimeError("request " + std::to_string(static_cast<std::int64_t>(call)) + " cannot be performed here");
}

Obj call(Call call, Args args) {
    if (!gLink) return perform(call, args);
    List request;
    request.reserve(args.size() + 2);
    request.emplace_back(static_cast<long long>(call));
    request.emplace_back(gLink->line);
    for (Obj& a : args) request.push_back(std::move(a));
    if (!writeMessage(gLink->fd, Obj(std::move(request)))) parentGone();
    if (call == Call::Exit) return {};
    Obj reply;
    if (!readMessage(gLink->fd, reply)) parentGone();
    const List& r = reply.items();
    if (r.at(0).asInt() == 0) return r.at(1);
    raiseError(r.at(1).asStr(), r.at(2).asStr());
}

void* sharedMemory(Handle h, std::size_t& size) {
    if (!gLink) {
        Served& s = table(Execution::current()).at(h.id);
        size = s.memorySize();
        return s.memory();
    }
    // A child maps each block once, the first time it touches it, from the memfd the scheduler passes.
    static std::map<ObjectId, std::pair<void*, std::size_t>> mapped;
    auto it = mapped.find(h.id);
    if (it == mapped.end()) {
        const Obj answer = call(Call::MapShared, {Obj(h)});
        const auto bytes = static_cast<std::size_t>(answer.asInt());
        const int fd = receiveFd(gLink->fd);
        if (fd < 0) parentGone();
        void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        ::close(fd);
        if (p == MAP_FAILED) throw RuntimeError(std::string("mmap of shared memory failed: ") + std::strerror(errno));
        it = mapped.emplace(h.id, std::make_pair(p, bytes)).first;
    }
    size = it->second.second;
    return it->second.first;
}

bool sendFd(int socket, int fd) {
    char byte = 0;
    iovec iov{&byte, 1};
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
    std::memcpy(CMSG_DATA(c), &fd, sizeof fd);
    ssize_t n;
    do n = ::sendmsg(socket, &msg, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n == 1;
}

}  // namespace detail

}  // namespace lockstep::mp
