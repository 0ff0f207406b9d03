"""A page as lines: each non-blank line with its offsets and the features the segmenter reads.

Offsets are ``[start, end)`` into the untouched text, trimmed of surrounding white space (NBSP included), a BOM
and a leading bullet's padding; ``indent`` counts the leading spaces (a tab as four) before the trimmed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from . import lexicon

_TRAILING_STRIP = " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
_LEADING_STRIP = _TRAILING_STRIP + "\ufeff\u200b"
_BULLET = re.compile(r"^[•·‣▪◦●○■□►▸\-*–]\s+")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_INITIAL_END = re.compile(r"(^|\s)([A-Z]|Jr|Sr|Dr|St)\.$")
_TERMINAL = tuple('.!?…:;,"”’\')]»')


@dataclass(frozen=True)
class Line:
    """One non-blank line of a page. ``number`` is 1-based, as editors and the gold files count."""

    number: int
    start: int
    end: int
    text: str
    indent: int
    blanks_before: int
    bullet: bool

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @cached_property
    def folded(self) -> str:
        return " ".join(self.text.casefold().split())

    @cached_property
    def boilerplate(self) -> bool:
        """Furniture wherever it stands: ads, prompts, share bars, counters, navigation, disclaimers."""
        return any(p.match(self.folded) for p in lexicon.BOILERPLATE) or self.debris

    @cached_property
    def debris(self) -> bool:
        """Too little text to be anything: ``in ,``, a stray counter, a lone symbol."""
        if not any(ch.isalpha() for ch in self.text):
            return True
        short = len(self.words) <= 2 and not any(len(w.strip(".'’-")) >= 3 for w in self.words)
        # "in ," is debris; "Bo" or "Jo" may be a commenter's name
        leftover = self.text.islower() or any(not (ch.isalnum() or ch.isspace()) for ch in self.text)
        return short and leftover and not self.text.endswith((".", "!", "?"))

    @cached_property
    def comments_header(self) -> bool:
        return any(p.match(self.folded) for p in lexicon.COMMENTS_HEADER)

    @cached_property
    def control(self) -> bool:
        """A comment-widget control such as Reply, Report or a vote count, or a bar of them
        ("7 • Reply • Share ›")."""
        if any(p.match(self.folded) for p in lexicon.COMMENT_CONTROLS):
            return True
        words = re.findall(r"[^\W\d_]+", self.folded)
        return bool(words) and len(words) <= 8 and all(w in lexicon.CONTROL_WORDS for w in words) \
            and not re.search(r"[.!?]$", self.folded)

    @cached_property
    def author_phrase(self) -> tuple[str, str | None] | None:
        """``(author, date)`` from a one-line header: "Ann says:", "Posted by Ann on 2 May", "Ann | 2 May"."""
        for match in (self.says, lexicon.POSTED_BY.match(self.text)):
            if match is not None:
                date = match.group("date")
                return match.group("name").strip(), date.strip() if date else None
        return self._name_and_date()

    def _name_and_date(self) -> tuple[str, str] | None:
        """A short line that is a name and a date with some glue: "Ann | 2 May", "Ann Lee on March 3, 2024 at
        4:12 pm", "Rhea Moss @rheamoss · 4h". What is left without the date and the glue must look like a name."""
        if len(self.text) > 80 or self.text.endswith((".", "!", "?", ",", ";")):
            return None
        found = list(lexicon.DATE_IN_LINE.finditer(self.text))
        if len(found) != 1:
            return None
        date = found[0]
        name_part = self.text[: date.start()]
        if not name_part.strip() or self.text[date.end():].strip(" |·•-–—)"):
            return None
        name = " ".join(lexicon.HEADER_GLUE.sub(" ", name_part).split())
        words = name.split()
        if not 1 <= len(words) <= 4 or any(w.casefold() in lexicon.FUNCTION_WORDS for w in words):
            return None
        return name, date.group(0).strip()

    @cached_property
    def date(self) -> bool:
        return bool(lexicon.DATE_LINE.match(self.text.strip(" |·•-–—")))

    @cached_property
    def says(self) -> re.Match[str] | None:
        return lexicon.AUTHOR_SAYS.match(self.text)

    @cached_property
    def terminal(self) -> bool:
        """Ends the way sentences do (a final stop, quote, bracket, comma, colon)."""
        return self.text.endswith(_TERMINAL)

    @cached_property
    def name_like(self) -> bool:
        """Short, unpunctuated and free of function words: what a user name or handle looks like."""
        text = self.text
        initial = _INITIAL_END.search(text) is not None  # "Brendan K.", "Sam Ode Jr."
        if self.terminal and not initial and not text.endswith(("'", "’", ")")) or len(text) > 40 or self.date:
            return False
        words = text.split()
        if not 1 <= len(words) <= 4 or not any(ch.isalpha() for ch in text):
            return False
        return not any(w.casefold().strip(".,'’\"") in lexicon.FUNCTION_WORDS for w in words)

    @cached_property
    def headline_like(self) -> bool:
        """A link to another story: several words, capitalised, no closing punctuation."""
        words = self.text.split()
        return 4 <= len(words) <= 25 and not self.terminal and self.text[:1].isupper() and not self.name_like

    @cached_property
    def conversational(self) -> bool:
        """Reads like a reader's reply: first or second person, a question, an exclamation, chat markers."""
        unquoted = re.sub(r"[\"“][^\"”]*[\"”]", " ", self.text)
        return bool(lexicon.CONVERSATIONAL.search(unquoted)) or self.text[:1].islower()


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with trimmed offsets, indents and the blank lines before each."""
    out: list[Line] = []
    blanks = 0
    pos = 0
    number = 0
    for raw in text.splitlines(keepends=True):
        number += 1
        line_start, pos = pos, pos + len(raw)
        body = raw.rstrip("\r\n")
        stripped_left = body.lstrip(_LEADING_STRIP)
        content = stripped_left.rstrip(_TRAILING_STRIP)
        if not content:
            blanks += 1
            continue
        lead = body[: len(body) - len(stripped_left)]
        indent = sum(4 if ch == "\t" else 1 for ch in lead if ch in " \t\u00a0")
        start = line_start + len(lead)
        rest = _bulleted(content)
        start += len(content) - len(rest)
        is_bullet = len(rest) < len(content)
        indent_text = rest
        out.append(Line(number, start, start + len(indent_text), indent_text, indent, blanks, is_bullet))
        blanks = 0
    return out


def _bulleted(content: str) -> str:
    """The text after a leading bullet, or ``content`` itself. A dash counts as a bullet only before a short
    unpunctuated name: "- Advertisement -" and "- a list item." keep their dash."""
    match = _BULLET.match(content)
    if not match or match.end() >= len(content):
        return content
    rest = content[match.end():]
    if content[0] not in "-–*":
        return rest
    if 0 < len(rest.split()) <= 4 and not rest.endswith(("-", "–", ".", "!", "?")):
        return rest
    return content
