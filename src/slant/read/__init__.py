"""Text or HTML in, Document out: title, body paragraphs, boilerplate and reader comments as offsets.

    >>> doc = read_any("<html><body><article><h1>Fees rise</h1><p>The port raised its fees on Monday, "
    ...                "the third rise in two years, and fishermen said small boats would leave.</p>"
    ...                "</article></body></html>")
    >>> doc.meta["format"], doc.span_text(doc.title)
    ('html', 'Fees rise')
"""

from __future__ import annotations

import re
from pathlib import Path

from ..document import Document
from ..errors import UsageError
from ..textio import DEFAULT_MAX_BYTES, decode_page, read_bytes
from .html import read_html
from .page import read_page
from .plain import read_plain

#: ``page`` a text copy of a web page; ``html`` markup; ``article`` the shared tasks' layout (title on line 1,
#: every later line a paragraph, nothing removed); ``auto`` html when the file looks like markup, else page.
LAYOUTS = ("auto", "page", "html", "article")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|article)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document (after a BOM, white space and comments)."""
    return bool(_HTML_START.match(text.lstrip("\ufeff")[:2048]))


def read_any(text: str, *, layout: str = "auto", id: str = "", source: str | None = None,
             warnings: tuple[str, ...] = (), html: bool | None = None) -> Document:
    """Read text in the given layout (see :data:`LAYOUTS`)."""
    if layout not in LAYOUTS:
        raise UsageError("E401", f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    if layout == "auto":
        layout = "html" if (html if html is not None else looks_like_html(text)) else "page"
    if layout == "html":
        return read_html(text, id=id, source=source, warnings=warnings)
    if layout == "article":
        return read_plain(text, id=id, source=source).replace(meta={"format": "article"}, warnings=warnings)
    return read_page(text, id=id, source=source, meta={"format": "page"}, warnings=warnings)


def read_data(data: bytes, name: str, *, layout: str = "auto") -> Document:
    """Read a page from bytes (an upload, a fetched page) as :func:`read_file` reads a file: ``name`` stands
    for the file in errors and warnings, and its suffix says HTML when it is .html or .htm."""
    text, warnings = decode_page(data, name)
    suffix_html = True if Path(name).suffix.lower() in _HTML_SUFFIXES else None
    return read_any(text, layout=layout, id=Path(name).stem, source=name, warnings=warnings, html=suffix_html)


def read_file(path: str | Path, *, layout: str = "auto", max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read a page from disk: binary and oversized files are refused with an error naming the file; text that
    is not UTF-8 is decoded by its declared or detected encoding, with a warning in ``doc.warnings``."""
    return read_data(read_bytes(path, max_bytes), str(path), layout=layout)


__all__ = ["LAYOUTS", "looks_like_html", "read_any", "read_data", "read_file", "read_html", "read_page", "read_plain"]
