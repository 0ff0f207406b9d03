"""Article-level labels for Documents: language, genre, frames and the persuasion score, each with its why.

They go into ``doc.labels``::

    "language":   "en"
    "genre":      {"label": "reporting", "probabilities": {...}, "why": "more attribution (said, ...), ..."}
    "frames":     {"labels": ["Political", ...], "probabilities": {...}, "why": {"Political": ["party", ...]}}
    "persuasion": {"score": 0.83, "per_1000_words": 41.2, "why": ["Manipulative wording: 14 span(s), ...", ...]}

Genre and frames read the article's title and body (never boilerplate or comments) and need one of the six
languages of the training data; the persuasion score needs the technique spans (English).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Document
from ..errors import CODES
from ..lang import LANGUAGES, NAMES, guess_language
from ..taxonomy import TAXONOMIES
from . import score as S
from .model import ArticleModel, load

_CATEGORY = {name: t.category for name, t in TAXONOMIES["semeval2023"].items()}


def article_text(doc: Document) -> str:
    """Title, a blank line, then one body paragraph per line: the layout the training articles have."""
    body = [" ".join(doc.span_text(s).split()) for s in doc.segments_of("body")]
    if not doc.title and not body:
        return doc.text
    title = " ".join(doc.span_text(doc.title).split()) if doc.title else ""
    return f"{title}\n\n" + "\n".join(p for p in body if p)


def _why_genre(reasons: Sequence[object]) -> str:
    return ", ".join(r.what for r in reasons[:3])  # type: ignore[attr-defined]


def persuasion(doc: Document, model: ArticleModel) -> dict[str, object] | None:
    """The persuasion score of a Document that has been through the technique model, or None."""
    if "technique_model" not in doc.meta:
        return None
    calibration = model.info["score"]
    d = S.density(S.article_spans(doc), S.article_words(doc), _CATEGORY)
    value = S.percentile(d.raw, calibration["reference"])
    return {"score": round(value, 3), "per_1000_words": round(d.raw, 2),
            "reading": (f"leans on persuasion techniques more than {value:.0%} of the reference articles"
                        if value >= 0.5 else
                        f"leans on persuasion techniques less than {1 - value:.0%} of the reference articles"),
            "why": S.reasons(d, calibration["category_medians"])}


def classify_documents(docs: Sequence[Document], model: ArticleModel | None = None) -> list[Document]:
    """Each Document with language, genre, frames and (when it has technique spans) the persuasion score."""
    model = model or load()
    out: list[Document] = list(docs)
    texts = [article_text(d) for d in docs]
    langs = [guess_language(t) for t in texts]
    known = [i for i, lang in enumerate(langs) if lang in model.languages]
    genres = model.genre([texts[i] for i in known], [langs[i] for i in known]) if known else []
    frames = model.frames_of([texts[i] for i in known]) if known else []
    results = {i: (g, f) for i, g, f in zip(known, genres, frames, strict=True)}
    for i, doc in enumerate(docs):
        labels = dict(doc.labels)
        warnings = list(doc.warnings)
        labels["language"] = langs[i]
        if i in results:
            (probs, reasons), (frame_probs, cues) = results[i]
            best = max(probs, key=probs.__getitem__)
            labels["genre"] = {"label": best, "probabilities": {k: round(v, 3) for k, v in probs.items()},
                               "why": _why_genre(reasons)}
            chosen = sorted(cues, key=lambda f: -frame_probs[f])
            labels["frames"] = {"labels": chosen,
                                "probabilities": {k: round(v, 3) for k, v in frame_probs.items()},
                                "why": cues}
        elif texts[i].strip():
            supported = ", ".join(f"{NAMES[c]} ({c})" for c in LANGUAGES)
            warnings.append(f"{doc.source or doc.id or 'text'}: genre and frames not predicted: the language is "
                            f"not one of {supported} [E502: {CODES['E502']}]")
        score = persuasion(doc, model) if langs[i] == "en" else None  # techniques are English only
        if score is not None:
            labels["persuasion"] = score
        meta = dict(doc.meta)
        meta["article_model"] = model.name
        out[i] = doc.replace(labels=labels, meta=meta, warnings=tuple(warnings))
    return out


def classify(doc: Document, model: ArticleModel | None = None) -> Document:
    return classify_documents([doc], model)[0]
