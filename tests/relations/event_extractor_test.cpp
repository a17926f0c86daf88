// Regression sentences, one or more per phenomenon, written for these tests.
// Each asserts the exact set of events.
#include <doctest/doctest.h>

#include "extract_helpers.hpp"

TEST_SUITE("German clause structure") {
  TEST_CASE("perfect with haben: the participle carries the relation") {
    CHECK(events_of("Die USA haben Nordkorea gewarnt.", "de") == Events{"USA THREATEN PRK fact"});
  }
  TEST_CASE("verb-second with the subject after the finite verb") {
    CHECK(events_of("Am Montag kritisierte die Türkei Russland scharf.", "de") ==
          Events{"TUR ACCUSE RUS fact"});
  }
  TEST_CASE("verb-final subordinate clause, reported") {
    CHECK(events_of("Die Regierung erklärte, dass Russland die Ukraine angegriffen habe.", "de") ==
          Events{"RUS ASSAULT UKR fact"});
  }
  TEST_CASE("relative clause: the relative pronoun is the name before it") {
    CHECK(events_of("Die Ukraine erhielt Panzer aus Polen, das Russland zuvor kritisiert hatte.", "de") ==
          Events{"POL ACCUSE RUS fact", "POL AID UKR fact"});
  }
  TEST_CASE("separable verb: particle at the clause end, fused participle, zu-infinitive") {
    CHECK(events_of("Die Ukraine lehnte die Forderungen Russlands ab.", "de") ==
          Events{"UKR REJECT RUS fact"});
    CHECK(events_of("Polen hat das Angebot Moskaus abgelehnt.", "de") == Events{"POL REJECT RUS fact"});
    CHECK(events_of("Frankreich drohte damit, Syrien anzugreifen.", "de") ==
          Events{"FRA ASSAULT SYR hypothetical", "FRA THREATEN SYR fact"});
  }
  TEST_CASE("passive with von: the agent is the source") {
    CHECK(events_of("Nordkorea wurde von den USA gewarnt.", "de") == Events{"USA THREATEN PRK fact"});
    CHECK(events_of("Die Stadt wurde durch Russland bombardiert, sagte die Ukraine.", "de").empty());
  }
  TEST_CASE("Konjunktiv I in reported speech is the reporter's fact") {
    CHECK(events_of("Sullivan sagte, Russland suche Munition bei Nordkorea.", "de") ==
          Events{"RUS REQUEST PRK fact"});
  }
  TEST_CASE("receiving flips source and target") {
    CHECK(events_of("Die Ukraine bekam Munition von Polen.", "de") == Events{"POL AID UKR fact"});
  }
}

TEST_SUITE("German nominal events, coordination, coreference") {
  TEST_CASE("sanctions of X against Y") {
    CHECK(events_of("Die Sanktionen der EU gegen Russland bleiben in Kraft.", "de") ==
          Events{"EU SANCTION RUS fact"});
  }
  TEST_CASE("talks between X and Y are mutual") {
    CHECK(events_of("Die Gespräche zwischen Armenien und Aserbaidschan dauerten zwei Tage.", "de") ==
          Events{"ARM CONSULT AZE fact"});
  }
  TEST_CASE("war of X against Y, air strikes named by an adjective") {
    CHECK(events_of("Der Krieg Russlands gegen die Ukraine geht weiter.", "de") ==
          Events{"RUS ASSAULT UKR fact"});
    CHECK(events_of("Russische Luftangriffe auf Syrien töteten Zivilisten.", "de") ==
          Events{"RUS ASSAULT SYR fact"});
  }
  TEST_CASE("coordinated subjects and allies give one event per actor") {
    CHECK(events_of("Frankreich und Deutschland verurteilten Russland.", "de") ==
          Events{"DEU ACCUSE RUS fact", "FRA ACCUSE RUS fact"});
    CHECK(events_of("Die USA und ihre Verbündeten in Südkorea und Japan warnten Nordkorea.", "de") ==
          Events{"JPN THREATEN PRK fact", "KOR THREATEN PRK fact", "USA THREATEN PRK fact"});
  }
  TEST_CASE("pronouns and descriptions resolve to the actors named before") {
    CHECK(events_of("Polen ist ein Nachbar der Ukraine. Es hat die Ukraine unterstützt.", "de") ==
          Events{"POL SUPPORT UKR fact"});
    CHECK(events_of("Die Türkei hat neue Drohnen. Das Land kritisierte Israel.", "de") ==
          Events{"TUR ACCUSE ISR fact"});
    CHECK(events_of("Serbien und Kosovo stritten lange. Nun haben die beiden Länder Verhandlungen aufgenommen.", "de") ==
          Events{"SRB CONSULT XKX fact"});
  }
  TEST_CASE("the state an adjective names, and a person in office") {
    CHECK(events_of("Der französische Außenminister kritisierte Iran.", "de") ==
          Events{"FRA ACCUSE IRN fact"});
    CHECK(events_of("Wladimir Putin hat Kasachstan besucht.", "de") == Events{"KAZ CONSULT RUS fact"});
  }
}

