"""The Binder environment and the pip package stay in step, and Binder installs the course.

Binder builds ``environment.yml`` with repo2docker; ``make`` and pip read ``pyproject.toml``.
If the two name different packages or bounds, a notebook that works on a laptop can fail
on Binder (or the reverse). These tests make that drift impossible to commit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

_REQ = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*$")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(spec: str) -> tuple[str, str]:
    """'ipywidgets>=8.0,<9' -> ('ipywidgets', '<9,>=8.0') with the bounds sorted."""
    match = _REQ.match(spec)
    assert match, f"cannot read the requirement {spec!r}"
    name, bounds = match.groups()
    parts = sorted(p.strip() for p in bounds.split(",") if p.strip())
    return _canonical(name), ",".join(parts)


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def test_runtime_packages_and_bounds_match():
    runtime = dict(_parse(s) for s in _pyproject()["project"]["dependencies"])
    conda = {}
    for item in _environment()["dependencies"]:
        if isinstance(item, str) and not item.startswith("python") and item != "pip":
            name, bounds = _parse(item)
            conda[name] = bounds
    assert conda == runtime, (
        "environment.yml and pyproject.toml must name the same runtime packages with the "
        f"same bounds.\nOnly in pyproject.toml: {sorted(set(runtime) - set(conda))}\n"
        f"Only in environment.yml: {sorted(set(conda) - set(runtime))}\n"
        f"Different bounds: "
        f"{ {k: (runtime[k], conda[k]) for k in runtime.keys() & conda.keys() if runtime[k] != conda[k]} }"
    )


def test_every_runtime_dependency_has_a_lower_bound_and_no_exact_pin():
    for spec in _pyproject()["project"]["dependencies"]:
        assert ">=" in spec, f"{spec!r} needs a lower bound (>=)"
        assert "==" not in spec, f"{spec!r} is pinned exactly; give a lower bound instead"


def test_environment_installs_the_course_package_with_pip():
    deps = _environment()["dependencies"]
    assert "pip" in deps, "environment.yml must list pip explicitly"
    pip_sections = [d["pip"] for d in deps if isinstance(d, dict) and "pip" in d]
    assert pip_sections and "-e ." in pip_sections[0], (
        "environment.yml needs a 'pip:' section with '-e .' so that `import course` works on Binder"
    )
    python = [d for d in deps if isinstance(d, str) and d.startswith("python")]
    requires = _pyproject()["project"]["requires-python"]
    assert python, "environment.yml must name python"
    version = python[0].split("=")[-1]
    assert tuple(map(int, version.split("."))) >= tuple(
        map(int, requires.removeprefix(">=").split("."))
    ), f"environment.yml's python {version} is older than pyproject's {requires}"


@pytest.mark.skipif(
    shutil.which("repo2docker", path=str(Path(sys.executable).parent)) is None,
    reason="jupyter-repo2docker is not installed: pip install -e '.[test]'",
)
def test_repo2docker_builds_from_environment_yml_after_copying_the_repo(tmp_path):
    exe = shutil.which("repo2docker", path=str(Path(sys.executable).parent))
    # repo2docker reads the working tree; a copy of the files it needs keeps the repo untouched.
    for name in ("environment.yml", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(
        ROOT / "course", tmp_path / "course", ignore=shutil.ignore_patterns("__pycache__")
    )
    proc = subprocess.run(
        [exe, "--no-build", "--debug", "--no-run", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    dockerfile = proc.stdout + proc.stderr
    assert proc.returncode == 0, dockerfile[-2000:]
    assert "Building conda environment" in dockerfile, (
        "repo2docker did not pick the conda buildpack"
    )
    lines = dockerfile.splitlines()
    copy_repo = next(
        (i for i, line in enumerate(lines) if line.startswith("COPY") and "${REPO_DIR}" in line),
        None,
    )
    env_update = next(
        (i for i, line in enumerate(lines) if "env update" in line and "environment.yml" in line),
        None,
    )
    assert copy_repo is not None, "no COPY of the repository in the Dockerfile"
    assert env_update is not None, "environment.yml is not installed by the Dockerfile"
    assert copy_repo < env_update, (
        "environment.yml (with its pip '-e .') must be installed after the repository is copied in"
    )
