"""Helpers for the end-to-end browser test (``tests/test_browser.py``).

What a learner sees is JupyterLab in a browser. A notebook can run without a single kernel
error and still show "Error displaying widget" (for example when the ipywidgets in the kernel
and the one in JupyterLab disagree on versions), a widget stuck at "Loading widget...", or a
figure that never became a picture. The helpers here look with a real browser:

- :func:`running_lab` starts JupyterLab from this Python environment on 127.0.0.1, with a
  random token and its own settings, workspace and runtime folders, and always stops it (and
  every kernel it started), also on failure or Ctrl-C.
- :func:`chromium_browser` starts Debian's Chromium through Playwright (no browser download).
- :func:`run_and_check` opens one notebook, runs every cell once the kernel is really connected,
  and lists every problem a learner would see.
- :func:`move_first_slider` moves the first slider of the first widget that shows a picture and
  reports whether the picture and the numbers changed.
- :func:`write_selftest_notebooks` writes a good and a deliberately broken notebook, so the test
  suite can prove that the checks fail when they should.

This module is not collected by pytest (its name does not start with ``test_``).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course._validate import check_bool, check_int, check_number

REPO = Path(__file__).resolve().parents[1]
"""The repository root (the folder holding ``notebooks/`` and ``course/``)."""

NOTEBOOKS = REPO / "notebooks"
"""The chapter notebooks the browser test opens."""

CHROMIUM = Path(os.environ.get("SHELF_TO_FEED_CHROMIUM", "/usr/bin/chromium"))
"""Debian's Chromium. Set ``SHELF_TO_FEED_CHROMIUM`` to use another Chromium or Chrome."""

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)
"""Flags for a headless run as root in a container, with no network chatter."""

INSTALL_CHROMIUM = "install it with: sudo apt-get install chromium   (Debian/Ubuntu)"
INSTALL_PLAYWRIGHT = "install the test tools with: pip install -e '.[test]'"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# JupyterLab settings for the test run only (written into a temporary settings folder):
# no news or update pop-up over the page, no extension manager asking PyPI, every cell
# attached to the page (so every output can be inspected and photographed).
LAB_SETTINGS: dict[str, dict[str, Any]] = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def missing_requirement(chromium: Path | str | None = None) -> str | None:
    """Say what is missing for the browser test, or return None when all is there.

    Parameters
    ----------
    chromium : path, optional
        The Chromium executable to use; defaults to :data:`CHROMIUM`.

    Returns
    -------
    str or None
        A sentence naming what is missing and the exact command that installs it.
    """
    path = Path(chromium) if chromium is not None else CHROMIUM
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return f"Playwright for Python is not installed; {INSTALL_PLAYWRIGHT}"
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        return f"JupyterLab is not installed in this Python; {INSTALL_PLAYWRIGHT}"
    if not (path.is_file() and os.access(path, os.X_OK)):
        return f"Chromium was not found at {path}; {INSTALL_CHROMIUM}"
    return None


def browser_required(environ: dict[str, str] | None = None) -> bool:
    """True where a missing browser must fail the test instead of skipping it.

    That is on CI (``CI`` set to true, 1 or yes) or when ``SHELF_TO_FEED_REQUIRE_BROWSER`` is
    set to 1, true or yes; never on a learner's laptop by default.
    """
    env = os.environ if environ is None else environ
    truthy = {"1", "true", "yes"}
    return (
        env.get("SHELF_TO_FEED_REQUIRE_BROWSER", "").strip().lower() in truthy
        or env.get("CI", "").strip().lower() in truthy
    )


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare_lab_root(
    root: Path, notebooks: Path = NOTEBOOKS, repo: Path = REPO
) -> tuple[Path, list[str]]:
    """Build the folder JupyterLab serves: a copy of the notebooks beside the rest of the repo.

    The notebooks are copied, so running them never writes outputs into the learner's (or the
    repository's) files. Every other visible top-level entry of the repository (``datasets``,
    ``docs``, ...) is linked, so relative paths in the notebooks keep working.

    Parameters
    ----------
    root : Path
        An empty (or missing) folder to fill.
    notebooks : Path
        The folder of chapter notebooks to copy.
    repo : Path
        The repository whose other top-level entries are linked.

    Returns
    -------
    root : Path
        The folder to serve.
    relpaths : list of str
        The copied notebooks, as paths relative to ``root`` (``notebooks/00_welcome.ipynb``).
    """
    root = Path(root)
    notebooks = Path(notebooks)
    if not notebooks.is_dir():
        raise ValueError(f"notebooks must be an existing folder, got {str(notebooks)!r}")
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(
        notebooks,
        root / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        dirs_exist_ok=True,
    )
    for entry in sorted(Path(repo).iterdir()):
        if entry.name.startswith(".") or entry.name == "notebooks":
            continue
        link = root / entry.name
        if not link.exists():
            link.symlink_to(entry, target_is_directory=entry.is_dir())
    relpaths = [f"notebooks/{p.name}" for p in sorted((root / "notebooks").glob("*.ipynb"))]
    return root, relpaths


