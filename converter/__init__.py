"""xbrl-convert: earnings press releases to validated US-GAAP XBRL.

The pipeline runs one way: extract (text -> Release) -> map (Release -> facts)
-> serialize (facts -> XBRL instance) -> validate (Arelle + own checks).

The Python API (converter/api.py), imported on first use:

    from converter import convert_file, ConversionError
    result = convert_file("release.txt", out_dir="out")   # a ConversionResult; result.ok, .status
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["convert_file", "build_taxonomy_package", "ConversionResult", "Status", "ConversionError",
           "__version__"]

if TYPE_CHECKING:
    from converter.api import ConversionResult, Status, build_taxonomy_package, convert_file
    from converter.errors import ConversionError


def __getattr__(name: str) -> Any:
    """The API names, imported when first asked for (importing a submodule stays light)."""
    if name == "ConversionError":
        from converter.errors import ConversionError

        return ConversionError
    if name in ("convert_file", "build_taxonomy_package", "ConversionResult", "Status"):
        from converter import api

        return getattr(api, name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")
