// Black-box tests of DocumentReader on real files in a private temp directory.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "geokg/error.hpp"
#include "geokg/input/document.hpp"

namespace fs = std::filesystem;
using namespace geokg;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    std::random_device rd;
    root_ = fs::temp_directory_path() /
            fmt::format("geokg-input-test-{}-{}-{:08x}", ::getpid(), counter++, rd());
    fs::create_directories(root_);
  }
  ~TempDir() {
    std::error_code ec;
    // chmod 000 files must be readable again, or remove_all may fail.
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& rel, std::string_view bytes) const {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
    return p.string();
  }
  std::string path(const std::string& rel) const { return (root_ / rel).string(); }

 private:
  fs::path root_;
};

struct Run {
  std::vector<Document> docs;
  std::vector<InputProblem> problems;
  std::size_t bytes = 0;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.id);
    return out;
  }
  const Document& doc(const std::string& id) const {
    for (const auto& d : docs)
      if (d.id == id) return d;
    FAIL("no document with id " << id);
    throw std::logic_error("unreachable");
  }
};

Run read_all(std::vector<std::string> inputs, ReaderOptions options = {}) {
  DocumentReader reader(std::move(inputs), options);
  std::vector<InputProblem> seen;
  reader.on_problem([&](const InputProblem& p) { seen.push_back(p); });
  Run run;
  while (auto d = reader.next()) run.docs.push_back(std::move(*d));
  CHECK_FALSE(reader.next().has_value());  // stays exhausted
  run.problems = reader.problems();
  run.bytes = reader.bytes_read();
  // The handler saw exactly what was collected, in the same order.
  REQUIRE(seen.size() == run.problems.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i].where == run.problems[i].where);
    CHECK(seen[i].what == run.problems[i].what);
    CHECK(seen[i].skipped == run.problems[i].skipped);
  }
  return run;
}

void check_problem(const InputProblem& p, const std::string& where, const std::string& what,
                   bool skipped) {
  CHECK(p.where == where);
  CHECK(p.what == what);
  CHECK(p.skipped == skipped);
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a .txt file is one document named after the file") {
  TempDir tmp;
  const auto p = tmp.write("Merkel.Rede.txt", "\xEF\xBB\xBFHello\r\nWorld\rEnd\n");
  const Run run = read_all({p});
  REQUIRE(run.docs.size() == 1);
  CHECK(run.docs[0].id == "Merkel.Rede");
  CHECK(run.docs[0].text == "Hello\nWorld\nEnd\n");
  CHECK(run.docs[0].title.empty());
  CHECK(run.docs[0].date.empty());
  CHECK(run.docs[0].origin == p);
  CHECK(run.problems.empty());  // BOM and CRLF are not problems
  CHECK(run.bytes == 20);
}

TEST_CASE(".txt repairs: NUL bytes, invalid UTF-8, UTF-16") {
  TempDir tmp;
  const auto nul = tmp.write("nul.txt", std::string("Ab\0c\0", 5));
  const auto bad = tmp.write("bad.txt", "Caf\xE9 au lait");
  const auto u16 = tmp.write("u16.txt", std::string("\xFF\xFEH\0i\0\xE4\0", 8));
  const Run run = read_all({nul, bad, u16});
  CHECK(run.ids() == Ids{"nul", "bad", "u16"});
  CHECK(run.doc("nul").text == "Abc");
  CHECK(run.doc("bad").text == "Caf" + kFffd + " au lait");
  CHECK(run.doc("u16").text == "Hi\xC3\xA4");
  REQUIRE(run.problems.size() == 3);
  check_problem(run.problems[0], nul, "removed 2 NUL bytes (first at byte offset 2)", false);
  check_problem(run.problems[1], bad, "invalid UTF-8 at byte offset 3 (replaced with U+FFFD)",
                false);
  check_problem(run.problems[2], u16, "converted from UTF-16LE to UTF-8", false);
}

