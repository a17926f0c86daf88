"""The interactive page (-o graph.html) in a real browser: headless Chromium,
driven over the DevTools protocol (python3-websocket), opens the page with
every request logged and refused.  Checked: no console error, the nodes and
edges drawn equal the graph's, a real click on an edge lists exactly that
edge's evidence and draws its timeline, and nothing but the page itself is
requested.  Hostile evidence stays text.  A missing browser library is a clear
error that keeps the old output.

usage: html_page_test.py GEOKG [--screenshot PNG]
With --screenshot only the example page is drawn and saved (scripts/examples.sh).
"""
import argparse
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import networkx
    import websocket
except ImportError as e:
    sys.exit(f"{e}: run scripts/install-deps.sh (python3-networkx, python3-websocket)")

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "graphs" / "example.json"
GNAD = ROOT.parent / "shared" / "corpus" / "gnad-test.jsonl"
CHROMIUM = shutil.which("chromium")
WIDTH, HEIGHT = 1400, 900


class Browser:
    """One headless Chromium with one page, closed on exit."""

    def __init__(self, workdir):
        if not CHROMIUM:
            sys.exit("chromium is missing: run scripts/install-deps.sh")
        self.profile = pathlib.Path(workdir) / "profile"
        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-extensions",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        port = self._port()
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120,
                                              suppress_origin=True)
        self.next_id = 0
        self.errors, self.warnings, self.requests, self.dialogs = [], [], [], []
        self.allowed = None
        for method in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(method)
        self.call("Fetch.enable", patterns=[{"urlPattern": "*"}])
        self.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT,
                  deviceScaleFactor=1, mobile=False)

    def _port(self):
        # Chromium writes the port it picked once it listens.
        marker = self.profile / "DevToolsActivePort"
        for _ in range(600):
            if marker.exists() and marker.read_text().count("\n") >= 1:
                return int(marker.read_text().split("\n")[0])
            if self.proc.poll() is not None:
                sys.exit(f"chromium exited with status {self.proc.returncode}")
            time.sleep(0.1)
        sys.exit("chromium did not open its DevTools port")

    def close(self):
        # Chromium's helpers (zygote, crash handler) share its process group.
        self.ws.close()
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait()
        for _ in range(100):
            try:
                os.killpg(self.proc.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.killpg(self.proc.pid, signal.SIGKILL)

    def _event(self, msg):
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Fetch.requestPaused":
            url = params["request"]["url"]
            self.requests.append(url)
            verdict = ("Fetch.continueRequest" if url == self.allowed else "Fetch.failRequest")
            extra = {} if url == self.allowed else {"errorReason": "BlockedByClient"}
            self.send(verdict, requestId=params["requestId"], **extra)
        elif method == "Runtime.exceptionThrown":
            self.errors.append(json.dumps(params["exceptionDetails"])[:2000])
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            (self.errors if params["type"] in ("error", "assert") else
             self.warnings if params["type"] == "warning" else []).append(text)
        elif method == "Log.entryAdded":
            entry = params["entry"]
            if entry["level"] == "error":
                self.errors.append(f'{entry.get("url", "")}: {entry["text"]}')
            elif entry["level"] == "warning":
                self.warnings.append(entry["text"])
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params["message"])
            self.send("Page.handleJavaScriptDialog", accept=True)

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        return self.next_id

    def call(self, method, **params):
        wanted = self.send(method, **params)
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == wanted:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self._event(msg)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, path):
        self.allowed = path.resolve().as_uri()
        self.call("Page.navigate", url=self.allowed)
        # The page marks itself ready once the layout has run.
        for _ in range(1200):
            if self.evaluate("document.body && document.body.dataset.ready === '1'"):
                return
            time.sleep(0.1)
        raise AssertionError(f"{path}: the page never became ready; errors: {self.errors}")

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)

    def screenshot(self, png):
        import base64
        data = self.call("Page.captureScreenshot", format="png")["data"]
        pathlib.Path(png).write_bytes(base64.b64decode(data))


