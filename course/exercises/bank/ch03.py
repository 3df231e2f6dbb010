"""Exercises for chapter 3, "Interest e-commerce: the feed".

Three exercises: a choice about a product that does not show well on video, a number
read from the feed simulation (orders with better content), and a number about the
heavy tail of views (the share of views held by the top 10% of videos).
"""

from __future__ import annotations

from course.exercises.core import Exercise

#: The simulation settings the chapter's exercise cells use (chapter 3 text matches them).
SHOPPERS = 100_000
QUALITY_SEED = 3
TAIL_SEED = 11


def _orders_with_better_content() -> int:
    from course.model import simulate

    return simulate("interest", shoppers=SHOPPERS, seed=QUALITY_SEED, content_quality=0.5).orders


def _top_ten_share_percent() -> float:
    from course.model import simulate, top_share

    result = simulate("interest", shoppers=SHOPPERS, seed=TAIL_SEED, virality=2.0)
    return 100.0 * top_share(result.tables["videos"]["views"], 0.10)


EXERCISES = [
    Exercise(
        id="ch03-not-showable",
        chapter=3,
        kind="choice",
        question=(
            "You sell a replacement water filter for a fridge. On video it is a white plastic "
            "tube: there is almost nothing to see, so its **showability** is close to 0. Your "
            "feed videos sell almost nothing. Which change would do the **most** for your "
            "orders from the feed?"
        ),
        options=[
            "Cut the price by 20%",
            "Pay for twice as much reach, so twice as many people see the same videos",
            "Find a way to show what it does (for example, cloudy water next to clear water), "
            "or sell it through search instead",
            "Put more search keywords in the video caption",
        ],
        answer=(
            "Find a way to show what it does (for example, cloudy water next to clear water), "
            "or sell it through search instead"
        ),
        hints={
            "Cut the price by 20%": (
                "Price acts at the trust step, on viewers who already want the product. How "
                "many viewers get that far when nothing on screen wakes a need?"
            ),
            "Pay for twice as much reach, so twice as many people see the same videos": (
                "Twice as many viewers times a chance of a spark close to zero is still close "
                "to zero. Which factor of the funnel is the bottleneck here?"
            ),
            "Put more search keywords in the video caption": (
                "The feed does not wait for anyone to type a keyword. Think about which step "
                "of touchpoint → need → trust is failing."
            ),
            "default": (
                "In the feed, a need wakes up only when the video shows something worth "
                "wanting. Look again at the section 'A walk through the mall'."
            ),
        },
        solution=(
            "The answer is **{answer}**.\n\n"
            "In the simulation the chance that a watched video wakes a need is "
            "`spark × showability × interest`. When showability is close to 0, that product "
            "is close to 0 whatever the other levers do: more reach multiplies a tiny number, "
            "and a lower price or more reviews act only on viewers who already want the "
            "product, and there are almost none. The two ways out are to make the product "
            "showable (a demonstration, a before-and-after, a problem being solved on screen) "
            "or to accept that it is a search product and sell it where people look for it."
        ),
        explanation=(
            "Showability multiplies everything after it: when it is near 0, no other lever "
            "can make up for it."
        ),
    ),
    Exercise(
        id="ch03-quality-orders",
        chapter=3,
        kind="number",
        question=(
            "In the exercise cell, change `content_quality` from 0.3 to **0.5** (half of "
            "viewers watch a typical video to the end) and run it. It uses "
            f"{SHOPPERS:,} shoppers and seed {QUALITY_SEED}. How many **orders** does the feed "
            "bring now?"
        ),
        answer=_orders_with_better_content,
        tolerance=0,
        unit="orders",
        uses_simulation=True,
        hints={
            294.0: (
                "That is the number of orders at the default content quality of 0.3. Did you "
                "change the value to 0.5 and run the cell again?"
            ),
            376.0: (
                "That is the number at a content quality of 0.4, from the section on Amazon "
                "habits. The exercise asks for 0.5."
            ),
            "low": (
                "Too low. Check that content_quality is 0.5, the seed is "
                f"{QUALITY_SEED} and shoppers is {SHOPPERS:,}, then read the orders line."
            ),
            "high": (
                "Too high. Check that only content_quality changed (to 0.5), with seed "
                f"{QUALITY_SEED} and {SHOPPERS:,} shoppers."
            ),
            "default": (
                "Run the exercise cell with content_quality=0.5 and read the number after "
                "'Orders:'."
            ),
        },
        solution=(
            'Run `simulate("interest", shoppers=100_000, seed=3, content_quality=0.5)` and '
            "read `.orders`: **{answer}**. {tolerance}\n\n"
            "At the default (0.3) the feed brings 294 orders, so better content brings about "
            "half as many orders again, at the same price and with the same viewers. Content "
            "quality acts early in the funnel: more viewers watch to the end, so more of them "
            "can start to want the product, and every later step works on a bigger number."
        ),
    ),
    Exercise(
        id="ch03-top-ten-share",
        chapter=3,
        kind="number",
        question=(
            "In the second exercise cell, set `virality` to **2.0** (the feed pushes its "
            f"favourite videos hard) and run it. It uses {SHOPPERS:,} shoppers and seed "
            f"{TAIL_SEED}. What **percentage** of all views went to the top 10% of the "
            "videos? Give the number in percent, to one decimal place."
        ),
        answer=_top_ten_share_percent,
        tolerance=0.5,
        unit="%",
        answer_format=".1f",
        uses_simulation=True,
        hints={
            47.7: (
                "That is the share at the default virality of 1.0. Did you change virality "
                "to 2.0 and run the cell again?"
            ),
            "low": (
                "Too low. With virality 2.0 the feed gives the videos it likes much more "
                "than their fair share. Check the value and the seed, then read the line "
                "'Top 10% of videos'. If you typed a fraction such as 0.6, give it in "
                "percent (60)."
            ),
            "high": (
                "Too high. Check that you read the line for the top 10% of videos and that "
                "virality is 2.0 (not 3.0), with seed 11."
            ),
            "default": "Run the exercise cell with virality=2.0 and read the 'Top 10%' line.",
        },
        solution=(
            'Run `simulate("interest", shoppers=100_000, seed=11, virality=2.0)` and measure '
            '`top_share(result.tables["videos"]["views"], 0.10)`: **{answer}** of the '
            "views. {tolerance}\n\n"
            "The simulation posts 12 videos, so the top 10% means the top 2 (rounded up). "
            "At the default virality (1.0) they get about 48% of the views; at 2.0 about "
            "three quarters. The harder the feed pushes the videos that hold attention, the "
            "more the result depends on having a few strong videos, and since nobody can "
            "tell in advance which ones they will be, the more it pays to post many."
        ),
    ),
]
