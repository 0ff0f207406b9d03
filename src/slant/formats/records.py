"""Values read from and written to the shared-task label files.

Each record remembers where it was read (``where``: file and line) so that a later check -- an unknown
technique, an offset past the article's end -- can still name the exact line. ``where`` takes no part in
equality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

Where = tuple[str, int] | None


@dataclass(frozen=True)
class SpanLabel:
    """A character span of an article: ``technique`` is None for SI lines and TC templates."""

    article_id: str
    start: int
    end: int
    technique: str | None = None
    where: Where = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ArticleLabel:
    """Article-level labels: one genre (subtask 1) or several frames (subtask 2)."""

    article_id: str
    labels: tuple[str, ...]
    where: Where = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ParagraphLabel:
    """SemEval-2023 subtask 3: the techniques of one paragraph, by 1-based line number in the article."""

    article_id: str
    line: int
    techniques: tuple[str, ...]
    where: Where = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TemplateLine:
    """SemEval-2023 subtask 3 template: a paragraph's line number and its text."""

    article_id: str
    line: int
    text: str
    where: Where = field(default=None, compare=False, repr=False)


R = TypeVar("R", SpanLabel, ArticleLabel, ParagraphLabel, TemplateLine)


@dataclass(frozen=True)
class LabelFile(Generic[R]):
    """One label file: its records in file order and the layout details needed to write it back unchanged."""

    kind: str
    records: tuple[R, ...]
    path: str | None = None
    final_newline: bool = True
    newline: str = "\n"
    placeholder: str = "?"

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.records)
