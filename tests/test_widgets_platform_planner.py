"""Tests for the platform race and seller planner widgets, and their figures.

The widgets are driven from Python (set a control's value, read the latest result),
as a learner's clicks would drive them in a browser.
"""

from __future__ import annotations

import datetime
import io

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from course.model.planner import PlanResult, SellerPlan, plan
from course.model.platform import RaceResult, example_platforms, race
from course.plots import NeedsRedraw
from course.plots.decisions import (
    lever_chart,
    plan_fan_chart,
    platform_race_chart,
    update_lever_chart,
    update_plan_fan_chart,
    update_platform_race_chart,
)
from course.widgets.platform_race import PlatformRace, platform_race
from course.widgets.seller_planner import SAMPLE_PRODUCTS, SellerPlanner, seller_planner

DRAWS = 60  # few draws keep the widget tests fast; the model tests check the numbers


def upload_value(name: str, content: bytes) -> tuple[dict, ...]:
    """What ipywidgets.FileUpload holds after a learner picks one file."""
    return (
        {
            "name": name,
            "type": "text/csv",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
        },
    )


def small_report_csv(rows: int = 3) -> bytes:
    """The first rows of the bundled sample report, as a seller would export them."""
    data = pytest.importorskip("course.data")
    text = data.path("amazon_business_report").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    return ("\n".join(lines[: rows + 1]) + "\n").encode("utf-8")


# ======================================================================= figures


@pytest.fixture(scope="module")
def story() -> RaceResult:
    return race(example_platforms(), periods=20, seed=0)


@pytest.fixture(scope="module")
def sample_plan() -> PlanResult:
    report = pd.DataFrame(
        {
            "child_asin": ["B01", "B02"],
            "sku": ["A", "B"],
            "title": ["Lamp", "Filter"],
            "sessions": [3000, 2000],
            "units_ordered": [300, 300],
            "sales": [6000.0, 7500.0],
        }
    )
    return plan(report, None, SellerPlan(), draws=200, seed=0)


def test_platform_race_chart_draws_every_platform(story):
    fig = platform_race_chart(story.periods, story.concentration)
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    gids = {ln.get_gid() for ln in fig.axes[1].lines}
    assert gids == {f"line-gmv_usd-{p.name}" for p in story.platforms}
    assert len(fig.axes[3].patches) == 2 * 3
    assert fig.axes[2].get_ylim() == (0.0, 1.0)


def test_platform_race_chart_updates_in_place_or_asks_for_a_redraw(story):
    fig = platform_race_chart(story.periods, story.concentration, headroom=2.0)
    other = race(example_platforms(), periods=20, seed=1)
    changed = update_platform_race_chart(fig.axes, other.periods, other.concentration)
    line = next(ln for ln in fig.axes[0].lines if ln.get_gid() == "line-users_m-Incumbent")
    expected = other.periods.query("platform == 'Incumbent'")["users_m"].to_numpy()
    assert np.allclose(line.get_ydata(), expected)
    assert line in changed
    two = race(example_platforms()[:2], periods=20, seed=0)
    with pytest.raises(NeedsRedraw):
        update_platform_race_chart(fig.axes, two.periods, two.concentration)
    longer = race(example_platforms(), periods=30, seed=0)
    with pytest.raises(NeedsRedraw):
        update_platform_race_chart(fig.axes, longer.periods, longer.concentration)


def test_platform_race_chart_validates(story):
    with pytest.raises(ValueError, match="concentration_df must have a row"):
        platform_race_chart(story.periods, story.concentration.iloc[:1])
    with pytest.raises(ValueError, match="headroom"):
        platform_race_chart(story.periods, story.concentration, headroom=0.5)
    with pytest.raises(ValueError, match="missing"):
        platform_race_chart(story.periods.drop(columns="trust"), story.concentration)


