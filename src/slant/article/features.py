"""Features of a whole article: TF-IDF over word or character n-grams, and style measures that cross languages.

The TF-IDF here reproduces scikit-learn's ``TfidfVectorizer`` (lowercase, ``sublinear_tf``, smooth idf, l2
norm; ``word`` tokens of two or more word characters, ``char_wb`` n-grams inside space-padded words) from a
vocabulary and idf weights saved at training time, so inference needs numpy only. A test checks the two agree.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _TOKEN.findall(text.lower())
    grams = []
    for n in range(low, high + 1):
        grams += tokens if n == 1 else [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams of each word padded with one space either side; a padded word no longer than n gives
    itself once, and no longer n-grams."""
    grams = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        size = len(padded)
        for n in range(low, high + 1):
            if size <= n:
                grams.append(padded)
                break
            grams += [padded[i : i + n] for i in range(size - n + 1)]
    return grams


@dataclass
class Tfidf:
    """A fitted TF-IDF: ``vocabulary`` maps an n-gram to its column, ``idf`` holds each column's weight."""

    analyzer: str  # "word" or "char_wb"
    ngram: tuple[int, int]
    vocabulary: Mapping[str, int]
    idf: np.ndarray

    def grams(self, text: str) -> list[str]:
        low, high = self.ngram
        return word_ngrams(text, low, high) if self.analyzer == "word" else char_wb_ngrams(text, low, high)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Dense rows (articles are few per call; a 50,000-column row is 200 kB)."""
        out = np.zeros((len(texts), len(self.idf)), dtype=np.float32)
        for row, text in enumerate(texts):
            counts = Counter(g for g in self.grams(text) if g in self.vocabulary)
            if not counts:
                continue
            cols = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
            values = tf * self.idf[cols]
            out[row, cols] = values / np.sqrt((values**2).sum())
        return out

    def to_dict(self) -> dict[str, object]:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {"analyzer": self.analyzer, "ngram": list(self.ngram), "terms": terms}

    @classmethod
    def from_parts(cls, info: Mapping[str, object], idf: np.ndarray) -> Tfidf:
        terms = info["terms"]
        assert isinstance(terms, list)
        low, high = info["ngram"]  # type: ignore[misc]
        return cls(str(info["analyzer"]), (int(low), int(high)), {t: i for i, t in enumerate(terms)},
                   np.asarray(idf, dtype=np.float64))


# -- style: measures that mean the same in any of the six languages ----------------------------------------

_QUOTES = frozenset('“”«»„"‘’‚‹›「」')
_WORDS = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…]+(\s|$)")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_URL = re.compile(r"https?://|www\.")

# first and second person, attribution ("said", "according to"), per language: the few words that carry it
_FIRST = {"en": "i me my mine we us our ours", "fr": "je j me moi mon ma mes nous notre nos",
          "de": "ich mich mir mein meine wir uns unser unsere",
          "it": "io mi me mio mia miei mie noi ci nostro nostra nostri",
          "pl": "ja mnie mi mój moja moje my nas nam nasz nasza nasze",
          "ru": "я меня мне мой моя моё мои мы нас нам наш наша наше наши"}
_SECOND = {"en": "you your yours", "fr": "tu te toi ton ta tes vous votre vos",
           "de": "du dich dir dein deine ihr euch euer", "it": "tu ti te tuo tua voi vi vostro vostra",
           "pl": "ty cię ci twój twoja wy was wam wasz wasza", "ru": "ты тебя тебе твой твоя вы вас вам ваш ваша"}
_ATTRIBUTION = {"en": "said says told according stated reported announced added explained",
                "fr": "déclaré dit selon affirmé annoncé précisé expliqué indiqué",
                "de": "sagte sagt laut erklärte teilte berichtete betonte",
                "it": "detto secondo dichiarato affermato spiegato annunciato aggiunto",
                "pl": "powiedział powiedziała według poinformował stwierdził przekazał dodał",
                "ru": "заявил заявила сказал сообщил словам сообщает отметил добавил"}
_SETS = {name: {lang: frozenset(words.split()) for lang, words in table.items()}
         for name, table in (("first", _FIRST), ("second", _SECOND), ("attribution", _ATTRIBUTION))}

#: the style measures, in column order, with what each says (for explanations)
STYLE = (
    ("log_chars", "article length"),
    ("log_paragraphs", "number of paragraphs"),
    ("log_paragraph_chars", "paragraph length"),
    ("log_sentence_words", "sentence length"),
    ("quote_marks", "quotation marks"),
    ("quoted_paragraphs", "paragraphs with a quotation"),
    ("digits", "figures"),
    ("years", "years and dates"),
    ("exclamations", "exclamation marks"),
    ("questions", "questions"),
    ("first_person", "first person (I, we)"),
    ("second_person", "second person (you)"),
    ("attribution", "attribution (said, according to)"),
    ("all_caps", "words in capitals"),
    ("capitalised", "capitalised words (names)"),
    ("ellipses", "ellipses"),
    ("parentheses", "parentheses"),
    ("colons", "colons"),
    ("title_question", "a question as title"),
    ("title_exclamation", "an exclamation as title"),
    ("title_quote", "a quotation in the title"),
    ("log_title_chars", "title length"),
    ("links", "links"),
    ("dash_paragraphs", "paragraphs opened by a dash"),
    ("short_paragraphs", "short paragraphs"),
)


def style(text: str, lang: str | None) -> np.ndarray:
    """The :data:`STYLE` measures of an article (first non-blank line the title); rates per 1,000 characters or
    words, or per sentence, so length does not swamp them."""
    lines = [line for line in text.split("\n") if line.strip()]
    title = lines[0] if lines else ""
    paragraphs = lines[1:] or [title]
    body = "\n".join(paragraphs)
    chars = max(len(body), 1)
    raw = _WORDS.findall(body)
    words = [w.lower() for w in raw]
    n = max(len(words), 1)
    sentences = max(len(_SENTENCE_END.findall(body)), 1)

    def share(kind: str) -> float:
        common = _SETS[kind].get(lang or "", frozenset())
        return 1000 * sum(w in common for w in words) / n

    values = [
        math.log1p(len(text)), math.log1p(len(paragraphs)),
        math.log1p(sum(len(p) for p in paragraphs) / len(paragraphs)), math.log1p(n / sentences),
        1000 * sum(c in _QUOTES for c in body) / chars,
        sum(any(c in _QUOTES for c in p) for p in paragraphs) / len(paragraphs),
        1000 * sum(c.isdigit() for c in body) / chars, 1000 * len(_YEAR.findall(body)) / n,
        body.count("!") / sentences, body.count("?") / sentences,
        share("first"), share("second"), share("attribution"),
        sum(w.isupper() and len(w) > 1 for w in raw) / n, sum(w[:1].isupper() for w in raw) / n,
        1000 * (body.count("...") + body.count("…")) / chars, 1000 * body.count("(") / chars,
        1000 * body.count(":") / chars,
        float(title.rstrip().endswith("?")), float(title.rstrip().endswith("!")),
        float(any(c in _QUOTES for c in title)), math.log1p(len(title)),
        1000 * len(_URL.findall(body)) / chars,
        sum(p.lstrip()[:1] in "-–—•" for p in paragraphs) / len(paragraphs),
        sum(len(p) < 80 for p in paragraphs) / len(paragraphs),
    ]
    return np.asarray(values, dtype=np.float64)
