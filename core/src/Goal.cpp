#include "lockstep/Goal.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include "lockstep/ObjectTraits.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep {

namespace goal {

enum class Kind : std::uint8_t { Or, And, Not, Compare, State, Number, Text, Name, Func };
enum class Cmp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };
enum class Fn : std::uint8_t {
    // moments
    Inside, Holding, Waiting, Items, Blocked, Cancelled, Errors, Races, Alive,
    // ends
    Status, Uncaught, Printed, Time, LastPrint, Steps, Order, Nth, Value,
};

struct FnInfo {
    const char* name;
    Fn fn;
    bool moment;
    // What the arguments are: "" none, "r" a line range, "o" an object's name, "t" a thread's name, "s" a text,
    // "on" an object's name and a number.
    const char* args;
    bool number;  // gives a number (else a text)
};

constexpr FnInfo kFunctions[] = {
    {"inside", Fn::Inside, true, "r", true},       {"holding", Fn::Holding, true, "o", true},
    {"waiting", Fn::Waiting, true, "o", true},     {"items", Fn::Items, true, "o", true},
    {"blocked", Fn::Blocked, true, "t", true},     {"cancelled", Fn::Cancelled, true, "", true},
    {"errors", Fn::Errors, true, "", true},        {"races", Fn::Races, true, "", true},
    {"alive", Fn::Alive, true, "", true},          {"status", Fn::Status, false, "", false},
    {"uncaught", Fn::Uncaught, false, "", true},   {"printed", Fn::Printed, false, "s", true},
    {"time", Fn::Time, false, "", true},           {"last_print", Fn::LastPrint, false, "", true},
    {"steps", Fn::Steps, false, "", true},         {"order", Fn::Order, false, "o", false},
    {"nth", Fn::Nth, false, "on", false},          {"value", Fn::Value, false, "o", false},
};

const FnInfo& info(Fn fn) {
    for (const FnInfo& f : kFunctions)
        if (f.fn == fn) return f;
    return kFunctions[0];
}

struct Node {
    Kind kind = Kind::Number;
    std::vector<std::shared_ptr<Node>> kids;
    Cmp cmp = Cmp::Eq;
    RunStatus status = RunStatus::Finished;
    Fn fn = Fn::Inside;
    double number = 0;
    std::string text;          // Text, Name; Func: its object, thread or text argument
    int lo = 0, hi = 0;        // Inside: the lines; Nth: lo is k
    bool moment = false;       // made only of moments (and constants)
    int unit = -1;             // a moment unit: its index in the goal's units
};

}  // namespace goal

using goal::Cmp;
using goal::Fn;
using goal::Kind;
using goal::Node;

namespace {

// ---- parsing

struct Token {
    enum Type { End, Name, Number, Text, Op, LParen, RParen, Comma, Minus } type = End;
    std::string text;
    double number = 0;
    std::size_t column = 1;
};

class Parser {
public:
    Parser(std::string_view text, std::string* error) : text_(text), error_(error) { next(); }

    std::shared_ptr<Node> goal() {
        auto n = orExpr();
        if (n && tok_.type != Token::End) return fail("unexpected '" + tok_.text + "'");
        return n;
    }
    std::shared_ptr<Node> valueOnly() {
        auto n = value();
        if (n && tok_.type != Token::End) return fail("unexpected '" + tok_.text + "' after the value");
        return n;
    }

private:
    std::shared_ptr<Node> fail(const std::string& what) {
        if (error_ && error_->empty()) *error_ = "column " + std::to_string(tok_.column) + ": " + what;
        return nullptr;
    }

