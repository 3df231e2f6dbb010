"""The search ordering: cascade on the shelf, trust, multinomial-logit choice."""

from __future__ import annotations

import numpy as np
import pytest

from course.model import expected_funnel, levers, simulate
from course.model.params import Population, Product, Shelf
from course.model.search import STAGES, choice_weights, expected, look_probabilities, run
from course.model.streams import Streams

N = 200_000


def _grid(row, points=25):
    if isinstance(row.default, int):
        return sorted(set(np.linspace(row.low, row.high, points).round().astype(int).tolist()))
    return np.linspace(row.low, row.high, points).tolist()


def test_stages_follow_need_touchpoint_trust():
    r = simulate("search", shoppers=10_000, seed=0)
    assert r.funnel["stage"].tolist() == list(STAGES)
    assert r.funnel["factor"].tolist() == [None, "need", "touchpoint", "trust", None]


def test_look_probabilities_match_the_compete_page_two_figure():
    p = look_probabilities(Shelf())
    assert p[0] == 1.0
    assert p[10] == pytest.approx(0.197, abs=0.001)  # looked past the 10th result
    assert np.all(np.diff(p) < 0)
    assert look_probabilities(Shelf(scroll_on=1.0)).tolist() == [1.0] * 30
    assert look_probabilities(Shelf(scroll_on=0.0))[1:].sum() == 0.0


def test_default_calibration_is_in_the_amazon_ballpark():
    f = expected_funnel("search", shoppers=1_000_000)
    buy_given_saw = f["shoppers"].iloc[4] / f["shoppers"].iloc[2]
    assert 0.10 <= buy_given_saw <= 0.15  # unit session percentage rule of thumb


def test_equal_listings_top_position_takes_about_a_quarter_of_purchases():
    r = simulate("search", shoppers=1_000_000, seed=4, rating=4.4, reviews=500)
    shelf = r.tables["shelf"]
    top_share = shelf["orders"].iloc[0] / shelf["orders"].sum()
    assert 0.24 < top_share < 0.32
    assert shelf["orders"].iloc[0] > 8 * shelf["orders"].iloc[9]
    bought_any = shelf["orders"].sum() / shelf["looked_at"].iloc[0]
    assert 0.13 < bought_any < 0.74  # between Millward Brown's non-Prime and Prime figures


def test_shelf_table_agrees_with_the_funnel():
    r = simulate("search", shoppers=50_000, seed=2)
    shelf = r.tables["shelf"]
    assert list(shelf.columns) == [
        "position",
        "listing",
        "price",
        "rating",
        "reviews",
        "trust",
        "looked_at",
        "orders",
    ]
    assert len(shelf) == r.levers["competitors"] + 1
    own = shelf[shelf["listing"] == "yours"]
    assert own["position"].tolist() == [r.levers["rank"]]
    assert int(own["orders"].iloc[0]) == r.orders
    assert int(own["looked_at"].iloc[0]) == r.funnel["shoppers"].iloc[2]
    assert np.all(np.diff(shelf["looked_at"]) <= 0)
    assert shelf["orders"].sum() <= shelf["looked_at"].iloc[0]


def test_outcomes_agree_with_the_funnel_and_tables():
    r = simulate("search", shoppers=30_000, seed=5, outcomes=True)
    out = r.outcomes
    assert len(out) == 30_000
    counts = [
        len(out),
        out["need"].sum(),
        out["touchpoint"].sum(),
        out["trust"].sum(),
        out["purchase"].sum(),
    ]
    assert counts == r.funnel["shoppers"].tolist()
    assert (out["touchpoint"] <= out["searched"]).all() and (out["searched"] <= out["need"]).all()
    assert (out.loc[out["purchase"], "bought_position"] == r.levers["rank"]).all()
    assert out["units"].sum() == r.units
    assert out["spend"].sum() == pytest.approx(r.gmv)
    by_position = out.loc[out["bought_position"] > 0, "bought_position"].value_counts()
    shelf = r.tables["shelf"].set_index("position")["orders"]
    assert by_position.reindex(shelf.index, fill_value=0).tolist() == shelf.tolist()


