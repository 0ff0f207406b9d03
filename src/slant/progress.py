"""A progress bar on stderr for batches: drawn only on a terminal, so logs and pipes stay clean."""

from __future__ import annotations

import sys
import time
from typing import TextIO

#: batches with more files than this get a bar
MIN_TOTAL = 3


class Progress:
    """``with Progress(total) as bar: ... bar.advance(n)``; draws ``[####....] 12/40 files 3.1/s eta 8s``."""

    def __init__(self, total: int, what: str = "files", stream: TextIO | None = None, width: int = 28) -> None:
        self.total, self.what, self.width = total, what, width
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        isatty = getattr(self.stream, "isatty", None)
        self.shown = total > MIN_TOTAL and bool(isatty and isatty())

    def __enter__(self) -> Progress:
        self._draw()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def advance(self, n: int = 1, failed: int = 0) -> None:
        self.done += n
        self.failed += failed
        self._draw()

    def note(self, message: str) -> None:
        """Print a message on its own line (above the bar)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self._draw()

    def line(self) -> str:
        fraction = self.done / self.total if self.total else 1.0
        filled = int(round(fraction * self.width))
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = f" eta {int((self.total - self.done) / rate)}s" if self.done and self.done < self.total else ""
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} {self.what}{failed}"
                f" {rate:.1f}/s{eta}")

    def _draw(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()
