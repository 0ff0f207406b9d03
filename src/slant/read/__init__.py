"""Text in, Document out: title and body paragraphs as offsets into the untouched text."""

from .plain import read_plain

__all__ = ["read_plain"]
