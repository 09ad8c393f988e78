// multiprocessing in a Python program. A Process is a real fork() of the run's process, made at start() as
// CPython's default (fork) start method makes it: the child has the program's memory as it was then, its own
// pid, and its own interpreter state. It is driven exactly as the built-in scenarios' children are (see
// lockstep/mp/Multiprocessing.h): its stand-in actor in the run's process carries out each of its requests
// (print, sleep, a CPU burst, a queue or pipe operation, a lock), so processes, threads and tasks share one
// trace and one clock; the child runs only while its actor holds the baton.
//
// The child's copy of the run's engine belongs to the parent: in the child every _lockstep function either
// becomes a request (Run::Child) or works on state of the child's own (threading's objects, which only its
// one thread can touch). Queues, pipes, locks, semaphores and events of multiprocessing live in the run's
// process, as a kernel's do; Value and Array in real shared memory. What crosses between processes is an
// mp::Obj: plain values as themselves, multiprocessing's objects by handle, anything else pickled.

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "Bridge.h"
#include "lockstep/Api.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Manager.h"

namespace lockstep::python {

namespace {

using mp::Obj;
using mp::detail::Call;
using mp::detail::Method;

// A Python exception is already set (a pickle failed): the function returns nullptr as it stands.
struct PythonError {};

template <typename F>
PyObject* guardedCall(PyObject* module, F&& f) {
    try {
        return f();
    } catch (const PythonError&) {
        return nullptr;
    } catch (...) {
        return translateError(module);
    }
}

PyObject* bootstrapAttr(const char* name) {
    PyObject* mod = PyImport_AddModule("_lockstep_bootstrap");  // borrowed
    PyObject* attr = mod ? PyObject_GetAttrString(mod, name) : nullptr;
    if (!attr) throw PythonError{};
    return attr;
}

PyObject* callModuleFunction(const char* module, const char* function, PyObject* arg) {
    PyObject* mod = PyImport_ImportModuleLevel(module, nullptr, nullptr, nullptr, 0);
    if (!mod) throw PythonError{};
    PyObject* result = PyObject_CallMethod(mod, function, "O", arg);
    Py_DECREF(mod);
    if (!result) throw PythonError{};
    return result;
}

ObjectKind kindNamed(const std::string& name) {
    for (int k = 0; k < static_cast<int>(ObjectKind::Count_); ++k)
        if (objectKindName(static_cast<ObjectKind>(k)) == name) return static_cast<ObjectKind>(k);
    throw RuntimeError("unknown multiprocessing object kind '" + name + "'");
}

std::string text(PyObject* s) {
    Py_ssize_t n = 0;
    const char* p = PyUnicode_AsUTF8AndSize(s, &n);
    if (!p) throw PythonError{};
    return std::string(p, static_cast<std::size_t>(n));
}

// What a value becomes on its way to another process.
Obj toObj(PyObject* x, int depth = 0) {
    if (x == Py_None) return {};
    if (PyBool_Check(x)) return Obj(x == Py_True);
    if (PyLong_CheckExact(x)) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(x, &overflow);
        if (!overflow && !(v == -1 && PyErr_Occurred())) return Obj(v);
        PyErr_Clear();
    } else if (PyFloat_CheckExact(x)) {
        return Obj(PyFloat_AS_DOUBLE(x));
    } else if (PyUnicode_CheckExact(x)) {
        Py_ssize_t n = 0;
        if (const char* p = PyUnicode_AsUTF8AndSize(x, &n)) return Obj(std::string(p, static_cast<std::size_t>(n)));
        PyErr_Clear();  // lone surrogates: pickled below
    } else if ((PyList_CheckExact(x) || PyTuple_CheckExact(x)) && depth < 16) {
        mp::List items;
        const Py_ssize_t n = PySequence_Fast_GET_SIZE(x);
        items.reserve(static_cast<std::size_t>(n));
        for (Py_ssize_t i = 0; i < n; ++i) items.push_back(toObj(PySequence_Fast_GET_ITEM(x, i), depth + 1));
        return PyTuple_CheckExact(x) ? Obj::tuple(std::move(items)) : Obj(std::move(items));
    } else {
        // One of multiprocessing's objects (bootstrap.py's _MpObject): its handle.
        PyObject* base = bootstrapAttr("_MpObject");
        const int is = PyObject_IsInstance(x, base);
        Py_DECREF(base);
        if (is < 0) throw PythonError{};
        if (is) {
            PyObject* h = PyObject_GetAttrString(x, "_ls_mp");
            if (!h) throw PythonError{};
            const std::string kind = text(PyTuple_GetItem(h, 0));
            const long long id = PyLong_AsLongLong(PyTuple_GetItem(h, 1));
            Py_DECREF(h);
            return Obj(mp::Handle{kindNamed(kind), static_cast<ObjectId>(id)});
        }
    }
    // Anything else as multiprocessing sends it: pickled (functions and classes by name, as Python does).
    PyObject* bytes = callModuleFunction("pickle", "dumps", x);
    PyObject* repr = PyObject_Repr(x);
    if (!repr) {
        Py_DECREF(bytes);
        throw PythonError{};
    }
    std::string data(PyBytes_AS_STRING(bytes), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes)));
    Py_DECREF(bytes);
    std::string shown = text(repr);
    Py_DECREF(repr);
    return Obj::pickled(std::move(data), std::move(shown));
}

