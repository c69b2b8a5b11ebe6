"""The one adapter around Arelle: validate an XBRL 2.1 instance and return structured messages.

Arelle runs through its supported API (`arelle.api.Session` + `arelle.RuntimeOptions`) with:

* XBRL 2.1 + XDT validation (`validate=True`; dimensions are part of Arelle's 2.1 validation),
* Unit Type Registry checks (`utrValidate=True`, Arelle's bundled UTR),
* duplicate-fact detection (`validateDuplicateFacts="inconsistent"`: facts with the same concept,
  context and unit whose values disagree; Arelle logs them as warnings "arelle:duplicateFacts",
  this adapter reports them as errors; consistent duplicates are legal XBRL 2.1 and not reported),
* calculation checks only when asked (`calcs="c11r"`, Calculations 1.1 round-to-nearest),
* taxonomy packages: the shipped offline subset package first, then the caller's packages.
  Arelle rebuilds its URL remappings in package load order and a later package's rewrite of
  the same start string replaces an earlier one, and among different start strings the longest
  matching one wins. So a user package (e.g. the official FASB us-gaap-2024.zip) that rewrites
  https://xbrl.fasb.org/us-gaap/2024/ replaces the shipped subset for that prefix. When the
  user packages cover every prefix of the shipped package (with the same or a shorter start
  string), the shipped one is not loaded at all. (Left over: a user package that rewrites a
  shorter start string than the shipped one for only some of its prefixes loses to it there.)
* `internetConnectivity="offline"` unless online=True, and a fresh, empty cache directory per run
  so that nothing cached by an earlier run (or by another program) can stand in for a missing
  file; Arelle's bundled resources (xbrl-instance, DTR types, UTR) are still found offline.
* `disablePersistentConfig=True`: no reading or writing of Arelle's user config.

Arelle's log goes to its structured-message handler (`logToStructuredMessage`) and comes back as
`ValidationMessage`s; nothing is printed. Only a failure to run Arelle raises ValidationError.
Arelle keeps process-wide state: one validation runs at a time (a lock serializes callers).
"""

from __future__ import annotations

import io
import re
import tempfile
import threading
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from converter.errors import ValidationError
from converter.model import Level, ValidationMessage

SHIPPED_PACKAGE = "us-gaap-2024-offline.zip"

_LOCK = threading.Lock()

# Messages that are Arelle's own chatter about the run rather than findings about the instance.
_NOISE_CODES = frozenset({"info", "", "arelle:info"})

_LEVELS = {
    "ERROR": Level.ERROR,
    "CRITICAL": Level.ERROR,
    "ERROR-SEMANTIC": Level.ERROR,
    "ASSERTION-NOT-SATISFIED": Level.ERROR,
    "WARNING": Level.WARNING,
    "WARNING-SEMANTIC": Level.WARNING,
    "INCONSISTENCY": Level.ERROR,
    "INFO": Level.INFO,
    "INFO-SEMANTIC": Level.INFO,
    "INFO-RESULT": Level.INFO,
    "ASSERTION-SATISFIED": Level.INFO,
    "DEBUG": Level.INFO,
}

_QNAME_RE = re.compile(r"\b(us-gaap|dei):[A-Za-z][A-Za-z0-9_]*")


