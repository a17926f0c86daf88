// geokg parse: articles (or a CoNLL-U treebank) tagged, lemmatised and parsed
// by the Universal Dependencies model of their language, written as CoNLL-U.
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/error.hpp"
#include "geokg/syntax/conllu.hpp"
#include "geokg/syntax/model.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg::cli {

namespace {

namespace fs = std::filesystem;
using syntax::ConlluSentence;
using syntax::Model;

struct ParseOptions {
  InputOptions in;
  std::string out;
  std::string lang;  // empty: each document's own
  std::string format = "articles";
};

const char* language_name(Lang lang) { return lang == Lang::en ? "English" : "German"; }

// A CoNLL-U field holds no tab or line break, and "" is written "_".
std::string field(std::string_view s) {
  if (s.empty()) return "_";
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

// A comment is one line: each run of white space or control characters
// (text wrapped in its source) becomes one space.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Whether the text goes on without white space at byte `at`: ASCII space and
// controls, no-break and typographic spaces (U+00A0, U+2000-U+200B, U+202F,
// U+205F, U+3000) separate.
bool glued_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  auto b = [&](std::size_t k) {
    return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0u;
  };
  if (b(0) <= 0x20) return false;
  if (b(0) == 0xC2 && b(1) == 0xA0) return false;
  if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8B || b(2) == 0xAF)) return false;
  if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return false;
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return false;
  return true;
}

// The model of each language, or why there is none; looked up once.
class Models {
 public:
  const Model* get(Lang lang, std::string& why) {
    if (lang == Lang::other) {
      why =
          "its language is neither German nor English (set \"lang\" in the document, or "
          "--lang)";
      return nullptr;
    }
    Slot& slot = slots_[lang == Lang::en ? 1 : 0];
    if (!slot.looked) {
      slot.looked = true;
      const fs::path file = Model::default_file(lang);
      std::error_code ec;
      if (fs::exists(file, ec))
        slot.model = Model::shared(lang);
      else
        slot.why = fmt::format(
            "no {} syntax model: {} is missing (scripts/train-syntax.sh "
            "makes it)",
            language_name(lang), file.string());
    }
    why = slot.why;
    return slot.model;
  }

 private:
  struct Slot {
    bool looked = false;
    const Model* model = nullptr;
    std::string why;
  };
  Slot slots_[2];
};

// One sentence of an article as CoNLL-U, with buffers reused from sentence
// to sentence.
class SentenceWriter {
 public:
  void write(const Model& model, std::string_view text, const Sentence& s,
             std::vector<std::string> comments, ConlluSentence& out) {
    model.words_of(s.tokens, words_);
    forms_.assign(words_.forms.begin(), words_.forms.end());
    model.parse(forms_, parse_);
    out = ConlluSentence{};
    out.comments = std::move(comments);
    out.comments.push_back("# text = " +
                           one_line(text.substr(s.tokens.front().begin,
                                                s.tokens.back().end - s.tokens.front().begin)));
    out.words.resize(words_.forms.size());
    for (std::size_t w = 0; w < out.words.size(); ++w) {
      syntax::Word& word = out.words[w];
      word.form = field(words_.forms[w]);
      word.upos = std::string(syntax::to_string(parse_.upos[w]));
      word.feats = field(model.morph_name(parse_.morph[w]));
      word.head = parse_.head[w] < 0 ? 0 : parse_.head[w] + 1;
      word.deprel = field(model.label_name(parse_.deprel[w]));
    }
    // Tokens as written: a token of one word is that word, a contraction a
    // range line over its words; SpaceAfter=No goes on the token.
    // A token without words of its own (an abbreviation's period) is part of
    // the word before it: "U.S" "." is the word "U.S.".
    for (std::size_t t = 0; t < s.tokens.size(); ++t) {
      const Token& token = s.tokens[t];
      std::size_t end = t;
      while (end + 1 < s.tokens.size() && words_.first[end + 1] == words_.first[end + 2]) ++end;
      const std::uint32_t stop = s.tokens[end].end;
      const std::string surface = field(text.substr(token.begin, stop - token.begin));
      const bool glued = end + 1 < s.tokens.size() ? s.tokens[end + 1].begin == stop
                                                   : glued_at(text, stop);
      const std::string misc = glued ? "SpaceAfter=No" : "_";
      const auto first = words_.first[t], last = words_.first[t + 1];
      if (last == first + 1) {
        out.words[first].form = surface;
        out.words[first].misc = misc;
      } else if (last > first) {
        out.multiword.push_back(
            {static_cast<int>(first) + 1, static_cast<int>(last), surface, misc});
      }
    }
    // The lemma of the form shown: „ stays „ though the model read ".
    for (std::size_t w = 0; w < out.words.size(); ++w)
      out.words[w].lemma = field(model.lemma(out.words[w].form, parse_.upos[w]));
  }

