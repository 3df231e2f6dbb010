"""The Amazon business-report reader: the bundled sample, real-export quirks, bad input."""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from course import data
from course.data.amazon import CORE_COLUMNS
from course.data.generate import AMAZON_HEADER

LEGACY_HEADER = [
    "(Parent) ASIN", "(Child) ASIN", "Title", "SKU", "Sessions", "Session Percentage",
    "Page Views", "Page Views Percentage", "Buy Box Percentage", "Units Ordered",
    "Unit Session Percentage", "Gross Product Sales", "Orders Placed",
]  # fmt: skip


def row(asin: str = "B0TEST0001", **over: str) -> dict[str, str]:
    """One valid report row in the current layout, as text like the real export."""
    base = {
        "(Parent) ASIN": asin,
        "(Child) ASIN": asin,
        "Title": "Car phone mount, Dashboard Holder",
        "SKU": "PH-MOUNT-" + asin[-2:],
        "Sessions - Total": "12,131",
        "Sessions - Total - B2B": "205",
        "Session Percentage - Total": "5.63%",
        "Session Percentage - Total - B2B": "4.10%",
        "Page Views - Total": "15,002",
        "Page Views - Total - B2B": "240",
        "Page Views Percentage - Total": "5.91%",
        "Page Views Percentage - Total - B2B": "4.50%",
        "Featured Offer (Buy Box) Percentage": "97.20%",
        "Featured Offer (Buy Box) Percentage - B2B": "100.00%",
        "Units Ordered": "1,290",
        "Units Ordered - B2B": "11",
        "Unit Session Percentage": "10.63%",
        "Unit Session Percentage - B2B": "5.37%",
        "Ordered Product Sales": "$12,905.25",
        "Ordered Product Sales - B2B": "$104.39",
        "Total Order Items": "1,244",
        "Total Order Items - B2B": "10",
    }
    base.update(over)
    return base


def write_csv(
    path: Path,
    rows: list[dict[str, str]] | list[list[str]],
    header: list[str] | None = None,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    before: list[list[str]] = (),
) -> Path:
    header = list(AMAZON_HEADER if header is None else header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(before)
    writer.writerow(header)
    for r in rows:
        writer.writerow([r.get(h, "") for h in header] if isinstance(r, dict) else r)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# --------------------------------------------------------------------------- bundled sample


def test_bundled_report_has_core_columns_types_and_one_row_per_child_asin():
    report = data.read_amazon_business_report(data.path("amazon_business_report"))
    assert list(report.columns[: len(CORE_COLUMNS)]) == list(CORE_COLUMNS)
    assert len(report) == 44
    assert report.index.name == "file_row"
    assert report.index[0] == 2  # row 1 is the header
    assert report["child_asin"].is_unique
    assert str(report["sessions"].dtype) == "Int64"
    assert str(report["title"].dtype) == "string"
    assert report["sales"].dtype == "float64"
    assert report["buy_box_pct"].between(0, 1).all()
    assert {"sessions_b2b", "units_ordered_b2b", "sales_b2b", "order_items_b2b"} <= set(
        report.columns
    )
    assert report.attrs["dropped_rows"] == []
    assert report.attrs["file_format"] == "csv"


def test_bundled_values_match_the_raw_text_cells():
    file = data.path("amazon_business_report")
    raw = list(csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))))
    report = data.read_amazon_business_report(file)
    first = raw[0]
    parsed = report.iloc[0]
    assert parsed["sessions"] == int(first["Sessions - Total"].replace(",", ""))
    assert parsed["sales"] == pytest.approx(
        float(first["Ordered Product Sales"].replace("$", "").replace(",", ""))
    )
    assert parsed["unit_session_pct"] == pytest.approx(
        float(first["Unit Session Percentage"].rstrip("%")) / 100
    )


# --------------------------------------------------------------------------- quirks read right


