"""Tests for course.exercises: the checks, the widget, the registry and the answer key.

The tests parametrized over ``ALL`` run on every registered exercise, including the ones
chapter writers add later in ``course/exercises/bank/chNN.py``: each exercise's own
answer must pass its own check, a wrong answer must get a hint, the solution must show the
answer, and the widget must agree with ``check``.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course.exercises as ex
from course.exercises import (
    Exercise,
    ExerciseDefinitionError,
    Feedback,
    UnknownExerciseError,
    answer_key_markdown,
    ask,
    check,
    exercises,
    solution,
)
from course.exercises import registry as reg
from course.exercises import text as T
from course.exercises.core import HINT_KEY_TOLERANCE, format_number
from course.factors import Factor

ROOT = Path(__file__).resolve().parents[1]
ALL = ex.all_exercises()
ALL_IDS = [e.id for e in ALL]


# ----------------------------------------------------------------------------- helpers
def right_answers(e: Exercise) -> list:
    """Several ways a learner could give the right answer."""
    value = e.resolved_answer()
    if e.kind == "choice":
        return [e.options[value], e.letters[value], e.options[value].upper(), [e.letters[value]]]
    if e.kind == "multi":
        texts = [e.options[i] for i in sorted(value)]
        letters = [e.letters[i] for i in sorted(value)]
        return [texts, letters, ", ".join(letters), list(reversed(texts))]
    if e.kind == "order":
        items = [e.options[i] for i in value]
        return [items, " -> ".join(items), " → ".join(items), tuple(items)]
    inside = e.tolerance * (abs(value) if e.tolerance_kind == "relative" else 1) * 0.9
    return [value, value + inside, value - inside, str(value)]


def wrong_answers(e: Exercise) -> list:
    """Answers in a valid format that are wrong."""
    value = e.resolved_answer()
    n = len(e.options)
    if e.kind == "choice":
        return [e.options[i] for i in range(n) if i != value]
    if e.kind == "multi":
        every = set(range(n))
        wrong = []
        for size in range(1, n + 1):
            for combo in itertools.combinations(range(n), size):
                if set(combo) != set(value):
                    wrong.append([e.options[i] for i in combo])
        return wrong[:20] + ([[e.options[i] for i in every]] if set(value) != every else [])
    if e.kind == "order":
        perms = [p for p in itertools.permutations(range(n)) if p != value]
        return [[e.options[i] for i in p] for p in perms[:24]]
    span = e.tolerance * (abs(value) if e.tolerance_kind == "relative" else 1)
    step = max(3 * span, abs(value) * 0.5, 1.0)
    return [value + step, value - step, value * 10 + 7]


def make(**overrides) -> Exercise:
    """A valid choice exercise, with fields replaced by ``overrides``."""
    fields = dict(
        id="ch98-test",
        chapter=98,
        kind="choice",
        question="Which ordering starts with trust?",
        options=["Search", "Interest", "Social"],
        answer="Social",
        hints={"Search": "Search starts with a need.", "default": "Who follows whom?"},
        solution="The answer is {answer}.",
    )
    fields.update(overrides)
    return Exercise(**fields)


def make_number(**overrides) -> Exercise:
    fields = dict(
        id="ch98-number",
        chapter=98,
        kind="number",
        question="How many?",
        answer=200.0,
        tolerance=5,
        unit="orders",
        hints={
            20.0: "Off by a factor of ten.",
            "low": "Too few.",
            "high": "Too many.",
            "default": "Count again.",
        },
        solution="It is {answer}. {tolerance}",
    )
    fields.update(overrides)
    return Exercise(**fields)


# ----------------------------------------------------------------------------- registry
def test_registry_finds_the_welcome_exercises():
    assert {"ch00-run-a-cell", "ch00-order-search", "ch00-conversion-rate"} <= set(ALL_IDS)


def test_ids_are_unique_and_prefixed_with_their_chapter():
    assert len(ALL_IDS) == len(set(ALL_IDS))
    for e in ALL:
        assert e.id.startswith(f"ch{e.chapter:02d}-"), e.id


def test_bank_modules_are_named_after_their_chapter():
    bank = ROOT / "course" / "exercises" / "bank"
    for path in bank.glob("*.py"):
        if path.name.startswith("_"):
            continue
        assert reg._MODULE_NAME.match(path.stem), path.name
        chapter = int(path.stem[2:])
        assert all(e.chapter == chapter for e in ex.all_exercises(chapter))


def test_all_exercises_filters_by_chapter_and_validates():
    assert [e.id for e in ex.all_exercises(0)] == [e.id for e in ALL if e.chapter == 0]
    assert ex.all_exercises(97) == []
    with pytest.raises(ValueError, match="chapter"):
        ex.all_exercises(100)
    with pytest.raises(TypeError, match="chapter"):
        ex.all_exercises("1")


def test_unknown_id_names_the_id_and_suggests_close_ones():
    with pytest.raises(UnknownExerciseError, match=r"'ch00-run-cell'.*'ch00-run-a-cell'"):
        check("ch00-run-cell", "b")
    with pytest.raises(UnknownExerciseError, match="python -m course.exercises list"):
        ex.get("zzzz")
    with pytest.raises(TypeError, match="exercise_id"):
        check(12, "b")


def test_get_ignores_case_and_spaces():
    assert ex.get(" CH00-Run-A-Cell ").id == "ch00-run-a-cell"


@pytest.fixture
def scratch_bank(tmp_path, monkeypatch):
    """An extra folder on the bank's path, for chapter files written by a test."""
    import course.exercises.bank as bank

    monkeypatch.setattr(bank, "__path__", [*bank.__path__, str(tmp_path)])
    reg._registry.cache_clear()
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("course.exercises.bank.ch9")]:
        del sys.modules[name]
    reg._registry.cache_clear()


