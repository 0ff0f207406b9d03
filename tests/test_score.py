"""The official metrics: hand-computed cases, then agreement with an independent implementation."""

from __future__ import annotations

import random

import pytest

from slant.formats import ArticleLabel, ParagraphLabel, SpanLabel
from slant.score import merge_overlapping, score
from slant.taxonomy import FRAMES, GENRES, techniques

from . import independent_metrics as ind


def S(art: str, start: int, end: int, tech: str | None = "Doubt") -> SpanLabel:
    return SpanLabel(art, start, end, tech)


def prf(task, gold, pred, taxonomy=None):
    result = score(task, gold, pred, taxonomy)
    return round(result.precision, 6), round(result.recall, 6), round(result.f1, 6)


# -- SI and FLC, hand-computed -------------------------------------------------------------------------------
# Each case: gold, prediction, expected (P, R, F1) computed by hand from the definition.
SPAN_CASES = {
    "exact": ([S("a", 10, 20)], [S("a", 10, 20)], (1, 1, 1)),
    # |s&t| = 5: P = 5/10, R = 5/10
    "shifted": ([S("a", 10, 20)], [S("a", 15, 25)], (0.5, 0.5, 0.5)),
    # P = 4/4, R = 4/10, F1 = 2*.4/1.4
    "truncated": ([S("a", 10, 20)], [S("a", 10, 14)], (1, 0.4, 0.571429)),
    # two predictions inside one gold span: P = (1 + 1)/2, R = (.4 + .4)/1
    "split": ([S("a", 0, 10)], [S("a", 0, 4), S("a", 6, 10)], (1, 0.8, 0.888889)),
    # one prediction over two gold spans: P = (.4 + .4)/1, R = (1 + 1)/2
    "merged": ([S("a", 0, 4), S("a", 6, 10)], [S("a", 0, 10)], (0.8, 1, 0.888889)),
    "missing": ([S("a", 0, 10), S("a", 20, 30)], [S("a", 0, 10)], (1, 0.5, 0.666667)),
    "spurious": ([S("a", 0, 10)], [S("a", 0, 10), S("a", 50, 60)], (0.5, 1, 0.666667)),
    # overlapping predictions of one label merge into [0, 10) first
    "overlapping predictions": ([S("a", 0, 10)], [S("a", 0, 6), S("a", 4, 10)], (1, 1, 1)),
    # touching spans are not merged: P = (5/10 + 5/10)/1, R = (5/5 + 5/5)/2
    "touching gold": ([S("a", 0, 5), S("a", 5, 10)], [S("a", 0, 10)], (1, 1, 1)),
    # pairs only within one article
    "other article": ([S("a", 0, 10)], [S("b", 0, 10)], (0, 0, 0)),
    # an article with no gold spans: its prediction only adds to |S|
    "article without spans": ([S("a", 0, 10)], [S("a", 0, 10), S("b", 0, 5)], (0.5, 1, 0.666667)),
    "empty prediction": ([S("a", 0, 10)], [], (0, 0, 0)),
    "empty gold": ([], [S("a", 0, 10)], (0, 0, 0)),
    # the official scorer gives F1 = 1 when both sides are empty
    "both empty": ([], [], (0, 0, 1)),
}


@pytest.mark.parametrize("name", list(SPAN_CASES))
@pytest.mark.parametrize("task", ["si", "flc"])
def test_span_metric_hand_computed(name, task):
    gold, pred, expected = SPAN_CASES[name]
    assert prf(task, gold, pred) == pytest.approx(expected, abs=1e-6)


def test_flc_mislabelled_span_earns_nothing_but_si_ignores_labels():
    gold, pred = [S("a", 0, 10, "Doubt")], [S("a", 0, 10, "Loaded_Language")]
    assert prf("flc", gold, pred) == (0, 0, 0)
    assert prf("si", gold, pred) == (1, 1, 1)


def test_flc_overlapping_predictions_with_different_labels_are_kept_apart():
    gold = [S("a", 0, 10, "Doubt")]
    pred = [S("a", 0, 10, "Doubt"), S("a", 0, 10, "Loaded_Language")]
    # |S| = 2 (different labels never merge): P = 1/2, R = 1
    assert prf("flc", gold, pred) == pytest.approx((0.5, 1, 0.666667), abs=1e-6)


def test_flc_per_technique_breakdown():
    gold = [S("a", 0, 10, "Doubt"), S("a", 20, 30, "Slogans")]
    pred = [S("a", 0, 5, "Doubt"), S("a", 40, 50, "Slogans")]
    result = score("flc", gold, pred, "ptc2020")
    rows = {s.label: s for s in result.per_label}
    assert [s.label for s in result.per_label] == list(techniques("ptc2020"))
    assert (rows["Doubt"].precision, rows["Doubt"].recall) == (1.0, 0.5)
    assert rows["Slogans"].f1 == 0.0
    assert rows["Repetition"].f1 is None  # neither gold nor predicted: no score rather than a made-up one
    assert result.taxonomy == "ptc2020"


