// The dependency tree of a sentence that can hold an event, from the
// language's parser model, carried over from the treebank's words to geokg's
// tokens.  Parsing costs some microseconds a word, so a sentence without a
// second mention or without a trigger entry is not parsed, and any other only
// when a pass first asks for its tree.
#include <algorithm>
#include <string_view>
#include <utility>

#include "relations/analysis/units.hpp"

namespace geokg {

namespace {

constexpr std::pair<std::string_view, Dep> kLabels[] = {
    {"root", Dep::root},
    {"nsubj", Dep::nsubj},
    {"nsubj:pass", Dep::nsubj_pass},
    {"obj", Dep::obj},
    {"iobj", Dep::iobj},
    {"obl", Dep::obl},
    {"obl:agent", Dep::obl_agent},
    {"nmod", Dep::nmod},
    {"nmod:poss", Dep::nmod_poss},
    {"conj", Dep::conj},
    {"appos", Dep::appos},
    {"case", Dep::case_},
    {"mark", Dep::mark},
    {"aux", Dep::aux},
    {"aux:pass", Dep::aux_pass},
    {"cop", Dep::cop},
    {"acl", Dep::acl},
    {"acl:relcl", Dep::acl_relcl},
    {"advcl", Dep::advcl},
    {"ccomp", Dep::ccomp},
    {"xcomp", Dep::xcomp},
    {"compound:prt", Dep::compound_prt},
    {"flat", Dep::flat},
    {"flat:name", Dep::flat},
    {"amod", Dep::amod},
    {"compound", Dep::compound},
    {"det", Dep::det},
    {"cc", Dep::cc},
    {"punct", Dep::punct},
    {"obl:arg", Dep::obl},
    {"nsubj:outer", Dep::nsubj},
    {"csubj", Dep::other},
};

struct Words {
  syntax::TokenWords words;
  std::vector<std::string_view> forms;
  syntax::Parse parse;
};
[[gnu::noinline]] Words& thread_words() {
  thread_local Words w;
  return w;
}

// A sentence can hold an event only with a trigger entry, and the tree can
// only decide between mentions: every use of it picks one of two or more
// (which is the subject, which the object's owner).  Half the sentences with
// a trigger and a mention have only one.
bool may_hold_event(const SentenceSyntax& syn) {
  if (syn.mentions.size() < 2) return false;
  for (std::size_t i = 0; i < syn.verb.size(); ++i)
    if (syn.verb[i] || syn.noun[i]) return true;
  return false;
}

// "Case=Dat|Gender=Masc|Number=Sing" -> 'D'.
char case_of(std::string_view feats) {
  std::size_t at = feats.find("Case=");
  if (at == std::string_view::npos) return '-';
  std::string_view v = feats.substr(at + 5, 3);
  return v == "Nom" ? 'N' : v == "Acc" ? 'A' : v == "Dat" ? 'D' : v == "Gen" ? 'G' : '-';
}

// The parse of `s`'s words, carried over to its tokens.
void parse_into(const Sentence& s, const TreeModel& tm, Tree& tree) {
  Words& w = thread_words();
  const syntax::Model& model = tm.model();
  model.words_of(s.tokens, w.words);
  w.forms.assign(w.words.forms.begin(), w.words.forms.end());
  model.parse(w.forms, w.parse);
  const std::size_t n = s.tokens.size();
  tree.head.assign(n, -1);
  tree.dep.assign(n, Dep::other);
  tree.upos.assign(n, syntax::Upos::X);
  tree.gcase.assign(n, '-');
  const auto& first = w.words.first;
  const syntax::Parse& p = w.parse;
  for (std::size_t t = 0; t < n; ++t) {
    // The token's word that attaches outside it speaks for it; its case is
    // that of any of its words ("zum": the article's dative).
    std::uint32_t main = first[t];
    for (std::uint32_t k = first[t]; k < first[t + 1]; ++k) {
      std::int32_t h = p.head[k];
      if (h < 0 || static_cast<std::uint32_t>(h) < first[t] ||
          static_cast<std::uint32_t>(h) >= first[t + 1]) {
        main = k;
        break;
      }
    }
    if (main >= first[t + 1]) continue;  // a token without words
    std::int32_t h = p.head[main];
    tree.head[t] =
        h < 0 ? -1 : static_cast<std::int32_t>(w.words.token[static_cast<std::size_t>(h)]);
    tree.dep[t] = tm.dep(p.deprel[main]);
    tree.upos[t] = p.upos[main];
    for (std::uint32_t k = first[t]; k < first[t + 1] && tree.gcase[t] == '-'; ++k)
      tree.gcase[t] = case_of(model.morph_name(p.morph[k]));
  }
  tree.parsed = true;
}

}  // namespace

std::string_view to_string(Dep d) {
  if (d == Dep::other) return "other";
  for (const auto& [name, dep] : kLabels)
    if (dep == d) return name;
  return "other";
}

std::int32_t Tree::child(std::uint32_t h, Dep d) const {
  if (!parsed) return -1;
  for (std::size_t t = 0; t < head.size(); ++t)
    if (head[t] == static_cast<std::int32_t>(h) && dep[t] == d)
      return static_cast<std::int32_t>(t);
  return -1;
}

TreeModel::TreeModel(const syntax::Model& m) { use(m); }

TreeModel::TreeModel(std::filesystem::path file) : file_(std::move(file)) {}

void TreeModel::use(const syntax::Model& m) const {
  model_ = &m;
  dep_of_label_.assign(m.label_count(), Dep::other);
  for (std::size_t id = 0; id < m.label_count(); ++id)
    for (const auto& [name, dep] : kLabels)
      if (m.label_name(static_cast<std::uint16_t>(id)) == name) dep_of_label_[id] = dep;
}

const syntax::Model& TreeModel::model() const {
  if (!file_.empty())
    std::call_once(once_, [&] {
      owned_ = std::make_unique<syntax::Model>(syntax::Model::load(file_));
      use(*owned_);
    });
  return *model_;
}

Dep TreeModel::dep(std::uint16_t label) const {
  model();
  return label < dep_of_label_.size() ? dep_of_label_[label] : Dep::other;
}

void plan_tree(const Sentence& s, const AnalyzerContext& ctx, SentenceSyntax& syn) {
  syn.tree_made = false;
  const bool parse = ctx.tree && may_hold_event(syn);
  syn.tree_sentence = parse ? &s : nullptr;
  syn.tree_model = parse ? ctx.tree : nullptr;
}

const Tree& SentenceSyntax::tree() const {
  if (!tree_made) {
    tree_made = true;
    tree_cache.parsed = false;
    tree_cache.head.clear();
    tree_cache.dep.clear();
    tree_cache.upos.clear();
    tree_cache.gcase.clear();
    if (tree_sentence && tree_model) parse_into(*tree_sentence, *tree_model, tree_cache);
  }
  return tree_cache;
}

}  // namespace geokg
