// A missing, truncated or foreign model file is an error that names the file,
// never a crash.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "geokg/syntax/model.hpp"
#include "tiny_treebank.hpp"

namespace {

using namespace geokg;
namespace fs = std::filesystem;

fs::path temp_file(const char* name) {
  return fs::temp_directory_path() /
         (std::string("geokg-model-file-") + name + "-" + std::to_string(::getpid()));
}

std::string trained() {
  fs::path file = temp_file("good");
  syntax::TrainOptions o;
  o.tagger_epochs = 2;
  o.parser_epochs = 2;
  o.folds = 0;
  syntax::train(Lang::de, tiny_treebank(), o, file);
  std::ifstream in(file, std::ios::binary);
  std::string bytes(std::istreambuf_iterator<char>(in), {});
  fs::remove(file);
  return bytes;
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("a missing model file names the file") {
  CHECK_THROWS_WITH_AS(syntax::Model::load("/nonexistent/de.syntax"),
                       doctest::Contains("/nonexistent/de.syntax"), syntax::SyntaxError);
}

TEST_CASE("every truncation of a model file is refused with its name, never a crash") {
  const std::string good = trained();
  fs::path p = temp_file("cut");
  write(p, good);
  CHECK_NOTHROW(syntax::Model::load(p));
  // Every cut point in the header and a spread of them through the weights.
  for (std::size_t cut = 0; cut < good.size(); cut += cut < 200 ? 1 : good.size() / 97) {
    write(p, good.substr(0, cut));
    CHECK_THROWS_WITH_AS(syntax::Model::load(p), doctest::Contains(p.string().c_str()),
                         syntax::SyntaxError);
  }
  write(p, good + "x");
  CHECK_THROWS_WITH_AS(syntax::Model::load(p), doctest::Contains("trailing"),
                       syntax::SyntaxError);
  write(p, "GEOKG-SYNTAX\n\x07\0\0\0");
  CHECK_THROWS_WITH_AS(syntax::Model::load(p), doctest::Contains("format"), syntax::SyntaxError);
  write(p, std::string(1000, '\xff'));
  CHECK_THROWS_AS(syntax::Model::load(p), syntax::SyntaxError);
  fs::remove(p);
}
