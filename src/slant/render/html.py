"""The HTML report: one self-contained file (CSS and JS inline, no network), also used by the web app and Jupyter.

Everything that comes from the page -- text, titles, authors, comments, explanations -- goes through
:func:`html.escape` or, for the data the script reads, through :func:`_json_for_script`; the script only ever
sets ``textContent``. A Content-Security-Policy that admits no network access and only our own script (by
nonce) backs this up: should markup ever slip through, it could neither run nor load anything.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from html import escape
from importlib import resources
from typing import Any

from .. import __version__
from ..document import Document
from ..taxonomy import CATEGORIES, TAXONOMIES
from .view import DEFAULT_TAXONOMY, Block, Mark, View, label_text, view

#: the policy of a report page: nothing from the network, only the script that carries the nonce
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-{nonce}'; "
       "base-uri 'none'; form-action 'self'")
_TAXONOMY_NAMES = {"semeval2023": "SemEval-2023 (23 techniques)", "ptc2020": "PTC / SemEval-2020 (14 techniques)"}
_MAX_DEPTH = 3  # stripes drawn for overlapping spans; the detail panel lists them all


def _asset(name: str) -> str:
    return resources.files("slant.render").joinpath("assets", name).read_text(encoding="utf-8")


def _json_for_script(data: Any) -> str:
    """JSON that cannot end a ``<script>`` element or open a comment, whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                       ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _hover(marks: Sequence[Mark]) -> str:
    return "; ".join(f"{m.title} ({m.category}), {m.score:.2f}" for m in marks)


def _pieces(block: Block, marks: Sequence[Mark]) -> str:
    out = []
    for piece in block.pieces:
        text = escape(piece.text, quote=False)
        if not piece.marks:
            out.append(text)
            continue
        shown = [marks[i] for i in piece.marks]
        colours = ";".join(f"--c{k}:var(--k{m.category_index})" for k, m in enumerate(shown[:_MAX_DEPTH]))
        out.append(f'<mark class="s" tabindex="0" role="button" data-m="{" ".join(map(str, piece.marks))}" '
                   f'data-n="{min(len(shown), _MAX_DEPTH)}" style="{colours}" '
                   f'title="{escape(_hover(shown))}">{text}</mark>')
    return "".join(out)


def _reply_depth(doc: Document, number: int) -> int:
    depth, seen = 0, {number}
    parent = doc.comments[number].reply_to
    while parent is not None and 0 <= parent < len(doc.comments) and parent not in seen and depth < 4:
        depth += 1
        seen.add(parent)
        parent = doc.comments[parent].reply_to
    return depth


def _comment(v: View, block: Block) -> str:
    comment, number = block.comment, block.number
    assert comment is not None and number is not None
    head = [f'<span class="who">{escape(comment.author or "(no name)")}</span>']
    if comment.date:
        head.append(f'<span class="when">{escape(comment.date)}</span>')
    if comment.reply_to is not None:
        head.append(f'<span class="re">reply to #{comment.reply_to}</span>')
    return (f'<li class="comment" style="--depth:{_reply_depth(v.doc, number)}" value="{number}">'
            f'<div class="chead">#{number} {" · ".join(head)}</div>'
            f'<div class="ctext">{_pieces(block, v.marks)}</div></li>')


def _text(v: View) -> str:
    article = []
    for block in v.blocks_of("title", "body"):
        tag = "h1" if block.kind == "title" else "p"
        article.append(f'<{tag} class="{block.kind}">{_pieces(block, v.marks)}</{tag}>')
    comments = v.blocks_of("comment")
    out = [f'<article class="text">{"".join(article) or "<p class=empty>(no article text found)</p>"}</article>']
    if comments:
        out.append(f'<section class="comments"><h3>Reader comments ({len(comments)})</h3>'
                   f'<ol>{"".join(_comment(v, b) for b in comments)}</ol></section>')
    return "".join(out)