    void next() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        tok_ = Token{};
        tok_.column = pos_ + 1;
        if (pos_ >= text_.size()) {
            tok_.text = "the end";
            return;
        }
        const char c = text_[pos_];
        auto take = [&](Token::Type t, std::size_t n) {
            tok_.type = t;
            tok_.text = std::string(text_.substr(pos_, n));
            pos_ += n;
        };
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t end = pos_;
            while (end < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_' ||
                                          text_[end] == '.'))
                ++end;
            take(Token::Name, end - pos_);
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t end = pos_;
            while (end < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[end])) || text_[end] == '.')) ++end;
            take(Token::Number, end - pos_);
            const auto r = std::from_chars(tok_.text.data(), tok_.text.data() + tok_.text.size(), tok_.number);
            if (r.ec != std::errc() || r.ptr != tok_.text.data() + tok_.text.size()) {
                tok_.type = Token::Name;  // reported where a value is expected
                bad_ = "'" + tok_.text + "' is not a number";
            }
        } else if (c == '\'' || c == '"') {
            const std::size_t close = text_.find(c, pos_ + 1);
            if (close == std::string_view::npos) {
                tok_.type = Token::Op;
                tok_.text = std::string(1, c);
                bad_ = "the text opened here has no closing " + std::string(1, c);
                pos_ = text_.size();
                return;
            }
            tok_.type = Token::Text;
            tok_.text = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
            pos_ = close + 1;
        } else if (c == '(') {
            take(Token::LParen, 1);
        } else if (c == ')') {
            take(Token::RParen, 1);
        } else if (c == ',') {
            take(Token::Comma, 1);
        } else if (c == '-') {
            take(Token::Minus, 1);
        } else {
            static constexpr std::string_view kOps[] = {"==", "!=", "<=", ">=", "<", ">"};
            for (std::string_view op : kOps)
                if (text_.substr(pos_, op.size()) == op) {
                    take(Token::Op, op.size());
                    return;
                }
            take(Token::Op, 1);
            bad_ = "'" + tok_.text + "' is not part of the goal language";
        }
    }

    bool isWord(const char* w) const { return tok_.type == Token::Name && tok_.text == w; }

    std::shared_ptr<Node> combine(Kind kind, std::shared_ptr<Node> a, std::shared_ptr<Node> b) {
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->kids = {std::move(a), std::move(b)};
        return n;
    }

    std::shared_ptr<Node> orExpr() {
        auto left = andExpr();
        while (left && isWord("or")) {
            next();
            auto right = andExpr();
            if (!right) return nullptr;
            left = combine(Kind::Or, left, right);
        }
        return left;
    }
    std::shared_ptr<Node> andExpr() {
        auto left = notExpr();
        while (left && isWord("and")) {
            next();
            auto right = notExpr();
            if (!right) return nullptr;
            left = combine(Kind::And, left, right);
        }
        return left;
    }
    std::shared_ptr<Node> notExpr() {
        if (isWord("not")) {
            next();
            auto inner = notExpr();
            if (!inner) return nullptr;
            auto n = std::make_shared<Node>();
            n->kind = Kind::Not;
            n->kids = {inner};
            return n;
        }
        return primary();
    }
    std::shared_ptr<Node> primary() {
        if (tok_.type == Token::LParen) {
            next();
            auto inner = orExpr();
            if (!inner) return nullptr;
            if (tok_.type != Token::RParen) return fail("expected ')' to close the '(' , found " + found());
            next();
            return inner;
        }
        // A run's end state stands alone, unless it is the name of a variable being compared.
        if (tok_.type == Token::Name) {
            static constexpr std::pair<const char*, RunStatus> kStates[] = {
                {"finished", RunStatus::Finished}, {"deadlock", RunStatus::Deadlock}, {"stuck", RunStatus::Stuck},
                {"error", RunStatus::Error},       {"crashed", RunStatus::Crashed},   {"frozen", RunStatus::Frozen}};
            for (const auto& [word, status] : kStates)
                if (tok_.text == word && !followedByOperator()) {
                    next();
                    auto n = std::make_shared<Node>();
                    n->kind = Kind::State;
                    n->status = status;
                    return n;
                }
        }
        auto left = value();
        if (!left) return nullptr;
        if (tok_.type != Token::Op) {
            if (left->kind == Kind::Name)
                return fail("'" + left->text +
                            "' alone is not a goal: compare it (counter == 10) or use a state (finished, deadlock, "
                            "stuck, error)");
            return fail("expected a comparison (== != < <= > >=) after the value, found " + found());
        }
        auto n = std::make_shared<Node>();
        n->kind = Kind::Compare;
        const std::string op = tok_.text;
        if (op == "==") n->cmp = Cmp::Eq;
        else if (op == "!=") n->cmp = Cmp::Ne;
        else if (op == "<") n->cmp = Cmp::Lt;
        else if (op == "<=") n->cmp = Cmp::Le;
        else if (op == ">") n->cmp = Cmp::Gt;
        else if (op == ">=") n->cmp = Cmp::Ge;
        else return fail(bad_.empty() ? "'" + op + "' is not a comparison" : bad_);
        next();
        auto right = value();
        if (!right) return nullptr;
        n->kids = {left, right};
        return n;
    }

    bool followedByOperator() const {
        std::size_t p = pos_;
        while (p < text_.size() && std::isspace(static_cast<unsigned char>(text_[p]))) ++p;
        return p < text_.size() && (text_[p] == '=' || text_[p] == '!' || text_[p] == '<' || text_[p] == '>');
    }

    std::string found() const {
        if (tok_.type == Token::End) return "the end";
        if (tok_.type == Token::Text) return "'" + tok_.text + "'";
        return "'" + tok_.text + "'";
    }

    std::shared_ptr<Node> value() {
        if (!bad_.empty()) return fail(bad_);
        auto n = std::make_shared<Node>();
        if (tok_.type == Token::Minus) {
            next();
            if (tok_.type != Token::Number) return fail("expected a number after '-', found " + found());
            n->kind = Kind::Number;
            n->number = -tok_.number;
            next();
            return n;
        }
        if (tok_.type == Token::Number) {
            n->kind = Kind::Number;
            n->number = tok_.number;
            next();
            return n;
        }
        if (tok_.type == Token::Text) {
            n->kind = Kind::Text;
            n->text = tok_.text;
            next();
            return n;
        }
        if (tok_.type != Token::Name) return fail("expected a value (a number, 'text', a name or a function), found " + found());
        const std::string name = tok_.text;
        next();
        if (tok_.type != Token::LParen) {
            if (name == "and" || name == "or" || name == "not")
                return fail("expected a value before '" + name + "'");
            n->kind = Kind::Name;
            n->text = name;
            return n;
        }
        const goal::FnInfo* f = nullptr;
        for (const goal::FnInfo& candidate : goal::kFunctions)
            if (name == candidate.name) f = &candidate;
        if (!f) {
            std::string known;
            for (const goal::FnInfo& candidate : goal::kFunctions) known += std::string(known.empty() ? "" : ", ") + candidate.name;
            return fail("'" + name + "' is not a function; the functions are " + known);
        }
        n->kind = Kind::Func;
        n->fn = f->fn;
        n->moment = f->moment;
        next();  // (
        const std::string args = f->args;
        const std::string usage = std::string(f->name) + "(" +
                                  (args == "r" ? "LINE or FIRST-LAST" : args == "o" ? "OBJECT" : args == "t" ? "THREAD"
                                   : args == "s" ? "'text'" : args == "on" ? "OBJECT, k" : "") + ")";
        auto nameArg = [&]() -> bool {
            if (tok_.type != Token::Name && tok_.type != Token::Text) return false;
            n->text = tok_.text;
            next();
            return true;
        };
        bool ok = true;
        // Lines and ranks are small whole numbers; anything larger is refused before it is cast.
        constexpr double kLargest = 1'000'000;
        if (args == "r") {
            ok = tok_.type == Token::Number && tok_.number <= kLargest;
            if (ok) {
                n->lo = n->hi = static_cast<int>(tok_.number);
                next();
                if (tok_.type == Token::Minus) {
                    next();
                    ok = tok_.type == Token::Number && tok_.number <= kLargest;
                    if (ok) {
                        n->hi = static_cast<int>(tok_.number);
                        next();
                    }
                }
                ok = ok && n->lo >= 1 && n->hi >= n->lo;
            }
        } else if (args == "o" || args == "t") {
            ok = nameArg();
        } else if (args == "s") {
            ok = tok_.type == Token::Text;
            if (ok) {
                n->text = tok_.text;
                next();
            }
        } else if (args == "on") {
            ok = nameArg() && tok_.type == Token::Comma;
            if (ok) {
                next();
                ok = tok_.type == Token::Number && tok_.number >= 1 && tok_.number <= kLargest;
                if (ok) {
                    n->lo = static_cast<int>(tok_.number);
                    next();
                }
            }
        }
        if (!ok || tok_.type != Token::RParen) return fail("expected " + usage + ", found " + found());
        next();
        return n;
    }

    std::string_view text_;
    std::string* error_;
    std::size_t pos_ = 0;
    Token tok_;
    std::string bad_;  // a token the lexer could not read, said when a parser rule meets it
};

bool isConstant(const Node& n) { return n.kind == Kind::Number || n.kind == Kind::Text; }

// Marks what is made only of moments, then makes each largest such part outside a `not` one unit.
void classify(Node& n) {
    for (auto& k : n.kids) classify(*k);
    switch (n.kind) {
        case Kind::Compare: {
            const Node& a = *n.kids[0];
            const Node& b = *n.kids[1];
            n.moment = (a.moment || isConstant(a)) && (b.moment || isConstant(b)) && (a.moment || b.moment);
            break;
        }
        case Kind::And:
        case Kind::Or: n.moment = n.kids[0]->moment && n.kids[1]->moment; break;
        default: break;
    }
}

void assignUnits(Node& n, int& units) {
    if (n.moment && (n.kind == Kind::Compare || n.kind == Kind::And || n.kind == Kind::Or)) {
        n.unit = units++;
        return;
    }
    for (auto& k : n.kids) assignUnits(*k, units);
}

bool anyUnitOutsideNot(const Node& n) {
    if (n.unit >= 0) return true;
    if (n.kind == Kind::Not) return false;
    return std::any_of(n.kids.begin(), n.kids.end(), [](const auto& k) { return anyUnitOutsideNot(*k); });
}

void collectUnits(const Node& n, std::vector<const Node*>& out) {
    if (n.unit >= 0) {
        if (out.size() <= std::size_t(n.unit)) out.resize(std::size_t(n.unit) + 1);
        out[std::size_t(n.unit)] = &n;
        return;
    }
    for (const auto& k : n.kids) collectUnits(*k, out);
}

