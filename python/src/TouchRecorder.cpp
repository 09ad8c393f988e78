#include "TouchRecorder.h"

#include <opcode.h>

#include <array>
#include <cstring>
#include <string_view>

// The value stack of the frame being traced: CPython 3.11 keeps it in the frame's _PyInterpreterFrame and
// stores the stack pointer there before it calls a trace function for an instruction.
#define Py_BUILD_CORE 1
#include <internal/pycore_frame.h>
#undef Py_BUILD_CORE

#include "lockstep/Execution.h"
#include "lockstep/Footprint.h"

static_assert(PY_MAJOR_VERSION == 3 && PY_MINOR_VERSION == 11,
              "TouchRecorder reads CPython 3.11's frames and iterators; check the layouts for another version");

namespace lockstep::python {

namespace {

// The iterators of lists, dicts and sets, as CPython 3.11 lays them out (listobject.c, dictobject.c,
// setobject.c): a `for` over a shared list reads the list at every step, not only when the loop starts.
struct ListIterator {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject* sequence;
};
struct DictIterator {
    PyObject_HEAD
    PyObject* dict;
};
struct SetIterator {
    PyObject_HEAD
    PyObject* set;
};

// Values no operation can change: touching them orders nothing.
bool immutable(PyObject* o) {
    PyTypeObject* t = Py_TYPE(o);
    return o == Py_None || o == Py_Ellipsis || o == Py_NotImplemented || t == &PyLong_Type || t == &PyBool_Type ||
           t == &PyFloat_Type || t == &PyComplex_Type || t == &PyUnicode_Type || t == &PyBytes_Type ||
           t == &PyTuple_Type || t == &PyFrozenSet_Type || t == &PyRange_Type || t == &PySlice_Type ||
           t == &PyCode_Type || t == &PyFunction_Type || t == &PyCFunction_Type || t == &PyMethodDescr_Type;
}

bool nameIn(std::string_view name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

// Methods of the builtin containers that leave their object as it was.
bool readOnlyMethod(std::string_view name) {
    return nameIn(name, {"get", "keys", "values", "items", "copy", "index", "count", "issubset", "issuperset",
                         "isdisjoint", "union", "intersection", "difference", "symmetric_difference", "__contains__",
                         "__getitem__", "__len__", "__iter__", "__reversed__", "__repr__", "__str__", "__format__",
                         "__eq__", "__ne__", "__hash__", "__sizeof__"});
}

// Builtin functions that only read their arguments.
bool readOnlyBuiltin(std::string_view name) {
    return nameIn(name, {"len", "print", "repr", "str", "ascii", "format", "hash", "id", "isinstance", "issubclass",
                         "callable", "abs", "min", "max", "sum", "sorted", "any", "all", "iter", "hasattr", "getattr",
                         "divmod", "pow", "round", "ord", "chr", "bin", "hex", "oct", "dir", "vars"});
}

}  // namespace

std::uint64_t TouchRecorder::numberOf(PyObject* object) {
    auto it = objects_.find(object);
    if (it != objects_.end()) {
        Followed& f = it->second;
        if (!f.weak || PyWeakref_GetObject(f.ref) == object) return f.number;
        // The object this address named has died; a new one lives there now.
        Py_DECREF(f.ref);
        objects_.erase(it);
    }
    Followed f{Footprint::kForeign | next_++, nullptr, false};
    if (PyType_SUPPORTS_WEAKREFS(Py_TYPE(object))) {
        f.ref = PyWeakref_NewRef(object, nullptr);
        if (f.ref) f.weak = true;
        else PyErr_Clear();
    }
    if (!f.weak) {
        Py_INCREF(object);
        f.ref = object;
    }
    objects_.emplace(object, f);
    return f.number;
}

void TouchRecorder::touchObject(Execution& ex, PyObject* object, bool write) {
    if (!object || immutable(object)) return;
    ex.noteTouch(numberOf(object), write);
}

void TouchRecorder::touchGlobal(Execution& ex, PyObject* globals, PyObject* name, bool write) {
    const auto key = std::make_pair(globals, name);
    auto it = globals_.find(key);
    if (it == globals_.end()) {
        Py_INCREF(globals);
        Py_INCREF(name);
        it = globals_.emplace(key, Footprint::kForeign | next_++).first;
    }
    ex.noteTouch(it->second, write);
}

void TouchRecorder::touchCall(Execution& ex, PyObject** args, Py_ssize_t nargs, PyObject* callable, PyObject* self,
                              const std::function<bool(PyCodeObject*)>& traced) {
    // The learner's own functions and methods: what their bodies touch is seen there.
    if (PyFunction_Check(callable) && traced(reinterpret_cast<PyCodeObject*>(PyFunction_GET_CODE(callable)))) return;
    bool argsWritten = true;
    if (PyObject_TypeCheck(callable, &PyMethodDescr_Type)) {
        // A builtin type's method, called on `self` (list.append, dict.get...): it reads its arguments.
        const char* name = PyUnicode_AsUTF8(PyDescr_NAME(callable));
        if (!name) PyErr_Clear();
        touchObject(ex, self, !(name && readOnlyMethod(name)));
        argsWritten = false;
        self = nullptr;
    } else if (PyCFunction_Check(callable)) {
        PyObject* owner = PyCFunction_GET_SELF(callable);
        const char* name = reinterpret_cast<PyCFunctionObject*>(callable)->m_ml->ml_name;
        if (owner && !PyModule_Check(owner)) {
            // A bound builtin method (f = items.append; f(x)).
            touchObject(ex, owner, !readOnlyMethod(name));
            argsWritten = false;
        } else {
            argsWritten = !readOnlyBuiltin(name);
        }
    } else if (PyType_Check(callable)) {
        argsWritten = false;  // a constructor copies what it is given (list(x)); a class's own __init__ is traced
    } else if (!PyFunction_Check(callable)) {
        touchObject(ex, callable, true);  // an object with __call__, functools.partial...
    }
    if (self) touchObject(ex, self, true);  // a standard-library method: its object may change
    for (Py_ssize_t i = 0; i < nargs; ++i) touchObject(ex, args[i], argsWritten);
}

void TouchRecorder::onInstruction(Execution& ex, PyFrameObject* frame, int op, unsigned oparg,
                                  const std::function<bool(PyCodeObject*)>& traced) {
    _PyInterpreterFrame* f = frame->f_frame;
    const int base = f->f_code->co_nlocalsplus;
    const int depth = f->stacktop - base;
    PyObject** top = f->localsplus + f->stacktop;  // top[-1] is the top of the stack
    auto peek = [&](int i) -> PyObject* { return i <= depth ? top[-i] : nullptr; };
    const bool moduleLevel = (f->f_code->co_flags & CO_NEWLOCALS) == 0;
    PyObject* names = f->f_code->co_names;
    auto name = [&](unsigned index) -> PyObject* {
        return index < static_cast<unsigned>(PyTuple_GET_SIZE(names)) ? PyTuple_GET_ITEM(names, index) : nullptr;
    };
    switch (op) {
        case LOAD_GLOBAL:
            if (PyObject* n = name(oparg >> 1)) touchGlobal(ex, f->f_globals, n, false);
            break;
        case LOAD_NAME:
            if (PyObject* n = name(oparg); n && moduleLevel) touchGlobal(ex, f->f_globals, n, false);
            break;
        case STORE_GLOBAL:
        case DELETE_GLOBAL:
            if (PyObject* n = name(oparg)) touchGlobal(ex, f->f_globals, n, true);
            break;
        case STORE_NAME:
        case DELETE_NAME:
            if (PyObject* n = name(oparg); n && moduleLevel) touchGlobal(ex, f->f_globals, n, true);
            break;
        case LOAD_DEREF:
        case LOAD_CLASSDEREF:
        case STORE_DEREF:
        case DELETE_DEREF:
            // A closure's cell: nested functions of two threads may share it (nonlocal counters).
            if (static_cast<int>(oparg) < base) {
                PyObject* cell = f->localsplus[oparg];
                if (cell && PyCell_Check(cell)) touchObject(ex, cell, op == STORE_DEREF || op == DELETE_DEREF);
            }
            break;
        case LOAD_ATTR:
        case LOAD_METHOD:  // the call that follows decides whether the object changes
        case IMPORT_FROM:
            touchObject(ex, peek(1), false);
            break;
        case STORE_ATTR:
        case DELETE_ATTR:
            touchObject(ex, peek(1), true);
            break;
        case BINARY_SUBSCR:
            touchObject(ex, peek(2), false);
            break;
        case STORE_SUBSCR:
        case DELETE_SUBSCR:
            touchObject(ex, peek(2), true);
            break;
        case BINARY_OP:
            touchObject(ex, peek(2), oparg >= NB_INPLACE_ADD);  // items += more changes the list in place
            touchObject(ex, peek(1), false);
            break;
        case COMPARE_OP:
        case CONTAINS_OP:
            touchObject(ex, peek(2), false);
            touchObject(ex, peek(1), false);
            break;
        case GET_ITER:
        case UNPACK_SEQUENCE:
        case UNPACK_EX:
        case LIST_EXTEND:
        case SET_UPDATE:
        case DICT_UPDATE:
        case DICT_MERGE:
            touchObject(ex, peek(1), false);
            break;
        case FORMAT_VALUE:
            touchObject(ex, peek((oparg & 0x04) ? 2 : 1), false);
            break;
        case BEFORE_WITH:
            touchObject(ex, peek(1), true);
            break;
        case FOR_ITER:
            if (PyObject* it = peek(1)) {
                PyTypeObject* t = Py_TYPE(it);
                if (t == &PyListIter_Type || t == &PyListRevIter_Type) touchObject(ex, reinterpret_cast<ListIterator*>(it)->sequence, false);
                else if (t == &PyDictIterKey_Type || t == &PyDictIterValue_Type || t == &PyDictIterItem_Type)
                    touchObject(ex, reinterpret_cast<DictIterator*>(it)->dict, false);
                else if (t == &PySetIter_Type) touchObject(ex, reinterpret_cast<SetIterator*>(it)->set, false);
                else if (t == &PyRangeIter_Type || t == &PyLongRangeIter_Type || t == &PyTupleIter_Type) {
                    // over something that cannot change, and the thread's own
                } else {
                    // A generator or another iterator: taking an item changes it. (What an enumerate() or zip()
                    // reads on each step is not seen: only GET_ITER's read of what it was made from.)
                    touchObject(ex, it, true);
                }
            }
            break;
        case CALL: {
            // ... | NULL | callable | args...   or   ... | method | self | args...   (oparg arguments)
            const int n = static_cast<int>(oparg);
            if (n + 2 > depth) break;
            PyObject* below = peek(n + 2);
            PyObject* callable = below ? below : peek(n + 1);
            PyObject* self = below ? peek(n + 1) : nullptr;
            if (callable) touchCall(ex, top - n, n, callable, self, traced);
            break;
        }
        case CALL_FUNCTION_EX: {
            // ... | NULL | callable | args tuple | (kwargs dict)
            const int kw = (oparg & 1) ? 1 : 0;
            PyObject* callable = peek(2 + kw);
            PyObject* args = peek(1 + kw);
            if (callable && args && PyTuple_Check(args))
                touchCall(ex, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), callable, nullptr, traced);
            break;
        }
        default: break;
    }
}

void TouchRecorder::release() {
    for (auto& [address, f] : objects_) Py_DECREF(f.ref);
    objects_.clear();
    for (auto& [key, number] : globals_) {
        Py_DECREF(key.first);
        Py_DECREF(key.second);
    }
    globals_.clear();
}

}  // namespace lockstep::python
