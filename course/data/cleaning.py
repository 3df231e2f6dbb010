"""Read messy spreadsheet exports and turn their cells into clean numbers.

Sellers' exports from Amazon Seller Central and TikTok Shop Seller Center arrive
as CSV or XLSX, sometimes re-saved by Excel in a Chinese locale (GBK/GB18030) or
with a byte-order mark, with thousands separators (``"12,131"``), money with a
currency sign (``"$12,905.25"``), percentages (``"5.63%"``) and dashes for
missing values. This module does the parts every reader shares:

* :func:`read_grid` reads a file (never writing to it) into rows of raw cells,
  remembering each row's number as Excel shows it;
* :func:`normalise_header` makes header matching exact but forgiving about
  dashes, spaces and case;
* :func:`parse_cell` turns one raw cell into a number or text, or says why not;
* :func:`build_table` finds the header, maps the columns, skips blank and totals
  rows and returns a typed DataFrame, raising one ValueError that lists every
  bad cell by column, row and value.
"""

from __future__ import annotations

import csv
import io
import math
import numbers
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from course._validate import check_choice

__all__ = [
    "MISSING_TOKENS",
    "Column",
    "Grid",
    "Percent",
    "build_table",
    "decode_bytes",
    "is_missing",
    "normalise_header",
    "parse_cell",
    "read_grid",
]

#: Cell texts that mean "no value" (compared after stripping, case-insensitive).
#: They become NaN, never 0.
MISSING_TOKENS = frozenset(
    {"", "-", "--", "---", "—", "——", "–", "n/a", "na", "#n/a", "null", "none", "nan"}
)

#: Kinds of column a reader knows how to clean.
KINDS = ("text", "id", "count", "money", "share", "ratio")

_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"
)
_CURRENCY = re.compile(r"^(?:US\$|USD|CA\$|C\$|AU\$|A\$|MX\$|HK\$|S\$|\$|£|€|¥|￥|RMB|CNY|GBP|EUR)")
_CURRENCY_END = re.compile(r"(?:USD|GBP|EUR|CNY|RMB|\$|£|€|¥|￥|元)$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$|^\.\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?e\+?\d+$", re.IGNORECASE)
_MAX_ERRORS_SHOWN = 12
_EXCEL_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Percent(float):
    """A fraction read from an XLSX cell formatted as a percentage.

    Excel stores ``5.63%`` as the number ``0.0563`` with a percent format; such a
    cell is read as this type so that :func:`parse_cell` does not divide it by
    100 a second time.
    """


# ---------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------


@dataclass
class Grid:
    """A sheet of raw cells, as read from a CSV or XLSX file.

    Attributes
    ----------
    rows : list of list
        The cells of each row: ``str``, ``int``, ``float``, :class:`Percent`,
        ``datetime`` or ``None``.
    row_numbers : list of int
        For each row, its number as Excel shows it (1 for the first line).
    source : str
        The file's path, for messages.
    file_format : str
        ``"csv"`` or ``"xlsx"``.
    encoding : str or None
        The text encoding a CSV file was read with (``None`` for XLSX).
    sheet : str or None
        The worksheet read from an XLSX file.
    """

    rows: list[list[object]]
    row_numbers: list[int]
    source: str
    file_format: str
    encoding: str | None = None
    sheet: str | None = None


