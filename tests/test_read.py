"""Reading pages: gold segmentations, the Document contract, clean articles left alone, bad input."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from slant import Document
from slant.errors import FormatError, InputError
from slant.read import read_any, read_file, read_page
from slant.read.gold import load_gold, score_page
from slant.read.lines import split_lines

from .conftest import DATA, SHARED

PAGES = DATA / "pages"
SEEDS = SHARED / "samples" / "seeds"
OWN_SETS = ["dev", "heldout", "heldout2", "html", "html_heldout"]


def _pairs(folder: str) -> list[tuple[Path, Path]]:
    out = []
    for gold in sorted((PAGES / folder).glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        page = next(p for p in (PAGES / folder).iterdir() if p.name.startswith(stem + ".") and p != gold)
        out.append((page, gold))
    return out


OWN_PAGES = [pair for folder in OWN_SETS for pair in _pairs(folder)]


def _assert_matches_gold(page: Path, gold: Path) -> None:
    score = score_page(read_file(page), load_gold(gold))
    wrong = {k: v for k, v in score.confusion.items() if k[0] != k[1]}
    assert score.accuracy == 1.0, f"characters in the wrong part (gold, predicted): {wrong}"
    assert (score.matched, score.found_comments) == (score.gold_comments, score.gold_comments)
    assert score.authors_right == score.dates_right == score.replies_right == score.matched


@pytest.mark.parametrize("page,gold", OWN_PAGES, ids=[p.name for p, _ in OWN_PAGES])
def test_own_pages_match_their_gold(page, gold):
    _assert_matches_gold(page, gold)


def test_enough_own_pages():
    text = [p for p, _ in OWN_PAGES if p.suffix == ".txt"]
    html = [p for p, _ in OWN_PAGES if p.suffix == ".html"]
    assert len(text) >= 15 and len(html) >= 5


@pytest.mark.parametrize("stem", ["000_448b5fe26fe88b2e", "001_a2ca1a7cfa9f2611", "002_994bf9c8789add31",
                                  "003_7c385458346b2afa", "004_7655bf37940b53ea"])
def test_seed_pages_match_their_gold(stem):
    page = SEEDS / f"{stem}.txt"
    if not page.exists():
        pytest.skip(f"../shared/samples/seeds is absent ({SEEDS}): the seed pages are not in this repository")
    _assert_matches_gold(page, PAGES / "seeds" / f"{stem}.gold.json")


# -- the Document contract ------------------------------------------------------------------------------------

def _contract(doc: Document, text: str) -> None:
    assert doc.text == text or doc.meta.get("format") == "html"
    covered: list[tuple[int, int]] = []
    for segment in doc.segments:
        assert 0 <= segment.start < segment.end <= len(doc.text)
        assert doc.text[segment.start:segment.end] == doc.text[segment.start:segment.end].strip(" \t\r\n\u00a0")
        covered.append((segment.start, segment.end))
    covered.sort()
    assert all(a[1] <= b[0] for a, b in zip(covered, covered[1:], strict=False)), "segments overlap"
    for line in split_lines(doc.text):  # every non-blank character belongs to exactly one part
        assert any(s <= line.start < e for s, e in covered), f"line {line.number} is in no segment"
    for comment in doc.comments:
        assert 0 <= comment.start <= comment.end <= len(doc.text)
        assert comment.reply_to is None or 0 <= comment.reply_to < len(doc.comments)
    assert Document.from_json(doc.to_json()) == doc


@pytest.mark.parametrize("page,gold", OWN_PAGES, ids=[p.name for p, _ in OWN_PAGES])
def test_document_contract_on_own_pages(page, gold):
    raw = page.read_bytes().decode("utf-8")
    first, second = read_file(page), read_file(page)
    assert first == second, "reading is deterministic"
    _contract(first, raw)


def test_text_is_kept_byte_faithful():
    text = "\ufeffTitle line here\r\n\r\nBody\u00a0paragraph one.\r\n\r\n- Advertisement -\r\n\r\nLast one.\r\n"
    doc = read_page(text)
    assert doc.text == text
    assert doc.span_text(doc.title) == "Title line here"
    assert [doc.span_text(s) for s in doc.segments_of("body")] == ["Body\u00a0paragraph one.", "Last one."]
    assert [doc.span_text(s) for s in doc.segments_of("boilerplate")] == ["- Advertisement -"]
    _contract(doc, text)


def test_empty_and_blank_pages_give_empty_documents():
    for text in ("", "   \n\n\t\r\n"):
        doc = read_page(text)
        assert doc.text == text and doc.title is None and not doc.segments and not doc.comments
    assert read_any("<html><body></body></html>").segments == ()


def test_read_more_truncation_is_cut_from_the_comment():
    text = ("A headline for the test page\n\nThe first paragraph of the article says something.\n\n"
            "Comments (1)\n\nAnn Lee\nMay 2, 2024\n\nThis comment was cut off in the middle of a… Read more »\n")
    doc = read_page(text)
    (comment,) = doc.comments
    assert doc.span_text(comment).endswith("middle of a…")
    assert (comment.author, comment.date) == ("Ann Lee", "May 2, 2024")
    assert "Read more »" in [doc.span_text(s) for s in doc.segments_of("boilerplate")]


# -- pages that are not web pages: the shared tasks' clean articles --------------------------------------------

@pytest.fixture(scope="module")
def ptc_reads(corpora):
    out = []
    for path in sorted(glob.glob(str(corpora / "ptc" / "train-articles" / "*.txt"))):
        text = Path(path).read_bytes().decode("utf-8")
        out.append((text, read_page(text)))
    return out


def test_clean_articles_are_left_almost_whole(ptc_reads):
    """PTC articles have no comments and little furniture: the page reader must not invent them.
    Floors as measured when this was written (one article is itself a reprinted comment thread)."""
    with_comments = sum(bool(doc.comments) for _, doc in ptc_reads)
    titles_moved = sum(doc.title is None or doc.title.start != split_lines(text)[0].start for text, doc in ptc_reads)
    lines = sum(len(split_lines(text)) for text, _ in ptc_reads)
    boiler = sum(len(doc.segments_of("boilerplate")) for _, doc in ptc_reads)
    assert len(ptc_reads) == 371
    assert with_comments <= 1
    assert titles_moved == 0
    assert boiler / lines <= 0.017, f"{boiler} of {lines} lines marked boilerplate"


# -- lines and headers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("Rhea Moss @rheamoss · 4h", ("Rhea Moss", "4h")),
    ("Ann Lee on March 3, 2024 at 4:12 pm", ("Ann Lee", "March 3, 2024 at 4:12 pm")),
    ("Agnes W. | 12 March 2024", ("Agnes W.", "12 March 2024")),
    ("Carol says:", ("Carol", None)),
    ("Posted by Gregor on 2 March 2024", ("Gregor", "2 March 2024")),
    ("The talks ended on March 3, 2024", None),
    ("He said on Monday he would go", None),
    ("Rob Tanner", None),
])
def test_one_line_comment_headers(line, expected):
    assert split_lines(line)[0].author_phrase == expected


@pytest.mark.parametrize("line,boilerplate", [
    ("- Advertisement -", True), ("7 3,093", True), ("in ,", True), ("0 0 vote", True),
    ("Subscribe to our newsletter", True), ("Home > News > Health", True), ("1.2K views", True),
    ("Reporting by Ines Carvalho; editing by Tom Hale", True), ("See map:", True),
    ("Sources wouldn't offer any details about the video.", False), ("No.", False),
    ("Rep. Danny Davis was For/Against/For/Against Farrakhan", False),
    ("What happens next", False), ("The port raised its fees on Monday.", False),
])
def test_boilerplate_lines(line, boilerplate):
    assert split_lines(line)[0].boilerplate is boilerplate


def test_control_bars_and_names():
    assert split_lines("7 • Reply • Share ›")[0].control
    assert split_lines("Newest Oldest Most Voted")[0].control
    assert not split_lines("Reply to the council")[0].control
    assert split_lines("Brendan K.")[0].name_like and split_lines("klove and light")[0].name_like
    assert not split_lines("What happens to the pension age")[0].name_like


def test_bylines_go_to_meta():
    doc = read_page("World › Europe › Politics\n\nBy Ann Lee and Bo Ng, Northern Desk\nUpdated: 14 February 2024\n\n"
                    "Coalition talks collapse over pensions\n\nTalks broke down late on Tuesday night.\n")
    assert doc.span_text(doc.title) == "Coalition talks collapse over pensions"
    assert doc.meta["author"] == "Ann Lee and Bo Ng" and doc.meta["date"] == "14 February 2024"
    assert read_page("Title of a piece here\n\nBy now, we have all heard of it.\n").segments_of("body")


# -- HTML ----------------------------------------------------------------------------------------------------------

def test_html_metadata_and_scripts():
    html = ("<html><head><title>Fees rise | Ledger</title><meta name='author' content='Mara Quill'>"
            "<script>var x = '<p>not text</p>';</script></head><body><article><h1>Fees rise</h1>"
            "<p>The port raised its fees on Monday, the third rise in two years, officials said.</p>"
            "<p>Fishermen said small boats would leave the harbour within a year.</p></article></body></html>")
    doc = read_any(html)
    assert doc.meta["format"] == "html" and doc.meta["author"] == "Mara Quill"
    assert doc.span_text(doc.title) == "Fees rise"
    assert "not text" not in doc.text and len(doc.segments_of("body")) == 2


# -- files and bad input ----------------------------------------------------------------------------------------------

def test_non_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("Le marché rouvre\n\nLe café du marché ouvre à sept heures, après la grève.\n".encode("cp1252"))
    doc = read_file(path)
    assert doc.span_text(doc.title) == "Le marché rouvre"
    assert doc.warnings and "not UTF-8; decoded as" in doc.warnings[0] and str(path) in doc.warnings[0]


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("Headline of the page\n\nA paragraph of text.\n".encode("utf-16"))
    assert read_file(path).span_text(read_file(path).title) == "Headline of the page"


@pytest.mark.parametrize("data,code", [(b"\x00\x01\x02binary\x00", "E102"), (b"\x89PNG\r\n\x1a\n\x00\x00", "E102")])
def test_binary_is_refused(tmp_path, data, code):
    path = tmp_path / "image.png"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.code == code and str(path) in str(info.value)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "word " * 1000)
    with pytest.raises(InputError) as info:
        read_file(path, max_bytes=1000)
    assert info.value.code == "E104"
    assert read_file(path, max_bytes=10_000).title is not None


def test_empty_file(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    doc = read_file(path)
    assert doc.text == "" and doc.title is None


def test_malformed_gold_file(tmp_path):
    path = tmp_path / "x.gold.json"
    path.write_text('{"title": 1, "comments": [{"author": "x"}]}')
    with pytest.raises(FormatError):
        load_gold(path)


def test_page_view_shows_comments_in_place_including_empty_ones():
    from slant.render import page_view

    doc = read_page("A headline for the test page\n\nThe article says the port raised its fees.\n\n"
                    "Comments (2)\n  • Ann Lee\n\n    Robbery, I say!\n\n    • Bo\n\n      Agreed.\n\n  • Anonymous\n")
    view = page_view(doc)
    assert [c.author for c in doc.comments] == ["Ann Lee", "Bo", "Anonymous"]
    assert doc.comments[2].start == doc.comments[2].end
    assert view.index("#0   Ann Lee") < view.index("Robbery") < view.index("#1   Bo, reply to #0") \
        < view.index("Agreed.") < view.index("#2   Anonymous") < view.index("(no text)")
