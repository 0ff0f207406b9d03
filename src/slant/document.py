"""The Document: the original text exactly as read, and everything else as ``[start, end)`` offsets into it.

The text is never rewritten. Segments (title, body, boilerplate, comment), comments, technique spans and
quotes all point into it by character offsets (code points, a BOM and ``\\r`` included), so
``doc.text[span.start:span.end]`` is always the annotated passage.

One JSON shape (:meth:`Document.to_dict`) serves the CLI, the web API and golden files::

    >>> doc = Document(text="A title\\n\\nFirst paragraph.\\n", id="demo")
    >>> doc = doc.replace(title=Segment("title", 0, 7))
    >>> doc.span_text(doc.title)
    'A title'
    >>> Document.from_dict(doc.to_dict()) == doc
    True
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

SCHEMA = "slant.document/1"
SEGMENT_KINDS = ("title", "body", "boilerplate", "comment")
TAXONOMY_NAMES = ("ptc2020", "semeval2023")


class _Ranged(Protocol):
    start: int
    end: int


def _check_range(obj: _Ranged, what: str) -> None:
    if not (isinstance(obj.start, int) and isinstance(obj.end, int)):
        raise ValueError(f"{what}: start and end must be integers, got {obj.start!r}, {obj.end!r}")
    if obj.start < 0 or obj.end < obj.start:
        raise ValueError(f"{what}: bad range [{obj.start}, {obj.end})")


@dataclass(frozen=True)
class Segment:
    """A part of the page: ``kind`` is one of title, body, boilerplate, comment."""

    kind: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.kind not in SEGMENT_KINDS:
            raise ValueError(f"segment kind must be one of {SEGMENT_KINDS}, got {self.kind!r}")
        _check_range(self, "segment")


@dataclass(frozen=True)
class Comment:
    """A reader comment: its text range, author and date when shown, and the comment it answers."""

    start: int
    end: int
    author: str | None = None
    date: str | None = None
    reply_to: int | None = None

    def __post_init__(self) -> None:
        _check_range(self, "comment")


@dataclass(frozen=True)
class Span:
    """A technique found in the text. ``score`` is a confidence in [0, 1]; ``source`` names the model or rule."""

    start: int
    end: int
    label: str
    taxonomy: str
    score: float = 1.0
    explanation: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        _check_range(self, "span")
        if self.end == self.start:
            raise ValueError(f"span {self.label!r} is empty at {self.start}")
        if self.taxonomy not in TAXONOMY_NAMES:
            raise ValueError(f"span taxonomy must be one of {TAXONOMY_NAMES}, got {self.taxonomy!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"span score must lie in [0, 1], got {self.score}")


@dataclass(frozen=True)
class Quote:
    """Reported speech: the quoted passage and, when found, who said it."""

    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None

    def __post_init__(self) -> None:
        _check_range(self, "quote")


@dataclass(frozen=True)
class Document:
    """One article or page. Build it with keyword arguments; change it with :meth:`replace`."""

    text: str
    id: str = ""
    source: str | None = None
    title: Segment | None = None
    segments: tuple[Segment, ...] = ()
    comments: tuple[Comment, ...] = ()
    spans: tuple[Span, ...] = ()
    quotes: tuple[Quote, ...] = ()
    labels: Mapping[str, Any] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("Document.text must be a str")
        for name in ("segments", "comments", "spans", "quotes", "warnings"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        n = len(self.text)
        ranged: Iterable[_Ranged] = (
            *([self.title] if self.title else []), *self.segments, *self.comments, *self.spans, *self.quotes
        )
        for item in ranged:
            if item.end > n:
                raise ValueError(f"{type(item).__name__} [{item.start}, {item.end}) lies past the text end ({n})")

    # -- access ---------------------------------------------------------------------------------------
    def span_text(self, item: _Ranged) -> str:
        """The characters an item covers."""
        return self.text[item.start : item.end]

    def segments_of(self, kind: str) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind == kind)

    def spans_of(self, taxonomy: str) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.taxonomy == taxonomy)

    def part_of(self, span: Span) -> str:
        """``"comments"`` for a span found in a reader comment, else ``"article"``: by the span's ``source``
        (``…:article`` / ``…:comments``, as the technique model writes it), else by where it starts."""
        if span.source.endswith(":comments"):
            return "comments"
        if span.source.endswith(":article"):
            return "article"
        return "comments" if any(c.start <= span.start < c.end for c in self.comments) else "article"

    def replace(self, **changes: Any) -> Document:
        """A copy with some fields changed (the original stays as it was)."""
        return dataclasses.replace(self, **changes)

    # -- JSON -----------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "text": self.text,
            "title": None if self.title is None else {"start": self.title.start, "end": self.title.end},
            "segments": [dataclasses.asdict(s) for s in self.segments],
            "comments": [dataclasses.asdict(c) for c in self.comments],
            "spans": [dataclasses.asdict(s) for s in self.spans],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "labels": dict(self.labels),
            "meta": dict(self.meta),
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output; raises ValueError on a bad shape."""
        if data.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"unsupported document schema {data.get('schema')!r}, expected {SCHEMA!r}")
        try:
            title = data.get("title")
            return cls(
                text=data["text"],
                id=data.get("id", ""),
                source=data.get("source"),
                title=None if title is None else Segment("title", title["start"], title["end"]),
                segments=tuple(Segment(**s) for s in data.get("segments", ())),
                comments=tuple(Comment(**c) for c in data.get("comments", ())),
                spans=tuple(Span(**s) for s in data.get("spans", ())),
                quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
                labels=dict(data.get("labels", {})),
                meta=dict(data.get("meta", {})),
                warnings=tuple(data.get("warnings", ())),
            )
        except (KeyError, TypeError) as err:
            raise ValueError(f"not a slant document: {err}") from err

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))

    # -- notebooks ------------------------------------------------------------------------------------
    def _repr_html_(self) -> str:
        """Jupyter shows a Document as its highlighted report."""
        from .render.html import notebook_html

        return notebook_html(self)
