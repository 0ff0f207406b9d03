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


def analyze_texts(texts: list[str], *, layout: str = "auto", model: str | None = None,
                  chunk: int = 16) -> list[Document]:
    """:func:`analyze_text` over many texts; the model batches ``chunk`` documents at a time (faster)."""
    return detect_documents([read_any(text, layout=layout) for text in texts], model, chunk)


def detect_documents(docs: list[Document], model: str | None = None, chunk: int = 16) -> list[Document]:
    """Technique spans for Documents already read, ``chunk`` at a time."""
    from .techniques import detect_many, load_model

    loaded = load_model(model)
    out: list[Document] = []
    for first in range(0, len(docs), chunk):
        out += detect_many(docs[first : first + chunk], loaded)
    return out


def analyze_file(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, layout: str = "auto",
                 model: str | None = None, techniques: bool = True) -> Document:
    """Read a page file (refusing binary and oversized files; decoding non-UTF-8 with a warning) and analyse it."""
    return _detect(read_file(path, layout=layout, max_bytes=max_bytes), model, techniques)
