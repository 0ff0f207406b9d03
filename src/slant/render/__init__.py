"""Turning results into something people read: terminal text now; the HTML report later."""

from .text import document_summary, page_view, score_table, technique_table, validation_summary

__all__ = ["document_summary", "page_view", "score_table", "technique_table", "validation_summary"]
