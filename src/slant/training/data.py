"""Training data for the technique tagger: PTC and SemEval-2023 English spans on one text per article.

The SemEval-2023 English articles are the PTC articles re-annotated, with the text lightly edited (sentences
joined into paragraphs, a character here and there). Their spans are carried onto the PTC text through a
character alignment, so one pass over an article trains both taxonomies (joint training).

Folds are by article, from a hash of the article id, so they never depend on file order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..formats.articles import read_articles
from ..formats.files import read_labels
from ..techniques.predict import ANY_COLUMN, LABELS, N_OUTPUTS

PTC_LABELS = LABELS["ptc2020"]
ST3_LABELS = LABELS["semeval2023"]
PTC_ANY = ANY_COLUMN["ptc2020"]
ST3_ANY = ANY_COLUMN["semeval2023"]


def ptc_column(label: str) -> int:
    return 1 + PTC_LABELS.index(label)


def st3_column(label: str) -> int:
    return ST3_ANY + 1 + ST3_LABELS.index(label)


@dataclass
class Article:
    id: str
    text: str  # the PTC text
    ptc: list[tuple[str, int, int]] = field(default_factory=list)
    st3: list[tuple[str, int, int]] = field(default_factory=list)  # aligned onto ``text``
    st3_text: str | None = None  # the SemEval-2023 text, for scoring on it


def fold_of(article_id: str, k: int) -> int:
    """A stable fold number in ``range(k)`` for an article id."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % k


def _same(a: str, b: str) -> bool:
    return a == b or (a.isspace() and b.isspace())


def char_map(source: str, target: str, probe: int = 8, reach: int = 96) -> np.ndarray:
    """For each position of ``source`` (and its end), the matching position in ``target``.

    The two texts differ only here and there (a newline for a space, a character dropped or added), so a
    linear walk that re-synchronises on the next ``probe`` equal characters within ``reach`` is enough and
    takes milliseconds where a general diff takes minutes on the longest articles.
    """
    n, m = len(source), len(target)
    out = np.zeros(n + 1, dtype=np.int64)
    i = j = 0
    while i < n:
        if j < m and _same(source[i], target[j]):
            out[i] = j
            i += 1
            j += 1
            continue
        found = None
        for total in range(1, reach):
            for di in range(total + 1):
                dj = total - di
                a, b = source[i + di : i + di + probe], target[j + dj : j + dj + probe]
                if a and len(a) == len(b) and all(map(_same, a, b)):
                    found = (di, dj)
                    break
            if found:
                break
        di, dj = found if found else (1, 1)
        for k in range(di):
            out[i + k] = min(j + k, j + dj, m)
        i += di
        j += dj
    out[n] = min(j, m) if n else m
    return np.minimum(out, m)


def _spans(path: Path, kind: str) -> dict[str, list[tuple[str, int, int]]]:
    spans: dict[str, list[tuple[str, int, int]]] = {}
    if not path.exists():
        return spans
    for rec in read_labels(path, kind):
        spans.setdefault(rec.article_id, []).append((rec.technique, rec.start, rec.end))
    return spans


def load_english(corpora: str | Path) -> list[Article]:
    """The 371 English articles with PTC spans and SemEval-2023 spans carried onto the PTC text."""
    root = Path(corpora)
    ptc_texts = read_articles(root / "ptc" / "train-articles")
    ptc_spans = _spans(root / "ptc" / "train-task-flc-tc.labels", "flc")
    en = root / "semeval2023" / "en"
    st3_texts = read_articles(en / "train-articles-subtask-3") if (en / "train-articles-subtask-3").exists() else {}
    st3_spans: dict[str, list[tuple[str, int, int]]] = {}
    for f in sorted((en / "train-labels-subtask-3-spans").glob("*.txt")) if en.exists() else []:
        for key, value in _spans(f, "flc").items():
            st3_spans.setdefault(key, []).extend(value)
    articles = []
    for aid in sorted(ptc_texts):
        art = Article(aid, ptc_texts[aid], sorted(ptc_spans.get(aid, []), key=lambda s: (s[1], s[2], s[0])))
        if aid in st3_texts:
            art.st3_text = st3_texts[aid]
            back = char_map(st3_texts[aid], art.text)
            for label, s, e in st3_spans.get(aid, []):
                s2, e2 = int(back[s]), int(back[e])
                if e2 > s2:
                    art.st3.append((label, s2, e2))
        articles.append(art)
    return articles


def token_targets(art: Article, offsets: np.ndarray) -> np.ndarray:
    """``[n_tokens, N_OUTPUTS]`` 0/1: does the token overlap a span of each column."""
    y = np.zeros((len(offsets), N_OUTPUTS), dtype=np.float32)
    if len(offsets) == 0:
        return y
    starts, ends = offsets[:, 0], offsets[:, 1]
    for spans, any_col, col in ((art.ptc, PTC_ANY, ptc_column), (art.st3, ST3_ANY, st3_column)):
        for label, s, e in spans:
            inside = (starts < e) & (ends > s)
            y[inside, any_col] = 1.0
            y[inside, col(label)] = 1.0
    return y


def token_spans(spans: list[tuple[str, int, int]], offsets: np.ndarray, index) -> list[tuple[int, int, int]]:
    """Character spans as ``(first_token, end_token, class_index)``; spans covering no token are dropped."""
    out = []
    if len(offsets) == 0:
        return out
    starts, ends = offsets[:, 0], offsets[:, 1]
    for label, s, e in spans:
        hit = np.flatnonzero((starts < e) & (ends > s))
        if len(hit):
            out.append((int(hit[0]), int(hit[-1]) + 1, index(label)))
    return out


def file_hashes(corpora: str | Path) -> dict[str, str]:
    """SHA-256 of the label files and of the concatenated article texts, for the model card."""
    root = Path(corpora)
    out = {}
    for rel in ("ptc/train-task-flc-tc.labels", "semeval2023/en/train-labels-subtask-3.txt"):
        p = root / rel
        if p.exists():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    for rel in ("ptc/train-articles", "semeval2023/en/train-articles-subtask-3",
                "semeval2023/en/train-labels-subtask-3-spans"):
        d = root / rel
        if d.exists():
            h = hashlib.sha256()
            for f in sorted(d.iterdir()):
                h.update(f.name.encode())
                h.update(f.read_bytes())
            out[rel + "/"] = h.hexdigest()
    return out
