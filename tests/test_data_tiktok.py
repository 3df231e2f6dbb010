"""The TikTok Shop product-analytics reader: date line, header below it, quirks, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from course import data
from course.data.generate import TIKTOK_HEADER, write_tiktok_xlsx
from course.data.tiktok import CHANNEL_COLUMNS, CORE_COLUMNS, parse_analysis_period


def product(pid: str = "1729000000000000001", **over: str) -> dict[str, str]:
    base = {
        "Product Name": "Sunset projection lamp",
        "Product ID": pid,
        "GMV": "$4,485.96",
        "Orders": "188",
        "SKU orders": "188",
        "Items sold": "204",
        "AOV (SKU orders)": "$23.86",
        "Product impressions": "79,969",
        "Product clicks": "2,694",
        "CTR": "3.37%",
        "Add-to-cart count": "146",
        "CTOR (SKU order)": "6.98%",
        "Refunds": "$703.68",
        "Items refunded": "32",
        "Seller LIVE GMV": "$241.89",
        "Seller video GMV": "$3,716.31",
        "Creator GMV": "$483.78",
        "Product card GMV": "$43.98",
    }
    base.update(over)
    return base


def write_export(
    path: Path,
    rows: list[dict[str, str]],
    *,
    date_line: str | None = "Analysis date: 01/05/2024~30/05/2024",
    blank_lines: int = 1,
    header: list[str] | None = None,
    encoding: str = "utf-8",
) -> Path:
    header = list(TIKTOK_HEADER if header is None else header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if date_line is not None:
        writer.writerow([date_line])
    for _ in range(blank_lines):
        writer.writerow([])
    writer.writerow(header)
    for r in rows:
        writer.writerow([r.get(h, "") for h in header])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# --------------------------------------------------------------------------- bundled sample


def test_bundled_export_columns_period_and_types():
    export = data.read_tiktok_product_analytics(data.path("tiktok_product_analytics"))
    assert list(export.columns) == [*CORE_COLUMNS, *CHANNEL_COLUMNS]
    assert export.attrs["analysis_start"] == dt.date(2024, 5, 1)
    assert export.attrs["analysis_end"] == dt.date(2024, 5, 30)
    assert export.attrs["analysis_days"] == 30
    assert export.attrs["header_row"] == 3
    assert export["product_id"].str.fullmatch(r"\d{19}").all()
    assert str(export["impressions"].dtype) == "Int64"
    assert export["ctr"].between(0, 1).all()


def test_bundled_channels_add_up_to_gmv_and_rates_match_counts():
    export = data.load("tiktok_product_analytics")
    channels = export[list(CHANNEL_COLUMNS)].sum(axis=1)
    assert (channels - export["gmv"]).abs().max() < 0.005 + 1e-9
    ctr = export["clicks"].astype(float) / export["impressions"].astype(float)
    assert (ctr - export["ctr"]).abs().max() < 0.00005 + 1e-12  # rounded to 0.01%
    aov = export["gmv"] / export["sku_orders"].astype(float)
    assert (aov - export["aov"]).abs().max() < 0.005 + 1e-9


def test_xlsx_export_reads_the_same_as_the_csv(tmp_path):
    xlsx = write_tiktok_xlsx(tmp_path / "export.xlsx")
    from_xlsx = data.read_tiktok_product_analytics(xlsx)
    from_csv = data.read_tiktok_product_analytics(data.path("tiktok_product_analytics"))
    pd.testing.assert_frame_equal(from_xlsx, from_csv)
    assert from_xlsx.attrs["analysis_start"] == from_csv.attrs["analysis_start"]
    assert from_xlsx.attrs["file_format"] == "xlsx"
    with pytest.raises(FileExistsError):
        write_tiktok_xlsx(xlsx)


# --------------------------------------------------------------------------- the date line and the header


@pytest.mark.parametrize("blank_lines", [0, 1, 3])
def test_header_is_found_a_row_or_more_below_the_date_line(tmp_path, blank_lines):
    file = write_export(tmp_path / "e.csv", [product()], blank_lines=blank_lines)
    export = data.read_tiktok_product_analytics(file)
    assert export.attrs["header_row"] == 2 + blank_lines
    assert export.index[0] == 3 + blank_lines
    assert export.attrs["analysis_end"] == dt.date(2024, 5, 30)


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Analysis date: 01/05/2024~30/05/2024", dt.date(2024, 5, 1), dt.date(2024, 5, 30)),
        ("Analysis date: 2024-05-01 ~ 2024-05-30", dt.date(2024, 5, 1), dt.date(2024, 5, 30)),
        ("分析日期：01/05/2024～07/05/2024", dt.date(2024, 5, 1), dt.date(2024, 5, 7)),
        ("Analysis date: 05/13/2024~05/19/2024", dt.date(2024, 5, 13), dt.date(2024, 5, 19)),
    ],
)
def test_analysis_period_formats(line, start, end):
    assert parse_analysis_period(line) == (start, end)


def test_analysis_period_errors():
    assert parse_analysis_period("Product list") is None
    with pytest.raises(ValueError, match="starts .* after it ends"):
        parse_analysis_period("Analysis date: 30/05/2024~01/05/2024")
    with pytest.raises(ValueError, match="does not hold real dates"):
        parse_analysis_period("Analysis date: 31/02/2024~45/13/2024")
    with pytest.raises(TypeError):
        parse_analysis_period(None)


def test_file_without_a_date_line_still_reads(tmp_path):
    file = write_export(tmp_path / "e.csv", [product()], date_line=None, blank_lines=0)
    export = data.read_tiktok_product_analytics(file)
    assert export.attrs["analysis_start"] is None and export.attrs["analysis_days"] is None
    assert export.iloc[0]["gmv"] == pytest.approx(4485.96)


def test_impossible_date_range_in_the_file_is_an_error(tmp_path):
    file = write_export(
        tmp_path / "e.csv", [product()], date_line="Analysis date: 30/05/2024~01/05/2024"
    )
    with pytest.raises(ValueError, match="after it ends"):
        data.read_tiktok_product_analytics(file)


# --------------------------------------------------------------------------- quirks and bad input


def test_missing_markers_and_zero_orders(tmp_path):
    rows = [
        product(),
        product("1729000000000000002", **{"AOV (SKU orders)": "--", "Orders": "0",
                                          "SKU orders": "0", "Refunds": "—"}),
    ]  # fmt: skip
    export = data.read_tiktok_product_analytics(write_export(tmp_path / "e.csv", rows))
    assert math.isnan(export.iloc[1]["aov"])
    assert math.isnan(export.iloc[1]["refunds"])
    assert export.iloc[1]["orders"] == 0


def test_product_id_stays_exact_text(tmp_path):
    pid = "1729123456789012345"  # more digits than a float can hold
    export = data.read_tiktok_product_analytics(write_export(tmp_path / "e.csv", [product(pid)]))
    assert export.iloc[0]["product_id"] == pid


def test_product_id_shortened_by_excel_is_refused(tmp_path):
    file = write_export(tmp_path / "e.csv", [product("1.72912E+18")])
    with pytest.raises(ValueError, match=r"'Product ID'.*row 4.*scientific notation"):
        data.read_tiktok_product_analytics(file)


def test_numeric_product_id_in_xlsx(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Analysis date: 01/05/2024~30/05/2024"])
    sheet.append([])
    sheet.append(TIKTOK_HEADER)
    values = list(product().values())
    values[1] = 1729000012345  # a short numeric ID is kept exactly
    sheet.append(values)
    big = list(product("x").values())
    big[1] = 1.729e18  # a long one is already damaged
    sheet.append(big)
    book.save(tmp_path / "e.xlsx")
    with pytest.raises(ValueError, match=r"row 5.*too long for a spreadsheet"):
        data.read_tiktok_product_analytics(tmp_path / "e.xlsx")


def test_ctr_over_100_percent_is_impossible_but_ctor_may_exceed_it(tmp_path):
    fine = product(**{"CTOR (SKU order)": "120.00%"})
    export = data.read_tiktok_product_analytics(write_export(tmp_path / "ok.csv", [fine]))
    assert export.iloc[0]["ctor"] == pytest.approx(1.2)
    bad = product(**{"CTR": "103.37%"})
    with pytest.raises(ValueError, match=r"column 'CTR' \(ctr\), row 4 .*'103.37%' is over 100%"):
        data.read_tiktok_product_analytics(write_export(tmp_path / "bad.csv", [bad]))


def test_negative_count_names_column_row_value(tmp_path):
    rows = [product(), product("1729000000000000002", **{"Product clicks": "-3"})]
    with pytest.raises(ValueError, match=r"'Product clicks' \(clicks\), row 5 .*'-3' is negative"):
        data.read_tiktok_product_analytics(write_export(tmp_path / "e.csv", rows))


def test_totals_row_is_dropped(tmp_path):
    total = product("", **{"Product Name": "Total"})
    export = data.read_tiktok_product_analytics(
        write_export(tmp_path / "e.csv", [product(), total])
    )
    assert len(export) == 1
    assert export.attrs["dropped_rows"] == [{"row": 5, "reason": "totals row"}]


def test_missing_columns_say_expected_and_found(tmp_path):
    header = [h for h in TIKTOK_HEADER if h not in ("Product impressions", "CTR")]
    with pytest.raises(ValueError) as err:
        data.read_tiktok_product_analytics(
            write_export(tmp_path / "e.csv", [product()], header=header)
        )
    message = str(err.value)
    assert "'Product impressions'" in message and "'CTR'" in message
    assert "Expected at least" in message and "Found:" in message


def test_channel_columns_are_optional_and_aliases_work(tmp_path):
    header = [h for h in TIKTOK_HEADER if "GMV" not in h or h == "GMV"] + ["Affiliate GMV"]
    r = product()
    r["Affiliate GMV"] = "$483.78"
    export = data.read_tiktok_product_analytics(
        write_export(tmp_path / "e.csv", [r], header=header)
    )
    assert "gmv_creator" in export.columns and "gmv_seller_live" not in export.columns


def test_gb18030_export(tmp_path):
    file = write_export(
        tmp_path / "e.csv", [product(**{"Product Name": "日落投影灯"})], encoding="gb18030",
        date_line="分析日期：01/05/2024~30/05/2024",
    )  # fmt: skip
    export = data.read_tiktok_product_analytics(file)
    assert export.iloc[0]["product_name"] == "日落投影灯"
    assert export.attrs["analysis_start"] == dt.date(2024, 5, 1)


def test_empty_and_header_only_exports(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="is empty"):
        data.read_tiktok_product_analytics(empty)
    with pytest.raises(ValueError, match="no data rows"):
        data.read_tiktok_product_analytics(write_export(tmp_path / "h.csv", []))


def test_damaged_xlsx(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValueError, match="not a readable XLSX workbook"):
        data.read_tiktok_product_analytics(broken)
