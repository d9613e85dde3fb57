"""Network engine benchmarks (nbs/10_connectivity.ipynb, nbs/11_network.ipynb, benchmarks/network_speed.py)."""
from importlib.metadata import version

EARLIER = config["network_speed"]["earlier_version"]
EARLIER_VENV = f".venvs/nsram-{EARLIER}"


rule earlier_library_venv:
    output:
        directory(EARLIER_VENV),
    log:
        f"{LOGS}/earlier_library_venv.log",
    params:
        python=sys.executable,
        # nsram 0.12.0 imports torch unconditionally but does not declare it: install the torch we use.
        torch=f"torch=={version('torch').split('+')[0]}",
        earlier=f"nsram=={EARLIER}",
    conda:
        "../../environment.yml"
    shell:
        "({params.python} -m venv {output} && {output}/bin/python -m pip install --quiet "
        "{params.earlier:q} {params.torch:q}) > {log} 2>&1"


rule network_speed:
    input:
        notebook="nbs/experiments/network_speed.ipynb",
        script="benchmarks/network_speed.py",
        library=library_of("nbs/experiments/network_speed.ipynb", "benchmarks/network_speed.py"),
        venv=EARLIER_VENV if config["network_speed"]["earlier_sizes"] else [],
    output:
        table=f"{RESULTS}/network_speed.csv",
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
            earlier_python=f"{input.venv}/bin/python" if input.venv else "",
            **{key: value for key, value in config["network_speed"].items() if key != "earlier_version"},
        ),
    resources:
        **GPU,
    threads: workflow.cores
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule device_network_speed:
    input:
        notebook="nbs/experiments/network_speed.ipynb",
        script="benchmarks/network_speed.py",
        library=library_of("nbs/experiments/network_speed.ipynb", "benchmarks/network_speed.py"),
    output:
        table=f"{RESULTS}/device_network_speed.csv",
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
