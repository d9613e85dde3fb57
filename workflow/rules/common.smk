"""Helpers shared by the pipeline's rules."""
import json
import yaml
import shlex
import sys

RESULTS = config["results_dir"]
FIGURES = config["figures_dir"]
LOGS = config["logs_dir"]
# Rules that run torch on config["device"] declare `resources: **GPU` so a scheduler gives them a GPU.
GPU = {"gpu": 1} if config["device"] == "cuda" else {}
# papermill from the interpreter running Snakemake, so an un-activated venv works too.
PAPERMILL = f"{shlex.quote(sys.executable)} -m papermill"


def papermill_parameters(**parameters):
    """Notebook parameters as a one-line YAML mapping for `papermill -y`.

    PyYAML, not json.dumps: papermill reads YAML 1.1, where json's `1e-05` would be a string."""
    common = {"seed": config["seed"], "device": config["device"]}
    return yaml.safe_dump({**common, **parameters}, default_flow_style=True, width=10**6).strip()