TEST_SUITE("German status and attribution") {
  TEST_CASE("negation") {
    CHECK(events_of("Die Türkei hat Russland nicht kritisiert.", "de") == Events{"TUR ACCUSE RUS negated"});
    CHECK(events_of("Japan lieferte keine Waffen an die Ukraine.", "de") == Events{"JPN AID UKR negated"});
  }
  TEST_CASE("conditional and modal") {
    CHECK(events_of("Wenn Russland Finnland angreift, wird die Nato reagieren.", "de") ==
          Events{"RUS ASSAULT FIN hypothetical"});
    CHECK(events_of("Russland könnte Finnland angreifen.", "de") == Events{"RUS ASSAULT FIN hypothetical"});
    CHECK(events_of("Ein mögliches Treffen zwischen Indien und China wurde diskutiert.", "de") ==
          Events{"CHN CONSULT IND hypothetical"});
  }
  TEST_CASE("saying and declining to comment are no events") {
    CHECK(events_of("Der Kreml lehnte es ab, sich zu den Berichten zu äußern.", "de").empty());
    CHECK(events_of("Die Türkei sagte, sie habe nichts damit zu tun.", "de").empty());
  }
}

TEST_SUITE("English") {
  TEST_CASE("active and passive") {
    CHECK(events_of("Russia attacked Ukraine on Monday.", "en") == Events{"RUS ASSAULT UKR fact"});
    CHECK(events_of("Ukraine was attacked by Russia.", "en") == Events{"RUS ASSAULT UKR fact"});
  }
  TEST_CASE("phrasal verb") {
    CHECK(events_of("The United States called on China to release the activists.", "en") ==
          Events{"USA REQUEST CHN fact"});
  }
  TEST_CASE("relative clause") {
    CHECK(events_of("Poland, which borders Ukraine, criticized Russia.", "en") ==
          Events{"POL ACCUSE RUS fact"});
  }
  TEST_CASE("reported speech keeps the reported event") {
    CHECK(events_of("Officials said Iran had supplied drones to Russia.", "en") ==
          Events{"IRN AID RUS fact"});
  }
  TEST_CASE("receiving flips the direction") {
    CHECK(events_of("Ukraine received tanks from Germany.", "en") == Events{"DEU AID UKR fact"});
  }
  TEST_CASE("nominal events") {
    CHECK(events_of("Talks between Israel and Egypt resumed.", "en") == Events{"EGY CONSULT ISR fact"});
    CHECK(events_of("The European Union's sanctions against Iran hurt its economy.", "en") ==
          Events{"EU SANCTION IRN fact"});
  }
  TEST_CASE("coordination and possessives") {
    CHECK(events_of("Britain and France condemned Syria's attack on Turkey.", "en") ==
          Events{"FRA ACCUSE SYR fact", "GBR ACCUSE SYR fact", "SYR ASSAULT TUR fact"});
  }
  TEST_CASE("pronouns") {
    CHECK(events_of("Germany has a large army. It sent weapons to Lithuania.", "en") ==
          Events{"DEU AID LTU fact"});
  }
  TEST_CASE("negation, condition, intent") {
    CHECK(events_of("Japan did not criticize China.", "en") == Events{"JPN ACCUSE CHN negated"});
    CHECK(events_of("If Iran attacks Israel, oil prices will rise.", "en") ==
          Events{"IRN ASSAULT ISR hypothetical"});
    CHECK(events_of("Norway is willing to send aid to Sudan.", "en") == Events{"NOR AGREE SDN fact"});
  }
  TEST_CASE("media that report are no actors") {
    CHECK(events_of("The New York Times reported that Chile criticized Peru.", "en") ==
          Events{"CHL ACCUSE PER fact"});
  }
}

