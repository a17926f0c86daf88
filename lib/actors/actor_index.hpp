// The dictionary's look-up structures, shared with the mention matcher of the
// relation stage.  Internal: not installed.
#pragma once
#include <array>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/actors/actor_dictionary.hpp"
#include "geokg/text/segmenter.hpp"
#include "string_map.hpp"

namespace geokg {

enum class FormKind : std::uint8_t {
  name, short_form, adjective, demonym, capital, seat, surname, alias,
  place  // a city that names its state only as the place of an event
};
FormKind parse_form_kind(std::string_view s);  // throws DataError

struct FormEntry {
  std::uint32_t actor;     // index into ActorIndex::actors
  FormKind kind;
  char gender;             // m f n p or '-'
  std::uint8_t langs;      // bit 0 German, bit 1 English
  bool exact;              // an abbreviation: the tokens must match case-sensitively
  bool capitalised;        // a surname: the first token must be capitalised
  std::string exact_form;  // the forms joined by ' ' (for exact matches)
};

// A span of tokens naming an actor.
struct ActorMatch {
  std::uint32_t first, last;  // token range [first, last)
  std::uint32_t actor;
  FormKind kind;
  char gender;
};

// A period in which a person acts for another state than their latest role's,
// or for none (data/actors/roles/): dates as YYYYMMDD, both days included.
struct RolePeriod {
  std::int32_t from, to;
  std::uint32_t actor;  // the person coded as that state, or kNoActor
};
constexpr std::uint32_t kNoActor = 0xffffffffu;

// "2014-06-08..." -> 20140608; 0 for anything else (no date).
std::int32_t parse_day(std::string_view iso);

// The dictionary's contents: ActorDictionary holds one and hands it to the
// library's internals through index_of.
struct ActorIndex {
  std::vector<std::unique_ptr<Actor>> actors;
  StringMap<std::uint32_t> by_id;
  // Folded token sequences joined by ' ' -> the actors they may name.
  StringMap<std::vector<FormEntry>> forms;
  // Every key of `forms`: four in five look-ups in match() are misses
  // ("der ...", "von ..."), which the filter answers from cache.
  HashFilter form_filter;
  // Folded first token -> longest form (in tokens) starting with it.
  StringMap<std::uint8_t> longest;
  // Folded first token -> bit n set when a form of n tokens starts with it.
  StringMap<std::uint16_t> lengths;
  Segmenter tokenizer{Lang::de};
  // Person -> the periods in which its code differs, sorted.  Most
  // documents name no such person, so matches are checked only when this is
  // not empty and the document has a date.
  std::vector<std::vector<RolePeriod>> periods;
  // German compass compounds (data/actors/compass/de.tsv), folded: compass
  // words longest first, rests that name a continent, words that are no part.
  struct Compass {
    std::vector<std::string> words, parts, nots;
    // The first bytes of the words: most tokens start with none of them and
    // are passed over at once, which keeps the look-up off extraction's hot path.
    std::array<bool, 256> first{};
    std::size_t shortest = SIZE_MAX;
  } compass;

  // Each match of a person with periods becomes the person as coded on `day`,
  // or is dropped when they held no state office then.
  void at_day(std::vector<ActorMatch>& names, std::int32_t day) const;
  void add_periods(std::istream& in, const std::string& where);
  void add_compass(std::istream& in, const std::string& where);
  // The state whose part a German compass compound names ("Nordirak",
  // "ostukrainischen"), as the entry of the state's own form; or nullptr.
  const FormEntry* compass_part(const Token& t) const;

  std::uint32_t intern(const Actor& a);
  void add_to_filter(std::string_view key);  // after its insertion into `forms`
  void add(std::uint32_t actor, FormKind kind, std::uint8_t langs, std::string_view form,
           char gender);
  void add_one(std::uint32_t actor, FormKind kind, std::uint8_t langs, std::string_view form,
               char gender);
  // Longest matches, left to right, in one sentence.
  std::vector<ActorMatch> match(const Sentence& s, Lang lang) const;
  void match(const Sentence& s, Lang lang, std::vector<ActorMatch>& out) const;  // reuses out
  // The same with each token's `lengths` value looked up by the caller
  // (0: no form starts with it).
  void match(const Sentence& s, Lang lang, const std::vector<std::uint16_t>& lengths_at,
             std::vector<ActorMatch>& out) const;
  void add_elliptic_firsts(const Sentence& s, std::vector<ActorMatch>& out) const;
  template <class LengthsAt>
  void match_with(const Sentence& s, Lang lang, std::vector<ActorMatch>& out,
                  const LengthsAt& lengths_at) const;
};

// The index of a dictionary, for the library's internals and white-box tests
// (a friend of ActorDictionary; the installed header does not declare it).
const ActorIndex& index_of(const ActorDictionary& dict);

}  // namespace geokg
