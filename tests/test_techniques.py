"""Technique detection: encoding, decoding, the shipped model, `slant predict`, and the quality gate."""

from __future__ import annotations

import json

import numpy as np
import pytest

from slant.document import Document
from slant.formats.files import read_labels
from slant.techniques import detect, load_model, looks_english
from slant.techniques import predict as P
from slant.techniques.decode import Decoding, runs, spans, widen
from slant.techniques.detect import blank_outside
from slant.techniques.encode import REPEAT_BUCKETS, encode, make_windows, token_features
from slant.techniques.model import model_folder

from .conftest import ROOT

EXAMPLE = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def model():
    return load_model("fast")


# -- encoding --------------------------------------------------------------------------------------------------

def test_windows_cover_every_token_once_and_break_at_lines(model):
    text = "\n".join(f"Line {i} says something rather long about the valley and its towns." for i in range(80))
    enc = encode(model.tokenizer, text, size=60, overlap=16)
    covered = np.zeros(len(enc), dtype=int)
    for s, e in enc.windows:
        assert 0 < e - s <= 60
        covered[s:e] += 1
        # every window starts at a line start: its first piece follows a newline (or is the first)
        assert s == 0 or "\n" in text[enc.offsets[s - 1][1] : enc.offsets[s][0]]
    assert (covered == 1).all()


def test_an_over_long_line_is_cut_with_overlap(model):
    text = " ".join(["word"] * 500)
    enc = encode(model.tokenizer, text, size=100, overlap=20)
    assert len(enc.windows) > 5
    for (_s1, e1), (s2, _) in zip(enc.windows, enc.windows[1:], strict=False):
        assert e1 - s2 == 20
    assert enc.windows[-1][1] == len(enc)


def test_offsets_point_into_the_original_text(model):
    text = "\ufeffHUGE win\r\nfor Idlib’s “rebels”!"
    enc = encode(model.tokenizer, text)
    pieces = [text[s:e] for s, e in enc.offsets]
    assert pieces[0] == "HUGE" and "rebels" in pieces and "!" in pieces


def test_case_and_repetition_features():
    text = "The HUGE plan. The plan, the Plan: plan again, plan. Lonely word."
    offsets = np.array([[m.start(), m.end()] for m in __import__("re").finditer(r"\w+|[^\w\s]", text)])
    feats = token_features(text, offsets)
    by_word = {text[s:e]: int(f) for (s, e), f in zip(offsets, feats, strict=True)}
    assert by_word["HUGE"] // REPEAT_BUCKETS == 3  # all caps
    assert by_word["Plan"] // REPEAT_BUCKETS == 2  # capitalised
    assert by_word["plan"] % REPEAT_BUCKETS == 3  # "plan" five times or more -> top bucket
    assert by_word["Lonely"] % REPEAT_BUCKETS == 0
    assert by_word["The"] % REPEAT_BUCKETS == 0  # function words never count as repeated


def test_empty_text_has_no_windows(model):
    enc = encode(model.tokenizer, "")
    assert len(enc) == 0 and enc.windows == ()
    assert make_windows("", np.zeros((0, 2), dtype=np.int64), 10, 2) == ()


# -- decoding --------------------------------------------------------------------------------------------------

def test_runs_fill_short_gaps_on_one_line_only():
    probs = np.array([0.9, 0.9, 0.3, 0.9, 0.1, 0.9, 0.9])
    lines = np.array([0, 0, 0, 0, 0, 1, 1])
    assert runs(probs, lines, Decoding(0.5, gap=1, fill=0.5)) == [(0, 4), (5, 7)]
    assert runs(probs, lines, Decoding(0.5, gap=0)) == [(0, 2), (3, 4), (5, 7)]
    # the gap's own probability must stay above threshold * fill
    assert runs(probs, lines, Decoding(0.5, gap=1, fill=0.9)) == [(0, 2), (3, 4), (5, 7)]


def test_spans_widen_to_whole_words():
    text = "the terrorists attacked"
    offsets = np.array([[0, 3], [4, 9], [9, 14], [15, 23]])
    probs = np.array([0.0, 0.8, 0.2, 0.0])
    (a, b, score, s, e), = spans(text, offsets, probs, np.zeros(4, dtype=int), Decoding(0.5, gap=0))
    assert text[a:b] == "terrorists" and (s, e) == (1, 2) and score == pytest.approx(0.8)
    assert widen("ab cd", 4, 5) == (3, 5)


