"""End-to-end: every chapter notebook, run in JupyterLab in a real Chromium, looks right.

nbval proves that the cells run in a kernel. This module proves what a learner sees: it starts
JupyterLab from this environment, opens each notebook in Debian's Chromium, runs all cells, and
checks that no cell shows an error, every widget rendered (no "Error displaying widget", nothing
left at "Loading widget...") and every figure is a visible picture. In chapters 2, 3 and 4 it
also moves a slider and checks that the figure and the numbers follow.

A screenshot of each notebook is saved in the test's temporary folder (its path is in the
failure message). Without Chromium or Playwright the tests are skipped with the command that
installs what is missing.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path

import browser_support as bs
import pytest

# A last resort if something hangs where the helpers' own time limits do not reach (pytest-timeout,
# from the test extra); the first test also pays for starting JupyterLab and Chromium.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

CHAPTERS = sorted(path.name for path in bs.NOTEBOOKS.glob("*.ipynb"))
"""Chapter notebooks present when the tests are collected (new chapters join automatically)."""

SLIDER_CHAPTERS = ("02", "03", "04")
"""Chapters (by number prefix) whose first picture-and-slider widget must react to a slider."""

NOTEBOOK_TIMEOUT = 120.0
"""Seconds allowed to open one notebook and run all its cells."""

VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def browser_requirements() -> None:
    """Skip, saying what to install, when Chromium or Playwright is missing (fail on CI)."""
    problem = bs.missing_requirement()
    if problem is not None:
        if bs.browser_required():
            pytest.fail(f"the browser test is required here (CI) but cannot run: {problem}")
        pytest.skip(f"browser test skipped: {problem}")


@pytest.fixture(scope="module")
def lab_and_browser(tmp_path_factory, browser_requirements):
    """One JupyterLab (serving a copy of notebooks/ plus the self-test notebooks) and one
    headless Chromium for the module; Chromium starts while JupyterLab does."""
    base = tmp_path_factory.mktemp("browser")
    root, _ = bs.prepare_lab_root(base / "root")
    bs.write_selftest_notebooks(root / "_selftest")
    with (
        bs.running_lab(root, base / "state", wait=False) as server,
        bs.chromium_browser() as chromium,
    ):
        server.wait_until_ready(timeout=90)
        yield server, chromium


@pytest.fixture(scope="module")
def lab(lab_and_browser):
    return lab_and_browser[0]


@pytest.fixture(scope="module")
def browser(lab_and_browser):
    return lab_and_browser[1]


class _SharedPage:
    """One page with JupyterLab loaded, reused by every notebook (loading JupyterLab costs
    seconds); replaced by a fresh one when a notebook leaves it broken."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.context = None
        self.page = None

    def get(self):
        if self.page is None or self.page.is_closed():
            self.discard()
            self.context = self.browser.new_context(viewport=VIEWPORT)
            self.page = self.context.new_page()
        return self.page

    def discard(self) -> None:
        if self.context is not None:
            with contextlib.suppress(Exception):
                self.context.close()
        self.context = self.page = None


@pytest.fixture(scope="module")
def shared_page(browser):
    holder = _SharedPage(browser)
    try:
        yield holder
    finally:
        holder.discard()


@pytest.fixture
def page(shared_page, lab):
    """The shared JupyterLab page; afterwards its notebooks are closed and kernels shut down."""
    page = shared_page.get()
    try:
        yield page
    finally:
        try:
            bs.close_notebooks(page)
        except Exception:
            shared_page.discard()
            lab.shutdown_kernels()


def _run_chapter(page, lab, relpath: str, screenshot: Path, *, slider: bool):
    """Run one notebook, maybe move its slider, and always save a screenshot.

    The screenshot shows the window at the tested widget; when something is wrong, a second
    one (``*-full.png``) shows the whole notebook.
    """
    report, change = None, None
    try:
        report = bs.run_and_check(page, lab, relpath, timeout=NOTEBOOK_TIMEOUT)
        if slider:
            start = time.monotonic()
            change = bs.move_first_slider(page, relpath)
            report.timings["slider"] = time.monotonic() - start
    finally:
        start = time.monotonic()
        bs.save_screenshot(page, screenshot)
        if report is None or not report.ok or (change is not None and not change.ok):
            bs.save_screenshot(page, screenshot.with_name(f"{screenshot.stem}-full.png"), full=True)
        if report is not None:
            report.timings["screenshot"] = time.monotonic() - start
    return report, change


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[Path(c).stem for c in CHAPTERS])
def test_chapter_renders_in_jupyterlab(chapter, lab, page, tmp_path):
    """Run All leaves no error, every widget and figure rendered; sliders move the figure."""
    relpath = f"notebooks/{chapter}"
    screenshot = tmp_path / f"{Path(chapter).stem}.png"
    slider = chapter[:2] in SLIDER_CHAPTERS
    report, change = _run_chapter(page, lab, relpath, screenshot, slider=slider)
    print(f"\n{report.summary()}")
    (tmp_path / "report.json").write_text(
        json.dumps({"summary": report.summary(), "slider": change and change.__dict__}, indent=2),
        encoding="utf-8",
    )
    assert report.ok, f"{report.summary()}\nScreenshot: {screenshot}"
    if slider:
        assert change.ok, "\n".join(change.problems) + f"\nScreenshot: {screenshot}"


