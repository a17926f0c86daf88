// geokg's interactive graph page: draws the graph embedded as JSON with
// cytoscape.js and the timeline with Chart.js, both inlined by geokg.  Text
// from the graph is only ever set as textContent, never parsed as HTML.
"use strict";

const GRAPH = JSON.parse(document.getElementById("graph-data").textContent);

// Paul Tol's colour-blind-safe palettes.  Cooperation is blue, cyan and teal,
// conflict yellow, orange, red and purple, with no green: red-green blindness
// would merge it with the conflict colours.  Verbal relations are dashed and
// material ones solid, so ASSAULT (dark wine) and COERCE (light orange), or
// CONSULT (light cyan, dashed) and AID (dark blue, solid), differ in lightness
// and line as well as in hue.
const RELATIONS = {
  AGREE: "#0077BB", CONSULT: "#88CCEE", SUPPORT: "#332288",
  CONCEDE: "#44AA99", COOPERATE: "#33BBEE", AID: "#004488", RETREAT: "#77AADD",
  REQUEST: "#DDCC77", ACCUSE: "#DDAA33", REJECT: "#CC6677", THREATEN: "#EE3377",
  PROTEST: "#AA4499", SANCTION: "#CC3311", MOBILIZE: "#BB5566", COERCE: "#EE7733",
  ASSAULT: "#882255",
};
const AFFILIATION = "#999999";
const QUADS = {
  "verbal-cooperation": "#88CCEE", "material-cooperation": "#004488",
  "verbal-conflict": "#EE7733", "material-conflict": "#882255",
};
const STATUSES = ["fact", "hypothetical", "negated"];

const TEXT = {
  en: {
    search: "Find an actor (German or English name, or code)", language: "Names",
    quad: "Quad class", relation: "Relation", status: "Status", dates: "Dates",
    from: "from", to: "to", undated: "relations without a date", all: "all", none: "none",
    "verbal-cooperation": "verbal cooperation", "material-cooperation": "material cooperation",
    "verbal-conflict": "verbal conflict", "material-conflict": "material conflict",
    fact: "fact", hypothetical: "hypothetical", negated: "negated", affiliation: "affiliation",
    legend: "Dashed: verbal, solid: material; faint: not a fact. Node size: number of events.",
    summary: (n, e, an, ae) => `${n} of ${an} actors, ${e} of ${ae} relations shown`,
    pick: "Click an actor or a relation to see its evidence and timeline.",
    pairTimeline: "Events per month between the two actors (shown relations)",
    actorTimeline: "Events per month of this actor (shown relations)",
    noDates: "No dated evidence to draw a timeline.",
    seen: (w, d, f, l) => `${w} sentence${w === 1 ? "" : "s"} in ${d} document${d === 1 ? "" : "s"}` +
      (f ? `, ${f === l ? f : f + " to " + l}` : ""),
    doc: "document", sentence: "sentence", said: "according to", trigger: "trigger",
    more: (n) => `+${n} more sentences not listed`,
  },
  de: {
    search: "Akteur suchen (deutscher oder englischer Name, Code)", language: "Namen",
    quad: "Quad-Klasse", relation: "Relation", status: "Status", dates: "Datum",
    from: "von", to: "bis", undated: "Relationen ohne Datum", all: "alle", none: "keine",
    "verbal-cooperation": "verbale Kooperation", "material-cooperation": "materielle Kooperation",
    "verbal-conflict": "verbaler Konflikt", "material-conflict": "materieller Konflikt",
    fact: "Tatsache", hypothetical: "hypothetisch", negated: "verneint",
    affiliation: "Zugehörigkeit",
    legend: "Gestrichelt: verbal, durchgezogen: materiell; blass: keine Tatsache. " +
      "Knotengröße: Zahl der Ereignisse.",
    summary: (n, e, an, ae) => `${n} von ${an} Akteuren, ${e} von ${ae} Relationen sichtbar`,
    pick: "Akteur oder Relation anklicken: Belege und Zeitverlauf erscheinen hier.",
    pairTimeline: "Ereignisse pro Monat zwischen den beiden Akteuren (sichtbare Relationen)",
    actorTimeline: "Ereignisse pro Monat dieses Akteurs (sichtbare Relationen)",
    noDates: "Keine datierten Belege für einen Zeitverlauf.",
    seen: (w, d, f, l) => `${w} Satz/Sätze in ${d} Dokument(en)` +
      (f ? `, ${f === l ? f : f + " bis " + l}` : ""),
    doc: "Dokument", sentence: "Satz", said: "laut", trigger: "Auslöser",
    more: (n) => `+${n} weitere Sätze nicht aufgeführt`,
  },
};
const MAX_LISTED = 200;

