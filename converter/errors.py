"""One error family for the library. Only the CLI prints errors and picks exit codes."""

from __future__ import annotations


class ConversionError(ValueError):
    """Base class of every error the converter raises on purpose.

    `where` names the file and, when known, the line (e.g. ``release.txt:42``).
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InputError(ConversionError):
    """The input document cannot be read as a press release (empty, binary, bad encoding)."""


class ExtractionError(ConversionError):
    """A statement table was found but cannot be read (truncated, inconsistent columns)."""


class NoStatementsError(ConversionError):
    """The document holds no financial statement tables (narrative-only release)."""


class ConfigError(ConversionError):
    """The concept table or entity registry is invalid."""


class MappingError(ConversionError):
    """Line items could not be mapped (raised with --fail-on-unmapped)."""


class ValidationError(ConversionError):
    """Validation could not run (not: the instance has errors; those are reported as results)."""