@dataclass(frozen=True)
class ArelleReport:
    """What Arelle said about one instance."""

    messages: tuple[ValidationMessage, ...]
    taxonomy_source: str
    fact_count: int

    @property
    def errors(self) -> tuple[ValidationMessage, ...]:
        return tuple(m for m in self.messages if m.level is Level.ERROR)

    @property
    def warnings(self) -> tuple[ValidationMessage, ...]:
        return tuple(m for m in self.messages if m.level is Level.WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors


_PACKAGE_OVERRIDE: list[Path] = []  # see converter.supplement.supplemented


def shipped_package_path() -> Path:
    """The offline US-GAAP 2024 / dei 2024 subset package shipped in taxonomy_map (or, while a
    release that uses learned concepts is validated, that package supplemented with them)."""
    from taxonomy_map import data_path

    return _PACKAGE_OVERRIDE[-1] if _PACKAGE_OVERRIDE else data_path(SHIPPED_PACKAGE)


# ---- packages ----------------------------------------------------------------------------


def _package_rewrites(package: Path) -> set[str]:
    """The rewriteURI/rewriteSystem start strings of a taxonomy package zip (empty if unreadable)."""
    from lxml import etree

    starts: set[str] = set()
    try:
        with zipfile.ZipFile(package) as zf:
            for name in zf.namelist():
                if name.endswith("META-INF/catalog.xml"):
                    root = etree.fromstring(zf.read(name))
                    for el in root.iter():
                        start = el.get("uriStartString") or el.get("systemIdStartString")
                        if start:
                            starts.add(start)
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return set()
    return starts


def _packages_to_load(user_packages: Sequence[Path]) -> tuple[list[Path], str]:
    shipped = shipped_package_path()
    user = [Path(p) for p in user_packages]
    user_starts: set[str] = set()
    for p in user:
        user_starts |= _package_rewrites(p)
    shipped_starts = _package_rewrites(shipped)
    names = ", ".join(p.name for p in user)
    # A shipped rewrite is covered when a user package rewrites the same start string or a
    # shorter one that contains it (Arelle would pick the longer, shipped one: drop it then).
    covered = {s for s in shipped_starts if any(s.startswith(u) for u in user_starts)}
    if user and shipped_starts and covered == shipped_starts:
        return user, f"official packages: {names}"
    source = f"offline subset package taxonomy_map/{SHIPPED_PACKAGE}"
    if user:
        source += f" overridden by packages: {names}"
    # Arelle applies packages in order; later ones replace earlier rewrites of the same prefix.
    return [shipped, *user], source


# ---- messages ----------------------------------------------------------------------------


def _level(levelname: str) -> Level:
    return _LEVELS.get(levelname.upper(), Level.ERROR if "ERROR" in levelname.upper() else Level.INFO)


def _concept_of(record: dict[str, Any], text: str) -> str | None:
    args = record.get("args")
    if isinstance(args, dict):
        for key in ("qname", "fact", "concept", "element", "name"):
            value = args.get(key)
            if isinstance(value, str) and ":" in value and " " not in value:
                return value
    for ref in record.get("refs") or ():
        if isinstance(ref, dict):
            props = ref.get("properties")
            if isinstance(props, (list, tuple)):
                for prop in props:
                    if isinstance(prop, (list, tuple)) and len(prop) >= 2 and prop[0] in ("QName", "qname"):
                        return str(prop[1])
    found = _QNAME_RE.search(text)
    return found.group(0) if found else None


def _refs_of(record: dict[str, Any]) -> tuple[str, ...]:
    out: list[str] = []
    for ref in record.get("refs") or ():
        if isinstance(ref, dict) and ref.get("href"):
            line = ref.get("sourceLine")
            out.append(f"{ref['href']}" + (f" line {line}" if line else ""))
    return tuple(out)


def _to_message(record: dict[str, Any]) -> ValidationMessage | None:
    code = str(record.get("messageCode") or "")
    text = record.get("msg")
    text = text if isinstance(text, str) else str(text)
    level = _level(str(record.get("levelname") or "INFO"))
    if level is Level.INFO and code in _NOISE_CODES:
        return None
    if code == "tpe:packageRewriteOverlap":
        # Intended: a user package replaces part of the shipped subset (see the module docstring).
        level = Level.INFO
    elif code == "arelle:duplicateFacts":
        # Only inconsistent sets are requested. Arelle logs them as warnings, but two different
        # values for the same fact make the instance wrong: report them as errors.
        level = Level.ERROR
    return ValidationMessage(
        code=code or "arelle",
        level=level,
        message=text,
        concept=_concept_of(record, text),
        source="arelle",
        refs=_refs_of(record),
    )


# ---- running -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ArelleRun:
    """One Arelle run: its session (models kept open while the `arelle_session` block runs),
    its structured log records, and anything it printed despite the structured log."""

    session: Any
    records: list[dict[str, Any]]
    printed: str


@contextmanager
def arelle_session(
    entry: Path,
    *,
    taxonomy_packages: Sequence[Path] = (),
    online: bool = False,
    validate: bool = False,
    calc: bool = False,
    plugins: str | None = None,
    plugin_options: dict[str, Any] | None = None,
) -> Iterator[ArelleRun]:
    """The one place that runs Arelle: an `arelle.api.Session` on `entry`, with the shipped
    offline taxonomy package and the user's packages (which win), offline unless `online`, a
    fresh empty cache folder, no persistent configuration, the log as structured records and
    Arelle's own output captured. One run at a time (Arelle's state is process-wide).

    `validate` turns on XBRL 2.1, dimensions, UTR and inconsistent-duplicate-fact validation;
    `calc` adds Calculation 1.1 (round to nearest). ValidationError when Arelle cannot run.
    """
    try:
        from arelle.api.Session import Session
        from arelle.RuntimeOptions import RuntimeOptions
    except ImportError as exc:  # pragma: no cover - arelle is a dependency
        raise ValidationError(f"Arelle is not installed: {exc}") from exc
    for pkg in taxonomy_packages:
        if not Path(pkg).is_file():
            raise ValidationError("taxonomy package not found", str(pkg))
    packages, _ = _packages_to_load(taxonomy_packages)
    if not online and not packages[0].is_file():
        raise ValidationError("the shipped taxonomy package is missing; reinstall xbrl-convert", str(packages[0]))

    with _LOCK, tempfile.TemporaryDirectory(prefix="xbrl-convert-arelle-") as tmp:
        cache_dir = Path(tmp) / "cache"
        cache_dir.mkdir()
        options = RuntimeOptions(
            entrypointFile=str(entry),
            packages=[str(p) for p in packages],
            plugins=plugins,
            pluginOptions=plugin_options,
            validate=validate,
            utrValidate=validate,
            validateDuplicateFacts="inconsistent" if validate else None,
            calcs="c11r" if calc else None,
            internetConnectivity="online" if online else "offline",
            cacheDirectory=str(cache_dir),
            disablePersistentConfig=True,
            logFile="logToStructuredMessage",
            logLevel="INFO",
            logPropagate=False,
            keepOpen=True,
        )
        sink = io.StringIO()
        try:
            with redirect_stdout(sink), redirect_stderr(sink), Session() as session:
                session.run(options)
                yield ArelleRun(session, list(session.get_log_messages()), sink.getvalue().strip())
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure inside Arelle means it could not run
            raise ValidationError(f"Arelle could not run: {type(exc).__name__}: {exc}", str(entry)) from exc


def validate_instance(
    instance: Path,
    *,
    taxonomy_packages: Sequence[Path] = (),
    online: bool = False,
    calc: bool = False,
) -> ArelleReport:
    """Validate an XBRL 2.1 instance (or an Inline XBRL document) with Arelle and return its
    messages.

    Problems with the instance (not found, not XML, schema or XBRL errors) are messages in the
    report. ValidationError is raised only when Arelle itself cannot be run.
    """
    _, taxonomy_source = _packages_to_load([p for p in taxonomy_packages if Path(p).is_file()])
    if online and not taxonomy_packages:
        taxonomy_source = "online (with the offline subset package)"
    elif online:
        taxonomy_source = f"online ({taxonomy_source})"
    with arelle_session(instance, taxonomy_packages=taxonomy_packages, online=online, validate=True,
                        calc=calc) as run:
        records = run.records
        printed = run.printed
        fact_count = sum(len(m.factsInInstance) for m in run.session.get_models())

    found = [m for m in (_to_message(r) for r in records) if m is not None]
    if printed:  # Arelle printed something despite the structured log: keep it, as information
        found.append(ValidationMessage("arelle:output", Level.INFO, printed[:2000], source="arelle"))
    return ArelleReport(messages=tuple(found), taxonomy_source=taxonomy_source, fact_count=fact_count)


# ---- calculation inconsistencies ---------------------------------------------------------

_CALC_MESSAGE_RE = re.compile(
    r"Calculation inconsistent from (?P<concept>\S+) in link role (?P<role>\S+) "
    r"reported sum (?P<reported>.+?) computed sum (?P<computed>.+?) "
    r"context (?P<context>\S+) unit (?P<unit>\S+)")
CALC_CODE_PREFIXES = ("calc11e:", "xbrl.5.2.5.2")


@dataclass(frozen=True)
class CalcInconsistency:
    """One Calculation 1.1 finding of Arelle, as a record: which total, in which role and context,
    the reported value (Arelle gives an interval from the fact's decimals) and the computed sum."""

    code: str  # "calc11e:inconsistentCalculationUsingRounding", ...
    concept: str | None  # the total, "us-gaap:AssetsCurrent"
    link_role: str | None
    context: str | None  # context id, e.g. "I20240630"
    unit: str | None
    reported: str | None  # "[64374500, 64375500]"
    computed: str | None  # "[64473000.0, 64477000.0]"
    message: str
    refs: tuple[str, ...] = ()  # the facts involved, total first

    def summary(self) -> str:
        if self.reported is None:
            return f"{self.code}: {self.message}"
        return (f"{self.code}: {self.concept} in {self.context} ({self.unit}): reported {self.reported}, "
                f"computed {self.computed} (role {self.link_role})")


def calculation_inconsistencies(report: ArelleReport | Sequence[ValidationMessage]) -> tuple[CalcInconsistency, ...]:
    """The calculation messages of a report (validate_instance(..., calc=True)) as records."""
    messages = report.messages if isinstance(report, ArelleReport) else report
    out = []
    for m in messages:
        if not m.code.startswith(CALC_CODE_PREFIXES):
            continue
        found = _CALC_MESSAGE_RE.search(m.message)
        if found:
            out.append(CalcInconsistency(m.code, found["concept"], found["role"], found["context"], found["unit"],
                                         found["reported"], found["computed"], m.message, m.refs))
        else:
            out.append(CalcInconsistency(m.code, m.concept, None, None, None, None, None, m.message, m.refs))
    return tuple(out)
