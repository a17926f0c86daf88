#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace geokg {

enum class ActorType : std::uint8_t { state, organisation, group, person };
std::string_view to_string(ActorType type);
ActorType parse_actor_type(std::string_view name);  // throws DataError

// A political actor.  `code` is what it is coded as (ISO 3166-1 alpha-3 for
// states and everything acting for a state, or an organisation code such as UN,
// NATO, IS); `id` is the actor itself ("PRK", "UN", "putin").
struct Actor {
  std::string id;
  std::string code;
  std::string name_de;
  std::string name_en;
  ActorType type = ActorType::state;
};

}  // namespace geokg