def test_plan_fan_chart_band_holds_the_median(sample_plan):
    fig = plan_fan_chart(sample_plan.weekly, ("orders", "margin"))
    assert len(fig.axes) == 2
    band = next(c for c in fig.axes[0].collections if c.get_gid() == "band-orders")
    median = next(ln for ln in fig.axes[0].lines if ln.get_gid() == "median-orders")
    verts = band.get_paths()[0].vertices
    assert verts[:, 1].min() <= median.get_ydata().min()
    assert verts[:, 1].max() >= median.get_ydata().max()
    with pytest.raises(ValueError, match="metrics must be among"):
        plan_fan_chart(sample_plan.weekly, ("profit",))


def test_plan_fan_chart_update(sample_plan):
    fig = plan_fan_chart(sample_plan.weekly, headroom=2.0)
    w = sample_plan.weekly.copy()
    w[["p10", "p50", "p90"]] *= 0.9
    changed = update_plan_fan_chart(fig.axes, w)
    assert len(changed) == 4
    w[["p10", "p50", "p90"]] *= 10
    with pytest.raises(NeedsRedraw):
        update_plan_fan_chart(fig.axes, w)


def test_lever_chart_and_update(sample_plan):
    fig = lever_chart(sample_plan.sensitivity, top=4, headroom=2.0)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("lever-label")]
    assert labels[0].startswith(sample_plan.sensitivity["label"].iloc[0])
    assert all(not t.get_parse_math() for t in ax.texts)  # "$4 to $15" stays money
    s = sample_plan.sensitivity.copy()
    s[["low", "high", "base"]] *= 1.1
    changed = update_lever_chart(ax, s, top=4)
    base_line = next(ln for ln in ax.lines if ln.get_gid() == "lever-base")
    assert base_line in changed
    assert base_line.get_xdata()[0] == pytest.approx(s["base"].iloc[0])
    s[["low", "high", "base"]] *= 100
    with pytest.raises(NeedsRedraw):
        update_lever_chart(ax, s, top=4)
    with pytest.raises(ValueError, match="top"):
        lever_chart(sample_plan.sensitivity, top=0)


# ======================================================================= platform race


@pytest.fixture(scope="module")
def _race_widget() -> PlatformRace:
    return platform_race(periods=20)


@pytest.fixture
def race_widget(_race_widget) -> PlatformRace:
    """One widget for the module (building one draws a full figure); reset after each test."""
    yield _race_widget
    _race_widget.reset()


def test_race_widget_starts_with_a_story(race_widget):
    w = race_widget
    assert isinstance(w.result, RaceResult)
    assert w.error is None and w.message.value == ""
    assert [p.name for p in w.result.platforms] == ["Incumbent", "Interest feed", "Bargain bin"]
    assert w.view.data  # a picture was rendered
    assert "leads after 20 weeks" in w.card.value
    assert "Bargain bin: GMV fell" in w.card.value  # poor products: GMV falls later
    for name in (
        "how_many",
        "periods",
        "seed",
        "p1_creators",
        "p3_product_quality",
        "p2_recommendation_accuracy",
        "p1_content_quality",
        "p1_users_m",
        "p2_ecommerce_pct",
    ):
        assert name in w.controls
    assert "(" in w.labels["p1_users_m"]  # labels carry units (shown above each slider)


def test_race_widget_recomputes_on_a_change(race_widget):
    w = race_widget
    before = w.result
    w.controls["p3_product_quality"].value = 0.95
    assert w.result is not before
    assert w.result.platforms[2].product_quality == 0.95
    assert w.error is None
    gmv = w.result.summary.set_index("platform")["gmv_last_quarter_usd"]
    old = before.summary.set_index("platform")["gmv_last_quarter_usd"]
    assert gmv["Bargain bin"] > old["Bargain bin"]
    w.controls["p2_ecommerce_pct"].value = 20
    assert w.result.platforms[1].ecommerce_share == pytest.approx(0.20)


