"""Readers and writers for the research field's file formats.

* PTC / SemEval-2020 task 11: article folders, SI, FLC/TC label files and TC templates.
* SemEval-2023 task 3: subtask 1 and 2 label files, subtask 3 paragraph files and templates, span files.
* SemEval-2021 task 6: meme JSON.

Every reader keeps what a writer needs to give back the same bytes.
"""

from .articles import article_files, article_id, paragraph_lines, read_article, read_articles, write_article
from .check import check_against_articles, check_labels, check_unique
from .files import read_label_files, read_labels, write_label_folder, write_labels
from .labels import KINDS, dump_labels, format_labels, parse_labels, read_label_file
from .records import ArticleLabel, LabelFile, ParagraphLabel, SpanLabel, TemplateLine
from .semeval2021 import Meme, MemeFile, MemeSpan, format_memes, parse_memes, read_memes, write_memes

__all__ = [
    "KINDS", "ArticleLabel", "LabelFile", "Meme", "MemeFile", "MemeSpan", "ParagraphLabel", "SpanLabel",
    "TemplateLine", "article_files", "article_id", "check_against_articles", "check_labels", "check_unique",
    "dump_labels", "format_labels", "format_memes", "paragraph_lines", "parse_labels", "parse_memes",
    "read_article", "read_articles", "read_label_file", "read_label_files", "read_labels", "read_memes",
    "write_article", "write_label_folder", "write_labels", "write_memes",
]
