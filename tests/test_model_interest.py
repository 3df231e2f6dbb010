"""The interest ordering: feed targeting, watch-through, sparked need, page trust, impulse."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.model import expected_funnel, levers, simulate, top_share
from course.model.interest import (
    STAGES,
    show_threshold,
    shown_interest,
    video_appeal,
    video_views_share,
    video_watch_rates,
)
from course.model.params import Feed

N = 200_000


def _grid(row, points=25):
    if isinstance(row.default, int):
        return sorted(set(np.linspace(row.low, row.high, points).round().astype(int).tolist()))
    return np.linspace(row.low, row.high, points).tolist()


def test_stages_follow_touchpoint_need_trust():
    r = simulate("interest", shoppers=10_000, seed=0)
    assert r.funnel["stage"].tolist() == list(STAGES)
    assert r.funnel["factor"].tolist() == [None, "touchpoint", "need", "trust", None]


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_show_threshold_gives_exactly_the_reach(accuracy, reach):
    """P(a X + (1 - a) U > t) = reach, checked by integrating P(shown | x) exactly."""
    t = show_threshold(accuracy, reach)
    assert 0.0 <= t <= 1.0
    a, b = accuracy, 1.0 - accuracy
    x = (np.arange(200_000) + 0.5) / 200_000
    shown = (x > t).mean() if b == 0 else np.clip(1.0 - (t - a * x) / b, 0.0, 1.0).mean()
    assert shown == pytest.approx(reach, abs=2e-5)


@pytest.mark.parametrize(
    ("accuracy", "reach"), [(0.0, 0.3), (0.3, 0.2), (0.6, 0.2), (0.8, 0.7), (1.0, 0.3), (0.5, 0.5)]
)
def test_shown_interest_matches_monte_carlo(accuracy, reach):
    rng = np.random.default_rng(0)
    x, u = rng.random(1_000_000), rng.random(1_000_000)
    shown = accuracy * x + (1 - accuracy) * u > show_threshold(accuracy, reach)
    assert shown.mean() == pytest.approx(reach, abs=0.002)
    assert x[shown].mean() == pytest.approx(shown_interest(accuracy, reach), abs=0.003)


def test_shown_interest_rises_with_accuracy_and_falls_with_reach():
    acc = [shown_interest(a, 0.2) for a in np.linspace(0, 1, 21)]
    assert acc[0] == pytest.approx(0.5) and acc[-1] == pytest.approx(0.9)
    assert np.all(np.diff(acc) > 0)
    by_reach = [shown_interest(0.7, r) for r in np.linspace(0.05, 1, 20)]
    assert np.all(np.diff(by_reach) < 0)
    assert shown_interest(0.7, 1.0) == pytest.approx(0.5)
    assert 0.5 <= shown_interest(0.7, 0.0) <= 1.0


def test_videos_views_are_heavy_tailed_and_virality_concentrates_them():
    assert video_views_share(Feed(virality=0.0)) == pytest.approx(np.full(12, 1 / 12))
    shares = [top_share(video_views_share(Feed(virality=v)), 0.1) for v in (0.0, 1.0, 2.0, 3.0)]
    assert np.all(np.diff(shares) > 0)
    assert shares[-1] > 0.5  # at virality 3 the top 10% of videos get most views
    assert np.all(np.diff(video_appeal(Feed())) > 0)
    assert np.all(np.diff(video_watch_rates(Feed())) > 0)
    assert video_watch_rates(Feed(content_quality=0.0)).max() == 0.0
    assert video_watch_rates(Feed(content_quality=1.0)).min() == 1.0


def test_videos_table_agrees_with_the_funnel():
    r = simulate("interest", shoppers=100_000, seed=3, virality=2.0)
    videos = r.tables["videos"]
    assert videos["video"].tolist() == list(range(1, 13))
    assert {"video", "views", "orders"} <= set(videos.columns)
    assert videos["views"].sum() == r.funnel["shoppers"].iloc[1]
    assert videos["needs"].sum() == r.funnel["shoppers"].iloc[2]
    assert videos["orders"].sum() == r.orders
    assert videos["gmv"].sum() == pytest.approx(r.gmv)
    assert (videos["watched"] <= videos["views"]).all()
    assert top_share(videos["views"], 0.1) > 0.3  # the top video alone


def test_outcomes_agree_with_the_funnel():
    r = simulate("interest", shoppers=30_000, seed=5, outcomes=True)
    out = r.outcomes
    stages = ["touchpoint", "need", "trust", "purchase"]
    assert [len(out), *(int(out[s].sum()) for s in stages)] == r.funnel["shoppers"].tolist()
    assert (out["watched"] >= out["need"]).all()
    assert ((out["video"] > 0) == out["touchpoint"]).all()
    assert out["units"].sum() == r.units and out["spend"].sum() == pytest.approx(r.gmv)
    views = out.loc[out["video"] > 0, "video"].value_counts().sort_index()
    assert views.tolist() == r.tables["videos"]["views"].tolist()
    # the feed picks interested viewers: they are more interested than the population
    assert out.loc[out["touchpoint"], "interest"].mean() > out["interest"].mean() + 0.1


def test_monte_carlo_mean_matches_the_closed_form():
    n, seeds = 50_000, range(24)
    counts = np.array([simulate("interest", shoppers=n, seed=s).funnel["shoppers"] for s in seeds])
    exact = expected_funnel("interest", shoppers=n)["shoppers"].to_numpy()
    mean = counts.mean(axis=0)
    se = counts.std(axis=0, ddof=1) / np.sqrt(len(seeds))
    assert np.all(np.abs(mean[1:] - exact[1:]) < 4 * se[1:] + 1e-9)


def test_perfect_accuracy_shows_the_most_interested():
    r = simulate("interest", shoppers=20_000, seed=2, accuracy=1.0, reach=0.25, outcomes=True)
    shown = r.outcomes.loc[r.outcomes["touchpoint"], "interest"]
    assert shown.min() > 0.75 - 1e-9
    assert len(shown) == pytest.approx(5_000, rel=0.05)


def test_no_reach_no_orders():
    r = simulate("interest", shoppers=10_000, seed=0, reach=0.0)
    assert r.funnel["shoppers"].iloc[1:].tolist() == [0, 0, 0, 0]
    assert r.gmv == 0.0 and r.tables["videos"]["views"].sum() == 0


@pytest.mark.parametrize(
    "row", [r for _, r in levers("interest").iterrows()], ids=lambda r: r["name"]
)
def test_closed_form_orders_move_as_the_lever_table_says(row):
    values = _grid(row)
    orders = [
        expected_funnel("interest", shoppers=N, **{row["name"]: v})["shoppers"].iloc[-1]
        for v in values
    ]
    steps = np.diff(orders)
    if row["effect"] == "raises":
        assert np.all(steps >= -1e-9), orders
    elif row["effect"] == "lowers":
        assert np.all(steps <= 1e-9), orders
    else:
        assert np.any(steps > 1e-9) and np.any(steps < -1e-9), orders
    assert orders[0] != pytest.approx(orders[-1], rel=1e-6)


@pytest.mark.parametrize(
    "row",
    [r for _, r in levers("interest").iterrows() if r["effect"] != "depends"],
    ids=lambda r: r["name"],
)
def test_simulated_orders_move_as_the_lever_table_says(row):
    """Common random numbers, many shoppers: low <= default <= high (or the reverse)."""
    values = [row["low"], row["default"], row["high"]]
    orders = [simulate("interest", shoppers=N, seed=11, **{row["name"]: v}).orders for v in values]
    steps = np.diff(orders)
    assert np.all(steps >= 0) if row["effect"] == "raises" else np.all(steps <= 0), orders
    assert orders[0] != orders[-1]
