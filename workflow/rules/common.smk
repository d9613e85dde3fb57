"""Helpers shared by the pipeline's rules."""
import json
import os
import yaml
import shlex
import sys

RESULTS = config["results_dir"]
FIGURES = config["figures_dir"]
LOGS = config["logs_dir"]
# Rules that run torch on config["device"] declare `resources: **GPU` so a scheduler gives them a GPU.
GPU = {"gpu": 1} if config["device"] == "cuda" else {}
# papermill from the interpreter running Snakemake, so an un-activated venv works too. NSRAM_NOTEBOOK_RUNNER replaces it
# where no Jupyter kernel is installed (a bare GPU machine: tools/gpu_session.sh sets it to tools/run_notebook.py).
PAPERMILL = os.environ.get("NSRAM_NOTEBOOK_RUNNER") or f"{shlex.quote(sys.executable)} -m papermill"
# Run a pipeline notebook with papermill. Two jobs that start their Jupyter kernels together can pick the same ZMQ
# port ("Address already in use"): that failure, and only that one, is retried (up to three attempts).
# Each job uses the threads it declares (default 1): torch, OpenMP, BLAS and numba read these variables. Without them
# every "1-thread" job started a thread per core, and OpenMP threads that spin-wait for a descheduled sibling slowed
# co-scheduled jobs by an order of magnitude (see 04_spice, "Running ngspice"). NSRAM_PROGRESS=0: progress bars
# (on by default in a Jupyter kernel, 00_core) stay out of the executed notebooks.
THREAD_ENV = " ".join(f"{v}={{threads}}" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"))
RUN_NOTEBOOK = (
    "for attempt in 1 2 3; do "
    f"if {THREAD_ENV} MPLBACKEND=Agg NSRAM_PROGRESS=0 {{params.papermill}} -k python3 --log-output {{input.notebook}} {{log.notebook}} "
    "-y {params.parameters:q} > {log.stdout} 2>&1; then exit 0; fi; "
    "grep -q 'Address already in use' {log.stdout} || exit 1; sleep $attempt; done; exit 1"
)


def papermill_parameters(**parameters):
    """Notebook parameters as a one-line YAML mapping for `papermill -y`.

    PyYAML, not json.dumps: papermill reads YAML 1.1, where json's `1e-05` would be a string."""
    common = {"seed": config["seed"], "device": config["device"]}
    return yaml.safe_dump({**common, **parameters}, default_flow_style=True, width=10**6).strip()


# Module data files that a module reads at import or run time (they are inputs like code).
MODULE_DATA = {
    "nsram/network.py": ["nsram/data/device_reduction.csv"],
    "nsram/reference.py": ["nsram/data/ptm130_nmos_bsim4.lib"],
}


def library_of(*sources, data=True):
    """Every nsram module (and, with `data`, module data file) that the notebooks/scripts `sources` import, directly or
    through other nsram modules: the rule's `library` input, derived from the code so it cannot miss a module."""
    import re
    from pathlib import Path

    pattern = re.compile(r"(?:from|import)\s+(?:nsram\.|\.)(\w+)")
    def imports(path):
        text = Path(path).read_text()
        if path.endswith(".ipynb"):
            cells = json.loads(text)["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        return {f"nsram/{m}.py" for m in pattern.findall(text) if Path(f"nsram/{m}.py").is_file()}

    seen, todo = set(), set().union(*(imports(s) for s in sources))
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo |= imports(path) - seen
    return sorted(seen | ({d for m in seen for d in MODULE_DATA.get(m, [])} if data else set()))


def memory_limit_tables():
    "The rc_model tables of memory_limit's models (those this config runs)."
    return [f"{RESULTS}/rc/{m}.csv" for m in config["memory_limit"]["models"] if m in config["rc_benchmarks"]["models"]]


def capacity_profile_tables(wildcards=None):
    "The rc_model tables of capacity_profile's models (those this config runs); an error, when the rule is planned, if none."
    models = config["capacity_profile"]["models"]
    tables = [f"{RESULTS}/rc/{m}.csv" for m in models if m in config["rc_benchmarks"]["models"]]
    if not tables:
        raise ValueError(f"capacity_profile.models {models} names none of rc_benchmarks.models {config['rc_benchmarks']['models']}: nothing to profile")
    return tables


def parity_tables():
    "The studies' rc_benchmarks.csv tables for parity_by_size, in config order without repeats ({results_dir}: this run's)."
    tables = [t.format(results_dir=RESULTS) for t in config.get("parity_by_size", {}).get("tables", [])]
    return list(dict.fromkeys(tables))