 private:
  syntax::TokenWords words_;
  std::vector<std::string_view> forms_;
  syntax::Parse parse_;
};

int parse_articles(const ParseOptions& o) {
  const bool replaces = check_paths(o.in, {o.out});
  const ReaderOptions read_options = reader_options(o.in);
  const Lang forced = o.lang.empty() ? Lang::other : parse_lang(o.lang);
  DocumentReader reader(o.in.inputs, read_options);
  ProblemLog log;
  log.attach(reader, o.in.quiet);
  AtomicOutput out(o.out);
  Progress progress(input_size(o.in.inputs));
  Models models;
  std::optional<Segmenter> segmenters[2];
  SentenceWriter writer;
  ConlluSentence conllu;
  std::ostringstream buffer;
  std::size_t documents = 0, parsed = 0;
  while (std::optional<Document> doc = reader.next()) {
    ++documents;
    const std::string where = doc->origin.empty() ? doc->id : doc->origin;
    Lang lang = forced != Lang::other ? forced : parse_lang(doc->lang);
    if (lang == Lang::other) lang = detect_language(doc->text);
    std::string why;
    const Model* model = models.get(lang, why);
    if (!model) {
      log.report(where, fmt::format("document \"{}\": {}", doc->id, why), true);
      continue;
    }
    ++parsed;
    std::optional<Segmenter>& segmenter = segmenters[lang == Lang::en ? 1 : 0];
    if (!segmenter) segmenter.emplace(lang);
    const std::string id = one_line(doc->id);
    std::size_t n = 0, cut = 0;
    segmenter->for_each_sentence(doc->text, [&](const Sentence& s) {
      if (s.tokens.empty()) return;
      cut += s.cut;
      std::vector<std::string> comments;
      if (n == 0) comments.push_back("# newdoc id = " + id);
      comments.push_back(fmt::format("# sent_id = {}-{}", id, ++n));
      writer.write(*model, doc->text, s, std::move(comments), conllu);
      buffer.str("");
      syntax::write_conllu(buffer, conllu);
      out.write(buffer.view());
    });
    if (cut > 0)
      log.report(
          where,
          fmt::format("document \"{}\": text without sentence ends (a list or table?) "
                      "cut {} time{} into pieces of at most {} tokens, each written as a "
                      "sentence",
                      doc->id, cut, cut == 1 ? "" : "s", kMaxSentenceTokens),
          false);
    progress.update(documents, reader.bytes_read());
  }
  progress.finish();
  log.print_summary();
  log.check_read(parsed, replaces);
  log.check_strict(o.in.strict);
  out.commit();
  return log.exit_status(o.in.strict);
}