def test_thousands_money_and_percent_are_parsed(tmp_path):
    report = data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [row()]))
    r = report.iloc[0]
    assert r["sessions"] == 12131
    assert r["sales"] == pytest.approx(12905.25)
    assert r["session_pct"] == pytest.approx(0.0563)
    assert r["buy_box_pct"] == pytest.approx(0.972)
    assert r["unit_session_pct"] == pytest.approx(0.1063)
    assert r["order_items"] == 1244
    assert r["sessions_b2b"] == 205


def test_legacy_header_reads_into_the_same_columns(tmp_path):
    legacy = [
        "B0LEGACY01", "B0LEGACY01", "Foam roller", "FI-ROLLER", "1,000", "2.00%", "1,300",
        "2.10%", "95.00%", "120", "12.00%", "$2,638.80", "118",
    ]  # fmt: skip
    report = data.read_amazon_business_report(
        write_csv(tmp_path / "legacy.csv", [legacy], LEGACY_HEADER)
    )
    assert list(report.columns[: len(CORE_COLUMNS)]) == list(CORE_COLUMNS)
    r = report.iloc[0]
    assert (r["sessions"], r["page_views"], r["units_ordered"], r["order_items"]) == (
        1000,
        1300,
        120,
        118,
    )
    assert r["buy_box_pct"] == pytest.approx(0.95)
    assert r["sales"] == pytest.approx(2638.80)
    assert "sessions_b2b" not in report.columns


def test_en_dashes_and_lower_case_headers_match_exactly(tmp_path):
    header = [h.replace(" - ", " \u2013 ").lower() for h in AMAZON_HEADER]
    values = list(row().values())
    report = data.read_amazon_business_report(write_csv(tmp_path / "dash.csv", [values], header))
    assert report.iloc[0]["sessions"] == 12131
    assert report.iloc[0]["sessions_b2b"] == 205  # not confused with the total


def test_header_is_never_matched_by_substring(tmp_path):
    header = [h for h in AMAZON_HEADER if h != "Sessions - Total"]
    r = row()
    with pytest.raises(ValueError) as err:
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [r], header))
    message = str(err.value)
    assert "missing" in message and "'Sessions - Total'" in message
    assert "Found:" in message and "'Sessions - Total - B2B'" in message


def test_header_below_title_lines_is_found(tmp_path):
    before = [["Detail Page Sales and Traffic By Child Item"], ["Date: 05/01/2024 - 05/30/2024"]]
    report = data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [row()], before=before))
    assert report.attrs["header_row"] == 3
    assert report.index[0] == 4


def test_missing_markers_become_nan_not_zero(tmp_path):
    rows = [
        row("B0TEST0001", **{"Page Views - Total": "--"}),
        row("B0TEST0002", **{"Page Views - Total": "\u2014", "Ordered Product Sales": ""}),
        row("B0TEST0003", **{"Featured Offer (Buy Box) Percentage": "N/A"}),
    ]
    report = data.read_amazon_business_report(write_csv(tmp_path / "r.csv", rows))
    assert report["page_views"].isna().tolist() == [True, True, False]
    assert math.isnan(report.iloc[1]["sales"])
    assert math.isnan(report.iloc[2]["buy_box_pct"])
    assert (report["sessions"] == 12131).all()


def test_blank_rows_are_skipped_and_recorded(tmp_path):
    rows = [row("B0TEST0001"), ["", "", ""], row("B0TEST0002"), []]
    report = data.read_amazon_business_report(write_csv(tmp_path / "r.csv", rows))
    assert len(report) == 2
    assert list(report.index) == [2, 4]
    assert {"row": 3, "reason": "blank row"} in report.attrs["dropped_rows"]


@pytest.mark.parametrize("label", ["Total", "TOTALS", "Grand total", "合计", "总计:"])
def test_a_totals_row_is_dropped_and_reported(tmp_path, label):
    total = row("", **{"(Parent) ASIN": label, "(Child) ASIN": "", "SKU": "", "Title": ""})
    total["Sessions - Total"] = "24,262"
    file = write_csv(tmp_path / "r.csv", [row("B0TEST0001"), row("B0TEST0002"), total])
    report = data.read_amazon_business_report(file)
    assert list(report["child_asin"]) == ["B0TEST0001", "B0TEST0002"]
    assert report.attrs["dropped_rows"] == [{"row": 4, "reason": "totals row"}]


