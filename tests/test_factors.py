"""Factor, Ordering and classify (course.factors), including every documented error."""

from __future__ import annotations

import itertools

import pytest

from course import Factor, Ordering, classify

SEARCH = ["need", "touchpoint", "trust"]
INTEREST = ["touchpoint", "need", "trust"]
SOCIAL = ["trust", "need", "touchpoint"]


# --- Factor ------------------------------------------------------------------------


def test_factor_members_and_strings():
    assert [f.value for f in Factor] == ["need", "touchpoint", "trust"]
    assert str(Factor.TRUST) == "trust"
    assert Factor.NEED == "need"  # a str enum
    assert Factor.TOUCHPOINT.label == "Touchpoint"
    for f in Factor:
        assert f.meaning.endswith(".") and len(f.meaning) > 20


@pytest.mark.parametrize("text", ["need", "NEED", "  Need ", "nEeD"])
def test_factor_parse_any_case_and_spaces(text):
    assert Factor.parse(text) is Factor.NEED


def test_factor_parse_passes_factors_through():
    assert Factor.parse(Factor.TRUST) is Factor.TRUST


def test_factor_parse_bad_string_lists_the_three():
    with pytest.raises(
        ValueError, match="factor must be one of 'need', 'touchpoint', 'trust'; got 'price'"
    ):
        Factor.parse("price")
    with pytest.raises(ValueError, match="^step must be one of"):
        Factor.parse("", name="step")


@pytest.mark.parametrize("bad", [1, None, 2.5, ["need"], b"need"])
def test_factor_parse_wrong_type(bad):
    with pytest.raises(TypeError, match=r"factor must be a Factor or one of the strings .*type "):
        Factor.parse(bad)


# --- Ordering ----------------------------------------------------------------------


def test_ordering_steps_and_text():
    assert Ordering.SEARCH.steps == (Factor.NEED, Factor.TOUCHPOINT, Factor.TRUST)
    assert Ordering.INTEREST.steps == (Factor.TOUCHPOINT, Factor.NEED, Factor.TRUST)
    assert Ordering.SOCIAL.steps == (Factor.TRUST, Factor.NEED, Factor.TOUCHPOINT)
    assert Ordering.SOCIAL.arrow == "trust → need → touchpoint → purchase"
    assert Ordering.SEARCH.label == "Search e-commerce"
    assert "TikTok" in Ordering.INTEREST.platforms
    assert "Amazon" in Ordering.SEARCH.platforms
    for o in Ordering:
        assert o.description.endswith(".")
        assert str(o) == o.value
        assert sorted(o.steps) == sorted(Factor)  # each factor exactly once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("search", Ordering.SEARCH),
        ("traditional", Ordering.SEARCH),
        (" Traditional ", Ordering.SEARCH),
        ("search e-commerce", Ordering.SEARCH),
        ("INTEREST", Ordering.INTEREST),
        ("social", Ordering.SOCIAL),
    ],
)
def test_ordering_from_names_and_aliases(text, expected):
    assert Ordering(text) is expected
    assert Ordering.parse(text) is expected


def test_ordering_parse_passes_orderings_through():
    assert Ordering.parse(Ordering.INTEREST) is Ordering.INTEREST


def test_ordering_unknown_name():
    with pytest.raises(ValueError, match=r"ordering must be one of 'search' \(or 'traditional'\)"):
        Ordering.parse("live")
    with pytest.raises(ValueError, match="^kind must be one of .*got 'x'"):
        Ordering.parse("x", name="kind")
    with pytest.raises(ValueError):
        Ordering("live")


@pytest.mark.parametrize("bad", [None, 3, 1.0, ["search"]])
def test_ordering_parse_wrong_type(bad):
    with pytest.raises(TypeError, match=r"ordering must be an Ordering or one of .*\(type "):
        Ordering.parse(bad)


# --- classify ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "expected"),
    [(SEARCH, Ordering.SEARCH), (INTEREST, Ordering.INTEREST), (SOCIAL, Ordering.SOCIAL)],
)
def test_classify_the_three(steps, expected):
    assert classify(steps) is expected
    assert classify(tuple(s.upper() for s in steps)) is expected
    assert classify(Factor(s) for s in steps) is expected  # any iterable, even a generator
    assert classify(expected.steps) is expected


def test_classify_every_permutation():
    """Three permutations are orderings of e-commerce; the other three are refused."""
    known = {tuple(o.steps): o for o in Ordering}
    refused = 0
    for perm in itertools.permutations(Factor):
        if perm in known:
            assert classify(perm) is known[perm]
        else:
            refused += 1
            with pytest.raises(ValueError) as info:
                classify(perm)
            message = str(info.value)
            assert "is not one of the three orderings" in message
            assert "search: need → touchpoint → trust" in message
            assert "social: trust → need → touchpoint" in message
    assert refused == 3


@pytest.mark.parametrize("bad", ["need touchpoint trust", b"need", None, 42])
def test_classify_refuses_non_sequences(bad):
    with pytest.raises(TypeError, match="steps must be a sequence of the three factors"):
        classify(bad)


def test_classify_bad_items_are_named_by_position():
    with pytest.raises(ValueError, match=r"steps\[1\] must be one of .*got 'price'"):
        classify(["need", "price", "trust"])
    with pytest.raises(TypeError, match=r"steps\[2\] must be a Factor"):
        classify(["need", "trust", 3])


@pytest.mark.parametrize(
    ("steps", "pattern"),
    [
        (["need", "trust"], "missing 'touchpoint'"),
        (["need", "need", "trust"], "missing 'touchpoint'; repeated 'need'"),
        (["trust", "trust", "trust"], "missing 'need', 'touchpoint'; repeated 'trust'"),
        (["need", "touchpoint", "trust", "need"], "repeated 'need'"),
        ([], "missing 'need', 'touchpoint', 'trust'"),
    ],
)
def test_classify_missing_or_repeated(steps, pattern):
    with pytest.raises(ValueError) as info:
        classify(steps)
    message = str(info.value)
    assert message.startswith("steps must contain need, touchpoint and trust exactly once each")
    assert pattern in message
    assert f"(got {[s for s in steps]})" in message
