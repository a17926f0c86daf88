// A treebank of four German sentences of our own, enough to train a model
// that must learn them by heart.
#pragma once
#include <sstream>
#include <string>
#include <vector>

#include "geokg/syntax/conllu.hpp"

inline const char* kTinyTreebank =
    "# newdoc id = a\n"
    "# text = Russland griff die Ukraine an.\n"
    "1\tRussland\tRussland\tPROPN\tNE\tCase=Nom|Gender=Neut|Number=Sing\t2\tnsubj\t_\t_\n"
    "2\tgriff\tgreifen\tVERB\tVVFIN\t_\t0\troot\t_\t_\n"
    "3\tdie\tder\tDET\tART\tCase=Acc|Gender=Fem|Number=Sing\t4\tdet\t_\t_\n"
    "4\tUkraine\tUkraine\tPROPN\tNE\tCase=Acc|Gender=Fem|Number=Sing\t2\tobj\t_\t_\n"
    "5\tan\tan\tADP\tPTKVZ\t_\t2\tcompound:prt\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Die Ukraine wurde von Russland angegriffen.\n"
    "1\tDie\tder\tDET\tART\tCase=Nom|Gender=Fem|Number=Sing\t2\tdet\t_\t_\n"
    "2\tUkraine\tUkraine\tPROPN\tNE\tCase=Nom|Gender=Fem|Number=Sing\t6\tnsubj:pass\t_\t_\n"
    "3\twurde\twerden\tAUX\tVAFIN\t_\t6\taux:pass\t_\t_\n"
    "4\tvon\tvon\tADP\tAPPR\t_\t5\tcase\t_\t_\n"
    "5\tRussland\tRussland\tPROPN\tNE\tCase=Dat|Gender=Neut|Number=Sing\t6\tobl:agent\t_\t_\n"
    "6\tangegriffen\tangreifen\tVERB\tVVPP\t_\t0\troot\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t$.\t_\t6\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = b\n"
    "# text = China kritisierte die USA zum Beispiel.\n"
    "1\tChina\tChina\tPROPN\tNE\tCase=Nom|Gender=Neut|Number=Sing\t2\tnsubj\t_\t_\n"
    "2\tkritisierte\tkritisieren\tVERB\tVVFIN\t_\t0\troot\t_\t_\n"
    "3\tdie\tder\tDET\tART\tCase=Acc|Number=Plur\t4\tdet\t_\t_\n"
    "4\tUSA\tUSA\tPROPN\tNE\tCase=Acc|Number=Plur\t2\tobj\t_\t_\n"
    "5-6\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\tzu\tzu\tADP\tAPPR\t_\t7\tcase\t_\t_\n"
    "6\tdem\tder\tDET\tART\tCase=Dat|Gender=Neut|Number=Sing\t7\tdet\t_\t_\n"
    "7\tBeispiel\tBeispiel\tNOUN\tNN\tCase=Dat|Gender=Neut|Number=Sing\t2\tobl\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = Er sagte, dass China zum Beispiel Russland kritisiert.\n"
    "1\tEr\ter\tPRON\tPPER\tCase=Nom|Gender=Masc|Number=Sing\t2\tnsubj\t_\t_\n"
    "2\tsagte\tsagen\tVERB\tVVFIN\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t,\t,\tPUNCT\t$,\t_\t10\tpunct\t_\t_\n"
    "4\tdass\tdass\tSCONJ\tKOUS\t_\t10\tmark\t_\t_\n"
    "5\tChina\tChina\tPROPN\tNE\tCase=Nom|Gender=Neut|Number=Sing\t10\tnsubj\t_\t_\n"
    "6-7\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "6\tzu\tzu\tADP\tAPPR\t_\t8\tcase\t_\t_\n"
    "7\tdem\tder\tDET\tART\tCase=Dat|Gender=Neut|Number=Sing\t8\tdet\t_\t_\n"
    "8\tBeispiel\tBeispiel\tNOUN\tNN\tCase=Dat|Gender=Neut|Number=Sing\t10\tobl\t_\t_\n"
    "9\tRussland\tRussland\tPROPN\tNE\tCase=Acc|Gender=Neut|Number=Sing\t10\tobj\t_\t_\n"
    "10\tkritisiert\tkritisieren\tVERB\tVVFIN\t_\t2\tccomp\t_\tSpaceAfter=No\n"
    "11\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n"
    "\n";

inline std::vector<geokg::syntax::ConlluSentence> tiny_treebank() {
  std::istringstream in(kTinyTreebank);
  geokg::syntax::ConlluReader reader(in, "tiny");
  std::vector<geokg::syntax::ConlluSentence> out;
  geokg::syntax::ConlluSentence s;
  while (reader.next(s)) out.push_back(s);
  return out;
}
