"""Every word a learner reads in the course's widgets (except slider labels).

Slider labels come from :func:`course.levers` (its ``label`` column), so a lever is
named the same way everywhere. Everything else a widget shows lives here: button
captions, control labels, messages, the stories told by the ordering explorer and
the templates of the key numbers. A translated edition replaces this one file.

Templates use :meth:`str.format` fields such as ``{orders}``; a translation must
keep the field names. Messages are plain text (the widgets escape them for HTML);
the ``*_html`` templates are HTML and are filled with already escaped values.
"""

from __future__ import annotations

__all__ = [
    "COMMON",
    "COMPARE",
    "EXPLORER",
    "FACTOR_CHOICES",
    "FUNNEL_LAB",
    "ORDERING_NAMES",
    "PLATFORMS",
    "STORIES",
]

#: Words shared by every widget.
COMMON = {
    "reset": "Reset to the starting story",
    "reset_tooltip": "Put every control back to the value it started with",
    "shoppers": "Shoppers simulated (people)",
    "seed": "Random seed (whole number, 0 or more)",
    "seed_tooltip": "The same seed gives the same shoppers and the same numbers; "
    "change it to see another random draw.",
    "problem": "That combination does not work: {detail}",
    "problem_named": "That combination does not work. {label}: {detail}",
    "unexpected": "Something went wrong while computing this ({kind}: {detail}). "
    "Try Reset; if it happens again, tell your workshop teacher.",
    "stale": "The picture and the numbers still show the last combination that worked.",
    "caption_html": "<div style='font-weight:bold; font-size:1.08em; margin:0.3em 0'>"
    "{caption}</div>",
    "population_note": "This widget simulates {shoppers} shoppers so it answers fast; "
    "a bigger number gives steadier results but takes longer.",
}

#: Plain names of the three orderings.
ORDERING_NAMES = {
    "search": "Search e-commerce",
    "interest": "Interest e-commerce",
    "social": "Social e-commerce",
}

#: Example platforms for each ordering.
PLATFORMS = {
    "search": "Amazon, eBay, Walmart Marketplace, Tmall search",
    "interest": "TikTok, Douyin, Kuaishou",
    "social": "creators on Instagram and YouTube, WhatsApp groups, Discord, Telegram",
}

#: The factors as choices in a drop-down list: (shown, value).
FACTOR_CHOICES = (
    ("Need: the shopper wants something", "need"),
    ("Touchpoint: a place to buy it", "touchpoint"),
    ("Trust: believing the seller", "trust"),
)

#: One short story per ordering (our own examples, not from any source).
STORIES = {
    "search": (
        "Lena's phone holder snapped on Monday. That evening she types "
        "'car phone mount' into Amazon, opens three listings, compares price, "
        "stars and reviews, and buys the one with 4.6 stars and 2,000 reviews. "
        "The need came first; the search page was the touchpoint; the reviews "
        "earned her trust."
    ),
    "interest": (
        "Ming is scrolling TikTok after dinner, not shopping. A 20-second video "
        "shows a mount that clicks onto a car vent with one hand. She had never "
        "thought about it, and now she wants one. The shop page shows real buyers' "
        "videos, so she orders. The feed came first; the need woke up second; "
        "trust closed the sale."
    ),
    "social": (
        "Sam has followed a cycling coach for two years and likes her honest "
        "reviews. When his bottle cracks, he does not search: he opens her "
        "profile, taps her link and uses her discount code. Trust came first; the "
        "need appeared later; her link was the touchpoint."
    ),
}

#: The ordering explorer.
EXPLORER = {
    "intro": "Put the three factors in the order a shopper meets them. "
    "The explorer tells you which kind of e-commerce that is.",
    "positions": ("1st", "2nd", "3rd"),
    "result_html": (
        "<h4 style='margin:0.2em 0'>{name}</h4>"
        "<p style='margin:0.2em 0'><b>Steps:</b> {steps}</p>"
        "<p style='margin:0.2em 0'><b>Where you see it:</b> {platforms}</p>"
        "<p style='margin:0.4em 0'><b>A story:</b> {story}</p>"
    ),
    "none_html": "<h4 style='margin:0.2em 0'>{heading}</h4>",
    "none_heading": "Not one of the three orderings",
    "arrow": " → ",
    "purchase": "purchase",
    "factor_names": {"need": "need", "touchpoint": "touchpoint", "trust": "trust"},
    "repeated": "Each factor must appear exactly once. You chose {repeated} more than "
    "once and left out {missing}.",
    "not_an_ordering": "{steps} is not one of the three orderings in this course: no "
    "kind of e-commerce works that way. Hint: {hint}",
    "hint_swap": "swap the {a} and {b} steps to get {name}.",
    "and": " and ",
    "position_names": ("1st", "2nd", "3rd"),
}

#: The funnel lab.
FUNNEL_LAB = {
    "intro": "{name}: move a lever and watch the funnel. Each bar is how many "
    "shoppers are still on the way to buying.",
    "numbers_html": (
        "<div style='font-size:1.05em; line-height:1.6'>"
        "<b>Orders:</b> {orders} &nbsp;·&nbsp; "
        "<b>Conversion:</b> {conversion} of shoppers &nbsp;·&nbsp; "
        "<b>GMV:</b> {gmv}"
        "</div>"
    ),
    "levers": "Levers",
    "simulation": "Simulation",
}

#: Compare the three orderings.
COMPARE = {
    "intro": "One product, the same shoppers, three orderings. Move a lever and see "
    "which ordering sells it best.",
    "table_head_html": (
        "<tr><th style='text-align:left; padding-right:1em'>Ordering</th>"
        "<th style='text-align:right; padding-right:1em'>Orders</th>"
        "<th style='text-align:right; padding-right:1em'>Conversion</th>"
        "<th style='text-align:right'>GMV</th></tr>"
    ),
    "table_row_html": (
        "<tr><td style='padding-right:1em; color:{colour}'><b>{name}</b></td>"
        "<td style='text-align:right; padding-right:1em'>{orders}</td>"
        "<td style='text-align:right; padding-right:1em'>{conversion}</td>"
        "<td style='text-align:right'>{gmv}</td></tr>"
    ),
    "best": "Most GMV for this product: {name}.",
    "tie": "The orderings bring the same GMV for this product.",
}