TEST_CASE("empty and blank .txt files are skipped and reported") {
  TempDir tmp;
  const auto empty = tmp.write("empty.txt", "");
  const auto blank = tmp.write("blank.txt", " \r\n\t\xC2\xA0\n");
  const auto bom_only = tmp.write("bom.txt", "\xEF\xBB\xBF");
  const auto good = tmp.write("good.txt", "Content");
  const Run run = read_all({empty, blank, bom_only, good});
  CHECK(run.ids() == Ids{"good"});
  REQUIRE(run.problems.size() == 3);
  check_problem(run.problems[0], empty, "empty file", true);
  check_problem(run.problems[1], blank, "empty text (only white space)", true);
  check_problem(run.problems[2], bom_only, "empty text (only white space)", true);
}

TEST_CASE("a .json file with one object") {
  TempDir tmp;
  const auto p = tmp.write(
      "single.json",
      R"({"id":"s1","text":"Body text.","title":"A title that is not in the text",)"
      R"("date":"2024-05-06T07:08:09Z","lang":"en","url":"https://example.org/s1",)"
      R"("source":"dpa","category":"politics"})"
      "\n");
  const auto noid = tmp.write("noid.json", "\xEF\xBB\xBF{\"text\":\"No id\"}");
  const Run run = read_all({p, noid});
  REQUIRE(run.ids() == Ids{"s1", "noid"});
  const Document& d = run.docs[0];
  CHECK(d.text == "Body text.");
  CHECK(d.title == "A title that is not in the text");
  CHECK(d.date == "2024-05-06T07:08:09Z");
  CHECK(d.lang == "en");
  CHECK(d.url == "https://example.org/s1");
  CHECK(d.source == "dpa");
  CHECK(d.origin == p);
  CHECK(run.docs[1].text == "No id");
  CHECK(run.docs[1].origin == noid);
  REQUIRE(run.problems.size() == 1);
  check_problem(run.problems[0], p, "unknown field \"category\" ignored (reported once per file)",
                false);
}

TEST_CASE("a .json array: bad elements are skipped, good ones kept") {
  TempDir tmp;
  const auto p = tmp.write("array.json", R"([
    {"id":"e1","text":"E1"},
    7,
    {"text":"no id"},
    {"id":"e4"},
    {"id":"e5","text":"E5","date":"05/06/2024"},
    {"id":99,"text":"numeric id"}
  ])");
  const Run run = read_all({p});
  CHECK(run.ids() == Ids{"e1", "array-3", "e5", "99"});
  CHECK(run.doc("e1").origin == p + "#1");
  CHECK(run.doc("array-3").text == "no id");
  CHECK(run.doc("e5").date.empty());
  CHECK(run.doc("99").origin == p + "#6");
  REQUIRE(run.problems.size() == 4);
  check_problem(run.problems[0], p, "element 2: not a JSON object (found a number)", true);
  check_problem(run.problems[1], p, "element 3: no \"id\"; named \"array-3\"", false);
  check_problem(run.problems[2], p, "element 4: no \"text\" field", true);
  check_problem(run.problems[3], p,
                "element 5: date \"05/06/2024\" is not ISO 8601 (YYYY-MM-DD[Thh:mm[:ss]]); dropped",
                false);
}

TEST_CASE("malformed, empty and concatenated .json files") {
  TempDir tmp;
  const auto bad = tmp.write("bad.json", "{\n  \"id\": \"x\",\n  \"text\": \"y\"\n  \"title\": \"z\"\n}");
  const auto empty = tmp.write("empty.json", "");
  const auto blank = tmp.write("blank.json", "  \n");
  const auto scalar = tmp.write("scalar.json", "\"just a string\"");
  const auto concat =
      tmp.write("concat.json", "{\"id\":\"k1\",\"text\":\"K1\"}\n{\"id\":\"k2\",\"text\":\"K2\"}\n");
  const Run run = read_all({bad, empty, blank, scalar, concat});
  CHECK(run.ids() == Ids{"k1", "k2"});
  CHECK(run.doc("k1").origin == concat + "#1");
  CHECK(run.doc("k2").origin == concat + "#2");
  REQUIRE(run.problems.size() == 5);
  check_problem(run.problems[0], bad,
                "malformed JSON at offset 31 (line 4): Missing a comma or '}' after an object member.",
                true);
  check_problem(run.problems[1], empty, "empty file", true);
  check_problem(run.problems[2], blank, "empty file", true);
  check_problem(run.problems[3], scalar, "not a JSON object (found a string)", true);
  check_problem(run.problems[4], concat,
                "holds 2 top-level JSON values; read them all (JSONL saved as .json?)", false);
}