TEST_SUITE("complements, intent and obligations") {
  TEST_CASE("a demand's object does the demanded act, which stays hypothetical") {
    CHECK(events_of("Finnland forderte Estland auf, keine Waffen an Belarus zu liefern.", "de") ==
          Events{"EST AID BLR hypothetical", "FIN REQUEST EST fact"});
  }
  TEST_CASE("English infinitive complements take the act's target") {
    CHECK(events_of("Iran threatened to shell Iraqi towns.", "en") ==
          Events{"IRN ASSAULT IRQ hypothetical", "IRN THREATEN IRQ fact"});
    CHECK(events_of("Chile refused to meet Bolivia.", "en") ==
          Events{"BOL CONSULT CHL negated", "CHL REJECT BOL fact"});
  }
  TEST_CASE("willingness to help is an offer") {
    CHECK(events_of("Russland sei bereit, der Armee Serbiens mit Ersatzteilen zu helfen.", "de") ==
          Events{"RUS AGREE SRB fact"});
  }
  TEST_CASE("an announced attack is a threat") {
    CHECK(events_of("Greece plans to impose sanctions on Turkey.", "en") ==
          Events{"GRC SANCTION TUR hypothetical", "GRC THREATEN TUR fact"});
  }
  TEST_CASE("X says Y must ... is X's demand of Y") {
    CHECK(events_of("Japan declared on Monday that China must release the fishermen.", "en") ==
          Events{"JPN REQUEST CHN fact"});
    CHECK(events_of("Ich denke, es sagt viel aus, dass Russland sich an Nordkorea wenden muss.", "de").empty());
  }
  TEST_CASE("stopping cooperation is a sanction") {
    CHECK(events_of("Norway halted its economic aid to Sudan.", "en") == Events{"NOR SANCTION SDN fact"});
  }
}

TEST_SUITE("what is no actor") {
  TEST_CASE("ethnic groups, private persons, places in compounds") {
    CHECK(events_of("Serb forces killed three ethnic Albanians.", "en").empty());
    CHECK(events_of("Ein Österreicher hat die Ukraine unterstützt.", "de").empty());
    CHECK(events_of("Die EU-Kommission hat Geld für den EU-Syrien-Fonds gefordert.", "de").empty());
  }
  TEST_CASE("a participle after an article is an adjective, after a noun a reduced passive") {
    CHECK(events_of("The helicopters left the besieged Bosnian town.", "en").empty());
    CHECK(events_of("Peru died after a report by a doctor sent to Chile by a charity.", "en").empty());
  }
  TEST_CASE("mediation between two sides by a third") {
    CHECK(events_of("Norway undertook mediation between Israel and Egypt.", "en") ==
          Events{"EGY CONSULT NOR fact", "ISR CONSULT NOR fact"});
  }
  TEST_CASE("a correlate es announcing a clause") {
    CHECK(events_of("Washington schweigt. Der Kreml lehnte es ab, sich zu äußern.", "de").empty());
  }
}