@dataclass
class LabServer:
    """A JupyterLab server started by :func:`running_lab`.

    Attributes
    ----------
    base_url : str
        ``http://127.0.0.1:PORT/`` (no token); empty until :meth:`wait_until_ready` returned.
    token : str
        The random token that guards the server.
    root : Path
        The folder the server serves.
    process : subprocess.Popen
        The server process (leader of its own process group).
    log_path : Path
        Where the server writes its log.
    runtime : Path
        The server's runtime folder, where it writes ``jpserver-PID.json`` (with its port).
    """

    base_url: str
    token: str
    root: Path
    process: subprocess.Popen
    log_path: Path
    runtime: Path

    def wait_until_ready(self, timeout: float = 90.0) -> LabServer:
        """Wait until the server announced its port and answers ``/api/status``; return self.

        Raises
        ------
        RuntimeError
            If the server process ends during start-up (with the end of its log).
        TimeoutError
            If it does not answer within ``timeout`` seconds.
        """
        timeout = check_number("timeout", timeout, low=0, low_inclusive=False, unit="s")
        deadline = time.monotonic() + timeout
        info_file = self.runtime / f"jpserver-{self.process.pid}.json"
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    "JupyterLab stopped during start-up with exit code "
                    f"{self.process.returncode}.\n{self.log_tail()}"
                )
            if info_file.is_file():
                with contextlib.suppress(ValueError, OSError, KeyError):
                    info = json.loads(info_file.read_text(encoding="utf-8"))
                    self.base_url = f"http://127.0.0.1:{int(info['port'])}/"
                    try:
                        self.api("GET", "api/status", timeout=2)
                        return self
                    except (urllib.error.URLError, OSError) as error:
                        last_error = str(error)
            time.sleep(0.2)
        self.base_url = ""
        raise TimeoutError(
            f"JupyterLab did not answer within {timeout:.0f} s ({last_error}).\n{self.log_tail()}"
        )

    def api(self, method: str, path: str, *, timeout: float = 10.0) -> Any:
        """Call the server's REST API and return the decoded JSON (None for an empty reply)."""
        request = urllib.request.Request(
            self.base_url + path.lstrip("/"),
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def workspace_url(self, workspace: str) -> str:
        """Address of JupyterLab in a fresh, named workspace (letters, digits and dashes)."""
        return f"{self.base_url}lab/workspaces/{workspace}?token={self.token}"

    def shutdown_kernels(self) -> int:
        """Shut down every session's kernel; return how many were shut down."""
        count = 0
        for session in self.api("GET", "api/sessions") or []:
            with contextlib.suppress(urllib.error.URLError, OSError):
                self.api("DELETE", f"api/sessions/{session['id']}")
                count += 1
        return count

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the server log, for error messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])


