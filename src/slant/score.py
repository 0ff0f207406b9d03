"""The official metrics of SemEval-2020 task 11 and SemEval-2023 task 3.

=====  =====================================================================================
task   official score
=====  =====================================================================================
si     span F1 with partial credit (Da San Martino et al. 2019), all spans one label
flc    the same, pairs counted only when the techniques are equal
tc     micro-F1 over the gold spans (labels matched one-to-one per span)
st1    macro-F1 over the genres present in gold or predictions (as scikit-learn computes it)
st2    micro-F1 over (article, frame) pairs
st3    micro-F1 over (article, paragraph, technique) triples
=====  =====================================================================================

Span F1: in each article, spans sharing a label are merged when they overlap (share a character). With S the
predicted spans and T the gold ones, P = (1/|S|) sum_s sum_t |s & t| / |s| and
R = (1/|T|) sum_s sum_t |s & t| / |t|, pairs within one article (and one label for FLC).
As in the official scorer, P is 0 when nothing is predicted, R is 0 when there is no gold, and F1 is 1 when
both are empty.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .taxonomy import FRAMES, GENRES, techniques

TASKS = ("si", "flc", "tc", "st1", "st2", "st3")
SI_LABEL = "propaganda"

METRICS = {
    "si": "span F1 with partial overlap credit (Da San Martino et al. 2019)",
    "flc": "span F1 with partial overlap credit, per technique (Da San Martino et al. 2019)",
    "tc": "micro-F1 over the gold spans",
    "st1": "macro-F1 over genres",
    "st2": "micro-F1 over (article, frame) pairs",
    "st3": "micro-F1 over (article, paragraph, technique) triples",
}


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 of one label; None where the label has neither gold nor predictions."""

    label: str
    precision: float | None
    recall: float | None
    f1: float | None
    gold: int
    predicted: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "gold": self.gold, "predicted": self.predicted}


@dataclass(frozen=True)
class Score:
    """The result of scoring one task: ``f1`` is always the task's official score."""

    task: str
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    per_label: tuple[LabelScore, ...] = ()
    taxonomy: str | None = None
    extra: dict[str, float] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def metric(self) -> str:
        return METRICS[self.task]

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task, "metric": self.metric, "taxonomy": self.taxonomy,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "gold": self.gold, "predicted": self.predicted, **self.extra,
            "per_label": [s.to_dict() for s in self.per_label],
            "warnings": list(self.warnings),
        }


# -- span F1 (si, flc) -------------------------------------------------------------------------------------

