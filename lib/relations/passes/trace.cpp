#include "relations/passes/trace.hpp"

#include <fmt/format.h>

namespace geokg {

std::string_view to_string(Drop d) {
  switch (d) {
    case Drop::inside_name:
      return "part of an actor's name";
    case Drop::function_word:
      return "a function word of the same form";
    case Drop::capitalised:
      return "capitalised inside the sentence: no verb";
    case Drop::noun_after_article:
      return "after an article or possessive: a noun";
    case Drop::no_fitting_form:
      return "no verb form fits (separable particle missing, a phrase's object noun missing, "
             "or -ing without a progressive)";
    case Drop::attempt:
      return "an attempt (\"sought to\"), no event";
    case Drop::carried_statement:
      return "carries a statement noun, whose frame is the event";
    case Drop::adjective_participle:
      return "a participle used as an adjective";
    case Drop::attributive_no_sides:
      return "attributive participle without agent and noun";
    case Drop::no_noun_reading:
      return "no noun here";
    case Drop::not_trigger:
      return "a compound that only looks like a trigger";
    case Drop::modifier_noun:
      return "the event noun only modifies the noun after it";
    case Drop::weapon_not_used:
      return "a weapon, but no verb of use in the clause";
    case Drop::no_source:
      return "no source";
    case Drop::no_target:
      return "no target";
    case Drop::waits_for_target:
      return "waits for the target of the act it introduces";
    case Drop::nonactor_addressee:
      return "addressed to someone who is no actor";
    case Drop::no_demanded_target:
      return "the demanded or reported act names no other actor";
    case Drop::charge_not_fact:
      return "a charge that is not a fact";
    case Drop::same_actor:
      return "source and target are the same actor";
    case Drop::private_person:
      return "a private person: only the target of an arrest, a killing or a release";
    case Drop::territory:
      return "a state's territory: only the target of an act done to places";
    case Drop::duplicate:
      return "duplicate of an event of this sentence";
  }
  return "?";
}

namespace {
std::string side_text(const Side& s) {
  if (s.empty()) return "nothing";
  std::string out;
  for (const Mention* m : s) {
    if (!out.empty()) out += ", ";
    out += m->text;
    if (m->actor) out += " (" + m->actor->code + ")";
  }
  return out;
}
}  // namespace

void Trace::line(int indent, const std::string& text) {
  buffer_.append(static_cast<std::size_t>(indent) * 2, ' ');
  buffer_ += text;
  buffer_ += '\n';
}

void Trace::document(const std::string& id, std::string_view lang, std::string_view why) {
  lang_ = lang;
  sink_(fmt::format("document {}: language {} ({})\n", id, lang, why));
}

void Trace::sentence(std::size_t index, std::string_view text) {
  buffer_.clear();
  candidates_ = 0;
  line(1, fmt::format("sentence {}: {}", index, text));
}

void Trace::no_mentions() {
  line(2, "no actor, pronoun or description: not analysed further");
  candidates_ = 1;  // nothing to add about triggers
}

void Trace::tree(const std::vector<Token>& tok, const Tree& t) {
  if (!t.parsed) return line(2, "not parsed: not two mentions and a trigger word");
  std::string s = "tree:";
  for (std::size_t k = 0; k < tok.size() && k < t.head.size(); ++k)
    s += fmt::format(" {}:{} {}>{}", k, tok[k].form, to_string(t.dep[k]), t.head[k]);
  line(2, s);
}

void Trace::end_sentence() {
  if (candidates_ == 0) line(2, fmt::format("no trigger word of the {} tables", lang_));
  if (!buffer_.empty()) sink_(buffer_);
  buffer_.clear();
}

void Trace::candidate(std::uint32_t token, std::string_view form, std::string_view kind,
                      std::string_view entry) {
  ++candidates_;
  line(2, fmt::format("token {} \"{}\": {} ({})", token, form, kind, entry));
}

void Trace::gate(std::string_view what) { line(3, fmt::format("passed: {}", what)); }

void Trace::role(std::string_view side, std::string_view how, const Side& found) {
  line(3, fmt::format("{} by {}: {}", side, how, side_text(found)));
}

void Trace::status(Status from, Status to, std::string_view why) {
  if (from != to)
    line(3, fmt::format("status {} -> {}: {}", to_string(from), to_string(to), why));
}

void Trace::coded(const Candidate& c) {
  line(3, fmt::format("candidate {} {} {} {} [{}]", c.source->text, to_string(c.relation),
                      c.target->text, to_string(c.status), to_string(c.provenance)));
}

void Trace::drop(Drop d, std::string_view detail) {
  drops_.push_back(d);
  line(3, detail.empty() ? fmt::format("dropped: {}", to_string(d))
                         : fmt::format("dropped: {} ({})", to_string(d), detail));
}

void Trace::event(std::string_view source, Relation r, std::string_view target, Status s) {
  line(2, fmt::format("event {} {} {} {}", source, to_string(r), target, to_string(s)));
}

void Trace::pair_dropped(std::string_view source, Relation r, std::string_view target, Drop d) {
  drops_.push_back(d);
  line(2, fmt::format("no event {} {} {}: {}", source, to_string(r), target, to_string(d)));
}

}  // namespace geokg
