"""Reader comments from a page's markup: author, date, text and the comment each one answers.

trafilatura returns comment text without authors or threading, so slant reads the common markup of comment
widgets itself: WordPress (``li.comment`` > ``.comment-author .fn``, ``time``, ``.comment-content``,
``ol.children``), wpDiscuz (``.wpd-comment``, ``.wpd-comment-author``, ``.wpd-comment-date``,
``.wpd-comment-text``) and the generic shape most sites share (an element whose class or id says "comment",
holding an author, a date and a text element; replies nested inside).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import html as lxml_html
from lxml.etree import ParserError, _Element

from . import lexicon

_ITEM_CLASS = re.compile(r"^(comment|comment-item|comment_item|wpd-comment|c-comment|js-comment|post-comment|"
                         r"comment-thread-item|commentlist-item|reply-item)$")
_ITEM_ID = re.compile(r"^(li-)?comment[-_]?\d+$")
_AUTHOR = re.compile(r"(^|[-_])(author|fn|name|username|user-name|nickname|nick|commenter|display-name)($|[-_])")
_DATE = re.compile(r"(^|[-_])(date|time|timestamp|published|posted)($|[-_])")
_CONTENT = re.compile(r"(^|[-_])(content|text|body|message|entry)($|[-_])")
_CONTROL = re.compile(r"(^|[-_])(reply|actions|footer|toolbar|vote|votes|likes?|share|report|avatar|meta-links)"
                      r"($|[-_])")
_SKIP_TAGS = {"script", "style", "noscript", "template", "button", "form", "img", "svg"}


@dataclass(frozen=True)
class HtmlComment:
    author: str | None
    date: str | None
    paragraphs: tuple[str, ...]
    reply_to: int | None


def _classes(el: _Element) -> list[str]:
    return (el.get("class") or "").lower().split()


def _is_item(el: _Element) -> bool:
    return any(_ITEM_CLASS.match(c) for c in _classes(el)) or bool(_ITEM_ID.match((el.get("id") or "").lower()))


def _own(el: _Element) -> Iterator[_Element]:
    """Descendants of a comment item that are not inside a nested reply."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _SKIP_TAGS:
            continue
        if _is_item(child):
            continue
        yield child
        yield from _own(child)


def _text(el: _Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _shortest(elements: list[_Element]) -> str | None:
    texts = [t for t in (_text(e) for e in elements) if t]
    return min(texts, key=len) if texts else None


def _author(own: list[_Element]) -> str | None:
    found = _shortest([e for e in own if any(_AUTHOR.search(c) for c in _classes(e))])
    if found:
        found = re.sub(r"\s*(says|said|wrote|writes)\s*:?\s*$", "", found, flags=re.IGNORECASE).strip()
    return found or None


def _date(own: list[_Element]) -> str | None:
    for e in own:
        if e.tag == "time":
            return e.get("datetime") or _text(e) or None
    return _shortest([e for e in own if any(_DATE.search(c) for c in _classes(e))])


def _paragraphs(item: _Element, own: list[_Element], skip: set[str]) -> tuple[str, ...]:
    contents = [e for e in own if any(_CONTENT.search(c) for c in _classes(e))
                and not any(_AUTHOR.search(c) or _DATE.search(c) for c in _classes(e))]
    # the innermost text element: "comment-body" often wraps the author and date as well as the text
    innermost = [e for e in contents if not any(o is not e and o in contents for o in e.iterdescendants())]
    root = max(innermost, key=lambda e: len(_text(e)), default=None)
    blocks = _blocks(root if root is not None else item)
    return tuple(p for p in blocks if p not in skip and not _is_control(p))


def _is_control(text: str) -> bool:
    folded = " ".join(text.casefold().split())
    return any(p.match(folded) for p in lexicon.COMMENT_CONTROLS)


def _blocks(el: _Element) -> list[str]:
    """The paragraphs of an element: its ``p``/``blockquote``/``li`` children, or its text split at ``br``."""
    paras = [e for e in el.iter("p", "blockquote", "li") if e is not el and not _inside_reply(e, el)]
    if paras:
        return [t for t in (_text(p) for p in paras) if t]
    pieces: list[str] = []
    current: list[str] = []
    for node in _walk_text(el):
        if node is None:
            pieces.append(" ".join("".join(current).split()))
            current = []
        else:
            current.append(node)
    pieces.append(" ".join("".join(current).split()))
    return [p for p in pieces if p]


def _inside_reply(e: _Element, root: _Element) -> bool:
    for ancestor in e.iterancestors():
        if ancestor is root:
            return False
        if _is_item(ancestor):
            return True
    return False


def _walk_text(el: _Element) -> Iterator[str | None]:
    """Text of ``el`` with None at each ``br``, skipping controls, replies and metadata."""
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag == "br":
            yield None
        elif isinstance(child.tag, str) and child.tag not in _SKIP_TAGS and not _is_item(child) \
                and not any(_CONTROL.search(c) or _AUTHOR.search(c) or _DATE.search(c) for c in _classes(child)):
            yield from _walk_text(child)
        if child.tail:
            yield child.tail


def comments_from_html(html: str) -> list[HtmlComment]:
    """The comments a page's markup shows, in document order; an empty list when it shows none."""
    try:
        root = lxml_html.fromstring(html)
    except (ParserError, ValueError):
        return []
    items = [el for el in root.iter() if isinstance(el.tag, str) and _is_item(el)]
    index = {id(el): i for i, el in enumerate(items)}
    out: list[HtmlComment] = []
    for el in items:
        own = list(_own(el))
        author, date = _author(own), _date(own)
        paragraphs = _paragraphs(el, own, {t for t in (author, date) if t})
        parent = next((index[id(a)] for a in el.iterancestors() if id(a) in index), None)
        out.append(HtmlComment(author, date, paragraphs, parent))
    return _renumber([c for c in out if c.paragraphs], out)


def _renumber(kept: list[HtmlComment], all_items: list[HtmlComment]) -> list[HtmlComment]:
    """Drop items with no text (wrappers, deleted comments) and point replies at the kept ones."""
    new_index = {}
    for i, comment in enumerate(all_items):
        if comment.paragraphs:
            new_index[i] = len(new_index)

    def nearest(i: int | None) -> int | None:
        while i is not None and i not in new_index:
            i = all_items[i].reply_to
        return None if i is None else new_index[i]

    return [HtmlComment(c.author, c.date, c.paragraphs, nearest(c.reply_to)) for c in kept]
