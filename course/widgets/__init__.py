"""Interactive widgets for the course: move a control, watch the picture and the numbers change.

Each function returns an ipywidgets object; end a notebook cell with it to show it.
Every widget has a reset button, shows problems as a friendly message inside itself
(never a traceback) and can be driven from Python, which is how the tests use them::

    w = funnel_lab("search")
    w.controls["price"].value = 30
    w.result.orders

=========================== =====================================================
widget                      what it does
=========================== =====================================================
:func:`welcome_check`       a first slider: proves widgets work on this computer
:func:`ordering_explorer`   arrange need, touchpoint, trust; see which ordering it is
:func:`funnel_lab`          one ordering's levers as sliders, its funnel live
:func:`compare_orderings`   one product, three orderings, side by side
:func:`platform_race`       platforms compete for creators, users and content
:func:`seller_planner`      the capstone: a seller's plan for TikTok
=========================== =====================================================

Widget authors: the shared pieces (fast figure rendering, message area, reset
button, friendly errors, the ``CourseWidget`` base class) are in
:mod:`course.widgets.base`; every word a widget shows is in
:mod:`course.widgets.text`.
"""

from course.widgets.compare import compare_orderings
from course.widgets.explorer import ordering_explorer
from course.widgets.funnel_lab import funnel_lab
from course.widgets.platform_race import platform_race
from course.widgets.seller_planner import seller_planner
from course.widgets.welcome import welcome_check

__all__ = [
    "ordering_explorer",
    "funnel_lab",
    "compare_orderings",
    "platform_race",
    "seller_planner",
    "welcome_check",
]
