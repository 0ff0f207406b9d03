"""Checks that need more than one line: label names against an inventory, offsets against the articles."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from ..errors import FormatError
from .articles import paragraph_lines
from .records import ArticleLabel, ParagraphLabel, SpanLabel, TemplateLine


def _fail(record: Any, code: str, message: str) -> FormatError:
    path, line = record.where if record.where else (None, None)
    return FormatError(code, message, path=path, line=line)


def _names(record: Any) -> tuple[str, ...]:
    if isinstance(record, SpanLabel):
        return () if record.technique is None else (record.technique,)
    if isinstance(record, ArticleLabel):
        return record.labels
    if isinstance(record, ParagraphLabel):
        return record.techniques
    return ()


def check_labels(records: Iterable[Any], allowed: Collection[str], inventory: str) -> None:
    """Raise E206 at the first label not in ``allowed``; ``inventory`` names it in the message."""
    for record in records:
        for name in _names(record):
            if name not in allowed:
                raise _fail(record, "E206", f"unknown label {name!r} for {inventory}")


def check_against_articles(records: Iterable[Any], articles: Mapping[str, str]) -> None:
    """Raise at the first record whose article is missing or whose offsets or line fall outside it."""
    lines_cache: dict[str, set[int]] = {}
    for record in records:
        text = articles.get(record.article_id)
        if text is None:
            raise _fail(record, "E207", f"article {record.article_id} has no article<ID>.txt file")
        if isinstance(record, SpanLabel) and record.end > len(text):
            raise _fail(
                record, "E205",
                f"end {record.end} lies past the end of article {record.article_id} ({len(text)} characters)",
            )
        if isinstance(record, ParagraphLabel | TemplateLine):
            if record.article_id not in lines_cache:
                lines_cache[record.article_id] = {n for n, _, _ in paragraph_lines(text)}
            if record.line not in lines_cache[record.article_id]:
                raise _fail(
                    record, "E209",
                    f"line {record.line} is not a non-empty line of article {record.article_id}",
                )


def check_unique(records: Iterable[Any], key_name: str) -> None:
    """Raise E211 when two records share a key (an article for st1/st2, a paragraph for st3)."""
    seen: dict[tuple[str, ...], Any] = {}
    for record in records:
        key = (record.article_id,) if key_name == "article" else (record.article_id, str(record.line))
        if key in seen:
            first = seen[key].where
            at = f" (first at line {first[1]})" if first else ""
            raise _fail(record, "E211", f"second entry for {key_name} {' '.join(key)}{at}")
        seen[key] = record
