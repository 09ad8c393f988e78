#include "lockstep/InsideCall.h"

#include <cctype>
#include <vector>

#include "lockstep/TraceModel.h"

namespace lockstep {

namespace {

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The callee written before the '(' at `open`: a dotted name, and before it, when it begins with '.', the call
// it is made on (whose arguments become "(…)").
std::string calleeBefore(std::string_view code, std::size_t open, const std::vector<std::size_t>& matchingOpen) {
    std::size_t begin = open;
    while (begin > 0 && (isNameChar(code[begin - 1]) || code[begin - 1] == '.')) --begin;
    std::string name(code.substr(begin, open - begin));
    if (!name.empty() && name.front() == '.' && begin > 0 && code[begin - 1] == ')') {
        const std::size_t inner = matchingOpen[begin - 1];
        if (inner != std::string_view::npos) {
            const std::string receiver = calleeBefore(code, inner, matchingOpen);
            if (!receiver.empty()) return receiver + "(\u2026)" + name;
        }
    }
    return name;
}

// Builtins that compute and return without waiting on anything: the call a thread waits inside is rather the
// one in their arguments (`list(pool.map(square, range(20)))` waits in pool.map(), not in range()).
bool neverWaits(const std::string& name) {
    static const char* const kNames[] = {"range", "len", "list", "tuple", "dict", "set", "frozenset", "sum", "min",
                                         "max", "sorted", "reversed", "enumerate", "zip", "map", "filter", "str",
                                         "int", "float", "bool", "repr", "abs", "round", "any", "all", "print",
                                         "isinstance", "format", "id", "hash", "type", "iter", "next"};
    for (const char* n : kNames)
        if (name == n) return true;
    return false;
}

}  // namespace

std::string callOnLine(std::string_view code) {
    // Brackets outside string literals and the comment: where each call's '(' is and how deep it sits.
    std::vector<std::size_t> matchingOpen(code.size(), std::string_view::npos);
    struct Call {
        std::size_t open;
        int depth;
        int statement;  // statements on one line are separated by ';'
    };
    int statement = 0;
    std::vector<Call> calls;
    std::vector<std::size_t> stack;
    char quote = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '#') break;
        if (c == ';' && stack.empty()) ++statement;
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            // A '(' right after a name is a call.
            if (c == '(' && i > 0 && isNameChar(code[i - 1])) calls.push_back({i, int(stack.size()), statement});
            stack.push_back(i);
        } else if ((c == ')' || c == ']' || c == '}') && !stack.empty()) {
            matchingOpen[i] = stack.back();
            stack.pop_back();
        }
    }
    // The best call of each statement; a line of several (`a.start(); b.start()`) could be waiting in any of
    // them, and its text cannot tell which: all are named ("a.start() or b.start()") rather than one guessed.
    std::string answer;
    for (int s = 0; s <= statement; ++s) {
        const Call* best = nullptr;
        std::string bestName;
        bool bestMayWait = false;
        for (const Call& call : calls) {
            if (call.statement != s) continue;
            std::string name = calleeBefore(code, call.open, matchingOpen);
            // A keyword before a bracket is no call: `if(x)`, `while(y)`.
            if (name.empty() || name == "if" || name == "while" || name == "and" || name == "or" || name == "not" ||
                name == "in" || name == "return" || name == "elif" || name == "assert" || name == "yield")
                continue;
            // The innermost call that may wait; a builtin that never waits only when there is no other.
            const bool mayWait = !neverWaits(name);
            if (!best || (mayWait && !bestMayWait) || (mayWait == bestMayWait && call.depth >= best->depth)) {
                best = &call;
                bestName = std::move(name);
                bestMayWait = mayWait;
            }
        }
        if (best) answer += (answer.empty() ? "" : " or ") + bestName + "()";
    }
    return answer;
}

std::string_view listingLine(std::string_view listing, int line) {
    if (line < 1) return {};
    std::size_t begin = 0;
    for (int n = 1; n < line; ++n) {
        const std::size_t nl = listing.find('\n', begin);
        if (nl == std::string_view::npos) return {};
        begin = nl + 1;
    }
    std::size_t end = listing.find('\n', begin);
    if (end == std::string_view::npos) end = listing.size();
    if (end > begin && listing[end - 1] == '\r') --end;
    return listing.substr(begin, end - begin);
}

bool isInternal(const TraceModel& model, ObjectId object) {
    return object != kNoObject && object < model.objectCount() && model.object(object).internal;
}

InsideCall insideCall(std::string_view listing, std::uint16_t line) {
    return InsideCall{line, callOnLine(listingLine(listing, line))};
}

}  // namespace lockstep