def geokg(exe, *args, env=None):
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env)


def build_page(exe, out, *sources):
    """The page and a GraphML of the same graph, from one run."""
    graphml = out.with_suffix(".graphml")
    command = "merge" if sources[0].suffix == ".json" else "build"
    run = geokg(exe, command, *map(str, sources), "-o", str(out), "-o", str(graphml), "-j", "1"
                ) if command == "build" else geokg(exe, command, *map(str, sources),
                                                   "-o", str(out), "-o", str(graphml))
    assert run.returncode in (0, 3), run.stderr
    return networkx.read_graphml(graphml)


def shown_counts(graph, reference):
    """What the page must draw: the graph's nodes and edges (GraphML, read by networkx)."""
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "reference": reference}


def check_drawn(browser, expected, what):
    drawn = browser.evaluate(
        "({nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length,"
        " summaryNodes: +el('summary').dataset.nodes, summaryEdges: +el('summary').dataset.edges})")
    assert drawn["nodes"] == expected["nodes"], f"{what}: nodes drawn {drawn} != {expected}"
    assert drawn["edges"] == expected["edges"], f"{what}: edges drawn {drawn} != {expected}"
    assert drawn["summaryNodes"] == expected["nodes"] and drawn["summaryEdges"] == expected["edges"]


# An edge as the JSON names it; the page's edge indices are those of the graph
# it shows, which --status may have filtered.
KEY_JS = "((e) => [e.source, e.target, e.kind, e.relation || '', e.status || ''].join('|'))"


def key(e):
    return "|".join([e["source"], e["target"], e["kind"], e.get("relation", ""), e.get("status", "")])


# An edge whose midpoint lies on no node and on no other edge's midpoint, in
# page coordinates.
FREE_EDGE = """(() => {
  const box = el('graph').getBoundingClientRect();
  const nodes = cy.nodes(':visible').map((n) => n.renderedBoundingBox());
  const mids = cy.edges(':visible').map((e) => e.renderedMidpoint());
  const free = cy.edges(':visible').filter((e) => {
    const p = e.renderedMidpoint();
    return p.x > 20 && p.y > 20 && p.x < box.width - 20 && p.y < box.height - 20 &&
      nodes.every((b) => p.x < b.x1 - 6 || p.x > b.x2 + 6 || p.y < b.y1 - 6 || p.y > b.y2 + 6) &&
      mids.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 14).length === 1;
  });
  if (!free.length) return null;
  const e = free[0], p = e.renderedMidpoint();
  return {x: box.left + p.x, y: box.top + p.y, index: e.data('index')};
})()"""

PICKED = """(() => picked && {
  index: picked.data('index'), isEdge: picked.isEdge(),
  key: picked.isEdge() ? %s(GRAPH.edges[picked.data('index')]) : null,
  title: el('d-title').textContent,
  sentences: [...document.querySelectorAll('#evidence .sentence')].map((s) => s.textContent),
  points: +el('timeline-box').dataset.points, chart: !!chart,
})()""" % KEY_JS


def check_click(browser, graph, what):
    target = browser.evaluate(FREE_EDGE)
    assert target, f"{what}: no edge free to click"
    browser.click(target["x"], target["y"])
    picked = browser.evaluate(PICKED)
    assert picked and picked["isEdge"], f"{what}: the click picked {picked}"
    edge = next(e for e in graph["edges"] if key(e) == picked["key"])
    assert picked["sentences"] == [v["text"] for v in edge["evidence"]], (what, picked, edge)
    # The timeline counts the dated sentences of every shown relation of the pair.
    pair = {edge["source"], edge["target"]}
    dated = sum(1 for e in graph["edges"] if {e["source"], e["target"]} == pair and
                e["kind"] == "event" and e.get("status") == "fact"
                for v in e["evidence"] if v["date"])
    assert picked["points"] == dated, f"{what}: timeline counts {picked['points']}, want {dated}"
    assert picked["chart"] == (dated > 0)
    return edge


