#pragma once
// Internal to lockstep_python: one run of a Python program (a sub-interpreter of its own) and the pieces of
// the bridge that Program.cpp drives. Everything here is touched only by the actor holding the baton, or by
// the controller after every actor has been unwound.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <variant>
#include <vector>

#include "lockstep/AccessHistory.h"
#include "lockstep/Condition.h"
#include "lockstep/Event.h"
#include "lockstep/Execution.h"
#include "lockstep/Lock.h"
#include "lockstep/Semaphore.h"
#include "lockstep/Thread.h"
#include "lockstep/mp/Manager.h"
#include "lockstep/mp/Multiprocessing.h"
#include "TouchRecorder.h"

namespace lockstep::python {

// A module global of a simple type (int, float, bool, str, None), seen by the trace as a shared variable:
// each LOAD_GLOBAL/STORE_GLOBAL of the learner's code on it is a Load/Store event, which the race detector
// checks like a built-in scenario's Shared<T>.
struct GlobalVariable final : SyncObject {
    std::string repr;     // the value at its last load or store (the run's final value at the end)
    bool numeric = false;
    AccessHistory history;
    std::string finalValue(bool& isNumeric) const override {
        isNumeric = numeric;
        return repr;
    }
};

// What a handle held by the Python side refers to. The engine objects are those of the built-in scenarios,
// so the timeline, inspector, wait-for graph and race detector see a Python program's threads and locks the
// same way.
// An asyncio task is a plain object of kind AsyncTask: the task factory records its life (Resume, Await,
// Run Done/Error/Cancelled) as the built-in asyncio engine does, so the same task lanes draw it.
using Handle = std::variant<std::monostate, Lock, Condition, Semaphore, Event, std::shared_ptr<Thread>,
                            std::shared_ptr<SyncObject>>;

class Run {
public:
    Run(std::string path, std::string source, bool bytecode);
    ~Run() = default;  // the interpreter and everything in it end with the run's process
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    // The body of the main actor: the program as __main__, in the interpreter the run's process inherited.
    void runMain();
    // The body of a thread's actor: `call` is a new reference to (function, args, kwargs).
    void runThread(PyObject* call);

    // ---- used by the _lockstep module ----
    std::deque<Handle> handles;
    std::string uniqueName(std::string name);
    PyObject* abortType = nullptr;  // _lockstep.RunAborted (BaseException): unwinds Python code on abort
    bool bytecode;
    bool frameLocals = true;  // record the threads' frame locals (see runProgram)
    const std::string& path() const { return path_; }
    std::uint64_t runSeed = 1;

    // ---- CPU time (the program's "cpu" parameter) ----
    // Each instruction of the learner's code costs virtual time (instructionCost in Program.cpp, measured
    // against CPython), owed by the thread that ran it and paid as a CPU burst (Execution::workFor), which needs
    // a core and, with the GIL on, the GIL. Paying at every instruction would make every line a burst of a few
    // nanoseconds; a thread pays once it owes a GIL switch interval (at a line), before an operation others
    // can see (a lock, a wait, a start or join, a print, a sleep) and at its end. The clock it reads counts
    // what it owes, so a loop that waits on perf_counter() ends.
    bool cpuTime = false;
    Nanos clockRead = 0;  // the latest reading of the clock any thread was given
    Nanos owedCpu(ActorId me) const;
    Nanos cpuUsed(ActorId me) const;  // paid and owed: time.thread_time()
    Nanos cpuUsedByAll() const;       // every thread's: time.process_time()
    // Pays what `me` owes as one burst when it is at least `atLeast`; true when it did. The caller holds
    // Python's GIL (released while the burst runs) and has entered the step (ex.enter()).
    bool payCpu(Execution& ex, ActorId me, Nanos atLeast);
    // The same for the calling thread, which has not entered a step yet; nothing when CPU time is off.
    void payOwedCpu(Nanos atLeast);
    // Pays everything owed at the end of a thread; false when the run was aborted meanwhile.
    bool payCpuAtEnd();
    // What the standard library's C code costs where the instructions do not say it (starting a process).
    void chargeCpu(ActorId me, Nanos cost);

    // ---- multiprocessing (Processes.cpp) ----
    // The program's child processes, by the index process_start() gave the Python side.
    std::vector<mp::Process> processes;
    std::vector<mp::Manager> managers;  // multiprocessing.Manager(): the engine's, with its server process
    // Set in a child process: the fork copied this run's engine, which is the parent's to drive. Here each
    // scheduling point is a request to the child's stand-in actor (mp::detail::call), and threading's objects,
    // which only the child's one thread can touch, are plain local state.
    struct Child {
        std::int64_t owedPicos = 0;  // CPU time, as CpuAccount
        Nanos paid = 0;
        Nanos switchInterval = 5'000'000;
        Nanos clockRead = 0;
        std::uint64_t seed = 1;
        std::int64_t wallStart = 0;
        int line = 0;
        // A threading object as this process sees it: a lock's or condition's holds, a semaphore's value,
        // an event's flag.
        struct Local {
            enum class Kind : std::uint8_t { Lock, Semaphore, Event } kind = Kind::Lock;
            bool reentrant = false;
            std::int64_t count = 0;
        };
        std::unordered_map<long, Local> locals;
    };
    std::unique_ptr<Child> child;
    // The child's side of the trace function: instructions cost CPU time, lines move its listing line.
    int childTrace(PyFrameObject* frame, int what, bool mainFile);

