"""Tests for course.plots: each plot returns a Figure with the expected artists, words and colours.

The frames here are synthetic (built to the contracts in docs/design.md), so these
tests do not depend on the model.
"""

from __future__ import annotations

import types

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from course.factors import Ordering
from course.model.concentration import top_share
from course.plots import (
    NeedsRedraw,
    comparison_chart,
    comparison_title,
    course_style,
    factor_marker,
    funnel_chart,
    funnel_comparison,
    funnel_comparison_title,
    funnel_title,
    heavy_tail_chart,
    ordering_colour,
    ordering_diagram,
    series_chart,
    stage_labels,
    text,
    tornado_chart,
    update_comparison_chart,
    update_funnel_chart,
    update_funnel_comparison,
    use_course_style,
)
from course.plots._common import fmt_count, fmt_pct, fmt_usd
from course.plots.style import GREY, HIGHLIGHT, ORDERING_COLOURS, RC

BLUE, VERMILLION, GREEN = "#0072b2", "#d55e00", "#009e73"


# ----------------------------------------------------------------------------- helpers
def make_funnel(ordering="search", start=100_000, rates=(0.3, 0.2, 0.5, 0.9), with_ordering=False):
    o = Ordering.parse(ordering)
    counts = [start]
    for r in rates:
        counts.append(int(round(counts[-1] * r)))
    prev = [1.0] + [counts[i] / counts[i - 1] if counts[i - 1] else 0.0 for i in range(1, 5)]
    df = pd.DataFrame(
        {
            "stage": ["population", *(f"{f.value}: step" for f in o.steps), "purchase"],
            "factor": [None, *(f.value for f in o.steps), None],
            "shoppers": counts,
            "rate_from_previous": prev,
            "rate_from_start": [c / start for c in counts],
        }
    )
    if with_ordering:
        df.insert(0, "ordering", o.value)
    return df


RATES = {
    "search": (0.3, 0.25, 0.4, 0.95),
    "interest": (0.6, 0.08, 0.3, 0.9),
    "social": (0.05, 0.5, 0.7, 0.95),
}


def make_compare(orderings=("search", "interest", "social")):
    return pd.concat(
        [make_funnel(o, rates=RATES[o], with_ordering=True) for o in orderings], ignore_index=True
    )


def make_summary():
    return pd.DataFrame(
        {
            "ordering": ["social", "search", "interest"],
            "orders": [1662, 2850, 1296],
            "units": [1700, 3000, 1400],
            "gmv": [41550.0, 71250.0, 32400.0],
            "conversion": [0.01662, 0.0285, 0.01296],
        }
    )


def make_sensitivity():
    return pd.DataFrame(
        {
            "lever": ["price", "rating", "content_quality"],
            "label": ["Price (USD)", "Average rating (stars)", "Content quality (0 to 1)"],
            "low": [52_000.0, 30_000.0, 28_000.0],
            "high": [31_000.0, 50_000.0, 61_000.0],
            "base": 42_000.0,
            "low_setting": [15.0, 3.5, 0.2],
            "high_setting": [45.0, 4.9, 0.9],
        }
    )


def make_periods(n=12):
    return pd.DataFrame(
        {
            "period": np.arange(n),
            "trust": np.linspace(0.5, 0.72, n),
            "buyers": np.arange(n) * 10 + 50,
            "gmv": np.linspace(1000, 5000, n),
        }
    )


def hexes(colours):
    return [to_hex(c) for c in colours]


@pytest.fixture(autouse=True)
def _no_open_figures():
    """Every plot function must leave no figure open in pyplot."""
    plt.close("all")
    yield
    assert plt.get_fignums() == [], "a plot function left a pyplot figure open"
    plt.close("all")


# ----------------------------------------------------------------------------- style
def test_fixed_colours_and_marks():
    assert ORDERING_COLOURS == {"search": "#0072B2", "interest": "#D55E00", "social": "#009E73"}
    assert ordering_colour("traditional") == "#0072B2"
    assert ordering_colour(Ordering.SOCIAL) == "#009E73"
    assert [factor_marker(f) for f in ("need", "touchpoint", "trust")] == ["o", "s", "^"]
    assert GREY == "#595959" and HIGHLIGHT == "#E69F00"
    with pytest.raises(ValueError, match="ordering"):
        ordering_colour("tv")
    with pytest.raises(ValueError, match="factor"):
        factor_marker("price")


