"""Every word that appears in a course figure.

The plotting code never writes a word of its own: titles, axis labels, legend
entries, stage names and annotations all come from the dictionaries below. A
translated edition of the course replaces this one file and the figures follow.

Templates use :meth:`str.format` fields such as ``{share}`` or ``{lever}``; a
translation must keep the field names (it may move them within the sentence).
Numbers arrive already formatted (for example ``"42%"`` or ``"$12,300"``).
"""

from __future__ import annotations

__all__ = [
    "COMPARE",
    "DIAGRAM",
    "FACTOR_NAMES",
    "FUNNEL",
    "ORDERING_NAMES",
    "ORDERING_SHORT",
    "PLATFORM_EXAMPLES",
    "SERIES",
    "STAGES",
    "TAILS",
    "TORNADO",
    "UNITS",
]

#: The three orderings, as a reader sees them in a legend or a row label.
ORDERING_NAMES = {
    "search": "Search e-commerce",
    "interest": "Interest e-commerce",
    "social": "Social e-commerce",
}

#: One-word names, for tick labels where space is short.
ORDERING_SHORT = {
    "search": "Search",
    "interest": "Interest",
    "social": "Social",
}

#: Example platforms shown under an ordering's name.
PLATFORM_EXAMPLES = {
    "search": "e.g. Amazon, eBay",
    "interest": "e.g. TikTok, Douyin",
    "social": "e.g. a creator's followers",
}

#: The three decision factors.
FACTOR_NAMES = {
    "need": "Need",
    "touchpoint": "Touchpoint",
    "trust": "Trust",
}

#: Number formats with their unit words. ``{n}`` is an already formatted number.
UNITS = {
    "shoppers": "{n} shoppers",
    "usd": "${n}",
    "thousand": "{n}k",
    "million": "{n}M",
    "billion": "{n}bn",
}

#: Stage names shown on a funnel. The model's own ``stage`` strings are not shown:
#: the row's ``factor`` (and the ordering, when known) picks the words here.
STAGES = {
    "population": "Start: all shoppers",
    "purchase": "Bought",
    # Used when the ordering is not known.
    "generic": {
        "need": "Need: wants the product",
        "touchpoint": "Touchpoint: reached a place to buy",
        "trust": "Trust: believes the offer",
    },
    "search": {
        "need": "Need: has the need",
        "touchpoint": "Touchpoint: searched, saw the listing",
        "trust": "Trust: trusts this listing",
    },
    "interest": {
        "touchpoint": "Touchpoint: saw the video in the feed",
        "need": "Need: the video sparked a need",
        "trust": "Trust: trusts the product page",
    },
    "social": {
        "trust": "Trust: trusts the creator",
        "need": "Need: the need appears",
        "touchpoint": "Touchpoint: uses the creator's link",
    },
    # Rows of a side-by-side comparison: the same position in each funnel.
    "step": "Step {k}",
}

#: The ordering diagram.
DIAGRAM = {
    "title_all": "The same three factors, in three different orders",
    "title_one": "{ordering}: {first} comes first",
    "purchase": "Purchase",
    "column": ["1st", "2nd", "3rd", "then"],
}

#: Funnel charts (one ordering, or three side by side).
FUNNEL = {
    "xlabel": "Shoppers who reach this stage (people)",
    "xlabel_log": "Shoppers who reach this stage (people; log scale: each mark is 10 times the last)",
    "ylabel": "Stage",
    "bar_note": "{count} ({rate} of the row above)",
    "bar_note_first": "{count}",
    "bar_note_missing": "unknown",
    "bar_note_unknown": "not in this data",
    "bar_note_after_unknown": "{count} ({rate} of the last known stage)",
    "title": "{ordering}: {conversion} of shoppers buy;\nthe biggest drop is at {stage}",
    "title_no_ordering": "{conversion} of shoppers buy;\nthe biggest drop is at {stage}",
    "title_no_drop": "{ordering}: {conversion} of shoppers buy",
    "title_no_drop_no_ordering": "{conversion} of shoppers buy",
    "compare_title": "Same shoppers, three orderings: {best} ends with the most buyers",
    "compare_title_tie": "Same shoppers, three orderings: the same number of buyers",
    "compare_ylabel": "Step of the funnel",
    "legend_orderings": "Ordering (colour)",
    "legend_factors": "Factor at this step (mark)",
}

