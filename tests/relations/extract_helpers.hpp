#pragma once
#include <doctest/doctest.h>

#include "../string_list.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "geokg/relations/extractor.hpp"
#include "geokg/resources.hpp"

// One extractor for the whole test binary: the shipped data (GEOKG_DATA_DIR).
inline const geokg::Extractor& shipped_extractor() {
  static geokg::Extractor ex(geokg::find_data_dir());
  return ex;
}

inline geokg::Document test_document(const std::string& text, const std::string& lang) {
  geokg::Document d;
  d.id = "t";
  d.text = text;
  d.lang = lang == "-" ? "" : lang;  // "-": detect it
  return d;
}

// "SRC REL TGT status" for each event, sorted.
inline std::vector<std::string> event_strings(const std::vector<geokg::Event>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) {
    // Mutual relations have no direction: list them in code order.
    std::string a = e.source.code, b = e.target.code;
    if (geokg::is_symmetric(e.relation) && b < a) std::swap(a, b);
    out.push_back(a + " " + std::string(geokg::to_string(e.relation)) + " " + b + " " +
                  std::string(geokg::to_string(e.status)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

inline std::vector<std::string> events_of(const std::string& text, const std::string& lang) {
  return event_strings(shipped_extractor().extract(test_document(text, lang)));
}

using Events = std::vector<std::string>;
