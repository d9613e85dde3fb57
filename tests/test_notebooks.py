"""Run every library notebook's tests (cells flagged with tst_flags are skipped unless forced).

Force flagged cells with e.g. NSRAM_TEST_FLAGS="slow" (space separated). Each notebook that passes is also written, with
its outputs, to _docs/executed/: `make docs` renders the documentation site from those (tools/build_docs.py)."""
import os
from pathlib import Path
import pytest
import nbdev.test as nbt
from fastcore.nbio import write_nb
from nbdev.config import get_config
from repo_checks import ROOT

NOTEBOOKS = sorted((ROOT / "nbs").glob("*.ipynb"))  # nbs/experiments/ are run by the pipeline tests
SKIP_FLAGS = get_config(ROOT).tst_flags.split()
FORCE_FLAGS = os.environ.get("NSRAM_TEST_FLAGS", "").split()
EXECUTED = ROOT / "_docs" / "executed"


def test_notebooks_found():
    assert {"index.ipynb", "00_core.ipynb", "01_physics.ipynb", "02_cell.ipynb", "03_fitting.ipynb",
            "04_spice.ipynb", "05_stp.ipynb", "06_reduction.ipynb", "12_device_neuron.ipynb", "13_device_network.ipynb", "30_encoding.ipynb", "31_analysis.ipynb",
            "32_plots.ipynb", "10_connectivity.ipynb", "11_network.ipynb", "20_tasks.ipynb",
            "21_readout.ipynb", "21a_ridge.ipynb", "22_reservoir.ipynb", "23_benchmarks.ipynb", "24_neurons.ipynb", "50_datasets.ipynb",
            "51_vision.ipynb", "60_export.ipynb", "70_plasticity.ipynb", "71_clopath.ipynb",
            "72_forward_forward.ipynb", "73_eqprop.ipynb", "74_eprop.ipynb"} <= {p.name for p in NOTEBOOKS}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook(notebook, monkeypatch):
    EXECUTED.mkdir(parents=True, exist_ok=True)
    (EXECUTED / notebook.name).unlink(missing_ok=True)     # a failed run leaves no stale page behind
    # test_nb(save=True) writes the executed notebook back over its source; redirect it to the docs' copy
    monkeypatch.setattr(nbt, "write_nb", lambda nb, fn: write_nb(nb, EXECUTED / Path(fn).name))
    ok, _ = nbt.test_nb(notebook, skip_flags=SKIP_FLAGS, force_flags=FORCE_FLAGS, basepath=str(ROOT), save=True)
    assert ok, f"{notebook.name}: a cell failed (traceback printed above)"