TEST_CASE("JSONL: every kind of bad line is reported and the good lines survive") {
  TempDir tmp;
  const std::string content =
      R"({"id":"a","text":"Alpha","category":"politics"})" "\n"                 // 1
      "\n"                                                                      // 2
      R"({"id":"b" "text":"Beta"})" "\n"                                        // 3
      "[1,2]\n"                                                                 // 4
      R"({"id":"c"})" "\n"                                                      // 5
      R"({"id":"d","text":5})" "\n"                                             // 6
      R"({"id":{"x":1},"text":"x"})" "\n"                                       // 7
      R"({"text":"No id here","category":"again"})" "\n"                        // 8
      R"({"id":"e","text":"Line1\r\nLine2\rLine3","title":"Headline"})" "\r\n"  // 9
      "   \t\n"                                                                 // 10
      R"({"id":"a","text":"dup"})" "\n"                                         // 11
      R"({"id":"f","text":"   "})" "\n"                                         // 12
      "42\n"                                                                    // 13
      R"({"id":"g","text":"ok"} trailing)" "\n"                                 // 14
      R"({"id":"h","text":"Trunc)";                                             // 15, no newline
  const auto p = tmp.write("mixed.jsonl", content);
  const Run run = read_all({p});
  CHECK(run.ids() == Ids{"a", "mixed-8", "e"});
  CHECK(run.doc("a").text == "Alpha");
  CHECK(run.doc("a").origin == p + ":1");
  CHECK(run.doc("mixed-8").text == "No id here");
  CHECK(run.doc("e").text == "Line1\nLine2\nLine3");
  CHECK(run.doc("e").title == "Headline");
  CHECK(run.doc("e").origin == p + ":9");
  CHECK(run.bytes == content.size());

  REQUIRE(run.problems.size() == 12);
  check_problem(run.problems[0], p + ":1",
                "unknown field \"category\" ignored (reported once per file)", false);
  check_problem(run.problems[1], p + ":3",
                "malformed JSON at offset 10: Missing a comma or '}' after an object member.", true);
  check_problem(run.problems[2], p + ":4", "not a JSON object (found an array)", true);
  check_problem(run.problems[3], p + ":5", "no \"text\" field", true);
  check_problem(run.problems[4], p + ":6", "\"text\" must be a string, not a number", true);
  check_problem(run.problems[5], p + ":7", "\"id\" must be a string or a number, not an object",
                true);
  check_problem(run.problems[6], p + ":8", "no \"id\"; named \"mixed-8\"", false);
  check_problem(run.problems[7], p + ":11",
                "duplicate document id \"a\" (first seen at " + p + ":1)", true);
  check_problem(run.problems[8], p + ":12", "empty text", true);
  check_problem(run.problems[9], p + ":13", "not a JSON object (found a number)", true);
  check_problem(run.problems[10], p + ":14",
                "malformed JSON at offset 23: The document root must not be followed by other values.",
                true);
  check_problem(run.problems[11], p + ":15",
                "malformed JSON at offset 23: Missing a closing quotation mark in string. "
                "(the line ends early: truncated?)",
                true);
}

TEST_CASE("JSONL: byte-level repairs are warnings with the offset inside the line") {
  TempDir tmp;
  const auto p = tmp.write("raw.jsonl",
                           "\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"first\"}\n"
                           "{\"id\":\"u\",\"text\":\"Caf\xE9\"}\n" +
                               std::string("{\"id\":\"n\",\"text\":\"a\0b\"}\n", 24) +
                               "{\"id\":\"esc\",\"text\":\"x\\u0000y\"}\n");
  const Run run = read_all({p});
  CHECK(run.ids() == Ids{"bom", "u", "n", "esc"});
  CHECK(run.doc("bom").text == "first");
  CHECK(run.doc("u").text == "Caf" + kFffd);
  CHECK(run.doc("n").text == "ab");
  CHECK(run.doc("esc").text == "xy");
  REQUIRE(run.problems.size() == 3);
  check_problem(run.problems[0], p + ":2",
                "invalid UTF-8 at byte offset 21 (replaced with U+FFFD)", false);
  check_problem(run.problems[1], p + ":3", "removed 1 NUL byte (first at byte offset 19)",
                false);
  check_problem(run.problems[2], p + ":4", "removed 1 NUL character from \"text\"", false);
}

