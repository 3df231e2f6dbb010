"""One look for every figure in the course.

Colours come from the Okabe-Ito palette, which people with the common forms of
colour blindness can tell apart. The three orderings always have the same three
colours and the three factors always have the same three marks, in every chapter:

=========== ========= ==================
ordering    colour    name
=========== ========= ==================
search      #0072B2   blue
interest    #D55E00   vermillion
social      #009E73   bluish green
=========== ========= ==================

=========== ====== ==========
factor      mark   name
=========== ====== ==========
need        ``o``  circle
touchpoint  ``s``  square
trust       ``^``  triangle
=========== ====== ==========

Grey ``#595959`` is for neutral things (reference lines, the "low" side of a
tornado bar) and orange ``#E69F00`` highlights one thing a reader should notice.

Use :func:`course_style` as a context manager around your own plotting code, or
call :func:`use_course_style` once at the top of a notebook. Every function in
:mod:`course.plots` applies the style itself, so neither is needed for them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import matplotlib as mpl

from course.factors import Factor, Ordering

__all__ = [
    "FACTOR_MARKERS",
    "GREY",
    "HIGHLIGHT",
    "LIGHT_GREY",
    "ORDERING_COLOURS",
    "OTHER_COLOURS",
    "RC",
    "course_style",
    "factor_marker",
    "ordering_colour",
    "use_course_style",
]

#: Colour of each ordering (keys are the ordering names).
ORDERING_COLOURS: dict[str, str] = {
    "search": "#0072B2",
    "interest": "#D55E00",
    "social": "#009E73",
}

#: Mark of each factor (matplotlib marker codes).
FACTOR_MARKERS: dict[str, str] = {
    "need": "o",
    "touchpoint": "s",
    "trust": "^",
}

#: Neutral grey, for reference lines and things that are not the point.
GREY = "#595959"

#: A lighter grey for backgrounds and grid lines.
LIGHT_GREY = "#D9D9D9"

#: Orange, to highlight the one thing to notice.
HIGHLIGHT = "#E69F00"

#: Further Okabe-Ito colours, for groups that are not orderings (in this order).
OTHER_COLOURS: tuple[str, ...] = (
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
    HIGHLIGHT,
    GREY,
)

#: The rcParams every course figure uses.
RC: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": GREY,
    "axes.labelcolor": "#222222",
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 10,
    "axes.labelsize": 10.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.prop_cycle": mpl.cycler(color=[*ORDERING_COLOURS.values(), *OTHER_COLOURS]),
    "grid.color": LIGHT_GREY,
    "grid.linewidth": 0.8,
    "xtick.color": GREY,
    "ytick.color": GREY,
    "xtick.labelcolor": "#222222",
    "ytick.labelcolor": "#222222",
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.frameon": False,
    "legend.fontsize": 9,
    "legend.title_fontsize": 9,
    "font.size": 10,
    "font.family": "sans-serif",
    "lines.linewidth": 2.0,
    "lines.markersize": 7,
    "figure.constrained_layout.use": True,
}


def ordering_colour(ordering: Ordering | str) -> str:
    """The fixed colour of an ordering.

    Parameters
    ----------
    ordering : Ordering or str
        ``"search"`` (or ``"traditional"``), ``"interest"`` or ``"social"``.

    Returns
    -------
    str
        A hex colour such as ``"#0072B2"``.

    Examples
    --------
    >>> ordering_colour("interest")
    '#D55E00'
    """
    return ORDERING_COLOURS[Ordering.parse(ordering).value]


def factor_marker(factor: Factor | str) -> str:
    """The fixed matplotlib marker of a factor (``"o"``, ``"s"`` or ``"^"``).

    Examples
    --------
    >>> factor_marker("trust")
    '^'
    """
    return FACTOR_MARKERS[Factor.parse(factor).value]


@contextlib.contextmanager
def course_style() -> Iterator[None]:
    """Apply the course look inside a ``with`` block, then restore the old settings.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with course_style():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    with mpl.rc_context(RC):
        yield


def use_course_style() -> None:
    """Apply the course look to every figure drawn from now on in this session."""
    mpl.rcParams.update(RC)
