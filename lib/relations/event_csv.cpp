#include <fmt/format.h>

#include "export/text_util.hpp"
#include "geokg/relations/event.hpp"

namespace geokg {
namespace {

using exportutil::csv_field;

std::string actor_cells(const ActorRef& a) {
  return fmt::format("{},{},{},{}", csv_field(a.id), csv_field(a.name), csv_field(a.code),
                     to_string(a.type));
}

}  // namespace

std::string event_csv_header(bool explain) {
  return fmt::format(
      "doc,sentence,source,source_name,source_code,source_type,relation,target,target_name,"
      "target_code,target_type,status,quad,date,attributed_to,trigger,evidence{}\r\n",
      explain ? ",rule,tokens" : "");
}

std::string to_csv(const Event& e, bool explain) {
  std::string row = fmt::format(
      "{},{},{},{},{},{},{},{},{},{},{}", csv_field(e.doc), e.sentence, actor_cells(e.source),
      to_string(e.relation), actor_cells(e.target), to_string(e.status),
      to_string(quad_of(e.relation)), csv_field(e.date), csv_field(e.attributed_to),
      csv_field(e.trigger), exportutil::csv_verbatim(e.evidence));
  if (explain)
    row += fmt::format(",{},{}", csv_field(to_string(e.provenance)), csv_field(e.tokens));
  return row + "\r\n";
}

}  // namespace geokg
