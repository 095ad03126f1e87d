"""The HTML report: safe by construction, and working in a real browser (headless Chromium)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from factcheck import load, reconcile
from factcheck.render.html import safe_url, to_html

from .conftest import SEED_CLAIMS, MakeDesk

HOSTILE = """
article:
  outlet: daily
  language: en
  url: "javascript:alert(1)"
claims:
  - id: c1
    source: wire
    subject: acme
    metric: spend
    period: 2023
    value: exactly 1 USD
    quote: "</script><script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'>"
  - id: c2
    source: daily
    subject: acme
    metric: spend
    period: 2023
    value: exactly 2 USD
    quote: "<b onmouseover=alert(1)>2 USD</b> & more"
"""


def test_every_string_from_the_desk_is_escaped(make_desk: MakeDesk) -> None:
    page = to_html(reconcile(load(make_desk({"a.yaml": HOSTILE}))))
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page and "<b onmouseover" not in page
    assert (
        "javascript:" not in page.replace("javascript:alert(1)", "")
        or 'href="javascript' not in page
    )
    assert 'href="javascript' not in page
    assert page.count("<script") == 2  # the graph data and the page's own script
    assert "&lt;script&gt;window.__pwned" in page  # shown as text in the card
    assert "\\u003c/script\\u003e" in page  # and escaped inside the graph data


def test_only_web_links() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url(" JavaScript:alert(1)") == ""
    assert safe_url("data:text/html,x") == "" and safe_url("file:///etc/passwd") == ""


def test_the_page_forbids_the_network_and_foreign_scripts() -> None:
    page = to_html(reconcile(load(SEED_CLAIMS)))
    assert "default-src &#39;none&#39;" in page and "script-src &#39;sha256-" in page
    assert "http://" not in page.split("<body>")[0] and 'src="http' not in page


# -- in a real browser ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("FACTCHECK_BROWSER_TESTS") == "required"  # set by .ci/run


def _browser() -> Any:
    """Playwright driving Debian's Chromium; the browser tests skip without either
    (fail in CI). The tests above need neither and always run."""
    if not REQUIRED:
        pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import sync_playwright

    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("Chromium is required for the browser tests but is not installed")
        pytest.skip("Chromium not installed")
    return sync_playwright()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with _browser() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog {d.message}"), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def test_the_seed_report_in_a_browser(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.html"
    path.write_text(to_html(reconcile(load(SEED_CLAIMS))), encoding="utf-8")
    page, problems, requests = open_page(browser, path)
    assert problems == []
    assert requests == [path.as_uri()]  # nothing but the file itself
    card = page.locator("#conflicts .card").first
    text = card.inner_text()
    assert "ft-deliveries-2022" in text and "jiwei-china-market-2022" in text
    assert "Les livraisons prévues l’an passé" in text  # both quotes, as printed
    assert "a déjà rattrapé" in text
    assert "3.8 to 4.2 billion USD > 800 million to 1.2 billion USD" in text  # the arithmetic
    card.locator("button.highlight").click()
    lit = page.locator("#graph .node.hl").evaluate_all("nodes => nodes.map(n => n.dataset.id)")
    assert {"claim:ft-deliveries-2022", "claim:jiwei-china-market-2022"} <= set(lit)
    assert page.locator("#details h3").inner_text() == "Finding: conflict"  # in words
    page.locator('#graph .node[data-id="claim:ft-deliveries-2022"]').click()  # in view now
    assert "Les livraisons prévues" in page.locator("#details").inner_text()
    page.select_option("#filter-source", "mckinsey")
    assert page.locator("#conflicts .card.hidden").count() == 1
    page.close()


def test_a_hostile_desk_runs_no_script(browser, make_desk: MakeDesk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hostile.html"
    path.write_text(to_html(reconcile(load(make_desk({"a.yaml": HOSTILE})))), encoding="utf-8")
    page, problems, requests = open_page(browser, path)
    page.locator("#conflicts .card").first.hover()
    page.locator("#conflicts .card button.highlight").first.click()
    assert page.evaluate("window.__pwned") is None
    assert [p for p in problems if "dialog" in p] == []
    assert requests == [path.as_uri()]
    assert "<script>window.__pwned" in page.locator("#conflicts").inner_text()  # shown, as text
    page.close()


def test_the_report_fits_a_phone_and_prints(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.html"
    path.write_text(to_html(reconcile(load(SEED_CLAIMS))), encoding="utf-8")
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    page.emulate_media(media="print")
    assert page.locator("#graph-section").is_hidden() and page.locator(".filters").is_hidden()
    assert page.locator("#conflicts .card").first.is_visible()
    page.close()


def _seed_page(browser: Any, tmp_path: Path, lang: str = "en", **context: Any) -> Any:
    path = tmp_path / f"report.{lang}.html"
    path.write_text(to_html(reconcile(load(SEED_CLAIMS)), lang=lang), encoding="utf-8")
    page = browser.new_context(**context).new_page() if context else browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


#: The size on screen of a graph label, in CSS pixels: its font size times the graph's scale.
LABEL_PX = """() => {
  const label = document.querySelector('#graph .node text');
  const size = parseFloat(getComputedStyle(label).fontSize);
  return size * document.getElementById('graph').getScreenCTM().a;
}"""


@pytest.mark.parametrize("viewport", [(1280, 800), (800, 900), (375, 800)])
def test_graph_labels_are_readable_at_the_default_zoom(browser, tmp_path: Path, viewport) -> None:  # type: ignore[no-untyped-def]
    width, height = viewport
    page = _seed_page(browser, tmp_path, viewport={"width": width, "height": height})
    assert page.evaluate(LABEL_PX) >= 11
    page.close()


def test_the_graph_fills_its_box(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _seed_page(browser, tmp_path, viewport={"width": 1280, "height": 800})
    box = page.evaluate("""() => {
      const svg = document.getElementById('graph').getBoundingClientRect();
      const scene = document.querySelector('#graph .scene').getBoundingClientRect();
      return {top: scene.top - svg.top, bottom: svg.bottom - scene.bottom,
              width: scene.width / svg.width, height: scene.height / svg.height};
    }""")
    assert box["top"] < 40  # the graph starts at the top of its box, not halfway down
    assert box["bottom"] < 60  # and the box ends where the graph does
    assert box["width"] > 0.7  # it spans the box's width
    page.close()


def test_a_clicked_node_is_described_in_words(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _seed_page(browser, tmp_path, viewport={"width": 1280, "height": 800})
    page.locator('#graph .node[data-id="source:financial-times"]').click()
    assert page.locator("#details h3").inner_text() == "Source Financial Times"
    page.locator('#graph .node[data-id="claim:ft-deliveries-2022"]').click()
    said = page.locator("#details").inner_text()
    assert said.startswith("Claim ft-deliveries-2022")
    assert "(fr) → 3.8 to 4.2 billion USD; a forecast" in said
    for raw in ("origin_count", "quote_lang", "claim:ft", "kind"):  # no attribute dump
        assert raw not in said
    page.close()


def _viewbox_width(page: Any) -> float:
    return float(page.evaluate("document.getElementById('graph').viewBox.baseVal.width"))


def test_a_pinch_zooms_the_graph_on_a_touch_screen(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _seed_page(
        browser, tmp_path, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page.locator("#graph").scroll_into_view_if_needed()
    rect = page.evaluate("(() => { const r = document.getElementById('graph')"
                         ".getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })()")  # fmt: skip
    cx, cy = rect["x"] + rect["w"] / 2, rect["y"] + rect["h"] / 2
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, spread: float) -> None:
        points = [] if kind == "touchEnd" else [
            {"x": cx - spread, "y": cy, "id": 1}, {"x": cx + spread, "y": cy, "id": 2},
        ]  # fmt: skip
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    before = _viewbox_width(page)
    touch("touchStart", 20)
    for spread in (40, 60, 80, 100):  # fingers apart: zoom in
        touch("touchMove", spread)
    touch("touchEnd", 0)
    after = _viewbox_width(page)
    assert after < before / 3  # five times apart: the view is about five times narrower
    touch("touchStart", 100)
    for spread in (80, 60, 40, 20):  # together again: zoom back out
        touch("touchMove", spread)
    touch("touchEnd", 0)
    assert _viewbox_width(page) == pytest.approx(before, rel=0.05)
    page.close()


def test_the_french_page(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _seed_page(browser, tmp_path, lang="fr", viewport={"width": 1280, "height": 800})
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.locator("#conflicts h2").inner_text().startswith("Conflits")
    card = page.locator("#conflicts .card").first.inner_text()
    assert "3,8 à 4,2 milliards USD" in card and "une prévision" in card
    assert page.locator("#conflicts button.highlight").inner_text() == "Voir dans le graphe"
    page.locator('#graph .node[data-id="claim:ft-deliveries-2022"]').click()
    assert page.locator("#details h3").inner_text() == "Affirmation ft-deliveries-2022"
    assert page.evaluate(LABEL_PX) >= 11
    page.close()


def test_the_single_origin_table_opens_on_the_figures_in_conflict(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _seed_page(browser, tmp_path, viewport={"width": 1280, "height": 800})
    section = page.locator("#single-origin")
    assert section.locator("h2").inner_text().endswith("(18)")
    shown = section.locator("tr[data-kind]:visible").evaluate_all(
        "rows => rows.map(r => r.querySelector('code').textContent)"
    )
    assert shown == ["ft-deliveries-2022", "jiwei-china-market-2022"]  # the two in conflict
    folded = section.locator("details.rest")
    assert folded.locator("summary").inner_text() == "16 other figures rest on a single origin"
    folded.locator("summary").click()  # one click shows the rest
    assert section.locator("tr[data-kind]:visible").count() == 18
    page.close()


def test_a_desk_without_conflicts_folds_every_single_origin_figure(make_desk: MakeDesk) -> None:
    two_metrics = HOSTILE.replace(
        "spend\n    period: 2023\n    value: exactly 2 USD",
        "units\n    period: 2023\n    value: exactly 2 GPU",
    )
    desk = make_desk({"a.yaml": two_metrics})
    page = to_html(reconcile(load(desk)))
    assert 'id="conflicts"' not in page
    assert (
        "<summary>2 figures rest on a single origin, none of them in a conflict</summary>" in page
    )
