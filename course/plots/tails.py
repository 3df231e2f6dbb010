"""Heavy tails: a few videos get most of the views, a few creators most of the followers.

Two pictures of the same fact:

* the **Lorenz curve** (default): items sorted from smallest to biggest; the curve
  shows what share of the total the smallest x% of items hold. The further it sags
  below the diagonal, the more a few items hold.
* the **rank-size plot**: items ranked from biggest (rank 1) down, both axes on a
  log scale; a straight-ish line is the signature of a heavy tail.

Both mark the share held by the top 1% and the top 10% of items, computed with
:func:`course.model.concentration.top_share`.
"""

from __future__ import annotations

import matplotlib.ticker as mticker
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from course._validate import check_choice
from course.model.concentration import lorenz, top_share
from course.plots import text
from course.plots._common import fmt_count, fmt_pct, fmt_usd, single_ax
from course.plots.style import GREY, HIGHLIGHT, course_style

__all__ = ["heavy_tail_chart", "KINDS", "STYLES"]

#: The kinds of values the chart knows how to name.
KINDS = ("views", "followers", "gmv")
#: The two pictures.
STYLES = ("lorenz", "rank")

_MAX_POINTS = 2000  # points drawn on a curve; more look the same and cost time


def heavy_tail_chart(
    values,
    kind: str = "views",
    ax: Axes | None = None,
    *,
    style: str = "lorenz",
    title: str | None = None,
) -> Figure:
    """Show how concentrated a quantity is, with the top 1% and top 10% shares marked.

    Parameters
    ----------
    values : array-like of float
        One non-negative amount per item: views per video, followers per creator
        or GMV (USD) per creator. A pandas Series or column works.
    kind : {"views", "followers", "gmv"}
        What the values are; picks the words on the axes.
    ax : matplotlib Axes, optional
        Where to draw. A new figure is created when not given.
    style : {"lorenz", "rank"}
        ``"lorenz"`` (default) for the Lorenz curve, ``"rank"`` for a rank-size
        plot on log-log axes (items with 0 are left out of that picture, since a log
        scale has no 0; the shares still count them).
    title : str, optional
        Replaces the default title, which gives the top 1% and top 10% shares.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        If ``values`` is not a non-empty sequence of finite numbers >= 0, if
        ``kind`` or ``style`` is not one of the allowed words, or, for
        ``style="rank"``, if every value is 0.
    """
    kind = check_choice("kind", kind, KINDS)
    style = check_choice("style", style, STYLES)
    share_items, share_value = lorenz(values)  # validates values
    x = np.asarray(values, dtype=float).ravel()
    s1 = top_share(x, 0.01)
    s10 = top_share(x, 0.10)
    if style == "rank" and not np.any(x > 0):
        raise ValueError("values must include at least one amount above 0 for style='rank'")
    words = text.TAILS["kinds"][kind]
    fig, ax = single_ax(ax, figsize=(6.4, 5.2) if style == "lorenz" else (7.0, 4.8))
    with course_style():
        if style == "lorenz":
            _draw_lorenz(ax, share_items, share_value, x.size, s1, s10, words)
        else:
            _draw_rank(ax, x, s1, s10, kind, words)
        if title is None:
            title = text.TAILS["title"].format(
                items=words["items"],
                quantity=words["quantity"],
                share1=fmt_pct(s1),
                share10=fmt_pct(s10),
            )
        ax.set_title(title, loc="left", fontsize=11.5)
    return fig


