// Training: jackknifed taggers, then the parser with a dynamic oracle and
// error exploration (Goldberg & Nivre 2012), then lemma and contraction tables.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <set>

#include "geokg/syntax/model.hpp"
#include "export/atomic_file.hpp"
#include "syntax/model_impl.hpp"
#include "syntax/word_features.hpp"

namespace geokg::syntax {
namespace {

struct Example {
  std::vector<std::string> forms;
  std::vector<std::string_view> views;
  std::vector<WordFeatures> w;
  Tagged gold;
  std::vector<int> head;   // index n: the root
  std::vector<int> label;
  std::vector<std::string> lemmas;
};

// Case, gender and number only: what decides German arguments.
std::string morph_value(std::string_view feats) {
  std::string out;
  std::size_t start = 0;
  while (start < feats.size()) {
    std::size_t bar = feats.find('|', start);
    std::string_view f = feats.substr(start, bar - start);
    if (f.starts_with("Case=") || f.starts_with("Gender=") || f.starts_with("Number=")) {
      if (!out.empty()) out += '|';
      out += f;
    }
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out.empty() ? "_" : out;
}

// The treebank's right single quotation mark as geokg's tokens have it.
std::string normalise_apostrophes(std::string_view s) {
  std::string out;
  constexpr std::string_view kQuote = "\xe2\x80\x99";
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, 3) == kQuote) { out += '\''; i += 3; }
    else out += s[i++];
  }
  return out;
}

// Lifts non-projective arcs to the head's head until the tree is projective
// (Nivre & Nilsson 2005, without encoding the lift in the label): the
// arc-hybrid system builds projective trees only.
void projectivise(std::vector<int>& head) {
  const int n = static_cast<int>(head.size());
  auto dominates = [&](int h, int d) {
    for (int x = d, steps = 0; x != n && steps <= n; x = head[static_cast<std::size_t>(x)], ++steps)
      if (x == h) return true;
    return h == n;
  };
  for (bool changed = true; changed;) {
    changed = false;
    int pick = -1, shortest = n + 1;
    for (int d = 0; d < n; ++d) {
      int h = head[static_cast<std::size_t>(d)];
      if (h == n) continue;
      for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k)
        if (!dominates(h, k)) {
          if (std::abs(h - d) < shortest) { shortest = std::abs(h - d); pick = d; }
          break;
        }
    }
    if (pick >= 0) {
      head[static_cast<std::size_t>(pick)] = head[static_cast<std::size_t>(head[static_cast<std::size_t>(pick)])];
      changed = true;
    }
  }
}

struct Vocabulary {
  std::vector<std::string> labels, morph, xpos;
  std::map<std::string, int> label_id, morph_id, xpos_id;
};

Vocabulary vocabulary(Lang lang, const std::vector<ConlluSentence>& sentences) {
  std::set<std::string> labels, morph{"_"}, xpos;
  for (const auto& s : sentences)
    for (const auto& w : s.words) {
      labels.insert(w.deprel);
      xpos.insert(w.xpos);
      if (lang == Lang::de) morph.insert(morph_value(w.feats));
    }
  Vocabulary v;
  v.labels.assign(labels.begin(), labels.end());
  // "_" first: class 0 means none.
  v.morph.push_back("_");
  for (const auto& m : morph)
    if (m != "_") v.morph.push_back(m);
  v.xpos.assign(xpos.begin(), xpos.end());
  for (std::size_t i = 0; i < v.xpos.size(); ++i) v.xpos_id[v.xpos[i]] = static_cast<int>(i);
  for (std::size_t i = 0; i < v.labels.size(); ++i) v.label_id[v.labels[i]] = static_cast<int>(i);
  for (std::size_t i = 0; i < v.morph.size(); ++i) v.morph_id[v.morph[i]] = static_cast<int>(i);
  return v;
}

