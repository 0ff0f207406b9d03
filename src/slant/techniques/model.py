"""A shipped technique model: ONNX tagger + span heads + tokenizer + settings, run with onnxruntime.

A model is a folder (``model.onnx``, ``heads.npz``, ``tokenizer.json``, ``model.json``, ``CARD.md``). The
ones slant ships live in ``slant/models/``; :func:`load` finds them by tier name or takes a folder path.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import UsageError
from .encode import encode, load_tokenizer
from .predict import N_OUTPUTS, Heads, Settings, Tokens
from .windows import run_many

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
#: Tier name -> folder under ``slant/models``.
TIERS = {"fast": "techniques-minilm"}
DEFAULT_TIER = "fast"


class TechniqueModel:
    """Runs the tagger over texts. Thread count follows ``SLANT_THREADS`` (default: 2)."""

    def __init__(self, folder: str | Path) -> None:
        import onnxruntime as ort

        self.folder = Path(folder)
        self.info = json.loads((self.folder / "model.json").read_text())
        self.name = self.info.get("name", self.folder.name)
        self.window = int(self.info.get("window", 254))
        self.settings = {t: Settings.from_dict(d) for t, d in self.info["settings"].items()}
        heads = np.load(self.folder / "heads.npz")
        self.heads = Heads(
            weight={t: heads[f"{t}_weight"] for t in self.settings},
            bias={t: heads[f"{t}_bias"] for t in self.settings},
        )
        self.tokenizer = load_tokenizer(self.folder / "tokenizer.json")
        opts = ort.SessionOptions()
        threads = int(os.environ.get("SLANT_THREADS", "2"))
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(self.folder / "model.onnx"), opts,
                                            providers=["CPUExecutionProvider"])
        self.hidden_size = int(self.heads.weight["ptc2020"].shape[1] // 3)

    def forward(self, ids: np.ndarray, mask: np.ndarray, feats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "feature_ids": feats})
        return probs, hidden

    def needs_hidden(self, taxonomy: str, task: str = "flc") -> bool:
        """Whether answering ``task`` needs the hidden states (the span heads use them)."""
        return task == "tc" or (task in ("flc", "st3-spans") and self.settings[taxonomy].flc_mode == "head")

    def tokens(self, text: str, hidden: bool = True) -> Tokens:
        """Token probabilities (and hidden states) of ``text``: any length, windows, overlaps averaged."""
        return self.tokens_many([text], hidden)[0]

    def tokens_many(self, texts: list[str], hidden: bool = True) -> list[Tokens]:
        """:meth:`tokens` of several texts, their windows batched together (faster than one by one)."""
        encs = [encode(self.tokenizer, text, size=self.window) for text in texts]
        outs = run_many(encs, self.forward, N_OUTPUTS, self.hidden_size if hidden else 0)
        return [Tokens(text, enc.offsets, p, h) for text, enc, (p, h) in zip(texts, encs, outs, strict=True)]


def model_folder(name: str | None) -> Path:
    """The folder of a tier name (``fast``) or a path to a model folder."""
    name = name or DEFAULT_TIER
    folder = MODELS_DIR / TIERS[name] if name in TIERS else Path(name)
    if not (folder / "model.json").exists():
        known = ", ".join(sorted(TIERS))
        raise UsageError("E501", f"no technique model {name!r} (tiers: {known}; or a folder with model.json)")
    return folder


@lru_cache(maxsize=4)
def _load(folder: str) -> TechniqueModel:
    return TechniqueModel(folder)


def load(name: str | None = None) -> TechniqueModel:
    """A loaded model by tier name or folder; loaded once per process."""
    return _load(str(model_folder(name).resolve()))