def test_row_without_asin_and_without_total_label_is_an_error(tmp_path):
    bad = row("", **{"(Parent) ASIN": "", "(Child) ASIN": ""})
    with pytest.raises(ValueError, match=r"row 3 .*no \(Child\) ASIN"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [row(), bad]))


# --------------------------------------------------------------------------- encodings


def test_gbk_file_saved_by_excel_in_a_chinese_locale(tmp_path):
    file = write_csv(tmp_path / "gbk.csv", [row(Title="车载手机支架, 出风口")], encoding="gbk")
    report = data.read_amazon_business_report(file)
    assert report.iloc[0]["title"] == "车载手机支架, 出风口"
    assert report.attrs["encoding"] == "gb18030"


def test_utf8_with_byte_order_mark(tmp_path):
    file = write_csv(tmp_path / "bom.csv", [row(Title="Café mount")], encoding="utf-8-sig")
    report = data.read_amazon_business_report(file)
    assert report.iloc[0]["parent_asin"] == "B0TEST0001"  # the BOM is not in the header
    assert report.iloc[0]["title"] == "Café mount"


def test_utf16_tab_separated_unicode_text(tmp_path):
    file = write_csv(tmp_path / "u16.txt", [row()], encoding="utf-16", delimiter="\t")
    assert data.read_amazon_business_report(file).iloc[0]["sales"] == pytest.approx(12905.25)


def test_windows_1252_file(tmp_path):
    file = write_csv(tmp_path / "w.csv", [row(Title="Caf\u00e9 mount")], encoding="cp1252")
    assert data.read_amazon_business_report(file).iloc[0]["title"] == "Café mount"


def test_forced_wrong_encoding_is_a_clear_error(tmp_path):
    file = write_csv(tmp_path / "gbk.csv", [row(Title="车载手机支架")], encoding="gbk")
    with pytest.raises(ValueError, match="cannot be read as 'utf-8'"):
        data.read_amazon_business_report(file, encoding="utf-8")


# --------------------------------------------------------------------------- bad input


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="is empty"):
        data.read_amazon_business_report(empty)
    spaces = tmp_path / "spaces.csv"
    spaces.write_bytes(b"\r\n  \r\n")
    with pytest.raises(ValueError, match="is empty"):
        data.read_amazon_business_report(spaces)


def test_header_without_rows(tmp_path):
    with pytest.raises(ValueError, match="no data rows"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", []))


def test_file_that_is_not_a_report(tmp_path):
    other = tmp_path / "orders.csv"
    other.write_text("order-id,purchase-date,price\n111-222,2024-05-01,9.99\n")
    with pytest.raises(ValueError, match="no header row found") as err:
        data.read_amazon_business_report(other)
    assert "order-id" in str(err.value)  # says what it found


def test_unknown_column_is_refused_then_kept_or_dropped_on_request(tmp_path):
    header = [*AMAZON_HEADER, "My notes"]
    r = row()
    r["My notes"] = "restock in June"
    file = write_csv(tmp_path / "r.csv", [r], header)
    with pytest.raises(ValueError) as err:
        data.read_amazon_business_report(file)
    message = str(err.value)
    assert "'My notes'" in message and "Known columns" in message
    assert "unknown_columns='keep'" in message
    kept = data.read_amazon_business_report(file, unknown_columns="keep")
    assert kept.iloc[0]["My notes"] == "restock in June"
    dropped = data.read_amazon_business_report(file, unknown_columns="drop")
    assert "My notes" not in dropped.columns
    with pytest.raises(ValueError, match="unknown_columns must be one of"):
        data.read_amazon_business_report(file, unknown_columns="ignore")


def test_data_under_a_blank_header_cell_is_not_lost_silently(tmp_path):
    header = [*AMAZON_HEADER, ""]
    values = [*row().values(), "surprise"]
    with pytest.raises(ValueError, match=r"no header, column W"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [values], header))


