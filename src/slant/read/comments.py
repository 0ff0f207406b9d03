"""Reader comments on a plain-text page: where the section starts and how it splits into comments.

Layouts differ (bulleted and indented threads, wpDiscuz-style "name, name, date" blocks, bare name lines,
anonymous comments set off only by a wider gap), so nothing here knows a site. The section start is a
change point: each block scores for "comment" (author and date headers, a comments header, a wider gap,
conversational text) or for "article" (reported prose), and the section starts where the sum of scores
from there to the end of the page is highest. The parser then walks the blocks: a header opens a comment,
text fills it, a wider gap with no header opens an anonymous one, and indentation or "@name" gives
``reply_to``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import lexicon
from .blocks import Block, is_header_line, is_strong_header, related_links_start
from .lines import Line

#: The suffix score a comment section needs before slant believes in it.
MIN_SECTION_SCORE = 2.5
_READ_MORE = re.compile(r"\s*(\[?(read|see|show) more\]?\s*[»›>]*|\[\.\.\.\]|\(more\))\s*$", re.IGNORECASE)


@dataclass
class ParsedComment:
    """A comment as line numbers: header lines, text lines, and what the header said."""

    header: list[Line] = field(default_factory=list)
    text: list[Line] = field(default_factory=list)
    author: str | None = None
    date: str | None = None
    indent: int = 0
    reply_to: int | None = None
    end_trim: int = 0  # characters cut from the end of the last text line ("Read more »")


@dataclass
class CommentSection:
    start_block: int
    comments: list[ParsedComment]
    furniture: list[Line]  # headers of the section, controls, trailing related-story links
    headed: bool = False  # the section opens with a comments header ("Comments (8)", "Leave a reply")


def _block_score(block: Block, sep: int, repeated: set[str]) -> float:
    if block.furniture and not any(line.comments_header for line in block.lines):
        return 0.0
    score = 0.0
    if any(line.comments_header for line in block.lines):
        score += 4.0
    elif block.is_header:
        score += _header_strength(block, repeated)
    else:
        score += 1.0 if block.conversational >= 0.5 else -1.0
        if block.chars > 400 and block.conversational < 0.5:
            score -= 1.0
    if block.blanks_before >= sep:
        score += 1.0
    return score


def _header_strength(block: Block, repeated: set[str]) -> float:
    lines = block.lines
    strength = 1.0
    if any(line.date or line.author_phrase for line in lines):
        strength += 2.0
    if any(line.bullet for line in lines):
        strength += 1.0
    if any(line.folded in repeated for line in lines):
        strength += 1.0
    if len(lines) >= 2 and lines[0].folded == lines[1].folded:
        strength += 1.0
    return strength


def find_section(blocks: list[Block], first: int, sep: int) -> int | None:
    """The index of the block where the comment section starts, or None (searched from block ``first``);
    ``sep`` is the page's :func:`separator_gap`."""
    names = Counter(line.folded for b in blocks[first:] if b.is_header for line in b.lines if line.name_like)
    repeated = {name for name, count in names.items() if count > 1}
    best, best_at, total = 0.0, None, 0.0
    for block in reversed(blocks[first:]):
        total += _block_score(block, sep, repeated)
        if total >= best and _can_open_section(block, sep):
            best, best_at = total, block.index
    return best_at if best >= MIN_SECTION_SCORE else None


def _can_open_section(block: Block, sep: int) -> bool:
    if any(line.comments_header for line in block.lines):
        return True
    if block.furniture:
        return False
    return block.header_lines > 0 or block.blanks_before >= sep


