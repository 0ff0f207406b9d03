"""Fine-tune the technique tagger: windows, batches, the loop, and predictions with the torch model."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn

from ..techniques.encode import encode
from ..techniques.windows import batch_windows, run_windows
from .data import PTC_ANY, PTC_LABELS, ST3_ANY, ST3_LABELS, Article, token_spans, token_targets
from .net import Tagger, span_vectors


@dataclass
class Config:
    epochs: int = 6
    lr: float = 8e-5  # encoder
    head_lr: float = 1e-3  # new parameters: heads and the feature embedding
    batch_size: int = 8
    window: int = 254  # word pieces per window, [CLS] and [SEP] not counted
    warmup: float = 0.06
    weight_decay: float = 0.01
    any_weight: float = 3.0  # the two "any technique" columns drive span finding: weigh them up
    span_weight: float = 0.5
    seed: int = 13
    threads: int = 2

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Example:
    enc_window: tuple[int, int]
    ids: np.ndarray
    mask: np.ndarray
    feats: np.ndarray
    targets: np.ndarray  # [T, C] aligned with ids (zeros at [CLS]/[SEP])
    spans: list[tuple[int, int, int, int]]  # (taxonomy 0|1, start, end, class) in window positions


def examples(articles: list[Article], tokenizer, cfg: Config) -> list[Example]:
    out = []
    for art in articles:
        enc = encode(tokenizer, art.text, size=cfg.window)
        y = token_targets(art, enc.offsets)
        ptc = token_spans(art.ptc, enc.offsets, PTC_LABELS.index)
        st3 = token_spans(art.st3, enc.offsets, ST3_LABELS.index)
        for s, e in enc.windows:
            ids, mask, feats = (a[0] for a in batch_windows(enc, [(s, e)]))
            t = np.zeros((len(ids), y.shape[1]), dtype=np.float32)
            t[1 : e - s + 1] = y[s:e]
            spans = []
            for tax, group in ((0, ptc), (1, st3)):
                for a, b, c in group:
                    a2, b2 = max(a, s), min(b, e)
                    if b2 > a2:
                        spans.append((tax, a2 - s + 1, b2 - s + 1, c))
            out.append(Example((s, e), ids, mask, feats, t, spans))
    return out


def _collate(batch: list[Example]):
    width = max(len(x.ids) for x in batch)

    def pad(arrs, dtype):
        out = np.zeros((len(arrs), width) + arrs[0].shape[1:], dtype=dtype)
        for i, a in enumerate(arrs):
            out[i, : len(a)] = a
        return torch.from_numpy(out)

    return (pad([x.ids for x in batch], np.int64), pad([x.mask for x in batch], np.int64),
            pad([x.feats for x in batch], np.int64), pad([x.targets for x in batch], np.float32))


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def train(articles: list[Article], tokenizer, backbone: str, cfg: Config,
          log: Callable[[str], None] = print) -> Tagger:
    seed_everything(cfg.seed)
    torch.set_num_threads(cfg.threads)
    data = examples(articles, tokenizer, cfg)
    model = Tagger(backbone)
    model.train()
    new = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    old = [p for n, p in model.named_parameters() if n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": old, "lr": cfg.lr}, {"params": new, "lr": cfg.head_lr}],
                            weight_decay=cfg.weight_decay)
    steps = cfg.epochs * math.ceil(len(data) / cfg.batch_size)
    warm = max(1, int(cfg.warmup * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda i: min((i + 1) / warm, max(0.0, (steps - i) / max(1, steps - warm))))
    col_weight = torch.ones(data[0].targets.shape[1])
    col_weight[PTC_ANY] = col_weight[ST3_ANY] = cfg.any_weight
    bce = nn.BCEWithLogitsLoss(reduction="none")
    ce = nn.CrossEntropyLoss()
    rng = random.Random(cfg.seed)
    step = 0
    t0 = time.time()
    log(f"{len(articles)} articles, {len(data)} windows, {steps} steps")
    for epoch in range(cfg.epochs):
        order = list(range(len(data)))
        rng.shuffle(order)
        total = 0.0
        for b in range(0, len(order), cfg.batch_size):
            batch = [data[i] for i in order[b : b + cfg.batch_size]]
            ids, mask, feats, y = _collate(batch)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits, hidden = model(ids, mask, feats)
            logits = logits.float()
            hidden = hidden.float()
            valid = (mask.bool() & (ids != 101) & (ids != 102)).float()
            loss_tok = (bce(logits, y) * col_weight).mean(-1)
            loss = (loss_tok * valid).sum() / valid.sum()
            for tax, head in ((0, model.span_ptc), (1, model.span_st3)):
                spans = [(i, s, e, c) for i, x in enumerate(batch) for t, s, e, c in x.spans if t == tax]
                if spans:
                    vecs = span_vectors(hidden, spans)
                    target = torch.tensor([c for *_, c in spans])
                    loss = loss + cfg.span_weight * ce(head(model.dropout(vecs)), target)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            total += float(loss.detach())
            if step % 50 == 0:
                log(f"epoch {epoch + 1} step {step}/{steps} loss {total / ((b // cfg.batch_size) + 1):.4f} "
                    f"{time.time() - t0:.0f}s")
    model.eval()
    return model


def torch_forward(model: Tagger):
    """A :data:`slant.techniques.windows.Forward` over the torch model (fp32, no gradients)."""

    def forward(ids, mask, feats):
        with torch.no_grad():
            logits, hidden = model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(feats))
        return torch.sigmoid(logits).numpy(), hidden.numpy()

    return forward


def predict_text(model: Tagger, tokenizer, text: str, cfg: Config):
    """Encoded text, token probabilities and hidden states, through the same windows as at run time."""
    enc = encode(tokenizer, text, size=cfg.window)
    probs, hidden = run_windows(enc, torch_forward(model), model.token_head.out_features,
                                model.encoder.config.hidden_size)
    return enc, probs, hidden
