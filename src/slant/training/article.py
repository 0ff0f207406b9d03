"""``slant train --task article``: genre and frames models, and the persuasion score's calibration.

1. Pool the SemEval-2023 subtask 1 (genre) and subtask 2 (frames) training sets of all six languages.
2. Cross-validate by article (5 folds from a hash of the id): per class and per language tables.
3. Fit on everything and save the weights (numpy inference, no scikit-learn at run time).
4. Calibrate the persuasion score on the PTC articles the shipped technique model never saw (its held-out
   fold), and measure how its ranking agrees with the human annotation (Spearman's rho).
5. Write ``model.json``, ``vocab.json``, ``weights.npz`` and ``CARD.md``.

Needs scikit-learn (the ``[train]`` or ``[test]`` extra); no torch. About 3 minutes on 2 cores.
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..article.features import STYLE, Tfidf, style
from ..lang import CORPUS_CODES, LANGUAGES
from ..score import Score
from ..score import score as official_score
from .data import fold_of

GENRES = ("opinion", "reporting", "satire")
GENRE = {"ngram": (2, 4), "max_features": 50000, "min_df": 3, "C": 100.0, "style_weight": 0.1}
FRAMES = {"ngram": (1, 2), "max_features": 60000, "min_df": 2, "C": 3.0, "threshold": 0.5}
FOLDS = 5
GATE_PER_LANGUAGE = 8  # the first articles by id of each language: the quality gate's slice
#: English genre examples we wrote (data/README.md): neutral reporting the SemEval-2023 English set lacks
OUR_GENRE_DATA = Path(__file__).resolve().parents[3] / "data" / "genre-en.jsonl"


def load_ours(path: Path = OUR_GENRE_DATA) -> list[tuple[str, str, str, str]]:
    """(language, id, text, genre) of our own English genre examples; none when the file is absent."""
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            rows.append(("en", item["id"], item["text"], item["genre"]))
    return rows


def load_task(corpora: Path, task: int) -> list[tuple[str, str, str, str]]:
    """(language, id, text, label) of every training article of subtask ``task``, all six languages."""
    rows = []
    for lang in LANGUAGES:
        folder = corpora / "semeval2023" / CORPUS_CODES[lang]
        for line in (folder / f"train-labels-subtask-{task}.txt").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            aid, _, label = line.partition("\t")
            text = (folder / f"train-articles-subtask-{task}" / f"article{aid}.txt").read_text(encoding="utf-8")
            rows.append((lang, aid, text, label.strip()))
    return rows


def _tfidf(texts: list[str], analyzer: str, cfg: dict[str, Any]) -> tuple[Any, Tfidf]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=analyzer, ngram_range=cfg["ngram"], min_df=cfg["min_df"], sublinear_tf=True,
                          max_features=cfg["max_features"], dtype=np.float32)
    vec.fit(texts)
    return vec, Tfidf(analyzer, tuple(cfg["ngram"]), dict(vec.vocabulary_), vec.idf_)


def _genre_features(vec: Any, texts: list[str], styled: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix, hstack

    return hstack([vec.transform(texts), csr_matrix((styled - mean) / scale * GENRE["style_weight"])]).tocsr()


def fit_genre(texts: list[str], styled: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    vec, tfidf = _tfidf(texts, "char_wb", GENRE)
    mean, scale = styled.mean(axis=0), styled.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=GENRE["C"], class_weight="balanced", max_iter=5000)
    clf.fit(_genre_features(vec, texts, styled, mean, scale), y)
    assert tuple(clf.classes_) == GENRES
    return {"vec": vec, "tfidf": tfidf, "mean": mean, "scale": scale, "clf": clf}


def predict_genre(fit: dict[str, Any], texts: list[str], styled: np.ndarray) -> np.ndarray:
    return fit["clf"].predict_proba(_genre_features(fit["vec"], texts, styled, fit["mean"], fit["scale"]))


def fit_frames(texts: list[str], Y: np.ndarray) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    vec, tfidf = _tfidf(texts, "word", FRAMES)
    X = vec.transform(texts)
    W = np.zeros((Y.shape[1], len(tfidf.idf)), dtype=np.float32)
    b = np.zeros(Y.shape[1])
    for j in range(Y.shape[1]):
        clf = LogisticRegression(C=FRAMES["C"], class_weight="balanced", max_iter=3000).fit(X, Y[:, j])
        W[j], b[j] = clf.coef_[0], clf.intercept_[0]
    return {"vec": vec, "tfidf": tfidf, "W": W, "b": b}


def predict_frames(fit: dict[str, Any], texts: list[str]) -> np.ndarray:
    X = fit["vec"].transform(texts)
    return 1.0 / (1.0 + np.exp(-(X @ fit["W"].T + fit["b"])))


def _official(task: str, gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Score:
    """The shared task's own metric (``slant score``): st1 macro-F1 over genres, st2 micro-F1 over frames."""
    from ..formats.records import ArticleLabel

    return official_score(task, [ArticleLabel(str(i), tuple(x)) for i, x in enumerate(gold)],
                          [ArticleLabel(str(i), tuple(x)) for i, x in enumerate(pred)])


