"""The seller planner widget: your Amazon numbers in, a 12-week TikTok plan with a range out.

The seller's business report comes from the bundled sample, a path typed in, or
a file uploaded (CSV or XLSX; read from memory through a temporary copy, never
written back). Sliders set the plan: products, own videos a week, creators and
their commission, an ad budget, the price against Amazon. The figure shows GMV
and margin week by week as a fan (8 outcomes in 10 fall inside the band) and the
levers that move the 12-week margin most; a card gives the totals, the chance of
losing money and the lever to work on first. "Save plan" writes the tables as CSV
files and one Excel workbook into a folder the learner chooses, never over an
existing file.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import tempfile
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from course.model.planner import PlanResult, SellerPlan, check_prefix, plan
from course.plots._common import fmt_number, fmt_pct, fmt_usd
from course.plots.decisions import (
    lever_chart,
    plan_fan_chart,
    update_lever_chart,
    update_plan_fan_chart,
)
from course.widgets.base import CourseWidget, FigureImage, show_message

__all__ = ["SAMPLE_PRODUCTS", "TEXT", "SellerPlanner", "seller_planner"]

#: Products the widget starts with on the bundled sample: two that show well on
#: video and one that people search for (a replacement filter), so the plan shows
#: both sides of the story.
SAMPLE_PRODUCTS = ("HO-LAMP-SUN", "KI-CHOPPER", "KI-FILTER-FRG")

#: Every word this widget shows (to be folded into course/widgets/text.py by the lead).
TEXT = {
    "intro": (
        "Start from your Amazon numbers and try a plan for your first 12 weeks on "
        "TikTok. Nobody knows in advance how many views a video gets or how many "
        "viewers buy, so the planner tries {draws} possible worlds and shows the range: "
        "8 outcomes in 10 fall inside the shaded band."
    ),
    "source_heading": "Your Amazon numbers",
    "source_help": (
        "Seller Central > Reports > Business Reports > Detail Page Sales and Traffic "
        "By Child Item, downloaded as CSV or XLSX. Leave both boxes empty to use the "
        "course's sample shop."
    ),
    "report_path": "Report file on this computer (path)",
    "report_path_placeholder": "empty: the course's sample shop",
    "upload": "Upload report (.csv, .xlsx)",
    "using_sample": "Using the course's sample shop ({n} products).",
    "using_file": "Using {name} ({n} products).",
    "plan_heading": "Your TikTok plan",
    "products": "Products to sell on TikTok",
    "products_help": "Hold Ctrl (Cmd on a Mac) to choose several.",
    "videos_per_week": "Own videos per week (count)",
    "creators_engaged": "Creators asked to post (count)",
    "commission_pct": "Creator commission (% of each sale)",
    "ad_budget": "Ad budget per week (USD)",
    "price_change_pct": "TikTok price against Amazon (%)",
    "cost_per_video": "Cost of making one video (USD)",
    "seed": "Random seed (whole number, 0 or more)",
    "no_products": "products must include at least one product; choose one or more in the list",
    "bad_file": "This report could not be read, so the plan was not updated.\n{detail}\n"
    "Check that it is the 'Detail Page Sales and Traffic By Child Item' report, or "
    "clear the path and the upload to go back to the sample shop.",
    "totals_html": (
        "<p><b>Over {weeks} weeks</b> (8 in 10 outcomes between the two numbers, the "
        "middle one in brackets): orders {orders_lo} to {orders_hi} ({orders_mid}); GMV "
        "{gmv_lo} to {gmv_hi} ({gmv_mid}); margin, what you keep after costs, "
        "{margin_lo} to {margin_hi} ({margin_mid}). Chance of losing money: "
        "<b>{loss}</b>.</p>"
    ),
    "lever_html": (
        "<p><b>Your lever that matters most:</b> {label}. Moving it from {low} to {high} "
        "changes the expected 12-week margin from {margin_low} to {margin_high}.</p>"
    ),
    "unknown_html": (
        "<p><b>The biggest unknown:</b> {label}. Measure it in your first weeks (TikTok "
        "Shop's analytics show it) and the range will narrow.</p>"
    ),
    "product_head": (
        "Product",
        "Amazon price",
        "TikTok price",
        "Amazon units a week",
        "Expected TikTok orders, 12 weeks",
        "Expected GMV",
        "Expected margin",
    ),
    "save_heading": "Keep your plan",
    "folder": "Folder to save into",
    "name": "File name (letters, digits, - and _)",
    "save": "Save plan (CSV and Excel)",
    "save_tooltip": "Writes the tables as CSV files and one Excel workbook. An existing "
    "file is never replaced: a number is added to the name instead.",
    "saved": "Saved {n} files in {folder}: {files}",
    "save_failed": "The plan could not be saved: {detail}",
    "nothing_to_save": "There is no plan to save yet.",
}

_PLAN_LABELS = {
    "products": TEXT["products"],
    "skus": TEXT["products"],
    "videos_per_week": TEXT["videos_per_week"],
    "creators_engaged": TEXT["creators_engaged"],
    "commission_rate": TEXT["commission_pct"],
    "ad_budget_per_week": TEXT["ad_budget"],
    "price_change": TEXT["price_change_pct"],
    "cost_per_video_usd": TEXT["cost_per_video"],
    "seed": TEXT["seed"],
}

#: Room the figure leaves beyond the fans and bars, and how far they may shrink before
#: it is drawn again: updates that fit are drawn in a few milliseconds, a full
#: redraw takes a few hundred.
HEADROOM = 1.8
SHRINK = 4.5

_STYLE = {"description_width": "20em"}
_WIDE = widgets.Layout(width="38em")


def _int_slider(key: str, value: int, low: int, high: int, step: int = 1) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=TEXT[key],
        continuous_update=False,
        style=_STYLE,
        layout=_WIDE,
    )


@functools.lru_cache(maxsize=2)
def _bundled(name: str) -> pd.DataFrame | None:
    """A bundled table, read once per session (None if it is missing)."""
    try:
        from course import data

        return data.load(name)
    except (ImportError, FileNotFoundError, ValueError, AttributeError):
        return None


def _catalogue() -> pd.DataFrame | None:
    """The bundled products table (margins and features), or None if it is missing."""
    table = _bundled("products")
    return None if table is None else table.copy()


def _sample_report() -> pd.DataFrame:
    """The bundled sample business report (a copy: callers may change theirs)."""
    table = _bundled("amazon_business_report")
    if table is None:
        from course import data

        return data.load("amazon_business_report")  # raises the loader's own message
    return table.copy()


def _read_report(path: str | os.PathLike) -> pd.DataFrame:
    from course import data

    return data.read_amazon_business_report(path)


def _product_options(report: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, sku or child ASIN) for each product in the report, best sellers first."""
    rep = report.reset_index(drop=True)
    sales = pd.to_numeric(rep["sales"], errors="coerce").fillna(0.0)
    order = sales.sort_values(ascending=False, kind="stable").index
    options = []
    for i in order:
        sku = rep["sku"].iloc[i] if "sku" in rep.columns else None
        key = str(sku) if isinstance(sku, str) and sku.strip() else str(rep["child_asin"].iloc[i])
        title = str(rep["title"].iloc[i]) if "title" in rep.columns else ""
        title = title if len(title) <= 42 else title[:41] + "…"
        options.append((f"{key}: {title}" if title else key, key))
    seen, unique = set(), []
    for label, key in options:
        if key not in seen:
            seen.add(key)
            unique.append((label, key))
    return unique


