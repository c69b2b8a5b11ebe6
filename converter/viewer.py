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

Arelle runs as in `converter.validate`: the shipped offline taxonomy package (plus the caller's
packages), ``internetConnectivity="offline"`` unless online=True, a fresh empty cache and config
directory per run, no persistent config, structured log, no printing. Taxonomy validation is not
run here (use `converter.validate` for that): the document only has to load.
"""

from __future__ import annotations

from collections.abc import Sequence
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
            f"the Arelle iXBRL Viewer plugin is not installed (pip install ixbrl-viewer): {exc}"
        ) from exc
    script = Path(iXBRLViewerPlugin.__file__).resolve().parent / "viewer" / "dist" / VIEWER_JS
    if not script.is_file():
        raise ValidationError(
            "the iXBRL Viewer JavaScript is missing from the installed ixbrl-viewer package "
            "(a source checkout needs `npm run prod`; the PyPI package ships it)",
            str(script),
        )
    return script


def _plugin_location() -> str:
    import iXBRLViewerPlugin

    return str(Path(iXBRLViewerPlugin.__file__).resolve().parent)


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
        raise ValidationError("inline XBRL document not found", str(inline_document))
    for pkg in taxonomy_packages:
        if not Path(pkg).is_file():
            raise ValidationError("taxonomy package not found", str(pkg))
    script = viewer_script_path()
    out_dir.mkdir(parents=True, exist_ok=True)
    html = out_dir / f"{inline_document.stem}{_VIEWER_SUFFIX}"
    js = out_dir / VIEWER_JS
    html.unlink(missing_ok=True)

    plugin_options = {
        "saveViewerDest": str(html.resolve()),
        "viewerURL": str(script),  # a local file: copied next to the HTML, referenced by name
        "viewerNoCopyScript": False,
        "validationMessages": False,
        "useStubViewer": False,
        "viewerBasenameSuffix": "",
        "packageDownloadURL": None,
        "zipViewerOutput": False,
    }
    with arelle_session(inline_document.resolve(), taxonomy_packages=taxonomy_packages, online=online,
                        plugins=_plugin_location(), plugin_options=plugin_options) as run:
        records, printed = run.records, run.printed

    if not html.is_file():
        raise ValidationError(
            f"the iXBRL Viewer was not written ({_problems(records, printed)})",
            str(inline_document),
        )
    if not js.is_file():
        raise ValidationError("the iXBRL Viewer JavaScript was not copied next to the viewer", str(js))
    return html