GOOD_MODULE = """
from course.exercises.core import Exercise
EXERCISES = [Exercise(id="ch{n}-added", chapter={chapter}, kind="choice", question="Q?",
    options=["x", "y"], answer="y", hints={{"default": "Think."}}, solution="{{answer}}")]
"""


def test_a_new_chapter_file_is_found_without_other_changes(scratch_bank):
    (scratch_bank / "ch95.py").write_text(GOOD_MODULE.format(n=95, chapter=95))
    assert "ch95-added" in ex.ids()
    assert check("ch95-added", "b").correct


def test_a_chapter_file_with_the_wrong_chapter_is_refused(scratch_bank):
    (scratch_bank / "ch96.py").write_text(GOOD_MODULE.format(n=94, chapter=94))
    with pytest.raises(ExerciseDefinitionError, match=r"ch96\.py.*chapter 94.*chapter 96"):
        ex.ids()


def test_a_duplicate_id_is_refused(scratch_bank):
    module = GOOD_MODULE.format(n=97, chapter=97) + "EXERCISES = EXERCISES * 2\n"
    (scratch_bank / "ch97.py").write_text(module)
    with pytest.raises(ExerciseDefinitionError, match="'ch97-added' is used twice"):
        ex.ids()


def test_a_broken_chapter_file_is_reported_with_its_name(scratch_bank):
    (scratch_bank / "ch92.py").write_text("EXERCISES = [1/0]\n")
    with pytest.raises(ExerciseDefinitionError, match=r"ch92\.py could not be imported.*Zero"):
        ex.ids()


def test_a_badly_named_bank_module_is_refused(scratch_bank):
    (scratch_bank / "chapter9.py").write_text("EXERCISES = []\n")
    with pytest.raises(ExerciseDefinitionError, match="chNN.py"):
        ex.ids()


def test_a_module_without_exercises_list_is_refused(scratch_bank):
    (scratch_bank / "ch91.py").write_text("X = 1\n")
    with pytest.raises(ExerciseDefinitionError, match="must define EXERCISES"):
        ex.ids()


# ----------------------------------------------------------------------------- every exercise
@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_exercise_accepts_its_own_answer(exercise_id):
    e = ex.get(exercise_id)
    for answer in right_answers(e):
        feedback = check(exercise_id, answer)
        assert feedback.correct, (answer, feedback.message)
        assert feedback.message.startswith(T.CORRECT)


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_exercise_refuses_wrong_answers_with_a_hint(exercise_id):
    e = ex.get(exercise_id)
    hints = set(e._hints.values())
    answer_text = e.answer_text()
    for answer in wrong_answers(e):
        feedback = check(exercise_id, answer)
        assert not feedback.correct and feedback.status == "wrong", answer
        assert feedback.detail in hints
        assert feedback.message.startswith(T.NOT_YET)
        assert answer_text not in feedback.detail, "a hint must not give the answer away"


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_solution_shows_the_checked_answer(exercise_id):
    e = ex.get(exercise_id)
    text = str(solution(exercise_id))
    assert "{answer}" not in text and "{tolerance}" not in text
    if "{answer}" in e.solution:
        assert e.answer_text() in text
    assert solution(exercise_id)._repr_markdown_().startswith(f"**{T.SOLUTION_HEADING}**")


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_computed_answers_are_deterministic(exercise_id):
    e = ex.get(exercise_id)
    first = e.resolved_answer()
    e.clear_cache()
    assert e.resolved_answer() == first


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_widget_agrees_with_check(exercise_id):
    e = ex.get(exercise_id)
    w = ask(exercise_id)
    assert not w.solution_visible and w.solution_box.value == ""
    w.check_button.click()  # nothing chosen yet: a format message, not a wrong answer
    assert w.last_feedback.status == "format" and not w.last_feedback.correct
    w.set_answer(wrong_answers(e)[0])
    w.check_button.click()
    assert not w.last_feedback.correct
    assert "course-feedback-wrong" in w.feedback.value
    w.set_answer(right_answers(e)[0])
    w.check_button.click()
    assert w.last_feedback.correct, w.last_feedback.message
    assert "course-feedback-correct" in w.feedback.value
    w.solution_button.click()
    assert w.solution_visible and w.solution_button.description == T.HIDE_SOLUTION
    assert T.SOLUTION_HEADING in w.solution_box.value
    w.solution_button.click()
    assert not w.solution_visible and w.solution_button.description == T.SHOW_SOLUTION


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    exercise_id=st.sampled_from(ALL_IDS),
    answer=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.lists(st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=4),
        st.sets(st.text(max_size=5), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    ),
)
def test_check_never_raises_for_a_learners_answer(exercise_id, answer):
    feedback = check(exercise_id, answer)
    assert isinstance(feedback, Feedback)
    assert feedback.status in ("correct", "wrong", "format")
    assert feedback.message


# ----------------------------------------------------------------------------- choice
def test_choice_accepts_letters_texts_and_enums():
    e = make()
    for answer in ["c", "C", "(c)", "c)", "social", "  Social. ", ["c"]]:
        assert e.check(answer).correct, answer
    order = make(
        options=["need", "touchpoint", "trust"], answer=Factor.TRUST, hints={"default": "x"}
    )
    assert order.check(Factor.TRUST).correct
    assert not order.check(Factor.NEED).correct


def test_choice_gives_the_specific_hint_then_the_default():
    e = make()
    assert e.check("a").detail == "Search starts with a need."
    assert e.check("b").detail == "Who follows whom?"


def test_choice_format_messages_are_friendly():
    e = make()
    assert e.check(None).detail == T.CHOOSE_FIRST
    fb = e.check("z")
    assert fb.status == "format" and "a, b, c" in fb.detail and "'z'" in fb.detail
    assert e.check(2).status == "format"
    assert "one right answer" in e.check(["a", "c"]).detail


# ----------------------------------------------------------------------------- multi
def make_multi(**overrides) -> Exercise:
    fields = dict(
        kind="multi",
        id="ch98-multi",
        question="Which are factors?",
        options=["Need", "Price", "Trust", "Touchpoint"],
        answer=["Need", "Trust", "Touchpoint"],
        hints={
            "Price": "Price matters, but is it one of the three?",
            "Need": "Where does a purchase begin?",
            "default": "Three things.",
        },
    )
    fields.update(overrides)
    return make(**fields)


def test_multi_needs_exactly_the_right_set():
    e = make_multi()
    assert e.check(["need", "trust", "touchpoint"]).correct
    assert e.check("a, c, d").correct
    assert e.check(["d", "c", "a", "a"]).correct
    assert not e.check(["a", "c"]).correct
    assert not e.check(["a", "b", "c", "d"]).correct


def test_multi_hint_is_about_the_first_misjudged_option():
    e = make_multi()
    assert e.check(["a", "b", "c", "d"]).detail.startswith("Price matters")  # ticked wrongly
    assert e.check(["c", "d"]).detail == "Where does a purchase begin?"  # left out
    assert e.check(["a", "c"]).detail == "Three things."  # left out d: no specific hint


def test_multi_format_messages():
    e = make_multi()
    assert e.check([]).detail == T.TICK_AT_LEAST_ONE
    assert e.check(None).detail == T.TICK_AT_LEAST_ONE
    assert e.check(["a", "q"]).status == "format"


def test_multi_option_with_a_comma_matches_as_a_whole():
    e = make_multi(
        options=["Need, then trust", "Price"], answer=["Need, then trust"], hints={"default": "x"}
    )
    assert e.check("Need, then trust").correct


