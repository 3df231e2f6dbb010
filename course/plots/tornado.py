"""The sensitivity (tornado) chart: which lever moves the result the most.

The frame it reads (the capstone planner produces it)
-----------------------------------------------------
One row per lever, any order (the chart sorts them):

================ ======= ===================================================
column           type    meaning
================ ======= ===================================================
``lever``        str     the lever's name, e.g. ``"price"`` (required)
``label``        str     plain words with the unit, e.g. ``"Price (USD)"``
                         (optional; ``lever`` is shown when missing)
``low``          float   the result when this lever is at its low setting and
                         every other lever at its default (required)
``high``         float   the result when this lever is at its high setting
                         (required)
``base``         float   the result with every lever at its default; the same
                         on every row (required)
``low_setting``  float   the lever's low value, shown beside the label
                         (optional, with ``high_setting``)
``high_setting`` float   the lever's high value (optional)
================ ======= ===================================================

"The result" is the quantity named by ``metric``: ``"gmv"`` (USD, default),
``"orders"`` (count), ``"conversion"`` (fraction in [0, 1]) or ``"profit"`` (USD).
"""

from __future__ import annotations

import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from course._validate import check_choice
from course.plots import text
from course.plots._common import check_frame, fmt_count, fmt_number, fmt_pct, fmt_usd, single_ax
from course.plots.style import GREY, HIGHLIGHT, LIGHT_GREY, course_style

__all__ = ["METRICS", "SENSITIVITY_COLUMNS", "tornado_chart"]

#: The required columns of the sensitivity frame.
SENSITIVITY_COLUMNS = ("lever", "low", "high", "base")
#: The results a tornado chart can show.
METRICS = ("gmv", "orders", "conversion", "profit")

_FMT = {"gmv": fmt_usd, "profit": fmt_usd, "orders": fmt_count, "conversion": fmt_pct}


def _check_sensitivity(df: object) -> pd.DataFrame:
    check_frame(df, "sensitivity_df", SENSITIVITY_COLUMNS, numeric=("low", "high", "base"))
    for col in ("low", "high", "base"):
        v = df[col].to_numpy(dtype=float)
        if not np.all(np.isfinite(v)):
            raise ValueError(
                f"sensitivity_df[{col!r}] must be finite numbers; found NaN or infinity"
            )
    base = df["base"].to_numpy(dtype=float)
    if not np.allclose(base, base[0], rtol=1e-9, atol=1e-9):
        raise ValueError(
            "sensitivity_df['base'] must be the same on every row (the result with every "
            f"lever at its default); found values from {base.min()!r} to {base.max()!r}"
        )
    names = df["lever"].astype(str)
    if names.duplicated().any():
        raise ValueError(
            "sensitivity_df must have one row per lever; repeated: "
            f"{sorted(set(names[names.duplicated()]))}"
        )
    has_low = "low_setting" in df.columns
    if has_low != ("high_setting" in df.columns):
        raise ValueError(
            "sensitivity_df must have both 'low_setting' and 'high_setting', or neither"
        )
    if has_low:
        check_frame(df, "sensitivity_df", (), numeric=("low_setting", "high_setting"))
    return df


def _fmt_setting(value: float, label: str) -> str:
    """A lever's setting for its label: a share or fraction as a percentage, else a number."""
    unit = label.rsplit("(", 1)[-1].lower() if "(" in label else ""
    if unit.startswith(("share", "fraction")):
        return fmt_pct(value)
    if value != 0 and abs(value) < 0.1:
        return f"{value:.2g}"
    return fmt_number(value)


def _short(label: str) -> str:
    """A label's first line without a trailing unit in brackets: 'Price (USD)' -> 'Price'."""
    first = label.split("\n")[0].strip()
    if first.endswith(")") and " (" in first:
        first = first[: first.rindex(" (")]
    return first


