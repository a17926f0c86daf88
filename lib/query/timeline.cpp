// geokg query timeline: evidence per period, per relation or quad class.
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>

#include "export/text_util.hpp"
#include "geokg/error.hpp"
#include "geokg/query/query.hpp"

namespace geokg::query {
namespace {

using namespace std::chrono;

int digits_at(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// The day of a date that starts YYYY-MM-DD (a time may follow), read as the
// exports read it; nullopt for anything else, which a graph file edited by
// hand may hold.
std::optional<sys_days> day_of(std::string_view date) {
  const std::string d = exportutil::xsd_date(date);
  if (d.empty()) return std::nullopt;
  return sys_days{year{digits_at(d, 0, 4)} / month{static_cast<unsigned>(digits_at(d, 5, 2))} /
                  day{static_cast<unsigned>(digits_at(d, 8, 2))}};
}

// A checked --since or --until (YYYY, YYYY-MM or YYYY-MM-DD) as the first or
// the last day it admits.
sys_days bound_day(std::string_view d, bool last) {
  const year y{digits_at(d, 0, 4)};
  if (d.size() == 4) return sys_days{last ? y / December / 31 : y / January / 1};
  const month m{static_cast<unsigned>(digits_at(d, 5, 2))};
  if (d.size() == 7) return last ? sys_days{y / m / std::chrono::last} : sys_days{y / m / 1};
  return *day_of(d);
}

std::string iso(sys_days d) {
  const year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

sys_days period_start(sys_days d, Period p) {
  const year_month_day ymd{d};
  switch (p) {
    case Period::week:
      return d - days{weekday{d}.iso_encoding() - 1};
    case Period::month:
      return sys_days{ymd.year() / ymd.month() / 1};
    case Period::year:
      return sys_days{ymd.year() / January / 1};
  }
  return d;
}

sys_days next_start(sys_days start, Period p) {
  const year_month_day ymd{start};
  switch (p) {
    case Period::week:
      return start + days{7};
    case Period::month:
      return sys_days{ymd + months{1}};
    case Period::year:
      return sys_days{ymd + years{1}};
  }
  return start;
}

// ISO 8601: a week belongs to the year of its Thursday.
std::string period_name(sys_days start, Period p) {
  const year_month_day ymd{start};
  switch (p) {
    case Period::week: {
      const sys_days thursday = start + days{3};
      const year y = year_month_day{thursday}.year();
      const auto week = (thursday - sys_days{y / January / 1}).count() / 7 + 1;
      return fmt::format("{:04}-W{:02}", static_cast<int>(y), week);
    }
    case Period::month:
      return fmt::format("{:04}-{:02}", static_cast<int>(ymd.year()),
                         static_cast<unsigned>(ymd.month()));
    case Period::year:
      return fmt::format("{:04}", static_cast<int>(ymd.year()));
  }
  return {};
}

std::string_view period_word(Period p) {
  return p == Period::week ? "week" : p == Period::month ? "month" : "year";
}

// Which direction an edge counts in for the actors asked about: the whole
// graph has one; an actor acts (0) or is acted on (1); a pair A, B has A->B (0)
// and B->A (1).  -1: the edge is outside the question.
struct Scope {
  std::vector<std::string> ids;

  int direction(const std::string& source, const std::string& target) const {
    if (ids.empty()) return 0;
    if (ids.size() == 1) return source == ids[0] ? 0 : target == ids[0] ? 1 : -1;
    if (source == ids[0] && target == ids[1]) return 0;
    if (source == ids[1] && target == ids[0]) return 1;
    return -1;
  }
  std::vector<std::string> labels() const {
    if (ids.empty()) return {""};
    const std::string other = ids.size() == 1 ? "any" : ids[1];
    return {ids[0] + "->" + other, other + "->" + ids[0]};
  }
};

// One dated evidence item inside the question.
struct Hit {
  int direction;
  std::size_t series;  // relation or quad index
  sys_days day;
  const std::string* doc;
};

std::size_t series_index(Relation r, Series per) {
  return per == Series::relation ? static_cast<std::size_t>(r)
                                 : static_cast<std::size_t>(quad_of(r));
}

// Evidence that no timeline can place, counted so that it is reported.
struct Undated {
  std::size_t items = 0;
  std::set<std::string> docs;
};

template <typename Visit>
void each_evidence(const KnowledgeGraph& view, const Scope& scope, Visit visit) {
  const Graph& g = view.graph();
  for (Edge e : view.sorted_edges()) {
    const int dir = scope.direction(g[boost::source(e, g)].id, g[boost::target(e, g)].id);
    if (dir < 0) continue;
    for (const Evidence& ev : g[e].evidence) visit(dir, g[e].relation, ev);
  }
}

std::vector<std::string> series_names(Series per, const std::vector<std::size_t>& used) {
  std::vector<std::string> out;
  for (std::size_t i : used)
    out.emplace_back(per == Series::relation ? to_string(static_cast<Relation>(i))
                                             : to_string(static_cast<Quad>(i)));
  return out;
}

// The series shown: every quad class, or the relations that occur or were
// asked for by --type, in PLOVER's order.
std::vector<std::size_t> used_series(const TimelineQuery& q, const std::vector<Hit>& hits) {
  if (q.per == Series::quad) return {0, 1, 2, 3};
  std::set<std::size_t> seen;
  for (const Hit& h : hits) seen.insert(h.series);
  for (Relation r : q.selection.relations) seen.insert(static_cast<std::size_t>(r));
  return {seen.begin(), seen.end()};
}

std::string title(const TimelineQuery& q, const Scope& scope) {
  const std::string who = scope.ids.empty()       ? std::string("All actors")
                          : scope.ids.size() == 1 ? scope.ids[0]
                                                  : scope.ids[0] + " and " + scope.ids[1];
  const std::string status =
      q.selection.status ? std::string(to_string(*q.selection.status)) : "all";
  return fmt::format("{}: evidence per {} ({})", who, period_word(q.by), status);
}

// The days the periods cover: the range asked for, else the evidence's own
// (which select() has already kept inside the range).
std::optional<std::pair<sys_days, sys_days>> span(const Selection& s,
                                                  const std::vector<Hit>& hits) {
  std::optional<sys_days> lo, hi;
  for (const Hit& h : hits) {
    lo = lo ? std::min(*lo, h.day) : h.day;
    hi = hi ? std::max(*hi, h.day) : h.day;
  }
  if (!s.since.empty()) lo = bound_day(s.since, false);
  if (!s.until.empty()) hi = bound_day(s.until, true);
  if (!lo || !hi) return std::nullopt;
  return std::pair{*lo, *hi};
}

void fill(Timeline& t, Period by, std::pair<sys_days, sys_days> days,
          const std::vector<Hit>& hits, const std::vector<std::size_t>& used) {
  std::map<sys_days, std::size_t> index;
  for (sys_days s = period_start(days.first, by); s <= days.second; s = next_start(s, by)) {
    index[s] = t.periods.size();
    t.periods.push_back(period_name(s, by));
    t.starts.push_back(iso(s));
  }
  std::map<std::size_t, std::size_t> column;
  for (std::size_t i = 0; i < used.size(); ++i) column[used[i]] = i;
  Timeline::Cells zero;
  zero.per_series.assign(used.size(), 0);
  t.cells.assign(t.directions.size(), std::vector<Timeline::Cells>(t.periods.size(), zero));
  std::vector<std::vector<std::set<std::string>>> docs(
      t.directions.size(), std::vector<std::set<std::string>>(t.periods.size()));
  for (const Hit& h : hits) {
    const std::size_t p = index.at(period_start(h.day, by));
    Timeline::Cells& c = t.cells[h.direction][p];
    ++c.evidence;
    ++c.per_series[column.at(h.series)];
    docs[h.direction][p].insert(*h.doc);
  }
  for (std::size_t d = 0; d < docs.size(); ++d)
    for (std::size_t p = 0; p < docs[d].size(); ++p)
      t.cells[d][p].documents = static_cast<std::int64_t>(docs[d][p].size());
}

}  // namespace

Period parse_period(std::string_view name) {
  if (name == "week") return Period::week;
  if (name == "month") return Period::month;
  if (name == "year") return Period::year;
  throw QueryError(fmt::format("unknown period '{}' (expected week, month or year)", name));
}

Series parse_series(std::string_view name) {
  if (name == "relation") return Series::relation;
  if (name == "quad") return Series::quad;
  throw QueryError(fmt::format("unknown series '{}' (expected relation or quad)", name));
}

Timeline Engine::timeline(const TimelineQuery& q) const {
  check_range(q.selection);
  if (q.actors.size() > 2) throw QueryError("timeline takes at most two actors");
  Scope scope;
  if (q.actors.size() == 2) {
    auto [a, b] = resolve_pair(q.actors[0], q.actors[1]);
    scope.ids = {std::move(a), std::move(b)};
  } else if (q.actors.size() == 1) {
    scope.ids = {resolve(q.actors[0])};
  }

  std::vector<Hit> hits;
  Undated undated;
  const KnowledgeGraph view = select(graph_, q.selection);
  each_evidence(view, scope, [&](int dir, Relation r, const Evidence& ev) {
    if (auto d = day_of(ev.date)) hits.push_back({dir, series_index(r, q.per), *d, &ev.doc});
  });
  // A date range leaves undated evidence out of the view, yet it may belong
  // inside the range, so it is looked for without one.
  Selection all_dates = q.selection;
  all_dates.since.clear();
  all_dates.until.clear();
  each_evidence(select(graph_, all_dates), scope, [&](int, Relation, const Evidence& ev) {
    if (day_of(ev.date)) return;
    ++undated.items;
    undated.docs.insert(ev.doc);
  });

  Timeline t;
  t.title = title(q, scope);
  t.directions = scope.labels();
  const std::vector<std::size_t> used = used_series(q, hits);
  t.series = series_names(q.per, used);
  if (const auto days = span(q.selection, hits))
    fill(t, q.by, *days, hits, used);
  else
    t.notes.push_back("no dated evidence matches");
  if (undated.items > 0)
    t.notes.push_back(
        fmt::format("{} evidence sentence{} from {} document{} {} no date and {} "
                    "not counted",
                    undated.items, undated.items == 1 ? "" : "s", undated.docs.size(),
                    undated.docs.size() == 1 ? "" : "s", undated.items == 1 ? "has" : "have",
                    undated.items == 1 ? "is" : "are"));
  return t;
}

}  // namespace geokg::query

namespace geokg::query {

Table to_table(const Timeline& t) {
  Table out;
  out.command = "timeline";
  const bool directed = t.directions.size() > 1;
  out.columns = {"period", "start"};
  if (directed) out.columns.push_back("direction");
  out.columns.insert(out.columns.end(), {"evidence", "documents"});
  out.columns.insert(out.columns.end(), t.series.begin(), t.series.end());
  for (std::size_t p = 0; p < t.periods.size(); ++p)
    for (std::size_t d = 0; d < t.directions.size(); ++d) {
      const Timeline::Cells& c = t.cells[d][p];
      std::vector<Cell> row{t.periods[p], t.starts[p]};
      if (directed) row.emplace_back(t.directions[d]);
      row.emplace_back(c.evidence);
      row.emplace_back(c.documents);
      for (std::int64_t n : c.per_series) row.emplace_back(n);
      out.rows.push_back(std::move(row));
    }
  out.notes = t.notes;
  return out;
}

}  // namespace geokg::query
