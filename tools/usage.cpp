#include "usage.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"

namespace geokg::cli {

namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return o->get_positional(); });
}

// GRAPH, [INPUTS...]: what a user types, in capitals as man pages write it.
std::string positional_usage(const CLI::Option& o) {
  std::string s = upper(o.get_name(true, false));
  if (o.get_items_expected_max() >= CLI::detail::expected_max_vector_size) s += "...";
  return o.get_required() ? s : "[" + s + "]";
}

// Hidden commands (empty group: `completion`) are not offered or suggested.
std::vector<const CLI::App*> commands(const CLI::App& app) {
  return app.get_subcommands(
      [](const CLI::App* s) { return !s->get_disabled() && !s->get_group().empty(); });
}

std::string command_path(const CLI::App& app);

// `--help-all` is what help2man reads for the man page: each command under a
// "Command NAME:" line (a subsection there), with its usage, description and
// options as the lines help2man turns into tagged paragraphs.
class Formatter : public CLI::Formatter {
 public:
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    const auto subs = commands(*app);
    if (subs.empty()) return {};
    std::string out = "\nCommands:\n";
    for (const CLI::App* s : subs) out += make_subcommand(s);
    if (mode == CLI::AppFormatMode::All)
      for (const CLI::App* s : subs) out += "\n" + make_expanded(s);
    return out;
  }
  std::string make_expanded(const CLI::App* sub) const override {
    std::string out = fmt::format("Command {}:\n  Usage: {}\n\n  {}\n\n", command_path(*sub),
                                  usage_line(*sub), sub->get_description());
    for (const CLI::Option* o : sub->get_options())
      if (o != sub->get_help_ptr() && o != sub->get_help_all_ptr())
        out += make_option(o, o->get_positional());
    for (const CLI::App* s : commands(*sub)) out += "\n" + make_expanded(s);
    return out;
  }
  std::string make_usage(const CLI::App* app, std::string) const override {
    return "Usage: " + usage_line(*app) + "\n";
  }
  std::string make_option_name(const CLI::Option* o, bool positional) const override {
    return positional ? upper(o->get_name(true, false))
                      : CLI::Formatter::make_option_name(o, false);
  }
};

// The apps from the root to `app`.
std::vector<const CLI::App*> chain_to(const CLI::App& app) {
  std::vector<const CLI::App*> chain;
  for (const CLI::App* a = &app; a; a = a->get_parent()) chain.push_back(a);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// The subcommands CLI11 recognised, from the root down.
std::vector<const CLI::App*> parsed_chain(const CLI::App& root) {
  std::vector<const CLI::App*> chain{&root};
  while (!chain.back()->get_subcommands().empty())
    chain.push_back(chain.back()->get_subcommands().front());
  return chain;
}

// "query between": the command a message is about, without the program.
std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a : chain_to(app))
    if (a->get_parent()) {
      if (!path.empty()) path += ' ';
      path += a->get_name();
    }
  return path;
}

// Optimal string alignment distance: a swapped pair ("biuld") costs one edit.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// The closest name, if close enough to be a typo of it: a third of the
// word's letters wrong at most, or the start of exactly one name.
std::string closest(std::string_view word, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_d = std::min<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& n : names)
    if (const std::size_t d = distance(word, n); d < best_d) best = n, best_d = d;
  if (!best.empty() || word.size() < 3) return best;
  for (const auto& n : names)
    if (n.starts_with(word)) {
      if (!best.empty()) return {};
      best = n;
    }
  return best;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& names,
                       std::string_view prefix = "") {
  const std::string s = closest(word, names);
  return s.empty() ? "" : fmt::format("; did you mean '{}{}'?", prefix, s);
}

// Long option names of `app` and of the commands it falls through to.
std::vector<std::string> long_options(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a = &app; a; a = a->get_fallthrough() ? a->get_parent() : nullptr)
    for (const CLI::Option* o : a->get_options())
      names.insert(names.end(), o->get_lnames().begin(), o->get_lnames().end());
  return names;
}

struct Problem {
  std::string what;
  const CLI::App* usage = nullptr;  // whose usage line to show
};

