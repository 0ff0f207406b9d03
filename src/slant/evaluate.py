"""Scoring and validating label files on disk: reading, checking, then :mod:`slant.score`.

    >>> from slant.evaluate import score_paths                      # doctest: +SKIP
    >>> score_paths("flc", "gold/", "pred.labels").f1                # doctest: +SKIP
    0.4312
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import FormatError
from .formats import check_against_articles, check_labels, check_unique, read_articles, read_labels
from .score import TASKS, Score, score
from .taxonomy import FRAMES, GENRES, TAXONOMIES, detect_taxonomy, techniques

#: task -> kind of label file it reads (``spans``: SI or FLC columns, decided per file)
TASK_KINDS = {"si": "spans", "flc": "flc", "tc": "flc", "st1": "st1", "st2": "st2", "st3": "st3"}


def _labels_of(records: list[Any]) -> set[str]:
    names: set[str] = set()
    for record in records:
        technique = getattr(record, "technique", None)
        if technique is not None:
            names.add(technique)
        names.update(getattr(record, "labels", ()))
        names.update(getattr(record, "techniques", ()))
    return names


def _span_taxonomy(gold: list[Any], predicted: list[Any], requested: str | None) -> str:
    if requested:
        techniques(requested)  # raises for an unknown taxonomy name
        return requested
    return (detect_taxonomy(_labels_of(gold) | _labels_of(predicted)) or detect_taxonomy(_labels_of(predicted))
            or detect_taxonomy(_labels_of(gold)) or "ptc2020")


def _inventory(task: str, taxonomy: str | None) -> tuple[frozenset[str], str]:
    if task == "st1":
        return frozenset(GENRES), "subtask 1 genres"
    if task == "st2":
        return frozenset(FRAMES), "subtask 2 frames"
    if task == "st3":
        return frozenset(techniques("semeval2023")), "taxonomy semeval2023"
    assert taxonomy is not None
    return frozenset(TAXONOMIES[taxonomy]), f"taxonomy {taxonomy}"


def check_records(task: str, records: list[Any], taxonomy: str | None = None) -> None:
    """Check labels (strictly) and uniqueness of one side of a task, raising the first problem."""
    if task != "si":
        allowed, name = _inventory(task, taxonomy)
        check_labels(records, allowed, name)
    _check_unique(task, records)


def _check_unique(task: str, records: list[Any]) -> None:
    """One genre or frame list per article, one technique list per paragraph."""
    if task in ("st1", "st2"):
        check_unique(records, "article")
    elif task == "st3":
        check_unique(records, "paragraph")


def _drop_unknown_gold(task: str, records: list[Any], allowed: frozenset[str]) -> tuple[list[Any], list[str]]:
    """Gold labels outside the inventory: warn; drop them where the official scorer ignores them (st2, st3)."""
    unknown = sorted(_labels_of(records) - allowed)
    if not unknown:
        return records, []
    where = next(r.where for r in records if _labels_of([r]) & set(unknown))
    at = f" (first at {where[0]}:{where[1]})" if where else ""
    warnings = [f"gold holds label(s) outside the inventory: {', '.join(unknown)}{at}"]
    if task == "st2":
        records = [replace(r, labels=tuple(x for x in r.labels if x in allowed)) for r in records]
        warnings[0] += "; ignored, as the official scorer does"
    elif task == "st3":
        records = [replace(r, techniques=tuple(x for x in r.techniques if x in allowed)) for r in records]
        warnings[0] += "; ignored, as the official scorer does"
    return records, warnings


def _read(task: str, path: str | Path) -> list[Any]:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; known: {', '.join(TASKS)}")
    return read_labels(path, TASK_KINDS[task])


def score_paths(task: str, gold: str | Path, predicted: str | Path, *, articles: str | Path | None = None,
                taxonomy: str | None = None) -> Score:
    """Read, check and score a gold and a prediction file (or folder) of one task.

    Predictions must use the task's labels (E206 otherwise); a gold label outside the inventory gives a
    warning, as the official scorers let it pass.
    """
    gold_records, pred_records = _read(task, gold), _read(task, predicted)
    chosen = _span_taxonomy(gold_records, pred_records, taxonomy) if task in ("flc", "tc") else None
    check_records(task, pred_records, chosen)
    warnings: list[str] = []
    if task != "si":
        gold_records, warnings = _drop_unknown_gold(task, gold_records, _inventory(task, chosen)[0])
    _check_unique(task, gold_records)
    if articles is not None:
        texts = read_articles(articles)
        check_against_articles(gold_records, texts)
        check_against_articles(pred_records, texts)
    result = score(task, gold_records, pred_records, chosen)
    return replace(result, warnings=tuple(warnings) + result.warnings) if warnings else result


@dataclass(frozen=True)
class Validation:
    """What :func:`validate_path` found in a well-formed file or folder."""

    task: str
    path: str
    records: int
    articles: int
    taxonomy: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__, valid=True)


def validate_path(task: str, path: str | Path, *, articles: str | Path | None = None,
                  taxonomy: str | None = None) -> Validation:
    """Check a label file or folder for a task; raises the first problem as a coded error."""
    records = _read(task, path)
    labelled = task in ("flc", "tc") or (task == "si" and any(getattr(r, "technique", None) for r in records))
    chosen = _span_taxonomy(records, [], taxonomy) if labelled else None
    check_records("flc" if labelled else task, records, chosen)
    if articles is not None:
        check_against_articles(records, read_articles(articles))
    if not records and task in ("st1", "st2", "st3"):
        raise FormatError("E201", "no label lines", path=path)
    return Validation(task, str(path), len(records), len({r.article_id for r in records}), chosen)