def _death_signal_setter() -> Any:
    """A function for ``preexec_fn``: ask Linux to kill the child if the test process dies
    without cleaning up (``PR_SET_PDEATHSIG``); None elsewhere.

    The C function is looked up here, in the parent, so the child only calls it. Kernels
    follow the server on their own: ipykernel exits when its parent process goes away.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig, sigkill = 1, int(signal.SIGKILL)

    def set_death_signal() -> None:  # pragma: no cover - runs in the child before exec
        prctl(pr_set_pdeathsig, sigkill)

    return set_death_signal


def _stop_process_group(process: subprocess.Popen, grace: float) -> None:
    """SIGTERM the process group, wait ``grace`` seconds, then SIGKILL whatever is left."""
    try:
        pgid = os.getpgid(process.pid)
    except ProcessLookupError:
        pgid = None
    if pgid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    if pgid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)


@contextlib.contextmanager
def running_lab(
    root: Path, state: Path, *, startup_timeout: float = 90.0, wait: bool = True
) -> Iterator[LabServer]:
    """Start JupyterLab on 127.0.0.1 and stop it, and all its kernels, when the block ends.

    Parameters
    ----------
    root : Path
        The folder to serve (see :func:`prepare_lab_root`).
    state : Path
        A private folder for JupyterLab's settings, workspaces, runtime files and log, so the
        learner's own settings neither leak in nor get changed.
    startup_timeout : float
        Seconds to wait for the server to answer (> 0).
    wait : bool
        True: yield once the server answers. False: yield at once, so other work (starting
        the browser) overlaps the server's start; call ``wait_until_ready()`` before use.

    Yields
    ------
    LabServer
    """
    startup_timeout = check_number(
        "startup_timeout", startup_timeout, low=0, low_inclusive=False, unit="s"
    )
    wait = check_bool("wait", wait)
    root = Path(root).resolve()
    state = Path(state).resolve()
    folders = {
        name: state / name
        for name in ("settings", "workspaces", "config", "data", "runtime", "ipython")
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for relname, values in LAB_SETTINGS.items():
        target = folders["settings"] / relname
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values, indent=2), encoding="utf-8")

    env = dict(os.environ)
    # The test suite draws off screen (MPLBACKEND=Agg); the kernels must draw inline, as for
    # a learner, or every figure would be printed as "<Figure size ...>" text.
    env.pop("MPLBACKEND", None)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(folders["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(folders["workspaces"]),
        JUPYTER_CONFIG_DIR=str(folders["config"]),
        JUPYTER_DATA_DIR=str(folders["data"]),
        JUPYTER_RUNTIME_DIR=str(folders["runtime"]),
        IPYTHONDIR=str(folders["ipython"]),
        JUPYTER_PREFER_ENV_PATH="1",
        PYTHONUNBUFFERED="1",
    )
    token = secrets.token_hex(24)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={free_port()}",
        "--ServerApp.port_retries=20",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--expose-app-in-browser",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log_path = state / "jupyterlab.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_death_signal_setter(),
        )
    server = LabServer("", token, root, process, log_path, folders["runtime"])
    try:
        if wait:
            server.wait_until_ready(startup_timeout)
        yield server
    finally:
        if server.base_url:
            with contextlib.suppress(Exception):
                server.shutdown_kernels()
            with contextlib.suppress(Exception):
                server.api("POST", "api/shutdown", timeout=5)
        _stop_process_group(process, grace=10.0)


@contextlib.contextmanager
def chromium_browser(executable: Path | str | None = None) -> Iterator[Any]:
    """Start headless Chromium through Playwright and close it when the block ends.

    Parameters
    ----------
    executable : path, optional
        The Chromium to run; defaults to :data:`CHROMIUM`. Playwright's own browser download
        is never used.

    Yields
    ------
    playwright.sync_api.Browser
    """
    from playwright.sync_api import sync_playwright

    path = Path(executable) if executable is not None else CHROMIUM
    problem = missing_requirement(path)
    if problem is not None:
        raise FileNotFoundError(problem)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(path), headless=True, args=list(CHROMIUM_FLAGS)
        )
        try:
            yield browser
        finally:
            browser.close()


# --------------------------------------------------------------------------------------------
# Inside the page. PANEL finds the notebook panel for a path (window.jupyterapp is exposed by
# --expose-app-in-browser).
# --------------------------------------------------------------------------------------------

_PANEL = """
const findPanel = (path) => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return null;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.sessionContext) return w;
  }
  return null;
};
"""

_JS_APP_READY = """() => {
  const app = window.jupyterapp;
  return !!(app && app.shell && app.commands && app.commands.hasCommand('docmanager:open')
    && app.commands.hasCommand('notebook:run-all-cells')
    && document.querySelector('#main') !== null);
}"""

_JS_CLOSE_ALL = """async () => {
  const app = window.jupyterapp;
  if (!app) return 0;
  const panels = Array.from(app.shell.widgets('main')).filter((w) => w.sessionContext && w.content);
  const sessions = app.serviceManager.sessions;
  for (const panel of panels) {
    const session = panel.sessionContext.session;
    // Ask the server to shut the kernel down; do not wait (the next notebook can start).
    if (session) sessions.shutdown(session.id).catch(() => {});
    if (panel.context && panel.context.model) panel.context.model.dirty = false;
    panel.dispose();
  }
  return panels.length;
}"""

_JS_KERNEL_STATE = (
    "(path) => {"
    + _PANEL
    + """
  const panel = findPanel(path);
  if (!panel) return {panel: false};
  const session = panel.sessionContext.session;
  const kernel = session ? session.kernel : null;
  return {
    panel: true,
    ready: panel.context.isReady,
    kernel: !!kernel,
    connection: kernel ? kernel.connectionStatus : null,
    status: kernel ? kernel.status : null,
    dialog: document.querySelector('.jp-Dialog') ? document.querySelector('.jp-Dialog').innerText : null,
  };
}"""
)

_JS_START_RUN_ALL = (
    "(path) => {"
    + _PANEL
    + """
  const app = window.jupyterapp;
  const panel = findPanel(path);
  app.shell.activateById(panel.id);
  window.__e2eRun = {done: false, ok: null, error: null};
  app.commands.execute('notebook:run-all-cells').then(
    (ok) => { window.__e2eRun = {done: true, ok: ok, error: null}; },
    (err) => { window.__e2eRun = {done: true, ok: false, error: String(err)}; });
}"""
)

_JS_SETTLED = (
    "(path) => {"
    + _PANEL
    + """
  const panel = findPanel(path);
  if (!panel || !window.__e2eRun || !window.__e2eRun.done) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  const prompts = panel.node.querySelectorAll('.jp-InputPrompt');
  for (const p of prompts) { if (p.textContent.includes('[*]')) return false; }
  return true;
}"""
)

_JS_MODEL = (
    "(path) => {"
    + _PANEL
    + """
  const panel = findPanel(path);
  const cells = [];
  const list = panel.content.model.cells;
  for (let i = 0; i < list.length; i++) {
    const cell = list.get(i);
    const json = cell.toJSON();
    const source = Array.isArray(json.source) ? json.source.join('') : json.source;
    cells.push({
      index: i,
      type: json.cell_type,
      source: source,
      execution_count: json.execution_count === undefined ? null : json.execution_count,
      tags: (json.metadata && json.metadata.tags) || [],
      outputs: (json.outputs || []).map((o) => ({
        output_type: o.output_type,
        ename: o.ename || null,
        evalue: o.evalue || null,
        name: o.name || null,
        mimes: o.data ? Object.keys(o.data) : [],
        text_plain: o.data && o.data['text/plain'] !== undefined
          ? [].concat(o.data['text/plain']).join('') : null,
      })),
    });
  }
  return cells;
}"""
)

# Rendered outputs: widget views and images, read from the page itself.
_JS_DOM = (
    "(path) => {"
    + _PANEL
    + """
  const panel = findPanel(path);
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = window.getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && s.display !== 'none'
      && el.offsetParent !== null;
  };
  // A widget display is an output area item holding a widget view (class jupyter-widgets),
  // or still showing the renderer's own "Loading widget..." / "Error displaying widget" text.
  const widgets = [];
  for (const node of panel.node.querySelectorAll('.jp-OutputArea-output')) {
    const text = node.textContent.trim();
    const isWidgetOutput = node.classList.contains('jupyter-widgets')
      || node.querySelector(':scope > .jupyter-widgets') !== null
      || text === 'Loading widget...' || text.startsWith('Error displaying widget');
    if (!isWidgetOutput) continue;
    if (node.classList.contains('lm-mod-hidden')) continue;
    const view = node.querySelector(':scope > .jupyter-widgets');
    widgets.push({
      text: text.slice(0, 200),
      loading: text === 'Loading widget...',
      error: text.startsWith('Error displaying widget') ? text.slice(0, 200) : null,
      rendered: !!view && visible(view),
      nested: !!node.parentElement.closest('.jp-OutputArea-output'),
    });
  }
  const images = [];
  const selector = '.jp-OutputArea-output img, .jp-MarkdownCell .jp-RenderedMarkdown img';
  for (const img of panel.node.querySelectorAll(selector)) {
    const r = img.getBoundingClientRect();
    images.push({
      src: (img.getAttribute('src') || '').slice(0, 60),
      complete: img.complete,
      natural: [img.naturalWidth, img.naturalHeight],
      box: [Math.round(r.width), Math.round(r.height)],
      visible: visible(img),
      in_widget: !!img.closest('.jupyter-widgets'),
      markdown: !!img.closest('.jp-MarkdownCell'),
    });
  }
  // Views that failed to load (for example a version JupyterLab does not have) are replaced
  // by an error view; a click on it reveals the message, which also shows in the screenshot.
  const failed = [];
  for (const box of panel.node.querySelectorAll('.jupyter-widgets-error-widget')) {
    if (box.classList.contains('icon-error') && box.parentElement) box.parentElement.click();
    const lines = box.innerText.split('\\n').map((l) => l.trim())
      .filter((l) => l && !l.startsWith('[Open Browser Console'));
    failed.push(lines.slice(0, 2).join(' ').slice(0, 300));
  }
  return {widgets: widgets, images: images, failed: failed};
}"""
)

_JS_IMAGES_SETTLED = (
    "(path) => {"
    + _PANEL
    + """
  const panel = findPanel(path);
  const imgs = panel.node.querySelectorAll(
    '.jp-OutputArea-output img, .jp-MarkdownCell .jp-RenderedMarkdown img');
  for (const img of imgs) { if (!img.complete) return false; }
  for (const node of panel.node.querySelectorAll('.jp-OutputArea-output')) {
    if (node.textContent.trim() === 'Loading widget...') return false;
  }
  return true;
}"""
)


@dataclass
class NotebookReport:
    """What one notebook looked like in the browser after "Run All".

    Attributes
    ----------
    path : str
        The notebook, relative to the server root.
    seconds : float
        Wall time from opening the page to the end of the checks (s).
    code_cells : int
        Code cells with some source.
    executed : int
        Code cells that got an execution count.
    widget_outputs : int
        Outputs in the notebook that display a widget (from the notebook model).
    widget_views : int
        Widget displays found on the page (top level and inside other widgets).
    image_outputs : int
        PNG, JPEG or SVG outputs in the notebook model.
    images : int
        ``<img>`` elements on the page in outputs (figures, widget images) and in the text.
    problems : list of str
        Everything a learner would see as broken; empty when all is well.
    notes : list of str
        Things worth knowing that are not failures (stderr output, browser console errors).
    timings : dict of str to float
        Seconds spent in each step: ``open`` (until the kernel is connected and idle),
        ``run`` (Run All until idle) and ``inspect`` (waiting for rendering, then checking).
    """

    path: str
    seconds: float = 0.0
    code_cells: int = 0
    executed: int = 0
    widget_outputs: int = 0
    widget_views: int = 0
    image_outputs: int = 0
    images: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def summary(self) -> str:
        """One line per fact and problem, for assertion messages and logs."""
        head = (
            f"{self.path}: {self.seconds:.1f} s, {self.executed}/{self.code_cells} code cells "
            f"run, widgets {self.widget_views} on page / {self.widget_outputs} in notebook, "
            f"images {self.images} on page / {self.image_outputs} in notebook"
        )
        if self.timings:
            head += " (" + ", ".join(f"{k} {v:.1f} s" for k, v in self.timings.items()) + ")"
        lines = [head]
        lines += [f"  PROBLEM: {p}" for p in self.problems]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


def load_lab(page: Any, lab: LabServer, *, timeout: float = 90.0) -> None:
    """Load JupyterLab in ``page`` (a fresh, empty workspace) unless it is already loaded.

    Raises
    ------
    TimeoutError
        If JupyterLab has not finished starting in the page within ``timeout`` seconds.
    """
    timeout = check_number("timeout", timeout, low=0, low_inclusive=False, unit="s")
    if page.url.startswith(lab.base_url) and page.evaluate(_JS_APP_READY):
        return
    workspace = "e2e-" + secrets.token_hex(4)
    page.goto(lab.workspace_url(workspace), wait_until="domcontentloaded")
    try:
        page.wait_for_function(_JS_APP_READY, timeout=timeout * 1000, polling=200)
    except Exception as error:  # playwright's TimeoutError
        raise TimeoutError(f"JupyterLab did not finish loading within {timeout:.0f} s") from error


def open_notebook(page: Any, lab: LabServer, relpath: str, *, timeout: float = 90.0) -> None:
    """Open ``relpath`` in JupyterLab and wait until its kernel is connected and idle.

    JupyterLab is loaded first if the page does not show it yet; a page that already shows it
    is reused (much faster than loading JupyterLab again for every notebook).

    The toolbar's "Idle" can show before the kernel's connection is up, and "Run All" then
    does nothing; so this waits on the kernel object itself.

    Raises
    ------
    TimeoutError
        With the last state seen, if the kernel is not ready in time.
    """
    timeout = check_number("timeout", timeout, low=0, low_inclusive=False, unit="s")
    deadline = time.monotonic() + timeout
    load_lab(page, lab, timeout=timeout)
    page.evaluate(
        "(path) => { window.jupyterapp.commands.execute("
        "'docmanager:open', {path: path, factory: 'Notebook'}); }",
        relpath,
    )
    state: dict[str, Any] = {}
    while time.monotonic() < deadline:
        state = page.evaluate(_JS_KERNEL_STATE, relpath) or {}
        if (
            state.get("ready")
            and state.get("connection") == "connected"
            and state.get("status") == "idle"
        ):
            return
        page.wait_for_timeout(200)
    raise TimeoutError(
        f"{relpath}: the kernel was not connected and idle within {timeout:.0f} s; "
        f"last state seen: {state}"
    )


def close_notebooks(page: Any) -> int:
    """Close every open notebook without saving, and ask the server to shut its kernel down.

    The page does not wait for the kernels to end (that takes seconds);
    :meth:`LabServer.shutdown_kernels` does.

    Returns
    -------
    int
        How many notebooks were closed.
    """
    return int(page.evaluate(_JS_CLOSE_ALL))


def run_all(page: Any, relpath: str, *, timeout: float = 120.0) -> bool:
    """Run every cell of the open notebook and wait until the kernel is idle again.

    Returns
    -------
    bool
        JupyterLab's own verdict: True when every cell ran without an error.

    Raises
    ------
    TimeoutError
        If the cells are still running after ``timeout`` seconds.
    """
    timeout = check_number("timeout", timeout, low=0, low_inclusive=False, unit="s")
    page.evaluate(_JS_START_RUN_ALL, relpath)
    try:
        page.wait_for_function(_JS_SETTLED, arg=relpath, timeout=timeout * 1000, polling=200)
    except Exception as error:  # playwright's TimeoutError
        raise TimeoutError(
            f"{relpath}: cells still running after {timeout:.0f} s (Run All did not finish)"
        ) from error
    result = page.evaluate("() => window.__e2eRun")
    return bool(result.get("ok"))


def inspect_notebook(
    page: Any, relpath: str, report: NotebookReport, *, settle: float = 20.0
) -> NotebookReport:
    """Fill ``report`` with what the notebook model and the page show; return it."""
    settle = check_number("settle", settle, low=0, unit="s")
    cells = page.evaluate(_JS_MODEL, relpath)
    for cell in cells:
        if cell["type"] != "code" or not cell["source"].strip():
            continue
        report.code_cells += 1
        label = f"cell {cell['index'] + 1} ({_first_line(cell['source'])})"
        if cell["execution_count"] is None:
            report.problems.append(f"{label} did not run")
        else:
            report.executed += 1
        for output in cell["outputs"]:
            if output["output_type"] == "error":
                message = f"{label} raised {output['ename']}: {output['evalue']}".rstrip()
                if "raises-exception" in cell["tags"]:
                    report.notes.append(f"{message} (expected: tagged raises-exception)")
                else:
                    report.problems.append(message)
            if output["output_type"] == "stream" and output["name"] == "stderr":
                report.notes.append(f"{label} wrote to stderr")
            mimes = output["mimes"]
            if WIDGET_MIME in mimes:
                report.widget_outputs += 1
            if any(m in mimes for m in ("image/png", "image/jpeg", "image/svg+xml")):
                report.image_outputs += 1
            elif (output["text_plain"] or "").startswith("<Figure size"):
                report.problems.append(
                    f"{label} printed a figure as text ({output['text_plain'].strip()}) "
                    "instead of drawing it (is MPLBACKEND set to a non-inline backend?)"
                )

    # Give widgets and images time to finish rendering, then look.
    with contextlib.suppress(Exception):
        page.wait_for_function(
            _JS_IMAGES_SETTLED, arg=relpath, timeout=max(settle, 0.001) * 1000, polling=200
        )
    dom = page.evaluate(_JS_DOM, relpath)
    report.widget_views = len(dom["widgets"])
    report.images = len(dom["images"])
    top_level = [w for w in dom["widgets"] if not w["nested"]]
    for number, widget in enumerate(dom["widgets"], start=1):
        if widget["error"]:
            report.problems.append(f"widget display {number} shows {widget['error']!r}")
        elif widget["loading"]:
            report.problems.append(
                f"widget display {number} is still 'Loading widget...' after {settle:.0f} s"
            )
        elif not widget["rendered"]:
            report.problems.append(
                f"widget display {number} has no visible widget elements: {widget['text']!r}"
            )
    for message in dom["failed"]:
        report.problems.append(f"a widget failed to load and shows an error: {message}")
    if len(top_level) < report.widget_outputs:
        report.problems.append(
            f"the notebook displays {report.widget_outputs} widgets but only "
            f"{len(top_level)} appear on the page"
        )
    for number, image in enumerate(dom["images"], start=1):
        where = "picture in the text" if image["markdown"] else "output image"
        if not (image["complete"] and min(image["natural"]) > 0):
            report.problems.append(
                f"{where} {number} did not load (src {image['src']!r}, "
                f"natural size {image['natural']})"
            )
        elif not image["visible"]:
            report.problems.append(
                f"{where} {number} is not visible on the page (box {image['box']} px)"
            )
    outside_widgets = sum(
        1 for image in dom["images"] if not (image["in_widget"] or image["markdown"])
    )
    if outside_widgets < report.image_outputs:
        report.problems.append(
            f"the notebook has {report.image_outputs} figures or pictures but only "
            f"{outside_widgets} images appear on the page"
        )
    return report


def _first_line(source: str, width: int = 50) -> str:
    line = next((s.strip() for s in source.splitlines() if s.strip()), "")
    return line if len(line) <= width else line[: width - 3] + "..."


def run_and_check(
    page: Any,
    lab: LabServer,
    relpath: str,
    *,
    timeout: float = 120.0,
    settle: float = 20.0,
) -> NotebookReport:
    """Open a notebook, run all cells, and report everything a learner would see as broken.

    Parameters
    ----------
    page : playwright.sync_api.Page
        A fresh page.
    lab : LabServer
        The running server.
    relpath : str
        The notebook, relative to the server root.
    timeout : float
        Seconds allowed for opening plus running all cells (> 0).
    settle : float
        Seconds allowed, after the run, for widgets and images to finish rendering (>= 0).

    Returns
    -------
    NotebookReport
        Its ``problems`` list is empty when the notebook is fine. A notebook that cannot be
        opened or does not finish in time is reported as a problem, not raised.
    """
    timeout = check_number("timeout", timeout, low=0, low_inclusive=False, unit="s")
    settle = check_number("settle", settle, low=0, unit="s")
    if not (lab.root / relpath).is_file():
        raise ValueError(f"relpath must name a notebook under {lab.root}, got {relpath!r}")
    report = NotebookReport(path=relpath)
    start = time.monotonic()
    page_errors: list[str] = []

    def on_page_error(error: Any) -> None:
        page_errors.append(str(error))

    page.on("pageerror", on_page_error)
    try:
        open_notebook(page, lab, relpath, timeout=timeout)
        report.timings["open"] = time.monotonic() - start
        remaining = max(timeout - (time.monotonic() - start), 1.0)
        if not run_all(page, relpath, timeout=remaining):
            report.notes.append("JupyterLab reports that Run All did not succeed")
        report.timings["run"] = time.monotonic() - start - report.timings["open"]
        inspect_notebook(page, relpath, report, settle=settle)
        report.timings["inspect"] = time.monotonic() - start - sum(report.timings.values())
    except TimeoutError as error:
        report.problems.append(str(error))
    finally:
        page.remove_listener("pageerror", on_page_error)
    report.notes += [f"page error: {e[:200]}" for e in page_errors]
    report.seconds = time.monotonic() - start
    return report


# --------------------------------------------------------------------------------------------
# Moving a slider
# --------------------------------------------------------------------------------------------

_JS_MARK_TARGET = (
    "(path) => {"
    + _PANEL
    + """
  const panel = findPanel(path);
  for (const old of document.querySelectorAll('[data-e2e-target]')) {
    old.removeAttribute('data-e2e-target');
  }
  for (const node of panel.node.querySelectorAll('.jp-OutputArea-output')) {
    if (node.parentElement.closest('.jp-OutputArea-output .jupyter-widgets')) continue;
    if (node.querySelector('.noUi-handle') && node.querySelector('img')) {
      node.setAttribute('data-e2e-target', '1');
      node.scrollIntoView({block: 'start'});
      return true;
    }
  }
  return false;
}"""
)

# A fingerprint of what the target shows: the first slider's value, the first picture's pixels
# (hashed through a canvas) and the text outside the sliders (the numbers).
_JS_SNAPSHOT = """() => {
  const node = document.querySelector('[data-e2e-target]');
  if (!node) return null;
  const slider = node.querySelector('.widget-slider') || node;
  const handle = slider.querySelector('.noUi-handle');
  const readout = slider.querySelector('.widget-readout');
  const origin = slider.querySelector('.noUi-origin');
  const img = node.querySelector('img');
  let pixels = null;
  if (img && img.complete && img.naturalWidth > 0) {
    try {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let h = 2166136261;
      for (let i = 0; i < data.length; i += 4) {
        h ^= data[i] + 3 * data[i + 1] + 7 * data[i + 2];
        h = Math.imul(h, 16777619) >>> 0;
      }
      pixels = `${img.naturalWidth}x${img.naturalHeight}:${h}`;
    } catch (e) {
      pixels = 'unreadable:' + String(e);
    }
  }
  const clone = node.cloneNode(true);
  for (const el of clone.querySelectorAll('.widget-slider, .widget-readout, .noUi-target')) {
    el.remove();
  }
  const numbers = clone.textContent.replace(/\\s+/g, ' ').trim();
  return {
    value: handle ? handle.getAttribute('aria-valuenow') : null,
    shown: readout ? readout.textContent.trim() : null,
    position: origin ? origin.style.transform : null,
    min: handle ? handle.getAttribute('aria-valuemin') : null,
    max: handle ? handle.getAttribute('aria-valuemax') : null,
    src: img ? (img.getAttribute('src') || '') : null,
    pixels: pixels,
    numbers: numbers,
  };
}"""


@dataclass
class SliderChange:
    """What moving a slider did.

    Attributes
    ----------
    before, after : dict
        Snapshots with keys ``value`` (the slider's value as the page reports it, possibly
        rounded), ``shown`` (its readout), ``position`` (where its handle sits), ``src``
        (picture address),
        ``pixels`` (size and hash of the picture's pixels) and ``numbers`` (the widget's text
        outside the sliders).
    problems : list of str
        Empty when the slider moved and both the picture and the numbers changed.
    """

    before: dict[str, Any] | None
    after: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def move_first_slider(
    page: Any, relpath: str, *, presses: int = 3, timeout: float = 30.0
) -> SliderChange:
    """Move the first slider of the first widget that has a slider and a picture.

    The handle gets keyboard focus and receives ``presses`` arrow presses (right, or left when
    it sits at its maximum), the way a learner could move it; sliders with
    ``continuous_update=False`` send the new value on each key press. Then this waits until
    both the picture's pixels and the numbers' text changed.

    Parameters
    ----------
    page : playwright.sync_api.Page
        The page where ``relpath`` was run by :func:`run_and_check`.
    relpath : str
        The notebook, relative to the server root.
    presses : int
        Arrow-key presses (1 to 50).
    timeout : float
        Seconds to wait for the picture and the numbers to change (> 0).

    Returns
    -------
    SliderChange
    """
    presses = check_int("presses", presses, low=1, high=50)
    timeout = check_number("timeout", timeout, low=0, low_inclusive=False, unit="s")
    if not page.evaluate(_JS_MARK_TARGET, relpath):
        return SliderChange(
            None,
            None,
            [f"{relpath}: no widget output holds both a slider (.noUi-handle) and a picture"],
        )
    before = page.evaluate(_JS_SNAPSHOT)
    handle = page.locator("[data-e2e-target] .noUi-handle").first
    if page.locator("[data-e2e-target] .widget-slider .noUi-handle").count():
        handle = page.locator("[data-e2e-target] .widget-slider .noUi-handle").first
    at_max = before["value"] is not None and before["value"] == before["max"]
    key = "ArrowLeft" if at_max else "ArrowRight"
    handle.focus()
    for _ in range(presses):
        handle.press(key)
    deadline = time.monotonic() + timeout
    after = before
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        after = page.evaluate(_JS_SNAPSHOT)
        if after and after["pixels"] != before["pixels"] and after["numbers"] != before["numbers"]:
            break
    change = SliderChange(before, after)
    if after is None:
        change.problems.append(f"{relpath}: the widget disappeared after moving the slider")
        return change
    if all(after[k] == before[k] for k in ("value", "shown", "position")):
        change.problems.append(
            f"{relpath}: the slider did not move ({key} x{presses}; value {before['value']}, "
            f"shown as {before['shown']!r})"
        )
    if after["pixels"] == before["pixels"]:
        change.problems.append(
            f"{relpath}: the picture did not change within {timeout:.0f} s "
            f"(slider {before['value']} -> {after['value']})"
        )
    if not before["numbers"]:
        change.problems.append(f"{relpath}: the widget shows no numbers (no text outside sliders)")
    elif after["numbers"] == before["numbers"]:
        change.problems.append(
            f"{relpath}: the numbers did not change within {timeout:.0f} s: "
            f"{before['numbers'][:120]!r}"
        )
    return change


_JS_SCROLL_TO_WIDGET = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  let target = panel.querySelector('[data-e2e-target]');
  if (!target) {
    for (const node of panel.querySelectorAll('.jp-OutputArea-output')) {
      if (node.querySelector(':scope > .jupyter-widgets') || node.classList.contains('jupyter-widgets')) {
        target = node;
        break;
      }
    }
  }
  if (target) target.scrollIntoView({block: 'start'});
  return !!target;
}"""

