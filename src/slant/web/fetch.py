"""Fetching a page by URL, for a server started with ``--allow-fetch`` (off by default: slant is offline)."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlparse

from .. import __version__
from ..errors import RequestError

TIMEOUT_S = 15.0


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> bytes:
    """The body of an http(s) URL, refused past ``max_bytes``; errors are E604 naming the URL."""
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RequestError("E604", f"{url}: only http and https URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": f"slant/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise RequestError("E604", f"{url}: {getattr(err, 'reason', err)}") from None
    if len(data) > max_bytes:
        raise RequestError("E601", f"{url}: the page is over the limit of {max_bytes:,} bytes")
    return data