def parse_section(blocks: list[Block], start: int, sep: int) -> CommentSection:
    comments: list[ParsedComment] = []
    furniture: list[Line] = []
    pending: ParsedComment | None = None
    closed = False  # after a comments header ("Leave a Reply") text with no author header is the form's
    for block in _split_at_headers(blocks[start:]):
        lead = _leading_furniture(block)
        furniture.extend(block.lines[:lead])
        if any(line.comments_header for line in block.lines[:lead]) and block.lines[0] is not blocks[start].first:
            closed = True
        if lead == len(block.lines):
            continue
        if lead:
            block = Block(block.index, block.lines[lead:])
        head = block.header_lines
        if head:
            if pending is not None:
                comments.append(pending)
            pending = _header(block.lines[:head])
            closed = False
        rest = list(block.lines[head:])
        if not rest:
            continue
        text, tail = _strip_controls(rest)
        furniture.extend(tail)
        if not text:
            continue
        if closed and pending is None:
            furniture.extend(text)
            continue
        if pending is not None:
            pending.text = text
            comments.append(pending)
            pending = None
        elif comments and block.blanks_before < sep and comments[-1].text:
            comments[-1].text.extend(text)
        else:
            comments.append(ParsedComment(text=text))
    if pending is not None:
        comments.append(pending)
    furniture.extend(_trailing_links(comments))
    for comment in comments:
        furniture.extend(comment.header)
        comment.end_trim = _read_more(comment)
    _link_replies(comments)
    # "What do you think?" may close an article; only a header that is not a question vouches for a section
    headed = any(line.comments_header and not line.text.endswith("?") for line in blocks[start].lines)
    return CommentSection(start, comments, furniture, headed)


def _split_at_headers(blocks: list[Block]) -> Iterator[Block]:
    """Blocks cut before every strong header: compact threads put "• Ann" right under the last reply."""
    for block in blocks:
        start = 0
        for i, line in enumerate(block.lines):
            if i > start and is_strong_header(line) and not is_header_line(block.lines[i - 1]):
                yield Block(block.index, block.lines[start:i])
                start = i
        yield Block(block.index, block.lines[start:])


def _leading_furniture(block: Block) -> int:
    count = 0
    for line in block.lines:
        if line.date or not (line.boilerplate or line.control or line.comments_header):
            break
        count += 1
    return count


def _header(lines: tuple[Line, ...]) -> ParsedComment:
    comment = ParsedComment(header=list(lines), indent=lines[0].indent)
    for line in lines:
        if line.author_phrase is not None:
            name, date = line.author_phrase
            comment.author = comment.author or name
            comment.date = comment.date or date
        elif line.date:
            comment.date = comment.date or line.text.strip(" |·•-–—")
        elif line.name_like and comment.author is None:
            comment.author = line.text
    return comment


def _strip_controls(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Split a text block's lines into text and the widget controls at its end ("Reply", "Report")."""
    end = len(lines)
    while end > 0 and (lines[end - 1].control or lines[end - 1].boilerplate):
        end -= 1
    return lines[:end], lines[end:]


def _trailing_links(comments: list[ParsedComment]) -> list[Line]:
    """Related-story headlines after the last comment, glued on by the parser: take them back off."""
    if not comments:
        return []
    text = comments[-1].text
    cut = related_links_start(text)
    links, comments[-1].text = text[cut:], text[:cut]
    return links


def _read_more(comment: ParsedComment) -> int:
    if not comment.text:
        return 0
    last = comment.text[-1]
    match = _READ_MORE.search(last.text)
    if match and match.start() > 0 and "more" in match.group(0).casefold():
        return len(last.text) - match.start()
    return 0


def _link_replies(comments: list[ParsedComment]) -> None:
    """Indentation nests replies; without it, "@name" or "In reply to name" names the comment answered."""
    stack: list[tuple[int, int]] = []  # (indent, comment index)
    indents = {c.indent for c in comments if c.header}
    for i, comment in enumerate(comments):
        if comment.header and len(indents) > 1:
            while stack and stack[-1][0] >= comment.indent:
                stack.pop()
            comment.reply_to = stack[-1][1] if stack else None
            stack.append((comment.indent, i))
        if comment.reply_to is None and comment.text:
            match = lexicon.REPLY_TO.match(comment.text[0].text)
            if match:
                comment.reply_to = _last_by(comments[:i], match.group("name"))


def _last_by(comments: list[ParsedComment], name: str) -> int | None:
    folded = name.casefold()
    for j in range(len(comments) - 1, -1, -1):
        author = (comments[j].author or "").casefold()
        if author and (author == folded or folded.startswith(author) or author.startswith(folded)):
            return j
    return None
