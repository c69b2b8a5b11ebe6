"""One error family for the library, and the stable codes of every failure and warning kind.

Only the CLI prints errors and picks exit codes. Each error carries a stable `code` (`xc:...`)
that report.json and summary.json write for a failed document: the class gives the default
code of its family, and a raise site names a finer kind with `code=` (e.g. an ExtractionError
with `code="xc:unreadableHeader"`). `CODES` lists every code with its meaning (the README's
table of codes is checked against it by a test), `WARNING_CODES` the codes of warnings about a
document that still converts (a skipped table, replaced characters, no CIK).
"""

from __future__ import annotations

# code -> meaning, for failures (a document that gets no instance, a command that cannot run)
CODES: dict[str, str] = {
    # reading the input
    "xc:unreadableInput": "the input file cannot be read (missing, not a regular file, no permission)",
    "xc:inputTooLarge": "the input file is larger than 8 MB",
    "xc:emptyInput": "the input file is empty",
    "xc:binaryInput": "the input file is binary, not text, HTML or markdown",
    "xc:badEncoding": "the input cannot be decoded (not UTF-8 and no --encoding, or not in the --encoding given)",
    "xc:lineTooLong": "a line of the input has more than 250,000 characters",
    "xc:numberTooLarge": "the input prints a number of more than 18 digits",
    "xc:unreadableHtml": "the HTML input cannot be parsed",
    "xc:htmlTooDeep": "the HTML input is nested more than 2,048 tags deep",
    "xc:unsupportedInput": "markup found in a document read as plain text",
    # statements
    "xc:noStatements": "the document holds no financial statement tables (reported with status no-statements)",
    "xc:unreadableTable": "a statement table was found but cannot be read",
    "xc:noColumnHeaders": "a statement table has no column headers",
    "xc:noRows": "a statement table has column headers but no rows",
    "xc:noValueColumns": "no value columns found in a statement table",
    "xc:unreadableHeader": "the period of a column header cannot be read (no date, an invalid date, no period length)",
    "xc:columnMismatch": "a row or a header has more values than the statement has periods",
    "xc:truncatedTable": "a statement table is cut off in the middle of a row",
    "xc:unreadableValue": "a value cell of a statement table cannot be read as a number",
    "xc:valueTooLarge": "a value in a statement table has more than 18 digits",
    "xc:tableTooLarge": ("a table has more than 1,000 rows (2,000 in HTML), or an HTML table more than 400 columns"
                         " (colspans counted); it is skipped"),
    "xc:tooManyRows": "the release's statements exceed 2,000 rows in all; the statements beyond are skipped",
    "xc:currency": "a statement's amounts are in a currency other than the US dollar (not converted; it is skipped)",
    "xc:labelTooLong": "a row label of a statement has more than 5,000 characters; the statement is skipped",
    # the registrant and the mapping
    "xc:unknownCik": "no CIK, ticker or company name identifies the registrant (pass --cik)",
    "xc:unmappedLineItems": "line items match no concept (with --fail-on-unmapped)",
    # configuration
    "xc:badConfig": "a concept table, company map or entity list is invalid",
    "xc:configNotFound": "a configuration file does not exist",
    "xc:configNotYaml": "a configuration file is not valid YAML",
    # XBRL documents read by compare, learn, validate and view
    "xc:notXbrl": "the file is neither an XBRL instance nor an Inline XBRL document",
    "xc:notWellFormed": "the XBRL or Inline XBRL file is not well-formed XML",
    "xc:badXbrl": "the XBRL document is inconsistent (a context without a period)",
    "xc:notInlineXbrl": "an Inline XBRL document is needed and the file is not one",
    "xc:noFacts": "the Inline XBRL document holds no facts that can be read",
    "xc:notReleaseFolder": "the folder is not a release converted by xbrl-convert, or has no Inline XBRL document",
    "xc:mixedCompanies": "the filings given to learn belong to different companies",
    "xc:nothingToLearn": "the filings given to learn tag no statement line with a US-GAAP concept",
    "xc:noLinkbases": "an XBRL instance given to learn comes without its label and presentation linkbases",
    # validation and the files built with Arelle
    "xc:validationFailed": "validation could not run",
    "xc:taxonomyPackage": "a taxonomy package is missing or cannot be loaded",
    "xc:arelleFailed": "Arelle is missing or stopped with an error",
    "xc:xbrlJsonFailed": "the xBRL-JSON export failed",
    "xc:reportPackageFailed": "the report package cannot be built",
    "xc:viewerFailed": "the iXBRL Viewer was not written",
    # output and batch
    "xc:outputNotWritable": "the output folder or file cannot be created or written",
    "xc:outputNotFolder": "the output path exists and is not a folder",
    "xc:outputNotOurs": "the output folder exists and was not written by xbrl-convert (see --overwrite)",
    "xc:badOutputName": "the output file name is not usable (e.g. a compare --out ending in .csv)",
    "xc:daskMissing": "--scheduler was given and Dask is not installed",
    "xc:schedulerUnreachable": "the Dask scheduler cannot be reached",
    "xc:workerDied": "the worker process converting the document died (a crash, the out-of-memory killer)",
    "xc:internalError": "an unexpected error in xbrl-convert (a bug: please report it)",
}

