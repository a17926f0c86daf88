#include "relations/grammar.hpp"

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
    if (cls == "credit") {
      g.credits_[word] = true;
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
  return g;
}

bool Grammar::actor_head(std::string_view fold) const {
  for (std::size_t i = 0; i + 3 <= fold.size(); ++i) {
    if ((static_cast<unsigned char>(fold[i]) & 0xC0) == 0x80) continue;
    if (actor_heads_.find(fold.substr(i)) != actor_heads_.end()) return true;
  }
  return false;
}

bool Grammar::nonactor_head(std::string_view fold) const {
  for (std::size_t i = 1; i + 5 <= fold.size(); ++i) {
    if ((static_cast<unsigned char>(fold[i]) & 0xC0) == 0x80) continue;
    if (nonactor_heads_.find(fold.substr(i)) != nonactor_heads_.end()) return true;
  }
  return false;
}

}  // namespace geokg
