"""Package-level promises: light import, version, frozen presets, layering that follows the notebook numbering."""
import re, subprocess, sys
import nsram
from repo_checks import ROOT


def test_import_is_light():
    code = ("import sys, nsram, nsram.core, nsram.physics, nsram.analysis, nsram.plots, nsram.readout; "
            "heavy = sorted(m for m in ('torch', 'matplotlib', 'pandas', 'seaborn') if m in sys.modules); "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing nsram pulled in heavy modules: {out}"


def test_import_leaves_matplotlib_backend_alone():
    code = ("import matplotlib; before = matplotlib.get_backend(); import nsram.physics; "
            "print(before == matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True"


def test_version():
    assert nsram.__version__.count(".") == 2


def _notebook_number(module_file):
    m = re.search(r"File to edit: \.\./nbs/(\d+)([a-z]?)_", module_file.read_text())
    return (int(m.group(1)), m.group(2)) if m else None


def test_modules_import_only_lower_numbered_notebooks():
    "A module may import (at top level or inside a function) only from modules of lower-numbered notebooks."
    modules = {f.stem: f for f in (ROOT / "nsram").glob("*.py")}
    numbers = {name: _notebook_number(f) for name, f in modules.items()}
    numbers = {k: v for k, v in numbers.items() if v is not None}
    assert {"core", "physics", "cell", "reduction", "network", "device_neuron", "export"} <= set(numbers)
    upward = []
    for name, number in numbers.items():
        for m in re.finditer(r"^\s*from (?:\.|nsram\.)(\w+) import", modules[name].read_text(), re.M):
            dep = m.group(1)
            if dep in numbers and numbers[dep] > number: upward.append(f"{name} -> {dep}")
    assert not upward, f"modules importing from higher-numbered notebooks: {sorted(set(upward))}"


def test_ruff_f_rules_clean():
    "pyflakes rules (unused imports, undefined names, redefinitions) over the package, tools, benchmarks and tests."
    res = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "F", "--output-format", "concise",
                          "nsram", "tools", "benchmarks", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_compare_results_tool():
    "tools/compare_results.py: machine columns are skipped, numeric cells compared with rtol, text cells exactly."
    import importlib.util
    import pandas as pd
    spec = importlib.util.spec_from_file_location("compare_results", ROOT / "tools" / "compare_results.py")
    tool = importlib.util.module_from_spec(spec); spec.loader.exec_module(tool)
    old = pd.DataFrame(dict(model=["a", "b"], tau_m_s=[1e-5, 2e-5], run_s=[1.0, 2.0]))
    assert tool.compare(old, old.assign(run_s=[9.0, 9.0]), 1e-6)[0] == "close"          # wall time is not compared
    status, worst, where, _ = tool.compare(old, old.assign(tau_m_s=[1e-5, 2.1e-5]), 1e-6)
    assert (status, where) == ("differs", "tau_m_s") and abs(worst - 0.1 / 2.1) < 1e-12
    assert tool.compare(old, old.assign(model=["a", "c"]), 1e-6)[0] == "differs"
    seeds = pd.DataFrame(dict(model=["hh", "esn"], mean=[0.608, 0.99], ci95_low=[0.53, 0.98], ci95_high=[0.68, 1.0]))
    assert tool.compare(seeds, seeds.assign(mean=[0.61, 0.99]), 1e-6)[0] == "seed spread"      # moved less than the CI width
    assert tool.compare(seeds, seeds.assign(mean=[0.608, 0.95]), 1e-6)[0] == "differs"         # moved more than the CI width
    speed = pd.DataFrame(dict(engine=["nsram", "nsram-0.12.0"], spikes=[1000, 785913]))
    assert tool.compare(speed, speed.assign(spikes=[1000, 785573]), 1e-6)[0] == "external spread"   # the earlier library's run-to-run spread
    assert tool.compare(speed, speed.assign(spikes=[1001, 785913]), 1e-6)[0] == "differs"          # ours must reproduce exactly
    assert tool.compare(speed, speed.assign(spikes=[1000, 700000]), 1e-6)[0] == "differs"          # beyond the measured spread
    summary = pd.DataFrame(dict(quantity=["DC error", "wall time per ms of device time"], value=[0.01, 0.66]))
    assert tool.compare(summary, summary.assign(value=[0.01, 0.64]), 1e-6)[0] == "close"        # a machine-measuring row
    assert tool.compare(summary, summary.assign(value=[0.02, 0.66]), 1e-6)[0] == "differs"
    out = subprocess.run([sys.executable, "tools/compare_results.py", "--report-only"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "results/reduced_neuron.csv" in out and "identical" in out
