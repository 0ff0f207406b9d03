"""Plain-text views for the terminal: aligned tables, no colour codes (safe to pipe)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..document import Document
from ..evaluate import Validation
from ..score import Score
from ..taxonomy import TAXONOMIES


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A text table; ``align`` holds one of ``<``/``>`` per column (default: first left, rest right)."""
    align = align or "<" + ">" * (len(headers) - 1)
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(f"{c:{a}{w}}" for c, a, w in zip(cells, align, widths, strict=False)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def score_table(result: Score) -> str:
    """The score of a task, then one row per label."""
    head = [
        f"task       {result.task}" + (f" (taxonomy {result.taxonomy})" if result.taxonomy else ""),
        f"metric     {result.metric}",
        f"precision  {result.precision:.4f}",
        f"recall     {result.recall:.4f}",
        f"F1         {result.f1:.4f}",
        f"gold       {result.gold}",
        f"predicted  {result.predicted}",
    ]
    head += [f"{k:<10} {v:.4f}" for k, v in result.extra.items()]
    rows = [[s.label, _num(s.precision), _num(s.recall), _num(s.f1), str(s.gold), str(s.predicted)]
            for s in result.per_label]
    body = table(["label", "precision", "recall", "F1", "gold", "predicted"], rows)
    notes = [f"warning: {w}" for w in result.warnings]
    return "\n".join([*head, "", body, *([""] + notes if notes else [])]) + "\n"


def technique_table(taxonomy: str) -> str:
    rows = [[t.name, t.category, t.definition] for t in TAXONOMIES[taxonomy].values()]
    return f"{taxonomy} ({len(rows)} techniques)\n" + table(["technique", "category", "definition"], rows, "<<<")


def validation_summary(result: Validation) -> str:
    tax = f", taxonomy {result.taxonomy}" if result.taxonomy else ""
    return (f"{result.path}: valid {result.task} labels: {result.records} line(s), "
            f"{result.articles} article(s){tax}\n")


def _clip(text: str, width: int = 76) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def document_summary(doc: Document, top: int = 5) -> str:
    """A few lines per document: title, body size, comments, techniques, labels, warnings."""
    body = doc.segments_of("body")
    chars = sum(s.end - s.start for s in body)
    lines = [doc.source or doc.id or "<text>"]
    lines.append(f"  title       {_clip(doc.span_text(doc.title)) if doc.title else '(none found)'}")
    lines.append(f"  body        {len(body)} paragraph(s), {chars:,} characters")
    boiler = doc.segments_of("boilerplate")
    if boiler:
        lines.append(f"  boilerplate {len(boiler)} line(s) set aside (ads, prompts, headers)")
    authors = sorted({c.author for c in doc.comments if c.author})
    named = f" by {len(authors)} named author(s)" if authors else ""
    lines.append(f"  comments    {len(doc.comments)}{named}")
    for key, name in (("author", "author"), ("date", "date"), ("sitename", "sitename"),
                      ("technique_model", "model")):
        if doc.meta.get(key):
            lines.append(f"  {name:<11} {_clip(str(doc.meta[key]))}")
    if doc.spans:
        for taxonomy in ("ptc2020", "semeval2023"):
            spans = doc.spans_of(taxonomy)
            if spans:
                counts = Counter(s.label for s in spans).most_common()
                lines.append(f"  techniques  {len(spans)} span(s) in {taxonomy}: "
                             + ", ".join(f"{label} {n}" for label, n in counts))
        lines.append("  strongest")
        for span in sorted(doc.spans_of("semeval2023") or doc.spans, key=lambda s: -s.score)[:top]:
            lines.append(f"    {span.score:.2f} {span.label}: “{_clip(doc.span_text(span), 70)}”")
            # the cue seen in this span says more here than the definition (`slant techniques` lists those)
            head, _, cue = span.explanation.partition(" Here: ")
            lines.append(f"         {_clip(cue or head, 110)}")
    elif "technique_model" in doc.meta:
        lines.append("  techniques  none found")
    for name, value in doc.labels.items():
        lines.append(f"  {name:<11} {value}")
    lines += [f"  warning     {w}" for w in doc.warnings]
    return "\n".join(lines) + "\n"


_TAGS = {"title": "TITLE", "body": "body", "boilerplate": "  --", "comment": "  >>"}


def page_view(doc: Document, width: int = 100) -> str:
    """The page as slant read it: one line per part, tagged, comments with author, date and reply."""
    lines = [f"{doc.source or doc.id or '<text>'}  ({doc.meta.get('format', 'page')}, "
             f"{len(doc.segments_of('body'))} body paragraph(s), {len(doc.comments)} comment(s))"]
    lines += [f"  warning: {w}" for w in doc.warnings]
    # comments (an empty one too: only its header survived) take the place of their segments, in page order
    parts = [(s.start, 1, s) for s in doc.segments if s.kind != "comment"]
    parts += [(c.start, 0, i) for i, c in enumerate(doc.comments)]
    for _, _, part in sorted(parts, key=lambda p: p[:2]):
        if isinstance(part, int):
            comment = doc.comments[part]
            extra = "".join([f", {comment.date}" if comment.date else "",
                             f", reply to #{comment.reply_to}" if comment.reply_to is not None else ""])
            lines.append(f"  #{part:<3} {comment.author or '(no name)'}{extra}")
            texts = [t for t in doc.span_text(comment).splitlines() if t.strip()] or ["(no text)"]
            lines += [f"{_TAGS['comment']}   {_clip(t, width)}" for t in texts]
        else:
            lines.append(f"{_TAGS[part.kind]:<5} {_clip(doc.span_text(part), width)}")
    return "\n".join(lines) + "\n"
