"""Label files, articles and meme JSON: parsing, byte-exact writing, and one clear error per bad line."""

from __future__ import annotations

import pytest

from slant.errors import CODES, FormatError, InputError
from slant.formats import (
    SpanLabel,
    check_against_articles,
    check_labels,
    format_labels,
    format_memes,
    paragraph_lines,
    parse_labels,
    parse_memes,
    read_articles,
    read_label_files,
    read_labels,
    write_label_folder,
)
from slant.taxonomy import techniques

ROUND_TRIP = {
    "si": "1\t10\t20\n1\t5\t8\n2\t0\t3\n",
    "flc": "1\tLoaded_Language\t10\t20\n1\tName_Calling,Labeling\t10\t20\n",
    "tc": "1\t?\t10\t20\n2\t?\t0\t4\n",
    "st1": "1\topinion\n2\tsatire\n",
    "st2": "1\tEconomic,Morality\n2\t\n",
    "st3": "1\t1\t\n1\t3\tDoubt,Slogans\n",
    "st3-template": "1\t1\tA title with a\ttab inside and a trailing space \n1\t3\tBody.\n",
}


@pytest.mark.parametrize("kind", list(ROUND_TRIP))
def test_round_trip(kind):
    text = ROUND_TRIP[kind]
    assert format_labels(parse_labels(text, kind)) == text
    no_final_newline = text.rstrip("\n")
    assert format_labels(parse_labels(no_final_newline, kind)) == no_final_newline
    crlf = text.replace("\n", "\r\n")
    assert format_labels(parse_labels(crlf, kind)) == crlf


def test_parsed_values():
    flc = parse_labels(ROUND_TRIP["flc"], "flc").records
    assert flc[1] == SpanLabel("1", 10, 20, "Name_Calling,Labeling")
    st3 = parse_labels(ROUND_TRIP["st3"], "st3").records
    assert (st3[0].techniques, st3[1].techniques, st3[1].line) == ((), ("Doubt", "Slogans"), 3)
    template = parse_labels(ROUND_TRIP["st3-template"], "st3-template").records
    assert template[0].text == "A title with a\ttab inside and a trailing space "
    assert parse_labels("", "si").records == ()
    assert format_labels(parse_labels("", "si")) == ""


def test_tc_template_keeps_its_placeholder():
    text = "1\tTBD\t3\t9\n"
    parsed = parse_labels(text, "tc")
    assert parsed.records[0].technique is None
    assert format_labels(parsed) == text


BAD_LINES = [
    ("flc", "1\tDoubt\t5\n", "E201", "expected 4 tab-separated columns"),
    ("flc", "1 Doubt 5 9\n", "E201", "separated by tabs"),
    ("si", "1\t5\t9\t2\n", "E201", "expected 3"),
    ("si", "1\tfive\t9\n", "E202", "start 'five' is not an integer"),
    ("si", "1\t5\t9.5\n", "E202", "end '9.5' is not an integer"),
    ("si", "1\t-5\t9\n", "E203", "negative"),
    ("si", "1\t9\t9\n", "E204", "end (9) must be greater than start (9)"),
    ("flc", "1\tDoubt\t9\t3\n", "E204", "greater than start"),
    ("flc", "1\t\t3\t9\n", "E206", "empty technique"),
    ("si", "art 1\t3\t9\n", "E208", "bad article id"),
    ("st3", "1\t0\tDoubt\n", "E209", "1 or more"),
    ("st3", "1\tx\tDoubt\n", "E202", "not an integer"),
    ("st1", "1\n", "E201", "expected 2"),
]


@pytest.mark.parametrize("kind,text,code,words", BAD_LINES)
def test_bad_line_names_file_line_and_problem(kind, text, code, words):
    good = {"si": "1\t1\t2\n", "flc": "1\tDoubt\t1\t2\n", "st3": "1\t1\t\n", "st1": "1\topinion\n"}[kind]
    with pytest.raises(FormatError) as info:
        parse_labels(good + text, kind, "pred.labels")
    err = info.value
    assert (err.code, err.path, err.line) == (code, "pred.labels", 2)
    assert words in str(err)
    assert str(err).startswith("pred.labels:2: ") and str(err).endswith(f"[{code}]")
    assert "\n" not in str(err)


