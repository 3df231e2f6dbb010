"""The comparison of orderings: orders, GMV and conversion from reach, side by side."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from course._validate import check_bool
from course.factors import Ordering
from course.plots import text
from course.plots._common import (
    NeedsRedraw,
    axes_list,
    check_frame,
    fmt_count,
    fmt_pct,
    fmt_usd,
    ordering_key,
)
from course.plots.style import HIGHLIGHT, ORDERING_COLOURS, course_style

__all__ = ["SUMMARY_COLUMNS", "comparison_chart", "update_comparison_chart"]

#: The columns :func:`comparison_chart` needs (``course.summarize`` returns them).
SUMMARY_COLUMNS = ("ordering", "orders", "gmv", "conversion")

_PANELS = (
    ("orders", fmt_count),
    ("gmv", fmt_usd),
    ("conversion", fmt_pct),
)


def _check_summary(summary_df: object) -> pd.DataFrame:
    df = check_frame(
        summary_df, "summary_df", SUMMARY_COLUMNS, numeric=("orders", "gmv", "conversion")
    )
    keys = [ordering_key(v, "summary_df['ordering']") for v in df["ordering"]]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(
            f"summary_df must have one row per ordering; {', '.join(repeated)} appears "
            "more than once"
        )
    for col in ("orders", "gmv", "conversion"):
        v = df[col].to_numpy(dtype=float)
        if not np.all(np.isfinite(v)):
            raise ValueError(f"summary_df[{col!r}] must be finite numbers; found NaN or infinity")
        if np.any(v < 0):
            raise ValueError(f"summary_df[{col!r}] must be zero or more; found {v[v < 0][0]!r}")
    conv = df["conversion"].to_numpy(dtype=float)
    if np.any(conv > 1):
        raise ValueError(
            "summary_df['conversion'] must be a fraction in [0, 1] (orders / shoppers); "
            f"found {conv[conv > 1][0]!r}"
        )
    order = {o.value: i for i, o in enumerate(Ordering)}
    out = df.assign(ordering=keys)
    return out.sort_values("ordering", key=lambda s: s.map(order)).reset_index(drop=True)


def comparison_chart(
    summary_df: pd.DataFrame,
    ax: Sequence[Axes] | None = None,
    *,
    value_axis: bool = True,
    title: str | None = None,
) -> Figure:
    """Compare orderings on one product: orders, GMV and conversion from reach.

    Three panels, one bar per ordering in its fixed colour, the value written on
    each bar. The ordering with the most GMV is named in the title.

    Parameters
    ----------
    summary_df : DataFrame
        One row per ordering with the columns ``ordering`` (str), ``orders``
        (count), ``gmv`` (USD) and ``conversion`` (orders / shoppers reached, a
        fraction in [0, 1]); :func:`course.summarize` returns such a frame. Other
        columns are ignored.
    ax : sequence of 3 matplotlib Axes, optional
        Where to draw the three panels (orders, GMV, conversion). A new figure is
        created when not given.
    value_axis : bool
        Draw the value axis (ticks and numbers) of each panel. Without it (False)
        only the numbers on the bars tell the values, and
        :func:`update_comparison_chart` can rescale the panels in place (widgets).
    title : str, optional
        The figure's headline. By default it names the ordering with the most GMV;
        it is drawn as the figure's title when this function creates the figure,
        or when ``title`` is given.

    Returns
    -------
    matplotlib.figure.Figure
    """
    df = _check_summary(summary_df)
    value_axis = check_bool("value_axis", value_axis)
    own = ax is None
    fig, axes = axes_list(ax, 3, figsize=(10.0, 3.6))
    keys = list(df["ordering"])
    xs = np.arange(len(keys))
    with course_style():
        for a, (col, fmt) in zip(axes, _PANELS, strict=True):
            values = df[col].to_numpy(dtype=float)
            colours = [ORDERING_COLOURS[k] for k in keys]
            a.bar(xs, values, color=colours, width=0.65, gid=f"bars-{col}")
            vmax = float(values.max()) if values.size else 0.0
            for i, (x, v) in enumerate(zip(xs, values, strict=True)):
                a.annotate(
                    fmt(v),
                    xy=(x, v),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=9.5,
                    gid=f"value-{col}-{i}",
                    annotation_clip=False,
                )
            a.set_xticks(xs, [text.ORDERING_SHORT[k] for k in keys])
            for tick, k in zip(a.get_xticklabels(), keys, strict=True):
                tick.set_color(ORDERING_COLOURS[k])
            a.set_ylabel(text.COMPARE[col])
            a.set_title(text.COMPARE[f"{col}_panel"], loc="left", fontsize=11)
            a.set_ylim(0, _panel_top(vmax))
            fmt_axis = {"gmv": fmt_usd, "conversion": fmt_pct}.get(col, fmt_count)
            a.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p, f=fmt_axis: f(v)))
            a.tick_params(axis="x", length=0)
            if not value_axis:
                a.set_yticks([])
        if title is None and own:
            title = comparison_title(df)
        if title is not None:
            fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
        _outline_best(axes[1].patches, df["gmv"].to_numpy(dtype=float))
    return fig


def _panel_top(vmax: float) -> float:
    """The top of a panel's value axis: room above the tallest bar for its number."""
    return vmax * 1.18 if vmax > 0 else 1.0


