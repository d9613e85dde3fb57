"""Checks that the generated files (nsram/, README.md, cleaned notebooks) match their sources.

Each returns a list of human-readable problems; an empty list means in sync. They work on a copy of the
repository so running them never changes the working tree.
"""
from __future__ import annotations
import filecmp, importlib.util, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def copy_sources(root: Path, dest: Path) -> Path:
    "Copy what nbdev needs (pyproject.toml, nbs/, nsram/) from `root` into `dest`."
    shutil.copy2(root / "pyproject.toml", dest / "pyproject.toml")
    for d in ("nbs", "nsram"):
        shutil.copytree(root / d, dest / d, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    return dest


def _run(tool: str, cwd: Path):
    res = subprocess.run([str(BIN / tool)], cwd=cwd, capture_output=True, text=True)
    if res.returncode != 0: raise RuntimeError(f"{tool} failed in {cwd}:\n{res.stdout}\n{res.stderr}")


def export_drift(root: Path, scratch: Path) -> list[str]:
    "Modules in `root`/nsram that differ from what `nbdev-export` writes from `root`/nbs."
    work = copy_sources(root, scratch)
    _run("nbdev-export", work)
    problems = []
    for new in sorted((work / "nsram").rglob("*.py")):
        rel = new.relative_to(work)
        old = root / rel
        if not old.exists(): problems.append(f"{rel} is exported by the notebooks but missing from the repository")
        elif not filecmp.cmp(old, new, shallow=False): problems.append(f"{rel} differs from what the notebooks export")
    for old in sorted((root / "nsram").rglob("*.py")):
        if not (work / old.relative_to(root)).exists():
            problems.append(f"{old.relative_to(root)} is not produced by any notebook")
    return problems


def unclean_notebooks(root: Path, scratch: Path) -> list[str]:
    "Notebooks under `root`/nbs that `nbdev-clean` would change."
    work = copy_sources(root, scratch)
    _run("nbdev-clean", work)
    return [f"{nb.relative_to(work)} is not clean" for nb in sorted((work / "nbs").rglob("*.ipynb"))
            if ".ipynb_checkpoints" not in nb.parts and not filecmp.cmp(nb, root / nb.relative_to(work), shallow=False)]


def load_readme_tool():
    spec = importlib.util.spec_from_file_location("make_readme", ROOT / "tools" / "make_readme.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
