"""Device physics: breakdown voltage and avalanche I-V (nbs/01_physics.ipynb)."""


rule iv_family:
    input:
        notebook="nbs/experiments/iv_family.ipynb",
        library="nsram/physics.py",
    output:
        table=f"{RESULTS}/breakdown.csv",
        figure=f"{FIGURES}/iv_family.png",
    log:
        notebook=f"{LOGS}/notebooks/iv_family.ipynb",
        stdout=f"{LOGS}/iv_family.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            **config["breakdown"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        "MPLBACKEND=Agg {params.papermill} -k python3 --log-output {input.notebook} {log.notebook} "
        "-y {params.parameters:q} > {log.stdout} 2>&1"
