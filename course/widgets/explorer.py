"""The ordering explorer: put need, touchpoint and trust in order and see which ordering it is."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from course.factors import Factor, Ordering
from course.plots import ordering_diagram
from course.widgets import text
from course.widgets.base import CourseWidget, FigureImage, show_message

__all__ = ["DEFAULT_STEPS", "OrderingExplorer", "ordering_explorer"]

#: The starting arrangement: interest e-commerce, the ordering TikTok runs on.
DEFAULT_STEPS = ("touchpoint", "need", "trust")

_POSITIONS = ("first", "second", "third")


class OrderingExplorer(CourseWidget):
    """Three drop-down lists (1st, 2nd, 3rd factor), the ordering they make and its story.

    Attributes
    ----------
    controls : dict
        ``"first"``, ``"second"``, ``"third"``: drop-downs whose values are
        ``"need"``, ``"touchpoint"`` or ``"trust"``.
    result : Ordering or None
        The ordering of the current arrangement; None while it is not one of the
        three (the message area then says why).
    card : ipywidgets.HTML
        The ordering's name, steps, platforms and story.
    view : FigureImage
        The ordering diagram (all three orderings while the arrangement is none).
    """

    def __init__(self, steps: tuple[str, str, str] = DEFAULT_STEPS) -> None:
        steps = tuple(Factor.parse(s, name=f"steps[{i}]").value for i, s in enumerate(steps))
        if len(steps) != 3:
            raise ValueError(f"steps must name three factors; got {len(steps)}")
        controls = {
            pos: widgets.Dropdown(
                options=list(text.FACTOR_CHOICES),
                value=value,
                description=label,
                style={"description_width": "3em"},
                layout=widgets.Layout(width="22em"),
            )
            for pos, value, label in zip(_POSITIONS, steps, text.EXPLORER["positions"], strict=True)
        }
        self.labels = {
            pos: label for pos, label in zip(_POSITIONS, text.EXPLORER["positions"], strict=True)
        }
        super().__init__(controls=controls)
        self.card = widgets.HTML()
        self.view = FigureImage((10.0, 4.1))
        intro = widgets.HTML(f"<p>{html.escape(text.EXPLORER['intro'])}</p>")
        self.children = [
            intro,
            widgets.HBox(list(controls.values()), layout=widgets.Layout(flex_flow="row wrap")),
            self.message,
            self.card,
            self.view.image,
            self.reset_button,
        ]
        self.refresh()

    def _compute(self, values: dict[str, Any]) -> Ordering | None:
        chosen = [values[p] for p in _POSITIONS]
        for o in Ordering:
            if tuple(f.value for f in o.steps) == tuple(chosen):
                return o
        return None

    def _show(self, result: Ordering | None) -> None:
        if result is None:
            self.card.value = text.EXPLORER["none_html"].format(
                heading=html.escape(text.EXPLORER["none_heading"])
            )
            self.view.show(lambda fig: _diagram(fig, None), cache_key="all")
            return
        names = text.EXPLORER["factor_names"]
        steps = text.EXPLORER["arrow"].join(
            [*(names[f.value] for f in result.steps), text.EXPLORER["purchase"]]
        )
        self.card.value = text.EXPLORER["result_html"].format(
            name=html.escape(text.ORDERING_NAMES[result.value]),
            steps=html.escape(steps),
            platforms=html.escape(text.PLATFORMS[result.value]),
            story=html.escape(text.STORIES[result.value]),
        )
        self.view.show(lambda fig: _diagram(fig, result), cache_key=result.value)

    def _after_success(self) -> None:
        super()._after_success()
        if self.result is None:
            self.error = explain_arrangement([self.controls[p].value for p in _POSITIONS])
            if self.error:
                show_message(self.message, self.error, "warning")


def _diagram(fig, ordering):
    ax = fig.add_subplot()
    ordering_diagram(ordering, ax=ax)
    return []


def explain_arrangement(steps: list[str]) -> str | None:
    """Why an arrangement of factors is not an ordering, in plain words (None if it is one).

    Parameters
    ----------
    steps : list of str
        Three factor names, e.g. ``["need", "trust", "touchpoint"]``.

    Returns
    -------
    str or None

    Examples
    --------
    >>> explain_arrangement(["need", "need", "trust"]).startswith("Each factor")
    True
    >>> explain_arrangement(["touchpoint", "need", "trust"]) is None
    True
    """
    names = text.EXPLORER["factor_names"]
    parsed = [Factor.parse(s, name=f"steps[{i}]").value for i, s in enumerate(steps)]
    repeated = [f.value for f in Factor if parsed.count(f.value) > 1]
    missing = [f.value for f in Factor if f.value not in parsed]
    if repeated or missing or len(parsed) != 3:
        joiner = text.EXPLORER["and"]
        return text.EXPLORER["repeated"].format(
            repeated=joiner.join(names[r] for r in repeated) or "-",
            missing=joiner.join(names[m] for m in missing) or "-",
        )
    for o in Ordering:
        if tuple(f.value for f in o.steps) == tuple(parsed):
            return None
    # One swap of two positions always turns a non-ordering into an ordering here
    # (three of the six arrangements are orderings); suggest the first such swap.
    positions = text.EXPLORER["position_names"]
    hint = ""
    for i in range(3):
        for j in range(i + 1, 3):
            swapped = list(parsed)
            swapped[i], swapped[j] = swapped[j], swapped[i]
            for o in Ordering:
                if tuple(f.value for f in o.steps) == tuple(swapped) and not hint:
                    hint = text.EXPLORER["hint_swap"].format(
                        a=positions[i], b=positions[j], name=text.ORDERING_NAMES[o.value]
                    )
    arrow = text.EXPLORER["arrow"].join(names[p] for p in parsed)
    return text.EXPLORER["not_an_ordering"].format(steps=arrow, hint=hint)


def ordering_explorer(steps: tuple[str, str, str] = DEFAULT_STEPS) -> OrderingExplorer:
    """Arrange the three factors and see which ordering it is, where, and a short story.

    Parameters
    ----------
    steps : three of "need", "touchpoint", "trust"
        The starting arrangement; by default interest e-commerce (touchpoint,
        need, trust), the ordering TikTok runs on.

    Returns
    -------
    OrderingExplorer
        An ipywidgets VBox; display it (end a notebook cell with it). Drive it from
        Python with ``w.controls["first"].value = "need"``; read ``w.result``.

    Examples
    --------
    >>> w = ordering_explorer()
    >>> w.result.value
    'interest'
    >>> w.controls["first"].value = "need"   # need, need, trust: a factor twice
    >>> w.result is None and w.error.startswith("Each factor")
    True
    """
    return OrderingExplorer(steps)
