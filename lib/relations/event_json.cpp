#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "geokg/relations/event.hpp"

namespace geokg {

std::string to_json(const Event& e, bool explain) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto str = [&](const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  };
  auto actor = [&](const char* key, const ActorRef& a) {
    w.Key(key);
    w.StartObject();
    str("id", a.id);
    str("name", a.name);
    str("code", a.code);
    str("type", std::string(to_string(a.type)));
    w.EndObject();
  };
  w.StartObject();
  str("doc", e.doc);
  w.Key("sentence");
  w.Uint(e.sentence);
  actor("source", e.source);
  str("relation", std::string(to_string(e.relation)));
  actor("target", e.target);
  str("status", std::string(to_string(e.status)));
  str("quad", std::string(to_string(quad_of(e.relation))));
  str("trigger", e.trigger);
  str("evidence", e.evidence);
  if (!e.attributed_to.empty()) str("attributed_to", e.attributed_to);
  if (!e.date.empty()) str("date", e.date);
  if (explain) {
    str("rule", to_string(e.provenance));
    str("tokens", e.tokens);
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace geokg
