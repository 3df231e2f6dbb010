"""The seller planner: from a seller's Amazon numbers to a 12-week TikTok plan with a range.

A seller brings two things:

* their **Amazon numbers**: the Seller Central business report (one row per child
  ASIN: sessions, units ordered, sales), which gives each product's price and how
  well its product page converts a visit into a sale;
* a **TikTok plan** (:class:`SellerPlan`): which products, how many of their own
  short videos a week, how many creators they ask to post and at what
  commission, an ad budget, and a price change against the Amazon price.

The planner turns them into expected impressions, clicks, orders, GMV, cost and
margin for each week, with a range. Many numbers are uncertain before the first
video is posted (how many views a video gets, how many viewers click, how well
the product page converts people who were not looking for the product, how many
buyers send it back), so the planner draws them many times (Monte Carlo) and
reports the 10th, 50th and 90th percentiles: in 8 draws out of 10 the outcome
falls between p10 and p90. A sensitivity analysis then moves one lever at a time
and says which matters most for the 12-week margin.

The funnel each week, for each product (GMV as impressions × click-through ×
conversion × average order value × (1 − refund rate), the practitioners'
formula)::

    impressions = own video views + creators' video views + ad impressions
    clicks      = impressions × click-through × (0.5 + showability)
    orders      ~ Poisson(clicks × TikTok conversion)
    GMV         = orders × TikTok price
    margin      = GMV − refunds − product cost − platform fee − commission − ads − videos

An order is taken to be one unit, so the Amazon price per unit (sales / units
ordered) serves as the average order value, and the TikTok conversion starts from
the Amazon unit session percentage (units / sessions).

Examples
--------
>>> import pandas as pd
>>> report = pd.DataFrame({"child_asin": ["B01"], "sku": ["MOUNT-1"],
...                        "title": ["Car phone mount"], "sessions": [3000],
...                        "units_ordered": [360], "sales": [7164.0]})
>>> result = plan(report, None, SellerPlan(videos_per_week=5), draws=200, seed=1)
>>> sorted(result.weekly["metric"].unique())
['clicks', 'cost', 'gmv', 'impressions', 'margin', 'orders']
"""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from course._validate import (
    check_bool,
    check_int,
    check_number,
    check_probability,
    check_seed,
)

__all__ = [
    "METRICS",
    "PlanResult",
    "PlannerAssumptions",
    "SellerPlan",
    "UNCERTAIN",
    "check_prefix",
    "plan",
    "plan_inputs",
]

#: The weekly metrics, in the order they appear in the tables.
METRICS: tuple[str, ...] = ("impressions", "clicks", "orders", "gmv", "cost", "margin")

_METRIC_UNITS = {
    "impressions": "views",
    "clicks": "clicks",
    "orders": "orders",
    "gmv": "USD",
    "cost": "USD",
    "margin": "USD",
}

_Z90 = 1.2815515655446004  # the standard normal's 90th percentile

#: The uncertain assumptions: name -> (plain label with unit, how it is drawn).
#: "log": lognormal, "logit": logit-normal (for fractions), each fitted so that
#: 10% of draws fall below the low value and 10% above the high value.
UNCERTAIN: dict[str, tuple[str, str]] = {
    "own_views_per_video": ("Views per video on your own account (views)", "log"),
    "creator_views_per_video": ("Views per creator video (views)", "log"),
    "creator_response": ("Creators who post in a week, at 15% commission (share)", "logit"),
    "click_through": ("Viewers who click to the product (share)", "logit"),
    "relative_conversion": ("TikTok conversion compared with Amazon's (ratio)", "log"),
    "price_elasticity": ("Price sensitivity (elasticity)", "log"),
    "cpm_usd": ("Ad cost per 1,000 impressions (USD)", "log"),
    "refund_rate": ("Orders refunded or returned (share)", "logit"),
    "ramp_weeks": ("Weeks for a new account to find its audience (weeks)", "log"),
}


@dataclass(frozen=True)
class SellerPlan:
    """A seller's TikTok plan: the levers a seller controls.

    Attributes
    ----------
    skus : tuple of str
        The products to sell on TikTok, each named by its SKU or its child ASIN
        as in the business report. Empty (the default): every product in the
        report. Own videos, creators and the ad budget are shared out evenly
        over the products chosen.
    videos_per_week : int
        Short videos the seller posts on their own account each week (count,
        0-100), shared round-robin over the products.
    creators_engaged : int
        Creators (affiliates) the seller asks to post about the products each
        week (count, 0-100). Not all of them post: see ``creator_response`` in
        :class:`PlannerAssumptions`.
    commission_rate : float
        Share of each creator-driven sale (after refunds) paid to the creator
        (fraction 0-0.8). A higher commission makes more creators post.
        Illustrative default 15%.
    ad_budget_per_week : float
        Money spent on TikTok ads each week (USD, 0-1,000,000).
    price_change : float
        TikTok price against the Amazon price, as a fraction (-0.5 to +1.0):
        -0.1 means 10% cheaper on TikTok.
    cost_per_video_usd : float
        What making one own video costs: time, props, editing (USD per video,
        >= 0). Illustrative 10 USD: a phone, a little time, a few props.
    """

    skus: tuple[str, ...] = ()
    videos_per_week: int = 5
    creators_engaged: int = 5
    commission_rate: float = 0.15
    ad_budget_per_week: float = 100.0
    price_change: float = 0.0
    cost_per_video_usd: float = 10.0

    def __post_init__(self) -> None:
        skus = self.skus
        if isinstance(skus, str):
            skus = (skus,)
        if not isinstance(skus, (list, tuple, pd.Index, np.ndarray, pd.Series)):
            raise TypeError(
                f"skus must be a list of SKUs or child ASINs (str); got {type(skus).__name__}"
            )
        skus = tuple(skus)
        for i, s in enumerate(skus):
            if not isinstance(s, str) or not s.strip():
                raise TypeError(f"skus[{i}] must be a non-empty string; got {s!r}")
        if len(set(skus)) != len(skus):
            dup = next(s for s in skus if skus.count(s) > 1)
            raise ValueError(f"skus must not repeat a product; {dup!r} appears twice")
        object.__setattr__(self, "skus", tuple(s.strip() for s in skus))
        check_int("videos_per_week", self.videos_per_week, low=0, high=100)
        check_int("creators_engaged", self.creators_engaged, low=0, high=100)
        check_number("commission_rate", self.commission_rate, low=0.0, high=0.8)
        check_number(
            "ad_budget_per_week", self.ad_budget_per_week, low=0.0, high=1_000_000.0, unit="USD"
        )
        check_number(
            "price_change",
            self.price_change,
            low=-0.5,
            high=1.0,
            unit="(fraction of the Amazon price)",
        )
        check_number("cost_per_video_usd", self.cost_per_video_usd, low=0.0, unit="USD")


