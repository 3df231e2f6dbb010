"""The generator: byte-for-byte reproducible, seeded, and realistic where the brief says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from course import data
from course.data.generate import DEFAULT_SEED, build_files, generate
from course.data.registry import DATASETS, DESCRIPTOR_FILE

REPO = Path(__file__).resolve().parents[1]


def test_command_line_regenerates_the_committed_files_byte_for_byte(tmp_path):
    out = tmp_path / "regenerated"
    result = subprocess.run(
        [sys.executable, "-m", "course.data", "generate", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONHASHSEED": "123"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    committed = data.datasets_dir()
    names = [*DATASETS.values(), DESCRIPTOR_FILE]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    for name in names:
        assert (out / name).read_bytes() == (committed / name).read_bytes(), name
    assert "wrote" in result.stdout


def test_same_seed_same_bytes_other_seed_other_numbers():
    a, b, c = build_files(7), build_files(7), build_files(8)
    assert a == b
    for name in ("products.csv", "amazon_business_report.csv", "tiktok_videos.csv"):
        assert a[name] != c[name]
    assert a["purchase_stories.csv"] == c["purchase_stories.csv"]  # written by hand


def test_in_memory_build_equals_the_committed_files():
    files = build_files(DEFAULT_SEED)
    for name, content in files.items():
        assert (data.datasets_dir() / name).read_bytes() == content, name


def test_generate_argument_checks(tmp_path):
    with pytest.raises(ValueError, match="seed must be a whole number"):
        build_files(-1)
    with pytest.raises(TypeError, match="seed must be a whole number"):
        build_files(1.5)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(NotADirectoryError):
        generate(a_file)
    with pytest.raises(TypeError, match="out must be a folder path"):
        generate(42)


def test_generate_into_a_new_folder_leaves_other_files_alone(tmp_path):
    folder = tmp_path / "new" / "datasets"
    written = generate(folder, seed=3)
    assert {p.name for p in written} == {*DATASETS.values(), DESCRIPTOR_FILE}
    (folder / "notes.txt").write_text("mine")
    generate(folder, seed=3)
    assert (folder / "notes.txt").read_text() == "mine"


def test_another_seed_still_passes_the_descriptor_checks(tmp_path, monkeypatch):
    generate(tmp_path, seed=11)
    monkeypatch.setenv("SHELF_TO_FEED_DATASETS", str(tmp_path))
    assert data.validate() == {name: [] for name in data.names()}
    assert len(data.load("products")) == 44


# --------------------------------------------------------------------------- realism


def test_amazon_numbers_look_like_a_small_seller():
    report = data.load("amazon_business_report")
    sessions = report["sessions"].astype(float)
    assert sessions.min() >= 100 and sessions.max() <= 50_000
    assert sessions.max() >= 5_000  # "hundreds to tens of thousands"
    usp = report["unit_session_pct"]
    assert usp.between(0.05, 0.20).all()
    assert 0.08 <= usp.median() <= 0.15
    assert report["buy_box_pct"].between(0.80, 1.0).all()
    assert (report["order_items"] <= report["units_ordered"]).all()
    assert (report["page_views"] >= report["sessions"]).all()
    share = report["session_pct"].sum()
    assert share == pytest.approx(1.0, abs=0.01)  # shares of the whole add to 100%


def test_video_views_are_heavy_tailed():
    views = np.sort(data.load("tiktok_videos")["views"].to_numpy(dtype=float))[::-1]
    assert np.median(views) < 2_000  # most videos get a few hundred to a few thousand
    assert views.max() >= 100_000  # a few get hundreds of thousands
    top10 = views[: len(views) // 10].sum() / views.sum()
    assert top10 > 0.5


def test_creator_followers_are_heavy_tailed():
    creators = data.load("creators")
    followers = creators["followers"].to_numpy(dtype=float)
    assert followers.min() >= 1_000
    assert followers.max() / np.median(followers) > 20
    assert creators["engagement_rate"].between(0, 1).all()
    assert creators["commission_rate"].between(0.05, 0.25).all()


def test_tiktok_export_adds_up_the_videos():
    export = data.load("tiktok_product_analytics").set_index("product_id")
    videos = data.load("tiktok_videos")
    for account, column in (("seller", "gmv_seller_video"), ("creator", "gmv_creator")):
        sums = videos[videos["account"] == account].groupby("tiktok_product_id")["gmv_usd"].sum()
        for pid, total in sums.items():
            assert export.loc[pid, column] == pytest.approx(total, abs=0.011)
    clicks = videos.groupby("tiktok_product_id")["product_clicks"].sum()
    assert (export.loc[clicks.index, "clicks"] >= clicks).all()
    worked = set(data.load("creators").query("worked_with_seller")["creator_id"])
    assert worked == set(videos["creator_id"].dropna())


def test_products_on_tiktok_match_the_export():
    products = data.load("products")
    listed = products[products["on_tiktok"]]
    export = data.load("tiktok_product_analytics")
    assert set(listed["tiktok_product_id"]) == set(export["product_id"])
    assert products.loc[~products["on_tiktok"], "tiktok_product_id"].isna().all()