class SellerPlanner(CourseWidget):
    """A seller's Amazon numbers in, a 12-week TikTok plan with a range out.

    Attributes
    ----------
    controls : dict
        ``"report_path"`` (Text), ``"upload"`` (FileUpload), ``"products"``
        (SelectMultiple of SKUs or child ASINs), ``"videos_per_week"``,
        ``"creators_engaged"``, ``"commission_pct"`` (percent),
        ``"ad_budget"`` (USD a week), ``"price_change_pct"`` (percent),
        ``"cost_per_video"`` (USD), ``"seed"``.
    result : PlanResult or None
        The latest plan that worked.
    report : pandas.DataFrame
        The business report in use.
    folder, name : ipywidgets.Text
        Where "Save plan" writes, and the start of the file names.
    save_button : ipywidgets.Button
    card, source_note : ipywidgets.HTML
    view : FigureImage
        The fans and the lever chart.
    """

    def __init__(self, *, draws: int = 400, seed: int = 0, folder: str = "my_plan") -> None:
        self.draws = draws
        self.catalogue = _catalogue()
        self.report = _sample_report()
        self._report_key: tuple = ("sample",)
        self._report_name = ""
        options = _product_options(self.report)
        keys = [k for _, k in options]
        start = [s for s in SAMPLE_PRODUCTS if s in keys] or keys[:3]
        controls = {
            "report_path": widgets.Text(
                value="",
                placeholder=TEXT["report_path_placeholder"],
                description=TEXT["report_path"],
                continuous_update=False,
                style=_STYLE,
                layout=_WIDE,
            ),
            "upload": widgets.FileUpload(
                accept=".csv,.xlsx",
                multiple=False,
                description=TEXT["upload"],
                layout=widgets.Layout(width="20em"),
            ),
            "products": widgets.SelectMultiple(
                options=options,
                value=tuple(start),
                rows=7,
                description=TEXT["products"],
                style=_STYLE,
                layout=widgets.Layout(width="40em"),
            ),
            "videos_per_week": _int_slider("videos_per_week", 5, 0, 30),
            "creators_engaged": _int_slider("creators_engaged", 5, 0, 50),
            "commission_pct": _int_slider("commission_pct", 15, 0, 50),
            "ad_budget": _int_slider("ad_budget", 100, 0, 2000, 10),
            "price_change_pct": _int_slider("price_change_pct", 0, -50, 50),
            "cost_per_video": _int_slider("cost_per_video", 10, 0, 200),
            "seed": widgets.BoundedIntText(
                value=seed,
                min=0,
                max=2**31 - 1,
                description=TEXT["seed"],
                style=_STYLE,
                layout=widgets.Layout(width="24em"),
            ),
        }
        self.labels = dict(_PLAN_LABELS)
        super().__init__(controls=controls)
        self._sample_options = options
        self.source_note = widgets.HTML()
        self.card = widgets.HTML()
        self.view = FigureImage((12.6, 4.3))
        self.folder = widgets.Text(
            value=folder, description=TEXT["folder"], style=_STYLE, layout=_WIDE
        )
        self.name = widgets.Text(
            value="tiktok_plan", description=TEXT["name"], style=_STYLE, layout=_WIDE
        )
        self.save_button = widgets.Button(
            description=TEXT["save"],
            tooltip=TEXT["save_tooltip"],
            icon="save",
            layout=widgets.Layout(width="auto"),
        )
        self.save_button.on_click(lambda _b: self.save())
        self.save_message = widgets.HTML()
        self.children = [
            widgets.HTML(f"<p>{html.escape(TEXT['intro'].format(draws=draws))}</p>"),
            widgets.HTML(
                f"<b>{html.escape(TEXT['source_heading'])}</b><br>"
                f"<small>{html.escape(TEXT['source_help'])}</small>"
            ),
            widgets.HBox(
                [controls["report_path"], controls["upload"]],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            self.source_note,
            widgets.HTML(f"<b>{html.escape(TEXT['plan_heading'])}</b>"),
            controls["products"],
            widgets.HTML(f"<small>{html.escape(TEXT['products_help'])}</small>"),
            widgets.HBox(
                [
                    widgets.VBox(
                        [
                            controls[k]
                            for k in ("videos_per_week", "creators_engaged", "commission_pct")
                        ]
                    ),
                    widgets.VBox(
                        [
                            controls[k]
                            for k in ("ad_budget", "price_change_pct", "cost_per_video", "seed")
                        ]
                    ),
                ],
                layout=widgets.Layout(flex_flow="row wrap"),
            ),
            self.message,
            self.card,
            self.view.image,
            widgets.HTML(f"<b>{html.escape(TEXT['save_heading'])}</b>"),
            widgets.HBox([self.folder, self.name], layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.save_button, self.reset_button]),
            self.save_message,
        ]
        self.refresh()

    # -- the report ---------------------------------------------------------------
    def _wanted_source(self, values: dict[str, Any]) -> tuple:
        upload = values["upload"]
        if upload:
            f = upload[0]
            digest = hashlib.sha1(bytes(f["content"])).hexdigest()  # a new file, even if same name
            return ("upload", f["name"], digest)
        path = str(values["report_path"]).strip()
        if path:
            p = Path(path).expanduser()
            try:
                stamp = p.stat().st_mtime_ns
            except OSError:
                stamp = None
            return ("path", str(p), stamp)
        return ("sample",)

    def _load(self, key: tuple, values: dict[str, Any]) -> tuple[pd.DataFrame, str]:
        if key[0] == "sample":
            return _sample_report(), ""
        if key[0] == "path":
            return _read_report(key[1]), Path(key[1]).name
        f = values["upload"][0]
        name = str(f["name"])
        suffix = (
            Path(name).suffix.lower() if Path(name).suffix.lower() in (".csv", ".xlsx") else ".csv"
        )
        # the loader reads paths: give it a private temporary copy of the uploaded
        # bytes (in the system's temporary folder), removed straight after
        with tempfile.TemporaryDirectory(prefix="shelf_to_feed_") as folder:
            copy = Path(folder) / f"uploaded_report{suffix}"
            copy.write_bytes(bytes(f["content"]))
            try:
                report = _read_report(copy)
            except (ValueError, TypeError) as exc:
                raise ValueError(str(exc).replace(str(copy), name)) from None
        return report, name

    def _ensure_report(self, values: dict[str, Any]) -> None:
        key = self._wanted_source(values)
        if key == self._report_key:
            return
        report, name = self._load(key, values)
        if "sales" not in report.columns or "child_asin" not in report.columns:
            raise ValueError("the table has no 'sales' or 'child_asin' column")
        self.report, self._report_key, self._report_name = report, key, name
        options = _product_options(report)
        keys = [k for _, k in options]
        if key == ("sample",):
            chosen = [s for s in SAMPLE_PRODUCTS if s in keys] or keys[:3]
        else:
            chosen = keys[:3]
        products = self.controls["products"]
        self._holding += 1  # changing the list must not recompute half-way
        try:
            products.value = ()
            products.options = options
            products.value = tuple(chosen)
        finally:
            self._holding -= 1

    def refresh(self) -> None:
        """Load the report if its source changed, then recompute and show the plan."""
        values = self.values()
        try:
            self._ensure_report(values)
        except (ValueError, TypeError, OSError) as exc:
            self._fail(TEXT["bad_file"].format(detail=str(exc)))
            return
        n = len(self.report)
        self.source_note.value = html.escape(
            TEXT["using_file"].format(name=self._report_name, n=n)
            if self._report_name
            else TEXT["using_sample"].format(n=n)
        )
        super().refresh()

    # -- the plan -----------------------------------------------------------------
    def seller_plan(self, values: dict[str, Any] | None = None) -> SellerPlan:
        """The :class:`SellerPlan` the controls describe now."""
        values = self.values() if values is None else values
        if not values["products"]:
            raise ValueError(TEXT["no_products"])
        return SellerPlan(
            skus=tuple(values["products"]),
            videos_per_week=int(values["videos_per_week"]),
            creators_engaged=int(values["creators_engaged"]),
            commission_rate=values["commission_pct"] / 100.0,
            ad_budget_per_week=float(values["ad_budget"]),
            price_change=values["price_change_pct"] / 100.0,
            cost_per_video_usd=float(values["cost_per_video"]),
        )

    def _compute(self, values: dict[str, Any]) -> PlanResult:
        return plan(
            self.report,
            self.catalogue,
            self.seller_plan(values),
            weeks=12,
            draws=self.draws,
            seed=int(values["seed"]),
        )

    def _show(self, result: PlanResult) -> None:
        weekly, sens = result.weekly, result.sensitivity

        def draw(fig):
            gs = fig.add_gridspec(1, 3, width_ratios=(1.0, 1.0, 1.15))
            fan_axes = [fig.add_subplot(gs[0, 0]), fig.add_subplot(gs[0, 1])]
            lever_ax = fig.add_subplot(gs[0, 2])
            plan_fan_chart(weekly, ("gmv", "margin"), fan_axes, headroom=HEADROOM)
            lever_chart(sens, lever_ax, headroom=HEADROOM)
            dynamic = []
            for ax in fan_axes:
                dynamic += [c for c in ax.collections if (c.get_gid() or "").startswith("band-")]
                dynamic += [ln for ln in ax.lines if (ln.get_gid() or "").startswith("median-")]
            dynamic += list(lever_ax.patches)
            dynamic += [t for t in lever_ax.texts if (t.get_gid() or "").startswith("lever-")]
            dynamic += [ln for ln in lever_ax.lines if ln.get_gid() == "lever-base"]
            return dynamic

        def update(fig):
            axes = fig.axes
            return [
                *update_plan_fan_chart(axes[:2], weekly, ("gmv", "margin"), shrink=SHRINK),
                *update_lever_chart(axes[2], sens, shrink=SHRINK),
            ]

        self.view.show(draw, update)
        self.card.value = plan_card(result)

    # -- saving -------------------------------------------------------------------
    def save(self) -> list[Path]:
        """Write the latest plan as CSV files and one Excel workbook; never overwrite.

        Files go into the folder in :attr:`folder` (created if needed), named
        from :attr:`name`; if a file of that name exists, ``_2``, ``_3``, ...
        is added to the name. Returns the files written (empty when nothing was
        saved; the message area then says why).
        """
        if self.result is None:
            show_message(self.save_message, TEXT["nothing_to_save"], "warning")
            return []
        try:
            base = check_prefix(self.name.value.strip())
            folder = Path(self.folder.value.strip() or "my_plan").expanduser()
            table_names = list(self.result.tables())
            k = 1
            while True:
                name = base if k == 1 else f"{base}_{k}"
                targets = [folder / f"{name}_{t}.csv" for t in table_names]
                targets.append(folder / f"{name}.xlsx")
                if not any(p.exists() for p in targets):
                    break
                k += 1
            paths = self.result.to_csv(folder, prefix=name)
            paths.append(self.result.to_excel(folder / f"{name}.xlsx"))
        except (ValueError, TypeError, OSError) as exc:
            show_message(self.save_message, TEXT["save_failed"].format(detail=exc), "error")
            return []
        show_message(
            self.save_message,
            TEXT["saved"].format(
                n=len(paths), folder=str(folder), files=", ".join(p.name for p in paths)
            ),
            "ok",
        )
        return paths

    def reset(self) -> None:
        """Back to the sample shop and the starting plan (one recomputation)."""
        self._holding += 1
        try:
            self.controls["upload"].value = ()
            self.controls["report_path"].value = ""
            self.report, self._report_key, self._report_name = _sample_report(), ("sample",), ""
            products = self.controls["products"]
            products.value = ()
            products.options = self._sample_options
            for name, value in self.defaults.items():
                if name not in ("upload", "report_path"):
                    self.controls[name].value = value
        finally:
            self._holding -= 1
        self.refresh()