def test_course_style_is_temporary_and_use_course_style_is_global():
    before = matplotlib.rcParams["axes.spines.top"]
    with course_style():
        assert matplotlib.rcParams["axes.spines.top"] is False
        assert matplotlib.rcParams["axes.titlelocation"] == "left"
    assert matplotlib.rcParams["axes.spines.top"] == before
    with matplotlib.rc_context():
        use_course_style()
        assert matplotlib.rcParams["axes.titleweight"] == RC["axes.titleweight"]


# ----------------------------------------------------------------------------- diagram
def test_ordering_diagram_all_three_rows_in_fixed_colours():
    fig = ordering_diagram()
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    edge = {to_hex(p.get_edgecolor()) for p in ax.patches}
    assert {BLUE, VERMILLION, GREEN} <= edge
    words = [t.get_text() for t in ax.texts]
    for name in text.ORDERING_NAMES.values():
        assert name in words
    assert words.count(text.DIAGRAM["purchase"]) == 3
    # Each ordering's markers carry its colour and its factors' marks, in its order.
    for o in Ordering:
        lines = [ln for ln in ax.lines if (ln.get_gid() or "").startswith(f"marker-{o.value}-")]
        assert [ln.get_marker() for ln in lines] == [factor_marker(f) for f in o.steps]
        assert {to_hex(ln.get_color()) for ln in lines} == {ORDERING_COLOURS[o.value].lower()}
    assert ax.get_title(loc="left") == text.DIAGRAM["title_all"]
    plt.close(fig)


def test_ordering_diagram_one_ordering_on_given_axes():
    fig, ax = plt.subplots()
    out = ordering_diagram("interest", ax=ax)
    assert out is fig
    assert ax.get_title(loc="left").startswith(text.ORDERING_NAMES["interest"])
    assert "touchpoint" in ax.get_title(loc="left")
    assert sum(t.get_text() == text.DIAGRAM["purchase"] for t in ax.texts) == 1
    plt.close(fig)


@pytest.mark.parametrize("bad, exc", [("tv", ValueError), (3, TypeError)])
def test_ordering_diagram_rejects_bad_ordering(bad, exc):
    with pytest.raises(exc, match="ordering"):
        ordering_diagram(bad)


def test_single_axes_functions_reject_non_axes():
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes"):
        ordering_diagram(ax="left")


# ----------------------------------------------------------------------------- funnel
def test_funnel_chart_bars_labels_and_colour():
    df = make_funnel("interest", rates=RATES["interest"], with_ordering=True)
    fig = funnel_chart(df)
    ax = fig.axes[0]
    bars = ax.patches
    assert len(bars) == 5
    assert [b.get_width() for b in bars] == list(df["shoppers"].astype(float))
    assert to_hex(bars[0].get_facecolor()) != VERMILLION  # start row is grey
    assert {to_hex(b.get_facecolor()) for b in bars[1:]} == {VERMILLION}
    assert [t.get_text() for t in ax.get_yticklabels()] == stage_labels(df, "interest")
    assert ax.get_xlabel() == text.FUNNEL["xlabel_log"]
    markers = [ln.get_marker() for ln in ax.lines if (ln.get_gid() or "").startswith("marker-")]
    assert markers == ["s", "o", "^"]  # touchpoint, need, trust
    conv = fmt_pct(df["rate_from_start"].iloc[-1])
    assert conv in ax.get_title(loc="left") and "need" in ax.get_title(
        loc="left"
    )  # 8% at need is the biggest drop
    notes = [t.get_text() for t in ax.texts]
    assert notes[1] == text.FUNNEL["bar_note"].format(count="60,000", rate="60%")
    plt.close(fig)


def test_funnel_chart_accepts_a_simulation_result():
    result = types.SimpleNamespace(
        funnel=make_funnel("social", rates=RATES["social"]), ordering=Ordering.SOCIAL
    )
    fig = funnel_chart(result)
    ax = fig.axes[0]
    assert {to_hex(b.get_facecolor()) for b in ax.patches[1:]} == {GREEN}
    assert text.ORDERING_NAMES["social"] in ax.get_title(loc="left")
    assert ax.get_yticklabels()[1].get_text() == text.STAGES["social"]["trust"]
    plt.close(fig)


