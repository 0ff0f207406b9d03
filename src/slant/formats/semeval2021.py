"""SemEval-2021 task 6 (persuasion techniques in memes): JSON lists of ``{id, text, labels}``.

Task 1 items carry a list of technique names; task 2 items carry spans
``{start, end, technique, text_fragment}`` over the meme text. Files are written as the task wrote
them (4-space indent, UTF-8, keys in the task's order) so that read -> write gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FormatError
from ..taxonomy import SEMEVAL2021_TECHNIQUES
from ..textio import read_text, write_text


@dataclass(frozen=True)
class MemeSpan:
    start: int
    end: int
    technique: str
    text_fragment: str
    # the order of the keys in the file, so that writing gives back the same bytes
    keys: tuple[str, ...] = field(default=("start", "end", "technique", "text_fragment"), compare=False)


@dataclass(frozen=True)
class Meme:
    """One meme; ``labels`` holds technique names (task 1) or :class:`MemeSpan` items (task 2)."""

    id: str
    text: str
    labels: tuple[str, ...] | tuple[MemeSpan, ...]
    keys: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class MemeFile:
    task: int
    memes: tuple[Meme, ...]
    path: str | None = None


def _span(raw: object, path: str, index: int) -> MemeSpan:
    if not isinstance(raw, dict) or set(raw) != {"start", "end", "technique", "text_fragment"}:
        raise FormatError("E210", f"item {index}: a span needs start, end, technique, text_fragment", path=path)
    start, end = raw["start"], raw["end"]
    if not (isinstance(start, int) and isinstance(end, int)):
        raise FormatError("E202", f"item {index}: start and end must be integers", path=path)
    if start < 0 or end < 0:
        raise FormatError("E203", f"item {index}: negative offset", path=path)
    return MemeSpan(start, end, raw["technique"], raw["text_fragment"], keys=tuple(raw))


def _meme(raw: object, path: str, index: int) -> tuple[Meme, int]:
    if not isinstance(raw, dict) or not {"id", "text", "labels"} <= set(raw):
        raise FormatError("E210", f"item {index}: expected an object with id, text and labels", path=path)
    labels = raw["labels"]
    if not isinstance(labels, list):
        raise FormatError("E210", f"item {index}: labels must be a list", path=path)
    task = 2 if labels and isinstance(labels[0], dict) else 1
    parsed = tuple(_span(x, path, index) for x in labels) if task == 2 else tuple(labels)
    names = [x.technique for x in parsed] if task == 2 else list(parsed)
    for name in names:
        if name not in SEMEVAL2021_TECHNIQUES:
            raise FormatError("E206", f"item {index}: unknown technique {name!r}", path=path)
    text = raw["text"]
    if task == 2:
        for span in parsed:
            if span.end > len(text) or span.end < span.start:
                raise FormatError("E205", f"item {index}: span [{span.start}, {span.end}) outside the text",
                                  path=path)
            if text[span.start : span.end] != span.text_fragment:
                raise FormatError("E205", f"item {index}: text_fragment differs from text[{span.start}:{span.end}]",
                                  path=path)
    return Meme(str(raw["id"]), text, parsed, keys=tuple(raw)), task


def parse_memes(text: str, path: str | Path = "<string>") -> MemeFile:
    path = str(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FormatError("E210", f"not JSON: {err.msg} (column {err.colno})", path=path, line=err.lineno) from err
    if not isinstance(data, list):
        raise FormatError("E210", "expected a JSON list of memes", path=path)
    memes, tasks = [], set()
    for index, raw in enumerate(data):
        meme, task = _meme(raw, path, index)
        memes.append(meme)
        if meme.labels:
            tasks.add(task)
    if len(tasks) > 1:
        raise FormatError("E210", "mixes task 1 (names) and task 2 (spans) labels", path=path)
    return MemeFile(tasks.pop() if tasks else 1, tuple(memes), path)


def format_memes(memes: MemeFile) -> str:
    items = []
    default_keys = ("id", "text", "labels") if memes.task == 2 else ("id", "labels", "text")
    for meme in memes.memes:
        if memes.task == 2:
            labels: list[object] = [
                {key: getattr(span, key) for key in span.keys}
                for span in meme.labels  # type: ignore[union-attr]
            ]
        else:
            labels = list(meme.labels)
        values = {"id": meme.id, "text": meme.text, "labels": labels}
        items.append({key: values[key] for key in (meme.keys or default_keys)})
    return json.dumps(items, indent=4, ensure_ascii=False)


def read_memes(path: str | Path) -> MemeFile:
    return parse_memes(read_text(path), path)


def write_memes(path: str | Path, memes: MemeFile) -> None:
    write_text(path, format_memes(memes))
