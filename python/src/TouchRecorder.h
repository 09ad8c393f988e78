#pragma once
// What each instruction of the learner's code reads and writes, told to the explorer's partial-order reduction
// (Execution::noteTouch) while a depth-first search asks for footprints. Without it the reduction would take
// two threads' `items.append(x)` or `self.count += 1` for independent steps and miss the outcomes their
// order decides; with it, lines that touch only a thread's own locals stay independent and do not multiply
// schedules.
//
// Touched things: module globals (by module and name, whatever their type), closure cells, and objects of
// mutable types (lists, dicts, sets, instances, classes, modules...). An attribute or item read, iteration,
// comparison or formatting reads its object; an attribute or item store or delete, an in-place operator and
// the call of a method that is not known to only read (list.append, dict.pop, a standard-library method...)
// write it. Arguments of calls into code that is not traced (C functions, the standard library) count as
// written, unless the function is a builtin known to only read (len, print, sorted...). Calls into the
// learner's own functions touch nothing themselves: their bodies are traced. Immutable values (numbers,
// strings, tuples...) are never touched.
//
// Objects are numbered in the order the run first touches them, so the numbers, and with them the footprints,
// are the same on every execution of the same schedule. An object that can be weakly referenced is followed
// by a weak reference, so when it dies and another takes its address the newcomer gets a number of its own;
// other objects (lists, dicts...) are kept alive until the run ends: they have no finaliser to notice it, but
// what they hold lives on with them (an exploration may see an unreachable list's executor live longer).

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <utility>

namespace lockstep {
class Execution;
}

namespace lockstep::python {

class TouchRecorder {
public:
    TouchRecorder() = default;
    ~TouchRecorder() = default;  // release() must have run (with the GIL of the run's interpreter)
    TouchRecorder(const TouchRecorder&) = delete;
    TouchRecorder& operator=(const TouchRecorder&) = delete;

    // The instruction `op` (with its argument) of `frame` is about to run; `traced` tells whether a code
    // object is the learner's (its instructions come through here too).
    void onInstruction(Execution& ex, PyFrameObject* frame, int op, unsigned oparg,
                       const std::function<bool(PyCodeObject*)>& traced);
    // Drops the references it holds. Call with the GIL held, in the run's interpreter.
    void release();

private:
    void touchObject(Execution& ex, PyObject* object, bool write);
    void touchGlobal(Execution& ex, PyObject* globals, PyObject* name, bool write);
    void touchCall(Execution& ex, PyObject** args, Py_ssize_t nargs, PyObject* callable, PyObject* self,
                   const std::function<bool(PyCodeObject*)>& traced);
    std::uint64_t numberOf(PyObject* object);

    struct Followed {
        std::uint64_t number;
        PyObject* ref;  // a weak reference to the object, or (weak false) a strong one
        bool weak;
    };
    std::unordered_map<PyObject*, Followed> objects_;
    std::map<std::pair<PyObject*, PyObject*>, std::uint64_t> globals_;  // (globals dict, name), both kept alive
    std::uint64_t next_ = 0;
};

}  // namespace lockstep::python
