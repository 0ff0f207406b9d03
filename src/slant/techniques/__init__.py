"""Persuasion technique spans in both taxonomies (SemEval-2020 task 11 and SemEval-2023 task 3).

>>> from slant.techniques import load_model, detect   # doctest: +SKIP
>>> doc = detect(read_any(text), load_model("fast"))  # doctest: +SKIP
"""

from .detect import detect, detect_many, looks_english
from .model import TIERS, TechniqueModel
from .model import load as load_model

__all__ = ["TIERS", "TechniqueModel", "detect", "detect_many", "load_model", "looks_english"]