def test_funnel_chart_without_ordering_is_grey_and_generic():
    fig = funnel_chart(make_funnel())
    ax = fig.axes[0]
    assert to_hex(ax.patches[1].get_facecolor()) == GREY.lower()
    assert ax.get_yticklabels()[1].get_text() == text.STAGES["generic"]["need"]
    plt.close(fig)


def test_funnel_chart_shows_unknown_stage():
    df = make_funnel().astype({"shoppers": float})
    df.loc[2, ["shoppers", "rate_from_previous", "rate_from_start"]] = np.nan
    fig = funnel_chart(df, ordering="search")
    assert any(t.get_text() == text.FUNNEL["bar_note_unknown"] for t in fig.axes[0].texts)
    plt.close(fig)


@pytest.mark.parametrize(
    "mutate, exc, match",
    [
        (lambda d: d.drop(columns="rate_from_start"), ValueError, "rate_from_start"),
        (lambda d: d.assign(shoppers=-d["shoppers"]), ValueError, "zero or more"),
        (lambda d: d.assign(rate_from_previous=2.0), ValueError, r"\[0, 1\]"),
        (
            lambda d: d.assign(factor=["x", "need", "touchpoint", "trust", None]),
            ValueError,
            "row 0",
        ),
        (lambda d: d.iloc[0:0], ValueError, "at least one row"),
        (lambda d: d.assign(shoppers="many"), TypeError, "numbers"),
    ],
)
def test_funnel_chart_rejects_bad_frames(mutate, exc, match):
    with pytest.raises(exc, match=match):
        funnel_chart(mutate(make_funnel()))


def test_funnel_chart_rejects_several_orderings_and_other_types():
    with pytest.raises(ValueError, match="funnel_comparison"):
        funnel_chart(make_compare())
    with pytest.raises(TypeError, match="funnel_or_result"):
        funnel_chart([1, 2, 3])


@settings(max_examples=15, deadline=None)
@given(
    start=st.integers(1, 10_000_000),
    rates=st.tuples(*[st.floats(0.0, 1.0) for _ in range(4)]),
    ordering=st.sampled_from(["search", "interest", "social"]),
)
def test_funnel_chart_bar_widths_match_any_valid_funnel(start, rates, ordering):
    df = make_funnel(ordering, start=start, rates=rates)
    fig = funnel_chart(df, ordering=ordering)
    widths = [b.get_width() for b in fig.axes[0].patches]
    assert widths == list(df["shoppers"].astype(float))
    plt.close(fig)


def test_funnel_comparison_groups_steps_in_fixed_colours():
    df = make_compare()
    fig = funnel_comparison(df)
    ax = fig.axes[0]
    for key, colour in (("search", BLUE), ("interest", VERMILLION), ("social", GREEN)):
        bars = [p for p in ax.patches if (p.get_gid() or "").startswith(f"bar-{key}-")]
        assert len(bars) == 5
        assert {to_hex(b.get_facecolor()) for b in bars} == {colour}
        marks = [
            ln.get_marker() for ln in ax.lines if (ln.get_gid() or "").startswith(f"marker-{key}-")
        ]
        assert marks == [factor_marker(f) for f in Ordering(key).steps]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == text.STAGES["population"] and labels[-1] == text.STAGES["purchase"]
    legend_words = [t.get_text() for leg in [*ax.artists, ax.get_legend()] for t in leg.get_texts()]
    assert set(text.ORDERING_NAMES.values()) <= set(legend_words)
    assert set(text.FACTOR_NAMES.values()) <= set(legend_words)
    # search ends with 2,850 buyers, the most
    assert text.ORDERING_NAMES["search"] in ax.get_title(loc="left")
    plt.close(fig)


def test_funnel_comparison_accepts_dict_of_results_and_a_subset():
    results = {
        Ordering.SOCIAL: types.SimpleNamespace(funnel=make_funnel("social", rates=RATES["social"])),
        "interest": types.SimpleNamespace(funnel=make_funnel("interest", rates=RATES["interest"])),
    }
    fig = funnel_comparison(results)
    gids = {p.get_gid().split("-")[1] for p in fig.axes[0].patches if p.get_gid()}
    assert gids == {"social", "interest"}
    plt.close(fig)
    with pytest.raises(ValueError, match="ordering"):
        funnel_comparison(make_funnel())
    with pytest.raises(ValueError, match="compare_df key"):
        funnel_comparison({"tv": make_funnel()})


