"""Parameter dataclasses, random streams and the shared shopper rules (course.model)."""

from __future__ import annotations

import math
import re
from dataclasses import FrozenInstanceError, fields

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.model import shoppers
from course.model.params import (
    SHARE,
    CreatorNetwork,
    Feed,
    Population,
    Product,
    Shelf,
    bounds,
)
from course.model.streams import Streams

CLASSES = (Population, Product, Shelf, Feed, CreatorNetwork)
ALL_FIELDS = [(cls, f) for cls in CLASSES for f in fields(cls)]
IDS = [f"{cls.__name__}.{f.name}" for cls, f in ALL_FIELDS]


# --- dataclasses -----------------------------------------------------------------


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_defaults_construct_and_are_within_bounds(cls):
    obj = cls()
    for f in fields(cls):
        meta = f.metadata
        value = getattr(obj, f.name)
        assert meta["low"] <= value <= meta["high"], f.name
        if meta["integer"]:
            assert type(value) is int
        else:
            assert type(value) is float


def _field_docs(cls) -> dict[str, str]:
    """Each field's description in a numpydoc Parameters section."""
    text = cls.__doc__.split("Parameters\n    ----------\n")[1]
    docs: dict[str, str] = {}
    name = None
    for line in text.splitlines():
        match = re.match(r"^    (\w+) : ", line)
        if match:
            name = match.group(1)
            docs[name] = ""
        elif name and line.startswith("        "):
            docs[name] += " " + line.strip()
    return docs


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_is_documented_with_its_source(cls):
    docs = _field_docs(cls)
    for f in fields(cls):
        assert f.name in docs, f"{cls.__name__}.{f.name} missing from the docstring"
        text = docs[f.name]
        assert f"Default {f.default:g}" in text or f"Default {f.default}" in text, f.name
        sourced = re.search(r"\b(19|20)\d\d\b", text)
        assert sourced or "llustrative" in text or "modelling choice" in text, f.name


@pytest.mark.parametrize(("cls", "f"), ALL_FIELDS, ids=IDS)
def test_each_field_rejects_values_outside_its_bounds(cls, f):
    meta = f.metadata
    too_high = meta["high"] + (1 if meta["integer"] else max(1.0, abs(meta["high"])))
    with pytest.raises(ValueError) as info:
        cls(**{f.name: too_high})
    message = str(info.value)
    assert f.name in message and str(too_high) in message
    too_low = meta["low"] - (1 if meta["integer"] else 1.0)
    with pytest.raises(ValueError, match=f.name):
        cls(**{f.name: too_low})


@pytest.mark.parametrize(("cls", "f"), ALL_FIELDS, ids=IDS)
@pytest.mark.parametrize("bad", ["3", None, True, [1]])
def test_each_field_rejects_wrong_types(cls, f, bad):
    with pytest.raises(TypeError, match=f.name):
        cls(**{f.name: bad})


@pytest.mark.parametrize(("cls", "f"), [(c, f) for c, f in ALL_FIELDS if not f.metadata["integer"]])
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_each_float_field_rejects_nan_and_infinity(cls, f, bad):
    with pytest.raises(ValueError, match=f"{f.name} must be a finite number"):
        cls(**{f.name: bad})


@pytest.mark.parametrize(("cls", "f"), [(c, f) for c, f in ALL_FIELDS if f.metadata["integer"]])
def test_integer_fields_refuse_floats(cls, f):
    with pytest.raises(TypeError, match=f"{f.name} must be a whole number"):
        cls(**{f.name: float(f.default)})


def test_price_message_names_value_bounds_and_unit():
    with pytest.raises(ValueError, match=r"^price must be in \[1, 500\] USD; got 900$"):
        Product(price=900)


def test_share_message_is_plain():
    with pytest.raises(ValueError, match=r"^need_rate must be in \[0, 1\]; got 1.5$"):
        Population(need_rate=1.5)


def test_open_bounds_are_excluded():
    with pytest.raises(ValueError, match=r"walk_away must be in \(0, 1\)"):
        Shelf(walk_away=0.0)
    with pytest.raises(ValueError, match=r"walk_away must be in \(0, 1\)"):
        Shelf(walk_away=1.0)
    with pytest.raises(ValueError, match="trust_no_reviews"):
        Population(trust_no_reviews=0.0)


def test_numpy_numbers_are_accepted_and_normalised():
    p = Product(price=np.float32(12.5), reviews=np.int64(7))
    assert p.price == 12.5 and type(p.price) is float
    assert p.reviews == 7 and type(p.reviews) is int


def test_dataclasses_are_frozen():
    with pytest.raises(FrozenInstanceError):
        Product().price = 3  # type: ignore[misc]