def _legend(v: View) -> str:
    by_label, by_category = v.counts()
    in_article, _ = v.counts("article")
    if not v.marks:
        return '<p class="none">No techniques found in this taxonomy.</p>'
    rows = []
    for k, name in enumerate((*CATEGORIES, "Other")):
        if not by_category[name]:
            continue
        techniques = sorted({m.label for m in v.marks if m.category == name}, key=lambda t: -by_label[t])
        items = "".join(
            f'<li><label><input type="checkbox" checked data-label="{escape(t)}"> '
            f'{escape(TAXONOMIES[v.taxonomy][t].title if t in TAXONOMIES[v.taxonomy] else t)}'
            f' <span class="n">{by_label[t]}</span></label></li>' for t in techniques)
        rows.append(f'<li class="cat"><label><input type="checkbox" checked data-category="{escape(name)}"> '
                    f'<span class="sw" style="--c0:var(--k{k})"></span>{escape(name)} '
                    f'<span class="n">{by_category[name]}</span></label><ul>{items}</ul></li>')
    total = len(v.marks)
    where = f"{sum(in_article.values())} in the article, {total - sum(in_article.values())} in comments"
    return f'<p class="total">{total} span(s): {where}</p><ul class="legend">{"".join(rows)}</ul>'


def _bar(p: float) -> str:
    return f'<span class="bar" style="--p:{max(0.0, min(1.0, float(p))) * 100:.0f}%"></span>'


def _article_panel(doc: Document) -> str:
    """Genre, frames and the persuasion score, each with why (when the article model ran)."""
    rows = []
    score = doc.labels.get("persuasion")
    if isinstance(score, dict):
        why = "".join(f"<li>{escape(str(r))}</li>" for r in score.get("why", []))
        rows.append(f'<h4>Persuasion score</h4><div class="score"><span class="big">{float(score["score"]):.2f}</span> '
                    f'{_bar(score["score"])}<p>{escape(str(score.get("reading", "")))}</p><ul>{why}</ul></div>')
    genre = doc.labels.get("genre")
    if isinstance(genre, dict):
        probs = "".join(f"<li>{escape(str(g))} {_bar(p)} {float(p):.2f}</li>"
                        for g, p in sorted(genre["probabilities"].items(), key=lambda kv: -kv[1]))
        rows.append(f'<h4>Genre: {escape(str(genre["label"]))}</h4><ul class="probs">{probs}</ul>'
                    f'<p class="why">Why: {escape(str(genre.get("why", "")))}</p>')
    frames = doc.labels.get("frames")
    if isinstance(frames, dict):
        items = "".join(
            f'<li>{escape(str(f).replace("_", " "))} {_bar(frames["probabilities"][f])} '
            f'{float(frames["probabilities"][f]):.2f}<br><span class="why">'
            f'{escape(", ".join(map(str, frames["why"].get(f, []))))}</span></li>' for f in frames["labels"])
        rows.append(f"<h4>Frames</h4><ul class=\"probs\">{items or '<li>none above the threshold</li>'}</ul>")
    if not rows:
        return ""
    lang = doc.labels.get("language")
    head = f' <span class="n">{escape(str(lang))}</span>' if lang else ""
    return f'<section class="panel article"><h3>Article{head}</h3>{"".join(rows)}</section>'


def _panels(doc: Document) -> str:
    out = [_article_panel(doc)]
    facts = [(k, doc.meta[k]) for k in ("author", "date", "sitename", "technique_model") if doc.meta.get(k)]
    shown = {"language"} | {k for k in ("genre", "frames", "persuasion") if isinstance(doc.labels.get(k), dict)}
    facts += [(k, label_text(v)) for k, v in doc.labels.items() if k not in shown]
    if facts:
        out.append('<section class="panel"><h3>About</h3><dl>' + "".join(
            f"<dt>{escape(str(k).replace('_', ' '))}</dt><dd>{escape(str(v))}</dd>" for k, v in facts)
            + "</dl></section>")
    if doc.quotes:
        items = "".join(f'<li><q>{escape(doc.span_text(q))}</q> <span class="who">'
                        f'{escape(q.speaker or "(speaker not found)")}</span></li>' for q in doc.quotes)
        out.append(f'<section class="panel"><h3>Quotes ({len(doc.quotes)})</h3><ul>{items}</ul></section>')
    actors = doc.meta.get("actors") or doc.labels.get("actors")
    if isinstance(actors, list) and actors:
        items = "".join(f"<li>{escape(str(a.get('name', a)) if isinstance(a, dict) else str(a))}</li>"
                        for a in actors)
        out.append(f'<section class="panel"><h3>Actors</h3><ul>{items}</ul></section>')
    if doc.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in doc.warnings)
        out.append(f'<section class="panel warn"><h3>Warnings</h3><ul>{items}</ul></section>')
    return "".join(out)