PyObject* fromObj(const Obj& o) {
    switch (o.type()) {
    case Obj::Type::None: Py_RETURN_NONE;
    case Obj::Type::Bool: return PyBool_FromLong(o.asBool());
    case Obj::Type::Int: return PyLong_FromLongLong(o.asInt());
    case Obj::Type::Float: return PyFloat_FromDouble(o.asFloat());
    case Obj::Type::Str: return PyUnicode_FromStringAndSize(o.asStr().data(), static_cast<Py_ssize_t>(o.asStr().size()));
    case Obj::Type::List:
    case Obj::Type::Tuple: {
        const mp::List& items = o.items();
        const bool tuple = o.type() == Obj::Type::Tuple;
        PyObject* out = tuple ? PyTuple_New(static_cast<Py_ssize_t>(items.size()))
                              : PyList_New(static_cast<Py_ssize_t>(items.size()));
        if (!out) throw PythonError{};
        for (std::size_t i = 0; i < items.size(); ++i) {
            PyObject* item = nullptr;
            try {
                item = fromObj(items[i]);
            } catch (...) {
                Py_DECREF(out);
                throw;
            }
            if (tuple) PyTuple_SET_ITEM(out, static_cast<Py_ssize_t>(i), item);
            else PyList_SET_ITEM(out, static_cast<Py_ssize_t>(i), item);
        }
        return out;
    }
    case Obj::Type::Handle: {
        const mp::Handle h = o.handle();
        const std::string kind(objectKindName(h.kind));
        PyObject* make = bootstrapAttr("_mp_object");
        PyObject* r = PyObject_CallFunction(make, "s#l", kind.data(), static_cast<Py_ssize_t>(kind.size()),
                                            static_cast<long>(h.id));
        Py_DECREF(make);
        if (!r) throw PythonError{};
        return r;
    }
    case Obj::Type::Pickled: {
        const std::string& data = o.pickledBytes();
        PyObject* bytes = PyBytes_FromStringAndSize(data.data(), static_cast<Py_ssize_t>(data.size()));
        if (!bytes) throw PythonError{};
        PyObject* r = nullptr;
        try {
            r = callModuleFunction("pickle", "loads", bytes);
        } catch (...) {
            Py_DECREF(bytes);
            throw;
        }
        Py_DECREF(bytes);
        return r;
    }
    }
    Py_RETURN_NONE;
}

mp::Args argsFrom(PyObject* tuple, Py_ssize_t first) {
    mp::Args out;
    for (Py_ssize_t i = first; i < PyTuple_GET_SIZE(tuple); ++i) out.push_back(toObj(PyTuple_GET_ITEM(tuple, i)));
    return out;
}