TEST_SUITE("lists") {
  TEST_CASE("a comma list of subjects") {
    CHECK(events_of("Frankreich, Deutschland und Polen kritisierten Russland.", "de") ==
          Events{"DEU ACCUSE RUS fact", "FRA ACCUSE RUS fact", "POL ACCUSE RUS fact"});
    CHECK(events_of("Britain, France and Germany condemned Iran.", "en") ==
          Events{"DEU ACCUSE IRN fact", "FRA ACCUSE IRN fact", "GBR ACCUSE IRN fact"});
  }
}

TEST_SUITE("news conventions") {
  TEST_CASE("a dateline names no actor") {
    CHECK(events_of("Athen – Deutsche Firmen fordern Geld von Italien.", "de").empty());
    CHECK(events_of("Kairo/Wien – Die Türkei kritisierte Israel.", "de") == Events{"TUR ACCUSE ISR fact"});
  }
  TEST_CASE("companies and reports named by a state adjective are no actors") {
    CHECK(events_of("Die EU-Kommission hat einen britischen Pressebericht zurückgewiesen.", "de").empty());
    CHECK(events_of("Französische Transportunternehmen kritisierten Spanien.", "de").empty());
  }
  TEST_CASE("an attack on positions of a group targets the group") {
    CHECK(events_of("Jordanien hat Angriffe auf Stellungen des Islamischen Staates gestartet.", "de") ==
          Events{"JOR ASSAULT IS fact"});
  }
  TEST_CASE("es gibt, gab es") {
    CHECK(events_of("Frankreich ist groß. Festnahmen gab es auch in Italien.", "de").empty());
  }
}

TEST_SUITE("english clause structure") {
  TEST_CASE("a comma list of names needs no closing coordinator") {
    CHECK(events_of("The United States imposed sanctions on Iran, Syria, Venezuela, and in a separate step, Cuba.",
                    "en") == Events{"USA SANCTION IRN fact", "USA SANCTION SYR fact", "USA SANCTION VEN fact"});
  }
  TEST_CASE("verb phrases joined by and share the subject, not the object") {
    CHECK(events_of("Afghan rebels kidnapped two Russian engineers and bombed a market in Kabul.", "en") ==
          Events{"AFG COERCE RUS fact"});
    CHECK(events_of("Serbia's president has been indicted by the International Criminal Court and will resign.",
                    "en") == Events{"ICC ACCUSE SRB fact"});
  }
  TEST_CASE("a modal or plan after the verb does not govern it") {
    CHECK(events_of("Britain is pushing for the US to back its debt relief plan.", "en") ==
          Events{"GBR REQUEST USA fact"});
    CHECK(events_of("Russia plans to attack Ukraine.", "en") ==
          Events{"RUS ASSAULT UKR hypothetical", "RUS THREATEN UKR fact"});
  }
  TEST_CASE("frames: complain over, opposed to, seek to") {
    CHECK(events_of("Greece complained to the European Union over Turkish drilling.", "en") ==
          Events{"GRC ACCUSE TUR fact"});
    CHECK(events_of("Turkey is opposed to Swedish membership in the alliance.", "en") ==
          Events{"TUR REJECT SWE fact"});
    CHECK(events_of("Germany sought to ease tensions with Poland.", "en").empty());
  }
  TEST_CASE("anti- and pro- name what a phrase is for or against") {
    CHECK(events_of("A pro-Iranian militia attacked Israel.", "en").empty());
  }
  TEST_CASE("a place is the target when the only side named is the source's own") {
    CHECK(events_of("Israel imposed blockades in the West Bank after the killing of two Israelis.", "en") ==
          Events{"ISR COERCE PSE fact"});
  }
  TEST_CASE("a mediator and two sides, one named by an adjective") {
    CHECK(events_of("The Kenyan envoy mediated between Ethiopia and Eritrean officials.", "en") ==
          Events{"ERI CONSULT KEN fact", "ETH CONSULT KEN fact"});
  }
}