    // ---- used by the trace function ----
    int onTrace(PyFrameObject* frame, int what);

private:
    enum class FileKind : std::uint8_t { Other, User, Main };
    FileKind fileKind(PyCodeObject* code);
    int linePoint(PyFrameObject* frame, bool main);
    void schedulingPoint(Execution& ex, ActorId me, PyFrameObject* frame, bool main);
    int opcodeEvent(PyFrameObject* frame, PyCodeObject* code, bool main);
    void flushPendingStore(ActorId me);
    void recordLocals(Execution& ex, ActorId me, PyFrameObject* frame);
    GlobalVariable* variable(PyObject* globals, PyObject* name, bool create);
    void noteAccess(ActorId me, GlobalVariable& v, PyObject* value, bool write);
    void installTrace();
    void finishThreadState(PyThreadState* ts);
    std::string describeAndReport(const char* header);

    std::string path_;
    std::string dir_;
    std::string source_;
    PyInterpreterState* interp_ = nullptr;
    PyObject* module_ = nullptr;  // this interpreter's _lockstep
    std::map<PyObject*, FileKind> files_;  // co_filename objects (strong references) -> kind
    PyObject* lastFile_ = nullptr;         // the last one looked up, and its kind
    FileKind lastKind_ = FileKind::Other;
    std::map<std::pair<PyObject*, std::string>, std::shared_ptr<GlobalVariable>> variables_;
    std::unordered_set<std::string> names_;
    std::unordered_map<std::string, int> nextSuffix_;  // per base name: the suffix to try next (0: none yet)
    // A STORE_GLOBAL/STORE_NAME seen at an opcode event: the value is read at the next event of the same
    // thread, once the store has happened.
    struct PendingStore {
        GlobalVariable* variable = nullptr;
        PyObject* globals = nullptr;
        PyObject* name = nullptr;
        ActorId actor = kNoActor;
    };
    std::vector<PendingStore> pending_;
    // What each thread's innermost frame of the learner's code held when last recorded ("update: by = 10"),
    // so that a Locals event is written only when it changed.
    std::unordered_map<ActorId, std::string> shownLocals_;
    std::uint32_t localsRecorded_ = 0;
    TouchRecorder touches_;  // what each instruction touches, while the explorer asks (Execution::touchesWanted)
    struct CpuAccount {
        std::int64_t owedPicos = 0;  // instructions run and not yet paid for, in picoseconds
        Nanos paid = 0;
    };
    std::vector<CpuAccount> cpu_;  // by actor
    CpuAccount& account(ActorId me);
};

// GIL-free section around an engine call that may hand the baton over: another actor takes the GIL while
// this one waits for the baton. Destruction (also when AbortRun passes) takes the GIL back.
class WithoutGil {
public:
    WithoutGil() : state_(PyEval_SaveThread()) {}
    ~WithoutGil() { PyEval_RestoreThread(state_); }
    WithoutGil(const WithoutGil&) = delete;
    WithoutGil& operator=(const WithoutGil&) = delete;

private:
    PyThreadState* state_;
};

// A child process's versions of the _lockstep functions (Processes.cpp): see Run::Child.
namespace child {
void pay(Run& run, Nanos atLeast);  // CPU owed, as one burst of the child's actor (a Work request)
Nanos now(Run& run);
void sleep(Run& run, Nanos duration);
void emit(Run& run, std::string_view text, bool toStderr);
long newLocal(Run& run, Run::Child::Local local);  // a handle of the run's table, for an object made here
bool acquire(Run& run, long h, bool blocking, double timeout);
void release(Run& run, long h, int n);
bool locked(Run& run, long h);
bool wait(Run& run, long h, double timeout);
void eventSet(Run& run, long h, bool flag);
bool eventIsSet(Run& run, long h);
std::int64_t semValue(Run& run, long h);
}  // namespace child
// The _lockstep module's multiprocessing functions (Processes.cpp), for its method table.
extern PyMethodDef kProcessMethods[];
// Sets the Python exception for the C++ exception being handled (Bridge.cpp); returns nullptr.
PyObject* translateError(PyObject* module);
Run& moduleRunOrThrow(PyObject* module);

// The runner's interpreter (initialised once, isolated), which each run's child inherits. startInterpreter()
// is the runner's first step; mainInterpreter() throws in any other process.
bool startInterpreter(std::string& error);
PyInterpreterState* mainInterpreter();
// Loads the bootstrap as the module _lockstep_bootstrap and prepares the standard library (the runner, once,
// holding the GIL). Returns "" or what went wrong.
std::string prepareBootstrap();
// The compile error of a program as CPython words it, or "" (the runner, holding the GIL).
std::string compileError(const std::string& path, const std::string& source);
// The body of a program's main actor in a run's child.
// `frameLocals`: record each thread's locals (Op::Locals) for the learner to read; the explorer's runs, whose
// traces nobody reads step by step, go without that cost.
void runProgram(const std::string& path, const std::string& source, bool bytecode, bool frameLocals);
// The _lockstep module's init function, for the interpreter's table of built-in modules.
PyObject* initBridgeModule();
// The Run a _lockstep module instance serves.
void setModuleRun(PyObject* module, Run* run);
Run* moduleRun(PyObject* module);
PyObject* moduleAbortType(PyObject* module);  // that module's RunAborted
extern const char* const kBootstrapSource;

}  // namespace lockstep::python
