"""The one adapter around Arelle: validate an XBRL 2.1 instance and return structured messages.

Arelle runs on one long-lived controller per process (`ArelleEngine`, made by `arelle_engine`):
the taxonomy packages are opened once, no plugin discovery runs, and each document is loaded by
the controller's model manager and validated with:

* XBRL 2.1 + XDT validation (dimensions are part of Arelle's 2.1 validation),
* Unit Type Registry checks (Arelle's bundled UTR),
* duplicate-fact detection ("inconsistent": facts with the same concept, context and unit whose
  values disagree; Arelle logs them as warnings "arelle:duplicateFacts", this adapter reports
  them as errors; consistent duplicates are legal XBRL 2.1 and not reported),
* calculation checks only when asked (Calculations 1.1 round-to-nearest),
* for an inline document, the XHTML + Inline XBRL schema check (the compiled schema is kept for
  the process, see `_install_schema_cache`),
* taxonomy packages: the shipped offline subset package first, then the caller's packages.
  Arelle rebuilds its URL remappings in package load order and a later package's rewrite of
  the same start string replaces an earlier one, and among different start strings the longest
  matching one wins. So a user package (e.g. the official FASB us-gaap-2024.zip) that rewrites
  https://xbrl.fasb.org/us-gaap/2024/ replaces the shipped subset for that prefix. When the
  user packages cover every prefix of the shipped package (with the same or a shorter start
  string), the shipped one is not loaded at all. (Left over: a user package that rewrites a
  shorter start string than the shipped one for only some of its prefixes loses to it there.)
* base taxonomies (documents served from the packages or from Arelle's bundled resources) skip
  Arelle's DTS checks, the way disclosure-system validators skip base taxonomies; the shipped
  package is checked once by a test (`check_base=True`),
* offline unless online=True, and a fresh, empty cache directory per engine (per process) so
  that nothing cached by another program can stand in for a missing file; Arelle's bundled
  resources (xbrl-instance, DTR types, UTR) are still found offline,
* no reading or writing of Arelle's user config.

Arelle's log goes to its structured-message handler and comes back as `ValidationMessage`s;
nothing is printed. Only a failure to run Arelle raises ValidationError. Arelle keeps
process-wide state (package mappings): one engine per process, one load at a time (a lock
serializes callers); parallel batches use processes (converter.batch).
"""

from __future__ import annotations

import io
import multiprocessing.util
import os
import re
import tempfile
import threading
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from converter.arellefast import install_linkbase_schema_check
from converter.sharedbase import SharedBase, install_lending, lending
from converter.errors import ValidationError
from converter.model import Level, ValidationMessage

SHIPPED_PACKAGE = "us-gaap-2024-offline.zip"

_LOCK = threading.Lock()

# Messages that are Arelle's own chatter about the run rather than findings about the instance.
_NOISE_CODES = frozenset({"info", "", "arelle:info", "info:profileActivity"})  # profileActivity: timings

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

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
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


def _arelle_resources() -> Path:
    import arelle

    return Path(arelle.__file__).resolve().parent / "resources"


def _is_base_document(document: Any, bases: Sequence[Path]) -> bool:
    """Whether an Arelle document was served from a taxonomy package or from Arelle's bundled
    resources (XBRL specification schemas, DTR types, LRR roles): a base taxonomy."""
    path = str(getattr(document, "filepath", "") or "")
    return any(path.startswith(str(p) + os.sep) for p in bases)


_XHTML_SCHEMAS: dict[str, Any] = {}


