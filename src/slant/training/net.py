"""The technique tagger as a torch module (training only; inference runs the ONNX export).

A pretrained encoder from PyPI with three additions:

* a learnt embedding of the token feature id (case and repetition, :mod:`slant.techniques.encode`), added to
  the word embeddings and initialised at zero, so training starts from the pretrained model exactly;
* a token head: one sigmoid per output column (any PTC technique, the 14 PTC techniques, any SemEval-2023
  technique, the 23 SemEval-2023 techniques); spans are decoded from it;
* two span heads (PTC, SemEval-2023) over ``[mean, first, last]`` of the span's hidden states: the technique
  of a given span (TC). They are small matrices, kept beside the ONNX file and run in numpy.
"""

from __future__ import annotations

import torch
from torch import nn

from ..techniques.encode import N_FEATURES
from .data import N_OUTPUTS, PTC_LABELS, ST3_LABELS


class Tagger(nn.Module):
    def __init__(self, backbone_path: str, dropout: float = 0.1) -> None:
        super().__init__()
        from transformers import AutoModel

        self.encoder = AutoModel.from_pretrained(backbone_path, attn_implementation="eager")
        hidden = self.encoder.config.hidden_size
        self.features = nn.Embedding(N_FEATURES, hidden)
        nn.init.zeros_(self.features.weight)
        self.dropout = nn.Dropout(dropout)
        self.token_head = nn.Linear(hidden, N_OUTPUTS)
        self.span_ptc = nn.Linear(3 * hidden, len(PTC_LABELS))
        self.span_st3 = nn.Linear(3 * hidden, len(ST3_LABELS))

    def encode(self, input_ids, attention_mask, feature_ids):
        embeds = self.encoder.get_input_embeddings()(input_ids) + self.features(feature_ids)
        out = self.encoder(inputs_embeds=embeds, attention_mask=attention_mask)
        return out.last_hidden_state

    def forward(self, input_ids, attention_mask, feature_ids):
        """Token logits ``[B, T, N_OUTPUTS]`` and hidden states ``[B, T, H]``."""
        hidden = self.encode(input_ids, attention_mask, feature_ids)
        return self.token_head(self.dropout(hidden)), hidden


def span_vectors(hidden: torch.Tensor, spans: list[tuple[int, int, int, int]]) -> torch.Tensor:
    """``[mean, first, last]`` of ``hidden[b, s:e]`` for each ``(b, s, e, _)``."""
    rows = []
    for b, s, e, _ in spans:
        h = hidden[b, s:e]
        rows.append(torch.cat([h.mean(0), h[0], h[-1]]))
    return torch.stack(rows)


class Exportable(nn.Module):
    """What the ONNX file holds: ids, mask, features -> token probabilities and hidden states."""

    def __init__(self, tagger: Tagger) -> None:
        super().__init__()
        self.tagger = tagger

    def forward(self, input_ids, attention_mask, feature_ids):
        hidden = self.tagger.encode(input_ids, attention_mask, feature_ids)
        return torch.sigmoid(self.tagger.token_head(hidden)), hidden
