"""Helpers shared by the pipeline's rules."""
import json
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
    """Notebook parameters as a JSON string for `papermill -y` (JSON is valid YAML)."""
    common = {"seed": config["seed"], "device": config["device"]}
    return json.dumps({**common, **parameters}, sort_keys=True)
