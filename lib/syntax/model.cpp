#include "geokg/syntax/model.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>

#include "geokg/resources.hpp"
#include "syntax/model_impl.hpp"
#include "syntax/word_features.hpp"

namespace geokg::syntax {
namespace {

constexpr std::string_view kMagic = "GEOKG-SYNTAX\n";
constexpr std::uint32_t kFormat = 1;

constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

bool continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

std::size_t first_char_size(std::string_view s) {
  std::size_t i = s.empty() ? 0 : 1;
  while (i < s.size() && continuation(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// `word` with the first letter of `model` when `model` starts with a capital
// (its first letter differs from that of `folded`, its case-folded form).
std::string capitalise_like(std::string word, std::string_view model, std::string_view folded) {
  std::string_view m = model.substr(0, first_char_size(model));
  std::string_view f = folded.substr(0, first_char_size(folded));
  if (m != f && word.compare(0, f.size(), f) == 0) word.replace(0, f.size(), m);
  return word;
}

}  // namespace

std::string_view to_string(Upos u) { return kUposNames[static_cast<std::size_t>(u)]; }

bool parse_upos(std::string_view s, Upos& out) {
  for (std::size_t i = 0; i < kUposNames.size(); ++i)
    if (kUposNames[i] == s) {
      out = static_cast<Upos>(i);
      return true;
    }
  return false;
}

std::uint64_t lemma_key(std::string_view folded, Upos upos) {
  return combine(hash_bytes(folded), static_cast<std::uint64_t>(upos));
}
std::uint64_t lemma_suffix_key(std::string_view folded_suffix, Upos upos) {
  return combine(hash_bytes(folded_suffix), 1000 + static_cast<std::uint64_t>(upos));
}

std::string Lemmatizer::lemma(std::string_view form, Upos upos) const {
  std::string folded = lower_form(form);
  if (auto it = known.find(lemma_key(folded, upos)); it != known.end()) return it->second;
  if (upos == Upos::PROPN || upos == Upos::NUM || upos == Upos::PUNCT || upos == Upos::SYM)
    return std::string(form);
  std::string out = folded;
  // The longest known ending decides.
  std::size_t i = folded.size();
  std::vector<std::size_t> starts;
  for (int k = 0; k < kMaxLemmaSuffix && i > 0; ++k) {
    do --i; while (i > 0 && continuation(static_cast<unsigned char>(folded[i])));
    starts.push_back(i);
  }
  for (auto s = starts.rbegin(); s != starts.rend(); ++s) {
    auto r = by_suffix.find(lemma_suffix_key(std::string_view(folded).substr(*s), upos));
    if (r == by_suffix.end()) continue;
    const LemmaRule& rule = rules[r->second];
    // A rule learned on other words may cut inside a letter here.
    if (rule.strip > folded.size() ||
        (rule.strip < folded.size() &&
         continuation(static_cast<unsigned char>(folded[folded.size() - rule.strip]))))
      continue;
    out = folded.substr(0, folded.size() - rule.strip) + rule.add;
    break;
  }
  if (out.empty()) return std::string(form);  // CoNLL-U has no empty columns
  return capitalised_nouns && upos == Upos::NOUN ? capitalise_like(out, form, folded) : out;
}

void Splitter::split(std::string_view form, std::vector<std::string>& words) const {
  words.clear();
  std::string folded = lower_form(form);
  if (auto it = known.find(folded); it != known.end()) {
    for (std::size_t k = 0; k < it->second.size(); ++k)
      words.push_back(k == 0 ? capitalise_like(it->second[k], form, folded) : it->second[k]);
    return;
  }
  // Only where folding kept every byte in place can the clitic's length cut
  // the form.
  if (folded.size() == form.size())
    for (const auto& c : clitics) {
      if (folded.size() <= c.size() || folded.compare(folded.size() - c.size(), c.size(), c) != 0)
        continue;
      std::size_t cut = form.size() - c.size();
      words.emplace_back(form.substr(0, cut));
      words.emplace_back(form.substr(cut));
      return;
    }
  words.emplace_back(form);
}

namespace {

template <class Map, class Put>
void put_sorted(std::vector<char>& out, const Map& m, Put put_value) {
  std::vector<typename Map::key_type> keys;
  for (const auto& kv : m) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());
  put_u64(out, keys.size());
  for (const auto& k : keys) {
    if constexpr (std::is_same_v<typename Map::key_type, std::string>) put_string(out, k);
    else put_u64(out, k);
    put_value(m.at(k));
  }
}

void put_strings(std::vector<char>& out, const std::vector<std::string>& v) {
  put_u32(out, static_cast<std::uint32_t>(v.size()));
  for (const auto& s : v) put_string(out, s);
}

struct Reader {
  std::string_view data;
  const std::string& name;
  std::size_t pos = 0;

  [[noreturn]] void fail(const char* what) const {
    throw SyntaxError(name + ": not a geokg syntax model or damaged (" + what + " at byte " +
                      std::to_string(pos) + "); rebuild it with scripts/train-syntax.sh");
  }
  std::uint32_t u32(const char* what) {
    std::uint32_t v = 0;
    if (!get_u32(data, pos, v)) fail(what);
    return v;
  }
  std::uint64_t u64(const char* what) {
    std::uint64_t v = 0;
    if (!get_u64(data, pos, v)) fail(what);
    return v;
  }
  std::uint64_t count(const char* what) {
    std::uint64_t n = u64(what);
    if (n > data.size()) fail(what);
    return n;
  }
  std::string str(const char* what) {
    std::string s;
    if (!get_string(data, pos, s)) fail(what);
    return s;
  }
  std::vector<std::string> strings(const char* what) {
    std::uint32_t n = u32(what);
    if (n > data.size()) fail(what);
    std::vector<std::string> v(n);
    for (auto& s : v) s = str(what);
    return v;
  }
  void weights(Weights& w, const char* what) {
    if (!w.read(data, pos)) fail(what);
  }
};

void check_classes(Reader& r, const Weights& w, std::size_t classes, const char* what);

}  // namespace

std::vector<char> Model::Impl::serialise() const {
  std::vector<char> out(kMagic.begin(), kMagic.end());
  put_u32(out, kFormat);
  put_u32(out, static_cast<std::uint32_t>(lang));
  put_strings(out, labels);
  put_strings(out, morph);
  put_strings(out, xpos);
  put_sorted(out, tagger.fixed, [&](Upos u) { put_u32(out, static_cast<std::uint32_t>(u)); });
  put_sorted(out, tagger.seen, [&](std::uint32_t bits) { put_u32(out, bits); });
  tagger.upos.write(out);
  tagger.morph.write(out);
  tagger.xpos.write(out);
  put_u32(out, parser.morph ? 1 : 0);
  parser.weights.write(out);
  put_u32(out, lemmatizer.capitalised_nouns ? 1 : 0);
  put_sorted(out, lemmatizer.known, [&](const std::string& s) { put_string(out, s); });
  put_sorted(out, lemmatizer.by_suffix, [&](std::uint32_t r) { put_u32(out, r); });
  put_u32(out, static_cast<std::uint32_t>(lemmatizer.rules.size()));
  for (const auto& r : lemmatizer.rules) {
    put_u32(out, r.strip);
    put_string(out, r.add);
  }
  put_sorted(out, splitter.known,
             [&](const std::vector<std::string>& words) { put_strings(out, words); });
  put_strings(out, splitter.clitics);
  return out;
}

namespace {
void check_classes(Reader& r, const Weights& w, std::size_t classes, const char* what) {
  if (w.max_class() >= classes && w.entries() > 0) r.fail(what);
}
}  // namespace

std::unique_ptr<Model::Impl> Model::Impl::deserialise(std::string_view data,
                                                      const std::string& name) {
  Reader r{data, name};
  if (data.substr(0, kMagic.size()) != kMagic) r.fail("header");
  r.pos = kMagic.size();
  if (r.u32("format") != kFormat) r.fail("format version");
  auto m = std::make_unique<Impl>();
  std::uint32_t lang = r.u32("language");
  if (lang > static_cast<std::uint32_t>(Lang::en)) r.fail("language");
  m->lang = static_cast<Lang>(lang);
  m->labels = r.strings("labels");
  m->morph = r.strings("morphology");
  m->xpos = r.strings("fine tags");
  if (m->labels.empty() || m->morph.empty() || m->labels.size() > 30000 || m->morph.size() > 60000)
    r.fail("labels");
  for (std::uint64_t n = r.count("tag dictionary"); n > 0; --n) {
    std::uint64_t k = r.u64("tag dictionary");
    std::uint32_t u = r.u32("tag dictionary");
    if (u >= kUposCount) r.fail("tag dictionary");
    m->tagger.fixed.emplace(k, static_cast<Upos>(u));
  }
  for (std::uint64_t n = r.count("tag lexicon"); n > 0; --n) {
    std::uint64_t k = r.u64("tag lexicon");
    m->tagger.seen.emplace(k, r.u32("tag lexicon"));
  }
  r.weights(m->tagger.upos, "tagger weights");
  r.weights(m->tagger.morph, "morphology weights");
  r.weights(m->tagger.xpos, "fine tag weights");
  m->tagger.xpos_classes = static_cast<int>(m->xpos.size());
  m->tagger.morph_classes = static_cast<int>(m->morph.size());
  m->parser.morph = r.u32("parser options") != 0;
  r.weights(m->parser.weights, "parser weights");
  m->parser.labels = static_cast<int>(m->labels.size());
  check_classes(r, m->tagger.upos, kUposCount, "tagger classes");
  check_classes(r, m->tagger.morph, m->morph.size(), "morphology classes");
  check_classes(r, m->tagger.xpos, m->xpos.size(), "fine tag classes");
  check_classes(r, m->parser.weights, 1 + 2 * m->labels.size(), "parser classes");
  m->lemmatizer.capitalised_nouns = r.u32("lemmatiser options") != 0;
  for (std::uint64_t n = r.count("lemmas"); n > 0; --n) {
    std::uint64_t k = r.u64("lemmas");
    m->lemmatizer.known.emplace(k, r.str("lemmas"));
  }
  for (std::uint64_t n = r.count("lemma endings"); n > 0; --n) {
    std::uint64_t k = r.u64("lemma endings");
    m->lemmatizer.by_suffix.emplace(k, r.u32("lemma endings"));
  }
  std::uint32_t rules = r.u32("lemma rules");
  if (rules > data.size()) r.fail("lemma rules");
  for (std::uint32_t i = 0; i < rules; ++i) {
    LemmaRule rule;
    rule.strip = r.u32("lemma rules");
    rule.add = r.str("lemma rules");
    m->lemmatizer.rules.push_back(std::move(rule));
  }
  for (const auto& [k, rule] : m->lemmatizer.by_suffix)
    if (rule >= rules) r.fail("lemma endings");
  for (std::uint64_t n = r.count("contractions"); n > 0; --n) {
    std::string k = r.str("contractions");
    m->splitter.known.emplace(std::move(k), r.strings("contractions"));
  }
  m->splitter.clitics = r.strings("clitics");
  if (r.pos != data.size()) r.fail("trailing data");
  return m;
}

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

Model Model::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SyntaxError(file.string() + ": cannot open the syntax model");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw SyntaxError(file.string() + ": cannot read the syntax model");
  // Not zero-filled first: the model is tens of megabytes.
  auto data = std::make_unique_for_overwrite<char[]>(static_cast<std::size_t>(size));
  if (!in.read(data.get(), size)) throw SyntaxError(file.string() + ": read error");
  return Model(Impl::deserialise(std::string_view(data.get(), static_cast<std::size_t>(size)),
                                 file.string()));
}

std::filesystem::path Model::default_file(Lang lang) {
  return find_data_dir() / "models" / (std::string(geokg::to_string(lang)) + ".syntax");
}

const Model* Model::shared(Lang lang) {
  if (lang == Lang::other) return nullptr;
  struct Slot {
    std::once_flag once;
    std::unique_ptr<Model> model;
    std::string error;
  };
  static Slot slots[2];
  Slot& slot = slots[lang == Lang::de ? 0 : 1];
  std::call_once(slot.once, [&] {
    try {
      slot.model = std::make_unique<Model>(load(default_file(lang)));
    } catch (const Error& e) {
      slot.error = e.what();
    }
  });
  if (!slot.model) throw SyntaxError(slot.error);
  return slot.model.get();
}

Lang Model::lang() const { return impl_->lang; }

void Model::parse(std::span<const std::string_view> forms, Parse& out) const {
  thread_local std::vector<WordFeatures> w;
  thread_local Tagged t;
  thread_local std::vector<int> head, label;
  describe_words(forms, w);
  impl_->tagger.tag(w, t);
  impl_->parser.parse(w, t, head, label);
  out.upos = t.upos;
  out.morph = t.morph;
  out.head.assign(head.begin(), head.end());
  out.deprel.resize(label.size());
  for (std::size_t i = 0; i < label.size(); ++i)
    out.deprel[i] = static_cast<std::uint16_t>(label[i]);
}

std::string Model::lemma(std::string_view form, Upos upos) const {
  return impl_->lemmatizer.lemma(form, upos);
}

std::string_view Model::label_name(std::uint16_t id) const {
  return id < impl_->labels.size() ? std::string_view(impl_->labels[id]) : "dep";
}
std::string_view Model::morph_name(std::uint16_t id) const {
  return id < impl_->morph.size() ? std::string_view(impl_->morph[id]) : "_";
}
std::size_t Model::label_count() const { return impl_->labels.size(); }

namespace {
// A period glued to a word inside the sentence ends an abbreviation ("U.S.",
// "Mr.", "z.B."), not the sentence: the treebanks write it as part of the
// word, and the word breaker cuts it off.
bool abbreviation_period(std::span<const Token> tokens, std::size_t i) {
  return i > 0 && i + 1 < tokens.size() && tokens[i].form == "." &&
         tokens[i - 1].kind == TokenKind::word && tokens[i - 1].end == tokens[i].begin;
}
}  // namespace

void Model::words_of(std::span<const Token> tokens, TokenWords& out) const {
  out.forms.clear();
  out.token.clear();
  out.first.clear();
  thread_local std::vector<std::string> parts;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    out.first.push_back(static_cast<std::uint32_t>(out.forms.size()));
    if (abbreviation_period(tokens, i)) {
      out.forms.back() += '.';  // a token without words of its own
      continue;
    }
    impl_->splitter.split(tokens[i].form, parts);
    for (auto& p : parts) {
      out.forms.push_back(std::move(p));
      out.token.push_back(static_cast<std::uint32_t>(i));
    }
  }
  out.first.push_back(static_cast<std::uint32_t>(out.forms.size()));
}

void Model::annotate(ConlluSentence& s) const {
  std::vector<std::string_view> forms;
  for (const auto& w : s.words) forms.push_back(w.form);
  Parse p;
  parse(forms, p);
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    Word& w = s.words[i];
    w.upos = std::string(to_string(p.upos[i]));
    w.lemma = lemma(w.form, p.upos[i]);
    w.feats = std::string(morph_name(p.morph[i]));
    w.head = p.head[i] + 1;
    w.deprel = std::string(label_name(p.deprel[i]));
  }
}

}  // namespace geokg::syntax
