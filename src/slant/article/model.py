"""The shipped article model: genre and frames from linear models over TF-IDF and style, in numpy.

Files in the model folder: ``model.json`` (settings, classes, scores, calibration), ``vocab.json`` (the
n-grams of each TF-IDF) and ``weights.npz`` (idf, weights, biases). :func:`load` finds them by name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import UsageError
from ..lang import COMMON_WORDS
from .features import STYLE, Tfidf, style

MODELS = Path(__file__).resolve().parent.parent / "models"
DEFAULT = "article-linear"


@dataclass(frozen=True)
class Reason:
    """One feature's push towards a decision, in words."""

    what: str
    weight: float


def _style_reason(k: int, above: bool) -> str:
    """A style measure, above or below the training mean, in words ("more quotation marks")."""
    name, what = STYLE[k]
    if what.endswith(" length"):
        return f"{'longer' if above else 'shorter'} {what.removesuffix(' length')}"
    if name.startswith("title_"):
        return what if above else f"no {what.removeprefix('a ')}"
    return f"{'more' if above else 'fewer'} {what.removeprefix('number of ')}"


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class ArticleModel:
    """Genre (reporting | opinion | satire) and frames (14, several per article) for the six languages."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.info: dict[str, Any] = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        arrays = np.load(folder / "weights.npz")
        self.name: str = self.info.get("name", folder.name)
        self.languages: tuple[str, ...] = tuple(self.info["languages"])
        g, f = self.info["genre"], self.info["frames"]
        self.genres: tuple[str, ...] = tuple(g["classes"])
        self.genre_tfidf = Tfidf.from_parts(vocab["genre"], arrays["genre_idf"])
        self.genre_w = arrays["genre_w"].astype(np.float32)  # (classes, features)
        self.genre_b = arrays["genre_b"].astype(np.float64)
        self.style_mean = arrays["style_mean"]
        self.style_scale = arrays["style_scale"]
        self.style_weight = float(g["style_weight"])
        self.frames: tuple[str, ...] = tuple(f["labels"])
        self.frames_tfidf = Tfidf.from_parts(vocab["frames"], arrays["frames_idf"])
        self.frames_w = arrays["frames_w"].astype(np.float32)  # (frames, features)
        self.frames_b = arrays["frames_b"].astype(np.float64)
        self.frame_threshold = float(f["threshold"])
        self._frame_terms = vocab["frames"]["terms"]
        # terms worth showing as a reason: not made only of function words or numbers
        self._telling = np.array([any(w not in COMMON_WORDS and not w.isdigit() and len(w) > 2 for w in t.split())
                                  for t in self._frame_terms])

    # -- genre ------------------------------------------------------------------------------------------
    def _genre_x(self, texts: list[str], langs: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
        grams = self.genre_tfidf.transform(texts)
        styled = np.stack([(style(t, lang) - self.style_mean) / self.style_scale for t, lang in zip(texts, langs,
                                                                                                      strict=True)])
        return grams, styled * self.style_weight

    def genre(self, texts: list[str], langs: list[str | None]) -> list[tuple[dict[str, float], list[Reason]]]:
        """For each article: the probability of each genre, and the style measures that pushed most towards
        the winner (positive weight) in words."""
        grams, styled = self._genre_x(texts, langs)
        n_grams = grams.shape[1]
        logits = grams @ self.genre_w[:, :n_grams].T + styled @ self.genre_w[:, n_grams:].T + self.genre_b
        probs = _softmax(logits)
        w_grams, w_style = self.genre_w[:, :n_grams], self.genre_w[:, n_grams:]
        out = []
        for row in range(len(texts)):
            best = int(probs[row].argmax())
            others = [k for k in range(len(self.genres)) if k != best]
            push = styled[row] * (w_style[best] - w_style[others].mean(axis=0))
            reasons = [Reason(_style_reason(k, styled[row, k] > 0), float(push[k]))
                       for k in np.argsort(-push)[:3] if push[k] > 0.05]
            word_push = float(grams[row] @ (w_grams[best] - w_grams[others].mean(axis=0)))
            reasons.append(Reason("its wording", word_push))
            reasons.sort(key=lambda r: -r.weight)
            out.append(({g: float(p) for g, p in zip(self.genres, probs[row], strict=True)}, reasons))
        return out

    # -- frames -----------------------------------------------------------------------------------------
    def frame_probs(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        x = self.frames_tfidf.transform(texts)
        return 1.0 / (1.0 + np.exp(-(x @ self.frames_w.T + self.frames_b))), x

    def frames_of(self, texts: list[str]) -> list[tuple[dict[str, float], dict[str, list[str]]]]:
        """For each article: every frame's probability, and for each frame above the threshold the article's
        words that count most for it."""
        probs, x = self.frame_probs(texts)
        out = []
        for row in range(len(texts)):
            cues = {}
            present = np.flatnonzero(x[row])  # the article's own terms: a few hundred of 60,000
            for j in np.where(probs[row] >= self.frame_threshold)[0]:
                push = x[row, present] * self.frames_w[j, present]
                top = [int(present[k]) for k in np.argsort(-push) if push[k] > 0 and self._telling[present[k]]]
                cues[self.frames[j]] = [self._frame_terms[k] for k in top[:4]]
            out.append(({f: float(p) for f, p in zip(self.frames, probs[row], strict=True)}, cues))
        return out


def model_folder(name: str | None) -> Path:
    if name is None or name == DEFAULT:
        return MODELS / DEFAULT
    path = Path(name)
    if path.is_dir():
        return path
    raise UsageError("E501", f"article model {name!r} not found: give {DEFAULT!r} or a model folder")


@lru_cache(maxsize=4)
def _load(folder: Path) -> ArticleModel:
    return ArticleModel(folder)


def load(name: str | None = None) -> ArticleModel:
    """The article model by name (``article-linear``) or folder; loaded once per process."""
    folder = model_folder(name)
    if not (folder / "model.json").is_file():
        raise UsageError("E501", f"{folder}: no article model here (model.json missing)")
    return _load(folder.resolve())