def test_race_widget_two_platforms_hides_the_third(race_widget):
    w = race_widget
    w.controls["how_many"].value = 2
    assert len(w.result.platforms) == 2
    assert w.columns[2].layout.display == "none"
    w.controls["how_many"].value = 3
    assert w.columns[2].layout.display is None and len(w.result.platforms) == 3


def test_race_widget_invalid_combination_is_a_friendly_message(race_widget):
    w = race_widget
    good = w.result
    with w.hold_updates():
        w.controls["p1_users_m"].value = 40.0
        w.controls["p2_users_m"].value = 40.0
        w.controls["p3_users_m"].value = 30.0
    assert w.error is not None and "more than the market" in w.error
    assert "does not work" in w.message.value and "Traceback" not in w.message.value
    assert w.result is good  # the last result that worked stays
    w.controls["p3_users_m"].value = 10.0
    assert w.error is None and w.message.value == ""


def test_race_widget_reset_and_determinism(race_widget):
    w = race_widget
    first = w.result.periods.copy()
    w.controls["p1_creators"].value = 3000
    w.controls["seed"].value = 5
    w.reset()
    assert w.values() == w.defaults
    pd.testing.assert_frame_equal(w.result.periods, first)
    direct = race(w.platforms(), periods=20, seed=0)
    pd.testing.assert_frame_equal(direct.periods, first)


# ======================================================================= seller planner


@pytest.fixture(scope="module")
def _planner() -> SellerPlanner:
    return seller_planner(draws=DRAWS)


@pytest.fixture
def planner(_planner) -> SellerPlanner:
    """One widget for the module (building one draws a full figure); reset after each test."""
    folder, name = _planner.folder.value, _planner.name.value
    yield _planner
    _planner.reset()
    _planner.folder.value, _planner.name.value = folder, name
    _planner.save_message.value = ""


def test_planner_starts_with_the_sample_shop(planner):
    w = planner
    assert isinstance(w.result, PlanResult) and w.error is None
    assert w.result.weeks == 12 and w.result.draws == DRAWS
    keys = [k for _, k in w.controls["products"].options]
    expected = tuple(s for s in SAMPLE_PRODUCTS if s in keys) or tuple(keys[:3])
    assert w.controls["products"].value == expected
    assert "Chance of losing money" in w.card.value
    assert "Your lever that matters most" in w.card.value
    assert "sample shop" in w.source_note.value
    assert w.view.data


def test_planner_levers_drive_the_result(planner):
    w = planner
    imp0 = w.result.totals.set_index("metric").loc["impressions", "mean"]
    w.controls["videos_per_week"].value = 20
    assert w.result.plan.videos_per_week == 20
    assert w.result.totals.set_index("metric").loc["impressions", "mean"] > imp0
    w.controls["commission_pct"].value = 25
    assert w.result.plan.commission_rate == pytest.approx(0.25)
    w.controls["price_change_pct"].value = -10
    assert w.result.plan.price_change == pytest.approx(-0.10)
    w.controls["ad_budget"].value = 500
    assert w.result.plan.ad_budget_per_week == 500.0
    assert w.error is None


def test_planner_no_products_is_a_friendly_message(planner):
    w = planner
    good = w.result
    w.controls["products"].value = ()
    assert w.error is not None and "Products to sell on TikTok" in w.error
    assert w.result is good
    w.controls["products"].value = (w.controls["products"].options[0][1],)
    assert w.error is None and len(w.result.inputs) == 1


def test_planner_reads_an_uploaded_report(planner):
    w = planner
    content = small_report_csv(3)
    w.controls["upload"].value = upload_value("my_shop.csv", content)
    assert w.error is None, w.error
    assert len(w.report) == 3
    assert len(w.controls["products"].options) == 3
    assert len(w.controls["products"].value) == 3
    assert "my_shop.csv" in w.source_note.value
    assert len(w.result.inputs) == 3
    w.controls["upload"].value = upload_value("my_shop.csv", small_report_csv(4))
    assert len(w.report) == 4  # same name, new content: read again
    w.reset()
    assert w.controls["upload"].value == () and "sample shop" in w.source_note.value
    assert len(w.controls["products"].options) > 3