def tornado_chart(
    sensitivity_df: pd.DataFrame,
    ax: Axes | None = None,
    *,
    metric: str = "gmv",
    title: str | None = None,
) -> Figure:
    """Draw a tornado chart: one bar per lever, from its low to its high setting.

    Each bar starts at the default plan's result (a vertical line) and reaches the
    result with that one lever at its low setting (grey) and at its high setting
    (orange). Levers are sorted with the widest swing at the top, so the shape
    looks like a tornado and the top lever is the one to work on first.

    Parameters
    ----------
    sensitivity_df : DataFrame
        One row per lever; columns documented in this module's docstring:
        ``lever``, ``low``, ``high``, ``base`` (required), ``label``,
        ``low_setting``, ``high_setting`` (optional).
    ax : matplotlib Axes, optional
        Where to draw. A new figure is created when not given.
    metric : {"gmv", "orders", "conversion", "profit"}
        What ``low``, ``high`` and ``base`` measure; picks the axis words and
        number format.
    title : str, optional
        Replaces the default title, which names the lever with the widest swing.

    Returns
    -------
    matplotlib.figure.Figure
    """
    metric = check_choice("metric", metric, METRICS)
    df = _check_sensitivity(sensitivity_df)
    fmt = _FMT[metric]
    swing = (df["high"] - df["low"]).abs().to_numpy(dtype=float)
    order = np.argsort(-swing, kind="stable")
    df = df.iloc[order].reset_index(drop=True)
    base = float(df["base"].iloc[0])
    labels = []
    for _, row in df.iterrows():
        label = (
            str(row["label"])
            if "label" in df.columns and pd.notna(row.get("label"))
            else str(row["lever"])
        )
        if "low_setting" in df.columns:
            label += "\n" + text.TORNADO["setting_range"].format(
                low=_fmt_setting(float(row["low_setting"]), label),
                high=_fmt_setting(float(row["high_setting"]), label),
            )
        labels.append(label)
    n = len(df)
    fig, ax = single_ax(ax, figsize=(9.0, 1.4 + 0.55 * n))
    ys = np.arange(n)[::-1]
    with course_style():
        for y, (_, row) in zip(ys, df.iterrows(), strict=True):
            sides = [("low", GREY), ("high", HIGHLIGHT)]
            # The longer bar first, so a shorter one on the same side stays visible.
            sides.sort(key=lambda sc: -abs(float(row[sc[0]]) - base))
            labelled: list[float] = []
            low, high = float(row["low"]), float(row["high"])
            # Both ends on one side of the base: one note at the far end says both numbers,
            # low first, so the two cannot print on top of each other.
            same_side = (low - base) * (high - base) > 0 and not np.isclose(low, high)
            for k, (side, colour) in enumerate(sides):
                v = float(row[side])
                ax.barh(
                    y,
                    v - base,
                    left=base,
                    height=0.6,
                    color=colour,
                    alpha=0.9,
                    edgecolor="none",
                    gid=f"bar-{row['lever']}-{side}",
                )
                if any(np.isclose(v, w, rtol=1e-6, atol=1e-9) for w in labelled):
                    continue  # the same number is already written there
                if same_side and k > 0:
                    continue  # written together with the far end's number
                labelled.append(v)
                note = (
                    text.TORNADO["both_ends"].format(low=fmt(low), high=fmt(high))
                    if same_side
                    else fmt(v)
                )
                ax.annotate(
                    note,
                    parse_math=False,  # two "$" in one note would otherwise be read as maths
                    xy=(v, y),
                    xytext=(4 if v >= base else -4, 0),
                    textcoords="offset points",
                    va="center",
                    ha="left" if v >= base else "right",
                    fontsize=8.5,
                    color="#222222",
                    gid=f"value-{row['lever']}-{side}",
                )
        ax.axvline(base, color="#000000", linewidth=1.2, gid="base")
        ax.set_yticks(ys, labels)
        ax.tick_params(axis="y", length=0)
        lo = float(min(df["low"].min(), df["high"].min(), base))
        hi = float(max(df["low"].max(), df["high"].max(), base))
        span = hi - lo if hi > lo else (abs(base) or 1.0)
        # Room on both sides for the numbers written beyond the bars' ends.
        ax.set_xlim(lo - 0.3 * span, hi + 0.3 * span)
        ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins=5))
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _p: fmt(v)))
        ax.grid(True, axis="x", color=LIGHT_GREY)
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel(text.TORNADO["xlabel"].format(metric=text.TORNADO["metrics"][metric]))
        handles = [
            Patch(color=GREY, label=text.TORNADO["low_bar"]),
            Patch(color=HIGHLIGHT, label=text.TORNADO["high_bar"]),
            Line2D(
                [],
                [],
                color="#000000",
                marker="|",
                markersize=14,
                linestyle="none",
                label=text.TORNADO["base_line"].format(base=fmt(base)),
            ),
        ]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        if title is None:
            title = text.TORNADO["title"].format(
                lever=_short(labels[0]), metric=text.TORNADO["metric_names"][metric]
            )
        ax.set_title(title, loc="left")
    return fig