def _thin(share_items: np.ndarray, share_value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if share_items.size <= _MAX_POINTS:
        return share_items, share_value
    grid = np.linspace(0.0, 1.0, _MAX_POINTS)
    # Keep the top 1% finely too: that is where the curve turns.
    tail = np.linspace(0.98, 1.0, 400)
    grid = np.union1d(grid, tail)
    return grid, np.interp(grid, share_items, share_value)


def _top_count(fraction: float, n: int) -> int:
    """How many items 'the top fraction' counts (at least one), as top_share does."""
    return max(1, int(np.ceil(fraction * n)))


def _draw_lorenz(ax, share_items, share_value, n, s1, s10, words) -> None:
    xs, ys = _thin(share_items, share_value)
    ax.plot(
        [0, 1],
        [0, 1],
        linestyle="--",
        color=GREY,
        linewidth=1.2,
        label=text.TAILS["equal_line"],
        gid="equality",
    )
    ax.plot(
        xs,
        ys,
        color="#000000",
        linewidth=2.2,
        label=text.TAILS["curve"].format(items=words["items"], n=fmt_count(n)),
        gid="lorenz",
    )
    ax.fill_between(xs, ys, xs, color=HIGHLIGHT, alpha=0.15, linewidth=0)
    notes = []
    k1, k10 = _top_count(0.01, n), _top_count(0.10, n)
    for top, share, k in ((0.01, s1, k1), (0.10, s10, k10)):
        # The point sits where the top k items start: on the curve, also for few items.
        x0 = 1.0 - k / n
        y0 = 1.0 - share
        if not (top == 0.01 and k1 == k10):  # the same items: one point, labelled once
            ax.plot(
                [x0],
                [y0],
                marker="o",
                color=HIGHLIGHT,
                markersize=8,
                linestyle="none",
                gid=f"top-{int(round(top * 100))}",
            )
            label = "top_point_both" if k1 == k10 else "top_point"
            ax.annotate(
                text.TAILS[label].format(top=fmt_pct(top)),
                xy=(x0, y0),
                xytext=(-9, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=9.5,
                color="#222222",
            )
        notes.append(
            text.TAILS["top_note"].format(
                top=fmt_pct(top),
                items=words["items"],
                share=fmt_pct(share),
                quantity=words["quantity"],
            )
        )
    ax.text(
        0.03,
        0.80,
        "\n".join(notes),
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=9.5,
        linespacing=1.6,
        bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": HIGHLIGHT},
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal", adjustable="box")
    pct = mticker.PercentFormatter(xmax=1.0, decimals=0)
    ax.xaxis.set_major_formatter(pct)
    ax.yaxis.set_major_formatter(pct)
    ax.set_xlabel(text.TAILS["lorenz_xlabel"].format(items=words["items"]))
    ax.set_ylabel(text.TAILS["lorenz_ylabel"].format(quantity=words["quantity"]))
    ax.legend(loc="upper left")


def _draw_rank(ax, x, s1, s10, kind, words) -> None:
    n_all = x.size
    v = np.sort(x)[::-1]
    v = v[v > 0]
    ranks = np.arange(1, v.size + 1)
    if v.size > _MAX_POINTS:
        idx = np.unique(np.geomspace(1, v.size, _MAX_POINTS).astype(int)) - 1
        ranks, v = ranks[idx], v[idx]
    ax.plot(
        ranks,
        v,
        color="#000000",
        linewidth=2.0,
        marker="." if v.size < 60 else None,
        label=text.TAILS["curve"].format(items=words["items"], n=fmt_count(n_all)),
        gid="rank",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    for top, share, dash in ((0.01, s1, "--"), (0.10, s10, ":")):
        r = max(1.0, np.ceil(top * n_all))
        ax.axvline(
            r,
            color=HIGHLIGHT,
            linewidth=1.6,
            linestyle=dash,
            gid=f"top-{int(round(top * 100))}",
            label=text.TAILS["top_note"].format(
                top=fmt_pct(top),
                items=words["items"],
                share=fmt_pct(share),
                quantity=words["quantity"],
            ),
        )
    fmt = fmt_usd if kind == "gmv" else fmt_count
    for axis, f in ((ax.xaxis, fmt_count), (ax.yaxis, fmt)):
        axis.set_major_locator(mticker.LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axis.set_minor_locator(mticker.LogLocator(base=10, subs="auto"))
        axis.set_major_formatter(mticker.FuncFormatter(lambda val, _p, f=f: f(val)))
        axis.set_minor_formatter(mticker.NullFormatter())
    ax.set_xlabel(text.TAILS["rank_xlabel"].format(item_one=text.TAILS["item_one"][kind]))
    ax.set_ylabel(text.TAILS["rank_ylabel"].format(value_label=words["value_label"]))
    ax.legend(loc="lower left")
