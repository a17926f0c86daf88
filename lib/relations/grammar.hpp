// The closed word classes the clause analysis relies on (articles,
// prepositions, subordinators, negation, modals, pronouns ...), loaded from
// data/grammar/<lang>.tsv.  Internal: not installed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "actors/actor_index.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg {

enum WordClass : std::uint64_t {
  kDet = 1u << 0,
  kDetOblique = 1u << 1,
  kPrep = 1u << 2,
  kAttrib = 1u << 3,      // laut, zufolge, according (to)
  kSub = 1u << 4,
  kSubCond = 1u << 5,
  kRel = 1u << 6,
  kCoord = 1u << 7,
  kCoordClause = 1u << 8,
  kNeg = 1u << 9,
  kNegVerb = 1u << 10,
  kModalHypo = 1u << 11,
  kIntent = 1u << 12,
  kWilling = 1u << 13,
  kFuture = 1u << 14,
  kAuxPassive = 1u << 15,
  kAux = 1u << 16,
  kHypoAdv = 1u << 17,
  kHypoAdj = 1u << 18,
  kSpeech = 1u << 19,
  kPron = 1u << 20,
  kPron1 = 1u << 21,
  kPoss = 1u << 22,
  kPoss1 = 1u << 23,
  kDefDesc = 1u << 24,
  kPair = 1u << 25,
  kUndergo = 1u << 26,
  kAlly = 1u << 27,
  kNonActorHead = 1u << 28,
  kNotTrigger = 1u << 29,  // a compound whose last part looks like a trigger but is none
  kPersonDesc = 1u << 30,  // "der Minister", "the president": a person named before
  kObligation = 1u << 31,  // must, muss: "X says Y must ..." is X's demand of Y
  kHalt = 1ull << 32,      // halt, suspend, einstellen: stopping cooperation
  kEthnic = 1ull << 33,    // "ethnic Albanians" are no state
  kAdverb = 1ull << 34,    // "vor allem", "unter anderem": no part of a noun phrase
  kUse = 1ull << 35,       // einsetzen, use: a weapon noun in its clause is an attack
  kEventHead = 1ull << 36, // "mediation efforts", "peace process": the head keeps the event
  kProspect = 1ull << 37,  // Befürworter, Pläne, fears: the event noun they govern has not happened
  // Cue classes (see kCueClasses): words the analysis recognises by their
  // role in one construction.
  kDetDef = 1ull << 38,       // der, die, das; the, both: a description after it names an actor
  kDetIndef = 1ull << 39,     // ein, eine; a, an: a demonym after it is a private person
  kDetSingular = 1ull << 40,  // der, dieser, kein: a demonym in -er after it is one person
  kOwnerLink = 1ull << 41,    // in, von, aus, der, des; of: the owner after a noun
  kComparison = 1ull << 42,   // wie, like: "Extremisten wie dem IS" is no object
  kExistential = 1ull << 43,  // gibt, gab: the "es" of "es gibt" is no actor
  kStance = 1ull << 44,       // anti, pro: "anti-Syria" is against the actor, not by it
  kOnly = 1ull << 45,         // nur, only: "nicht nur" is no negation
  kReportive = 1ull << 46,    // soll, sollen; would: "soll angegriffen haben", "said it would"
  kLedBy = 1ull << 47,        // geführte, angeführten: "eine von Riad geführte Allianz"
  kInfMarker = 1ull << 48,    // zu; to: the infinitive marker
  kPurpose = 1ull << 49,      // um: "um ... zu" opens a purpose clause
  // Cues of the extraction passes.
  kCorrelate = 1ull << 50,      // es, it: may announce the clause that follows
  kComplementizer = 1ull << 51, // dass, that: opens a content clause
  kRelSubject = 1ull << 52,     // der, welche, who, which: a relative pronoun that may be the subject
  kAgentPrep = 1ull << 53,      // von, durch, by: the agent of a passive or of an event noun
  kOccasionPrep = 1ull << 54,   // bei, in, at, during: the occasion of talks ("bei einem Treffen")
  kMeansPrep = 1ull << 55,      // mit, with: the means ("reagierte mit Luftangriffen")
  kAs = 1ull << 56,             // als, as: a predicative ("bezeichnete ... als Völkermord")
  kBetweenPrep = 1ull << 57,    // zwischen, between: both sides of a mutual event
  kTimeFiller = 1ull << 58,     // today, again, still: words between a verb and its "to"
  kPerfectAux = 1ull << 59,     // has, have, had: no passive before a participle
  kKindOf = 1ull << 60,         // art, form, kind, sort, of: "a form of aggression"
  kRelPossessive = 1ull << 61,  // deren, dessen: a relative possessive
  kNegPhrase = 1ull << 62,      // with: "with no end in sight" negates its phrase, not the clause
  kOfPrep = 1ull << 63,         // of: belongs to the noun right before it
};

