// The timeline as an SVG line chart, drawn by PLplot's svg device.
#include <plplot.h>
#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "export/atomic_file.hpp"
#include "geokg/error.hpp"
#include "geokg/query/query.hpp"

namespace geokg::query {
namespace {

namespace fs = std::filesystem;

// Okabe and Ito's palette, which stays apart for the common colour
// blindnesses: blues for cooperation, orange and vermilion for conflict.
constexpr Rgb kQuadColours[] = {{86, 180, 233}, {0, 114, 178}, {230, 159, 0}, {213, 94, 0}};

Rgb series_colour(const std::string& name) {
  if (auto r = parse_relation(name)) return colour_of(*r);
  for (std::size_t q = 0; q < 4; ++q)
    if (name == to_string(static_cast<Quad>(q))) return kQuadColours[q];
  return {0, 0, 0};
}

// PLplot reports recoverable errors through this hook; the message is kept
// and turned into an exception once the stream is closed.
std::string g_plplot_error;
void keep_error(PLCHAR_VECTOR message) {
  if (g_plplot_error.empty()) g_plplot_error = message ? message : "unknown error";
}

// A private folder for PLplot's file, which it opens by name; removed on
// every path out.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = fmt::format("{}/geokg-plot-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!::mkdtemp(pattern.data()))
      throw ExportError(fmt::format("cannot create a temporary folder for the plot: {}",
                                    std::strerror(errno)));
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// '#' starts PLplot's text escapes; "##" is a literal one.
std::string pl_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '#') out += '#';
  }
  return out;
}

// Tick labels on the x axis: the period's name, or for weeks the Monday that
// starts it, which reads as a date.
struct AxisLabels {
  const Timeline* t;
  bool weeks;
};
void label_x(PLINT axis, PLFLT value, char* label, PLINT length, PLPointer data) {
  const auto* a = static_cast<const AxisLabels*>(data);
  const long i = std::lround(value);
  std::string text;
  if (axis == PL_X_AXIS) {
    if (i >= 0 && static_cast<std::size_t>(i) < a->t->periods.size() &&
        std::abs(value - static_cast<double>(i)) < 1e-6)
      text = a->weeks ? a->t->starts[i] : a->t->periods[i];
  } else {
    text = fmt::format("{}", i);
  }
  std::snprintf(label, static_cast<std::size_t>(length), "%s", text.c_str());
}

std::int64_t highest(const Timeline& t) {
  std::int64_t top = 0;
  for (const auto& dir : t.cells)
    for (const auto& c : dir)
      for (std::int64_t n : c.per_series) top = std::max(top, n);
  return top;
}

// Whole steps on the count axis, about five of them.
double count_step(std::int64_t top) {
  double step = 1;
  while (top / step > 8) step *= top / step > 20 ? 5 : 2;
  return step;
}

void draw_axes(const Timeline& t, AxisLabels& labels) {
  const std::size_t n = t.periods.size();
  const std::int64_t top = std::max<std::int64_t>(highest(t), 1);
  plvpor(0.1, 0.64, 0.14, 0.9);
  plwind(-0.5, static_cast<double>(n) - 0.5, 0, static_cast<double>(top) * 1.1);
  plslabelfunc(label_x, &labels);
  // Labels must not run into each other: a date is wider than a month.
  const double fit = labels.weeks ? 5 : t.periods.front().size() == 4 ? 10 : 7;
  const double xstep = std::max<double>(1, std::ceil(static_cast<double>(n) / fit));
  plcol0(15);
  plschr(0, 0.75);
  plbox("bcnsto", xstep, 1, "bcnstvog", count_step(top), 1);
  plschr(0, 0.9);
  const char* unit = labels.weeks ? "week starting" : t.periods.front().size() == 4 ? "year"
                                                                                   : "month";
  pllab(unit, "evidence sentences", pl_text(t.title).c_str());
}

