"""Run every benchmark of the project and print its figures.

Usage::

    python benchmarks/run.py            # the full set (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # smaller sizes, a few seconds; checks the benchmarks run
    python benchmarks/run.py --only model widgets

Every ``benchmarks/bench_*.py`` module has ``run(quick: bool) -> dict``: it prints a
readable table and returns its figures. This script prints one JSON object with every
figure on its last line, keyed ``<benchmark>.<figure>``, so results can be compared across
machines and commits. Speed is measured here, never asserted in a test: machines are
noisy, so the benchmarks quote medians and ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def discover() -> dict[str, Path]:
    """Map each benchmark's short name (``bench_model.py`` -> ``model``) to its file."""
    return {p.stem.removeprefix("bench_"): p for p in sorted(HERE.glob("bench_*.py"))}


def load(path: Path):
    spec = importlib.util.spec_from_file_location(f"benchmarks.{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--only", nargs="*", default=None, help="names of benchmarks to run")
    args = parser.parse_args(argv)

    found = discover()
    names = list(found) if not args.only else args.only
    unknown = [n for n in names if n not in found]
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; available: {sorted(found)}")

    figures: dict[str, object] = {
        "machine.python": platform.python_version(),
        "machine.platform": platform.platform(),
        "run.quick": args.quick,
    }
    failed = []
    for name in names:
        print(f"\n=== {name} ({found[name].name}) ===", flush=True)
        start = time.perf_counter()
        try:
            result = load(found[name]).run(quick=args.quick)
        except Exception as exc:  # report and go on: one broken benchmark hides no other
            print(f"FAILED: {type(exc).__name__}: {exc}", flush=True)
            failed.append(name)
            continue
        for key, value in result.items():
            figures[f"{name}.{key}"] = value
        figures[f"{name}.wall_s"] = round(time.perf_counter() - start, 2)
    figures["run.failed"] = failed
    print(json.dumps(figures, sort_keys=True, default=str))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