def set_control(browser, selector, prop, value):
    """Changes a control as a user does: the value, then the change event."""
    browser.evaluate(f"(() => {{ const c = document.querySelector({json.dumps(selector)});"
                     f" c.{prop} = {json.dumps(value)};"
                     " c.dispatchEvent(new Event('change')); c.dispatchEvent(new Event('input')); })()")


def drawn_edges(browser):
    # By the class the filters set: cytoscape may recompute ':visible' only at
    # the next frame.
    return sorted(browser.evaluate(
        f"cy.edges().not('.hidden').map((e) => {KEY_JS}(GRAPH.edges[e.data('index')]))"))


def check_controls(browser, graph):
    """Filters, search and language against what the JSON says they should show."""
    facts = [e for e in graph["edges"] if e["kind"] != "event" or e["status"] == "fact"]
    keys = lambda edges: sorted(key(e) for e in edges)
    assert drawn_edges(browser) == keys(facts)
    set_control(browser, "#f-relation input[value=SANCTION]", "checked", False)
    want = keys(e for e in facts if e.get("relation") != "SANCTION")
    assert drawn_edges(browser) == want and len(want) < len(facts), (drawn_edges(browser), want)
    set_control(browser, "#f-relation input[value=SANCTION]", "checked", True)
    set_control(browser, "#f-quad input[value=material-conflict]", "checked", False)
    want = keys(e for e in facts if e.get("quad") != "material-conflict")
    assert drawn_edges(browser) == want and len(want) < len(facts)
    set_control(browser, "#f-quad input[value=material-conflict]", "checked", True)
    # From September on: edges with a sentence dated then, and undated ones until unticked.
    set_control(browser, "#date-from", "value", "2023-09-01")
    want = keys(e for e in facts if any(v["date"] >= "2023-09-01" or not v["date"]
                                        for v in e["evidence"]))
    assert drawn_edges(browser) == want, (drawn_edges(browser), want)
    set_control(browser, "#undated", "checked", False)
    want = keys(e for e in facts if any(v["date"] >= "2023-09-01" for v in e["evidence"]))
    assert drawn_edges(browser) == want and want, (drawn_edges(browser), want)
    set_control(browser, "#date-from", "value", "")
    set_control(browser, "#undated", "checked", True)
    assert drawn_edges(browser) == keys(facts)
    # German and English names alike, without accents.
    set_control(browser, "#search", "value", "sudkorea")
    matches = browser.evaluate("[...document.querySelectorAll('#matches button')].map((b) => b.textContent)")
    assert matches == ["South Korea · Südkorea (KOR)"], matches
    browser.evaluate("document.querySelector('#matches button').click(), 0")
    assert browser.evaluate("el('d-title').textContent") == "South Korea"
    # An actor lists the evidence of all its shown relations.
    listed = browser.evaluate("[...document.querySelectorAll('#evidence .sentence')].map((s) => s.textContent)")
    want = [v["text"] for e in facts if "KOR" in (e["source"], e["target"]) for v in e["evidence"]]
    assert sorted(listed) == sorted(want) and want, (listed, want)
    set_control(browser, "#lang", "value", "de")
    assert browser.evaluate("el('d-title').textContent") == "Südkorea"
    labels = browser.evaluate("cy.nodes().map((n) => n.data('label'))")
    assert labels == [n["name_de"] for n in graph["nodes"]], labels
    set_control(browser, "#lang", "value", "en")
    browser.evaluate("unpick(), 0")


def lightness(hex_colour):
    """CIELAB L* of an sRGB colour: colour-blind eyes keep it where hues merge."""
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5))
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 116 * (y ** (1 / 3) if y > 216 / 24389 else (24389 / 27 * y + 16) / 116) - 16