def _install_schema_cache() -> None:
    """Make Arelle's XHTML check of inline documents reuse the compiled XHTML + Inline XBRL
    schema instead of parsing and compiling its ~40 files for every document.

    Arelle's `XmlValidate.lxmlSchemaValidate(document, extraSchema)` parses the schema at
    `extraSchema` and compiles it with lxml each time. The wrapper compiles it once per process
    and validates with it; when the document is not valid it calls Arelle's own function, so the
    messages are exactly Arelle's. Only calls with `extraSchema` (the XHTML check) are cached.
    """
    from arelle import XmlValidate
    from lxml import etree

    original = XmlValidate.lxmlSchemaValidate
    if getattr(original, "_xbrl_convert_cached", False):
        return

    def cached(document: Any, extraSchema: str | None = None) -> None:  # noqa: N803 - Arelle's name
        if document is None or not extraSchema:
            return original(document, extraSchema)
        model = document.modelXbrl
        namespace = document.xmlRootElement.qname.namespaceURI
        if not namespace or namespace in model.namespaceDocs:
            return original(document, extraSchema)
        schema = _XHTML_SCHEMAS.get(extraSchema)
        if schema is None:
            try:
                tree = etree.parse(extraSchema, parser=XmlValidate.lxmlResolvingParser(model.modelManager.cntlr, model))
                schema = etree.XMLSchema(tree)
            except Exception:  # noqa: BLE001 - let Arelle's own function report the problem
                return original(document, extraSchema)
            _XHTML_SCHEMAS[extraSchema] = schema
        if not schema.validate(document.xmlRootElement.getroottree()):
            return original(document, extraSchema)
        return None

    cached._xbrl_convert_cached = True  # type: ignore[attr-defined]
    XmlValidate.lxmlSchemaValidate = cached


