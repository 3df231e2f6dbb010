"""From Shelf to Feed: the Python package behind the course.

The names a learner uses most are available at the top:

>>> from course import Factor, Ordering, classify, simulate, levers, compare

Layers, lowest first: :mod:`course.data` (load and validate files),
:mod:`course.model` (simulations), :mod:`course.plots` (figures),
:mod:`course.widgets` (interactive controls); :mod:`course.exercises` checks answers.
See ``docs/design.md``.
"""

from course.factors import Factor, Ordering, classify

__version__ = "0.1.0"

__all__ = ["Factor", "Ordering", "classify", "__version__"]

try:  # the model layer re-exports its public API at the top
    from course.model import (
        compare,
        compare_results,
        expected_funnel,
        levers,
        simulate,
        summarize,
    )

    __all__ += ["compare", "compare_results", "expected_funnel", "levers", "simulate", "summarize"]
except ImportError:  # pragma: no cover - only while the model package is being built
    pass