// What the caller computed is paid before an operation others can see, as for threads (Bridge.cpp).
void payBefore(Run& run) {
    if (run.child) child::pay(run, 10'000);
    else run.payOwedCpu(10'000);
}

// One request of multiprocessing, from the run's process or a child: the GIL is free while it waits.
Obj request(Call call, mp::Args args) {
    WithoutGil unlocked;
    return mp::detail::call(call, std::move(args));
}

// ---- objects ----

// mp_new(kind, *params): a new multiprocessing object (a Pipe: both ends), as the bootstrap's objects.
PyObject* mpNew(PyObject* m, PyObject* args) {
    return guardedCall(m, [&]() -> PyObject* {
        if (PyTuple_GET_SIZE(args) < 1) throw RuntimeError("mp_new(kind, *params)");
        Run& run = moduleRunOrThrow(m);
        mp::Args full{Obj(static_cast<long long>(kindNamed(text(PyTuple_GET_ITEM(args, 0)))))};
        for (Obj& o : argsFrom(args, 1)) full.push_back(std::move(o));
        payBefore(run);
        return fromObj(request(Call::Create, std::move(full)));
    });
}

Method methodNamed(const std::string& name) {
    static const std::pair<const char*, Method> methods[] = {
        {"put", Method::Put},         {"get", Method::Get},         {"qsize", Method::QSize},
        {"try_get", Method::TryGet},  {"send", Method::Send},       {"recv", Method::Recv},
        {"poll", Method::Poll},       {"close", Method::Close},     {"acquire", Method::Acquire},
        {"release", Method::Release}, {"sem_value", Method::SemValue}, {"set_flag", Method::SetFlag},
        {"is_set", Method::IsSet},    {"wait", Method::Wait},       {"get_lock", Method::GetLock},
    };
    for (const auto& [n, method] : methods)
        if (name == n) return method;
    throw RuntimeError("unknown multiprocessing method '" + name + "'");
}

// mp_invoke(object, method, *args): one operation of a queue, pipe end, lock, semaphore or event. Timeouts
// are in nanoseconds (None: for ever).
PyObject* mpInvoke(PyObject* m, PyObject* args) {
    return guardedCall(m, [&]() -> PyObject* {
        if (PyTuple_GET_SIZE(args) < 2) throw RuntimeError("mp_invoke(object, method, *args)");
        Run& run = moduleRunOrThrow(m);
        const Obj object = toObj(PyTuple_GET_ITEM(args, 0));
        const Method method = methodNamed(text(PyTuple_GET_ITEM(args, 1)));
        mp::Args rest = argsFrom(args, 2);
        const bool looks = method == Method::QSize || method == Method::SemValue || method == Method::IsSet ||
                           method == Method::GetLock;
        if (!looks) payBefore(run);
        Obj result;
        {
            WithoutGil unlocked;
            result = mp::detail::invoke(object.handle(), method, std::move(rest));
        }
        return fromObj(result);
    });
}

// mp_load(value_or_array, index): Value.value (index None) or Array[index]; a Load step.
PyObject* mpLoad(PyObject* m, PyObject* args) {
    PyObject* object;
    PyObject* index;
    if (!PyArg_ParseTuple(args, "OO", &object, &index)) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        const Obj h = toObj(object);
        payBefore(run);
        Obj v;
        {
            const bool whole = index == Py_None;
            const long long i = whole ? 0 : PyLong_AsLongLong(index);
            if (!whole && i == -1 && PyErr_Occurred()) throw PythonError{};
            WithoutGil unlocked;
            if (h.handle().kind == ObjectKind::SharedValue) v = mp::Value(h).value();
            else if (whole) v = Obj(mp::Array(h).list());
            else v = mp::Array(h).get(i);
        }
        return fromObj(v);
    });
}

// mp_store(value_or_array, index, value): Value.value = v (index None) or Array[index] = v; a Store step.
PyObject* mpStore(PyObject* m, PyObject* args) {
    PyObject* object;
    PyObject* index;
    PyObject* value;
    if (!PyArg_ParseTuple(args, "OOO", &object, &index, &value)) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        const Obj h = toObj(object);
        const Obj v = toObj(value);
        if (v.type() != Obj::Type::Int && v.type() != Obj::Type::Float && v.type() != Obj::Type::Bool)
            throw PyError("TypeError", "a shared Value or Array holds numbers, not " + v.repr());
        const long long i = index == Py_None ? 0 : PyLong_AsLongLong(index);
        if (i == -1 && PyErr_Occurred()) throw PythonError{};
        payBefore(run);
        {
            WithoutGil unlocked;
            if (h.handle().kind == ObjectKind::SharedValue) mp::Value(h).set(v);
            else mp::Array(h).set(i, v);
        }
        Py_RETURN_NONE;
    });
}