def merge_overlapping(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge intervals that share at least one character; touching intervals stay apart.

    >>> merge_overlapping([(5, 9), (0, 6), (9, 12)])
    [(0, 9), (9, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _official_prf(prec_sum: float, n_pred: int, rec_sum: float, n_gold: int) -> tuple[float, float, float]:
    p = prec_sum / n_pred if n_pred else 0.0
    r = rec_sum / n_gold if n_gold else 0.0
    if n_pred == 0 and n_gold == 0:
        return p, r, 1.0
    return p, r, (2 * p * r / (p + r) if p > 0 and r > 0 else 0.0)


def _group_spans(spans: Iterable[Any], labelled: bool) -> dict[tuple[str, str], list[tuple[int, int]]]:
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        label = span.technique if labelled else SI_LABEL
        groups[(span.article_id, label)].append((span.start, span.end))
    return {key: merge_overlapping(value) for key, value in groups.items()}


def span_f1(gold: Iterable[Any], predicted: Iterable[Any], *, labelled: bool,
            labels: Sequence[str] = ()) -> Score:
    """SI (``labelled=False``) or FLC (``labelled=True``) span F1 of predicted spans against gold spans.

    ``gold`` and ``predicted`` hold objects with ``article_id``, ``start``, ``end`` and ``technique``.
    ``labels`` fixes the order of the per-label table (labels seen in the data are added).
    """
    gold_groups, pred_groups = _group_spans(gold, labelled), _group_spans(predicted, labelled)
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for (_, label), spans in gold_groups.items():
        n_gold[label] += len(spans)
    for (_, label), spans in pred_groups.items():
        n_pred[label] += len(spans)
    prec_sum: Counter[str] = Counter()
    rec_sum: Counter[str] = Counter()
    for key, pred_spans in pred_groups.items():
        for g_start, g_end in gold_groups.get(key, ()):
            for p_start, p_end in pred_spans:
                inter = min(g_end, p_end) - max(g_start, p_start)
                if inter > 0:
                    prec_sum[key[1]] += inter / (p_end - p_start)
                    rec_sum[key[1]] += inter / (g_end - g_start)
    order = list(labels) if labelled else [SI_LABEL]
    order += sorted((set(n_gold) | set(n_pred)) - set(order))
    per_label = []
    for label in order:
        if n_gold[label] == 0 and n_pred[label] == 0:
            per_label.append(LabelScore(label, None, None, None, 0, 0))
            continue
        p, r, f = _official_prf(prec_sum[label], n_pred[label], rec_sum[label], n_gold[label])
        per_label.append(LabelScore(label, p, r, f, n_gold[label], n_pred[label]))
    total_gold, total_pred = sum(n_gold.values()), sum(n_pred.values())
    p, r, f = _official_prf(sum(prec_sum.values()), total_pred, sum(rec_sum.values()), total_gold)
    return Score("flc" if labelled else "si", p, r, f, total_gold, total_pred, tuple(per_label))


# -- counted F1 (tc, st1, st2, st3) ----------------------------------------------------------------------------

def _ratio(num: int, den: int, zero: float) -> float:
    return num / den if den else zero


def _counted(label: str, tp: int, fp: int, fn: int, zero: float) -> LabelScore:
    if tp + fp + fn == 0:
        return LabelScore(label, None, None, None, 0, 0)
    return LabelScore(label, _ratio(tp, tp + fp, zero), _ratio(tp, tp + fn, zero),
                      _ratio(2 * tp, 2 * tp + fp + fn, zero), tp + fn, tp + fp)


def _per_label(order: Sequence[str], tp: Counter[str], fp: Counter[str], fn: Counter[str],
               zero: float) -> tuple[LabelScore, ...]:
    names = list(order) + sorted((set(tp) | set(fp) | set(fn)) - set(order))
    return tuple(_counted(name, tp[name], fp[name], fn[name], zero) for name in names)


def technique_classification(gold: Iterable[Any], predicted: Iterable[Any],
                             labels: Sequence[str] = ()) -> Score:
    """TC: each gold span's techniques against the techniques predicted for the same span.

    Several techniques on one span are matched one-to-one (a multiset intersection), so the score equals
    accuracy when every gold span gets exactly one prediction. Predictions for spans that are not in the
    gold template count as false positives.
    """
    gold_by: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    pred_by: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for span in gold:
        gold_by[(span.article_id, span.start, span.end)][span.technique] += 1
    for span in predicted:
        pred_by[(span.article_id, span.start, span.end)][span.technique] += 1
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for key in gold_by.keys() | pred_by.keys():
        g, p = gold_by.get(key, Counter()), pred_by.get(key, Counter())
        hit = g & p
        tp.update(hit)
        fp.update(p - hit)
        fn.update(g - hit)
    warnings = []
    outside = sum(sum(c.values()) for k, c in pred_by.items() if k not in gold_by)
    if outside:
        warnings.append(f"{outside} predicted span(s) are not gold spans; counted as wrong")
    unanswered = sum(sum(c.values()) for k, c in gold_by.items() if k not in pred_by)
    if unanswered:
        warnings.append(f"{unanswered} gold span(s) have no prediction; counted as missed")
    t, f_, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p, r = _ratio(t, t + f_, 0.0), _ratio(t, t + n, 0.0)
    f1 = 2 * p * r / (p + r) if p + r else (1.0 if t + f_ + n == 0 else 0.0)
    return Score("tc", p, r, f1, t + n, t + f_, _per_label(labels, tp, fp, fn, 0.0),
                 warnings=tuple(warnings))


def _align(gold: dict[Any, Any], predicted: dict[Any, Any], unit: str) -> list[str]:
    warnings = []
    extra = predicted.keys() - gold.keys()
    if extra:
        warnings.append(f"{len(extra)} predicted {unit}(s) are not in the gold file; ignored")
    missing = gold.keys() - predicted.keys()
    if missing:
        warnings.append(f"{len(missing)} gold {unit}(s) have no prediction; counted as missed")
    return warnings


def genre_f1(gold: Iterable[Any], predicted: Iterable[Any]) -> Score:
    """Subtask 1: macro-F1 over the genres that occur in gold or predictions (scikit-learn's convention)."""
    gold_map = {r.article_id: r.labels[0] for r in gold}
    pred_map = {r.article_id: r.labels[0] for r in predicted}
    warnings = _align(gold_map, pred_map, "article")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for aid, truth in gold_map.items():
        guess = pred_map.get(aid)
        if guess == truth:
            tp[truth] += 1
        else:
            fn[truth] += 1
            if guess is not None:
                fp[guess] += 1
    per_label = _per_label(GENRES, tp, fp, fn, 0.0)
    present = [s for s in per_label if s.gold or s.predicted]
    n = len(present)
    macro = [sum(getattr(s, k) for s in present) / n if n else 0.0 for k in ("precision", "recall", "f1")]
    answered = sum(1 for aid in gold_map if aid in pred_map)
    accuracy = sum(tp.values()) / len(gold_map) if gold_map else 0.0
    return Score("st1", macro[0], macro[1], macro[2], len(gold_map), answered, per_label,
                 extra={"micro_f1": accuracy}, warnings=tuple(warnings))


def _multilabel(task: str, gold: dict[Any, set[str]], predicted: dict[Any, set[str]], order: Sequence[str],
                unit: str) -> Score:
    warnings = _align(gold, predicted, unit)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for key, truth in gold.items():
        guess = predicted.get(key, set())
        tp.update(truth & guess)
        fp.update(guess - truth)
        fn.update(truth - guess)
    t, f_, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    per_label = _per_label(order, tp, fp, fn, 1.0)
    # the official scorers also print macro-F1 over the whole inventory, an empty class counting as 1
    macro = [1.0 if s.f1 is None else s.f1 for s in per_label if s.label in order]
    return Score(task, _ratio(t, t + f_, 1.0), _ratio(t, t + n, 1.0), _ratio(2 * t, 2 * t + f_ + n, 1.0),
                 t + n, t + f_, per_label, extra={"macro_f1": sum(macro) / len(macro) if macro else 0.0},
                 warnings=tuple(warnings))


def frame_f1(gold: Iterable[Any], predicted: Iterable[Any]) -> Score:
    """Subtask 2: micro-F1 over (article, frame) pairs."""
    return _multilabel("st2", {r.article_id: set(r.labels) for r in gold},
                       {r.article_id: set(r.labels) for r in predicted}, FRAMES, "article")


def paragraph_f1(gold: Iterable[Any], predicted: Iterable[Any]) -> Score:
    """Subtask 3: micro-F1 over (article, paragraph, technique) triples."""
    return _multilabel("st3", {(r.article_id, r.line): set(r.techniques) for r in gold},
                       {(r.article_id, r.line): set(r.techniques) for r in predicted},
                       techniques("semeval2023"), "paragraph")


def score(task: str, gold: Iterable[Any], predicted: Iterable[Any], taxonomy: str | None = None) -> Score:
    """Score records of one task; ``taxonomy`` orders the per-technique table of span tasks."""
    order = techniques(taxonomy) if taxonomy else ()
    if task == "si":
        result = span_f1(gold, predicted, labelled=False)
    elif task == "flc":
        result = span_f1(gold, predicted, labelled=True, labels=order)
    elif task == "tc":
        result = technique_classification(gold, predicted, labels=order)
    elif task == "st1":
        result = genre_f1(gold, predicted)
    elif task == "st2":
        result = frame_f1(gold, predicted)
    elif task == "st3":
        result = paragraph_f1(gold, predicted)
    else:
        raise ValueError(f"unknown task {task!r}; known: {', '.join(TASKS)}")
    if taxonomy and task in ("si", "flc", "tc"):
        result = replace(result, taxonomy=taxonomy)
    return result