def test_row_with_more_cells_than_the_header(tmp_path):
    values = [*row().values(), "", "extra"]
    with pytest.raises(ValueError, match=r"row 2: .*to the right of the last header column"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [values]))


def test_two_headers_meaning_the_same_column(tmp_path):
    header = [*AMAZON_HEADER, "Sessions"]
    r = row()
    r["Sessions"] = "1"
    with pytest.raises(ValueError, match="two columns that mean the same thing"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [r], header))


@pytest.mark.parametrize(
    ("column", "value", "why"),
    [
        ("Sessions - Total", "-5", "negative"),
        ("Sessions - Total", "12.5", "not a whole number"),
        ("Sessions - Total", "12,5", "not a number"),
        ("Ordered Product Sales", "1.234,56 €", "not a number"),
        ("Featured Offer (Buy Box) Percentage", "120.00%", "over 100%"),
        ("Session Percentage - Total", "100.5%", "over 100%"),
        ("Units Ordered", "$12", "currency sign"),
        ("Units Ordered", "lots", "not a number"),
    ],
)
def test_impossible_values_name_column_row_and_value(tmp_path, column, value, why):
    rows = [row("B0TEST0001"), row("B0TEST0002", **{column: value})]
    with pytest.raises(ValueError) as err:
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", rows))
    message = str(err.value)
    assert f"column {column!r}" in message
    assert "row 3 (row number as Excel shows it)" in message
    assert repr(value) in message
    assert why in message


def test_unit_session_percentage_may_exceed_100_percent(tmp_path):
    r = row(
        **{"Unit Session Percentage": "150.00%", "Units Ordered": "15", "Sessions - Total": "10"}
    )
    r["Sessions - Total - B2B"] = "0"
    r["Units Ordered - B2B"] = "0"
    r["Total Order Items"] = "9"
    r["Total Order Items - B2B"] = "0"
    report = data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [r]))
    assert report.iloc[0]["unit_session_pct"] == pytest.approx(1.5)


def test_every_bad_cell_is_listed_at_once(tmp_path):
    rows = [
        row("B0TEST0001", **{"Sessions - Total": "-1"}),
        row("B0TEST0002", **{"Units Ordered": "x"}),
    ]
    with pytest.raises(ValueError) as err:
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", rows))
    assert "2 value(s) cannot be used" in str(err.value)
    assert "row 2" in str(err.value) and "row 3" in str(err.value)


def test_b2b_above_total_is_impossible(tmp_path):
    bad = row(**{"Units Ordered - B2B": "2,000"})
    with pytest.raises(ValueError, match=r"'Units Ordered - B2B'.*row 2.*part of the total"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [bad]))


def test_repeated_child_asin(tmp_path):
    with pytest.raises(ValueError, match=r"row 3 .*'B0TEST0001' appears again \(first on row 2\)"):
        data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [row(), row()]))


def test_old_xls_workbook_gets_a_clear_message(tmp_path):
    xls = tmp_path / "report.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ValueError, match=r"Excel 97-2003 workbook \(\.xls\)"):
        data.read_amazon_business_report(xls)


def test_path_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no file at"):
        data.read_amazon_business_report(tmp_path / "nope.csv")
    with pytest.raises(IsADirectoryError):
        data.read_amazon_business_report(tmp_path)
    with pytest.raises(TypeError, match="path must be a file path"):
        data.read_amazon_business_report(12)


# --------------------------------------------------------------------------- XLSX


