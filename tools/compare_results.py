"""Compare the result tables in the working tree with the committed ones (after `make reproduce`).

    python tools/compare_results.py [--rev HEAD] [--rtol 1e-6] [--dir results]

For each CSV under `--dir` that git tracks at `--rev`: `identical` (same bytes), `close` (same shape and columns,
every numeric cell within `rtol`, every text cell equal), `seed spread` (a table of means over seeds, with
`ci95_low`/`ci95_high` columns: some cell moved by more than `rtol` but every numeric cell of a row moved by less
than that row's committed 95% CI width — the tolerance for chaotic models such as Hodgkin-Huxley, or training runs,
whose last digits differ across CPUs), `external spread` (a cell of a declared third-party row, `EXTERNAL_SPREAD`, moved
by less than its measured run-to-run spread), or `differs` with the largest relative difference and the column where it
occurs. Columns that measure the machine rather than the model (wall times, throughputs, memory), and rows that do
(`MACHINE_ROWS`: device_summary's wall time per ms of device time), are left out and named. Prints one row per table and a count; exits 1 if a table differs or is missing (`--report-only`: always 0)."""
import argparse
import io
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

MACHINE_COLUMNS = re.compile(r"^(run_s|build_s|reduce_s|run_time_s|fit_s|fit_s_median|tuning_s|test_s|machine|torch_threads|nsram_speedup)$"
                             r"|seconds|_per_s$|_per_wall_s$|rss|cost_s")

# Rows that measure the machine, in tables of (quantity, value) rows: device_summary's wall time per ms of device time.
MACHINE_ROWS = {"quantity": re.compile(r"^wall time|wall-clock|run time")}

# Rows produced by third-party code that is not bit-reproducible between identical runs, with the columns and the relative
# spread measured for them. The earlier library (network_speed's nsram-0.* rows) steps its network with a multi-threaded
# torch backend: two identical runs gave spike counts 0.04% and 0.2% apart.
EXTERNAL_SPREAD = {"engine": (re.compile(r"^nsram-0\."), ("spikes", "spikes_per_neuron_step"), 0.01)}


def committed(path: str, rev: str):
    res = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True)
    return res.stdout if res.returncode == 0 else None


def compare(old: pd.DataFrame, new: pd.DataFrame, rtol: float):
    if list(old.columns) != list(new.columns) or old.shape != new.shape:
        return "differs", np.inf, f"shape/columns {old.shape} -> {new.shape}", []
    skipped = [c for c in old.columns if MACHINE_COLUMNS.search(str(c))]
    for key, pattern in MACHINE_ROWS.items():
        if key in old.columns and old[key].astype(str).equals(new[key].astype(str)):
            machine = old[key].astype(str).str.contains(pattern).to_numpy()
            if machine.any():
                skipped.append(f"rows {key}~{pattern.pattern}")
                old, new = old[~machine].reset_index(drop=True), new[~machine].reset_index(drop=True)
    spread = (old["ci95_high"] - old["ci95_low"]).abs().to_numpy(float) if {"ci95_low", "ci95_high"} <= set(old.columns) else None
    external = {c: (old[key].astype(str).str.match(pattern).to_numpy(), tol) for key, (pattern, columns, tol) in EXTERNAL_SPREAD.items()
                if key in old.columns for c in columns if c in old.columns}
    worst, where, beyond_spread, used_external = 0.0, "", False, False
    for c in old.columns:
        if c in skipped: continue
        a, b = old[c], new[c]
        if pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b):
            x, y = a.to_numpy(float), b.to_numpy(float)
            same = (x == y) | (np.isnan(x) & np.isnan(y))
            rel = np.where(same, 0.0, np.abs(x - y) / np.maximum(np.maximum(np.abs(x), np.abs(y)), 1e-300))
            if rel.max(initial=0.0) > worst: worst, where = float(rel.max()), str(c)
            loose = (rel > rtol) & ~same
            if c in external:
                rows, tol = external[c]
                within = rows & (rel <= tol)
                used_external |= bool((loose & within).any())
                loose &= ~within
            if loose.any() and (spread is None or not np.all(np.abs(x - y)[loose] <= np.nan_to_num(spread[loose]))): beyond_spread = True
        elif not a.astype(str).equals(b.astype(str)):
            return "differs", np.inf, f"text column {c}", skipped
    if worst <= rtol: return "close", worst, where, skipped
    if beyond_spread: return "differs", worst, where, skipped
    return ("external spread" if used_external and spread is None else "seed spread"), worst, where, skipped


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--rtol", type=float, default=1e-6)
    ap.add_argument("--dir", default="results")
    ap.add_argument("--report-only", action="store_true", help="exit 0 even if tables differ")
    args = ap.parse_args(argv)
    tracked = subprocess.run(["git", "ls-tree", "-r", "--name-only", args.rev, args.dir], capture_output=True, text=True).stdout.split()
    rows = []
    for path in sorted(p for p in tracked if p.endswith(".csv")):
        old_bytes, new_path = committed(path, args.rev), Path(path)
        if not new_path.exists():
            rows.append((path, "missing", "", "", "")); continue
        if old_bytes == new_path.read_bytes():
            rows.append((path, "identical", "", "", "")); continue
        status, worst, where, skipped = compare(pd.read_csv(io.BytesIO(old_bytes)), pd.read_csv(new_path), args.rtol)
        rows.append((path, status, f"{worst:.3g}" if np.isfinite(worst) else "", where, ", ".join(skipped)))
    table = pd.DataFrame(rows, columns=["table", "status", "max_rel_diff", "where", "machine_columns_skipped"])
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 60):
        print(table.to_string(index=False))
    print("\n" + ", ".join(f"{k}: {v}" for k, v in table.status.value_counts().items()))
    return 0 if args.report_only or not table.status.isin(["differs", "missing"]).any() else 1


if __name__ == "__main__":
    sys.exit(main())
