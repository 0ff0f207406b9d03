"""The rendering model (spans -> pieces), the HTML report, the terminal summary and the progress bar."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from slant.document import Comment, Document, Quote, Segment, Span
from slant.progress import Progress
from slant.render.html import notebook_html, report_html
from slant.render.text import document_summary
from slant.render.view import cut, view

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(2)">', '<a href="javascript:alert(3)">x</a>',
    "</textarea><script>alert(4)</script>", "</script><script>alert(5)</script>", "<!--", "\u2028",
]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


def doc_with_spans(text: str, spans: list[tuple[int, int, str, float]], **kw: object) -> Document:
    return Document(text=text, segments=(Segment("body", 0, len(text)),),
                    spans=tuple(Span(s, e, label, "semeval2023", score) for s, e, label, score in spans), **kw)


# -- the rendering model -----------------------------------------------------------------------------------

def test_cut_covers_the_text_exactly_with_overlaps_strongest_first():
    text = "They are evil traitors who lie."
    pieces = cut(text, 0, len(text), [(9, 22, 1), (9, 13, 0), (14, 26, 2)])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.marks) for p in pieces if p.marks] == [
        ("evil", (1, 0)), (" ", (1,)), ("traitors", (1, 2)), (" who", (2,))]


def test_cut_clips_spans_to_the_block():
    pieces = cut("abcdefghij", 3, 7, [(0, 5, 0), (6, 20, 1)])
    assert [(p.start, p.end, p.marks) for p in pieces] == [(3, 5, (0,)), (5, 6, ()), (6, 7, (1,))]


def test_view_blocks_leave_boilerplate_out_and_tell_comments_apart():
    text = "Head\nAd here\nBody text is here.\nA comment, rude idiots.\n"
    doc = Document(
        text=text, title=Segment("title", 0, 4),
        segments=(Segment("title", 0, 4), Segment("boilerplate", 5, 12), Segment("body", 13, 31),
                  Segment("comment", 32, 55)),
        comments=(Comment(32, 55, author="ann"),),
        spans=(Span(49, 55, "Name_Calling-Labeling", "semeval2023", 0.8, source="m:comments"),
               Span(13, 17, "Loaded_Language", "semeval2023", 0.4, source="m:article"),
               Span(13, 17, "Loaded_Language", "ptc2020", 0.4, source="m:article")))
    v = view(doc)
    assert [b.kind for b in v.blocks] == ["title", "body", "comment"]
    assert all("Ad here" not in p.text for b in v.blocks for p in b.pieces)
    assert [(m.label, m.where, m.category) for m in v.marks] == [
        ("Loaded_Language", "article", "Manipulative wording"),
        ("Name_Calling-Labeling", "comments", "Attack on reputation")]
    by_label, by_category = v.counts("comments")
    assert by_label == {"Name_Calling-Labeling": 1} and by_category == {"Attack on reputation": 1}
    assert len(view(doc, "ptc2020").marks) == 1


def test_a_bare_text_is_one_body_block():
    v = view(Document(text="Just some words."))
    assert [(b.kind, b.pieces[0].text) for b in v.blocks] == [("body", "Just some words.")]


# -- the HTML report --------------------------------------------------------------------------------------

def test_report_is_self_contained_and_marks_overlaps():
    doc = doc_with_spans("They are evil traitors.", [(9, 22, "Name_Calling-Labeling", 0.9),
                                                        (9, 13, "Loaded_Language", 0.6)])
    html = report_html(doc)
    tags = parse(html)
    assert not [t for t, a in tags.tags if t in ("link", "img", "iframe")]
    assert not any(v and re.match(r"(https?:)?//", v) for _, a in tags.tags for v in a.values())
    csp = [a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]
    nonce = re.search(r"'nonce-([^']+)'", csp[0]).group(1)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert scripts == [{"type": "application/json", "class": "slant-data"}, {"nonce": nonce}]
    marks = [a for t, a in tags.tags if t == "mark"]
    assert [(m["data-m"], m["data-n"]) for m in marks] == [("0 1", "2"), ("0", "1")]
    data = json.loads(tags.scripts[0])
    assert [m["label"] for m in data["semeval2023"]] == ["Name_Calling-Labeling", "Loaded_Language"]
    assert data["ptc2020"] == []
    assert "Attack on reputation" in html and "Manipulative wording" in html  # the legend


@pytest.mark.parametrize("payload", HOSTILE)
def test_markup_in_any_field_stays_text(payload):
    text = f"Headline {payload}\nEvil traitors {payload} here.\nRude {payload} comment.\n"
    body_start = text.index("Evil")
    comment_start = text.index("Rude")
    doc = Document(
        text=text, source=f"page{payload}.txt", title=Segment("title", 0, body_start - 1),
        segments=(Segment("title", 0, body_start - 1), Segment("body", body_start, comment_start - 1),
                  Segment("comment", comment_start, len(text) - 1)),
        comments=(Comment(comment_start, len(text) - 1, author=f"Mal{payload}", date=payload, reply_to=None),),
        spans=(Span(0, body_start - 1, "Loaded_Language", "semeval2023", 0.7, explanation=f"Why {payload}"),
               Span(body_start, comment_start - 1, "Name_Calling-Labeling", "semeval2023", 0.8),
               Span(comment_start, len(text) - 1, "Doubt", "ptc2020", 0.5)),
        quotes=(Quote(body_start, body_start + 4, speaker=payload),),
        labels={"genre": payload}, meta={"author": payload}, warnings=(payload,))
    for html in (report_html(doc), notebook_html(doc)):
        tags = parse(html)
        assert not [t for t, _ in tags.tags if t in ("img", "a", "textarea", "iframe")]
        assert not any(k.startswith("on") for _, a in tags.tags for k in a)
        assert len([t for t, _ in tags.tags if t == "script"]) == 2
        data = json.loads(tags.scripts[0])  # the data block still parses: nothing ended it early
        assert data["semeval2023"][0]["explanation"] == f"Why {payload}"
        assert payload not in tags.scripts[0]  # escaped inside the data block too


def test_document_repr_html_for_notebooks():
    doc = doc_with_spans("They are evil traitors.", [(9, 22, "Name_Calling-Labeling", 0.9)])
    html = doc._repr_html_()
    assert html.startswith("<style>") and 'class="slant-report"' in html and "<html" not in html
    # without scripts (a notebook that does not run them) the hover title still says what the span is
    assert 'title="Name calling or labelling (Attack on reputation), 0.90"' in html


def test_several_documents_get_a_table_of_contents():
    docs = [doc_with_spans("One evil text.", [(4, 8, "Loaded_Language", 0.5)]).replace(source="a.txt"),
            doc_with_spans("Two calm texts.", []).replace(source="b.txt")]
    tags = parse(report_html(docs))
    assert [a["href"] for t, a in tags.tags if t == "a" and "href" in a] == ["#r0", "#r1"]
    assert [a["id"] for t, a in tags.tags if t == "div" and a.get("class") == "slant-report"] == ["r0", "r1"]


# -- the terminal -----------------------------------------------------------------------------------------

def test_summary_plain_and_coloured():
    doc = doc_with_spans("They are evil traitors.", [(9, 22, "Name_Calling-Labeling", 0.9)],
                         labels={"genre": "opinion"})
    plain = document_summary(doc)
    assert "\x1b[" not in plain
    assert "They are [evil traitors]." in plain and "Attack on reputation 1: Name_Calling-Labeling 1" in plain
    assert "genre" in plain and "opinion" in plain
    coloured = document_summary(doc, colour=True)
    assert "\x1b[" in coloured and "[evil traitors]" not in coloured  # colour marks the span instead
    assert "They are evil traitors." in re.sub(r"\x1b\[[0-9;]*m", "", coloured)


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_batches():
    tty = FakeTTY()
    with Progress(10, stream=tty) as bar:
        bar.advance(4, failed=1)
        bar.note("slant: error: x")
    out = tty.getvalue()
    assert "4/10 files, 1 failed" in out and "slant: error: x\n" in out and out.endswith("\r\x1b[K")
    piped = io.StringIO()
    with Progress(10, stream=piped) as bar:
        bar.advance(10)
    assert piped.getvalue() == ""
    small = FakeTTY()
    with Progress(2, stream=small) as bar:
        bar.advance(2)
    assert small.getvalue() == ""


def test_cli_html_report_and_colour(run, tmp_path):
    out = tmp_path / "report.html"
    res = run("analyze", ROOT / "examples" / "page.txt", ROOT / "examples" / "article.txt", "--format", "html",
              "-o", out)
    assert res.code == 0 and "report of 2 document(s)" in res.err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count('class="slant-report"') == 2
    assert "Dam talks: upstream board" in html and "Petra Lindqvist" in html
    assert "\x1b[" not in run("analyze", ROOT / "examples" / "article.txt").out
    assert "\x1b[" in run("analyze", ROOT / "examples" / "article.txt", "--color", "always").out


def test_article_panel_shows_genre_frames_and_score_escaped():
    doc = doc_with_spans("They are evil traitors.", [(9, 22, "Name_Calling-Labeling", 0.9)], labels={
        "language": "en",
        "genre": {"label": "opinion", "probabilities": {"opinion": 0.7, "reporting": 0.2, "satire": 0.1},
                  "why": "more first person <b>x</b>"},
        "frames": {"labels": ["Political"], "probabilities": {"Political": 0.8, "Morality": 0.3},
                   "why": {"Political": ["party", "<script>"]}},
        "persuasion": {"score": 0.83, "per_1000_words": 40.0, "reading": "more than 83%",
                       "why": ["Attack on reputation: 1 span(s)"]}})
    html = report_html(doc)
    assert "Genre: opinion" in html and "Political" in html and "0.83" in html and "Attack on reputation: 1" in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    summary = document_summary(doc)
    assert "genre       opinion (0.70): more first person" in summary
    assert "persuasion  0.83: more than 83%" in summary and "Political: “party”" in summary
