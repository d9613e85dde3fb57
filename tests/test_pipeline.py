"""The Snakemake pipeline: lint, config schema, dry runs, the smoke run end to end, the SLURM profile."""
import importlib.util, os, re, subprocess, sys
import jsonschema, pandas as pd, pytest, yaml
from repo_checks import ROOT

SNAKEMAKE = [sys.executable, "-m", "snakemake"]
CONFIGS = ["default", "smoke", "study_gpu"]   # complete configs; the others are overlays on default.yaml


def snakemake(*args, cwd=ROOT):
    return subprocess.run([*SNAKEMAKE, *args], cwd=cwd, capture_output=True, text=True)


def test_lint_clean():
    res = snakemake("--lint")
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("name", CONFIGS)
def test_configs_match_schema(name):
    schema = yaml.safe_load((ROOT / "config" / "schema.yaml").read_text())
    jsonschema.validate(yaml.safe_load((ROOT / "config" / f"{name}.yaml").read_text()), schema)


def test_bad_config_fails_with_schema_message(tmp_path):
    cfg = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())
    cfg["breakdown"]["n_points"] = "many"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(cfg))
    res = snakemake("-n", "--configfile", str(bad))
    assert res.returncode != 0
    assert "'many' is not of type 'integer'" in res.stdout + res.stderr


def test_unknown_config_key_is_rejected():
    res = snakemake("-n", "--configfile", "config/smoke.yaml", "--config", "devise=cuda")
    assert res.returncode != 0
    assert "Additional properties are not allowed ('devise' was unexpected)" in res.stdout + res.stderr


def test_smoke_dry_run_lists_everything_the_readme_shows():
    shown = set(re.findall(r"\b((?:figures|results)/[\w.-]+\.(?:png|csv))", (ROOT / "README.md").read_text()))
    assert shown, "README.md names no figure or table"
    res = snakemake("-n", "--forceall", "--configfile", "config/smoke.yaml")
    assert res.returncode == 0, res.stdout + res.stderr
    missing = [p for p in sorted(shown) if f"smoke/{p}" not in res.stdout]
    assert not missing, f"the smoke dry run does not make {missing}"


