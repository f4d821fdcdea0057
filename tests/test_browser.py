"""The HTML report and the web page in a real browser: Debian's chromium driven by Playwright through
executable_path (no browser download; scripts/install-browser.sh installs chromium when missing).

Screenshots for review are written to reports/ (screenshot-example.png, screenshot-example-tooltip.png,
screenshot-seed.png when ../shared/data/seed/article.txt exists, screenshot-hostile.png, screenshot-serve.png,
screenshot-compare.png)."""
from __future__ import annotations

import functools
import os
import socket
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (run scripts/install-browser.sh)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

import auditor  # noqa: E402
from auditor.compare import compare  # noqa: E402
from auditor.report import get  # noqa: E402
from auditor.report.html import render_comparison  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests import regen_golden  # noqa: E402

REPORTS = ROOT / "reports"
SEED = ROOT.parent / "shared" / "data" / "seed" / "article.txt"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A local HTTP server on 127.0.0.1 serving a temporary folder; yields (folder, base URL)."""
    folder = tmp_path_factory.mktemp("site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page whose dialogs, requests, console messages and page errors are all recorded; every request
    but the page itself is aborted."""

    def __init__(self, browser, url: str, viewport=(1100, 900)):
        self.url = url
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           java_script_enabled=True)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def close(self):
        self.context.close()


def publish(site, name: str, markup: str) -> str:
    folder, base = site
    (folder / name).write_text(markup, encoding="utf-8")
    return f"{base}/{name}"


def save_report(name: str, markup: str) -> None:
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / name).write_text(markup, encoding="utf-8")


def assert_styles_applied(page):
    """The stylesheet's hash matches the CSP (else the browser would refuse it): tooltips start hidden."""
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"


def tooltip_of(page, mark):
    return page.locator(f"#{mark.get_attribute('aria-describedby')}")


def test_highlights_explain_themselves_on_hover_and_focus(browser, site):
    audit = regen_golden.audit_example(regen_golden.EXAMPLE, regen_golden.golden_ruleset())
    url = publish(site, "golden-example.html", get("html").render(audit))
    w = Watched(browser, url)
    try:
        page = w.page
        assert_styles_applied(page)
        marks = page.locator(".body mark[aria-describedby]")
        assert marks.count() >= 10
        first = marks.nth(0)
        assert not tooltip_of(page, first).is_visible()
        first.hover()
        tip = tooltip_of(page, first)
        assert tip.is_visible()
        text = tip.inner_text()
        assert "Loaded word 'arrogance'" in text and "Voice: the writer's own voice" in text
        assert "Why it matters:" in text and "Score: −" in text
        # a quoted finding explains whose words they are and that it costs nothing
        quoted = page.locator(".body mark.reported").first
        quoted.hover()
        text = tooltip_of(page, quoted).inner_text()
        assert "inside a quotation, speaker: Tomas Reyes" in text and "no points taken" in text
        # an overlap explains both findings
        both = page.locator('.body mark[data-findings*=" "]').first
        both.hover()
        assert tooltip_of(page, both).inner_text().count("Why it matters:") == 2
        page.mouse.move(0, 0)
        # keyboard: Tab reaches the highlights and focus opens the explanation
        page.locator("body").focus()
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "MARK" and \
                    page.evaluate("document.activeElement.closest('.body') !== null"):
                break
        else:
            pytest.fail("Tab never reached a highlight")
        focused_tip = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
        assert page.locator(f"#{focused_tip}").is_visible()
        page.keyboard.press("Tab")
        assert not page.locator(f"#{focused_tip}").is_visible()
        # a tap (touch) focuses the highlight and shows the explanation too
        marks.nth(3).focus()
        assert tooltip_of(page, marks.nth(3)).is_visible()
        assert w.requests == [url] and not w.dialogs and not w.errors
    finally:
        w.close()


def test_example_report_screenshot(browser, site):
    """The bundled example with the default rules: highlights, source map and scores on screen."""
    path = ROOT / "examples" / "slanted-unlabelled.html"
    audit = auditor.audit_html(path.read_bytes(), location="examples/slanted-unlabelled.html")
    markup = get("html").render(audit)
    save_report("example-report.html", markup)
    url = publish(site, "example.html", markup)
    w = Watched(browser, url)
    try:
        page = w.page
        assert_styles_applied(page)
        assert page.locator(".body mark[aria-describedby]").count() > 0
        assert page.get_by_role("heading", name="Source map: who speaks, how much").is_visible()
        assert page.locator(".overall .num").inner_text() == f"{audit.score.overall:g}"
        assert page.locator("svg.bar").count() >= 5
        page.screenshot(path=str(REPORTS / "screenshot-example.png"), full_page=True)
        mark = page.locator(".body mark.narrator").nth(2)
        mark.hover()
        assert tooltip_of(page, mark).is_visible()
        page.screenshot(path=str(REPORTS / "screenshot-example-tooltip.png"))
        assert w.requests == [url] and not w.dialogs
    finally:
        w.close()


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/data/seed/article.txt is not present")
def test_seed_report_screenshot(browser, site):
    audit = auditor.audit_text(SEED.read_text(encoding="utf-8"), location="../shared/data/seed/article.txt")
    markup = get("html").render(audit)
    save_report("seed-report.html", markup)
    url = publish(site, "seed.html", markup)
    w = Watched(browser, url)
    try:
        page = w.page
        assert_styles_applied(page)
        marks = page.locator(".body mark[aria-describedby]")
        assert marks.count() > 0  # (a finding across a paragraph break is two marks: no 1:1 count)
        assert page.locator("section:has(h2:text('Source map')) tbody tr").count() == len(audit.analysis.sources)
        assert page.locator(".overall .grade").inner_text() == f"grade {audit.score.grade}"
        page.screenshot(path=str(REPORTS / "screenshot-seed.png"), full_page=True)
        assert w.requests == [url] and not w.dialogs
    finally:
        w.close()