#: The comparison of orderings: orders, GMV and conversion from reach.
COMPARE = {
    "orders": "Orders (count)",
    "gmv": "GMV (USD)",
    "conversion": "Orders per shopper (%)",
    "orders_panel": "Orders",
    "gmv_panel": "GMV: money from sales",
    "conversion_panel": "Conversion from reach",
    "title": "Same product, three orderings: {best} brings the most GMV",
    "title_tie": "Same product, three orderings: the same GMV",
}

#: Heavy tails: views per video, followers per creator, GMV per creator.
TAILS = {
    "kinds": {
        "views": {
            "items": "videos",
            "quantity": "views",
            "value_label": "Views per video (views)",
        },
        "followers": {
            "items": "creators",
            "quantity": "followers",
            "value_label": "Followers per creator (people)",
        },
        "gmv": {
            "items": "creators",
            "quantity": "GMV",
            "value_label": "GMV per creator (USD)",
        },
    },
    "lorenz_xlabel": "Share of {items}, smallest first (%)",
    "lorenz_ylabel": "Share of all {quantity} (%)",
    "rank_xlabel": "Rank of the {item_one} (1 = biggest, log scale)",
    "rank_ylabel": "{value_label}, log scale",
    "item_one": {"views": "video", "followers": "creator", "gmv": "creator"},
    "equal_line": "If every one had the same",
    "curve": "The {n} {items}",
    "top_note": "Top {top} of {items}: {share} of {quantity}",
    "top_point": "Top {top}",
    "top_point_both": "Top 1% and top 10% (the same few)",
    "title": "The top 1% of {items} hold {share1} of all {quantity};\nthe top 10% hold {share10}",
}

#: Series over periods.
SERIES = {
    # The x-axis label and the plural used in titles, per unit of time.
    "period_units": {
        "periods": {"xlabel": "Period (1, 2, 3, ... in order)", "plural": "periods"},
        "weeks": {"xlabel": "Week", "plural": "weeks"},
        "months": {"xlabel": "Month", "plural": "months"},
        "days": {"xlabel": "Day", "plural": "days"},
    },
    "columns": {
        "trust": "Trust (0 = none, 1 = complete)",
        "followers": "Followers (people)",
        "buyers": "Buyers (people)",
        "orders": "Orders (count)",
        "gmv": "GMV (USD)",
        "creators": "Creators (count)",
        "users": "Users (people)",
        "content": "Content quality (0 to 1)",
        "retention": "Users who stay (%)",
        "conversion": "Conversion (%)",
        "views": "Views (count)",
        "cumulative_gmv": "GMV so far (USD)",
    },
    "panel_titles": {
        "trust": "Trust",
        "followers": "Followers",
        "buyers": "Buyers",
        "orders": "Orders",
        "gmv": "GMV",
        "creators": "Creators",
        "users": "Users",
        "content": "Content quality",
        "retention": "Retention",
        "conversion": "Conversion",
        "views": "Views",
        "cumulative_gmv": "GMV so far",
    },
    "title_change": "{column}: from {start} to {end} over {periods} {unit}",
    "title_rise": "{column} rises from {start} to {end} over {periods} {unit}",
    "title_fall": "{column} falls from {start} to {end} over {periods} {unit}",
    "title_flat": "{column} stays at {start} over {periods} {unit}",
    "title_groups": "{column}: highest at the end is {best}",
}

#: The sensitivity (tornado) chart.
TORNADO = {
    "metrics": {
        "gmv": "GMV (USD)",
        "orders": "Orders (count)",
        "conversion": "Conversion (%)",
        "profit": "Profit (USD)",
    },
    "metric_names": {
        "gmv": "GMV",
        "orders": "orders",
        "conversion": "conversion",
        "profit": "profit",
    },
    "xlabel": "{metric} when one lever moves and the others stay at their defaults",
    "base_line": "Default plan: {base}",
    "low_bar": "Lever at its low setting",
    "high_bar": "Lever at its high setting",
    "setting_range": "{low} to {high}",
    "both_ends": "{low} / {high}",
    "title": "{lever} moves {metric} the most;\nlevers lower down matter less",
}
