"""read -> detect -> classify over one Document. The CLI, the web app and the corpus tools all call this.

``detect`` finds technique spans (the technique model); ``classify`` adds the article labels (language,
genre, frames and, after detect, the persuasion score).
"""

from __future__ import annotations

from pathlib import Path

from .document import Document
from .read import read_any, read_file
from .textio import DEFAULT_MAX_BYTES


def _detect(doc: Document, model: str | None, techniques: bool, labels: bool = True) -> Document:
    return detect_documents([doc], model, techniques=techniques, labels=labels)[0]


def analyze_text(text: str, *, id: str = "", source: str | None = None, layout: str = "auto",
                 model: str | None = None, techniques: bool = True, labels: bool = True) -> Document:
    """Analyse one page's text (plain or HTML): read it, find technique spans (article and comments apart),
    then the article labels (genre, frames, persuasion score).

    ``model`` names a technique model tier (``fast``) or folder; ``techniques=False`` skips the spans and
    ``labels=False`` the article labels.
    """
    return _detect(read_any(text, id=id, source=source, layout=layout), model, techniques, labels)


def analyze_texts(texts: list[str], *, layout: str = "auto", model: str | None = None,
                  chunk: int = 16, labels: bool = True) -> list[Document]:
    """:func:`analyze_text` over many texts; the model batches ``chunk`` documents at a time (faster)."""
    return detect_documents([read_any(text, layout=layout) for text in texts], model, chunk, labels=labels)


def detect_documents(docs: list[Document], model: str | None = None, chunk: int = 16, *,
                     techniques: bool = True, labels: bool = False) -> list[Document]:
    """Technique spans (and, with ``labels``, the article labels) for Documents already read, ``chunk`` at a
    time."""
    out: list[Document] = []
    if techniques:
        from .techniques import detect_many, load_model

        loaded = load_model(model)
        for first in range(0, len(docs), chunk):
            out += detect_many(docs[first : first + chunk], loaded)
    else:
        out = list(docs)
    if labels:
        from .article import classify_documents

        out = classify_documents(out)
    return out


def analyze_file(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, layout: str = "auto",
                 model: str | None = None, techniques: bool = True, labels: bool = True) -> Document:
    """Read a page file (refusing binary and oversized files; decoding non-UTF-8 with a warning) and analyse it."""
    return _detect(read_file(path, layout=layout, max_bytes=max_bytes), model, techniques, labels)