# ---------------------------------------------------------------------------------------------
# The checks themselves must be able to fail: a working and a deliberately broken notebook.
# ---------------------------------------------------------------------------------------------


def test_checks_pass_on_a_working_notebook(lab, page, tmp_path):
    relpath = "_selftest/selftest_good.ipynb"
    report, change = _run_chapter(page, lab, relpath, tmp_path / "good.png", slider=True)
    assert report.ok, report.summary()
    assert report.code_cells == report.executed == 4
    assert any("tagged raises-exception" in note for note in report.notes), report.notes
    assert report.widget_outputs == 2
    assert report.widget_views >= 2
    # one inline figure, one widgets.Image, one figure inside an interact Output
    assert report.images == 3
    assert change.ok, change.problems
    assert float(change.after["value"]) > float(change.before["value"])
    assert change.after["numbers"] != change.before["numbers"]
    assert (tmp_path / "good.png").stat().st_size > 10_000


def test_checks_catch_broken_widgets_errors_and_pictures(lab, page, tmp_path):
    relpath = "_selftest/selftest_broken.ipynb"
    report, change = _run_chapter(page, lab, relpath, tmp_path / "broken.png", slider=True)
    text = "\n".join(report.problems)
    expected = {
        "version mismatch": "Failed to load model class 'IntSliderModel'",
        "widget without a model": "Error displaying widget",
        "picture that is not an image": "output image 1 did not load",
        "missing picture in the text": "picture in the text 2 did not load",
        "figure printed as text": "printed a figure as text",
        "kernel error": "raised ZeroDivisionError: division by zero",
        "cell skipped after the error": "did not run",
    }
    missed = [name for name, needle in expected.items() if needle not in text]
    assert not missed, f"the checks missed: {missed}\n{report.summary()}"
    assert not change.ok
    assert "no widget output holds both a slider" in change.problems[0]
    # on failure the whole notebook is photographed too
    assert (tmp_path / "broken.png").stat().st_size > 10_000
    assert (tmp_path / "broken-full.png").stat().st_size > 10_000


# ---------------------------------------------------------------------------------------------
# Helpers that need no browser.
# ---------------------------------------------------------------------------------------------


def test_missing_chromium_is_reported_with_the_install_command(tmp_path):
    pytest.importorskip("playwright")
    message = bs.missing_requirement(tmp_path / "no-chromium-here")
    assert message is not None
    assert "no-chromium-here" in message
    assert "sudo apt-get install chromium" in message


def test_missing_playwright_is_reported_with_the_pip_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import now fails
    message = bs.missing_requirement()
    assert message is not None
    assert "pip install -e '.[test]'" in message


@pytest.mark.parametrize(
    ("environ", "required"),
    [
        ({}, False),
        ({"CI": "true"}, True),
        ({"CI": "false"}, False),
        ({"CI": ""}, False),
        ({"SHELF_TO_FEED_REQUIRE_BROWSER": "1"}, True),
        ({"SHELF_TO_FEED_REQUIRE_BROWSER": "0", "CI": "0"}, False),
    ],
)
def test_browser_is_required_only_on_ci_or_when_asked(environ, required):
    assert bs.browser_required(environ) is required


def test_lab_root_copies_notebooks_and_leaves_the_originals_alone(tmp_path):
    source = tmp_path / "repo"
    (source / "notebooks").mkdir(parents=True)
    (source / "datasets").mkdir()
    (source / ".git").mkdir()
    original = source / "notebooks" / "01_x.ipynb"
    original.write_text("{}", encoding="utf-8")
    root, relpaths = bs.prepare_lab_root(tmp_path / "root", source / "notebooks", source)
    assert relpaths == ["notebooks/01_x.ipynb"]
    copied = root / "notebooks" / "01_x.ipynb"
    assert copied.is_file() and not copied.is_symlink()
    copied.write_text('{"changed": true}', encoding="utf-8")
    assert original.read_text(encoding="utf-8") == "{}"
    assert (root / "datasets").is_symlink()
    assert not (root / ".git").exists()


def test_lab_root_refuses_a_missing_notebooks_folder(tmp_path):
    with pytest.raises(ValueError, match="notebooks must be an existing folder"):
        bs.prepare_lab_root(tmp_path / "root", tmp_path / "nowhere")


def test_selftest_notebooks_are_valid(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    written = bs.write_selftest_notebooks(tmp_path)
    assert set(written) == {"good", "broken"}
    for path in written.values():
        nbformat.validate(nbformat.read(path, as_version=4))


def test_free_port_is_usable():
    port = bs.free_port()
    assert 1024 <= port <= 65535