int parse_conllu(const ParseOptions& o) {
  if (o.lang.empty())
    throw InputError(
        "--input-format conllu needs --lang de or --lang en: a treebank does not "
        "say its language");
  const bool replaces = check_paths(o.in, {o.out});
  for (const auto& in : o.in.inputs)
    if (in != "-" && fs::is_directory(in))
      throw InputError(in + ": a directory; --input-format conllu reads CoNLL-U files");
  const Lang lang = parse_lang(o.lang);
  Models models;
  // Looked up at the first sentence, so that a malformed treebank is named
  // as such whether or not the model is there.
  const Model* model = nullptr;
  AtomicOutput out(o.out);
  ConlluSentence s;
  std::ostringstream buffer;
  std::size_t sentences = 0;
  for (const auto& in : o.in.inputs) {
    std::ifstream file;
    if (in != "-") {
      file.open(in, std::ios::binary);
      if (!file) throw InputError(in + ": cannot open: " + std::strerror(errno));
    }
    const std::string name = in == "-" ? "stdin" : in;
    syntax::ConlluReader reader(in == "-" ? std::cin : file, name);
    while (reader.next(s)) {
      if (!model) {
        std::string why;
        model = models.get(lang, why);
        if (!model) throw syntax::SyntaxError(why);
      }
      try {
        model->annotate(s);
      } catch (const syntax::SyntaxError& e) {
        throw syntax::SyntaxError(fmt::format("{}:{}: {}", name, s.line, e.what()));
      }
      buffer.str("");
      syntax::write_conllu(buffer, s);
      out.write(buffer.view());
      ++sentences;
    }
  }
  if (sentences == 0 && replaces)
    throw InputError("the inputs hold no sentence; nothing written");
  out.commit();
  return kOk;
}

constexpr const char* kParseHelp = R"(
Output
  CoNLL-U (universaldependencies.org/format.html), one block per sentence:
  "# newdoc id = DOC" before a document's first sentence, "# sent_id = DOC-N"
  (N from 1) and "# text = " the sentence as written (line breaks as spaces).
  FORM is the token as written; a token the model splits into words ("zum" =
  zu dem, "don't" = do n't) gets a range line N-M before its words.  MISC has
  SpaceAfter=No where the next token follows without a space.  XPOS and DEPS
  are _.  Sentences and tokens are geokg's own (the ones extract reads).

  With --input-format conllu the treebank's sentences, comments, tokens, range
  lines and empty nodes are kept; UPOS, LEMMA, FEATS, HEAD and DEPREL are
  predicted from the words' forms, XPOS, DEPS and MISC stay as they were.

Language
  A document's "lang", else the one detected from its text; --lang sets it for
  every document.  The models are models/de.syntax and models/en.syntax in
  the data folder (scripts/train-syntax.sh makes them).  A document in another
  language, or whose model is missing, is reported and skipped.

Exit status
  0 all good; 1 some documents were skipped; 2 usage or fatal error: a missing
  input, a malformed CoNLL-U line (named with file and line), a missing or
  corrupt model, and with --strict any skipped document.  A failed run leaves
  an existing -o file as it was.

Examples
  geokg parse article.txt
  geokg parse --lang en news.jsonl -o news.conllu
  geokg parse --lang de --input-format conllu gold.conllu -o predicted.conllu)";

}  // namespace

Action add_parse(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "parse",
      "Tag, lemmatise and parse articles with the Universal Dependencies model of their "
      "language and write CoNLL-U; or re-annotate a CoNLL-U treebank (--input-format conllu)");
  auto o = std::make_shared<ParseOptions>();
  add_reader_options(*cmd, o->in);
  cmd->get_option("inputs")->description(
      "Articles: .txt, .json, .jsonl files, directories, or - for JSONL on stdin; with "
      "--input-format conllu, CoNLL-U files or - for standard input");
  cmd->add_option("-o,--output", o->out, "Output file (default: standard output)");
  cmd->add_option("--lang", o->lang,
                  "de or en: the language of every document (default: each document's "
                  "\"lang\", else detected); required for --input-format conllu")
      ->check(CLI::IsMember({"de", "en"}));
  cmd->add_option("--input-format", o->format,
                  "articles (default): as geokg extract reads them; conllu: a treebank whose "
                  "words are kept and annotated")
      ->check(CLI::IsMember({"articles", "conllu"}));
  cmd->footer(kParseHelp);
  return [o]() { return o->format == "conllu" ? parse_conllu(*o) : parse_articles(*o); };
}

}  // namespace geokg::cli
