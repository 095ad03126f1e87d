"""How long the HTML report takes to open in a browser (headless Chromium).

    python benchmarks/html_open.py --claims 10000 [--files 500]
    python benchmarks/html_open.py --desk claims --screenshot docs/report.png

Generates a synthetic desk unless one is given, writes its HTML report, opens
it from the file in Debian's Chromium (Playwright) and prints the time to the
page's load event and until the graph is drawn, the page's size and its
number of nodes. With ``--screenshot`` it also saves a picture of the page.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--desk", type=Path)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    import factcheck
    from factcheck.render.html import to_html

    with tempfile.TemporaryDirectory() as folder:
        desk = args.desk
        if desk is None:
            from generate import generate

            desk = Path(folder) / "desk"
            generate(desk, args.claims, args.files, seed=1, planted=0.005)
        started = time.perf_counter()
        with factcheck.batch():
            report = factcheck.reconcile(factcheck.load(desk), workers=2)
        page_path = Path(folder) / "report.html"
        page_path.write_text(to_html(report), encoding="utf-8")
        size = page_path.stat().st_size / 1e6
        took = time.perf_counter() - started
        print(f"{len(report.desk.claims):,} claims: report written in {took:.2f} s, {size:.1f} MB")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            started = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="load")
            loaded = time.perf_counter() - started
            page.wait_for_selector("#graph .node")
            drawn = time.perf_counter() - started
            nodes = page.locator("#graph .node").count()
            print(f"page load event {loaded:.2f} s, graph drawn {drawn:.2f} s ({nodes} nodes)")
            if args.screenshot:
                page.screenshot(path=str(args.screenshot), full_page=False)
                print(f"saved {args.screenshot}")
            browser.close()


if __name__ == "__main__":
    main()
