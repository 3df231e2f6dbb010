"""Exercises for the welcome notebook (chapter 0): light ones that show how exercises work."""

from __future__ import annotations

from course.exercises.core import Exercise
from course.factors import Factor

EXERCISES = [
    Exercise(
        id="ch00-run-a-cell",
        chapter=0,
        kind="choice",
        question=(
            "You have clicked inside a code cell. Which keys **run** the cell and move "
            "you on to the next one?"
        ),
        options=["Enter", "Shift+Enter", "Ctrl+Enter", "Ctrl+S"],
        answer="Shift+Enter",
        hints={
            "Enter": (
                "Enter on its own only starts a new line inside the cell: you are still "
                "typing, nothing runs. Think back to the section on running a cell."
            ),
            "Ctrl+Enter": (
                "Close: that runs the cell, but you stay on the same cell. The question "
                "asks for the keys that also move you on."
            ),
            "Ctrl+S": (
                "That saves the notebook. On Binder, saving keeps your work only until "
                "the session ends; it does not run anything."
            ),
            "default": "Look again at the section on running a cell.",
        },
        solution=(
            "The answer is **{answer}**. Holding Shift while pressing Enter runs the "
            "cell and moves to the next one, so pressing it again and again walks you "
            "through a notebook. Enter alone adds a new line; Ctrl+Enter runs the cell "
            "but stays on it; Ctrl+S saves."
        ),
        explanation="Shift+Enter runs the cell and moves on, so you can read and run in one go.",
    ),
    Exercise(
        id="ch00-order-search",
        chapter=0,
        kind="order",
        question=(
            "Every purchase needs three things: a **need**, a **touchpoint** (a place "
            "where buying can happen) and **trust**. On Amazon, in what order do they "
            "usually appear for a shopper? Put them in order, first to last."
        ),
        options=[Factor.TRUST.value, Factor.NEED.value, Factor.TOUCHPOINT.value],
        answer=[Factor.NEED, Factor.TOUCHPOINT, Factor.TRUST],
        hints={
            (Factor.TOUCHPOINT, Factor.NEED, Factor.TRUST): (
                "That is the order for someone scrolling a video feed, who was not "
                "shopping at all. Before an Amazon shopper types in the search box, what "
                "do they already have in mind?"
            ),
            (Factor.TRUST, Factor.NEED, Factor.TOUCHPOINT): (
                "That is how a creator's followers buy: trust in the creator comes first. "
                "An Amazon shopper usually trusts no seller yet when they start."
            ),
            "default": (
                "Picture the first moment: the shopper types a keyword into the search "
                "box. What made them type it, and where are they typing it?"
            ),
        },
        solution=(
            "The order is **{answer}**. The shopper first has a need (the phone mount "
            "broke), then goes to a touchpoint (Amazon's search box, which shows a shelf "
            "of listings), and only then decides whom to trust by comparing ratings, "
            "reviews and prices. Chapter 1 explains all three orderings; on TikTok the "
            "touchpoint comes first."
        ),
    ),
    Exercise(
        id="ch00-conversion-rate",
        chapter=0,
        kind="number",
        question=(
            "Last week 2,000 shoppers opened one of your product pages and 150 of them "
            "bought. What is the page's **conversion rate**, in percent? (Conversion "
            "rate: the share of people who saw the page and then bought.)"
        ),
        answer=7.5,
        tolerance=0.1,
        unit="%",
        hints={
            0.075: (
                "You have the share as a fraction. The question asks for percent: how do "
                "you turn a fraction into a percentage?"
            ),
            2000 / 150: (
                "The division is the wrong way round. Which number is the part, and which "
                "is the whole?"
            ),
            "default": (
                "Conversion rate is the number who bought divided by the number who saw "
                "the page, written as a percentage."
            ),
        },
        solution=(
            "Divide buyers by visitors: 150 ÷ 2,000 = 0.075. Multiply by 100 to get a "
            "percentage: **{answer}**. {tolerance} You will meet conversion rates in "
            "every chapter: they are how the course compares the three ways of buying."
        ),
    ),
]