// mp_internal(object): the library made this object for itself (a JoinableQueue's count of unfinished tasks);
// the views leave it out unless asked to show internals.
PyObject* mpInternal(PyObject* m, PyObject* object) {
    return guardedCall(m, [&]() -> PyObject* {
        const Obj h = toObj(object);
        if (!moduleRunOrThrow(m).child) Execution::current().markInternal(h.handle().id);
        Py_RETURN_NONE;
    });
}

PyObject* mpLength(PyObject* m, PyObject* object) {
    return guardedCall(m, [&]() -> PyObject* { return PyLong_FromLongLong(mp::Array(toObj(object)).size()); });
}

// ---- processes ----

mp::Process& processAt(Run& run, long index) {
    if (index < 0 || static_cast<std::size_t>(index) >= run.processes.size())
        throw RuntimeError("unknown process handle");
    return run.processes[static_cast<std::size_t>(index)];
}

// What starting a process costs on the virtual clock, as /usr/bin/python3.11 takes on the machine the CPU
// costs were calibrated on: start() and join() of a process that does nothing take 2.1 ms with the fork start
// method (the parent copying itself, the child's bootstrap and exit), 42 ms with spawn (a new interpreter that
// imports the program and multiprocessing). The parent pays the fork; the child, on its own core, the rest.
constexpr Nanos kForkCost = 1'000'000;
constexpr Nanos kForkedChildStart = 1'000'000;
constexpr Nanos kSpawnedChildStart = 40'000'000;

// process_start(name, daemon, spawned) -> (handle, in_child). Forks the run's process: the parent gets the
// child's handle and False; the child returns (-1, True) once its actor first runs, and goes on to run the
// Process (`spawned`: as the spawn start method's child, which starts a new interpreter first).
PyObject* processStart(PyObject* m, PyObject* args) {
    const char* name;
    int daemon;
    int spawned;
    if (!PyArg_ParseTuple(args, "spp", &name, &daemon, &spawned)) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        if (run.child)
            throw RuntimeError("not supported yet: starting a process from a child process under Lockstep; start "
                               "every process from the main process");
        Execution& ex = Execution::current();
        run.chargeCpu(ex.self(), kForkCost);
        run.payOwedCpu(1);  // the child starts from what the parent had computed, the fork included
        // What the child needs of the engine, read while it is still this process's.
        auto state = std::make_unique<Run::Child>();
        state->seed = ex.seed();
        state->switchInterval = ex.switchInterval();
        state->clockRead = std::max(run.clockRead, ex.now());
        if (run.cpuTime) state->owedPicos = (spawned ? kSpawnedChildStart : kForkedChildStart) * 1000;
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
            throw PyError("OSError", std::string("socketpair failed: ") + std::strerror(errno));
        const pid_t parent = ::getpid();
        PyOS_BeforeFork();
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(sv[0]);
            // Before CPython's own after-fork handlers run: threading's makes locks, which are now this child's.
            run.child = std::move(state);
            PyOS_AfterFork_Child();
            mp::becomeForkedChild(sv[1], name, parent);
            return Py_BuildValue("(iO)", -1, Py_True);
        }
        const int forkError = errno;
        PyOS_AfterFork_Parent();
        ::close(sv[1]);
        if (pid < 0) {
            ::close(sv[0]);
            throw PyError("OSError", std::string("[Errno ") + std::to_string(forkError) + "] " + std::strerror(forkError));
        }
        {
            WithoutGil unlocked;
            mp::ProcessOptions options{name, daemon != 0, pid, sv[0]};
            run.processes.emplace_back(nullptr, mp::Args{}, options);
            run.processes.back().start();
        }
        return Py_BuildValue("(nO)", static_cast<Py_ssize_t>(run.processes.size() - 1), Py_False);
    });
}

// process_exit(code), in a child: what it still owes is computed, then its exit code goes to its actor.
PyObject* processExit(PyObject* m, PyObject* arg) {
    const long code = PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred()) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        if (!run.child) throw RuntimeError("process_exit() outside a child process");
        child::pay(run, 1);
        mp::exitForkedChild(static_cast<int>(code));
    });
}

