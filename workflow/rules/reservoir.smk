"""Reservoir-computing benchmarks (nbs/2*_*.ipynb): one job per model, then a summary."""

RC_MODELS = config["rc_benchmarks"]["models"]


rule rc_model:
    input:
        notebook="nbs/experiments/rc_model.ipynb",
        library=library_of("nbs/experiments/rc_model.ipynb"),
        # NS-RAM models choose their device bias among the validated biases of the operating window
        window=lambda wildcards: [f"{RESULTS}/reduction_window.csv"] if wildcards.model.startswith("nsram-") else [],
    output:
        table=f"{RESULTS}/rc/{{model}}.csv",
    wildcard_constraints:
        model="|".join(RC_MODELS),
    log:
        notebook=f"{LOGS}/notebooks/rc_model_{{model}}.ipynb",
        stdout=f"{LOGS}/rc_model_{{model}}.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output, threads: papermill_parameters(
            model=wildcards.model,
            table_path=output.table,
            window_path=input.window[0] if input.window else "",
            threads=threads,
            **config["rc_benchmarks"],
        ),
    resources:
        **GPU,
    threads: 1
    priority: 5  # the longest single-core jobs (NS-RAM: ~5 min): started as soon as ready, so they do not trail the run
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule rc_summary:
    input:
        notebook="nbs/experiments/rc_summary.ipynb",
        library=library_of("nbs/experiments/rc_summary.ipynb"),
        tables=expand(f"{RESULTS}/rc/{{model}}.csv", model=RC_MODELS),
    output:
        table=f"{RESULTS}/rc_benchmarks.csv",
        key_results=f"{RESULTS}/key_results.csv",
        key_results_md=f"{RESULTS}/key_results.md",
        tuning=f"{RESULTS}/rc_tuning.csv",
        figure_pdf=f"{FIGURES}/rc_benchmarks.pdf",
        figure=report(f"{FIGURES}/rc_benchmarks.png", caption="../report/rc_benchmarks.rst", category="Reservoir"),
        capacity_pdf=f"{FIGURES}/rc_capacity.pdf",
        capacity=report(f"{FIGURES}/rc_capacity.png", caption="../report/rc_capacity.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/rc_summary.ipynb",
        stdout=f"{LOGS}/rc_summary.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            model_tables=list(input.tables),
            table_path=output.table,
            key_results_path=output.key_results,
            key_results_md_path=output.key_results_md,
            tuning_path=output.tuning,
            figure_path=output.figure,
            capacity_figure_path=output.capacity,
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule architecture_comparison:
    input:
        notebook="nbs/experiments/architecture_comparison.ipynb",
        library=library_of("nbs/experiments/architecture_comparison.ipynb"),
        tables=expand(f"{RESULTS}/rc/{{model}}.csv", model=RC_MODELS),
    output:
        table=f"{RESULTS}/architecture_comparison.csv",
        markdown=f"{RESULTS}/architecture_comparison.md",
        figure_pdf=f"{FIGURES}/architecture_comparison.pdf",
        figure=report(f"{FIGURES}/architecture_comparison.png", caption="../report/architecture_comparison.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/architecture_comparison.ipynb",
        stdout=f"{LOGS}/architecture_comparison.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            model_tables=list(input.tables),
            table_path=output.table,
            markdown_path=output.markdown,
            figure_path=output.figure,
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule parity_by_size:
    input:
        notebook="nbs/experiments/parity_by_size.ipynb",
        library=library_of("nbs/experiments/parity_by_size.ipynb"),
        tables=parity_tables(),
    output:
        table=f"{RESULTS}/parity_by_size.csv",
        markdown=f"{RESULTS}/parity_by_size.md",
        figure_pdf=f"{FIGURES}/parity_by_size.pdf",
        figure=report(f"{FIGURES}/parity_by_size.png", caption="../report/parity_by_size.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/parity_by_size.ipynb",
        stdout=f"{LOGS}/parity_by_size.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            tables=list(input.tables),
            table_path=output.table,
            markdown_path=output.markdown,
            figure_path=output.figure,
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule vg2_sweep:
    input:
        notebook="nbs/experiments/vg2_sweep.ipynb",
        library=library_of("nbs/experiments/vg2_sweep.ipynb"),
    output:
        table=f"{RESULTS}/vg2_sweep.csv",
        figure_pdf=f"{FIGURES}/vg2_sweep.pdf",
        figure=report(f"{FIGURES}/vg2_sweep.png", caption="../report/vg2_sweep.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/vg2_sweep.ipynb",
        stdout=f"{LOGS}/vg2_sweep.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            **config["vg2_sweep"],
        ),
    resources:
        **GPU,
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule stp_coupling:
    input:
        notebook="nbs/experiments/stp_coupling.ipynb",
        library=library_of("nbs/experiments/stp_coupling.ipynb"),
        tuned=f"{RESULTS}/rc/nsram-device.csv",
        window=f"{RESULTS}/reduction_window.csv",
    output:
        table=f"{RESULTS}/stp_coupling.csv",
        figure_pdf=f"{FIGURES}/stp_coupling.pdf",
        figure=report(f"{FIGURES}/stp_coupling.png", caption="../report/stp_coupling.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/stp_coupling.ipynb",
        stdout=f"{LOGS}/stp_coupling.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            tuned_path=input.tuned,
            window_path=input.window,
            table_path=output.table,
            figure_path=output.figure,
            **config["stp_coupling"],
        ),
    resources:
        **GPU,
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule scaling:
    input:
        notebook="nbs/experiments/scaling.ipynb",
        library=library_of("nbs/experiments/scaling.ipynb"),
    output:
        table=f"{RESULTS}/scaling.csv",
        figure_pdf=f"{FIGURES}/scaling.pdf",
        figure=report(f"{FIGURES}/scaling.png", caption="../report/scaling.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/scaling.ipynb",
        stdout=f"{LOGS}/scaling.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            table_path=output.table,
            figure_path=output.figure,
            **config["scaling"],
        ),
    resources:
        **GPU,
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule reservoir_speed:
    input:
        script="benchmarks/reservoir_speed.py",
        library=library_of("benchmarks/reservoir_speed.py"),
    output:
        f"{RESULTS}/reservoir_speed.csv",
    log:
        f"{LOGS}/reservoir_speed.log",
    params:
        python=sys.executable,
        sizes=",".join(map(str, config["reservoir_speed"]["sizes"])),
        batches=",".join(map(str, config["reservoir_speed"]["batches"])),
        models=",".join(config["reservoir_speed"]["models"]),
        rc_models=",".join(config["reservoir_speed"]["rc_models"]),
        steps=config["reservoir_speed"]["steps"],
        repeats=config["reservoir_speed"]["repeats"],
        rc_size=config["reservoir_speed"]["rc_size"],
        task_kwargs=json.dumps(config["reservoir_speed"]["rc_task_kwargs"]),
        device=config["device"],
    resources:
        **GPU,
    threads: workflow.cores  # alone on the machine: timings are not shared with other jobs
    conda:
        "../../environment.yml"
    shell:
        "{params.python} {input.script} --out {output} --sizes {params.sizes} --batches {params.batches} "
        "--models {params.models} --rc-models {params.rc_models:q} --steps {params.steps} --repeats {params.repeats} "
        "--rc-size {params.rc_size} --task-kwargs {params.task_kwargs:q} --device {params.device} > {log} 2>&1"


rule operating_point_map:
    input:
        notebook="nbs/experiments/operating_point_map.ipynb",
        library=library_of("nbs/experiments/operating_point_map.ipynb"),
        window=f"{RESULTS}/reduction_window.csv",
        tuned=f"{RESULTS}/rc/nsram-device.csv",
    output:
        table=f"{RESULTS}/operating_point_map.csv",
        figure_pdf=f"{FIGURES}/operating_point_map.pdf",
        figure=report(f"{FIGURES}/operating_point_map.png", caption="../report/operating_point_map.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/operating_point_map.ipynb",
        stdout=f"{LOGS}/operating_point_map.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output, threads: papermill_parameters(
            window_path=input.window,
            tuned_path=input.tuned,
            map_path=output.table,
            figure_path=output.figure,
            n_neurons=max(config["rc_benchmarks"]["sizes"]),
            task_kwargs=config["rc_benchmarks"]["tuning"]["validation_kwargs"],  # a one-seed slice: streams of validation length
            threads=threads,
            **config["operating_point_map"],
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule memory_limit:
    input:
        notebook="nbs/experiments/memory_limit.ipynb",
        library=library_of("nbs/experiments/memory_limit.ipynb"),
        tables=memory_limit_tables(),
        window=f"{RESULTS}/reduction_window.csv",
        parity=f"{RESULTS}/parity_by_size.csv",
    output:
        function=f"{RESULTS}/memory_function.csv",
        table=f"{RESULTS}/memory_limit.csv",
        figure_pdf=f"{FIGURES}/memory_limit.pdf",
        figure=report(f"{FIGURES}/memory_limit.png", caption="../report/memory_limit.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/memory_limit.ipynb",
        stdout=f"{LOGS}/memory_limit.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output, threads: papermill_parameters(
            rc_tables=list(input.tables),
            window_path=input.window,
            parity_path=input.parity,
            seeds=config["rc_benchmarks"]["seeds"],
            memory_kwargs=config["rc_benchmarks"]["task_kwargs"].get("memory", {}),
            function_path=output.function,
            limit_path=output.table,
            figure_path=output.figure,
            threads=threads,
            **{k: v for k, v in config["memory_limit"].items() if k != "models"},
        ),
    resources:
        **GPU,
    threads: workflow.cores  # the bank's ridge fits at N = 2000 use every core (2.4x faster on 2 than on 1)
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule capacity_profile:
    input:
        notebook="nbs/experiments/capacity_profile.ipynb",
        library=library_of("nbs/experiments/capacity_profile.ipynb"),
        tables=capacity_profile_tables,
        window=f"{RESULTS}/reduction_window.csv",
    output:
        profile=f"{RESULTS}/capacity_profile.csv",
        table=f"{RESULTS}/capacity_basis.csv",
        figure_pdf=f"{FIGURES}/capacity_profile.pdf",
        figure=report(f"{FIGURES}/capacity_profile.png", caption="../report/capacity_profile.rst", category="Reservoir"),
    log:
        notebook=f"{LOGS}/notebooks/capacity_profile.ipynb",
        stdout=f"{LOGS}/capacity_profile.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output, threads: papermill_parameters(
            rc_tables=list(input.tables),
            window_path=input.window,
            study_ipc=config["rc_benchmarks"]["task_kwargs"].get("ipc", {}),
            profile_path=output.profile,
            summary_path=output.table,
            figure_path=output.figure,
            threads=threads,
            **{k: v for k, v in config["capacity_profile"].items() if k not in ("models", "threads")},
        ),
    resources:
        **GPU,
    threads: config["capacity_profile"]["threads"]
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK
