"""Plain article text (the shared tasks' layout): the first non-blank line is the title and every later
non-blank line a body paragraph -- SemEval-2023 numbers paragraphs the same way. Offsets exclude a line's
``\\r``, surrounding spaces and a BOM at the very start.
"""

from __future__ import annotations

from ..document import Document, Segment
from ..formats.articles import paragraph_lines


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, trimmed of surrounding white space."""
    out = []
    for _, start, end in paragraph_lines(text):
        start, end = _trimmed(text, start, end)
        if end > start:
            out.append((start, end))
    return out


def read_plain(text: str, *, id: str = "", source: str | None = None) -> Document:
    """A Document whose title is the first non-blank line and whose body is the lines after it.

    >>> doc = read_plain("Headline\\n\\nFirst paragraph.\\r\\nSecond one.\\n\\n  Last one.\\n")
    >>> doc.span_text(doc.title), [doc.span_text(s) for s in doc.segments_of("body")]
    ('Headline', ['First paragraph.', 'Second one.', 'Last one.'])
    """
    found = lines(text)
    if not found:
        return Document(text=text, id=id, source=source)
    title = Segment("title", *found[0])
    body = tuple(Segment("body", s, e) for s, e in found[1:])
    return Document(text=text, id=id, source=source, title=title, segments=(title, *body))
