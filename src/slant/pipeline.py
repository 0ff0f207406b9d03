"""read -> detect -> classify over one Document. The CLI, the web app and the corpus tools all call this."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .read import read_plain
from .textio import DEFAULT_MAX_BYTES, read_text


def analyze_text(text: str, *, id: str = "", source: str | None = None) -> Document:
    """Analyse one article's text and return its Document."""
    return read_plain(text, id=id, source=source)


def analyze_file(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read a UTF-8 text file (refusing binary, non-UTF-8 and oversized files) and analyse it."""
    path = Path(path)
    return analyze_text(read_text(path, max_bytes), id=path.stem, source=str(path))
