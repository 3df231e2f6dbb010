"""The public model API: simulate, levers, compare, compare_results, summarize, expected_funnel.

Checks the contract in docs/design.md ("The model API"), the properties every funnel
must have, determinism, and every kind of bad input.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course
from course import Ordering
from course.model import (
    FUNNEL_COLUMNS,
    LEVERS,
    SimulationResult,
    compare,
    compare_results,
    expected_funnel,
    funnel_frame,
    lever_names,
    levers,
    simulate,
    summarize,
)

ORDERINGS = ["search", "interest", "social"]
LEVER_COLUMNS = ["name", "label", "default", "low", "high", "step", "unit", "meaning", "effect"]


# --- the contract ----------------------------------------------------------------


def test_top_level_reexports():
    for name in ("simulate", "levers", "compare", "compare_results", "summarize"):
        assert getattr(course, name) is globals()[name]
        assert name in course.__all__


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_simulate_returns_the_documented_result(ordering):
    r = simulate(ordering, shoppers=5_000, seed=1)
    assert isinstance(r, SimulationResult)
    assert r.ordering is Ordering(ordering) and r.shoppers == 5_000 and r.seed == 1
    assert list(r.funnel.columns) == list(FUNNEL_COLUMNS)
    steps = [f.value for f in Ordering(ordering).steps]
    assert r.funnel["factor"].tolist() == [None, *steps, None]
    assert r.funnel["stage"].iloc[0] == "population" and r.funnel["stage"].iloc[-1] == "purchase"
    for stage, factor in zip(r.funnel["stage"][1:4], steps, strict=True):
        assert stage.startswith(f"{factor}: ")
    assert r.funnel["shoppers"].dtype == np.int64
    assert isinstance(r.orders, int) and isinstance(r.units, int) and isinstance(r.gmv, float)
    assert r.orders == r.funnel["shoppers"].iloc[-1]
    assert r.conversion == pytest.approx(r.orders / 5_000)
    assert set(r.levers) == set(levers(ordering)["name"])
    assert r.outcomes is None
    assert isinstance(r.tables, dict) and all(
        isinstance(t, pd.DataFrame) for t in r.tables.values()
    )
    assert ordering in repr(r) and "orders" in repr(r)


def test_tables_named_in_the_design():
    assert "views" in simulate("interest", shoppers=2_000).tables["videos"]
    social = simulate("social", shoppers=2_000).tables
    assert {"period", "trust", "buyers", "gmv"} <= set(social["periods"].columns)
    assert "followers" in social["creators"]


def test_ordering_may_be_an_enum_or_any_spelling():
    a = simulate(Ordering.SEARCH, shoppers=3_000, seed=2)
    b = simulate(" Traditional ", shoppers=3_000, seed=2)
    assert a.ordering is b.ordering is Ordering.SEARCH
    assert a.funnel.equals(b.funnel)


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_levers_table(ordering):
    t = levers(ordering)
    assert list(t.columns) == LEVER_COLUMNS
    assert 6 <= len(t) <= 10
    assert t["name"].is_unique
    assert set(t["effect"]) <= {"raises", "lowers", "depends"}
    for _, row in t.iterrows():
        assert row["low"] <= row["default"] <= row["high"], row["name"]
        assert 0 < row["step"] <= row["high"] - row["low"]
        assert row["label"] and row["meaning"].endswith(".") and row["unit"]
        if isinstance(row["default"], int):
            assert all(isinstance(row[c], int) for c in ("low", "high", "step"))
    assert t["name"].tolist() == list(lever_names(ordering))


def test_shared_levers_mean_the_same_everywhere():
    for name in ("price", "rating", "reviews", "need_rate"):
        rows = [levers(o).set_index("name").loc[name] for o in ORDERINGS if name in lever_names(o)]
        assert len(rows) >= 2
        for row in rows[1:]:
            cols = ["label", "default", "low", "high", "step", "unit", "meaning"]
            assert row[cols].tolist() == rows[0][cols].tolist()
    assert {lever.name for lever in LEVERS} == set(lever_names())


def test_compare_stacks_three_funnels_on_the_same_population():
    table = compare(shoppers=20_000, seed=3, price=18, rank=2, reach=0.3, creators=5)
    assert list(table.columns) == ["ordering", *FUNNEL_COLUMNS]
    assert table["ordering"].unique().tolist() == ORDERINGS
    assert (table.groupby("ordering")["shoppers"].first() == 20_000).all()
    results = compare_results(shoppers=20_000, seed=3, price=18, rank=2, reach=0.3, creators=5)
    assert list(results) == list(Ordering)
    assert results[Ordering.SEARCH].levers["rank"] == 2
    assert results[Ordering.INTEREST].levers["reach"] == 0.3
    assert all(r.levers["price"] == 18 for r in results.values())
    for o, r in results.items():
        part = table[table["ordering"] == o.value].drop(columns="ordering").reset_index(drop=True)
        assert part.equals(r.funnel)
        assert r.funnel.equals(
            simulate(
                o,
                shoppers=20_000,
                seed=3,
                **{
                    k: v
                    for k, v in {"price": 18, "rank": 2, "reach": 0.3, "creators": 5}.items()
                    if k in lever_names(o)
                },
            ).funnel
        )


def test_common_random_numbers_across_orderings():
    """The same shoppers have the need in search and in social (a month = 4 weeks)."""
    s = simulate("search", shoppers=20_000, seed=8, outcomes=True).outcomes
    o = simulate("social", shoppers=20_000, seed=8, outcomes=True, word_of_mouth=0.0).outcomes
    partners = o["partner"]
    natural_need = o.loc[partners, "need_week"].between(1, 4)
    # social counts the need only for trusting partners; every counted need is a search need
    counted = o.loc[partners & o["need"]]
    assert s.loc[counted.index, "need"].all()
    assert natural_need.sum() >= counted.shape[0]


def test_summarize():
    results = compare_results(shoppers=5_000, seed=0)
    table = summarize(results)
    assert list(table.columns) == ["ordering", "orders", "units", "gmv", "conversion"]
    assert table["ordering"].tolist() == ORDERINGS
    assert table["orders"].tolist() == [r.orders for r in results.values()]
    one = summarize(results[Ordering.SOCIAL])
    assert len(one) == 1 and one["ordering"].iloc[0] == "social"
    assert len(summarize(list(results.values()))) == 3


@pytest.mark.parametrize("ordering", ["search", "interest"])
def test_expected_funnel(ordering):
    f = expected_funnel(ordering, shoppers=1_000, price=25)
    assert list(f.columns) == list(FUNNEL_COLUMNS)
    assert f["shoppers"].dtype == float and f["shoppers"].iloc[0] == 1_000.0
    assert np.all(np.diff(f["shoppers"]) <= 1e-12)


# --- determinism -----------------------------------------------------------------


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_same_seed_same_result_different_seed_different(ordering):
    a = simulate(ordering, shoppers=20_000, seed=11, outcomes=True)
    b = simulate(ordering, shoppers=20_000, seed=11, outcomes=True)
    c = simulate(ordering, shoppers=20_000, seed=12, outcomes=True)
    assert a.funnel.equals(b.funnel) and a.outcomes.equals(b.outcomes)
    assert (a.orders, a.units, a.gmv) == (b.orders, b.units, b.gmv)
    for name in a.tables:
        assert a.tables[name].equals(b.tables[name])
    assert not a.outcomes.equals(c.outcomes)
    assert not a.funnel.equals(c.funnel)


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_outcomes_do_not_change_the_result(ordering):
    plain = simulate(ordering, shoppers=10_000, seed=4)
    detailed = simulate(ordering, shoppers=10_000, seed=4, outcomes=True)
    assert plain.funnel.equals(detailed.funnel) and plain.gmv == detailed.gmv
    assert len(detailed.outcomes) == 10_000
    assert {"shopper", "need", "touchpoint", "trust", "purchase", "units", "spend"} <= set(
        detailed.outcomes.columns
    )


# --- properties of every funnel --------------------------------------------------


def _lever_values(ordering):
    """A hypothesis strategy for any valid lever settings of an ordering."""
    parts = {}
    for _, row in levers(ordering).iterrows():
        if isinstance(row["default"], int):
            parts[row["name"]] = st.integers(row["low"], row["high"])
        else:
            parts[row["name"]] = st.floats(row["low"], row["high"])
    return st.fixed_dictionaries({}, optional=parts)


def _check_funnel(f, shoppers):
    counts = f["shoppers"].to_numpy()
    assert counts[0] == shoppers
    assert np.all(counts >= 0) and np.all(counts <= shoppers)
    assert np.all(np.diff(counts) <= 1e-9 * shoppers)  # never increases down the stages
    start, prev = f["rate_from_start"].to_numpy(), f["rate_from_previous"].to_numpy()
    assert start == pytest.approx(counts / shoppers)
    assert prev[0] == 1.0
    nonzero = counts[:-1] > 0
    assert prev[1:][nonzero] == pytest.approx(counts[1:][nonzero] / counts[:-1][nonzero])
    assert np.all(np.isnan(prev[1:][~nonzero]))
    if counts[-2] > 0:  # the rates multiply to the overall rate
        assert np.prod(prev) == pytest.approx(start[-1], rel=1e-9, abs=1e-15)


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_funnel_properties_hold_for_any_levers(ordering):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(values=_lever_values(ordering), shoppers=st.integers(1, 3_000), seed=st.integers(0, 99))
    def check(values, shoppers, seed):
        r = simulate(ordering, shoppers=shoppers, seed=seed, **values)
        _check_funnel(r.funnel, shoppers)
        assert r.orders <= r.units <= 2 * r.orders
        assert r.gmv >= 0 and (r.gmv > 0) == (r.orders > 0)
        assert 0.0 <= r.conversion <= 1.0
        for name, value in values.items():
            assert r.levers[name] == value

    check()


@pytest.mark.parametrize("ordering", ["search", "interest"])
def test_expected_funnel_properties_hold_for_any_levers(ordering):
    @settings(max_examples=60, deadline=None)
    @given(values=_lever_values(ordering))
    def check(values):
        f = expected_funnel(ordering, shoppers=10_000, **values)
        _check_funnel(f, 10_000)

    check()


def test_funnel_frame_contract():
    f = funnel_frame(
        ["population", "need: x", "touchpoint: y", "trust: z", "purchase"], [100, 0, 0, 0, 0]
    )
    assert f["rate_from_previous"].iloc[1] == 0.0 and np.isnan(f["rate_from_previous"].iloc[2])
    g = funnel_frame(["population", "purchase"], [10.0, float("nan")])
    assert g["shoppers"].dtype == float
    with pytest.raises(ValueError, match="same length"):
        funnel_frame(["population"], [1, 2])
    with pytest.raises(ValueError, match="at least one stage"):
        funnel_frame([], [])
    with pytest.raises(ValueError, match=r"shoppers\[1\] must be zero or more"):
        funnel_frame(["population", "purchase"], [10, -1])
    with pytest.raises(TypeError, match=r"shoppers\[0\] must be a number"):
        funnel_frame(["population"], ["10"])
    with pytest.raises(TypeError, match="stage must be a string"):
        funnel_frame([3], [1])


# --- bad input -------------------------------------------------------------------


@pytest.mark.parametrize("call", [simulate, levers, expected_funnel])
def test_unknown_ordering(call):
    with pytest.raises(ValueError, match="ordering must be one of .*'interest'.*got 'tiktok'"):
        call("tiktok")
    with pytest.raises(TypeError, match="ordering must be an Ordering"):
        call(3)


def test_unknown_lever_lists_the_valid_ones():
    with pytest.raises(ValueError) as info:
        simulate("search", prise=20)
    message = str(info.value)
    assert "unknown lever 'prise' for ordering 'search'" in message
    assert "did you mean 'price'?" in message
    assert "valid levers: " + ", ".join(lever_names("search")) in message
    with pytest.raises(ValueError, match=r"\('reach' is a lever of interest\); valid levers: need"):
        simulate("search", reach=0.5)
    with pytest.raises(
        ValueError, match=r"unknown lever 'rnak' \(did you mean 'rank'\?\); valid levers: need_rate"
    ):
        compare(rnak=3)
    with pytest.raises(ValueError, match="unknown lever"):
        expected_funnel("interest", videos=3)  # a parameter, not a lever


@pytest.mark.parametrize(
    ("ordering", "name", "value", "pattern"),
    [
        ("search", "price", 900, r"price must be in \[1, 500\] USD; got 900"),
        ("search", "rank", 25, r"rank must be a whole number in \[1, 20\]; got 25"),
        ("search", "need_rate", 1.2, r"need_rate must be in \[0, 1\]; got 1.2"),
        ("search", "need_rate", -0.1, r"need_rate must be in \[0, 1\]; got -0.1"),
        ("interest", "reach", 2.0, r"reach must be in \[0, 1\]; got 2.0"),
        ("interest", "virality", 3.5, r"virality must be in \[0, 3\] index \(0-3\); got 3.5"),
        ("social", "discount", 0.6, r"discount must be in \[0, 0.5\]"),
        ("social", "weeks", 0, r"weeks must be a whole number in \[1, 52\]; got 0"),
        ("social", "price", math.nan, "price must be a finite number; got nan"),
        ("interest", "spark", math.inf, "spark must be a finite number; got inf"),
    ],
)
def test_lever_out_of_bounds_or_not_finite(ordering, name, value, pattern):
    with pytest.raises(ValueError, match=pattern):
        simulate(ordering, shoppers=100, **{name: value})


@pytest.mark.parametrize(
    ("name", "value", "pattern"),
    [
        ("price", "20", "price must be a number; got '20'"),
        ("price", True, "price must be a number; got True"),
        ("rank", 2.0, "rank must be a whole number .int.; got 2.0"),
        ("reviews", None, "reviews must be a whole number"),
        ("need_rate", [0.1], "need_rate must be a number"),
    ],
)
def test_lever_of_the_wrong_type(name, value, pattern):
    with pytest.raises(TypeError, match=pattern):
        simulate("search", shoppers=100, **{name: value})


@pytest.mark.parametrize(
    ("shoppers", "error", "pattern"),
    [
        (0, ValueError, r"shoppers must be a whole number in \[1, 5000000\]; got 0"),
        (-5, ValueError, "shoppers must be a whole number"),
        (10_000_000, ValueError, "shoppers must be a whole number"),
        (1e5, TypeError, r"shoppers must be a whole number \(int\); got 100000.0"),
        (1.5, TypeError, "shoppers must be a whole number"),
        ("100", TypeError, "shoppers must be a whole number"),
        (True, TypeError, "shoppers must be a whole number"),
    ],
)
@pytest.mark.parametrize("call", ["simulate", "compare", "compare_results", "expected_funnel"])
def test_bad_shoppers(shoppers, error, pattern, call):
    with pytest.raises(error, match=pattern):
        if call == "simulate":
            simulate("social", shoppers=shoppers)
        elif call == "compare":
            compare(shoppers=shoppers)
        elif call == "compare_results":
            compare_results(shoppers=shoppers)
        else:
            expected_funnel("search", shoppers=shoppers)


@pytest.mark.parametrize(
    ("seed", "error"), [(-1, ValueError), (1.5, TypeError), ("1", TypeError), (None, TypeError)]
)
def test_bad_seed(seed, error):
    with pytest.raises(error, match="seed must be a whole number"):
        simulate("search", shoppers=100, seed=seed)
    with pytest.raises(error, match="seed must be a whole number"):
        compare(shoppers=100, seed=seed)


def test_bad_outcomes_flag():
    with pytest.raises(TypeError, match="outcomes must be True or False; got 'yes'"):
        simulate("interest", shoppers=100, outcomes="yes")


def test_compare_validates_values_of_levers_it_passes_on():
    with pytest.raises(ValueError, match=r"rank must be a whole number in \[1, 20\]; got 30"):
        compare(shoppers=100, rank=30)
    with pytest.raises(ValueError, match=r"creators must be a whole number in \[1, 100\]"):
        compare(shoppers=100, creators=0)


def test_summarize_bad_input():
    with pytest.raises(TypeError, match="results must be a SimulationResult"):
        summarize(3)
    with pytest.raises(TypeError, match=r"results\[1\] must be a SimulationResult; got str"):
        summarize([simulate("search", shoppers=100), "x"])
    with pytest.raises(ValueError, match="at least one"):
        summarize([])


def test_result_is_frozen():
    r = simulate("search", shoppers=100)
    with pytest.raises(AttributeError):
        r.orders = 3  # type: ignore[misc]
