// The _lockstep module: what bootstrap.py builds Python's threading, time and print on. Each function is one
// engine operation; C++ exceptions never cross into CPython: a Python-style error becomes the Python
// exception of that name, and an aborted run becomes _lockstep.RunAborted, which unwinds the Python stack
// (running finally blocks) back to the actor's body, where it turns into AbortRun again.

#include <algorithm>
#include <cmath>
#include <climits>
#include <cstring>
#include <type_traits>

#include "Bridge.h"
#include "lockstep/Api.h"
#include "lockstep/python/Program.h"

namespace lockstep::python {

namespace {

struct ModuleState {
    Run* run = nullptr;
    PyObject* abortType = nullptr;
};

ModuleState* stateOf(PyObject* module) { return static_cast<ModuleState*>(PyModule_GetState(module)); }

Run& runOf(PyObject* module) {
    Run* r = stateOf(module)->run;
    if (!r) throw RuntimeError("_lockstep is only usable inside a program run by Lockstep");
    return *r;
}

// Sets the Python exception for what a call into the engine threw. Returns nullptr for the caller to return.
PyObject* translate(PyObject* module) {
    try {
        throw;
    } catch (const AbortRun&) {
        PyErr_SetString(stateOf(module)->abortType, "the run was stopped");
    } catch (const ProcessInterrupted&) {
        PyErr_SetString(stateOf(module)->abortType, "the run was stopped");
    } catch (const PyError& e) {
        // "queue.Full", "threading.BrokenBarrierError": a dotted name is looked up in its module.
        PyObject* type = nullptr;
        const std::string& name = e.type();
        const auto dot = name.rfind('.');
        if (dot != std::string::npos) {
            if (PyObject* mod = PyImport_ImportModuleLevel(name.substr(0, dot).c_str(), nullptr, nullptr, nullptr, 0)) {
                type = PyObject_GetAttrString(mod, name.substr(dot + 1).c_str());
                Py_DECREF(mod);
            }
        } else {
            PyObject* builtins = PyEval_GetBuiltins();
            type = builtins ? PyDict_GetItemString(builtins, name.c_str()) : nullptr;
            Py_XINCREF(type);
        }
        PyErr_Clear();
        if (!type || !PyExceptionClass_Check(type)) {
            Py_XDECREF(type);
            type = PyExc_RuntimeError;
            Py_INCREF(type);
        }
        PyErr_SetString(type, e.what());
        Py_DECREF(type);
    } catch (const std::exception& e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
    }
    return nullptr;
}

template <typename F>
PyObject* guarded(PyObject* module, F&& f) {
    try {
        return f();
    } catch (...) {
        return translate(module);
    }
}

std::optional<std::chrono::nanoseconds> toTimeout(double seconds) {
    if (seconds < 0) return std::nullopt;
    return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(seconds * 1e9)));
}

Handle& handle(Run& run, long h) {
    if (h < 0 || static_cast<std::size_t>(h) >= run.handles.size()) throw RuntimeError("unknown _lockstep handle");
    return run.handles[static_cast<std::size_t>(h)];
}

template <typename T>
T& as(Run& run, long h) {
    if (T* p = std::get_if<T>(&handle(run, h))) return *p;
    throw RuntimeError("_lockstep handle of another kind");
}

// The handle of the object just added to the run's table.
PyObject* newHandle(Run& run) { return PyLong_FromSize_t(run.handles.size() - 1); }

// ---- objects ----

PyObject* newLock(PyObject* m, PyObject* args) {
    const char* name;
    int reentrant;
    if (!PyArg_ParseTuple(args, "sp", &name, &reentrant)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) return PyLong_FromLong(child::newLocal(run, {Run::Child::Local::Kind::Lock, reentrant != 0, 0}));
        std::string n = run.uniqueName(name);
        {
            WithoutGil unlocked;
            if (reentrant) run.handles.emplace_back(std::in_place_type<Lock>, RLock(n));
            else run.handles.emplace_back(std::in_place_type<Lock>, Lock(n));
        }
        return newHandle(run);
    });
}