class ArelleEngine:
    """A long-lived Arelle controller for one process and one taxonomy configuration.

    Created once (see `arelle_engine`) and reused for every document the process loads: the
    packages are opened and their remappings built once, and no plugin discovery runs (the
    xBRL-JSON export and the viewer call their plugin functions on a loaded model). Each engine
    has its own empty cache folder, removed when the process ends. Documents served from the
    taxonomy packages are base taxonomies and skip Arelle's DTS checks, the way disclosure-system
    validators skip base taxonomies: the shipped package is validated once, by a test
    (tests/test_validate.py), and official packages are published valid. The company's own
    schema and linkbases, the instance and the inline document are checked in full.
    """

    def __init__(self, packages: Sequence[Path], online: bool) -> None:
        from arelle.CntlrCmdLine import CntlrCmdLine
        from arelle.RuntimeOptions import RuntimeOptions

        self.packages = tuple(Path(p).resolve() for p in packages)
        self.bases = (*self.packages, _arelle_resources())
        self._tmp = tempfile.TemporaryDirectory(prefix="xbrl-convert-arelle-")
        # The folder's own clean-up runs at interpreter exit, which a pool's worker process skips
        # (it leaves through os._exit): multiprocessing's exit hook runs in workers and here too.
        multiprocessing.util.Finalize(self, self._tmp.cleanup, exitpriority=0)
        cache_dir = Path(self._tmp.name) / "cache"
        cache_dir.mkdir()
        sink = io.StringIO()
        with redirect_stdout(sink), redirect_stderr(sink):
            cntlr = CntlrCmdLine(disable_persistent_config=True)
            cntlr.startLogging(logFileName="logToStructuredMessage", logLevel="INFO", logPropagate=False,
                               logRefObjectProperties=True)
            cntlr.postLoggingInit()
            # A run without an entry point configures the controller: packages, offline mode,
            # cache folder and the validation switches every later load uses.
            cntlr.run(RuntimeOptions(
                packages=[str(p) for p in self.packages],
                internetConnectivity="online" if online else "offline",
                cacheDirectory=str(cache_dir),
                disablePersistentConfig=True,
                validate=True,
                utrValidate=True,
                validateDuplicateFacts="inconsistent",
                baseTaxonomyValidationMode="none",
                logFile="logToStructuredMessage",
                keepOpen=True,
            ))
        self.cntlr = cntlr
        _install_schema_cache()
        install_linkbase_schema_check()
        setup = self._take_records()
        failed = [r for r in setup if "ERROR" in str(r.get("levelname") or "").upper()]
        if failed:
            raise ValidationError(f"Arelle could not load the taxonomy packages: {failed[0].get('msg')}",
                                  code="xc:taxonomyPackage")
        self.shared = self._shared_base()

    def _shared_base(self) -> SharedBase | None:
        """The base taxonomy loaded once and lent to every load (converter.sharedbase); None
        when loading it said anything (then every load reads the base taxonomy itself)."""
        install_lending()
        sink = io.StringIO()
        shared = None
        try:
            with redirect_stdout(sink), redirect_stderr(sink):
                shared = SharedBase(self.cntlr, Path(self._tmp.name), self.bases)
        except Exception:  # noqa: BLE001 - no sharing; each load reads the base taxonomy as before
            shared = None
        said = [m for m in (_to_message(r) for r in self._take_records()) if m is not None]
        if shared is not None and (said or sink.getvalue().strip() or not shared.docs):
            shared.close()
            shared = None
        return shared

    def _take_records(self) -> list[dict[str, Any]]:
        handler = self.cntlr.logHandler
        records = list(getattr(handler, "messages", []))
        if hasattr(handler, "messages"):
            handler.messages.clear()
        if hasattr(handler, "clearLogBuffer"):
            handler.clearLogBuffer()
        return records

    def _load(self, entry: Path, validate: bool, calc: bool, check_base: bool = False) -> list[Any]:
        """Load (and validate) `entry`; the loaded models (none when it could not be loaded)."""
        from arelle import FileSource, ModelDocument, Validate
        from arelle.ValidateXbrlCalcs import ValidateCalcsMode

        manager = self.cntlr.modelManager
        manager.validateCalcs = ValidateCalcsMode.ROUND_TO_NEAREST if calc else ValidateCalcsMode.NONE
        source = FileSource.openFileSource(str(entry), self.cntlr)
        if source.isArchive:  # a report package: let Arelle's own run find its entry points
            source.close()
            return self._run_archive(entry, validate)
        try:
            with lending(manager, None if check_base else self.shared):
                model = manager.load(source, "loading")
        except ModelDocument.LoadingException:
            return list(manager.loadedModelXbrls)
        if model is None:
            return []
        if validate and model.modelDocument is not None:
            for document in model.urlDocs.values():
                if not check_base and _is_base_document(document, self.bases):
                    document.skipDTS = True
            Validate.validate(model)
        return [model]

    def _run_archive(self, entry: Path, validate: bool) -> list[Any]:
        from arelle.RuntimeOptions import RuntimeOptions

        manager = self.cntlr.modelManager
        calcs = manager.validateCalcs
        self.cntlr.run(RuntimeOptions(entrypointFile=str(entry), validate=validate, utrValidate=True,
                                      validateDuplicateFacts="inconsistent", baseTaxonomyValidationMode="none",
                                      disablePersistentConfig=True, logFile="logToStructuredMessage",
                                      keepOpen=True))
        manager.validateCalcs = calcs
        return list(manager.loadedModelXbrls)

    def _close(self, models: Sequence[Any]) -> None:
        manager = self.cntlr.modelManager
        for model in list(models) + list(manager.loadedModelXbrls):
            while model in manager.loadedModelXbrls:
                manager.loadedModelXbrls.remove(model)
            try:
                if self.shared is not None:
                    self.shared.give_back(model)
                model.close()
            except Exception:  # noqa: BLE001 - a model that failed half-way may not close cleanly
                pass
        manager.modelXbrl = None

    @contextmanager
    def open(self, entry: Path, *, validate: bool = False, calc: bool = False,
             check_base: bool = False) -> Iterator[ArelleRun]:
        """Load `entry` (validated when `validate`; Calculation 1.1 when `calc`; base taxonomies
        checked too when `check_base`), keep its models open while the block runs, then close
        them. ValidationError when Arelle cannot run."""
        sink = io.StringIO()
        models: list[Any] = []
        try:
            with redirect_stdout(sink), redirect_stderr(sink):
                models = self._load(entry, validate, calc, check_base)
            records = self._take_records()
            yield ArelleRun(self.cntlr, models, records, sink.getvalue().strip())
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure inside Arelle means it could not run
            raise ValidationError(f"Arelle could not run: {type(exc).__name__}: {exc}", str(entry),
                                  code="xc:arelleFailed") from exc
        finally:
            self._close(models)
            self._take_records()

    def remove_files(self) -> None:
        """Remove the engine's cache folder (also done by `close` and when the process exits)."""
        self._tmp.cleanup()

    def close(self) -> None:
        """Close the controller and Arelle's process-wide package and plugin state."""
        from arelle import PackageManager, PluginManager

        sink = io.StringIO()
        with redirect_stdout(sink), redirect_stderr(sink):
            self._close([])
            if self.shared is not None:
                self.shared.close()
            self.cntlr.close()
            PackageManager.getInstance().close()
            PluginManager.getInstance().close()
        self.remove_files()


