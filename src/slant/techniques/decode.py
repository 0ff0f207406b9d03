"""Token probabilities -> character spans, span labels and paragraph labels.

Plain arg-max decoding of a token tagger finds spans about half as long as the annotated ones and breaks them
at every weak token. What decoding does instead (its settings are tuned on held-out folds and stored with the
model):

* a token is *in* when its probability reaches the column's threshold;
* gaps of up to ``gap`` tokens between two runs on the same line are filled when the gap's own probabilities
  stay above ``threshold * fill``;
* runs become character spans from the first piece's start to the last piece's end, widened to whole words;
* a span's score is the mean probability of its tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_WORDCHAR = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Decoding:
    threshold: float = 0.4
    gap: int = 3
    fill: float = 0.5
    min_chars: int = 2

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "gap": self.gap, "fill": self.fill, "min_chars": self.min_chars}


def line_numbers(text: str, offsets: np.ndarray) -> np.ndarray:
    """The line (count of newlines before it) of each token."""
    nl = np.asarray([m.start() for m in re.finditer("\n", text)], dtype=np.int64)
    if len(offsets) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.searchsorted(nl, offsets[:, 0])


def runs(probs: np.ndarray, lines: np.ndarray, dec: Decoding) -> list[tuple[int, int]]:
    """Token ranges ``[s, e)`` that decode as in."""
    on = probs >= dec.threshold
    if dec.gap > 0 and on.any():
        idx = np.flatnonzero(on)
        for a, b in zip(idx[:-1], idx[1:], strict=False):
            if 1 < b - a <= dec.gap + 1 and lines[a] == lines[b] \
                    and probs[a + 1 : b].min() >= dec.threshold * dec.fill:
                on[a + 1 : b] = True
    if not on.any():
        return []
    # a run starts where a token is in and its predecessor is out or on another line; ends likewise
    cont = np.zeros(len(on), dtype=bool)
    cont[1:] = on[1:] & on[:-1] & (lines[1:] == lines[:-1])
    starts = np.flatnonzero(on & ~cont)
    breaks = np.append(np.flatnonzero(~cont), len(on))
    ends = breaks[np.searchsorted(breaks, starts, side="right")]
    return [(int(s), int(e)) for s, e in zip(starts, ends, strict=True)]


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` to whole words."""
    while start > 0 and _WORDCHAR.match(text[start - 1]) and _WORDCHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORDCHAR.match(text[end]) and _WORDCHAR.match(text[end - 1]):
        end += 1
    return start, end


def spans(text: str, offsets: np.ndarray, probs: np.ndarray, lines: np.ndarray,
          dec: Decoding) -> list[tuple[int, int, float, int, int]]:
    """``(start, end, score, first_token, end_token)`` for one column's probabilities."""
    out = []
    for s, e in runs(probs, lines, dec):
        a, b = widen(text, int(offsets[s, 0]), int(offsets[e - 1, 1]))
        if b - a >= dec.min_chars:
            out.append((a, b, float(probs[s:e].mean()), s, e))
    return out


def span_vector(hidden: np.ndarray, s: int, e: int) -> np.ndarray:
    """``[mean, first, last]`` of the span's hidden states, as the span heads were trained."""
    h = hidden[s:e].astype(np.float32)
    return np.concatenate([h.mean(0), h[0], h[-1]])


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(-1, keepdims=True)


def token_range(offsets: np.ndarray, start: int, end: int) -> tuple[int, int] | None:
    """The tokens overlapping ``[start, end)``, or None."""
    if len(offsets) == 0:
        return None
    hit = np.flatnonzero((offsets[:, 0] < end) & (offsets[:, 1] > start))
    if not len(hit):
        return None
    return int(hit[0]), int(hit[-1]) + 1
