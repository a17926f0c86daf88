// geokg train-syntax: the tagger, lemmatiser and dependency parser of one
// language, trained on Universal Dependencies treebanks (CoNLL-U).
#include <fmt/core.h>
#include <unistd.h>

#include <filesystem>

#include "commands.hpp"
#include "common.hpp"
#include "geokg/error.hpp"
#include "geokg/syntax/conllu.hpp"
#include "geokg/syntax/model.hpp"
#include "geokg/text/segmenter.hpp"

namespace geokg::cli {

namespace {

constexpr const char* kTrainHelp = R"(
Training
  Every sentence of the treebanks is used; the model learns the tags, the
  morphological features, the lemmas, the contractions (multiword tokens such
  as "zum" = zu dem) and the labelled trees.  The parser learns from tags
  predicted by jackknifing, as it will see them.  The same files, options and
  seed give the same model, byte for byte, on every machine.  Progress goes to
  standard error, one line per step (-q: none).

  The shipped models data/models/de.syntax and en.syntax are made by
  scripts/train-syntax.sh, which names their treebanks; scripts/evaluate-syntax.sh
  scores them.

Exit status
  0 the model was written; 2 usage or fatal error: a missing or malformed
  treebank (named with file and line), treebanks without a sentence, an
  output that cannot be written.  A failed run leaves an existing -o file as
  it was.

Examples
  geokg train-syntax --lang de -o de.syntax de_gsd-ud-train.conllu
  geokg train-syntax --lang en -o en.syntax --seed 7 en_ewt-ud-train.conllu en_gum.conllu)";

}  // namespace

Action add_train_syntax(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "train-syntax",
      "Train the part-of-speech tagger, lemmatiser and dependency parser of a language on "
      "Universal Dependencies treebanks (CoNLL-U) and write the model file geokg parse reads");
  struct Opts {
    std::vector<std::string> treebanks;
    std::string lang, out;
    std::uint64_t seed = 1;
    int tagger_epochs = 0, parser_epochs = 0;
    bool quiet = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("treebanks", o->treebanks, "CoNLL-U files to learn from")->required();
  cmd->add_option("--lang", o->lang, "de or en: the language of the treebanks")
      ->required()
      ->check(CLI::IsMember({"de", "en"}));
  cmd->add_option("-o,--output", o->out, "The model file to write")->required();
  cmd->add_option("--seed", o->seed, "Seed of the training's random choices (default 1)");
  cmd->add_option("--tagger-epochs", o->tagger_epochs,
                  "Passes over the data for the tagger (default 0: the language's default)")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--parser-epochs", o->parser_epochs,
                  "Passes over the data for the parser (default 0: the language's default)")
      ->check(CLI::Range(0, 100000));
  cmd->add_flag("-q,--quiet", o->quiet, "Do not print progress");
  cmd->footer(kTrainHelp);
  return [o]() {
    InputOptions in;
    in.inputs = o->treebanks;
    check_paths(in, {o->out});
    for (const auto& file : o->treebanks)
      if (file == "-" || std::filesystem::is_directory(file))
        throw InputError(file + ": not a file; give the CoNLL-U files to learn from");
    // Training takes minutes: an output that cannot be written fails first.
    const std::filesystem::path folder = std::filesystem::path(o->out).parent_path().empty()
                                             ? std::filesystem::path(".")
                                             : std::filesystem::path(o->out).parent_path();
    if (!std::filesystem::is_directory(folder) || ::access(folder.c_str(), W_OK | X_OK) != 0)
      throw ExportError(fmt::format(
          "{}: cannot write into {}: {}", o->out, folder.string(),
          std::filesystem::is_directory(folder) ? "permission denied" : "no such directory"));
    std::vector<syntax::ConlluSentence> sentences;
    for (const auto& file : o->treebanks) {
      std::vector<syntax::ConlluSentence> more = syntax::read_conllu_file(file);
      if (!o->quiet) diag("geokg: {}: {} sentences\n", file, more.size());
      sentences.insert(sentences.end(), std::make_move_iterator(more.begin()),
                       std::make_move_iterator(more.end()));
    }
    if (sentences.empty()) throw InputError("the treebanks hold no sentence; nothing written");
    syntax::TrainOptions options;
    options.seed = o->seed;
    options.tagger_epochs = o->tagger_epochs;
    options.parser_epochs = o->parser_epochs;
    if (!o->quiet) options.progress = [](std::string_view line) { diag("geokg: {}\n", line); };
    syntax::train(parse_lang(o->lang), sentences, options, o->out);  // says "wrote"
    return kOk;
  };
}

}  // namespace geokg::cli