def _check_range(name: str, value, *, fraction: bool) -> tuple[float, float]:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise TypeError(f"{name} must be a pair (low, high); got {value!r}")
    if fraction:
        lo = check_number(
            f"{name}[0]", value[0], low=0.0, high=1.0, low_inclusive=False, high_inclusive=False
        )
        hi = check_number(
            f"{name}[1]", value[1], low=0.0, high=1.0, low_inclusive=False, high_inclusive=False
        )
    else:
        lo = check_number(f"{name}[0]", value[0], low=0.0, low_inclusive=False)
        hi = check_number(f"{name}[1]", value[1], low=0.0, low_inclusive=False)
    if not lo < hi:
        raise ValueError(f"{name} must be (low, high) with low < high; got {value!r}")
    return (lo, hi)


@dataclass(frozen=True)
class PlannerAssumptions:
    """What the planner assumes about TikTok: uncertain ranges and fixed numbers.

    Each uncertain assumption is a pair ``(low, high)``: the planner draws it so
    that 10% of draws are below ``low`` and 10% above ``high`` (a lognormal for
    amounts, a logit-normal for shares). Change them when you know better: after
    a few weeks on TikTok, your own analytics give much narrower ranges.

    Attributes
    ----------
    own_views_per_video : (float, float)
        Views of one of the seller's own videos once the account has found its
        audience, median video (views). Illustrative (150, 3,000).
    creator_views_per_video : (float, float)
        Views of one creator's video about the product, median video (views).
        Illustrative (1,000, 20,000).
    creator_response : (float, float)
        Share of engaged creators who post a video in a given week at a 15%
        commission (share 0-1). At commission ``c`` the share is
        ``1 - (1 - r) ** (c / 0.15)``: more commission, more posts; none at 0%.
        Illustrative (0.2, 0.6).
    click_through : (float, float)
        Share of viewers who tap through to the product page, for a product of
        average showability (share 0-1). Median TikTok engagement is about 1.3%
        (vendor database, 2024; weak). Illustrative (0.005, 0.03).
    relative_conversion : (float, float)
        How well the TikTok product page converts a visit, compared with the
        product's Amazon unit session percentage, for a product of average
        impulse appeal (ratio > 0). TikTok visitors were not searching for the
        product, so usually below 1. Illustrative (0.25, 0.8).
    price_elasticity : (float, float)
        How much conversion falls when the price rises: conversion is
        multiplied by ``(1 + price_change) ** -elasticity`` (no unit).
        Illustrative (0.8, 2.5).
    cpm_usd : (float, float)
        Cost of 1,000 ad impressions (USD). Illustrative (4, 15).
    refund_rate : (float, float)
        Share of orders refunded or returned (share 0-1). US online returns were
        17.6% of sales (NRF and Appriss Retail, 2023); range (0.10, 0.25).
    ramp_weeks : (float, float)
        Weeks a new account takes to find its audience: own videos reach
        ``1 - exp(-week / ramp_weeks)`` of their full views (weeks).
        Illustrative (1.5, 6).
    video_views_sigma : float
        Spread of views between single videos: each video's views are
        lognormal with this sigma around the median (no unit, >= 0). A few
        videos get most views. Illustrative 1.2.
    platform_fee : float
        TikTok Shop's referral fee on each sale after refunds (fraction 0-0.5).
        Illustrative 0.06.
    default_margin : float
        Gross margin (price minus product cost, as a fraction of price) used
        for a product the products table does not list (fraction 0-1).
        Illustrative 0.30.
    default_showability : float
        Showability (0-1) for a product the products table does not list.
        Illustrative 0.5 (average).
    default_impulse : float
        Impulse appeal (0-1) for a product the products table does not list.
        Illustrative 0.5 (average).
    default_conversion : float
        Amazon unit session percentage (fraction) for a product with no
        sessions in the report. Sellers' rule of thumb 10-15% (weak); 0.10.
    resale_of_returns : float
        Share of returned units that can be sold again (fraction 0-1); the
        rest cost the product. Illustrative 0.5.
    report_days : int
        Days the business report covers (1-731), used only to show Amazon's
        weekly sales next to the plan. 30 days by default.
    """

    own_views_per_video: tuple[float, float] = (150.0, 3_000.0)
    creator_views_per_video: tuple[float, float] = (1_000.0, 20_000.0)
    creator_response: tuple[float, float] = (0.2, 0.6)
    click_through: tuple[float, float] = (0.005, 0.03)
    relative_conversion: tuple[float, float] = (0.25, 0.8)
    price_elasticity: tuple[float, float] = (0.8, 2.5)
    cpm_usd: tuple[float, float] = (4.0, 15.0)
    refund_rate: tuple[float, float] = (0.10, 0.25)
    ramp_weeks: tuple[float, float] = (1.5, 6.0)
    video_views_sigma: float = 1.2
    platform_fee: float = 0.06
    default_margin: float = 0.30
    default_showability: float = 0.5
    default_impulse: float = 0.5
    default_conversion: float = 0.10
    resale_of_returns: float = 0.5
    report_days: int = 30

    def __post_init__(self) -> None:
        for name, (_, kind) in UNCERTAIN.items():
            object.__setattr__(
                self, name, _check_range(name, getattr(self, name), fraction=kind == "logit")
            )
        check_number("video_views_sigma", self.video_views_sigma, low=0.0, high=5.0)
        check_number("platform_fee", self.platform_fee, low=0.0, high=0.5)
        for name in (
            "default_margin",
            "default_showability",
            "default_impulse",
            "default_conversion",
            "resale_of_returns",
        ):
            check_probability(name, getattr(self, name))
        check_int("report_days", self.report_days, low=1, high=731)

    def median(self, name: str) -> float:
        """The middle value of an uncertain assumption (half the draws are below it)."""
        lo, hi = getattr(self, _uncertain_name(name))
        if UNCERTAIN[name][1] == "log":
            return math.sqrt(lo * hi)
        return float(_expit((_logit(lo) + _logit(hi)) / 2.0))

    def mean(self, name: str) -> float:
        """The average value of an uncertain assumption over the draws.

        For a lognormal, ``median * exp(sigma**2 / 2)``; for a logit-normal, by
        Gauss-Hermite quadrature (40 points, exact to many digits).
        """
        lo, hi = getattr(self, _uncertain_name(name))
        if UNCERTAIN[name][1] == "log":
            sigma = (math.log(hi) - math.log(lo)) / (2 * _Z90)
            return math.sqrt(lo * hi) * math.exp(sigma**2 / 2.0)
        nodes, weights = np.polynomial.hermite_e.hermegauss(40)
        values = _draw(self, name, nodes)
        return float(np.sum(weights * values) / np.sum(weights))

    def table(self) -> pd.DataFrame:
        """The uncertain assumptions as a table.

        Columns ``name``, ``label``, ``low`` (p10), ``median``, ``mean``, ``high``
        (p90), ``drawn_as`` ("lognormal" or "logit-normal").
        """
        rows = []
        for name, (label, kind) in UNCERTAIN.items():
            lo, hi = getattr(self, name)
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "low": lo,
                    "median": self.median(name),
                    "mean": self.mean(name),
                    "high": hi,
                    "drawn_as": "lognormal" if kind == "log" else "logit-normal",
                }
            )
        return pd.DataFrame(rows)