PyObject* newCondition(PyObject* m, PyObject* args) {
    const char* name;
    long lock;
    if (!PyArg_ParseTuple(args, "sl", &name, &lock)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        // A condition's lock is its own in a child: no other thread can wait on it there.
        if (run.child) return PyLong_FromLong(child::newLocal(run, {Run::Child::Local::Kind::Lock, true, 0}));
        std::string n = run.uniqueName(name);
        const Lock& l = as<Lock>(run, lock);
        {
            WithoutGil unlocked;
            run.handles.emplace_back(std::in_place_type<Condition>, l, n);
        }
        return newHandle(run);
    });
}

PyObject* newSemaphore(PyObject* m, PyObject* args) {
    const char* name;
    long long value;
    int bounded;
    if (!PyArg_ParseTuple(args, "sLp", &name, &value, &bounded)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) return PyLong_FromLong(child::newLocal(run, {Run::Child::Local::Kind::Semaphore, false, value}));
        std::string n = run.uniqueName(name);
        {
            WithoutGil unlocked;
            if (bounded) run.handles.emplace_back(std::in_place_type<Semaphore>, BoundedSemaphore(value, n));
            else run.handles.emplace_back(std::in_place_type<Semaphore>, Semaphore(value, n));
        }
        return newHandle(run);
    });
}

PyObject* newEvent(PyObject* m, PyObject* args) {
    const char* name;
    if (!PyArg_ParseTuple(args, "s", &name)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) return PyLong_FromLong(child::newLocal(run, {Run::Child::Local::Kind::Event, false, 0}));
        std::string n = run.uniqueName(name);
        {
            WithoutGil unlocked;
            run.handles.emplace_back(std::in_place_type<Event>, Event(n));
        }
        return newHandle(run);
    });
}

// The standard library made this object for itself (bootstrap.py decides from the frame that made it): the
// views leave it out unless asked to show internals.
PyObject* markInternal(PyObject* m, PyObject* args) {
    long h;
    if (!PyArg_ParseTuple(args, "l", &h)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) Py_RETURN_NONE;
        const ObjectId id = std::visit(
            [](const auto& x) -> ObjectId {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, std::monostate>) return kNoObject;
                else if constexpr (std::is_same_v<T, std::shared_ptr<Thread>>) return x ? x->objectId() : kNoObject;
                else if constexpr (std::is_same_v<T, std::shared_ptr<SyncObject>>) return x ? x->id() : kNoObject;
                else return x.id();
            },
            handle(run, h));
        if (id == kNoObject) throw RuntimeError("mark_internal() of a handle with no object");
        Execution::current().markInternal(id);
        Py_RETURN_NONE;
    });
}

// ---- operations ----

// What the calling thread has computed and not yet paid for is paid before an operation others can see (a
// lock taken or released, a thread started or joined, a wait, a notify, a printed line, a sleep), so the
// timeline shows the computing where it happened, before the operation, and the operation at its true time.
// Below 10 us the clock's error is not worth a burst of its own: it waits for the next one.
void payOwedCpu(Run& run) { run.payOwedCpu(10'000); }

PyObject* acquire(PyObject* m, PyObject* args) {
    long h;
    int blocking;
    double timeout;
    if (!PyArg_ParseTuple(args, "lpd", &h, &blocking, &timeout)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) return PyBool_FromLong(child::acquire(run, h, blocking, timeout));
        Handle& x = handle(run, h);
        payOwedCpu(run);
        bool ok;
        {
            WithoutGil unlocked;
            if (auto* l = std::get_if<Lock>(&x)) ok = l->acquire(blocking, toTimeout(timeout));
            else if (auto* s = std::get_if<Semaphore>(&x)) ok = s->acquire(blocking, toTimeout(timeout));
            else if (auto* c = std::get_if<Condition>(&x)) ok = c->acquire(blocking, toTimeout(timeout));
            else throw RuntimeError("acquire() of an object that has none");
        }
        return PyBool_FromLong(ok);
    });
}

PyObject* release(PyObject* m, PyObject* args) {
    long h;
    int n = 1;
    if (!PyArg_ParseTuple(args, "l|i", &h, &n)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) {
            child::release(run, h, n);
            Py_RETURN_NONE;
        }
        Handle& x = handle(run, h);
        payOwedCpu(run);
        {
            WithoutGil unlocked;
            if (auto* l = std::get_if<Lock>(&x)) l->release();
            else if (auto* s = std::get_if<Semaphore>(&x)) s->release(n);
            else if (auto* c = std::get_if<Condition>(&x)) c->release();
            else throw RuntimeError("release() of an object that has none");
        }
        Py_RETURN_NONE;
    });
}

