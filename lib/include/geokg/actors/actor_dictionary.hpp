// The gazetteer of political actors: ICU's country names in German and English
// plus the data files under data/actors/ (adjectives, demonyms, capitals, seats of
// government, organisations, armed groups, persons in office).
#pragma once
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/actors/actor.hpp"

namespace geokg {

struct ActorIndex;  // the look-up structures; internal (lib/actors/actor_index.hpp)

class ActorDictionary {
 public:
  ActorDictionary();
  ~ActorDictionary();
  ActorDictionary(ActorDictionary&&) noexcept;
  ActorDictionary& operator=(ActorDictionary&&) noexcept;

  // ICU country names plus every data/actors/*.tsv under `data_dir`.
  static ActorDictionary load(const std::filesystem::path& data_dir);

  // Adds the rows of one actor table (see data/actors/README.md); `where`
  // names the source in error messages.  Throws DataError.
  void add_table(std::istream& in, const std::string& where);

  // Adds one surface form of an actor (creating the actor if it is new).
  void add_form(const Actor& actor, std::string_view kind, std::string_view lang,
                std::string_view form, char gender);

  const Actor* find(std::string_view id) const;
  // Actors whose name, alias, capital, ... is `name` (case- and accent-insensitive).
  std::vector<const Actor*> lookup(std::string_view name) const;
  // Close names, for "did you mean".
  std::vector<std::string> suggest(std::string_view name, std::size_t max = 5) const;
  std::vector<const Actor*> actors() const;

 private:
  // The library's mention matcher reads the index; users of the installed
  // API see only the methods above.
  friend const ActorIndex& index_of(const ActorDictionary& dict);
  std::unique_ptr<ActorIndex> impl_;
};

}  // namespace geokg