def _check_path(path: object, name: str = "path") -> Path:
    if isinstance(path, (bytes, bytearray)) or not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"{name} must be a file path (str or pathlib.Path); got {path!r} "
            f"(type {type(path).__name__})"
        )
    p = Path(path).expanduser()
    if not p.exists():
        raise FileNotFoundError(f"{name}: no file at {str(p)!r}")
    if p.is_dir():
        raise IsADirectoryError(f"{name}: {str(p)!r} is a folder, not a file")
    return p


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes, detecting the encodings Excel saves with.

    Parameters
    ----------
    data : bytes
        The whole file.
    encoding : str, optional
        Force this codec (any name Python knows). By default it is detected:
        a UTF-8 byte-order mark means ``utf-8-sig``; a UTF-16 byte-order mark
        (Excel's "Unicode text") means ``utf-16``; otherwise strict UTF-8 is
        tried, then GB18030 (a superset of GBK, what Excel writes in a Chinese
        locale), then Windows-1252 (Excel in a Western locale).

    Returns
    -------
    text, encoding : str, str
        The decoded text and the name of the codec used.

    Raises
    ------
    ValueError
        If a forced ``encoding`` cannot decode the bytes, or no codec fits.
    """
    if encoding is not None:
        if not isinstance(encoding, str):
            raise TypeError(f"encoding must be a codec name (str) or None; got {encoding!r}")
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ValueError(f"encoding {encoding!r} is not a codec Python knows") from None
        except UnicodeDecodeError as err:
            raise ValueError(
                f"the file cannot be read as {encoding!r}: byte {err.start} is "
                f"{data[err.start : err.start + 1]!r}. Leave encoding=None to detect it."
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for codec in ("utf-8", "gb18030", "cp1252"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise ValueError(  # pragma: no cover - cp1252 decodes almost anything
        "the file's text encoding was not recognised (tried UTF-8, GB18030, "
        "Windows-1252); save it from Excel as 'CSV UTF-8' and try again"
    )


def _sniff_delimiter(text: str) -> str:
    sample = text[:20_000]
    best, best_width = ",", 0
    for delim in (",", "\t", ";"):
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delim))[:40]
        width = max((len(r) for r in rows), default=0)
        if width > best_width:
            best, best_width = delim, width
    return best


def _read_csv_grid(data: bytes, source: str, encoding: str | None) -> Grid:
    text, used = decode_bytes(data, encoding)
    if text.startswith("\ufeff"):  # a BOM inside utf-16 text
        text = text[1:]
    delim = _sniff_delimiter(text)
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    except csv.Error as err:
        raise ValueError(f"{source}: not a readable CSV file ({err})") from None
    return Grid(rows, list(range(1, len(rows) + 1)), source, "csv", used)


def _read_xlsx_grid(data: bytes, source: str, sheet: str | None) -> Grid:
    import openpyxl  # imported here: only XLSX files need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        raise ValueError(f"{source}: not a readable XLSX workbook ({err})") from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise ValueError(
                f"sheet must be one of {', '.join(map(repr, book.sheetnames))}; got {sheet!r}"
            )
        rows: list[list[object]] = []
        numbers_: list[int] = []
        for r, row in enumerate(ws.iter_rows(), start=1):
            cells: list[object] = []
            for cell in row:
                value = cell.value
                fmt = cell.number_format or ""
                if isinstance(value, numbers.Real) and not isinstance(value, bool) and "%" in fmt:
                    value = Percent(value)
                cells.append(value)
            rows.append(cells)
            numbers_.append(r)
        return Grid(rows, numbers_, source, "xlsx", None, ws.title)
    finally:
        book.close()


def read_grid(
    path: str | os.PathLike | BinaryIO,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Grid:
    """Read a CSV or XLSX file into a :class:`Grid` of raw cells.

    The file is opened once, read-only, and closed before parsing starts: a
    reader never writes to, moves or locks the seller's file.

    Parameters
    ----------
    path : str, os.PathLike or binary file object
        The file. Its format is told from its first bytes (an XLSX file is a zip
        archive), not from its name, so an XLSX file saved as ``.csv`` still
        reads. An open binary file object (for example ``io.BytesIO`` holding
        the bytes of a file uploaded in a widget) is read from its current
        position and not closed.
    encoding : str, optional
        Text encoding for CSV files; detected when ``None`` (see
        :func:`decode_bytes`).
    sheet : str, optional
        Worksheet of an XLSX file; the first sheet when ``None``.

    Raises
    ------
    FileNotFoundError, IsADirectoryError
        If there is no such file.
    ValueError
        If the file is empty, is an old ``.xls`` workbook, or cannot be parsed.
    """
    if sheet is not None and not isinstance(sheet, str):
        raise TypeError(f"sheet must be a sheet name (str) or None; got {sheet!r}")
    if hasattr(path, "read"):
        data = path.read()
        if not isinstance(data, bytes):
            raise TypeError(
                "path must be a file path or a file opened in binary mode ('rb', or "
                f"io.BytesIO); its read() returned {type(data).__name__}"
            )
        source = str(getattr(path, "name", "the uploaded file"))
    else:
        p = _check_path(path)
        with open(p, "rb") as handle:
            data = handle.read()
        source = str(p)
    if not data.strip():
        raise ValueError(f"{source} is empty: it has no rows at all")
    if data.startswith(_EXCEL_MAGIC):
        return _read_xlsx_grid(data, source, sheet)
    if data.startswith(_OLE_MAGIC):
        raise ValueError(
            f"{source} is an old Excel 97-2003 workbook (.xls), which this course "
            "does not read. Open it in Excel and save it as .xlsx or as CSV UTF-8."
        )
    return _read_csv_grid(data, source, encoding)


# ---------------------------------------------------------------------------
# Headers and cells
# ---------------------------------------------------------------------------


def normalise_header(text: object) -> str:
    """Return a header in a canonical form for exact matching.

    Unicode compatibility forms are folded (full-width brackets become ASCII),
    every kind of dash becomes ``-`` with one space on each side, spaces are
    collapsed, a byte-order mark and surrounding quotes are removed, and the
    result is lower case. Matching is then exact: ``"Sessions – Total"`` and
    ``"sessions - total"`` match each other but never
    ``"Sessions - Total - B2B"``.

    Examples
    --------
    >>> normalise_header("Sessions \u2013 Total")
    'sessions - total'
    >>> normalise_header("（Child） ASIN")
    '(child) asin'
    """
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).translate(_DASHES)
    s = s.replace("\ufeff", "").replace("\u00a0", " ").strip().strip('"').strip()
    s = s.lower()
    s = re.sub(r"\s*-\s*", " - ", s)
    s = re.sub(r"\s*\(\s*", " (", s)
    s = re.sub(r"\s*\)\s*", ") ", s)
    return re.sub(r"\s+", " ", s).strip()


def is_missing(value: object) -> bool:
    """Whether a raw cell means "no value" (empty, a dash, "N/A", ...)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return value.strip().lower() in MISSING_TOKENS
    return False


class CellError(ValueError):
    """A cell that cannot be read; the message says why (without the location)."""


def _text_number(raw: str, *, money: bool, percent_allowed: bool) -> tuple[float, bool]:
    """Parse a number written as text. Returns (value, had_percent_sign)."""
    s = unicodedata.normalize("NFKC", raw).strip().replace("\u00a0", "").replace(" ", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.startswith(("-", "−")):
        negative, s = not negative, s[1:]
    elif s.startswith("+"):
        s = s[1:]
    had_percent = s.endswith("%")
    if had_percent:
        if not percent_allowed:
            raise CellError("has a % sign where a count or an amount was expected")
        s = s[:-1]
    if money or not had_percent:
        stripped = _CURRENCY.sub("", s)
        stripped = _CURRENCY_END.sub("", stripped)
        if stripped != s and not money:
            raise CellError("has a currency sign where a count or a percentage was expected")
        s = stripped
    if s.startswith(("-", "−")):  # "$-12.00"
        negative, s = not negative, s[1:]
    if _PLAIN.match(s):
        value = float(s)
    elif _GROUPED.match(s):
        value = float(s.replace(",", ""))
    elif _SCIENTIFIC.match(s):
        raise CellError(
            "is in scientific notation, which Excel uses when it has shortened a long "
            "number; the exact value is lost: download the export again and do not "
            "re-save it in Excel"
        )
    else:
        raise CellError(
            "is not a number (expected digits with optional ',' thousands separators "
            "and '.' decimals, e.g. 12,131 or 12905.25)"
        )
    return (-value if negative else value), had_percent


def parse_cell(value: object, kind: str) -> object:
    """Turn one raw cell into a clean value.

    Parameters
    ----------
    value : object
        The raw cell: text, a number, a :class:`Percent` or ``None``.
    kind : str
        What the column holds:

        ``"text"``
            Free text; stripped. Missing -> ``None``.
        ``"id"``
            An identifier such as an ASIN or a TikTok product ID: text, never a
            number (a 19-digit ID does not fit in a float). A number in
            scientific notation (``1.73E+18``, what Excel shows after it has
            shortened a long ID) is refused because its digits are lost.
        ``"count"``
            A whole number >= 0, e.g. ``"12,131"`` -> 12131.
        ``"money"``
            An amount, e.g. ``"$12,905.25"`` -> 12905.25 (currency signs and
            codes removed; a minus sign or brackets make it negative).
        ``"share"`` and ``"ratio"``
            A percentage returned as a fraction: ``"5.63%"`` -> 0.0563. Text or
            numbers without a ``%`` sign are read as percentage points
            (``5.63`` -> 0.0563), because the column's name says it is a
            percentage; an XLSX cell formatted as a percentage is already a
            fraction. A share must lie in [0, 100%]; a ratio (such as units per
            session) may exceed 100%.

    Returns
    -------
    object
        ``str`` or ``None`` for text and ids; ``float`` (``nan`` when missing)
        for numbers.

    Raises
    ------
    CellError
        If the cell cannot be read as ``kind``, or is out of range. The message
        says what is wrong; :func:`build_table` adds the column and row.
    """
    if kind in ("text", "id"):
        if is_missing(value) if kind == "id" else (value is None or str(value).strip() == ""):
            return None
        if kind == "id":
            if isinstance(value, bool):
                raise CellError("is not an identifier")
            if isinstance(value, numbers.Real):
                if float(value) != int(value):
                    raise CellError("is a fraction, not an identifier")
                if abs(value) > 2**53:
                    raise CellError(
                        "is a number too long for a spreadsheet to keep exactly; "
                        "the ID's last digits may be lost: download the export again"
                    )
                return str(int(value))
            text = unicodedata.normalize("NFKC", str(value)).strip()
            if _SCIENTIFIC.match(text):
                raise CellError(
                    "is an ID that Excel has shortened into scientific notation; its "
                    "digits are lost: download the export again and do not re-save it "
                    "in Excel (or format the column as Text before saving)"
                )
            return text
        return " ".join(str(value).split())
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}; got {kind!r}")
    if is_missing(value):
        return math.nan
    if isinstance(value, bool):
        raise CellError("is True/False, not a number")
    percent_kind = kind in ("share", "ratio")
    if isinstance(value, Percent):
        if not percent_kind:
            raise CellError("is formatted as a percentage where a count or amount was expected")
        x = float(value)
    elif isinstance(value, numbers.Real):
        x = float(value) / 100.0 if percent_kind else float(value)
    elif isinstance(value, str):
        number, _ = _text_number(value, money=kind == "money", percent_allowed=percent_kind)
        x = number / 100.0 if percent_kind else number
    else:
        raise CellError(f"is a {type(value).__name__}, not a number")
    if math.isnan(x) or math.isinf(x):
        raise CellError("is not a finite number")
    if x < 0:
        raise CellError("is negative; it cannot be below 0")
    if kind == "count" and x != math.floor(x):
        raise CellError("is not a whole number; a count must be 0, 1, 2, ...")
    if kind == "share" and x > 1.0 + 1e-9:
        raise CellError("is over 100%; a percentage of a whole cannot exceed 100%")
    return x


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column a reader knows.

    Attributes
    ----------
    key : str
        The snake_case name in the returned DataFrame.
    headers : tuple of str
        Headers that mean this column, as they appear in exports; the first is
        the one shown in messages. Matched after :func:`normalise_header`.
    kind : str
        One of ``"text"``, ``"id"``, ``"count"``, ``"money"``, ``"share"``,
        ``"ratio"`` (see :func:`parse_cell`).
    required : bool
        Whether a file without this column is refused.
    """

    key: str
    headers: tuple[str, ...]
    kind: str
    required: bool = False

    @property
    def dtype(self) -> str:
        """The pandas dtype of the cleaned column."""
        return {"text": "string", "id": "string", "count": "Int64"}.get(self.kind, "float64")


@dataclass
class TableResult:
    """What :func:`build_table` returns: the frame and what it noticed."""

    frame: pd.DataFrame
    header_row: int
    columns: dict[str, str]  # key -> header as written in the file
    dropped_rows: list[dict] = field(default_factory=list)
    preamble: list[list[object]] = field(default_factory=list)


def _row_is_blank(row: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and c.strip() == "") for c in row)


def _find_header(
    grid: Grid, lookup: dict[str, Column], *, min_matches: int, search_rows: int
) -> int:
    """Index (into grid.rows) of the first row with at least min_matches known headers."""
    for i, row in enumerate(grid.rows[:search_rows]):
        count = sum(1 for c in row if normalise_header(c) in lookup)
        if count >= min_matches:
            return i
    first = next((r for r in grid.rows if not _row_is_blank(r)), [])
    shown = [str(c) for c in first if c is not None and str(c).strip()][:12]
    raise ValueError(
        f"{grid.source}: no header row found in the first {search_rows} rows. "
        f"Expected a row with column names such as "
        f"{', '.join(repr(c.headers[0]) for c in list(dict.fromkeys(lookup.values()))[:8])}; "
        f"the first non-blank row has {shown!r}"
    )


def _column_letter(index: int) -> str:
    """Excel's letter for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _format_errors(source: str, errors: list[str]) -> str:
    head = f"{source}: {len(errors)} value(s) cannot be used"
    shown = errors[:_MAX_ERRORS_SHOWN]
    more = len(errors) - len(shown)
    tail = f"\n  ... and {more} more" if more > 0 else ""
    return head + ":\n  " + "\n  ".join(shown) + tail


def build_table(
    grid: Grid,
    columns: Sequence[Column],
    *,
    what: str,
    unknown_columns: str = "error",
    min_header_matches: int = 3,
    search_rows: int = 30,
    is_totals_row: Callable[[dict[str, object]], bool] | None = None,
    id_key: str | None = None,
    missing_hints: dict[str, str] | None = None,
) -> TableResult:
    """Turn a :class:`Grid` into a typed DataFrame with snake_case columns.

    Parameters
    ----------
    grid : Grid
        Raw cells from :func:`read_grid`.
    columns : sequence of Column
        The columns this kind of export may have.
    what : str
        The export's name for messages, e.g. ``"Amazon business report"``.
    unknown_columns : {"error", "keep", "drop"}
        What to do with a column whose header is not one of ``columns``:
        refuse the file (default, the message lists expected and found
        headers), keep it as raw text under its own header, or drop it.
    min_header_matches : int
        How many known headers a row needs to count as the header row.
    search_rows : int
        How many rows from the top to search for the header.
    is_totals_row : callable, optional
        Given a row's raw identifier cells by key, says whether it is a totals
        row to drop.
    id_key : str, optional
        The identifier column: a row without it (and not a totals row) is an
        error, and duplicates are errors.
    missing_hints : dict of str to str, optional
        A sentence to add to the error when the column with this key is
        missing (e.g. which report to download instead).

    Returns
    -------
    TableResult
        The frame (indexed by ``file_row``, each row's number as Excel shows
        it), the header row, the headers found and the rows dropped with the
        reason.

    Raises
    ------
    ValueError
        For a missing header, missing required columns, unknown or repeated
        columns, a file with no data rows, or bad cells (all listed at once,
        each with column, row and value).
    """
    policy = check_choice("unknown_columns", unknown_columns, ("error", "keep", "drop"))
    lookup: dict[str, Column] = {}
    for col in columns:
        for h in col.headers:
            lookup[normalise_header(h)] = col
    h_index = _find_header(grid, lookup, min_matches=min_header_matches, search_rows=search_rows)
    header = grid.rows[h_index]
    header_row = grid.row_numbers[h_index]

    found: dict[str, int] = {}  # key -> cell index
    written: dict[str, str] = {}
    unknown: list[tuple[int, str]] = []
    for j, cell in enumerate(header):
        norm = normalise_header(cell)
        if norm == "":
            # an empty header cell is harmless only if nothing is written below it
            if any(j < len(r) and not _row_is_blank([r[j]]) for r in grid.rows[h_index + 1 :]):
                unknown.append((j, f"(no header, column {_column_letter(j)})"))
            continue
        col = lookup.get(norm)
        if col is None:
            unknown.append((j, str(cell).strip()))
            continue
        if col.key in found:
            raise ValueError(
                f"{grid.source}: the {what} has two columns that mean the same thing: "
                f"{written[col.key]!r} and {str(cell).strip()!r} (both read as {col.key!r}); "
                "remove one of them"
            )
        found[col.key] = j
        written[col.key] = str(cell).strip()

    expected = [c.headers[0] for c in columns if c.required]
    missing = [c for c in columns if c.required and c.key not in found]
    found_headers = [str(c).strip() for c in header if c is not None and str(c).strip()]
    if missing:
        raise ValueError(
            f"{grid.source}: the {what} (header on row {header_row}) is missing "
            f"{len(missing)} required column(s): {', '.join(repr(c.headers[0]) for c in missing)}. "
            f"Expected at least: {', '.join(map(repr, expected))}. "
            f"Found: {', '.join(map(repr, found_headers))}."
            + "".join(f" {text}" for key, text in (missing_hints or {}).items() if key not in found)
        )
    if unknown and policy == "error":
        raise ValueError(
            f"{grid.source}: the {what} (header on row {header_row}) has "
            f"{len(unknown)} column(s) this reader does not know: "
            f"{', '.join(repr(u) for _, u in unknown)}. "
            f"Known columns: {', '.join(repr(c.headers[0]) for c in columns)}. "
            "If the extra columns are yours (notes, formulas), pass "
            "unknown_columns='keep' to keep them as text or 'drop' to leave them out."
        )
    keep_unknown = unknown if policy == "keep" else []

    # columns beyond the header with data in them would be lost silently
    width = len(header)
    ordered = [c for c in columns if c.key in found]
    data: dict[str, list[object]] = {c.key: [] for c in ordered}
    extra: dict[str, list[object]] = {name: [] for _, name in keep_unknown}
    file_rows: list[int] = []
    dropped: list[dict] = []
    errors: list[str] = []
    seen_ids: dict[str, int] = {}

    for i in range(h_index + 1, len(grid.rows)):
        row = grid.rows[i]
        excel_row = grid.row_numbers[i]
        if _row_is_blank(row):
            dropped.append({"row": excel_row, "reason": "blank row"})
            continue
        overflow = [
            c for c in row[width:] if not (c is None or (isinstance(c, str) and not c.strip()))
        ]
        if overflow:
            errors.append(
                f"row {excel_row}: has {len(overflow)} value(s) to the right of the last "
                f"header column ({overflow[0]!r}); the columns do not line up with the header"
            )
            continue
        raw = {c.key: (row[found[c.key]] if found[c.key] < len(row) else None) for c in ordered}
        if is_totals_row is not None and is_totals_row(raw):
            dropped.append({"row": excel_row, "reason": "totals row"})
            continue
        parsed: dict[str, object] = {}
        row_ok = True
        for col in ordered:
            try:
                parsed[col.key] = parse_cell(raw[col.key], col.kind)
            except CellError as err:
                errors.append(
                    f"column {written[col.key]!r} ({col.key}), row {excel_row} "
                    f"(row number as Excel shows it): {raw[col.key]!r} {err}"
                )
                row_ok = False
        if id_key is not None and row_ok:
            ident = parsed.get(id_key)
            id_header = written.get(id_key, id_key)
            if ident is None:
                errors.append(
                    f"column {id_header!r} ({id_key}), row {excel_row} (row number as "
                    f"Excel shows it): the row has numbers but no {id_header}; every row "
                    "must name its item (a totals row should say 'Total')"
                )
                row_ok = False
            elif ident in seen_ids:
                errors.append(
                    f"column {id_header!r} ({id_key}), row {excel_row} (row number as "
                    f"Excel shows it): {ident!r} appears again (first on row "
                    f"{seen_ids[ident]}); each item must appear once"
                )
                row_ok = False
            else:
                seen_ids[str(ident)] = excel_row
        if not row_ok:
            continue
        for col in ordered:
            data[col.key].append(parsed[col.key])
        for j, name in keep_unknown:
            cell = row[j] if j < len(row) else None
            extra[name].append(None if cell is None else str(cell))
        file_rows.append(excel_row)

    if errors:
        raise ValueError(_format_errors(grid.source, errors))
    if not file_rows:
        raise ValueError(
            f"{grid.source}: the {what} has a header (row {header_row}) but no data rows"
        )
    frame = pd.DataFrame(
        {c.key: pd.array(data[c.key], dtype=c.dtype) for c in ordered},
        index=pd.Index(file_rows, name="file_row"),
    )
    for name, values in extra.items():
        frame[name] = pd.array(values, dtype="string")
    preamble = [list(r) for r in grid.rows[:h_index]]
    return TableResult(frame, header_row, written, dropped, preamble)