// Cues (bits 38..63) mark a word's role in one construction the analysis or
// a pass looks for, not what kind of word it is.
constexpr std::uint64_t kCueClasses = ~((1ull << 38) - 1);
// True for a word with cue classes at most: a content word (a noun, a verb,
// an adjective) wherever "no grammar class" has meant one.
constexpr bool no_function_class(std::uint64_t classes) { return (classes & ~kCueClasses) == 0; }

// Words that build noun phrases and clauses but carry no content.
constexpr std::uint64_t kFunction = kDet | kDetOblique | kPrep | kCoord | kPoss | kPoss1 |
                                    kPron | kPron1 | kRel | kAttrib | kPair | kAlly;


struct WordInfo {
  std::uint64_t classes = 0;
  std::string prep;       // canonical preposition (vom -> von)
  bool fused_article = false;
  std::string genders;    // pronouns, relatives, possessives: which genders (m f n p)
};

class Grammar {
 public:
  // Throws DataError naming file:line.
  static Grammar load(const std::filesystem::path& file);
  const WordInfo* find(std::string_view fold) const {
    auto it = words_.find(fold);
    return it == words_.end() ? nullptr : &it->second;
  }
  std::uint64_t classes(std::string_view fold) const {
    const WordInfo* w = find(fold);
    return w ? w->classes : 0;
  }
  bool is(std::string_view fold, std::uint64_t cls) const { return classes(fold) & cls; }
  // A noun naming people or an institution that acts ("Beamte", "Regierung",
  // "Streitkräfte"), also as the last part of a compound: "US-Beamte" is an
  // actor, "EU-Syrien-Fonds" is not.
  bool actor_head(std::string_view fold) const;
  // Cue words without a class bit (the 64 bits are taken), one set each:
  // a word that claims an act for the clause's subject ("bekannte sich zu",
  // "claimed responsibility for": the act named after zu/für/for is the
  // subject's); a word that opens a picture credit before a colon ("Foto:
  // Reuters"); a reciprocal word (gegenseitig, einander; "each other"); a
  // diplomat noun, whose state is not the organisation it is accredited to
  // ("der israelische UNO-Botschafter"); a word for negotiations, after which
  // an agreement is not yet made ("Verhandlungen über ein Abkommen"); a
  // compass adjective that names part of the place after it ("in central
  // Iran", "to northern Iraq"): the place keeps the phrase's preposition; a
  // word making an office a past one (ehemalig, früher, ex, former).
  bool claim(std::string_view fold) const { return cue(fold, kCueClaim); }
  // A word that names the culprit of an act as the clause's subject ("ist
  // für den Anschlag verantwortlich", "steckt hinter dem Anschlag"), unless
  // someone else blames the subject ("macht X für ... verantwortlich").
  bool culprit(std::string_view fold) const { return cue(fold, kCueCulprit); }
  // A German verb of carrying out an act named by its object ("verübte einen
  // Anschlag", "flog einen Luftangriff"): its subject is the act's doer.
  bool perform(std::string_view fold) const { return cue(fold, kCuePerform); }
  bool credit(std::string_view fold) const { return cue(fold, kCueCredit); }
  bool reciprocal(std::string_view fold) const { return cue(fold, kCueReciprocal); }
  bool accredited(std::string_view fold) const { return cue(fold, kCueAccredited); }
  bool negotiation(std::string_view fold) const { return cue(fold, kCueNegotiation); }
  bool region(std::string_view fold) const { return cue(fold, kCueRegion); }
  bool former(std::string_view fold) const { return cue(fold, kCueFormer); }
  // A noun for a state's private persons ("Bürger", "Geisel", "citizen",
  // "hostage"): a state adjective or compound on it names private persons.
  bool citizen(std::string_view fold) const { return cue(fold, kCueCitizen); }
  // A preposition naming who made a statement a verb judges ("rejected an
  // offer from Kabul"), where it names no owner of other nouns.
  bool author(std::string_view fold) const { return cue(fold, kCueAuthor); }
  // A noun for a group's members or followers ("Anhänger", "Aktivisten",
  // "Fundamentalisten"): on an armed group's name, by compound, von or
  // genitive, it stands for the group ("IS-Aktivisten", "die Anhänger von
  // Boko Haram"); on a state's it names private persons, no actor.
  bool member(std::string_view fold) const { return cue(fold, kCueMember); }
  // A noun for a piece of land ("Dorf", "Gebiet", "Grenzstadt", "territory"),
  // also as the last part of a compound: a state's adjective on it names the
  // state's territory ("ein nordirakisches Dorf", "Syrian territory").
  bool territory(std::string_view fold) const;
  // A word for a claim made before ("dies", "die Vorwürfe", "the
  // allegations"): rejecting it without a named author rejects whoever made it.
  bool claim_ref(std::string_view fold) const { return cue(fold, kCueClaimRef); }
  // An adjective after which a description names no actor named before
  // ("das ganze Land", "the other country").
  bool no_reference(std::string_view fold) const { return cue(fold, kCueNoReference); }
  // "Neben Ägypten kritisierte auch Saudi-Arabien": a preposition that adds
  // its actors to a phrase after a word for "also" (auch, ebenfalls).
  bool besides(std::string_view fold) const { return cue(fold, kCueBesides); }
  bool also(std::string_view fold) const { return cue(fold, kCueAlso); }
  // A Konjunktiv I auxiliary (sei, seien, habe): the sentence reports what
  // someone said.
  bool subjunctive(std::string_view fold) const { return cue(fold, kCueSubjunctive); }
  // A pronoun that is only ever nominative (er, wir): after the finite verb
  // it is the subject, so a name before the verb is an object ("Schäuble
  // warf er vor").
  bool nominative(std::string_view fold) const { return cue(fold, kCueNominative); }
  // A Konjunktiv II perfect auxiliary (hätte, wären): in reported speech it
  // reports a past act ("erklärte, die Armee hätte ... beschossen"), not a
  // counterfactual one.
  bool reported_past(std::string_view fold) const { return cue(fold, kCueReportedPast); }
  // A noun for what someone reports (Angaben, Informationen): after "nach"
  // or "laut", or before "zufolge", its owner is who reports, no party.
  bool report_noun(std::string_view fold) const { return cue(fold, kCueReportNoun); }
  // A German noun of time (Montag, Jänner, Jahren), also as a compound's
  // last part (Mittwochabend): a name after it is no apposition to it ("hat
  // am Montag Syrien angegriffen").
  bool time_noun(std::string_view fold) const;
  // A word that ends an amount ("billion", "dollars"): English "$5 billion in
  // aid" names with "in" what the amount is.
  bool amount(std::string_view fold) const { return cue(fold, kCueAmount); }
  // German participles that name a state of mind ("überzeugt", "entschlossen")
  // and read as adjectives after a copula ("ist überzeugt, dass").
  bool stative(std::string_view fold) const { return cue(fold, kCueStative); }
  // Forms of sein and of verbs that link a subject to an adjective (wirken,
  // klingen, scheinen, bleiben, sich zeigen).
  bool copula(std::string_view fold) const { return cue(fold, kCueCopula); }
  // A German verb of deciding or announcing (beschloss, kündigte an): the act
  // of its zu-infinitive is decided or announced, not yet done ("beschloss,
  // Sanktionen zu verhängen"); its own object is no plan ("beschloss
  // Sanktionen": the decision is the act).
  bool decision(std::string_view fold) const { return cue(fold, kCueDecision); }
  // A compound whose last part is a non-actor head ("Transportunternehmen").
  bool nonactor_head(std::string_view fold) const;
  // An organ or official of a state (data/actors/agents) for which "X in Y"
  // names Y as X's owner ("die Polizei in Frankreich", "security forces in
  // Guinea"), unlike troops or diplomats, which are only there.  `before`
  // is the word before, for two-word agents ("security forces").
  bool agent_owned_in(std::string_view before, std::string_view fold) const;
  // Any organ or official of a state ("die Botschafterin von Tschad").
  bool agent(std::string_view fold) const;

