"""nsram pipeline: every table in results/ and figure in figures/ comes from a rule here.

    snakemake --cores all                                  # default config (laptop CPU)
    snakemake --cores 2 --configfile config/smoke.yaml     # CI-sized, writes under smoke/
    snakemake --profile profiles/slurm --configfile config/study_gpu.yaml   # the full study on GPUs
    bash tools/gpu_session.sh                              # config/gpu.yaml's gpu_tables, on one lent GPU
"""
import subprocess
import sys
from pathlib import Path

from snakemake.utils import min_version, validate

min_version("8.0")


# A fresh clone's file times follow checkout order; give tracked files their commit times once, so that what is
# out of date is what the history says is (tools/restore_mtimes.py).
if not Path(".snakemake").exists() and Path(".git").exists():
    subprocess.run([sys.executable, "tools/restore_mtimes.py"], check=False)


configfile: "config/default.yaml"


validate(config, "config/schema.yaml")


include: "workflow/rules/common.smk"
include: "workflow/rules/device.smk"
include: "workflow/rules/spikes.smk"
include: "workflow/rules/network.smk"
include: "workflow/rules/reservoir.smk"
include: "workflow/rules/vision.smk"
include: "workflow/rules/learning.smk"


rule all:
    input:
        rules.iv_family.output,
        rules.cell_dynamics.output,
        rules.model_vs_ngspice.output,
        rules.reference_circuit.output,
        rules.device_calibration.output,
        rules.device_claims.output,
        rules.neuron_reduction.output,
        rules.reduction_window.output,
        rules.package_device_reduction.output,
        rules.stp_trains.output,
        rules.device_summary.output,
        rules.spike_statistics.output,
        rules.criticality_sweep.output,
        rules.network_speed.output,
        rules.device_network_speed.output,
        rules.fidelity.output,
        rules.rc_summary.output,
        rules.architecture_comparison.output,
        # the reservoir studies side by side by size: the default run's table and its overlays' (committed; config parity_by_size)
        *([rules.parity_by_size.output] if "parity_by_size" in config else []),
        rules.operating_point_map.output,
        # why NS-RAM's memory capacity stays small: memory functions, input-step sweep, leaky-integrator bank
        *([rules.memory_limit.output] if "memory" in config["rc_benchmarks"]["tasks"] and "parity_by_size" in config else []),
        # where each tuned reservoir's information processing capacity lives, and whether the study's IPC basis capped it
        *([rules.capacity_profile.output] if config["capacity_profile"]["task"] in config["rc_benchmarks"]["tasks"] else []),
        # two fixed-parameter studies, in config/study_cpu.yaml and study_gpu.yaml only (left the default run for its time budget)
        *[getattr(rules, name).output for name in ("vg2_sweep", "scaling", "stp_coupling") if name in config],
        rules.reservoir_speed.output,
        rules.mnist_scaling.output,
        rules.learning_benchmark.output,
    default_target: True


rule gpu_tables:
    """The tables and figures that need a GPU (config/gpu.yaml, run by tools/gpu_session.sh): engine and reservoir
    speed at GPU sizes, and the reservoir study at the config's sizes."""
    input:
        rules.network_speed.output,
        rules.device_network_speed.output,
        rules.reservoir_speed.output,
        rules.rc_summary.output,
        rules.architecture_comparison.output,
