"""Course-execution benchmark: seconds, CPU and peak memory of every chapter.

Every notebook in ``notebooks/`` is executed from top to bottom with nbclient in a
fresh kernel, the way a participant's "Run All" does it, and three figures are
measured per chapter:

* ``seconds``: wall-clock time of the run, kernel start-up included;
* ``cpu_s``: CPU seconds the kernel used (user + system), start-up included;
* ``peak_mb``: the kernel's peak memory, its largest resident set size (RSS) in
  megabytes (MB, 2**20 bytes).

Each notebook runs in its own worker process (``python bench_course.py --worker
NOTEBOOK``). The worker starts the kernel, runs the notebook, shuts the kernel down and
then reads ``getrusage(RUSAGE_CHILDREN)``: once the kernel has exited, that holds the
kernel's peak RSS and CPU time exactly, with no sampling. Two reference notebooks are
measured the same way: the **floor** (one cell that only imports the course, as every
chapter's first cell does) and a **bare kernel** (one cell that does nothing).

The full run also starts a JupyterLab server on 127.0.0.1 (no browser), loads the
``/lab`` page once and reads the server's peak RSS: on a hub every participant has
such a server next to their kernel. ``instructors/hub_sizing.md`` turns these
figures into participants per GB and per core.

Targets (issue 6): every chapter under 20 s and under 400 MB here. Speed and memory
are measured, never asserted in a test: the machine is shared and noisy.

Run ``python benchmarks/bench_course.py`` (add ``--quick`` for the floor and the
welcome notebook only, about a minute), or ``python benchmarks/run.py --only course``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TARGET_SECONDS = 20
TARGET_MB = 400
WORKER_TIMEOUT_S = 600

FLOOR_SOURCE = (
    "import course\n"
    "from course import data, plots, widgets\n"
    "from course.exercises import ask, check"
)
BARE_SOURCE = "pass"


def _mb_from_maxrss(maxrss: int) -> float:
    """``ru_maxrss`` in MB: Linux reports kibibytes, macOS bytes."""
    return maxrss / 2**20 if sys.platform == "darwin" else maxrss / 1024


def _worker(path: Path) -> dict:
    """Run one notebook in a fresh kernel; this process's only child is that kernel.

    The kernel is started, run and shut down here (like
    :func:`course.notebook_rules.execute`, whose kernel is left running when it returns,
    so its figures could not be read).
    """
    import ipykernel.kernelspec
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    class _ThisPython(KernelSpecManager):
        """The kernel of the Python running this worker, as nbval's --nbval-current-env."""

        def get_kernel_spec(self, kernel_name: str):
            return self.kernel_spec_class(
                resource_dir=ipykernel.kernelspec.RESOURCES,
                **ipykernel.kernelspec.get_kernel_dict(),
            )

    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name="python3", kernel_spec_manager=_ThisPython())
    client = NotebookClient(
        nb, km=km, timeout=WORKER_TIMEOUT_S, resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    try:
        client.execute()
        seconds = time.perf_counter() - start
    finally:
        # nbclient leaves a kernel it did not create running; stop it and wait for it,
        # so that RUSAGE_CHILDREN below holds its figures.
        if km.has_kernel:
            km.shutdown_kernel(now=False)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": round(seconds, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_mb": round(_mb_from_maxrss(usage.ru_maxrss), 1),
    }


def measure_notebook(path: Path | str) -> dict:
    """Execute one notebook in a fresh worker process and kernel; return its figures.

    Parameters
    ----------
    path : path
        The notebook to run. It is read, never written.

    Returns
    -------
    dict
        ``seconds`` (wall clock, float), ``cpu_s`` (kernel CPU seconds, float) and
        ``peak_mb`` (kernel peak RSS in MB, float).

    Raises
    ------
    FileNotFoundError
        If ``path`` is not a file.
    RuntimeError
        If the notebook fails to run (the message holds the worker's error output).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"path must be an existing notebook file; got {path}")
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(path)],
        capture_output=True,
        text=True,
        timeout=WORKER_TIMEOUT_S,
        cwd=str(ROOT),
    )
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{path.name} failed to run (exit {proc.returncode}):\n{tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _one_cell_notebook(folder: Path, name: str, source: str) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / name
    nbformat.write(nb, path)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _vm_hwm_mb(pid: int) -> float | None:
    """Peak RSS (VmHWM) of a running process in MB, from /proc; None where there is none."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measure_server(timeout_s: float = 60.0) -> float | None:
    """Peak RSS (MB) of a JupyterLab server after it has served the ``/lab`` page once.

    The server listens on 127.0.0.1 only, opens no browser, is stopped before this
    returns, and runs in a temporary folder. Returns None where it cannot be measured
    (no ``jupyter`` command next to this Python, or no ``/proc``).
    """
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists() or not Path("/proc").is_dir():
        return None
    port, token = _free_port(), "bench-course"
    home = Path(tempfile.mkdtemp(prefix="bench_course_server_"))
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    cmd = [
        str(jupyter),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={NOTEBOOKS}",
    ]
    if hasattr(os, "getuid") and os.getuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + timeout_s
        base = f"http://127.0.0.1:{port}"
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        else:
            return None
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=20) as page:
            page.read()
        time.sleep(1.0)
        hwm = _vm_hwm_mb(proc.pid)
        return None if hwm is None else round(hwm, 1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(home, ignore_errors=True)


def run(quick: bool = False) -> dict:
    """Execute every chapter (or, with ``quick``, the welcome only); print a table.

    Parameters
    ----------
    quick : bool
        If True, run only the floor, the bare kernel and ``00_welcome.ipynb``, and skip
        the JupyterLab server (about a minute: checks that the benchmark works).

    Returns
    -------
    dict
        Flat figures: ``<name>_seconds``, ``<name>_cpu_s``, ``<name>_peak_mb`` for each
        chapter (``ch00`` ... ``ch07``), the ``floor`` and the ``bare_kernel``; and
        ``course_seconds``, ``course_cpu_s`` (sums over the chapters),
        ``heaviest_chapter``, ``heaviest_peak_mb``, ``slowest_chapter``,
        ``slowest_seconds``, ``over_target`` (chapters over 20 s or 400 MB),
        ``load_average_before`` (where the system reports one) and, in the full run,
        ``server_peak_mb``. A notebook that fails to run is reported as
        ``<name>_error`` and left out of the sums.
    """
    from course._validate import check_bool

    check_bool("quick", quick)
    from course.notebook_rules import chapter_number, notebook_paths

    paths = notebook_paths(NOTEBOOKS)
    if quick:
        paths = [p for p in paths if chapter_number(p) == 0]
    figures: dict[str, object] = {"target_seconds": TARGET_SECONDS, "target_mb": TARGET_MB}
    if hasattr(os, "getloadavg"):  # a busy machine stretches wall-clock times, not CPU times
        figures["load_average_before"] = round(os.getloadavg()[0], 2)
    rows: list[tuple[str, str, dict | str]] = []
    with tempfile.TemporaryDirectory(prefix="bench_course_") as tmp:
        refs = [
            ("bare_kernel", "(a kernel that runs nothing)", BARE_SOURCE),
            ("floor", "(only imports the course)", FLOOR_SOURCE),
        ]
        jobs = [
            (key, label, _one_cell_notebook(Path(tmp), f"{key}.ipynb", src))
            for key, label, src in refs
        ]
        jobs += [(f"ch{chapter_number(p):02d}", p.name, p) for p in paths]
        for key, label, path in jobs:
            try:
                result: dict | str = measure_notebook(path)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                result = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
            rows.append((key, label, result))

    header = f"{'notebook':40} {'seconds':>8} {'CPU s':>7} {'peak MB':>8}  target"
    print(header)
    print("-" * len(header))
    chapters = {}
    for key, label, result in rows:
        if isinstance(result, str):
            figures[f"{key}_error"] = result
            print(f"{label:40} FAILED: {result}")
            continue
        for name, value in result.items():
            figures[f"{key}_{name}"] = value
        if key.startswith("ch"):
            chapters[key] = result
        ok = result["seconds"] < TARGET_SECONDS and result["peak_mb"] < TARGET_MB
        verdict = ("ok" if ok else "OVER") if key.startswith("ch") else ""
        print(
            f"{label:40} {result['seconds']:8.1f} {result['cpu_s']:7.1f} "
            f"{result['peak_mb']:8.0f}  {verdict}"
        )
    if chapters:
        heaviest = max(chapters, key=lambda k: chapters[k]["peak_mb"])
        slowest = max(chapters, key=lambda k: chapters[k]["seconds"])
        figures.update(
            course_seconds=round(sum(r["seconds"] for r in chapters.values()), 1),
            course_cpu_s=round(sum(r["cpu_s"] for r in chapters.values()), 1),
            heaviest_chapter=heaviest,
            heaviest_peak_mb=chapters[heaviest]["peak_mb"],
            slowest_chapter=slowest,
            slowest_seconds=chapters[slowest]["seconds"],
            over_target=[
                k
                for k, r in chapters.items()
                if r["seconds"] >= TARGET_SECONDS or r["peak_mb"] >= TARGET_MB
            ],
        )
        print("-" * len(header))
        print(
            f"{'whole course (' + str(len(chapters)) + ' notebooks)':40} "
            f"{figures['course_seconds']:8.1f} {figures['course_cpu_s']:7.1f}"
        )
        print(
            f"heaviest: {heaviest} at {figures['heaviest_peak_mb']:.0f} MB; "
            f"slowest: {slowest} at {figures['slowest_seconds']:.1f} s "
            f"(targets: under {TARGET_SECONDS} s and {TARGET_MB} MB per chapter)"
        )
    if "load_average_before" in figures:
        print(
            f"load average before the run: {figures['load_average_before']} "
            f"on {os.cpu_count()} cores (wall-clock seconds stretch on a busy machine; "
            "CPU seconds do not)"
        )
    if not quick:
        server = measure_server()
        figures["server_peak_mb"] = server
        shown = "not measured" if server is None else f"{server:.0f} MB"
        print(f"JupyterLab server after loading /lab: peak RSS {shown}")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="floor and welcome only")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        print(json.dumps(_worker(args.worker)))
        return 0
    figures = run(quick=args.quick)
    print(json.dumps(figures, sort_keys=True, default=str))
    return 1 if any(k.endswith("_error") for k in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
