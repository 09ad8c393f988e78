#pragma once
// Errors a scenario meets are the exceptions Python would raise, with Python's type names and messages.

#include <stdexcept>
#include <string>

namespace lockstep {

class PyError : public std::runtime_error {
public:
    PyError(std::string type, const std::string& message)
        : std::runtime_error(message), type_(std::move(type)) {}
    const std::string& type() const { return type_; }
    // As Python's traceback prints it: "queue.Empty" alone when the message is empty.
    std::string describe() const { return *what() ? type_ + ": " + what() : type_; }

private:
    std::string type_;
};

struct RuntimeError : PyError {
    explicit RuntimeError(const std::string& m) : PyError("RuntimeError", m) {}
};
struct ValueError : PyError {
    explicit ValueError(const std::string& m) : PyError("ValueError", m) {}
};
// KeyError's message is the repr of the key, as Python shows it: KeyError: 'x'.
struct KeyError : PyError {
    explicit KeyError(const std::string& m) : PyError("KeyError", m) {}
};
struct IndexError : PyError {
    explicit IndexError(const std::string& m) : PyError("IndexError", m) {}
};
struct QueueFull : PyError {
    explicit QueueFull(const std::string& m = {}) : PyError("queue.Full", m) {}
};
struct QueueEmpty : PyError {
    explicit QueueEmpty(const std::string& m = {}) : PyError("queue.Empty", m) {}
};
struct BrokenBarrierError : PyError {
    explicit BrokenBarrierError(const std::string& m = {}) : PyError("threading.BrokenBarrierError", m) {}
};
struct TimeoutError : PyError {
    explicit TimeoutError(const std::string& m = {}) : PyError("TimeoutError", m) {}
};
// Scenario code raising its own error, as `raise Exception("...")` would.
struct Exception : PyError {
    explicit Exception(const std::string& m, std::string type = "Exception") : PyError(std::move(type), m) {}
};

// Thrown into an actor to unwind its stack when the run is aborted. It does not derive from std::exception,
// so scenario code catching std::exception or PyError does not swallow it.
struct AbortRun {};

// Thrown into a process's actor when terminate() or kill() has signalled its child: the actor stops waiting
// and unwinds to the code that reaps the child. Like AbortRun, scenario code cannot catch it.
struct ProcessInterrupted {};

}  // namespace lockstep
