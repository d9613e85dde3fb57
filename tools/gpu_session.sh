#!/usr/bin/env bash
# Regenerate every GPU table and figure (config/gpu.yaml, target gpu_tables) on one lent GPU machine, in one call.
#
# Here, once per checkout (downloads the Python packages the GPU image lacks, ~30 MB, into the ignored folder .whl):
#     make gpu-wheels
# Then one device call from the repo root, with a limit that leaves time for a rerun:
#     run(command="bash tools/gpu_session.sh", carry=[".whl"], timeout_s=540)
# and, back here, unpack what it made over the checkout and commit it:
#     tar xzf <files_at>/gpu_results.tgz && git add results/gpu figures/gpu
#
# The GPU image has PyTorch, NumPy, SciPy, pandas, scikit-learn, numba and matplotlib but no Jupyter, Snakemake,
# Optuna or ngspice, and nothing can be downloaded there. So the carried wheels go to /tmp/site, and the pipeline's
# notebooks run through tools/run_notebook.py (NSRAM_NOTEBOOK_RUNNER) instead of papermill. The rules gpu_tables
# needs use neither ngspice nor Brian2.
#
# Two stages, each under its own time limit (seconds; environment variables override them):
#   SPEED_S  the speed benchmarks, one job at a time so that no other job shares the GPU or the cores while timed;
#   STUDY_S  the rest of gpu_tables (operating window, reservoir study, summaries), as many jobs at once as fit.
# Outputs of a stage that runs out of time are whatever its finished jobs wrote; gpu_session.txt lists them.
set -uo pipefail
SPEED_S=${SPEED_S:-150}
STUDY_S=${STUDY_S:-330}
OUT=${OUT:-/tmp/gpu_session_out}
PYTHON=${PYTHON:-python3}
CORES=${CORES:-$(nproc)}
DRY_RUN=${DRY_RUN:-0}      # 1: plan both stages (snakemake -n) and stop; no GPU needed
mkdir -p "$OUT"
summary="$OUT/gpu_session.txt"
: > "$summary"
note() { echo "$*" | tee -a "$summary"; }

if ! "$PYTHON" -c "import snakemake, optuna" 2> /dev/null && ls .whl/*.whl > /dev/null 2>&1; then
    "$PYTHON" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
        || { note "installing the carried wheels failed"; exit 1; }
    export PYTHONPATH="/tmp/site${PYTHONPATH:+:$PYTHONPATH}"
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONUNBUFFERED=1
if ! "$PYTHON" -c "import papermill" 2> /dev/null; then
    export NSRAM_NOTEBOOK_RUNNER="$PYTHON $PWD/tools/run_notebook.py"
fi
"$PYTHON" -c "import snakemake, optuna, torch" || { note "missing packages: run 'make gpu-wheels' here and carry .whl"; exit 1; }

note "# tools/gpu_session.sh, $(date -u +%FT%TZ)"
note "device: $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2> /dev/null || echo 'no nvidia-smi')"
note "python: $("$PYTHON" -c 'import sys, torch, numpy; print(sys.version.split()[0], "torch", torch.__version__, "cuda", torch.cuda.is_available(), "numpy", numpy.__version__)')"
note "cores: $CORES; notebook runner: ${NSRAM_NOTEBOOK_RUNNER:-papermill}"

SNAKEMAKE=("$PYTHON" -m snakemake --configfile config/gpu.yaml --rerun-incomplete --keep-going)
if [ "$DRY_RUN" = 1 ]; then
    "${SNAKEMAKE[@]}" -n -p --forceall --cores "$CORES" -- network_speed device_network_speed reservoir_speed \
        && "${SNAKEMAKE[@]}" -n -p --forceall --cores "$CORES" -- gpu_tables
    exit $?
fi

rm -rf results/gpu figures/gpu logs/gpu       # made afresh: the copy's file times say nothing about what is stale
stamp=$(mktemp)
stage() {  # name, limit (s), snakemake arguments...
    local name=$1 limit=$2 start=$SECONDS rc; shift 2
    timeout --signal=INT --kill-after=20 "$limit" "${SNAKEMAKE[@]}" "$@" > "$OUT/$name.log" 2>&1
    rc=$?
    note "stage $name: exit $rc after $((SECONDS - start)) s (limit $limit s)$([ $rc = 124 ] && echo ', cut off at its limit')"
}
stage speed "$SPEED_S" --cores "$CORES" --jobs 1 -- network_speed device_network_speed reservoir_speed
stage study "$STUDY_S" --cores "$CORES" --resources gpu=8 --set-threads reduction_window=8 -- gpu_tables

note "outputs:"
find results/gpu figures/gpu -type f -newer "$stamp" 2> /dev/null | sort | sed 's/^/  /' | tee -a "$summary"
for log in logs/gpu/*.log; do [ -f "$log" ] && { echo "== $log"; tail -n 5 "$log"; }; done > "$OUT/job_log_tails.txt"
tar czf "$OUT/gpu_results.tgz" results/gpu figures/gpu logs/gpu 2> /dev/null
note "packed: $OUT/gpu_results.tgz ($(du -h "$OUT/gpu_results.tgz" | cut -f1))"
