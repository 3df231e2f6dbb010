"""Tests for course.model.fit: which ordering suits which product, and why."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.model.fit import FEATURES, FitWeights, best_fit, fit_scores, fit_terms, price_ease


def catalogue() -> pd.DataFrame:
    """Four products whose best ordering is clear from the course's argument."""
    return pd.DataFrame(
        {
            "sku": ["LAMP", "DRILL", "BOTTLE", "MOUNT"],
            "product_name": ["Sunset lamp", "Cordless drill", "Sports bottle", "Car phone mount"],
            "category": ["home", "tools", "fitness", "car"],
            "price_usd": [19.0, 149.0, 35.0, 15.0],
            "considered": [0.1, 0.9, 0.3, 0.6],
            "showability": [0.95, 0.3, 0.6, 0.3],
            "impulse": [0.9, 0.1, 0.5, 0.2],
            "identity": [0.3, 0.2, 0.9, 0.1],
        }
    )


def one(**features) -> pd.DataFrame:
    row = {
        "sku": "X",
        "product_name": "Thing",
        "price_usd": 30.0,
        "considered": 0.5,
        "showability": 0.5,
        "impulse": 0.5,
        "identity": 0.5,
    }
    row.update(features)
    return pd.DataFrame([row])


def score(products: pd.DataFrame, ordering: str, weights=None) -> float:
    s = fit_scores(products, weights)
    return float(s.loc[s["ordering"] == ordering, "score"].iloc[0])


# --- shape and meaning --------------------------------------------------------------


def test_fit_scores_is_tidy_one_row_per_product_and_ordering():
    s = fit_scores(catalogue())
    assert list(s.columns) == ["sku", "product_name", "ordering", "score", "rank", "reasons"]
    assert len(s) == 4 * 3
    assert list(s["ordering"][:3]) == ["search", "interest", "social"]
    assert list(s["sku"].unique()) == ["LAMP", "DRILL", "BOTTLE", "MOUNT"]
    assert s["score"].between(0, 1).all()
    assert sorted(s.groupby("sku")["rank"].apply(sorted).iloc[0]) == [1, 2, 3]


def test_best_fit_matches_the_story():
    b = best_fit(catalogue()).set_index("sku")
    assert b.loc["LAMP", "best_ordering"] == "interest"
    assert b.loc["DRILL", "best_ordering"] == "search"
    assert b.loc["BOTTLE", "best_ordering"] == "social"
    assert b.loc["MOUNT", "best_ordering"] == "search"
    assert (b["best_score"] >= b["runner_up_score"]).all()
    assert np.allclose(b["lead"], b["best_score"] - b["runner_up_score"])
    assert (b["best_ordering"] != b["runner_up"]).all()
    assert "category" in b.columns


def test_best_fit_scores_agree_with_fit_scores():
    b = best_fit(catalogue())
    s = fit_scores(catalogue()).pivot(index="sku", columns="ordering", values="score")
    for o in ("search", "interest", "social"):
        assert np.allclose(b.set_index("sku")[o], s.loc[b["sku"], o])
    assert np.allclose(b["best_score"], b[["search", "interest", "social"]].max(axis=1))


def test_terms_add_up_to_scores_and_weights_sum_to_one():
    t = fit_terms(catalogue())
    sums = t.groupby(["sku", "ordering"])["contribution"].sum()
    s = fit_scores(catalogue()).set_index(["sku", "ordering"])["score"]
    assert np.allclose(sums.sort_index(), s.sort_index())
    assert np.allclose(t.groupby(["sku", "ordering"])["weight"].sum(), 1.0)
    assert t["term_value"].between(0, 1).all()


def test_reasons_name_the_features_that_drove_the_score():
    s = fit_scores(catalogue()).set_index(["sku", "ordering"])
    lamp = s.loc[("LAMP", "interest"), "reasons"]
    assert lamp.startswith("Interest fit 0.")
    assert "shows well on video" in lamp and "impulse" in lamp
    drill = s.loc[("DRILL", "interest"), "reasons"]
    assert "Holds it back" in drill
    bottle = s.loc[("BOTTLE", "social"), "reasons"]
    assert "creator's word" in bottle
    assert (
        "$149" in s.loc[("DRILL", "search"), "reasons"]
        or "researched" in s.loc[("DRILL", "search"), "reasons"]
    )
    b = best_fit(catalogue())
    assert b["reasons"].str.startswith("Best as ").all()


