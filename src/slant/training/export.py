"""Export a trained tagger to the folder slant ships: ONNX (int8 or fp32), span heads, tokenizer, model.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import torch

from .net import Exportable, Tagger

OPSET = 17


def export_onnx(state_path: Path, backbone: str, out: Path, quantize: bool = True) -> Path:
    """Write ``model.onnx`` (int8 dynamic quantisation, per channel, when ``quantize``) and ``heads.npz``."""
    out.mkdir(parents=True, exist_ok=True)
    model = Tagger(backbone)
    model.load_state_dict(torch.load(state_path, map_location="cpu"))
    model.eval()
    wrapper = Exportable(model).eval()
    ids = torch.tensor([[101, 7592, 2088, 102]], dtype=torch.long)
    mask = torch.ones_like(ids)
    feats = torch.zeros_like(ids)
    fp32 = out / ("model.fp32.onnx" if quantize else "model.onnx")
    torch.onnx.export(
        wrapper, (ids, mask, feats), str(fp32), dynamo=False, opset_version=OPSET,
        input_names=["input_ids", "attention_mask", "feature_ids"], output_names=["probs", "hidden"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask", "feature_ids",
                                                              "probs", "hidden")},
    )
    wrapper.eval()
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(out / "model.onnx"), per_channel=True, weight_type=QuantType.QInt8)
        fp32.unlink()
    sd = model.state_dict()
    np.savez(out / "heads.npz",
             ptc2020_weight=sd["span_ptc.weight"].numpy(), ptc2020_bias=sd["span_ptc.bias"].numpy(),
             semeval2023_weight=sd["span_st3.weight"].numpy(), semeval2023_bias=sd["span_st3.bias"].numpy())
    shutil.copy(Path(backbone) / "tokenizer.json", out / "tokenizer.json")
    return out / "model.onnx"


def write_model_json(out: Path, info: dict) -> None:
    (out / "model.json").write_text(json.dumps(info, indent=2, sort_keys=False) + "\n")
