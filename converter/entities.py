"""The entity registry: ticker or registrant name -> SEC Central Index Key (CIK) and name.

Two sources, loaded once into dictionaries (lookups are O(1)):

- taxonomy_map/company_tickers.tsv, the SEC's list of listed tickers (built by
  scripts/build_entity_registry.py from the SEC's company_tickers.json): one line per ticker,
  ``TICKER<TAB>CIK<TAB>TITLE``, in the SEC's order (a registrant's first ticker is its main
  one), after a ``#`` comment header;
- an override YAML (taxonomy_map/entities.yaml by default) for delisted and historical tickers
  and for the invented companies of the examples and fixtures; its entries win:

    entities:
      - ticker: CPST
        cik: "0001009759"
        name: Capstone Turbine Corporation

A ticker is looked up as printed and in the SEC's share-class form ("BRK.B", "BRK/B" and
"BRK B" are "BRK-B"; an OTC ".OB"/".PK" suffix is dropped). A registrant name is looked up by
its normalized form (see `name_key`): "The PNC Financial Services Group, Inc." and
"PNC FINANCIAL SERVICES GROUP, INC." are the same key; a key two registrants share finds none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from converter.config import read_yaml
from converter.errors import ConfigError

LISTED_FILE = "company_tickers.tsv"
OVERRIDES_FILE = "entities.yaml"


@dataclass(frozen=True)
class Entity:
    ticker: str
    cik: str  # 10 digits
    name: str
    source: str = ""  # the file it was read from


# Words a registrant name may end in that do not tell registrants apart: legal forms, the
# SEC's state-of-incorporation tags ("US BANCORP DE", "KEYCORP /NEW/") and a dangling "&".
_STATES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
           "NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY").split()
_TRAILING = frozenset(_STATES + [
    "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "LTD", "LIMITED", "LLC", "LP", "PLC",
    "NV", "SA", "AG", "SE", "NEW", "THE", "&", "AND"])


def name_key(name: str) -> str:
    """A registrant name's lookup form: upper case, no punctuation or "/XX/" tags, no leading
    "The", no trailing legal form or state tag ("U.S. Bancorp" and "US BANCORP DE" are "US BANCORP")."""
    text = re.sub(r"/[A-Z]*/?", " ", name.upper().replace("\u2019", "'"))
    text = text.replace(".", "").replace("'", "")
    words = re.sub(r"[^A-Z0-9&]+", " ", text).split()
    if words and words[0] == "THE":
        words = words[1:]
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    return " ".join(words)


def ticker_forms(ticker: str) -> list[str]:
    """The forms a printed ticker is looked up in: as printed, then the SEC's share-class form,
    then without an OTC market suffix."""
    upper = ticker.strip().upper()
    forms = [upper]
    plain = re.sub(r"\.(?:OB|PK)$", "", upper)
    for form in (re.sub(r"[./ ]", "-", upper), plain):
        if form not in forms:
            forms.append(form)
    return forms


@dataclass(frozen=True)
class EntityRegistry:
    """Overrides first, then the SEC's listed tickers."""

    overrides: tuple[Entity, ...] = ()
    listed: tuple[Entity, ...] = ()
    _tickers: dict[str, Entity] = field(default_factory=dict, repr=False, compare=False)
    _names: dict[str, Entity | None] = field(default_factory=dict, repr=False, compare=False)
    _ciks: dict[str, Entity] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for group in (self.listed, self.overrides):  # overrides last: they win
            names: dict[str, Entity | None] = {}
            for e in group:
                self._tickers[e.ticker] = e
                key = name_key(e.name)
                if key:
                    other = names.get(key, e)
                    names[key] = other if other is not None and other.cik == e.cik else None
            self._names.update(names)
        for e in self.overrides + self.listed:  # overrides first, then the SEC's first ticker of a CIK (its main class)
            self._ciks.setdefault(e.cik, e)

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.overrides + self.listed

    def by_ticker(self, ticker: str | None) -> Entity | None:
        if not ticker:
            return None
        for form in ticker_forms(ticker):
            if form in self._tickers:
                return self._tickers[form]
        return None

    def by_cik(self, cik: str | None) -> Entity | None:
        """The registrant of a CIK (10 digits), with its first ticker listed; None when not listed."""
        return self._ciks.get(cik) if cik else None

    def by_name(self, name: str | None) -> Entity | None:
        """The one registrant whose name normalizes like `name` (None when none or several)."""
        if not name:
            return None
        key = name_key(name)
        return self._names.get(key) if key else None


# ---- loading -------------------------------------------------------------------------------

def _entity(ticker: object, cik: object, name: object, where: str, source: str) -> Entity:
    cik = str(cik if cik is not None else "")
    if not re.fullmatch(r"\d{1,10}", cik):
        raise ConfigError(f"cik must be up to 10 digits, got {cik!r}", where)
    if not ticker or not name:
        raise ConfigError("ticker and name are required", where)
    return Entity(ticker=str(ticker).strip().upper(), cik=cik.zfill(10), name=str(name).strip(), source=source)


def load_overrides(path: Path) -> tuple[Entity, ...]:
    """The entities of an override YAML (`entities:` list of ticker, cik, name)."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise ConfigError("expected a mapping with an 'entities' list", str(path))
    out = []
    for i, raw in enumerate(data["entities"]):
        where = f"{path}: entities[{i}]"
        if not isinstance(raw, dict) or set(raw) - {"ticker", "cik", "name"}:
            raise ConfigError("each entity needs ticker, cik and name only", where)
        out.append(_entity(raw.get("ticker"), raw.get("cik"), raw.get("name"), where, path.name))
    return tuple(out)


def load_listed(path: Path) -> tuple[Entity, ...]:
    """The entities of the shipped ticker list (TICKER, CIK, TITLE separated by tabs)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", str(path), code="xc:configNotFound") from None
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ConfigError("expected TICKER, CIK and TITLE separated by tabs", f"{path}:{number}")
        out.append(_entity(*parts, f"{path}:{number}", path.name))
    return tuple(out)


def default_entity_registry_path() -> Path:
    from taxonomy_map import data_path

    return data_path(OVERRIDES_FILE)


def default_listed_path() -> Path:
    from taxonomy_map import data_path

    return data_path(LISTED_FILE)


@lru_cache(maxsize=4)
def _cached_listed(path: str) -> tuple[Entity, ...]:
    return load_listed(Path(path))


def load_entity_registry(path: Path | None = None, listed: Path | None = None) -> EntityRegistry:
    """The registry: the override YAML `path` (default taxonomy_map/entities.yaml) on top of the
    shipped SEC ticker list (read once per process)."""
    overrides = load_overrides(path or default_entity_registry_path())
    return EntityRegistry(overrides=overrides, listed=_cached_listed(str(listed or default_listed_path())))
