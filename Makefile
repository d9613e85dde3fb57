# The two commands of the README:
#   make reproduce   set up .venv and run the pipeline on the default config
#   make test        set up .venv and run every test
# TORCH is the pip spec used for PyTorch (default: the locked version; pip picks its CPU or CUDA build).
# Every other package is installed at the version in requirements.lock (the environment of the committed outputs).

PYTHON ?= python3
VENV   ?= .venv
TORCH  ?= torch==2.13.0
LOCK   := requirements.lock
CORES  ?= all
CONFIG ?= config/default.yaml
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.nsram-installed

.PHONY: reproduce update test setup ngspice smoke export clean-nbs readme

# Every output is regenerated (--forceall), the regenerated outputs are recorded in reproduced/<config>.txt (so a
# clone knows they are current even where they came out byte-identical), and the tables are compared with the committed ones.
reproduce: setup
	$(BIN)/snakemake --cores $(CORES) --configfile $(CONFIG) --forceall
	$(BIN)/python tools/restore_mtimes.py --record $(CONFIG)
	$(BIN)/python tools/compare_results.py

# Incremental: rerun only what Snakemake finds out of date (for developers who know their file times).
update: setup
	$(BIN)/snakemake --cores $(CORES) --configfile $(CONFIG)

test: setup
	$(BIN)/python -m pytest tests

setup: $(STAMP) ngspice

# ngspice (the circuit simulator the device model is checked against) is a system package, not a pip one.
ngspice:
	@command -v ngspice >/dev/null || { \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq ngspice; \
	  else echo "install ngspice (conda install -c conda-forge ngspice, or brew install ngspice)" >&2; exit 1; fi; }

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[dev]" -c $(LOCK)
	touch $@

# Developer helpers (not needed by the two commands above).
smoke: setup
	$(BIN)/snakemake --cores 2 --configfile config/smoke.yaml

export: setup
	$(BIN)/nbdev-export && $(BIN)/nbdev-clean && $(BIN)/python tools/make_readme.py
