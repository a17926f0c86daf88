// Attribution: who says what this sentence reports.  Reads the analysis (an
// attribution phrase "laut X", "X zufolge", a speech verb's bare subject, or
// the subject of the clause before a colon that opens a quotation);
// writes Attribution.  Pronoun speakers ("sagte er") are resolved later, with
// every pronoun.
#include "relations/passes/passes.hpp"

namespace geokg {
namespace {

bool has_speech(const SentenceView& v, const Clause& c) {
  for (std::uint32_t i = c.first; i < c.last; ++i)
    if (v.cls_has(i, kSpeech)) return true;
  return false;
}

// A speaker the dictionary does not know: the capitalised word after the
// speech verb ("sagte Sullivan", "said a spokesman").
std::string unknown_speaker(const SentenceView& v, const Clause& c) {
  std::string out;
  for (std::uint32_t i = c.first; i < c.last; ++i)
    if (v.cls_has(i, kSpeech) && i + 1 < c.last && v.tok[i + 1].upper &&
        v.tok[i + 1].kind == TokenKind::word && !v.cls_has(i + 1, kDet | kDetOblique))
      out = std::string(v.tok[i + 1].form);
  return out;
}

// "Sunak defended the record: "our deals with Albania ..."": a quotation
// right after a colon is said by the first actor named bare in the clause
// before the colon, whatever its verb.
void colon_quote(const SentenceView& v, Attribution& a) {
  const auto& tok = v.tok;
  for (std::size_t ci = 0; ci < v.syn.clauses.size(); ++ci) {
    const Clause& c = v.syn.clauses[ci];
    if (c.last + 1 >= tok.size() || tok[c.last].kind != TokenKind::punct ||
        tok[c.last].form != ":" || !v.syn.quoted[c.last + 1])
      continue;
    for (const Mention& m : v.syn.mentions)
      if (m.clause == static_cast<int>(ci) && m.actor && bare(v, m) &&
          m.how != Mention::first_person) {
        a.text = m.text;
        a.speaker = m.actor;
        return;
      }
  }
}

// Who is said to speak, as the text names them: a German adjective or
// compound with the noun it modifies ("westlicher Geheimdienste",
// "US-Regierung"), not the adjective alone.  (An English adjective's head is
// only the next content word: "Dutch Foreign" of "Dutch Foreign Ministry".)
std::string speaker_text(const SentenceView& v, const Mention& m) {
  if (!v.de || (m.how != Mention::adjective && m.how != Mention::compound) || m.head < 0 ||
      static_cast<std::uint32_t>(m.head) < m.last)
    return m.text;
  std::string out;
  for (std::uint32_t k = m.first; k <= static_cast<std::uint32_t>(m.head); ++k) {
    if (k > m.first && v.tok[k].begin > v.tok[k - 1].end) out += ' ';
    out += v.tok[k].form;
  }
  return out;
}

}  // namespace

Attribution attribute(const SentenceView& v) {
  Attribution a;
  const auto& ms = v.syn.mentions;
  for (const Mention& m : ms)
    if (m.attribution && m.actor) {
      a.text = speaker_text(v, m);
      a.speaker = m.actor;
    }
  for (std::size_t ci = 0; ci < v.syn.clauses.size() && a.text.empty(); ++ci) {
    const Clause& c = v.syn.clauses[ci];
    if (!has_speech(v, c)) continue;
    for (const Mention& m : ms)
      if (m.clause == static_cast<int>(ci) && m.prep.empty() && m.actor &&
          m.how != Mention::first_person) {
        a.text = speaker_text(v, m);
        // "sagte ein Österreicher": a private person speaks for no state.
        a.speaker = m.stand_in() ? nullptr : m.actor;
        break;
      }
    if (a.text.empty()) a.text = unknown_speaker(v, c);
  }
  if (a.text.empty()) colon_quote(v, a);
  return a;
}

}  // namespace geokg