TEST_CASE("JSONL: an empty file and a file of blank lines are reported") {
  TempDir tmp;
  const auto empty = tmp.write("empty.jsonl", "");
  const auto blank = tmp.write("blank.jsonl", "\n  \n\r\n");
  const Run run = read_all({empty, blank});
  CHECK(run.docs.empty());
  REQUIRE(run.problems.size() == 2);
  check_problem(run.problems[0], empty, "empty file", true);
  check_problem(run.problems[1], blank, "empty file (only blank lines)", true);
}

TEST_CASE("duplicate ids across files: the later one is skipped, naming the first") {
  TempDir tmp;
  const auto one = tmp.write("one.txt", "First");
  const auto dup = tmp.write("dup.jsonl", "{\"id\":\"x\",\"text\":\"X\"}\n{\"id\":\"one\",\"text\":\"again\"}\n");
  const auto arr = tmp.write("arr.json", R"([{"id":"x","text":"X again"},{"id":"y","text":"Y"}])");
  const Run run = read_all({one, dup, arr});
  CHECK(run.ids() == Ids{"one", "x", "y"});
  CHECK(run.doc("one").text == "First");
  CHECK(run.doc("x").text == "X");
  REQUIRE(run.problems.size() == 2);
  check_problem(run.problems[0], dup + ":2",
                "duplicate document id \"one\" (first seen at " + one + ")", true);
  check_problem(run.problems[1], arr,
                "duplicate document id \"x\" (first seen at " + dup + ":1)", true);
}

TEST_CASE("directories are read recursively in sorted path order") {
  TempDir tmp;
  tmp.write("corpus/a.txt", "A");
  tmp.write("corpus/a-b.txt", "AB");
  tmp.write("corpus/a/b.txt", "in a");
  tmp.write("corpus/a/c.jsonl", "{\"id\":\"c1\",\"text\":\"C one\"}\n{\"id\":\"c2\",\"text\":\"C two\"}\n");
  tmp.write("corpus/B.json", R"({"id":"upper","text":"Upper"})");
  tmp.write("corpus/z.json", R"([{"id":"z1","text":"Z1"},{"id":"z2","text":"Z2"}])");
  tmp.write("corpus/notes.md", "ignored");
  tmp.write("corpus/data.csv", "ignored,too");
  tmp.write("corpus/sub/deeper/x.TXT", "deep");
  fs::create_directories(tmp.path("corpus/emptydir"));
  const Run run = read_all({tmp.path("corpus")});
  // Byte order of the full paths: "B.json" < "a-b.txt" < "a.txt" < "a/..." < "sub/..." < "z.json"
  CHECK(run.ids() == Ids{"upper", "a-b", "a", "b", "c1", "c2", "x", "z1", "z2"});
  CHECK(run.doc("b").text == "in a");
  CHECK(run.doc("b").origin == tmp.path("corpus/a/b.txt"));
  CHECK(run.doc("c2").origin == tmp.path("corpus/a/c.jsonl") + ":2");
  CHECK(run.doc("x").text == "deep");
  CHECK(run.problems.empty());
}

TEST_CASE("explicit inputs: missing path, unsupported extension, stdin refused") {
  TempDir tmp;
  const auto md = tmp.write("readme.md", "# not a corpus");
  const auto good = tmp.write("good.txt", "Good");
  const auto missing = tmp.path("nope.jsonl");
  ReaderOptions options;
  options.allow_stdin = false;
  const Run run = read_all({missing, md, "-", good}, options);
  CHECK(run.ids() == Ids{"good"});
  REQUIRE(run.problems.size() == 3);
  check_problem(run.problems[0], missing, "no such file or directory", true);
  check_problem(run.problems[1], md,
                "unsupported file type \".md\" (expected .txt, .json or .jsonl)", true);
  check_problem(run.problems[2], "-", "reading documents from standard input is not allowed here",
                true);
}

