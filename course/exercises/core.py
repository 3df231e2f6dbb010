"""One exercise, and how a learner's answer to it is checked.

An :class:`Exercise` holds the question, the right answer, the hints and the worked
solution in one place. The check, the widget, the worked solution and the teachers'
answer key all read the same object, so they cannot disagree.

Four kinds of exercise exist (no free text):

``choice``
    Multiple choice with exactly one right option. A learner answers with the option's
    letter (``"b"``) or its text.
``multi``
    Select all that apply. A learner answers with a list of letters or texts
    (``["a", "c"]``) or one string (``"a, c"``).
``order``
    Put items in order, for example the three decision factors. A learner answers with
    a list (``["need", "touchpoint", "trust"]``) or a string with arrows
    (``"need -> touchpoint -> trust"``).
``number``
    A number, right when it is within a stated tolerance (absolute, or relative to the
    right value). The right value may be computed by a function, for example one that
    runs a seeded simulation; it is computed the first time it is needed and cached.
"""

from __future__ import annotations

import enum
import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from course._validate import check_bool, check_choice, check_int, check_number
from course.exercises import text as T
from course.exercises._markdown import inline_to_html

__all__ = [
    "AnswerFormatError",
    "DEFAULT_HINT",
    "KINDS",
    "TOLERANCE_KINDS",
    "Exercise",
    "ExerciseDefinitionError",
    "Feedback",
    "Solution",
    "format_number",
]

KINDS = ("choice", "multi", "order", "number")
"""The kinds of exercise, in the order the answer key describes them."""

TOLERANCE_KINDS = ("absolute", "relative")
"""How a ``number`` exercise's tolerance is read: in the answer's unit, or as a fraction."""

DEFAULT_HINT = "default"
"""The key in ``hints`` for the hint shown when no more specific hint applies."""

ID_PATTERN = re.compile(r"^ch(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LETTER = re.compile(r"^\(?([a-z])\)?[.)]?$")
_ORDER_SPLIT = re.compile(r"\s*(?:→|->|=>|>|,|;)\s*")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")
_FLOAT_SLACK = 1e-9  # absorbs floating-point noise in "exact" comparisons


class ExerciseDefinitionError(ValueError):
    """An exercise in the bank is defined wrongly (a problem for its author, not the learner)."""


class AnswerFormatError(ValueError):
    """A learner's answer is not in a form this exercise understands.

    The message is written for the learner. :meth:`Exercise.check` turns it into a
    :class:`Feedback` instead of raising it.
    """


# --------------------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------------------

_FEEDBACK_STYLE = {
    # status: (border colour, background, symbol); Okabe-Ito green, orange, blue
    "correct": ("#009E73", "#e6f5ef", "✓"),
    "wrong": ("#E69F00", "#fdf3e0", "✗"),
    "format": ("#0072B2", "#e6f0f8", "ℹ"),
}


@dataclass(frozen=True)
class Feedback:
    """What :func:`course.exercises.check` says about one answer.

    ``bool(feedback)`` is ``feedback.correct``. In a notebook the feedback shows as a
    green box with a tick when the answer is right, an orange box with a hint when it is
    not, and a blue box when the answer was not in a form the exercise understands.

    Attributes
    ----------
    exercise_id : str
        The exercise that was checked.
    correct : bool
        True when the answer is right.
    status : {"correct", "wrong", "format"}
        ``"format"`` means the answer could not be read (for example a letter where a
        number was needed); it counts as not correct.
    headline : str
        The first words: "Correct!", "Not yet." or "Check your answer's format."
    detail : str
        The hint, the explanation or what to change in the answer's format.
    """

    exercise_id: str
    correct: bool
    status: str
    headline: str
    detail: str = ""

    @property
    def message(self) -> str:
        """The headline and the detail as one sentence or two."""
        return f"{self.headline} {self.detail}".strip()

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        return f"{_FEEDBACK_STYLE[self.status][2]} {self.message}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        border, background, symbol = _FEEDBACK_STYLE[self.status]
        detail = f" {inline_to_html(self.detail)}" if self.detail else ""
        return (
            f'<div class="course-feedback course-feedback-{self.status}" '
            f'style="border-left:5px solid {border};background:{background};'
            f'color:#1a1a1a;padding:6px 10px;margin:4px 0;border-radius:3px">'
            f'<span aria-hidden="true">{symbol}</span> '
            f"<strong>{html.escape(self.headline)}</strong>{detail}</div>"
        )