bool anyFn(const Node& n, Fn fn, std::vector<std::string>* args = nullptr) {
    bool found = n.kind == Kind::Func && n.fn == fn;
    if (found && args) args->push_back(n.text);
    for (const auto& k : n.kids) found = anyFn(*k, fn, args) || found;
    return found;
}

std::string numberText(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

}  // namespace

std::optional<Goal> Goal::parse(std::string_view text, std::string* error) {
    if (error) error->clear();
    Parser p(text, error);
    auto root = p.goal();
    if (!root) return std::nullopt;
    if (root->kind == Kind::Number || root->kind == Kind::Text || root->kind == Kind::Func || root->kind == Kind::Name) {
        if (error) *error = "column 1: a goal says something true or false, e.g. counter == 10 or deadlock";
        return std::nullopt;
    }
    classify(*root);
    int units = 0;
    assignUnits(*root, units);
    Goal g;
    g.text_ = std::string(text);
    g.root_ = std::move(root);
    return g;
}

std::optional<Goal> Goal::parseValue(std::string_view text, std::string* error) {
    if (error) error->clear();
    Parser p(text, error);
    auto root = p.valueOnly();
    if (!root) return std::nullopt;
    Goal g;
    g.text_ = std::string(text);
    g.root_ = std::move(root);
    return g;
}

bool Goal::hasMoments() const { return root_ && anyUnitOutsideNot(*root_); }

// ---- evaluation

struct GoalMonitor::State {
    RunState run;
    std::uint32_t stepsSeen = 0;  // steps whose end has been looked at
    std::size_t objectsNamed = 0, actorsNamed = 0;
    std::map<std::string, std::vector<ObjectId>, std::less<>> objects;
    std::map<std::string, std::vector<ActorId>, std::less<>> actors;
    // Acquisitions of the objects order() and nth() name, as the names of who acquired, in order.
    std::map<std::string, std::vector<std::string>, std::less<>> acquisitions;
    int cancelled = 0;
    // Per goal, per unit: the step it first held at (0: not yet).
    std::vector<std::vector<std::uint32_t>> held;
    std::vector<std::vector<const Node*>> units;

    void learnNames(const TraceModel& model) {
        for (; objectsNamed < model.objectCount(); ++objectsNamed)
            objects[model.object(ObjectId(objectsNamed)).name].push_back(ObjectId(objectsNamed));
        for (; actorsNamed < model.actorCount(); ++actorsNamed)
            actors[model.actor(ActorId(actorsNamed)).name].push_back(ActorId(actorsNamed));
    }
};

namespace {

struct Value {
    enum Type : std::uint8_t { Unknown, Number, Text, Problem } type = Unknown;
    double number = 0;
    std::string text;
};

struct Context {
    const TraceModel& model;
    const GoalMonitor::State& st;
    bool ended;
    std::string* problem;