TEST_CASE("inside a directory, a FIFO with a document name is skipped, not opened") {
  TempDir tmp;
  tmp.write("corpus/a.txt", "A");
  const auto fifo = tmp.path("corpus/b.jsonl");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  tmp.write("corpus/c.txt", "C");
  const Run run = read_all({tmp.path("corpus")});  // would block forever if opened
  CHECK(run.ids() == Ids{"a", "c"});
  REQUIRE(run.problems.size() == 1);
  check_problem(run.problems[0], fifo, "not a regular file", true);
}

TEST_CASE("symbolic link loops terminate and are reported") {
  TempDir tmp;
  tmp.write("corpus/one.txt", "One");
  tmp.write("corpus/sub/two.txt", "Two");
  fs::create_directory_symlink("..", tmp.path("corpus/sub/loop"));
  fs::create_directory_symlink(".", tmp.path("corpus/self"));
  fs::create_directory_symlink(tmp.path("corpus/sub"), tmp.path("alias"));
  fs::create_symlink(tmp.path("corpus/nowhere.txt"), tmp.path("corpus/dead.txt"));
  const Run run = read_all({tmp.path("corpus"), tmp.path("alias")});
  CHECK(run.ids() == Ids{"one", "two"});
  REQUIRE(run.problems.size() == 4);
  check_problem(run.problems[0], tmp.path("corpus/dead.txt"), "broken symbolic link", true);
  check_problem(run.problems[1], tmp.path("corpus/self"),
                "symbolic link loop: same directory as " + tmp.path("corpus") + "; not followed",
                true);
  check_problem(run.problems[2], tmp.path("corpus/sub/loop"),
                "symbolic link loop: same directory as " + tmp.path("corpus") + "; not followed",
                true);
  check_problem(run.problems[3], tmp.path("alias"),
                "directory already read as " + tmp.path("corpus/sub") + "; not read again", true);
}

namespace {

// Reads `corpus` and renders ids and problems as text, so the result can
// cross a process boundary.
std::string describe_run(const std::string& corpus) {
  DocumentReader reader({corpus});
  std::string out = "ids:";
  while (auto d = reader.next()) out += " " + d->id;
  for (const auto& p : reader.problems())
    out += fmt::format("\n{} | {} | {}", p.where, p.what, p.skipped ? "skipped" : "warning");
  return out;
}

}  // namespace

TEST_CASE("an unreadable file is reported and the rest is read") {
  TempDir tmp;
  const auto secret = tmp.write("corpus/a-secret.jsonl", "{\"id\":\"s\",\"text\":\"S\"}\n");
  tmp.write("corpus/b.txt", "B");
  fs::permissions(secret, fs::perms::none);
  const std::string expected =
      "ids: b\n" + secret + " | cannot open: Permission denied | skipped";

  const int probe = ::open(secret.c_str(), O_RDONLY);
  if (probe < 0) {
    CHECK(describe_run(tmp.path("corpus")) == expected);
    return;
  }
  ::close(probe);
  // Root ignores permissions: read as "nobody" in a child process instead.
  REQUIRE(::geteuid() == 0);
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
    const std::string result = describe_run(tmp.path("corpus"));
    const bool ok = ::write(fds[1], result.data(), result.size()) ==
                    static_cast<ssize_t>(result.size());
    ::_exit(ok ? 0 : 3);
  }
  ::close(fds[1]);
  std::string result;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) result.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(result == expected);
}

TEST_CASE("a file that vanishes during the run is reported") {
  TempDir tmp;
  tmp.write("corpus/a.jsonl", "{\"id\":\"a1\",\"text\":\"A1\"}\n{\"id\":\"a2\",\"text\":\"A2\"}\n");
  const auto b = tmp.write("corpus/b.txt", "B");
  tmp.write("corpus/c.txt", "C");
  DocumentReader reader({tmp.path("corpus")});
  auto first = reader.next();
  REQUIRE(first.has_value());
  CHECK(first->id == "a1");
  fs::remove(b);
  std::vector<std::string> ids;
  while (auto d = reader.next()) ids.push_back(d->id);
  CHECK(ids == Ids{"a2", "c"});
  REQUIRE(reader.problems().size() == 1);
  check_problem(reader.problems()[0], b, "file vanished before it could be read", true);
}

