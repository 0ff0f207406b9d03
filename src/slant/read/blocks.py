"""Blocks: runs of non-blank lines, the unit the segmenter scores and the comment parser walks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from .lines import Line


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines; ``index`` is the block's position on the page."""

    index: int
    lines: tuple[Line, ...]

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]

    @property
    def blanks_before(self) -> int:
        return self.first.blanks_before

    @cached_property
    def chars(self) -> int:
        return sum(len(line.text) for line in self.lines)

    @cached_property
    def furniture(self) -> bool:
        """Every line is boilerplate or a comment-widget control."""
        return all(line.boilerplate or line.control for line in self.lines)

    @cached_property
    def header_lines(self) -> int:
        """How many leading lines read as a comment header (author, date, "Ann says:", a bulleted name)."""
        count = 0
        for line in self.lines[:3]:
            if not is_header_line(line):
                break
            count += 1
        return count

    @cached_property
    def is_header(self) -> bool:
        """The whole block is a comment header."""
        return self.header_lines == len(self.lines)

    @cached_property
    def conversational(self) -> float:
        """Share of the block's text lines that read like a reader's reply."""
        texts = [line for line in self.lines if not (line.boilerplate or line.control)]
        if not texts:
            return 0.0
        return sum(line.conversational or not line.terminal for line in texts) / len(texts)


def is_header_line(line: Line) -> bool:
    if line.comments_header or line.control or line.boilerplate and not line.date:
        return False
    return line.date or line.author_phrase is not None or line.name_like


def is_strong_header(line: Line) -> bool:
    """A header that opens a comment even with no blank line before it: a bulleted name, "Ann says:",
    "Posted by Ann", "Ann | 2 May"."""
    if line.comments_header or line.control or line.boilerplate:
        return False
    return line.bullet and line.name_like or line.author_phrase is not None


def split_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        # a comments header ("Comments (8)") is a boundary even when no blank line sets it off
        if current and (line.blanks_before > 0 or line.comments_header or current[-1].comments_header):
            blocks.append(Block(len(blocks), tuple(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(Block(len(blocks), tuple(current)))
    return blocks


def separator_gap(lines: list[Line]) -> int:
    """Blank lines that mark a break wider than the page's usual gap between paragraphs (at least 2)."""
    gaps = Counter(line.blanks_before for line in lines[1:])
    usual = gaps.most_common(1)[0][0] if gaps else 1
    return max(2, usual + 1)


def related_links_start(lines: list[Line]) -> int:
    """Where a run of two or more related-story headlines closes ``lines`` (single lines, each set off by a
    blank line, capitalised, unpunctuated), or ``len(lines)`` when there is none; the first line always stays."""
    cut = len(lines)
    while cut > 1 and lines[cut - 1].headline_like and lines[cut - 1].blanks_before > 0 \
            and lines[cut - 1].author_phrase is None:
        cut -= 1
    return cut if len(lines) - cut >= 2 else len(lines)