# -- views and language ----------------------------------------------------------------------------------------

def test_blank_outside_keeps_length_and_newlines():
    text = "Title\nAd: buy now\nBody text here.\n"
    view = blank_outside(text, [(0, 5), (18, 33)])
    assert len(view) == len(text) and view.count("\n") == text.count("\n")
    assert view[:5] == "Title" and view[18:33] == "Body text here." and view[6:17].strip() == ""


def test_language_check():
    assert looks_english(EXAMPLE)
    assert looks_english("Short.")  # too short to judge: analysed
    assert not looks_english("Les habitants de la vallée se préparent à une nouvelle saison difficile, "
                             "selon les autorités locales qui demandent plus de moyens pour les écoles.")
    assert not looks_english("Die Bewohner des Tals bereiten sich auf eine schwierige Saison vor, sagen "
                             "die Behörden, die mehr Geld für Schulen und Straßen verlangen.")


# -- the shipped model on documents ----------------------------------------------------------------------------

def test_shipped_model_files_and_card():
    folder = model_folder("fast")
    info = json.loads((folder / "model.json").read_text())
    assert (folder / "CARD.md").exists() and (folder / "tokenizer.json").exists()
    assert (folder / "model.onnx").stat().st_size < 60e6
    for task in ("si", "flc", "tc", "st3", "st3-spans"):
        assert task in info["scores"]["heldout_onnx_int8"]


def test_detect_gives_valid_explained_spans_in_both_taxonomies(model):
    doc = detect(Document(text=EXAMPLE, id="x"), model)
    assert doc.spans, "the example article is written to contain loaded language"
    assert {s.taxonomy for s in doc.spans} == {"ptc2020", "semeval2023"}
    for s in doc.spans:
        assert 0 <= s.start < s.end <= len(EXAMPLE)
        assert s.label in P.LABELS[s.taxonomy]
        assert 0.0 <= s.score <= 1.0
        assert s.explanation and s.explanation.split(":")[0]
        assert EXAMPLE[s.start].strip() and EXAMPLE[s.end - 1].strip()  # no edge whitespace
    assert doc.meta["technique_model"] == model.name


def test_article_and_comments_are_analysed_apart_and_boilerplate_never(model):
    from slant.read import read_file

    doc = detect(read_file(ROOT / "examples" / "page.txt"), model)
    boiler = [(s.start, s.end) for s in doc.segments if s.kind == "boilerplate"]
    comments = [(c.start, c.end) for c in doc.comments]
    for s in doc.spans:
        assert not any(a <= s.start < b for a, b in boiler)
        in_comment = any(a <= s.start < b for a, b in comments)
        assert s.source.endswith(":comments") == in_comment


def test_other_languages_get_a_warning_not_spans(model):
    text = ("Die Regierung hat heute beschlossen, die Steuern zu senken, und die Opposition nennt das einen "
            "Skandal, der die Bürger teuer zu stehen kommt. Die Debatte wird morgen im Parlament fortgesetzt.")
    doc = detect(Document(text=text), model)
    assert doc.spans == () and any("E502" in w for w in doc.warnings)


def test_empty_document(model):
    doc = detect(Document(text=""), model)
    assert doc.spans == ()


def test_long_text_offsets_stay_exact(model):
    sentence = "The corrupt regime's thugs are MURDERING innocent people, a total disaster. "
    text = sentence * 400  # one line of ~6,000 word pieces: many overlapping windows
    doc = detect(Document(text=text), model)
    assert doc.spans
    for s in doc.spans:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        assert s.end <= len(text)


# -- slant predict ---------------------------------------------------------------------------------------------

def _articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article1.txt").write_text(EXAMPLE, encoding="utf-8")
    (folder / "article2.txt").write_text("A quiet title\n\nThe council met on Tuesday.\n", encoding="utf-8")
    return folder


def test_predict_si_flc_st3_and_the_batch_goes_on(run, tmp_path):
    folder = _articles(tmp_path)
    (folder / "article3.txt").write_bytes(b"caf\xe9 au lait\x00\x00\x00\x00")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / "article4.txt").write_text("", encoding="utf-8")
    for task, kind in (("si", "si"), ("flc", "flc"), ("st3-spans", "flc")):
        out = tmp_path / f"{task}.labels"
        res = run("predict", folder, "--task", task, "-o", out)
        assert res.code == 1, res.err
        assert "article3.txt" in res.err and "E102" in res.err and "notes.md" in res.err
        records = read_labels(out, kind)
        assert records and {r.article_id for r in records} <= {"1", "2"}
    out = tmp_path / "st3.txt"
    res = run("predict", folder, "--task", "st3", "-o", out)
    records = read_labels(out, "st3")
    lines = [(r.article_id, r.line) for r in records]
    assert ("1", 1) in lines and ("2", 1) in lines and ("2", 3) in lines and ("2", 2) not in lines


