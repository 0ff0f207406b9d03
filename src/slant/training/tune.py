"""Score held-out predictions with the official metrics, and choose decoding settings on them.

Settings are chosen on some folds and scored on others (``--tune`` and ``--score``), so the reported numbers
never come from settings picked on the same articles.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..formats.files import read_labels
from ..formats.records import ParagraphLabel, SpanLabel
from ..score import paragraph_f1, span_f1, technique_classification
from ..techniques import predict as P
from ..techniques.decode import Decoding


@dataclass
class Heldout:
    id: str
    ptc: P.Tokens
    st3: P.Tokens | None
    gold_ptc: list[tuple[str, int, int]]
    gold_st3_spans: list[tuple[str, int, int]]
    gold_paragraphs: dict[int, tuple[str, ...]]


def _tokens(path: Path, text: str) -> P.Tokens:
    z = np.load(path)
    return P.Tokens(text, z["offsets"], z["probs"].astype(np.float32), z["hidden"])


def heads_from_state(path: Path) -> P.Heads:
    import torch

    state = torch.load(path, map_location="cpu")
    return P.Heads(
        weight={"ptc2020": state["span_ptc.weight"].numpy(), "semeval2023": state["span_st3.weight"].numpy()},
        bias={"ptc2020": state["span_ptc.bias"].numpy(), "semeval2023": state["span_st3.bias"].numpy()},
    )


def load_gold(corpora: Path, ids: list[str], tokens) -> list[Heldout]:
    """Held-out articles with their gold labels; ``tokens(article_id, text, which)`` gives the model's view
    (``which`` is ``"ptc"`` or ``"st3"``)."""
    from .data import load_english

    wanted = set(ids)
    arts = {a.id: a for a in load_english(corpora) if a.id in wanted}
    en = corpora / "semeval2023" / "en"
    st3_gold: dict[str, list] = {}
    for f in (en / "train-labels-subtask-3-spans").glob("*.txt"):
        for r in read_labels(f, "flc"):
            if r.article_id in wanted:
                st3_gold.setdefault(r.article_id, []).append((r.technique, r.start, r.end))
    para: dict[str, dict[int, tuple[str, ...]]] = {}
    for r in read_labels(en / "train-labels-subtask-3.txt", "st3"):
        if r.article_id in wanted:
            para.setdefault(r.article_id, {})[r.line] = r.techniques
    out = []
    for aid in sorted(wanted):
        art = arts[aid]
        st3 = tokens(aid, art.st3_text, "st3") if art.st3_text is not None else None
        out.append(Heldout(aid, tokens(aid, art.text, "ptc"), st3, art.ptc, st3_gold.get(aid, []),
                           para.get(aid, {})))
    return out


def load_fold(work: Path, corpora: Path) -> tuple[list[Heldout], P.Heads]:
    """A run's held-out articles with the predictions it saved, and its span heads."""
    info = json.loads((work / "run.json").read_text())

    def tokens(aid: str, text: str, which: str) -> P.Tokens:
        return _tokens(work / "heldout" / f"{aid}.{which}.npz", text)

    return load_gold(corpora, info["heldout_ids"], tokens), heads_from_state(work / "state.pt")


def score_model(model, corpora: Path, ids: list[str]) -> tuple[dict, float]:
    """Official scores of a shipped model on some training articles, and its speed (articles/s)."""
    spent = [0.0, 0]

    def tokens(aid: str, text: str, which: str) -> P.Tokens:
        t = time.perf_counter()
        out = model.tokens(text)
        if which == "ptc":
            spent[0] += time.perf_counter() - t
            spent[1] += 1
        return out

    held = load_gold(corpora, ids, tokens)
    scores = evaluate([(held, model.heads)], model.settings)
    return scores, spent[1] / spent[0] if spent[0] else 0.0


def _labels(items, kind):
    return [SpanLabel(aid, s, e, t if kind == "flc" else None) for aid, t, s, e in items]


def evaluate(folds: list[tuple[list[Heldout], P.Heads]], settings: dict[str, P.Settings],
             what: tuple[str, ...] = ("si", "flc", "tc", "st3", "st3-spans")) -> dict:
    """Official scores over the held-out articles of ``folds`` (each with its own model's heads)."""
    g_ptc, g_st3, p_si, p_flc, p_st3s, tc_gold, tc_pred, par_gold, par_pred = ([] for _ in range(9))
    ptc, st3 = settings["ptc2020"], settings["semeval2023"]
    for arts, heads in folds:
        for h in arts:
            g_ptc += [(h.id, t, s, e) for t, s, e in h.gold_ptc]
            if "si" in what:
                p_si += [(h.id, None, s, e) for s, e, _ in P.si(h.ptc, "ptc2020", ptc)]
            if "flc" in what:
                p_flc += [(h.id, t, s, e) for t, s, e, _ in P.flc(h.ptc, "ptc2020", heads, ptc)]
            if "tc" in what:
                labels = P.tc(h.ptc, "ptc2020", heads, ptc, [(s, e) for _, s, e in h.gold_ptc])
                tc_gold += [SpanLabel(h.id, s, e, t) for t, s, e in h.gold_ptc]
                tc_pred += [SpanLabel(h.id, s, e, lab) for (_, s, e), (lab, _) in zip(h.gold_ptc, labels, strict=True)]
            if h.st3 is None:
                continue
            g_st3 += [(h.id, t, s, e) for t, s, e in h.gold_st3_spans]
            if "st3-spans" in what:
                p_st3s += [(h.id, t, s, e) for t, s, e, _ in P.flc(h.st3, "semeval2023", heads, st3)]
            if "st3" in what:
                found = P.paragraphs(h.st3, st3, lines=list(h.gold_paragraphs))
                par_gold += [ParagraphLabel(h.id, n, tuple(t)) for n, t in h.gold_paragraphs.items()]
                par_pred += [ParagraphLabel(h.id, n, tuple(lab for lab, _ in found[n])) for n in h.gold_paragraphs]
    out = {}
    if "si" in what:
        out["si"] = span_f1(_labels(g_ptc, "si"), _labels(p_si, "si"), labelled=False)
    if "flc" in what:
        out["flc"] = span_f1(_labels(g_ptc, "flc"), _labels(p_flc, "flc"), labelled=True, labels=P.LABELS["ptc2020"])
    if "tc" in what:
        out["tc"] = technique_classification(tc_gold, tc_pred, labels=P.LABELS["ptc2020"])
    if "st3-spans" in what:
        out["st3-spans"] = span_f1(_labels(g_st3, "flc"), _labels(p_st3s, "flc"), labelled=True,
                                   labels=P.LABELS["semeval2023"])
    if "st3" in what:
        out["st3"] = paragraph_f1(par_gold, par_pred)
    return out


