// Doctest prints a list of strings (events, mentions, clauses) as {a, b, c}
// when a check on one fails.  One definition for every test executable.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{";
    for (const auto& x : v) s += (s.size() > 1 ? ", " : "") + x;
    return (s + "}").c_str();
  }
};
}  // namespace doctest
