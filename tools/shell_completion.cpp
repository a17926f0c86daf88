// Shell completion written from the command line's own definition, so it
// offers exactly the commands and options geokg accepts.
#include "shell_completion.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string>
#include <vector>

namespace geokg::cli {

namespace {

struct Described {
  std::string name, description;
};

// What completion needs to know of one command.
struct Spec {
  std::string path;                  // "/query/between"; "" for geokg itself
  std::vector<Described> commands;   // its visible subcommands
  std::vector<Described> options;    // every option name it accepts
  std::vector<std::string> values;   // options that take the next word
  std::size_t needs = 0;             // positionals before a subcommand (query's GRAPH)
};

// The first sentence, on one line: enough beside a completion.
std::string summary(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  std::size_t end = s.size();
  for (const char* stop : {". ", "; ", " ("}) end = std::min(end, s.find(stop));
  return s.substr(0, end);
}

void add_options(const CLI::App& app, Spec& spec) {
  for (const CLI::App* a = &app; a; a = a->get_fallthrough() ? a->get_parent() : nullptr)
    for (const CLI::Option* o : a->get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
      std::vector<std::string> names;
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& n : names) {
        // The help flags come again with each command it falls through to.
        if (std::any_of(spec.options.begin(), spec.options.end(),
                        [&n](const Described& d) { return d.name == n; }))
          continue;
        spec.options.push_back({n, summary(o->get_description())});
        if (o->get_expected_max() > 0) spec.values.push_back(n);
      }
    }
}

void collect(const CLI::App& app, const std::string& path, std::vector<Spec>& specs) {
  Spec spec;
  spec.path = path;
  add_options(app, spec);
  const auto subs = app.get_subcommands(
      [](const CLI::App* s) { return !s->get_disabled() && !s->get_group().empty(); });
  if (!subs.empty())
    for (const CLI::Option* o : app.get_options())
      if (o->get_positional() && o->get_required()) ++spec.needs;
  for (const CLI::App* s : subs) spec.commands.push_back({s->get_name(), summary(s->get_description())});
  specs.push_back(spec);
  for (const CLI::App* s : subs) collect(*s, path + "/" + s->get_name(), specs);
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string words(const std::vector<Described>& list, bool zsh) {
  std::string out;
  for (const auto& d : list)
    out += " " + (zsh ? quoted(d.name + ":" + d.description) : d.name);
  return out;
}

std::string words(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& w : list) out += " " + w;
  return out;
}

// One shell function, `_geokg_spec PATH`, sets what the command at PATH
// offers; the walker below it is the same in both shells but for syntax.
std::string spec_function(const std::vector<Spec>& specs, bool zsh) {
  std::string out = "_geokg_spec() {\n  case $1 in\n";
  for (const Spec& s : specs) {
    const std::string list = zsh ? "=(" : "=\"";
    const std::string end = zsh ? " )" : " \"";
    out += fmt::format("    {})\n      commands{}{}{}\n      options{}{}{}\n      values=\"{} \"\n"
                       "      needs={} ;;\n",
                       quoted(s.path), list, words(s.commands, zsh), end, list,
                       words(s.options, zsh), end, words(s.values), s.needs);
  }
  return out + "  esac\n}\n";
}

const char* const kBashWalker = R"(
_geokg() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmdpath="" word commands options values needs
  local -i given=0 i
  _geokg_spec ""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ "$values" == *" $word "* ]]; then ((i++)); continue; fi
    [[ $word == -* ]] && continue
    if ((given == needs)) && [[ "$commands " == *" $word "* ]]; then
      cmdpath+="/$word"; given=0; _geokg_spec "$cmdpath"; continue
    fi
    ((given++))
  done
  # An option's value, an input or a graph: the shell's own file completion.
  [[ "$values" == *" ${COMP_WORDS[COMP_CWORD-1]} "* ]] && return
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  elif ((given == needs)) && [[ -n $commands ]]; then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
  fi
}
complete -o default -o bashdefault -F _geokg geokg
)";

const char* const kZshWalker = R"(
_geokg() {
  local cmdpath="" word values needs
  local -a commands options
  integer given=0 i
  _geokg_spec ""
  for ((i = 2; i < CURRENT; i++)); do
    word=${words[i]}
    if [[ "$values" == *" $word "* ]]; then ((i++)); continue; fi
    [[ $word == -* ]] && continue
    if ((given == needs)) && ((${commands[(I)$word:*]})); then
      cmdpath+="/$word"; given=0; _geokg_spec "$cmdpath"; continue
    fi
    ((given++))
  done
  if [[ "$values" == *" ${words[CURRENT-1]} "* ]]; then _files; return; fi
  if [[ $PREFIX == -* ]]; then
    _describe -t options option options
  elif ((given == needs && $#commands)); then
    _describe -t commands command commands
  else
    _files
  fi
}
_geokg "$@"
)";

}  // namespace

std::string completion_script(const CLI::App& root, const std::string& shell) {
  std::vector<Spec> specs;
  collect(root, "", specs);
  const bool zsh = shell == "zsh";
  const std::string head = zsh ? "#compdef geokg\n# zsh completion for geokg, written by `geokg completion zsh`.\n"
                               : "# bash completion for geokg, written by `geokg completion bash`.\n";
  return head + spec_function(specs, zsh) + (zsh ? kZshWalker : kBashWalker);
}

}  // namespace geokg::cli
