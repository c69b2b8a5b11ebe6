"""Arelle's own message log (JSON or XML, as `arelle.CntlrCmdLine --logFile x.json|x.xml` writes
it) for `xbrl-convert validate --log-file FILE`.

`ArelleLog` attaches one of Arelle's buffering log handlers (`LogToXmlHandler`, formatting the
message text alone, as Arelle does for these log files) to Arelle's "arelle" logger while a
`validate` command runs, so every record Arelle logs for the documents lands in it unchanged:
codes, levels (including Arelle's own "inconsistency"), message arguments and references with
their properties; each document's records in a stable order (Arelle reports calculation
inconsistencies in Python's set order). The tool's own findings about a document (not XBRL,
cannot be read) are added as records of the same shape. `write` picks the format from the file's extension and replaces
the file (Arelle appends by default, which makes a second XML log invalid XML).
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType
from typing import Any

from converter.errors import InputError

LOG_FORMATS = (".json", ".xml")


def log_format(path: Path) -> str:
    """"json" or "xml" from the log file's extension; InputError for any other."""
    suffix = path.suffix.lower()
    if suffix not in LOG_FORMATS:
        raise InputError(f"the log file must end in {' or '.join(LOG_FORMATS)} (Arelle's JSON or XML log)",
                         where=str(path), code="xc:badOutputName")
    return suffix[1:]


class ArelleLog:
    """Arelle's log records of a command, collected from Arelle's logger (a context manager)."""

    def __init__(self) -> None:
        from arelle.Cntlr import LOG_TEXT_MAX_LENGTH
        from arelle.logging.formatters.LogFormatter import LogFormatter
        from arelle.logging.handlers.LogToXmlHandler import LogToXmlHandler

        self.handler = LogToXmlHandler(filename=None, mode="w")
        self.handler.setFormatter(LogFormatter("%(message)s"))
        self.handler.logTextMaxLength = LOG_TEXT_MAX_LENGTH
        self._logger = logging.getLogger("arelle")

    def __enter__(self) -> ArelleLog:
        self._logger.addHandler(self.handler)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._logger.removeHandler(self.handler)

    def add(self, code: str, level: str, message: str, href: str) -> None:
        """A record of the tool's own about a document, in the shape of Arelle's records."""
        record = logging.LogRecord("arelle", logging.getLevelName(level.upper()), "", 0, message, None, None)
        record.messageCode = code
        record.refs = [{"href": href}]
        self.handler.emit(record)

    @property
    def records(self) -> list[Any]:
        return list(self.handler.logRecordBuffer)

    def mark(self) -> int:
        """Where the next document's records will start (for `settle`)."""
        return len(self.handler.logRecordBuffer)

    def settle(self, start: int) -> None:
        """Put the records logged since `start` (one document's) in an order that does not
        depend on PYTHONHASHSEED: Arelle reports calculation inconsistencies in set order. By
        code, message text and references; records that tie keep Arelle's order."""
        buffer = self.handler.logRecordBuffer

        def key(record: Any) -> tuple[str, str, str]:
            refs = [(str(r.get("href", "")), str(r.get("sourceLine", ""))) for r in getattr(record, "refs", None) or ()
                    if isinstance(r, dict)]
            return str(getattr(record, "messageCode", "")), self.handler.format(record), repr(refs)

        buffer[start:] = sorted(buffer[start:], key=key)

    def write(self, path: Path) -> None:
        """Write the log to `path` in Arelle's JSON or XML log format (by extension), replacing
        it. InputError when it cannot be written."""
        kind = log_format(path)
        if kind == "json":
            text = self.handler.getJson(clearLogBuffer=False)
        else:  # Arelle's LogToXmlHandler.flush layout for .xml
            text = ('<?xml version="1.0" encoding="utf-8"?>\n<log>\n'
                    + "".join(self.handler.recordToXml(r) for r in self.handler.logRecordBuffer) + "</log>\n")
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write the log: {exc.strerror or exc}", where=str(path),
                             code="xc:outputNotWritable") from exc
