"""Every training file under ../shared/corpora round-trips unchanged, and every span lands where the raw file says.

Skipped with a reason when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slant.evaluate import score_paths, validate_path
from slant.formats import format_labels, format_memes, parse_labels, parse_memes, read_article, read_articles
from slant.read import read_plain
from slant.textio import read_text

LANGS = ("en", "fr", "ge", "it", "po", "ru")


def label_files(corpora: Path) -> list[tuple[Path, str]]:
    ptc = corpora / "ptc"
    files = [(ptc / "train-task-si.labels", "si"), (ptc / "train-task-flc-tc.labels", "flc")]
    files += [(p, "si") for p in sorted((ptc / "train-labels-si").iterdir())]
    files += [(p, "flc") for p in sorted((ptc / "train-labels-flc").iterdir())]
    for lang in LANGS:
        base = corpora / "semeval2023" / lang
        files += [(base / "train-labels-subtask-1.txt", "st1"), (base / "train-labels-subtask-2.txt", "st2"),
                  (base / "train-labels-subtask-3.txt", "st3"),
                  (base / "train-labels-subtask-3.template", "st3-template")]
        for p in sorted((base / "train-labels-subtask-3").iterdir()):
            files.append((p, "st3-template" if p.name.endswith(".template") else "st3"))
        files += [(p, "flc") for p in sorted((base / "train-labels-subtask-3-spans").iterdir())]
    return files


def article_folders(corpora: Path) -> list[Path]:
    folders = [corpora / "ptc" / "train-articles"]
    for lang in LANGS:
        folders += [corpora / "semeval2023" / lang / f"train-articles-subtask-{k}" for k in (1, 2, 3)]
    return folders


def test_every_label_file_round_trips_unchanged(corpora):
    files = label_files(corpora)
    assert len(files) > 4000
    changed = [str(p) for p, kind in files
               if format_labels(parse_labels(read_text(p), kind, p)).encode("utf-8") != p.read_bytes()]
    assert changed == []


def test_every_article_round_trips_unchanged(corpora, tmp_path):
    from slant.formats import write_article

    count = 0
    for folder in article_folders(corpora):
        for path in sorted(folder.glob("article*.txt")):
            aid, text = read_article(path)
            out = write_article(tmp_path, aid, text)
            assert out.read_bytes() == path.read_bytes(), path
            count += 1
    assert count > 3000


def test_meme_files_round_trip_unchanged(corpora):
    for path in sorted((corpora / "semeval2021_task6" / "data").glob("*.txt")):
        memes = parse_memes(read_text(path), path)  # checks each text_fragment equals text[start:end]
        assert format_memes(memes).encode("utf-8") == path.read_bytes()


def _raw_spans(path: Path) -> list[tuple[str, int, int]]:
    """The spans of a label file read the simplest possible way, as a check on the parser."""
    rows = [line.split("\t") for line in path.read_bytes().decode("utf-8").splitlines() if line]
    return [(r[0], int(r[-2]), int(r[-1])) for r in rows]


@pytest.mark.parametrize("source", ["ptc", *LANGS])
def test_spans_land_on_the_characters_of_the_raw_file(corpora, source):
    if source == "ptc":
        articles, labels = corpora / "ptc" / "train-articles", corpora / "ptc" / "train-task-flc-tc.labels"
        span_files = [labels]
    else:
        base = corpora / "semeval2023" / source
        articles = base / "train-articles-subtask-3"
        span_files = sorted((base / "train-labels-subtask-3-spans").iterdir())
    texts = read_articles(articles)
    checked = 0
    for span_file in span_files:
        parsed = parse_labels(read_text(span_file), "flc", span_file).records
        raw = _raw_spans(span_file)
        assert [(r.article_id, r.start, r.end) for r in parsed] == raw
        for record in parsed:
            raw_bytes = (articles / f"article{record.article_id}.txt").read_bytes()
            raw_text = raw_bytes.decode("utf-8")  # no newline translation, BOM kept
            assert texts[record.article_id][record.start:record.end] == raw_text[record.start:record.end]
            checked += 1
    assert checked > 100


def test_corpus_label_files_validate_against_their_articles(corpora):
    ptc = corpora / "ptc"
    assert validate_path("flc", ptc / "train-labels-flc", articles=ptc / "train-articles").records == 6128
    assert validate_path("si", ptc / "train-task-si.labels", articles=ptc / "train-articles").records == 5468
    for lang in LANGS:
        base = corpora / "semeval2023" / lang
        validate_path("flc", base / "train-labels-subtask-3-spans", articles=base / "train-articles-subtask-3")


def test_known_defect_in_official_gold_is_reported(corpora):
    """The English subtask 3 gold holds one misspelt technique: validate refuses it, score warns and goes on."""
    from slant.errors import FormatError

    gold = corpora / "semeval2023" / "en" / "train-labels-subtask-3.txt"
    with pytest.raises(FormatError, match="Appeal_to_Fear-Prejudi"):
        validate_path("st3", gold)
    result = score_paths("st3", gold, corpora / "semeval2023" / "en" / "train-labels-subtask-3")
    assert result.f1 > 0.999 and "outside the inventory" in result.warnings[0]


def test_gold_against_itself_scores_one(corpora):
    ptc = corpora / "ptc"
    assert score_paths("flc", ptc / "train-labels-flc", ptc / "train-task-flc-tc.labels").f1 == 1.0
    assert score_paths("si", ptc / "train-task-si.labels", ptc / "train-labels-flc").f1 == 1.0
    base = corpora / "semeval2023" / "it"
    for task, name in (("st1", "train-labels-subtask-1.txt"), ("st2", "train-labels-subtask-2.txt"),
                       ("st3", "train-labels-subtask-3.txt")):
        assert score_paths(task, base / name, base / name).f1 == 1.0


def test_plain_reader_paragraphs_match_the_official_templates(corpora):
    """Every template paragraph with visible text is a paragraph of the plain reader, and vice versa.

    Known quirk of the official data: the en template counts a line holding only U+FEFF as a paragraph (the
    reader does not). Templates outside English leave the title out, even when it is not on line 1.
    """
    extra = []
    for lang in LANGS:
        base = corpora / "semeval2023" / lang
        texts = read_articles(base / "train-articles-subtask-3")
        template = parse_labels(read_text(base / "train-labels-subtask-3.template"), "st3-template").records
        visible: dict[str, set[int]] = {}
        for row in template:
            if row.text.strip().strip("\ufeff"):
                visible.setdefault(row.article_id, set()).add(row.line)
        for aid, lines in visible.items():
            doc = read_plain(texts[aid], id=aid)
            title_line, *body = [texts[aid].count("\n", 0, s.start) + 1 for s in doc.segments]
            assert lines - {title_line} <= set(body), aid
            extra += [(lang, aid, n) for n in set(body) - lines]
    assert extra == []
