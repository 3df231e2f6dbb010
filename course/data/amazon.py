"""Read an Amazon Seller Central business report into a clean table.

The report is *Reports > Business Reports > Detail Page Sales and Traffic By
Child Item* in Seller Central, downloaded as CSV (or saved as XLSX). One row is
one child ASIN (one variation of a product) over the chosen dates.
"""

from __future__ import annotations

import os
import re
from typing import BinaryIO

import pandas as pd

from course.data.cleaning import Column, build_table, normalise_header, read_grid

__all__ = ["AMAZON_COLUMNS", "CORE_COLUMNS", "read_amazon_business_report"]

#: The columns every result has, in this order.
CORE_COLUMNS = (
    "parent_asin",
    "child_asin",
    "title",
    "sku",
    "sessions",
    "page_views",
    "buy_box_pct",
    "units_ordered",
    "unit_session_pct",
    "sales",
    "order_items",
)


def _metric(key: str, kind: str, names: list[str], required: bool) -> list[Column]:
    """A metric and its B2B twin, under every header Amazon has used for them."""
    twin = [f"{n} - B2B" for n in names]
    return [Column(key, tuple(names), kind, required), Column(f"{key}_b2b", tuple(twin), kind)]


def _device(key: str, kind: str, stem: str) -> list[Column]:
    """Mobile-app and browser breakdowns (and their B2B twins), newer reports only."""
    out = []
    for device, suffix in (("Mobile App", "mobile_app"), ("Browser", "browser")):
        out.append(Column(f"{key}_{suffix}", (f"{stem} - {device}",), kind))
        out.append(Column(f"{key}_{suffix}_b2b", (f"{stem} - {device} - B2B",), kind))
    return out


#: Every column the reader knows. Current headers first, then the legacy names.
AMAZON_COLUMNS: tuple[Column, ...] = (
    Column("parent_asin", ("(Parent) ASIN", "Parent ASIN"), "id", True),
    Column("child_asin", ("(Child) ASIN", "Child ASIN", "ASIN"), "id", True),
    Column("title", ("Title", "Product Name", "Item Name"), "text", True),
    Column("sku", ("SKU", "Seller SKU"), "text", True),
    *_metric("sessions", "count", ["Sessions - Total", "Sessions"], True),
    *_metric("session_pct", "share", ["Session Percentage - Total", "Session Percentage"], False),
    *_metric("page_views", "count", ["Page Views - Total", "Page Views"], True),
    *_metric(
        "page_views_pct",
        "share",
        ["Page Views Percentage - Total", "Page Views Percentage"],
        False,
    ),
    *_metric(
        "buy_box_pct",
        "share",
        ["Featured Offer (Buy Box) Percentage", "Buy Box Percentage", "Featured Offer Percentage"],
        True,
    ),
    *_metric("units_ordered", "count", ["Units Ordered"], True),
    *_metric("unit_session_pct", "ratio", ["Unit Session Percentage"], True),
    *_metric("sales", "money", ["Ordered Product Sales", "Gross Product Sales"], True),
    *_metric("order_items", "count", ["Total Order Items", "Orders Placed"], True),
    *_device("sessions", "count", "Sessions"),
    *_device("session_pct", "share", "Session Percentage"),
    *_device("page_views", "count", "Page Views"),
    *_device("page_views_pct", "share", "Page Views Percentage"),
)

_BY_CHILD_HINT = (
    "This looks like another report: download 'Detail Page Sales and Traffic By Child "
    "Item' (not 'By Parent Item') from Reports > Business Reports in Seller Central."
)
_TOTAL_WORDS = re.compile(r"^(grand\s+)?(totals?|sum|all|合计|总计|總計|合計)\s*:?$", re.IGNORECASE)


def _is_totals_row(raw: dict[str, object]) -> bool:
    """A row some sellers add at the bottom: 'Total' in an identifier cell."""
    for key in ("parent_asin", "child_asin", "title", "sku"):
        cell = raw.get(key)
        if isinstance(cell, str) and _TOTAL_WORDS.match(normalise_header(cell)):
            return True
    return False


def _check_twins(frame: pd.DataFrame, written: dict[str, str], source: str) -> None:
    """A B2B figure is part of the total: it can never exceed it."""
    problems = []
    for key in ("sessions", "page_views", "units_ordered", "order_items", "sales"):
        twin = f"{key}_b2b"
        if twin not in frame.columns:
            continue
        total = frame[key].astype("float64")
        part = frame[twin].astype("float64")
        bad = frame.index[(part > total + 1e-6).fillna(False).to_numpy()]
        for row in bad:
            problems.append(
                f"column {written[twin]!r} ({twin}), row {row} (row number as Excel shows "
                f"it): {frame.at[row, twin]} is more than {written[key]!r} "
                f"({frame.at[row, key]}); the B2B figure is part of the total"
            )
    if problems:
        raise ValueError(
            f"{source}: {len(problems)} value(s) cannot be used:\n  " + "\n  ".join(problems[:12])
        )


