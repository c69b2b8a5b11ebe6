"""Data package: concept table, entity registry and the offline taxonomy package."""

from importlib.resources import files
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a file shipped in this folder (works from a checkout and from a wheel)."""
    return Path(str(files(__name__) / name))
