"""Give every tracked file the time of the last commit that changed it.

Snakemake decides what is out of date from file times, and a fresh clone's file times are those of checkout order,
which say nothing about the pipeline (#20). With commit times, an output committed with or after its inputs is up
to date and an output whose inputs were changed by a later commit is stale, as the history says. Files modified in
the working tree keep their own times. The Snakefile runs this once, on a checkout with no Snakemake metadata yet
(`.snakemake/` absent); run it by hand after a `git checkout` that rewrote files.

A regenerated output that came out byte-identical is not in the commit that records the regeneration, so its
commit time alone would call it stale. `make reproduce` therefore records the outputs it regenerated in
`reproduced/<config>.txt` (`--record CONFIG`); every output listed there gets at least that file's commit time.

    python tools/restore_mtimes.py [REPO]
    python tools/restore_mtimes.py --record config/default.yaml
"""
import os
import subprocess
import sys
from pathlib import Path


def _git(root, *args) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def commit_times(root=".") -> dict:
    "Path -> Unix time of the newest commit (on HEAD's history) that touched it."
    times = {}
    for block in _git(root, "log", "--format=%x00%ct", "--name-only", "--no-renames", "HEAD").split("\0")[1:]:
        lines = block.strip("\n").split("\n")
        for name in lines[1:]:
            if name: times.setdefault(name, int(lines[0]))   # the log runs newest first
    return times


RECORD_DIR = "reproduced"


def restore_mtimes(root=".") -> int:
    "Set the times of tracked, unmodified files to their last commit time (outputs: at least their record's); returns how many were set."
    root = Path(root)
    modified = set(_git(root, "diff", "--name-only", "HEAD").split("\n"))
    times = commit_times(root)
    for record in sorted((root / RECORD_DIR).glob("*.txt")):
        mark = times.get(f"{RECORD_DIR}/{record.name}")
        if mark is None: continue
        for line in record.read_text().splitlines():
            if line and not line.startswith("#") and line in times: times[line] = max(times[line], mark)
    n = 0
    for name in _git(root, "ls-files").split("\n"):
        path = root / name
        if name and name not in modified and name in times and path.is_file() and not path.is_symlink():
            os.utime(path, (times[name], times[name]))
            n += 1
    return n


def record(config: str, root=".") -> Path:
    "Write `reproduced/<config stem>.txt`: the code commit and every output of `config` (Snakemake's summary), after a full regeneration."
    import time
    root = Path(root)
    summary = subprocess.run([sys.executable, "-m", "snakemake", "--summary", "--cores", "1", "--configfile", config],
                             cwd=root, capture_output=True, text=True, check=True).stdout.splitlines()
    outputs = sorted(line.split("\t")[0] for line in summary[1:] if line.strip())
    head = _git(root, "rev-parse", "--short", "HEAD").strip()
    pipeline = ("nsram/", "nbs/", "workflow/", "config/", "benchmarks/", "Snakefile")   # what the rules run (nsram/data holds outputs)
    dirty = any(l[3:].startswith(pipeline) and not l[3:].startswith("nsram/data/") for l in _git(root, "status", "--porcelain").splitlines())
    out = root / RECORD_DIR / f"{Path(config).stem}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(f"# outputs of {config} regenerated from scratch (make reproduce) by the code at {head}{' with uncommitted changes' if dirty else ''},"
                   f" {time.strftime('%Y-%m-%d')}\n# environment: {environment()}\n" + "\n".join(outputs) + "\n")
    return out


KEY_PACKAGES = ("torch", "numpy", "scipy", "numba", "scikit-learn", "pandas", "brian2", "powerlaw", "snakemake")


def environment() -> str:
    "Python, machine, CPU model, ngspice and the versions of the packages the outputs depend on most."
    import platform
    from importlib.metadata import PackageNotFoundError, version
    def v(name):
        try: return version(name)
        except PackageNotFoundError: return "absent"
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), platform.processor()) \
        if Path("/proc/cpuinfo").exists() else platform.processor()
    try: spice = subprocess.run(["ngspice", "-v"], capture_output=True, text=True, timeout=20).stdout.split("ngspice-")[1].split()[0]
    except (OSError, IndexError, subprocess.SubprocessError): spice = "absent"
    return (f"python {platform.python_version()}, {platform.machine()} ({cpu}), ngspice {spice}, "
            + ", ".join(f"{p} {v(p)}" for p in KEY_PACKAGES))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--record":
        print(f"restore_mtimes: recorded {record(sys.argv[2])}")
    else:
        print(f"restore_mtimes: {restore_mtimes(sys.argv[1] if len(sys.argv) > 1 else '.')} files set to their last commit time")