    const std::vector<ObjectId>* objects(const std::string& name) const {
        const auto it = st.objects.find(name);
        return it == st.objects.end() ? nullptr : &it->second;
    }
    const std::vector<ActorId>* actors(const std::string& name) const {
        const auto it = st.actors.find(name);
        return it == st.actors.end() ? nullptr : &it->second;
    }
    Value fail(const std::string& why) const {
        if (problem && problem->empty()) *problem = why;
        return {Value::Problem, 0, {}};
    }
};

bool live(const ActorNow& a) {
    return !a.ended && a.state.state != ActorState::NotStarted && a.state.state != ActorState::Done;
}

Value number(double v) { return {Value::Number, v, {}}; }
Value text(std::string t) { return {Value::Text, 0, std::move(t)}; }

Value evalFunc(const Node& n, const Context& c) {
    const RunState& s = c.st.run;
    const goal::FnInfo& f = goal::info(n.fn);
    if (!f.moment && !c.ended) return {};
    // An object or thread named but not there: fine while it may still come (a lock made later), an error at the end.
    auto missing = [&](const char* what) -> Value {
        if (!c.ended) return number(0);
        return c.fail(std::string(f.name) + "(" + n.text + "): no " + what + " named '" + n.text + "' in this run (" +
                      goalNamesHint(c.model) + ")");
    };
    switch (n.fn) {
        case Fn::Inside: {
            int k = 0;
            for (ActorId a = 0; a < s.actorCount(); ++a) {
                const ActorNow& now = s.actor(a);
                if (live(now) && now.line >= n.lo && now.line <= n.hi) ++k;
            }
            return number(k);
        }
        case Fn::Holding:
        case Fn::Waiting:
        case Fn::Items: {
            const auto* ids = c.objects(n.text);
            if (!ids) return missing("lock, semaphore, queue or other object");
            int k = 0;
            for (ObjectId o : *ids) {
                const ObjectNow& now = s.object(o);
                const ObjectKind kind = s.kind(o);
                if (n.fn == Fn::Holding) {
                    if (kind == ObjectKind::AsyncLock) k += now.holderTask != kNoObject;
                    else if (kind == ObjectKind::AsyncSemaphore) k += static_cast<int>(now.holderTasks.size());
                    else if (kind < ObjectKind::Count_ && objectTraits(kind).slotted)
                        k += static_cast<int>(std::count_if(now.slotHolds.begin(), now.slotHolds.end(),
                                                            [](const SlotHold& h) { return h.holder != kNoActor; }));
                    else k += now.held.holder != kNoActor;
                } else if (n.fn == Fn::Waiting) {
                    k += static_cast<int>(now.waiters.size() + now.waitingTasks.size());
                } else {
                    k += kind == ObjectKind::AsyncQueue ? now.count : static_cast<int>(now.items.size());
                }
            }
            return number(k);
        }
        case Fn::Blocked: {
            const auto* ids = c.actors(n.text);
            if (!ids) return missing("thread");
            int k = 0;
            for (ActorId a : *ids) k += s.actor(a).state.state == ActorState::Blocked;
            return number(k);
        }
        case Fn::Cancelled: return number(c.st.cancelled);
        case Fn::Errors: return number(static_cast<double>(s.errors().size()));
        case Fn::Races: return number(s.racesFound());
        case Fn::Alive: {
            int k = 0;
            for (ActorId a = 0; a < s.actorCount(); ++a) k += live(s.actor(a));
            return number(k);
        }
        case Fn::Status: return text(std::string(runStatusName(c.model.outcome().status)));
        case Fn::Uncaught:
            return number(static_cast<double>(std::count_if(s.errors().begin(), s.errors().end(),
                                                            [](const RaisedError& e) { return e.uncaught; })));
        case Fn::Printed: {
            int k = 0;
            for (const OutputLine& line : c.model.output())
                if (c.model.text(line.text).find(n.text) != std::string::npos) ++k;
            return number(k);
        }
        case Fn::Time: return number(toSeconds(c.model.endTime()));
        case Fn::LastPrint:
            return number(c.model.output().empty() ? 0.0 : toSeconds(c.model.output().back().time));
        case Fn::Steps: return number(c.model.steps());
        case Fn::Order:
        case Fn::Nth: {
            if (!c.objects(n.text)) return missing("lock or semaphore");
            const auto it = c.st.acquisitions.find(n.text);
            static const std::vector<std::string> kNone;
            const auto& who = it == c.st.acquisitions.end() ? kNone : it->second;
            if (n.fn == Fn::Nth) return text(std::size_t(n.lo) <= who.size() ? who[std::size_t(n.lo) - 1] : "nobody");
            std::vector<std::string> distinct;
            for (const std::string& w : who)
                if (std::find(distinct.begin(), distinct.end(), w) == distinct.end()) distinct.push_back(w);
            std::string out;
            for (const std::string& w : distinct) out += (out.empty() ? "" : ",") + w;
            return text(out.empty() ? "nobody" : out);
        }
        case Fn::Value: return {};  // evalValue's: a final value
    }
    return {};
}

// A final value's text as a learner would write it in a goal: 'done' for the repr "'done'".
std::string unquoted(const std::string& t) {
    if (t.size() >= 2 && (t.front() == '\'' || t.front() == '"') && t.back() == t.front()) return t.substr(1, t.size() - 2);
    return t;
}

// The final value of the shared variable `name` (a bare name, or value('Value-1') for a name that is no word).
Value finalValue(const std::string& name, const Context& c) {
    if (!c.ended) return {};
    const Trace* trace = c.model.trace();
    std::string names;
    for (const FinalValue& v : c.model.outcome().shared) {
        const std::string& own = trace->object(v.object).name;
        if (own == name) {
            if (v.numeric) {
                double d = 0;
                const auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
                if (r.ec == std::errc()) return number(d);
            }
            return text(unquoted(v.text));
        }
        names += (names.empty() ? "" : ", ") + own;
    }
    return c.fail("'" + name + "' is no shared variable of this run" +
                  (names.empty() ? std::string(" (it has none)") : " (it has: " + names + ")"));
}

Value evalValue(const Node& n, const Context& c) {
    switch (n.kind) {
        case Kind::Number: return number(n.number);
        case Kind::Text: return text(n.text);
        case Kind::Func: return n.fn == Fn::Value ? finalValue(n.text, c) : evalFunc(n, c);
        case Kind::Name: return finalValue(n.text, c);
        default: return {};
    }
}

Truth fromBool(bool b) { return b ? Truth::True : Truth::False; }

// A comparison; Unknown while a side is not known yet, False (with a problem) when it cannot be made.
Truth compare(const Node& n, const Context& c) {
    const Value a = evalValue(*n.kids[0], c);
    const Value b = evalValue(*n.kids[1], c);
    if (a.type == Value::Problem || b.type == Value::Problem) return Truth::False;
    if (a.type == Value::Unknown || b.type == Value::Unknown) return Truth::Unknown;
    if (a.type == Value::Number && b.type == Value::Number) {
        switch (n.cmp) {
            case Cmp::Eq: return fromBool(a.number == b.number);
            case Cmp::Ne: return fromBool(a.number != b.number);
            case Cmp::Lt: return fromBool(a.number < b.number);
            case Cmp::Le: return fromBool(a.number <= b.number);
            case Cmp::Gt: return fromBool(a.number > b.number);
            case Cmp::Ge: return fromBool(a.number >= b.number);
        }
    }
    const std::string ta = a.type == Value::Number ? numberText(a.number) : a.text;
    const std::string tb = b.type == Value::Number ? numberText(b.number) : b.text;
    if (n.cmp == Cmp::Eq) return fromBool(ta == tb);
    if (n.cmp == Cmp::Ne) return fromBool(ta != tb);
    c.fail("'" + ta + "' and '" + tb + "' are not both numbers: texts compare only with == and !=");
    return Truth::False;
}

Truth kleeneAnd(Truth a, Truth b) {
    if (a == Truth::False || b == Truth::False) return Truth::False;
    if (a == Truth::True && b == Truth::True) return Truth::True;
    return Truth::Unknown;
}
Truth kleeneOr(Truth a, Truth b) {
    if (a == Truth::True || b == Truth::True) return Truth::True;
    if (a == Truth::False && b == Truth::False) return Truth::False;
    return Truth::Unknown;
}
Truth kleeneNot(Truth a) {
    return a == Truth::True ? Truth::False : a == Truth::False ? Truth::True : Truth::Unknown;
}

// A moment unit on the state now: true or false (a moment is always known).
bool holdsNow(const Node& n, const Context& c) {
    switch (n.kind) {
        case Kind::And: return holdsNow(*n.kids[0], c) && holdsNow(*n.kids[1], c);
        case Kind::Or: return holdsNow(*n.kids[0], c) || holdsNow(*n.kids[1], c);
        case Kind::Compare: return compare(n, c) == Truth::True;
        default: return false;
    }
}

Truth truthOf(const Node& n, const Context& c, const std::vector<std::uint32_t>& held) {
    if (n.unit >= 0) {
        if (held[std::size_t(n.unit)] > 0) return Truth::True;
        return c.ended ? Truth::False : Truth::Unknown;
    }
    switch (n.kind) {
        case Kind::Or: return kleeneOr(truthOf(*n.kids[0], c, held), truthOf(*n.kids[1], c, held));
        case Kind::And: return kleeneAnd(truthOf(*n.kids[0], c, held), truthOf(*n.kids[1], c, held));
        case Kind::Not: return kleeneNot(truthOf(*n.kids[0], c, held));
        case Kind::Compare: return c.ended ? compare(n, c) : Truth::Unknown;
        case Kind::State: return c.ended ? fromBool(c.model.outcome().status == n.status) : Truth::Unknown;
        default: return Truth::Unknown;
    }
}

}  // namespace

