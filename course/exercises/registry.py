"""Find every exercise in ``course/exercises/bank/`` and look exercises up by id.

Each chapter's exercises live in one module ``course/exercises/bank/chNN.py`` that
defines a list ``EXERCISES`` of :class:`~course.exercises.core.Exercise`. The registry
imports every such module (found with :mod:`pkgutil`, so a new chapter file needs no
other change), checks that ids are unique and that each exercise's chapter matches
its file, and keeps the result until :func:`reload` is called.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import pkgutil
import re
import sys
from typing import Any

from course._validate import check_int
from course.exercises.core import Exercise, ExerciseDefinitionError, Feedback, Solution

__all__ = [
    "BANK_PACKAGE",
    "UnknownExerciseError",
    "all_exercises",
    "check",
    "get",
    "ids",
    "reload",
    "solution",
]

BANK_PACKAGE = "course.exercises.bank"
_MODULE_NAME = re.compile(r"^ch(\d\d)$")


class UnknownExerciseError(LookupError):
    """No exercise has the id that was asked for (the message lists close ids)."""


def _bank_modules() -> list[str]:
    bank = importlib.import_module(BANK_PACKAGE)
    names = []
    for info in pkgutil.iter_modules(bank.__path__):
        if info.name.startswith("_"):
            continue
        if info.ispkg or not _MODULE_NAME.match(info.name):
            raise ExerciseDefinitionError(
                f"course/exercises/bank/{info.name}: every module in the bank must be named "
                "chNN.py after its two-digit chapter number (e.g. ch03.py); helpers go in "
                "modules whose names start with '_'"
            )
        names.append(info.name)
    return sorted(names)


@functools.lru_cache(maxsize=1)
def _registry() -> dict[str, Exercise]:
    found: dict[str, Exercise] = {}
    for name in _bank_modules():
        chapter = int(_MODULE_NAME.match(name).group(1))
        try:
            module = importlib.import_module(f"{BANK_PACKAGE}.{name}")
        except ExerciseDefinitionError as exc:
            raise ExerciseDefinitionError(f"course/exercises/bank/{name}.py: {exc}") from exc
        except Exception as exc:
            raise ExerciseDefinitionError(
                f"course/exercises/bank/{name}.py could not be imported: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        exercises = getattr(module, "EXERCISES", None)
        if not isinstance(exercises, (list, tuple)):
            raise ExerciseDefinitionError(
                f"course/exercises/bank/{name}.py must define EXERCISES, a list of Exercise; "
                f"got {exercises!r}"
            )
        for position, exercise in enumerate(exercises):
            if not isinstance(exercise, Exercise):
                raise ExerciseDefinitionError(
                    f"course/exercises/bank/{name}.py: EXERCISES[{position}] is not an "
                    f"Exercise; got {type(exercise).__name__}"
                )
            if exercise.chapter != chapter:
                raise ExerciseDefinitionError(
                    f"course/exercises/bank/{name}.py: {exercise.id} says chapter "
                    f"{exercise.chapter}, but the file is for chapter {chapter}"
                )
            if exercise.id in found:
                raise ExerciseDefinitionError(
                    f"course/exercises/bank/{name}.py: the id {exercise.id!r} is used twice"
                )
            found[exercise.id] = exercise
    return found


def reload() -> None:
    """Forget the registry and re-import the bank modules (picks up edited chapter files)."""
    _registry.cache_clear()
    prefix = f"{BANK_PACKAGE}."
    for name in [m for m in sys.modules if m.startswith(prefix)]:
        importlib.reload(sys.modules[name])


def ids() -> list[str]:
    """Every registered exercise id, in chapter order, then as listed in its file."""
    return [exercise.id for exercise in all_exercises()]


def all_exercises(chapter: int | None = None) -> list[Exercise]:
    """Every registered exercise, or only those of one chapter.

    Parameters
    ----------
    chapter : int, optional
        A chapter number, 0 to 99. ``None`` means every chapter.

    Returns
    -------
    list of Exercise
        Ordered by chapter, then as listed in the chapter's file.
    """
    if chapter is not None:
        chapter = check_int("chapter", chapter, low=0, high=99)
    exercises = sorted(_registry().values(), key=lambda e: e.chapter)  # stable sort
    return [e for e in exercises if chapter is None or e.chapter == chapter]


def get(exercise_id: str) -> Exercise:
    """The exercise with this id.

    Raises
    ------
    TypeError
        If ``exercise_id`` is not text.
    UnknownExerciseError
        If no exercise has this id; the message lists the closest ids.
    """
    if not isinstance(exercise_id, str):
        raise TypeError(
            f"exercise_id must be text such as 'ch01-classify-phone'; got {exercise_id!r} "
            f"(type {type(exercise_id).__name__})"
        )
    registry = _registry()
    key = exercise_id.strip().lower()
    if key in registry:
        return registry[key]
    close = difflib.get_close_matches(key, list(registry), n=3, cutoff=0.5)
    suggestion = (
        f" Did you mean {' or '.join(repr(c) for c in close)}?"
        if close
        else " Run `python -m course.exercises list` to see every id."
    )
    raise UnknownExerciseError(f"There is no exercise {exercise_id!r}.{suggestion}")


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` against exercise ``exercise_id`` and say whether it is right.

    Parameters
    ----------
    exercise_id : str
        The exercise's id, e.g. ``"ch01-classify-phone"``.
    answer : object
        The learner's answer: a letter or option text for multiple choice; a list of
        those for "select all"; a list of items (or text with arrows) for ordering; a
        number (or text such as ``"1,200"``) for numbers.

    Returns
    -------
    Feedback
        ``bool(feedback)`` is True when the answer is right. In a notebook it shows as
        a green tick, or an orange hint that points at the idea. A wrongly formatted
        answer gives a Feedback explaining the format, never an error.

    Raises
    ------
    UnknownExerciseError
        If no exercise has this id (the message suggests close ids).

    Examples
    --------
    >>> check("ch00-run-a-cell", "b").correct
    True
    """
    return get(exercise_id).check(answer)


def solution(exercise_id: str) -> Solution:
    """The worked solution of an exercise, for a learner who chooses to look.

    The right answer inside the text is filled in from the same definition the check
    uses, so the solution and the check cannot disagree.

    Parameters
    ----------
    exercise_id : str
        The exercise's id.

    Returns
    -------
    Solution
        Shows as Markdown in a notebook; ``str(...)`` gives the text.
    """
    exercise = get(exercise_id)
    return Solution(exercise.id, exercise.solution_markdown())
