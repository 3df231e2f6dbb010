"""The ordering diagram: need, touchpoint and trust as steps in order, ending in a purchase."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from course.factors import Ordering
from course.plots import text
from course.plots._common import single_ax
from course.plots.style import (
    FACTOR_MARKERS,
    GREY,
    ORDERING_COLOURS,
    course_style,
)

__all__ = ["ordering_diagram"]

_BOX_W = 1.55  # width of one step's box, in data units (a step is 2.0 wide)
_BOX_H = 0.56
_STEP = 2.0
_LABEL_X = -_BOX_W / 2 - 0.25  # right edge of the row labels (text is right-aligned here)


def ordering_diagram(
    ordering: Ordering | str | None = None,
    ax: Axes | None = None,
    *,
    title: str | None = None,
) -> Figure:
    """Draw the three factors as steps in order, for one ordering or all three.

    Each row is one ordering: three boxes (the factors, in the order a shopper meets
    them, each with its fixed mark) joined by arrows, and a last box, "Purchase".
    With all three orderings the rows are stacked, so the columns "1st", "2nd",
    "3rd" line up and the reader sees the same factors move position.

    Parameters
    ----------
    ordering : Ordering or str, optional
        ``"search"``, ``"interest"`` or ``"social"``; ``None`` (default) draws all three.
    ax : matplotlib Axes, optional
        Where to draw. A new figure is created when not given.
    title : str, optional
        Replaces the default title (from :mod:`course.plots.text`).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = ordering_diagram("interest")
    >>> fig = ordering_diagram()  # all three
    """
    rows = list(Ordering) if ordering is None else [Ordering.parse(ordering)]
    n = len(rows)
    fig, ax = single_ax(ax, figsize=(10.0, 0.75 + 1.05 * n + (0.35 if n > 1 else 0.0)))
    with course_style():
        _draw(ax, rows)
        if title is None:
            if n == 1:
                o = rows[0]
                title = text.DIAGRAM["title_one"].format(
                    ordering=text.ORDERING_NAMES[o.value],
                    first=text.FACTOR_NAMES[o.steps[0].value].lower(),
                )
            else:
                title = text.DIAGRAM["title_all"]
        ax.set_title(title, loc="left")
    return fig


def _draw(ax: Axes, rows: list[Ordering]) -> None:
    n = len(rows)
    ax.set_axis_off()
    ax.set_xlim(-3.9, 3 * _STEP + _BOX_W / 2 + 0.15)
    top = 0.75 if n > 1 else 0.4
    ax.set_ylim(-(n - 1) - 0.45, top)
    if n > 1:
        for k, word in enumerate(text.DIAGRAM["column"]):
            ax.text(k * _STEP, 0.55, word, ha="center", va="center", color=GREY, fontsize=9.5)
    for i, o in enumerate(rows):
        y = -i
        colour = ORDERING_COLOURS[o.value]
        ax.text(
            _LABEL_X,
            y + 0.1,
            text.ORDERING_NAMES[o.value],
            ha="right",
            va="center",
            color=colour,
            fontsize=11,
            fontweight="bold",
        )
        ax.text(
            _LABEL_X,
            y - 0.18,
            text.PLATFORM_EXAMPLES[o.value],
            ha="right",
            va="center",
            color=GREY,
            fontsize=9,
        )
        for k, factor in enumerate(o.steps):
            x = k * _STEP
            _box(ax, x, y, colour, filled=False)
            ax.plot(
                [x - _BOX_W / 2 + 0.22],
                [y],
                marker=FACTOR_MARKERS[factor.value],
                color=colour,
                markersize=10,
                linestyle="none",
                gid=f"marker-{o.value}-{factor.value}",
            )
            ax.text(
                x + 0.12,
                y,
                text.FACTOR_NAMES[factor.value],
                ha="center",
                va="center",
                fontsize=11,
                color="#222222",
            )
            _arrow(ax, x + _BOX_W / 2, x + _STEP - _BOX_W / 2, y, colour)
        xp = 3 * _STEP
        _box(ax, xp, y, colour, filled=True)
        ax.text(
            xp,
            y,
            text.DIAGRAM["purchase"],
            ha="center",
            va="center",
            fontsize=11,
            color="white",
            fontweight="bold",
        )


def _box(ax: Axes, x: float, y: float, colour: str, *, filled: bool) -> None:
    patch = FancyBboxPatch(
        (x - _BOX_W / 2, y - _BOX_H / 2),
        _BOX_W,
        _BOX_H,
        boxstyle="round,pad=0.02,rounding_size=0.12",
        linewidth=1.8,
        edgecolor=colour,
        facecolor=colour if filled else "white",
    )
    ax.add_patch(patch)


def _arrow(ax: Axes, x0: float, x1: float, y: float, colour: str) -> None:
    ax.add_patch(
        FancyArrowPatch(
            (x0 + 0.03, y),
            (x1 - 0.03, y),
            arrowstyle="-|>",
            mutation_scale=14,
            linewidth=1.6,
            color=colour,
        )
    )