PyObject* processJoin(PyObject* m, PyObject* args) {
    long index;
    double timeout;
    if (!PyArg_ParseTuple(args, "ld", &index, &timeout)) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        mp::Process& p = processAt(run, index);
        payBefore(run);
        {
            WithoutGil unlocked;
            std::optional<std::chrono::nanoseconds> t;
            if (timeout >= 0) t = std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(timeout * 1e9)));
            p.join(t);
        }
        Py_RETURN_NONE;
    });
}

PyObject* processExitcode(PyObject* m, PyObject* arg) {
    const long index = PyLong_AsLong(arg);
    if (index == -1 && PyErr_Occurred()) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        const std::optional<int> code = processAt(moduleRunOrThrow(m), index).exitcode();
        if (!code) Py_RETURN_NONE;
        return PyLong_FromLong(*code);
    });
}

PyObject* processPid(PyObject* m, PyObject* arg) {
    const long index = PyLong_AsLong(arg);
    if (index == -1 && PyErr_Occurred()) return nullptr;
    return guardedCall(m, [&]() -> PyObject* { return PyLong_FromLongLong(processAt(moduleRunOrThrow(m), index).pid()); });
}

PyObject* processSignal(PyObject* m, PyObject* args) {
    long index;
    int kill;
    if (!PyArg_ParseTuple(args, "lp", &index, &kill)) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        mp::Process& p = processAt(run, index);
        payBefore(run);
        WithoutGil unlocked;
        if (kill) p.kill();
        else p.terminate();
        Py_RETURN_NONE;
    });
}

// ---- managers ----

mp::Manager& managerAt(Run& run, long index) {
    if (index < 0 || static_cast<std::size_t>(index) >= run.managers.size()) throw RuntimeError("unknown manager handle");
    return run.managers[static_cast<std::size_t>(index)];
}

// manager_new() -> handle: Manager() starts its server process ("SyncManager-N") at once.
PyObject* managerNew(PyObject* m, PyObject*) {
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        if (run.child)
            throw RuntimeError("not supported yet: starting a Manager from a child process under Lockstep; make it "
                               "in the main process and pass its proxies to the children");
        payBefore(run);
        {
            WithoutGil unlocked;
            run.managers.emplace_back();
        }
        return PyLong_FromSize_t(run.managers.size() - 1);
    });
}

// manager_object(handle, kind, name, items) -> a DictProxy ('dict') or ListProxy ('list', with its items).
PyObject* managerObject(PyObject* m, PyObject* args) {
    long index;
    const char* kind;
    const char* name;
    PyObject* items;
    if (!PyArg_ParseTuple(args, "lssO", &index, &kind, &name, &items)) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        mp::Manager& manager = managerAt(run, index);
        const Obj initial = toObj(items);
        payBefore(run);
        Obj proxy;
        {
            WithoutGil unlocked;
            if (std::strcmp(kind, "dict") == 0) proxy = Obj(manager.dict(name));
            else proxy = Obj(manager.list(initial.items(), name));
        }
        return fromObj(proxy);
    });
}

PyObject* managerShutdown(PyObject* m, PyObject* arg) {
    const long index = PyLong_AsLong(arg);
    if (index == -1 && PyErr_Occurred()) return nullptr;
    return guardedCall(m, [&]() -> PyObject* {
        Run& run = moduleRunOrThrow(m);
        mp::Manager& manager = managerAt(run, index);
        payBefore(run);
        WithoutGil unlocked;
        manager.shutdown();
        Py_RETURN_NONE;
    });
}