def test_predict_tc_labels_exactly_the_template(run, tmp_path):
    folder = _articles(tmp_path)
    template = tmp_path / "template.labels"
    template.write_text("1\t?\t0\t10\n1\t?\t20\t40\n1\t?\t20\t40\n2\t?\t2\t7\n", encoding="utf-8")
    out = tmp_path / "tc.labels"
    res = run("predict", folder, "--task", "tc", "--template", template, "-o", out)
    assert res.code == 0, res.err
    records = read_labels(out, "flc")
    assert [(r.article_id, r.start, r.end) for r in records] == [("1", 0, 10), ("1", 20, 40), ("1", 20, 40),
                                                                   ("2", 2, 7)]
    assert records[1].technique != records[2].technique  # a span listed twice gets two different techniques
    res = run("predict", folder, "--task", "tc")
    assert res.code == 2 and "--template" in res.err


def test_predict_refuses_a_huge_article_by_name(run, tmp_path):
    folder = _articles(tmp_path)
    (folder / "article9.txt").write_text("word " * 2_100_000, encoding="utf-8")  # 10.5 MB
    res = run("predict", folder, "--task", "si")
    assert res.code == 1 and "article9.txt" in res.err and "E104" in res.err


def test_unknown_model_is_a_clear_error(run, tmp_path):
    res = run("predict", _articles(tmp_path), "--task", "si", "--model", "nope")
    assert res.code == 2 and "E501" in res.err and "nope" in res.err


# -- quality gate ----------------------------------------------------------------------------------------------

def test_quality_gate_shipped_model_scores_at_least_its_card(corpora, model):
    """Re-score the shipped model on its fixed held-out slice; any drop below model.json fails."""
    pytest.importorskip("numpy")
    from slant.training.tune import score_model

    gate = model.info["gate"]
    scores, _ = score_model(model, corpora, gate["ids"])
    for task, recorded in gate["f1"].items():
        assert scores[task].f1 >= recorded - 0.005, f"{task}: {scores[task].f1:.4f} < card {recorded:.4f}"


def test_st3_paragraphs_can_borrow_the_ptc_counterpart():
    text = "First paragraph here.\nSecond one."
    offsets = np.array([[0, 5], [6, 15], [16, 20], [22, 28], [29, 32]])
    probs = np.zeros((5, P.N_OUTPUTS), dtype=np.float32)
    ptc_loaded = P.columns("ptc2020").start + P.LABELS["ptc2020"].index("Loaded_Language")
    probs[1, ptc_loaded] = 0.9
    tok = P.Tokens(text, offsets, probs, np.zeros((5, 4), dtype=np.float32))
    plain = P.Settings(paragraph=0.5)
    assert P.paragraphs(tok, plain) == {1: [], 2: []}
    borrowed = P.paragraphs(tok, P.Settings(paragraph=0.5, borrow=True))
    assert [lab for lab, _ in borrowed[1]] == ["Loaded_Language"] and borrowed[2] == []
    assert P.Settings.from_dict(P.Settings(borrow=True, per_label={"Doubt": 0.2}).to_dict()) == \
        P.Settings(borrow=True, per_label={"Doubt": 0.2})


def test_train_without_the_training_extra_says_what_to_install(run, tmp_path):
    import importlib.util

    if importlib.util.find_spec("torch") is not None:
        pytest.skip("torch is installed here: slant train would really train")
    res = run("train", "--out", tmp_path / "model")
    assert res.code == 2 and "pip install '.[train]'" in res.err


def test_an_articles_spans_do_not_depend_on_its_batch_neighbours():
    # int8 dynamic quantisation scales activations per batch: windows of different texts must not share one
    from slant.pipeline import detect_documents
    from slant.read import read_file

    docs = [read_file(ROOT / "examples" / name) for name in ("article.txt", "page.txt", "page.html")]
    together = detect_documents(docs)
    alone = [detect_documents([d])[0] for d in docs]
    assert [d.spans for d in together] == [d.spans for d in alone]