# Arelle's package mappings are process-wide: one engine at a time, replaced when a run asks
# for other packages (a batch keeps one configuration, so its engine lives as long as the worker).
_ENGINE: list[tuple[tuple[tuple[Path, ...], bool], ArelleEngine]] = []


def remove_engine_files() -> None:
    """Remove this process's engine folder without closing Arelle: for a worker about to leave
    abruptly (its batch process was killed) while its main thread may still be inside Arelle."""
    for _, engine in _ENGINE:
        engine.remove_files()


def arelle_engine(taxonomy_packages: Sequence[Path] = (), online: bool = False) -> ArelleEngine:
    """This process's engine for these packages (the shipped one first, the caller's win)."""
    for pkg in taxonomy_packages:
        if not Path(pkg).is_file():
            raise ValidationError("taxonomy package not found", str(pkg), code="xc:taxonomyPackage")
    packages, _ = _packages_to_load(taxonomy_packages)
    if not online and not packages[0].is_file():
        raise ValidationError("the shipped taxonomy package is missing; reinstall xbrl-convert", str(packages[0]),
                              code="xc:taxonomyPackage")
    key = (tuple(Path(p).resolve() for p in packages), online)
    if _ENGINE and _ENGINE[0][0] == key:
        return _ENGINE[0][1]
    try:
        import arelle.CntlrCmdLine  # noqa: F401
    except ImportError as exc:  # pragma: no cover - arelle is a dependency
        raise ValidationError(f"Arelle is not installed: {exc}", code="xc:arelleFailed") from exc
    if _ENGINE:
        _ENGINE.pop()[1].close()
    engine = ArelleEngine(packages, online)
    _ENGINE.append((key, engine))
    return engine


@dataclass(frozen=True)
class ArelleRun:
    """One Arelle load: the controller, the loaded models (open while the `arelle_session`
    block runs), their structured log records, and anything printed despite the structured log."""

    cntlr: Any
    models: list[Any]
    records: list[dict[str, Any]]
    printed: str

    @property
    def model(self) -> Any | None:
        """The entry document's model, when it loaded."""
        return next((m for m in self.models if getattr(m, "modelDocument", None) is not None), None)


@contextmanager
def arelle_session(
    entry: Path,
    *,
    taxonomy_packages: Sequence[Path] = (),
    online: bool = False,
    validate: bool = False,
    calc: bool = False,
    check_base: bool = False,
) -> Iterator[ArelleRun]:
    """The one place that runs Arelle: `entry` loaded by this process's long-lived engine, with
    the shipped offline taxonomy package and the user's packages (which win), offline unless
    `online`, no persistent configuration, the log as structured records and Arelle's own output
    captured. One load at a time (Arelle's state is process-wide).

    `validate` turns on XBRL 2.1, dimensions, UTR and inconsistent-duplicate-fact validation;
    `calc` adds Calculation 1.1 (round to nearest); `check_base` also runs the DTS checks on the
    base taxonomies (skipped otherwise, see ArelleEngine). ValidationError when Arelle cannot run.
    """
    with _LOCK:
        engine = arelle_engine(taxonomy_packages, online)
        with engine.open(Path(entry), validate=validate, calc=calc, check_base=check_base) as run:
            yield run


def arelle_report(run: ArelleRun, taxonomy_source: str) -> ArelleReport:
    """What Arelle said in one load, as an ArelleReport."""
    found = [m for m in (_to_message(r) for r in run.records) if m is not None]
    if run.printed:  # Arelle printed something despite the structured log: keep it, as information
        found.append(ValidationMessage("arelle:output", Level.INFO, run.printed[:2000], source="arelle"))
    fact_count = sum(len(m.factsInInstance) for m in run.models if getattr(m, "modelDocument", None) is not None)
    return ArelleReport(messages=tuple(found), taxonomy_source=taxonomy_source, fact_count=fact_count)


def taxonomy_source(taxonomy_packages: Sequence[Path] = (), online: bool = False) -> str:
    """How the report names the taxonomy source of a run."""
    _, source = _packages_to_load([p for p in taxonomy_packages if Path(p).is_file()])
    if online and not taxonomy_packages:
        return "online (with the offline subset package)"
    if online:
        return f"online ({source})"
    return source


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
    source = taxonomy_source(taxonomy_packages, online)
    with arelle_session(instance, taxonomy_packages=taxonomy_packages, online=online, validate=True,
                        calc=calc) as run:
        return arelle_report(run, source)


# ---- the XML instance against the loaded inline document -----------------------------------

_XBRLI = "http://www.xbrl.org/2003/instance"
_NON_FACT_NAMESPACES = (_XBRLI, "http://www.xbrl.org/2003/linkbase", "http://xbrl.org/2006/xbrldi")


def _fact_value(text: str | None, numeric: bool) -> str:
    text = (text or "").strip()
    if numeric:
        try:
            return format(Decimal(text).normalize(), "f").replace("-0", "0") if text else text
        except InvalidOperation:
            return text
    return " ".join(text.split())


def instance_matches_model(instance: bytes, model: Any, name: str) -> tuple[ValidationMessage, ...]:
    """Check that the XML instance holds exactly the facts Arelle read from the inline document
    (concept, context, unit, decimals, nil, value), so that one validated load of the inline
    document stands for both. An error message for each difference (first 5)."""
    from lxml import etree

    if model is None or getattr(model, "modelDocument", None) is None:
        return ()
    root = etree.fromstring(instance)
    xml: dict[tuple[str, str, str, str, bool, str], int] = {}
    for el in root:
        if not isinstance(el.tag, str) or etree.QName(el).namespace in _NON_FACT_NAMESPACES:
            continue
        nil = el.get(f"{{{_XSI}}}nil") == "true"
        unit = el.get("unitRef") or ""
        key = (el.tag, el.get("contextRef") or "", unit, el.get("decimals") or "", nil,
               "" if nil else _fact_value(el.text, bool(unit)))
        xml[key] = xml.get(key, 0) + 1
    inline: dict[tuple[str, str, str, str, bool, str], int] = {}
    for fact in model.factsInInstance:
        numeric = bool(fact.unitID)
        key = (fact.qname.clarkNotation, fact.contextID or "", fact.unitID or "", fact.decimals or "",
               bool(fact.isNil), "" if fact.isNil else _fact_value(fact.value, numeric))
        inline[key] = inline.get(key, 0) + 1
    if xml == inline:
        return ()
    differences = [f"only in the instance: {k}" for k in sorted(set(xml) - set(inline))]
    differences += [f"only in the inline document: {k}" for k in sorted(set(inline) - set(xml))]
    differences += [f"count differs: {k}" for k in sorted(set(xml) & set(inline)) if xml[k] != inline[k]]
    return tuple(ValidationMessage("xbrl-convert:instanceInlineMismatch", Level.ERROR,
                                   f"{name} and the inline document disagree: {d}", source="xbrl-convert")
                 for d in differences[:5])


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