def test_smoke_pipeline_end_to_end(tmp_path):
    out = {k: tmp_path / k for k in ("results", "figures", "logs", "package_data")}
    config = ("--configfile", "config/smoke.yaml", "--config", *(f"{k}_dir={v}" for k, v in out.items()))
    res = snakemake("--cores", "2", *config)
    assert res.returncode == 0, res.stdout + res.stderr
    report = tmp_path / "report.html"
    res = snakemake("--report", str(report), "--cores", "1", *config)
    assert res.returncode == 0 and report.stat().st_size > 100_000, res.stdout + res.stderr   # the figures are embedded
    smoke = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["breakdown"]
    table = pd.read_csv(out["results"] / "breakdown.csv")
    assert list(table.columns) == ["vg1_V", "T_K", "bvpar_V"]
    assert len(table) == len(smoke["vg1_values_V"]) * len(smoke["temperatures_K"])
    row = table.query("vg1_V == 0 and T_K == 300")
    assert row.bvpar_V.item() == pytest.approx(3.5, rel=1e-6)  # BV0 of the Zenodo deck
    summary = pd.read_csv(out["results"] / "device_summary.csv").set_index("quantity").value
    assert summary["DC median |log10(I_py/I_ngspice)|, I > 1 pA"] <= 0.1
    assert summary["transient firing-rate difference vs ngspice, max"] <= 0.1
    assert summary["TM ODE vs NEST closed form, max |diff|"] <= 1e-6
    assert summary["firing rate, min over map"] > 0
    claims = pd.read_csv(out["results"] / "device_claims.csv")
    assert {"quantity", "claim", "model_value", "parameters", "needed_to_reach_claim"} <= set(claims.columns)
    assert claims.quantity.str.contains("short-term levels, by resolution").any() and claims.quantity.str.contains("retention").any()
    agree = pd.read_csv(out["results"] / "calibration_agreement.csv")
    by = agree.groupby("parameters").median_abs_dlog10_I_equilibria.median()
    assert by["calibrated"] < 0.3 * by["uncalibrated"], by        # calibrating against the reference must bring the model closer
    firing = pd.read_csv(out["results"] / "calibration_firing.csv")
    assert ((firing.rate_reference_Hz > 0) == (firing.rate_model_Hz > 0)).all(), firing   # fires exactly where the reference fires
    assert (firing.rate_reference_Hz > 0).any() and firing.both_silent.any(), firing
    weights = pd.read_csv(out["results"] / "calibration_weights.csv")      # one row per S-curve weight, the first the calibration's
    scales = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["device_calibration"]["s_curve_scales_V"]
    assert weights.s_curve_scale_V.tolist() == scales and weights.chosen.tolist()[0]
    assert weights.loc[0, "firing_rel_diff_max"] == pytest.approx(firing[firing.rate_reference_Hz > 0].rel_diff.max())
    starts = pd.read_csv(out["results"] / "calibration_starts.csv")        # the smoke config refits from no other start
    assert starts.start_factor.tolist() == [1.0] and starts.within_calibration_ci.all() and starts.max_shift_over_ci_halfwidth[0] == 0
    reduction = pd.read_csv(out["results"] / "reduction_validation.csv").set_index("check")
    assert reduction.loc["f-I median |relative error|", "value"] <= 0.05      # the reduced neuron, in the engine, against the cell ODE
    assert reduction.passed.all(), reduction
    device_speed = pd.read_csv(out["results"] / "device_network_speed.csv")
    assert (device_speed.neuron == "device").all() and (device_speed.simulated_us_per_wall_s > 0).all()
    assert (device_speed.dt_s < 1e-7).all() and (device_speed.spikes > 0).all()   # device time, and the network fires
    ours = device_speed[device_speed.engine == "nsram"]
    assert (ours.weight_bytes_per_synapse <= 8).all() and (ours.row_pointer_bytes_per_neuron < 4.1).all()   # CSR: 8 B/synapse + 4 B/neuron
    window = pd.read_csv(out["results"] / "reduction_window.csv")
    assert (window.status == "reduced").sum() >= 2 and window.status.str.startswith("refused: the cell has no S-shaped I-V").any()
    neuron = pd.read_csv(out["results"] / "reduced_neuron.csv").set_index("name").value
    assert 1e-6 < neuron["tau_m"] < 1e-4 and neuron["v_reset"] < neuron["v_th"]   # device time (µs), from the S-curve folds
    synapse = pd.read_csv(out["results"] / "device_synapse.csv").set_index("name").value
    assert 0 < synapse["U"] < 1 and synapse["train_max_rel_error_Q"] <= 0.10      # the reduced synapse against the cell ODE
    assert pd.read_csv(out["results"] / "synapse_vg2.csv").fires.any()           # V_G2 switches the cell to neuron mode
    package = pd.read_csv(out["package_data"] / "device_reduction.csv").set_index("name").value   # copied from results/
    assert package["tau_m"] == neuron["tau_m"] and package["syn_U"] == synapse["U"]  # the file NSRAM_NEURON loads
    for name in ("iv_family", "raster", "isi", "avalanches", "criticality_sweep", "device_claims", "calibration_s_curve", "neuron_reduction"):
        assert (out["figures"] / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    for name in ("iv_family", "spike_statistics", "criticality_sweep"):
        assert (out["logs"] / "notebooks" / f"{name}.ipynb").exists(), "executed notebooks must be kept as logs"
    fits = pd.read_csv(out["results"] / "avalanche_fit.csv")
    assert set(fits.model) == {"NS-RAM", "branching process"} and set(fits.quantity) == {"size", "duration"}
    assert (fits.alpha_se > 0).all() and fits.preferred.isin(["power law", "lognormal", "exponential", "undecided"]).all()
    sweep = pd.read_csv(out["results"] / "criticality_sweep.csv")
    smoke_sweep = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["criticality_sweep"]
    ns, bp = sweep[sweep.model == "NS-RAM"], sweep[sweep.model == "branching process"]
    assert ns.value.tolist() == smoke_sweep["nsram"]["weights"] and ns.rate_Hz.is_monotonic_increasing   # coupling raises activity
    assert bp.value.tolist() == smoke_sweep["sigmas"] and ((bp.sigma_measured - bp.value).abs() < 0.1).all()  # estimator check
    comparison = pd.read_csv(out["results"] / "architecture_comparison.csv")
    models = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["rc_benchmarks"]["models"]
    assert set(comparison.winner) <= set(models) and set(models) <= set(comparison.columns)
    key_md = (out["results"] / "key_results.md").read_text()
    assert "## Mean [95% CI]" in key_md and "## Median (IQR)" in key_md and "| task" in key_md
    parity = pd.read_csv(out["results"] / "parity_by_size.csv")      # this run's table alone in the smoke config
    assert set(parity.n_neurons) == set(yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["rc_benchmarks"]["sizes"])
    assert parity.best_nsram.str.startswith("nsram").all() and parity.esn_median.notna().all()
    assert "| task" in (out["results"] / "parity_by_size.md").read_text()
    key = pd.read_csv(out["results"] / "key_results.csv")
    assert {"best_nsram", "best_nsram_beats_baselines"} <= set(key.columns)
    tuning = pd.read_csv(out["results"] / "rc_tuning.csv")
    budget = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["rc_benchmarks"]["tuning"]["n_trials"]
    searched = tuning[tuning.model != "input"]                  # the input baseline has nothing to tune: one trial
    assert set(searched.n_trials) <= {budget, 2 * budget} and (tuning[tuning.model == "input"].n_trials == 1).all()  # equal budgets
    assert (tuning.tuning_s > 0).all() and (tuning.test_s > 0).all()
    opmap = pd.read_csv(out["results"] / "operating_point_map.csv")    # one row per reduced bias of the window, the nominal one marked
    window = pd.read_csv(out["results"] / "reduction_window.csv")
    assert len(opmap) == (window.status == "reduced").sum() and opmap.nominal.sum() == 1 and opmap.narma10.notna().all()
    smoke_memory = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["memory_limit"]
    function = pd.read_csv(out["results"] / "memory_function.csv")        # r² per delay of each model; the MC check is in the notebook
    assert set(function.model) == set(smoke_memory["models"]) and function.r2.between(-1e-9, 1 + 1e-9).all()
    limit = pd.read_csv(out["results"] / "memory_limit.csv")
    holds, bank = limit[limit.experiment == "hold"], limit[limit.experiment == "bank"]
    assert set(holds.model) == {"nsram-device"} and set(smoke_memory["hold_grid"]) < set(holds.hold) and holds.tuned.sum() == 1
    assert set(bank.n_neurons) == set(smoke_memory["bank_sizes"]) and (bank[bank.cv == 0].mc < 1.1).all()   # identical filters: MC <= 1
    assert (out["figures"] / "memory_limit.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    smoke_capacity = yaml.safe_load((ROOT / "config" / "smoke.yaml").read_text())["capacity_profile"]
    basis = pd.read_csv(out["results"] / "capacity_basis.csv")      # each model on the study's basis, the extended one, an unseen stream's and a longer stream's
    full = {f"{m}:full-state" for m in smoke_capacity["full_state_of"]}          # a chip-tuned reservoir read in full, not on the check stream
    assert set(basis.model) == set(smoke_capacity["models"]) | full and set(basis.basis) == {"study", "extended", "unseen", "study-long"}
    assert full and set(basis[basis.model.isin(full)].basis) == {"study", "extended", "unseen"}
    assert (basis[basis.basis == "study-long"].n_scored == smoke_capacity["check_steps"] - smoke_capacity["washout"]).all()
    chance = basis[basis.basis == "unseen"].groupby(["model", "seed"]).agg(total=("unbiased_capacity", "sum"), rank=("state_rank", "first"))
    assert (chance.total.abs() <= 0.01 * chance["rank"]).all(), chance          # chance-corrected sums of unrelated targets: ~0
    totals = basis.groupby(["model", "seed", "basis"]).agg(total=("capacity", "sum"), rank=("state_rank", "first"))
    assert (totals.total <= totals["rank"] + 1e-6).all() and (basis.edge_capacity <= basis.capacity + 1e-12).all()
    taps = basis[(basis.model == "delay-line") & (basis.basis != "unseen")]
    assert taps.groupby("basis").capacity.sum().min() > 0.9                  # a delay line's taps hold capacity on its own stream
    profile = pd.read_csv(out["results"] / "capacity_profile.csv")
    assert set(profile.degree) == set(range(1, len(smoke_capacity["windows"]) + 1)) and (profile.capacity >= 0).all()
    assert (out["figures"] / "capacity_profile.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    speed = pd.read_csv(out["results"] / "reservoir_speed.csv")
    steps, rc = speed[speed.kind == "step"], speed[speed.kind == "rc_benchmark"]
    assert (steps.seconds_per_input_step > 0).all() and set(rc.stream_batch.astype(str)) == {"all", "1"}
    assert (rc.max_metric_difference <= 1e-9).all()   # batching the task streams must not change a metric


def test_gpu_overlay_merged_onto_default_matches_schema():
    schema = yaml.safe_load((ROOT / "config" / "schema.yaml").read_text())
    merged = yaml.safe_load((ROOT / "config" / "default.yaml").read_text())
    for key, value in yaml.safe_load((ROOT / "config" / "gpu.yaml").read_text()).items():
        merged[key] = {**merged[key], **value} if isinstance(value, dict) else value
    jsonschema.validate(merged, schema)
    assert merged["device"] == "cuda" and merged["package_data_dir"] != "nsram/data"


def test_gpu_session_script_plans_gpu_tables_without_jupyter(tmp_path):
    "tools/gpu_session.sh (DRY_RUN=1) plans the speed stage and gpu_tables, every notebook through tools/run_notebook.py."
    env = {**os.environ, "DRY_RUN": "1", "PYTHON": sys.executable, "OUT": str(tmp_path),
           "NSRAM_NOTEBOOK_RUNNER": f"{sys.executable} {ROOT}/tools/run_notebook.py"}
    res = subprocess.run(["bash", "tools/gpu_session.sh"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "results/gpu/rc/nsram-device.csv" in res.stdout and "results/gpu/device_network_speed.csv" in res.stdout
    assert "sizes: [2000]" in res.stdout and "1000000" in res.stdout             # N = 2000 reservoirs, 10^6-neuron engine
    assert "tools/run_notebook.py -k python3" in res.stdout and "-m papermill" not in res.stdout
    brian2_sizes = re.findall(r"brian2_sizes: \[([^\]]*)\]", res.stdout)
    assert brian2_sizes and not any(brian2_sizes)                             # Brian2 is compared on the CPU, not here
    assert "notebook runner:" in (tmp_path / "gpu_session.txt").read_text()
    for rule in ("neuron_reduction", "model_vs_ngspice", "mnist_scaling"):       # CPU-only or ngspice rules stay out
        assert f"rule {rule}:" not in res.stdout


def test_study_gpu_config_dry_run():
    res = snakemake("-n", "--forceall", "--configfile", "config/study_gpu.yaml")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "results/study_gpu/rc/hh.csv" in res.stdout and "results/study_gpu/vg2_sweep.csv" in res.stdout


def test_study_cpu_overlay_dry_run():
    res = snakemake("-n", "-p", "--forceall", "--configfile", "config/study_cpu.yaml", "--", "architecture_comparison")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "results/study_cpu/rc/hh.csv" in res.stdout and "results/study_cpu/rc/nsram-device-novar.csv" in res.stdout
    assert "'n_trials': 20" in res.stdout or "n_trials: 20" in res.stdout
    studies = snakemake("-n", "--forceall", "--configfile", "config/study_cpu.yaml")     # the fixed-parameter studies live here ...
    assert studies.returncode == 0 and "results/study_cpu/vg2_sweep.csv" in studies.stdout and "results/study_cpu/scaling.csv" in studies.stdout
    default = snakemake("-n", "--forceall")                                               # ... and not in the default run
    assert default.returncode == 0 and "vg2_sweep" not in default.stdout and "results/scaling.csv" not in default.stdout


@pytest.mark.parametrize("overlay, model, setting", [("study_n500", "nsram-device", "sizes: [500]"),
                                                     ("study_n2000", "nsram-device-chip", "sizes: [2000]"),
                                                     ("study_ipc_n2000", "nsram-device-chip", "ipc: {max_degree: 3, max_delay: 30, n_steps: 40000}"),
                                                     ("study_ablations", "nsram-device-norec", "models: [nsram-device, nsram-device-norec"),
                                                     ("study_models", "hh", "models: [nsram-device, nsram-std, nsram-stf")])
def test_cpu_study_overlays_dry_run(overlay, model, setting):
    "Each CPU study overlay merges onto the default config and plans its own rc_summary in its own results folder."
    res = snakemake("-n", "-p", "--forceall", "--configfile", f"config/{overlay}.yaml", "--", "rc_summary")
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"results/{overlay}/rc/{model}.csv" in res.stdout and f"results/{overlay}/key_results.md" in res.stdout
    assert setting in res.stdout                       # the overlay reached the job's parameters


def test_stp_coupling_study_only_in_the_ablations_overlay():
    "STP on/off at a fixed coupling reads nsram-device's tuned optima; it runs with the ablations overlay, not by default."
    res = snakemake("-n", "-p", "--forceall", "--configfile", "config/study_ablations.yaml")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "results/study_ablations/stp_coupling.csv" in res.stdout and "weight_means" in res.stdout
    default = snakemake("-n", "--forceall")
    assert default.returncode == 0 and "stp_coupling" not in default.stdout


def test_slurm_profile_dry_run():
    if importlib.util.find_spec("snakemake_executor_plugin_slurm") is None:
        pytest.skip("snakemake-executor-plugin-slurm is not installed (it is part of nsram[dev])")
    res = snakemake("--profile", "profiles/slurm", "-n", "--forceall")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "slurm_partition=" in res.stdout and "iv_family" in res.stdout


def test_study_calibration_overlay_dry_run():
    "The calibration's 3x start lives in its own overlay (the default refits from 0.3x only, for its time budget)."
    res = snakemake("-n", "-p", "--forceall", "--configfile", "config/study_calibration.yaml", "--", "device_calibration")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "results/study_calibration/calibration_starts.csv" in res.stdout and "start_factors: [0.3, 3.0]" in res.stdout


def test_ipc_n2000_overlay_plans_its_wider_capacity_basis():
    "The N = 2000 IPC overlay rescores its tuned optima on its own, wider basis (the study's caps the ESN there)."
    res = snakemake("-n", "-p", "--forceall", "--configfile", "config/study_ipc_n2000.yaml", "--", "capacity_profile")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "results/study_ipc_n2000/capacity_basis.csv" in res.stdout and "results/study_ipc_n2000/rc/esn.csv" in res.stdout
    assert "windows: [300, 80, 25, 12, 8, 5]" in res.stdout and "n_steps: 40000" in res.stdout
    assert "full_state_of: [nsram-device-chip]" in res.stdout


def test_capacity_profile_full_state_of_names_only_chip_tier_models(tmp_path):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(yaml.safe_dump({"capacity_profile": {"full_state_of": ["esn"]}}))      # the ESN has no chip tier to read in full
    res = snakemake("-n", "--configfile", str(overlay), "--", "capacity_profile")
    assert res.returncode != 0 and "full_state_of" in res.stdout + res.stderr and "does not match" in res.stdout + res.stderr


def test_capacity_profile_without_a_tuned_model_fails_clearly(tmp_path):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(yaml.safe_dump({"capacity_profile": {"models": ["hh"]}}))      # hh is not among the default's rc models
    res = snakemake("-n", "--configfile", str(overlay), "--", "capacity_profile")
    assert res.returncode != 0
    assert "capacity_profile.models ['hh'] names none of rc_benchmarks.models" in res.stdout + res.stderr