let lang = (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";
const t = (key) => TEXT[lang][key];
const el = (id) => document.getElementById(id);

function make(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function nodeName(n) {
  const preferred = lang === "de" ? n.name_de : n.name_en;
  return preferred || n.label || n.name_en || n.name_de || n.id;
}

// Case, accents and umlauts do not matter: "suedkorea" and "Sudkorea" both
// find Südkorea.
function fold(s) {
  return (s || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/ß/g, "ss");
}

function edgeColour(e) {
  return e.kind === "event" ? RELATIONS[e.relation] || AFFILIATION : AFFILIATION;
}

function elements() {
  const activity = new Map(GRAPH.nodes.map((n) => [n.id, 0]));
  for (const e of GRAPH.edges) {
    if (e.kind !== "event") continue;
    activity.set(e.source, activity.get(e.source) + e.weight);
    activity.set(e.target, activity.get(e.target) + e.weight);
  }
  const nodes = GRAPH.nodes.map((n, i) => ({
    group: "nodes",
    data: { id: "n" + i, key: n.id, index: i, type: n.type, label: nodeName(n),
            size: 22 + 9 * Math.sqrt(activity.get(n.id)) },
  }));
  const nodeIds = new Map(GRAPH.nodes.map((n, i) => [n.id, "n" + i]));
  const edges = GRAPH.edges.map((e, i) => ({
    group: "edges",
    data: { id: "e" + i, index: i, source: nodeIds.get(e.source), target: nodeIds.get(e.target),
            colour: edgeColour(e), width: 1.5 + 1.6 * Math.log2(1 + e.weight),
            label: e.kind === "event" ? e.relation : t("affiliation") },
    classes: [e.kind, e.kind === "event" ? e.quad.split("-")[0] : "", e.status || ""].join(" "),
  }));
  return nodes.concat(edges);
}

const STYLE = [
  { selector: "node", style: {
    width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 13,
    "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff",
    "text-outline-width": 2.5, "background-color": "#d9d9d9", "border-width": 1.5,
    "border-color": "#555", "min-zoomed-font-size": 7 } },
  { selector: "node[type = 'organisation']", style: { shape: "round-rectangle",
    "background-color": "#f1e9d2" } },
  { selector: "node[type = 'group']", style: { shape: "diamond", "background-color": "#f4d9d9" } },
  { selector: "node[type = 'person']", style: { shape: "ellipse", "background-color": "#e3e3f3" } },
  { selector: "edge", style: {
    "curve-style": "bezier", width: "data(width)", "line-color": "data(colour)",
    "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
    "arrow-scale": 0.9, opacity: 0.9 } },
  { selector: "edge.verbal", style: { "line-style": "dashed", "line-dash-pattern": [7, 4] } },
  { selector: "edge.affiliation", style: { "line-style": "dotted", "target-arrow-shape": "none" } },
  { selector: "edge.hypothetical, edge.negated", style: { opacity: 0.4 } },
  { selector: "edge.negated", style: { "target-arrow-shape": "tee" } },
  { selector: ".hidden", style: { display: "none" } },
  { selector: "edge:selected, edge.picked", style: {
    label: "data(label)", "font-size": 11, "text-rotation": "autorotate",
    "text-background-color": "#fff", "text-background-opacity": 0.85, opacity: 1,
    "underlay-color": "#000", "underlay-opacity": 0.15, "underlay-padding": 3 } },
  { selector: "node:selected, node.picked", style: { "border-width": 4, "border-color": "#000" } },
  { selector: ".faded", style: { opacity: 0.3 } },
];

const cy = cytoscape({ container: el("graph"), elements: elements(), style: STYLE,
                       minZoom: 0.1, maxZoom: 4 });
let chart = null;
let picked = null;

// A circle first, then the force layout from there: with no random start the
// same graph is drawn the same way every time.
function layout() {
  cy.layout({ name: "circle", animate: false }).run();
  const lay = cy.layout({ name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
                          idealEdgeLength: () => 90, nodeRepulsion: () => 90000,
                          numIter: 1500, padding: 30 });
  lay.one("layoutstop", () => { cy.fit(undefined, 30); document.body.dataset.ready = "1"; });
  lay.run();
}

// ---- filters ---------------------------------------------------------------

const filter = { relation: new Set(), quad: new Set(), status: new Set(), from: "", to: "",
                 undated: true };

function checkbox(parent, value, text, set, swatch) {
  const label = make("label");
  const box = make("input");
  box.type = "checkbox"; box.checked = true; box.value = value;
  box.addEventListener("change", () => {
    if (box.checked) set.add(value); else set.delete(value);
    applyFilters();
  });
  set.add(value);
  label.append(box);
  if (swatch) {
    const line = make("span", undefined, "swatch");
    line.style.borderTopStyle = swatch.dashed ? "dashed" : swatch.dotted ? "dotted" : "solid";
    line.style.borderTopColor = swatch.colour;
    label.append(line);
  }
  label.append(make("span", text));
  label.dataset.key = value;
  parent.append(label);
  return box;
}

function buildFilters() {
  const present = (key) => new Set(GRAPH.edges.map((e) => e[key]).filter(Boolean));
  const quads = present("quad");
  for (const q of Object.keys(QUADS))
    if (quads.has(q)) checkbox(el("f-quad"), q, t(q), filter.quad, { colour: QUADS[q], dashed: q.startsWith("verbal") });
  const relations = present("relation");
  for (const [r, colour] of Object.entries(RELATIONS)) {
    if (!relations.has(r)) continue;
    const quad = GRAPH.edges.find((e) => e.relation === r).quad;
    checkbox(el("f-relation"), r, r, filter.relation, { colour, dashed: quad.startsWith("verbal") });
  }
  if (GRAPH.edges.some((e) => e.kind === "affiliation"))
    checkbox(el("f-relation"), "affiliation", t("affiliation"), filter.relation,
             { colour: AFFILIATION, dotted: true });
  const statuses = present("status");
  for (const s of STATUSES) if (statuses.has(s)) checkbox(el("f-status"), s, t(s), filter.status);
  el("rel-all").addEventListener("click", () => setAllRelations(true));
  el("rel-none").addEventListener("click", () => setAllRelations(false));

  const dates = GRAPH.edges.flatMap((e) => e.evidence.map((v) => v.date)).filter(Boolean).sort();
  if (dates.length) {
    for (const id of ["date-from", "date-to"]) {
      el(id).min = dates[0].slice(0, 10);
      el(id).max = dates[dates.length - 1].slice(0, 10);
    }
  }
  el("date-from").addEventListener("change", () => { filter.from = el("date-from").value; applyFilters(); });
  el("date-to").addEventListener("change", () => { filter.to = el("date-to").value; applyFilters(); });
  el("undated").addEventListener("change", () => { filter.undated = el("undated").checked; applyFilters(); });
}

function setAllRelations(on) {
  for (const box of el("f-relation").querySelectorAll("input")) {
    box.checked = on;
    if (on) filter.relation.add(box.value); else filter.relation.delete(box.value);
  }
  applyFilters();
}

function inDates(v) {
  if (!v.date) return filter.undated;
  const day = v.date.slice(0, 10);
  return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
}

function edgeShown(e) {
  if (e.kind === "affiliation") return filter.relation.has("affiliation");
  if (!filter.relation.has(e.relation) || !filter.quad.has(e.quad) || !filter.status.has(e.status))
    return false;
  return e.evidence.length === 0 ? filter.undated : e.evidence.some(inDates);
}

function applyFilters() {
  cy.batch(() => {
    cy.edges().forEach((edge) => edge.toggleClass("hidden", !edgeShown(GRAPH.edges[edge.data("index")])));
    // An actor whose every relation is filtered out goes too; one that never had any stays.
    cy.nodes().forEach((node) => {
      const all = node.connectedEdges();
      node.toggleClass("hidden", all.length > 0 && all.every((x) => x.hasClass("hidden")));
    });
  });
  updateSummary();
  if (picked && picked.hasClass("hidden")) unpick(); else if (picked) show(picked);
}

function updateSummary() {
  const nodes = cy.nodes().not(".hidden").length;
  const edges = cy.edges().not(".hidden").length;
  const summary = el("summary");
  summary.textContent = t("summary")(nodes, edges, cy.nodes().length, cy.edges().length);
  summary.dataset.nodes = nodes;
  summary.dataset.edges = edges;
}

// ---- search ----------------------------------------------------------------

function searchActors() {
  const query = fold(el("search").value.trim());
  const list = el("matches");
  list.replaceChildren();
  if (!query) return;
  const hits = GRAPH.nodes
    .map((n, i) => ({ n, i, keys: [n.name_de, n.name_en, n.label, n.code, n.id].map(fold) }))
    .filter((h) => h.keys.some((k) => k.includes(query)))
    .sort((a, b) => Number(!a.keys.some((k) => k.startsWith(query))) -
                    Number(!b.keys.some((k) => k.startsWith(query))))
    .slice(0, 12);
  for (const { n, i } of hits) {
    const other = lang === "de" ? n.name_en : n.name_de;
    const button = make("button", `${nodeName(n)}${other && other !== nodeName(n) ? " · " + other : ""} (${n.code || n.id})`);
    button.type = "button";
    button.addEventListener("click", () => {
      const node = cy.getElementById("n" + i);
      node.removeClass("hidden");
      pick(node);
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    });
    const item = make("li");
    item.append(button);
    list.append(item);
  }
}

// ---- details: evidence and timeline ------------------------------------------

function pick(ele) {
  cy.elements().removeClass("picked faded");
  picked = ele;
  ele.addClass("picked");
  const near = ele.isNode() ? ele.closedNeighborhood() : ele.connectedNodes().union(ele);
  cy.elements().not(near).addClass("faded");
  show(ele);
}

function unpick() {
  picked = null;
  cy.elements().removeClass("picked faded");
  el("d-title").textContent = t("pick");
  el("d-meta").textContent = "";
  el("evidence").replaceChildren();
  drawTimeline([]);
}

function edgeTitle(e) {
  const name = (id) => nodeName(GRAPH.nodes.find((n) => n.id === id));
  const what = e.kind === "event" ? `${e.relation} (${t(e.status)})` : t("affiliation");
  return `${name(e.source)} → ${name(e.target)}: ${what}`;
}

function show(ele) {
  const list = el("evidence");
  list.replaceChildren();
  if (ele.isEdge()) {
    const e = GRAPH.edges[ele.data("index")];
    el("d-title").textContent = edgeTitle(e);
    el("d-meta").textContent = t("seen")(e.weight, e.documents, e.first_seen, e.last_seen);
    listEvidence(list, e.evidence, MAX_LISTED);
    const pair = ele.connectedNodes();
    drawTimeline(pair.length === 1 ? pair.connectedEdges() : pair[0].edgesWith(pair[1]), t("pairTimeline"));
  } else {
    const n = GRAPH.nodes[ele.data("index")];
    const other = lang === "de" ? n.name_en : n.name_de;
    el("d-title").textContent = nodeName(n);
    el("d-meta").textContent = [other, n.code, n.type].filter(Boolean).join(" · ");
    let room = MAX_LISTED;
    for (const edge of ele.connectedEdges().not(".hidden")) {
      const e = GRAPH.edges[edge.data("index")];
      list.append(make("li", `${edgeTitle(e)} · ${e.weight}`, "group"));
      room = listEvidence(list, e.evidence, room);
    }
    drawTimeline(ele.connectedEdges(), t("actorTimeline"));
  }
}

// Lists up to `room` sentences and says how many more there are; returns the room left.
function listEvidence(list, evidence, room) {
  const shown = evidence.slice(0, Math.max(room, 0));
  for (const v of shown) {
    const item = make("li");
    item.dataset.doc = v.doc;
    item.append(make("div", v.text, "sentence"));
    const source = make("div", undefined, "source");
    const meta = [`${t("doc")} ${v.doc}`, `${t("sentence")} ${v.sentence}`];
    if (v.date) meta.push(v.date);
    if (v.trigger) meta.push(`${t("trigger")} „${v.trigger}“`);
    if (v.attributed_to) meta.push(`${t("said")} ${v.attributed_to}`);
    source.append(make("span", meta.join(" · ")));
    const doc = (GRAPH.documents || {})[v.doc] || {};
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      const link = make("a", doc.url);
      link.href = doc.url; link.target = "_blank"; link.rel = "noopener noreferrer";
      source.append(" · ", link);
    }
    item.append(source);
    list.append(item);
  }
  if (evidence.length > shown.length) list.append(make("li", t("more")(evidence.length - shown.length), "group"));
  return room - shown.length;
}

function months(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) { m = 1; ++y; }
  }
  return out;
}

