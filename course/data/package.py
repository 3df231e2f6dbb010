"""The Frictionless Data Package descriptor of the bundled datasets.

:func:`build_descriptor` returns the content of ``datasets/datapackage.json``:
for every file its fields, types, units, constraints and descriptions, how it
was made, its licence, size and SHA-256 hash. The generator writes it; the
loaders check every file against it (see :mod:`course.data.schema`), and the
tests validate it with the ``frictionless`` package when that is installed.

Fields carry two properties of our own, which Frictionless ignores: ``unit``
(what a number counts or measures) and ``wholeNumber`` (a number column,
written with thousands separators in an export, whose values must be whole).
"""

from __future__ import annotations

__all__ = ["build_descriptor"]

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
MISSING = ["", "--"]


def _field(
    name: str,
    type_: str,
    description: str,
    *,
    unit: str | None = None,
    required: bool = True,
    **extra: object,
) -> dict:
    field: dict = {"name": name, "type": type_, "description": description}
    if unit:
        field["unit"] = unit
    constraints = dict(extra.pop("constraints", {}))
    if required:
        constraints["required"] = True
    field.update(extra)
    if constraints:
        field["constraints"] = constraints
    return field


def _score(name: str, meaning: str) -> dict:
    return _field(
        name,
        "number",
        f"{meaning} Teaching score 0-1, set by hand per product (illustrative).",
        unit="score 0-1",
        constraints={"minimum": 0, "maximum": 1},
    )


def _count(name: str, description: str, unit: str, *, constraints: dict | None = None) -> dict:
    return _field(
        name, "integer", description, unit=unit, constraints={"minimum": 0, **(constraints or {})}
    )


def _export_count(name: str, description: str, unit: str, *, required: bool = True) -> dict:
    return _field(
        name,
        "number",
        description + " Written with ',' thousands separators.",
        unit=unit,
        groupChar=",",
        bareNumber=True,
        wholeNumber=True,
        required=required,
        constraints={"minimum": 0},
    )


def _export_money(name: str, description: str, *, required: bool = True) -> dict:
    return _field(
        name,
        "number",
        description + " Written like $12,905.25.",
        unit="USD",
        groupChar=",",
        bareNumber=False,
        required=required,
        constraints={"minimum": 0},
    )


def _export_pct(name: str, description: str, *, share: bool = True) -> dict:
    constraints: dict = {"minimum": 0}
    if share:
        constraints["maximum"] = 100
    return _field(
        name,
        "number",
        description + " Written like 5.63% (percentage points).",
        unit="percent",
        bareNumber=False,
        constraints=constraints,
    )


def _products() -> list[dict]:
    return [
        _field("sku", "string", "The seller's stock-keeping unit code.",
               constraints={"unique": True, "pattern": "[A-Z]{2}-[A-Z0-9-]+"}),
        _field("product_name", "string", "Short product name in plain English."),
        _field("category", "string", "Product category.",
               constraints={"enum": ["phone accessories", "kitchen", "fitness", "beauty",
                                     "home", "pet", "outdoor", "office"]}),
        _field("price_usd", "number", "Selling price on Amazon (illustrative).", unit="USD",
               constraints={"minimum": 0.01}),
        _field("rating", "number", "Average Amazon star rating (synthetic, rises with "
               "quality).", unit="stars 1-5", constraints={"minimum": 1, "maximum": 5}),
        _count("review_count", "Number of Amazon ratings and reviews (synthetic).", "reviews"),
        _score("showability", "How well the product shows in a short video."),
        _score("impulse", "How easily it is bought on the spot, without planning."),
        _score("considered", "How much research a buyer does before buying."),
        _score("identity", "How much people buy it on a creator's word or as part of a "
               "lifestyle they identify with."),
        _field("margin", "number", "Profit after product cost, fees and shipping, as a "
               "fraction of price (illustrative).", unit="fraction of price",
               constraints={"minimum": 0, "maximum": 1}),
        _field("quality", "number", "Chance that a buyer is satisfied (illustrative); drives "
               "ratings and refunds.", unit="probability 0-1",
               constraints={"minimum": 0, "maximum": 1}),
        _field("amazon_asin", "string", "The child ASIN of the product's Amazon listing; "
               "matches '(Child) ASIN' in amazon_business_report.csv.",
               constraints={"unique": True, "pattern": "B0[0-9A-Z]{8}"}),
        _count("amazon_sessions_30d", "Amazon sessions in the last 30 days; equals "
               "'Sessions - Total' in the business report.", "sessions"),
        _count("amazon_units_30d", "Units ordered on Amazon in the last 30 days; equals "
               "'Units Ordered'.", "units"),
        _field("amazon_sales_usd_30d", "number", "Ordered product sales on Amazon in the "
               "last 30 days; equals 'Ordered Product Sales'.", unit="USD",
               constraints={"minimum": 0}),
        _field("amazon_parent_asin", "string", "The parent ASIN (variations share one; a "
               "product without variations is its own parent).",
               constraints={"pattern": "B0[0-9A-Z]{8}"}),
        _field("on_tiktok", "boolean", "Whether the seller has listed it on TikTok Shop."),
        _field("tiktok_product_id", "string", "TikTok Shop product ID (19 digits, kept as "
               "text) when listed there; empty otherwise. Colour variants share one.",
               required=False, constraints={"pattern": "[0-9]{19}"}),
    ]  # fmt: skip


