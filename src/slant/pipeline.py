"""read -> detect -> classify over one Document. The CLI, the web app and the corpus tools all call this."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .read import read_any, read_file
from .textio import DEFAULT_MAX_BYTES


def analyze_text(text: str, *, id: str = "", source: str | None = None, layout: str = "auto") -> Document:
    """Analyse one page's text (plain or HTML) and return its Document."""
    return read_any(text, id=id, source=source, layout=layout)


def analyze_file(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, layout: str = "auto") -> Document:
    """Read a page file (refusing binary and oversized files; decoding non-UTF-8 with a warning) and analyse it."""
    return read_file(path, layout=layout, max_bytes=max_bytes)
