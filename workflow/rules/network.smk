"""Network engine benchmarks (nbs/10_connectivity.ipynb, nbs/11_network.ipynb, benchmarks/network_speed.py)."""
from importlib.metadata import version

EARLIER = config["network_speed"]["earlier_version"]
EARLIER_VENV = f".venvs/nsram-{EARLIER}"


# The earlier library runs in its own venv, a software environment like a conda env, not a pipeline file: the rule
# builds it when missing, so a fresh clone (which has none) does not see network_speed as out of date.
# nsram 0.12.0 imports torch unconditionally but does not declare it: install the torch we use.
EARLIER_SETUP = (
    f"(test -x {EARLIER_VENV}/bin/python || ({sys.executable} -m venv {EARLIER_VENV} && {EARLIER_VENV}/bin/python -m pip install "
    f"--quiet nsram=={EARLIER} torch=={version('torch').split('+')[0]})) > {LOGS}/earlier_library_venv.log 2>&1 && "
    if config["network_speed"]["earlier_sizes"]
    else ""
)


rule network_speed:
    input:
        notebook="nbs/experiments/network_speed.ipynb",
        script="benchmarks/network_speed.py",
        library=library_of("nbs/experiments/network_speed.ipynb", "benchmarks/network_speed.py"),
    output:
        table=f"{RESULTS}/network_speed.csv",
        figure_pdf=f"{FIGURES}/network_speed.pdf",
        figure=report(f"{FIGURES}/network_speed.png", caption="../report/network_speed.rst", category="Network"),
    log:
        notebook=f"{LOGS}/notebooks/network_speed.ipynb",
        stdout=f"{LOGS}/network_speed.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            script=input.script,
            earlier_python=f"{EARLIER_VENV}/bin/python" if config["network_speed"]["earlier_sizes"] else "",
            **{key: value for key, value in config["network_speed"].items() if key != "earlier_version"},
        ),
    resources:
        **GPU,
    threads: workflow.cores
    conda:
        "../../environment.yml"
    shell:
        EARLIER_SETUP + RUN_NOTEBOOK


rule device_network_speed:
    input:
        notebook="nbs/experiments/network_speed.ipynb",
        script="benchmarks/network_speed.py",
        library=library_of("nbs/experiments/network_speed.ipynb", "benchmarks/network_speed.py"),
    output:
        table=f"{RESULTS}/device_network_speed.csv",
        figure_pdf=f"{FIGURES}/device_network_speed.pdf",
        figure=report(f"{FIGURES}/device_network_speed.png", caption="../report/device_network_speed.rst", category="Network"),
    log:
        notebook=f"{LOGS}/notebooks/device_network_speed.ipynb",
        stdout=f"{LOGS}/device_network_speed.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            script=input.script,
            neuron="device",
            earlier_sizes=[],
            build_n=0,
            **config["device_network_speed"],
        ),
    resources:
        **GPU,
    threads: workflow.cores
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule fidelity:
    input:
        notebook="nbs/experiments/fidelity.ipynb",
        library=library_of("nbs/experiments/fidelity.ipynb"),
    output:
        table=f"{RESULTS}/fidelity.csv",
        figure_pdf=f"{FIGURES}/fidelity.pdf",
        figure=report(f"{FIGURES}/fidelity.png", caption="../report/fidelity.rst", category="Network"),
    log:
        notebook=f"{LOGS}/notebooks/fidelity.ipynb",
        stdout=f"{LOGS}/fidelity.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            seed=config["seed"],
            **config["fidelity"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK
