"""Gold segmentations of pages and how a reading is scored against them.

A gold file is JSON that names lines by number (1-based) and comments by their line range, so it holds no text
of the page::

    {"title": 3,
     "body": "7-33",
     "comments": [{"lines": "52-54", "author": "Ann", "date": "September 5, 2018"},
                  {"lines": "60", "author": null, "reply_to": 0},
                  {"header": 71, "author": "Bo"}]}

``body`` lists line ranges (blank lines inside a range are ignored); every other non-blank line that is not the
title or inside a comment is boilerplate (author headers included). A comment whose text is missing from the
page is given by its ``header`` line. For HTML pages, where lines are those of the extracted text, the gold
file gives ``"html": true`` and the same fields over the Document's text.

Scores: character accuracy over the page's non-blank characters (each labelled title, body, boilerplate or
comment); comment detection precision, recall and F1 (a comment is found when its first and last line are
right; a comment cut before a "Read more »" link ends on its line); author, date and reply-to accuracy over
the comments found. Characters are labelled by line, so the few characters of such a link count as comment.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import FormatError
from .lines import Line, split_lines


@dataclass(frozen=True)
class GoldComment:
    first: int  # first text line, or the header line of a comment with no text (then ``empty``)
    last: int
    author: str | None
    date: str | None = None
    reply_to: int | None = None
    empty: bool = False

    @property
    def key(self) -> tuple[int, int, bool]:
        return self.first, self.last, self.empty


@dataclass(frozen=True)
class GoldPage:
    title: int | None
    body: frozenset[int]
    comments: tuple[GoldComment, ...]


def _ranges(spec: str | int | list[Any] | None) -> set[int]:
    if spec is None or spec == "":
        return set()
    if isinstance(spec, int):
        return {spec}
    if isinstance(spec, list):
        return set().union(*(_ranges(s) for s in spec)) if spec else set()
    out: set[int] = set()
    for part in str(spec).split(","):
        first, _, last = part.strip().partition("-")
        out.update(range(int(first), int(last or first) + 1))
    return out


def load_gold(path: str | Path) -> GoldPage:
    """Read a gold file; a malformed one raises FormatError naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        comments = []
        for item in data.get("comments", []):
            if "header" in item:
                first = last = int(item["header"])
                empty = True
            else:
                lines = sorted(_ranges(item["lines"]))
                first, last, empty = lines[0], lines[-1], False
            comments.append(GoldComment(first, last, item.get("author"), item.get("date"), item.get("reply_to"),
                                        empty))
        return GoldPage(data.get("title"), frozenset(_ranges(data.get("body"))), tuple(comments))
    except (ValueError, KeyError, TypeError, IndexError) as err:
        raise FormatError("E210", f"not a gold page file: {err}", path=path) from err


def gold_labels(lines: list[Line], gold: GoldPage) -> dict[int, str]:
    """The gold part of each non-blank line, by line number."""
    inside = {n for c in gold.comments if not c.empty for n in range(c.first, c.last + 1)}
    labels = {}
    for line in lines:
        if line.number == gold.title:
            labels[line.number] = "title"
        elif line.number in gold.body:
            labels[line.number] = "body"
        elif line.number in inside:
            labels[line.number] = "comment"
        else:
            labels[line.number] = "boilerplate"
    return labels


@dataclass
class PageScore:
    """Counts for one page or, added up, for a set of pages."""

    chars: int = 0
    chars_right: int = 0
    gold_comments: int = 0
    found_comments: int = 0
    matched: int = 0
    authors_right: int = 0
    dates_right: int = 0
    replies_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __iadd__(self, other: PageScore) -> PageScore:
        for name in ("chars", "chars_right", "gold_comments", "found_comments", "matched", "authors_right",
                     "dates_right", "replies_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.confusion.update(other.confusion)
        return self

    @property
    def accuracy(self) -> float:
        return self.chars_right / self.chars if self.chars else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found_comments if self.found_comments else float(not self.gold_comments)

    @property
    def recall(self) -> float:
        return self.matched / self.gold_comments if self.gold_comments else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.matched if self.matched else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"char_accuracy": self.accuracy, "comment_precision": self.precision, "comment_recall": self.recall,
                "comment_f1": self.f1, "author_accuracy": self.rate("authors_right"),
                "date_accuracy": self.rate("dates_right"), "reply_accuracy": self.rate("replies_right"),
                "chars": self.chars, "gold_comments": self.gold_comments, "found_comments": self.found_comments}


def _predicted_kind(doc: Document, line: Line) -> str:
    for comment in doc.comments:
        if comment.start <= line.start < comment.end:
            return "comment"
    for segment in doc.segments:
        if segment.start <= line.start < segment.end:
            return segment.kind
    return "none"


def score_page(doc: Document, gold: GoldPage) -> PageScore:
    """Score a Document read from a page against the page's gold segmentation."""
    lines = split_lines(doc.text)
    truth = gold_labels(lines, gold)
    result = PageScore()
    for line in lines:
        kind = _predicted_kind(doc, line)
        size = line.end - line.start
        result.chars += size
        result.chars_right += size if kind == truth[line.number] else 0
        result.confusion[(truth[line.number], kind)] += size
    def number_at(offset: int) -> int:  # the line holding an offset (a comment cut before "Read more »" too)
        return next((ln.number for ln in lines if ln.start <= offset <= ln.end), -1)

    found = {}
    for i, comment in enumerate(doc.comments):
        first, last = number_at(comment.start), number_at(comment.end)
        found[(first, last, comment.start == comment.end)] = (i, comment)
    gold_index = {c.key: i for i, c in enumerate(gold.comments)}
    index_map = {found[c.key][0]: gold_index[c.key] for c in gold.comments if c.key in found}
    result.gold_comments, result.found_comments = len(gold.comments), len(doc.comments)
    for g in gold.comments:
        if g.key not in found:
            continue
        _, comment = found[g.key]
        result.matched += 1
        result.authors_right += comment.author == g.author
        result.dates_right += comment.date == g.date
        reply = None if comment.reply_to is None else index_map.get(comment.reply_to, -1)
        result.replies_right += reply == g.reply_to
    return result
