"""Which language a text is in, among the six that slant's article models were trained on.

A guess from the share of each language's commonest words (Cyrillic text is Russian here): enough to route
an article and to say "not supported" for the rest, not a general language identifier.

    >>> guess_language("The ministry said on Tuesday that the talks would resume next month, as both sides agreed.")
    'en'
    >>> guess_language("Le ministère a annoncé mardi que les négociations reprendraient le mois prochain.")
    'fr'
"""

from __future__ import annotations

import re

#: ISO 639-1 codes of the languages the article models know, in the order of the SemEval-2023 folders
LANGUAGES = ("en", "fr", "de", "it", "pl", "ru")
#: SemEval-2023's folder names for them
CORPUS_CODES = {"en": "en", "fr": "fr", "de": "ge", "it": "it", "pl": "po", "ru": "ru"}
NAMES = {"en": "English", "fr": "French", "de": "German", "it": "Italian", "pl": "Polish", "ru": "Russian",
         "es": "Spanish", "pt": "Portuguese", "nl": "Dutch"}

_COMMON = {
    # about ninety of the commonest English words: running English text is mostly made of them
    "en": "the of and to a in is that for it as was with be by on not he i this are or his from at which but have an "
          "they you were her she there been one all we their has would when if so no will more can who them its "
          "said out about into than then up only other new some could these two may first any like our over such "
          "after also did just most us what those because while where how even should very",
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au aux il elle ne se ce sont avec plus par "
          "son sa ses mais ou nous vous été être cette comme leur",
    "de": "der die das und ist in den von zu mit sich des auf für nicht ein eine dem im auch es an als wird werden "
          "bei nach aus er sie hat sind wie noch über einen",
    "it": "il la di che e è per un una non in del della le si dei con sono da al alla ha gli più come anche ma nel "
          "nella lo questo ci su",
    "pl": "i w nie na się z do to że jest o jak co od za po tak ale jego przez czy już są który była był także może "
          "oraz tym tego jednak",
    "ru": "и в не на что с по как это о к из за то от для он она но так же все было бы его их уже или был",
    # known only so that they are not taken for one of the six
    "es": "el la de que y en los las del se por un una con no para es al lo como más pero sus le ya o fue este "
          "ha sí porque esta entre cuando muy sin sobre",
    "pt": "o a de que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem "
          "à seu sua ou ser quando muito",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er maar om ook als bij dan nog wel naar "
          "uit hij ze kan worden",
}
OTHERS = ("es", "pt", "nl")
_SETS = {lang: frozenset(words.split()) for lang, words in _COMMON.items()}
#: the commonest words of all six languages (function words: never a reason worth showing)
COMMON_WORDS = frozenset().union(*(_SETS[lang] for lang in LANGUAGES)) | frozenset(
    "being does during each had here much must now through under until when which why your".split())  # noqa: SIM905
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
MIN_WORDS = 12


def language_shares(text: str) -> dict[str, float]:
    """For each language, the share of the text's first 4,000 words that are among its commonest words."""
    words = [w.lower() for w in _WORD.findall(text[:30000])][:4000]
    if not words:
        return dict.fromkeys(_SETS, 0.0)
    return {lang: sum(w in common for w in words) / len(words) for lang, common in _SETS.items()}


def looks_english(text: str) -> bool:
    """True unless the text has enough words and too few of them are common English words (the technique
    models are English only; a short text is given the benefit of the doubt)."""
    if len(_WORD.findall(text[:30000])) < MIN_WORDS:
        return True
    return language_shares(text)["en"] >= 0.12


def guess_language(text: str) -> str | None:
    """One of :data:`LANGUAGES` (or of :data:`OTHERS`, which slant recognises but does not support), or None
    when the text is too short to tell or is in none of them."""
    words = _WORD.findall(text[:30000])
    if len(words) < MIN_WORDS:
        return None
    cyrillic = sum(1 for w in words[:2000] if _CYRILLIC.match(w))
    shares = language_shares(text)
    if cyrillic > 0.5 * min(len(words), 2000):
        return "ru" if shares["ru"] >= 0.08 else None
    best = max((lang for lang in (*LANGUAGES, *OTHERS) if lang != "ru"), key=shares.__getitem__)
    return best if shares[best] >= 0.12 else None