GoalMonitor::GoalMonitor(std::vector<Goal> goals) : goals_(std::move(goals)) { reset(); }

GoalMonitor::~GoalMonitor() = default;

std::uint32_t GoalMonitor::step() const { return state_->stepsSeen; }

void GoalMonitor::reset() {
    decided_.assign(goals_.size(), Truth::Unknown);
    decidedAt_.assign(goals_.size(), 0);
    problems_.assign(goals_.size(), {});
    state_ = std::make_unique<State>();
    for (const Goal& g : goals_) {
        std::vector<const Node*> units;
        if (g.root()) collectUnits(*g.root(), units);
        state_->held.emplace_back(units.size(), 0);
        state_->units.push_back(std::move(units));
        std::vector<std::string> named;
        if (g.root()) {
            anyFn(*g.root(), Fn::Order, &named);
            anyFn(*g.root(), Fn::Nth, &named);
        }
        for (const std::string& name : named) state_->acquisitions[name];
    }
}

void GoalMonitor::decide(std::size_t i, std::uint32_t step, bool ended) {
    if (decided_[i] != Truth::Unknown || !goals_[i].root()) return;
    const Context c{*model_, *state_, ended, &problems_[i]};
    const Truth t = truthOf(*goals_[i].root(), c, state_->held[i]);
    if (!problems_[i].empty()) {
        decided_[i] = Truth::False;
        decidedAt_[i] = step;
        return;
    }
    if (t == Truth::Unknown) return;
    decided_[i] = t;
    decidedAt_[i] = step;
}