TEST_CASE("a 200 MB JSONL line is read in linear time") {
  TempDir tmp;
  constexpr std::size_t kSize = 200u << 20;
  const auto p = tmp.path("big.jsonl");
  {
    std::ofstream out(p, std::ios::binary);
    out << R"({"id":"big","title":"Huge","text":")";
    const std::string chunk(1 << 20, 'x');
    for (std::size_t i = 0; i < kSize / chunk.size(); ++i) out << chunk;
    out << "\"}\n" << R"({"id":"small","text":"after"})" << "\n";
    REQUIRE(out.good());
  }
  const auto start = std::chrono::steady_clock::now();
  ReaderOptions options;
  options.max_document_bytes = 256u << 20;  // above the default cap
  DocumentReader reader({p}, options);
  auto big = reader.next();
  REQUIRE(big.has_value());
  CHECK(big->id == "big");
  CHECK(big->title == "Huge");
  CHECK(big->text.size() == kSize);
  CHECK(big->text.find_first_not_of('x') == std::string::npos);
  big.reset();
  auto small = reader.next();
  REQUIRE(small.has_value());
  CHECK(small->text == "after");
  CHECK_FALSE(reader.next().has_value());
  CHECK(reader.problems().empty());
  CHECK(reader.bytes_read() == fs::file_size(p));
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Quadratic growth would take minutes; linear takes about a second.
  CHECK(seconds < 30.0);
}

TEST_CASE("a line, a .json value or a .txt file over the cap is skipped, naming its offset") {
  TempDir tmp;
  const std::string big(3u << 20, 'x');
  const std::string good = R"({"id":"ok","text":"fine"})";
  const auto jsonl = tmp.write("big.jsonl", good + "\n" + R"({"id":"big","text":")" + big +
                                                "\"}\n" + R"({"id":"after","text":"after"})");
  std::string array = R"([{"id":"ok2","text":"t"},)" "\n" R"({"id":"huge","text":")";
  array += big;
  array += R"("}, {"id":"last","text":"t"}])";
  const auto json = tmp.write("big.json", array);
  const auto txt = tmp.write("big.txt", big);
  ReaderOptions options;
  options.max_document_bytes = 1u << 20;
  const Run run = read_all({jsonl, json, txt}, options);
  CHECK(run.ids() == Ids{"ok", "after", "ok2", "last"});
  const std::string note = "the cap on one document is 1 MiB; raise it with --max-document-size";
  REQUIRE(run.problems.size() == 3);
  check_problem(run.problems[0], jsonl + ":2",
                "line longer than 1 MiB, from byte offset 26 (" + note + ")", true);
  check_problem(run.problems[1], json,
                "element 2: larger than 1 MiB, from byte offset 26 (line 2) (" + note + ")", true);
  check_problem(run.problems[2], txt, "larger than 1 MiB (" + note + ")", true);
  CHECK(run.bytes == fs::file_size(jsonl) + fs::file_size(json));
}

TEST_CASE("a .json array is read one element at a time") {
  // Elements are cut out of the file as they come: a cap below the file's
  // size but above each element's reads every element.
  TempDir tmp;
  std::string array = "[";
  for (int i = 0; i < 2000; ++i)
    array += fmt::format(R"({}{{"id":"a{}","text":"Text {} with \"quotes\", [brackets] and {{braces}}"}})",
                         i ? ",\n " : "", i, i);
  array += "]\n";
  const auto p = tmp.write("many.json", array);
  ReaderOptions options;
  options.max_document_bytes = 4096;
  const Run run = read_all({p}, options);
  REQUIRE(run.docs.size() == 2000);
  CHECK(run.docs[1999].id == "a1999");
  CHECK(run.docs[7].text == "Text 7 with \"quotes\", [brackets] and {braces}");
  CHECK(run.docs[7].origin == p + "#8");
  CHECK(run.problems.empty());
  // Cut short after the first element: that one is kept.
  const auto cut = tmp.write("cut.json", array.substr(0, array.find("a1") + 30));
  const Run partial = read_all({cut});
  CHECK(partial.ids() == Ids{"a0"});
  REQUIRE(partial.problems.size() == 1);
  CHECK(partial.problems[0].what.starts_with("element 2: malformed JSON at offset "));
}

