"""tools/restore_mtimes.py: after a clone, file times follow the history, not checkout order (#20)."""
import os
import subprocess
import sys

from repo_checks import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from restore_mtimes import restore_mtimes  # noqa: E402


def git(repo, *args, when=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    if when: env.update(GIT_AUTHOR_DATE=f"@{when} +0000", GIT_COMMITTER_DATE=f"@{when} +0000")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_commit_times_order_inputs_and_outputs(tmp_path):
    src = tmp_path / "src"; src.mkdir()
    git(src, "init", "-q")
    (src / "code.py").write_text("a = 1\n"); git(src, "add", "."); git(src, "commit", "-qm", "code", when=1_000_000)
    (src / "out.csv").write_text("x\n1\n"); git(src, "add", "."); git(src, "commit", "-qm", "output", when=2_000_000)
    (src / "lib.py").write_text("b = 1\n"); git(src, "add", "."); git(src, "commit", "-qm", "later code", when=3_000_000)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(src), str(clone)], check=True)
    for name in ("lib.py", "out.csv", "code.py"): os.utime(clone / name, (5_000_000, 5_000_000))   # as if checked out in any order
    (clone / "code.py").write_text("a = 2\n"); os.utime(clone / "code.py", (6_000_000, 6_000_000))  # a local edit keeps its time
    assert restore_mtimes(clone) == 2
    mtime = lambda name: int((clone / name).stat().st_mtime)
    assert mtime("out.csv") == 2_000_000 and mtime("lib.py") == 3_000_000   # lib.py changed after out.csv: stale, truly
    assert mtime("code.py") == 6_000_000


def test_record_keeps_identical_regenerated_outputs_current(tmp_path):
    src = tmp_path / "src"; src.mkdir()
    git(src, "init", "-q")
    (src / "out.csv").write_text("x\n1\n"); git(src, "add", "."); git(src, "commit", "-qm", "output", when=1_000_000)
    (src / "code.py").write_text("a = 1\n"); git(src, "add", "."); git(src, "commit", "-qm", "code", when=2_000_000)
    (src / "reproduced").mkdir()   # a regeneration after the code change, whose out.csv came out byte-identical
    (src / "reproduced" / "default.txt").write_text("# outputs of config/default.yaml\nout.csv\n")
    git(src, "add", "."); git(src, "commit", "-qm", "record", when=3_000_000)
    assert restore_mtimes(src) == 3
    assert int((src / "out.csv").stat().st_mtime) == 3_000_000 and int((src / "code.py").stat().st_mtime) == 2_000_000