HOSTILE_CHECK = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    scripts: document.scripts.length,
    embeds: document.querySelectorAll('iframe,img,object,embed,frame,link,base,form,input,textarea,video,audio,source').length,
    handlers: all.filter(el => [...el.attributes].some(a => a.name.toLowerCase().startsWith('on'))).map(el => el.outerHTML.slice(0, 80)),
    styleAttrs: all.filter(el => el.hasAttribute('style')).length,
    styles: document.querySelectorAll('style').length,
    badLinks: [...document.querySelectorAll('[href],[src],[action],[formaction],[xlink\\\\:href]')]
      .map(el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action') || '')
      .filter(v => !/^https?:\\/\\//i.test(v) && !v.startsWith('#')),
    pwned: typeof window.pwned !== 'undefined',
  };
}"""


def test_hostile_article_executes_nothing(browser, site):
    hostile = (ROOT / "tests" / "fixtures" / "hostile.html").read_bytes()
    # the golden rules fire on the hostile text, so its markup also sits inside highlights and tooltips
    audits = [auditor.audit_html(hostile, location="<svg onload=alert('loc')>", ruleset=ruleset)
              for ruleset in (regen_golden.golden_ruleset(), None)]
    extra = auditor.audit_text("The regime slammed <script>window.pwned=1</script> critics.\n\n"
                               "Mallory <img src=x onerror=alert(9)> is a journalist who covers city hall.",
                               title="<img src=x onerror=alert('t')>", url="javascript:alert('u')",
                               authors=["<b onclick=alert(1)>Mallory</b>"], ruleset=regen_golden.golden_ruleset())
    pages = {"hostile-report.html": get("html").render(audits[0]),
             "hostile-many.html": get("html").render_many([audits[1], extra]),
             "hostile-compare.html": render_comparison(compare([audits[0], extra]))}
    for name, markup in pages.items():
        url = publish(site, name, markup)
        w = Watched(browser, url)
        try:
            page = w.page
            assert_styles_applied(page)
            for i in range(page.locator("mark[aria-describedby]").count()):
                mark = page.locator("mark[aria-describedby]").nth(i)
                mark.hover()
                mark.focus()
            for i in range(min(page.locator("a").count(), 20)):
                page.locator("a").nth(i).hover()
            page.wait_for_timeout(300)
            found = page.evaluate(HOSTILE_CHECK)
            assert found == {"scripts": 0, "embeds": 0, "handlers": [], "styleAttrs": 0, "styles": 1,
                             "badLinks": [], "pwned": False}, (name, found)
            if name == "hostile-many.html":  # the markup is shown to the reader as text
                assert "<script>window.pwned=1</script>" in page.locator("main").inner_text()
            assert w.dialogs == [], (name, w.dialogs)
            assert w.requests == [url], (name, w.requests)
            assert not w.errors, (name, w.errors)
            if name == "hostile-report.html":
                page.screenshot(path=str(REPORTS / "screenshot-hostile.png"), full_page=True)
        finally:
            w.close()


def test_comparison_in_the_browser(browser, site):
    rules = regen_golden.golden_ruleset()
    markup = render_comparison(compare([regen_golden.audit_example(p, rules) for p in regen_golden.SAME_STORY]))
    url = publish(site, "compare.html", markup)
    w = Watched(browser, url)
    try:
        assert_styles_applied(w.page)
        assert w.page.get_by_role("heading", name="Loaded terms each uses, and which they share").is_visible()
        w.page.screenshot(path=str(REPORTS / "screenshot-compare.png"), full_page=True)
        assert w.requests == [url] and not w.dialogs
    finally:
        w.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    """`auditor serve`'s app under uvicorn on 127.0.0.1, in a thread."""
    import uvicorn
    from auditor.web import create_app
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


def test_serve_page_in_the_browser(browser, served):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    try:
        page.goto(served + "/")
        page.get_by_label("Article text").fill(
            "Council approves contract\n\nThe regime slammed its critics on Tuesday. \"It is a fair deal,\" "
            "said Ana Torres, the mayor. Critics say it was rushed.\n")
        page.get_by_role("button", name="Audit the text").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="The article, annotated").is_visible()
        assert page.get_by_role("heading", name="Transparency checklist").is_visible()
        assert_styles_applied(page)
        page.screenshot(path=str(REPORTS / "screenshot-serve.png"), full_page=True)
        page.goto(served + "/")
        page.get_by_label("Article address (http or https)").fill("http://169.254.169.254/latest/meta-data/")
        page.get_by_role("button", name="Fetch and audit").click()
        page.wait_for_load_state()
        assert "refused: 169.254.169.254 is a link-local address" in page.get_by_role("alert").inner_text()
        assert all(r.startswith(served) for r in requests), requests
        assert not [m for m in console if "Content Security Policy" in m], console
    finally:
        context.close()
