"""Bundled datasets: names, paths, load(), and the descriptor (own checks and frictionless)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from course import data
from course.data import registry
from course.data.schema import SchemaError, check_file
from course.factors import classify

PRODUCT_COLUMNS = [
    "sku", "product_name", "category", "price_usd", "rating", "review_count", "showability",
    "impulse", "considered", "identity", "margin", "quality", "amazon_asin",
    "amazon_sessions_30d", "amazon_units_30d", "amazon_sales_usd_30d",
]  # fmt: skip


def test_names_and_paths():
    assert data.names() == [
        "products",
        "amazon_business_report",
        "tiktok_product_analytics",
        "tiktok_videos",
        "creators",
        "purchase_stories",
    ]
    for name in data.names():
        p = data.path(name)
        assert isinstance(p, Path) and p.is_file() and p.is_absolute()
    assert data.path("Products") == data.path("products")  # case is forgiven


def test_bad_names():
    with pytest.raises(ValueError, match=r"name must be one of 'products'.*got 'videos'"):
        data.load("videos")
    with pytest.raises(TypeError, match="name must be one of"):
        data.path(3)


def test_found_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert data.load("purchase_stories").shape[0] >= 30
    assert data.path("products").parent == data.datasets_dir()


def test_missing_folder_gives_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(registry.ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="bundled datasets folder was not found"):
        data.load("products")


def test_missing_file_gives_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(registry.ENV_VAR, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="bundled file for 'creators' is missing"):
        data.path("creators")


def test_load_types_follow_the_descriptor():
    products = data.load("products")
    assert products.columns[: len(PRODUCT_COLUMNS)].tolist() == PRODUCT_COLUMNS
    assert str(products["sku"].dtype) == "string"
    assert products["price_usd"].dtype == "float64"
    assert products["review_count"].dtype == "int64"
    assert products["on_tiktok"].dtype == "bool"
    assert products.attrs["dataset"] == "products"
    videos = data.load("tiktok_videos")
    assert str(videos["posted_date"].dtype).startswith("datetime64")
    assert videos["creator_id"].isna().sum() == (videos["account"] == "seller").sum()


def test_load_of_an_export_is_exactly_the_reader():
    loaded = data.load("amazon_business_report")
    read = data.read_amazon_business_report(data.path("amazon_business_report"))
    pd.testing.assert_frame_equal(loaded, read)
    loaded_tt = data.load("tiktok_product_analytics")
    read_tt = data.read_tiktok_product_analytics(data.path("tiktok_product_analytics"))
    pd.testing.assert_frame_equal(loaded_tt, read_tt)


def test_products_fit_the_contract_and_agree_with_the_report():
    products = data.load("products")
    assert 30 <= len(products) <= 60
    assert products["category"].nunique() >= 6
    for col in ("showability", "impulse", "considered", "identity", "margin", "quality"):
        assert products[col].between(0, 1).all(), col
    assert products["rating"].between(1, 5).all()
    names = " ".join(products["product_name"].str.lower())
    assert "car phone mount" in names and "sports water bottle" in names
    report = data.load("amazon_business_report").reset_index(drop=True)
    joined = products.merge(
        report, left_on="amazon_asin", right_on="child_asin", suffixes=("", "_report")
    )
    assert len(joined) == len(products)
    assert (joined["amazon_sessions_30d"] == joined["sessions"]).all()
    assert (joined["amazon_units_30d"] == joined["units_ordered"]).all()
    assert (joined["amazon_sales_usd_30d"] - joined["sales"]).abs().max() < 0.005
    assert (joined["sku"] == joined["sku_report"]).all()
    # varied enough for the three orderings: clear search, interest and social cases
    search = products[(products.considered >= 0.8) & (products.showability <= 0.2)]
    interest = products[(products.showability >= 0.85) & (products.impulse >= 0.75)]
    social = products[products.identity >= 0.8]
    assert len(search) >= 3 and len(interest) >= 3 and len(social) >= 3


def test_stories_agree_with_classify():
    stories = data.load("purchase_stories")
    assert 30 <= len(stories) <= 40
    assert stories.columns[:2].tolist() == ["story_id", "story"]
    for _, s in stories.iterrows():
        assert classify([s["first"], s["second"], s["third"]]).value == s["ordering"], s.story_id
    assert stories["tricky"].sum() >= 5
    assert set(stories["ordering"]) == {"search", "interest", "social"}
    text = " ".join(stories["story"]).lower()
    for clue in ("phone", "shopping centre", "fitness creator", "search bar"):
        assert clue in text
    assert stories["explanation"].str.len().min() > 20


def test_own_checks_pass_on_every_bundled_file():
    assert data.validate() == {name: [] for name in data.names()}


def _copy_datasets(tmp_path: Path) -> Path:
    folder = tmp_path / "datasets"
    shutil.copytree(data.datasets_dir(), folder)
    return folder


def test_a_hand_edited_file_fails_with_field_row_and_value(tmp_path, monkeypatch):
    folder = _copy_datasets(tmp_path)
    file = folder / "products.csv"
    rows = list(csv.reader(file.read_text(encoding="utf-8").splitlines()))
    rows[2][4] = "5.7"  # rating above 5 on row 3
    with file.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    monkeypatch.setenv(registry.ENV_VAR, str(folder))
    with pytest.raises(SchemaError) as err:
        data.load("products")
    message = str(err.value)
    assert "field 'rating', row 3: '5.7' is above the maximum 5" in message
    assert "changed after the descriptor was written" in message


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda rows: rows[1].__setitem__(2, "garden"), "is not one of"),
        (lambda rows: rows[2].__setitem__(0, rows[1][0]), "must be unique"),
        (lambda rows: rows[1].__setitem__(5, "many"), "is not a whole number"),
        (lambda rows: rows[1].__setitem__(0, ""), "is required but empty"),
        (lambda rows: rows[1].__setitem__(17, "yes"), "is not true or false"),
        (lambda rows: rows.insert(2, []), "blank row"),
        (lambda rows: rows[0].__setitem__(1, "name"), "the header on row 1"),
    ],
)
def test_schema_checks_catch_each_kind_of_problem(tmp_path, edit, expected):
    source = data.path("products")
    rows = list(csv.reader(source.read_text(encoding="utf-8").splitlines()))
    edit(rows)
    target = tmp_path / "products.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    entry = dict(registry.resource("products"))
    entry.pop("bytes"), entry.pop("hash")
    try:
        problems, _, _ = check_file(target, entry)
    except SchemaError as err:
        problems = err.problems
    assert any(expected in p for p in problems), problems


def test_descriptor_describes_every_column_with_type_and_meaning():
    desc = data.descriptor()
    assert desc["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in desc["resources"]] == data.names()
    for res in desc["resources"]:
        assert res["synthetic"] is True and res["sources"] and res["hash"].startswith("sha256:")
        fields = res["schema"]["fields"]
        for field in fields:
            assert field["description"], (res["name"], field["name"])
            if field["type"] in ("number", "integer"):
                assert field.get("unit"), (res["name"], field["name"])
        header_row = res.get("dialect", {}).get("headerRows", [1])[0]
        lines = (data.datasets_dir() / res["path"]).read_text(encoding="utf-8").splitlines()
        header = next(csv.reader([lines[header_row - 1]]))
        assert header == [f["name"] for f in fields]


def test_datasets_folder_is_small():
    total = sum(p.stat().st_size for p in data.datasets_dir().iterdir() if p.is_file())
    assert total < 1_000_000  # the brief allows 5 MB; we aim well under 1 MB


def test_frictionless_validates_the_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(data.datasets_dir() / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_agrees_that_a_broken_copy_is_broken(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    folder = _copy_datasets(tmp_path)
    file = folder / "creators.csv"
    text = file.read_text(encoding="utf-8").replace(",tech,", ",astrology,", 1)
    file.write_text(text, encoding="utf-8")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        if res["name"] == "creators":
            res.pop("bytes"), res.pop("hash")
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(folder / "datapackage.json"))
    types = {row[1] for row in report.flatten(["rowNumber", "type"])}
    assert not report.valid and "constraint-error" in types
    own = check_file(file, next(r for r in descriptor["resources"] if r["name"] == "creators"))
    assert any("'astrology' is not one of" in p for p in own[0])


def test_primary_key_without_unique_constraint_is_still_checked(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("id,v\nA,1\nA,2\n,3\n", encoding="utf-8")
    entry = {
        "schema": {
            "fields": [{"name": "id", "type": "string"}, {"name": "v", "type": "integer"}],
            "primaryKey": ["id"],
        }
    }
    problems, _, _ = check_file(target, entry)
    assert any("row 3: the primary key ['id'] = ('A',) repeats row 2" in p for p in problems)
    assert any("row 4: the primary key ['id'] is empty" in p for p in problems)