def _money_range(t: pd.DataFrame, metric: str) -> dict[str, str]:
    row = t.loc[metric]
    fmt = fmt_usd if metric in ("gmv", "margin") else fmt_number
    return {
        f"{metric}_lo": fmt(row["p10"]),
        f"{metric}_mid": fmt(row["p50"]),
        f"{metric}_hi": fmt(row["p90"]),
    }


def _setting(lever: str, value: float) -> str:
    if lever in ("commission_rate", "price_change"):
        return fmt_pct(value)
    if lever == "ad_budget_per_week":
        return fmt_usd(value)
    return fmt_number(value)


def plan_card(result: PlanResult) -> str:
    """The card under the sliders: totals with their range, the key lever, per product (HTML)."""
    t = result.totals.set_index("metric")
    words = {"weeks": result.weeks, "loss": fmt_pct(result.chance_of_loss)}
    for m in ("orders", "gmv", "margin"):
        words.update(_money_range(t, m))
    parts = [TEXT["totals_html"].format(**words)]
    mine = result.top_lever("your plan")
    parts.append(
        TEXT["lever_html"].format(
            label=html.escape(str(mine["label"])),
            low=_setting(mine["lever"], mine["low_setting"]),
            high=_setting(mine["lever"], mine["high_setting"]),
            margin_low=fmt_usd(mine["low"]),
            margin_high=fmt_usd(mine["high"]),
        )
    )
    unknown = result.top_lever("assumption")
    parts.append(TEXT["unknown_html"].format(label=html.escape(str(unknown["label"]))))
    head = "".join(
        f"<th style='padding:0 0.6em'>{html.escape(h)}</th>" for h in TEXT["product_head"]
    )
    rows = []
    for r in result.inputs.to_dict("records"):
        title = str(r["title"])[:40]
        cells = [
            html.escape(f"{r['sku']}: {title}" if title else str(r["sku"])),
            fmt_usd(r["amazon_price_usd"]),
            fmt_usd(r["tiktok_price_usd"]),
            fmt_number(r["amazon_weekly_units"]),
            fmt_number(r["orders"]),
            fmt_usd(r["gmv_usd"]),
            fmt_usd(r["margin_usd"]),
        ]
        rows.append(
            "<tr>" + "".join(f"<td style='padding:0 0.6em'>{c}</td>" for c in cells) + "</tr>"
        )
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return "".join(parts)


def seller_planner(*, draws: int = 400, seed: int = 0, folder: str = "my_plan") -> SellerPlanner:
    """Plan your first 12 weeks on TikTok from your Amazon business report.

    Parameters
    ----------
    draws : int
        Possible worlds (Monte Carlo draws) per plan; 400 answers fast, more
        gives steadier percentiles (20-100,000).
    seed : int
        Random seed at the start.
    folder : str
        Where "Save plan" writes by default (relative to the notebook's folder).

    Returns
    -------
    SellerPlanner
        An ipywidgets VBox; display it by ending a notebook cell with it. Drive
        it from Python: ``w.controls["videos_per_week"].value = 10``; read
        ``w.result`` (a :class:`course.model.planner.PlanResult`), ``w.message``;
        ``w.save()`` writes the plan.

    Examples
    --------
    >>> w = seller_planner(draws=100)
    >>> int(w.result.weekly["week"].max())
    12
    >>> w.controls["products"].value = ()
    >>> w.error.startswith("That combination does not work")
    True
    """
    return SellerPlanner(draws=draws, seed=seed, folder=folder)