void draw_series(const Timeline& t) {
  const std::size_t n = t.periods.size();
  const std::size_t lines = t.series.size() * t.directions.size();
  std::vector<PLINT> colours, styles, opts(lines, PL_LEGEND_LINE | PL_LEGEND_SYMBOL),
      text_colours(lines, 15), symbol_colours, symbol_numbers(lines, 1);
  std::vector<PLFLT> widths(lines, 2.0), scales(lines, 1.0);
  std::vector<std::string> names;
  std::vector<std::string> symbols;
  static const char* kMarks[] = {"#(840)", "#(841)", "#(842)", "#(844)", "#(850)", "#(852)"};
  std::vector<PLFLT> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i);
  std::size_t line = 0;
  for (std::size_t d = 0; d < t.directions.size(); ++d)
    for (std::size_t s = 0; s < t.series.size(); ++s, ++line) {
      const Rgb c = series_colour(t.series[s]);
      // Colour 0 is the background and 15 the text; the lines take 16 up.
      const PLINT index = static_cast<PLINT>(16 + line);
      plscol0(index, c.r, c.g, c.b);
      for (std::size_t i = 0; i < n; ++i) y[i] = static_cast<double>(t.cells[d][i].per_series[s]);
      plcol0(index);
      plwidth(2.0);
      pllsty(d == 0 ? 1 : 3);
      plline(static_cast<PLINT>(n), x.data(), y.data());
      const char* mark = kMarks[s % std::size(kMarks)];
      // Marks on the non-zero points only: on a long zero run they would
      // merge into a thick line.
      for (std::size_t i = 0; i < n; ++i)
        if (y[i] > 0) plstring(1, &x[i], &y[i], mark);
      colours.push_back(index);
      symbol_colours.push_back(index);
      styles.push_back(d == 0 ? 1 : 3);
      symbols.emplace_back(mark);
      names.push_back(pl_text(t.directions[d].empty() ? t.series[s]
                                                      : t.series[s] + "  " + t.directions[d]));
    }
  pllsty(1);
  std::vector<const char*> texts, marks;
  for (const auto& s : names) texts.push_back(s.c_str());
  for (const auto& s : symbols) marks.push_back(s.c_str());
  PLFLT width = 0, height = 0;
  plschr(0, 0.8);
  pllegend(&width, &height, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX,
           PL_POSITION_RIGHT | PL_POSITION_OUTSIDE, 0.02, 0.0, 0.06, 0, 15, 1,
           0, 0, static_cast<PLINT>(lines), opts.data(), 1.0, 1.0, 2.0, 0.0, text_colours.data(),
           texts.data(), nullptr, nullptr, nullptr, nullptr, colours.data(), styles.data(),
           widths.data(), symbol_colours.data(), scales.data(), symbol_numbers.data(),
           marks.data());
}

std::string draw(const Timeline& t, const fs::path& file) {
  g_plplot_error.clear();
  plsabort(keep_error);
  plsdev("svg");
  plsfnam(file.c_str());
  plspage(0, 0, 1000, 560, 0, 0);
  // Colour map 0 holds 16 colours unless told otherwise; one per line is added.
  plscmap0n(static_cast<PLINT>(16 + t.series.size() * t.directions.size()));
  plscolbg(255, 255, 255);
  plscol0(15, 0, 0, 0);
  plinit();
  pladv(0);
  AxisLabels labels{&t, t.periods.front().find("-W") != std::string::npos};
  draw_axes(t, labels);
  draw_series(t);
  plend();
  plsabort(nullptr);
  return g_plplot_error;
}

}  // namespace

void plot_svg(const Timeline& t, const std::string& path) {
  // The notes say why (no dated evidence, and how much is undated), since the
  // failed plot stops the command before they would be printed.
  if (t.periods.empty()) {
    std::string why;
    for (const std::string& n : t.notes) why += (why.empty() ? "" : "; ") + n;
    throw ExportError(fmt::format("{}: nothing to plot: {}", path, why));
  }
  ScratchDir scratch;
  const fs::path drawn = scratch.path() / "plot.svg";
  if (const std::string error = draw(t, drawn); !error.empty())
    throw ExportError(fmt::format("{}: PLplot: {}", path, error));
  std::ifstream in(drawn, std::ios::binary);
  std::ostringstream svg;
  svg << in.rdbuf();
  if (!in || svg.str().empty())
    throw ExportError(fmt::format("{}: PLplot wrote no SVG", path));
  exportutil::AtomicFile out(path);
  out.write(svg.str());
  out.commit();
}

}  // namespace geokg::query