def _rows(result: Score, labels: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Per-label rows of a score for the card (labels with neither gold nor predictions show 0)."""
    return [{"label": s.label, "gold": s.gold, "predicted": s.predicted, "precision": round(s.precision or 0.0, 3),
             "recall": round(s.recall or 0.0, 3), "f1": round(s.f1 or 0.0, 3)}
            for s in result.per_label if labels is None or s.label in labels]


def _genre_scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = GENRES) -> dict[str, Any]:
    result = _official("st1", [(g,) for g in gold], [(p,) for p in pred])
    return {"macro_f1": round(result.f1, 3), "per_class": _rows(result, labels)}


def cross_validate_genre(rows: list[tuple[str, str, str, str]], styled: np.ndarray) -> dict[str, Any]:
    texts = [r[2] for r in rows]
    y = np.array([r[3] for r in rows])
    fold = np.array([fold_of(r[1], FOLDS) for r in rows])
    pred = np.empty(len(rows), dtype=object)
    for k in range(FOLDS):
        tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
        fit = fit_genre([texts[i] for i in tr], styled[tr], y[tr])
        pred[te] = np.array(GENRES)[predict_genre(fit, [texts[i] for i in te], styled[te]).argmax(1)]
    ours = np.array([r[1].startswith("slant-") for r in rows])
    out_ours = None
    if ours.any():  # our own examples are trained on like the rest, but scored apart from the shared task's
        out_ours = {"articles": int(ours.sum()), "accuracy": round(float((pred[ours] == y[ours]).mean()), 3),
                    "per_class": _genre_scores(y[ours], pred[ours], ("opinion", "reporting"))["per_class"]}
        rows = [r for r, o in zip(rows, ours, strict=True) if not o]
        y, pred = y[~ours], pred[~ours]
    langs = np.array([r[0] for r in rows])
    out: dict[str, Any] = {**_genre_scores(y, pred), "ours": out_ours, "per_language": {}}
    for lang in LANGUAGES:
        m = langs == lang
        out["per_language"][lang] = {"articles": int(m.sum()), **_genre_scores(y[m], pred[m])}
    return out


def cross_validate_frames(rows: list[tuple[str, str, str, str]], frames: list[str]) -> dict[str, Any]:
    texts = [r[2] for r in rows]
    Y = np.array([[f in r[3].split(",") for f in frames] for r in rows], dtype=int)
    fold = np.array([fold_of(r[1], FOLDS) for r in rows])
    P = np.zeros(Y.shape)
    for k in range(FOLDS):
        tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
        P[te] = predict_frames(fit_frames([texts[i] for i in tr], Y[tr]), [texts[i] for i in te])
    gold = [[f for f in r[3].split(",") if f] for r in rows]
    pred = [[f for f, on in zip(frames, P[i] >= FRAMES["threshold"], strict=True) if on] for i in range(len(rows))]
    langs = np.array([r[0] for r in rows])
    pooled = _official("st2", gold, pred)
    out: dict[str, Any] = {"micro_f1": round(pooled.f1, 3), "per_language": {}, "per_frame": {}}
    for lang in LANGUAGES:
        idx = np.where(langs == lang)[0]
        result = _official("st2", [gold[i] for i in idx], [pred[i] for i in idx])
        out["per_language"][lang] = {"articles": len(idx), "micro_f1": round(result.f1, 3)}
        if lang == "en":
            out["per_frame"]["en"] = _rows(result, frames)
    out["per_frame"]["all"] = _rows(pooled, frames)
    return out


def calibrate_score(corpora: Path, technique_model: str | None) -> dict[str, Any]:
    """Raw persuasion measure of the PTC articles the technique model held out, against human span density."""
    from ..article.classify import _CATEGORY
    from ..article.score import article_spans, article_words, density, spearman
    from ..pipeline import analyze_texts
    from ..techniques import load_model
    from .data import load_english

    model = load_model(technique_model)
    heldout_ids = set(model.info["heldout_ids"])
    articles = [a for a in load_english(corpora) if a.st3_text is not None]
    docs = analyze_texts([a.text for a in articles], layout="article", model=technique_model, labels=False)
    raw, human, human_ptc, seen = [], [], [], []
    by_category: dict[str, list[float]] = {}
    for art, doc in zip(articles, docs, strict=True):
        d = density(article_spans(doc), article_words(doc), _CATEGORY)
        words = max(article_words(doc), 50)
        raw.append(d.raw)
        human.append(1000 * len(art.st3) / words)
        human_ptc.append(1000 * len(art.ptc) / words)
        held = art.id in heldout_ids
        seen.append(not held)
        if held:
            for name in set(_CATEGORY.values()):
                by_category.setdefault(name, []).append(d.by_category.get(name, (0, 0.0))[1])
    raw_a, seen_a = np.array(raw), np.array(seen)
    held = ~seen_a
    return {
        "technique_model": model.name,
        "reference": sorted(round(float(x), 4) for x in raw_a[held]),
        "reference_articles": int(held.sum()),
        "category_medians": {k: round(float(np.median(v)), 2) for k, v in sorted(by_category.items())},
        "spearman_heldout": round(spearman(raw_a[held], np.array(human)[held]), 3),
        "spearman_heldout_ptc": round(spearman(raw_a[held], np.array(human_ptc)[held]), 3),
        "spearman_seen": round(spearman(raw_a[seen_a], np.array(human)[seen_a]), 3),
        "heldout_ids": [a.id for a, s in zip(articles, seen, strict=True) if not s],
    }


def data_hashes(corpora: Path) -> dict[str, str]:
    """SHA-256 of each language's subtask 1 and 2 label files and of their articles (concatenated by name)."""
    out = {}
    for lang in LANGUAGES:
        folder = corpora / "semeval2023" / CORPUS_CODES[lang]
        for task in (1, 2):
            labels = folder / f"train-labels-subtask-{task}.txt"
            out[str(labels.relative_to(corpora))] = hashlib.sha256(labels.read_bytes()).hexdigest()
            digest = hashlib.sha256()
            for path in sorted((folder / f"train-articles-subtask-{task}").glob("*.txt")):
                digest.update(path.read_bytes())
            out[f"semeval2023/{CORPUS_CODES[lang]}/train-articles-subtask-{task}"] = digest.hexdigest()
    return out


def _gate(rows: list[tuple[str, str, str, str]]) -> list[str]:
    ids = []
    for lang in LANGUAGES:
        ids += [f"{lang}/{r[1]}" for r in sorted((r for r in rows if r[0] == lang), key=lambda r: r[1])
                ][:GATE_PER_LANGUAGE]
    return ids


def build_article(corpora: str | Path, out: str | Path, technique_model: str | None = None) -> dict[str, Any]:
    started = time.time()
    corpora, out = Path(corpora), Path(out)
    frames = (corpora / "semeval2023" / "frames_subtask2.txt").read_text(encoding="utf-8").split()
    genre_rows, frame_rows = load_task(corpora, 1) + load_ours(), load_task(corpora, 2)
    styled = np.stack([style(r[2], r[0]) for r in genre_rows])
    print(f"genre: {len(genre_rows)} articles; frames: {len(frame_rows)} articles", flush=True)
    genre_cv = cross_validate_genre(genre_rows, styled)
    print(f"genre CV macro-F1 {genre_cv['macro_f1']}", flush=True)
    frames_cv = cross_validate_frames(frame_rows, frames)
    print(f"frames CV micro-F1 {frames_cv['micro_f1']} (en {frames_cv['per_language']['en']['micro_f1']})",
          flush=True)
    genre_fit = fit_genre([r[2] for r in genre_rows], styled, np.array([r[3] for r in genre_rows]))
    Y = np.array([[f in r[3].split(",") for f in frames] for r in frame_rows], dtype=int)
    frames_fit = fit_frames([r[2] for r in frame_rows], Y)
    calibration = calibrate_score(corpora, technique_model)
    print(f"score: Spearman rho {calibration['spearman_heldout']} on {calibration['reference_articles']} "
          f"held-out articles", flush=True)

    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "weights.npz",
        genre_idf=genre_fit["tfidf"].idf.astype(np.float32), genre_w=genre_fit["clf"].coef_.astype(np.float32),
        genre_b=genre_fit["clf"].intercept_, style_mean=genre_fit["mean"], style_scale=genre_fit["scale"],
        frames_idf=frames_fit["tfidf"].idf.astype(np.float32), frames_w=frames_fit["W"].astype(np.float16),
        frames_b=frames_fit["b"])
    (out / "vocab.json").write_text(json.dumps({"genre": genre_fit["tfidf"].to_dict(),
                                                "frames": frames_fit["tfidf"].to_dict()}, ensure_ascii=False),
                                    encoding="utf-8")
    info: dict[str, Any] = {
        "name": out.name,
        "languages": list(LANGUAGES),
        "genre": {"classes": list(GENRES), "style_weight": GENRE["style_weight"], "style": [s for s, _ in STYLE],
                  "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in GENRE.items()},
                  "cv": genre_cv, "articles": len(genre_rows)},
        "frames": {"labels": frames, "threshold": FRAMES["threshold"],
                   "settings": {k: list(v) if isinstance(v, tuple) else v for k, v in FRAMES.items()},
                   "cv": frames_cv, "articles": len(frame_rows)},
        "score": calibration,
        "data_sha256": {**data_hashes(corpora), **({"data/genre-en.jsonl": hashlib.sha256(
            OUR_GENRE_DATA.read_bytes()).hexdigest()} if OUR_GENRE_DATA.is_file() else {})},
        "folds": FOLDS,
        "gate": {"ids": _gate(genre_rows)},
        "trained": {"seconds": round(time.time() - started), "python": platform.python_version(),
                    "scikit-learn": __import__("sklearn").__version__},
    }
    (out / "model.json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from ..article.model import ArticleModel

    info["gate"].update(gate_scores(ArticleModel(out), corpora, info["gate"]["ids"]))
    (out / "model.json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from .article_card import write_article_card

    write_article_card(out, info)
    return info


def gate_scores(model: Any, corpora: Path, ids: list[str]) -> dict[str, float]:
    """The shipped model's genre macro-F1 and frames micro-F1 on the gate slice (articles it was fitted on:
    the gate catches a broken model or broken inference, the CV tables say how well it generalises)."""
    wanted = set(ids)
    genre = [r for r in load_task(corpora, 1) + load_ours() if f"{r[0]}/{r[1]}" in wanted]
    frame = [r for r in load_task(corpora, 2) if f"{r[0]}/{r[1]}" in wanted]
    probs = model.genre([r[2] for r in genre], [r[0] for r in genre])
    pred = [max(p, key=p.__getitem__) for p, _ in probs]
    frame_out = model.frames_of([r[2] for r in frame])
    gold = [[f for f in r[3].split(",") if f] for r in frame]
    return {"genre_macro_f1": round(_official("st1", [(r[3],) for r in genre], [(p,) for p in pred]).f1, 4),
            "frames_micro_f1": round(_official("st2", gold, [list(c) for _, c in frame_out]).f1, 4)}
