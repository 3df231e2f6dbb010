"""Tests for course.widgets (explorer, funnel lab, compare) and the shared helpers in base.

Widgets are driven from Python, as a learner would with the mouse: set a control's
value, then read ``.result``, ``.error`` and the message area.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import course.widgets as cw
from course.factors import Ordering
from course.model import levers
from course.plots import NeedsRedraw
from course.widgets import text
from course.widgets.base import (
    CourseWidget,
    FigureImage,
    friendly_message,
    lever_slider,
    message_area,
    show_message,
)
from course.widgets.compare import compare_orderings, shared_levers
from course.widgets.explorer import explain_arrangement, ordering_explorer
from course.widgets.funnel_lab import DEFAULT_SHOPPERS, funnel_lab

SMALL = 5_000  # shoppers for tests that change many values: fast, same behaviour


@pytest.fixture(autouse=True)
def _widgets_open_no_pyplot_figures():
    plt.close("all")
    yield
    assert plt.get_fignums() == [], "a widget opened a pyplot figure"


def picture(view: FigureImage) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(view.data)).convert("RGB"))


# ----------------------------------------------------------------------------- package
def test_all_lists_the_six_widgets_and_each_is_callable():
    assert cw.__all__ == [
        "ordering_explorer",
        "funnel_lab",
        "compare_orderings",
        "platform_race",
        "seller_planner",
        "welcome_check",
    ]
    for name in cw.__all__:
        assert callable(getattr(cw, name))


# ----------------------------------------------------------------------------- base
def _line_figure(state, values):
    """Draw/update pair for a FigureImage: a line and a number that change.

    ``state`` (a dict shared between calls) remembers the artists drawn.
    """

    def draw(fig):
        ax = fig.add_subplot()
        ax.set_xlim(0, 3)
        ax.set_ylim(0, 10)
        (state["line"],) = ax.plot([0, 1, 2, 3], values)
        state["note"] = ax.annotate(f"{values[-1]:.1f}", xy=(3, values[-1]), annotation_clip=False)
        return [state["line"], state["note"]]

    def update(_fig):
        if max(values) > 10:
            raise NeedsRedraw("off the axis")
        state["line"].set_ydata(values)
        state["note"].xy = (3, values[-1])
        state["note"].set_text(f"{values[-1]:.1f}")
        return [state["line"], state["note"]]

    return draw, update


def test_figure_image_draws_then_updates_by_blitting_and_redraws_when_needed():
    view = FigureImage((4, 3))
    state = {}
    draw, update = _line_figure(state, [1, 2, 3, 4])
    view.show(draw, update)
    assert view.data[:2] == b"\xff\xd8" and view.image.value == view.data
    assert view.image.format == "jpeg"
    first = picture(view)
    assert (view.renders, view.full_renders) == (1, 1)

    draw, update = _line_figure(state, [4, 3, 2, 1])
    view.show(draw, update)  # fits: updated in place, no new layout
    assert (view.renders, view.full_renders) == (2, 1)
    assert np.abs(picture(view).astype(int) - first).mean() > 0.1

    draw, update = _line_figure(state, [1, 5, 20, 1])
    view.show(draw, update)  # does not fit: drawn again
    assert (view.renders, view.full_renders) == (3, 2)


def test_figure_image_cache_and_png_format():
    view = FigureImage((3, 2), format="png")
    calls = []

    def draw(fig):
        calls.append(1)
        fig.add_subplot().plot([0, 1])
        return []

    view.show(draw, cache_key="a")
    view.show(lambda fig: fig.add_subplot() and [], cache_key="b")
    view.show(draw, cache_key="a")
    assert len(calls) == 1 and view.data[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match="format"):
        FigureImage((3, 2), format="gif")


def test_fast_text_looks_like_matplotlib_text():
    pictures = []
    for fast in (True, False):
        view = FigureImage((4, 3))
        view.fast_text = fast
        state = {}
        draw, update = _line_figure(state, [1, 2, 3, 4])
        view.show(draw, update)
        draw, update = _line_figure(state, [2, 2, 3, 5])
        view.show(draw, update)
        pictures.append(picture(view).astype(int))
    diff = np.abs(pictures[0] - pictures[1])
    assert diff.mean() < 2.0  # the same picture but for sub-pixel text differences
    assert (diff.max(axis=2) > 100).mean() < 0.01


def test_show_message_escapes_and_checks_kind():
    area = message_area()
    show_message(area, "price <b>must</b> be > 0", "warning")
    assert "&lt;b&gt;must&lt;/b&gt;" in area.value and "course-message-warning" in area.value
    with pytest.raises(ValueError, match="kind"):
        show_message(area, "x", "panic")


def test_friendly_message_names_the_control():
    exc = ValueError("price must be in [1, 500] USD; got 900")
    msg = friendly_message(exc, {"price": "Your price (USD)"})
    assert msg == text.COMMON["problem_named"].format(
        label="Your price (USD)", detail="must be in [1, 500] USD; got 900"
    )
    assert friendly_message(ValueError("odd"), {}) == text.COMMON["problem"].format(detail="odd")


def test_lever_slider_types_and_bad_rows():
    table = levers("search")
    rank = table[table["name"] == "rank"].iloc[0]
    price = table[table["name"] == "price"].iloc[0]
    s_rank, s_price = lever_slider(rank), lever_slider(price)
    assert isinstance(s_rank, widgets.IntSlider) and s_rank.value == rank["default"]
    assert isinstance(s_price, widgets.FloatSlider) and s_price.step == price["step"]
    assert s_rank.continuous_update is False and s_price.continuous_update is False
    assert s_price.description == price["label"]
    with pytest.raises(ValueError, match="low <= default <= high"):
        lever_slider({**price.to_dict(), "default": 9999})
    with pytest.raises(ValueError, match="step"):
        lever_slider({k: v for k, v in price.to_dict().items() if k != "step"})


class _Doubler(CourseWidget):
    def __init__(self):
        self.labels = {"x": "Number (count)"}
        super().__init__(controls={"x": widgets.IntText(value=2), "y": widgets.IntText(value=1)})
        self.computed = 0
        self.refresh()

    def _compute(self, values):
        self.computed += 1
        if values["x"] < 0:
            raise ValueError(f"x must be 0 or more; got {values['x']}")
        if values["x"] == 13:
            raise RuntimeError("unlucky")
        return 2 * values["x"] + values["y"]

    def _show(self, result):
        pass


def test_course_widget_hold_updates_reset_and_messages():
    w = _Doubler()
    assert w.result == 5 and w.error is None and w.message.value == ""
    with w.hold_updates():
        w.controls["x"].value = 10
        w.controls["y"].value = 3
    assert w.result == 23 and w.computed == 2  # one computation for two changes
    w.controls["x"].value = -1
    assert w.result == 23  # the last result that worked is kept
    assert w.error.startswith("That combination does not work. Number (count)")
    assert "must be 0 or more" in w.message.value and "Traceback" not in w.message.value
    w.controls["x"].value = 13
    assert "RuntimeError" in w.error and "unlucky" in w.message.value
    w.reset_button.click()
    assert w.values() == {"x": 2, "y": 1} and w.result == 5 and w.error is None
    assert w.message.value == ""


# ----------------------------------------------------------------------------- explorer
def test_explorer_defaults_tell_the_tiktok_story():
    w = ordering_explorer()
    assert isinstance(w, widgets.VBox)
    assert w.result is Ordering.INTEREST and w.error is None
    assert "Interest e-commerce" in w.card.value and "TikTok" in w.card.value
    assert w.view.image in w.children and w.reset_button in w.children
    assert w.view.data


def test_explorer_responds_and_explains_bad_arrangements():
    w = ordering_explorer()
    interest_picture = w.view.data
    with w.hold_updates():
        w.controls["first"].value = "need"
        w.controls["second"].value = "touchpoint"
    assert w.result is Ordering.SEARCH and "Amazon" in w.card.value
    assert w.view.data != interest_picture

    w.controls["second"].value = "need"  # need, need, trust
    assert w.result is None
    assert w.error == text.EXPLORER["repeated"].format(repeated="need", missing="touchpoint")
    assert "Each factor must appear exactly once" in w.message.value

    with w.hold_updates():
        w.controls["second"].value = "trust"
        w.controls["third"].value = "touchpoint"  # need, trust, touchpoint
    assert w.result is None and "not one of the three orderings" in w.error
    assert "Social e-commerce" in w.error  # the hint: swap 1st and 2nd

    full = w.view.full_renders
    w.reset()
    assert w.result is Ordering.INTEREST and w.error is None and w.message.value == ""
    assert w.view.data == interest_picture and w.view.full_renders == full  # from the cache


def test_explain_arrangement():
    assert explain_arrangement(["trust", "need", "touchpoint"]) is None
    assert "swap" in explain_arrangement(["trust", "touchpoint", "need"])
    with pytest.raises(ValueError, match="steps"):
        explain_arrangement(["need", "price", "trust"])
    with pytest.raises(ValueError, match="steps"):
        ordering_explorer(("need", "touchpoint", "love"))


# ----------------------------------------------------------------------------- funnel lab
def test_funnel_lab_builds_with_defaults():
    w = funnel_lab()
    assert w.ordering is Ordering.SEARCH and w.error is None
    assert w.result.shoppers == DEFAULT_SHOPPERS and w.result.orders > 0
    assert set(levers("search")["name"]) | {"shoppers", "seed"} == set(w.controls)
    assert all(
        getattr(c, "continuous_update", False) is False
        for c in w.controls.values()
        if isinstance(c, widgets.FloatSlider | widgets.IntSlider)
    )
    assert f"{w.result.orders:,}" in w.numbers.value
    assert w.caption.value and "Search e-commerce" in w.caption.value


@pytest.mark.parametrize("ordering", ["search", "interest", "social"])
def test_funnel_lab_first_slider_changes_result_picture_and_numbers(ordering):
    w = funnel_lab(ordering)  # default population: small moves must show
    first = next(iter(w.controls))  # the slider a learner (and the browser test) meets first
    slider = w.controls[first]
    before = (w.result, w.view.data, w.numbers.value)
    slider.value = slider.value + 3 * slider.step
    assert w.error is None
    assert w.result is not before[0] and w.result.levers[first] == pytest.approx(slider.value)
    assert w.view.data != before[1]
    assert w.numbers.value != before[2]


def test_funnel_lab_reports_bad_input_and_resets():
    w = funnel_lab("interest", shoppers=SMALL)
    good = w.result
    w.controls["shoppers"].value = 0
    assert w.result is good
    assert "Shoppers simulated (people)" in w.error and "0" in w.error
    assert "Shoppers simulated (people)" in w.message.value
    with w.hold_updates():
        w.controls["shoppers"].value = SMALL
        w.controls["seed"].value = -3
    assert "Random seed" in w.message.value and w.result is good
    with w.hold_updates():
        w.controls["seed"].value = 0
        w.controls["shoppers"].value = 2_000_000  # the model allows it; the widget does not
    assert "1000000" in w.error and w.result is good
    w.controls["price"].value = 45.0
    w.reset()
    assert w.values() == w.defaults and w.error is None and w.message.value == ""
    assert w.result.orders == good.orders and w.result.levers == good.levers


def test_funnel_lab_rejects_bad_arguments():
    with pytest.raises(ValueError, match="ordering"):
        funnel_lab("tv")
    with pytest.raises(ValueError, match="shoppers"):
        funnel_lab("search", shoppers=0)
    with pytest.raises(ValueError, match="seed"):
        funnel_lab("search", seed=-1)


def test_funnel_lab_redraws_when_population_changes():
    w = funnel_lab("search", shoppers=SMALL)
    full = w.view.full_renders
    w.controls["need_rate"].value = 0.2
    assert w.view.full_renders == full  # a lever: updated in place
    w.controls["shoppers"].value = 2 * SMALL
    assert w.view.full_renders == full + 1 and w.result.shoppers == 2 * SMALL


# ----------------------------------------------------------------------------- compare
def test_shared_levers_are_product_and_shopper_levers():
    names = list(shared_levers()["name"])
    assert "price" in names and "rank" not in names and "reach" not in names
    assert len(names) == len(set(names))


def test_compare_orderings_builds_responds_and_reports():
    w = compare_orderings()
    assert set(w.result) == set(Ordering) and w.error is None
    assert list(w.summary["ordering"]) == ["search", "interest", "social"]
    for name in text.ORDERING_NAMES.values():
        assert name in w.numbers.value
    before = w.summary.copy()
    picture_before = w.view.data
    w.controls["price"].value = 60.0
    assert w.error is None
    assert not w.summary["gmv"].equals(before["gmv"])
    assert w.view.data != picture_before
    assert all(r.levers["price"] == 60.0 for r in w.result.values())
    w.controls["seed"].value = -1
    assert "Random seed" in w.message.value and w.summary is not None
    w.reset()
    assert w.error is None and w.summary.equals(before)
