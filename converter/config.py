"""Reading the YAML configuration files (concept table, company maps, entity overrides)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from converter.errors import ConfigError


# libyaml's loader when PyYAML was built with it (the same safe subset, several times faster:
# the concept table and the learned vocabulary are read at every start).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The parsed YAML of a configuration file; ConfigError naming the file when it is missing or invalid."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", str(path), code="xc:configNotFound") from None
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        pass
    try:  # the pure-Python loader's message shows the offending line
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", str(path), code="xc:configNotYaml") from exc