# code -> meaning, for warnings about a document that still converts
WARNING_CODES: dict[str, str] = {
    "xc:illegalCharacters": "characters XML cannot hold were replaced by spaces",
    "xc:mojibake": ("UTF-8 that another tool had read as cp1252 or Latin-1 (\"12,535Â\", \"â€”\") was repaired, "
                    "each sequence padded with spaces to its length so that columns stay"),
    "xc:noCik": "no CIK found: the entity is identified by its ticker or name under a scheme of this tool",
    "xc:companyMapNotUsed": "company maps were given, none for the release's CIK: the concept table tagged it",
}


class ConversionError(ValueError):
    """Base class of every error the converter raises on purpose.

    `where` names the file and, when known, the line (e.g. ``release.txt:42``); `code` a finer
    kind than the class's own (a key of CODES).
    """

    code = "xc:internalError"

    def __init__(self, message: str, where: str | None = None, *, code: str | None = None) -> None:
        self.message = message
        self.where = where
        if code is not None:
            if code not in CODES:
                raise ValueError(f"unknown error code {code!r}")
            self.code = code
        super().__init__(f"{where}: {message}" if where else message)


class InputError(ConversionError):
    """The input document cannot be read as a press release (empty, binary, bad encoding)."""

    code = "xc:unreadableInput"


class ExtractionError(ConversionError):
    """A statement table was found but cannot be read (truncated, inconsistent columns)."""

    code = "xc:unreadableTable"


class NoStatementsError(ConversionError):
    """The document holds no financial statement tables (narrative-only release)."""

    code = "xc:noStatements"


class ConfigError(ConversionError):
    """The concept table or entity registry is invalid."""

    code = "xc:badConfig"


class MappingError(ConversionError):
    """Line items could not be mapped (raised with --fail-on-unmapped)."""

    code = "xc:unmappedLineItems"


class EntityError(ConversionError):
    """No CIK, ticker or company name identifies the registrant."""

    code = "xc:unknownCik"


class ValidationError(ConversionError):
    """Validation could not run (not: the instance has errors; those are reported as results)."""

    code = "xc:validationFailed"


class OutputError(ConversionError):
    """The output folder cannot be written, or holds files the tool did not write."""

    code = "xc:outputNotWritable"


class BatchError(ConversionError):
    """The batch cannot run on the engine asked for (a Dask scheduler)."""

    code = "xc:schedulerUnreachable"


def error_code(exc: BaseException) -> str:
    """The stable code of any exception: its own for a ConversionError, else xc:internalError."""
    return exc.code if isinstance(exc, ConversionError) else "xc:internalError"
