"""Funnels from real exports: same shape as the model's, honest about unknown stages."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course import data
from course.data.funnels import FUNNEL_COLUMNS, funnel_from_counts
from course.factors import Ordering


def test_amazon_funnel_from_the_bundled_report_round_trip():
    report = data.load("amazon_business_report")
    funnel = data.amazon_funnel(report)
    assert list(funnel.columns) == FUNNEL_COLUMNS
    assert funnel["stage"].iloc[0] == "population" and funnel["stage"].iloc[-1] == "purchase"
    factors = [f for f in funnel["factor"] if f is not None]
    assert tuple(factors) == tuple(f.value for f in Ordering.SEARCH.steps)
    by_stage = funnel.set_index("stage")
    sessions = float(report["sessions"].sum())
    orders = float(report["order_items"].sum())
    assert by_stage.loc["touchpoint: visited the listing", "shoppers"] == sessions
    assert by_stage.loc["purchase", "shoppers"] == orders
    assert by_stage.loc["purchase", "rate_from_previous"] == pytest.approx(orders / sessions)
    assert by_stage.loc["purchase", "rate_from_start"] == pytest.approx(orders / sessions)
    unknown = by_stage[by_stage["shoppers"].isna()]
    assert set(unknown.index) == {
        "population",
        "need: searched for the product",
        "trust: chose this listing",
    }
    assert unknown[["rate_from_previous", "rate_from_start"]].isna().all().all()
    assert set(funnel.attrs["notes"]) == set(funnel["stage"])
    assert funnel.attrs["unit_session_pct"] == pytest.approx(
        report["units_ordered"].sum() / report["sessions"].sum()
    )
    assert funnel.attrs["sales"] == pytest.approx(report["sales"].sum())


def test_amazon_funnel_of_a_selection():
    report = data.load("amazon_business_report")
    bottle = report[report["sku"].str.startswith("FI-BOTTLE")]
    funnel = data.amazon_funnel(bottle)
    assert funnel.attrs["asins"] == 3
    assert funnel["shoppers"].iloc[2] == float(bottle["sessions"].sum())


def test_tiktok_funnel_from_the_bundled_export_round_trip():
    export = data.load("tiktok_product_analytics")
    funnel = data.tiktok_funnel(export)
    assert list(funnel.columns) == FUNNEL_COLUMNS
    factors = [f for f in funnel["factor"] if f is not None]
    assert tuple(factors) == tuple(f.value for f in Ordering.INTEREST.steps)
    s = funnel.set_index("stage")
    impressions, clicks = float(export["impressions"].sum()), float(export["clicks"].sum())
    assert s.loc["touchpoint: saw the product", "shoppers"] == impressions
    assert s.loc["need: clicked the product", "rate_from_previous"] == pytest.approx(
        clicks / impressions
    )
    assert s.loc["purchase", "shoppers"] == float(export["orders"].sum())
    assert s.loc["purchase", "rate_from_previous"] == pytest.approx(export["orders"].sum() / clicks)
    assert funnel.attrs["gmv"] == pytest.approx(export["gmv"].sum())
    assert funnel.attrs["analysis_start"] == export.attrs["analysis_start"]


def test_known_stages_never_increase_in_the_bundled_data():
    for funnel in (
        data.amazon_funnel(data.load("amazon_business_report")),
        data.tiktok_funnel(data.load("tiktok_product_analytics")),
    ):
        known = funnel["shoppers"].dropna().to_numpy()
        assert (np.diff(known) <= 0).all()


def test_funnels_refuse_wrong_input():
    with pytest.raises(TypeError, match="report must be a pandas DataFrame"):
        data.amazon_funnel([1, 2, 3])
    with pytest.raises(ValueError, match=r"missing column\(s\) 'sessions'"):
        data.amazon_funnel(pd.DataFrame({"units_ordered": [1], "order_items": [1]}))
    with pytest.raises(ValueError, match="has no rows"):
        data.amazon_funnel(data.load("amazon_business_report").iloc[0:0])
    with pytest.raises(ValueError, match=r"export is missing column\(s\) 'impressions'"):
        data.tiktok_funnel(pd.DataFrame({"clicks": [1], "orders": [1]}))


def test_missing_counts_are_refused_with_their_file_row():
    report = data.load("amazon_business_report").copy()
    row = report.index[3]
    report.loc[row, "sessions"] = pd.NA
    with pytest.raises(ValueError, match=rf"'sessions'\] is missing on 1 file row\(s\) {row}"):
        data.amazon_funnel(report)


def test_negative_counts_are_refused():
    frame = pd.DataFrame({"impressions": [100, -1], "clicks": [1, 1], "orders": [0, 0]})
    with pytest.raises(ValueError, match=r"'impressions'\] is negative on row \(index\) 1"):
        data.tiktok_funnel(frame)


def test_funnel_from_counts_without_unknowns_is_the_design_definition():
    f = funnel_from_counts(
        [("population", None, 1000), ("need: x", "need", 400), ("touchpoint: y", "touchpoint", 100),
         ("trust: z", "trust", 50), ("purchase", None, 40)]
    )  # fmt: skip
    assert f["rate_from_previous"].tolist() == [1.0, 0.4, 0.25, 0.5, 0.8]
    assert f["rate_from_start"].tolist() == pytest.approx([1.0, 0.4, 0.1, 0.05, 0.04])
    with pytest.raises(ValueError, match="factor must be"):
        funnel_from_counts([("population", "price", 1)])
    with pytest.raises(ValueError, match="must be >= 0"):
        funnel_from_counts([("population", None, -1)])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.integers(min_value=1, max_value=10**7)), min_size=1, max_size=6
    )
)
def test_known_rates_multiply_to_the_rate_from_start(counts):
    rows = [(f"s{i}", None, math.nan if c is None else c) for i, c in enumerate(counts)]
    f = funnel_from_counts(rows)
    known = f.dropna(subset=["shoppers"])
    if known.empty:
        assert f["rate_from_start"].isna().all()
        return
    product = np.cumprod(known["rate_from_previous"].to_numpy())
    assert product == pytest.approx(known["rate_from_start"].to_numpy(), rel=1e-9)
    assert known["rate_from_start"].iloc[0] == 1.0
