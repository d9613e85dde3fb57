# The two commands of the README:
#   make reproduce   set up .venv and run the pipeline on the default config
#   make test        set up .venv and run every test
# TORCH is the pip spec used for PyTorch (default: whatever pip picks for this platform).
# CI sets TORCH=torch==2.13.0 to take the CPU wheel.

PYTHON ?= python3
VENV   ?= .venv
TORCH  ?= torch
CORES  ?= all
CONFIG ?= config/default.yaml
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.nsram-installed

.PHONY: reproduce test setup ngspice smoke export clean-nbs readme

reproduce: setup
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

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# Developer helpers (not needed by the two commands above).
smoke: setup
	$(BIN)/snakemake --cores 2 --configfile config/smoke.yaml

export: setup
	$(BIN)/nbdev-export && $(BIN)/nbdev-clean && $(BIN)/python tools/make_readme.py
