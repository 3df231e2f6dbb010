"""Check a CSV file against its Table Schema and return it typed.

A small, strict implementation of the parts of the Frictionless Table Schema
that the bundled descriptor uses, so that loading a bundled file needs no extra
package: field types ``string``, ``integer``, ``number`` (with ``groupChar``,
``decimalChar``, ``bareNumber``), ``boolean`` and ``date``; constraints
``required``, ``unique``, ``minimum``, ``maximum``, ``enum``, ``pattern``,
``minLength``, ``maxLength``; ``missingValues``; ``primaryKey``; the dialect's
``delimiter`` and ``headerRows``; and the resource's ``bytes`` and ``hash``.
Our own field property ``wholeNumber`` requires a number to be whole.

Every problem found is reported at once, each with the field, the row (as
Excel numbers rows: the file's line for a file without line breaks inside
cells) and the value.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import re
from pathlib import Path

import pandas as pd

__all__ = ["SchemaError", "check_file", "read_table"]

_MAX_SHOWN = 15
_TRUE = ("true", "True", "TRUE", "1")
_FALSE = ("false", "False", "FALSE", "0")


class SchemaError(ValueError):
    """A file does not match its descriptor; ``problems`` lists every mismatch."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = list(problems)
        shown = problems[:_MAX_SHOWN]
        more = len(problems) - len(shown)
        text = f"{source} does not match its descriptor ({len(problems)} problem(s)):\n  "
        text += "\n  ".join(shown)
        if more > 0:
            text += f"\n  ... and {more} more"
        super().__init__(text)


