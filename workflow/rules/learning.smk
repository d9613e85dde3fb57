"""Learning rules on device synapses (nbs/70_plasticity.ipynb ... nbs/74_eprop.ipynb): one job per rule, then a summary."""

LEARNING_RULES = ["forward_forward", "eqprop", "eprop"]


rule learning_rule:
    input:
        notebook="nbs/experiments/learning_rule.ipynb",
        library=library_of("nbs/experiments/learning_rule.ipynb"),
    output:
        table=f"{RESULTS}/learning/{{rule}}.csv",
    wildcard_constraints:
        rule="|".join(LEARNING_RULES),
    log:
        notebook=f"{LOGS}/notebooks/learning_rule_{{rule}}.ipynb",
        stdout=f"{LOGS}/learning_rule_{{rule}}.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, output: papermill_parameters(
            rule=wildcards.rule,
            table_path=output.table,
            levels=config["learning_benchmark"]["levels"],
            device_variant=config["learning_benchmark"]["device_variant"],
            seeds=config["learning_benchmark"]["seeds"],
            max_train=config["learning_benchmark"]["max_train"],
            rule_kwargs=config["learning_benchmark"]["rule_kwargs"][wildcards.rule],
        ),
    threads: 1
    priority: 3  # single-core jobs of 1-2.5 min: started before the short ones
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK


rule learning_benchmark:
    input:
        notebook="nbs/experiments/learning_benchmark.ipynb",
        library=library_of("nbs/experiments/learning_benchmark.ipynb"),
        tables=expand(f"{RESULTS}/learning/{{rule}}.csv", rule=LEARNING_RULES),
    output:
        table=f"{RESULTS}/learning_benchmark.csv",
        figure_pdf=f"{FIGURES}/learning_curves.pdf",
        figure=report(f"{FIGURES}/learning_curves.png", caption="../report/learning_curves.rst", category="Learning"),
    log:
        notebook=f"{LOGS}/notebooks/learning_benchmark.ipynb",
        stdout=f"{LOGS}/learning_benchmark.log",
    params:
        papermill=PAPERMILL,
        parameters=lambda wildcards, input, output: papermill_parameters(
            rule_tables=list(input.tables),
            table_path=output.table,
            figure_path=output.figure,
        ),
    threads: 1
    conda:
        "../../environment.yml"
    shell:
        RUN_NOTEBOOK