def test_planner_bad_upload_shows_the_loader_message(planner):
    w = planner
    good = w.result
    w.controls["upload"].value = upload_value("notes.csv", b"hello,world\n1,2\n")
    assert w.error is not None and "could not be read" in w.error
    assert "Traceback" not in w.message.value
    assert w.result is good
    w.controls["videos_per_week"].value = 7  # still refused while the bad file is chosen
    assert w.error is not None
    w.controls["upload"].value = ()
    assert w.error is None and w.result.plan.videos_per_week == 7


def test_planner_reads_a_path_and_never_changes_the_file(planner, tmp_path):
    w = planner
    path = tmp_path / "report.csv"
    content = small_report_csv(4)
    path.write_bytes(content)
    w.controls["report_path"].value = str(path)
    assert w.error is None and len(w.report) == 4
    assert path.read_bytes() == content
    w.controls["report_path"].value = str(tmp_path / "missing.csv")
    assert w.error is not None and "could not be read" in w.error


def test_planner_saves_without_overwriting(planner, tmp_path):
    w = planner
    w.folder.value = str(tmp_path / "plans")
    first = w.save()
    assert len(first) == 8  # seven tables as CSV and one workbook
    assert all(p.exists() for p in first)
    assert "Saved 8 files" in w.save_message.value
    before = {p: p.read_bytes() for p in first}
    second = w.save()
    assert {p.name for p in second}.isdisjoint({p.name for p in first})
    assert any(p.name.startswith("tiktok_plan_2") for p in second)
    assert all(p.read_bytes() == b for p, b in before.items())
    book = pd.read_excel(next(p for p in first if p.suffix == ".xlsx"), sheet_name=None)
    pd.testing.assert_frame_equal(book["weekly"], w.result.weekly, check_dtype=False)
    csv = pd.read_csv(
        next(p for p in first if p.name.endswith("_weekly.csv")), encoding="utf-8-sig"
    )
    assert list(csv.columns) == list(w.result.weekly.columns)


def test_planner_refuses_an_unsafe_name(planner, tmp_path):
    w = planner
    w.folder.value = str(tmp_path)
    w.name.value = "../escape"
    assert w.save() == []
    assert "could not be saved" in w.save_message.value
    assert list(tmp_path.iterdir()) == []


def test_planner_reset_restores_the_start(planner):
    w = planner
    start = w.result.weekly.copy()
    w.controls["creators_engaged"].value = 30
    w.controls["seed"].value = 9
    w.reset()
    assert w.values() == w.defaults
    pd.testing.assert_frame_equal(w.result.weekly, start)


def test_planner_card_is_html_safe(planner):
    w = planner
    assert "<script" not in w.card.value
    text = io.StringIO(w.card.value).read()
    assert text.count("<tr>") == len(w.result.inputs) + 1


def test_race_chart_redraws_in_place_while_the_periods_fit_its_time_axis():
    """The weeks slider mostly updates in place: the axis snaps to 26, 52, 104 or 156 weeks."""
    from course.model.platform import example_platforms, race
    from course.plots import NeedsRedraw
    from course.plots.decisions import platform_race_chart, update_platform_race_chart

    def run(weeks):
        r = race(example_platforms(), periods=weeks, seed=1)
        return r.periods, r.concentration

    fig = platform_race_chart(*run(60), headroom=3.0, weeks_axis=104)
    assert fig.axes[0].get_xlim()[1] == 103
    assert update_platform_race_chart(fig.axes, *run(80), fixed=("users_m", "gmv_usd"))
    with pytest.raises(NeedsRedraw):
        update_platform_race_chart(fig.axes, *run(120))  # longer than the axis
    with pytest.raises(NeedsRedraw):
        update_platform_race_chart(fig.axes, *run(40))  # would use under half the axis
    with pytest.raises(ValueError, match="weeks_axis"):
        platform_race_chart(*run(60), weeks_axis=52)