// proxy(proxy, operation, *args): one round trip to the manager through a DictProxy or ListProxy.
PyObject* proxyCall(PyObject* m, PyObject* args) {
    return guardedCall(m, [&]() -> PyObject* {
        if (PyTuple_GET_SIZE(args) < 2) throw RuntimeError("proxy(proxy, operation, *args)");
        Run& run = moduleRunOrThrow(m);
        const Obj handle = toObj(PyTuple_GET_ITEM(args, 0));
        const std::string op = text(PyTuple_GET_ITEM(args, 1));
        const mp::Args a = argsFrom(args, 2);
        auto arg = [&a, &op](std::size_t i) -> const Obj& {
            if (i >= a.size()) throw PyError("TypeError", op + "() is missing an argument");
            return a[i];
        };
        payBefore(run);
        Obj result;
        {
            WithoutGil unlocked;
            if (handle.handle().kind == ObjectKind::DictProxy) {
                const mp::DictProxy d(handle);
                if (op == "set") d.set(arg(0), arg(1));
                else if (op == "getitem") result = d.getitem(arg(0));
                else if (op == "get") result = d.get(arg(0), a.size() > 1 ? a[1] : Obj());
                else if (op == "contains") result = Obj(d.contains(arg(0)));
                else if (op == "len") result = Obj(static_cast<long long>(d.size()));
                else if (op == "pop") result = a.size() > 1 ? d.pop(arg(0), a[1]) : d.pop(arg(0));
                else if (op == "del") d.del(arg(0));
                else if (op == "keys") result = Obj(d.keys());
                else if (op == "values") result = Obj(d.values());
                else if (op == "items") result = Obj(d.items());
                else if (op == "repr") result = Obj(d.repr());
                else throw RuntimeError("a DictProxy has no operation " + op);
            } else {
                const mp::ListProxy l(handle);
                if (op == "append") l.append(arg(0));
                else if (op == "extend") l.extend(arg(0).items());
                else if (op == "getitem") result = l.get(arg(0).asInt());
                else if (op == "set") l.set(arg(0).asInt(), arg(1));
                else if (op == "len") result = Obj(static_cast<long long>(l.size()));
                else if (op == "pop") result = l.pop(a.empty() ? -1 : a[0].asInt());
                else if (op == "contains") result = Obj(l.contains(arg(0)));
                else if (op == "copy") result = Obj(l.copy());
                else if (op == "repr") result = Obj(l.repr());
                else throw RuntimeError("a ListProxy has no operation " + op);
            }
        }
        return fromObj(result);
    });
}

PyObject* cores(PyObject* m, PyObject*) {
    return guardedCall(m, [&]() -> PyObject* {
        const Execution* ex = Execution::currentOrNull();
        return PyLong_FromLong(ex ? ex->config().cores : 1);
    });
}

}  // namespace

