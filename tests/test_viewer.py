"""The Arelle iXBRL Viewer: built offline (converter.viewer) and opened in a real browser.

The end-to-end test serves the viewer folder on 127.0.0.1, opens it in headless Chromium through
Selenium and the system chromedriver, waits for the viewer to process the document, checks the
tagged facts, clicks a Revenues number and reads the inspector. It skips when Chromium,
chromedriver or selenium is missing (.ci/run installs Chromium when it can).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree, html

from converter.errors import ValidationError
from converter.viewer import VIEWER_CONFIG, VIEWER_JS, build_viewer, install_viewer_script, viewer_script_path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "viewer" / "sample.htm"
EXAMPLE = ROOT / "examples" / "halmer-robotics-q2-2024.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
IX_NS = "http://www.xbrl.org/2013/inlineXBRL"
LOAD_TIMEOUT = 60  # seconds; the viewer is ready in about one second here
FAILED_REQUESTS: list[tuple[str, int]] = []  # (path, status) the test server answered with an error


@dataclass(frozen=True)
class InlineDoc:
    path: Path
    total_facts: int  # every ix fact (visible and ix:hidden)
    visible_facts: int  # facts in the document body (not ix:hidden): the viewer highlights these
    source: str


def _count_facts(path: Path) -> tuple[int, int]:
    root = etree.parse(str(path)).getroot()
    facts = [e for e in root.iter(f"{{{IX_NS}}}nonFraction", f"{{{IX_NS}}}nonNumeric", f"{{{IX_NS}}}fraction")]
    hidden = [e for e in facts if any(a.tag == f"{{{IX_NS}}}hidden" for a in e.iterancestors())]
    return len(facts), len(facts) - len(hidden)


def _inline_document(tmp: Path, source: str) -> InlineDoc:
    """The converted example release (needs converter.inline) or the hand-made fixture."""
    if source == "example":
        if importlib.util.find_spec("converter.inline") is None:
            pytest.skip("converter.inline (Inline XBRL output) is not available yet")
        from converter.concepts import (
            default_concept_table_path,
            default_entity_registry_path,
            load_concept_table,
            load_entity_registry,
        )
        from converter.extract import extract_file
        from converter.inline import render_inline
        from converter.map import map_release
        from converter.pipeline import resolve_entity

        release = extract_file(EXAMPLE)
        entity = resolve_entity(release, load_entity_registry(default_entity_registry_path()), None)
        mapped = map_release(release, load_concept_table(default_concept_table_path()), entity)
        doc = tmp / f"{EXAMPLE.stem}.htm"
        doc.write_bytes(render_inline(mapped, EXAMPLE.read_text(encoding="utf-8")))
        total, visible = _count_facts(doc)
        assert total == len(mapped.facts)
        return InlineDoc(doc, total, visible, "converted example")
    doc = tmp / FIXTURE.name
    shutil.copyfile(FIXTURE, doc)
    total, visible = _count_facts(doc)
    assert (total, visible) == (6, 6)
    return InlineDoc(doc, total, visible, "fixture")


def _script_srcs(viewer_html: Path) -> list[str]:
    tree = html.parse(str(viewer_html))
    return [s.get("src") for s in tree.iter() if isinstance(s.tag, str) and s.tag.split("}")[-1] == "script"
            and s.get("src") is not None]


# ---- building -----------------------------------------------------------------------------


def test_build_viewer_writes_html_and_local_script(tmp_path):
    out = tmp_path / "viewer"
    viewer = build_viewer(FIXTURE, out)

    assert viewer == out / "sample-viewer.html"
    assert viewer.is_file()
    js = out / VIEWER_JS
    assert js.is_file() and js.stat().st_size == viewer_script_path().stat().st_size
    srcs = _script_srcs(viewer)
    assert srcs == [VIEWER_JS]  # the copy next to the HTML, by relative name: no CDN, no http(s)
    text = viewer.read_text(encoding="utf-8")
    assert "application/x.ixbrl-viewer+json" in text
    assert "us-gaap:Revenues" in text and "dei:EntityRegistrantName" in text
    # the runtime configuration the script fetches from its own folder (a 404 without it)
    assert json.loads((out / VIEWER_CONFIG).read_text(encoding="utf-8")) == {}


def test_batch_script_folder_gets_the_viewer_config(tmp_path):
    install_viewer_script(tmp_path)
    assert (tmp_path / VIEWER_JS).is_file()
    first = (tmp_path / VIEWER_CONFIG).read_bytes()
    assert json.loads(first) == {}
    install_viewer_script(tmp_path)  # a second run leaves the same bytes
    assert (tmp_path / VIEWER_CONFIG).read_bytes() == first


def test_build_viewer_missing_document(tmp_path):
    with pytest.raises(ValidationError, match="not found"):
        build_viewer(tmp_path / "nope.htm", tmp_path / "out")


def test_build_viewer_missing_package(tmp_path):
    with pytest.raises(ValidationError, match="taxonomy package not found"):
        build_viewer(FIXTURE, tmp_path / "out", taxonomy_packages=[tmp_path / "missing.zip"])


def test_build_viewer_not_inline(tmp_path):
    doc = tmp_path / "plain.htm"
    doc.write_text("<html><body><p>No XBRL here.</p></body></html>", encoding="utf-8")
    with pytest.raises(ValidationError, match="not written"):
        build_viewer(doc, tmp_path / "out")


# ---- in the browser -----------------------------------------------------------------------


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[str, Path]]:
    """(base URL, folder): tmp_path/site served over HTTP on 127.0.0.1, a free port, one thread."""
    site = tmp_path / "site"
    site.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # noqa: D102 - keep pytest output clean
            pass

        def log_request(self, code="-", size="-"):  # noqa: D102 - record failing requests
            if str(code).isdigit() and int(code) >= 400:
                FAILED_REQUESTS.append((self.path, int(code)))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def browser():
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium chromium-driver)")
    if not CHROMEDRIVER.is_file():
        pytest.skip(f"{CHROMEDRIVER} not installed (apt-get install chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install '.[test]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(arg)
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        # The driver path is given: Selenium Manager never runs (nothing is downloaded).
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            driver.set_page_load_timeout(LOAD_TIMEOUT)
            yield driver
        finally:
            driver.quit()


def _wait(driver, condition, what: str, timeout: float = LOAD_TIMEOUT):
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.2).until(condition)
    except TimeoutException:
        pytest.fail(f"timed out after {timeout}s waiting for {what}")


_READY_JS = """
const ixv = document.getElementById('ixv');
return !!ixv && ixv.classList.contains('post-processing-complete');
"""

# Facts the viewer wrapped for highlighting (class ixbrl-element), in the document iframe.
_HIGHLIGHTED_JS = """
// Served as text/html, the document's ix elements have localName "ix:nonfraction" etc.
const ixName = e => e.localName.toLowerCase().replace(/^ix:/, '');
const doc = document.querySelector('#iframe-container iframe').contentDocument;
const facts = Array.from(doc.getElementsByTagNameNS('*', '*')).filter(
    e => ['nonfraction', 'nonnumeric', 'fraction'].includes(ixName(e)) && e.getAttribute('name'));