// Counts the dated sentences of the shown edges per month and quad class.
function drawTimeline(edges, title) {
  if (chart) { chart.destroy(); chart = null; }
  const counts = new Map();
  for (const edge of edges) {
    if (edge.hasClass("hidden")) continue;
    const e = GRAPH.edges[edge.data("index")];
    if (e.kind !== "event") continue;
    for (const v of e.evidence) {
      if (!/^\d{4}-\d{2}/.test(v.date || "") || !inDates(v)) continue;
      const key = `${e.quad}|${v.date.slice(0, 7)}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  const box = el("timeline-box");
  box.dataset.points = [...counts.values()].reduce((a, b) => a + b, 0);
  const keys = [...counts.keys()].map((k) => k.split("|")[1]).sort();
  box.hidden = edges.length === 0;
  if (!keys.length) {
    box.dataset.note = edges.length ? t("noDates") : "";
    if (edges.length) { el("d-meta").append(make("div", t("noDates"))); }
    box.hidden = true;
    return;
  }
  const labels = months(keys[0], keys[keys.length - 1]);
  const datasets = Object.keys(QUADS)
    .filter((q) => labels.some((m) => counts.has(`${q}|${m}`)))
    .map((q) => ({ label: t(q), backgroundColor: QUADS[q],
                   data: labels.map((m) => counts.get(`${q}|${m}`) || 0) }));
  chart = new Chart(el("timeline"), {
    type: "bar", data: { labels, datasets },
    options: { animation: false, maintainAspectRatio: false,
               plugins: { title: { display: true, text: title },
                          legend: { labels: { boxWidth: 12 } } },
               scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
                                                   ticks: { precision: 0 } } } },
  });
}

// ---- language --------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = lang;
  el("lang").value = lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const label of document.querySelectorAll("#f-quad label, #f-status label, #f-relation label")) {
    const key = label.dataset.key;
    if (TEXT[lang][key] !== undefined) label.lastChild.textContent = t(key);
  }
  cy.nodes().forEach((node) => node.data("label", nodeName(GRAPH.nodes[node.data("index")])));
  cy.edges(".affiliation").forEach((edge) => edge.data("label", t("affiliation")));
  updateSummary();
  searchActors();
  if (picked) show(picked); else unpick();
}

buildFilters();
el("search").addEventListener("input", searchActors);
el("search").addEventListener("keydown", (ev) => {
  const first = el("matches").querySelector("button");
  if (ev.key === "Enter" && first) first.click();
});
el("lang").addEventListener("change", () => { lang = el("lang").value; applyLanguage(); });
cy.on("tap", "node, edge", (ev) => pick(ev.target));
cy.on("tap", (ev) => { if (ev.target === cy) unpick(); });
applyLanguage();
layout();