std::vector<Example> examples(const std::vector<ConlluSentence>& sentences, const Vocabulary& v,
                              Lang lang) {
  std::vector<Example> out;
  for (const auto& s : sentences) {
    Example e;
    const int n = static_cast<int>(s.words.size());
    bool complete = true;
    for (const auto& w : s.words) {
      Upos u{};
      if (!parse_upos(w.upos, u) || w.head < 0) complete = false;
      e.forms.push_back(normalise_apostrophes(w.form));
      e.gold.upos.push_back(u);
      e.gold.morph.push_back(static_cast<std::uint16_t>(lang == Lang::de ? v.morph_id.at(morph_value(w.feats)) : 0));
      e.gold.xpos.push_back(static_cast<std::uint16_t>(v.xpos_id.at(w.xpos)));
      e.head.push_back(w.head == 0 ? n : w.head - 1);
      e.label.push_back(v.label_id.at(w.deprel));
      e.lemmas.push_back(w.lemma);
    }
    if (!complete) continue;
    for (const auto& f : e.forms) e.views.push_back(f);
    describe_words(e.views, e.w);
    projectivise(e.head);
    out.push_back(std::move(e));
  }
  return out;
}

void say(const TrainOptions& o, const std::string& line) {
  if (o.progress) o.progress(line);
}

int argmax(const std::vector<float>& s) {
  return static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
}

// Words the treebank tags one way (at least 20 times, 97% of the time).
std::unordered_map<std::uint64_t, Upos> fixed_tags(const std::vector<const Example*>& data) {
  std::unordered_map<std::uint64_t, std::array<int, kUposCount>> counts;
  for (const Example* e : data)
    for (std::size_t i = 0; i < e->w.size(); ++i)
      ++counts[e->w[i].lower][static_cast<std::size_t>(e->gold.upos[i])];
  std::unordered_map<std::uint64_t, Upos> out;
  for (const auto& [k, c] : counts) {
    int total = 0, best = 0;
    for (int x : c) total += x;
    for (int t = 1; t < kUposCount; ++t)
      if (c[static_cast<std::size_t>(t)] > c[static_cast<std::size_t>(best)]) best = t;
    if (total >= 20 && c[static_cast<std::size_t>(best)] >= 0.97 * total)
      out.emplace(k, static_cast<Upos>(best));
  }
  return out;
}

// The tags each word of `e` had in the other sentences: a word seen only here
// is as new to the tagger as an unseen word at run time.
void leave_one_out(const std::unordered_map<std::uint64_t, std::array<int, kUposCount>>& counts,
                   const Example& e, std::vector<std::uint32_t>& out) {
  out.assign(e.w.size(), 0);
  for (std::size_t i = 0; i < e.w.size(); ++i) {
    std::array<int, kUposCount> c = counts.at(e.w[i].lower);
    for (std::size_t j = 0; j < e.w.size(); ++j)
      if (e.w[j].lower == e.w[i].lower) --c[static_cast<std::size_t>(e.gold.upos[j])];
    for (int t = 0; t < kUposCount; ++t)
      if (c[static_cast<std::size_t>(t)] > 0) out[i] |= 1u << t;
  }
}