void GoalMonitor::follow(const TraceModel& model) {
    if (model_ != &model || generation_ != model.generation() || state_->run.events() > model.events()) {
        model_ = &model;
        generation_ = model.generation();
        reset();
    }
    State& st = *state_;
    const Trace* trace = model.trace();
    if (!trace) return;
    st.learnNames(model);
    const bool ended = model.ended();
    // Every step's end is looked at; while the run goes on, its last step may still grow, so it is looked at
    // again next time (a moment that held at its end so far did hold).
    const std::uint32_t last = model.steps();
    for (std::uint32_t step = std::max<std::uint32_t>(st.stepsSeen, 1); step <= last; ++step) {
        const std::size_t end = model.stepEnd(step);
        for (std::size_t i = st.run.events(); i < end && i < model.events(); ++i) {
            const TraceEvent& e = trace->event(i);
            // Only the task state is compared: copying the whole object (its waiters, items) per event would cost a
            // long run dearly.
            const TaskState before = e.object < st.run.objectCount() ? st.run.object(e.object).task : TaskState::Pending;
            st.run.apply(*trace, model.snapshot(), i);
            if (e.object == kNoObject || e.object >= st.run.objectCount()) continue;
            const ObjectNow& after = st.run.object(e.object);
            if (after.task == TaskState::Cancelled && before != TaskState::Cancelled) ++st.cancelled;
            if (e.op == Op::Acquire && e.result == Result::Acquired && !st.acquisitions.empty()) {
                const auto it = st.acquisitions.find(model.object(e.object).name);
                if (it == st.acquisitions.end()) continue;
                const ObjectKind kind = st.run.kind(e.object);
                if (kind == ObjectKind::AsyncLock || kind == ObjectKind::AsyncSemaphore) {
                    if (e.arg >= 0 && std::size_t(e.arg) < model.objectCount())
                        it->second.push_back(model.object(ObjectId(e.arg)).name);
                } else if (!(kind == ObjectKind::RLock && e.arg > 1)) {  // an RLock taken again is no new hold
                    it->second.push_back(model.actor(e.actor).name);
                }
            }
        }
        st.stepsSeen = step;
        for (std::size_t g = 0; g < goals_.size(); ++g) {
            if (decided_[g] != Truth::Unknown) continue;
            const Context c{model, st, false, &problems_[g]};
            for (std::size_t u = 0; u < st.units[g].size(); ++u)
                if (st.held[g][u] == 0 && st.units[g][u] && holdsNow(*st.units[g][u], c)) st.held[g][u] = step;
            decide(g, step, false);
        }
    }
    if (ended) {
        for (std::size_t g = 0; g < goals_.size(); ++g) {
            if (decided_[g] != Truth::Unknown) continue;
            // Once more as the run ended: a unit naming something the run never had is a mistake, not a "never".
            const Context c{model, st, true, &problems_[g]};
            for (std::size_t u = 0; u < st.units[g].size(); ++u)
                if (st.held[g][u] == 0 && st.units[g][u] && holdsNow(*st.units[g][u], c)) st.held[g][u] = last;
            decide(g, std::max<std::uint32_t>(last, 1), true);
        }
    }
}

