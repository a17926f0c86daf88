// libFuzzer target: the text pipeline and extraction.  The first byte picks the
// language tag; the rest, repaired to UTF-8 as the reader would, is the text.
// Segmentation must cover the text with in-bounds offsets and extraction must
// return events whose sentence and evidence belong to the document.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "geokg/error.hpp"
#include "geokg/input/document.hpp"
#include "geokg/relations/event.hpp"
#include "geokg/relations/extractor.hpp"
#include "geokg/resources.hpp"
#include "geokg/text/segmenter.hpp"
#include "input/document_detail.hpp"

#ifndef GEOKG_SOURCE_DATA
#error "GEOKG_SOURCE_DATA must name the source tree's data directory"
#endif

namespace {

std::unique_ptr<geokg::Extractor> extractor;
std::unique_ptr<geokg::Segmenter> segmenter_de, segmenter_en;

void check_segments(const geokg::SegmentedText& st, std::string_view text) {
  std::uint32_t last_end = 0;
  for (const auto& s : st.sentences) {
    if (s.begin > s.end || s.end > text.size() || s.begin < last_end) std::abort();
    last_end = s.end;
    for (const auto& t : s.tokens)
      if (t.begin >= t.end || t.end > text.size() || t.form.empty() || t.fold.empty())
        std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The installed data may be missing or stale; the source tree's is the one tested.
  setenv("GEOKG_DATA_DIR", GEOKG_SOURCE_DATA, 0);
  extractor = std::make_unique<geokg::Extractor>(geokg::find_data_dir());
  segmenter_de = std::make_unique<geokg::Segmenter>(geokg::Lang::de);
  segmenter_en = std::make_unique<geokg::Segmenter>(geokg::Lang::en);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kLangs[] = {"", "de", "en", "fr", "DE-at", "english"};
  geokg::Document doc;
  doc.id = "fuzz";
  doc.origin = "fuzz:1";
  doc.lang = kLangs[data[0] % std::size(kLangs)];
  doc.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  geokg::input_detail::repair_utf8(doc.text);
  geokg::input_detail::remove_nuls(doc.text);

  const geokg::SegmentedText de = segmenter_de->segment(doc.text);
  const geokg::SegmentedText en = segmenter_en->segment(doc.text);
  check_segments(de, doc.text);
  check_segments(en, doc.text);
  (void)geokg::detect_language(doc.text);
  if (!geokg::valid_utf8(geokg::fold_case(doc.text))) std::abort();

  // The extractor segments with one of the two languages.
  const std::size_t sentences = std::max(de.sentences.size(), en.sentences.size());
  for (const geokg::Event& e : extractor->extract(doc)) {
    if (e.doc != doc.id || e.sentence >= sentences) std::abort();
    if (!geokg::valid_utf8(e.evidence) || !geokg::valid_utf8(e.trigger)) std::abort();
    if (!geokg::valid_utf8(geokg::to_json(e, true))) std::abort();
  }
  return 0;
}
