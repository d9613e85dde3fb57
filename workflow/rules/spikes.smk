"""Spike-train analysis and criticality (nbs/31_analysis.ipynb, nbs/32_plots.ipynb)."""


rule spike_statistics:
    input:
        notebook="nbs/experiments/spike_statistics.ipynb",
        library=library_of("nbs/experiments/spike_statistics.ipynb"),
    output:
        raster_pdf=f"{FIGURES}/raster.pdf",
        raster=report(f"{FIGURES}/raster.png", caption="../report/raster.rst", category="Spikes"),
        isi_pdf=f"{FIGURES}/isi.pdf",
        isi=report(f"{FIGURES}/isi.png", caption="../report/isi.rst", category="Spikes"),
        avalanches_pdf=f"{FIGURES}/avalanches.pdf",
        avalanches=report(f"{FIGURES}/avalanches.png", caption="../report/avalanches.rst", category="Spikes"),
        table=f"{RESULTS}/avalanche_fit.csv",
    log:
        notebook=f"{LOGS}/notebooks/spike_statistics.ipynb",
        stdout=f"{LOGS}/spike_statistics.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            raster_path=output.raster,
            isi_path=output.isi,
            avalanche_path=output.avalanches,
            table_path=output.table,
            **config["spike_statistics"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule criticality_sweep:
    input:
        notebook="nbs/experiments/criticality_sweep.ipynb",
        library=library_of("nbs/experiments/criticality_sweep.ipynb"),
    output:
        table=f"{RESULTS}/criticality_sweep.csv",
        figure_pdf=f"{FIGURES}/criticality_sweep.pdf",
        figure=report(f"{FIGURES}/criticality_sweep.png", caption="../report/criticality_sweep.rst", category="Spikes"),
    log:
        notebook=f"{LOGS}/notebooks/criticality_sweep.ipynb",
        stdout=f"{LOGS}/criticality_sweep.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            **config["criticality_sweep"],
        ),
    threads: 1
    priority: 4  # a long single-core job (~2.5 min): started early, it does not trail the run
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK
