"""slant: how online news tries to persuade -- technique spans, genre, frames, quotes, outlets.

    >>> import slant
    >>> doc = slant.analyze_text("Title\\n\\nBody text.\\n")
    >>> doc.span_text(doc.title)
    'Title'
"""

__version__ = "0.1.0"  # first: modules that import it may load while this package is loading

from .document import Comment, Document, Quote, Segment, Span
from .errors import FormatError, InputError, ScoreError, SlantError, UsageError
from .evaluate import score_paths, validate_path
from .pipeline import analyze_file, analyze_text
from .score import Score, score

__all__ = [
    "Comment", "Document", "FormatError", "InputError", "Quote", "Score", "ScoreError", "Segment", "SlantError",
    "Span", "UsageError", "__version__", "analyze_file", "analyze_text", "score", "score_paths", "validate_path",
]
