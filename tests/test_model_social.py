"""The social ordering: creators, trust that moves with buyers' experience, word of mouth."""

from __future__ import annotations

import numpy as np
import pytest

from course.model import expected_funnel, gini, levers, simulate, top_share
from course.model.params import CreatorNetwork, Population, Product
from course.model.social import (
    STAGES,
    buy_probability,
    follower_shares,
    link_probability,
    weekly_need_rate,
)

N = 200_000


def test_stages_follow_trust_need_touchpoint():
    r = simulate("social", shoppers=10_000, seed=0)
    assert r.funnel["stage"].tolist() == list(STAGES)
    assert r.funnel["factor"].tolist() == [None, "trust", "need", "touchpoint", None]


def test_weekly_need_rate_compounds_to_the_monthly_rate():
    for q in (0.0, 0.05, 0.5, 1.0):
        h = weekly_need_rate(q)
        assert 1 - (1 - h) ** 4 == pytest.approx(q)


def test_follower_counts_are_heavy_tailed():
    shares = follower_shares(CreatorNetwork())
    assert shares.sum() == pytest.approx(1.0)
    assert np.all(np.diff(shares) < 0)
    assert top_share(shares, 0.1) > 0.5  # the top 10 of 100 creators hold most followers
    assert gini(shares) > 0.5
    flat = follower_shares(CreatorNetwork(follower_tail=0.0))
    assert gini(flat) == pytest.approx(0.0, abs=1e-12)


def test_link_and_buy_probabilities():
    net = CreatorNetwork()
    assert link_probability(CreatorNetwork(discount=0.0)) == pytest.approx(net.link_use)
    assert link_probability(CreatorNetwork(discount=0.2)) > link_probability(net)
    pop, prod = Population(), Product()
    at_expected = buy_probability(
        pop, Product(price=pop.reference_price), CreatorNetwork(discount=0.0)
    )
    assert at_expected == pytest.approx(net.buy_at_link)
    assert buy_probability(pop, Product(price=40), net) < buy_probability(pop, prod, net)


def test_tables_agree_with_the_funnel():
    r = simulate("social", shoppers=100_000, seed=1, weeks=8)
    periods, creators = r.tables["periods"], r.tables["creators"]
    assert periods["period"].tolist() == list(range(1, 9))
    assert {"period", "trust", "buyers", "gmv", "followers"} <= set(periods.columns)
    assert {"creator", "followers", "trust"} <= set(creators.columns)
    assert periods["buyers"].sum() == r.orders == creators["buyers"].sum()
    assert periods["units"].sum() == r.units == creators["units"].sum()
    assert periods["gmv"].sum() == pytest.approx(r.gmv)
    assert creators["gmv"].sum() == pytest.approx(r.gmv)
    assert periods["link_visits"].sum() == r.funnel["shoppers"].iloc[3]
    assert periods["trusting"].sum() == r.funnel["shoppers"].iloc[2]
    assert len(creators) == r.levers["creators"]
    assert np.all(np.diff(creators["followers"]) <= 0) or creators["followers"].iloc[0] > 0
    assert ((periods["trust"] >= 0) & (periods["trust"] <= 1)).all()


def test_outcomes_agree_with_the_funnel():
    r = simulate("social", shoppers=30_000, seed=5, outcomes=True)
    out = r.outcomes
    stages = ["trust", "need", "touchpoint", "purchase"]
    assert [len(out), *(int(out[s].sum()) for s in stages)] == r.funnel["shoppers"].tolist()
    assert (out["trust"] <= out["partner"]).all()
    assert (out.loc[out["partner"], "follows_creator"] <= r.levers["creators"]).all()
    assert (out.loc[out["need"], "need_week"] >= 1).all()
    assert out["units"].sum() == r.units and out["spend"].sum() == pytest.approx(r.gmv)
    assert out["satisfied"].sum() == r.tables["periods"]["satisfied"].sum()