 private:
  friend class TokenIndex;
  StringMap<WordInfo> words_;
  StringMap<bool> actor_heads_;
  StringMap<bool> nonactor_heads_;
  // 32 bits: room for 6 more cue classes (bits 17-19, 23, 27, 31).
  enum Cue : std::uint32_t {
    kCueClaim = 1, kCueCredit = 2, kCueReciprocal = 4, kCueAccredited = 8, kCueNegotiation = 16,
    kCueRegion = 32, kCueFormer = 64, kCueCitizen = 128, kCueAuthor = 256,
    kCueTerritory = 512, kCueClaimRef = 1024,
    kCueNoReference = 2048, kCueMember = 4096, kCueBesides = 8192, kCueAlso = 16384, kCueSubjunctive = 1u << 15,
    kCueNominative = 1u << 16,
    kCueReportedPast = 1u << 20, kCueReportNoun = 1u << 21, kCueTime = 1u << 22,
    kCueAmount = 1u << 24, kCueStative = 1u << 25, kCueCopula = 1u << 26,
    kCueDecision = 1u << 28, kCueCulprit = 1u << 29, kCuePerform = 1u << 30
  };
  StringMap<std::uint32_t> cues_;
  bool cue(std::string_view fold, Cue c) const {
    auto it = cues_.find(fold);
    return it != cues_.end() && (it->second & c);
  }
  // Agent noun -> true when "in Y" names its owner.  German agents also end
  // compounds (Militärjunta); English ones are whole words only.
  StringMap<bool> agents_;
  bool agent_suffixes_ = false;
  void load_agents(const std::filesystem::path& dir, std::string_view lang);
  const bool* find_agent(std::string_view fold) const;
};

}  // namespace geokg