TaggerModel train_tagger(const std::vector<const Example*>& data, int morph_classes,
                         int xpos_classes, int epochs, int min_updates, Random& rng) {
  TaggerModel m;
  m.fixed = fixed_tags(data);
  std::unordered_map<std::uint64_t, std::array<int, kUposCount>> counts;
  for (const Example* e : data)
    for (std::size_t i = 0; i < e->w.size(); ++i) {
      m.seen[e->w[i].lower] |= 1u << static_cast<unsigned>(e->gold.upos[i]);
      ++counts[e->w[i].lower][static_cast<std::size_t>(e->gold.upos[i])];
    }
  m.morph_classes = morph_classes;
  std::vector<std::uint32_t> known;
  m.xpos_classes = xpos_classes;
  Perceptron upos(kUposCount), morph(morph_classes), xpos(xpos_classes);
  std::vector<const Example*> order = data;
  std::vector<std::uint64_t> f;
  std::vector<float> scores;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    rng.shuffle(order);
    for (const Example* e : order) {
      std::vector<Upos> guess(e->w.size(), Upos::X);
      leave_one_out(counts, *e, known);
      for (std::size_t i = 0; i < e->w.size(); ++i) {
        auto fx = m.fixed.find(e->w[i].lower);
        if (fx != m.fixed.end()) { guess[i] = fx->second; continue; }
        upos_features(e->w, i, guess, known, f);
        scores.assign(kUposCount, 0.0f);
        upos.score(f, scores);
        int g = argmax(scores);
        upos.update(f, static_cast<int>(e->gold.upos[i]), g);
        upos.tick();
        guess[i] = static_cast<Upos>(g);
      }
      std::vector<std::uint16_t> xg(e->w.size(), 0);
      for (std::size_t i = 0; i < e->w.size() && xpos_classes > 1; ++i) {
        xpos_features(e->w, i, e->gold.upos, xg, f);
        scores.assign(static_cast<std::size_t>(xpos_classes), 0.0f);
        xpos.score(f, scores);
        int g = argmax(scores);
        xpos.update(f, e->gold.xpos[i], g);
        xpos.tick();
        xg[i] = static_cast<std::uint16_t>(g);
      }
      if (morph_classes <= 1) continue;
      std::vector<std::uint16_t> mg(e->w.size(), 0);
      for (std::size_t i = 0; i < e->w.size(); ++i) {
        morph_features(e->w, i, e->gold.upos, mg, f);
        scores.assign(static_cast<std::size_t>(morph_classes), 0.0f);
        morph.score(f, scores);
        int g = argmax(scores);
        morph.update(f, e->gold.morph[i], g);
        morph.tick();
        mg[i] = static_cast<std::uint16_t>(g);
      }
    }
  }
  m.upos = upos.average(min_updates);
  if (morph_classes > 1) m.morph = morph.average(min_updates);
  if (xpos_classes > 1) m.xpos = xpos.average(min_updates);
  return m;
}

// Every sentence tagged by a tagger that did not learn from it, so the parser
// learns from tags as good as those it will see.
std::vector<Tagged> jackknife(const std::vector<Example>& data, int morph_classes,
                              int xpos_classes, int folds,
                              int epochs, Random& rng, const TrainOptions& o) {
  std::vector<Tagged> out(data.size());
  if (folds < 2) {
    for (std::size_t i = 0; i < data.size(); ++i) out[i] = data[i].gold;
    return out;
  }
  for (int k = 0; k < folds; ++k) {
    std::vector<const Example*> train;
    for (std::size_t i = 0; i < data.size(); ++i)
      if (static_cast<int>(i % static_cast<std::size_t>(folds)) != k) train.push_back(&data[i]);
    TaggerModel m = train_tagger(train, morph_classes, xpos_classes, epochs, o.min_updates, rng);
    std::size_t right = 0, total = 0;
    for (std::size_t i = static_cast<std::size_t>(k); i < data.size(); i += static_cast<std::size_t>(folds)) {
      m.tag(data[i].w, out[i]);
      for (std::size_t j = 0; j < data[i].w.size(); ++j) right += out[i].upos[j] == data[i].gold.upos[j];
      total += data[i].w.size();
    }
    say(o, "  jackknife fold " + std::to_string(k + 1) + "/" + std::to_string(folds) +
               ": UPOS " + std::to_string(static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(total, 1))));
  }
  return out;
}

