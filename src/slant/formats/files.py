"""Label files on disk: one file or a folder of per-article files, read and written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..textio import read_text, write_text
from .labels import dump_labels, parse_labels
from .records import LabelFile

#: File names the shared tasks use for per-article label files.
PER_ARTICLE_NAMES: dict[str, str] = {
    "si": "article{id}.task-si.labels",
    "flc": "article{id}.task-flc-tc.labels",
    "tc": "article{id}.task-flc-tc.labels",
    "st3": "article{id}-labels-subtask-3.txt",
    "st3-template": "article{id}-labels-subtask-3.txt.template",
}


def label_paths(path: str | Path, kind: str) -> list[Path]:
    """The files a label argument stands for: the file itself, or a folder's label files.

    In a folder, hidden files are skipped, and ``.template`` files are read only for the template kind
    (SemEval-2023 keeps both in one folder).
    """
    path = Path(path)
    if not path.exists():
        raise InputError("E101", "no such file or folder", path=path)
    if not path.is_dir():
        return [path]  # a file, or a pipe such as <(command)
    want_template = kind == "st3-template"
    files = sorted(
        p for p in path.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name.endswith(".template") == want_template
    )
    if not files:
        raise InputError("E106", f"folder holds no {kind} label files", path=path)
    return files


def detect_span_kind(text: str) -> str:
    """``si`` or ``flc`` from the first non-blank line's column count (3 or 4); ``si`` when empty."""
    for line in text.splitlines():
        if line.strip():
            return "flc" if line.count("\t") >= 3 else "si"
    return "si"


def read_label_files(path: str | Path, kind: str) -> list[LabelFile[Any]]:
    """Parse a label file, or every label file of a folder.

    ``kind="spans"`` reads SI or FLC files, deciding per file from its columns.
    """
    files = []
    for p in label_paths(path, "flc" if kind == "spans" else kind):
        text = read_text(p)
        files.append(parse_labels(text, detect_span_kind(text) if kind == "spans" else kind, p))
    return files


def read_labels(path: str | Path, kind: str) -> list[Any]:
    """All records of a label file or folder, in file order."""
    return [r for f in read_label_files(path, kind) for r in f.records]


def write_labels(path: str | Path, records: Iterable[Any], kind: str) -> Path:
    """Write records as one label file."""
    write_text(path, dump_labels(records, kind))
    return Path(path)


def write_label_folder(
    folder: str | Path, records: Iterable[Any], kind: str, name: str | None = None
) -> list[Path]:
    """Write one file per article, named as the shared task names them (or by ``name``, with ``{id}``)."""
    pattern = name or PER_ARTICLE_NAMES.get(kind)
    if pattern is None:
        raise ValueError(f"no per-article file name for kind {kind!r}; pass name=")
    by_article: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        by_article[record.article_id].append(record)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_labels(folder / pattern.format(id=aid), recs, kind) for aid, recs in by_article.items()]
