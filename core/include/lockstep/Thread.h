#pragma once
// threading.Thread: a handle to an engine-owned thread object. Copies refer to the same thread, as Python
// references do, so a lambda can capture it by value.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "lockstep/ThreadObject.h"
#include "lockstep/Types.h"

namespace lockstep {

struct ThreadOptions {
    std::string name;     // empty: Python's default "Thread-N"
    bool daemon = false;
};

class Thread {
public:
    explicit Thread(std::function<void()> target, ThreadOptions options = {});
    virtual ~Thread() = default;

    void start();
    // join(timeout=None). After a timed join, is_alive() tells whether the thread ended.
    void join(std::optional<std::chrono::nanoseconds> timeout = std::nullopt);
    bool is_alive() const;
    const std::string& name() const { return object_->name; }
    bool daemon() const { return object_->daemon; }
    void setDaemon(bool daemon);
    ActorId ident() const { return object_->actor; }
    ObjectId objectId() const { return object_->id(); }

protected:
    // For subclasses that override run() (class Worker(Thread) in Python): the target is run().
    explicit Thread(ThreadOptions options);
    virtual void run();

private:
    void init(ThreadOptions options, ObjectKind kind);
    // start() without a step of its own: the caller has begun one and ends it (ThreadPoolExecutor's submit
    // starts its worker inside the submit, as Python does under the executor's lock).
    void startIn(ActorId me);
    std::shared_ptr<ThreadObject> object_;
    std::function<void()> target_;
    friend class Timer;
    friend class ExecutorObject;
};

}  // namespace lockstep
