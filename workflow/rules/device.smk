"""Device physics: I-V, single-cell dynamics, ngspice cross-check, STP, summary (nbs/01_physics .. 05_stp)."""


rule iv_family:
    input:
        notebook="nbs/experiments/iv_family.ipynb",
        library=library_of("nbs/experiments/iv_family.ipynb"),
    output:
        table=f"{RESULTS}/breakdown.csv",
        iv=f"{RESULTS}/iv_hysteresis.csv",
        figure_pdf=f"{FIGURES}/iv_family.pdf",
        figure=report(f"{FIGURES}/iv_family.png", caption="../report/iv_family.rst", category="Device"),
    log:
        notebook=f"{LOGS}/notebooks/iv_family.ipynb",
        stdout=f"{LOGS}/iv_family.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table, iv_path=output.iv, figure_path=output.figure, **config["breakdown"]
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule cell_dynamics:
    input:
        notebook="nbs/experiments/cell_dynamics.ipynb",
        library=library_of("nbs/experiments/cell_dynamics.ipynb"),
    output:
        firing_map=f"{RESULTS}/firing_map.csv",
        vg2=f"{RESULTS}/vg2_modes.csv",
        synapse=f"{RESULTS}/synapse_pulses.csv",
        figures_pdf=expand(f"{FIGURES}/{{name}}.pdf", name=["spike_waveforms", "firing_map", "energy_per_spike", "vg2_modes", "synapse_pulses"]),
        figures=report(
            expand(
                f"{FIGURES}/{{name}}.png",
                name=["spike_waveforms", "firing_map", "energy_per_spike", "vg2_modes", "synapse_pulses"],
            ),
            caption="../report/cell_dynamics.rst",
            category="Device",
        ),
    log:
        notebook=f"{LOGS}/notebooks/cell_dynamics.ipynb",
        stdout=f"{LOGS}/cell_dynamics.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            firing_map_path=output.firing_map,
            vg2_path=output.vg2,
            synapse_path=output.synapse,
            figures_dir=FIGURES,
            **config["cell_dynamics"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule model_vs_ngspice:
    input:
        notebook="nbs/experiments/model_vs_ngspice.ipynb",
        library=library_of("nbs/experiments/model_vs_ngspice.ipynb"),
    output:
        dc=f"{RESULTS}/ngspice_dc.csv",
        transient=f"{RESULTS}/ngspice_transient.csv",
        figure_pdf=f"{FIGURES}/model_vs_ngspice.pdf",
        figure=report(f"{FIGURES}/model_vs_ngspice.png", caption="../report/model_vs_ngspice.rst", category="Device"),
    log:
        notebook=f"{LOGS}/notebooks/model_vs_ngspice.ipynb",
        stdout=f"{LOGS}/model_vs_ngspice.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            dc_path=output.dc, transient_path=output.transient, figure_path=output.figure, **config["model_vs_ngspice"]
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule reference_circuit:
    input:
        notebook="nbs/experiments/reference_circuit.ipynb",
        library=library_of("nbs/experiments/reference_circuit.ipynb"),
    output:
        equilibria=f"{RESULTS}/reference_equilibria.csv",
        firing=f"{RESULTS}/reference_firing.csv",
        agreement=f"{RESULTS}/reference_agreement.csv",
        figure_pdf=f"{FIGURES}/reference_s_curve.pdf",
        figure=report(f"{FIGURES}/reference_s_curve.png", caption="../report/reference_s_curve.rst", category="Device"),
    log:
        notebook=f"{LOGS}/notebooks/reference_circuit.ipynb",
        stdout=f"{LOGS}/reference_circuit.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            equilibria_path=output.equilibria,
            firing_path=output.firing,
            agreement_path=output.agreement,
            figure_path=output.figure,
            **config["reference_circuit"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule device_calibration:
    input:
        notebook="nbs/experiments/device_calibration.ipynb",
        library=library_of("nbs/experiments/device_calibration.ipynb"),
    output:
        calibration=f"{RESULTS}/device_calibration.csv",
        agreement=f"{RESULTS}/calibration_agreement.csv",
        firing=f"{RESULTS}/calibration_firing.csv",
        weights=f"{RESULTS}/calibration_weights.csv",
        starts=f"{RESULTS}/calibration_starts.csv",
        figure_pdf=f"{FIGURES}/calibration_s_curve.pdf",
        figure=report(f"{FIGURES}/calibration_s_curve.png", caption="../report/calibration_s_curve.rst", category="Device"),
    log:
        notebook=f"{LOGS}/notebooks/device_calibration.ipynb",
        stdout=f"{LOGS}/device_calibration.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            calibration_path=output.calibration,
            agreement_path=output.agreement,
            firing_path=output.firing,
            weights_path=output.weights,
            starts_path=output.starts,
            figure_path=output.figure,
            **config["device_calibration"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule device_claims:
    input:
        notebook="nbs/experiments/device_claims.ipynb",
        library=library_of("nbs/experiments/device_claims.ipynb"),
        calibration=rules.device_calibration.output.calibration,
        vg2=rules.cell_dynamics.output.vg2,
    output:
        table=f"{RESULTS}/device_claims.csv",
        figure_pdf=f"{FIGURES}/device_claims.pdf",
        figure=report(f"{FIGURES}/device_claims.png", caption="../report/device_claims.rst", category="Device"),
    log:
        notebook=f"{LOGS}/notebooks/device_claims.ipynb",
        stdout=f"{LOGS}/device_claims.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            calibration_path=input.calibration,
            vg2_path=input.vg2,
            table_path=output.table,
            figure_path=output.figure,
            **config["device_claims"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule stp_trains:
    input:
        notebook="nbs/experiments/stp_trains.ipynb",
        library=library_of("nbs/experiments/stp_trains.ipynb"),
    output:
        table=f"{RESULTS}/stp_trains.csv",
        figure_pdf=f"{FIGURES}/stp_trains.pdf",
        figure=report(f"{FIGURES}/stp_trains.png", caption="../report/stp_trains.rst", category="Synapse"),
    log:
        notebook=f"{LOGS}/notebooks/stp_trains.ipynb",
        stdout=f"{LOGS}/stp_trains.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table, figure_path=output.figure, **config["stp_trains"]
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule device_speed:
    input:
        script="benchmarks/device_speed.py",
        library=library_of("benchmarks/device_speed.py"),
    output:
        f"{RESULTS}/device_speed.csv",
    log:
        f"{LOGS}/device_speed.log",
    params:
        python=sys.executable,
        t_device=config["device_speed"]["t_device_s"],
        repeats=config["device_speed"]["repeats"],
        methods=",".join(config["device_speed"]["methods"]),
    threads: workflow.cores  # alone on the machine: timings are not shared with other jobs
    conda:
        "../../environment.yml"
    shell:
        "{params.python} {input.script} --out {output} --t-device {params.t_device} --repeats {params.repeats} --methods {params.methods} > {log} 2>&1"


rule device_summary:
    input:
        notebook="nbs/experiments/device_summary.ipynb",
        library=library_of("nbs/experiments/device_summary.ipynb"),
        firing_map=rules.cell_dynamics.output.firing_map,
        synapse=rules.cell_dynamics.output.synapse,
        transient=rules.model_vs_ngspice.output.transient,
        stp=rules.stp_trains.output.table,
        speed=rules.device_speed.output[0],
    output:
        f"{RESULTS}/device_summary.csv",
    log:
        notebook=f"{LOGS}/notebooks/device_summary.ipynb",
        stdout=f"{LOGS}/device_summary.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            firing_map_path=input.firing_map,
            synapse_path=input.synapse,
            transient_path=input.transient,
            stp_path=input.stp,
            speed_path=input.speed,
            table_path=output[0],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule neuron_reduction:
    input:
        notebook="nbs/experiments/neuron_reduction.ipynb",
        library=library_of("nbs/experiments/neuron_reduction.ipynb", data=False),  # it writes device_reduction.csv
    output:
        neuron=f"{RESULTS}/reduced_neuron.csv",
        fi=f"{RESULTS}/device_fi.csv",
        validation=f"{RESULTS}/reduction_validation.csv",
        synapse=f"{RESULTS}/device_synapse.csv",
        synapse_vg2=f"{RESULTS}/synapse_vg2.csv",
        reduction=f"{RESULTS}/device_reduction.csv",
        figure_pdf=f"{FIGURES}/neuron_reduction.pdf",
        figure=report(
            f"{FIGURES}/neuron_reduction.png", caption="../report/neuron_reduction.rst", category="Device"
        ),
    log:
        notebook=f"{LOGS}/notebooks/neuron_reduction.ipynb",
        stdout=f"{LOGS}/neuron_reduction.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            neuron_path=output.neuron,
            fi_path=output.fi,
            validation_path=output.validation,
            synapse_path=output.synapse,
            synapse_vg2_path=output.synapse_vg2,
            package_path=output.reduction,
            figure_path=output.figure,
            **config["neuron_reduction"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


# The same procedure over the operating window: nothing downstream needs it, so it runs beside the network jobs.
# Its biases are independent: with more threads they run in parallel processes (reduction_window's n_jobs).
rule reduction_window:
    input:
        notebook="nbs/experiments/reduction_window.ipynb",
        library=library_of("nbs/experiments/reduction_window.ipynb"),
    output:
        window=f"{RESULTS}/reduction_window.csv",
        figure_pdf=f"{FIGURES}/reduction_window.pdf",
        figure=report(f"{FIGURES}/reduction_window.png", caption="../report/reduction_window.rst", category="Device"),
    log:
        notebook=f"{LOGS}/notebooks/reduction_window.ipynb",
        stdout=f"{LOGS}/reduction_window.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output, threads: papermill_parameters(
            window_path=output.window, figure_path=output.figure, n_jobs=threads, **config["reduction_window"]
        ),
    threads: 1
    priority: 10  # ready at once and ≈ 5 min long: started first, it overlaps the rest instead of trailing it
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


# A separate copy step: Snakemake deletes a job's outputs before it runs, and the reduction itself imports
# nsram.network, which loads the packaged file; so the package file is replaced only once the reduction is done.
localrules:
    package_device_reduction,


rule package_device_reduction:
    input:
        rules.neuron_reduction.output.reduction,
    output:
        f"{config['package_data_dir']}/device_reduction.csv",
    log:
        f"{LOGS}/package_device_reduction.log",
    conda:
        "../../environment.yml"
    shell:
        "cp -v {input} {output} > {log} 2>&1"