def comparison_title(summary_df: pd.DataFrame) -> str:
    """The headline of a comparison: which ordering brings the most GMV (or a tie)."""
    df = _check_summary(summary_df)
    keys = list(df["ordering"])
    gmv = df["gmv"].to_numpy(dtype=float)
    winners = [k for k, g in zip(keys, gmv, strict=True) if g == gmv.max()]
    if len(winners) == 1 and len(keys) > 1:
        return text.COMPARE["title"].format(best=text.ORDERING_NAMES[winners[0]])
    return text.COMPARE["title_tie"]


def _outline_best(bars, gmv: np.ndarray) -> None:
    """Outline the single biggest GMV bar in orange, so the eye lands on it."""
    best = int(np.argmax(gmv)) if gmv.size else -1
    unique = gmv.size > 1 and np.sum(gmv == gmv[best]) == 1
    for i, bar in enumerate(bars):
        if unique and i == best:
            bar.set_edgecolor(HIGHLIGHT)
            bar.set_linewidth(3)
        else:
            bar.set_edgecolor("none")
            bar.set_linewidth(0)


def update_comparison_chart(axes: Sequence[Axes], summary_df: pd.DataFrame) -> list[Artist]:
    """Change a chart drawn by :func:`comparison_chart` in place, for new numbers.

    Parameters
    ----------
    axes : sequence of 3 matplotlib Axes
        The three panels :func:`comparison_chart` drew on (orders, GMV, conversion).
    summary_df : DataFrame
        As for :func:`comparison_chart`.

    Returns
    -------
    list of matplotlib Artist
        The bars and the numbers on them.

    Raises
    ------
    NeedsRedraw
        When the orderings differ from the chart's, or, on panels with a value
        axis, a value no longer fits the panel's scale well (above the top, or
        under a third of it): draw again. Panels drawn with ``value_axis=False``
        are rescaled in place.
    """
    df = _check_summary(summary_df)
    if len(axes) != 3:
        raise ValueError(f"axes must hold the 3 panels of a comparison chart; got {len(axes)}")
    keys = list(df["ordering"])
    changed: list[Artist] = []
    for a, (col, fmt) in zip(axes, _PANELS, strict=True):
        bars = [p for p in a.patches]
        ticks = [t.get_text() for t in a.get_xticklabels()]
        if ticks != [text.ORDERING_SHORT[k] for k in keys] or len(bars) != len(keys):
            raise NeedsRedraw("the orderings changed")
        values = df[col].to_numpy(dtype=float)
        vmax = float(values.max())
        if len(a.get_yticks()) == 0:
            a.set_ylim(0, _panel_top(vmax))  # no value axis: rescale in place
        else:
            top = a.get_ylim()[1]
            if vmax > top / 1.08 or (vmax > 0 and vmax < top / 3.5) or (vmax == 0 and top != 1.0):
                raise NeedsRedraw(f"the {col} values left the panel's scale")
        notes = {t.get_gid(): t for t in a.texts}
        for i, (bar, v) in enumerate(zip(bars, values, strict=True)):
            bar.set_height(v)
            note = notes[f"value-{col}-{i}"]
            note.xy = (note.xy[0], v)
            note.set_text(fmt(v))
            changed += [bar, note]
    _outline_best(axes[1].patches, df["gmv"].to_numpy(dtype=float))
    return changed
