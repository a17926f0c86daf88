#include "relations/grammar.hpp"

#include <algorithm>
#include <fstream>

#include "data_table.hpp"
#include "geokg/error.hpp"

namespace geokg {
namespace {

struct ClassName {
  std::string_view name;
  WordClass cls;
};
constexpr ClassName kClasses[] = {
    {"det", kDet},           {"det_oblique", kDetOblique},   {"prep", kPrep},
    {"attrib", kAttrib},     {"sub", kSub},                  {"sub_cond", kSubCond},
    {"rel", kRel},           {"coord", kCoord},              {"coord_clause", kCoordClause},
    {"neg", kNeg},           {"neg_verb", kNegVerb},         {"modal_hypo", kModalHypo},
    {"intent", kIntent},     {"willing", kWilling},          {"future", kFuture},
    {"aux_passive", kAuxPassive}, {"aux", kAux},             {"hypo_adv", kHypoAdv},
    {"hypo_adj_stem", kHypoAdj}, {"speech", kSpeech},        {"pron", kPron},
    {"pron1", kPron1},       {"poss", kPoss},                {"poss1", kPoss1},
    {"defdesc", kDefDesc},   {"pair", kPair},                {"undergo", kUndergo},
    {"ally", kAlly},         {"nonactor_head", kNonActorHead}, {"not_trigger", kNotTrigger},
    {"persondesc", kPersonDesc}, {"obligation", kObligation}, {"halt", kHalt},
    {"ethnic", kEthnic}, {"adverb", kAdverb}, {"use", kUse}, {"event_head", kEventHead}, {"prospect", kProspect},
    {"det_def", kDetDef},    {"det_indef", kDetIndef},       {"det_singular", kDetSingular},
    {"owner_link", kOwnerLink}, {"comparison", kComparison}, {"existential", kExistential},
    {"stance", kStance},     {"only", kOnly},                {"reportive", kReportive},
    {"led_by", kLedBy},      {"inf_marker", kInfMarker},     {"purpose", kPurpose},
    {"correlate", kCorrelate}, {"complementizer", kComplementizer}, {"rel_subject", kRelSubject},
    {"agent_prep", kAgentPrep}, {"occasion_prep", kOccasionPrep}, {"means_prep", kMeansPrep},
    {"as", kAs}, {"between_prep", kBetweenPrep}, {"time_filler", kTimeFiller},
    {"perfect_aux", kPerfectAux}, {"kind_of", kKindOf}, {"rel_possessive", kRelPossessive},
    {"of_prep", kOfPrep}, {"neg_phrase", kNegPhrase}};

}  // namespace

Grammar Grammar::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw DataError("cannot open " + file.string());
  Grammar g;
  read_table(in, file.string(), 3, "word class value", [&](const TableRow& r) {
    std::string word = fold_case(r.fields[0]);
    std::string_view cls = r.fields[1];
    std::string value(r.fields[2]);
    if (cls == "actor_head") {
      g.actor_heads_[word] = true;
      return;
    }
    // Cue words without a class bit (grammar.hpp).
    static constexpr std::pair<std::string_view, Cue> kCues[] = {
        {"claim", kCueClaim},
        {"credit", kCueCredit},
        {"reciprocal", kCueReciprocal},
        {"accredited", kCueAccredited},
        {"negotiation", kCueNegotiation},
        {"region", kCueRegion},
        {"former", kCueFormer},
        {"citizen", kCueCitizen},
        {"author", kCueAuthor},
        {"territory", kCueTerritory},
        {"claim_ref", kCueClaimRef},
        {"no_reference", kCueNoReference},
        {"member", kCueMember},
        {"besides", kCueBesides},
        {"also", kCueAlso},
        {"subjunctive", kCueSubjunctive},
        {"nominative", kCueNominative},
        {"reported_past", kCueReportedPast},
        {"report_noun", kCueReportNoun},
        {"time_noun", kCueTime},
        {"amount", kCueAmount},
        {"stative", kCueStative},
        {"copula", kCueCopula},
        {"decision", kCueDecision},
        {"culprit", kCueCulprit},
        {"perform", kCuePerform}};
    for (const auto& [name, cue] : kCues)
      if (cls == name) {
        g.cues_[word] |= cue;
        return;
      }
    const ClassName* found = nullptr;
    for (const ClassName& c : kClasses)
      if (c.name == cls) found = &c;
    if (!found) throw DataError("unknown word class '" + std::string(cls) + "'");
    auto add = [&](const std::string& w) {
      WordInfo& info = g.words_[w];
      info.classes |= found->cls;
      if (found->cls == kPrep) {
        info.fused_article = value.size() > 4 && value.substr(value.size() - 4) == "+obl";
        info.prep = info.fused_article ? value.substr(0, value.size() - 4) : value;
      } else if (value != "-") {
        for (char c : value)
          if (c != '|' && info.genders.find(c) == std::string::npos) info.genders += c;
      }
    };
    add(word);
    if (found->cls == kNonActorHead && word.size() >= 5) g.nonactor_heads_[word] = true;
    // Adjective stems ("möglich") stand for every inflected form.
    if (found->cls == kHypoAdj)
      for (const char* e : {"e", "en", "er", "es", "em"}) add(word + e);
  });
  // The agent tables of the file's language: data/actors/agents beside data/grammar.
  g.load_agents(file.parent_path().parent_path() / "actors" / "agents", file.stem().string());
  return g;
}