def test_trust_rises_with_good_products_and_falls_with_bad_ones():
    good = simulate("social", shoppers=N, seed=2, weeks=12, quality=0.95, creator_trust=0.5)
    bad = simulate("social", shoppers=N, seed=2, weeks=12, quality=0.2, creator_trust=0.5)
    good_trust = good.tables["periods"]["trust"].to_numpy()
    bad_trust = bad.tables["periods"]["trust"].to_numpy()
    assert good_trust[0] == bad_trust[0] == pytest.approx(0.5)
    assert good_trust[-1] > 0.8 and bad_trust[-1] < 0.3
    assert good.tables["creators"]["trust"].min() > 0.5
    assert bad.tables["creators"]["trust"].max() < 0.5
    # a poor product sells less later: weekly buyers fall
    weekly = bad.tables["periods"]["buyers"].to_numpy()
    assert weekly[-3:].mean() < weekly[:3].mean()


def test_word_of_mouth_brings_needs_forward():
    quiet = simulate("social", shoppers=N, seed=3, word_of_mouth=0.0)
    loud = simulate("social", shoppers=N, seed=3, word_of_mouth=0.8)
    assert quiet.tables["periods"]["word_of_mouth_needs"].sum() == 0
    assert loud.tables["periods"]["word_of_mouth_needs"].sum() > 0
    assert loud.tables["periods"]["word_of_mouth_needs"].iloc[0] == 0  # nobody bought yet
    assert loud.orders > quiet.orders


def test_more_weeks_only_add_to_the_same_first_weeks():
    short = simulate("social", shoppers=50_000, seed=4, weeks=3)
    long = simulate("social", shoppers=50_000, seed=4, weeks=6)
    first = long.tables["periods"].iloc[:3].reset_index(drop=True)
    assert short.tables["periods"].equals(first)
    assert long.orders >= short.orders


def test_edge_cases_give_no_orders():
    for levers_ in ({"follower_share": 0.0}, {"need_rate": 0.0}, {"creator_trust": 0.0}):
        r = simulate("social", shoppers=20_000, seed=0, **levers_)
        assert r.orders == 0 and r.gmv == 0.0, levers_
        assert r.tables["periods"]["buyers"].sum() == 0


def test_certain_need_and_full_trust():
    r = simulate(
        "social", shoppers=20_000, seed=0, need_rate=1.0, creator_trust=1.0, quality=1.0, weeks=1
    )
    f = r.funnel["shoppers"].tolist()
    assert f[1] == f[2]  # everyone who trusts needs it in week 1
    assert f[1] == r.tables["creators"]["followers"].sum()


def test_no_closed_form():
    with pytest.raises(ValueError, match="ordering must be 'search' or 'interest'"):
        expected_funnel("social")


def test_gmv_uses_the_discounted_price():
    r = simulate("social", shoppers=50_000, seed=6, price=30, discount=0.2)
    assert r.gmv == pytest.approx(r.units * 30 * 0.8)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(
    "row", [r for _, r in levers("social").iterrows()], ids=lambda r: r["name"]
)
def test_simulated_orders_move_as_the_lever_table_says(row, seed):
    """Common random numbers, many shoppers: low <= default <= high (or the reverse)."""
    values = [row["low"], row["default"], row["high"]]
    orders = [simulate("social", shoppers=N, seed=seed, **{row["name"]: v}).orders for v in values]
    steps = np.diff(orders)
    if row["effect"] == "raises":
        assert np.all(steps >= 0), orders
    elif row["effect"] == "lowers":
        assert np.all(steps <= 0), orders
    assert orders[0] != orders[-1]


def test_weeks_never_lower_orders_on_a_fine_grid():
    orders = [simulate("social", shoppers=50_000, seed=9, weeks=w).orders for w in range(1, 13)]
    assert np.all(np.diff(orders) >= 0)


def test_need_rate_depends_when_trust_is_still_growing():
    """Very common needs arrive before trust has grown: the lever is 'depends' here."""
    kw = {"shoppers": 100_000, "seed": 0, "creator_trust": 0.1, "quality": 1.0, "weeks": 12}
    mid = simulate("social", need_rate=0.3, **kw).orders
    high = simulate("social", need_rate=1.0, **kw).orders
    assert high < mid
    assert (
        simulate("social", need_rate=0.1, **kw).orders
        > simulate("social", need_rate=0.02, **kw).orders
    )