def test_cross_field_checks():
    with pytest.raises(ValueError, match="five_review_lift \\* trust_no_reviews must be below 1"):
        Population(trust_no_reviews=0.3, five_review_lift=4.0)
    with pytest.raises(ValueError, match="creators must be at most pool \\(5\\)"):
        CreatorNetwork(pool=5, creators=10)
    assert CreatorNetwork(pool=5, creators=5).creators == 5


def test_bounds_helper():
    spec = bounds(Shelf, "rank")
    assert spec["default"] == 4 and spec["low"] == 1 and spec["high"] == 20
    assert spec["integer"] is True and spec["unit"] == "position"
    assert bounds(Population, "need_rate")["unit"] == SHARE
    with pytest.raises(ValueError, match="name must be a field of Shelf .*rank.*; got 'rnak'"):
        bounds(Shelf, "rnak")


def test_rank_can_never_fall_off_the_shelf():
    assert bounds(Shelf, "rank")["high"] <= bounds(Shelf, "competitors")["low"] + 1


# --- streams ---------------------------------------------------------------------


def test_streams_are_deterministic_and_independent_by_name():
    a, b = Streams(5), Streams(5)
    x = a.uniform("need", 1000)
    assert np.array_equal(x, b.uniform("need", 1000))
    assert not np.array_equal(x, a.uniform("trust", 1000))
    assert not np.array_equal(x, Streams(6).uniform("need", 1000))
    assert a.draws == 2000 and b.draws == 1000
    assert ((x >= 0) & (x < 1)).all()


def test_streams_prefix_property():
    """A longer draw starts with the shorter one: shopper i keeps their number."""
    s = Streams(3)
    assert np.array_equal(s.uniform("x", 10), s.uniform("x", 1000)[:10])


def test_streams_permutation_and_bad_input():
    s = Streams(1)
    p = s.permutation("order", 12)
    assert sorted(p.tolist()) == list(range(12))
    assert s.draws == 12
    with pytest.raises(ValueError, match="seed must be a whole number"):
        Streams(-1)
    with pytest.raises(TypeError, match="seed must be a whole number"):
        Streams(1.5)
    with pytest.raises(TypeError, match="name must be a non-empty string"):
        s.uniform("", 3)
    with pytest.raises(ValueError, match="size must be a whole number"):
        s.uniform("x", -1)


# --- shopper rules ---------------------------------------------------------------


def test_five_reviews_give_the_spiegel_lift():
    pop = Population()
    ratio = shoppers.listing_trust(4.0, 5, pop) / shoppers.listing_trust(4.0, 0, pop)
    assert ratio == pytest.approx(3.7, rel=1e-9)
    assert shoppers.listing_trust(4.0, 0, pop) == pytest.approx(0.10)


def test_most_of_the_review_effect_comes_from_the_first_five():
    pop = Population()
    first_five = shoppers.review_effect(5, pop)
    everything = shoppers.review_effect(100_000, pop)
    assert first_five / everything > 0.6


@given(st.integers(0, 9_999))
def test_reviews_never_lower_trust(n):
    pop = Population()
    assert shoppers.listing_trust(4.5, n + 1, pop) >= shoppers.listing_trust(4.5, n, pop)


def test_rating_peaks_at_the_peak_and_not_at_five():
    pop = Population()
    grid = np.round(np.arange(1.0, 5.001, 0.1), 1)
    trust = [shoppers.listing_trust(r, 50, pop) for r in grid]
    assert grid[int(np.argmax(trust))] == pytest.approx(4.7)
    assert shoppers.listing_trust(5.0, 50, pop) < shoppers.listing_trust(4.7, 50, pop)
    assert shoppers.listing_trust(5.0, 50, pop) > shoppers.listing_trust(4.0, 50, pop)
    assert shoppers.rating_effect(4.0, pop) == 0.0


def test_price_effect_and_page_trust():
    pop = Population()
    assert shoppers.price_effect(pop.reference_price, pop) == 0.0
    assert shoppers.price_effect(2 * pop.reference_price, pop) == pytest.approx(
        pop.price_sensitivity * math.log(2)
    )
    cheap = shoppers.page_trust(10, 4.5, 80, pop)
    dear = shoppers.page_trust(40, 4.5, 80, pop)
    assert cheap > shoppers.page_trust(20, 4.5, 80, pop) > dear
    assert shoppers.page_trust(20, 4.5, 80, pop) == pytest.approx(
        shoppers.listing_trust(4.5, 80, pop)
    )


@settings(max_examples=50)
@given(st.floats(0, 1), st.floats(-20, 20))
def test_shift_probability_stays_a_probability_and_moves_the_right_way(p, delta):
    q = shoppers.shift_probability(p, delta)
    assert 0.0 <= q <= 1.0
    if p in (0.0, 1.0):
        assert q == p
    elif delta > 0:
        assert q >= p - 1e-12
    elif delta < 0:
        assert q <= p + 1e-12