@dataclass(frozen=True)
class Solution:
    """The worked solution of one exercise, for a learner who chooses to look.

    Shows as Markdown in a notebook; ``str(solution)`` is the Markdown text.

    Attributes
    ----------
    exercise_id : str
        The exercise this solves.
    markdown : str
        The worked solution, with the right answer filled in.
    """

    exercise_id: str
    markdown: str

    def __str__(self) -> str:
        return self.markdown

    def _repr_markdown_(self) -> str:
        return f"**{T.SOLUTION_HEADING}** ({self.exercise_id})\n\n{self.markdown}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(f"{T.SOLUTION_HEADING} ({self.exercise_id})\n\n{self.markdown}")


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _as_text(value: Any) -> str | None:
    """The text of a string or a string-valued enum member (e.g. a Factor), else None."""
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        return value.value
    if isinstance(value, str):
        return value
    return None


def _norm(text: str) -> str:
    """Compare texts ignoring case, extra spaces and trailing full stops."""
    return " ".join(text.casefold().split()).rstrip(" .!")


def format_number(value: float, spec: str = "") -> str:
    """Format a number for a learner: thousands separators, about four significant digits.

    Parameters
    ----------
    value : float
        The number.
    spec : str, optional
        A Python format specification (e.g. ``",.1f"``) that overrides the default.

    Examples
    --------
    >>> format_number(12345.6), format_number(0.031234), format_number(1200.0)
    ('12,346', '0.03123', '1,200')
    """
    if spec:
        return format(value, spec)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    digits = max(0, 3 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


HINT_KEY_TOLERANCE = 0.05
"""A number exercise's hint for a likely wrong value shows within 5% of that value."""


def _near_hint_key(x: float, key: float) -> bool:
    return abs(x - key) <= HINT_KEY_TOLERANCE * abs(key) + _FLOAT_SLACK * max(1.0, abs(key))


def _given(value: Any) -> str:
    if value is None:
        return "nothing"
    return repr(value)


# --------------------------------------------------------------------------------------
# Exercise
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, eq=False)
class Exercise:
    """One exercise: question, right answer, hints and worked solution.

    All fields are keyword-only. Nothing here is a measured figure: questions and
    answers are written by the course authors, or computed by a seeded simulation.

    Parameters
    ----------
    id : str
        Unique name, ``"chNN-"`` followed by lower-case words joined by hyphens,
        where ``NN`` is the two-digit chapter number, e.g. ``"ch01-classify-phone"``.
    chapter : int
        The chapter the exercise belongs to, 0 (welcome) to 99.
    question : str
        The question, in Markdown, in plain English.
    kind : {"choice", "multi", "order", "number"}
        What sort of answer the learner gives (see the module docstring).
    answer : object or callable
        The right answer. ``choice``: the text (or letter) of the right option.
        ``multi``: a list of the right options' texts (or letters). ``order``: the
        items in the right order. ``number``: the right value, in ``unit``. May instead
        be a function with no arguments returning that value (for example one that runs
        ``course.simulate(..., seed=1)``); it is called once, when first needed.
    hints : mapping
        Hints that point at the idea, never at the answer. Must contain the key
        ``"default"`` (the hint for any wrong answer without a more specific one).
        Other keys name a specific wrong answer: ``choice``: an option's text or letter;
        ``multi``: an option that a learner gets wrong (ticked when it should not be, or
        left out when it should be ticked); ``order``: a wrong order (a list, or text
        with arrows); ``number``: a likely wrong value (matched within 5% of that
        value), or ``"low"`` / ``"high"`` for any other
        answer below / above the right one.
    solution : str
        The worked solution in Markdown, shown only when the learner asks for it.
        ``{answer}`` is replaced by the right answer and ``{tolerance}`` by the tolerance
        sentence, so the text and the check cannot disagree.
    options : sequence of str
        ``choice`` and ``multi``: the options, shown with letters a), b), ... in this
        order. ``order``: the items to arrange, shown in this order, which must not
        already be the right order. ``number``: must be empty.
    tolerance : float
        ``number`` only: how far from the right value an answer may be and still count,
        in ``unit`` (absolute) or as a fraction of the right value (relative, e.g.
        0.05 for 5%). 0 means exact. Must be 0 for other kinds.
    tolerance_kind : {"absolute", "relative"}
        How ``tolerance`` is read.
    unit : str
        ``number`` only: the unit of the answer in plain words, e.g. ``"orders"``,
        ``"USD"``, ``"%"``. Shown beside the answer box and in the answer key.
    uses_simulation : bool
        True when answering needs a simulation (run in the notebook or computed by
        ``answer``). Each chapter needs at least one such exercise.
    explanation : str
        Optional short Markdown shown after "Correct!" to reinforce the idea.
    answer_format : str
        ``number`` only: a Python format specification for showing the answer, e.g.
        ``",.1f"``; empty means about four significant digits with separators.

    Examples
    --------
    >>> ex = Exercise(
    ...     id="ch00-example", chapter=0, kind="choice",
    ...     question="Which ordering starts with trust?",
    ...     options=["Search", "Interest", "Social"], answer="Social",
    ...     hints={"default": "Which shopper already follows someone before any need?"},
    ...     solution="The answer is {answer}.")
    >>> bool(ex.check("c")), bool(ex.check("a"))
    (True, False)
    """

    id: str
    chapter: int
    question: str
    kind: str
    answer: Any
    hints: Mapping[Any, str]
    solution: str
    options: tuple[str, ...] = ()
    tolerance: float = 0.0
    tolerance_kind: str = "absolute"
    unit: str = ""
    uses_simulation: bool = False
    explanation: str = ""
    answer_format: str = ""
    _hints: dict = field(default_factory=dict, init=False, repr=False)
    _cache: dict = field(default_factory=dict, init=False, repr=False)

    # ---------------------------------------------------------------- validation
    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not ID_PATTERN.match(self.id):
            raise ExerciseDefinitionError(
                "id must be 'ch' + the two-digit chapter number + '-' + lower-case words "
                f"joined by hyphens, e.g. 'ch01-classify-phone'; got {self.id!r}"
            )
        chapter = check_int(f"{self.id}: chapter", self.chapter, low=0, high=99)
        if not self.id.startswith(f"ch{chapter:02d}-"):
            raise ExerciseDefinitionError(
                f"{self.id}: the id must start with 'ch{chapter:02d}-' because chapter is {chapter}"
            )
        kind = check_choice(f"{self.id}: kind", self.kind, KINDS)
        object.__setattr__(self, "kind", kind)
        for name in ("question", "solution"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ExerciseDefinitionError(
                    f"{self.id}: {name} must be non-empty Markdown text; got {value!r}"
                )
        for name in ("unit", "explanation", "answer_format"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise ExerciseDefinitionError(f"{self.id}: {name} must be text; got {value!r}")
        check_bool(f"{self.id}: uses_simulation", self.uses_simulation)
        self._validate_options()
        self._validate_tolerance()
        if self.answer_format:
            try:
                format(1234.5, self.answer_format)
            except (ValueError, TypeError) as exc:
                raise ExerciseDefinitionError(
                    f"{self.id}: answer_format {self.answer_format!r} is not a valid number "
                    f"format specification such as ',.1f' ({exc})"
                ) from None
        self._validate_hints()
        if not callable(self.answer):
            self.resolved_answer()  # static answers are checked now, computed ones lazily

    def _validate_options(self) -> None:
        opts = self.options
        if isinstance(opts, str) or not isinstance(opts, Iterable):
            raise ExerciseDefinitionError(
                f"{self.id}: options must be a list of texts; got {opts!r}"
            )
        opts = tuple(opts)
        if self.kind == "number":
            if opts:
                raise ExerciseDefinitionError(
                    f"{self.id}: a number exercise has no options; got {opts!r}"
                )
        else:
            if not 2 <= len(opts) <= len(LETTERS):
                raise ExerciseDefinitionError(
                    f"{self.id}: a {self.kind} exercise needs 2 to {len(LETTERS)} options; "
                    f"got {len(opts)}"
                )
            for i, opt in enumerate(opts):
                if not isinstance(opt, str) or not opt.strip():
                    raise ExerciseDefinitionError(
                        f"{self.id}: options[{i}] must be non-empty text; got {opt!r}"
                    )
            seen: dict[str, str] = {}
            for opt in opts:
                key = _norm(opt)
                if key in seen:
                    raise ExerciseDefinitionError(
                        f"{self.id}: options {seen[key]!r} and {opt!r} are the same when "
                        "case and spaces are ignored; make them different"
                    )
                seen[key] = opt
        object.__setattr__(self, "options", opts)

    def _validate_tolerance(self) -> None:
        kind = check_choice(f"{self.id}: tolerance_kind", self.tolerance_kind, TOLERANCE_KINDS)
        object.__setattr__(self, "tolerance_kind", kind)
        high = 1.0 if kind == "relative" else None
        tol = check_number(
            f"{self.id}: tolerance", self.tolerance, low=0.0, high=high, high_inclusive=False
        )
        if self.kind != "number" and (tol != 0 or self.unit or self.answer_format):
            raise ExerciseDefinitionError(
                f"{self.id}: tolerance, unit and answer_format apply to number exercises "
                f"only; this one is {self.kind!r}"
            )
        object.__setattr__(self, "tolerance", tol)

    def _validate_hints(self) -> None:
        if not isinstance(self.hints, Mapping):
            raise ExerciseDefinitionError(
                f"{self.id}: hints must be a dict mapping wrong answers to hints; "
                f"got {self.hints!r}"
            )
        if DEFAULT_HINT not in self.hints:
            raise ExerciseDefinitionError(
                f"{self.id}: hints needs a {DEFAULT_HINT!r} entry: the hint for any wrong "
                "answer without a more specific one"
            )
        normalized: dict[Any, str] = {}
        for key, hint in self.hints.items():
            if not isinstance(hint, str) or not hint.strip():
                raise ExerciseDefinitionError(
                    f"{self.id}: the hint for {key!r} must be non-empty text; got {hint!r}"
                )
            if key == DEFAULT_HINT or (self.kind == "number" and key in ("low", "high")):
                normalized[key] = hint
                continue
            normalized[self._hint_key(key)] = hint
        object.__setattr__(self, "_hints", normalized)

    def _hint_key(self, key: Any) -> Any:
        where = f"{self.id}: hints key {key!r}"
        if self.kind in ("choice", "multi"):
            index = self._match_option(key)
            if index is None:
                raise ExerciseDefinitionError(
                    f"{where} is not an option's text or letter; options are {list(self.options)}"
                )
            return index
        if self.kind == "order":
            try:
                return self._parse_order(key)
            except AnswerFormatError as exc:
                raise ExerciseDefinitionError(f"{where} is not a full order: {exc}") from None
        if isinstance(key, bool) or not isinstance(key, numbers.Real) or not math.isfinite(key):
            raise ExerciseDefinitionError(
                f"{where} must be a number (a likely wrong value), 'low', 'high' or "
                f"{DEFAULT_HINT!r}"
            )
        return float(key)

    # ---------------------------------------------------------------- the answer
    def resolved_answer(self) -> Any:
        """The right answer in the form the checks compare against (computed once).

        ``choice``: the option's index; ``multi``: a frozenset of indices; ``order``: a
        tuple of indices; ``number``: a float.

        Raises
        ------
        ExerciseDefinitionError
            If the answer (or the function computing it) does not fit the exercise, or a
            hint is keyed on the right answer.
        """
        if "answer" in self._cache:
            return self._cache["answer"]
        raw = self.answer
        if callable(raw):
            try:
                raw = raw()
            except Exception as exc:
                raise ExerciseDefinitionError(
                    f"{self.id}: computing the answer failed: {type(exc).__name__}: {exc}"
                ) from exc
        value = self._normalize_answer(raw)
        self._check_answer_against_hints(value)
        self._cache["answer"] = value
        return value

    def clear_cache(self) -> None:
        """Forget a computed answer, so that the next check computes it again."""
        self._cache.clear()

    def _normalize_answer(self, raw: Any) -> Any:
        where = f"{self.id}: answer"
        try:
            if self.kind == "choice":
                index = self._match_option(raw)
                if index is None:
                    raise AnswerFormatError(
                        f"{raw!r} is not one of the options {list(self.options)}"
                    )
                return index
            if self.kind == "multi":
                chosen = self._parse_multi(raw)
                return chosen
            if self.kind == "order":
                return self._parse_order(raw)
            if isinstance(raw, bool) or not isinstance(raw, numbers.Real):
                raise AnswerFormatError(f"must be a number; got {_given(raw)}")
            value = float(raw)
            if not math.isfinite(value):
                raise AnswerFormatError(f"must be a finite number; got {raw!r}")
            return value
        except AnswerFormatError as exc:
            raise ExerciseDefinitionError(f"{where}: {exc}") from None

    def _check_answer_against_hints(self, value: Any) -> None:
        if self.kind in ("choice", "order") and value in self._hints:
            raise ExerciseDefinitionError(
                f"{self.id}: a hint is keyed on the right answer; hints are for wrong answers"
            )
        if self.kind == "order" and value == tuple(range(len(self.options))):
            raise ExerciseDefinitionError(
                f"{self.id}: the options are already in the right order, which gives the "
                "answer away; list them in a different order"
            )
        if self.kind == "number":
            for key in self._hints:
                if isinstance(key, float) and self._close(key, value):
                    raise ExerciseDefinitionError(
                        f"{self.id}: the hint for {key!r} is within the tolerance of the "
                        f"right answer {value!r}, so it could never be shown"
                    )

    # ---------------------------------------------------------------- texts
    @property
    def letters(self) -> tuple[str, ...]:
        """The letters shown before the options: a, b, c, ..."""
        return tuple(LETTERS[: len(self.options)])

    def labelled_options(self) -> list[str]:
        """The options with their letters, e.g. ``["a) Search", "b) Interest"]``."""
        return [f"{letter}) {opt}" for letter, opt in zip(self.letters, self.options, strict=True)]

    def answer_text(self) -> str:
        """The right answer as a learner or teacher reads it."""
        value = self.resolved_answer()
        if self.kind == "choice":
            return self.labelled_options()[value]
        if self.kind == "multi":
            return "; ".join(self.labelled_options()[i] for i in sorted(value))
        if self.kind == "order":
            return " → ".join(self.options[i] for i in value)
        return self._with_unit(format_number(value, self.answer_format))

    def _with_unit(self, number_text: str) -> str:
        if not self.unit:
            return number_text
        gap = "" if self.unit == "%" else " "
        return f"{number_text}{gap}{self.unit}"

    def tolerance_text(self) -> str:
        """One sentence saying how close a number must be (empty for other kinds)."""
        if self.kind != "number":
            return ""
        if self.tolerance == 0:
            return T.TOLERANCE_EXACT
        if self.tolerance_kind == "relative":
            return T.TOLERANCE_RELATIVE.format(percent=format_number(self.tolerance * 100))
        amount = self._with_unit(format_number(self.tolerance))
        return T.TOLERANCE_ABSOLUTE.format(tolerance=amount)

    def solution_markdown(self) -> str:
        """The worked solution with ``{answer}`` and ``{tolerance}`` filled in."""
        return self.solution.replace("{answer}", self.answer_text()).replace(
            "{tolerance}", self.tolerance_text()
        )

    # ---------------------------------------------------------------- checking
    def check(self, answer: Any) -> Feedback:
        """Check a learner's answer and return :class:`Feedback` (never raises for a bad format).

        Parameters
        ----------
        answer : object
            See the module docstring for what each kind accepts. Numbers may be given as
            text ("30", "1,200", "4.5%").

        Returns
        -------
        Feedback
        """
        try:
            given = self.parse(answer)
        except AnswerFormatError as exc:
            return Feedback(self.id, False, "format", T.CHECK_FORMAT, str(exc))
        right = self.resolved_answer()
        if self._is_right(given, right):
            detail = self.explanation
            if self.kind == "number":
                detail = f"{T.CORRECT_NUMBER.format(answer=self.answer_text())} {detail}".strip()
            return Feedback(self.id, True, "correct", T.CORRECT, detail)
        return Feedback(self.id, False, "wrong", T.NOT_YET, self._hint(given, right))

    def parse(self, answer: Any) -> Any:
        """Read a learner's answer into the form :meth:`resolved_answer` uses.

        Raises
        ------
        AnswerFormatError
            With a message for the learner when the answer cannot be read.
        """
        if self.kind == "choice":
            return self._parse_choice(answer)
        if self.kind == "multi":
            return self._parse_multi(answer)
        if self.kind == "order":
            return self._parse_order(answer)
        return self._parse_number(answer)

    def _is_right(self, given: Any, right: Any) -> bool:
        if self.kind == "number":
            return self._close(given, right)
        return given == right

    def _close(self, x: float, right: float) -> bool:
        if self.tolerance_kind == "relative":
            allowed = self.tolerance * abs(right)
        else:
            allowed = self.tolerance
        slack = _FLOAT_SLACK * max(1.0, abs(right))
        return abs(x - right) <= allowed + slack

    def _hint(self, given: Any, right: Any) -> str:
        hints = self._hints
        if self.kind in ("choice", "order"):
            return hints.get(given, hints[DEFAULT_HINT])
        if self.kind == "multi":
            for index in range(len(self.options)):
                misjudged = (index in given) != (index in right)
                if misjudged and index in hints:
                    return hints[index]
            return hints[DEFAULT_HINT]
        for key, hint in hints.items():
            if isinstance(key, float) and _near_hint_key(given, key):
                return hint
        direction = "low" if given < right else "high"
        return hints.get(direction, hints[DEFAULT_HINT])

    # ---------------------------------------------------------------- parsing
    def _match_option(self, value: Any) -> int | None:
        text = _as_text(value)
        if text is None:
            return None
        key = _norm(text)
        for index, opt in enumerate(self.options):
            if _norm(opt) == key:
                return index
        match = _LETTER.match(key)
        if match:
            index = LETTERS.index(match.group(1))
            if index < len(self.options):
                return index
        return None

    def _letters_text(self) -> str:
        return ", ".join(self.letters)

    def _parse_choice(self, answer: Any) -> int:
        if answer is None:
            raise AnswerFormatError(T.CHOOSE_FIRST)
        if isinstance(answer, (list, tuple, set, frozenset)):
            items = list(answer)
            if len(items) != 1:
                raise AnswerFormatError(T.ONE_ANSWER_ONLY.format(letters=self._letters_text()))
            answer = items[0]
        index = self._match_option(answer)
        if index is None:
            raise AnswerFormatError(
                T.NOT_AN_OPTION.format(given=_given(answer), letters=self._letters_text())
            )
        return index

    def _parse_multi(self, answer: Any) -> frozenset[int]:
        if answer is None:
            raise AnswerFormatError(T.TICK_AT_LEAST_ONE)
        text = _as_text(answer)
        if text is not None:
            whole = self._match_option(text)
            if whole is not None:
                return frozenset({whole})
            items: list[Any] = [p for p in re.split(r"\s*[,;]\s*", text.strip()) if p]
        elif isinstance(answer, Iterable) and not isinstance(answer, (bytes, Mapping)):
            items = list(answer)
        else:
            raise AnswerFormatError(
                T.NOT_AN_OPTION.format(given=_given(answer), letters=self._letters_text())
            )
        if not items:
            raise AnswerFormatError(T.TICK_AT_LEAST_ONE)
        chosen = set()
        for item in items:
            index = self._match_option(item)
            if index is None:
                raise AnswerFormatError(
                    T.NOT_AN_OPTION.format(given=_given(item), letters=self._letters_text())
                )
            chosen.add(index)
        return frozenset(chosen)

    def _parse_order(self, answer: Any) -> tuple[int, ...]:
        example = list(self.options)
        text = _as_text(answer)
        if text is not None:
            items: list[Any] = [p for p in _ORDER_SPLIT.split(text.strip()) if p]
        elif isinstance(answer, (list, tuple)):
            items = list(answer)
        else:
            raise AnswerFormatError(
                T.ORDER_FORMAT.format(
                    example=example, arrows=" -> ".join(example), given=_given(answer)
                )
            )
        indices: list[int] = []
        unknown: list[str] = []
        for item in items:
            item_text = _as_text(item)
            match = None
            if item_text is not None:
                key = _norm(item_text)
                match = next((i for i, o in enumerate(self.options) if _norm(o) == key), None)
            if match is None:
                unknown.append(repr(item))
            else:
                indices.append(match)
        missing = [self.options[i] for i in range(len(self.options)) if i not in indices]
        repeated = sorted({self.options[i] for i in indices if indices.count(i) > 1})
        if unknown or missing or repeated:
            problems = []
            if unknown:
                problems.append(T.ORDER_UNKNOWN.format(items=", ".join(unknown)))
            if missing:
                problems.append(T.ORDER_MISSING.format(items=", ".join(missing)))
            if repeated:
                problems.append(T.ORDER_REPEATED.format(items=", ".join(repeated)))
            raise AnswerFormatError(
                T.ORDER_NEEDS_ALL.format(items=", ".join(example), problem=" ".join(problems))
            )
        return tuple(indices)

    def _parse_number(self, answer: Any) -> float:
        if isinstance(answer, bool) or answer is None:
            raise AnswerFormatError(T.NEEDS_NUMBER.format(given=_given(answer)))
        if isinstance(answer, numbers.Real):
            value = float(answer)
        elif isinstance(answer, str):
            cleaned = answer.strip().replace("_", "").replace(" ", "")
            cleaned = re.sub(r"^(?:US\$|\$)", "", cleaned, flags=re.IGNORECASE)
            unit = self.unit.replace(" ", "")
            for suffix in ("%", "usd", unit.casefold()):
                if suffix and cleaned.casefold().endswith(suffix):
                    cleaned = cleaned[: -len(suffix)]
            if _THOUSANDS.match(cleaned):
                cleaned = cleaned.replace(",", "")
            try:
                value = float(cleaned)
            except ValueError:
                raise AnswerFormatError(T.NEEDS_NUMBER.format(given=_given(answer))) from None
        else:
            raise AnswerFormatError(T.NEEDS_NUMBER.format(given=_given(answer)))
        if not math.isfinite(value):
            raise AnswerFormatError(T.NEEDS_FINITE_NUMBER.format(given=_given(answer)))
        return value