# ----------------------------------------------------------------------------- comparison
def test_comparison_chart_three_panels_in_fixed_order_and_colours():
    fig = comparison_chart(make_summary())
    assert len(fig.axes) == 3
    for ax, col in zip(fig.axes, ("orders", "gmv", "conversion"), strict=True):
        assert ax.get_ylabel() == text.COMPARE[col]
        assert hexes(p.get_facecolor() for p in ax.patches) == [BLUE, VERMILLION, GREEN]
        assert [t.get_text() for t in ax.get_xticklabels()] == list(text.ORDERING_SHORT.values())
    gmv_ax = fig.axes[1]
    assert [p.get_height() for p in gmv_ax.patches] == [71250.0, 32400.0, 41550.0]
    assert fmt_usd(71250.0) in [t.get_text() for t in gmv_ax.texts]
    assert to_hex(gmv_ax.patches[0].get_edgecolor()) == HIGHLIGHT.lower()
    assert text.ORDERING_NAMES["search"] in fig._suptitle.get_text()
    plt.close(fig)


def test_comparison_chart_on_given_axes_and_bad_input():
    fig, axes = plt.subplots(1, 3)
    assert comparison_chart(make_summary(), ax=axes) is fig
    assert fig._suptitle is None  # the caller owns the figure's headline
    with pytest.raises(ValueError, match="3 Axes"):
        comparison_chart(make_summary(), ax=axes[:2])
    plt.close(fig)
    dup = make_summary().assign(ordering=["search", "search", "social"])
    with pytest.raises(ValueError, match="one row per ordering"):
        comparison_chart(dup)
    with pytest.raises(ValueError, match="conversion"):
        comparison_chart(make_summary().assign(conversion=1.5))
    with pytest.raises(ValueError, match="gmv"):
        comparison_chart(make_summary().drop(columns="gmv"))


# ----------------------------------------------------------------------------- heavy tails
def test_heavy_tail_lorenz_marks_top_shares():
    values = np.random.default_rng(3).lognormal(5, 2, 20_000)
    fig = heavy_tail_chart(values, "views")
    ax = fig.axes[0]
    curve = next(ln for ln in ax.lines if ln.get_gid() == "lorenz")
    x, y = curve.get_data()
    assert x[0] == 0 and y[0] == 0 and x[-1] == 1 and y[-1] == pytest.approx(1)
    assert len(x) <= 2500  # thinned
    for pct, fraction in ((1, 0.01), (10, 0.10)):
        point = next(ln for ln in ax.lines if ln.get_gid() == f"top-{pct}")
        assert point.get_ydata()[0] == pytest.approx(1 - top_share(values, fraction))
        assert to_hex(point.get_color()) == HIGHLIGHT.lower()
    assert fmt_pct(top_share(values, 0.01)) in ax.get_title(loc="left")
    assert ax.get_xlabel() == text.TAILS["lorenz_xlabel"].format(items="videos")
    plt.close(fig)


