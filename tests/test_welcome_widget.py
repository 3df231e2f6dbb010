"""Tests for the welcome notebook's first widget (course.widgets.welcome)."""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.image as mpimg
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.widgets.welcome import HOURS_IN_WEEK, MAX_HOURS, TEXT, WelcomeWidget, welcome_check


def orange_share(png: bytes) -> float:
    """The share of the bar's width drawn in orange (#E69F00)."""
    image = mpimg.imread(io.BytesIO(bytes(png)), format="png")
    row = image[image.shape[0] // 2, :, :3]
    orange = np.all(np.abs(row - np.array([0xE6, 0x9F, 0x00]) / 255) < 0.05, axis=1)
    return orange.mean()


def test_returns_a_widget_with_its_parts():
    w = welcome_check()
    assert isinstance(w, WelcomeWidget) and isinstance(w, widgets.VBox)
    assert isinstance(w.slider, widgets.FloatSlider)
    assert w.slider.value == 3.0 and w.slider.min == 0 and w.slider.max == MAX_HOURS
    assert w.slider.description == TEXT["slider"]
    assert {w.slider, w.sentence, w.bar, w.message} <= set(w.children)


def test_starts_by_asking_the_learner_to_move_the_slider():
    w = welcome_check()
    assert TEXT["waiting"] in w.message.value
    assert "Widgets work" not in w.message.value
    assert "3 hours a week is about 156 hours a year, or 6.5 whole days" in w.sentence.value
    assert bytes(w.bar.value).startswith(b"\x89PNG")


def test_moving_the_slider_updates_everything_and_says_widgets_work():
    w = welcome_check()
    before = w.bar.value
    w.slider.value = 5
    assert "5 hours a week is about 260 hours a year, or 10.8 whole days" in w.sentence.value
    assert "Widgets work" in w.message.value and "#009E73" in w.message.value
    assert w.bar.value != before
    assert w.works


def test_zero_hours_has_its_own_sentence():
    w = welcome_check(hours=1)
    w.slider.value = 0
    assert "No TikTok at all?" in w.sentence.value
    assert orange_share(w.bar.value) == 0


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([2.0, 12.5, 24.0, 40.0]))
def test_bar_shows_the_share_of_the_week(hours):
    w = welcome_check(hours=hours)
    assert orange_share(w.bar.value) == pytest.approx(hours / HOURS_IN_WEEK, abs=0.01)


@pytest.mark.parametrize(
    ("hours", "error", "match"),
    [
        (-1, ValueError, r"hours must be in \[0, 40\] hours a week; got -1"),
        (41, ValueError, "hours must be in"),
        ("3", TypeError, "hours must be a number"),
        (float("nan"), ValueError, "finite"),
    ],
)
def test_bad_start_values_are_refused(hours, error, match):
    with pytest.raises(error, match=match):
        welcome_check(hours=hours)


def test_every_text_is_used_and_non_empty():
    w = welcome_check()
    w.slider.value = 0
    shown = " ".join(
        [
            w.question.value,
            w.slider.description,
            w.sentence.value,
            w.bar_caption.value,
            w.message.value,
        ]
    )
    for key, value in TEXT.items():
        assert value.strip(), key
        if key not in ("sentence", "waiting"):  # sentence is a template; waiting was replaced
            assert value.replace("'", "&#x27;") in shown, key
