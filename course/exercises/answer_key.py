"""The teachers' answer key, built from the same definitions that check learners' answers."""

from __future__ import annotations

import math

import pandas as pd

from course.exercises import text as T
from course.exercises.core import Exercise
from course.exercises.registry import all_exercises

__all__ = ["ANSWER_KEY_COLUMNS", "answer_key_markdown", "exercises"]

ANSWER_KEY_COLUMNS = [
    "chapter",
    "id",
    "kind",
    "question",
    "options",
    "answer",
    "tolerance",
    "tolerance_kind",
    "unit",
    "uses_simulation",
]


def _row(ex: Exercise) -> dict:
    number = ex.kind == "number"
    return {
        "chapter": ex.chapter,
        "id": ex.id,
        "kind": ex.kind,
        "question": ex.question,
        "options": " | ".join(ex.labelled_options() if ex.kind != "order" else ex.options),
        "answer": ex.answer_text(),
        "tolerance": ex.tolerance if number else math.nan,
        "tolerance_kind": ex.tolerance_kind if number else "",
        "unit": ex.unit,
        "uses_simulation": ex.uses_simulation,
    }


def exercises(chapter: int | None = None) -> pd.DataFrame:
    """Every exercise with its right answer: the teachers' answer key as a table.

    Computed answers (for example from a simulation) are computed here, once.

    Parameters
    ----------
    chapter : int, optional
        Only this chapter (0 to 99); ``None`` means every chapter.

    Returns
    -------
    pandas.DataFrame
        One row per exercise, in chapter order, with columns ``chapter`` (int), ``id``,
        ``kind`` ("choice", "multi", "order" or "number"), ``question`` (Markdown),
        ``options`` (the options with their letters, or the items to order, joined by
        " | "; empty for numbers), ``answer`` (the right answer as text, with its unit),
        ``tolerance`` (float; NaN unless ``kind`` is "number"), ``tolerance_kind``
        ("absolute", "relative", or empty), ``unit`` and ``uses_simulation`` (bool).
    """
    rows = [_row(ex) for ex in all_exercises(chapter)]
    frame = pd.DataFrame(rows, columns=ANSWER_KEY_COLUMNS)
    return frame.astype({"chapter": "int64", "tolerance": "float64", "uses_simulation": "bool"})


def _quote(markdown: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in markdown.strip().splitlines())


def _exercise_markdown(ex: Exercise) -> str:
    lines = [f"### `{ex.id}` ({T.KIND_LABELS[ex.kind]})", "", ex.question.strip(), ""]
    if ex.kind in ("choice", "multi"):
        lines += [f"{T.OPTIONS_LABEL}:", ""]
        lines += [f"- {label}" for label in ex.labelled_options()]
        lines.append("")
    elif ex.kind == "order":
        lines += [f"{T.ITEMS_LABEL}: {', '.join(ex.options)}", ""]
    lines.append(f"**{T.ANSWER_LABEL}:** {ex.answer_text()}")
    if ex.kind == "number":
        lines += ["", f"**{T.TOLERANCE_LABEL}:** {ex.tolerance_text()}"]
    if ex.uses_simulation:
        lines += ["", f"*{T.SIMULATION_NOTE}*"]
    lines += ["", f"**{T.SOLUTION_HEADING}:**", "", _quote(ex.solution_markdown()), ""]
    return "\n".join(lines)


def answer_key_markdown(chapter: int | None = None) -> str:
    """The answer key as a Markdown document, grouped by chapter.

    Parameters
    ----------
    chapter : int, optional
        Only this chapter (0 to 99); ``None`` means every chapter.

    Returns
    -------
    str
        Markdown: a title, then per chapter a heading and, per exercise, the question,
        the options, the right answer, the tolerance for numbers and the worked solution.
    """
    parts = [f"# {T.ANSWER_KEY_TITLE}", "", T.ANSWER_KEY_INTRO, ""]
    current = None
    selected = all_exercises(chapter)
    if not selected:
        parts += [T.NO_EXERCISES, ""]
    for ex in selected:
        if ex.chapter != current:
            current = ex.chapter
            title = T.CHAPTER_TITLES.get(current, "")
            heading = T.CHAPTER_HEADING.format(chapter=current, title=title).rstrip(": ")
            parts += [f"## {heading}", ""]
        parts.append(_exercise_markdown(ex))
    return "\n".join(parts).rstrip() + "\n"