def test_middling_product_says_no_feature_stands_out():
    s = fit_scores(one(price_usd=60.0))
    assert s["reasons"].str.contains("No feature stands out").all()


# --- monotone levers ----------------------------------------------------------------


def many(rows: list[dict]) -> pd.DataFrame:
    """One frame with a row per dict (skus R0, R1, ...), scores as (rows x orderings)."""
    base = {
        "product_name": "Thing",
        "price_usd": 30.0,
        "considered": 0.5,
        "showability": 0.5,
        "impulse": 0.5,
        "identity": 0.5,
    }
    frame = pd.DataFrame([{**base, **r, "sku": f"R{i}"} for i, r in enumerate(rows)])
    s = fit_scores(frame)
    return s.pivot(index="sku", columns="ordering", values="score").loc[frame["sku"]]


@settings(max_examples=40, deadline=None)
@given(
    base=st.fixed_dictionaries({f: st.floats(0, 1) for f in FEATURES}),
    price=st.floats(1, 500),
    low=st.floats(0, 1),
    high=st.floats(0, 1),
)
def test_each_feature_moves_each_score_the_documented_way(base, price, low, high):
    low, high = min(low, high), max(low, high)
    rising = {
        "search": {"considered": 1, "impulse": -1, "showability": -1, "identity": 0},
        "interest": {"considered": -1, "impulse": 1, "showability": 1, "identity": 0},
        "social": {"considered": 1, "impulse": 0, "showability": 1, "identity": 1},
    }
    rows = []
    for feature in FEATURES:
        rows.append({**base, "price_usd": price, feature: low})
        rows.append({**base, "price_usd": price, feature: high})
    s = many(rows)
    for k, feature in enumerate(FEATURES):
        lo, hi = s.iloc[2 * k], s.iloc[2 * k + 1]
        for ordering, signs in rising.items():
            d = hi[ordering] - lo[ordering]
            if signs[feature] > 0:
                assert d >= -1e-12
            elif signs[feature] < 0:
                assert d <= 1e-12
            else:
                assert abs(d) < 1e-12


@settings(max_examples=30, deadline=None)
@given(p1=st.floats(1, 1000), p2=st.floats(1, 1000))
def test_a_higher_price_lowers_interest_fit_and_raises_search_and_social(p1, p2):
    s = many([{"price_usd": min(p1, p2)}, {"price_usd": max(p1, p2)}])
    cheap, dear = s.iloc[0], s.iloc[1]
    assert dear["interest"] <= cheap["interest"] + 1e-12
    assert dear["search"] >= cheap["search"] - 1e-12
    assert dear["social"] >= cheap["social"] - 1e-12


def test_price_ease_is_one_half_at_the_reference_and_falls():
    assert price_ease(60.0) == pytest.approx(0.5)
    e = price_ease(np.array([5.0, 20.0, 60.0, 200.0, 1000.0]))
    assert np.all(np.diff(e) < 0)
    assert np.all((e > 0) & (e < 1))
    assert price_ease(200.0) < 0.2 < 0.8 < price_ease(20.0)
    assert price_ease(100.0, reference_price_usd=100.0) == pytest.approx(0.5)


def test_weights_change_the_scores_and_scaling_an_ordering_changes_nothing():
    p = catalogue()
    default = fit_scores(p)["score"].to_numpy()
    w = FitWeights()
    doubled = dataclasses.replace(
        w,
        **{
            f.name: 2 * getattr(w, f.name)
            for f in dataclasses.fields(w)
            if f.name.startswith("social_")
        },
    )
    assert np.allclose(fit_scores(p, doubled)["score"], default)
    identity_only = dataclasses.replace(
        w,
        social_identity=1.0,
        social_considered=0.0,
        social_showability=0.0,
        social_price_tolerance=0.0,
    )
    s = fit_scores(p, identity_only)
    social = s[s["ordering"] == "social"].set_index("sku")["score"]
    assert np.allclose(social, p.set_index("sku")["identity"])