_JS_SCROLL_TO_TOP = """() => {
  const scroller = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
  if (!scroller) return 0;
  scroller.scrollTop = 0;
  return scroller.scrollHeight - scroller.clientHeight + window.innerHeight;
}"""


def save_screenshot(
    page: Any, path: Path, *, full: bool = False, max_height: int = 12000
) -> Path | None:
    """Photograph the open notebook into ``path`` (PNG); never raises.

    Parameters
    ----------
    page : playwright.sync_api.Page
        The page showing the notebook.
    path : Path
        Where to write the picture.
    full : bool
        False: one window's worth, scrolled to the widget that was tested (or the first
        widget), which is quick. True: the whole notebook from the top, up to ``max_height``
        pixels tall (seconds on a busy machine; meant for failures).
    max_height : int
        Tallest full picture, in pixels (200 to 30000).

    Returns
    -------
    Path or None
        The path written, or None if the page could not be photographed.
    """
    full = check_bool("full", full)
    max_height = check_int("max_height", max_height, low=200, high=30000)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        size = page.viewport_size or {"width": 1280, "height": 900}
        if not full:
            page.evaluate(_JS_SCROLL_TO_WIDGET)
            page.wait_for_timeout(100)
            page.screenshot(path=str(path))
            return path
        height = page.evaluate(_JS_SCROLL_TO_TOP)
        if height and height > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": min(height, max_height)})
            page.wait_for_timeout(300)
        try:
            page.screenshot(path=str(path))
        finally:
            page.set_viewport_size(size)
        return path
    except Exception:
        return None


