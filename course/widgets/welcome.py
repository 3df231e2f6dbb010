"""The welcome notebook's first widget: a slider that proves widgets work.

The learner moves a slider ("How many hours a week do you spend on TikTok?"); Python
answers with a sentence and a small bar, and a green message confirms that the
round trip between the page and Python works. If nothing changes when the slider
moves, widgets are not working on this computer (see ``python -m course.check``).

Its words live in :data:`TEXT` below (this widget is self-contained; the other widgets
take theirs from ``course/widgets/text.py``).
"""

from __future__ import annotations

import html
import io

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course._validate import check_number

__all__ = ["TEXT", "WelcomeWidget", "welcome_check"]

TEXT = {
    "slider": "Hours a week:",
    "question": "How many hours a week do you spend on TikTok?",
    "waiting": (
        "Move the slider. If the sentence and the bar change, widgets work on this computer."
    ),
    "works": "✓ Widgets work: you moved the slider, and Python answered.",
    "sentence": (
        "{hours} hours a week is about {year} hours a year, or {days} whole days. "
        "That is time spent in a feed where products find the viewer, not the other "
        "way round."
    ),
    "zero": (
        "No TikTok at all? Then this course is your guided tour of the feed, seen "
        "through your future buyers' eyes."
    ),
    "bar": "The bar: your hours on TikTok (orange) out of the 168 hours in a week (grey).",
}
"""Every word the welcome widget shows; a translated edition replaces these strings."""

HOURS_IN_WEEK = 168
"""Hours in a week (7 × 24): the length of the grey bar."""

WEEKS_IN_YEAR = 52
"""Weeks in a year, for the yearly total (rounded; 52.18 exactly)."""

MAX_HOURS = 40.0
"""Highest value on the slider, in hours a week (illustrative: a generous upper end)."""

_ORANGE = "#E69F00"  # course.plots.style highlight
_GREY = "#D9D9D9"
_GREEN = "#009E73"


def _number(x: float) -> str:
    return f"{x:,.1f}".rstrip("0").rstrip(".")


def _bar_png(hours: float) -> bytes:
    """A tiny horizontal bar: the week in grey, the hours on TikTok in orange (PNG bytes)."""
    fig = Figure(figsize=(4.0, 0.35), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.barh([0], [HOURS_IN_WEEK], color=_GREY, height=1.0)
    ax.barh([0], [hours], color=_ORANGE, height=1.0)
    ax.set_xlim(0, HOURS_IN_WEEK)
    ax.set_ylim(-0.5, 0.5)
    ax.set_axis_off()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


class WelcomeWidget(widgets.VBox):
    """A slider for weekly TikTok hours, a sentence, a tiny bar and a "widgets work" message.

    Parameters
    ----------
    hours : float
        Where the slider starts, in hours a week, 0 to 40.

    Attributes
    ----------
    slider : ipywidgets.FloatSlider
        Hours a week on TikTok (step 0.5).
    sentence : ipywidgets.HTML
        What those hours add up to in a year.
    bar : ipywidgets.Image
        The week as a grey bar with the TikTok hours in orange (PNG).
    message : ipywidgets.HTML
        Asks the learner to move the slider; turns into a green "Widgets work" once a
        change of the slider has reached Python.
    """

    def __init__(self, hours: float = 3.0) -> None:
        hours = check_number("hours", hours, low=0.0, high=MAX_HOURS, unit="hours a week")
        super().__init__(layout=widgets.Layout(padding="4px 0"))
        self.question = widgets.HTML(f"<strong>{html.escape(TEXT['question'])}</strong>")
        self.slider = widgets.FloatSlider(
            value=hours,
            min=0.0,
            max=MAX_HOURS,
            step=0.5,
            description=TEXT["slider"],
            continuous_update=True,
            readout_format=".1f",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="420px"),
        )
        self.sentence = widgets.HTML()
        self.bar = widgets.Image(format="png", layout=widgets.Layout(width="400px"))
        self.bar_caption = widgets.HTML(f"<small>{html.escape(TEXT['bar'])}</small>")
        self.message = widgets.HTML(self._message_html(TEXT["waiting"], works=False))
        self.works = False
        self.slider.observe(self._on_change, names="value")
        self.children = [
            self.question,
            self.slider,
            self.sentence,
            self.bar,
            self.bar_caption,
            self.message,
        ]
        self._draw(hours)

    @staticmethod
    def _message_html(text: str, *, works: bool) -> str:
        colour = _GREEN if works else "#595959"
        weight = "bold" if works else "normal"
        return f'<span style="color:{colour};font-weight:{weight}">{html.escape(text)}</span>'

    def _draw(self, hours: float) -> None:
        if hours == 0:
            self.sentence.value = html.escape(TEXT["zero"])
        else:
            year = hours * WEEKS_IN_YEAR
            self.sentence.value = html.escape(
                TEXT["sentence"].format(
                    hours=_number(hours), year=_number(year), days=_number(year / 24)
                )
            )
        self.bar.value = _bar_png(hours)

    def _on_change(self, change: dict) -> None:
        self._draw(float(change["new"]))
        if not self.works:
            self.works = True
            self.message.value = self._message_html(TEXT["works"], works=True)


def welcome_check(hours: float = 3.0) -> WelcomeWidget:
    """The welcome notebook's first widget: move the slider to see that widgets work.

    Parameters
    ----------
    hours : float, default 3.0
        Where the slider starts, in hours a week on TikTok (0 to 40; illustrative).

    Returns
    -------
    WelcomeWidget
        Drivable from Python: ``w.slider.value = 5`` updates ``w.sentence.value``,
        ``w.bar.value`` and ``w.message.value``.

    Raises
    ------
    TypeError, ValueError
        If ``hours`` is not a number from 0 to 40.
    """
    return WelcomeWidget(hours)