def _xlsx(path: Path, header: list[str], rows: list[list[object]], pct_cols=()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    for col in pct_cols:
        for cells in sheet.iter_rows(min_row=2, min_col=col + 1, max_col=col + 1):
            cells[0].number_format = "0.00%"
    book.save(path)
    return path


def test_xlsx_with_real_numbers_and_percent_formats(tmp_path):
    header = LEGACY_HEADER
    values = ["B0XLSX0001", "B0XLSX0001", "Yoga mat", "FI-MAT", 1000, 0.02, 1300, 0.021, 0.95,
              120, 0.12, 2638.8, 118]  # fmt: skip
    pct = [header.index(h) for h in header if "Percentage" in h]
    file = _xlsx(tmp_path / "r.xlsx", header, [values], pct)
    report = data.read_amazon_business_report(file)
    r = report.iloc[0]
    assert r["sessions"] == 1000
    assert r["buy_box_pct"] == pytest.approx(0.95)  # a formatted cell is already a fraction
    assert r["unit_session_pct"] == pytest.approx(0.12)
    assert report.attrs["file_format"] == "xlsx"


def test_xlsx_text_cells_like_the_csv(tmp_path):
    file = _xlsx(tmp_path / "r.xlsx", AMAZON_HEADER, [list(row().values())])
    from_xlsx = data.read_amazon_business_report(file)
    from_csv = data.read_amazon_business_report(write_csv(tmp_path / "r.csv", [row()]))
    pd.testing.assert_frame_equal(from_xlsx, from_csv)


def test_xlsx_saved_with_a_csv_name_is_still_read(tmp_path):
    file = _xlsx(tmp_path / "r.xlsx", AMAZON_HEADER, [list(row().values())])
    disguised = tmp_path / "really_xlsx.csv"
    disguised.write_bytes(file.read_bytes())
    assert data.read_amazon_business_report(disguised).attrs["file_format"] == "xlsx"


def test_xlsx_unknown_sheet(tmp_path):
    file = _xlsx(tmp_path / "r.xlsx", AMAZON_HEADER, [list(row().values())])
    with pytest.raises(ValueError, match="sheet must be one of 'Sheet'"):
        data.read_amazon_business_report(file, sheet="Report")


# --------------------------------------------------------------------------- the file is left alone


def _open_paths() -> set[str]:
    fd_dir = Path("/proc/self/fd")
    out = set()
    for fd in fd_dir.iterdir():
        try:
            out.add(os.readlink(fd))
        except OSError:
            continue
    return out


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_reader_never_writes_moves_or_keeps_the_file_open(tmp_path, kind):
    if kind == "csv":
        file = write_csv(tmp_path / "r.csv", [row()])
    else:
        file = _xlsx(tmp_path / "r.xlsx", AMAZON_HEADER, [list(row().values())])
    os.chmod(file, 0o444)  # read-only: a write would fail loudly
    before = (
        file.read_bytes(),
        file.stat().st_mtime_ns,
        sorted(p.name for p in tmp_path.iterdir()),
    )
    data.read_amazon_business_report(file)
    after = (file.read_bytes(), file.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir()))
    assert before == after
    if Path("/proc/self/fd").is_dir():
        assert str(file.resolve()) not in _open_paths()


# --------------------------------------------------------------------------- uploads and other reports


def test_bytes_of_an_uploaded_file_read_like_the_file(tmp_path):
    file = write_csv(tmp_path / "r.csv", [row()])
    from_path = data.read_amazon_business_report(file)
    from_buffer = data.read_amazon_business_report(io.BytesIO(file.read_bytes()))
    pd.testing.assert_frame_equal(from_buffer, from_path)
    assert from_buffer.attrs["source"] == "the uploaded file"
    xlsx = _xlsx(tmp_path / "r.xlsx", AMAZON_HEADER, [list(row().values())])
    assert (
        data.read_amazon_business_report(io.BytesIO(xlsx.read_bytes())).iloc[0]["sessions"] == 12131
    )
    with pytest.raises(TypeError, match="binary mode"):
        data.read_amazon_business_report(io.StringIO("(Child) ASIN\n"))


def test_by_parent_item_report_gets_a_hint(tmp_path):
    header = [h for h in AMAZON_HEADER if h not in ("(Child) ASIN", "SKU")]
    with pytest.raises(ValueError, match="not 'By Parent Item'"):
        data.read_amazon_business_report(write_csv(tmp_path / "p.csv", [row()], header))