def check_palette(browser):
    """The pairs the issue names differ in lightness, and CONSULT/AID in line style too."""
    colours = browser.evaluate("RELATIONS")
    for a, b in (("ASSAULT", "COERCE"), ("CONSULT", "AID")):
        gap = abs(lightness(colours[a]) - lightness(colours[b]))
        assert gap >= 25, f"{a} {colours[a]} and {b} {colours[b]} differ by L* {gap:.0f} only"
    styles = browser.evaluate("['CONSULT', 'AID'].map((r) => cy.edges().filter((e) =>"
                              " GRAPH.edges[e.data('index')].relation === r)[0].style('line-style'))")
    assert styles == ["dashed", "solid"], styles


def check_clean(browser, page, what):
    assert not browser.warnings, f"{what}: console warnings {browser.warnings}"
    assert not browser.errors, f"{what}: console errors {browser.errors}"
    assert not browser.dialogs, f"{what}: dialogs {browser.dialogs}"
    assert browser.requests == [page.resolve().as_uri()], f"{what}: requests {browser.requests}"


def facts_only(graph):
    """The JSON graph as build's default --status fact shows it."""
    edges = [e for e in graph["edges"] if e["kind"] != "event" or e["status"] == "fact"]
    return {"nodes": len(graph["nodes"]), "edges": len(edges)}


def example_case(exe, tmp, screenshot=None):
    page = tmp / "example.html"
    shown = build_page(exe, page, EXAMPLE)
    graph = json.loads(EXAMPLE.read_text())
    expected = shown_counts(shown, facts_only(graph))
    assert expected["reference"] == {"nodes": expected["nodes"], "edges": expected["edges"]}, expected
    browser = Browser(tmp / "example")
    try:
        browser.open(page)
        check_drawn(browser, expected, "example")
        if screenshot:
            # The busiest actor picked, so that the picture shows evidence and a timeline.
            browser.evaluate("pick(cy.nodes().max((n) => n.data('size')).ele), 0")
            browser.screenshot(screenshot)
            return
        edge = check_click(browser, graph, "example")
        check_controls(browser, graph)
        check_palette(browser)
        browser.screenshot(tmp / "example-html.png")
        check_clean(browser, page, "example")
    finally:
        browser.close()
    print(f"example: {expected['nodes']} nodes, {expected['edges']} edges drawn; clicked "
          f"{edge['source']} {edge['relation']} {edge['target']}: {len(edge['evidence'])} sentences")


HOSTILE = ('</script><script>alert(1)</script><img src="x.png" onerror="alert(2)">'
           ' <!-- "quoted" & <b>bold</b> -->\nsecond line; ü')


def hostile_case(exe, tmp):
    graph = json.loads(EXAMPLE.read_text())
    graph["edges"][0]["evidence"][0]["text"] = HOSTILE
    graph["nodes"][0]["name_en"] = graph["nodes"][0]["name_de"] = "<i>Germany</i></script>"
    source = tmp / "hostile.json"
    source.write_text(json.dumps(graph, ensure_ascii=False))
    page = tmp / "hostile.html"
    build_page(exe, page, source)
    assert page.read_text().count("</script>") == 4  # the page's own four scripts
    browser = Browser(tmp / "hostile")
    try:
        browser.open(page)
        browser.evaluate("cy.getElementById('e0').emit('tap'), 0")
        picked = browser.evaluate(PICKED)
        assert picked["sentences"][0] == HOSTILE, picked
        labels = browser.evaluate("cy.getElementById('n0').data('label')")
        assert labels == "<i>Germany</i></script>", labels
        assert browser.evaluate("document.querySelectorAll('#evidence img, #evidence b').length") == 0
        check_clean(browser, page, "hostile")
    finally:
        browser.close()
    print("hostile: evidence and names stay text")