def _uncertain_name(name: str) -> str:
    if name not in UNCERTAIN:
        raise ValueError(f"name must be one of {', '.join(map(repr, UNCERTAIN))}; got {name!r}")
    return name


def _logit(p):
    return np.log(p) - np.log1p(-p)


def _expit(x):
    return 1.0 / (1.0 + np.exp(-x))


def _draw(assumptions: PlannerAssumptions, name: str, z: np.ndarray) -> np.ndarray:
    """Values of an uncertain assumption from standard normal scores ``z``."""
    lo, hi = getattr(assumptions, name)
    if UNCERTAIN[name][1] == "log":
        mid, spread = (math.log(lo) + math.log(hi)) / 2, (math.log(hi) - math.log(lo)) / (2 * _Z90)
        return np.exp(mid + spread * z)
    mid = (_logit(lo) + _logit(hi)) / 2
    spread = (_logit(hi) - _logit(lo)) / (2 * _Z90)
    return _expit(mid + spread * z)


# ---------------------------------------------------------------------------
# Inputs: the Amazon numbers of each product in the plan
# ---------------------------------------------------------------------------

_REPORT_COLUMNS = ("child_asin", "sessions", "units_ordered", "sales")


def _numeric(df: pd.DataFrame, col: str, frame: str, rows: list[int] | None = None) -> np.ndarray:
    """Column ``col`` (only ``rows`` when given) as floats; NaN where empty.

    Raises ValueError naming the frame, column, row (position in ``df``) and value
    for text that is not a number or a negative number.
    """
    raw = df[col] if rows is None else df[col].iloc[rows]
    positions = np.arange(len(df)) if rows is None else np.asarray(rows, dtype=int)
    values = pd.to_numeric(raw, errors="coerce").astype(float).to_numpy()
    bad = np.isnan(values) & raw.notna().to_numpy()
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"{frame} column {col!r} must hold numbers; row {positions[k]} has {raw.iloc[k]!r}"
        )
    negative = np.flatnonzero(np.nan_to_num(values) < 0)
    if negative.size:
        k = int(negative[0])
        raise ValueError(
            f"{frame} column {col!r} must not be negative; row {positions[k]} has {values[k]!r}"
        )
    return values


