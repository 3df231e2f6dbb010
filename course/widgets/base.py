"""Shared pieces for the course's widgets: a fast figure, a message area, a reset button.

Every course widget is built from the same few parts, so that they look and behave
alike and so that tests can drive them from Python without a browser.

Helper API (for widget authors)
-------------------------------
``FigureImage(figsize, *, dpi=100, format="jpeg")``
    A matplotlib :class:`~matplotlib.figure.Figure` (never registered with pyplot, so
    it cannot leak or show twice) displayed as picture bytes in an
    ``ipywidgets.Image`` (``.image``); ``format`` is ``"jpeg"`` (fast to encode) or
    ``"png"``. Call ``.show(draw, update=None, cache_key=None)``:

    * ``draw(fig) -> list[Artist]`` draws everything on the empty figure and returns
      the artists that later updates change (bars, numbers, titles);
    * ``update(fig) -> list[Artist]`` (optional) changes those artists in place for
      new data and returns them, or raises :class:`course.plots.NeedsRedraw`
      when the data no longer fit (then ``draw`` runs again);
    * ``cache_key`` (optional, hashable): the picture is kept and shown again, without
      drawing, the next time the same key is asked for.

    The first draw lays the figure out (constrained layout) and keeps everything
    except the changing artists as a background; an update re-draws only those
    artists on a copy of the background ("blitting"), draws changing one-line texts
    with Pillow (matplotlib 3.11 draws text glyph by glyph, which is slow; set
    ``.fast_text = False`` to let matplotlib draw them) and encodes the picture with
    fast compression. ``.data`` holds the latest picture bytes, ``.renders`` counts
    renders, ``.full_renders`` counts full draws.

``message_area() -> widgets.HTML`` and ``show_message(area, text, kind="error")``
    The friendly message box: ``kind`` is ``"error"``, ``"warning"``, ``"info"`` or
    ``"ok"``; the text is escaped. ``clear_message(area)`` empties it.

``friendly_message(exc, labels=None) -> str``
    Turns a ValueError or TypeError from the model (whose message starts with the
    parameter name) into a sentence for a learner, naming the control's label.

``reset_button(on_click) -> widgets.Button``
    The reset button, captioned from :mod:`course.widgets.text`.

``lever_slider(row, **overrides) -> widgets.FloatSlider | widgets.IntSlider``
    A slider for one row of :func:`course.levers` (``name, label, default, low,
    high, step, unit``), with ``continuous_update=False`` so that dragging does not
    flood the kernel.

``CourseWidget``
    A ``VBox`` base class: give it ``controls`` (a dict of name to control), then
    implement ``_compute(values) -> result`` and ``_show(result)``. It watches every
    control, recomputes on each change, shows ValueError and TypeError as a
    friendly message (never a traceback), and offers ``.result``, ``.error``,
    ``.message``, ``.values()``, ``.reset()``, ``.refresh()`` and the context
    manager ``.hold_updates()`` (change several controls, compute once).

Examples
--------
>>> from course.widgets.base import FigureImage
>>> view = FigureImage((4, 3))
>>> def draw(fig):
...     ax = fig.add_subplot()
...     (line,) = ax.plot([0, 1], [0, 1])
...     return [line]
>>> view.show(draw)
>>> view.data[:2]  # a JPEG picture
b'\\xff\\xd8'
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import math
import re
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text
from PIL import Image, ImageDraw, ImageFont

from course.plots import NeedsRedraw, course_style
from course.widgets import text

__all__ = [
    "CourseWidget",
    "FigureImage",
    "clear_message",
    "friendly_message",
    "lever_slider",
    "message_area",
    "reset_button",
    "show_message",
]

_MESSAGE_STYLE = {
    "error": ("#8a1c00", "#fdece6", "#D55E00", "⚠"),
    "warning": ("#6b4a00", "#fdf4e0", "#E69F00", "⚠"),
    "info": ("#0b3d62", "#e8f1f8", "#0072B2", "ℹ"),
    "ok": ("#00513c", "#e6f5f0", "#009E73", "✓"),
}


# --------------------------------------------------------------------------- figure
class FigureImage:
    """A matplotlib Figure shown as a picture in an ``ipywidgets.Image``, re-rendered fast.

    Parameters
    ----------
    figsize : (float, float)
        Width and height in inches.
    dpi : int
        Pixels per inch of the picture (100 gives a sharp picture at normal zoom).
    format : {"jpeg", "png"}
        How the picture is encoded: JPEG is about five times faster to encode.
    """

    def __init__(
        self, figsize: tuple[float, float], *, dpi: int = 100, format: str = "jpeg"
    ) -> None:
        if format not in _ENCODERS:
            raise ValueError(
                f"format must be one of {', '.join(map(repr, _ENCODERS))}; got {format!r}"
            )
        self.format = format
        with course_style():
            self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        self.canvas = FigureCanvasAgg(self.figure)
        self.image = widgets.Image(
            format=format, layout=widgets.Layout(max_width="100%", height="auto")
        )
        self.data: bytes = b""
        self.renders = 0
        self.full_renders = 0
        self._dynamic: list[Artist] = []
        self._background = None
        self._cache: dict[Hashable, bytes] = {}
        self._shown_key: Hashable | None = None
        #: Draw simple changing texts with Pillow (much faster); False: all matplotlib.
        self.fast_text = True

    def show(
        self,
        draw: Callable[[Figure], Sequence[Artist]],
        update: Callable[[Figure], Sequence[Artist]] | None = None,
        *,
        cache_key: Hashable | None = None,
    ) -> None:
        """Show new content: from the cache, by an in-place update, or by drawing.

        Parameters
        ----------
        draw : callable
            ``draw(fig)`` draws on the cleared figure and returns the artists that
            ``update`` will change (may be empty).
        update : callable, optional
            ``update(fig)`` changes the artists in place and returns them; raises
            :class:`course.plots.NeedsRedraw` when it cannot.
        cache_key : hashable, optional
            Keep the picture under this key and reuse it when asked again.
        """
        if cache_key is not None and cache_key in self._cache:
            self._publish(self._cache[cache_key])
            self._shown_key = cache_key
            self._background = None  # the figure no longer matches what is shown
            return
        done = False
        if update is not None and self._background is not None:
            try:
                dynamic = list(update(self.figure))
            except NeedsRedraw:
                pass
            else:
                if {id(a) for a in dynamic} == {id(a) for a in self._dynamic}:
                    self._blit()
                else:  # other artists change now: take a new background
                    self._dynamic = dynamic
                    self._render_full()
                done = True
        if not done:
            self.figure.clear()
            self.figure.set_layout_engine("constrained")
            with course_style():
                self._dynamic = list(draw(self.figure))
            self._render_full()
        if cache_key is not None:
            self._cache[cache_key] = self.data
        self._shown_key = cache_key

    def _render_full(self) -> None:
        for a in self._dynamic:
            a.set_animated(True)
        if self.figure.get_layout_engine() is None or not _is_constrained(self.figure):
            self.figure.set_layout_engine("constrained")
        self.canvas.draw()  # lays out and draws everything but the changing artists
        self.figure.set_layout_engine("none")  # keep this layout for the updates
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self.full_renders += 1
        self._draw_dynamic()

    def _blit(self) -> None:
        self.canvas.restore_region(self._background)
        self._draw_dynamic()

    def _draw_dynamic(self) -> None:
        renderer = self.canvas.get_renderer()
        texts = []
        for a in self._dynamic:
            if not a.get_visible():
                continue
            if self.fast_text and _is_simple_text(a):
                texts.append(a)  # drawn below, on top, with Pillow
            else:
                a.draw(renderer)
        width, height = self.canvas.get_width_height()
        picture = Image.frombuffer(
            "RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        ).convert("RGB")
        if texts:
            pen = ImageDraw.Draw(picture)
            for a in texts:
                _draw_text_with_pillow(pen, a, renderer, height, self.figure.dpi)
        buffer = io.BytesIO()
        picture.save(buffer, **_ENCODERS[self.format])
        self._publish(buffer.getvalue())

    def _publish(self, data: bytes) -> None:
        self.data = data
        self.image.value = data
        self.renders += 1


# How pictures are encoded. Measured on the course machine for a 900 x 360 funnel:
# JPEG (quality 92, no colour subsampling) about 2-4 ms and 50 kB, with no visible
# artefacts on text; PNG about 14 ms even at the fastest compression (30 kB).
_ENCODERS: dict[str, dict[str, Any]] = {
    "jpeg": {"format": "JPEG", "quality": 92, "subsampling": 0},
    "png": {"format": "PNG", "compress_level": 1},
}

_H_ANCHOR = {"left": "l", "center": "m", "right": "r"}
_V_ANCHOR = {"center": "m", "center_baseline": "m", "baseline": "s", "top": "a", "bottom": "d"}


def _is_simple_text(artist: Artist) -> bool:
    """A one-line, unrotated, opaque text without box or arrow: Pillow can draw it."""
    if type(artist) not in (Text, Annotation):
        return False
    if isinstance(artist, Annotation) and artist.arrow_patch is not None:
        return False
    s = artist.get_text()
    alpha = artist.get_alpha()
    return (
        "\n" not in s
        and (s.count("$") < 2 or not artist.get_parse_math())  # mathtext needs two
        and "\\$" not in s
        and artist.get_rotation() == 0
        and artist.get_bbox_patch() is None
        and not artist.get_path_effects()
        and not artist.get_usetex()
        and (alpha is None or alpha == 1)
        and artist.get_horizontalalignment() in _H_ANCHOR
        and artist.get_verticalalignment() in _V_ANCHOR
    )


@functools.lru_cache(maxsize=64)
def _pillow_font(path: str, size_px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size_px)


def _draw_text_with_pillow(
    pen: ImageDraw.ImageDraw, artist: Text, renderer: Any, height: int, dpi: float
) -> None:
    """Draw a simple text where matplotlib would, with Pillow (about 20 times faster).

    matplotlib 3.11 draws text glyph by glyph from Python, which makes a few
    changing numbers cost tens of milliseconds; Pillow draws a string in one C call.
    The font file and size are matplotlib's own, so the picture looks the same.
    """
    if isinstance(artist, Annotation):
        # Like matplotlib, skip an annotation whose point left the axes (unless it
        # asked never to be clipped, which also spares this costly check).
        if artist.get_annotation_clip() is not False and not artist._check_xy(renderer):
            return
        artist.update_positions(renderer)
    x, y = artist.get_transform().transform(artist.get_unitless_position())
    prop = artist.get_fontproperties()
    font = _pillow_font(font_manager.findfont(prop), prop.get_size_in_points() * dpi / 72.0)
    r, g, b, _a = to_rgba(artist.get_color())
    pen.text(
        (float(x), height - float(y)),
        artist.get_text(),
        font=font,
        fill=(round(r * 255), round(g * 255), round(b * 255)),
        anchor=_H_ANCHOR[artist.get_horizontalalignment()]
        + _V_ANCHOR[artist.get_verticalalignment()],
    )


def _is_constrained(fig: Figure) -> bool:
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    return isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)


# --------------------------------------------------------------------------- messages
def message_area() -> widgets.HTML:
    """An empty HTML widget where friendly messages appear."""
    return widgets.HTML(value="", layout=widgets.Layout(margin="0.3em 0"))


def show_message(area: widgets.HTML, message: str, kind: str = "error") -> None:
    """Show ``message`` (plain text, escaped here) in ``area``, styled by ``kind``.

    Parameters
    ----------
    area : ipywidgets.HTML
        From :func:`message_area`.
    message : str
        Plain text; may contain line breaks.
    kind : {"error", "warning", "info", "ok"}
    """
    if kind not in _MESSAGE_STYLE:
        raise ValueError(
            f"kind must be one of {', '.join(map(repr, _MESSAGE_STYLE))}; got {kind!r}"
        )
    colour, background, border, icon = _MESSAGE_STYLE[kind]
    body = html.escape(message).replace("\n", "<br>")
    area.value = (
        f"<div class='course-message course-message-{kind}' role='status' "
        f"style='color:{colour}; background:{background}; border-left:4px solid {border}; "
        f"padding:0.45em 0.8em; border-radius:3px; max-width:60em'>{icon} {body}</div>"
    )


def clear_message(area: widgets.HTML) -> None:
    """Empty the message area."""
    area.value = ""


_NAME_AT_START = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<rest>\s.*)$", re.DOTALL)


def friendly_message(exc: BaseException, labels: Mapping[str, str] | None = None) -> str:
    """A sentence for a learner from a ValueError or TypeError.

    The course's checks write messages such as ``"price must be in [1, 500] USD;
    got 900"``. When the first word is a parameter with a label in ``labels``, the
    label leads the sentence: ``"That combination does not work. Price (USD): must be
    in [1, 500] USD; got 900"``.

    Parameters
    ----------
    exc : Exception
    labels : mapping of str to str, optional
        Parameter name to the label its control shows.
    """
    detail = str(exc).strip() or type(exc).__name__
    match = _NAME_AT_START.match(detail)
    if labels and match and match.group("name") in labels:
        return text.COMMON["problem_named"].format(
            label=labels[match.group("name")], detail=match.group("rest").strip()
        )
    return text.COMMON["problem"].format(detail=detail)


def reset_button(on_click: Callable[[widgets.Button], Any]) -> widgets.Button:
    """The reset button; ``on_click(button)`` runs when it is pressed."""
    button = widgets.Button(
        description=text.COMMON["reset"],
        tooltip=text.COMMON["reset_tooltip"],
        icon="undo",
        layout=widgets.Layout(width="auto"),
    )
    button.on_click(on_click)
    return button


# --------------------------------------------------------------------------- sliders
def _decimals(step: float) -> int:
    if step <= 0 or float(step).is_integer():
        return 0
    return max(0, min(6, -math.floor(math.log10(step) + 1e-9)))


def lever_slider(row: Mapping[str, Any] | pd.Series, **overrides: Any) -> widgets.ValueWidget:
    """A slider for one lever, from a row of :func:`course.levers`.

    Whole-number levers (``default``, ``low``, ``high`` and ``step`` all whole)
    get an ``IntSlider``; others a ``FloatSlider`` showing as many decimals as the
    step needs. The label is the lever's ``label``; its ``meaning`` (when present)
    is the tooltip.

    Parameters
    ----------
    row : mapping or Series
        With keys ``name, label, default, low, high, step`` (``meaning`` optional).
    **overrides
        Passed to the slider (for example ``value=...``).
    """
    for key in ("name", "label", "default", "low", "high", "step"):
        if key not in row:
            raise ValueError(f"row must have the key {key!r}; got keys {list(row.keys())}")
    low, high, step, default = (float(row[k]) for k in ("low", "high", "step", "default"))
    if not (low <= default <= high) or step <= 0:
        raise ValueError(
            f"lever {row['name']!r} must have low <= default <= high and step > 0; got "
            f"low={low}, default={default}, high={high}, step={step}"
        )
    common = {
        "description": str(row["label"]),
        "continuous_update": False,
        "style": {"description_width": "17em"},
        "layout": widgets.Layout(width="36em"),
        "tooltip": str(row.get("meaning", "") or ""),
    }
    whole = all(float(v).is_integer() for v in (low, high, step, default))
    if whole:
        kwargs = {
            "value": int(default),
            "min": int(low),
            "max": int(high),
            "step": int(step),
            "readout_format": ",d",
        }
        kwargs.update(common)
        kwargs.update(overrides)
        return widgets.IntSlider(**kwargs)
    kwargs = {
        "value": default,
        "min": low,
        "max": high,
        "step": step,
        "readout_format": f",.{_decimals(step)}f",
    }
    kwargs.update(common)
    kwargs.update(overrides)
    return widgets.FloatSlider(**kwargs)


# --------------------------------------------------------------------------- base class
class CourseWidget(widgets.VBox):
    """Base class of the course widgets: controls in, a result and a picture out.

    Subclasses set ``self.controls`` (and anything ``_compute`` needs), call
    ``super().__init__(controls=..., children=...)``, implement :meth:`_compute`
    and :meth:`_show`, and call :meth:`refresh` once at the end of their
    ``__init__``.

    Attributes
    ----------
    controls : dict of str to ipywidgets control
        Every control by name; set ``.value`` to drive the widget from Python.
    defaults : dict
        The starting value of every control (what :meth:`reset` restores).
    result : object
        The latest result that worked (None before the first).
    error : str or None
        The friendly message shown for the latest change, or None when it worked.
    message : ipywidgets.HTML
        The message area.
    reset_button : ipywidgets.Button
    """

    #: Control name -> label, for friendly messages (filled by subclasses).
    labels: dict[str, str]

    def __init__(self, *, controls: Mapping[str, widgets.ValueWidget], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.controls = dict(controls)
        self.defaults = {name: c.value for name, c in self.controls.items()}
        if not hasattr(self, "labels"):
            self.labels = {}
        self.message = message_area()
        self.reset_button = reset_button(lambda _button: self.reset())
        self.result: Any = None
        self.error: str | None = None
        self._holding = 0
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    # -- to implement -------------------------------------------------------------
    def _compute(self, values: dict[str, Any]) -> Any:  # pragma: no cover - abstract
        """Turn the controls' values into a result (may raise ValueError/TypeError)."""
        raise NotImplementedError

    def _show(self, result: Any) -> None:  # pragma: no cover - abstract
        """Show a result: the figure, the numbers, the words."""
        raise NotImplementedError

    # -- behaviour ------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The current value of every control, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _on_change(self, _change: Mapping[str, Any]) -> None:
        if not self._holding:
            self.refresh()

    def refresh(self) -> None:
        """Recompute and show, turning problems into a friendly message."""
        try:
            result = self._compute(self.values())
            self._show(result)
        except (ValueError, TypeError) as exc:
            self._fail(friendly_message(exc, self.labels), kind="error")
            return
        except Exception as exc:  # noqa: BLE001 - a learner must never see a traceback
            self._fail(
                text.COMMON["unexpected"].format(kind=type(exc).__name__, detail=exc),
                kind="error",
            )
            return
        self.result = result
        self.error = None
        self._after_success()

    def _after_success(self) -> None:
        """Clear the message area (subclasses may show an info message instead)."""
        clear_message(self.message)

    def _fail(self, message: str, *, kind: str = "error") -> None:
        self.error = message
        if self.result is not None:
            message = f"{message}\n{text.COMMON['stale']}"
        show_message(self.message, message, kind)

    @contextlib.contextmanager
    def hold_updates(self) -> Iterator[None]:
        """Change several controls inside this block; the widget recomputes once, at the end."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
        if not self._holding:
            self.refresh()

    def reset(self) -> None:
        """Put every control back to its starting value (one recomputation)."""
        with self.hold_updates():
            for name, value in self.defaults.items():
                self.controls[name].value = value
