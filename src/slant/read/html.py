"""An HTML page -> Document, with trafilatura for the main text and metadata.

The Document's text is the extracted text, laid out the way plain pages are: the title, a blank line, the body
paragraphs separated by blank lines, then the comments (a comment's paragraphs on consecutive lines, comments
separated by blank lines). Offsets point into that text; the page's metadata (title, author, date, site name,
URL) is kept in ``doc.meta``. Ads and prompts that survive extraction are marked boilerplate by the same
lexicon that plain pages use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..document import Comment, Document, Segment
from .html_comments import HtmlComment, comments_from_html
from .lines import split_lines

_META_FIELDS = ("title", "author", "date", "sitename", "hostname", "url", "description", "categories", "tags",
                "language")


def _extract(html: str) -> Any:
    import trafilatura  # imported here: plain-text reading does not pay for it

    return trafilatura.bare_extraction(html, include_comments=True, with_metadata=True, favor_recall=True,
                                       deduplicate=False)


def _meta(extracted: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"format": "html"}
    for name in _META_FIELDS:
        value = getattr(extracted, name, None)
        if value:
            meta[name] = value
    return meta


class _Builder:
    """Appends paragraphs to the text and remembers where each one lies."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str, sep: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts) + ("\n" if self.parts else "")


def read_html(html: str, *, id: str = "", source: str | None = None, meta: Mapping[str, Any] | None = None,
              warnings: tuple[str, ...] = ()) -> Document:
    """Extract title, body, boilerplate and comments from a page's markup."""
    extracted = _extract(html) if html.strip() else None
    if extracted is None:
        note = f"{source or id or 'page'}: no main text found in the HTML"
        return Document(text="", id=id, source=source, meta={"format": "html", **(meta or {})},
                        warnings=(*warnings, note) if html.strip() else warnings)
    paragraphs = [" ".join(p.split()) for p in (extracted.text or "").split("\n")]
    paragraphs = [p for p in paragraphs if p]
    title = " ".join((extracted.title or "").split())
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        title = paragraphs.pop(0)
    comments = comments_from_html(html)
    notes = list(warnings)
    if not comments and extracted.comments:
        comments = [HtmlComment(None, None, (p,), None) for p in extracted.comments.split("\n") if p.strip()]
        notes.append(f"{source or id or 'page'}: comments found without author markup; one comment per paragraph")
    return _document(title, paragraphs, comments, id=id, source=source,
                     meta={**_meta(extracted), **(meta or {})}, warnings=tuple(notes))


def _document(title: str, paragraphs: list[str], comments: list[HtmlComment], *, id: str, source: str | None,
              meta: dict[str, Any], warnings: tuple[str, ...]) -> Document:
    out = _Builder()
    segments: list[Segment] = []
    title_segment = None
    if title:
        title_segment = Segment("title", *out.add(title, ""))
        segments.append(title_segment)
    for paragraph in paragraphs:
        start, end = out.add(paragraph, "\n\n")
        segments.append(Segment(_kind(paragraph), start, end))
    found: list[Comment] = []
    for comment in comments:
        start, end = out.add(comment.paragraphs[0], "\n\n")
        for paragraph in comment.paragraphs[1:]:
            end = out.add(paragraph, "\n")[1]
        segments.append(Segment("comment", start, end))
        found.append(Comment(start, end, author=comment.author, date=comment.date, reply_to=comment.reply_to))
    return Document(text=out.text(), id=id, source=source, title=title_segment, segments=tuple(segments),
                    comments=tuple(found), meta=meta, warnings=warnings)


def _kind(paragraph: str) -> str:
    line = split_lines(paragraph)[0]
    return "boilerplate" if line.boilerplate else "body"
