// The CoNLL-U reader and writer: what is read is written back byte for byte,
// and a malformed line is named with its file and line.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "geokg/syntax/conllu.hpp"

using namespace geokg::syntax;

namespace {

std::vector<ConlluSentence> read(const std::string& text,
                                 const std::string& name = "t.conllu") {
  std::istringstream in(text);
  ConlluReader reader(in, name);
  std::vector<ConlluSentence> out;
  ConlluSentence s;
  while (reader.next(s)) out.push_back(std::move(s));
  return out;
}

std::string written(const std::vector<ConlluSentence>& sentences) {
  std::ostringstream out;
  for (const auto& s : sentences) write_conllu(out, s);
  return out.str();
}

// Three sentences: comments, a contraction ("zum" = zu dem), an empty node
// after word 2 (an elided verb), and one without annotation ("_" heads).
const std::string kTreebank =
    "# newdoc id = d1\n"
    "# sent_id = d1-1\n"
    "# text = Er geht zum Markt.\n"
    "1\tEr\ter\tPRON\tPPER\tCase=Nom|Number=Sing\t2\tnsubj\t_\t_\n"
    "2\tgeht\tgehen\tVERB\tVVFIN\t_\t0\troot\t_\t_\n"
    "3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_\n"
    "4\tdem\tder\tDET\tART\tCase=Dat\t5\tdet\t_\t_\n"
    "5\tMarkt\tMarkt\tNOUN\tNN\tCase=Dat\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = d1-2\n"
    "# text = Sie kauft Brot, er Milch.\n"
    "1\tSie\tsie\tPRON\tPPER\t_\t2\tnsubj\t_\t_\n"
    "2\tkauft\tkaufen\tVERB\tVVFIN\t_\t0\troot\t_\t_\n"
    "3\tBrot\tBrot\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t,\t,\tPUNCT\t$,\t_\t5\tpunct\t_\t_\n"
    "5\ter\ter\tPRON\tPPER\t_\t2\tconj\t_\t_\n"
    "5.1\tkauft\tkaufen\tVERB\tVVFIN\t_\t_\t_\t2:conj\tCopyOf=2\n"
    "6\tMilch\tMilch\tNOUN\tNN\t_\t5\torphan\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Gut so\n"
    "1-2\tGutso\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "1\tGut\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tso\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n";

}  // namespace

TEST_CASE("a treebank is written back byte for byte") {
  const auto sentences = read(kTreebank);
  REQUIRE(sentences.size() == 3);
  CHECK(written(sentences) == kTreebank);

  const ConlluSentence& first = sentences[0];
  CHECK(first.comments.size() == 3);
  CHECK(newdoc_id(first) == "d1");
  CHECK(newdoc_id(sentences[1]) == "");
  REQUIRE(first.words.size() == 6);
  CHECK(first.line == 4);
  CHECK(first.words[2].form == "zu");
  CHECK(first.words[4].head == 2);
  CHECK(first.words[4].misc == "SpaceAfter=No");
  REQUIRE(first.multiword.size() == 1);
  CHECK(first.multiword[0].first == 3);
  CHECK(first.multiword[0].last == 4);
  CHECK(first.multiword[0].form == "zum");

  const ConlluSentence& second = sentences[1];
  CHECK(second.words.size() == 7);
  REQUIRE(second.empty_nodes.size() == 1);
  CHECK(second.empty_nodes[0].first == 5);

  CHECK(sentences[2].words[0].head == -1);
  CHECK(sentences[2].words[0].lemma == "_");
}

TEST_CASE("blank lines between and around sentences and CRLF line ends are read") {
  const auto sentences = read(
      "\n\n1\tJa\tja\tINTJ\t_\t_\t0\troot\t_\t_\r\n\r\n\n"
      "1\tNein\tnein\tINTJ\t_\t_\t0\troot\t_\t_\n");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].words[0].form == "Ja");
  CHECK(sentences[0].words[0].misc == "_");
  CHECK(sentences[0].line == 3);
  CHECK(sentences[1].line == 6);
}

TEST_CASE("malformed lines name the file and the line") {
  const std::string ok = "1\tEr\ter\tPRON\t_\t_\t2\tnsubj\t_\t_\n";
  CHECK_THROWS_WITH_AS(read("# text = Er\n" + ok + "2\tgeht\tgehen\tVERB\n", "bad.conllu"),
                       "bad.conllu:3: a word line has 10 tab-separated columns, this one 4",
                       SyntaxError);
  CHECK_THROWS_WITH_AS(read(ok + "2\tgeht\tgehen\tVERB\t_\t_\t0\troot\t_\t_\textra\n"),
                       "t.conllu:2: a word line has 10 tab-separated columns, this one 11",
                       SyntaxError);
  CHECK_THROWS_WITH_AS(read("x\tEr\ter\tPRON\t_\t_\t0\troot\t_\t_\n"),
                       "t.conllu:1: word id 'x' where 1 was expected", SyntaxError);
  CHECK_THROWS_WITH_AS(read(ok + "3\tgeht\tgehen\tVERB\t_\t_\t0\troot\t_\t_\n"),
                       "t.conllu:2: word id '3' where 2 was expected", SyntaxError);
  CHECK_THROWS_WITH_AS(read("2-1\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n" + ok),
                       "t.conllu:1: multiword range '2-1' out of order", SyntaxError);
  CHECK_THROWS_WITH_AS(read("1\tEr\ter\tPRON\t_\t_\tzwei\tnsubj\t_\t_\n"),
                       "t.conllu:1: head 'zwei' is not a word id", SyntaxError);
  CHECK_THROWS_WITH_AS(read("1\tEr\ter\tPRON\t_\t_\t-1\tnsubj\t_\t_\n"),
                       "t.conllu:1: head '-1' is not a word id", SyntaxError);
  CHECK_THROWS_WITH_AS(read("# only a comment\n\n"), "t.conllu:1: a sentence without words",
                       SyntaxError);
}

TEST_CASE("a head beyond the sentence names the word's own line") {
  const std::string ok =
      "1\tEr\ter\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
      "2\tgeht\tgehen\tVERB\t_\t_\t0\troot\t_\t_\n\n";
  CHECK_THROWS_WITH_AS(read(ok + "# text = Er geht.\n"
                                 "1\tEr\ter\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
                                 "2\tgeht\tgehen\tVERB\t_\t_\t7\troot\t_\t_\n",
                            "h.conllu"),
                       "h.conllu:6: head 7 beyond the sentence's 2 words", SyntaxError);
  // Range lines and empty nodes before the word are lines too.
  CHECK_THROWS_WITH_AS(read("1-2\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n"
                            "1\tzu\tzu\tADP\t_\t_\t3\tcase\t_\t_\n"
                            "1.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n"
                            "2\tdem\tder\tDET\t_\t_\t9\tdet\t_\t_\n"
                            "3\tMarkt\tMarkt\tNOUN\t_\t_\t0\troot\t_\t_\n",
                            "h.conllu"),
                       "h.conllu:4: head 9 beyond the sentence's 3 words", SyntaxError);
}

TEST_CASE("read_conllu_file names a file it cannot open") {
  const auto missing =
      std::filesystem::temp_directory_path() / "geokg-conllu-test-no-such-dir" / "x.conllu";
  CHECK_THROWS_WITH_AS(read_conllu_file(missing), (missing.string() + ": cannot open").c_str(),
                       SyntaxError);
}
