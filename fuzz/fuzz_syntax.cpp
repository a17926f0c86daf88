// libFuzzer target: the CoNLL-U reader, the model file reader and the parser.
// The first byte picks which.  A malformed treebank or model must be a
// SyntaxError; any words whatever must parse into a tree (one root, every head
// in the sentence).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "geokg/syntax/model.hpp"
#include "syntax/model_impl.hpp"

namespace {

const geokg::syntax::Model& german() {
  static const geokg::syntax::Model m =
      geokg::syntax::Model::load(std::string(GEOKG_SOURCE_DATA) + "/models/de.syntax");
  return m;
}

void parse_words(std::string_view text) {
  std::vector<std::string_view> forms;
  for (std::size_t at = 0; at < text.size() && forms.size() < 300;) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    forms.push_back(text.substr(at, end - at));  // empty words too
    at = end + 1;
  }
  geokg::syntax::Parse p;
  german().parse(forms, p);
  int roots = 0;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (p.head[i] < 0) ++roots;
    if (p.head[i] >= static_cast<int>(forms.size()) || p.head[i] == static_cast<int>(i))
      std::abort();
    if (p.deprel[i] >= german().label_count()) std::abort();
    (void)german().lemma(forms[i], p.upos[i]);
  }
  if (!forms.empty() && roots != 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (data[0] % 3) {
      case 0: {
        std::istringstream in{std::string(rest)};
        geokg::syntax::ConlluReader reader(in, "fuzz.conllu");
        geokg::syntax::ConlluSentence s;
        while (reader.next(s)) {
          std::ostringstream out;
          geokg::syntax::write_conllu(out, s);
        }
        break;
      }
      case 1:
        (void)geokg::syntax::Model::Impl::deserialise(rest, "fuzz.syntax");
        break;
      default:
        parse_words(rest);
    }
  } catch (const geokg::syntax::SyntaxError&) {
    // Refused with a message: the expected outcome for malformed input.
  }
  return 0;
}
