"""Compare the orderings: one product, the same shoppers, three funnels side by side."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course._validate import check_int, check_seed
from course.factors import Ordering
from course.model import compare_results, summarize
from course.model import levers as lever_table
from course.plots import (
    comparison_chart,
    comparison_title,
    funnel_comparison,
    update_comparison_chart,
    update_funnel_comparison,
)
from course.plots._common import fmt_count, fmt_pct, fmt_usd
from course.plots.style import ORDERING_COLOURS
from course.widgets import text
from course.widgets.base import CourseWidget, FigureImage
from course.widgets.funnel_lab import (
    DEFAULT_SHOPPERS,
    MAX_SHOPPERS,
    lab_children,
    lab_controls,
)

__all__ = ["CompareOrderings", "compare_orderings", "shared_levers"]


def shared_levers() -> pd.DataFrame:
    """The levers that describe the product and the shoppers: those of two orderings or more.

    Returns
    -------
    DataFrame
        Rows of :func:`course.levers` (first occurrence), in the order they first
        appear in search, interest, social; e.g. ``need_rate``, ``price``,
        ``rating``, ``reviews``.
    """
    tables = [lever_table(o) for o in Ordering]
    counts: dict[str, int] = {}
    for t in tables:
        for name in t["name"]:
            counts[name] = counts.get(name, 0) + 1
    rows = []
    seen = set()
    for t in tables:
        for _, row in t.iterrows():
            if counts[row["name"]] >= 2 and row["name"] not in seen:
                seen.add(row["name"])
                rows.append(row)
    return pd.DataFrame(rows).reset_index(drop=True)


class CompareOrderings(CourseWidget):
    """Sliders for the product's levers; three funnels and orders, GMV and conversion.

    Attributes
    ----------
    controls : dict
        One slider per shared lever (see :func:`shared_levers`), plus
        ``"shoppers"`` and ``"seed"``.
    result : dict of Ordering to SimulationResult
        The latest simulations that worked, one per ordering.
    summary : DataFrame
        ``ordering, orders, units, gmv, conversion`` of the latest result.
    numbers : ipywidgets.HTML
        The table of orders, conversion and GMV.
    caption : ipywidgets.HTML
        What to notice (which ordering brings the most GMV).
    view : FigureImage
        The picture: funnels on top, orders, GMV and conversion below.
    """

    def __init__(self, *, shoppers: int = DEFAULT_SHOPPERS, seed: int = 0) -> None:
        shoppers = check_int("shoppers", shoppers, low=1, high=MAX_SHOPPERS)
        seed = check_seed(seed)
        self.table = shared_levers()
        controls, self.labels = lab_controls(self.table, shoppers, seed)
        super().__init__(controls=controls)
        self.summary: pd.DataFrame | None = None
        self.numbers = widgets.HTML()
        self.caption = widgets.HTML()
        self.view = FigureImage((10.0, 6.6))
        self._axes: list = []
        self.children = lab_children(self, text.COMPARE["intro"], shoppers)
        self.refresh()

    def _compute(self, values: dict[str, Any]) -> dict:
        levers = {name: values[name] for name in self.table["name"]}
        # The model allows more shoppers; the widget keeps each change quick.
        check_int("shoppers", values["shoppers"], low=1, high=MAX_SHOPPERS)
        return compare_results(shoppers=values["shoppers"], seed=values["seed"], **levers)

    def _show(self, results: dict) -> None:
        summary = summarize(results)

        def draw(fig):
            grid = fig.add_gridspec(2, 3, height_ratios=[1.75, 1.0])
            top = fig.add_subplot(grid[0, :])
            bottom = [fig.add_subplot(grid[1, i]) for i in range(3)]
            self._axes = [top, *bottom]
            funnel_comparison(results, ax=top, title="")
            comparison_chart(summary, ax=bottom, value_axis=False)
            return update(fig)

        def update(_fig):
            top, *bottom = self._axes
            return [
                *update_funnel_comparison(top, results, title=""),
                *update_comparison_chart(bottom, summary),
            ]

        self.view.show(draw, update)
        self.summary = summary
        self.caption.value = text.COMMON["caption_html"].format(
            caption=html.escape(comparison_title(summary))
        )
        rows = []
        for _, row in summary.iterrows():
            key = Ordering.parse(row["ordering"]).value
            rows.append(
                text.COMPARE["table_row_html"].format(
                    colour=ORDERING_COLOURS[key],
                    name=html.escape(text.ORDERING_NAMES[key]),
                    orders=html.escape(fmt_count(row["orders"])),
                    conversion=html.escape(fmt_pct(row["conversion"])),
                    gmv=html.escape(fmt_usd(row["gmv"])),
                )
            )
        self.numbers.value = (
            "<table style='border-collapse:collapse; margin:0.3em 0'>"
            + text.COMPARE["table_head_html"]
            + "".join(rows)
            + "</table>"
        )


def compare_orderings(*, shoppers: int = DEFAULT_SHOPPERS, seed: int = 0) -> CompareOrderings:
    """One product, the same shoppers, three orderings side by side, with live sliders.

    The sliders are the levers every ordering shares (the product and the shoppers:
    price, rating, reviews, how many shoppers need it); each ordering keeps its own
    channel levers at their defaults.

    Parameters
    ----------
    shoppers : int
        Shoppers simulated at the start (1 to 1,000,000; default 50,000).
    seed : int
        The random seed at the start (0 or more).

    Returns
    -------
    CompareOrderings
        An ipywidgets VBox. Drive it from Python: ``w.controls["price"].value = 40``;
        then ``w.result[Ordering.INTEREST].orders`` or ``w.summary``.

    Examples
    --------
    >>> w = compare_orderings()
    >>> sorted(w.summary["ordering"])
    ['interest', 'search', 'social']
    """
    return CompareOrderings(shoppers=shoppers, seed=seed)