# --------------------------------------------------------------------------------------------
# Self-test notebooks
# --------------------------------------------------------------------------------------------

_GOOD_CELLS = [
    ("markdown", "# Browser self-test: a notebook that works"),
    (
        "code",
        "import io\n"
        "import ipywidgets as widgets\n"
        "import matplotlib.pyplot as plt\n"
        "import numpy as np\n"
        "from IPython.display import display\n"
        "\n"
        "x = np.linspace(0, 10, 200)\n"
        "fig, ax = plt.subplots(figsize=(4, 2.5))\n"
        "ax.plot(x, np.sin(x))\n"
        "plt.show()",
    ),
    (
        "code",
        "def draw(n):\n"
        "    fig, ax = plt.subplots(figsize=(4, 2.5))\n"
        "    ax.bar(range(n), np.arange(1, n + 1))\n"
        "    buffer = io.BytesIO()\n"
        "    fig.savefig(buffer, format='png')\n"
        "    plt.close(fig)\n"
        "    return buffer.getvalue()\n"
        "\n"
        "slider = widgets.IntSlider(value=3, min=1, max=10, description='Bars',\n"
        "                           continuous_update=False)\n"
        "image = widgets.Image(value=draw(3), format='png')\n"
        "numbers = widgets.HTML('<b>Total:</b> 6 orders')\n"
        "\n"
        "def update(change):\n"
        "    n = change['new']\n"
        "    image.value = draw(n)\n"
        "    numbers.value = f'<b>Total:</b> {n * (n + 1) // 2} orders'\n"
        "\n"
        "slider.observe(update, names='value')\n"
        "display(widgets.VBox([slider, image, numbers]))",
    ),
    (
        "code",
        "@widgets.interact(level=widgets.FloatSlider(value=0.5, min=0, max=1, step=0.1,\n"
        "                                            continuous_update=False))\n"
        "def show(level):\n"
        "    fig, ax = plt.subplots(figsize=(3, 2))\n"
        "    ax.axhline(level)\n"
        "    plt.show()\n"
        "    print(f'level = {level:.1f}')",
    ),
    (
        "code",
        "# an error the lesson shows on purpose (tagged raises-exception): not a failure\n"
        "raise ValueError('price must be at least 0 USD, got -1')",
        ["raises-exception"],
    ),
]

