# The two commands of the README:
#   make reproduce   set up .venv and run the pipeline on the default config
#   make test        set up .venv, run every test, and build the documentation site from the notebooks the tests executed
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

.PHONY: reproduce update test docs setup ngspice nest-headers smoke export clean-nbs readme gpu-wheels

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
	$(BIN)/python tools/build_docs.py

# The documentation site (_docs/site/index.html): the notebooks as `make test` executed them (_docs/executed/), the
# pipeline's figures and tables, and the pipeline notebooks as Snakemake last ran them. No Quarto needed.
docs: setup
	$(BIN)/python tools/build_docs.py

setup: $(STAMP) ngspice nest-headers

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

# Building the exported NESTML neuron into NEST (60_export) needs a C++ compiler, CMake and the Boost, libltdl and GSL
# headers that NEST's headers include and the nest-simulator wheel does not ship.
NEST_HEADERS := /usr/include/boost/type_index.hpp /usr/include/ltdl.h /usr/include/gsl/gsl_odeiv.h
nest-headers:
	@{ command -v g++ && command -v cmake && ls $(NEST_HEADERS); } >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq g++ cmake libboost-dev libltdl-dev libgsl-dev; \
	  else echo "install g++, cmake and the Boost, libltdl and GSL headers (conda: cxx-compiler cmake boost-cpp libtool gsl)" >&2; exit 1; fi; }

# Developer helpers (not needed by the two commands above).
smoke: setup
	$(BIN)/snakemake --cores 2 --configfile config/smoke.yaml

export: setup
	$(BIN)/nbdev-export && $(BIN)/nbdev-clean && $(BIN)/python tools/make_readme.py

# The packages a lent GPU machine lacks (tools/gpu_wheels.txt), as wheels for its Python 3.12, into .whl, which
# tools/gpu_session.sh installs there. Source-only packages are built here (they are pure Python).
GPU_PLATFORMS := manylinux_2_28_x86_64 manylinux_2_27_x86_64 manylinux_2_24_x86_64 manylinux_2_17_x86_64 manylinux2014_x86_64
gpu-wheels: setup
	mkdir -p .whl
	grep -v '^#' tools/gpu_wheels.txt | while read -r spec; do \
	  $(BIN)/python -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
	    $(foreach p,$(GPU_PLATFORMS),--platform $(p)) -d .whl "$$spec" 2>/dev/null \
	  || $(BIN)/python -m pip wheel -q --no-deps -w .whl "$$spec" || exit 1; done
	@du -sh .whl
