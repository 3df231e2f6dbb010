"""The funnel lab: one ordering's levers as sliders, its funnel redrawn live, its key numbers."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course._validate import check_int, check_seed
from course.factors import Ordering
from course.model import levers as lever_table
from course.model import simulate
from course.plots import funnel_chart, funnel_title, update_funnel_chart
from course.plots._common import fmt_count, fmt_pct, fmt_usd
from course.widgets import text
from course.widgets.base import CourseWidget, FigureImage, lever_slider

__all__ = ["DEFAULT_SHOPPERS", "FunnelLab", "funnel_lab", "lever_grid"]

#: Shoppers simulated by default: enough for steady numbers, few enough to answer at once.
DEFAULT_SHOPPERS = 50_000

#: The most shoppers the widget accepts (more would make each change slow).
MAX_SHOPPERS = 1_000_000


def lever_grid(table: pd.DataFrame, controls: dict[str, widgets.Widget]) -> widgets.GridBox:
    """Lay out lever sliders in columns, each with its full label above it.

    Parameters
    ----------
    table : DataFrame
        Rows of :func:`course.levers` (columns ``name`` and ``label`` at least).
    controls : dict
        The sliders by lever name (from :func:`course.widgets.base.lever_slider`).
    """
    cells = []
    for name, label in zip(table["name"], table["label"], strict=True):
        slider = controls[name]
        # The label sits above, so the slider and its value readout fill the cell's width.
        slider.layout.width = "98%"
        slider.style.description_width = "0px"
        cells.append(
            widgets.VBox(
                [
                    widgets.HTML(f"<span style='font-size:0.92em'>{html.escape(label)}</span>"),
                    slider,
                ],
                layout=widgets.Layout(margin="0 1em 0.3em 0"),
            )
        )
    return widgets.GridBox(
        cells,
        layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(24em, 1fr))"),
    )


def lab_controls(
    table: pd.DataFrame, shoppers: int, seed: int
) -> tuple[dict[str, widgets.Widget], dict[str, str]]:
    """A slider per lever row of ``table`` plus the shoppers and seed boxes, and their labels.

    Returns the controls by name and each control's label in plain words (for messages).
    """
    controls: dict[str, widgets.Widget] = {
        row["name"]: lever_slider(row, description="") for _, row in table.iterrows()
    }
    controls.update(simulation_controls(shoppers, seed))
    labels = dict(zip(table["name"], table["label"], strict=True))
    labels.update(shoppers=text.COMMON["shoppers"], seed=text.COMMON["seed"])
    return controls, labels


def lab_children(widget: CourseWidget, intro: str, shoppers: int) -> list[widgets.Widget]:
    """The panel both lab widgets show, top to bottom.

    The intro, the caption, the picture, the key numbers and the message area, then the
    lever sliders, the simulation settings with a note on the population, and the reset
    button. ``widget`` needs ``caption``, ``view``, ``numbers``, ``table`` and ``controls``.
    """
    note = text.COMMON["population_note"].format(shoppers=fmt_count(shoppers))
    controls = widget.controls
    return [
        widgets.HTML(f"<p>{html.escape(intro)}</p>"),
        widget.caption,
        widget.view.image,
        widget.numbers,
        widget.message,
        widgets.HTML(f"<b>{html.escape(text.FUNNEL_LAB['levers'])}</b>"),
        lever_grid(widget.table, controls),
        widgets.HTML(f"<b>{html.escape(text.FUNNEL_LAB['simulation'])}</b>"),
        widgets.HBox([controls["shoppers"], controls["seed"]]),
        widgets.HTML(f"<small>{html.escape(note)}</small>"),
        widget.reset_button,
    ]


def simulation_controls(shoppers: int, seed: int) -> dict[str, widgets.IntText]:
    """The two simulation settings as text boxes: how many shoppers, and the random seed."""
    return {
        "shoppers": widgets.IntText(
            value=shoppers,
            description=text.COMMON["shoppers"],
            style={"description_width": "initial"},
            layout=widgets.Layout(width="22em"),
        ),
        "seed": widgets.IntText(
            value=seed,
            description=text.COMMON["seed"],
            tooltip=text.COMMON["seed_tooltip"],
            style={"description_width": "initial"},
            layout=widgets.Layout(width="24em"),
        ),
    }


class FunnelLab(CourseWidget):
    """Sliders for one ordering's levers, its funnel as a picture, and the key numbers.

    Attributes
    ----------
    ordering : Ordering
    controls : dict
        One slider per lever of :func:`course.levers` (by lever name), plus
        ``"shoppers"`` and ``"seed"`` (text boxes).
    result : SimulationResult
        The latest simulation that worked.
    numbers : ipywidgets.HTML
        Orders, conversion and GMV.
    caption : ipywidgets.HTML
        What to notice in the picture (the chart's title, as text).
    view : FigureImage
        The funnel picture.
    """

    def __init__(
        self, ordering: Ordering | str, *, shoppers: int = DEFAULT_SHOPPERS, seed: int = 0
    ) -> None:
        self.ordering = Ordering.parse(ordering)
        shoppers = check_int("shoppers", shoppers, low=1, high=MAX_SHOPPERS)
        seed = check_seed(seed)
        self.table = lever_table(self.ordering)
        controls, self.labels = lab_controls(self.table, shoppers, seed)
        super().__init__(controls=controls)
        self.numbers = widgets.HTML()
        self.caption = widgets.HTML()
        self.view = FigureImage((9.0, 3.6))
        self._ax = None
        name = text.ORDERING_NAMES[self.ordering.value]
        self.children = lab_children(self, text.FUNNEL_LAB["intro"].format(name=name), shoppers)
        self.refresh()

    def lever_values(self) -> dict[str, Any]:
        """The levers' current values (without shoppers and seed)."""
        return {name: self.controls[name].value for name in self.table["name"]}

    def _compute(self, values: dict[str, Any]):
        levers = {name: values[name] for name in self.table["name"]}
        # The model allows more shoppers; the widget keeps each change quick.
        check_int("shoppers", values["shoppers"], low=1, high=MAX_SHOPPERS)
        return simulate(self.ordering, shoppers=values["shoppers"], seed=values["seed"], **levers)

    def _show(self, result) -> None:
        # The title sentence is shown as text above the picture (crisp, and no
        # slow text drawing in the picture on every change).
        def draw(fig):
            self._ax = fig.add_subplot()
            funnel_chart(result, ax=self._ax, title="")
            return update_funnel_chart(self._ax, result, title="")

        self.view.show(draw, lambda _fig: update_funnel_chart(self._ax, result, title=""))
        self.caption.value = text.COMMON["caption_html"].format(
            caption=html.escape(funnel_title(result)).replace("\n", " ")
        )
        self.numbers.value = text.FUNNEL_LAB["numbers_html"].format(
            orders=html.escape(fmt_count(result.orders)),
            conversion=html.escape(fmt_pct(result.conversion)),
            gmv=html.escape(fmt_usd(result.gmv)),
        )


def funnel_lab(
    ordering: Ordering | str = "search", *, shoppers: int = DEFAULT_SHOPPERS, seed: int = 0
) -> FunnelLab:
    """Move an ordering's levers and watch its funnel and its orders, conversion and GMV.

    Parameters
    ----------
    ordering : {"search", "interest", "social"}
        Whose levers and funnel to show.
    shoppers : int
        Shoppers simulated at the start (1 to 1,000,000; default 50,000, which
        answers within a tenth of a second and gives steady numbers).
    seed : int
        The random seed at the start (0 or more).

    Returns
    -------
    FunnelLab
        An ipywidgets VBox; display it by ending a notebook cell with it. Drive it
        from Python: ``w.controls["price"].value = 30``, then read ``w.result.orders``.

    Examples
    --------
    >>> w = funnel_lab("search")
    >>> before = w.result.orders
    >>> w.controls["need_rate"].value = 0.10
    >>> w.result.orders > before
    True
    """
    return FunnelLab(ordering, shoppers=shoppers, seed=seed)
