"""Figures for the course: each function takes results or DataFrames and returns a Figure.

Every function here draws on ``ax`` when given one (a new figure otherwise), never
simulates anything and never calls ``plt.show()``. In a notebook, end a cell with
the call and the figure appears once.

================================ ==================================================
function                         picture
================================ ==================================================
:func:`ordering_diagram`         the three factors in order, one ordering or all three
:func:`funnel_chart`             one funnel: shoppers per stage, counts and rates
:func:`funnel_comparison`        three funnels, step by step, on the same shoppers
:func:`comparison_chart`         orders, GMV and conversion from reach per ordering
:func:`heavy_tail_chart`         Lorenz curve or rank-size, top 1% and 10% shares
:func:`series_chart`             trust, followers, GMV ... over periods
:func:`tornado_chart`            which lever moves the result the most
================================ ==================================================

Widgets redraw fast with the ``update_*`` companions of the funnel and comparison
charts: they change the drawn artists in place and raise :class:`NeedsRedraw` when
the new data do not fit the chart already drawn.

Colours, marks and the rcParams live in :mod:`course.plots.style`; every word
shown lives in :mod:`course.plots.text`.

Examples
--------
>>> from course.plots import ordering_diagram
>>> fig = ordering_diagram()
"""

from course.plots._common import NeedsRedraw
from course.plots.compare import comparison_chart, comparison_title, update_comparison_chart
from course.plots.diagram import ordering_diagram
from course.plots.funnel import (
    funnel_chart,
    funnel_comparison,
    funnel_comparison_title,
    funnel_title,
    stage_labels,
    update_funnel_chart,
    update_funnel_comparison,
)
from course.plots.series import series_chart
from course.plots.style import (
    FACTOR_MARKERS,
    ORDERING_COLOURS,
    course_style,
    factor_marker,
    ordering_colour,
    use_course_style,
)
from course.plots.tails import heavy_tail_chart
from course.plots.tornado import tornado_chart

__all__ = [
    "FACTOR_MARKERS",
    "NeedsRedraw",
    "ORDERING_COLOURS",
    "comparison_chart",
    "comparison_title",
    "course_style",
    "factor_marker",
    "funnel_chart",
    "funnel_comparison",
    "funnel_comparison_title",
    "funnel_title",
    "heavy_tail_chart",
    "ordering_colour",
    "ordering_diagram",
    "series_chart",
    "stage_labels",
    "tornado_chart",
    "update_comparison_chart",
    "update_funnel_chart",
    "update_funnel_comparison",
    "use_course_style",
]
