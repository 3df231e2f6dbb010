"""Exercises with instant feedback, worked solutions and the teachers' answer key.

In a notebook:

>>> from course.exercises import ask, check, solution
>>> ask("ch00-run-a-cell")                  # doctest: +SKIP
>>> check("ch00-run-a-cell", "b")           # doctest: +SKIP
>>> solution("ch00-run-a-cell")             # doctest: +SKIP

:func:`ask` shows a widget with the question, an answer control, a Check button and a
"Show solution" button; :func:`check` checks an answer typed in code; :func:`solution`
shows the worked solution for a learner who chooses to look.

For teachers: :func:`exercises` is the answer key as a table,
:func:`answer_key_markdown` as a document, and ``python -m course.exercises
answer-key --out answer_key.md`` writes it to a file.

For chapter writers: add your chapter's exercises to one file,
``course/exercises/bank/chNN.py``, as a list ``EXERCISES`` of :class:`Exercise`.
Nothing else needs changing: the registry finds the file, and ``tests/test_exercises.py``
checks every exercise's own answer against its own check. See
``course/exercises/bank/__init__.py`` for a template.
"""

from __future__ import annotations

from typing import Any

from course.exercises.core import (
    DEFAULT_HINT,
    KINDS,
    AnswerFormatError,
    Exercise,
    ExerciseDefinitionError,
    Feedback,
    Solution,
)
from course.exercises.registry import (
    UnknownExerciseError,
    all_exercises,
    check,
    get,
    ids,
    reload,
    solution,
)

__all__ = [
    "DEFAULT_HINT",
    "KINDS",
    "AnswerFormatError",
    "Exercise",
    "ExerciseDefinitionError",
    "ExerciseWidget",
    "Feedback",
    "Solution",
    "UnknownExerciseError",
    "all_exercises",
    "answer_key_markdown",
    "ask",
    "check",
    "exercises",
    "get",
    "ids",
    "reload",
    "solution",
]

# ipywidgets and pandas are imported only when their functions are first used, so that
# `check` and the command line start quickly.
_LAZY = {
    "ask": "course.exercises.widget",
    "ExerciseWidget": "course.exercises.widget",
    "exercises": "course.exercises.answer_key",
    "answer_key_markdown": "course.exercises.answer_key",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'course.exercises' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