def plan_inputs(
    report: pd.DataFrame,
    products: pd.DataFrame | None = None,
    seller_plan: SellerPlan | None = None,
    assumptions: PlannerAssumptions | None = None,
) -> pd.DataFrame:
    """The Amazon numbers of each product in the plan, and what the planner derives from them.

    Parameters
    ----------
    report : pandas.DataFrame
        The business report, as :func:`course.data.read_amazon_business_report`
        returns it: at least ``child_asin``, ``sessions``, ``units_ordered`` and
        ``sales`` (USD); ``sku`` and ``title`` are used when present. Rows with
        the same child ASIN are added up.
    products : pandas.DataFrame, optional
        A products table (like ``course.data.load("products")``) with ``sku``
        and any of ``amazon_asin``, ``price_usd``, ``margin``, ``showability``,
        ``impulse``. A report row is matched by SKU, else by ``amazon_asin``.
        Products it does not list get the defaults in ``assumptions``.
    seller_plan : SellerPlan, optional
        Which products (``skus``); the default plan when omitted.
    assumptions : PlannerAssumptions, optional
        Defaults for products the products table does not list.

    Returns
    -------
    pandas.DataFrame
        One row per product in the plan: ``sku``, ``child_asin``, ``title``,
        ``sessions`` and ``units_ordered`` (from the report), ``amazon_price_usd``
        (sales / units, else the catalogue price), ``amazon_conversion``
        (units / sessions), ``tiktok_price_usd``, ``margin`` (fraction of the
        Amazon price), ``unit_cost_usd``, ``showability``, ``impulse``,
        ``amazon_weekly_units`` and ``amazon_weekly_sales_usd`` (the report's
        figures per 7 days), ``in_catalogue`` (True when the products table
        supplied margin and features).

    Raises
    ------
    TypeError, ValueError
        If the report or products table lacks a column or holds an impossible
        value, if a product in ``skus`` is not in the report (the message lists
        some that are), or if a product has no units sold and no catalogue price.
    """
    seller_plan = SellerPlan() if seller_plan is None else seller_plan
    if not isinstance(seller_plan, SellerPlan):
        raise TypeError(f"plan must be a SellerPlan; got {type(seller_plan).__name__}")
    a = PlannerAssumptions() if assumptions is None else assumptions
    if not isinstance(a, PlannerAssumptions):
        raise TypeError(f"assumptions must be a PlannerAssumptions or None; got {type(a).__name__}")
    if not isinstance(report, pd.DataFrame):
        raise TypeError(
            f"report must be a pandas DataFrame (read it with "
            f"course.data.read_amazon_business_report); got {type(report).__name__}"
        )
    missing = [c for c in _REPORT_COLUMNS if c not in report.columns]
    if missing:
        raise ValueError(
            f"report is missing column(s) {', '.join(map(repr, missing))}; it needs "
            f"{', '.join(_REPORT_COLUMNS)} (sku and title are used when present)"
        )
    if len(report) == 0:
        raise ValueError("report must have at least one product row; got an empty table")
    # pandas copies ``attrs`` (a loader's metadata) into every intermediate frame;
    # drop them from our copy, and read plain arrays: it keeps planning fast
    rep = report.reset_index(drop=True)
    rep.attrs = {}
    child_raw = rep["child_asin"].to_numpy(dtype=object)
    empty = pd.isna(child_raw)
    if empty.any():
        raise ValueError(
            f"report column 'child_asin' is empty in row {int(np.flatnonzero(empty)[0])}"
        )

    def text(col: str) -> list[str]:
        if col not in rep.columns:
            return [""] * len(rep)
        return ["" if pd.isna(v) else str(v).strip() for v in rep[col].to_numpy(dtype=object)]

    child = [str(c).strip() for c in child_raw]
    skus_all, titles_all = text("sku"), text("title")
    # rows with the same child ASIN are one product (added up); keep first-seen order
    groups: dict[str, list[int]] = {}
    for i, c in enumerate(child):
        groups.setdefault(c, []).append(i)
    products_in_report = list(groups)  # child ASINs
    first = [groups[c][0] for c in products_in_report]

    # which products
    if seller_plan.skus:
        by_sku = {}
        for g, i in enumerate(first):
            if skus_all[i]:
                by_sku.setdefault(skus_all[i], g)
        by_asin = {c: g for g, c in enumerate(products_in_report)}
        chosen = []
        for s in seller_plan.skus:
            if s in by_sku:
                chosen.append(by_sku[s])
            elif s in by_asin:
                chosen.append(by_asin[s])
            else:
                known = [skus_all[i] for i in first if skus_all[i]][:8] or products_in_report[:8]
                raise ValueError(
                    f"skus: {s!r} is neither a SKU nor a child ASIN in the report; the "
                    f"report has e.g. {', '.join(map(repr, known))}"
                )
        if len(set(chosen)) != len(chosen):
            raise ValueError(
                "skus must not name the same product twice (once by SKU, once by ASIN)"
            )
    else:
        chosen = list(range(len(products_in_report)))
    rows = [i for g in chosen for i in groups[products_in_report[g]]]
    numbers = {
        col: np.nan_to_num(_numeric(rep, col, "report", rows), nan=0.0)
        for col in ("sessions", "units_ordered", "sales")
    }
    position = {i: k for k, i in enumerate(rows)}
    sums = {col: np.zeros(len(chosen)) for col in numbers}
    for j, g in enumerate(chosen):
        for i in groups[products_in_report[g]]:
            for col in numbers:
                sums[col][j] += numbers[col][position[i]]
    rep = pd.DataFrame(
        {
            "child_asin": [products_in_report[g] for g in chosen],
            "sku": [skus_all[first[g]] for g in chosen],
            "title": [titles_all[first[g]] for g in chosen],
            **sums,
        }
    )

    # the catalogue, when given
    cat = None
    if products is not None:
        if not isinstance(products, pd.DataFrame):
            raise TypeError(
                f"products must be a pandas DataFrame or None; got {type(products).__name__}"
            )
        if "sku" not in products.columns:
            raise ValueError("products is missing column 'sku'")
        cat = products.reset_index(drop=True)
        cat.attrs = {}
    n = len(rep)
    margin = np.full(n, a.default_margin)
    show = np.full(n, a.default_showability)
    impulse = np.full(n, a.default_impulse)
    cat_price = np.full(n, np.nan)
    in_cat = np.zeros(n, dtype=bool)
    if cat is not None:
        cat_skus = cat["sku"].astype(str).to_numpy()
        cat_sku = {s: i for i, s in enumerate(cat_skus)}
        cat_asin = (
            {str(s): i for i, s in enumerate(cat["amazon_asin"]) if pd.notna(s)}
            if "amazon_asin" in cat.columns
            else {}
        )
        columns = {
            col: cat[col].to_numpy()
            for col in ("margin", "showability", "impulse", "price_usd")
            if col in cat.columns
        }
        rep_skus, rep_asins = rep["sku"].to_numpy(), rep["child_asin"].to_numpy()
        for j in range(n):
            i = cat_sku.get(rep_skus[j], cat_asin.get(rep_asins[j]))
            if i is None:
                continue
            in_cat[j] = True
            for col, target in (
                ("margin", margin),
                ("showability", show),
                ("impulse", impulse),
                ("price_usd", cat_price),
            ):
                if col not in columns or pd.isna(columns[col][i]):
                    continue
                name = f"products[{col!r}] (sku {cat_skus[i]!r})"
                if col == "price_usd":
                    target[j] = check_number(
                        name, columns[col][i], low=0.0, low_inclusive=False, unit="USD"
                    )
                else:
                    target[j] = check_number(name, columns[col][i], low=0.0, high=1.0)

    units = rep["units_ordered"].to_numpy(dtype=float)
    sessions = rep["sessions"].to_numpy(dtype=float)
    sales = rep["sales"].to_numpy(dtype=float)
    price = np.where(units > 0, sales / np.where(units > 0, units, 1.0), cat_price)
    bad = ~(np.isfinite(price) & (price > 0))
    if bad.any():
        j = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"product {rep['sku'].iloc[j] or rep['child_asin'].iloc[j]!r} has no units sold "
            f"with sales in the report (units_ordered {units[j]:g}, sales {sales[j]:g} USD) "
            "and no price_usd in the products table, so its price is unknown; leave it out "
            "of skus or add it to the products table"
        )
    conversion = np.where(
        sessions > 0, units / np.where(sessions > 0, sessions, 1.0), a.default_conversion
    )
    # units / sessions may exceed 1 when buyers take several units; conversion of a
    # visit into an order cannot, so it is refused rather than cut.
    if np.any(conversion >= 1.0):
        j = int(np.flatnonzero(conversion >= 1.0)[0])
        raise ValueError(
            f"product {rep['sku'].iloc[j] or rep['child_asin'].iloc[j]!r} has more units "
            f"ordered ({units[j]:g}) than sessions ({sessions[j]:g}); the planner needs a "
            "unit session percentage below 100%"
        )
    out = pd.DataFrame(
        {
            "sku": [s or c for s, c in zip(rep["sku"], rep["child_asin"], strict=True)],
            "child_asin": rep["child_asin"].to_numpy(),
            "title": rep["title"].to_numpy(),
            "sessions": sessions,
            "units_ordered": units,
            "amazon_price_usd": price,
            "amazon_conversion": conversion,
            "tiktok_price_usd": price * (1.0 + seller_plan.price_change),
            "margin": margin,
            "unit_cost_usd": price * (1.0 - margin),
            "showability": show,
            "impulse": impulse,
            "amazon_weekly_units": units * 7.0 / a.report_days,
            "amazon_weekly_sales_usd": sales * 7.0 / a.report_days,
            "in_catalogue": in_cat,
        }
    )
    return out