std::string answerOf(const Goal& answer, const TraceModel& model, std::string* problem) {
    // The acquisitions an answer needs are what a monitor of it collects.
    GoalMonitor follower({answer});
    follower.follow(model);
    std::string why;
    const Context c{model, follower.state(), model.ended(), &why};
    const Value v = answer.root() ? evalValue(*answer.root(), c) : Value{};
    if (problem) *problem = why;
    if (v.type == Value::Number) return numberText(v.number);
    if (v.type == Value::Text) return v.text;
    if (problem && why.empty()) *problem = "the run has not ended";
    return {};
}

RunJudge goalJudge(std::vector<Goal> goals, Truth rankBy) {
    return [goals = std::move(goals), rankBy](const Trace& trace) {
        const TraceModel model(trace);
        GoalMonitor monitor(goals);
        monitor.follow(model);
        RunJudgement j;
        std::string problem;
        for (std::size_t g = 0; g < monitor.size(); ++g) {
            const Truth t = monitor.truth(g);
            if (!monitor.problem(g).empty()) {
                j.label += '!';
                if (problem.empty()) problem = std::to_string(g) + ":" + monitor.problem(g);
                continue;
            }
            j.label += t == Truth::True ? 'T' : 'F';
            const Truth seen = t == Truth::True ? Truth::True : Truth::False;
            if (seen == rankBy && monitor.decidedAt(g) > 0 && (j.step == 0 || monitor.decidedAt(g) < j.step))
                j.step = monitor.decidedAt(g);
        }
        if (!problem.empty()) j.label += "!" + problem;
        return j;
    };
}

GoalTally tallyGoals(const ExploreResult& result, std::size_t goals) {
    GoalTally t;
    t.goals.resize(goals);
    for (std::size_t k = 0; k < result.outcomes.size(); ++k) {
        const ExploreOutcome& o = result.outcomes[k];
        for (std::size_t g = 0; g < goals && g < o.label.size(); ++g) {
            GoalTally::PerGoal& p = t.goals[g];
            const char c = o.label[g];
            if (c == '!') {
                if (t.problem.empty()) {
                    const std::size_t bang = o.label.find('!', goals);
                    const std::size_t colon = o.label.find(':', bang);
                    if (bang != std::string::npos && colon != std::string::npos) {
                        t.problemGoal = std::stoi(o.label.substr(bang + 1, colon - bang - 1));
                        t.problem = o.label.substr(colon + 1);
                    }
                }
                continue;
            }
            if (c == 'T') {
                p.held += o.count;
                ++p.outcomesHeld;
                if (p.firstHeld < 0) p.firstHeld = int(k);
            } else {
                p.broken += o.count;
                ++p.outcomesBroken;
                if (p.firstBroken < 0) p.firstBroken = int(k);
                if (t.firstBroken < 0) t.firstBroken = int(k);
            }
        }
    }
    return t;
}

std::string goalNamesHint(const TraceModel& model) {
    std::vector<std::string> objects, threads;
    for (ObjectId o = 0; o < model.objectCount(); ++o) {
        const ObjectInfo& info = model.object(o);
        if (info.internal || info.kind == ObjectKind::Thread || info.kind == ObjectKind::AsyncCallback) continue;
        if (std::find(objects.begin(), objects.end(), info.name) == objects.end()) objects.push_back(info.name);
    }
    for (ActorId a = 0; a < model.actorCount(); ++a) threads.push_back(model.actor(a).name);
    auto join = [](const std::vector<std::string>& v, std::size_t max) {
        std::string out;
        for (std::size_t k = 0; k < v.size() && k < max; ++k) out += (k ? ", " : "") + v[k];
        if (v.size() > max) out += ", ...";
        return out.empty() ? std::string("none") : out;
    };
    return "its objects: " + join(objects, 12) + "; its threads: " + join(threads, 12);
}

}  // namespace lockstep
