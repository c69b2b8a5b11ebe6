"""Reading the YAML configuration files (concept table, company maps, entity overrides)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from converter.errors import ConfigError


def read_yaml(path: Path) -> Any:
    """The parsed YAML of a configuration file; ConfigError naming the file when it is missing or invalid."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("file not found", str(path), code="xc:configNotFound") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", str(path), code="xc:configNotYaml") from exc