PyObject* locked(PyObject* m, PyObject* args) {
    long h;
    if (!PyArg_ParseTuple(args, "l", &h)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        return PyBool_FromLong(run.child ? child::locked(run, h) : as<Lock>(run, h).locked());
    });
}

// RLock._is_owned and Condition's check: an RLock is owned by its holder; a plain Lock whenever it is held.
PyObject* isOwned(PyObject* m, PyObject* args) {
    long h;
    if (!PyArg_ParseTuple(args, "l", &h)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) return PyBool_FromLong(child::locked(runOf(m), h));
        Lock& l = as<Lock>(runOf(m), h);
        Execution& ex = Execution::current();
        return PyBool_FromLong(l.object()->ownedBy(ex.self()));
    });
}

PyObject* condWait(PyObject* m, PyObject* args) {
    long h;
    double timeout;
    if (!PyArg_ParseTuple(args, "ld", &h, &timeout)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) return PyBool_FromLong(child::wait(run, h, timeout));
        payOwedCpu(run);
        bool ok;
        {
            Handle& x = handle(run, h);
            WithoutGil unlocked;
            if (auto* c = std::get_if<Condition>(&x)) ok = c->wait(toTimeout(timeout));
            else if (auto* e = std::get_if<Event>(&x)) ok = e->wait(toTimeout(timeout));
            else throw RuntimeError("wait() of an object that has none");
        }
        return PyBool_FromLong(ok);
    });
}

PyObject* notify(PyObject* m, PyObject* args) {
    long h;
    long n;
    if (!PyArg_ParseTuple(args, "ll", &h, &n)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) Py_RETURN_NONE;  // no other thread to wake in a child
        Condition& c = as<Condition>(runOf(m), h);
        payOwedCpu(runOf(m));
        WithoutGil unlocked;
        if (n < 0) c.notify_all();
        else c.notify(static_cast<int>(n));
        Py_RETURN_NONE;
    });
}

PyObject* eventSet(PyObject* m, PyObject* args) {
    long h;
    int flag;
    if (!PyArg_ParseTuple(args, "lp", &h, &flag)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) {
            child::eventSet(runOf(m), h, flag);
            Py_RETURN_NONE;
        }
        Event& e = as<Event>(runOf(m), h);
        payOwedCpu(runOf(m));
        WithoutGil unlocked;
        if (flag) e.set();
        else e.clear();
        Py_RETURN_NONE;
    });
}

PyObject* eventIsSet(PyObject* m, PyObject* args) {
    long h;
    if (!PyArg_ParseTuple(args, "l", &h)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        return PyBool_FromLong(run.child ? child::eventIsSet(run, h) : as<Event>(run, h).is_set());
    });
}

PyObject* semValue(PyObject* m, PyObject* args) {
    long h;
    if (!PyArg_ParseTuple(args, "l", &h)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        return PyLong_FromLongLong(run.child ? child::semValue(run, h) : as<Semaphore>(run, h).value());
    });
}

// ---- threads ----

// _thread.start_new_thread's replacement: the new thread is an actor, registered (and drawn) before any of
// its Python code runs.
PyObject* startThread(PyObject* m, PyObject* args) {
    PyObject *function, *fargs, *kwargs;
    const char* name;
    int daemon;
    if (!PyArg_ParseTuple(args, "OO!O!sp", &function, &PyTuple_Type, &fargs, &PyDict_Type, &kwargs, &name, &daemon))
        return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child)
            throw RuntimeError("not supported yet: starting a thread in a child process under Lockstep (the "
                               "child's own threads are not scheduled); start the thread in the main process, or "
                               "do the work in the child's main thread");
        payOwedCpu(run);  // the thread starts once the computing before start() is done
        PyObject* call = Py_BuildValue("(OOO)", function, fargs, kwargs);
        if (!call) return static_cast<PyObject*>(nullptr);
        Run* r = &run;
        {
            WithoutGil unlocked;
            // The body owns `call` (one reference); it is released by runThread with the GIL held. If the run
            // is aborted before the thread ever runs, the reference is leaked with the interpreter's memory:
            // dropping it here would need the GIL from a thread that may not take it.
            auto thread = std::make_shared<Thread>([r, call] { r->runThread(call); },
                                                   ThreadOptions{name, static_cast<bool>(daemon)});
            run.handles.emplace_back(thread);
            thread->start();
        }
        return newHandle(run);
    });
}

