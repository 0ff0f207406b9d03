"""A raw page's text -> Document: title, body paragraphs, boilerplate and reader comments.

For text copied from a web page: debris may come before the title, ads and prompts sit inside the body, and
reader comments follow in whatever layout the site had. Every non-blank line ends up in exactly one part;
each part is an offset range into the untouched text.

    >>> doc = read_page("in ,\\n\\nPort fees rise\\n\\nThe port raised its fees.\\n\\n- Advertisement -\\n\\n"
    ...                 "Boats left.\\n\\nComments (1)\\n\\nAnn\\n\\nRobbery, I say!\\n")
    >>> doc.span_text(doc.title), [doc.span_text(s) for s in doc.segments_of("body")]
    ('Port fees rise', ['The port raised its fees.', 'Boats left.'])
    >>> [(c.author, doc.span_text(c)) for c in doc.comments]
    [('Ann', 'Robbery, I say!')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..document import Comment, Document, Segment
from . import lexicon
from .blocks import Block, related_links_start, separator_gap, split_blocks
from .comments import CommentSection, find_section, parse_section
from .lines import Line, split_lines


@dataclass
class PageParts:
    """What the segmenter decided, line by line; :func:`to_document` turns it into a Document."""

    lines: list[Line]
    title: Line | None = None
    body: list[Line] = field(default_factory=list)
    section: CommentSection | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def segment(text: str) -> PageParts:
    """Decide which line is the title, which are body, and where the comments are."""
    lines = split_lines(text)
    parts = PageParts(lines)
    if not lines:
        return parts
    blocks = split_blocks(lines)
    title_block, title = _find_title(blocks)
    parts.title = title
    if title is None:
        return parts
    first_body = _first_content_block(blocks, title_block + 1)
    sep = separator_gap(lines)
    section_at = find_section(blocks, first_body + 1, sep) if first_body is not None else None
    if section_at is not None:
        section = parse_section(blocks, section_at, sep)
        if _believable(section):
            parts.section = section
        else:
            section_at = None
    article = blocks[title_block:section_at]
    parts.body, parts.meta = _body(article, title)
    for line in (ln for b in blocks[:title_block + 1] for ln in b.lines if ln.number < title.number):
        _top_meta(line, parts.meta)
    if parts.section is None:  # related-story links at the very end of a page without comments
        parts.body = parts.body[:related_links_start(parts.body)]
    return parts


def _believable(section: CommentSection) -> bool:
    """A section needs a comment with text; one with no author header or comments header at all (only wider
    gaps) must hold several short, conversational comments -- block quotes in articles look alike otherwise."""
    with_text = [c for c in section.comments if c.text]
    if not with_text:
        return False
    if section.headed or any(c.header for c in section.comments):
        return True
    short = all(len(c.text) <= 4 for c in with_text)
    chatty = sum(ln.conversational or not ln.terminal for c in with_text for ln in c.text)
    lines = sum(len(c.text) for c in with_text)
    return len(with_text) >= 2 and short and chatty >= 0.5 * lines


def _find_title(blocks: list[Block]) -> tuple[int, Line | None]:
    """The first line that can be a title; a short label above a headline ("Politics", "BREAKING", a site
    name) gives way to the headline."""
    found = ((b.index, ln) for b in blocks for ln in b.lines
             if not (ln.boilerplate or ln.comments_header or ln.control or ln.date or _byline(ln)))
    candidates = list(islice(found, 3))
    if not candidates:
        return 0, None
    first = candidates[0]
    if len(first[1].words) <= 4 and not first[1].text.endswith((".", "!", "?")):
        for index, line in candidates[1:3]:
            if 5 <= len(line.words) <= 30 and not line.text.endswith((".", "?", "!")):
                return index, line
    return first


def _first_content_block(blocks: list[Block], start: int) -> int | None:
    for block in blocks[start:]:
        if not block.furniture and not block.is_header:
            return block.index
    return None


def _byline(line: Line) -> Mapping[str, str] | None:
    match = next((m for m in (p.match(line.text) for p in lexicon.BYLINES) if m), None)
    if not match:
        return None
    found = {"author": match.group("name").strip()}
    rest = (match.groupdict().get("rest") or "").strip()
    if rest and lexicon.DATE_LINE.match(rest):
        found["date"] = _date_text(rest)
    return found


def _body(article: list[Block], title: Line) -> tuple[list[Line], dict[str, Any]]:
    """Body lines after the title; bylines and date lines before the first paragraph go to meta."""
    body: list[Line] = []
    meta: dict[str, Any] = {}
    previous: Line | None = None
    for line in (ln for b in article for ln in b.lines):
        before, previous = previous, line
        if line.number <= title.number or line.boilerplate or (line.comments_header and not line.text.endswith("?")):
            continue
        if before is not None and line.blanks_before == 0 and lexicon.POINTER.match(before.folded) \
                and (line.headline_like or line.name_like):
            continue  # the story a "Previous article" or "Related" label points at
        if not body:
            byline = _byline(line)
            if byline is not None:
                meta.update({k: v for k, v in byline.items() if k not in meta})
                continue
            if line.date:
                meta.setdefault("date", _date_text(line.text))
                continue
        body.append(line)
    return body, meta


def _date_text(text: str) -> str:
    return lexicon.DATE_PREFIX.sub("", text.strip(" |·•-–—"))


def _top_meta(line: Line, meta: dict[str, Any]) -> None:
    """A byline or date above the title."""
    byline = _byline(line)
    if byline is not None:
        meta.update({k: v for k, v in byline.items() if k not in meta})
    elif line.date:
        meta.setdefault("date", _date_text(line.text))


def to_document(text: str, parts: PageParts, *, id: str = "", source: str | None = None,
                meta: Mapping[str, Any] | None = None, warnings: tuple[str, ...] = ()) -> Document:
    """Turn the segmenter's decisions into a Document: every non-blank line in exactly one segment."""
    kinds: dict[int, str] = {}
    if parts.title is not None:
        kinds[parts.title.number] = "title"
    for line in parts.body:
        kinds[line.number] = "body"
    comments: list[Comment] = []
    comment_ranges: list[tuple[int, int]] = []
    cut_offs: list[Segment] = []  # a "Read more »" cut off a comment's end is furniture
    if parts.section is not None:
        for parsed in parts.section.comments:
            if parsed.text:
                last = parsed.text[-1]
                start, end = parsed.text[0].start, _rstrip(text, parsed.text[0].start, last.end - parsed.end_trim)
                for line in parsed.text:
                    kinds[line.number] = "comment"
                if end < last.end:
                    cut_offs.append(Segment("boilerplate", _lstrip(text, end, last.end), last.end))
            else:
                start = end = parsed.header[-1].end
            comments.append(Comment(start, end, author=parsed.author, date=parsed.date, reply_to=parsed.reply_to))
            comment_ranges.append((start, end))
    segments = [Segment(kinds.get(line.number, "boilerplate"), line.start, line.end)
                for line in parts.lines if kinds.get(line.number) != "comment"]
    segments += [Segment("comment", start, end) for start, end in comment_ranges if end > start]
    segments += cut_offs
    segments.sort(key=lambda s: (s.start, s.end))
    title = Segment("title", parts.title.start, parts.title.end) if parts.title else None
    merged_meta = {**parts.meta, **(meta or {})}
    return Document(text=text, id=id, source=source, title=title, segments=tuple(segments),
                    comments=tuple(comments), meta=merged_meta, warnings=warnings)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def read_page(text: str, *, id: str = "", source: str | None = None,
              meta: Mapping[str, Any] | None = None, warnings: tuple[str, ...] = ()) -> Document:
    """Segment a plain-text page into title, body, boilerplate and comments."""
    return to_document(text, segment(text), id=id, source=source, meta=meta, warnings=warnings)
