#include "relations/user_lexicon.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "geokg/error.hpp"

namespace geokg {
namespace {

using Value = rapidjson::Value;

std::string_view view(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

// Line and column (1-based, in bytes) of a byte offset: JSON files are edited
// by hand, and an offset alone is hard to find in an editor.
std::string position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::size_t line = 1 + std::count(text.begin(), text.begin() + offset, '\n');
  const std::size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t column = offset - (nl == std::string_view::npos || offset == 0 ? 0 : nl + 1) + 1;
  return fmt::format("line {}, column {}", line, column);
}

// An entry's fields, checked against the names it may have: a misspelt
// field ("froms") would otherwise be ignored without a word.
class Entry {
 public:
  Entry(const Value& v, std::initializer_list<std::string_view> known) : v_(v) {
    if (!v.IsObject()) throw DataError("must be an object");
    for (const auto& m : v.GetObject())
      if (std::find(known.begin(), known.end(), view(m.name)) == known.end())
        throw DataError(fmt::format("unknown field \"{}\" (expected {})", view(m.name),
                                    fmt::join(known, ", ")));
  }

  // A string field; `fallback` when it is missing or null, an error when it
  // is then required (no fallback) or when given but blank.
  std::string str(const char* key, const char* fallback = nullptr) const {
    const auto it = v_.FindMember(key);
    if (it == v_.MemberEnd() || it->value.IsNull()) {
      if (fallback) return fallback;
      throw DataError(fmt::format("missing \"{}\"", key));
    }
    if (!it->value.IsString()) throw DataError(fmt::format("\"{}\" must be a string", key));
    if (blank(view(it->value))) throw DataError(fmt::format("empty \"{}\"", key));
    return std::string(view(it->value));
  }

  // A string or an array of strings, none of them blank; `fallback` when
  // missing or empty.
  std::vector<std::string> strings(const char* key, std::vector<std::string> fallback = {}) const {
    const auto it = v_.FindMember(key);
    if (it == v_.MemberEnd() || it->value.IsNull()) return fallback;
    std::vector<std::string> out;
    if (it->value.IsString()) {
      out.emplace_back(view(it->value));
    } else if (it->value.IsArray()) {
      for (const auto& x : it->value.GetArray()) {
        if (!x.IsString()) throw DataError(fmt::format("\"{}\" must hold strings", key));
        out.emplace_back(view(x));
      }
    } else {
      throw DataError(fmt::format("\"{}\" must be a string or an array of strings", key));
    }
    for (std::size_t i = 0; i < out.size(); ++i)
      if (blank(out[i])) throw DataError(fmt::format("\"{}\"[{}] is empty", key, i));
    return out.empty() ? fallback : out;
  }

 private:
  const Value& v_;
};

void add_actor(const Entry& e, ActorDictionary& actors) {
  Actor actor;
  actor.id = e.str("id");
  actor.code = e.str("code", actor.id.c_str());
  actor.type = parse_actor_type(e.str("type", "person"));
  const std::string kind = e.str("kind", "name");
  const std::string lang = e.str("lang", "*");
  const std::string gender = e.str("gender", "-");
  if (gender.size() != 1 || std::string_view("mfnp-").find(gender[0]) == std::string_view::npos)
    throw DataError("gender must be m, f, n, p or -");
  if (lang != "de" && lang != "en" && lang != "*") throw DataError("lang must be de, en or *");
  std::vector<std::string> forms = e.strings("forms");
  for (std::string& f : e.strings("form")) forms.push_back(std::move(f));
  if (forms.empty()) throw DataError("needs \"forms\" (the names to recognise)");
  if (kind != "label") parse_form_kind(kind);  // before any form is added
  for (const std::string& f : forms) actors.add_form(actor, kind, lang, f, gender[0]);
}

void add_trigger(const Entry& e, TriggerLexicon& triggers, const std::string& at) {
  const Lang lang = parse_lang(e.str("lang"));
  if (lang == Lang::other) throw DataError("lang must be de or en");
  TriggerFields f;
  f.lemma = e.str("lemma");
  f.pos = e.str("pos", "verb");
  f.relation = e.str("relation");
  f.source = e.strings("source", {"subj"});
  f.target = e.strings("target", {"obj"});
  f.flags = e.strings("flags");
  f.forms = e.strings("forms");
  triggers.add(f, lang, at);
}

// Calls `add` for each element of the array `key`, with errors prefixed by
// the element's place ("actors[3]").
template <class Add>
void each_entry(const Value& top, const char* key, const std::string& where, const Add& add) {
  const auto it = top.FindMember(key);
  if (it == top.MemberEnd()) return;
  if (!it->value.IsArray()) throw DataError(fmt::format("{}: \"{}\" must be an array", where, key));
  std::size_t k = 0;
  for (const auto& v : it->value.GetArray()) {
    const std::string at = fmt::format("{}: {}[{}]", where, key, k++);
    try {
      add(v, at);
    } catch (const DataError& e) {
      throw DataError(fmt::format("{}: {}", at, e.what()));
    }
  }
}

}  // namespace

void read_user_lexicon(std::string_view json, const std::string& where, ActorDictionary& actors,
                       TriggerLexicon& triggers) {
  // Iterative: a file of nested brackets must not overflow the stack.
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                   json.size());
  if (d.HasParseError())
    throw DataError(fmt::format("{}: not JSON at {} (offset {}): {}", where,
                                position(json, d.GetErrorOffset()), d.GetErrorOffset(),
                                rapidjson::GetParseError_En(d.GetParseError())));
  constexpr std::string_view kShape = "a lexicon is a JSON object with \"actors\" and/or \"triggers\"";
  if (!d.IsObject()) throw DataError(fmt::format("{}: {}", where, kShape));
  for (const auto& m : d.GetObject())
    if (view(m.name) != "actors" && view(m.name) != "triggers")
      throw DataError(fmt::format("{}: unknown key \"{}\": {}", where, view(m.name), kShape));
  if (!d.HasMember("actors") && !d.HasMember("triggers"))
    throw DataError(fmt::format("{}: {}", where, kShape));
  each_entry(d, "actors", where, [&](const Value& v, const std::string&) {
    add_actor(Entry(v, {"id", "code", "type", "kind", "lang", "forms", "form", "gender"}), actors);
  });
  each_entry(d, "triggers", where, [&](const Value& v, const std::string& at) {
    add_trigger(Entry(v, {"lang", "lemma", "pos", "relation", "source", "target", "flags", "forms"}),
                triggers, at);
  });
}

}  // namespace geokg
