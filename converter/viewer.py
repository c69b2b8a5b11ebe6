"""Build an Arelle iXBRL Viewer for an Inline XBRL document, fully offline.

The viewer comes from the `ixbrl-viewer` package (the Arelle iXBRL Viewer): an Arelle plugin,
`iXBRLViewerPlugin`, which loads the inline document with Arelle, adds the taxonomy data as a
JSON blob and a ``<script src=...>`` tag to a copy of it, and writes that copy as the viewer
HTML. The viewer JavaScript (``ixbrlviewer.js``, a self-contained webpack bundle) ships inside
the pip package at ``iXBRLViewerPlugin/viewer/dist/ixbrlviewer.js``. The plugin is given that
file path as ``viewerURL`` with copying on, so it copies the bundle next to the HTML and the
script tag references it by its bare file name: the HTML loads ``ixbrlviewer.js`` from its own
folder, never from a CDN, so the output folder works offline (served by any static HTTP server;
browsers refuse some of what the viewer does for ``file://`` pages).

In a batch (`convert --viewer`) the viewer is built from the model already loaded for validation
(`write_viewer`) and its script tag points at ``../ixbrlviewer.js``: one copy of the script per
batch folder (`install_viewer_script`), not one per release. `build_viewer` (the `view` command)
loads the document itself and copies the script next to the HTML.

Arelle runs through `converter.validate`'s long-lived engine: the shipped offline taxonomy package
(plus the caller's packages), offline unless online=True, no persistent config, structured log,
no printing. Taxonomy validation is not run here (use `converter.validate` for that): the document
only has to load.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from converter.errors import ValidationError
from converter.validate import arelle_session

VIEWER_JS = "ixbrlviewer.js"
_VIEWER_SUFFIX = "-viewer.html"


def viewer_script_path() -> Path:
    """The viewer JavaScript shipped in the ixbrl-viewer package (ValidationError when absent)."""
    try:
        import iXBRLViewerPlugin
    except ImportError as exc:
        raise ValidationError(
            f"the Arelle iXBRL Viewer plugin is not installed (pip install ixbrl-viewer): {exc}",
            code="xc:viewerFailed") from exc
    script = Path(iXBRLViewerPlugin.__file__).resolve().parent / "viewer" / "dist" / VIEWER_JS
    if not script.is_file():
        raise ValidationError(
            "the iXBRL Viewer JavaScript is missing from the installed ixbrl-viewer package "
            "(a source checkout needs `npm run prod`; the PyPI package ships it)",
            str(script), code="xc:viewerFailed")
    return script


def _problems(records: Sequence[dict[str, Any]], printed: str) -> str:
    lines = []
    for r in records:
        level = str(r.get("levelname") or "").upper()
        code = str(r.get("messageCode") or "")
        if "ERROR" in level or "CRITICAL" in level or code.startswith("viewer:"):
            if code == "viewer:info":
                continue
            lines.append(f"[{code or level}] {r.get('msg')}")
    if printed:
        lines.append(printed)
    return "; ".join(lines)[:2000] or "no messages"


def _features() -> dict[str, Any]:
    """The viewer features as the plugin's command line sets them by default (fixed, so that the
    viewer is the same for every document of a run and from run to run)."""
    from iXBRLViewerPlugin.constants import FEATURE_CONFIGS

    return {c.key: c.cliDefault for c in FEATURE_CONFIGS if c.cliDefault is not None}


def write_viewer(cntlr: Any, model: Any, html: Path, script_url: str, *, copy_script: bool,
                 source: str) -> Path:
    """Write the viewer HTML of a loaded inline model to `html`, its script tag pointing at
    `script_url` (copied next to the HTML first when `copy_script`). The plugin's builder is
    called directly on the model: no plugin discovery, no second load."""
    from iXBRLViewerPlugin.iXBRLViewer import IXBRLViewerBuilder

    script = viewer_script_path()
    html = Path(html)
    html.parent.mkdir(parents=True, exist_ok=True)
    html.unlink(missing_ok=True)
    sink = io.StringIO()
    problem = ""
    try:
        with redirect_stdout(sink), redirect_stderr(sink):
            if model is not None and model.modelDocument is not None:
                builder = IXBRLViewerBuilder(cntlr, useStubViewer=False, features=_features())
                builder.processModel(model)
                if builder.reportCount:
                    viewer = builder.createViewer(scriptUrl=script_url, showValidations=False)
                    if viewer is not None:
                        viewer.save(str(html.resolve()), zipOutput=False,
                                    copyScriptPath=script.resolve() if copy_script else None)
                else:
                    problem = "no inline XBRL document loaded"
            else:
                problem = "the document did not load"
    except Exception as exc:  # noqa: BLE001 - any failure inside the plugin
        problem = f"{type(exc).__name__}: {exc}"
    if not html.is_file():
        detail = "; ".join(x for x in (problem, sink.getvalue().strip()[:500]) if x) or "no messages"
        raise ValidationError(f"the iXBRL Viewer was not written ({detail})", source, code="xc:viewerFailed")
    if copy_script and not (html.parent / Path(script_url).name).is_file():
        raise ValidationError("the iXBRL Viewer JavaScript was not copied next to the viewer", str(html.parent),
                              code="xc:viewerFailed")
    return html


def install_viewer_script(folder: Path) -> Path:
    """Put one copy of ixbrlviewer.js into `folder` (a batch's output folder), unless the same
    file is already there. Safe when several processes do it at once (write then rename)."""
    script = viewer_script_path()
    folder = Path(folder)
    target = folder / VIEWER_JS
    if target.is_file() and target.stat().st_size == script.stat().st_size:
        return target
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{VIEWER_JS}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(script.read_bytes())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def build_viewer(
    inline_document: Path,
    out_dir: Path,
    *,
    taxonomy_packages: Sequence[Path] = (),
    online: bool = False,
) -> Path:
    """Write ``<stem>-viewer.html`` and ``ixbrlviewer.js`` into out_dir; return the HTML path.

    Raises ValidationError when the document is missing, the plugin or its JavaScript is not
    installed, or Arelle / the plugin could not produce the viewer (with Arelle's messages).
    """
    inline_document = Path(inline_document)
    out_dir = Path(out_dir)
    if not inline_document.is_file():
        raise ValidationError("inline XBRL document not found", str(inline_document), code="xc:unreadableInput")
    for pkg in taxonomy_packages:
        if not Path(pkg).is_file():
            raise ValidationError("taxonomy package not found", str(pkg), code="xc:taxonomyPackage")
    viewer_script_path()  # ValidationError now when the plugin or its script is missing
    html = out_dir / f"{inline_document.stem}{_VIEWER_SUFFIX}"
    with arelle_session(inline_document.resolve(), taxonomy_packages=taxonomy_packages, online=online) as run:
        try:
            return write_viewer(run.cntlr, run.model, html, VIEWER_JS, copy_script=True,
                                source=str(inline_document))
        except ValidationError as exc:
            raise ValidationError(f"{exc.message} {_problems(run.records, run.printed)}".strip(),
                                  str(inline_document), code="xc:viewerFailed") from exc


def viewer_name(inline_name: str) -> str:
    """The viewer HTML's file name for an inline document."""
    return f"{Path(inline_name).stem}{_VIEWER_SUFFIX}"