// One sentence of parser training: follow the model where exploring, learn
// from every decision whose cost exceeds the best available.
void train_parser_sentence(const Example& e, const Tagged& tags, bool morph, int labels,
                           bool explore, Perceptron& p, Random& rng) {
  ParserState s;
  s.start(static_cast<int>(e.w.size()));
  std::vector<std::uint64_t> f;
  std::vector<float> scores;
  std::vector<int> cost(static_cast<std::size_t>(1 + 2 * labels));
  const float kNone = -std::numeric_limits<float>::infinity();
  while (!s.done()) {
    parser_features(e.w, tags, morph, s, f);
    scores.assign(cost.size(), 0.0f);
    p.score(f, scores);
    int best_cost = std::numeric_limits<int>::max();
    for (int t = 0; t < static_cast<int>(cost.size()); ++t) {
      auto u = static_cast<std::size_t>(t);
      if (!s.valid(t)) { scores[u] = kNone; continue; }
      cost[u] = transition_cost(s, t, e.head, e.label);
      best_cost = std::min(best_cost, cost[u]);
    }
    int guess = -1, gold = -1;
    for (int t = 0; t < static_cast<int>(cost.size()); ++t) {
      auto u = static_cast<std::size_t>(t);
      if (scores[u] == kNone) continue;
      if (guess < 0 || scores[u] > scores[static_cast<std::size_t>(guess)]) guess = t;
      if (cost[u] == best_cost && (gold < 0 || scores[u] > scores[static_cast<std::size_t>(gold)]))
        gold = t;
    }
    const bool wrong = cost[static_cast<std::size_t>(guess)] > best_cost;
    if (wrong) p.update(f, gold, guess);
    p.tick();
    s.apply(wrong && explore && rng.uniform() < 0.9 ? guess : gold);
  }
}

ParserModel train_parser(const std::vector<Example>& data, const std::vector<Tagged>& tags,
                         bool morph, int labels, int epochs, Random& rng, const TrainOptions& o) {
  const int min_updates = o.min_updates;
  Perceptron p(1 + 2 * labels);
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    rng.shuffle(order);
    for (std::size_t i : order)
      train_parser_sentence(data[i], tags[i], morph, labels, epoch > 0, p, rng);
    say(o, "  parser epoch " + std::to_string(epoch + 1) + "/" + std::to_string(epochs));
  }
  ParserModel m;
  m.weights = p.average(min_updates);
  m.weights.prune(o.prune);
  m.labels = labels;
  m.morph = morph;
  return m;
}

// The rewrite from a folded form to its lemma.
LemmaRule rule_of(std::string_view form, std::string_view lemma) {
  std::size_t common = 0;
  while (common < form.size() && common < lemma.size() && form[common] == lemma[common]) ++common;
  while (common > 0 && common < form.size() && (static_cast<unsigned char>(form[common]) & 0xc0) == 0x80)
    --common;
  return LemmaRule{static_cast<std::uint32_t>(form.size() - common), std::string(lemma.substr(common))};
}