def test_extremes_reach_zero_and_one():
    perfect_interest = one(price_usd=0.01, considered=0.0, showability=1.0, impulse=1.0)
    assert score(perfect_interest, "interest") == pytest.approx(1.0, abs=1e-6)
    assert score(perfect_interest, "search") == pytest.approx(0.0, abs=1e-6)


def test_input_frame_is_not_changed_and_index_is_ignored():
    p = catalogue().set_index(pd.Index([10, 11, 12, 13]))
    before = p.copy()
    s = best_fit(p)
    pd.testing.assert_frame_equal(p, before)
    assert list(s["sku"]) == list(p["sku"])


def test_integer_and_string_columns_are_accepted():
    p = catalogue()
    p["considered"] = ["0.1", "0.9", "0.3", "0.6"]
    p["sku"] = [1, 2, 3, 4]
    assert list(best_fit(p)["sku"]) == ["1", "2", "3", "4"]


# --- validation ---------------------------------------------------------------------


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="'identity'.*'impulse'|'impulse'.*'identity'"):
        fit_scores(catalogue().drop(columns=["identity", "impulse"]))


@pytest.mark.parametrize(
    "col,value", [("showability", 1.2), ("impulse", -0.1), ("identity", np.nan)]
)
def test_out_of_range_features_name_column_row_and_value(col, value):
    p = catalogue()
    p.loc[2, col] = value
    with pytest.raises(ValueError) as err:
        fit_scores(p)
    msg = str(err.value)
    assert repr(col) in msg and "BOTTLE" in msg and "row 2" in msg


def test_bad_price_and_text_values_are_refused():
    p = catalogue()
    p.loc[0, "price_usd"] = 0
    with pytest.raises(ValueError, match="price_usd.*above 0 USD.*LAMP"):
        fit_scores(p)
    p = catalogue().astype({"considered": object})
    p.loc[1, "considered"] = "lots"
    with pytest.raises(ValueError, match="'considered' must hold numbers.*DRILL.*'lots'"):
        fit_scores(p)


def test_other_bad_inputs():
    with pytest.raises(TypeError, match="products must be a pandas DataFrame"):
        fit_scores([{"sku": "A"}])
    with pytest.raises(ValueError, match="at least one row"):
        fit_scores(catalogue().iloc[:0])
    p = catalogue()
    p.loc[1, "sku"] = "LAMP"
    with pytest.raises(ValueError, match="unique.*'LAMP'"):
        fit_scores(p)
    with pytest.raises(TypeError, match="weights must be a FitWeights"):
        fit_scores(catalogue(), weights={"social_identity": 1})
    with pytest.raises(ValueError, match="price_usd"):
        price_ease(-3.0)


def test_fit_weights_validate():
    with pytest.raises(ValueError, match="search_considered must be in"):
        FitWeights(search_considered=-0.1)
    with pytest.raises(ValueError, match="at least one positive weight.*social"):
        FitWeights(
            social_identity=0, social_considered=0, social_showability=0, social_price_tolerance=0
        )
    with pytest.raises(ValueError, match="reference_price_usd"):
        FitWeights(reference_price_usd=0)
    with pytest.raises(TypeError, match="interest_impulse must be a number"):
        FitWeights(interest_impulse="high")


def test_bundled_catalogue_when_available():
    data = pytest.importorskip("course.data")
    try:
        products = data.load("products")
    except (AttributeError, FileNotFoundError) as err:  # data layer still being built
        pytest.skip(f"bundled catalogue not available yet: {err}")
    b = best_fit(products)
    assert len(b) == len(products)
    assert set(b["best_ordering"]) <= {"search", "interest", "social"}
    assert b["best_score"].between(0, 1).all()
