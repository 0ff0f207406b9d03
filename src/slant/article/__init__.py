"""Article-level reading: language, genre, frames and the persuasion score (see :mod:`.classify`)."""

from .classify import article_text, classify, classify_documents
from .model import ArticleModel, load

__all__ = ["ArticleModel", "article_text", "classify", "classify_documents", "load"]
