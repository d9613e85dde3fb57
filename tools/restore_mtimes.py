"""Give every tracked file the time of the last commit that changed it.

Snakemake decides what is out of date from file times, and a fresh clone's file times are those of checkout order,
which say nothing about the pipeline (#20). With commit times, an output committed with or after its inputs is up
to date and an output whose inputs were changed by a later commit is stale, as the history says. Files modified in
the working tree keep their own times. The Snakefile runs this once, on a checkout with no Snakemake metadata yet
(`.snakemake/` absent); run it by hand after a `git checkout` that rewrote files.

    python tools/restore_mtimes.py [REPO]
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


def restore_mtimes(root=".") -> int:
    "Set the times of tracked, unmodified files to their last commit time; returns how many were set."
    root = Path(root)
    modified = set(_git(root, "diff", "--name-only", "HEAD").split("\n"))
    times, n = commit_times(root), 0
    for name in _git(root, "ls-files").split("\n"):
        path = root / name
        if name and name not in modified and name in times and path.is_file() and not path.is_symlink():
            os.utime(path, (times[name], times[name]))
            n += 1
    return n


if __name__ == "__main__":
    print(f"restore_mtimes: {restore_mtimes(sys.argv[1] if len(sys.argv) > 1 else '.')} files set to their last commit time")