# ---------------------------------------------------------------------------
# The simulation
# ---------------------------------------------------------------------------


@dataclass
class _Params:
    """Uncertain assumptions as arrays of shape (draws, 1, 1) or scalars."""

    own_views_per_video: np.ndarray
    creator_views_per_video: np.ndarray
    creator_response: np.ndarray
    click_through: np.ndarray
    relative_conversion: np.ndarray
    price_elasticity: np.ndarray
    cpm_usd: np.ndarray
    refund_rate: np.ndarray
    ramp_weeks: np.ndarray


@dataclass(frozen=True)
class _Products:
    """The per-product numbers the simulation reads, as arrays (one value per product)."""

    showability: np.ndarray
    impulse: np.ndarray
    amazon_conversion: np.ndarray
    amazon_price: np.ndarray
    unit_cost: np.ndarray

    @classmethod
    def of(cls, inputs: pd.DataFrame) -> _Products:
        return cls(
            showability=inputs["showability"].to_numpy(dtype=float),
            impulse=inputs["impulse"].to_numpy(dtype=float),
            amazon_conversion=inputs["amazon_conversion"].to_numpy(dtype=float),
            amazon_price=inputs["amazon_price_usd"].to_numpy(dtype=float),
            unit_cost=inputs["unit_cost_usd"].to_numpy(dtype=float),
        )

    def __len__(self) -> int:
        return self.showability.size


def _post_chance(response, commission_rate: float):
    """Share of engaged creators who post in a week at this commission."""
    return 1.0 - (1.0 - response) ** (commission_rate / 0.15)


def _economics(
    prod: _Products,
    p: SellerPlan,
    a: PlannerAssumptions,
    prm: _Params,
    own_views,
    creator_views,
    orders=None,
    weeks_per_slot: int = 1,
):
    """Clicks, orders, money per (draw, week, product) from views and parameters.

    ``own_views`` and ``creator_views`` have shape (D, W, P). Returns a dict of
    arrays of that shape; ``orders`` are the expected orders unless given. With
    ``weeks_per_slot`` > 1 each slot on the week axis stands for that many
    weeks added up (views summed; ads and video costs multiplied): everything
    is linear in views once the assumptions are fixed, so expected totals can
    be computed on week sums.
    """
    n_products = len(prod)
    show = prod.showability
    impulse = prod.impulse
    amazon_conv = prod.amazon_conversion
    price = prod.amazon_price * (1.0 + p.price_change)
    unit_cost = prod.unit_cost

    ad_views = weeks_per_slot * p.ad_budget_per_week / n_products / prm.cpm_usd * 1000.0
    ad_views = np.broadcast_to(ad_views, own_views.shape)
    impressions = own_views + creator_views + ad_views
    ctr = prm.click_through * (0.5 + show)
    clicks = impressions * ctr
    rel = (
        prm.relative_conversion
        * (0.5 + impulse)
        * (1.0 + p.price_change) ** (-prm.price_elasticity)
    )
    conversion = 1.0 - (1.0 - amazon_conv) ** rel  # stays in [0, 1)
    expected_orders = clicks * conversion
    if orders is None:
        orders = expected_orders
    gmv = orders * price
    refunds = gmv * prm.refund_rate
    net_sales = gmv - refunds
    total_views = np.where(impressions > 0, impressions, 1.0)
    creator_share = creator_views / total_views
    commission = net_sales * creator_share * p.commission_rate
    fee = net_sales * a.platform_fee
    cogs = orders * unit_cost * (1.0 - prm.refund_rate * a.resale_of_returns)
    ads = np.broadcast_to(weeks_per_slot * p.ad_budget_per_week / n_products, own_views.shape)
    videos_per_product = _videos_per_product(p.videos_per_week, n_products)
    video_cost = np.broadcast_to(
        weeks_per_slot * videos_per_product * p.cost_per_video_usd, own_views.shape
    )
    cost = cogs + fee + commission + ads + video_cost
    margin = gmv - refunds - cost
    return {
        "impressions": impressions,
        "clicks": clicks,
        "orders": orders,
        "gmv": gmv,
        "cost": cost,
        "margin": margin,
        "refunds": refunds,
        "commission": commission,
        "ads": ads,
        "product_cost": cogs,
        "platform_fee": fee,
        "video_cost": video_cost,
    }


def _videos_per_product(videos: int, n_products: int) -> np.ndarray:
    """Round-robin: video j goes to product j % n_products."""
    return np.array([len(range(i, videos, n_products)) for i in range(n_products)], dtype=float)


