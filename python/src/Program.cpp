// A Python program as a scenario, and one run of it: the sub-interpreter's life, the actors' thread states,
// and the trace function that turns the learner's lines (or bytecode instructions) into scheduling points.

#include "lockstep/python/Program.h"

#include <fcntl.h>
#include <opcode.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <limits>
#include <mutex>

#include "Bridge.h"
#include "lockstep/mp/Detail.h"
#include "RunnerClient.h"
#include "lockstep/scenarios/Registry.h"

// PyFrameObject's fields: the trace settings of a frame are set directly, not through setattr by name, since
// that runs for every call the program makes (the standard library's included).
#define Py_BUILD_CORE 1
#include <internal/pycore_frame.h>
#undef Py_BUILD_CORE

namespace lockstep::python {

namespace {

int traceFunction(PyObject* module, PyFrameObject* frame, int what, PyObject*) {
    // Returns and exceptions of every frame, the standard library's included, come here too: nothing to do.
    if (what != PyTrace_CALL && what != PyTrace_LINE && what != PyTrace_OPCODE) return 0;
    Run* run = moduleRun(module);
    return run ? run->onTrace(frame, what) : 0;
}

// A global whose name is all capitals is a constant by Python's convention (and the listings' parameters):
// reading it is not shared-memory traffic worth a Load event.
bool isConstantName(const std::string& n) {
    bool letter = false;
    for (char c : n) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

bool isSimpleValue(PyObject* v) {
    return v == Py_None || PyLong_Check(v) || PyFloat_Check(v) || PyUnicode_Check(v);
}

// What one instruction of the learner's code costs in virtual time, in picoseconds: CPython 3.11's own time
// per instruction on the machine Lockstep was calibrated on (README, "CPU time"), by three kinds of instruction
// fitted to eight CPU-bound loops (arithmetic, recursion, dict and list updates, f-strings, prime sieving,
// method calls, comprehensions), each then within 0.75-1.3x of CPython's time: moving a value between the frame
// and the stack or jumping costs about 1 ns; an operation on objects (arithmetic, comparison, attribute,
// subscript, iteration) 7.5 ns; a call 11 ns before the callee's own instructions; formatting a value into a
// string 44 ns. C functions (sum, sorted, math.factorial) and the standard library's Python code cost only the
// call that reaches them: their instructions are not traced.
struct InstructionCosts {
    std::array<std::int32_t, 256> picos{};
    InstructionCosts() {
        picos.fill(7'500);
        for (int op : {LOAD_FAST, LOAD_CONST, STORE_FAST, POP_TOP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT,
                       JUMP_FORWARD, POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_FALSE,
                       POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_FORWARD_IF_NONE, POP_JUMP_FORWARD_IF_NOT_NONE,
                       POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE, COPY, SWAP, NOP, RESUME, PUSH_NULL,
                       PRECALL, RETURN_VALUE, GET_ITER, KW_NAMES, EXTENDED_ARG, LOAD_CLOSURE, CACHE})
            picos[static_cast<std::size_t>(op)] = 1'000;
        for (int op : {CALL, CALL_FUNCTION_EX}) picos[static_cast<std::size_t>(op)] = 11'000;
        for (int op : {FORMAT_VALUE, BUILD_STRING}) picos[static_cast<std::size_t>(op)] = 44'000;
    }
};

std::int64_t instructionCost(int op) {
    static const InstructionCosts costs;
    return op >= 0 && op < 256 ? costs.picos[static_cast<std::size_t>(op)] : 7'500;
}

std::string utf8(PyObject* s) {
    Py_ssize_t n = 0;
    const char* p = PyUnicode_AsUTF8AndSize(s, &n);
    if (!p) {
        PyErr_Clear();
        return {};
    }
    return std::string(p, static_cast<std::size_t>(n));
}

// Runs the bootstrap's function `name` with string arguments; returns its result (new reference) or nullptr
// with the Python error set.
PyObject* callBootstrap(const char* name, const std::string& a = {}, const std::string& b = {}, int nargs = 0) {
    PyObject* mod = PyImport_AddModule("_lockstep_bootstrap");  // borrowed
    if (!mod) return nullptr;
    PyObject* fn = PyObject_GetAttrString(mod, name);
    if (!fn) return nullptr;
    PyObject* result = nargs == 2 ? PyObject_CallFunction(fn, "s#s#", a.data(), static_cast<Py_ssize_t>(a.size()),
                                                          b.data(), static_cast<Py_ssize_t>(b.size()))
                                  : PyObject_CallNoArgs(fn);
    Py_DECREF(fn);
    return result;
}

// The text of the pending Python exception as CPython prints it, and the exception cleared.
std::string takeErrorText() {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    std::string text = "unknown error";
    if (value) {
        PyObject* typeName = type ? PyObject_GetAttrString(type, "__name__") : nullptr;
        PyObject* str = PyObject_Str(value);
        if (typeName && str) text = utf8(typeName) + ": " + utf8(str);
        Py_XDECREF(typeName);
        Py_XDECREF(str);
        PyErr_Clear();
    }
    if (PyObject* traceback = PyImport_ImportModule("traceback")) {
        if (PyObject* lines = PyObject_CallMethod(traceback, "format_exception_only", "OO", type ? type : Py_None,
                                                  value ? value : Py_None)) {
            PyObject* empty = PyUnicode_FromString("");
            if (PyObject* joined = PyUnicode_Join(empty, lines)) {
                text = utf8(joined);
                Py_DECREF(joined);
            }
            Py_XDECREF(empty);
            Py_DECREF(lines);
        }
        Py_DECREF(traceback);
    }
    PyErr_Clear();
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// the run

Run::Run(std::string path, std::string source, bool bytecodePoints)
    : bytecode(bytecodePoints), path_(std::move(path)), source_(std::move(source)) {
    dir_ = std::filesystem::path(path_).parent_path().string() + "/";
}

std::string Run::uniqueName(std::string name) {
    if (name.empty()) return name;
    // Suffixes continue from the last one given to `name`: 10,000 futures of one list all named after it
    // ("futures._condition-9999") must not cost a scan over the names taken before each.
    int& next = nextSuffix_[name];  // 0: the bare name was not tried yet; then 2, 3...
    for (;;) {
        std::string candidate = next == 0 ? name : name + "-" + std::to_string(next);
        next = next == 0 ? 2 : next + 1;
        if (names_.insert(candidate).second) return candidate;
    }
}

void Run::installTrace() { PyEval_SetTrace(traceFunction, module_); }

Run::CpuAccount& Run::account(ActorId me) {
    if (me >= cpu_.size()) cpu_.resize(static_cast<std::size_t>(me) + 1);
    return cpu_[me];
}

Nanos Run::owedCpu(ActorId me) const { return me < cpu_.size() ? cpu_[me].owedPicos / 1000 : 0; }

Nanos Run::cpuUsed(ActorId me) const { return me < cpu_.size() ? cpu_[me].paid + cpu_[me].owedPicos / 1000 : 0; }

Nanos Run::cpuUsedByAll() const {
    Nanos total = 0;
    for (const CpuAccount& a : cpu_) total += a.paid + a.owedPicos / 1000;
    return total;
}

bool Run::payCpu(Execution& ex, ActorId me, Nanos atLeast) {
    CpuAccount& a = account(me);
    const Nanos d = a.owedPicos / 1000;
    if (d <= 0 || d < atLeast) return false;
    a.owedPicos -= d * 1000;
    a.paid += d;
    WithoutGil unlocked;
    ex.beginStep();
    ex.workFor(me, d);
    return true;
}

void Run::payOwedCpu(Nanos atLeast) {
    if (!cpuTime) return;
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me != kNoActor) payCpu(ex, me, atLeast);
}

void Run::chargeCpu(ActorId me, Nanos cost) {
    if (cpuTime && me != kNoActor) account(me).owedPicos += cost * 1000;
}

bool Run::payCpuAtEnd() {
    try {
        payOwedCpu(1);
    } catch (const AbortRun&) {
        return false;
    }
    return true;
}

void Run::finishThreadState(PyThreadState* ts) {
    PyEval_SetTrace(nullptr, nullptr);
    PyThreadState_Clear(ts);
    PyThreadState_DeleteCurrent();  // and the GIL with it
}

void Run::runMain() {
    Execution& ex = Execution::current();
    runSeed = ex.seed();
    interp_ = mainInterpreter();
    PyThreadState* ts = PyThreadState_New(interp_);
    PyEval_RestoreThread(ts);

    bool aborted = false;
    std::string failure;
    module_ = PyImport_ImportModule("_lockstep");
    if (module_) {
        setModuleRun(module_, this);
        abortType = moduleAbortType(module_);
        installTrace();
        PyObject* r = callBootstrap("_run_main", path_, source_, 2);
        if (r) {
            Py_DECREF(r);
            // As CPython's finalization does after atexit: the main module's globals are cleared, with no Python
            // frame running, and garbage collected, so what they held goes now (a coroutine never awaited warns
            // "sys:1: RuntimeWarning: coroutine 'work' was never awaited", a __del__ runs).
            // CPython imports nothing any more by then, so its warnings carry no "Enable tracemalloc" hint.
            PyDict_SetItemString(PyImport_GetModuleDict(), "tracemalloc", Py_None);
            if (PyObject* main = PyImport_AddModule("__main__")) _PyModule_Clear(main);
            PyGC_Collect();
            r = callBootstrap("_flush");
            Py_XDECREF(r);
            if (PyErr_Occurred() && PyErr_ExceptionMatches(abortType)) aborted = true;
            PyErr_Clear();
        } else if (PyErr_ExceptionMatches(abortType)) {
            PyErr_Clear();
            aborted = true;
        } else {
            failure = "the Lockstep bridge failed: " + takeErrorText();
        }
    } else {
        failure = "the _lockstep module failed to load: " + takeErrorText();
    }
    if (!aborted && failure.empty() && !payCpuAtEnd()) aborted = true;
    finishThreadState(ts);
    if (aborted) throw AbortRun{};
    if (!failure.empty()) throw RuntimeError(failure);
}

std::string prepareBootstrap() {
    PyObject* module = PyImport_ImportModule("_lockstep");
    if (!module) return "the _lockstep module failed to load: " + takeErrorText();
    Py_DECREF(module);
    // The bootstrap runs as a module of its own (its globals: the _quiet flag, the program's paths).
    PyObject* mod = PyImport_AddModule("_lockstep_bootstrap");
    PyObject* globals = mod ? PyModule_GetDict(mod) : nullptr;
    PyObject* code = Py_CompileString(kBootstrapSource, "<lockstep>", Py_file_input);
    // Its functions call into the import system from C (pickle, an exception's module), which finds the
    // builtins through the calling frame's globals.
    if (globals) PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    if (PyObject* file = PyUnicode_FromString("<lockstep>"); file && globals) {
        PyDict_SetItemString(globals, "__file__", file);
        Py_DECREF(file);
    }
    PyObject* done = code && globals ? PyEval_EvalCode(code, globals, globals) : nullptr;
    Py_XDECREF(code);
    if (!done) return "the Lockstep bridge failed to start: " + takeErrorText();
    Py_DECREF(done);
    PyObject* r = callBootstrap("_prepare");
    if (!r) return "the Lockstep bridge failed to prepare the standard library: " + takeErrorText();
    Py_DECREF(r);
    return {};
}

std::string compileError(const std::string& path, const std::string& source) {
    std::string error;
    PyObject* code = Py_CompileStringExFlags(source.c_str(), path.c_str(), Py_file_input, nullptr, -1);
    if (!code) error = takeErrorText();
    Py_XDECREF(code);
    return error;
}

void runProgram(const std::string& path, const std::string& source, bool bytecode, bool frameLocals) {
    Execution& ex = Execution::current();
    auto run = std::make_shared<Run>(path, source, bytecode);
    run->frameLocals = frameLocals;
    run->cpuTime = scenarios::Params(ex.config().params).get(kCpuParam, 1) != 0;
    ex.extension(Execution::Extension::PythonProgram) = run;
    run->runMain();
}

void Run::runThread(PyObject* call) {
    PyThreadState* ts = PyThreadState_New(interp_);
    PyEval_RestoreThread(ts);
    installTrace();
    PyObject* result = PyObject_Call(PyTuple_GET_ITEM(call, 0), PyTuple_GET_ITEM(call, 1), PyTuple_GET_ITEM(call, 2));
    Py_DECREF(call);
    bool aborted = false;
    if (!result) {
        if (PyErr_ExceptionMatches(abortType)) {
            aborted = true;
            PyErr_Clear();
        } else if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
            PyErr_Clear();  // as _thread does: SystemExit ends the thread quietly
        } else {
            // A bare _thread thread (threading.Thread reports through its excepthook): CPython's own words.
            PyErr_WriteUnraisable(nullptr);
        }
    }
    Py_XDECREF(result);
    if (!aborted && !payCpuAtEnd()) aborted = true;
    finishThreadState(ts);
    if (aborted) throw AbortRun{};
}

// ---------------------------------------------------------------------------------------------------------
// scheduling points

Run::FileKind Run::fileKind(PyCodeObject* code) {
    PyObject* file = code->co_filename;
    // Consecutive events mostly come from one file.
    if (file == lastFile_) return lastKind_;
    auto it = files_.find(file);
    if (it != files_.end()) {
        lastFile_ = file;
        lastKind_ = it->second;
        return it->second;
    }
    const std::string name = utf8(file);
    FileKind kind = FileKind::Other;
    if (name == path_) kind = FileKind::Main;
    else if (name.rfind(dir_, 0) == 0 && name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0 &&
             name.rfind("/usr/lib/python3", 0) != 0)
        kind = FileKind::User;
    Py_INCREF(file);
    files_.emplace(file, kind);
    return kind;
}

int Run::onTrace(PyFrameObject* frame, int what) {
    PyCodeObject* code = PyFrame_GetCode(frame);
    const FileKind kind = fileKind(code);
    int result = 0;
    if (what == PyTrace_CALL) {
        // The standard library runs without scheduling points between the learner's lines: no line events for
        // its frames at all. The learner's frames report every instruction, for the loads and stores of
        // module globals (and, in bytecode mode, as scheduling points).
        if (kind == FileKind::Other) frame->f_trace_lines = 0;
        else frame->f_trace_opcodes = 1;
    } else if (child && kind != FileKind::Other) {
        result = childTrace(frame, what, kind == FileKind::Main);
    } else if (kind != FileKind::Other) {
        // No C++ exception may cross CPython's frames: an aborted run unwinds the Python stack as RunAborted.
        try {
            if (what == PyTrace_LINE) result = linePoint(frame, kind == FileKind::Main);
            else if (what == PyTrace_OPCODE) result = opcodeEvent(frame, code, kind == FileKind::Main);
        } catch (const AbortRun&) {
            PyErr_SetString(abortType, "the run was stopped");
            result = -1;
        } catch (const std::exception& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
            result = -1;
        }
    }
    Py_DECREF(code);
    return result;
}

// In a child process (multiprocessing) a line is not a scheduling point: the child's memory is its own, so
// only its requests (a queue, a pipe, a lock, a print) can meet another actor. Its instructions still cost
// CPU time, paid as bursts of its actor (its own GIL: processes compute in parallel on the virtual cores), and
// each line moves its actor's listing line. A burst is a request and its answer; one every millisecond of
// virtual time keeps the child's silences short in real time too (tracing makes a millisecond of Python
// tens of milliseconds), far from the freeze limit.
constexpr Nanos kChildBurst = 1'000'000;

int Run::childTrace(PyFrameObject* frame, int what, bool mainFile) {
    try {
        if (what == PyTrace_OPCODE) {
            if (!cpuTime) return 0;
            PyCodeObject* code = PyFrame_GetCode(frame);
            PyObject* bytes = PyCode_GetCode(code);
            Py_DECREF(code);
            if (!bytes) return -1;
            const int offset = PyFrame_GetLasti(frame);
            const int op = offset >= 0 && offset < PyBytes_GET_SIZE(bytes)
                               ? reinterpret_cast<const unsigned char*>(PyBytes_AS_STRING(bytes))[offset]
                               : -1;
            Py_DECREF(bytes);
            child->owedPicos += instructionCost(op);
            // A loop on one line (`while True: pass`) has no line events: it pays here.
            if (child->owedPicos >= kChildBurst * 1'000) child::pay(*this, 1);
        } else if (what == PyTrace_LINE) {
            if (mainFile)
                if (mp::detail::ChildLink* link = mp::detail::childLink()) link->line = std::clamp(PyFrame_GetLineNumber(frame), 0, 65535);
            if (cpuTime) child::pay(*this, kChildBurst);
        }
    } catch (const std::exception& e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
        return -1;
    }
    return 0;
}

// The scheduling point of a line (or, in bytecode mode, of an instruction): a step of its own whose event
// names the line, then the policy picks who runs next.
void Run::schedulingPoint(Execution& ex, ActorId me, PyFrameObject* frame, bool main) {
    const int line = PyFrame_GetLineNumber(frame);
    if (main) ex.setLine(me, static_cast<std::uint16_t>(std::clamp(line, 0, 65535)));
    // A thread that owes a GIL switch interval of CPU time (5 ms) computes it here, so with the GIL on threads
    // hand it over as often as in CPython: the burst is this line's step (its end is where the scheduler
    // chooses again).
    if (cpuTime && payCpu(ex, me, std::max<Nanos>(ex.switchInterval(), 1'000))) return;
    WithoutGil unlocked;
    ex.beginStep();
    ex.record(me, Op::Yield, kNoObject, Result::Ok, line);
    ex.yieldPoint(me);
}

namespace {

// A value as the learner would read it in a frame, written without running any of the learner's code (a
// __repr__ of theirs could block, print or schedule): builtin scalars and short builtin containers of them
// in full, long strings cut, anything else by its type's name.
bool isPlainScalar(PyObject* v) {
    if (v == Py_None || PyBool_Check(v) || PyFloat_CheckExact(v)) return true;
    if (PyLong_CheckExact(v)) return _PyLong_NumBits(v) <= 64;  // a huge int's repr costs (and may refuse)
    return PyUnicode_CheckExact(v) && PyUnicode_GET_LENGTH(v) <= 30;
}

std::string frameValue(PyObject* v) {
    constexpr Py_ssize_t kItemsInFull = 6;
    bool full = isPlainScalar(v);
    if (!full && (PyList_CheckExact(v) || PyTuple_CheckExact(v)) && PySequence_Fast_GET_SIZE(v) <= kItemsInFull) {
        full = true;
        for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(v) && full; ++i) full = isPlainScalar(PySequence_Fast_GET_ITEM(v, i));
    } else if (!full && PyDict_CheckExact(v) && PyDict_GET_SIZE(v) <= kItemsInFull) {
        full = true;
        PyObject *key, *value;
        for (Py_ssize_t pos = 0; full && PyDict_Next(v, &pos, &key, &value);) full = isPlainScalar(key) && isPlainScalar(value);
    }
    if (full) {
        std::string text;
        if (PyObject* r = PyObject_Repr(v)) {
            text = utf8(r);
            Py_DECREF(r);
        }
        PyErr_Clear();
        return text;
    }
    if (PyUnicode_CheckExact(v)) {
        std::string text;
        if (PyObject* head = PyUnicode_Substring(v, 0, 27)) {
            if (PyObject* r = PyObject_Repr(head)) {
                text = utf8(r);
                Py_DECREF(r);
            }
            Py_DECREF(head);
        }
        PyErr_Clear();
        if (text.size() > 1) text.insert(text.size() - 1, "\u2026");
        return text;
    }
    if (PyLong_CheckExact(v)) return "int of " + std::to_string(_PyLong_NumBits(v)) + " bits";
    if (PyList_CheckExact(v) || PyTuple_CheckExact(v) || PyDict_CheckExact(v) || PyAnySet_CheckExact(v))
        return std::string(Py_TYPE(v)->tp_name) + " of " + std::to_string(PyObject_Length(v)) + " items";
    if (PyFunction_Check(v)) return "function";
    return std::string("<") + Py_TYPE(v)->tp_name + ">";
}

}  // namespace

// The locals of the frame about to run its next line, as one bounded line of text, recorded (in the step that
// is ending, which is what set them) when they differ from what this thread showed last. A module-level line
// shows none.
void Run::recordLocals(Execution& ex, ActorId me, PyFrameObject* frame) {
    constexpr int kNamesShown = 8;
    constexpr std::size_t kLongest = 240;
    std::string text;
    PyCodeObject* code = PyFrame_GetCode(frame);
    if (code->co_flags & CO_OPTIMIZED) {
        if (PyObject* locals = PyFrame_GetLocals(frame)) {
            text = utf8(code->co_name) + ":";
            PyObject *name, *value;
            int shown = 0;
            const Py_ssize_t count = PyDict_Check(locals) ? PyDict_GET_SIZE(locals) : 0;
            for (Py_ssize_t pos = 0; count > 0 && PyDict_Next(locals, &pos, &name, &value);) {
                if (shown == kNamesShown || text.size() > kLongest) {
                    text += " \u2026";
                    break;
                }
                text += (shown++ ? ", " : " ") + utf8(name) + " = " + frameValue(value);
            }
            if (count == 0) text.clear();  // a function without locals: nothing to show
            Py_DECREF(locals);
        }
        PyErr_Clear();
    }
    Py_DECREF(code);
    // A long loop changes its locals at every line: past a budget the trace stops taking them (each change is
    // an event and usually a new text), and says so once per thread instead of showing stale values.
    constexpr std::uint32_t kLocalsBudget = 200'000;
    if (localsRecorded_ >= kLocalsBudget) text = "(not recorded past the run's first 200000 changes)";
    std::string& shown = shownLocals_[me];
    if (text == shown) return;
    shown = text;
    ++localsRecorded_;
    ex.record(me, Op::Locals, kNoObject, Result::Ok, ex.text(text), TraceEvent::ArgIsString);
}

int Run::linePoint(PyFrameObject* frame, bool main) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return 0;
    flushPendingStore(me);
    if (frameLocals) recordLocals(ex, me, frame);
    if (bytecode) {
        // the instructions are the points; the line still moves the code view's marker
        if (main) ex.setLine(me, static_cast<std::uint16_t>(std::clamp(PyFrame_GetLineNumber(frame), 0, 65535)));
        return 0;
    }
    schedulingPoint(ex, me, frame, main);
    return 0;
}

int Run::opcodeEvent(PyFrameObject* frame, PyCodeObject* code, bool main) {
    {
        Execution& ex = Execution::current();
        const ActorId me = ex.enter();
        if (me == kNoActor) return 0;
        flushPendingStore(me);
        const int offset = PyFrame_GetLasti(frame);
        PyObject* bytes = PyCode_GetCode(code);
        if (!bytes) return -1;
        const auto* instr = reinterpret_cast<const unsigned char*>(PyBytes_AS_STRING(bytes));
        const Py_ssize_t size = PyBytes_GET_SIZE(bytes);
        int op = -1;
        unsigned oparg = 0;
        if (offset >= 0 && offset + 1 < size) {
            op = instr[offset];
            oparg = instr[offset + 1];
            for (int back = offset - 2, shift = 8; back >= 0 && instr[back] == EXTENDED_ARG; back -= 2, shift += 8)
                oparg |= static_cast<unsigned>(instr[back + 1]) << shift;
        }
        Py_DECREF(bytes);
        if (cpuTime) account(me).owedPicos += instructionCost(op);
        if (bytecode) schedulingPoint(ex, me, frame, main);
        if (ex.touchesWanted())
            touches_.onInstruction(ex, frame, op, oparg, [this](PyCodeObject* c) { return fileKind(c) != FileKind::Other; });
        const bool moduleLevel = (code->co_flags & CO_NEWLOCALS) == 0;
        const bool load = op == LOAD_GLOBAL || (op == LOAD_NAME && moduleLevel);
        const bool store = op == STORE_GLOBAL || (op == STORE_NAME && moduleLevel);
        if (!load && !store) return 0;
        const Py_ssize_t index = op == LOAD_GLOBAL ? static_cast<Py_ssize_t>(oparg >> 1) : static_cast<Py_ssize_t>(oparg);
        if (index >= PyTuple_GET_SIZE(code->co_names)) return 0;
        PyObject* name = PyTuple_GET_ITEM(code->co_names, index);
        PyObject* globals = PyFrame_GetGlobals(frame);
        if (load) {
            if (GlobalVariable* v = variable(globals, name, false))
                if (PyObject* value = PyDict_GetItemWithError(globals, name)) noteAccess(me, *v, value, false);
            PyErr_Clear();
        } else {
            pending_.push_back({nullptr, globals, name, me});
            Py_INCREF(globals);
            Py_INCREF(name);
        }
        Py_DECREF(globals);
    }
    return 0;
}

void Run::flushPendingStore(ActorId me) {
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        PendingStore p = pending_[i];
        if (p.actor != me) continue;
        pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(i));
        --i;
        PyObject* value = PyDict_GetItemWithError(p.globals, p.name);
        if (value) {
            if (GlobalVariable* v = variable(p.globals, p.name, isSimpleValue(value))) noteAccess(me, *v, value, true);
        }
        PyErr_Clear();
        Py_DECREF(p.globals);
        Py_DECREF(p.name);
    }
}

GlobalVariable* Run::variable(PyObject* globals, PyObject* name, bool create) {
    std::string n = utf8(name);
    if (n.empty() || n.rfind("__", 0) == 0 || isConstantName(n)) return nullptr;
    auto key = std::make_pair(globals, n);
    auto it = variables_.find(key);
    if (it != variables_.end()) return it->second.get();
    if (!create) return nullptr;
    std::string display = n;
    PyObject* moduleName = PyDict_GetItemString(globals, "__name__");
    if (moduleName && PyUnicode_Check(moduleName)) {
        const std::string m = utf8(moduleName);
        if (m != "__main__") display = m + "." + n;
    }
    auto v = std::make_shared<GlobalVariable>();
    Execution& ex = Execution::current();
    ex.registerObject(v, ObjectKind::Shared, uniqueName(display));
    variables_.emplace(key, v);
    return v.get();
}

void Run::noteAccess(ActorId me, GlobalVariable& v, PyObject* value, bool write) {
    Execution& ex = Execution::current();
    std::int32_t arg = 0;
    std::uint8_t flags = 0;
    std::string repr;
    int overflow = 0;
    const long long asInt = PyLong_Check(value) && !PyBool_Check(value) ? PyLong_AsLongLongAndOverflow(value, &overflow) : 0;
    if (PyObject* r = PyObject_Repr(value)) {
        repr = utf8(r);
        Py_DECREF(r);
    }
    PyErr_Clear();
    if (PyLong_Check(value) && !PyBool_Check(value) && !overflow && asInt >= INT32_MIN && asInt <= INT32_MAX) {
        arg = static_cast<std::int32_t>(asInt);
    } else {
        arg = ex.text(repr);
        flags = TraceEvent::ArgIsString;
    }
    v.repr = repr;
    v.numeric = (PyLong_Check(value) && !PyBool_Check(value)) || PyFloat_Check(value);
    ex.beginStep();
    ex.record(me, write ? Op::Store : Op::Load, v.id(), Result::Ok, arg, flags);
    ex.hbAccess(me, v.history, v.id(), write);
}

// ---------------------------------------------------------------------------------------------------------
// loading

namespace {

struct Loaded {
    std::string title;
    std::string description;
};

std::deque<Loaded>& texts() {
    static std::deque<Loaded> t;  // Scenario's title/description are const char*: the text lives here
    return t;
}

}  // namespace

const scenarios::Scenario* loadSource(const std::string& path, const std::string& source, std::string& error) {
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(path, ec);
    const std::string id = (ec ? std::filesystem::path(path) : abs.lexically_normal()).string();
    if (source.find('\0') != std::string::npos) {
        error = id + ": the file contains a NUL byte; a Python program is text";
        return nullptr;
    }
    try {
        // The runner's interpreter compiles it: this process has none.
        const std::string syntax = checkProgram(id, source);
        if (!syntax.empty()) {
            error = syntax;
            return nullptr;
        }
    } catch (const std::exception& e) {
        error = e.what();
        return nullptr;
    }
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    Loaded& text = texts().emplace_back();
    text.title = std::filesystem::path(id).filename().string();
    text.description = "Your program " + id +
                       ". Every line of it is a scheduling point (every bytecode instruction with the bytecode "
                       "parameter); the standard library runs between them without one.";
    scenarios::Scenario s;
    s.id = id;
    s.family = "programs";
    s.title = text.title.c_str();
    s.description = text.description.c_str();
    s.listing = source;
    s.sourcePath = id;
    s.params = {{kBytecodeParam, QT_TRANSLATE_NOOP("Scenario", "Scheduling point at every bytecode instruction"), 0, 0, 1},
                {kCpuParam, QT_TRANSLATE_NOOP("Scenario", "Python code takes CPU time"), 1, 0, 1},
                {kStartParam, QT_TRANSLATE_NOOP("Scenario", "Date and time at the start"),
                 static_cast<std::int64_t>(std::time(nullptr)), 0, std::numeric_limits<std::int32_t>::max()}};
    // Random: a learner's program has no sleeps placed to force a switch, and round-robin switches only when a
    // thread blocks, so a race would never show under it.
    s.defaults.policy = PolicyKind::Random;
    // CPython has a GIL: with CPU time on, two threads computing take twice as long as one. Two cores, as a
    // learner's laptop has at least: with the GIL off (a free-threaded Python) both then compute at once.
    s.defaults.gil = true;
    s.defaults.cores = 2;
    // Every line of the program's loops is a step: 500,000 locked increments take about 2.5 million.
    s.defaults.maxSteps = kProgramMaxSteps;
    // Every run happens in the runner's child, whose main actor runs runProgram(); nothing of the program runs
    // in this process.
    s.main = [](const scenarios::Params&) {
        throw RuntimeError("a Python program runs only in Lockstep's runner process (open its runs with "
                           "Scenario::opener())");
    };
    s.openElsewhere = [id, source](WorkerPool& pool, Trace& trace, const RunConfig& config,
                                   std::unique_ptr<Policy> policy) -> std::unique_ptr<RunSession> {
        return std::make_unique<RemoteRun>(trace, config, std::move(policy), id, source, pool.cpu());
    };
    return scenarios::addProgram(std::move(s));
}

namespace {

// What a path that is no regular file is, in words, for the message that refuses it.
const char* fileKindName(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

const scenarios::Scenario* loadProgram(const std::string& path, std::string& error) {
    // Opened without blocking, then asked what it is: a FIFO would wait forever for a writer in a blocking
    // open(), and /dev/zero would never end. Only the file's own descriptor is asked, so what is read is what
    // was checked.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return nullptr;
    }
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return nullptr;
    }
    if (!S_ISREG(st.st_mode)) {
        error = path + " is " + fileKindName(st.st_mode) + ", not a program; give a Python file, e.g. prog.py";
        return nullptr;
    }
    if (st.st_size > kMaxProgramBytes) {
        error = path + " is " + std::to_string(st.st_size) + " bytes; a program may have at most " +
                std::to_string(kMaxProgramBytes) + " (1 MB)";
        return nullptr;
    }
    std::string text;
    // One byte more than allowed, so a file that grew since fstat() is still refused.
    text.resize(static_cast<std::size_t>(kMaxProgramBytes) + 1);
    std::size_t got = 0;
    while (got < text.size()) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            error = "cannot read " + path + ": " + std::strerror(errno);
            return nullptr;
        }
        got += static_cast<std::size_t>(n);
    }
    if (got > static_cast<std::size_t>(kMaxProgramBytes)) {
        error = path + " is more than " + std::to_string(kMaxProgramBytes) + " bytes (1 MB), the most a program may have";
        return nullptr;
    }
    text.resize(got);
    return loadSource(path, text, error);
}

bool looksLikeProgram(const std::string& arg) {
    return (arg.size() > 3 && arg.compare(arg.size() - 3, 3, ".py") == 0) || arg.find('/') != std::string::npos;
}

}  // namespace lockstep::python
