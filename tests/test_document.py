"""The Document: offsets into untouched text, validation, one JSON shape."""

from __future__ import annotations

import pytest

from slant import Comment, Document, Quote, Segment, Span, analyze_text
from slant.textio import read_text

TEXT = "\ufeffHeadline\r\n\r\nThey are \"traitors\", he said.\r\n"


def test_json_round_trip_and_offsets():
    doc = analyze_text(TEXT, id="x")
    doc = doc.replace(
        spans=(Span(22, 32, "Name_Calling,Labeling", "ptc2020", 0.8, "Labels opponents."),),
        comments=(Comment(0, 9, author=None),),
        quotes=(Quote(21, 33, speaker="he"),),
        labels={"genre": "opinion"},
    )
    assert doc.text == TEXT  # never rewritten: BOM and \r kept
    assert doc.span_text(doc.title) == "Headline"
    assert doc.span_text(doc.spans[0]) == '"traitors"'
    assert Document.from_json(doc.to_json()) == doc
    data = doc.to_dict()
    assert set(data) >= {"id", "source", "text", "title", "segments", "comments", "spans", "quotes", "labels"}
    assert data["title"] == {"start": 1, "end": 9}


def test_empty_text_gives_an_empty_document():
    doc = analyze_text("")
    assert (doc.title, doc.segments, doc.spans) == (None, (), ())
    assert analyze_text(" \n\r\n ").title is None


@pytest.mark.parametrize("make", [
    lambda: Document(text="abc", spans=(Span(1, 5, "Doubt", "ptc2020"),)),
    lambda: Span(3, 3, "Doubt", "ptc2020"),
    lambda: Span(0, 2, "Doubt", "other"),
    lambda: Span(0, 2, "Doubt", "ptc2020", score=1.5),
    lambda: Segment("ad", 0, 1),
    lambda: Segment("body", 4, 2),
])
def test_invalid_values_are_refused(make):
    with pytest.raises(ValueError):
        make()


def test_documents_are_immutable():
    doc = analyze_text("T\n\nB\n")
    with pytest.raises(AttributeError):
        doc.text = "changed"  # type: ignore[misc]
    before = dict(doc.labels)
    changed = doc.replace(labels={"genre": "reporting"})
    assert doc.labels == before and changed.labels == {"genre": "reporting"}


def test_from_dict_refuses_other_shapes():
    with pytest.raises(ValueError):
        Document.from_dict({"schema": "other/9", "text": ""})
    with pytest.raises(ValueError):
        Document.from_dict({"id": "no text"})


def test_analysis_is_deterministic_and_in_bounds(corpora):
    path = next((corpora / "ptc" / "train-articles").glob("article*.txt"))
    text = read_text(path)
    a, b = analyze_text(text), analyze_text(text)
    assert a == b and a.text == text
    assert all(0 <= s.start < s.end <= len(text) for s in a.segments)