TEST_CASE("problems() keeps the first problems only; the handler sees them all") {
  TempDir tmp;
  std::string lines;
  for (int i = 0; i < 3000; ++i) lines += "not json\n";
  const auto p = tmp.write("bad.jsonl", lines + R"({"id":"good","text":"t"})" + "\n");
  DocumentReader reader({p});
  std::size_t seen = 0;
  reader.on_problem([&](const InputProblem&) { ++seen; });
  auto d = reader.next();
  REQUIRE(d.has_value());
  CHECK(d->id == "good");
  CHECK(seen == 3000);
  CHECK(reader.problems().size() == kProblemsKept);
  CHECK(reader.problems().back().where == p + ":1000");
}

TEST_CASE("deeply nested JSON does not overflow the stack") {
  TempDir tmp;
  constexpr std::size_t kDepth = 1'000'000;
  const std::string open(kDepth, '['), close(kDepth, ']');
  const auto p = tmp.write("deep.jsonl",
                           R"({"id":"deep","text":"ok","extra":)" + open + close + "}\n" + open +
                               "\n" + R"({"id":"after","text":"still here"})" + "\n");
  const Run run = read_all({p});
  CHECK(run.ids() == Ids{"deep", "after"});
  REQUIRE(run.problems.size() == 2);
  check_problem(run.problems[0], p + ":1",
                "unknown field \"extra\" ignored (reported once per file)", false);
  CHECK(run.problems[1].where == p + ":2");
  CHECK(run.problems[1].what.starts_with("malformed JSON at offset 1000000: "));
  CHECK(run.problems[1].skipped);
}

TEST_CASE("\"-\" reads JSONL from standard input") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string input =
      "{\"id\":\"s\",\"text\":\"from stdin\"}\n\nnot json\n{\"text\":\"anonymous\"}\n";
  REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  const int saved = ::dup(STDIN_FILENO);
  REQUIRE(saved >= 0);
  REQUIRE(::dup2(fds[0], STDIN_FILENO) == STDIN_FILENO);
  ::close(fds[0]);
  const Run run = read_all({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);

  CHECK(run.ids() == Ids{"s", "stdin-4"});
  CHECK(run.doc("s").text == "from stdin");
  CHECK(run.doc("s").origin == "-:1");
  CHECK(run.bytes == input.size());
  REQUIRE(run.problems.size() == 2);
  check_problem(run.problems[0], "-:3", "malformed JSON at offset 1: Invalid value.", true);
  check_problem(run.problems[1], "-:4", "no \"id\"; named \"stdin-4\"", false);
}

TEST_CASE("parse_document_json") {
  const std::string buffer = R"({"id":"p","text":"Text","lang":"de"}GARBAGE)";
  const Document d = parse_document_json(std::string_view(buffer).substr(0, 36), "x.jsonl:7");
  CHECK(d.id == "p");
  CHECK(d.text == "Text");
  CHECK(d.lang == "de");
  CHECK(d.origin == "x.jsonl:7");
  CHECK(parse_document_json(R"({"text":"no id"})", "w").id.empty());

  const auto message = [](std::string_view json) -> std::string {
    try {
      parse_document_json(json, "w.jsonl:3");
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no error)";
  };
  CHECK(message(R"({"id":"b" "text":"x"})") ==
        "w.jsonl:3: malformed JSON at offset 10: Missing a comma or '}' after an object member.");
  CHECK(message(R"({"id":"b"})") == "w.jsonl:3: no \"text\" field");
  CHECK(message("[]") == "w.jsonl:3: not a JSON object (found an array)");
  CHECK(message("") == "w.jsonl:3: malformed JSON at offset 0: The document is empty.");
  CHECK(message(R"({"text":["a"]})") == "w.jsonl:3: \"text\" must be a string, not an array");
}
