"""``slant predict --task st1|st2``: genre or frames label files for a folder of ``article<ID>.txt`` files."""

from __future__ import annotations

from pathlib import Path

from ..errors import CODES, SlantError
from ..formats.articles import article_id
from ..formats.records import ArticleLabel
from ..lang import guess_language
from ..techniques.tasks import CHUNK, Prediction, article_paths
from ..textio import DEFAULT_MAX_BYTES, read_text
from .model import ArticleModel

ARTICLE_TASKS = ("st1", "st2")


def predict_articles(folder: str | Path, task: str, model: ArticleModel, *,
                     max_bytes: int | None = DEFAULT_MAX_BYTES) -> Prediction:
    """One ``id<TAB>genre`` (st1) or ``id<TAB>frame,frame`` (st2) line per article. An article in a language
    the model does not know gets a warning and, for st1, the most common genre of the training data."""
    result = Prediction()
    paths = article_paths(folder, result.warnings.append)
    for first in range(0, len(paths), CHUNK):
        batch: list[tuple[str, str, str | None]] = []
        for path in paths[first : first + CHUNK]:
            try:
                text = read_text(path, max_bytes)
            except SlantError as err:
                result.failures.append(str(err))
                continue
            lang = guess_language(text)
            if lang not in model.languages:
                result.warnings.append(f"{path}: language not recognised as one of {', '.join(model.languages)}; "
                                       f"{'opinion (the commonest genre) given' if task == 'st1' else 'no frames'}"
                                       f" [E502: {CODES['E502']}]")
            batch.append((article_id(path), text, lang))
            result.articles += 1
        known = [(aid, text, lang) for aid, text, lang in batch if lang in model.languages]
        if task == "st1":
            genres = dict(zip((a for a, _, _ in known),
                              model.genre([t for _, t, _ in known], [lg for _, _, lg in known]), strict=True))
            for aid, _, _ in batch:
                probs = genres[aid][0] if aid in genres else {"opinion": 1.0}
                result.records.append(ArticleLabel(aid, (max(probs, key=probs.__getitem__),)))
        else:
            frames = dict(zip((a for a, _, _ in known), model.frames_of([t for _, t, _ in known]), strict=True))
            for aid, _, _ in batch:
                probs, cues = frames.get(aid, ({}, {}))
                result.records.append(ArticleLabel(aid, tuple(sorted(cues, key=lambda f: -probs[f]))))
    return result
