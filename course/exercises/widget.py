"""The exercise widget: question, answer control, Check button, feedback, solution.

:func:`ask` builds one :class:`ExerciseWidget` for an exercise id. The widget can be
driven from Python, which is how the tests use it::

    w = ask("ch00-run-a-cell")
    w.set_answer("b")
    w.check_button.click()
    w.last_feedback.correct      # True
    w.feedback.value             # the feedback as HTML
    w.solution_button.click()    # shows the worked solution
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from course.exercises import text as T
from course.exercises._markdown import to_html
from course.exercises.core import (
    AnswerFormatError,
    Exercise,
    ExerciseDefinitionError,
    Feedback,
)
from course.exercises.registry import get

__all__ = ["ExerciseWidget", "ask"]

_BOX_LAYOUT = {"border": "1px solid #c8c8c8", "padding": "6px 12px", "margin": "10px 0"}


class ExerciseWidget(widgets.VBox):
    """An exercise a learner answers with a control and a Check button.

    Parameters
    ----------
    exercise : Exercise
        The exercise to show.

    Attributes
    ----------
    exercise : Exercise
        The exercise shown.
    question : ipywidgets.HTML
        The question.
    control : ipywidgets.Widget
        The answer control: radio buttons (``choice``), tick boxes (``multi``), one
        drop-down per step (``order``) or a text box for a number (``number``; it
        accepts the same forms as :func:`check`, e.g. "1,200" or "7.5%").
    check_button : ipywidgets.Button
        Checks the current answer and writes the result into ``feedback``.
    feedback : ipywidgets.HTML
        The latest feedback (empty until the first check).
    last_feedback : Feedback or None
        The latest :class:`~course.exercises.core.Feedback`, for code and tests.
    solution_button : ipywidgets.Button
        Shows or hides the worked solution.
    solution_box : ipywidgets.HTML
        The worked solution; hidden (and not even filled in) until asked for.
    """

    def __init__(self, exercise: Exercise) -> None:
        if not isinstance(exercise, Exercise):
            raise TypeError(
                f"exercise must be an Exercise; got {exercise!r} (type {type(exercise).__name__})"
            )
        super().__init__(layout=widgets.Layout(**_BOX_LAYOUT))
        self.exercise = exercise
        self.last_feedback: Feedback | None = None
        self.title = widgets.HTML(
            f"<strong>{html.escape(T.EXERCISE_LABEL)}</strong> "
            f"<code>{html.escape(exercise.id)}</code>"
        )
        self.question = widgets.HTML(to_html(exercise.question))
        instructions = T.INSTRUCTIONS[exercise.kind]
        if exercise.kind == "number":
            instructions = f"{instructions} {exercise.tolerance_text()}"
        self.instructions = widgets.HTML(f"<em>{html.escape(instructions)}</em>")
        self._inputs: list[widgets.Widget] = []
        self.control = self._build_control()
        self.check_button = widgets.Button(
            description=T.CHECK, button_style="primary", icon="check"
        )
        self.solution_button = widgets.Button(description=T.SHOW_SOLUTION, icon="eye")
        self.feedback = widgets.HTML("")
        self.solution_box = widgets.HTML("", layout=widgets.Layout(display="none"))
        self.check_button.on_click(self._on_check)
        self.solution_button.on_click(self._on_solution)
        self.children = [
            self.title,
            self.question,
            self.instructions,
            self.control,
            widgets.HBox([self.check_button, self.solution_button]),
            self.feedback,
            self.solution_box,
        ]

    # ------------------------------------------------------------------ controls
    def _build_control(self) -> widgets.Widget:
        ex = self.exercise
        wide = widgets.Layout(width="auto")
        if ex.kind == "choice":
            radio = widgets.RadioButtons(
                options=list(zip(ex.labelled_options(), range(len(ex.options)), strict=True)),
                value=None,
                layout=wide,
            )
            self._inputs = [radio]
            return radio
        if ex.kind == "multi":
            boxes = [
                widgets.Checkbox(value=False, description=label, indent=False, layout=wide)
                for label in ex.labelled_options()
            ]
            self._inputs = boxes
            return widgets.VBox(boxes)
        if ex.kind == "order":
            choices = [(T.PLACEHOLDER, None)] + [(o, i) for i, o in enumerate(ex.options)]
            drops = [
                widgets.Dropdown(
                    options=choices,
                    index=0,  # shows the placeholder; value=None would show an empty box
                    description=T.STEP.format(n=n + 1),
                    style={"description_width": "initial"},
                )
                for n in range(len(ex.options))
            ]
            self._inputs = drops
            return widgets.VBox(drops)
        # A text box rather than a FloatText: a FloatText is never empty (it shows 0), so
        # pressing Check without typing would be judged as the answer 0.
        box = widgets.Text(
            value="", placeholder=T.NUMBER_PLACEHOLDER, layout=widgets.Layout(width="12em")
        )
        self._inputs = [box]
        unit = widgets.HTML(html.escape(ex.unit)) if ex.unit else widgets.HTML("")
        return widgets.HBox([box, unit])

    def answer(self) -> Any:
        """The answer the controls currently hold, in the form :meth:`Exercise.check` takes.

        Returns None for a multiple-choice question with nothing picked, a list with
        None in it for an ordering with an empty step, and the typed text (possibly
        empty) for a number.
        """
        ex = self.exercise
        if ex.kind == "choice":
            index = self._inputs[0].value
            return None if index is None else ex.options[index]
        if ex.kind == "multi":
            return [ex.options[i] for i, box in enumerate(self._inputs) if box.value]
        if ex.kind == "order":
            return [None if d.value is None else ex.options[d.value] for d in self._inputs]
        return self._inputs[0].value

    def set_answer(self, answer: Any) -> None:
        """Put ``answer`` into the controls, as a learner would (for tests and demos).

        Raises
        ------
        ValueError
            If ``answer`` cannot be read for this exercise (the message says why).
        """
        ex = self.exercise
        try:
            parsed = ex.parse(answer)
        except AnswerFormatError as exc:
            raise ValueError(f"{ex.id}: cannot set the answer {answer!r}: {exc}") from None
        if ex.kind == "choice":
            self._inputs[0].value = parsed
        elif ex.kind == "multi":
            for i, box in enumerate(self._inputs):
                box.value = i in parsed
        elif ex.kind == "order":
            for drop, index in zip(self._inputs, parsed, strict=True):
                drop.value = index
        else:
            self._inputs[0].value = repr(parsed)

    # ------------------------------------------------------------------ actions
    def check(self) -> Feedback:
        """Check the current answer, show the feedback and return it (what Check does)."""
        ex = self.exercise
        answer = self.answer()
        if ex.kind == "order" and None in answer:
            result = Feedback(ex.id, False, "format", T.CHECK_FORMAT, T.CHOOSE_EVERY_STEP)
        elif ex.kind == "number" and not answer.strip():
            result = Feedback(ex.id, False, "format", T.CHECK_FORMAT, T.TYPE_NUMBER_FIRST)
        else:
            try:
                result = ex.check(answer)
            except ExerciseDefinitionError as exc:
                result = Feedback(
                    ex.id,
                    False,
                    "format",
                    T.CHECK_FORMAT,
                    T.SOMETHING_WENT_WRONG.format(error=exc),
                )
        self.last_feedback = result
        self.feedback.value = result._repr_html_()
        return result

    def show_solution(self, show: bool = True) -> None:
        """Show (or hide) the worked solution; it is filled in the first time it is shown."""
        if show:
            if not self.solution_box.value:
                try:
                    markdown = self.exercise.solution_markdown()
                except ExerciseDefinitionError as exc:
                    markdown = T.SOMETHING_WENT_WRONG.format(error=exc)
                self.solution_box.value = (
                    f'<div style="border-left:5px solid #595959;padding:2px 10px">'
                    f"<strong>{html.escape(T.SOLUTION_HEADING)}</strong>{to_html(markdown)}"
                    "</div>"
                )
            self.solution_box.layout.display = None
            self.solution_button.description = T.HIDE_SOLUTION
        else:
            self.solution_box.layout.display = "none"
            self.solution_button.description = T.SHOW_SOLUTION

    @property
    def solution_visible(self) -> bool:
        """True while the worked solution is shown."""
        return self.solution_box.layout.display != "none"

    def _on_check(self, _button: widgets.Button) -> None:
        self.check()

    def _on_solution(self, _button: widgets.Button) -> None:
        self.show_solution(not self.solution_visible)


def ask(exercise_id: str) -> ExerciseWidget:
    """Show an exercise as a widget with a Check button and a "Show solution" button.

    Parameters
    ----------
    exercise_id : str
        The exercise's id, e.g. ``"ch01-classify-phone"``.

    Returns
    -------
    ExerciseWidget
        Displays itself when it is the last line of a notebook cell.

    Raises
    ------
    UnknownExerciseError
        If no exercise has this id (the message suggests close ids).
    """
    return ExerciseWidget(get(exercise_id))