def read_amazon_business_report(
    path: str | os.PathLike | BinaryIO,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    unknown_columns: str = "error",
) -> pd.DataFrame:
    """Read a Seller Central "Detail Page Sales and Traffic By Child Item" report.

    Parameters
    ----------
    path : str, os.PathLike or binary file object
        The downloaded report, CSV or XLSX (told from the file's content, not its
        name). The file is only read: never written to, moved or locked. An
        ``io.BytesIO`` holding an uploaded file's bytes works too.
    encoding : str, optional
        Text encoding of a CSV file. Detected when ``None``: UTF-8 with or
        without a byte-order mark, UTF-16, GBK/GB18030 (Excel in a Chinese
        locale) and Windows-1252 are recognised.
    sheet : str, optional
        Worksheet of an XLSX file (the first sheet when ``None``).
    unknown_columns : {"error", "keep", "drop"}
        A column the reader does not know (for example one you added for
        notes) is refused by default, with a message listing the expected and
        found columns. ``"keep"`` keeps it as text under its own header;
        ``"drop"`` leaves it out.

    Returns
    -------
    pandas.DataFrame
        One row per child ASIN, indexed by ``file_row`` (the row's number as
        Excel shows it). Columns, always present and in this order:

        ============== ======= ===============================================
        column         dtype   meaning
        ============== ======= ===============================================
        parent_asin    string  the parent ASIN (the product family)
        child_asin     string  the child ASIN (one variation)
        title          string  the listing title
        sku            string  the seller's SKU
        sessions       Int64   visits to the listing (a shopper's visits within
                               24 hours count once)
        page_views     Int64   pages viewed on the listing
        buy_box_pct    float   share of page views where the seller held the
                               Buy Box (Featured Offer), a fraction 0-1
        units_ordered  Int64   units ordered
        unit_session_pct float units ordered / sessions, a fraction (may
                               exceed 1 when buyers order several units)
        sales          float   ordered product sales, in the report's currency
                               (USD for amazon.com)
        order_items    Int64   order items (orders of this ASIN)
        ============== ======= ===============================================

        Also, when the report has them: ``session_pct`` and ``page_views_pct``
        (this ASIN's share of all sessions and page views, fractions), the B2B
        twins (``sessions_b2b``, ``units_ordered_b2b``, ... : the part of each
        figure from Amazon Business customers), and the mobile-app and browser
        breakdowns (``sessions_mobile_app``, ``page_views_browser``, ...).
        Missing values (empty, ``--``, ``—``, ``N/A``) are NaN or <NA>, never 0.

        ``df.attrs`` holds ``source`` (the path), ``file_format`` ("csv" or
        "xlsx"), ``encoding``, ``header_row``, ``columns`` (snake_case name ->
        header as written in the file) and ``dropped_rows``: a list of
        ``{"row": n, "reason": "blank row" | "totals row"}``.

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If the file is empty or has no data rows; if required columns are
        missing or unknown ones are present (the message lists expected and
        found headers); or if any value is impossible (not a number, negative,
        a fraction of a session, a percentage of a whole over 100%, a B2B
        figure above its total, a repeated child ASIN). Every bad value is
        listed with its column, its row as Excel numbers rows, and the value.

    Notes
    -----
    Headers are matched exactly after folding dashes (en and em dashes become
    hyphens), spaces and case, never by substring: ``Sessions - Total`` does not
    catch ``Sessions - Total - B2B``. The older header (``Sessions``, ``Session
    Percentage``, ``Page Views``, ``Buy Box Percentage``, ``Units Ordered``,
    ``Unit Session Percentage``, ``Gross Product Sales``, ``Orders Placed``) is
    read into the same columns.

    Amazon's own export has no totals row. A row that you or a colleague added
    with "Total" (or "Totals", "Grand total", "合计", "总计") in an identifier
    cell is dropped and listed in ``attrs["dropped_rows"]``; a row with numbers
    but no ASIN and no such label is an error, because guessing could lose a
    product.

    Examples
    --------
    >>> from course import data
    >>> report = data.read_amazon_business_report(data.path("amazon_business_report"))
    >>> list(report.columns[:4])
    ['parent_asin', 'child_asin', 'title', 'sku']
    """
    grid = read_grid(path, encoding=encoding, sheet=sheet)
    result = build_table(
        grid,
        AMAZON_COLUMNS,
        what="Amazon business report",
        unknown_columns=unknown_columns,
        is_totals_row=_is_totals_row,
        id_key="child_asin",
        missing_hints={"child_asin": _BY_CHILD_HINT},
    )
    frame = result.frame
    _check_twins(frame, result.columns, grid.source)
    known = [c.key for c in AMAZON_COLUMNS]
    optional = [k for k in known if k in frame.columns and k not in CORE_COLUMNS]
    extra = [c for c in frame.columns if c not in known]
    frame = frame[[*CORE_COLUMNS, *optional, *extra]]
    frame.attrs = {
        "source": grid.source,
        "file_format": grid.file_format,
        "encoding": grid.encoding,
        "header_row": result.header_row,
        "columns": dict(result.columns),
        "dropped_rows": list(result.dropped_rows),
    }
    return frame
