// Degree, PageRank and betweenness over the event edges of a graph.
#include <cmath>
#include <map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include "geokg/query/query.hpp"

namespace geokg::query {
namespace {

// Sentences supporting u -> v summed over relations; a symmetric relation
// also supports v -> u.  Keyed by vertex pair so parallel relations between
// one pair become one weighted arc, as the walk and the distances need.
std::map<std::pair<Vertex, Vertex>, double> arcs(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  std::map<std::pair<Vertex, Vertex>, double> out;
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const RelationEdge& p = g[e];
    if (p.kind != EdgeKind::event || p.weight == 0) continue;
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    if (s == t) continue;
    out[{s, t}] += p.weight;
    if (is_symmetric(p.relation)) out[{t, s}] += p.weight;
  }
  return out;
}

std::vector<double> pagerank_of(std::size_t n,
                                const std::map<std::pair<Vertex, Vertex>, double>& arcs,
                                double damping) {
  if (n == 0) return {};
  std::vector<double> out_weight(n, 0.0);
  for (const auto& [uv, w] : arcs) out_weight[uv.first] += w;

  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n);
  // Power iteration to a fixed point; the bound on iterations only matters
  // for damping factors close to 1, where convergence is slow.
  for (int iter = 0; iter < 1000; ++iter) {
    double dangling = 0;
    for (std::size_t v = 0; v < n; ++v)
      if (out_weight[v] == 0) dangling += rank[v];
    // A node that acts on no one would leak its rank; spreading it uniformly
    // is the usual random-surfer teleport and keeps the sum at 1.
    const double base =
        (1.0 - damping) / static_cast<double>(n) + damping * dangling / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
    for (const auto& [uv, w] : arcs)
      next[uv.second] += damping * rank[uv.first] * w / out_weight[uv.first];
    double change = 0;
    for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-13) break;
  }
  double sum = 0;
  for (double r : rank) sum += r;
  for (double& r : rank) r /= sum;
  return rank;
}

std::vector<double> betweenness_of(std::size_t n,
                                   const std::map<std::pair<Vertex, Vertex>, double>& arcs) {
  using Distances =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                            boost::property<boost::edge_weight_t, double>>;
  Distances d(n);
  // More sentences make a tie closer, so a strong tie is a short distance.
  for (const auto& [uv, w] : arcs) boost::add_edge(uv.first, uv.second, 1.0 / w, d);
  std::vector<double> central(n, 0.0);
  if (n == 0) return central;
  boost::brandes_betweenness_centrality(
      d, boost::centrality_map(boost::make_iterator_property_map(
                                   central.begin(), boost::get(boost::vertex_index, d)))
             .weight_map(boost::get(boost::edge_weight, d)));
  return central;
}

}  // namespace

std::vector<double> pagerank(const KnowledgeGraph& g, double damping) {
  return pagerank_of(boost::num_vertices(g.graph()), arcs(g), damping);
}

std::vector<double> betweenness(const KnowledgeGraph& g) {
  return betweenness_of(boost::num_vertices(g.graph()), arcs(g));
}

Centrality centrality(const KnowledgeGraph& kg, bool with_betweenness, double damping) {
  const Graph& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  Centrality c;
  c.in.assign(n, 0.0);
  c.out.assign(n, 0.0);
  c.degree.assign(n, 0.0);
  for (Edge e : boost::make_iterator_range(boost::edges(g))) {
    const RelationEdge& p = g[e];
    if (p.kind != EdgeKind::event) continue;
    c.out[boost::source(e, g)] += p.weight;
    c.in[boost::target(e, g)] += p.weight;
  }
  for (std::size_t v = 0; v < n; ++v) c.degree[v] = c.in[v] + c.out[v];
  const auto a = arcs(kg);
  c.pagerank = pagerank_of(n, a, damping);
  if (with_betweenness) c.betweenness = betweenness_of(n, a);
  return c;
}

}  // namespace geokg::query
