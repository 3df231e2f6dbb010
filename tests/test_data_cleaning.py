"""Cell parsing, header matching and encoding detection shared by the readers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.data.cleaning import (
    CellError,
    Percent,
    decode_bytes,
    is_missing,
    normalise_header,
    parse_cell,
)

FAST = settings(max_examples=150, deadline=None)


@FAST
@given(st.integers(min_value=0, max_value=10**12))
def test_counts_with_thousands_separators_round_trip(n):
    assert parse_cell(f"{n:,}", "count") == n
    assert parse_cell(str(n), "count") == n
    assert parse_cell(n, "count") == n


@FAST
@given(st.integers(min_value=0, max_value=10**11))
def test_money_round_trips_to_the_cent(cents):
    amount = cents / 100
    for text in (f"${amount:,.2f}", f"US${amount:,.2f}", f"{amount:.2f}", f"{amount:,.2f} USD"):
        assert parse_cell(text, "money") == pytest.approx(amount, abs=1e-6), text


@FAST
@given(st.integers(min_value=0, max_value=10_000))
def test_percent_text_becomes_a_fraction(hundredths):
    pct = hundredths / 100  # 0.00 .. 100.00
    assert parse_cell(f"{pct:.2f}%", "share") == pytest.approx(pct / 100)
    assert parse_cell(f"{pct:.2f}", "share") == pytest.approx(pct / 100)  # points
    assert parse_cell(Percent(pct / 100), "share") == pytest.approx(pct / 100)


@FAST
@given(st.floats(min_value=100.01, max_value=1e6))
def test_share_over_100_percent_is_refused_ratio_is_not(pct):
    with pytest.raises(CellError, match="over 100%"):
        parse_cell(f"{pct:.2f}%", "share")
    assert parse_cell(f"{pct:.2f}%", "ratio") == pytest.approx(round(pct, 2) / 100)


@pytest.mark.parametrize("token", ["", "  ", "-", "--", "—", "–", "N/A", "n/a", "null", None])
def test_missing_tokens_are_nan_never_zero(token):
    assert is_missing(token)
    for kind in ("count", "money", "share", "ratio"):
        assert math.isnan(parse_cell(token, kind))


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        ("-3", "count", "negative"),
        ("(12.00)", "money", "negative"),
        ("3.5", "count", "whole number"),
        ("12,5", "count", "not a number"),
        ("1,23,456", "count", "not a number"),  # Indian grouping is not a thousands grouping
        ("1.234,56", "money", "not a number"),
        ("5%", "count", "% sign"),
        ("$5", "share", "currency sign"),
        (True, "count", "True/False"),
        ("1.2E+18", "count", "scientific notation"),
        (float("inf"), "money", "finite"),
        (Percent(0.5), "count", "formatted as a percentage"),
    ],
)
def test_bad_cells_say_why(value, kind, message):
    with pytest.raises(CellError, match=message):
        parse_cell(value, kind)


def test_ids_and_text():
    assert parse_cell("  B0TEST0001 ", "id") == "B0TEST0001"
    assert parse_cell(1729000012345, "id") == "1729000012345"
    assert parse_cell(1729000012345.0, "id") == "1729000012345"
    assert parse_cell("--", "id") is None
    assert parse_cell("  Car   mount ", "text") == "Car mount"
    assert parse_cell("", "text") is None
    with pytest.raises(CellError, match="scientific notation"):
        parse_cell("1.72912E+18", "id")
    with pytest.raises(CellError, match="fraction"):
        parse_cell(12.5, "id")
    with pytest.raises(ValueError, match="kind must be one of"):
        parse_cell("1", "percent")


@pytest.mark.parametrize(
    "variant",
    [
        "Sessions - Total",
        "sessions - total",
        "SESSIONS – TOTAL",  # en dash
        "Sessions — Total",  # em dash
        "Sessions-Total",
        "\ufeffSessions  -  Total",
        '"Sessions - Total"',
        "Sessions \u2212 Total",  # minus sign
    ],
)
def test_header_variants_normalise_to_one_form(variant):
    assert normalise_header(variant) == "sessions - total"


def test_header_twins_stay_different():
    assert normalise_header("Sessions - Total") != normalise_header("Sessions - Total - B2B")
    assert normalise_header("（Child）ASIN") == normalise_header("(Child) ASIN")
    assert normalise_header(None) == ""


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_normalising_twice_changes_nothing(text):
    once = normalise_header(text)
    assert normalise_header(once) == once


def test_encodings_are_detected():
    text = "(Child) ASIN,Title\nB0X,车载手机支架\n"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(text.encode("utf-8-sig")) == (text, "utf-8-sig")
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")
    assert decode_bytes(text.encode("utf-16")) == (text, "utf-16")
    western = "Title\nCafé\n"
    assert decode_bytes(western.encode("cp1252")) == (western, "cp1252")
    with pytest.raises(ValueError, match="not a codec"):
        decode_bytes(b"x", "klingon")
    with pytest.raises(TypeError):
        decode_bytes(b"x", 8)
