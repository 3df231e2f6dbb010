"""Tests for course.model.platform: the platform race."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.model.concentration import gini, top_share
from course.model.platform import (
    MAX_PLATFORMS,
    Platform,
    RaceResult,
    RaceSettings,
    example_platforms,
    race,
)


@pytest.fixture(scope="module")
def story() -> RaceResult:
    return race(example_platforms(), periods=52, seed=0)


def one(**changes) -> Platform:
    return dataclasses.replace(Platform(name="P"), **changes)


def final(result: RaceResult, column: str, platform: str | None = None) -> float:
    p = result.periods
    if platform is not None:
        p = p[p["platform"] == platform]
    return float(p[column].iloc[-1])


# --- shape --------------------------------------------------------------------------


def test_periods_table_is_tidy(story):
    p = story.periods
    assert len(p) == 3 * 52
    assert list(p["platform"].unique()) == ["Incumbent", "Interest feed", "Bargain bin"]
    assert list(p.loc[p["platform"] == "Incumbent", "period"]) == list(range(52))
    for col in (
        "creators",
        "users_m",
        "user_share",
        "richness",
        "engagement",
        "watch_hours_m",
        "orders",
        "gmv_usd",
        "trust",
        "churn",
        "retention",
        "new_users_m",
        "top1_share",
        "top10_share",
    ):
        assert col in p.columns
        assert np.all(np.isfinite(p[col]))
    assert (p["gmv_usd"] >= 0).all() and (p["users_m"] >= 0).all()
    assert np.allclose(p["retention"], 1 - p["churn"])
    assert np.allclose(p.groupby("period")["user_share"].sum(), 1.0)


def test_shares_and_rates_lie_between_0_and_1(story):
    p = story.periods
    for col in (
        "user_share",
        "richness",
        "engagement",
        "trust",
        "churn",
        "retention",
        "top1_share",
        "top10_share",
    ):
        assert p[col].between(0, 1).all(), col
    c = story.concentration
    for col in ("top1_share", "top10_share", "gini"):
        assert c[col].between(0, 1).all()
    assert (c["top1_share"] <= c["top10_share"]).all()
    assert story.creators["follower_share"].between(0, 1).all()


def test_users_never_exceed_the_market(story):
    total = story.periods.groupby("period")["users_m"].sum()
    assert (total <= story.settings.market_users_m + 1e-9).all()


def test_creators_table_matches_final_counts_and_concentration(story):
    cr = story.creators
    conc = story.concentration.set_index("platform")
    for name, group in cr.groupby("platform", sort=False):
        assert len(group) == conc.loc[name, "creators"] == final(story, "creators", name)
        assert list(group["rank"]) == list(range(1, len(group) + 1))
        assert (np.diff(group["followers"]) <= 0).all()
        assert group["follower_share"].sum() == pytest.approx(1.0)
        assert conc.loc[name, "top10_share"] == pytest.approx(top_share(group["followers"], 0.1))
        assert conc.loc[name, "gini"] == pytest.approx(gini(group["followers"]))
        assert final(story, "top10_share", name) == pytest.approx(conc.loc[name, "top10_share"])
        assert group["creator"].is_unique


def test_summary(story):
    s = story.summary.set_index("platform")
    g = story.periods.groupby("platform")["gmv_usd"].sum()
    assert np.allclose(s.loc[g.index, "total_gmv_usd"], g)
    assert s["final_user_share"].sum() == pytest.approx(1.0)
    assert (s["gmv_first_quarter_usd"] <= s["total_gmv_usd"]).all()


# --- determinism --------------------------------------------------------------------


def test_same_seed_same_numbers_other_seed_other_numbers():
    a = race(example_platforms(), periods=20, seed=3)
    b = race(example_platforms(), periods=20, seed=3)
    c = race(example_platforms(), periods=20, seed=4)
    pd.testing.assert_frame_equal(a.periods, b.periods)
    pd.testing.assert_frame_equal(a.creators, b.creators)
    pd.testing.assert_frame_equal(a.concentration, b.concentration)
    assert not a.creators["followers"].equals(c.creators["followers"])


def test_a_single_platform_can_race_alone():
    r = race(Platform(), periods=10)
    assert len(r.periods) == 10 and list(r.summary["platform"]) == ["Platform"]


# --- the ideas ----------------------------------------------------------------------


def test_head_creators_emerge(story):
    c = story.concentration
    assert (c["top10_share"] > 0.3).all()  # far above the 10% an even split gives
    assert (c["top1_share"] > 0.05).all()
    assert (c["gini"] > 0.5).all()
    p = story.periods
    inc = p[p["platform"] == "Incumbent"]
    assert inc["top10_share"].iloc[-1] > inc["top10_share"].iloc[0]


def test_network_effects_more_creators_bring_more_users_and_more_users_more_creators():
    few = race(one(creators=200), periods=30, seed=1)
    many = race(one(creators=2_000), periods=30, seed=1)
    assert final(many, "users_m") > final(few, "users_m")
    small = race(one(users_m=1.0), periods=30, seed=1)
    big = race(one(users_m=20.0), periods=30, seed=1)
    assert final(big, "creators") > final(small, "creators")


@pytest.mark.parametrize("lever", ["content_quality", "recommendation_accuracy"])
def test_better_content_and_recommendation_raise_watch_time_users_and_gmv(lever):
    lo = race(one(**{lever: 0.3}), periods=30, seed=2)
    hi = race(one(**{lever: 0.9}), periods=30, seed=2)
    for col in ("engagement", "watch_hours_m", "users_m", "gmv_usd"):
        assert final(hi, col) > final(lo, col), col


def test_poor_quality_lifts_gmv_now_and_cuts_it_later():
    poor = race(one(product_quality=0.5), periods=52, seed=0)
    good = race(one(product_quality=0.95), periods=52, seed=0)
    gp, gg = poor.periods["gmv_usd"].to_numpy(), good.periods["gmv_usd"].to_numpy()
    assert gp[:4].sum() > gg[:4].sum()  # cheap, poor products sell more at first
    assert gp[-8:].sum() < gg[-8:].sum()  # trust and users are gone later
    assert final(poor, "trust") < final(good, "trust")
    assert poor.periods["retention"].iloc[-1] < good.periods["retention"].iloc[-1]
    assert final(poor, "users_m") < final(good, "users_m")


def test_trust_drifts_toward_product_quality():
    r = race(one(product_quality=0.6, initial_trust=0.9), periods=80, seed=0)
    trust = r.periods["trust"].to_numpy()
    assert (np.diff(trust) <= 1e-12).all()
    assert trust[-1] == pytest.approx(0.6, abs=0.01)


def test_too_much_shopping_in_the_feed_loses_users():
    calm = race(one(ecommerce_share=0.07), periods=40, seed=0)
    pushy = race(one(ecommerce_share=0.30), periods=40, seed=0)
    assert final(pushy, "retention") < final(calm, "retention")
    assert final(pushy, "users_m") < final(calm, "users_m")
    assert pushy.periods["gmv_usd"].iloc[0] > calm.periods["gmv_usd"].iloc[0]


def test_better_recommendation_spreads_attention_to_good_content():
    # with a perfect recommender attention follows fitness, not followers
    r = race(
        one(recommendation_accuracy=1.0), periods=30, seed=5, settings=RaceSettings(luck_sigma=0.0)
    )
    cr = r.creators[r.creators["joined_period"] == 0]
    rho = np.corrcoef(
        np.argsort(np.argsort(cr["fitness"])), np.argsort(np.argsort(cr["followers"]))
    )[0, 1]
    assert rho > 0.99


@settings(max_examples=15, deadline=None)
@given(
    quality=st.floats(0, 1),
    accuracy=st.floats(0, 1),
    product=st.floats(0, 1),
    share=st.floats(0, 1),
    trust=st.floats(0, 1),
    creators=st.integers(1, 3000),
    users=st.floats(0, 40),
    seed=st.integers(0, 2**32),
)
def test_any_valid_platform_gives_bounded_finite_results(
    quality, accuracy, product, share, trust, creators, users, seed
):
    p = Platform(
        name="Q",
        creators=creators,
        users_m=users,
        content_quality=quality,
        recommendation_accuracy=accuracy,
        product_quality=product,
        ecommerce_share=share,
        initial_trust=trust,
    )
    r = race([p, Platform(name="R")], periods=8, seed=seed)
    per = r.periods
    assert np.all(np.isfinite(per.select_dtypes("number")))
    for col in ("trust", "churn", "engagement", "top1_share", "top10_share", "user_share"):
        assert per[col].between(0, 1).all()
    assert (per["users_m"] >= 0).all()
    assert per.groupby("period")["users_m"].sum().max() <= 100.0 + 1e-9


# --- validation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "field,value,err,match",
    [
        ("content_quality", 1.5, ValueError, "content_quality must be in"),
        ("recommendation_accuracy", -0.1, ValueError, "recommendation_accuracy"),
        ("product_quality", "good", TypeError, "product_quality must be a number"),
        ("creators", 0, ValueError, "creators must be a whole number"),
        ("creators", 10.0, TypeError, "creators must be a whole number"),
        ("users_m", -1, ValueError, "users_m must be in"),
        ("ecommerce_share", float("nan"), ValueError, "ecommerce_share must be a finite"),
        ("name", "", ValueError, "name must be a non-empty string"),
    ],
)
def test_platform_fields_are_validated(field, value, err, match):
    with pytest.raises(err, match=match):
        Platform(**{field: value})


def test_race_arguments_are_validated():
    with pytest.raises(ValueError, match="periods must be a whole number in \\[1, 520\\]"):
        race(Platform(), periods=0)
    with pytest.raises(ValueError, match="seed"):
        race(Platform(), seed=-1)
    with pytest.raises(ValueError, match=f"1 to {MAX_PLATFORMS} platforms"):
        race([])
    with pytest.raises(ValueError, match=f"1 to {MAX_PLATFORMS} platforms"):
        race([Platform(name=str(i)) for i in range(MAX_PLATFORMS + 1)])
    with pytest.raises(TypeError, match="platforms\\[1\\] must be a Platform"):
        race([Platform(), {"name": "x"}])
    with pytest.raises(ValueError, match="unique.*'Platform'"):
        race([Platform(), Platform()])
    with pytest.raises(TypeError, match="settings must be a RaceSettings"):
        race(Platform(), settings={"market_users_m": 5})
    with pytest.raises(ValueError, match="more than the market"):
        race([Platform(name="a", users_m=60), Platform(name="b", users_m=50)])


def test_settings_are_validated():
    with pytest.raises(ValueError, match="imitation must be in"):
        RaceSettings(imitation=0.9)
    with pytest.raises(ValueError, match="market_users_m must be in \\(0"):
        RaceSettings(market_users_m=0)
    with pytest.raises(ValueError, match="ecommerce_tolerance must be below 1"):
        RaceSettings(ecommerce_tolerance=1.0)
    with pytest.raises(ValueError, match="fitness_sigma"):
        RaceSettings(fitness_sigma=-1)