// a fact nested around another (one printed figure for two dates) is highlighted by the inner one's wrapper
return {all: facts.length,
        highlighted: facts.filter(e => e.closest('.ixbrl-element') || e.querySelector('.ixbrl-element')).length,
        wrappers: doc.querySelectorAll('.ixbrl-element').length};
"""

_RESOURCES_JS = """
const urls = performance.getEntriesByType('resource').map(r => r.name);
const frame = document.querySelector('#iframe-container iframe');
if (frame && frame.contentWindow) {
    urls.push(...frame.contentWindow.performance.getEntriesByType('resource').map(r => r.name));
}
return urls;
"""


@pytest.mark.parametrize("source", ["example", "fixture"])
def test_viewer_end_to_end_in_chromium(tmp_path, served, browser, source):
    from selenium.webdriver.common.by import By

    base_url, site = served
    FAILED_REQUESTS.clear()
    doc = _inline_document(tmp_path, source)
    t0 = time.monotonic()
    viewer = build_viewer(doc.path, site)
    built = time.monotonic() - t0

    browser.get(f"{base_url}/{viewer.name}")
    _wait(browser, lambda d: d.execute_script(_READY_JS), "the viewer to finish processing the document")
    loaded = time.monotonic() - t0 - built

    # Every fact is in the viewer's document; every visible one is wrapped for highlighting.
    counts = _wait(browser, lambda d: (c := d.execute_script(_HIGHLIGHTED_JS))["highlighted"] and c,
                   "highlighted facts in the document iframe")
    assert counts["all"] == doc.total_facts, (doc.source, counts)
    assert counts["highlighted"] == doc.visible_facts, (doc.source, counts)
    assert counts["wrappers"] >= doc.visible_facts - 5  # a wrapper may hold adjacent facts; never far fewer

    # Click the first Revenues number in the document.
    frame = browser.find_element(By.CSS_SELECTOR, "#iframe-container iframe")
    browser.switch_to.frame(frame)
    revenues = browser.execute_script(
        "return Array.from(document.getElementsByTagNameNS('*', '*')).find("
        "e => e.localName.toLowerCase().replace(/^ix:/, '') === 'nonfraction'"
        " && e.getAttribute('name') === 'us-gaap:Revenues'"
        ").closest('.ixbrl-element');")
    assert revenues is not None, "no highlighted us-gaap:Revenues fact"
    printed = revenues.text.strip()
    revenues.click()
    browser.switch_to.default_content()

    # The inspector shows the selected fact: its concept, its value and "n of <all facts>".
    def selected(d):
        concept = d.find_elements(By.CSS_SELECTOR, "#inspector .fact-properties tr.concept td")
        return bool(concept and concept[0].text.strip()) and d.find_element(By.ID, "inspector")

    inspector = _wait(browser, selected, "the inspector to show the clicked fact", timeout=15)
    text = inspector.text
    concept = browser.find_element(By.CSS_SELECTOR, "#inspector .fact-properties tr.concept td").text.strip()
    assert concept == "Revenues"
    assert "us-gaap:Revenues" in text
    digits = "".join(ch for ch in printed if ch.isdigit())
    value = browser.find_element(By.CSS_SELECTOR, "#inspector .fact-properties tr.value td").text
    assert digits and digits in "".join(ch for ch in value if ch.isdigit()), (printed, value)
    assert f"of {doc.total_facts}" in text

    # Nothing was fetched from anywhere but the local server (the viewer is offline).
    resources = browser.execute_script(_RESOURCES_JS)
    foreign = [u for u in resources if not u.startswith((base_url, "data:", "blob:", "about:"))]
    assert not foreign, foreign
    assert f"{base_url}/{VIEWER_JS}" in resources
    # ... and every request was answered: the viewer's config file is there, no favicon is asked for
    assert f"{base_url}/{VIEWER_CONFIG}" in resources
    if source == "example":
        assert FAILED_REQUESTS == [], FAILED_REQUESTS
    else:  # the hand-made fixture has no icon link: the browser asks for /favicon.ico
        assert [p for p, _ in FAILED_REQUESTS if p != "/favicon.ico"] == [], FAILED_REQUESTS

    shot = tmp_path / "viewer.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width >= 800 and height >= 600
    assert len(data) > 20_000  # a rendered page, not a blank image
    print(f"viewer ({doc.source}): built in {built:.1f}s, loaded in {loaded:.1f}s, screenshot {shot}")
