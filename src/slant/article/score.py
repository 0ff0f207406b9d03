"""How much an article leans on persuasion techniques: one number in [0, 1] that a reader can take literally.

The raw measure is the model's technique spans in the article (title and body, not comments), each counted
with its confidence, per 1,000 words. The score is where that falls among articles the technique model never
saw in training: 0.8 means the article leans on techniques more than 80% of them. Reasons name the
categories that weigh most, with their rate next to the reference articles' median.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..document import Document, Span

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_WORDS = 50  # a short text's rate would swing on one span


@dataclass(frozen=True)
class Density:
    words: int
    raw: float  # sum of span confidences per 1,000 words
    by_category: Mapping[str, tuple[int, float]]  # category -> (spans, confidence per 1,000 words)


def article_spans(doc: Document, taxonomy: str = "semeval2023") -> list[Span]:
    """The spans of the article itself: not those found in comments."""
    return [s for s in doc.spans_of(taxonomy) if doc.part_of(s) == "article"]


def article_words(doc: Document) -> int:
    parts = ([doc.title] if doc.title else []) + list(doc.segments_of("body"))
    if not parts:
        return len(_WORD.findall(doc.text))
    return sum(len(_WORD.findall(doc.span_text(p))) for p in parts)


def density(spans: Sequence[Span], words: int, category: Mapping[str, str]) -> Density:
    per = 1000.0 / max(words, MIN_WORDS)
    groups: dict[str, list[float]] = defaultdict(list)
    for span in spans:
        groups[category.get(span.label, "Other")].append(span.score)
    return Density(words, per * sum(s.score for s in spans),
                   {c: (len(v), per * sum(v)) for c, v in groups.items()})


def percentile(raw: float, reference: Sequence[float]) -> float:
    """The share of reference articles whose raw measure is below ``raw`` (ties count half)."""
    ref = np.asarray(reference, dtype=np.float64)
    if ref.size == 0:
        return 0.0
    below = np.searchsorted(ref, raw, side="left")
    at_or_below = np.searchsorted(ref, raw, side="right")
    return float((below + at_or_below) / 2 / ref.size)


def reasons(d: Density, medians: Mapping[str, float], top: int = 3) -> list[str]:
    """The categories that weigh most, in words."""
    out = []
    for name, (count, rate) in sorted(d.by_category.items(), key=lambda kv: -kv[1][1])[:top]:
        median = medians.get(name)
        versus = f"; reference median {median:.1f}" if median is not None else ""
        out.append(f"{name}: {count} span(s), {rate:.1f} per 1,000 words{versus}")
    return out


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    def ranks(x: Sequence[float]) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        order = np.argsort(x, kind="mergesort")
        r = np.empty(len(x))
        r[order] = np.arange(len(x), dtype=np.float64)
        for value in np.unique(x):  # ties share their mean rank
            tied = x == value
            r[tied] = r[tied].mean()
        return r

    ra, rb = ranks(a), ranks(b)
    ra, rb = ra - ra.mean(), rb - rb.mean()
    denominator = float(np.sqrt((ra**2).sum() * (rb**2).sum()))
    return float((ra * rb).sum() / denominator) if denominator else 0.0