def _cast_number(text: str, field: dict) -> float:
    s = text.strip()
    group = field.get("groupChar")
    decimal = field.get("decimalChar", ".")
    if not field.get("bareNumber", True):
        s = re.sub(r"^[^\d\-+.]+|[^\d.]+$", "", s)
    if group:
        s = s.replace(group, "")
    if decimal != ".":
        s = s.replace(decimal, ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", s):
        raise ValueError("is not a number")
    value = float(s)
    if field.get("wholeNumber") and value != math.floor(value):
        raise ValueError("is not a whole number")
    return value


def _cast(text: str, field: dict) -> object:
    kind = field.get("type", "string")
    if kind == "string":
        return text
    if kind == "integer":
        s = text.strip()
        if not field.get("bareNumber", True):
            s = re.sub(r"^[^\d\-+]+|[^\d]+$", "", s)
        if not re.fullmatch(r"[+-]?\d+", s):
            raise ValueError("is not a whole number")
        return int(s)
    if kind == "number":
        return _cast_number(text, field)
    if kind == "boolean":
        if text in field.get("trueValues", _TRUE):
            return True
        if text in field.get("falseValues", _FALSE):
            return False
        raise ValueError("is not true or false")
    if kind == "date":
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            raise ValueError("is not a date written YYYY-MM-DD") from None
    raise ValueError(f"has a field type this checker does not know ({kind!r})")


def _bound(field: dict, value: object) -> object:
    if field.get("type") == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _check_constraints(field: dict, value: object, raw: str) -> str | None:
    c = field.get("constraints", {})
    if "minimum" in c and value < _bound(field, c["minimum"]):
        return f"is below the minimum {c['minimum']}"
    if "maximum" in c and value > _bound(field, c["maximum"]):
        return f"is above the maximum {c['maximum']}"
    if "enum" in c and value not in c["enum"]:
        return f"is not one of {c['enum']}"
    if "pattern" in c and not re.fullmatch(c["pattern"], raw):
        return f"does not match the pattern {c['pattern']!r}"
    if "minLength" in c and len(raw) < c["minLength"]:
        return f"is shorter than {c['minLength']} characters"
    if "maxLength" in c and len(raw) > c["maxLength"]:
        return f"is longer than {c['maxLength']} characters"
    return None


def check_file(path: Path, resource: dict) -> tuple[list[str], list[list[object]], list[int]]:
    """Check a file against its resource descriptor.

    Returns
    -------
    problems, rows, row_numbers
        Every mismatch as a message; the typed rows (``None`` for missing);
        each row's number in the file (1-based, as Excel numbers rows).
    """
    source = str(path)
    data = path.read_bytes()
    problems: list[str] = []
    if "bytes" in resource and resource["bytes"] != len(data):
        problems.append(
            f"the file has {len(data)} bytes but the descriptor says {resource['bytes']}: it "
            "was changed after the descriptor was written (regenerate with "
            "`python -m course.data generate`)"
        )
    if "hash" in resource:
        algo, _, expected = resource["hash"].rpartition(":")
        digest = hashlib.new(algo or "md5", data).hexdigest()
        if digest != expected:
            problems.append(
                f"the file's {algo or 'md5'} hash is {digest}, the descriptor says {expected}: "
                "the file was changed after the descriptor was written"
            )
    encoding = resource.get("encoding", "utf-8")
    try:
        text = data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except UnicodeDecodeError as err:
        raise SchemaError(
            source, [f"the file is not valid {encoding} (byte {err.start})"]
        ) from None
    dialect = resource.get("dialect", {})
    delimiter = dialect.get("delimiter", ",")
    header_rows = dialect.get("headerRows", [1])
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    schema = resource["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    header_index = header_rows[0] - 1
    if len(records) <= header_index:
        raise SchemaError(source, [*problems, f"the file has no header on row {header_rows[0]}"])
    header = records[header_index]
    if header != names:
        raise SchemaError(
            source,
            [
                *problems,
                f"the header on row {header_rows[0]} is {header} but the descriptor "
                f"expects {names}",
            ],
        )
    missing_values = set(schema.get("missingValues", [""]))
    rows: list[list[object]] = []
    row_numbers: list[int] = []
    seen: dict[str, dict[object, int]] = {f["name"]: {} for f in fields}
    for index in range(header_index + 1, len(records)):
        record = records[index]
        number = index + 1
        if not record or all(cell == "" for cell in record):
            problems.append(f"row {number}: blank row")
            continue
        if len(record) != len(fields):
            problems.append(f"row {number}: has {len(record)} cells, the header has {len(fields)}")
            continue
        typed: list[object] = []
        for field, raw in zip(fields, record, strict=True):
            name = field["name"]
            constraints = field.get("constraints", {})
            if raw in missing_values:
                if constraints.get("required"):
                    problems.append(f"field {name!r}, row {number}: is required but empty")
                typed.append(None)
                continue
            try:
                value = _cast(raw, field)
            except ValueError as err:
                problems.append(f"field {name!r}, row {number}: {raw!r} {err}")
                typed.append(None)
                continue
            issue = _check_constraints(field, value, raw)
            if issue:
                problems.append(f"field {name!r}, row {number}: {raw!r} {issue}")
            if constraints.get("unique"):
                if value in seen[name]:
                    problems.append(
                        f"field {name!r}, row {number}: {raw!r} must be unique but also "
                        f"appears on row {seen[name][value]}"
                    )
                else:
                    seen[name][value] = number
            typed.append(value)
        rows.append(typed)
        row_numbers.append(number)
    key = schema.get("primaryKey") or []
    if isinstance(key, str):
        key = [key]
    if key:
        positions = [names.index(k) for k in key]
        first_seen: dict[tuple, int] = {}
        for row, number in zip(rows, row_numbers, strict=True):
            value = tuple(row[i] for i in positions)
            if any(v is None for v in value):
                problems.append(f"row {number}: the primary key {key} is empty")
            elif value in first_seen:
                # a single-field key marked unique is already reported above
                if not (
                    len(key) == 1 and fields[positions[0]].get("constraints", {}).get("unique")
                ):
                    problems.append(
                        f"row {number}: the primary key {key} = {value} repeats row "
                        f"{first_seen[value]}"
                    )
            else:
                first_seen[value] = number
    if not rows and not problems:
        problems.append("the file has a header but no data rows")
    return problems, rows, row_numbers


_DTYPES = {"string": "string", "number": "float64", "date": "datetime64[ns]"}


def read_table(path: Path, resource: dict) -> pd.DataFrame:
    """Check a file against its resource descriptor and return a typed DataFrame.

    Column types follow the schema: ``string`` -> pandas ``string``;
    ``integer`` -> ``int64`` (``Int64`` if a value is missing); ``number`` ->
    ``float64`` (NaN for missing); ``boolean`` -> ``bool`` (``boolean`` if a
    value is missing); ``date`` -> ``datetime64[ns]``.

    Raises
    ------
    SchemaError
        A ValueError listing every mismatch (field, row, value).
    """
    problems, rows, _ = check_file(path, resource)
    if problems:
        raise SchemaError(str(path), problems)
    fields = resource["schema"]["fields"]
    columns = {}
    for j, field in enumerate(fields):
        values = [row[j] for row in rows]
        kind = field.get("type", "string")
        has_missing = any(v is None for v in values)
        if kind == "integer":
            dtype = "Int64" if has_missing else "int64"
        elif kind == "boolean":
            dtype = "boolean" if has_missing else "bool"
        else:
            dtype = _DTYPES.get(kind, "object")
        if kind == "number":
            values = [math.nan if v is None else v for v in values]
        if kind == "date":
            columns[field["name"]] = pd.to_datetime(pd.Series(values, dtype=object)).astype(dtype)
            continue
        columns[field["name"]] = pd.Series(pd.array(values, dtype=dtype))
    return pd.DataFrame(columns)
