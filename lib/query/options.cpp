// Parsing and checking what the user typed: dates, relation types, statuses,
// rankings, output formats, and the folding that makes names comparable.
#include <memory>
#include <mutex>
#include <string>

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "export/text_util.hpp"
#include "geokg/error.hpp"
#include "geokg/query/query.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg::query {
namespace {

std::string relation_names() {
  std::string out;
  for (Relation r : all_relations()) {
    if (!out.empty()) out += ", ";
    out += to_string(r);
  }
  return out;
}

// The forms --since and --until take; the day check is the exports' own.
bool valid_date(std::string_view d) {
  return (d.size() == 4 || d.size() == 7 || d.size() == 10) &&
         !exportutil::calendar_date(d).empty();
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

void check_date(std::string_view date, std::string_view option) {
  if (!valid_date(date))
    throw QueryError(
        fmt::format("{} wants a date YYYY-MM-DD, YYYY-MM or YYYY, not '{}'", option, date));
}

void check_range(const Selection& s) {
  if (!s.since.empty()) check_date(s.since, "--since");
  if (!s.until.empty()) check_date(s.until, "--until");
  // Bounds compare by prefix: "2023-02" as --since admits all of February,
  // so only a since-prefix that is later than the until-prefix is empty.
  if (!s.since.empty() && !s.until.empty()) {
    const std::size_t n = std::min(s.since.size(), s.until.size());
    if (s.since.substr(0, n) > s.until.substr(0, n))
      throw QueryError(fmt::format("--since {} is after --until {}: no date is in between",
                                   s.since, s.until));
  }
}

Relation parse_relation_name(std::string_view name) {
  const std::string n = trim(name);
  if (auto r = parse_relation(n)) return *r;
  throw QueryError(
      fmt::format("unknown relation type '{}' (expected one of {})", n, relation_names()));
}

std::vector<Relation> parse_relations(std::string_view list, std::string_view option) {
  std::vector<Relation> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t p = list.find(',', start);
    const std::string name = trim(
        list.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (!name.empty()) {
      const Relation r = parse_relation_name(name);
      if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    }
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  if (out.empty())
    throw QueryError(fmt::format("{} wants relation types (one or more of {}), not '{}'", option,
                                 relation_names(), list));
  return out;
}

std::optional<Status> parse_status_option(std::string_view name) {
  if (name == "all") return std::nullopt;
  if (auto s = parse_status(name)) return *s;
  throw QueryError(
      fmt::format("unknown status '{}' (expected fact, hypothetical, negated or all)", name));
}

Ranking parse_ranking(std::string_view name) {
  if (name == "degree") return Ranking::degree;
  if (name == "pagerank") return Ranking::pagerank;
  if (name == "betweenness") return Ranking::betweenness;
  throw QueryError(
      fmt::format("unknown ranking '{}' (expected degree, pagerank or betweenness)", name));
}

OutputFormat parse_output_format(std::string_view name) {
  if (name == "table") return OutputFormat::table;
  if (name == "json") return OutputFormat::json;
  if (name == "csv") return OutputFormat::csv;
  if (name == "tsv") return OutputFormat::tsv;
  throw QueryError(
      fmt::format("unknown output format '{}' (expected table, json, csv or tsv)", name));
}

std::string fold_name(std::string_view name) {
  bool ascii = true;
  for (unsigned char c : name) ascii &= c < 0x80;
  if (ascii) return fold_case(trim(name));

  // A transliterator is costly to build and not safe to share between threads
  // while in use, so one is built once and used under a lock.
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> strip;
  static bool tried = false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  {
    std::lock_guard lock(mutex);
    if (!tried) {
      tried = true;
      UErrorCode st = U_ZERO_ERROR;
      strip.reset(icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; NFC",
                                                      UTRANS_FORWARD, st));
      if (U_FAILURE(st)) strip.reset();
    }
    // Without the ICU transliteration data, names still match case-insensitively.
    if (strip) strip->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return fold_case(trim(out));
}

}  // namespace geokg::query