PyObject* threadJoin(PyObject* m, PyObject* args) {
    long h;
    double timeout;
    if (!PyArg_ParseTuple(args, "ld", &h, &timeout)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) Py_RETURN_TRUE;  // the parent's threads do not exist in a child (fork copies one)
        auto& t = as<std::shared_ptr<Thread>>(runOf(m), h);
        payOwedCpu(runOf(m));
        {
            WithoutGil unlocked;
            t->join(toTimeout(timeout));
        }
        return PyBool_FromLong(!t->is_alive());
    });
}

PyObject* threadAlive(PyObject* m, PyObject* args) {
    long h;
    if (!PyArg_ParseTuple(args, "l", &h)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) Py_RETURN_FALSE;
        return PyBool_FromLong(as<std::shared_ptr<Thread>>(runOf(m), h)->is_alive());
    });
}

// The handle of the calling thread's Thread, or -1 for the main thread (and threads the bridge did not start).
PyObject* currentThread(PyObject* m, PyObject*) {
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child) return PyLong_FromLong(-1);
        const ActorId me = Execution::current().self();
        for (std::size_t i = 0; i < run.handles.size(); ++i)
            if (auto* t = std::get_if<std::shared_ptr<Thread>>(&run.handles[i]); t && (*t)->ident() == me)
                return PyLong_FromSize_t(i);
        return PyLong_FromLong(-1);
    });
}

// The calling thread's code raised and threading.excepthook has printed it: the thread ends Error.
PyObject* fail(PyObject* m, PyObject* args) {
    const char* description;
    if (!PyArg_ParseTuple(args, "s", &description)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) Py_RETURN_NONE;  // a child's error is its exit code (Process._bootstrap)
        Execution& ex = Execution::current();
        ex.failActor(ex.self(), description);
        Py_RETURN_NONE;
    });
}

// ---- asyncio tasks ----

PyObject* newTask(PyObject* m, PyObject* args) {
    const char* name;
    if (!PyArg_ParseTuple(args, "s", &name)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (run.child)
            throw RuntimeError("not supported yet: asyncio in a child process under Lockstep; run the event loop "
                               "in the main process");
        Execution& ex = Execution::current();
        if (ex.enter() == kNoActor) return PyLong_FromLong(-1);
        auto task = std::make_shared<SyncObject>();
        ex.beginStep();
        ex.registerObject(task, ObjectKind::AsyncTask, run.uniqueName(name));
        run.handles.emplace_back(std::shared_ptr<SyncObject>(task));
        return newHandle(run);
    });
}

PyObject* renameTask(PyObject* m, PyObject* args) {
    long h;
    const char* name;
    if (!PyArg_ParseTuple(args, "ls", &h, &name)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (h >= 0) Execution::current().renameObject(as<std::shared_ptr<SyncObject>>(run, h)->id(), run.uniqueName(name));
        Py_RETURN_NONE;
    });
}

