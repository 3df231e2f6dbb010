"""Exercises for chapter 4, "Social e-commerce: trust first".

Three exercises: a choice about what breaks a creator's trust, a number read from the
social simulation (followers' trust after 12 weeks of a poor product) and the order of
the three factors in social e-commerce.
"""

from __future__ import annotations

from course.exercises.core import Exercise
from course.factors import Factor

#: The simulation settings of the chapter's exercise cell (chapter 4 text matches them).
SHOPPERS = 100_000
TRUST_SEED = 12
WEEKS = 12
LOW_QUALITY = 0.3


def _trust_after_low_quality() -> float:
    from course.model import simulate

    result = simulate(
        "social", shoppers=SHOPPERS, seed=TRUST_SEED, weeks=WEEKS, quality=LOW_QUALITY
    )
    periods = result.tables["periods"]
    return float(periods.loc[periods["period"] == WEEKS, "trust"].iloc[0])


EXERCISES = [
    Exercise(
        id="ch04-what-breaks-trust",
        chapter=4,
        kind="choice",
        question=(
            "A home-cooking creator has built strong trust with her followers over two "
            "years. Which of these is most likely to **break** that trust?"
        ),
        options=[
            "She posts less often for a month while she is on holiday",
            "Her discount code drops from 10% to 5%",
            "She recommends a pan that many buyers find sticks and peels after a week",
            "A rival creator in the same niche grows to twice her number of followers",
        ],
        answer="She recommends a pan that many buyers find sticks and peels after a week",
        hints={
            "She posts less often for a month while she is on holiday": (
                "Followers may see her less, but has anything she said turned out to be "
                "wrong? Think about what trust in a creator rests on."
            ),
            "Her discount code drops from 10% to 5%": (
                "A smaller discount may bring fewer followers to her link, but it does not "
                "tell them she was wrong. What moves trust in the simulation?"
            ),
            "A rival creator in the same niche grows to twice her number of followers": (
                "Her followers' trust is about her own recommendations, not about anyone "
                "else's size. What happens after a follower buys what she recommended?"
            ),
            "default": (
                "In the simulation, trust moves after each week's buyers use the product. "
                "Look again at 'Trust rises and falls with the product'."
            ),
        },
        solution=(
            "The answer is **{answer}**.\n\n"
            "A creator's trust rests on one thing: followers who acted on her word were glad "
            "they did. Each buyer who is disappointed is evidence that her recommendations "
            "cannot be relied on, and in the simulation every week's unhappy buyers pull her "
            "trust down toward the share of buyers who were satisfied. A holiday, a smaller "
            "discount or a bigger rival may cost her some sales, but none of them shows that "
            "she was wrong."
        ),
        explanation="Trust is spent on every product a creator recommends; a bad one spends it.",
    ),
    Exercise(
        id="ch04-trust-low-quality",
        chapter=4,
        kind="number",
        question=(
            "In the exercise cell, change `quality` from 0.95 to **0.3** (only 3 buyers in "
            f"10 are satisfied) and run it. It uses {SHOPPERS:,} shoppers, seed {TRUST_SEED} "
            f"and {WEEKS} weeks. What is the followers' average **trust** in the row for "
            f"period {WEEKS}? Give it as a share between 0 and 1, to two decimal places."
        ),
        answer=_trust_after_low_quality,
        tolerance=0.01,
        unit="",
        answer_format=".2f",
        uses_simulation=True,
        hints={
            0.5: (
                "0.5 is where trust starts, in period 1. Read the last row of the table, "
                f"period {WEEKS}."
            ),
            "low": (
                "Too low. Check that quality is 0.3 (not lower), the seed is "
                f"{TRUST_SEED} and weeks is {WEEKS}, then read the trust column in the last "
                "row."
            ),
            "high": (
                "Too high. Did you change quality to 0.3 and run the cell again? Trust is a "
                "share between 0 and 1: if you typed a percentage, divide it by 100."
            ),
            "default": (
                f"Run the exercise cell with quality=0.3 and read `trust` in the row for "
                f"period {WEEKS}."
            ),
        },
        solution=(
            'Run `simulate("social", shoppers=100_000, seed=12, weeks=12, quality=0.3)` and '
            'read the `trust` column of `tables["periods"]` in the last row: **{answer}**. '
            "{tolerance}\n\n"
            "Trust started at 0.5. With a product that disappoints 7 buyers in 10, every "
            "week's buyers pull the creators' trust toward 0.3, so fewer followers act on the "
            "next recommendation. With quality 0.95 the same creators end near 0.9. The "
            "product, not the creator's talent, decided which way trust went."
        ),
    ),
    Exercise(
        id="ch04-social-order",
        chapter=4,
        kind="order",
        question=(
            "Daniel trusts a running coach he has followed for a year. Two weeks after she "
            "shows a new bottle, his old one cracks, and he buys hers through the link in "
            "her profile. Put the three factors in the order they appeared for him, first "
            "to last."
        ),
        options=[Factor.NEED.value, Factor.TOUCHPOINT.value, Factor.TRUST.value],
        answer=[Factor.TRUST, Factor.NEED, Factor.TOUCHPOINT],
        hints={
            (Factor.NEED, Factor.TOUCHPOINT, Factor.TRUST): (
                "That is the search order: a shopper with a need searches and then decides "
                "whom to trust. When did Daniel start trusting the coach: before or after "
                "his bottle cracked?"
            ),
            (Factor.TOUCHPOINT, Factor.NEED, Factor.TRUST): (
                "That is the feed order, where a stranger's video wakes the need. Daniel "
                "did not meet the coach in that video; he had followed her for a year."
            ),
            (Factor.TRUST, Factor.TOUCHPOINT, Factor.NEED): (
                "Trust first is right. But did Daniel go to the link before or after his "
                "bottle cracked?"
            ),
            "default": (
                "Ask three questions: when did he start trusting her, when did he need a "
                "bottle, and when did he open her link?"
            ),
        },
        solution=(
            "The order is **{answer}**. Trust came first, built over a year of useful "
            "videos. The need came later, when his bottle cracked. The touchpoint came last: "
            "he went looking for the coach's link himself. This is social e-commerce: trust "
            "→ need → touchpoint → purchase."
        ),
    ),
]