def _expected_run(
    prod: _Products, p: SellerPlan, a: PlannerAssumptions, weeks: int, values: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Expected totals over the weeks, given the uncertain assumptions.

    ``values`` maps every uncertain assumption to an array of draws (or one
    number); video views, posts and orders are at their expected values.
    Returns arrays of shape (draws, 1, products): sums over the weeks.
    """
    prm = _Params(**{k: np.asarray(v, dtype=float).reshape(-1, 1, 1) for k, v in values.items()})
    n_products = len(prod)
    week = np.arange(1, weeks + 1, dtype=float).reshape(1, weeks, 1)
    ramp = 1.0 - np.exp(-week / prm.ramp_weeks)
    mean_factor = math.exp(a.video_views_sigma**2 / 2.0)
    vids = _videos_per_product(p.videos_per_week, n_products).reshape(1, 1, n_products)
    own = vids * prm.own_views_per_video * mean_factor * ramp.sum(axis=1, keepdims=True)
    creators = _videos_per_product(p.creators_engaged, n_products).reshape(1, 1, n_products)
    chance = _post_chance(prm.creator_response, p.commission_rate)
    creator = weeks * creators * chance * prm.creator_views_per_video * mean_factor
    shape = np.broadcast_shapes(own.shape, creator.shape, prm.cpm_usd.shape)
    return _economics(
        prod,
        p,
        a,
        prm,
        np.broadcast_to(own, shape),
        np.broadcast_to(creator, shape),
        weeks_per_slot=weeks,
    )


@dataclass(frozen=True)
class PlanResult:
    """What :func:`plan` returns: the plan, its range, and which lever matters most.

    Attributes
    ----------
    plan : SellerPlan
        The plan as given.
    assumptions : PlannerAssumptions
        The assumptions used.
    weeks, draws, seed : int
        Weeks planned, Monte Carlo draws, seed.
    inputs : pandas.DataFrame
        One row per product: the Amazon numbers and what the planner derived
        from them (see :func:`plan_inputs`), plus the product's expected
        12-week (``weeks``-week) ``orders``, ``gmv_usd`` and ``margin_usd``
        (means over the draws).
    weekly : pandas.DataFrame
        Tidy, one row per week and metric: ``week`` (1, 2, ...), ``metric``
        (impressions, clicks, orders, gmv, cost, margin), ``unit`` (views,
        clicks, orders, USD), ``mean``, ``p10``, ``p50``, ``p90``: all products
        together.
    totals : pandas.DataFrame
        One row per metric for the whole period (sums over the weeks, each
        draw summed first, then its percentiles taken): ``metric``, ``unit``,
        ``mean``, ``p10``, ``p50``, ``p90``; plus the costs broken down
        (``product_cost``, ``platform_fee``, ``commission``, ``ads``,
        ``video_cost``, ``refunds``).
    sensitivity : pandas.DataFrame
        The tornado frame for the total margin (metric "profit" of
        :func:`course.plots.tornado_chart`): one row per lever, with ``lever``,
        ``label``, ``kind`` ("your plan" for the seller's levers, "assumption"
        for the uncertain ones), ``low_setting``, ``high_setting``, ``low`` and
        ``high`` (expected total margin in USD with that one lever at its low
        and high setting and everything else as planned, averaged over the
        draws of the other uncertain assumptions), ``base`` (the same with
        nothing moved: close to the mean of ``totals``), ``swing``
        (``|high - low|``). The seller's
        levers are halved and doubled (commission and price: 5 and 10 points
        either way); assumptions go to their low and high values. Sorted by
        swing, widest first.
    sensitivity_gmv : pandas.DataFrame
        The same for total GMV (USD): metric "gmv" of the tornado chart.
    chance_of_loss : float
        Share of draws whose total margin is below 0 (0-1).
    """

    plan: SellerPlan
    assumptions: PlannerAssumptions
    weeks: int
    draws: int
    seed: int
    inputs: pd.DataFrame = field(repr=False)
    weekly: pd.DataFrame = field(repr=False)
    totals: pd.DataFrame = field(repr=False)
    sensitivity: pd.DataFrame = field(repr=False)
    sensitivity_gmv: pd.DataFrame = field(repr=False)
    chance_of_loss: float = 0.0

    def top_lever(self, kind: str | None = "your plan") -> pd.Series:
        """The lever with the widest swing in total margin.

        Parameters
        ----------
        kind : {"your plan", "assumption", None}
            Among the seller's own levers (default), the uncertain assumptions,
            or all of them (None).

        Returns
        -------
        pandas.Series
            That lever's row of :attr:`sensitivity`.
        """
        if kind is not None and kind not in ("your plan", "assumption"):
            raise ValueError(f"kind must be 'your plan', 'assumption' or None; got {kind!r}")
        frame = self.sensitivity
        rows = frame if kind is None else frame[frame["kind"].to_numpy() == kind]
        return rows.iloc[int(np.argmax(rows["swing"].to_numpy()))]

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the result, by name, as written by :meth:`to_csv` and :meth:`to_excel`."""
        plan_rows = [
            {
                "setting": f.name,
                "value": ", ".join(getattr(self.plan, f.name))
                if f.name == "skus"
                else getattr(self.plan, f.name),
            }
            for f in dataclasses.fields(self.plan)
        ]
        plan_rows += [
            {"setting": "weeks", "value": self.weeks},
            {"setting": "draws", "value": self.draws},
            {"setting": "seed", "value": self.seed},
            {"setting": "chance_of_loss", "value": self.chance_of_loss},
        ]
        return {
            "plan": pd.DataFrame(plan_rows).astype({"value": str}),
            "weekly": self.weekly,
            "totals": self.totals,
            "products": self.inputs,
            "sensitivity": self.sensitivity,
            "sensitivity_gmv": self.sensitivity_gmv,
            "assumptions": self.assumptions.table(),
        }

    def to_csv(
        self, folder: str | os.PathLike, *, prefix: str = "tiktok_plan", overwrite: bool = False
    ) -> list[Path]:
        """Write each table to its own CSV file in ``folder`` (created if needed).

        Files are named ``<prefix>_<table>.csv`` (tables: plan, weekly, totals,
        products, sensitivity, sensitivity_gmv, assumptions), UTF-8 with a
        byte-order mark so Excel opens them correctly.

        Parameters
        ----------
        folder : str or os.PathLike
            Where to write.
        prefix : str
            Start of every file name (letters, digits, ``-`` and ``_``).
        overwrite : bool
            Replace existing files. By default an existing file is an error and
            nothing is written.

        Returns
        -------
        list of pathlib.Path
            The files written.

        Raises
        ------
        FileExistsError
            If a file exists and ``overwrite`` is False (nothing is written).
        """
        overwrite = check_bool("overwrite", overwrite)
        prefix = check_prefix(prefix)
        folder = Path(folder).expanduser()
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(f"folder {str(folder)!r} is a file, not a folder")
        tables = self.tables()
        paths = [folder / f"{prefix}_{name}.csv" for name in tables]
        clash = [str(p) for p in paths if p.exists()]
        if clash and not overwrite:
            raise FileExistsError(
                f"{clash[0]} already exists; choose another prefix or folder, or pass "
                "overwrite=True"
            )
        folder.mkdir(parents=True, exist_ok=True)
        for path, table in zip(paths, tables.values(), strict=True):
            table.to_csv(path, index=False, encoding="utf-8-sig")
        return paths

    def to_excel(self, path: str | os.PathLike, *, overwrite: bool = False) -> Path:
        """Write every table to one Excel workbook, one sheet per table.

        Parameters
        ----------
        path : str or os.PathLike
            The ``.xlsx`` file to write (its folder is created if needed).
        overwrite : bool
            Replace an existing file. By default an existing file is an error.

        Returns
        -------
        pathlib.Path
            The file written.

        Raises
        ------
        ValueError
            If ``path`` does not end in ``.xlsx``.
        FileExistsError
            If the file exists and ``overwrite`` is False.
        """
        overwrite = check_bool("overwrite", overwrite)
        path = Path(path).expanduser()
        if path.suffix.lower() != ".xlsx":
            raise ValueError(f"path must end in .xlsx; got {str(path)!r}")
        if path.exists() and not overwrite:
            raise FileExistsError(
                f"{path} already exists; choose another name, or pass overwrite=True"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, table in self.tables().items():
                table.to_excel(writer, sheet_name=name[:31], index=False)
        return path


def check_prefix(prefix: object) -> str:
    """Return ``prefix`` if it is a safe start of a file name (letters, digits, - and _).

    Raises
    ------
    TypeError
        If it is not a non-empty string.
    ValueError
        If it holds any other character (a path separator, a dot, a space).
    """
    if not isinstance(prefix, str) or not prefix:
        raise TypeError(f"prefix must be a non-empty string; got {prefix!r}")
    allowed = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    if not set(prefix) <= allowed:
        raise ValueError(f"prefix must use only letters, digits, '-' and '_'; got {prefix!r}")
    return prefix


def _lever_settings(p: SellerPlan) -> list[tuple[str, str, float, float]]:
    """The seller's levers, each at a low and a high setting around the plan.

    Counts and money are halved and doubled (from 0: up to a small amount);
    commission moves 5 points and price 10 points either way, kept within the
    allowed range of the lever.
    """

    def half_double(v, zero_high):
        return (v / 2.0, v * 2.0) if v > 0 else (0.0, zero_high)

    vlo, vhi = half_double(p.videos_per_week, 4)
    clo, chi = half_double(p.creators_engaged, 4)
    alo, ahi = half_double(p.ad_budget_per_week, 100.0)
    return [
        ("videos_per_week", "Own videos per week (count)", math.floor(vlo), min(100, vhi)),
        ("creators_engaged", "Creators asked to post (count)", math.floor(clo), min(100, chi)),
        (
            "commission_rate",
            "Creator commission (share of sale)",
            max(0.0, p.commission_rate - 0.05),
            min(0.8, p.commission_rate + 0.05),
        ),
        ("ad_budget_per_week", "Ad budget per week (USD)", alo, min(1_000_000.0, ahi)),
        (
            "price_change",
            "Price against Amazon (fraction)",
            max(-0.5, p.price_change - 0.10),
            min(1.0, p.price_change + 0.10),
        ),
    ]


def _sensitivity(
    prod: _Products,
    p: SellerPlan,
    a: PlannerAssumptions,
    weeks: int,
    draws: dict[str, np.ndarray],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tornado frames (margin, GMV): expected totals, averaged over the assumption draws.

    Every run uses the same draws of the uncertain assumptions (common random
    numbers), so a difference between two runs comes from the lever alone. An
    assumption at its low (high) setting is fixed there in every draw.
    """

    def totals(plan_, values) -> tuple[float, float]:
        run = _expected_run(prod, plan_, a, weeks, values)
        return (
            float(run["margin"].sum(axis=(1, 2)).mean()),
            float(run["gmv"].sum(axis=(1, 2)).mean()),
        )

    base_m, base_g = totals(p, draws)
    rows = []
    for lever, label, lo, hi in _lever_settings(p):
        cast = int if lever in ("videos_per_week", "creators_engaged") else float
        lo_m, lo_g = totals(dataclasses.replace(p, **{lever: cast(lo)}), draws)
        hi_m, hi_g = totals(dataclasses.replace(p, **{lever: cast(hi)}), draws)
        rows.append((lever, label, "your plan", float(lo), float(hi), lo_m, hi_m, lo_g, hi_g))
    for name, (label, _) in UNCERTAIN.items():
        lo, hi = getattr(a, name)
        lo_m, lo_g = totals(p, {**draws, name: lo})
        hi_m, hi_g = totals(p, {**draws, name: hi})
        rows.append((name, label, "assumption", lo, hi, lo_m, hi_m, lo_g, hi_g))
    frames = []
    for base, i_lo, i_hi in ((base_m, 5, 6), (base_g, 7, 8)):
        df = pd.DataFrame(
            {
                "lever": [r[0] for r in rows],
                "label": [r[1] for r in rows],
                "kind": [r[2] for r in rows],
                "low_setting": [r[3] for r in rows],
                "high_setting": [r[4] for r in rows],
                "low": [r[i_lo] for r in rows],
                "high": [r[i_hi] for r in rows],
                "base": base,
            }
        )
        df["swing"] = (df["high"] - df["low"]).abs()
        frames.append(
            df.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
        )
    return frames[0], frames[1]


#: Assumption draws the sensitivity analysis averages over (the first of the plan's draws).
SENSITIVITY_DRAWS = 2000


def plan(
    report: pd.DataFrame,
    products: pd.DataFrame | None = None,
    plan: SellerPlan | None = None,
    *,
    weeks: int = 12,
    draws: int = 1000,
    seed: int = 0,
    assumptions: PlannerAssumptions | None = None,
) -> PlanResult:
    """Plan a seller's first weeks on TikTok from their Amazon numbers, with a range.

    Parameters
    ----------
    report : pandas.DataFrame
        The Amazon business report (``course.data.read_amazon_business_report``
        or ``course.data.load("amazon_business_report")``): at least
        ``child_asin``, ``sessions``, ``units_ordered``, ``sales`` (USD).
    products : pandas.DataFrame, optional
        The products table (``course.data.load("products")``) for each
        product's margin, showability and impulse appeal; products it does not
        list get the defaults in ``assumptions``.
    plan : SellerPlan, optional
        The seller's TikTok plan; :class:`SellerPlan` defaults when omitted.
    weeks : int
        Weeks to plan (1-52).
    draws : int
        Monte Carlo draws (20-100,000): more draws, steadier percentiles.
    seed : int
        Seed; the same seed gives the same numbers.
    assumptions : PlannerAssumptions, optional
        Uncertain ranges and fixed numbers; documented defaults when omitted.

    Returns
    -------
    PlanResult
        ``weekly`` and ``totals`` (mean and p10/p50/p90 per metric),
        ``inputs`` (per product), ``sensitivity`` (tornado frame for the total
        margin), ``sensitivity_gmv``, ``chance_of_loss``; ``to_csv`` and
        ``to_excel`` save them.

    Notes
    -----
    Each draw fixes one value of every uncertain assumption (see
    :data:`UNCERTAIN`), so a draw is one possible world; within it each week's
    video views vary (each video lognormal, a few videos get most views), the
    creators who post vary, and orders are Poisson. Random numbers are drawn in
    a fixed layout so that adding a video or a creator adds views and never
    changes the views of the others: more videos never lower impressions.
    """
    p = SellerPlan() if plan is None else plan
    if not isinstance(p, SellerPlan):
        raise TypeError(f"plan must be a SellerPlan or None; got {type(p).__name__}")
    a = PlannerAssumptions() if assumptions is None else assumptions
    if not isinstance(a, PlannerAssumptions):
        raise TypeError(f"assumptions must be a PlannerAssumptions or None; got {type(a).__name__}")
    weeks = check_int("weeks", weeks, low=1, high=52)
    draws = check_int("draws", draws, low=20, high=100_000)
    seed = check_seed(seed)
    inputs = plan_inputs(report, products, p, a)
    prod = _Products.of(inputs)
    n_products = len(inputs)

    # separate random streams, so that changing one lever leaves the others' numbers alone
    ss = np.random.SeedSequence(seed)
    s_params, s_own, s_creators, s_orders = (np.random.default_rng(c) for c in ss.spawn(4))
    z = s_params.standard_normal((len(UNCERTAIN), draws))
    prm = _Params(
        **{name: _draw(a, name, z[i]).reshape(draws, 1, 1) for i, name in enumerate(UNCERTAIN)}
    )

    week = np.arange(1, weeks + 1, dtype=float).reshape(1, weeks, 1)
    ramp = 1.0 - np.exp(-week / prm.ramp_weeks)  # (D, W, 1)
    sigma = a.video_views_sigma
    # own videos: (videos, draws, weeks); video j -> product j % n_products
    own = np.zeros((draws, weeks, n_products))
    if p.videos_per_week:
        shocks = s_own.lognormal(0.0, sigma, (p.videos_per_week, draws, weeks))
        for j in range(p.videos_per_week):
            own[:, :, j % n_products] += shocks[j]
        own *= prm.own_views_per_video * ramp
    creator = np.zeros((draws, weeks, n_products))
    if p.creators_engaged:
        chance = _post_chance(prm.creator_response, p.commission_rate)[:, :, 0]  # (D, 1)
        posts = s_creators.random((p.creators_engaged, draws, weeks)) < chance
        views = s_creators.lognormal(0.0, sigma, (p.creators_engaged, draws, weeks))
        for k in range(p.creators_engaged):
            creator[:, :, k % n_products] += posts[k] * views[k]
        creator *= prm.creator_views_per_video
    expected = _economics(prod, p, a, prm, own, creator)
    orders = s_orders.poisson(expected["orders"]).astype(float)
    run = _economics(prod, p, a, prm, own, creator, orders=orders)

    # weekly: all products together
    weekly_rows = []
    for metric in METRICS:
        per_week = run[metric].sum(axis=2)  # (D, W)
        q = np.percentile(per_week, [10, 50, 90], axis=0)
        weekly_rows.append(
            pd.DataFrame(
                {
                    "week": np.arange(1, weeks + 1),
                    "metric": metric,
                    "unit": _METRIC_UNITS[metric],
                    "mean": per_week.mean(axis=0),
                    "p10": q[0],
                    "p50": q[1],
                    "p90": q[2],
                }
            )
        )
    weekly = pd.concat(weekly_rows, ignore_index=True)
    weekly = weekly.sort_values(["week"], kind="stable").reset_index(drop=True)

    total_rows = []
    extra = ("refunds", "product_cost", "platform_fee", "commission", "ads", "video_cost")
    for metric in (*METRICS, *extra):
        tot = run[metric].sum(axis=(1, 2))
        q = np.percentile(tot, [10, 50, 90])
        total_rows.append(
            {
                "metric": metric,
                "unit": _METRIC_UNITS.get(metric, "USD"),
                "mean": float(tot.mean()),
                "p10": q[0],
                "p50": q[1],
                "p90": q[2],
            }
        )
    totals = pd.DataFrame(total_rows)
    chance_of_loss = float(np.mean(run["margin"].sum(axis=(1, 2)) < 0))

    per_product = {m: run[m].sum(axis=1).mean(axis=0) for m in ("orders", "gmv", "margin")}
    inputs = inputs.assign(
        orders=per_product["orders"], gmv_usd=per_product["gmv"], margin_usd=per_product["margin"]
    )
    k = min(draws, SENSITIVITY_DRAWS)
    sens_draws = {name: getattr(prm, name)[:k, 0, 0] for name in UNCERTAIN}
    sens, sens_gmv = _sensitivity(prod, p, a, weeks, sens_draws)
    return PlanResult(
        plan=p,
        assumptions=a,
        weeks=weeks,
        draws=draws,
        seed=seed,
        inputs=inputs,
        weekly=weekly,
        totals=totals,
        sensitivity=sens,
        sensitivity_gmv=sens_gmv,
        chance_of_loss=chance_of_loss,
    )