def url_case(exe, tmp):
    """A document's url goes from the input into the graph and the page links it;
    a url that is not http(s) stays unlinked."""
    docs = [json.loads(line) for line in (ROOT / "examples" / "sample.jsonl").read_text().splitlines()]
    urls = {docs[0]["id"]: "https://example.org/news?id=1&x=%3Cy%3E",
            docs[1]["id"]: "javascript:alert(3)"}
    for doc in docs:
        if doc["id"] in urls:
            doc["url"] = urls[doc["id"]]
    source = tmp / "with-url.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    page, graph_file = tmp / "with-url.html", tmp / "with-url.json"
    run = geokg(exe, "build", str(source), "-o", str(page), "-o", str(graph_file))
    assert run.returncode == 0, run.stderr
    graph = json.loads(graph_file.read_text())
    assert {d: graph["documents"][d].get("url") for d in urls} == urls, graph["documents"]
    assert sum("url" in d for d in graph["documents"].values()) == 2
    browser = Browser(tmp / "with-url")
    try:
        browser.open(page)
        links = {}
        for i in range(browser.evaluate("cy.edges().length")):
            browser.evaluate(f"cy.getElementById('e{i}').emit('tap'), 0")
            shown = browser.evaluate(
                "[...document.querySelectorAll('#evidence li')].filter((li) => li.dataset.doc)"
                ".map((li) => [li.dataset.doc, [...li.querySelectorAll('a')].map((a) => a.href)])")
            for doc, hrefs in shown:
                links[doc] = hrefs
        assert links[docs[0]["id"]] == [urls[docs[0]["id"]]], links
        assert links[docs[1]["id"]] == [], links
        assert all(h == [] for d, h in links.items() if d not in urls), links
        check_clean(browser, page, "url")
    finally:
        browser.close()
    print("url: kept in the graph, linked on the page when it is http(s)")


def missing_library_case(exe, tmp):
    # The data folder without the browser libraries beside it.
    data = tmp / "data-without-web"
    data.mkdir()
    for entry in (ROOT / "data").iterdir():
        (data / entry.name).symlink_to(entry)
    out = tmp / "kept.html"
    out.write_text("the previous page\n")
    run = geokg(exe, "merge", str(EXAMPLE), "-o", str(out),
                env=dict(os.environ, GEOKG_DATA_DIR=str(data)))
    want = (f"geokg: cannot write {out}: the browser library cytoscape.min.js is missing "
            f"(looked for {data}/web/cytoscape.min.js and "
            f"{data}/../node_modules/cytoscape/dist/cytoscape.min.js); "
            "run scripts/install-deps.sh\n")
    assert run.returncode != 0 and run.stderr == want, (run.returncode, run.stderr, want)
    assert out.read_text() == "the previous page\n"
    assert sorted(p.name for p in tmp.iterdir() if p.name.startswith(".kept")) == []
    print("missing library: clear error, old page kept")


def gnad_case(exe, tmp):
    if not GNAD.exists():
        print(f"SKIP gnad: {GNAD} is not there (it is not part of a user's checkout)")
        return
    page = tmp / "gnad.html"
    shown = build_page(exe, page, GNAD)
    expected = shown_counts(shown, None)
    browser = Browser(tmp / "gnad")
    try:
        browser.open(page)
        check_drawn(browser, expected, "gnad")
        browser.screenshot("gnad-html.png")
        check_clean(browser, page, "gnad")
    finally:
        browser.close()
    print(f"gnad: {expected['nodes']} nodes, {expected['edges']} edges drawn")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("geokg")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        if args.screenshot:
            example_case(args.geokg, tmp, pathlib.Path(args.screenshot).resolve())
            return
        example_case(args.geokg, tmp)
        shutil.copy(tmp / "example-html.png", "example-html.png")
        hostile_case(args.geokg, tmp)
        url_case(args.geokg, tmp)
        missing_library_case(args.geokg, tmp)
        gnad_case(args.geokg, tmp)


if __name__ == "__main__":
    main()
