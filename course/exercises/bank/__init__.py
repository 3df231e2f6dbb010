"""The exercise bank: one module per chapter, ``chNN.py``, each with a list ``EXERCISES``.

To add exercises for chapter 3, create ``course/exercises/bank/ch03.py``::

    from course.exercises.core import Exercise

    EXERCISES = [
        Exercise(
            id="ch03-first-step",              # "ch03-" + lower-case words with hyphens
            chapter=3,                         # must match the file name
            kind="choice",                     # "choice", "multi", "order" or "number"
            question="In interest e-commerce, what comes **first**?",
            options=["The need", "The touchpoint", "Trust"],
            answer="The touchpoint",           # an option's text (or its letter, "b")
            hints={
                "The need": "Was the viewer looking for anything when the video started?",
                "default": "Think of someone scrolling the feed with no plan to shop.",
            },
            solution="The feed is the touchpoint, and it comes first: {answer}.",
        ),
        Exercise(
            id="ch03-orders-at-seed-1",
            chapter=3,
            kind="number",
            question="Run the feed simulation with seed 1. How many orders?",
            answer=lambda: course.simulate("interest", seed=1).orders,  # computed once
            tolerance=0, unit="orders", uses_simulation=True,
            hints={"low": "...", "high": "...", "default": "..."},
            solution="The simulation gives {answer}.",
        ),
    ]

Rules the registry and ``tests/test_exercises.py`` enforce:

- every module here is named ``chNN.py`` (helpers: names starting with ``_``);
- ids are unique, start with ``chNN-`` and match the chapter;
- every hints dict has a ``"default"`` entry and never a hint keyed on the right answer;
- an ``order`` exercise lists its items in an order that is not the answer;
- each exercise's own answer passes its own check, and a wrong answer gets a hint;
- ``{answer}`` in a solution is filled from the answer, so never type the answer twice.

See :class:`course.exercises.core.Exercise` for every field.
"""