Lemmatizer train_lemmatizer(const std::vector<Example>& data, Lang lang) {
  Lemmatizer lm;
  lm.capitalised_nouns = lang == Lang::de;
  std::map<std::uint64_t, std::map<std::string, int>> known;
  std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> rule_id;
  std::map<std::uint64_t, std::map<std::uint32_t, int>> endings;
  for (const Example& e : data)
    for (std::size_t i = 0; i < e.forms.size(); ++i) {
      const std::string& lemma = e.lemmas[i];
      if (lemma == "_") continue;
      std::string folded = lower_form(e.forms[i]);
      Upos u = e.gold.upos[i];
      ++known[lemma_key(folded, u)][lemma];
      LemmaRule r = rule_of(folded, lower_form(lemma));
      auto [it, added] = rule_id.try_emplace({r.strip, r.add}, static_cast<std::uint32_t>(lm.rules.size()));
      if (added) lm.rules.push_back(r);
      std::size_t cut = folded.size();
      for (int k = 0; k < kMaxLemmaSuffix && cut > 0; ++k) {
        do --cut; while (cut > 0 && (static_cast<unsigned char>(folded[cut]) & 0xc0) == 0x80);
        ++endings[lemma_suffix_key(std::string_view(folded).substr(cut), u)][it->second];
      }
    }
  for (const auto& [k, lemmas] : known) {
    auto best = std::max_element(lemmas.begin(), lemmas.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    lm.known.emplace(k, best->first);
  }
  for (const auto& [k, rules] : endings) {
    auto best = std::max_element(rules.begin(), rules.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second >= 2) lm.by_suffix.emplace(k, best->first);
  }
  return lm;
}

// Contractions as the treebank splits them: whole tokens seen twice or more,
// and English-style clitics ("'s", "n't") seen five times or more at the end
// of tokens they split.
Splitter train_splitter(const std::vector<ConlluSentence>& sentences) {
  std::map<std::string, std::map<std::vector<std::string>, int>> tokens;
  std::map<std::string, int> clitics;
  for (const auto& s : sentences)
    for (const auto& m : s.multiword) {
      std::vector<std::string> words;
      std::string joined;
      for (int id = m.first; id <= m.last; ++id) {
        words.push_back(normalise_apostrophes(lower_form(s.words[static_cast<std::size_t>(id - 1)].form)));
        joined += words.back();
      }
      std::string surface = normalise_apostrophes(lower_form(m.form));
      ++tokens[surface][words];
      if (joined == surface && words.size() == 2 && words[1].size() < surface.size() &&
          words[1].find('\'') != std::string::npos)
        ++clitics[words[1]];
    }
  Splitter sp;
  for (const auto& [surface, splits] : tokens) {
    auto best = std::max_element(splits.begin(), splits.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second >= 2) sp.known.emplace(surface, best->first);
  }
  for (const auto& [c, n] : clitics)
    if (n >= 5) sp.clitics.push_back(c);
  // Longer endings first: "n't" before "t".
  std::stable_sort(sp.clitics.begin(), sp.clitics.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return sp;
}

// The export module's atomic file: exclusive temporary, fsync, rename; an
// existing model survives a failed write.
void write_atomically(const std::filesystem::path& out, const std::vector<char>& bytes) {
  try {
    exportutil::AtomicFile file(out);
    file.write(std::string_view(bytes.data(), bytes.size()));
    file.commit();
  } catch (const ExportError& e) {
    throw SyntaxError(e.what());
  }
}

}  // namespace

void train(Lang lang, const std::vector<ConlluSentence>& sentences, const TrainOptions& opts,
           const std::filesystem::path& out) {
  if (lang == Lang::other) throw SyntaxError("train-syntax: a model is for de or en");
  Vocabulary v = vocabulary(lang, sentences);
  std::vector<Example> data = examples(sentences, v, lang);
  if (data.empty()) throw SyntaxError("train-syntax: no complete sentence to learn from");
  const int tagger_epochs = opts.tagger_epochs > 0 ? opts.tagger_epochs : 10;
  const int parser_epochs = opts.parser_epochs > 0 ? opts.parser_epochs : (lang == Lang::de ? 20 : 15);
  const int morph_classes = static_cast<int>(v.morph.size());
  Random rng(opts.seed);
  say(opts, "training on " + std::to_string(data.size()) + " sentences, " +
                std::to_string(v.labels.size()) + " relations, " + std::to_string(morph_classes) +
                " case/gender/number values");
  const int xpos_classes = static_cast<int>(v.xpos.size());
  std::vector<Tagged> tags =
      jackknife(data, morph_classes, xpos_classes, opts.folds, tagger_epochs, rng, opts);
  Model::Impl m;
  m.lang = lang;
  m.labels = v.labels;
  m.morph = v.morph;
  std::vector<const Example*> all;
  for (const auto& e : data) all.push_back(&e);
  m.xpos = v.xpos;
  m.tagger = train_tagger(all, morph_classes, xpos_classes, tagger_epochs, opts.min_updates, rng);
  say(opts, "  tagger done");
  m.parser = train_parser(data, tags, lang == Lang::de, static_cast<int>(v.labels.size()),
                          parser_epochs, rng, opts);
  m.lemmatizer = train_lemmatizer(data, lang);
  m.splitter = train_splitter(sentences);
  write_atomically(out, m.serialise());
  say(opts, "wrote " + out.string());
}

}  // namespace geokg::syntax
