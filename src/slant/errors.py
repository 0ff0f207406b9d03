"""One hierarchy of errors, each with a stable code.

Every error slant raises on bad input says *where* (file, line) and *what*, in one line,
so the CLI can print it as is and a batch can record it and carry on::

    >>> str(FormatError("E204", "end (12) must be greater than start (40)", path="gold.labels", line=3))
    'gold.labels:3: end (12) must be greater than start (40) [E204]'

The codes are listed in :data:`CODES`; tests check that every code raised is listed.
"""

from __future__ import annotations

from pathlib import Path

#: code -> short name of the problem. Codes are stable: add new ones, never renumber.
CODES: dict[str, str] = {
    # input files
    "E101": "file not found",
    "E102": "binary file",
    "E103": "not UTF-8 text",
    "E104": "file too large",
    "E105": "not a regular file",
    "E106": "empty folder",
    # label files and articles
    "E201": "wrong number of columns",
    "E202": "offset is not an integer",
    "E203": "negative offset",
    "E204": "end not after start",
    "E205": "offset past the end of the article",
    "E206": "unknown label",
    "E207": "article id has no article",
    "E208": "bad article id",
    "E209": "bad paragraph line",
    "E210": "malformed JSON",
    "E211": "duplicate entry",
    "E212": "unknown file format",
    # scoring
    "E301": "gold and predictions do not fit together",
    # usage
    "E401": "bad option value",
    # models
    "E501": "model not found",
    "E502": "language not supported",
    # the web app and API
    "E601": "request too large",
    "E602": "bad request",
    "E603": "URL fetching disabled",
    "E604": "URL could not be fetched",
    "E605": "not found",
    "E606": "internal error",
    "E607": "method not allowed",
    "E608": "unsupported content type",
}


class SlantError(Exception):
    """Base class: a problem slant can explain in one line."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
    ) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "path": self.path, "line": self.line}


class InputError(SlantError):
    """A file could not be read as text: missing, binary, wrong encoding, too large."""


class FormatError(SlantError):
    """A file was read but its content breaks the format's rules."""


class ScoreError(SlantError):
    """Gold and predictions cannot be scored together."""


class UsageError(SlantError):
    """An option or argument value the library cannot work with."""


class RequestError(SlantError):
    """A web request slant cannot serve: too large, malformed, asking for something disabled."""
