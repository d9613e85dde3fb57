"""MNIST scaling (nbs/50_datasets.ipynb, nbs/51_vision.ipynb)."""


rule mnist_scaling:
    input:
        notebook="nbs/experiments/mnist_scaling.ipynb",
        library=library_of("nbs/experiments/mnist_scaling.ipynb"),
    output:
        table=f"{RESULTS}/mnist_scaling.csv",
        figure_pdf=f"{FIGURES}/mnist_scaling.pdf",
        figure=report(f"{FIGURES}/mnist_scaling.png", caption="../report/mnist_scaling.rst", category="Vision"),
    log:
        notebook=f"{LOGS}/notebooks/mnist_scaling.ipynb",
        stdout=f"{LOGS}/mnist_scaling.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            **config["mnist_scaling"],
        ),
    resources:
        **GPU,
    threads: workflow.cores
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK
