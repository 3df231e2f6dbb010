"""Check that this computer is ready for the course: ``python -m course.check``.

Run it before a workshop, on a laptop, on Binder or on a JupyterHub. It prints the
Python in use, the version of every package the course needs, whether matplotlib can
draw, whether ipywidgets can build a widget and JupyterLab has the widgets extension,
whether the bundled data sets and notebooks are found, and how much memory is free.
The last line is either ``OK: ready for the course`` or ``NOT READY: `` followed by
what to fix; the exit code is 0 or 1.

From Python, :func:`run_checks` returns the same results as a list of
:class:`CheckResult`.
"""

from __future__ import annotations

import importlib
import io
import json
import platform
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = [
    "PACKAGES",
    "CheckResult",
    "main",
    "report",
    "run_checks",
]

MIN_PYTHON = (3, 10)
"""The oldest Python the course supports (``requires-python`` in pyproject.toml)."""

PACKAGES: dict[str, tuple[str, str | None]] = {
    # distribution name: (lowest version allowed, first version NOT allowed or None)
    # Same bounds as the dependencies in pyproject.toml (tests/test_check.py compares them).
    "numpy": ("1.24", None),
    "pandas": ("2.0", None),
    "scipy": ("1.10", None),
    "matplotlib": ("3.7", None),
    "ipywidgets": ("8.0", "9"),
    "ipykernel": ("6.20", None),
    "jupyterlab": ("4.0", "5"),
    "openpyxl": ("3.1", None),
}

COURSE_DISTRIBUTION = "shelf-to-feed-course"
WIDGETS_LAB_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
LOW_MEMORY_BYTES = 1 * 1024**3
"""Below this much available memory the check warns (Binder gives about 1-2 GB)."""

_FIX_INSTALL = (
    "from the course folder run `make lab` (or `python -m pip install -e .`), "
    "or on Binder start a fresh session"
)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    Attributes
    ----------
    name : str
        What was checked, e.g. ``"numpy"`` or ``"matplotlib draws"``.
    ok : bool
        True when the check passed.
    detail : str
        What was found, e.g. the version and where it lives.
    fix : str
        What to do when ``ok`` is False (empty when it passed).
    required : bool
        False for checks that only warn (the course can still run): free memory,
        the notebooks folder.
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True

    @property
    def status(self) -> str:
        """``"OK"``, ``"WARN"`` (a failed optional check) or ``"FAIL"``."""
        if self.ok:
            return "OK"
        return "FAIL" if self.required else "WARN"


def version_tuple(version: str) -> tuple[int, ...]:
    """The leading numbers of a version string: ``"8.1.9rc1"`` gives ``(8, 1, 9)``.

    Parameters
    ----------
    version : str
        A version such as ``"2.4.6"``.

    Raises
    ------
    ValueError
        If ``version`` does not start with a number.
    """
    if not isinstance(version, str):
        raise TypeError(f"version must be text such as '2.4.6'; got {version!r}")
    parts = []
    for piece in version.strip().split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    if not parts:
        raise ValueError(f"version must start with a number, e.g. '2.4.6'; got {version!r}")
    return tuple(parts)


def _in_range(version: str, low: str, high: str | None) -> bool:
    v = version_tuple(version)
    if v < version_tuple(low):
        return False
    return high is None or v < version_tuple(high)


def _course_root() -> Path:
    """The folder holding the ``course`` package (the repository root in a checkout)."""
    import course

    return Path(course.__file__).resolve().parent.parent


# --------------------------------------------------------------------------------------
# Individual checks
# --------------------------------------------------------------------------------------


def check_python() -> CheckResult:
    """Python is recent enough; the detail says which Python runs (and where)."""
    version = platform.python_version()
    ok = sys.version_info[:2] >= MIN_PYTHON
    need = ".".join(map(str, MIN_PYTHON))
    return CheckResult(
        "Python",
        ok,
        f"{version} at {sys.executable}",
        "" if ok else f"install Python {need} or newer and create the environment again",
    )


def check_package(
    name: str,
    low: str,
    high: str | None = None,
    *,
    version_of: Callable[[str], str] = metadata.version,
) -> CheckResult:
    """One package is installed, in the allowed version range.

    Parameters
    ----------
    name : str
        The distribution name, e.g. ``"numpy"``.
    low : str
        The lowest version allowed.
    high : str, optional
        The first version that is NOT allowed (e.g. ``"9"`` for ipywidgets 8).
    version_of : callable, optional
        Looks up an installed version (replaced in tests).
    """
    wanted = f">= {low}" + (f", < {high}" if high else "")
    try:
        version = version_of(name)
    except metadata.PackageNotFoundError:
        return CheckResult(name, False, f"not installed (needs {wanted})", _FIX_INSTALL)
    if not _in_range(version, low, high):
        return CheckResult(
            name,
            False,
            f"{version} installed, but the course needs {wanted}",
            f"run `python -m pip install '{name}{wanted.replace(' ', '')}'`",
        )
    return CheckResult(name, True, f"{version} (needs {wanted})")


def check_course(*, version_of: Callable[[str], str] = metadata.version) -> CheckResult:
    """The course package itself imports, and says where it is."""
    try:
        import course
    except Exception as exc:  # pragma: no cover - we are running inside it
        return CheckResult("course package", False, f"cannot import: {exc}", _FIX_INSTALL)
    where = Path(course.__file__).resolve().parent
    try:
        installed = version_of(COURSE_DISTRIBUTION)
        how = f"installed as {COURSE_DISTRIBUTION} {installed}"
    except metadata.PackageNotFoundError:
        how = "imported from the folder, not installed"
    return CheckResult("course package", True, f"{course.__version__} at {where} ({how})")


def check_matplotlib() -> CheckResult:
    """matplotlib can draw a figure and save it as a PNG image (without a screen)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(2, 1), dpi=50)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.bar(["a", "b"], [1, 2])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        data = buffer.getvalue()
    except Exception as exc:
        return CheckResult("matplotlib draws", False, f"{type(exc).__name__}: {exc}", _FIX_INSTALL)
    if not data.startswith(b"\x89PNG"):
        return CheckResult("matplotlib draws", False, "the image is not a PNG", _FIX_INSTALL)
    return CheckResult("matplotlib draws", True, f"a test figure rendered ({len(data):,} bytes)")


def check_widgets() -> CheckResult:
    """ipywidgets can build a slider and react to a change of its value."""
    try:
        import ipywidgets

        seen: list[int] = []
        slider = ipywidgets.IntSlider(value=1, min=0, max=10)
        slider.observe(lambda change: seen.append(change["new"]), names="value")
        slider.value = 7
        slider.close()
    except Exception as exc:
        return CheckResult("widgets work", False, f"{type(exc).__name__}: {exc}", _FIX_INSTALL)
    if seen != [7]:
        return CheckResult(
            "widgets work", False, "a slider did not report its change", _FIX_INSTALL
        )
    return CheckResult("widgets work", True, "a slider was built and reported a change")


def _labextension_dirs() -> list[Path]:
    try:
        from jupyter_core.paths import jupyter_path

        return [Path(p) for p in jupyter_path("labextensions")]
    except Exception:  # pragma: no cover - jupyter_core comes with JupyterLab
        return [Path(sys.prefix) / "share" / "jupyter" / "labextensions"]


def check_widgets_extension(
    *,
    version_of: Callable[[str], str] = metadata.version,
    extension_dirs: list[Path] | None = None,
) -> CheckResult:
    """JupyterLab has the widgets extension, in the version that goes with ipywidgets 8.

    ipywidgets 8 needs the Python package ``jupyterlab_widgets`` 3.x, which installs the
    JupyterLab extension ``@jupyter-widgets/jupyterlab-manager`` 5.x. Without it, widgets
    show as text like ``IntSlider(value=3)`` instead of a slider.
    """
    name = "JupyterLab widgets extension"
    fix = "run `python -m pip install 'jupyterlab_widgets>=3,<4'` and restart JupyterLab"
    try:
        widgets_version = version_of("ipywidgets")
    except metadata.PackageNotFoundError:
        return CheckResult(name, False, "ipywidgets is not installed", _FIX_INSTALL)
    try:
        lab_widgets = version_of("jupyterlab_widgets")
    except metadata.PackageNotFoundError:
        return CheckResult(name, False, "jupyterlab_widgets is not installed", fix)
    widgets_major = version_tuple(widgets_version)[0]
    expected_major = widgets_major - 5  # ipywidgets 8 <-> jupyterlab_widgets 3
    if version_tuple(lab_widgets)[0] != expected_major:
        return CheckResult(
            name,
            False,
            f"jupyterlab_widgets {lab_widgets} does not match ipywidgets {widgets_version} "
            f"(needs {expected_major}.x)",
            fix,
        )
    dirs = _labextension_dirs() if extension_dirs is None else extension_dirs
    for folder in dirs:
        package = folder / WIDGETS_LAB_EXTENSION / "package.json"
        if package.is_file():
            try:
                ext_version = json.loads(package.read_text(encoding="utf-8"))["version"]
            except (OSError, ValueError, KeyError) as exc:
                return CheckResult(name, False, f"{package} is unreadable ({exc})", fix)
            return CheckResult(
                name,
                True,
                f"jupyterlab_widgets {lab_widgets}; {WIDGETS_LAB_EXTENSION} {ext_version} "
                f"in {folder}",
            )
    looked = ", ".join(str(d) for d in dirs) or "no folders"
    return CheckResult(name, False, f"{WIDGETS_LAB_EXTENSION} not found (looked in {looked})", fix)


def check_datasets(root: Path | None = None) -> CheckResult:
    """The bundled data sets are found: the ``datasets/`` folder, and every file named by
    :func:`course.data.names` when that module is available.

    Parameters
    ----------
    root : path, optional
        The folder that holds ``datasets/``. By default the folder
        ``course.data.datasets_dir()`` names (when available), else ``datasets/`` next to
        the ``course`` package.
    """
    name = "bundled data sets"
    fix = (
        "run the course from its folder (the one with `datasets/` and `notebooks/`), "
        "or download the course again"
    )
    try:
        data = importlib.import_module("course.data")
    except ModuleNotFoundError:
        data = None
    except Exception as exc:
        return CheckResult(
            name,
            False,
            f"course.data cannot be imported: {type(exc).__name__}: {exc}",
            _FIX_INSTALL,
        )
    if root is not None:
        folder = Path(root) / "datasets"
    elif data is not None and callable(getattr(data, "datasets_dir", None)):
        try:
            folder = Path(data.datasets_dir())
        except FileNotFoundError as exc:
            return CheckResult(name, False, str(exc), fix)
    else:
        folder = _course_root() / "datasets"
    if not folder.is_dir():
        return CheckResult(name, False, f"no datasets folder at {folder}", fix)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    detail = f"{folder} ({len(files)} files)"
    names = getattr(data, "names", None)
    if names is None:
        return CheckResult(name, True, detail + "; course.data not available, files not checked")
    try:
        entries = list(names())
    except Exception as exc:
        return CheckResult(
            name,
            False,
            f"{detail}; course.data.names() failed: {type(exc).__name__}: {exc}",
            fix,
        )
    known: set[str] = set()
    for p in files:
        relative = p.relative_to(folder)
        known |= {p.name, p.stem, relative.as_posix(), relative.with_suffix("").as_posix()}
    missing = []
    for entry in entries:
        candidate = Path(entry)
        found = (
            candidate.as_posix() in known
            or (candidate.is_absolute() and candidate.is_file())
            or (folder / candidate).exists()
        )
        if not found:
            missing.append(str(entry))
    if missing:
        return CheckResult(name, False, f"{detail}; missing: {', '.join(missing)}", fix)
    return CheckResult(name, True, f"{detail}; all {len(entries)} data sets found")


def check_notebooks(root: Path | None = None) -> CheckResult:
    """The notebooks folder is found, with the welcome notebook in it (a warning only)."""
    root = _course_root() if root is None else root
    folder = root / "notebooks"
    notebooks = sorted(folder.glob("[0-9][0-9]_*.ipynb")) if folder.is_dir() else []
    if not notebooks:
        return CheckResult(
            "notebooks",
            False,
            f"no course notebooks in {folder}",
            "open the course from its own folder, or download the course again",
            required=False,
        )
    return CheckResult("notebooks", True, f"{len(notebooks)} notebooks in {folder}")


def _available_memory() -> int | None:
    """Bytes of memory available to this process, or None when it cannot be read cheaply."""
    available = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                available = int(line.split()[1]) * 1024
                break
    except (OSError, ValueError, IndexError):
        return None
    # In a container (Binder, JupyterHub) the limit may be lower than the machine's.
    for limit_file, usage_file in (
        ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
        (
            "/sys/fs/cgroup/memory/memory.limit_in_bytes",
            "/sys/fs/cgroup/memory/memory.usage_in_bytes",
        ),
    ):
        try:
            limit_text = Path(limit_file).read_text().strip()
            usage = int(Path(usage_file).read_text().strip())
        except (OSError, ValueError):
            continue
        if limit_text.isdigit() and int(limit_text) < 2**60:
            room = max(int(limit_text) - usage, 0)
            available = room if available is None else min(available, room)
        break
    return available


def check_memory(available: int | None = None) -> CheckResult:
    """How much memory is free (a warning only, below 1 GB)."""
    if available is None:
        available = _available_memory()
    if available is None:
        return CheckResult("free memory", True, "not measured on this system", required=False)
    gigabytes = available / 1024**3
    detail = f"{gigabytes:.1f} GB available"
    if available < LOW_MEMORY_BYTES:
        return CheckResult(
            "free memory",
            False,
            detail,
            "close other programs or notebooks (Kernel > Shut Down All Kernels)",
            required=False,
        )
    return CheckResult("free memory", True, detail, required=False)


def run_checks() -> list[CheckResult]:
    """Run every check and return the results, in the order they are printed.

    Returns
    -------
    list of CheckResult
        Python, each package, the course, matplotlib, widgets, the JupyterLab widgets
        extension, the data sets, the notebooks and free memory.
    """
    results = [check_python()]
    results += [check_package(name, low, high) for name, (low, high) in PACKAGES.items()]
    results += [
        check_course(),
        check_matplotlib(),
        check_widgets(),
        check_widgets_extension(),
        check_datasets(),
        check_notebooks(),
        check_memory(),
    ]
    return results


def report(results: list[CheckResult]) -> tuple[str, bool]:
    """The printed report for ``results`` and whether the machine is ready.

    Returns
    -------
    text : str
        One line per check, then the final line ``OK: ready for the course`` or
        ``NOT READY: `` and what to fix.
    ready : bool
        True when no required check failed.
    """
    lines = ["From Shelf to Feed: checking this computer", ""]
    width = max(len(r.name) for r in results)
    for r in results:
        lines.append(f"  {r.status:<4}  {r.name:<{width}}  {r.detail}")
        if not r.ok and r.fix:
            lines.append(f"  {'':<4}  {'':<{width}}  to fix: {r.fix}")
    failed = [r for r in results if not r.ok and r.required]
    lines.append("")
    if failed:
        todo = "; ".join(f"{r.name}: {r.fix or r.detail}" for r in failed)
        lines.append(f"NOT READY: {todo}")
    else:
        lines.append("OK: ready for the course")
    return "\n".join(lines), not failed


def main(argv: list[str] | None = None) -> int:
    """Print the report; return 0 when ready, 1 when something must be fixed."""
    if argv:
        print("usage: python -m course.check   (takes no arguments)", file=sys.stderr)
        return 2
    text, ready = report(run_checks())
    print(text)
    return 0 if ready else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
