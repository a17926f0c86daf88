// geokg completion bash|zsh: writes the shell completion meson installs;
// hidden from --help.
#include "commands.hpp"
#include "common.hpp"
#include "shell_completion.hpp"

namespace geokg::cli {

Action add_completion(CLI::App& app) {
  auto* cmd = app.add_subcommand("completion", "Write the bash or zsh completion script");
  cmd->group("");  // hidden: meson installs the scripts
  auto shell = std::make_shared<std::string>();
  cmd->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  return [&app, shell]() {
    AtomicOutput out("-");
    out.write(completion_script(app, *shell));
    out.commit();
    return kOk;
  };
}

}  // namespace geokg::cli