// One event of a task's life, recorded in the running step (the event loop's thread is the actor).
// what: 0 first resume, 1 resume, 2 await (arg: the awaited task's handle or -1), 3 asyncio.sleep (arg: the
// delay in microseconds), 5 done (text: repr of the result), 6 failed (text: the exception), 7 cancelled.
PyObject* taskEvent(PyObject* m, PyObject* args) {
    long h;
    int what;
    long long arg;
    const char* text = "";
    if (!PyArg_ParseTuple(args, "liL|s", &h, &what, &arg, &text)) return nullptr;
    return guarded(m, [&] {
        Run& run = runOf(m);
        if (h < 0) Py_RETURN_NONE;
        const ObjectId task = as<std::shared_ptr<SyncObject>>(run, h)->id();
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) Py_RETURN_NONE;
        ex.beginStep();
        switch (what) {
        case 0:
        case 1: ex.record(me, Op::Resume, task, what == 0 ? Result::Started : Result::Ok); break;
        case 2: {
            std::int32_t awaited = -1;
            if (arg >= 0) awaited = static_cast<std::int32_t>(as<std::shared_ptr<SyncObject>>(run, static_cast<long>(arg))->id());
            ex.record(me, Op::Await, task, Result::Blocked, awaited);
            break;
        }
        case 3:
            ex.record(me, Op::Await, task, Result::Blocked, static_cast<std::int32_t>(std::min<long long>(arg, INT32_MAX)),
                      TraceEvent::ArgIsMicros);
            break;
        case 5: ex.record(me, Op::Run, task, Result::Done, ex.text(text), TraceEvent::ArgIsString); break;
        case 6: ex.record(me, Op::Run, task, Result::Error, ex.text(text), TraceEvent::ArgIsString); break;
        case 7: ex.record(me, Op::Run, task, Result::Cancelled); break;
        default: throw RuntimeError("unknown task event");
        }
        Py_RETURN_NONE;
    });
}

// ---- time, output, settings ----

PyObject* sleepFor(PyObject* m, PyObject* arg) {
    const double seconds = PyFloat_AsDouble(arg);
    if (seconds == -1.0 && PyErr_Occurred()) return nullptr;
    if (std::isnan(seconds)) {
        PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
        return nullptr;
    }
    if (seconds < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return nullptr;
    }
    return guarded(m, [&] {
        const auto duration = static_cast<Nanos>(std::llround(seconds * 1e9));
        if (runOf(m).child) {
            child::sleep(runOf(m), duration);
            Py_RETURN_NONE;
        }
        payOwedCpu(runOf(m));  // the sleep starts once the computing before it is done
        WithoutGil unlocked;
        lockstep::sleep(std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(seconds * 1e9))));
        Py_RETURN_NONE;
    });
}

// The virtual clock as the calling thread sees it: with what it has computed and not yet paid for; 0 before
// any run (the runner imports logging, which notes its start time: a run's clock starts at 0 too).
Nanos virtualNow(PyObject* m) {
    Run* run = moduleRun(m);
    if (run && run->child) return child::now(*run);
    const Execution* ex = Execution::currentOrNull();
    if (!ex) return 0;
    if (!run || !run->cpuTime) return ex->now();
    const ActorId me = ex->self();
    // What one thread owes is not what another owes: the clock never reads earlier than it was read before, by
    // any thread, as a real monotonic clock: a start read by one thread and an end read by another never
    // give a negative difference.
    run->clockRead = std::max(run->clockRead, ex->now() + (me != kNoActor ? run->owedCpu(me) : 0));
    return run->clockRead;
}

PyObject* nowNs(PyObject* m, PyObject*) {
    return guarded(m, [&] { return PyLong_FromLongLong(virtualNow(m)); });
}

// Seconds as a float computed from integer nanoseconds, so 0.1 s + 0.2 s of sleeps reads as 0.3.
PyObject* nowSeconds(PyObject* m, PyObject*) {
    return guarded(m, [&] { return PyFloat_FromDouble(static_cast<double>(virtualNow(m)) / 1e9); });
}

// sys.getswitchinterval() and sys.setswitchinterval(): the run's GIL switch interval, in seconds.
PyObject* switchInterval(PyObject* m, PyObject*) {
    return guarded(m, [&] {
        if (const Run* run = moduleRun(m); run && run->child)
            return PyFloat_FromDouble(static_cast<double>(run->child->switchInterval) / 1e9);
        const Execution* ex = Execution::currentOrNull();
        return PyFloat_FromDouble(static_cast<double>(ex ? ex->switchInterval() : RunConfig{}.switchInterval) / 1e9);
    });
}

