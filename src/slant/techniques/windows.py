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


def batch_items(items: list[tuple[Encoded, int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Model inputs for windows ``(encoded text, start, end)``: ``[CLS] pieces [SEP]``, padded to the longest."""
    width = max(e - s for _, s, e in items) + 2
    ids = np.zeros((len(items), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    feats = np.zeros_like(ids)
    for row, (enc, s, e) in enumerate(items):
        n = e - s
        ids[row, 0] = CLS_ID
        ids[row, 1 : n + 1] = enc.ids[s:e]
        ids[row, n + 1] = SEP_ID
        mask[row, : n + 2] = 1
        feats[row, 1 : n + 1] = enc.features[s:e]
    return ids, mask, feats


def batch_windows(enc: Encoded, windows: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Model inputs for some windows of one text."""
    return batch_items([(enc, s, e) for s, e in windows])


def run_many(encs: list[Encoded], forward: Forward, n_outputs: int, hidden_size: int,
             batch_size: int = 16) -> list[tuple[np.ndarray, np.ndarray]]:
    """Token probabilities ``[n, n_outputs]`` and hidden states ``[n, hidden_size]`` of each text.

    A text's windows are batched together, never with another text's: int8 dynamic quantisation scales
    activations by the largest in the whole batch, so a shared batch would make one article's spans depend on
    the articles beside it. With ``hidden_size=0`` no hidden states are kept (a 10 MB text would need
    gigabytes for them).
    """
    probs = [np.zeros((len(enc), n_outputs), dtype=np.float32) for enc in encs]
    hidden = [np.zeros((len(enc), hidden_size), dtype=np.float32) for enc in encs]
    weight = [np.zeros(len(enc), dtype=np.float32) for enc in encs]
    margin = [np.full(len(enc), -1, dtype=np.int64) for enc in encs]
    chunks = [[(k, s, e) for s, e in enc.windows[b : b + batch_size]]
              for k, enc in enumerate(encs) for b in range(0, len(enc.windows), batch_size)]
    for chunk in chunks:
        p, h = forward(*batch_items([(encs[k], s, e) for k, s, e in chunk]))
        for row, (k, s, e) in enumerate(chunk):
            n = e - s
            probs[k][s:e] += p[row, 1 : n + 1]
            weight[k][s:e] += 1.0
            pos = np.arange(n)
            edge = np.minimum(pos, n - 1 - pos)
            if hidden_size:
                better = edge > margin[k][s:e]
                hidden[k][s:e][better] = h[row, 1 : n + 1][better]
                margin[k][s:e] = np.maximum(margin[k][s:e], edge)
    for k in range(len(encs)):
        if len(weight[k]):
            probs[k] /= np.maximum(weight[k], 1.0)[:, None]
    return list(zip(probs, hidden, strict=True))


def run_windows(enc: Encoded, forward: Forward, n_outputs: int, hidden_size: int,
                batch_size: int = 16) -> tuple[np.ndarray, np.ndarray]:
    """Token probabilities and hidden states for one text."""
    return run_many([enc], forward, n_outputs, hidden_size, batch_size)[0]