def document_html(doc: Document, uid: str = "r0") -> str:
    """One Document's report (no page around it): text with highlights per taxonomy, legend, detail panel."""
    views = {t: view(doc, t) for t in (DEFAULT_TAXONOMY, *[t for t in TAXONOMIES if t != DEFAULT_TAXONOMY])}
    data = {t: [m.to_dict() for m in v.marks] for t, v in views.items()}
    switch = "".join(
        f'<button type="button" data-tax="{t}" aria-pressed="{str(t == DEFAULT_TAXONOMY).lower()}">'
        f'{escape(_TAXONOMY_NAMES[t])} <span class="n">{len(v.marks)}</span></button>' for t, v in views.items())
    layers = "".join(
        f'<div class="tax" data-tax="{t}"{"" if t == DEFAULT_TAXONOMY else " hidden"}>'
        f'<div class="main">{_text(v)}</div>'
        f'<aside class="side"><h3>Techniques</h3>{_legend(v)}</aside></div>' for t, v in views.items())
    # the title is the first block of the text (highlighted like the rest); without one, name the source
    name = doc.source or doc.id
    heading = "" if doc.title else f'<h1 class="name">{escape(name or "Untitled text")}</h1>'
    source = f'<p class="source">{escape(name)}</p>' if name and doc.title else ""
    return (f'<div class="slant-report" id="{escape(uid)}">'
            f'<header>{heading}{source}'
            f'<div class="switch" role="group" aria-label="taxonomy">{switch}</div></header>'
            f"{layers}"
            f'<div class="panels">{_panels(doc)}</div>'
            f'<div class="detail" role="dialog" aria-live="polite" hidden><button type="button" class="close" '
            f'aria-label="close">×</button><div class="body"></div></div>'
            f'<script type="application/json" class="slant-data">{_json_for_script(data)}</script></div>')


def styles() -> str:
    return _asset("report.css")


def script() -> str:
    return _asset("report.js")


def page(body: str, title: str = "slant report", nonce: str | None = None) -> str:
    """A whole HTML page around report fragments: inline CSS and JS, a CSP that forbids the network."""
    nonce = nonce or secrets.token_urlsafe(16)
    return ("<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(nonce=nonce)}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="slant"><title>{escape(title)}</title>'
            f'<style>{styles()}</style></head><body class="slant-page"><main>{body}</main>'
            f"<footer>Made by slant {__version__}: technique spans are a model's reading, not a verdict.</footer>"
            f'<script nonce="{nonce}">{script()}</script></body></html>\n')


def report_html(docs: Document | Sequence[Document], title: str | None = None) -> str:
    """The report file for one or more Documents (several get a table of contents)."""
    docs = [docs] if isinstance(docs, Document) else list(docs)
    parts = [document_html(doc, f"r{i}") for i, doc in enumerate(docs)]
    toc = ""
    if len(docs) > 1:
        items = "".join(f'<li><a href="#r{i}">{escape(d.source or d.id or f"text {i + 1}")}</a> '
                        f'<span class="n">{len(d.spans_of(DEFAULT_TAXONOMY))}</span></li>' for i, d in enumerate(docs))
        toc = f'<nav class="toc"><h2>{len(docs)} articles</h2><ol>{items}</ol></nav>'
    if title is None:
        title = f"slant report: {docs[0].source or docs[0].id}" if len(docs) == 1 else "slant report"
    return page(toc + "".join(parts), title)


def notebook_html(doc: Document) -> str:
    """For Jupyter's ``_repr_html_``: the report with its style; hover titles work where scripts do not run."""
    uid = f"slant-{secrets.token_hex(4)}"
    return f"<style>{styles()}</style>{document_html(doc, uid)}<script>{script()}</script>"