def test_heavy_tail_rank_uses_log_axes_and_drops_zeros():
    values = np.concatenate([[0, 0], (np.random.default_rng(1).pareto(1.2, 500) + 1) * 100])
    fig = heavy_tail_chart(pd.Series(values), kind="followers", style="rank")
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    line = next(ln for ln in ax.lines if ln.get_gid() == "rank")
    assert len(line.get_xdata()) == 500
    assert "creators" in ax.get_title(loc="left") and "followers" in ax.get_title(loc="left")
    plt.close(fig)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"values": [1, 2], "kind": "likes"}, ValueError, "kind"),
        ({"values": [1, 2], "style": "pie"}, ValueError, "style"),
        ({"values": [1, -2]}, ValueError, "zero or more"),
        ({"values": []}, ValueError, "at least one"),
        ({"values": [0, 0], "style": "rank"}, ValueError, "above 0"),
    ],
)
def test_heavy_tail_rejects_bad_input(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        heavy_tail_chart(**kwargs)


# ----------------------------------------------------------------------------- series
def test_series_chart_panels_labels_and_title():
    df = make_periods()
    fig = series_chart(df, ["trust", "buyers", "gmv"])
    assert len(fig.axes) == 3
    assert [a.get_ylabel() for a in fig.axes] == [
        text.SERIES["columns"][c] for c in ("trust", "buyers", "gmv")
    ]
    assert all(a.get_xlabel() == text.SERIES["period_units"]["periods"]["xlabel"] for a in fig.axes)
    assert fig._suptitle.get_text() == text.SERIES["title_rise"].format(
        column="Trust", start="0.5", end="0.72", periods=12, unit="periods"
    )
    plt.close(fig)


def test_series_chart_groups_by_ordering_with_fixed_colours():
    df = make_periods()
    stacked = pd.concat(
        [
            df.assign(ordering=o, gmv=df["gmv"] * k)
            for o, k in (("search", 1.0), ("interest", 2.0), ("social", 0.5))
        ]
    )
    fig = series_chart(stacked, "gmv")
    ax = fig.axes[0]
    assert hexes(ln.get_color() for ln in ax.lines) == [BLUE, VERMILLION, GREEN]
    assert text.ORDERING_NAMES["interest"] in ax.get_title(loc="left")
    plt.close(fig)


def test_series_chart_falling_and_default_columns():
    df = make_periods().assign(trust=lambda d: d["trust"][::-1].to_numpy())
    fig = series_chart(df[["period", "trust"]])
    assert fig.axes[0].get_title(loc="left").startswith("Trust falls")
    plt.close(fig)


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"columns": ["trust", "reach"]}, ValueError, "reach"),
        ({"columns": ["trust", "buyers", "gmv", "trust", "buyers"]}, ValueError, "at most 4"),
        ({"columns": []}, ValueError, "at least one"),
        ({"by": "platform"}, ValueError, "by"),
    ],
)
def test_series_chart_rejects_bad_input(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        series_chart(make_periods(), **kwargs)


# ----------------------------------------------------------------------------- tornado
def test_tornado_sorted_by_swing_with_low_and_high_colours():
    fig = tornado_chart(make_sensitivity())
    ax = fig.axes[0]
    labels = [t.get_text().split("\n")[0] for t in ax.get_yticklabels()]
    # swings: content 33,000 > price 21,000 > rating 20,000; top of the chart first
    assert labels == ["Content quality (0 to 1)", "Price (USD)", "Average rating (stars)"]
    assert "15 to 45" in ax.get_yticklabels()[1].get_text()
    low = next(p for p in ax.patches if p.get_gid() == "bar-price-low")
    high = next(p for p in ax.patches if p.get_gid() == "bar-price-high")
    assert (
        to_hex(low.get_facecolor()) == GREY.lower()
        and to_hex(high.get_facecolor()) == HIGHLIGHT.lower()
    )
    assert low.get_x() == 42_000 and low.get_x() + low.get_width() == 52_000
    base = next(ln for ln in ax.lines if ln.get_gid() == "base")
    assert base.get_xdata()[0] == 42_000
    assert ax.get_title(loc="left").startswith("Content quality moves GMV")
    assert ax.get_xlabel().startswith(text.TORNADO["metrics"]["gmv"])
    plt.close(fig)


def test_tornado_without_optional_columns_and_other_metric():
    df = make_sensitivity().drop(columns=["label", "low_setting", "high_setting"])
    df[["low", "high", "base"]] = df[["low", "high", "base"]] / 100_000
    fig = tornado_chart(df, metric="conversion")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["content_quality", "price", "rating"]
    assert ax.get_xlabel().startswith(text.TORNADO["metrics"]["conversion"])
    plt.close(fig)


@pytest.mark.parametrize(
    "mutate, kwargs, match",
    [
        (lambda d: d.assign(base=[1.0, 2.0, 3.0]), {}, "same on every row"),
        (lambda d: d.drop(columns="high"), {}, "high"),
        (lambda d: d.drop(columns="high_setting"), {}, "both"),
        (lambda d: d.assign(lever="price"), {}, "one row per lever"),
        (lambda d: d.assign(low=np.nan), {}, "finite"),
        (lambda d: d, {"metric": "happiness"}, "metric"),
    ],
)
def test_tornado_rejects_bad_input(mutate, kwargs, match):
    with pytest.raises(ValueError, match=match):
        tornado_chart(mutate(make_sensitivity()), **kwargs)


# ----------------------------------------------------------------------------- formats
@pytest.mark.parametrize(
    "fn, x, expected",
    [
        (fmt_count, 42_000, "42,000"),
        (fmt_count, 1_234_567, "1.2M"),
        (fmt_usd, 12_300.4, "$12,300"),
        (fmt_usd, -50, "-$50"),
        (fmt_pct, 0.42, "42%"),
        (fmt_pct, 0.012, "1.2%"),
        (fmt_pct, 0.0005, "0.05%"),
        (fmt_pct, 0.0, "0%"),
    ],
)
def test_number_formats(fn, x, expected):
    assert fn(x) == expected


@given(st.floats(min_value=1e-9, max_value=1.0))
def test_fmt_pct_never_rounds_a_positive_share_to_zero(x):
    assert fmt_pct(x) not in ("0%", "0.0%", "0.00%")


# ----------------------------------------------------------------------------- in-place updates
def test_update_funnel_chart_matches_a_fresh_drawing():
    old = make_funnel("search", rates=RATES["search"])
    new = make_funnel("search", rates=(0.5, 0.3, 0.6, 0.5))
    fig = funnel_chart(old, ordering="search")
    ax = fig.axes[0]
    changed = update_funnel_chart(ax, new, ordering="search")
    fresh = funnel_chart(new, ordering="search").axes[0]
    assert [b.get_width() for b in ax.patches] == [b.get_width() for b in fresh.patches]
    assert [t.get_text() for t in ax.texts] == [t.get_text() for t in fresh.texts]
    assert (
        ax.get_title(loc="left")
        == fresh.get_title(loc="left")
        == funnel_title(new, ordering="search")
    )
    assert set(map(id, changed)) >= {id(b) for b in ax.patches}
    plt.close("all")


@pytest.mark.parametrize(
    "new, kwargs",
    [
        (make_funnel("search", start=50_000), {"ordering": "search"}),  # other population
        (make_funnel("interest"), {"ordering": "interest"}),  # other stages
        (make_funnel("search"), {"ordering": "search", "scale": "linear"}),  # other axis
    ],
)
def test_update_funnel_chart_asks_for_a_redraw_when_the_chart_does_not_fit(new, kwargs):
    fig = funnel_chart(make_funnel("search"), ordering="search")
    with pytest.raises(NeedsRedraw):
        update_funnel_chart(fig.axes[0], new, **kwargs)
    plt.close(fig)


def test_funnel_chart_linear_scale():
    fig = funnel_chart(make_funnel(), ordering="search", scale="linear")
    ax = fig.axes[0]
    assert ax.get_xscale() == "linear" and ax.get_xlabel() == text.FUNNEL["xlabel"]
    assert ax.get_xlim()[0] == 0
    plt.close(fig)
    with pytest.raises(ValueError, match="scale"):
        funnel_chart(make_funnel(), scale="sqrt")


def test_update_funnel_comparison_and_its_title():
    old, new = make_compare(), make_compare()
    new.loc[new["ordering"] == "social", "shoppers"] = [100_000, 9_000, 6_000, 5_000, 4_000]
    fig = funnel_comparison(old)
    ax = fig.axes[0]
    update_funnel_comparison(ax, new)
    bars = {p.get_gid(): p.get_width() for p in ax.patches if p.get_gid()}
    assert bars["bar-social-4"] == 4_000
    marker = next(ln for ln in ax.lines if ln.get_gid() == "marker-social-3-touchpoint")
    assert marker.get_xdata()[0] == 5_000
    assert text.ORDERING_NAMES["social"] in ax.get_title(loc="left")
    assert funnel_comparison_title(new) == ax.get_title(loc="left")
    with pytest.raises(NeedsRedraw):
        update_funnel_comparison(ax, make_compare(("search", "interest")))
    plt.close(fig)


def test_update_comparison_chart_in_place_and_value_axis():
    summary = make_summary()
    fig = comparison_chart(summary)
    bigger = summary.assign(gmv=summary["gmv"] * 3)
    with pytest.raises(NeedsRedraw):  # off the value axis
        update_comparison_chart(fig.axes, bigger)
    slightly = summary.assign(orders=summary["orders"] + 10)
    update_comparison_chart(fig.axes, slightly)
    assert [p.get_height() for p in fig.axes[0].patches] == [2860, 1306, 1672]
    assert "2,860" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)
    fig = comparison_chart(summary, value_axis=False)
    assert all(len(a.get_yticks()) == 0 for a in fig.axes)
    update_comparison_chart(fig.axes, bigger)  # no value axis: rescaled in place
    assert fig.axes[1].get_ylim()[1] == pytest.approx(bigger["gmv"].max() * 1.18)
    # the GMV winner keeps its orange outline
    assert to_hex(fig.axes[1].patches[0].get_edgecolor()) == HIGHLIGHT.lower()
    plt.close(fig)
    assert comparison_title(summary) == text.COMPARE["title"].format(
        best=text.ORDERING_NAMES["search"]
    )


