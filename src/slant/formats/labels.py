"""Tab-separated label files of SemEval-2020 task 11 (PTC) and SemEval-2023 task 3.

=============  ======================================  ==========================================
kind           line                                    used for
=============  ======================================  ==========================================
``si``         ``id  start  end``                      PTC span identification
``flc``        ``id  technique  start  end``           PTC FLC/TC labels, SemEval-2023 span files
``tc``         ``id  ?  start  end``                   PTC TC templates (any placeholder in col 2)
``st1``        ``id  genre``                           SemEval-2023 subtask 1
``st2``        ``id  frame,frame,...``                 SemEval-2023 subtask 2
``st3``        ``id  line  technique,technique,...``   SemEval-2023 subtask 3 (paragraphs)
``st3-template`` ``id  line  paragraph text``          SemEval-2023 subtask 3 templates
=============  ======================================  ==========================================

Parsing checks the shape of every line (columns, integers, ranges) and stops at the first problem with a
:class:`~slant.errors.FormatError` naming the file and line. Label names are checked separately
(:func:`slant.formats.check.check_labels`) because the taxonomy may only be known once all files are read.
Writing reproduces a parsed file byte for byte: same order, newline style and final newline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import FormatError
from ..textio import read_text
from .records import ArticleLabel, LabelFile, ParagraphLabel, SpanLabel, TemplateLine

KINDS = ("si", "flc", "tc", "st1", "st2", "st3", "st3-template")

_ID = re.compile(r"^[A-Za-z0-9_.\-]+$")

# kind -> (allowed column counts, column names for messages)
_COLUMNS: dict[str, tuple[tuple[int, ...], str]] = {
    "si": ((3,), "id, start, end"),
    "flc": ((4,), "id, technique, start, end"),
    "tc": ((4,), "id, placeholder, start, end"),
    "st1": ((2,), "id, genre"),
    "st2": ((1, 2), "id, frames"),
    "st3": ((2, 3), "id, paragraph line, techniques"),
    "st3-template": ((3,), "id, paragraph line, text"),
}


class _Line:
    """One physical line being parsed: knows its file and number for error messages."""

    def __init__(self, path: str, number: int, text: str) -> None:
        self.path, self.number, self.text = path, number, text

    def fail(self, code: str, message: str) -> FormatError:
        return FormatError(code, message, path=self.path, line=self.number)

    @property
    def where(self) -> tuple[str, int]:
        return (self.path, self.number)

    def columns(self, kind: str) -> list[str]:
        counts, names = _COLUMNS[kind]
        # The template's last column is free text and may itself hold tabs.
        cols = self.text.split("\t", 2) if kind == "st3-template" else self.text.split("\t")
        if len(cols) not in counts:
            want = " or ".join(str(c) for c in counts)
            hint = " (columns must be separated by tabs)" if len(cols) == 1 and " " in self.text else ""
            raise self.fail(
                "E201", f"expected {want} tab-separated columns ({names}), found {len(cols)}{hint}"
            )
        article_id = cols[0]
        if not _ID.match(article_id):
            raise self.fail("E208", f"bad article id {article_id!r}")
        return cols

    def integer(self, value: str, what: str) -> int:
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise self.fail("E202", f"{what} {value!r} is not an integer")
        number = int(value)
        if number < 0:
            raise self.fail("E203", f"{what} {number} is negative")
        return number

    def span(self, start_text: str, end_text: str) -> tuple[int, int]:
        start, end = self.integer(start_text, "start"), self.integer(end_text, "end")
        if end <= start:
            raise self.fail("E204", f"end ({end}) must be greater than start ({start})")
        return start, end

    def paragraph(self, value: str) -> int:
        number = self.integer(value, "paragraph line")
        if number < 1:
            raise self.fail("E209", f"paragraph line {number} must be 1 or more")
        return number


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(value.split(",")) if value else ()


def _parse_si(ln: _Line) -> SpanLabel:
    aid, s, e = ln.columns("si")
    return SpanLabel(aid, *ln.span(s, e), where=ln.where)


def _parse_flc(ln: _Line) -> SpanLabel:
    aid, tech, s, e = ln.columns("flc")
    if not tech:
        raise ln.fail("E206", "empty technique name")
    return SpanLabel(aid, *ln.span(s, e), technique=tech, where=ln.where)


def _parse_tc(ln: _Line) -> SpanLabel:
    aid, _placeholder, s, e = ln.columns("tc")
    return SpanLabel(aid, *ln.span(s, e), where=ln.where)


def _parse_st1(ln: _Line) -> ArticleLabel:
    aid, genre = ln.columns("st1")
    if not genre:
        raise ln.fail("E206", "empty genre")
    return ArticleLabel(aid, (genre,), where=ln.where)


def _parse_st2(ln: _Line) -> ArticleLabel:
    cols = ln.columns("st2")
    return ArticleLabel(cols[0], _split_list(cols[1] if len(cols) > 1 else ""), where=ln.where)


def _parse_st3(ln: _Line) -> ParagraphLabel:
    cols = ln.columns("st3")
    techniques = _split_list(cols[2] if len(cols) > 2 else "")
    return ParagraphLabel(cols[0], ln.paragraph(cols[1]), techniques, where=ln.where)


def _parse_template(ln: _Line) -> TemplateLine:
    aid, number, text = ln.columns("st3-template")
    return TemplateLine(aid, ln.paragraph(number), text, where=ln.where)


_PARSERS: dict[str, Callable[[_Line], Any]] = {
    "si": _parse_si,
    "flc": _parse_flc,
    "tc": _parse_tc,
    "st1": _parse_st1,
    "st2": _parse_st2,
    "st3": _parse_st3,
    "st3-template": _parse_template,
}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown label file kind {kind!r}; known: {', '.join(KINDS)}")


def parse_labels(text: str, kind: str, path: str | Path = "<string>") -> LabelFile[Any]:
    """Parse the text of one label file of the given kind.

    >>> f = parse_labels("111\\tDoubt\\t3\\t9\\n", "flc")
    >>> f.records[0].technique, f.records[0].start, f.records[0].end
    ('Doubt', 3, 9)
    """
    _check_kind(kind)
    path = str(path)
    newline = "\r\n" if "\r\n" in text else "\n"
    body = text[:-len(newline)] if text.endswith(newline) else text
    parse = _PARSERS[kind]
    placeholder = "?"
    records = []
    for number, raw in enumerate(body.split(newline) if body else [], start=1):
        if not raw.strip():
            continue  # blank lines carry nothing
        line = _Line(path, number, raw)
        records.append(parse(line))
        if kind == "tc" and len(records) == 1:
            placeholder = raw.split("\t")[1]
    return LabelFile(kind, tuple(records), path, final_newline=text.endswith(newline) or not text,
                     newline=newline, placeholder=placeholder)


def _format_record(record: Any, kind: str, placeholder: str) -> str:
    if kind == "si":
        return f"{record.article_id}\t{record.start}\t{record.end}"
    if kind == "flc":
        return f"{record.article_id}\t{record.technique}\t{record.start}\t{record.end}"
    if kind == "tc":
        return f"{record.article_id}\t{placeholder}\t{record.start}\t{record.end}"
    if kind in ("st1", "st2"):
        return f"{record.article_id}\t{','.join(record.labels)}"
    if kind == "st3":
        return f"{record.article_id}\t{record.line}\t{','.join(record.techniques)}"
    return f"{record.article_id}\t{record.line}\t{record.text}"


def format_labels(label_file: LabelFile[Any]) -> str:
    """The text of a label file; ``format_labels(parse_labels(t, k)) == t`` for well-formed files."""
    _check_kind(label_file.kind)
    lines = [_format_record(r, label_file.kind, label_file.placeholder) for r in label_file.records]
    if not lines:
        return ""
    text = label_file.newline.join(lines)
    return text + label_file.newline if label_file.final_newline else text


def dump_labels(records: Iterable[Any], kind: str) -> str:
    """Format records as a fresh file of the given kind (``\\n`` newlines, final newline)."""
    return format_labels(LabelFile(kind, tuple(records)))


def read_label_file(path: str | Path, kind: str) -> LabelFile[Any]:
    """Read and parse one label file."""
    return parse_labels(read_text(path), kind, path)