# ----------------------------------------------------------------------------- order
def make_order(**overrides) -> Exercise:
    fields = dict(
        kind="order",
        id="ch98-order",
        question="Order the interest path.",
        options=["need", "trust", "touchpoint"],
        answer=["touchpoint", "need", "trust"],
        hints={
            "need -> touchpoint -> trust": "That is search.",
            "default": "What does the viewer meet first?",
        },
    )
    fields.update(overrides)
    return make(**fields)


def test_order_accepts_lists_arrows_and_factors():
    e = make_order()
    assert e.check(["touchpoint", "need", "trust"]).correct
    assert e.check("Touchpoint → need → trust").correct
    assert e.check("touchpoint > need > trust").correct
    assert e.check([Factor.TOUCHPOINT, Factor.NEED, Factor.TRUST]).correct
    assert e.check(["need", "touchpoint", "trust"]).detail == "That is search."
    assert e.check(["trust", "need", "touchpoint"]).detail == "What does the viewer meet first?"


def test_order_format_messages_name_what_is_missing():
    e = make_order()
    fb = e.check(["need", "need", "trust"])
    assert fb.status == "format"
    assert "Missing: touchpoint" in fb.detail and "more than once: need" in fb.detail
    assert "Not one of the items: 'price'" in e.check(["need", "price", "trust"]).detail
    assert e.check({"need", "trust", "touchpoint"}).status == "format"  # a set has no order


def test_order_options_in_the_answers_order_are_refused():
    with pytest.raises(ExerciseDefinitionError, match="gives the\\s+answer away"):
        make_order(options=["touchpoint", "need", "trust"], hints={"default": "x"})


# ----------------------------------------------------------------------------- number
def test_number_tolerance_absolute():
    e = make_number()
    assert e.check(205).correct and e.check(195).correct
    assert not e.check(205.5).correct and not e.check(194).correct
    assert e.check(200).detail == "The value is 200 orders."


def test_number_tolerance_relative():
    e = make_number(tolerance=0.1, tolerance_kind="relative", hints={"default": "x"})
    assert e.check(219).correct and e.check(181).correct
    assert not e.check(221).correct
    assert e.tolerance_text() == "Answers within 10% of the right value count as correct."


def test_number_exact_when_tolerance_is_zero():
    e = make_number(tolerance=0, answer=3, hints={"default": "x"})
    assert e.check(3.0).correct and not e.check(3.01).correct
    assert e.tolerance_text() == T.TOLERANCE_EXACT


def test_number_accepts_numeric_text():
    e = make_number(answer=1200, tolerance=0)
    for text in ["1200", "1,200", " 1 200 ", "1200 orders", "1_200", "1.2e3"]:
        assert e.check(text).correct, text
    pct = make_number(answer=7.5, unit="%", tolerance=0.1, hints={"default": "x"})
    assert pct.check("7.5%").correct
    usd = make_number(answer=12.99, unit="USD", tolerance=0.01, hints={"default": "x"})
    assert usd.check("$12.99").correct and usd.check("12.99 USD").correct


def test_number_refuses_non_numbers_with_a_friendly_message():
    e = make_number()
    for bad in ["a", "", "1,5", None, True, [200], float("nan"), "inf"]:
        fb = e.check(bad)
        assert fb.status == "format" and not fb, bad
        assert "number" in fb.detail


def test_number_hints_specific_then_direction():
    e = make_number()
    assert e.check(20).detail == "Off by a factor of ten."
    assert e.check(20 * (1 + HINT_KEY_TOLERANCE * 0.9)).detail == "Off by a factor of ten."
    assert e.check(20 * (1 + HINT_KEY_TOLERANCE * 2)).detail == "Too few."
    assert e.check(500).detail == "Too many."
    no_direction = make_number(hints={"default": "Count again."})
    assert no_direction.check(500).detail == "Count again."


def test_number_answer_from_a_function_is_computed_once():
    calls = []

    def compute():
        calls.append(1)
        return 41.0 + 1

    e = make_number(answer=compute, tolerance=0, hints={"default": "x"})
    assert calls == []  # lazy: nothing computed at definition
    assert e.check(42).correct and e.check(42).correct and e.answer_text() == "42 orders"
    assert calls == [1]
    e.clear_cache()
    e.check(1)
    assert calls == [1, 1]


