"""Plain-language explanations: what the technique is, and the cue the model found in this span."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from ..taxonomy import technique

_CAPS = re.compile(r"\b[A-Z][A-Z'’\-]{1,}\b")
_WORD = re.compile(r"\w+")
_QUOTES = "\"“”«»"


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text)).lower()


@lru_cache(maxsize=8)
def _norm_whole(text: str) -> str:
    """The whole text normalised once, however many of its spans are explained (str hashes are cached)."""
    return _norm(text)


def _count_words(haystack: str, key: str) -> int:
    """Whole-word occurrences of ``key`` in ``haystack``, both words joined by single spaces; neighbouring
    occurrences may share the space between them."""
    padded, needle = f" {haystack} ", f" {key} "
    count, at = 0, padded.find(needle)
    while at >= 0:
        count += 1
        at = padded.find(needle, at + len(needle) - 1)
    return count


def cues(text: str, start: int, end: int, label: str, strongest: str | None) -> list[str]:
    """Observable cues in ``text[start:end]``, most telling first."""
    span = text[start:end]
    out = []
    caps = [w for w in _CAPS.findall(span) if len(w) >= 3]
    if caps:
        out.append("written in capitals (" + ", ".join(f"“{w}”" for w in caps[:3]) + ")")
    key = _norm(span)
    if key and len(key) >= 4:
        times = _count_words(_norm_whole(text), key)
        if times >= 2 and (label.startswith("Repetition") or times >= 3):
            out.append(f"the same words occur {times} times in the text")
    if "!" in span:
        out.append("an exclamation")
    if "?" in span and label in {"Doubt", "Questioning_the_Reputation", "Whataboutism,Straw_Men,Red_Herring",
                                 "Whataboutism"}:
        out.append("put as a question")
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    if (before and before in _QUOTES) or (after and after in _QUOTES) or any(q in span for q in _QUOTES):
        out.append("in quotation marks: possibly the words of someone quoted")
    if strongest and strongest.lower() not in {c.lower() for c in caps} and strongest.lower() != span.lower():
        out.insert(0, f"strongest cue: “{strongest}”")
    return out


def strongest_word(text: str, offsets: np.ndarray, probs: np.ndarray, s: int, e: int) -> str | None:
    """The word whose pieces the model rated highest for this technique, within tokens ``[s, e)``."""
    if e <= s:
        return None
    k = s + int(np.argmax(probs[s:e]))
    a, b = int(offsets[k, 0]), int(offsets[k, 1])
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'’-"):
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] in "'’-"):
        b += 1
    word = text[a:b].strip("'’-")
    return word if len(word) >= 3 else None


def explain(taxonomy: str, label: str, text: str, start: int, end: int, strongest: str | None = None) -> str:
    """One or two sentences: the technique in our words, then the cue in this span."""
    tech = technique(taxonomy, label)
    found = cues(text, start, end, label, strongest)
    sentence = f"{tech.title}: {tech.definition}"
    if found:
        sentence += " Here: " + "; ".join(found) + "."
    return sentence
