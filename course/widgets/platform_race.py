"""The platform race widget: two or three platforms, their strengths, and who wins.

Sliders set each platform's starting creators and users and its strengths
(content quality, recommendation accuracy, product quality, how much of the feed
is shopping). The chart shows users, GMV per week and trust over the weeks, and
how much of the followers the biggest creators hold; a short card says who leads
and what happened to GMV where product quality is poor.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from course.model.platform import Platform, RaceResult, RaceSettings, example_platforms, race
from course.plots._common import fmt_number, fmt_pct, fmt_usd
from course.plots.decisions import platform_race_chart, update_platform_race_chart
from course.widgets.base import CourseWidget, FigureImage

__all__ = ["TEXT", "PlatformRace", "platform_race"]

#: Every word this widget shows (to be folded into course/widgets/text.py by the lead).
TEXT = {
    "intro": (
        "Two or three platforms compete for the same 100 million people. Creators "
        "bring content, content keeps users watching, users bring more users and more "
        "creators. Change a platform's strengths and watch who wins, how attention "
        "piles up on a few head creators, and what poor products do to GMV later."
    ),
    "how_many": "Platforms in the race",
    "periods": "Weeks to simulate",
    "seed": "Random seed (whole number, 0 or more)",
    "fields": {
        "creators": "Creators at the start (count)",
        "users_m": "Users at the start (million)",
        "content_quality": "Content quality (0 to 1)",
        "recommendation_accuracy": "Recommendation accuracy (0 to 1)",
        "product_quality": "Product quality: buyers satisfied (0 to 1)",
        "ecommerce_pct": "Shopping share of the feed (%)",
    },
    "tooltips": {
        "creators": "How many creators post on the platform in week 0.",
        "users_m": "How many people use the platform in week 0, in millions.",
        "content_quality": "How good the average video is: 1 means every video is worth watching.",
        "recommendation_accuracy": "How well the feed matches videos and products to "
        "each viewer: 0 is a random feed.",
        "product_quality": "The chance that a buyer is happy with what they bought. "
        "Poor products are cheap and sell more at first, then trust falls.",
        "ecommerce_pct": "How much of the feed is shopping content. Douyin kept it "
        "near 7-8%; above about 8% users left (LatePost, 2022).",
    },
    "lead_html": "<p><b>{leader}</b> leads after {periods} weeks with {share} of all users.</p>",
    "fall_html": "<p>{name}: GMV fell from {first} a week in the first quarter to "
    "{last} a week in the last, as trust sank to {trust}. Poor products lift GMV "
    "now and cut it later.</p>",
    "heads_html": "<p>Head creators: the top 10% of creators hold between {low} and "
    "{high} of all followers (an even split would give them 10%).</p>",
    "table_head": (
        "Platform",
        "Users at the end",
        "Share of users",
        "GMV a week, first quarter",
        "GMV a week, last quarter",
        "Trust at the end",
        "Top 10% creators' share",
        "Gini (0 = even, 1 = one creator has all)",
    ),
}

_FIELDS = tuple(TEXT["fields"])

_SLIDERS: dict[str, dict[str, Any]] = {
    "creators": {"kind": "int", "min": 50, "max": 5_000, "step": 50},
    "users_m": {"kind": "float", "min": 0.0, "max": 40.0, "step": 0.5, "fmt": ".1f"},
    "content_quality": {"kind": "float", "min": 0.0, "max": 1.0, "step": 0.05, "fmt": ".2f"},
    "recommendation_accuracy": {
        "kind": "float",
        "min": 0.0,
        "max": 1.0,
        "step": 0.05,
        "fmt": ".2f",
    },
    "product_quality": {"kind": "float", "min": 0.0, "max": 1.0, "step": 0.05, "fmt": ".2f"},
    "ecommerce_pct": {"kind": "int", "min": 0, "max": 40, "step": 1},
}


def _labelled(field: str, control: widgets.Widget) -> widgets.VBox:
    """A slider with its full label above it."""
    label = widgets.HTML(
        f"<span style='font-size:0.92em'>{html.escape(TEXT['fields'][field])}</span>"
    )
    return widgets.VBox([label, control], layout=widgets.Layout(margin="0 0 0.2em 0"))


def _slider(field: str, value: float) -> widgets.ValueWidget:
    spec = _SLIDERS[field]
    # The label is shown above the slider (see _labelled), so the slider and its value
    # readout use the column's full width and no label is cut short.
    common = {
        "description": "",
        "tooltip": TEXT["tooltips"][field],
        "continuous_update": False,
        "style": {"description_width": "0px"},
        "layout": widgets.Layout(width="98%"),
    }
    if spec["kind"] == "int":
        return widgets.IntSlider(
            value=int(round(value)), min=spec["min"], max=spec["max"], step=spec["step"], **common
        )
    return widgets.FloatSlider(
        value=float(value),
        min=spec["min"],
        max=spec["max"],
        step=spec["step"],
        readout_format=spec["fmt"],
        **common,
    )


class PlatformRace(CourseWidget):
    """Platforms racing for users, with their strengths on sliders.

    Attributes
    ----------
    controls : dict
        ``"how_many"`` (2 or 3), ``"periods"`` (weeks), ``"seed"``, and per
        platform ``i`` (1-3) ``"p{i}_creators"``, ``"p{i}_users_m"``,
        ``"p{i}_content_quality"``, ``"p{i}_recommendation_accuracy"``,
        ``"p{i}_product_quality"``, ``"p{i}_ecommerce_pct"`` (percent).
    result : RaceResult or None
        The latest race that worked.
    card : ipywidgets.HTML
        Who leads, what happened to GMV, the head creators, and a table.
    view : FigureImage
        The race chart.
    """

    def __init__(
        self,
        platforms: tuple[Platform, ...] | None = None,
        *,
        periods: int = 52,
        seed: int = 0,
        settings: RaceSettings | None = None,
    ) -> None:
        starts = tuple(platforms) if platforms is not None else example_platforms()
        if len(starts) not in (2, 3) or not all(isinstance(p, Platform) for p in starts):
            raise ValueError(f"platforms must be two or three Platform objects; got {len(starts)}")
        self.settings = settings if settings is not None else RaceSettings()
        self.names = [p.name for p in starts]
        padded = list(starts) + [Platform(name="Third platform")] * (3 - len(starts))
        if len(starts) == 2:
            self.names.append(padded[2].name)
        controls: dict[str, widgets.ValueWidget] = {
            "how_many": widgets.ToggleButtons(
                options=[("2", 2), ("3", 3)],
                value=len(starts),
                description=TEXT["how_many"],
                style={"description_width": "12em", "button_width": "4em"},
            ),
            "periods": widgets.IntSlider(
                value=periods,
                min=8,
                max=156,
                step=4,
                description=TEXT["periods"],
                continuous_update=False,
                style={"description_width": "12em"},
                layout=widgets.Layout(width="30em"),
            ),
            "seed": widgets.BoundedIntText(
                value=seed,
                min=0,
                max=2**31 - 1,
                description=TEXT["seed"],
                style={"description_width": "18em"},
                layout=widgets.Layout(width="26em"),
            ),
        }
        self.labels = {
            "how_many": TEXT["how_many"],
            "periods": TEXT["periods"],
            "seed": TEXT["seed"],
        }
        columns = []
        for i, p in enumerate(padded, start=1):
            boxes = [widgets.HTML(f"<b>{html.escape(p.name)}</b>")]
            for field in _FIELDS:
                value = p.ecommerce_share * 100 if field == "ecommerce_pct" else getattr(p, field)
                control = _slider(field, value)
                controls[f"p{i}_{field}"] = control
                self.labels[f"p{i}_{field}"] = f"{p.name}, {TEXT['fields'][field]}"
                boxes.append(_labelled(field, control))
            columns.append(
                widgets.VBox(
                    boxes,
                    layout=widgets.Layout(
                        border="1px solid #D9D9D9", padding="0.3em", margin="0.2em", width="24em"
                    ),
                )
            )
        self.columns = columns
        super().__init__(controls=controls)
        self.card = widgets.HTML()
        self.view = FigureImage((9.6, 5.6))
        self._race_key: tuple | None = None
        self.children = [
            widgets.HTML(f"<p>{html.escape(TEXT['intro'])}</p>"),
            widgets.HBox(
                [controls["how_many"], controls["periods"], controls["seed"]],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            widgets.HBox(columns, layout=widgets.Layout(flex_flow="row wrap")),
            self.message,
            self.card,
            self.view.image,
            self.reset_button,
        ]
        self.refresh()

    def platforms(self, values: dict[str, Any] | None = None) -> list[Platform]:
        """The platforms the controls describe now (validated by Platform)."""
        values = self.values() if values is None else values
        out = []
        for i in range(1, int(values["how_many"]) + 1):
            fields = {f: values[f"p{i}_{f}"] for f in _FIELDS if f != "ecommerce_pct"}
            fields["ecommerce_share"] = values[f"p{i}_ecommerce_pct"] / 100.0
            out.append(Platform(name=self.names[i - 1], **fields))
        return out

    def _compute(self, values: dict[str, Any]) -> RaceResult:
        platforms = self.platforms(values)
        return race(
            platforms,
            periods=int(values["periods"]),
            seed=int(values["seed"]),
            settings=self.settings,
        )

    def _show(self, result: RaceResult) -> None:
        for i, column in enumerate(self.columns, start=1):
            column.layout.display = None if i <= len(result.platforms) else "none"
        periods, conc = result.periods, result.concentration
        market = self.settings.market_users_m

        weeks = int(periods["period"].max()) + 1

        def draw(fig):
            axes = list(fig.subplots(2, 2).ravel())
            platform_race_chart(
                periods, conc, axes, headroom=1.8, users_top=market, weeks_axis=_weeks_axis(weeks)
            )
            return _dynamic(axes)

        def update(fig):
            return update_platform_race_chart(
                fig.axes, periods, conc, shrink=4.5, fixed=("users_m",)
            )

        self.view.show(draw, update)
        self.card.value = race_card(result)


#: Lengths the time axis snaps to, so most moves of the weeks slider redraw in place.
_WEEKS_AXES = (26, 52, 104, 156)


def _weeks_axis(weeks: int) -> int:
    """The shortest axis length in _WEEKS_AXES that holds ``weeks`` (or ``weeks`` itself)."""
    return next((n for n in _WEEKS_AXES if n >= weeks), weeks)


def _dynamic(axes) -> list:
    out = []
    for ax in axes[:3]:
        out += list(ax.lines)
    out += list(axes[3].patches)
    out += [t for t in axes[3].texts if (t.get_gid() or "").startswith("value-")]
    return out


def race_card(result: RaceResult) -> str:
    """The card under the sliders: who leads, GMV that fell, head creators, a table (HTML)."""
    s = result.summary
    periods = int(result.periods["period"].max()) + 1
    quarter = max(1, periods // 4)
    lead = s.loc[s["final_user_share"].idxmax()]
    parts = [
        TEXT["lead_html"].format(
            leader=html.escape(lead["platform"]),
            periods=periods,
            share=fmt_pct(lead["final_user_share"]),
        )
    ]
    for _, row in s.iterrows():
        first = row["gmv_first_quarter_usd"] / quarter
        last = row["gmv_last_quarter_usd"] / quarter
        if last < first:
            parts.append(
                TEXT["fall_html"].format(
                    name=html.escape(row["platform"]),
                    first=fmt_usd(first),
                    last=fmt_usd(last),
                    trust=f"{row['final_trust']:.2f}",
                )
            )
    conc = result.concentration
    parts.append(
        TEXT["heads_html"].format(
            low=fmt_pct(conc["top10_share"].min()), high=fmt_pct(conc["top10_share"].max())
        )
    )
    head = "".join(f"<th style='padding:0 0.6em'>{html.escape(h)}</th>" for h in TEXT["table_head"])
    rows = []
    top10 = conc.set_index("platform")["top10_share"]
    gini = conc.set_index("platform")["gini"]
    for _, row in s.iterrows():
        cells = [
            html.escape(row["platform"]),
            fmt_number(row["final_users_m"] * 1e6),
            fmt_pct(row["final_user_share"]),
            fmt_usd(row["gmv_first_quarter_usd"] / quarter),
            fmt_usd(row["gmv_last_quarter_usd"] / quarter),
            f"{row['final_trust']:.2f}",
            fmt_pct(top10[row["platform"]]),
            f"{gini[row['platform']]:.2f}",
        ]
        rows.append(
            "<tr>" + "".join(f"<td style='padding:0 0.6em'>{c}</td>" for c in cells) + "</tr>"
        )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return "".join(parts) + table


def platform_race(
    platforms: tuple[Platform, ...] | None = None, *, periods: int = 52, seed: int = 0
) -> PlatformRace:
    """Race two or three platforms: creators, users, content, recommendation, quality.

    Parameters
    ----------
    platforms : tuple of Platform, optional
        Two or three starting platforms; by default
        :func:`course.model.platform.example_platforms` (an incumbent, a small
        feed with excellent recommendation, and a bargain platform with poor
        products).
    periods : int
        Weeks to simulate at the start (8-156).
    seed : int
        Random seed at the start.

    Returns
    -------
    PlatformRace
        An ipywidgets VBox; display it by ending a notebook cell with it. Drive
        it from Python: ``w.controls["p3_product_quality"].value = 0.9``; read
        ``w.result`` (a :class:`course.model.platform.RaceResult`) and
        ``w.message``.

    Examples
    --------
    >>> w = platform_race()
    >>> w.result.summary["platform"].tolist()
    ['Incumbent', 'Interest feed', 'Bargain bin']
    >>> w.controls["how_many"].value = 2
    >>> len(w.result.platforms)
    2
    """
    return PlatformRace(platforms, periods=periods, seed=seed)