def _amazon() -> list[dict]:
    return [
        _field("(Parent) ASIN", "string", "Parent ASIN: the product family.",
               constraints={"pattern": "B0[0-9A-Z]{8}"}),
        _field("(Child) ASIN", "string", "Child ASIN: one variation; one row each.",
               constraints={"unique": True, "pattern": "B0[0-9A-Z]{8}"}),
        _field("Title", "string", "Listing title."),
        _field("SKU", "string", "The seller's SKU; matches products.csv."),
        _export_count("Sessions - Total", "Visits to the listing (a shopper's visits within "
                      "24 hours count once).", "sessions"),
        _export_count("Sessions - Total - B2B", "Sessions by Amazon Business customers (part "
                      "of the total).", "sessions"),
        _export_pct("Session Percentage - Total", "This ASIN's share of all the seller's "
                    "sessions."),
        _export_pct("Session Percentage - Total - B2B", "This ASIN's share of all B2B "
                    "sessions."),
        _export_count("Page Views - Total", "Pages of the listing viewed.", "page views"),
        _export_count("Page Views - Total - B2B", "Page views by business customers.",
                      "page views"),
        _export_pct("Page Views Percentage - Total", "This ASIN's share of all page views."),
        _export_pct("Page Views Percentage - Total - B2B", "This ASIN's share of B2B page "
                    "views."),
        _export_pct("Featured Offer (Buy Box) Percentage", "Share of page views on which "
                    "the seller held the Buy Box (the Featured Offer)."),
        _export_pct("Featured Offer (Buy Box) Percentage - B2B", "The same for business "
                    "customers."),
        _export_count("Units Ordered", "Units ordered (B2B included).", "units"),
        _export_count("Units Ordered - B2B", "Units ordered by business customers.", "units"),
        _export_pct("Unit Session Percentage", "Units ordered / sessions: Amazon's "
                    "conversion rate. Can exceed 100% when buyers order several units.",
                    share=False),
        _export_pct("Unit Session Percentage - B2B", "The same for business customers.",
                    share=False),
        _export_money("Ordered Product Sales", "Value of the units ordered (B2B included)."),
        _export_money("Ordered Product Sales - B2B", "Value of the units ordered by business "
                      "customers."),
        _export_count("Total Order Items", "Order items: orders of this ASIN.", "orders"),
        _export_count("Total Order Items - B2B", "Order items from business customers.",
                      "orders"),
    ]  # fmt: skip


def _tiktok() -> list[dict]:
    return [
        _field("Product Name", "string", "Product name on TikTok Shop."),
        _field("Product ID", "string", "TikTok Shop product ID (19 digits, text).",
               constraints={"unique": True, "pattern": "[0-9]{19}"}),
        _export_money("GMV", "Gross merchandise value: the value of paid orders, cancelled "
                      "and refunded ones included; the sum of the four channel GMVs."),
        _export_count("Orders", "Paid orders that included the product.", "orders"),
        _export_count("SKU orders", "SKU orders (an order of two variations counts two).",
                      "SKU orders"),
        _export_count("Items sold", "Units sold.", "units"),
        _export_money("AOV (SKU orders)", "Average value of a SKU order: GMV / SKU orders; "
                      "'--' when there were none.", required=False),
        _export_count("Product impressions", "Times the product was shown (videos, LIVE, "
                      "product card, search).", "impressions"),
        _export_count("Product clicks", "Clicks on the product.", "clicks"),
        _export_pct("CTR", "Click-through rate: product clicks / product impressions."),
        _export_count("Add-to-cart count", "Times the product was added to a cart.",
                      "additions"),
        _export_pct("CTOR (SKU order)", "Click-to-order rate: SKU orders / product clicks.",
                    share=False),
        _export_money("Refunds", "Amount refunded to buyers."),
        _export_count("Items refunded", "Units refunded.", "units"),
        _export_money("Seller LIVE GMV", "GMV from the seller's own LIVE streams."),
        _export_money("Seller video GMV", "GMV from the seller's own videos."),
        _export_money("Creator GMV", "GMV from affiliate creators' videos."),
        _export_money("Product card GMV", "GMV from the product card: TikTok search, the shop "
                      "tab and recommendations."),
    ]  # fmt: skip


