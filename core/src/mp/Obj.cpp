#include "lockstep/mp/Obj.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "lockstep/Execution.h"
#include "lockstep/PyError.h"

namespace lockstep::mp {

namespace {

struct TypeError : PyError {
    explicit TypeError(const std::string& m) : PyError("TypeError", m) {}
};

const char* typeName(Obj::Type t) {
    switch (t) {
    case Obj::Type::None: return "NoneType";
    case Obj::Type::Bool: return "bool";
    case Obj::Type::Int: return "int";
    case Obj::Type::Float: return "float";
    case Obj::Type::Str: return "str";
    case Obj::Type::List: return "list";
    case Obj::Type::Tuple: return "tuple";
    case Obj::Type::Handle: return "proxy";
    case Obj::Type::Pickled: return "object";
    }
    return "object";
}

// Python's repr of a float: the shortest text that reads back to the same value (std::to_chars gives it),
// with ".0" on integral values and Python's names for the special values.
std::string floatRepr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    std::string s(buffer, ec == std::errc() ? end : buffer);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string stringRepr(const std::string& s) {
    // Python picks single quotes unless the text has a single quote and no double quote.
    const bool useDouble = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
    const char q = useDouble ? '"' : '\'';
    std::string out(1, q);
    for (char c : s) {
        if (c == q || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out + q;
}

template <typename T>
void put(std::string& out, T v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    out.append(bytes, sizeof(T));
}

template <typename T>
T take(std::string_view& in) {
    if (in.size() < sizeof(T)) throw std::runtime_error("a message between processes was cut short");
    T v;
    std::memcpy(&v, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return v;
}

std::string takeString(std::string_view& in) {
    const auto n = take<std::uint32_t>(in);
    if (in.size() < n) throw std::runtime_error("a message between processes was cut short");
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
}

}  // namespace

Obj::Type Obj::type() const {
    switch (v_.index()) {
    case 0: return Type::None;
    case 1: return Type::Bool;
    case 2: return Type::Int;
    case 3: return Type::Float;
    case 4: return Type::Str;
    case 5: return std::get<ListBox>(v_).tuple ? Type::Tuple : Type::List;
    case 6: return Type::Handle;
    default: return Type::Pickled;
    }
}

bool Obj::asBool() const {
    switch (type()) {
    case Type::None: return false;
    case Type::Bool: return std::get<bool>(v_);
    case Type::Int: return std::get<std::int64_t>(v_) != 0;
    case Type::Float: return std::get<double>(v_) != 0.0;
    case Type::Str: return !std::get<std::string>(v_).empty();
    case Type::List:
    case Type::Tuple: return !std::get<ListBox>(v_).items.empty();
    case Type::Handle:
    case Type::Pickled: return true;
    }
    return false;
}

const std::string& Obj::pickledBytes() const {
    if (auto* p = std::get_if<PickledBox>(&v_)) return p->bytes;
    throw TypeError(std::string("expected a pickled object, got ") + typeName(type()));
}

std::int64_t Obj::asInt() const {
    if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
    if (auto* b = std::get_if<bool>(&v_)) return *b ? 1 : 0;
    throw TypeError(std::string("an integer is required (got type ") + typeName(type()) + ")");
}

double Obj::asFloat() const {
    if (auto* d = std::get_if<double>(&v_)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
    throw TypeError(std::string("must be real number, not ") + typeName(type()));
}

const std::string& Obj::asStr() const {
    if (auto* s = std::get_if<std::string>(&v_)) return *s;
    throw TypeError(std::string("expected str, got ") + typeName(type()));
}

const List& Obj::items() const {
    if (auto* l = std::get_if<ListBox>(&v_)) return l->items;
    throw TypeError(std::string("'") + typeName(type()) + "' object is not iterable");
}

List& Obj::itemsMut() {
    if (auto* l = std::get_if<ListBox>(&v_)) return l->items;
    throw TypeError(std::string("'") + typeName(type()) + "' object is not iterable");
}

Handle Obj::handle() const {
    if (auto* h = std::get_if<Handle>(&v_)) return *h;
    throw TypeError(std::string("expected a multiprocessing object, got ") + typeName(type()));
}

Handle Obj::handle(ObjectKind expected) const {
    const Handle h = handle();
    if (h.kind != expected)
        throw TypeError(std::string("expected ") + std::string(objectKindName(expected)) + ", got " +
                        std::string(objectKindName(h.kind)));
    return h;
}

std::string Obj::repr() const {
    switch (type()) {
    case Type::None: return "None";
    case Type::Bool: return std::get<bool>(v_) ? "True" : "False";
    case Type::Int: return std::to_string(std::get<std::int64_t>(v_));
    case Type::Float: return floatRepr(std::get<double>(v_));
    case Type::Str: return stringRepr(std::get<std::string>(v_));
    case Type::List:
    case Type::Tuple: {
        const ListBox& l = std::get<ListBox>(v_);
        std::string out = l.tuple ? "(" : "[";
        for (std::size_t i = 0; i < l.items.size(); ++i) out += (i ? ", " : "") + l.items[i].repr();
        if (l.tuple && l.items.size() == 1) out += ",";
        return out + (l.tuple ? ")" : "]");
    }
    case Type::Handle: {
        // In the scheduler's process (where the trace's texts are made) a handle shows the object's name, as
        // the inspector lists it: <DictProxy d>, <multiprocessing.Queue-1>; in a child, its id.
        const Handle h = std::get<Handle>(v_);
        const std::string kind(objectKindName(h.kind));
        if (const Execution* ex = Execution::currentOrNull(); ex && h.id < ex->trace().objectCount()) {
            const std::string& name = ex->trace().object(h.id).name;
            return name.rfind(kind + "-", 0) == 0 ? "<" + name + ">" : "<" + kind + " " + name + ">";
        }
        return "<" + kind + " #" + std::to_string(h.id) + ">";
    }
    case Type::Pickled: return std::get<PickledBox>(v_).repr;
    }
    return {};
}

std::string Obj::str() const {
    if (auto* s = std::get_if<std::string>(&v_)) return *s;
    return repr();
}

bool Obj::operator==(const Obj& o) const {
    if (type() != o.type()) {
        // 1 == 1.0 and True == 1, as in Python
        const bool numeric = v_.index() >= 1 && v_.index() <= 3 && o.v_.index() >= 1 && o.v_.index() <= 3;
        return numeric && asFloat() == o.asFloat();
    }
    switch (type()) {
    case Type::None: return true;
    case Type::Bool: return std::get<bool>(v_) == std::get<bool>(o.v_);
    case Type::Int: return std::get<std::int64_t>(v_) == std::get<std::int64_t>(o.v_);
    case Type::Float: return std::get<double>(v_) == std::get<double>(o.v_);
    case Type::Str: return std::get<std::string>(v_) == std::get<std::string>(o.v_);
    case Type::List:
    case Type::Tuple: return std::get<ListBox>(v_).items == std::get<ListBox>(o.v_).items;
    case Type::Handle: return std::get<Handle>(v_) == std::get<Handle>(o.v_);
    case Type::Pickled: return std::get<PickledBox>(v_).bytes == std::get<PickledBox>(o.v_).bytes;
    }
    return false;
}

void Obj::encode(std::string& out) const {
    const Type t = type();
    out.push_back(static_cast<char>(t));
    switch (t) {
    case Type::None: break;
    case Type::Bool: out.push_back(std::get<bool>(v_) ? 1 : 0); break;
    case Type::Int: put(out, std::get<std::int64_t>(v_)); break;
    case Type::Float: put(out, std::get<double>(v_)); break;
    case Type::Str: {
        const std::string& s = std::get<std::string>(v_);
        put(out, static_cast<std::uint32_t>(s.size()));
        out += s;
        break;
    }
    case Type::List:
    case Type::Tuple: {
        const List& items = std::get<ListBox>(v_).items;
        put(out, static_cast<std::uint32_t>(items.size()));
        for (const Obj& item : items) item.encode(out);
        break;
    }
    case Type::Handle: {
        const Handle h = std::get<Handle>(v_);
        out.push_back(static_cast<char>(h.kind));
        put(out, h.id);
        break;
    }
    case Type::Pickled: {
        const PickledBox& p = std::get<PickledBox>(v_);
        put(out, static_cast<std::uint32_t>(p.bytes.size()));
        out += p.bytes;
        put(out, static_cast<std::uint32_t>(p.repr.size()));
        out += p.repr;
        break;
    }
    }
}

Obj Obj::decode(std::string_view& in) {
    const auto t = static_cast<Type>(take<std::uint8_t>(in));
    switch (t) {
    case Type::None: return Obj();
    case Type::Bool: return Obj(take<std::uint8_t>(in) != 0);
    case Type::Int: return Obj(static_cast<long long>(take<std::int64_t>(in)));
    case Type::Float: return Obj(take<double>(in));
    case Type::Str: return Obj(takeString(in));
    case Type::Pickled: {
        std::string bytes = takeString(in);
        return pickled(std::move(bytes), takeString(in));
    }
    case Type::List:
    case Type::Tuple: {
        const auto n = take<std::uint32_t>(in);
        if (n > in.size()) throw std::runtime_error("a message between processes has a bad length");
        List items;
        items.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) items.push_back(decode(in));
        return t == Type::Tuple ? tuple(std::move(items)) : Obj(std::move(items));
    }
    case Type::Handle: {
        const auto kind = take<std::uint8_t>(in);
        if (kind >= static_cast<std::uint8_t>(ObjectKind::Count_))
            throw std::runtime_error("a message between processes names an unknown object kind");
        return Obj(Handle{static_cast<ObjectKind>(kind), take<ObjectId>(in)});
    }
    }
    throw std::runtime_error("a message between processes has an unknown value tag");
}

}  // namespace lockstep::mp
