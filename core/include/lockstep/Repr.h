#pragma once
// Python-like text of a value: what print() and the trace show for it.

#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace lockstep {

inline std::string str(std::string_view s) { return std::string(s); }
inline std::string str(const char* s) { return s; }
inline std::string str(const std::string& s) { return s; }
inline std::string str(bool b) { return b ? "True" : "False"; }
inline std::string str(std::nullopt_t) { return "None"; }
template <typename T>
    requires std::is_arithmetic_v<T>
std::string str(T v) {
    if constexpr (std::is_floating_point_v<T>) {
        std::ostringstream os;
        os << v;
        return os.str();
    } else {
        return std::to_string(v);
    }
}
template <typename T>
std::string str(const std::optional<T>& v) {
    return v ? str(*v) : std::string("None");
}

// repr(): strings in quotes, like Python's repr, for queue contents and shared values.
template <typename T>
std::string repr(const T& v) {
    if constexpr (std::is_convertible_v<const T&, std::string_view>) return "'" + std::string(std::string_view(v)) + "'";
    else return str(v);
}
template <typename T>
std::string repr(const std::optional<T>& v) {
    return v ? repr(*v) : std::string("None");
}

}  // namespace lockstep