def _videos() -> list[dict]:
    return [
        _field("video_id", "string", "Video ID (19 digits, text).",
               constraints={"unique": True, "pattern": "[0-9]{19}"}),
        _field("posted_date", "date", "Day the video was posted.",
               constraints={"minimum": "2024-05-01", "maximum": "2024-05-30"}),
        _field("account", "string", "Who posted it: the seller's own account or an affiliate "
               "creator.", constraints={"enum": ["seller", "creator"]}),
        _field("creator_id", "string", "The creator (creators.csv) for creator videos; empty "
               "for the seller's own.", required=False, constraints={"pattern": "CR[0-9]{3}"}),
        _field("tiktok_product_id", "string", "The product featured (Product ID in "
               "tiktok_product_analytics.csv).", constraints={"pattern": "[0-9]{19}"}),
        _field("product_name", "string", "The product featured."),
        _field("content_type", "string", "Kind of video.",
               constraints={"enum": ["product demo", "problem and solution", "tutorial",
                                     "unboxing", "behind the scenes", "LIVE clip", "review",
                                     "routine", "day in my life", "before and after"]}),
        _count("duration_s", "Length of the video.", "seconds"),
        _count("views", "Views up to the end of the analysis period (heavy-tailed).", "views"),
        _field("avg_watch_s", "number", "Average time watched per view.", unit="seconds",
               constraints={"minimum": 0}),
        _field("completion_rate", "number", "Share of views watched to the end.",
               unit="fraction 0-1", constraints={"minimum": 0, "maximum": 1}),
        _count("likes", "Likes.", "likes"),
        _count("comments", "Comments.", "comments"),
        _count("shares", "Shares.", "shares"),
        _count("product_clicks", "Clicks on the product link in the video.", "clicks"),
        _count("orders", "Orders placed from the video.", "orders"),
        _count("items_sold", "Units sold from the video.", "units"),
        _field("gmv_usd", "number", "GMV from the video.", unit="USD",
               constraints={"minimum": 0}),
    ]  # fmt: skip


def _creators() -> list[dict]:
    return [
        _field("creator_id", "string", "Creator ID, CR001 ...",
               constraints={"unique": True, "pattern": "CR[0-9]{3}"}),
        _field("handle", "string", "Invented TikTok handle; any match with a real account is "
               "a coincidence.", constraints={"unique": True, "pattern": "@[a-z_]+[0-9]{2}"}),
        _field("category", "string", "What the creator mostly posts about.",
               constraints={"enum": ["fitness", "beauty", "home", "kitchen", "pets", "tech",
                                     "outdoors", "lifestyle", "fashion", "comedy"]}),
        _count("followers", "Followers (heavy-tailed: lognormal, truncated below at 1,000).",
               "followers", constraints={"minimum": 1000}),
        _field("engagement_rate", "number", "Average (likes + comments + shares) per view, "
               "falling slightly with size (illustrative; definitions differ between "
               "sources).", unit="fraction 0-1", constraints={"minimum": 0, "maximum": 1}),
        _count("avg_views_per_video", "Average views of the creator's videos.", "views"),
        _count("videos_per_month", "Videos posted per month.", "videos"),
        _field("commission_rate", "number", "Affiliate commission the creator usually asks "
               "for, as a fraction of GMV (illustrative).", unit="fraction of GMV",
               constraints={"minimum": 0, "maximum": 1}),
        _field("typical_gmv_per_video_usd", "number", "GMV a typical video of theirs brings "
               "a product that fits their audience.", unit="USD", constraints={"minimum": 0}),
        _field("worked_with_seller", "boolean", "Whether the creator made videos for the "
               "seller this period (their videos are in tiktok_videos.csv)."),
    ]  # fmt: skip


def _stories() -> list[dict]:
    factor = {"enum": ["need", "touchpoint", "trust"]}
    return [
        _field("story_id", "string", "S01, S02, ...",
               constraints={"unique": True, "pattern": "S[0-9]{2}"}),
        _field("story", "string", "The purchase story, 2-4 sentences of plain English."),
        _field("platform", "string", "Where the money changed hands."),
        _field("first", "string", "The factor that appeared first.", constraints=factor),
        _field("second", "string", "The factor that appeared second.", constraints=factor),
        _field("third", "string", "The factor that appeared third.", constraints=factor),
        _field("ordering", "string", "The ordering those three name "
               "(course.factors.classify).",
               constraints={"enum": ["search", "interest", "social"]}),
        _field("tricky", "boolean", "Whether the surface of the story (platform, creator, "
               "video) suggests a different ordering than the factors' order."),
        _field("explanation", "string", "Why the label is what it is."),
    ]  # fmt: skip


