"""``slant predict``: a folder of ``article<ID>.txt`` files -> one label file in a shared task's format.

=============  ===========================================================================================
task           output
=============  ===========================================================================================
si             ``id start end``: propaganda spans (SemEval-2020 task 11)
flc            ``id technique start end``: labelled spans, 14 techniques
tc             ``id technique start end`` for exactly the spans of ``--template`` (in its order)
st3            ``id line techniques``: one line per paragraph of ``--template``, or per non-blank line
st3-spans      ``id technique start end`` in the 23-technique taxonomy
=============  ===========================================================================================

Articles are read exactly as the tasks define them (no page reading: line 1 is the title). A file that
cannot be read is reported and skipped; the rest are still predicted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CODES, InputError, SlantError
from ..formats.articles import article_id, is_article_file, paragraph_lines
from ..formats.files import read_labels
from ..formats.records import ParagraphLabel, SpanLabel
from ..textio import DEFAULT_MAX_BYTES, read_text
from . import predict as P
from .detect import looks_english
from .model import TechniqueModel

PREDICT_TASKS = ("si", "flc", "tc", "st3", "st3-spans")
CHUNK = 16  # articles whose windows share batches
#: The label-file kind each task writes.
OUTPUT_KIND = {"si": "si", "flc": "flc", "tc": "flc", "st3": "st3", "st3-spans": "flc", "st1": "st1", "st2": "st2"}
TAXONOMY = {"si": "ptc2020", "flc": "ptc2020", "tc": "ptc2020", "st3": "semeval2023", "st3-spans": "semeval2023"}


@dataclass
class Prediction:
    records: list[Any] = field(default_factory=list)
    articles: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _template(task: str, path: str | Path | None) -> dict[str, list[Any]]:
    if path is None:
        if task == "tc":
            raise InputError("E101", "--task tc needs --template: the spans to label", path="--template")
        return {}
    kind = "tc" if task == "tc" else "st3-template"
    by_article: dict[str, list[Any]] = {}
    for rec in read_labels(path, kind):
        by_article.setdefault(rec.article_id, []).append(rec)
    return by_article


def article_paths(folder: str | Path, report: Callable[[str], None]) -> list[Path]:
    folder = Path(folder)
    if not folder.exists():
        raise InputError("E101", "no such folder", path=folder)
    if folder.is_file():
        return [folder]
    paths = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith("."):
            continue
        if not p.is_file() or not is_article_file(p):
            report(f"{p}: skipped, not an article<ID>.txt file")
            continue
        paths.append(p)
    if not paths:
        raise InputError("E106", "folder holds no article<ID>.txt files", path=folder)
    return paths


def predict_folder(folder: str | Path, task: str, model: TechniqueModel, *, template: str | Path | None = None,
                   max_bytes: int | None = DEFAULT_MAX_BYTES,
                   progress: Callable[[int, int], None] | None = None) -> Prediction:
    """Predict ``task`` for every article of ``folder`` (or one article file)."""
    if task not in PREDICT_TASKS:
        raise InputError("E401", f"unknown task {task!r} (known: {', '.join(PREDICT_TASKS)})")
    result = Prediction()
    wanted = _template(task, template)
    paths = article_paths(folder, result.warnings.append)
    taxonomy = TAXONOMY[task]
    settings = model.settings[taxonomy]
    for first in range(0, len(paths), CHUNK):
        if progress:
            progress(first, len(paths))
        batch: list[tuple[str, str]] = []
        for path in paths[first : first + CHUNK]:
            try:
                aid, text = article_id(path), read_text(path, max_bytes)
            except SlantError as err:
                result.failures.append(str(err))
                continue
            if wanted and aid not in wanted:
                continue
            result.articles += 1
            if not looks_english(text):
                result.warnings.append(f"{path}: does not look like English; no labels predicted [E502: "
                                       f"{CODES['E502']}]")
                result.records += _answer(task, aid, text, None, model, settings, wanted.get(aid, []))
                continue
            batch.append((aid, text))
        toks = model.tokens_many([t for _, t in batch], model.needs_hidden(taxonomy, task))
        for (aid, text), tok in zip(batch, toks, strict=True):
            result.records += _answer(task, aid, text, tok, model, settings, wanted.get(aid, []))
    if wanted:
        missing = sorted(set(wanted) - {article_id(p) for p in paths})
        if missing:
            result.failures.append(f"{len(missing)} template article(s) have no article file, e.g. "
                                   f"article{missing[0]}.txt")
    return result


def _answer(task: str, aid: str, text: str, tok: P.Tokens | None, model: TechniqueModel,
            settings: P.Settings, template: list[Any]) -> list[Any]:
    taxonomy = TAXONOMY[task]
    if task == "st3":
        lines = [r.line for r in template] if template else [n for n, _, _ in paragraph_lines(text)]
        if tok is None:
            return [ParagraphLabel(aid, n, ()) for n in lines]
        found = P.paragraphs(tok, settings, lines=lines)
        return [ParagraphLabel(aid, n, tuple(lab for lab, _ in found[n])) for n in lines]
    if task == "tc":
        spans = [(r.start, r.end) for r in template]
        if tok is None:
            return [SpanLabel(aid, s, e, P.LABELS[taxonomy][0]) for s, e in spans]
        labels = P.tc(tok, taxonomy, model.heads, settings, spans)
        return [SpanLabel(aid, s, e, lab) for (s, e), (lab, _) in zip(spans, labels, strict=True)]
    if tok is None:
        return []
    if task == "si":
        return [SpanLabel(aid, s, e) for s, e, _ in P.si(tok, taxonomy, settings)]
    return [SpanLabel(aid, s, e, lab) for lab, s, e, _ in sorted(P.flc(tok, taxonomy, model.heads, settings),
                                                                   key=lambda x: (x[1], x[2], x[0]))]
