"""Run a model over the windows of an encoded text and put the pieces back together.

``forward(input_ids, attention_mask, feature_ids)`` takes int64 arrays ``[B, T]`` and returns token
probabilities ``[B, T, C]`` and hidden states ``[B, T, H]`` (numpy). Where windows overlap (inside an
over-long line), the probabilities are averaged and each token keeps the hidden state of the window in which
it lies furthest from an edge.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .encode import Encoded

CLS_ID = 101
SEP_ID = 102

Forward = Callable[[np.ndarray, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def batch_windows(enc: Encoded, windows: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Model inputs for some windows: ``[CLS] pieces [SEP]``, padded to the longest."""
    width = max(e - s for s, e in windows) + 2
    ids = np.zeros((len(windows), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    feats = np.zeros_like(ids)
    for row, (s, e) in enumerate(windows):
        n = e - s
        ids[row, 0] = CLS_ID
        ids[row, 1 : n + 1] = enc.ids[s:e]
        ids[row, n + 1] = SEP_ID
        mask[row, : n + 2] = 1
        feats[row, 1 : n + 1] = enc.features[s:e]
    return ids, mask, feats


def run_windows(enc: Encoded, forward: Forward, n_outputs: int, hidden_size: int,
                batch_size: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Token probabilities ``[n, n_outputs]`` and hidden states ``[n, hidden_size]`` for the whole text."""
    n = len(enc)
    probs = np.zeros((n, n_outputs), dtype=np.float32)
    hidden = np.zeros((n, hidden_size), dtype=np.float32)
    if n == 0:
        return probs, hidden
    weight = np.zeros(n, dtype=np.float32)
    margin = np.full(n, -1, dtype=np.int64)
    # Similar lengths together: less padding.
    order = sorted(enc.windows, key=lambda w: w[1] - w[0])
    for b in range(0, len(order), batch_size):
        chunk = order[b : b + batch_size]
        p, h = forward(*batch_windows(enc, chunk))
        for row, (s, e) in enumerate(chunk):
            k = e - s
            probs[s:e] += p[row, 1 : k + 1]
            weight[s:e] += 1.0
            pos = np.arange(k)
            edge = np.minimum(pos, k - 1 - pos)
            better = edge > margin[s:e]
            hidden[s:e][better] = h[row, 1 : k + 1][better]
            margin[s:e] = np.maximum(margin[s:e], edge)
    probs /= weight[:, None]
    return probs, hidden