def test_a_failing_answer_function_names_the_exercise():
    e = make_number(answer=lambda: 1 / 0, hints={"default": "x"})
    with pytest.raises(ExerciseDefinitionError, match="ch98-number: computing the answer failed"):
        e.check(1)


@settings(max_examples=80, deadline=None)
@given(
    answer=st.floats(-1e6, 1e6, allow_nan=False),
    tolerance=st.floats(0, 100),
    offset=st.floats(-300, 300),
)
def test_number_is_right_exactly_within_the_tolerance(answer, tolerance, offset):
    e = make_number(answer=answer, tolerance=tolerance, hints={"default": "x"})
    attempt = answer + offset
    inside = abs(attempt - answer) <= tolerance
    result = e.check(attempt).correct
    if abs(abs(attempt - answer) - tolerance) > 1e-6 * max(1, abs(answer)):
        assert result == inside


@given(st.floats(-1e9, 1e9, allow_nan=False).filter(lambda x: abs(x) > 1e-6))
def test_format_number_round_trips_to_four_significant_digits(x):
    text = format_number(x)
    assert "e" not in text
    back = float(text.replace(",", ""))
    assert back == pytest.approx(x, rel=1e-3, abs=1e-6)


# ----------------------------------------------------------------------------- definitions
@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"id": "Ch98 test"}, "id must be"),
        ({"id": "ch97-test"}, "must start with 'ch98-'"),
        ({"chapter": 100, "id": "ch98-x"}, "chapter"),
        ({"kind": "text"}, "kind"),
        ({"question": "  "}, "question must be non-empty"),
        ({"solution": ""}, "solution must be non-empty"),
        ({"hints": {"Search": "x"}}, "needs a 'default' entry"),
        ({"hints": {"default": ""}}, "hint for 'default' must be non-empty"),
        ({"hints": {"Retail": "x", "default": "y"}}, "not an option's text"),
        ({"hints": {"Social": "x", "default": "y"}}, "keyed on the right answer"),
        ({"answer": "Retail"}, "not one of the options"),
        ({"options": ["Search"]}, "needs 2 to"),
        ({"options": ["Search", "search "]}, "are the same"),
        ({"options": "Search, Social"}, "options must be a list"),
        ({"tolerance": 1}, "number exercises only"),
        ({"unit": "USD"}, "number exercises only"),
        ({"uses_simulation": "yes"}, "uses_simulation"),
        ({"hints": ["default"]}, "hints must be a dict"),
    ],
)
def test_bad_definitions_are_refused_with_a_clear_message(overrides, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make(**overrides)


@pytest.mark.parametrize(
    ("overrides", "match"),
    [
        ({"options": ["a", "b"]}, "has no options"),
        ({"tolerance": -1}, "tolerance"),
        ({"tolerance": 1.5, "tolerance_kind": "relative"}, "tolerance"),
        ({"tolerance_kind": "percent"}, "tolerance_kind"),
        ({"answer": "lots"}, "must be a number"),
        ({"answer": float("inf")}, "finite"),
        ({"hints": {"lots": "x", "default": "y"}}, "must be a number"),
        ({"hints": {202.0: "x", "default": "y"}}, "within the tolerance"),
        ({"answer_format": "%d"}, "answer_format"),
    ],
)
def test_bad_number_definitions_are_refused(overrides, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make_number(**overrides)


def test_a_computed_answer_is_validated_when_first_needed():
    e = make(answer=lambda: "Retail")
    with pytest.raises(ExerciseDefinitionError, match="not one of the options"):
        e.check("a")


# ----------------------------------------------------------------------------- feedback
def test_feedback_is_truthy_and_shows_as_coloured_html():
    right, wrong, bad = make().check("c"), make().check("a"), make().check("z")
    assert right and not wrong and not bad
    assert "course-feedback-correct" in right._repr_html_() and "✓" in right._repr_html_()
    assert "course-feedback-wrong" in wrong._repr_html_() and "#E69F00" in wrong._repr_html_()
    assert "course-feedback-format" in bad._repr_html_()
    assert str(right).startswith("✓ Correct!")
    assert "&lt;script&gt;" in Feedback("x", False, "wrong", "Not yet.", "<script>")._repr_html_()


def test_check_in_a_notebook_displays_html():
    fb = check("ch00-run-a-cell", "b")
    assert fb.exercise_id == "ch00-run-a-cell"
    assert "<strong>Correct!</strong>" in fb._repr_html_()


# ----------------------------------------------------------------------------- widget
def test_widget_controls_match_the_kind():
    import ipywidgets as widgets

    choice = ask("ch00-run-a-cell")
    assert isinstance(choice.control, widgets.RadioButtons) and choice.control.value is None
    order = ask("ch00-order-search")
    assert [d.description for d in order.control.children] == ["Step 1", "Step 2", "Step 3"]
    assert [d.label for d in order.control.children] == [T.PLACEHOLDER] * 3
    assert order.answer() == [None, None, None]
    number = ask("ch00-conversion-rate")
    box = number.control.children[0]
    assert isinstance(box, widgets.Text) and box.value == ""
    assert "±0.1%" in number.instructions.value
    assert number.check().detail == T.TYPE_NUMBER_FIRST
    box.value = "7.5%"
    assert number.check().correct
    box.value = "seven"
    assert number.check().status == "format"


def test_widget_order_with_an_empty_step_asks_to_fill_it():
    w = ask("ch00-order-search")
    w.control.children[0].value = 0
    assert w.check().detail == T.CHOOSE_EVERY_STEP


def test_widget_solution_is_not_in_the_page_until_asked():
    w = ask("ch00-conversion-rate")
    assert "7.5" not in w.solution_box.value
    w.show_solution()
    assert "7.5%" in w.solution_box.value


def test_widget_set_answer_refuses_unreadable_answers():
    with pytest.raises(ValueError, match="ch00-run-a-cell: cannot set the answer 'z'"):
        ask("ch00-run-a-cell").set_answer("z")


def test_widget_multi_kind():
    e = make_multi(id="ch98-multi-widget")
    from course.exercises.widget import ExerciseWidget

    w = ExerciseWidget(e)
    w.check_button.click()
    assert w.last_feedback.detail == T.TICK_AT_LEAST_ONE
    w.set_answer(["a", "c", "d"])
    assert [b.value for b in w.control.children] == [True, False, True, True]
    assert w.check().correct


def test_widget_reports_a_broken_exercise_instead_of_crashing():
    from course.exercises.widget import ExerciseWidget

    w = ExerciseWidget(make_number(answer=lambda: 1 / 0, hints={"default": "x"}))
    w.set_answer("3")
    w.check_button.click()
    assert "Please tell your teacher" in w.last_feedback.detail
    with pytest.raises(TypeError, match="exercise must be an Exercise"):
        ExerciseWidget("ch00-run-a-cell")


# ----------------------------------------------------------------------------- answer key
def test_answer_key_table_has_one_row_per_exercise():
    key = exercises()
    assert list(key.columns[:4]) == ["chapter", "id", "kind", "question"]
    assert {"answer", "tolerance"} <= set(key.columns)
    assert key["id"].tolist() == ALL_IDS
    assert key["chapter"].is_monotonic_increasing
    row = key.set_index("id").loc["ch00-conversion-rate"]
    assert row["answer"] == "7.5%" and row["tolerance"] == 0.1
    assert pd.isna(key.set_index("id").loc["ch00-run-a-cell", "tolerance"])
    assert exercises(0)["id"].tolist() == [e.id for e in ALL if e.chapter == 0]
    assert exercises(97).empty and list(exercises(97).columns) == list(key.columns)


def test_answer_key_markdown_lists_every_exercise_under_its_chapter():
    text = answer_key_markdown()
    assert text.startswith(f"# {T.ANSWER_KEY_TITLE}")
    for e in ALL:
        assert f"### `{e.id}`" in text
        assert f"**{T.ANSWER_LABEL}:** {e.answer_text()}" in text
    chapters = sorted({e.chapter for e in ALL})
    positions = [text.index(f"## Chapter {c}") for c in chapters]
    assert positions == sorted(positions)
    assert "{answer}" not in text


def test_cli_writes_the_answer_key(tmp_path, capsys):
    from course.exercises.__main__ import main

    out = tmp_path / "key" / "answers.md"
    assert main(["answer-key", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == answer_key_markdown()
    assert main(["list", "--chapter", "0"]) == 0
    listing = capsys.readouterr().out
    assert "ch00-run-a-cell" in listing and "choice" in listing
    with pytest.raises(SystemExit):
        main(["list", "--chapter", "x"])


def test_python_dash_m_course_exercises_prints_the_answer_key():
    result = subprocess.run(
        [sys.executable, "-m", "course.exercises", "answer-key", "--chapter", "0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "## Chapter 0: Welcome" in result.stdout
    assert "ch00-run-a-cell" in result.stdout
