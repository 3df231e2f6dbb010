"""Turn a seller's real exports into funnel tables shaped like the model's.

A funnel (see ``docs/design.md``) has one row per stage: ``population``, then
the three factors in the ordering's order, then ``purchase``; its columns are
``stage, factor, shoppers, rate_from_previous, rate_from_start``.

A real export does not see every stage. An Amazon business report starts when
a shopper reaches the listing; it never sees the many people who had the need
but searched elsewhere, or who compared and chose a competitor. A TikTok export
starts when the product is shown. Those stages are kept in the table, so that
it lines up with a simulated funnel row by row, but their ``shoppers`` is NaN,
and ``attrs["notes"]`` says why.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["amazon_funnel", "funnel_from_counts", "tiktok_funnel"]

FUNNEL_COLUMNS = ["stage", "factor", "shoppers", "rate_from_previous", "rate_from_start"]


def funnel_from_counts(rows: list[tuple[str, str | None, float]]) -> pd.DataFrame:
    """Build a funnel frame from (stage, factor, shoppers) rows, NaN for unknown.

    Rates skip unknown stages: ``rate_from_previous`` divides by the nearest
    stage above whose count is known, and ``rate_from_start`` by the first
    known stage. Both are NaN on an unknown row, and 1.0 on the first known
    row. With no unknown rows this is exactly the design's definition
    (shoppers / the row above; shoppers / the first row).

    Parameters
    ----------
    rows : list of (str, str or None, float)
        Stage name, factor (``"need"``, ``"touchpoint"``, ``"trust"`` or
        ``None``) and count (``nan`` when unknown).

    Returns
    -------
    pandas.DataFrame
        Columns ``stage, factor, shoppers, rate_from_previous, rate_from_start``.
    """
    stages, factors, counts = [], [], []
    for stage, factor, count in rows:
        if factor not in (None, "need", "touchpoint", "trust"):
            raise ValueError(
                f"factor must be 'need', 'touchpoint', 'trust' or None; got {factor!r}"
            )
        value = float(count)
        if not math.isnan(value) and value < 0:
            raise ValueError(f"shoppers for stage {stage!r} must be >= 0; got {count!r}")
        stages.append(stage)
        factors.append(factor)
        counts.append(value)
    prev_rate, start_rate = [], []
    last_known = math.nan
    first_known = math.nan
    for value in counts:
        if math.isnan(value):
            prev_rate.append(math.nan)
            start_rate.append(math.nan)
            continue
        if math.isnan(first_known):
            first_known = last_known = value
            prev_rate.append(1.0)
            start_rate.append(1.0)
            continue
        prev_rate.append(value / last_known if last_known > 0 else math.nan)
        start_rate.append(value / first_known if first_known > 0 else math.nan)
        last_known = value
    return pd.DataFrame(
        {
            "stage": pd.Series(stages, dtype=object),
            "factor": pd.Series(factors, dtype=object),
            "shoppers": np.array(counts, dtype="float64"),
            "rate_from_previous": np.array(prev_rate, dtype="float64"),
            "rate_from_start": np.array(start_rate, dtype="float64"),
        },
        columns=FUNNEL_COLUMNS,
    )


def _require(frame: object, columns: tuple[str, ...], what: str, name: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"{name} must be a pandas DataFrame from {what}; got {type(frame).__name__}"
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {', '.join(map(repr, missing))}; expected the "
            f"columns {what} returns (found {', '.join(map(repr, frame.columns))})"
        )
    if frame.empty:
        raise ValueError(f"{name} has no rows: there is nothing to add up")
    return frame


def _total(frame: pd.DataFrame, column: str, name: str) -> float:
    """Sum a count column; refuse missing, negative or non-numeric values."""
    try:
        values = pd.to_numeric(frame[column], errors="raise").astype("float64")
    except (TypeError, ValueError):
        raise ValueError(
            f"{name}[{column!r}] must hold numbers; got values such as {frame[column].iloc[0]!r}"
        ) from None
    label = "file row" if frame.index.name == "file_row" else "row (index)"
    bad_missing = values.index[values.isna().to_numpy()]
    if len(bad_missing):
        rows = ", ".join(map(str, list(bad_missing)[:10]))
        raise ValueError(
            f"{name}[{column!r}] is missing on {len(bad_missing)} {label}(s) {rows}; a "
            "funnel cannot add up unknown counts. Fill them in, or drop those rows "
            "first (e.g. report.dropna(subset=[...]))"
        )
    bad_negative = values.index[(values < 0).to_numpy()]
    if len(bad_negative):
        row = bad_negative[0]
        raise ValueError(
            f"{name}[{column!r}] is negative on {label} {row}: {values[row]!r}; counts "
            "cannot be below 0"
        )
    return float(values.sum())


def amazon_funnel(report: pd.DataFrame) -> pd.DataFrame:
    """The search funnel that an Amazon business report can see.

    Parameters
    ----------
    report : pandas.DataFrame
        From :func:`course.data.read_amazon_business_report` (or
        ``load("amazon_business_report")``); all its rows are added up, so
        select the ASINs you want first (e.g. ``report[report.sku == "X"]``).

    Returns
    -------
    pandas.DataFrame
        A funnel in the search ordering's shape, one row per stage:

        ====================================== ========== =========================
        stage                                  factor     shoppers
        ====================================== ========== =========================
        ``population``                         None       NaN: not in the report
        ``need: searched for the product``     need       NaN: not in the report
        ``touchpoint: visited the listing``    touchpoint sessions
        ``trust: chose this listing``          trust      NaN: not separable
        ``purchase``                           None       order items
        ====================================== ========== =========================

        Rates skip the unknown rows (see :func:`funnel_from_counts`):
        ``rate_from_start`` is measured from sessions, because the report does
        not know how many shoppers had the need, and the purchase row's
        ``rate_from_previous`` is order items / sessions. ``attrs`` holds
        ``notes`` (stage -> why it is NaN or what it counts), ``units``
        (units ordered), ``sales`` (USD), ``page_views``,
        ``unit_session_pct`` (units / sessions) and ``asins`` (rows added up).

    Raises
    ------
    TypeError
        If ``report`` is not a DataFrame.
    ValueError
        If it lacks the columns the reader returns, has no rows, or has a
        missing or negative count (named with its row).

    Notes
    -----
    Why these choices, honestly: a session is a visit to the listing, so it is
    the touchpoint (the shopper reached the shelf and clicked this listing).
    Sessions are visits, not people: one shopper who comes back after 24 hours
    counts twice. Order items are orders of this ASIN, the closest the report
    gets to "shoppers who bought" (units ordered counts several units of one
    order separately, so it is in ``attrs["units"]``). Trust cannot be told
    apart from buying in this report: a shopper who trusts the listing orders,
    one who does not leaves, and both look the same until the order.

    Examples
    --------
    >>> from course import data
    >>> funnel = data.amazon_funnel(data.load("amazon_business_report"))
    >>> list(funnel.columns)
    ['stage', 'factor', 'shoppers', 'rate_from_previous', 'rate_from_start']
    """
    what = "course.data.read_amazon_business_report"
    frame = _require(report, ("sessions", "units_ordered", "order_items"), what, "report")
    sessions = _total(frame, "sessions", "report")
    order_items = _total(frame, "order_items", "report")
    units = _total(frame, "units_ordered", "report")
    funnel = funnel_from_counts(
        [
            ("population", None, math.nan),
            ("need: searched for the product", "need", math.nan),
            ("touchpoint: visited the listing", "touchpoint", sessions),
            ("trust: chose this listing", "trust", math.nan),
            ("purchase", None, order_items),
        ]
    )
    page_views = _total(frame, "page_views", "report") if "page_views" in frame else math.nan
    sales = (
        float(pd.to_numeric(frame["sales"], errors="coerce").astype("float64").sum())
        if "sales" in frame
        else math.nan
    )
    funnel.attrs = {
        "source": "Amazon business report",
        "ordering": "search",
        "notes": {
            "population": "Not in the report: Amazon does not say how many shoppers "
            "were in the market.",
            "need: searched for the product": "Not in the report: searches for the "
            "product's keywords are in Brand Analytics, not the business report.",
            "touchpoint: visited the listing": "Sessions: visits to the listing "
            "(one shopper's visits within 24 hours count once).",
            "trust: chose this listing": "Not separable: the report cannot tell a "
            "shopper who trusted the listing from one who bought; see purchase.",
            "purchase": "Order items: orders of these ASINs.",
        },
        "units": units,
        "sales": sales,
        "page_views": page_views,
        "unit_session_pct": units / sessions if sessions > 0 else math.nan,
        "asins": len(frame),
    }
    return funnel


def tiktok_funnel(export: pd.DataFrame) -> pd.DataFrame:
    """The interest funnel that a TikTok Shop product-analytics export can see.

    Parameters
    ----------
    export : pandas.DataFrame
        From :func:`course.data.read_tiktok_product_analytics` (or
        ``load("tiktok_product_analytics")``); all rows are added up, so select
        products first if you want one.

    Returns
    -------
    pandas.DataFrame
        A funnel in the interest ordering's shape:

        ================================= ========== ============================
        stage                             factor     shoppers
        ================================= ========== ============================
        ``population``                    None       NaN: not in the export
        ``touchpoint: saw the product``   touchpoint product impressions
        ``need: clicked the product``     need       product clicks
        ``trust: chose to buy``           trust      NaN: not separable
        ``purchase``                      None       orders
        ================================= ========== ============================

        Rates skip unknown rows (see :func:`funnel_from_counts`), so
        ``rate_from_start`` is measured from impressions and the click row's
        ``rate_from_previous`` is the overall CTR. ``attrs`` holds ``notes``,
        ``gmv``, ``sku_orders``, ``items_sold``, ``add_to_cart``,
        ``refunds``, ``ctor`` (SKU orders / clicks), ``products`` and the
        analysis period if the export had one.

    Raises
    ------
    TypeError, ValueError
        As for :func:`amazon_funnel`.

    Notes
    -----
    Impressions are showings, not people: one viewer who sees the product in
    two videos counts twice. A click is the closest the export gets to "a need
    was sparked": the viewer wanted to know more. Add-to-cart is not used for
    trust, because many TikTok buyers tap "Buy now" without a cart, so it can be
    below the number of orders. Purchases are orders (people's checkouts);
    TikTok's CTOR divides SKU orders instead, which is in ``attrs``.
    """
    what = "course.data.read_tiktok_product_analytics"
    frame = _require(export, ("impressions", "clicks", "orders"), what, "export")
    impressions = _total(frame, "impressions", "export")
    clicks = _total(frame, "clicks", "export")
    orders = _total(frame, "orders", "export")
    funnel = funnel_from_counts(
        [
            ("population", None, math.nan),
            ("touchpoint: saw the product", "touchpoint", impressions),
            ("need: clicked the product", "need", clicks),
            ("trust: chose to buy", "trust", math.nan),
            ("purchase", None, orders),
        ]
    )

    def optional_sum(col: str) -> float:
        if col not in frame:
            return math.nan
        return float(pd.to_numeric(frame[col], errors="coerce").astype("float64").sum())

    sku_orders = optional_sum("sku_orders")
    funnel.attrs = {
        "source": "TikTok Shop product analytics",
        "ordering": "interest",
        "notes": {
            "population": "Not in the export: TikTok does not say how many viewers "
            "the feed could have reached.",
            "touchpoint: saw the product": "Product impressions: times the product "
            "was shown (videos, LIVE, product cards, search).",
            "need: clicked the product": "Product clicks: the viewer wanted to know more.",
            "trust: chose to buy": "Not separable: the export cannot tell a viewer "
            "who trusted the product page from one who bought; see purchase.",
            "purchase": "Orders: paid orders that included these products.",
        },
        "gmv": optional_sum("gmv"),
        "sku_orders": sku_orders,
        "items_sold": optional_sum("items_sold"),
        "add_to_cart": optional_sum("add_to_cart"),
        "refunds": optional_sum("refunds"),
        "ctor": sku_orders / clicks if clicks > 0 else math.nan,
        "products": len(frame),
        "analysis_start": export.attrs.get("analysis_start"),
        "analysis_end": export.attrs.get("analysis_end"),
    }
    return funnel