_BROKEN_CELLS = [
    ("markdown", "# Browser self-test: a notebook that must fail every check"),
    (
        "code",
        "import ipywidgets as widgets\n"
        "from IPython.display import Image, display\n"
        "from traitlets import Unicode\n"
        "\n"
        "class FutureSlider(widgets.IntSlider):\n"
        "    # claims a widget version this JupyterLab does not have (the Binder bug)\n"
        "    _model_module_version = Unicode('99.0.0').tag(sync=True)\n"
        "    _view_module_version = Unicode('99.0.0').tag(sync=True)\n"
        "\n"
        "display(FutureSlider(value=1))",
    ),
    (
        "code",
        "# a widget display whose model the kernel never sent\n"
        "display({'" + WIDGET_MIME + "': {'model_id': 'no-such-model',\n"
        "         'version_major': 2, 'version_minor': 0}}, raw=True)",
    ),
    ("code", "display(Image(data=b'this is not a PNG file', format='png'))"),
    ("markdown", "A picture in the text whose file is missing: ![missing](no_such_picture.png)"),
    (
        "code",
        "display({'text/plain': '<Figure size 640x480 with 1 Axes>'}, raw=True)",
    ),
    ("code", "1 / 0"),
    ("code", "print('never runs: the cell above stopped Run All')"),
]


def write_selftest_notebooks(folder: Path) -> dict[str, Path]:
    """Write two small notebooks into ``folder``: ``good`` passes every check, ``broken`` fails.

    ``broken`` holds a widget that claims a version JupyterLab does not know ("Error displaying
    widget"), a widget display with no model, a picture that is not an image, a figure printed
    as text, a ZeroDivisionError and a cell that therefore never runs.

    Returns
    -------
    dict
        ``{"good": path, "broken": path}``.
    """
    import nbformat

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, cells in (("good", _GOOD_CELLS), ("broken", _BROKEN_CELLS)):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
        }
        for kind, source, *tags in cells:
            maker = (
                nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
            )
            cell = maker(source)
            if tags:
                cell.metadata["tags"] = list(tags[0])
            notebook.cells.append(cell)
        path = folder / f"selftest_{name}.ipynb"
        nbformat.write(notebook, path)
        written[name] = path
    return written
