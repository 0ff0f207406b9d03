"""A second, deliberately naive implementation of the official metrics, used only to check slant.score.

Spans are sets of character positions, merged by repeated union until stable, and every sum is written
out as in the task papers. Classification tasks go through scikit-learn, as the official scorers do.
"""

from __future__ import annotations

from collections import defaultdict


def _merge_sets(position_sets: list[set[int]]) -> list[set[int]]:
    sets = [set(s) for s in position_sets]
    changed = True
    while changed:
        changed = False
        for i in range(len(sets)):
            for j in range(i + 1, len(sets)):
                if sets[i] & sets[j]:
                    sets[i] |= sets.pop(j)
                    changed = True
                    break
            if changed:
                break
    return sets


def span_prf(gold, pred, labelled):
    """gold/pred: lists of (article, label, start, end). Returns (P, R, F1)."""

    def grouped(items):
        out = defaultdict(list)
        for art, label, start, end in items:
            out[(art, label if labelled else "x")].append(set(range(start, end)))
        return {k: _merge_sets(v) for k, v in out.items()}

    g, p = grouped(gold), grouped(pred)
    n_s = sum(len(v) for v in p.values())
    n_t = sum(len(v) for v in g.values())
    prec = sum(len(s & t) / len(s) for k, ss in p.items() for s in ss for t in g.get(k, []))
    rec = sum(len(s & t) / len(t) for k, ss in p.items() for s in ss for t in g.get(k, []))
    P = prec / n_s if n_s else 0.0
    R = rec / n_t if n_t else 0.0
    if n_s == 0 and n_t == 0:
        return P, R, 1.0
    return P, R, (2 * P * R / (P + R) if P > 0 and R > 0 else 0.0)


def tc_f1(gold, pred):
    """gold/pred: lists of (article, label, start, end). Greedy one-to-one matching per span."""
    remaining = defaultdict(list)
    for art, label, start, end in gold:
        remaining[(art, start, end)].append(label)
    tp = 0
    for art, label, start, end in pred:
        labels = remaining[(art, start, end)]
        if label in labels:
            labels.remove(label)
            tp += 1
    P = tp / len(pred) if pred else 0.0
    R = tp / len(gold) if gold else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def st1_macro_f1(gold: dict, pred: dict) -> float:
    from sklearn.metrics import f1_score

    keys = list(gold)
    return f1_score([gold[k] for k in keys], [pred[k] for k in keys], average="macro", zero_division=0)


def multilabel_micro_f1(gold: dict, pred: dict, classes) -> float:
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    mlb = MultiLabelBinarizer()
    mlb.fit([list(classes)])
    keys = list(gold)
    return f1_score(mlb.transform([sorted(gold[k]) for k in keys]), mlb.transform([sorted(pred[k]) for k in keys]),
                    average="micro", zero_division=1)
