"""Article folders: ``article<ID>.txt`` files, read exactly (BOM and ``\\r`` kept, offsets count them)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import FormatError, InputError
from ..textio import read_text, write_text

_ARTICLE_NAME = re.compile(r"^article([A-Za-z0-9_\-]+)\.txt$")


def article_id(path: str | Path) -> str:
    """The id in an ``article<ID>.txt`` file name.

    >>> article_id("data/article111111112.txt")
    '111111112'
    """
    match = _ARTICLE_NAME.match(Path(path).name)
    if not match:
        raise FormatError("E208", "file name is not article<ID>.txt", path=path)
    return match.group(1)


def is_article_file(path: str | Path) -> bool:
    return bool(_ARTICLE_NAME.match(Path(path).name))


def read_article(path: str | Path, max_bytes: int | None = None) -> tuple[str, str]:
    """``(id, text)`` of one article file."""
    return article_id(path), read_text(path, max_bytes)


def article_files(folder: str | Path) -> list[Path]:
    """The ``article<ID>.txt`` files of a folder, sorted by name; other files are not articles."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("E101" if not folder.exists() else "E105", "not a folder of articles", path=folder)
    return sorted(p for p in folder.iterdir() if p.is_file() and is_article_file(p))


def read_articles(folder: str | Path, max_bytes: int | None = None) -> dict[str, str]:
    """Every article of a folder as ``{id: text}``."""
    files = article_files(folder)
    if not files:
        raise InputError("E106", "folder holds no article<ID>.txt files", path=folder)
    return dict(read_article(p, max_bytes) for p in files)


def write_article(folder: str | Path, article_id: str, text: str) -> Path:
    """Write ``article<ID>.txt`` exactly (no newline translation)."""
    path = Path(folder) / f"article{article_id}.txt"
    write_text(path, text)
    return path


def paragraph_lines(text: str) -> list[tuple[int, int, int]]:
    """``(line_number, start, end)`` of each non-blank line, as SemEval-2023 templates number them.

    Lines are split on ``\\n``; a ``\\r`` before it is not part of the line's range.
    """
    out = []
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = pos + len(line)
        stripped_end = end - 1 if line.endswith("\r") else end
        if line.strip():
            out.append((number, pos, stripped_end))
        pos = end + 1
    return out