def test_series_chart_period_unit():
    fig = series_chart(make_periods(4), "trust", period_unit="weeks")
    ax = fig.axes[0]
    assert ax.get_xlabel() == text.SERIES["period_units"]["weeks"]["xlabel"]
    assert ax.get_title(loc="left").endswith("over 4 weeks")
    plt.close(fig)
    with pytest.raises(ValueError, match="period_unit"):
        series_chart(make_periods(), "trust", period_unit="years")


def test_heavy_tail_lorenz_with_few_items_puts_points_on_the_curve():
    values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 1000]
    fig = heavy_tail_chart(values, "followers")
    ax = fig.axes[0]
    points = [ln for ln in ax.lines if (ln.get_gid() or "").startswith("top-")]
    assert len(points) == 1  # top 1% and top 10% are the same single creator
    x, y = points[0].get_xdata()[0], points[0].get_ydata()[0]
    assert x == pytest.approx(0.9) and y == pytest.approx(1 - 1000 / sum(values))
    plt.close(fig)


def test_funnel_chart_of_a_real_export_marks_unknown_stages():
    """A real export cannot see every stage: those rows say so, and the layout holds."""
    import pandas as pd

    from course.plots import funnel_chart

    df = pd.DataFrame(
        {
            "stage": ["population", "need", "touchpoint: sessions", "trust", "purchase"],
            "factor": [None, "need", "touchpoint", "trust", None],
            "shoppers": [float("nan"), float("nan"), 1000.0, float("nan"), 120.0],
            "rate_from_previous": [float("nan"), float("nan"), 1.0, float("nan"), 0.12],
            "rate_from_start": [float("nan"), float("nan"), 1.0, float("nan"), 0.12],
        }
    )
    for scale in ("log", "linear"):
        fig = funnel_chart(df, ordering="search", scale=scale)
        notes = [t.get_text() for t in fig.axes[0].texts]
        assert notes.count("not in this data") == 3
        assert "1,000" in notes
        assert "120 (12% of the last known stage)" in notes
        fig.canvas.draw()  # the layout must not collapse (it did when a note sat at x=0 on log)
        assert fig.axes[0].get_position().width > 0.3


def test_tornado_settings_read_as_percentages_and_same_side_numbers_do_not_overprint():
    import pandas as pd

    from course.plots import tornado_chart

    df = pd.DataFrame(
        {
            "lever": ["ctr", "commission"],
            "label": ["Viewers who click (share)", "Creator commission (share of sale)"],
            "low_setting": [0.005, 0.10],
            "high_setting": [0.03, 0.20],
            "low": [200.0, 4197.0],
            "high": [10000.0, 4357.0],
            "base": [4504.0, 4504.0],
        }
    )
    fig = tornado_chart(df, metric="profit")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any("0.5% to 3%" in t for t in ticks), ticks
    notes = [t.get_text() for t in fig.axes[0].texts]
    # Both commission ends are below the base: one note carries both numbers, low first.
    assert "$4,197 / $4,357" in notes, notes
    joined = next(t for t in fig.axes[0].texts if t.get_text() == "$4,197 / $4,357")
    assert not joined.get_parse_math(), "dollar signs must not be read as mathtext"
    assert "$4,197" not in notes and "$4,357" not in notes