_RESOURCES = {
    "products": {
        "title": "The seller's catalogue",
        "description": "44 SKUs of one fictional small brand in 8 categories: price, "
        "teaching scores (showability, impulse, considered, identity, quality), margin, "
        "Amazon rating and reviews, and the last 30 days on Amazon. Synthetic.",
        "fields": _products,
        "primaryKey": ["sku"],
    },
    "amazon_business_report": {
        "title": "Amazon business report, last 30 days (Detail Page Sales and Traffic By "
        "Child Item)",
        "description": "The same seller's last 30 days on amazon.com, in the column layout "
        "of Seller Central's business report, with its quirks: thousands separators, "
        "dollar signs, percentages as text. Synthetic.",
        "fields": _amazon,
        "primaryKey": ["(Child) ASIN"],
    },
    "tiktok_product_analytics": {
        "title": "TikTok Shop product analytics export, the same 30 days",
        "description": "The seller's first month on TikTok Shop as Seller Center exports "
        "it: a date line, a blank line, then the header on row 3. Synthetic.",
        "fields": _tiktok,
        "primaryKey": ["Product ID"],
        "dialect": {"headerRows": [3]},
    },
    "tiktok_videos": {
        "title": "TikTok videos featuring the seller's products",
        "description": "One row per video posted in the 30 days, by the seller's account "
        "or by affiliate creators, with views (heavy-tailed), watch time, engagement, "
        "clicks, orders and GMV. Synthetic.",
        "fields": _videos,
        "primaryKey": ["video_id"],
        "foreignKeys": [
            {
                "fields": ["creator_id"],
                "reference": {"resource": "creators", "fields": ["creator_id"]},
            }
        ],
    },
    "creators": {
        "title": "Affiliate creators",
        "description": "150 invented TikTok creators who could promote the seller's "
        "products: followers (heavy-tailed), engagement, category, commission, typical "
        "GMV per video. Synthetic.",
        "fields": _creators,
        "primaryKey": ["creator_id"],
    },
    "purchase_stories": {
        "title": "Purchase stories for chapter 1",
        "description": "36 short stories of how someone came to buy something, each "
        "labelled with the order in which need, touchpoint and trust appeared and the "
        "ordering that names. Written by hand for the course; fiction.",
        "fields": _stories,
        "primaryKey": ["story_id"],
    },
}


def build_descriptor(stats: dict[str, tuple[int, str]], *, seed: int) -> dict:
    """Return the Data Package descriptor as a dict.

    Parameters
    ----------
    stats : dict
        Dataset name -> (size in bytes, SHA-256 hex digest) of its file.
    seed : int
        The generator's seed, recorded in each resource's ``sources``.
    """
    from course.data.registry import DATASETS

    resources = []
    for name, spec in _RESOURCES.items():
        size, digest = stats[name]
        made = (
            "Written by hand in course/data/stories.py."
            if name == "purchase_stories"
            else f"Generated by `python -m course.data generate` with seed {seed}."
        )
        resource = {
            "name": name,
            "path": DATASETS[name],
            "profile": "tabular-data-resource",
            "title": spec["title"],
            "description": spec["description"],
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": size,
            "hash": f"sha256:{digest}",
            "synthetic": True,
            "sources": [{"title": made}],
            "licenses": [LICENSE],
        }
        if "dialect" in spec:
            resource["dialect"] = spec["dialect"]
        schema: dict = {"fields": spec["fields"](), "missingValues": MISSING}
        schema["primaryKey"] = spec["primaryKey"]
        if "foreignKeys" in spec:
            schema["foreignKeys"] = spec["foreignKeys"]
        resource["schema"] = schema
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "shelf-to-feed-datasets",
        "title": "From Shelf to Feed: bundled course datasets",
        "description": "Synthetic data for the From Shelf to Feed course: one fictional "
        "seller's catalogue, Amazon business report and first month on TikTok Shop, the "
        "creators and videos around it, and hand-written purchase stories. Everything is "
        "invented; nothing describes a real seller, creator or shopper. See README.md in "
        "this folder for a data card per file.",
        "version": "1.0.0",
        "licenses": [LICENSE],
        "contributors": [{"title": "From Shelf to Feed contributors", "role": "author"}],
        "keywords": ["e-commerce", "TikTok Shop", "Amazon", "teaching", "synthetic"],
        "resources": resources,
    }