def _f1(score) -> float:
    return float(score.f1)


def tune(folds, start: dict[str, P.Settings]) -> dict[str, P.Settings]:
    """Coordinate search over the decoding settings, each setting by the score it serves."""
    ptc, st3 = start["ptc2020"], start["semeval2023"]

    def best(fn, grid, key):
        scored = [(fn(g), g) for g in grid]
        return max(scored, key=lambda x: x[0])[1]

    grid_dec = [Decoding(t, g, f) for t, g, f in itertools.product(
        (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5), (0, 4, 10, 20), (0.1, 0.3, 0.6))]
    ptc = replace(ptc, si=best(lambda d: _f1(evaluate(folds, {"ptc2020": replace(ptc, si=d), "semeval2023": st3},
                                                      ("si",))["si"]), grid_dec, "si"))
    ptc = replace(ptc, tc_mix=best(lambda m: _f1(evaluate(folds, {"ptc2020": replace(ptc, tc_mix=m),
                                                                  "semeval2023": st3}, ("tc",))["tc"]),
                                   (0.0, 0.25, 0.5, 0.75, 1.0), "tc"))
    grid_tech = [Decoding(t, g, f) for t, g, f in itertools.product(
        (0.1, 0.15, 0.2, 0.25, 0.3, 0.4), (0, 4, 10), (0.3,))]
    options = [replace(ptc, flc_mode="columns", technique=d) for d in grid_tech]
    options += [replace(ptc, flc_mode="head", second_label=r) for r in (0.4, 0.6, 0.8, 1.01)]
    ptc = best(lambda o: _f1(evaluate(folds, {"ptc2020": o, "semeval2023": st3}, ("flc",))["flc"]), options, "flc")
    st3 = best(
        lambda o: _f1(evaluate(folds, {"ptc2020": ptc, "semeval2023": o}, ("st3",))["st3"]),
        [replace(st3, paragraph=t, borrow=b) for b in (False, True)
         for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)], "st3")
    st3 = replace(st3, per_label=_per_label_thresholds(folds, ptc, st3))
    st3 = replace(st3, tc_mix=ptc.tc_mix, si=ptc.si)
    options = [replace(st3, flc_mode="columns", technique=d) for d in grid_tech]
    options += [replace(st3, flc_mode="head", second_label=r) for r in (0.4, 0.6, 0.8, 1.01)]
    st3 = best(lambda o: _f1(evaluate(folds, {"ptc2020": ptc, "semeval2023": o}, ("st3-spans",))["st3-spans"]),
               options, "st3-spans")
    return {"ptc2020": ptc, "semeval2023": st3}


def _per_label_thresholds(folds, ptc: P.Settings, st3: P.Settings) -> dict[str, float]:
    """st3: one pass of coordinate ascent on each technique's own paragraph threshold."""
    per: dict[str, float] = {}

    def f1(candidate: dict[str, float]) -> float:
        return _f1(evaluate(folds, {"ptc2020": ptc, "semeval2023": replace(st3, per_label=candidate)},
                            ("st3",))["st3"])

    current = f1(per)
    for label in P.LABELS["semeval2023"]:
        for t in (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.01):
            score = f1({**per, label: t})
            if score > current + 1e-4:
                current, per[label] = score, t
    return per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--tune", nargs="*", default=[], help="run folders whose held-out articles choose settings")
    ap.add_argument("--score", nargs="+", required=True, help="run folders to score")
    ap.add_argument("--settings", help="settings JSON to use instead of tuning")
    ap.add_argument("--out", help="write the chosen settings and the scores here (JSON)")
    args = ap.parse_args(argv)
    corpora = Path(args.corpora)
    if args.settings:
        raw = json.loads(Path(args.settings).read_text())
        settings = {t: P.Settings.from_dict(raw["settings"][t]) for t in P.TAXONOMIES}
    else:
        settings = {t: P.Settings() for t in P.TAXONOMIES}
    if args.tune:
        settings = tune([load_fold(Path(w), corpora) for w in args.tune], settings)
    scores = evaluate([load_fold(Path(w), corpora) for w in args.score], settings)
    result = {"settings": {t: s.to_dict() for t, s in settings.items()},
              "tuned_on": args.tune, "scored_on": args.score,
              "scores": {k: v.to_dict() for k, v in scores.items()}}
    for k, v in scores.items():
        print(f"{k:10s} P {v.precision:.3f} R {v.recall:.3f} F1 {v.f1:.3f}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