def test_unknown_technique_is_reported_at_its_line():
    records = parse_labels("1\tDoubt\t1\t2\n1\tDoubts\t1\t2\n", "flc", "p.labels").records
    with pytest.raises(FormatError, match=r"p.labels:2: unknown label 'Doubts' for taxonomy ptc2020 \[E206\]"):
        check_labels(records, techniques("ptc2020"), "taxonomy ptc2020")


def test_checks_against_articles(tmp_path):
    (tmp_path / "article7.txt").write_text("Title\n\nBody line.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles = read_articles(tmp_path)
    assert list(articles) == ["7"]
    check_against_articles(parse_labels("7\t0\t5\n", "si").records, articles)
    with pytest.raises(FormatError, match="past the end of article 7 .18 characters.*E205"):
        check_against_articles(parse_labels("7\t0\t5\n7\t3\t19\n", "si", "x").records, articles)
    with pytest.raises(FormatError, match="article 8 has no article<ID>.txt file.*E207"):
        check_against_articles(parse_labels("8\t0\t5\n", "si", "x").records, articles)
    with pytest.raises(FormatError, match="line 2 is not a non-empty line.*E209"):
        check_against_articles(parse_labels("7\t2\tDoubt\n", "st3", "x").records, articles)


def test_paragraph_lines_number_lines_like_the_templates():
    text = "Title\r\n\r\nFirst.\r\nSecond.\n\n"
    assert [(n, text[s:e]) for n, s, e in paragraph_lines(text)] == [(1, "Title"), (3, "First."), (4, "Second.")]


def test_folder_of_per_article_files(tmp_path):
    records = parse_labels("1\tDoubt\t0\t4\n2\tSlogans\t3\t9\n1\tRepetition\t5\t8\n", "flc").records
    paths = write_label_folder(tmp_path / "labels", records, "flc")
    assert sorted(p.name for p in paths) == ["article1.task-flc-tc.labels", "article2.task-flc-tc.labels"]
    (tmp_path / "labels" / ".hidden").write_text("junk", encoding="utf-8")
    assert sorted(read_labels(tmp_path / "labels", "flc"), key=lambda r: r.start) == sorted(
        records, key=lambda r: r.start)
    # "spans" reads SI and FLC files alike
    (tmp_path / "labels" / "article3.task-si.labels").write_text("3\t1\t2\n", encoding="utf-8")
    kinds = {f.kind for f in read_label_files(tmp_path / "labels", "spans")}
    assert kinds == {"si", "flc"}


def test_empty_folder_and_missing_path(tmp_path):
    with pytest.raises(InputError, match="E106"):
        read_labels(tmp_path, "flc")
    with pytest.raises(InputError, match="no such file.*E101"):
        read_labels(tmp_path / "nope.labels", "flc")


MEMES_TASK2 = """[
    {
        "id": "1",
        "text": "ONLY ONE WAY\\n\\nTHEIRS OR OURS",
        "labels": [
            {
                "start": 0,
                "end": 12,
                "technique": "Slogans",
                "text_fragment": "ONLY ONE WAY"
            },
            {
                "end": 28,
                "technique": "Black-and-white Fallacy/Dictatorship",
                "start": 14,
                "text_fragment": "THEIRS OR OURS"
            }
        ]
    }
]"""


def test_meme_json_round_trip_keeps_key_order():
    memes = parse_memes(MEMES_TASK2)
    assert memes.task == 2 and memes.memes[0].labels[1].technique.startswith("Black")
    assert format_memes(memes) == MEMES_TASK2


@pytest.mark.parametrize("broken,code", [
    ("[{", "E210"),
    ('{"id": 1}', "E210"),
    (MEMES_TASK2.replace('"Slogans"', '"Slogan"'), "E206"),
    (MEMES_TASK2.replace('"end": 12', '"end": 99'), "E205"),
    (MEMES_TASK2.replace('"ONLY ONE WAY"\n', '"ONLY ONE WAX"\n'), "E205"),
])
def test_bad_meme_json(broken, code):
    with pytest.raises(FormatError) as info:
        parse_memes(broken, "memes.json")
    assert info.value.code == code and info.value.path == "memes.json"


def test_every_code_is_documented():
    import pathlib
    import re

    source = "".join(p.read_text() for p in pathlib.Path(__file__).parents[1].glob("src/slant/**/*.py"))
    used = set(re.findall(r'"(E\d{3})"', source))
    assert used <= set(CODES), used - set(CODES)