def test_merge_overlapping():
    assert merge_overlapping([(5, 9), (0, 6), (9, 12), (20, 22), (21, 30)]) == [(0, 9), (9, 12), (20, 30)]
    assert merge_overlapping([]) == []


# -- TC -------------------------------------------------------------------------------------------------
def test_tc_is_accuracy_with_one_prediction_per_span():
    gold = [S("a", 0, 5, "Doubt"), S("a", 6, 9, "Slogans"), S("b", 1, 4, "Repetition"), S("b", 5, 8, "Doubt")]
    pred = [S("a", 0, 5, "Doubt"), S("a", 6, 9, "Doubt"), S("b", 1, 4, "Repetition"), S("b", 5, 8, "Slogans")]
    assert prf("tc", gold, pred) == (0.5, 0.5, 0.5)


def test_tc_matches_several_gold_labels_one_to_one():
    gold = [S("a", 0, 5, "Doubt"), S("a", 0, 5, "Loaded_Language")]
    # two predictions for the twice-labelled span: one right, one wrong
    assert prf("tc", gold, [S("a", 0, 5, "Loaded_Language"), S("a", 0, 5, "Slogans")]) == (0.5, 0.5, 0.5)
    # the same label twice only matches once
    assert prf("tc", gold, [S("a", 0, 5, "Doubt"), S("a", 0, 5, "Doubt")]) == (0.5, 0.5, 0.5)
    assert prf("tc", gold, [S("a", 0, 5, "Doubt"), S("a", 0, 5, "Loaded_Language")]) == (1, 1, 1)


def test_tc_warns_about_spans_outside_the_template():
    result = score("tc", [S("a", 0, 5, "Doubt")], [S("a", 0, 6, "Doubt")])
    assert (result.precision, result.recall, result.f1) == (0, 0, 0)
    assert any("not gold spans" in w for w in result.warnings)
    assert any("no prediction" in w for w in result.warnings)


# -- SemEval-2023 subtasks ------------------------------------------------------------------------------------
def A(art, *labels):
    return ArticleLabel(art, tuple(labels))


def test_st1_macro_f1_hand_computed():
    gold = [A("a", "opinion"), A("b", "opinion"), A("c", "reporting"), A("d", "satire")]
    pred = [A("a", "opinion"), A("b", "reporting"), A("c", "reporting"), A("d", "opinion")]
    # opinion F1 .5, reporting F1 2/3, satire F1 0 -> macro 0.388889; accuracy .5
    result = score("st1", gold, pred)
    assert round(result.f1, 6) == 0.388889
    assert result.extra["micro_f1"] == 0.5


def test_st1_macro_averages_only_genres_that_occur():
    gold = [A("a", "opinion"), A("b", "reporting")]
    assert score("st1", gold, [A("a", "opinion"), A("b", "reporting")]).f1 == 1.0


def test_st2_micro_f1_hand_computed():
    gold = [A("a", "Economic", "Morality"), A("b", "Political")]
    pred = [A("a", "Economic"), A("b", "Political", "Morality")]
    assert prf("st2", gold, pred) == pytest.approx((2 / 3, 2 / 3, 2 / 3), abs=1e-6)


def test_st3_micro_f1_hand_computed_and_missing_paragraphs():
    gold = [ParagraphLabel("a", 1, ("Doubt",)), ParagraphLabel("a", 3, ()), ParagraphLabel("a", 5, ("Slogans",))]
    pred = [ParagraphLabel("a", 1, ("Doubt", "Repetition")), ParagraphLabel("a", 3, ())]
    # tp 1, fp 1 (Repetition), fn 1 (Slogans, paragraph 5 unanswered)
    result = score("st3", gold, pred)
    assert (result.precision, result.recall, result.f1) == (0.5, 0.5, 0.5)
    assert any("no prediction" in w for w in result.warnings)


def test_st3_all_empty_scores_one_like_the_official_scorer():
    gold = [ParagraphLabel("a", 1, ())]
    assert score("st3", gold, [ParagraphLabel("a", 1, ())]).f1 == 1.0


# -- agreement with the independent implementation on arbitrary predictions ----------------------------------
def _synthetic_gold(rng: random.Random, names: list[str]) -> list[SpanLabel]:
    gold = []
    for art in range(12):
        if art % 5 == 4:
            continue  # articles with no spans
        for _ in range(rng.randint(1, 9)):
            start = rng.randint(0, 400)
            gold.append(S(str(art), start, start + rng.randint(1, 60), rng.choice(names)))
    return gold


