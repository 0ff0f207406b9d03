"""Reading files as text exactly as they are.

Offsets in the shared-task data count every code point, a BOM and ``\\r`` included, so text is
decoded as strict UTF-8 with no newline translation and no BOM stripping. Anything that is not
text is refused with an error naming the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import InputError

#: Default size limit for one input file (bytes).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# Control characters that never occur in text files (tab, LF, VT, FF, CR and ESC excluded).
_BINARY_CONTROLS = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold a NUL byte or many control characters."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _BINARY_CONTROLS)
    return controls / len(head) > 0.05


def decode_utf8(data: bytes, path: str | Path) -> str:
    """Decode strict UTF-8, keeping a BOM and ``\\r`` as characters."""
    if looks_binary(data):
        raise InputError("E102", "binary file, expected UTF-8 text", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            "E103",
            f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded",
            path=path,
            line=line,
        ) from err


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def decode_page(data: bytes, path: str | Path) -> tuple[str, tuple[str, ...]]:
    """Decode a page as UTF-8 if it is; otherwise by its BOM, its HTML ``<meta charset>`` or a detected
    encoding, with a warning saying which. Binary data and undecodable bytes are refused.

    >>> data = "Le café du marché ouvre à sept heures, après la grève.".encode("latin-1")
    >>> text, warnings = decode_page(data, "p.txt")
    >>> text[:8], warnings[0].startswith("p.txt: not UTF-8; decoded as ")
    ('Le café ', True)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), (f"{path}: decoded as {encoding} (BOM)",)
    if looks_binary(data):
        raise InputError("E102", "binary file, expected text or HTML", path=path)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(name), (f"{path}: not UTF-8; decoded as {name} (declared in the page)",)
        except (LookupError, UnicodeDecodeError):
            pass
    return _detected(data, path)


def _detected(data: bytes, path: str | Path) -> tuple[str, tuple[str, ...]]:
    from charset_normalizer import from_bytes  # a dependency of trafilatura; imported only when needed

    # without NUL bytes (refused above as binary) the text cannot be UTF-16 or UTF-32
    wide = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
    best = from_bytes(data, cp_exclusion=wide).best()
    if best is None or best.encoding is None:
        return decode_utf8(data, path), ()  # raises E103 with the offending byte
    return str(best), (f"{path}: not UTF-8; decoded as {best.encoding} (detected)",)


def read_bytes(path: str | Path, max_bytes: int | None = None) -> bytes:
    """Read a whole file, refusing folders, missing files and files over ``max_bytes``."""
    path = Path(path)
    if not path.exists():
        raise InputError("E101", "no such file", path=path)
    if path.is_dir():
        raise InputError("E105", "is a folder, expected a file", path=path)
    if max_bytes is None:
        return path.read_bytes()
    size = os.path.getsize(path) if path.is_file() else 0
    if size > max_bytes:
        raise InputError("E104", f"file is {size:,} bytes, over the limit of {max_bytes:,}", path=path)
    with open(path, "rb") as handle:  # pipes have no size: read one byte past the limit to tell
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("E104", f"input is over the limit of {max_bytes:,} bytes", path=path)
    return data


def read_text(path: str | Path, max_bytes: int | None = None) -> str:
    """Read a UTF-8 text file exactly: offsets into the result match the shared-task offsets.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfTitle\\r\\n")
    >>> read_text(p)
    '\\ufeffTitle\\r\\n'
    """
    return decode_utf8(read_bytes(path, max_bytes), path)


def write_text(path: str | Path, text: str) -> None:
    """Write text as UTF-8 with no newline translation."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