PyMethodDef kProcessMethods[] = {
    {"mp_new", mpNew, METH_VARARGS, "mp_new(kind, *params): a multiprocessing object (a Pipe: both ends)"},
    {"mp_invoke", mpInvoke, METH_VARARGS, "mp_invoke(object, method, *args) -> result"},
    {"mp_load", mpLoad, METH_VARARGS, "mp_load(value_or_array, index or None) -> value"},
    {"mp_store", mpStore, METH_VARARGS, "mp_store(value_or_array, index or None, value)"},
    {"mp_length", mpLength, METH_O, "mp_length(array) -> its length"},
    {"mp_internal", mpInternal, METH_O, "mp_internal(object): the library's own object"},
    {"process_start", processStart, METH_VARARGS, "process_start(name, daemon, spawned) -> (handle, in_child)"},
    {"process_exit", processExit, METH_O, "process_exit(code): a child process ends"},
    {"process_join", processJoin, METH_VARARGS, "process_join(handle, timeout): timeout < 0 waits for ever"},
    {"process_exitcode", processExitcode, METH_O, "process_exitcode(handle) -> int or None"},
    {"process_pid", processPid, METH_O, "process_pid(handle) -> the child's real pid"},
    {"process_signal", processSignal, METH_VARARGS, "process_signal(handle, kill): SIGKILL, or SIGTERM"},
    {"manager_new", managerNew, METH_NOARGS, "manager_new() -> handle: a Manager and its server process"},
    {"manager_object", managerObject, METH_VARARGS, "manager_object(handle, 'dict' or 'list', name, items) -> proxy"},
    {"manager_shutdown", managerShutdown, METH_O, "manager_shutdown(handle)"},
    {"proxy", proxyCall, METH_VARARGS, "proxy(proxy, operation, *args): one round trip to its manager"},
    {"cores", cores, METH_NOARGS, "the run's virtual cores (os.cpu_count())"},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------------------------------------
// a child process's side of the _lockstep functions

namespace child {

void pay(Run& run, Nanos atLeast) {
    Run::Child& c = *run.child;
    const Nanos d = c.owedPicos / 1000;
    if (d <= 0 || d < atLeast) return;
    c.owedPicos -= d * 1000;
    c.paid += d;
    request(Call::Work, {Obj(static_cast<long long>(d))});
}

// As a thread's clock (Bridge.cpp's virtualNow): what the child owes counts, and it never reads earlier.
Nanos now(Run& run) {
    Run::Child& c = *run.child;
    const Nanos actor = request(Call::Now, {}).asInt();
    c.clockRead = std::max(c.clockRead, actor + c.owedPicos / 1000);
    return c.clockRead;
}

void sleep(Run& run, Nanos duration) {
    pay(run, 10'000);
    request(Call::Sleep, {Obj(static_cast<long long>(duration))});
}

void emit(Run& run, std::string_view text, bool toStderr) {
    pay(run, 10'000);
    request(Call::Print, {Obj(text), Obj(toStderr)});
}

long newLocal(Run& run, Run::Child::Local local) {
    run.handles.emplace_back();
    const long h = static_cast<long>(run.handles.size() - 1);
    run.child->locals[h] = local;
    return h;
}

namespace {

using Local = Run::Child::Local;

// The child's view of a threading object: made here, or inherited from the parent (as it was at the fork).
Local& localOf(Run& run, long h) {
    auto& locals = run.child->locals;
    if (auto it = locals.find(h); it != locals.end()) return it->second;
    if (h < 0 || static_cast<std::size_t>(h) >= run.handles.size()) throw RuntimeError("unknown _lockstep handle");
    const Handle& x = run.handles[static_cast<std::size_t>(h)];
    Local local;
    if (const auto* l = std::get_if<Lock>(&x)) {
        local = {Local::Kind::Lock, l->object()->reentrant(), l->object()->locked() ? 1 : 0};
    } else if (const auto* s = std::get_if<Semaphore>(&x)) {
        local = {Local::Kind::Semaphore, false, s->value()};
    } else if (const auto* e = std::get_if<Event>(&x)) {
        local = {Local::Kind::Event, false, e->is_set() ? 1 : 0};
    } else if (std::get_if<Condition>(&x)) {
        local = {Local::Kind::Lock, true, 0};
    } else {
        throw RuntimeError("a handle of the parent that a child process cannot use");
    }
    return locals[h] = local;
}

// Waiting for what no thread of this process can ever give: with a timeout, the timeout passes; without one,
// CPython would hang for ever, which here is an error that says why.
bool waitInVain(Run& run, double timeout, const char* what) {
    if (timeout >= 0) {
        sleep(run, static_cast<Nanos>(std::llround(timeout * 1e9)));
        return false;
    }
    throw RuntimeError(std::string("deadlock: the only thread of process ") + mp::current_process().name +
                       " waits for " + what + " that no thread of this process can give (Lockstep schedules no "
                       "threads inside a child process); it would wait for ever");
}

}  // namespace

bool acquire(Run& run, long h, bool blocking, double timeout) {
    Local& l = localOf(run, h);
    if (l.kind == Local::Kind::Semaphore && l.count > 0) {
        --l.count;
        return true;
    }
    if (l.kind == Local::Kind::Lock && (l.count == 0 || l.reentrant)) {
        ++l.count;
        return true;
    }
    if (!blocking) return false;
    return waitInVain(run, timeout, l.kind == Local::Kind::Semaphore ? "a semaphore" : "a lock it holds");
}

void release(Run& run, long h, int n) {
    Local& l = localOf(run, h);
    if (l.kind == Local::Kind::Semaphore) {
        l.count += n;
        return;
    }
    if (l.count == 0)
        throw RuntimeError(l.reentrant ? "cannot release un-acquired lock" : "release unlocked lock");
    --l.count;
}

bool locked(Run& run, long h) {
    const Local& l = localOf(run, h);
    return l.kind == Local::Kind::Semaphore ? l.count == 0 : l.count > 0;
}

bool wait(Run& run, long h, double timeout) {
    Local& l = localOf(run, h);
    if (l.kind == Local::Kind::Event && l.count) return true;
    return waitInVain(run, timeout, l.kind == Local::Kind::Event ? "an event" : "a notify");
}

void eventSet(Run& run, long h, bool flag) { localOf(run, h).count = flag ? 1 : 0; }

bool eventIsSet(Run& run, long h) { return localOf(run, h).count != 0; }

std::int64_t semValue(Run& run, long h) { return localOf(run, h).count; }

}  // namespace child

}  // namespace lockstep::python