def perturb(gold: list[SpanLabel], rng: random.Random, names: list[str]) -> list[SpanLabel]:
    """Shift, truncate, split, merge, drop, add, relabel and duplicate spans at random."""
    pred: list[SpanLabel] = []
    for span in gold:
        move = rng.random()
        length = span.end - span.start
        if move < 0.15:
            continue  # missing
        if move < 0.3:
            shift = rng.randint(-length, length)
            pred.append(S(span.article_id, max(0, span.start + shift), max(1, span.end + shift), span.technique))
        elif move < 0.4 and length > 1:
            pred.append(S(span.article_id, span.start, span.start + rng.randint(1, length - 1), span.technique))
        elif move < 0.5 and length > 2:
            cut = rng.randint(span.start + 1, span.end - 1)
            pred += [S(span.article_id, span.start, cut, span.technique), S(span.article_id, cut, span.end,
                                                                            span.technique)]
        elif move < 0.6:
            pred.append(S(span.article_id, span.start, span.end + rng.randint(1, 80), span.technique))  # merges
        elif move < 0.7:
            pred.append(S(span.article_id, span.start, span.end, rng.choice(names)))  # relabelled
        elif move < 0.8:
            pred += [span, S(span.article_id, span.start + length // 2, span.end + 5, span.technique)]
        else:
            pred.append(span)
    for _ in range(rng.randint(0, 6)):  # spurious, in any article
        start = rng.randint(0, 500)
        pred.append(S(str(rng.randint(0, 14)), start, start + rng.randint(1, 40), rng.choice(names)))
    rng.shuffle(pred)
    return pred


def _tuples(spans):
    return [(s.article_id, s.technique, s.start, s.end) for s in spans]


@pytest.mark.parametrize("seed", range(40))
def test_span_metrics_agree_with_independent_implementation(seed):
    rng = random.Random(seed)
    names = list(techniques("ptc2020"))[: rng.randint(1, 14)]
    gold = _synthetic_gold(rng, names)
    pred = perturb(gold, rng, names)
    for task, labelled in (("si", False), ("flc", True)):
        ours = score(task, gold, pred)
        theirs = ind.span_prf(_tuples(gold), _tuples(pred), labelled)
        assert (round(ours.precision, 4), round(ours.recall, 4), round(ours.f1, 4)) == tuple(
            round(x, 4) for x in theirs), task


@pytest.mark.parametrize("seed", range(20))
def test_tc_agrees_with_independent_implementation(seed):
    rng = random.Random(seed)
    names = list(techniques("ptc2020"))
    gold = _synthetic_gold(rng, names)
    pred = [S(g.article_id, g.start, g.end, g.technique if rng.random() < 0.6 else rng.choice(names))
            for g in gold if rng.random() < 0.9]
    ours = score("tc", gold, pred)
    assert round(ours.f1, 4) == round(ind.tc_f1(_tuples(gold), _tuples(pred))[2], 4)


@pytest.mark.parametrize("seed", range(15))
def test_subtask_metrics_agree_with_scikit_learn(seed):
    pytest.importorskip("sklearn")
    rng = random.Random(seed)
    ids = [str(i) for i in range(rng.randint(1, 40))]
    gold1 = {i: rng.choice(GENRES) for i in ids}
    pred1 = {i: g if rng.random() < 0.5 else rng.choice(GENRES) for i, g in gold1.items()}
    ours = score("st1", [A(i, g) for i, g in gold1.items()], [A(i, p) for i, p in pred1.items()])
    assert round(ours.f1, 4) == round(ind.st1_macro_f1(gold1, pred1), 4)

    def labels(pool):
        return set(rng.sample(pool, rng.randint(0, 4)))

    gold2 = {i: labels(list(FRAMES)) for i in ids}
    pred2 = {i: labels(list(FRAMES)) | (set(list(g)[:1]) if rng.random() < 0.7 else set()) for i, g in gold2.items()}
    ours = score("st2", [A(i, *g) for i, g in gold2.items()], [A(i, *p) for i, p in pred2.items()])
    assert round(ours.f1, 4) == round(ind.multilabel_micro_f1(gold2, pred2, FRAMES), 4)

    tech = list(techniques("semeval2023"))
    keys = [(i, line) for i in ids for line in (1, 3, 4)]
    gold3 = {k: labels(tech) for k in keys}
    pred3 = {k: (g if rng.random() < 0.4 else labels(tech)) for k, g in gold3.items()}
    ours = score("st3", [ParagraphLabel(a, n, tuple(g)) for (a, n), g in gold3.items()],
                 [ParagraphLabel(a, n, tuple(p)) for (a, n), p in pred3.items()])
    assert round(ours.f1, 4) == round(ind.multilabel_micro_f1(
        {f"{a}/{n}": g for (a, n), g in gold3.items()}, {f"{a}/{n}": p for (a, n), p in pred3.items()}, tech), 4)


def test_span_metrics_agree_on_perturbed_ptc_gold(corpora):
    from slant.formats import read_labels

    gold = read_labels(corpora / "ptc" / "train-task-flc-tc.labels", "flc")
    rng = random.Random(7)
    pred = perturb(gold, rng, list(techniques("ptc2020")))
    for task, labelled in (("si", False), ("flc", True)):
        ours = score(task, gold, pred)
        theirs = ind.span_prf(_tuples(gold), _tuples(pred), labelled)
        assert round(ours.f1, 4) == round(theirs[2], 4)
        assert 0.2 < ours.f1 < 0.95  # the perturbation really changed the score