PyObject* setSwitchInterval(PyObject* m, PyObject* arg) {
    const double seconds = PyFloat_AsDouble(arg);
    if (seconds == -1.0 && PyErr_Occurred()) return nullptr;
    if (!(seconds > 0)) {  // CPython's own words
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return nullptr;
    }
    return guarded(m, [&] {
        // As CPython, to the microsecond, and at least one; at most what a run's quantum may be.
        const double micros = std::clamp(std::round(seconds * 1e6), 1.0, 1e7);
        if (Run* run = moduleRun(m); run && run->child) {
            run->child->switchInterval = static_cast<Nanos>(micros) * 1000;
            Py_RETURN_NONE;
        }
        if (Execution* ex = Execution::currentOrNull()) ex->setSwitchInterval(static_cast<Nanos>(micros) * 1000);
        Py_RETURN_NONE;
    });
}

// time.thread_time_ns() (whole_process false) and time.process_time_ns() (true): the CPU time the calling
// thread, or every thread of the program, has computed on the virtual clock.
PyObject* cpuTimeNs(PyObject* m, PyObject* arg) {
    const int wholeProcess = PyObject_IsTrue(arg);
    if (wholeProcess < 0) return nullptr;
    return guarded(m, [&] {
        const Run* run = moduleRun(m);
        // A child process has one thread: its process time is its thread time.
        if (run && run->child) return PyLong_FromLongLong(run->child->paid + run->child->owedPicos / 1000);
        const Execution* ex = Execution::currentOrNull();
        if (!ex || !run) return PyLong_FromLong(0);
        const ActorId me = ex->self();
        return PyLong_FromLongLong(wholeProcess ? run->cpuUsedByAll() : me == kNoActor ? 0 : run->cpuUsed(me));
    });
}

PyObject* emit(PyObject* m, PyObject* args) {
    const char* text;
    Py_ssize_t length;
    int toStderr;
    if (!PyArg_ParseTuple(args, "s#p", &text, &length, &toStderr)) return nullptr;
    return guarded(m, [&] {
        if (runOf(m).child) {
            child::emit(runOf(m), std::string_view(text, static_cast<std::size_t>(length)), toStderr);
            Py_RETURN_NONE;
        }
        payOwedCpu(runOf(m));
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) Py_RETURN_NONE;
        WithoutGil unlocked;
        ex.beginStep();
        std::uint8_t flags = TraceEvent::ArgIsString;
        if (toStderr) flags |= TraceEvent::ToStderr;
        ex.record(me, Op::Print, kNoObject, Result::Ok, ex.text(std::string_view(text, static_cast<std::size_t>(length))),
                  flags);
        ex.yieldPoint(me);
        Py_RETURN_NONE;
    });
}

PyObject* seed(PyObject* m, PyObject*) {
    return guarded(m, [&] {
        if (const Run* run = moduleRun(m); run && run->child) return PyLong_FromUnsignedLongLong(run->child->seed);
        return PyLong_FromUnsignedLongLong(Execution::current().seed());
    });
}

// The wall clock's reading at the run's start (the program's "start" parameter), in seconds since 1970.
PyObject* wallStart(PyObject* m, PyObject*) {
    return guarded(m, [&] {
        return PyLong_FromLongLong(scenarios::Params(Execution::current().config().params).get(kStartParam, 0));
    });
}

PyObject* insideRun(PyObject*, PyObject*) { return PyBool_FromLong(Execution::currentOrNull() != nullptr); }

