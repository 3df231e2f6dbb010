"""Tests for course.check, the "is this computer ready for the course?" command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from importlib import metadata
from pathlib import Path

import pytest

from course import check as C

ROOT = Path(__file__).resolve().parents[1]


def fake_versions(**versions):
    """A ``version_of`` that knows only the given packages (others are not installed)."""

    def version_of(name):
        key = name.replace("-", "_")
        if key not in versions:
            raise metadata.PackageNotFoundError(name)
        return versions[key]

    return version_of


# ----------------------------------------------------------------------------- whole run
def test_run_checks_covers_everything_the_brief_lists():
    results = C.run_checks()
    names = [r.name for r in results]
    assert len(names) == len(set(names))
    for expected in [
        "Python",
        *C.PACKAGES,
        "course package",
        "matplotlib draws",
        "widgets work",
        "JupyterLab widgets extension",
        "bundled data sets",
        "notebooks",
        "free memory",
    ]:
        assert expected in names
    assert all(isinstance(r, C.CheckResult) for r in results)


def test_this_environment_is_ready():
    failed = [f"{r.name}: {r.detail}" for r in C.run_checks() if r.status == "FAIL"]
    assert failed == []


def test_command_prints_ok_and_exits_zero():
    result = subprocess.run(
        [sys.executable, "-m", "course.check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "OK: ready for the course"
    assert any(re.search(r"OK\s+numpy\s+\d", line) for line in lines)
    assert sys.executable in result.stdout


def test_command_refuses_arguments(capsys):
    assert C.main(["--fast"]) == 2
    assert "takes no arguments" in capsys.readouterr().err


def test_package_bounds_match_pyproject():
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        pytest.skip("tomllib needs Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {}
    for spec in project["dependencies"]:
        name, bounds = re.match(r"([A-Za-z0-9_.\-]+)(.*)", spec).groups()
        low = re.search(r">=\s*([\d.]+)", bounds)
        high = re.search(r"<\s*([\d.]+)", bounds)
        declared[name] = (low.group(1) if low else None, high.group(1) if high else None)
    assert declared == C.PACKAGES
    required = re.search(r">=\s*(\d+)\.(\d+)", project["requires-python"]).groups()
    assert tuple(map(int, required)) == C.MIN_PYTHON


# ----------------------------------------------------------------------------- report
def test_report_says_ok_when_only_warnings_fail():
    results = [
        C.CheckResult("a", True, "fine"),
        C.CheckResult("memory", False, "0.5 GB", "close things", required=False),
    ]
    text, ready = C.report(results)
    assert ready
    assert text.splitlines()[-1] == "OK: ready for the course"
    assert "WARN" in text and "to fix: close things" in text


def test_report_says_not_ready_and_what_to_fix():
    results = [
        C.CheckResult("numpy", False, "1.20 installed", "upgrade numpy"),
        C.CheckResult("widgets work", False, "broken", "reinstall"),
        C.CheckResult("Python", True, "3.11"),
    ]
    text, ready = C.report(results)
    assert not ready
    last = text.splitlines()[-1]
    assert last == "NOT READY: numpy: upgrade numpy; widgets work: reinstall"
    assert re.search(r"FAIL\s+numpy", text)


def test_main_exits_one_when_not_ready(monkeypatch, capsys):
    monkeypatch.setattr(
        C, "run_checks", lambda: [C.CheckResult("numpy", False, "missing", "install it")]
    )
    assert C.main([]) == 1
    assert capsys.readouterr().out.strip().endswith("NOT READY: numpy: install it")


# ----------------------------------------------------------------------------- versions
@pytest.mark.parametrize(
    ("text", "expected"),
    [("2.4.6", (2, 4, 6)), ("8.1.9rc1", (8, 1, 9)), ("4.0", (4, 0)), ("3.1.post2", (3, 1))],
)
def test_version_tuple(text, expected):
    assert C.version_tuple(text) == expected


def test_version_tuple_refuses_nonsense():
    with pytest.raises(ValueError, match="must start with a number"):
        C.version_tuple("dev")
    with pytest.raises(TypeError, match="version"):
        C.version_tuple(8)


def test_check_package_in_range_too_old_too_new_and_missing():
    versions = fake_versions(numpy="2.4.6", pandas="1.5.3", ipywidgets="9.0.1")
    ok = C.check_package("numpy", "1.24", version_of=versions)
    assert ok.ok and "2.4.6" in ok.detail
    old = C.check_package("pandas", "2.0", version_of=versions)
    assert not old.ok and "1.5.3 installed" in old.detail and "pandas>=2.0" in old.fix
    new = C.check_package("ipywidgets", "8.0", "9", version_of=versions)
    assert not new.ok and "< 9" in new.detail
    gone = C.check_package("scipy", "1.10", version_of=versions)
    assert not gone.ok and gone.status == "FAIL" and "not installed" in gone.detail


def test_python_check_reports_this_interpreter():
    result = C.check_python()
    assert result.ok and sys.executable in result.detail


# ----------------------------------------------------------------------------- drawing, widgets
def test_matplotlib_and_widget_checks_pass():
    assert C.check_matplotlib().ok
    assert C.check_widgets().ok


def test_matplotlib_failure_is_reported(monkeypatch):
    import matplotlib.figure

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", broken)
    result = C.check_matplotlib()
    assert not result.ok and "no fonts" in result.detail


def _extension(tmp_path, version="5.0.16"):
    folder = tmp_path / "labextensions"
    package = folder / C.WIDGETS_LAB_EXTENSION / "package.json"
    package.parent.mkdir(parents=True)
    package.write_text(json.dumps({"name": C.WIDGETS_LAB_EXTENSION, "version": version}))
    return folder


def test_widgets_extension_found(tmp_path):
    versions = fake_versions(ipywidgets="8.1.9", jupyterlab_widgets="3.0.17")
    result = C.check_widgets_extension(version_of=versions, extension_dirs=[_extension(tmp_path)])
    assert result.ok and "5.0.16" in result.detail


def test_widgets_extension_version_mismatch(tmp_path):
    versions = fake_versions(ipywidgets="8.1.9", jupyterlab_widgets="1.1.0")
    result = C.check_widgets_extension(version_of=versions, extension_dirs=[_extension(tmp_path)])
    assert not result.ok and "needs 3.x" in result.detail and "jupyterlab_widgets" in result.fix


def test_widgets_extension_missing(tmp_path):
    versions = fake_versions(ipywidgets="8.1.9", jupyterlab_widgets="3.0.17")
    result = C.check_widgets_extension(version_of=versions, extension_dirs=[tmp_path])
    assert not result.ok and "not found" in result.detail
    result = C.check_widgets_extension(version_of=fake_versions(ipywidgets="8.1.9"))
    assert not result.ok and "jupyterlab_widgets is not installed" in result.detail


def test_widgets_extension_in_this_environment():
    assert C.check_widgets_extension().ok


# ----------------------------------------------------------------------------- files, memory
def test_datasets_folder_missing(tmp_path):
    result = C.check_datasets(tmp_path)
    assert not result.ok and "no datasets folder" in result.detail


@pytest.fixture
def fake_data(monkeypatch):
    """Replace course.data by a module whose names() the test chooses."""
    module = types.ModuleType("course.data")
    monkeypatch.setitem(sys.modules, "course.data", module)
    return module


def test_datasets_named_by_course_data_must_exist(tmp_path, fake_data):
    (tmp_path / "datasets" / "search").mkdir(parents=True)
    (tmp_path / "datasets" / "listings.csv").write_text("a\n1\n")
    (tmp_path / "datasets" / "search" / "queries.csv").write_text("a\n1\n")
    fake_data.names = lambda: ["listings", "search/queries.csv", "creators"]
    result = C.check_datasets(tmp_path)
    assert not result.ok and "missing: creators" in result.detail
    fake_data.names = lambda: ["listings.csv", "search/queries"]
    result = C.check_datasets(tmp_path)
    assert result.ok and "all 2 data sets found" in result.detail


def test_datasets_check_reports_a_failing_names(tmp_path, fake_data):
    (tmp_path / "datasets").mkdir()

    def names():
        raise OSError("disk")

    fake_data.names = names
    result = C.check_datasets(tmp_path)
    assert not result.ok and "names() failed: OSError: disk" in result.detail


def test_datasets_without_course_data_checks_the_folder_only(tmp_path, fake_data):
    (tmp_path / "datasets").mkdir()
    result = C.check_datasets(tmp_path)  # the fake module has no names()
    assert result.ok and "files not checked" in result.detail


def test_notebooks_check_is_a_warning(tmp_path):
    result = C.check_notebooks(tmp_path)
    assert not result.ok and result.status == "WARN"
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_welcome.ipynb").write_text("{}")
    assert C.check_notebooks(tmp_path).ok


def test_memory_warns_below_one_gigabyte():
    low = C.check_memory(512 * 1024**2)
    assert not low.ok and low.status == "WARN" and "0.5 GB" in low.detail
    assert C.check_memory(4 * 1024**3).ok
    measured = C.check_memory()
    assert measured.status in ("OK", "WARN")


def test_datasets_folder_comes_from_course_data_when_it_says(tmp_path, fake_data):
    elsewhere = tmp_path / "regenerated"
    elsewhere.mkdir()
    (elsewhere / "products.csv").write_text("a\n1\n")
    fake_data.datasets_dir = lambda: elsewhere
    fake_data.names = lambda: ["products"]
    result = C.check_datasets()
    assert result.ok and str(elsewhere) in result.detail

    def missing():
        raise FileNotFoundError("The bundled datasets folder was not found at /nowhere")

    fake_data.datasets_dir = missing
    result = C.check_datasets()
    assert not result.ok and "/nowhere" in result.detail