def test_monte_carlo_mean_matches_the_closed_form():
    n, seeds = 50_000, range(24)
    counts = np.array(
        [simulate("search", shoppers=n, seed=s, rank=2).funnel["shoppers"] for s in seeds]
    )
    exact = expected_funnel("search", shoppers=n, rank=2)["shoppers"].to_numpy()
    mean = counts.mean(axis=0)
    se = counts.std(axis=0, ddof=1) / np.sqrt(len(seeds))
    assert mean[0] == exact[0]
    assert np.all(np.abs(mean[1:] - exact[1:]) < 4 * se[1:] + 1e-9)


def test_closed_form_edge_cases():
    pop, prod = Population(), Product()
    no_need = expected(Population(need_rate=0.0), prod, Shelf(), 1000)
    assert no_need[1:] == (0.0, 0.0, 0.0, 0.0)
    # a shelf where nobody scrolls: only the top listing is ever seen
    top = expected(pop, prod, Shelf(scroll_on=0.0, rank=1), 1000)
    w = choice_weights(pop, prod, Shelf())
    assert top[2] == pytest.approx(1000 * 0.05 * 0.6)
    assert top[4] == pytest.approx(top[2] * w["trust_own"] * w["own"] / (w["own"] + w["none"]))
    assert expected(pop, prod, Shelf(scroll_on=0.0, rank=2), 1000)[2] == 0.0


def test_scroll_extremes_in_simulation():
    r = simulate("search", shoppers=20_000, seed=1, rank=20)
    assert r.funnel["shoppers"].iloc[2] > 0
    s = run(
        Population(), Product(), Shelf(scroll_on=0.0, rank=2), shoppers=20_000, streams=Streams(0)
    )
    assert s.counts[2] == 0 and s.orders == 0
    s = run(
        Population(), Product(), Shelf(scroll_on=1.0, rank=20), shoppers=20_000, streams=Streams(0)
    )
    searched = s.tables["shelf"]["looked_at"].iloc[0]
    assert s.counts[2] == searched  # everyone looks at the whole shelf


@pytest.mark.parametrize(
    "row", [r for _, r in levers("search").iterrows()], ids=lambda r: r["name"]
)
def test_closed_form_orders_move_as_the_lever_table_says(row):
    values = _grid(row)
    orders = [
        expected_funnel("search", shoppers=N, **{row["name"]: v})["shoppers"].iloc[-1]
        for v in values
    ]
    steps = np.diff(orders)
    if row["effect"] == "raises":
        assert np.all(steps >= -1e-9), (row["name"], orders)
    elif row["effect"] == "lowers":
        assert np.all(steps <= 1e-9), (row["name"], orders)
    else:
        assert np.any(steps > 1e-9) and np.any(steps < -1e-9), (row["name"], orders)
    assert orders[0] != pytest.approx(orders[-1], rel=1e-6)


@pytest.mark.parametrize(
    "row",
    [r for _, r in levers("search").iterrows() if r["effect"] != "depends"],
    ids=lambda r: r["name"],
)
def test_simulated_orders_move_as_the_lever_table_says(row):
    """Common random numbers: every shopper's outcome moves one way, so counts do too."""
    values = _grid(row, points=7)
    orders = [simulate("search", shoppers=N, seed=7, **{row["name"]: v}).orders for v in values]
    steps = np.diff(orders)
    assert np.all(steps >= 0) if row["effect"] == "raises" else np.all(steps <= 0), orders


def test_rating_effect_peaks_below_five_stars():
    grid = np.round(np.arange(4.0, 5.001, 0.1), 1)
    orders = [expected_funnel("search", rating=r)["shoppers"].iloc[-1] for r in grid]
    assert grid[int(np.argmax(orders))] == pytest.approx(4.7)


def test_gmv_is_units_times_price():
    r = simulate("search", shoppers=50_000, seed=3, price=17.5)
    assert r.gmv == pytest.approx(r.units * 17.5)
    assert r.orders <= r.units <= 2 * r.orders
