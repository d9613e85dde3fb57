"""Run a pipeline notebook in this Python process, as papermill would, where no Jupyter kernel is installed.

    python tools/run_notebook.py [-k KERNEL] [--log-output] NOTEBOOK [OUTPUT] -y 'YAML mapping'

Accepts the papermill command lines that `snakemake -n -p` prints for the pipeline's rules (kernel, log and
output arguments are accepted and ignored), so a rule can run on a bare accelerator machine that has PyTorch but
not the pipeline's papermill/Jupyter stack. The code cells run in order in one namespace; the YAML parameters
are assigned right after the cell tagged `parameters`, which is how papermill injects them. Cell outputs are not
saved: the rule's declared outputs (tables, figures) are what the notebook itself writes."""
import argparse
import json
import sys
import time

import yaml


def code_cells(notebook):
    with open(notebook) as f:
        nb = json.load(f)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            yield "".join(cell["source"]), cell.get("metadata", {}).get("tags", [])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("output", nargs="?", help="ignored (papermill's output notebook)")
    parser.add_argument("-y", "--parameters-yaml", default="{}")
    parser.add_argument("-k", "--kernel", help="ignored")
    parser.add_argument("--log-output", action="store_true", help="ignored")
    args = parser.parse_args(argv)
    parameters = yaml.safe_load(args.parameters_yaml) or {}
    if not isinstance(parameters, dict):
        raise SystemExit(f"-y must be a YAML mapping, got {args.parameters_yaml!r}")
    namespace = {"__name__": "__main__"}
    for i, (source, tags) in enumerate(code_cells(args.notebook)):
        if source.lstrip().startswith(("%", "!")):
            raise SystemExit(f"cell {i} of {args.notebook} uses IPython syntax; run it with papermill instead")
        start = time.perf_counter()
        exec(compile(source, f"{args.notebook}:cell{i}", "exec"), namespace)
        if "parameters" in tags:
            namespace.update(parameters)
        print(f"[run_notebook] cell {i} done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
