"""read -> detect -> classify over one Document. The CLI, the web app and the corpus tools all call this."""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .read import read_any, read_file
from .textio import DEFAULT_MAX_BYTES


def _detect(doc: Document, model: str | None, techniques: bool) -> Document:
    if not techniques:
        return doc
    from .techniques import detect, load_model

    return detect(doc, load_model(model))


def analyze_text(text: str, *, id: str = "", source: str | None = None, layout: str = "auto",
                 model: str | None = None, techniques: bool = True) -> Document:
    """Analyse one page's text (plain or HTML): read it, then find technique spans (article and comments apart).

    ``model`` names a technique model tier (``fast``) or folder; ``techniques=False`` only reads the page.
    """
    return _detect(read_any(text, id=id, source=source, layout=layout), model, techniques)


def analyze_file(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, layout: str = "auto",
                 model: str | None = None, techniques: bool = True) -> Document:
    """Read a page file (refusing binary and oversized files; decoding non-UTF-8 with a warning) and analyse it."""
    return _detect(read_file(path, layout=layout, max_bytes=max_bytes), model, techniques)
