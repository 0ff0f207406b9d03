"""Technique spans for a Document: the article (title and body) and the reader comments, each on its own.

The model runs over a *view* of the page: the original text with everything outside the chosen segments
blanked to spaces (newlines kept). Offsets need no mapping back, boilerplate is never analysed, and the
comments never lend their words to the article's repetition counts, nor the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Document, Span
from ..errors import CODES
from ..lang import looks_english
from . import predict as P
from .decode import token_range
from .explain import explain, strongest_word
from .model import TechniqueModel, load
from .predict import LABELS, columns


def blank_outside(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character outside ``ranges`` replaced by a space (newlines kept)."""
    keep = sorted(ranges)
    out = []
    pos = 0
    for a, b in keep:
        if b <= pos:
            continue
        a = max(a, pos)
        out.append(re.sub(r"[^\n]", " ", text[pos:a]))
        out.append(text[a:b])
        pos = b
    out.append(re.sub(r"[^\n]", " ", text[pos:]))
    return "".join(out)


def spans_for(tok: P.Tokens, model: TechniqueModel, taxonomy: str, part: str) -> list[Span]:
    """Labelled spans of one taxonomy in one view, with scores and explanations."""
    out = []
    cols = tok.probs[:, columns(taxonomy)]
    for label, a, b, score in P.flc(tok, taxonomy, model.heads, model.settings[taxonomy]):
        rng = token_range(tok.offsets, a, b)
        strongest = None
        if rng is not None:
            strongest = strongest_word(tok.text, tok.offsets, cols[:, LABELS[taxonomy].index(label)], *rng)
        out.append(Span(a, b, label, taxonomy, round(min(1.0, max(0.0, score)), 4),
                        explain(taxonomy, label, tok.text, a, b, strongest), f"{model.name}:{part}"))
    return out


def _parts(doc: Document) -> list[tuple[str, list[tuple[int, int]]]]:
    if not doc.segments:
        return [("article", [(0, len(doc.text))])]
    article = [(s.start, s.end) for s in doc.segments if s.kind in ("title", "body")]
    comments = [(c.start, c.end) for c in doc.comments]
    return [(name, rs) for name, rs in (("article", article), ("comments", comments)) if rs]


def detect_many(docs: list[Document], model: TechniqueModel | None = None,
                taxonomies: tuple[str, ...] = P.TAXONOMIES) -> list[Document]:
    """Each Document with technique spans of both taxonomies (article and comments apart).

    The model runs over all the documents' parts at once, so short pages share batches.
    """
    model = model or load()
    jobs: list[tuple[int, str, str]] = []  # (document, part, view)
    warnings = [list(doc.warnings) for doc in docs]
    for i, doc in enumerate(docs):
        for part, ranges in _parts(doc):
            view = blank_outside(doc.text, ranges)
            if not view.strip():
                continue
            if not looks_english(view):
                warnings[i].append(f"{doc.source or doc.id or 'text'}: the {part} does not look like English; "
                                   f"technique detection supports English only so far, so no spans are given "
                                   f"[E502: {CODES['E502']}]")
                continue
            jobs.append((i, part, view))
    found: list[list[Span]] = [[] for _ in docs]
    hidden = any(model.needs_hidden(t) for t in taxonomies)
    for (i, part, _), tok in zip(jobs, model.tokens_many([view for _, _, view in jobs], hidden), strict=True):
        for taxonomy in taxonomies:
            found[i] += spans_for(tok, model, taxonomy, part)
    out = []
    for doc, spans, warns in zip(docs, found, warnings, strict=True):
        spans.sort(key=lambda s: (s.start, s.end, s.taxonomy, s.label))
        meta = dict(doc.meta)
        meta["technique_model"] = model.name
        out.append(doc.replace(spans=tuple(spans), warnings=tuple(warns), meta=meta))
    return out


def detect(doc: Document, model: TechniqueModel | None = None,
           taxonomies: tuple[str, ...] = P.TAXONOMIES) -> Document:
    """The Document with technique spans of both taxonomies (article and comments apart)."""
    return detect_many([doc], model, taxonomies)[0]