// `geokg query between USA RUS`: a command's name took the place of the
// positional before it, so the positional was left out.
std::optional<Problem> forgotten_positional(const std::vector<const CLI::App*>& chain) {
  const CLI::App* app = chain.back();
  if (app->get_require_subcommand_min() == 0) return std::nullopt;
  for (const CLI::Option* p : positionals(*app)) {
    if (p->count() == 0) continue;
    for (const CLI::App* sub : commands(*app))
      if (sub->check_name(p->results().front()))
        return Problem{fmt::format("{}: {} is missing before '{}'", command_path(*app),
                                   upper(p->get_name(true, false)), sub->get_name()),
                       sub};
  }
  return std::nullopt;
}

// A word nothing took: an unknown option or command, or one too many.
std::optional<Problem> unexpected_word(const std::vector<const CLI::App*>& chain) {
  const CLI::App* app = chain.back();
  std::string word;
  for (auto a = chain.rbegin(); a != chain.rend() && word.empty(); ++a)
    for (const std::string& w : (*a)->remaining())
      if (word.empty() && w != "--") word = w;
  if (word.empty()) return std::nullopt;
  const std::string path = command_path(*app);
  const std::string at = path.empty() ? "" : path + ": ";
  if (word.size() > 1 && word[0] == '-') {
    const std::string name = word.substr(0, word.find('='));
    const std::string hint =
        name.starts_with("--") ? suggestion(name.substr(2), long_options(*app), "--") : "";
    return Problem{fmt::format("{}unknown option '{}'{}", at, name, hint), app};
  }
  if (chain.size() == 1 || !commands(*app).empty()) {
    std::vector<std::string> names;
    for (const CLI::App* s : commands(*app)) names.push_back(s->get_name());
    return Problem{fmt::format("{}unknown command '{}'{}", at, word, suggestion(word, names)),
                   app};
  }
  return Problem{fmt::format("{}unexpected argument '{}'", at, word), app};
}

Problem explain(const CLI::App& root, const CLI::ParseError& e) {
  const std::vector<const CLI::App*> chain = parsed_chain(root);
  const CLI::App* app = chain.back();
  const std::string path = command_path(*app);
  const std::string at = path.empty() ? "" : path + ": ";
  // Other errors (a bad or missing option value) stop CLI11 before the rest
  // of the line is read, so what it left unread says nothing.
  if (!dynamic_cast<const CLI::RequiredError*>(&e) && !dynamic_cast<const CLI::ExtrasError*>(&e))
    return {at + e.what(), app};
  if (auto p = forgotten_positional(chain)) return *p;
  if (auto p = unexpected_word(chain)) return *p;
  for (const CLI::Option* p : positionals(*app))
    if (p->get_required() && p->count() == 0)
      return {fmt::format("{}{} is missing", at, upper(p->get_name(true, false))), app};
  if (app->get_require_subcommand_min() > 0 && app->get_subcommands().empty()) {
    std::vector<std::string> names;
    for (const CLI::App* s : commands(*app)) names.push_back(s->get_name());
    return {fmt::format("{}a command is required: {}", at, fmt::join(names, ", ")), app};
  }
  return {at + e.what(), app};
}

}  // namespace

void set_up_usage(CLI::App& app) {
  app.formatter(std::make_shared<Formatter>());
  app.failure_message(
      [](const CLI::App*, const CLI::Error& e) { return "geokg: " + std::string(e.what()) + "\n"; });
}

std::string usage_line(const CLI::App& app) {
  std::string line;
  auto add = [&line](const std::string& word) {
    if (!line.empty()) line += ' ';
    line += word;
  };
  for (const CLI::App* a : chain_to(app)) {
    add(a->get_name());
    if (a == &app) break;
    for (const CLI::Option* p : positionals(*a)) add(positional_usage(*p));
  }
  add("[OPTIONS]");
  for (const CLI::Option* p : positionals(app)) add(positional_usage(*p));
  if (!commands(app).empty()) line += app.get_require_subcommand_min() > 0 ? " COMMAND" : " [COMMAND]";
  return line;
}

int report_parse_error(CLI::App& app, const CLI::ParseError& e) {
  // --help and --version: CLI11 prints them to stdout.
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  const Problem p = explain(app, e);
  write_stderr(fmt::format("geokg: {}\ngeokg: usage: {}\n", p.what, usage_line(*p.usage)));
  return kFatal;
}

}  // namespace geokg::cli
