"""From one text's token probabilities and hidden states to the shared tasks' answers.

The tagger has one output column per technique of both taxonomies plus an "any technique" column for each;
this module turns them into

* ``si``: propaganda spans (any technique) from the taxonomy's "any" column;
* ``flc``: labelled spans, either one column per technique, or the "any" spans labelled by the span head
  (``Settings.flc_mode``: whichever held-out folds preferred);
* ``tc``: the techniques of given spans, from the span head mixed with the token columns;
* ``st3``: paragraph labels, a technique where its column's highest probability in the paragraph passes a
  threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..formats.articles import paragraph_lines
from ..taxonomy import techniques
from .decode import Decoding, line_numbers, softmax, span_vector, spans, token_range

TAXONOMIES = ("ptc2020", "semeval2023")
LABELS = {t: techniques(t) for t in TAXONOMIES}
# Output columns: [any PTC, 14 PTC techniques, any SemEval-2023, 23 SemEval-2023 techniques].
ANY_COLUMN = {"ptc2020": 0, "semeval2023": 1 + len(LABELS["ptc2020"])}
N_OUTPUTS = 2 + len(LABELS["ptc2020"]) + len(LABELS["semeval2023"])


#: PTC techniques and their SemEval-2023 counterparts: st3 paragraphs may borrow the PTC columns' evidence.
COUNTERPART = {
    "Appeal_to_Authority": "Appeal_to_Authority",
    "Appeal_to_fear-prejudice": "Appeal_to_Fear-Prejudice",
    "Bandwagon,Reductio_ad_hitlerum": "Appeal_to_Popularity",
    "Black-and-White_Fallacy": "False_Dilemma-No_Choice",
    "Causal_Oversimplification": "Causal_Oversimplification",
    "Doubt": "Doubt",
    "Exaggeration,Minimisation": "Exaggeration-Minimisation",
    "Flag-Waving": "Flag_Waving",
    "Loaded_Language": "Loaded_Language",
    "Name_Calling,Labeling": "Name_Calling-Labeling",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
    "Thought-terminating_Cliches": "Conversation_Killer",
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism",
}


def columns(taxonomy: str) -> slice:
    first = ANY_COLUMN[taxonomy] + 1
    return slice(first, first + len(LABELS[taxonomy]))


@dataclass(frozen=True)
class Settings:
    """Decoding settings of one taxonomy, tuned on held-out folds."""

    si: Decoding = Decoding()
    technique: Decoding = Decoding()  # per-technique columns (flc_mode "columns")
    flc_mode: str = "columns"  # or "head": the "any" spans labelled by the span head
    second_label: float = 0.5  # head mode: a second technique when its probability reaches this share of the first
    tc_mix: float = 0.5  # TC: weight of the span head against the token columns' mean
    paragraph: float = 0.5  # st3: threshold on a technique's highest probability in a paragraph
    per_label: dict[str, float] = field(default_factory=dict)  # st3 thresholds that differ from ``paragraph``
    borrow: bool = False  # st3: a technique's probability is at least its PTC counterpart's

    def to_dict(self) -> dict:
        return {"si": self.si.to_dict(), "technique": self.technique.to_dict(), "flc_mode": self.flc_mode,
                "second_label": self.second_label, "tc_mix": self.tc_mix, "paragraph": self.paragraph,
                "per_label": dict(self.per_label), "borrow": self.borrow}

    @classmethod
    def from_dict(cls, d: dict) -> Settings:
        return cls(si=Decoding(**d["si"]), technique=Decoding(**d["technique"]), flc_mode=d["flc_mode"],
                   second_label=d["second_label"], tc_mix=d["tc_mix"], paragraph=d["paragraph"],
                   per_label=dict(d.get("per_label", {})), borrow=bool(d.get("borrow", False)))


@dataclass
class Heads:
    """The span heads: ``weight [classes, 3H]`` and ``bias [classes]`` per taxonomy."""

    weight: dict[str, np.ndarray]
    bias: dict[str, np.ndarray]

    def classify(self, taxonomy: str, hidden: np.ndarray, s: int, e: int) -> np.ndarray:
        if hidden.shape[1] == 0:
            raise ValueError("the span heads need hidden states: run the model with hidden=True")
        z = self.weight[taxonomy] @ span_vector(hidden, s, e) + self.bias[taxonomy]
        return softmax(z)


@dataclass
class Tokens:
    """One text as the model saw it."""

    text: str
    offsets: np.ndarray
    probs: np.ndarray
    hidden: np.ndarray

    def __post_init__(self) -> None:
        self.lines = line_numbers(self.text, self.offsets)


def si(tok: Tokens, taxonomy: str, st: Settings) -> list[tuple[int, int, float]]:
    """Spans of any technique: ``(start, end, score)``."""
    col = tok.probs[:, ANY_COLUMN[taxonomy]]
    return [(a, b, sc) for a, b, sc, _, _ in spans(tok.text, tok.offsets, col, tok.lines, st.si)]


def tc_probs(tok: Tokens, taxonomy: str, heads: Heads, st: Settings, s: int, e: int) -> np.ndarray | None:
    """Technique probabilities of the span covering tokens ``[s, e)``: span head mixed with token columns."""
    head = heads.classify(taxonomy, tok.hidden, s, e)
    cols = tok.probs[s:e, columns(taxonomy)].mean(0)
    cols = cols / max(float(cols.sum()), 1e-6)
    return st.tc_mix * head + (1.0 - st.tc_mix) * cols


def flc(tok: Tokens, taxonomy: str, heads: Heads, st: Settings) -> list[tuple[str, int, int, float]]:
    """Labelled spans ``(technique, start, end, score)``."""
    labels = LABELS[taxonomy]
    out = []
    if st.flc_mode == "columns":
        cols = tok.probs[:, columns(taxonomy)]
        for k, label in enumerate(labels):
            for a, b, sc, _, _ in spans(tok.text, tok.offsets, cols[:, k], tok.lines, st.technique):
                out.append((label, a, b, sc))
        return out
    any_col = tok.probs[:, ANY_COLUMN[taxonomy]]
    for a, b, sc, s, e in spans(tok.text, tok.offsets, any_col, tok.lines, st.si):
        p = tc_probs(tok, taxonomy, heads, st, s, e)
        order = np.argsort(-p)
        out.append((labels[order[0]], a, b, sc * float(p[order[0]])))
        if p[order[1]] >= st.second_label * p[order[0]]:
            out.append((labels[order[1]], a, b, sc * float(p[order[1]])))
    return out


def tc(tok: Tokens, taxonomy: str, heads: Heads, st: Settings,
       template: list[tuple[int, int]]) -> list[tuple[str, float]]:
    """The technique of each template span ``(start, end)``, with its probability.

    A span listed k times (k gold techniques) gets the k most probable techniques, one per line.
    """
    labels = LABELS[taxonomy]
    ranked: dict[tuple[int, int], list[tuple[str, float]]] = {}
    out = []
    for a, b in template:
        if (a, b) not in ranked:
            rng = token_range(tok.offsets, a, b)
            if rng is None:
                ranked[(a, b)] = [(labels[0], 0.0)]
            else:
                p = tc_probs(tok, taxonomy, heads, st, *rng)
                ranked[(a, b)] = [(labels[k], float(p[k])) for k in np.argsort(-p)]
        choices = ranked[(a, b)]
        out.append(choices.pop(0) if len(choices) > 1 else choices[0])
    return out


def paragraphs(tok: Tokens, st: Settings, lines: list[int] | None = None,
               taxonomy: str = "semeval2023") -> dict[int, list[tuple[str, float]]]:
    """Techniques of each paragraph (1-based line number), with their highest token probability."""
    labels = LABELS[taxonomy]
    cols = tok.probs[:, columns(taxonomy)]
    if st.borrow and taxonomy == "semeval2023":
        cols = cols.copy()
        ptc = tok.probs[:, columns("ptc2020")]
        for k, name in enumerate(LABELS["ptc2020"]):
            j = labels.index(COUNTERPART[name])
            cols[:, j] = np.maximum(cols[:, j], ptc[:, k])
    thresholds = np.array([st.per_label.get(lab, st.paragraph) for lab in labels])
    wanted = set(lines) if lines is not None else None
    out: dict[int, list[tuple[str, float]]] = {}
    for number, a, b in paragraph_lines(tok.text):
        if wanted is not None and number not in wanted:
            continue
        inside = (tok.offsets[:, 0] < b) & (tok.offsets[:, 1] > a) if len(tok.offsets) else np.zeros(0, bool)
        found: list[tuple[str, float]] = []
        if inside.any():
            top = cols[inside].max(0)
            found = [(labels[k], float(top[k])) for k in np.flatnonzero(top >= thresholds)]
        out[number] = found
    if wanted is not None:
        for number in wanted - set(out):
            out[number] = []
    return out
