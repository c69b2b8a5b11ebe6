"""Screenshots of converted releases as a reviewer sees them: the Inline XBRL page and the iXBRL
Viewer in headless Chromium, for looking at by eye.

    python scripts/screenshots.py OUT_FOLDER [--shots DIR] [--tables N]

OUT_FOLDER is a batch folder written by `xbrl-convert convert ... --viewer`. The folder is served
on 127.0.0.1; for every release the script saves the top of the inline page, each of its first
N statement tables, and the viewer once it has processed the document (and scrolled to the first
table), as PNGs in DIR (default /tmp/xbrl-convert-shots; keep them out of the repository). It
prints every request the server answered with an error (the viewer must make none) and exits 1
when there was one. Needs Debian's chromium and chromium-driver and selenium ('.[test]').
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
_READY_JS = "const v=document.getElementById('ixv'); return !!v && v.classList.contains('post-processing-complete');"


def _server(folder: Path, failed: list[tuple[str, int]]) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def log_request(self, code="-", size="-"):
            if str(code).isdigit() and int(code) >= 400:
                failed.append((self.path, int(code)))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _browser(profile: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-background-networking", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def shoot(folder: Path, shots: Path, tables: int) -> list[tuple[str, int]]:
    """Write the PNGs; return the failed requests."""
    shots.mkdir(parents=True, exist_ok=True)
    failed: list[tuple[str, int]] = []
    server = _server(folder, failed)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted(p for p in folder.glob("*/*.htm"))
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-chromium-") as profile:
        driver = _browser(profile)
        try:
            for page in pages:
                stem = page.stem
                driver.get(f"{base}/{page.relative_to(folder).as_posix()}")
                time.sleep(0.5)
                driver.save_screenshot(str(shots / f"{stem}-top.png"))
                count = driver.execute_script("return document.querySelectorAll('table.statement').length")
                for i in range(min(count, tables)):
                    driver.execute_script(f"document.querySelectorAll('div.statement')[{i}].scrollIntoView();")
                    time.sleep(0.3)
                    driver.save_screenshot(str(shots / f"{stem}-table{i}.png"))
                viewer = page.with_name(f"{stem}-viewer.html")
                if not viewer.is_file():
                    continue
                driver.get(f"{base}/{viewer.relative_to(folder).as_posix()}")
                for _ in range(300):
                    if driver.execute_script(_READY_JS):
                        break
                    time.sleep(0.2)
                time.sleep(1)
                driver.save_screenshot(str(shots / f"{stem}-viewer.png"))
                driver.execute_script("const f = document.querySelector('#iframe-container iframe');"
                                      "const t = f && f.contentDocument.querySelector('table.statement');"
                                      "if (t) t.scrollIntoView();")
                time.sleep(0.5)
                driver.save_screenshot(str(shots / f"{stem}-viewer-table.png"))
        finally:
            driver.quit()
            server.shutdown()
            server.server_close()
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a batch folder written by convert --viewer")
    parser.add_argument("--shots", type=Path, default=Path(tempfile.gettempdir()) / "xbrl-convert-shots")
    parser.add_argument("--tables", type=int, default=3, help="statement tables to capture per release")
    args = parser.parse_args(argv)
    failed = shoot(args.folder, args.shots, args.tables)
    print(f"screenshots in {args.shots}")
    for path, code in failed:
        print(f"failed request: {code} {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
