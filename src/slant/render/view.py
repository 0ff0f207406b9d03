"""The one rendering model: a Document's spans cut into pieces of text, each knowing which spans cover it.

The HTML report, the web app, Jupyter and the terminal all draw from this. Overlapping spans are normal (a
phrase can be Loaded Language and Name Calling at once), so a piece carries every mark that covers it::

    >>> from slant.document import Document, Segment, Span
    >>> doc = Document(text="They are evil traitors.", segments=(Segment("body", 0, 23),),
    ...                spans=(Span(9, 22, "Name_Calling-Labeling", "semeval2023", 0.9),
    ...                       Span(9, 13, "Loaded_Language", "semeval2023", 0.6)))
    >>> [(p.text, p.marks) for p in view(doc).blocks[0].pieces]
    [('They are ', ()), ('evil', (0, 1)), (' traitors', (0,)), ('.', ())]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Comment, Document, Span
from ..taxonomy import CATEGORIES, TAXONOMIES

#: the taxonomy a report shows first: it has categories people know from the SemEval-2023 guidelines
DEFAULT_TAXONOMY = "semeval2023"


@dataclass(frozen=True)
class Mark:
    """One technique span as shown: what it is, where, and how sure the model was."""

    index: int
    start: int
    end: int
    label: str
    title: str
    category: str
    taxonomy: str
    score: float
    explanation: str
    definition: str
    text: str
    where: str  # "article" or "comments"

    @property
    def category_index(self) -> int:
        return CATEGORIES.index(self.category) if self.category in CATEGORIES else len(CATEGORIES)

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "title": self.title, "category": self.category, "k": self.category_index,
                "taxonomy": self.taxonomy,
                "score": round(self.score, 3), "explanation": self.explanation, "text": self.text,
                "start": self.start, "end": self.end, "where": self.where}


@dataclass(frozen=True)
class Piece:
    """Characters ``[start, end)`` and the indices (strongest first) of the marks covering all of them."""

    start: int
    end: int
    text: str
    marks: tuple[int, ...]


@dataclass(frozen=True)
class Block:
    """A title, a body paragraph or a comment, cut into pieces."""

    kind: str  # title | body | comment
    start: int
    end: int
    pieces: tuple[Piece, ...]
    comment: Comment | None = None
    number: int | None = None  # the comment's index in doc.comments


@dataclass(frozen=True)
class View:
    doc: Document
    taxonomy: str
    marks: tuple[Mark, ...]
    blocks: tuple[Block, ...]

    def counts(self, where: str | None = None) -> tuple[Counter[str], Counter[str]]:
        """Spans per technique and per category (of the article, the comments, or both)."""
        marks = [m for m in self.marks if where is None or m.where == where]
        return Counter(m.label for m in marks), Counter(m.category for m in marks)

    def blocks_of(self, *kinds: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in kinds)


def cut(text: str, start: int, end: int, spans: Sequence[tuple[int, int, int]]) -> tuple[Piece, ...]:
    """Cut ``text[start:end]`` at every span boundary; ``spans`` holds ``(start, end, mark index)``, and a
    piece lists the marks covering it in the order given (callers pass the strongest first)."""
    inside = [(max(s, start), min(e, end), i) for s, e, i in spans if s < end and e > start]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    order = {i: k for k, (_, _, i) in enumerate(inside)}
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = sorted((i for s, e, i in inside if s <= left and e >= right), key=order.__getitem__)
        pieces.append(Piece(left, right, text[left:right], tuple(covering)))
    return tuple(pieces)


def _mark(index: int, span: Span, doc: Document) -> Mark:
    technique = TAXONOMIES.get(span.taxonomy, {}).get(span.label)
    return Mark(index=index, start=span.start, end=span.end, label=span.label,
                title=technique.title if technique else span.label.replace("_", " "),
                category=technique.category if technique else "Other", taxonomy=span.taxonomy,
                score=span.score, explanation=span.explanation,
                definition=technique.definition if technique else "", text=doc.span_text(span),
                where=doc.part_of(span))


def view(doc: Document, taxonomy: str = DEFAULT_TAXONOMY) -> View:
    """The Document as the reports show it: title, body paragraphs and comments, with one taxonomy's marks.

    Boilerplate is left out (it is never analysed). A document with no segments at all (a bare text) shows
    its whole text as one body block.
    """
    spans = sorted(doc.spans_of(taxonomy), key=lambda s: (s.start, -s.end, s.label))
    marks = tuple(_mark(i, s, doc) for i, s in enumerate(spans))
    strongest = sorted(((m.start, m.end, m.index) for m in marks), key=lambda t: -marks[t[2]].score)
    parts: list[tuple[int, str, int, int, Comment | None, int | None]] = []
    if doc.title:
        parts.append((doc.title.start, "title", doc.title.start, doc.title.end, None, None))
    parts += [(s.start, "body", s.start, s.end, None, None) for s in doc.segments_of("body")]
    parts += [(c.start, "comment", c.start, c.end, c, i) for i, c in enumerate(doc.comments)]
    if not parts and doc.text.strip():
        parts.append((0, "body", 0, len(doc.text), None, None))
    blocks = tuple(Block(kind, start, end, cut(doc.text, start, end, strongest), comment, number)
                   for _, kind, start, end, comment, number in sorted(parts, key=lambda p: (p[0], p[1])))
    return View(doc=doc, taxonomy=taxonomy, marks=marks, blocks=blocks)


def label_text(value: object) -> str:
    """A label of the user's own (not one the article model writes) as one line of text."""
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def snippet(doc: Document, mark: Mark, width: int = 60) -> tuple[str, str, str]:
    """The words around a mark on its own line: (before, the mark, after), white space collapsed, each side
    clipped to about ``width`` characters."""
    line_start = doc.text.rfind("\n", 0, mark.start) + 1
    line_end = doc.text.find("\n", mark.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    before = re.sub(r"\s+", " ", doc.text[max(line_start, mark.start - width * 2) : mark.start]).lstrip()
    after = re.sub(r"\s+", " ", doc.text[mark.end : min(line_end, mark.end + width * 2)]).rstrip()
    before = before if len(before) <= width else "…" + before[-width + 1 :]
    after = after if len(after) <= width else after[: width - 1] + "…"
    return before, re.sub(r"\s+", " ", mark.text), after