void Grammar::load_agents(const std::filesystem::path& dir, std::string_view lang) {
  agent_suffixes_ = lang == "de";
  std::vector<std::filesystem::path> tables;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".tsv") tables.push_back(entry.path());
  std::sort(tables.begin(), tables.end());
  for (const auto& p : tables) {
    std::ifstream in(p);
    if (!in) throw DataError("cannot open " + p.string());
    read_table(in, p.string(), 4, "form lang agent in", [&](const TableRow& r) {
      if (r.fields[3] != "owner" && r.fields[3] != "place")
        throw DataError("in must be owner or place, not '" + std::string(r.fields[3]) + "'");
      if (r.fields[1] == lang) agents_[fold_case(r.fields[0])] = r.fields[3] == "owner";
    });
  }
}

const bool* Grammar::find_agent(std::string_view fold) const {
  if (auto it = agents_.find(fold); it != agents_.end()) return &it->second;
  if (!agent_suffixes_) return nullptr;
  // The last part of a German compound, of at least four letters.
  for (std::size_t i = 1; i + 4 <= fold.size(); ++i) {
    if ((static_cast<unsigned char>(fold[i]) & 0xC0) == 0x80) continue;
    if (auto it = agents_.find(fold.substr(i)); it != agents_.end()) return &it->second;
  }
  return nullptr;
}

bool Grammar::agent(std::string_view fold) const { return find_agent(fold) != nullptr; }

bool Grammar::agent_owned_in(std::string_view before, std::string_view fold) const {
  if (!before.empty() && !agent_suffixes_) {
    std::string two = std::string(before) + ' ' + std::string(fold);
    if (auto it = agents_.find(two); it != agents_.end()) return it->second;
  }
  const bool* owned = find_agent(fold);
  return owned && *owned;
}

namespace {

// A German compound ends in a known word: some tail of `fold`, starting at a
// character from `from` on and at least `shortest` bytes long, is `known`.
template <class Known>
bool ends_in(std::string_view fold, std::size_t from, std::size_t shortest, const Known& known) {
  for (std::size_t i = from; i + shortest <= fold.size(); ++i) {
    if ((static_cast<unsigned char>(fold[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (known(fold.substr(i))) return true;
  }
  return false;
}

}  // namespace

bool Grammar::actor_head(std::string_view fold) const {
  return agent(fold) || ends_in(fold, 0, 3, [&](std::string_view tail) {
           return actor_heads_.find(tail) != actor_heads_.end();
         });
}

bool Grammar::territory(std::string_view fold) const {
  // "dorf" in "Grenzdorf", but not "ort" in "Export".
  return ends_in(fold, 0, 4, [&](std::string_view tail) { return cue(tail, kCueTerritory); }) ||
         cue(fold, kCueTerritory);
}

bool Grammar::time_noun(std::string_view fold) const {
  return cue(fold, kCueTime) ||
         ends_in(fold, 0, 4, [&](std::string_view tail) { return cue(tail, kCueTime); });
}

bool Grammar::nonactor_head(std::string_view fold) const {
  return ends_in(fold, 1, 5, [&](std::string_view tail) {
    return nonactor_heads_.find(tail) != nonactor_heads_.end();
  });
}

}  // namespace geokg