PyMethodDef methods[] = {
    {"new_lock", newLock, METH_VARARGS, "new_lock(name, reentrant) -> handle"},
    {"new_condition", newCondition, METH_VARARGS, "new_condition(name, lock_handle) -> handle"},
    {"new_semaphore", newSemaphore, METH_VARARGS, "new_semaphore(name, value, bounded) -> handle"},
    {"new_event", newEvent, METH_VARARGS, "new_event(name) -> handle"},
    {"mark_internal", markInternal, METH_VARARGS, "mark_internal(handle): the standard library's own object"},
    {"acquire", acquire, METH_VARARGS, "acquire(handle, blocking, timeout) -> bool (timeout < 0: none)"},
    {"release", release, METH_VARARGS, "release(handle, n=1)"},
    {"locked", locked, METH_VARARGS, "locked(handle) -> bool"},
    {"is_owned", isOwned, METH_VARARGS, "is_owned(handle) -> bool"},
    {"wait", condWait, METH_VARARGS, "wait(handle, timeout) -> bool (a Condition or an Event)"},
    {"notify", notify, METH_VARARGS, "notify(handle, n) (n < 0: all)"},
    {"event_set", eventSet, METH_VARARGS, "event_set(handle, flag): set() or clear()"},
    {"event_is_set", eventIsSet, METH_VARARGS, "event_is_set(handle) -> bool"},
    {"sem_value", semValue, METH_VARARGS, "sem_value(handle) -> int"},
    {"start_thread", startThread, METH_VARARGS, "start_thread(function, args, kwargs, name, daemon) -> handle"},
    {"join", threadJoin, METH_VARARGS, "join(handle, timeout) -> True when the thread has ended"},
    {"alive", threadAlive, METH_VARARGS, "alive(handle) -> bool"},
    {"current_thread", currentThread, METH_NOARGS, "the calling thread's handle, -1 for the main thread"},
    {"fail", fail, METH_VARARGS, "fail(description): the calling thread ends with this error"},
    {"new_task", newTask, METH_VARARGS, "new_task(name) -> handle of an asyncio task's trace object"},
    {"rename_task", renameTask, METH_VARARGS, "rename_task(handle, name): Task.set_name()"},
    {"task_event", taskEvent, METH_VARARGS, "task_event(handle, what, arg, text='')"},
    {"sleep", sleepFor, METH_O, "sleep(seconds) on the virtual clock"},
    {"now_ns", nowNs, METH_NOARGS, "virtual time in nanoseconds"},
    {"now", nowSeconds, METH_NOARGS, "virtual time in seconds"},
    {"cpu_time_ns", cpuTimeNs, METH_O, "cpu_time_ns(whole_process): CPU time on the virtual clock"},
    {"switch_interval", switchInterval, METH_NOARGS, "sys.getswitchinterval() of the run"},
    {"set_switch_interval", setSwitchInterval, METH_O, "sys.setswitchinterval(seconds) of the run"},
    {"emit", emit, METH_VARARGS, "emit(text, to_stderr): one printed line (or lines) of output"},
    {"seed", seed, METH_NOARGS, "the run's seed"},
    {"wall_start", wallStart, METH_NOARGS, "the wall clock at the run's start, in seconds since 1970"},
    {"inside_run", insideRun, METH_NOARGS, "whether the caller is an actor of a run"},
    {nullptr, nullptr, 0, nullptr},
};

int execModule(PyObject* module) {
    ModuleState* st = stateOf(module);
    st->run = nullptr;
    // BaseException, so that `except Exception:` in the learner's code does not stop the unwinding.
    st->abortType = PyErr_NewExceptionWithDoc("_lockstep.RunAborted",
                                              "The run was stopped (aborted, restarted or closed); the thread unwinds.",
                                              PyExc_BaseException, nullptr);
    if (!st->abortType) return -1;
    Py_INCREF(st->abortType);
    if (PyModule_AddObject(module, "RunAborted", st->abortType) < 0) {
        Py_DECREF(st->abortType);
        return -1;
    }
    return PyModule_AddFunctions(module, kProcessMethods);
}

int traverseModule(PyObject* module, visitproc visit, void* arg) {
    Py_VISIT(stateOf(module)->abortType);
    return 0;
}

int clearModule(PyObject* module) {
    Py_CLEAR(stateOf(module)->abortType);
    return 0;
}

PyModuleDef_Slot slots_[] = {{Py_mod_exec, reinterpret_cast<void*>(&execModule)}, {0, nullptr}};

PyModuleDef moduleDef = {
    PyModuleDef_HEAD_INIT, "_lockstep", "The bridge between a Python program and Lockstep's scheduler.",
    sizeof(ModuleState),   methods,     slots_,
    traverseModule,        clearModule, nullptr,
};

}  // namespace

// Multi-phase initialisation: every sub-interpreter gets a module (and a RunAborted) of its own.
PyObject* initBridgeModule() { return PyModuleDef_Init(&moduleDef); }

PyObject* translateError(PyObject* module) { return translate(module); }
Run& moduleRunOrThrow(PyObject* module) { return runOf(module); }

void setModuleRun(PyObject* module, Run* run) { stateOf(module)->run = run; }
Run* moduleRun(PyObject* module) { return stateOf(module)->run; }
PyObject* moduleAbortType(PyObject* module) { return stateOf(module)->abortType; }

}  // namespace lockstep::python
