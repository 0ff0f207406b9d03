"""Plain-text views for the terminal: aligned tables, no colour codes (safe to pipe)."""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Document
from ..evaluate import Validation
from ..lang import NAMES
from ..score import Score
from ..taxonomy import TAXONOMIES
from .view import label_text, snippet, view


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


class Style:
    """ANSI styling when ``colour`` is on (stdout is a terminal), plain text when it is off (piped)."""

    # background colours of the six SemEval-2023 categories and "other", close to the HTML report's
    _CATEGORY = ("48;5;217", "48;5;222", "48;5;151", "48;5;153", "48;5;183", "48;5;216", "48;5;252")

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def mark(self, text: str, category_index: int) -> str:
        if not self.colour:
            return f"[{text}]"
        return self._wrap(f"30;{self._CATEGORY[min(category_index, 6)]}", text)

    def warn(self, text: str) -> str:
        return self._wrap("33", text)


def _labels(doc: Document, style: Style) -> list[str]:
    """Language, genre, frames and the persuasion score, each with its why; other labels as they are."""
    labels = dict(doc.labels)
    lines = []
    if "language" in labels:
        lang = labels.pop("language")
        lines.append(f"  language    {NAMES.get(lang, lang) if lang else 'not recognised'}"
                     + (f" ({lang})" if lang else ""))
    # the article model's labels are dicts; anything else (a user's own labels) is printed as it is below
    genre = labels.pop("genre") if isinstance(labels.get("genre"), dict) else None
    if genre:
        p = genre["probabilities"][genre["label"]]
        lines.append(f"  {style.bold('genre')}       {genre['label']} ({p:.2f}): {genre.get('why', '')}")
    frames = labels.pop("frames") if isinstance(labels.get("frames"), dict) else None
    if frames:
        if frames["labels"]:
            lines.append(f"  {style.bold('frames')}      " + ", ".join(
                f"{f} ({frames['probabilities'][f]:.2f})" for f in frames["labels"]))
            for f in frames["labels"][:4]:
                cues = ", ".join(f"“{w}”" for w in frames["why"].get(f, [])[:4])
                lines.append(f"                {f}: {cues}")
        else:
            lines.append("  frames      none above the threshold")
    score = labels.pop("persuasion") if isinstance(labels.get("persuasion"), dict) else None
    if score:
        lines.append(f"  {style.bold('persuasion')}  {score['score']:.2f}: {score['reading']}")
        lines += [f"                {reason}" for reason in score.get("why", [])]
    for name, value in labels.items():
        lines.append(f"  {style.bold(f'{name:<11}')} {_clip(label_text(value), 100)}")
    return lines


def _techniques(doc: Document, style: Style, top: int) -> list[str]:
    lines = []
    views = {t: view(doc, t) for t in ("semeval2023", "ptc2020")}
    for taxonomy, v in views.items():
        if not v.marks:
            continue
        by_label, by_category = v.counts()
        in_article = sum(v.counts("article")[0].values())
        where = f"{in_article} in the article, {len(v.marks) - in_article} in comments"
        lines.append(f"  {style.bold('techniques')}  {len(v.marks)} span(s) in {taxonomy} ({where})")
        if taxonomy == "semeval2023":  # by category, then technique
            for name, n in by_category.most_common():
                labels = sorted({m.label for m in v.marks if m.category == name}, key=lambda t: -by_label[t])
                lines.append(f"    {name} {n}: " + ", ".join(f"{t} {by_label[t]}" for t in labels))
        else:
            lines.append("    " + ", ".join(f"{t} {n}" for t, n in by_label.most_common()))
    shown = views["semeval2023"] if views["semeval2023"].marks else views["ptc2020"]
    lines.append(f"  {style.bold('strongest')}")
    for mark in sorted(shown.marks, key=lambda m: -m.score)[:top]:
        before, text, after = snippet(doc, mark, 36)
        where = " (comment)" if mark.where == "comments" else ""
        lines.append(f"    {mark.score:.2f} {style.bold(mark.title)} · {mark.category}{where}")
        lines.append(f"         {style.dim(before)}{style.mark(text, mark.category_index)}{style.dim(after)}")
        # the cue seen in this span says more here than the definition (`slant techniques` lists those)
        head, _, cue = mark.explanation.partition(" Here: ")
        lines.append(f"         {_clip(cue or head, 110)}")
    return lines


def document_summary(doc: Document, top: int = 5, colour: bool = False) -> str:
    """A few lines per document: title, body, comments, labels, techniques by category, strongest spans in
    context with their cue, quotes, warnings. ``colour`` adds ANSI styling (for a terminal)."""
    style = Style(colour)
    body = doc.segments_of("body")
    chars = sum(s.end - s.start for s in body)
    lines = [style.bold(doc.source or doc.id or "<text>")]
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
    lines += _labels(doc, style)
    if doc.spans:
        lines += _techniques(doc, style, top)
    elif "technique_model" in doc.meta:
        lines.append("  techniques  none found")
    if doc.quotes:
        lines.append(f"  quotes      {len(doc.quotes)}")
        for quote in doc.quotes[:top]:
            lines.append(f"    “{_clip(doc.span_text(quote), 70)}” — {quote.speaker or '(speaker not found)'}")
    lines += [f"  {style.warn('warning')}     {w}" for w in doc.warnings]
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
