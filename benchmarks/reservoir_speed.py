"""Wall time of the reservoirs the benchmarks use: seconds per input step, and what batching buys.

    python benchmarks/reservoir_speed.py --out results/reservoir_speed.csv --sizes 100,500 --batches 1,6 --device cpu

Part 1 (`kind=step`): each reservoir (NS-RAM with depressing STP, ESN, LIF, Izhikevich, Hodgkin-Huxley eager and with
`compile=True`) runs B independent input streams; seconds per input step (median of `repeats` runs after one warm-up,
which for compiled HH includes the compile, reported as `warmup_seconds`). One torch thread.
Part 2 (`kind=rc_benchmark`): one seed of `nsram.benchmarks.rc_benchmark` on every task, with the single-stream tasks
in one batched run (`stream_batch=None`) and one at a time (`stream_batch=1`); the metrics must agree
(`max_metric_difference`)."""
import argparse, json, os, platform, time
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
import pandas as pd
import torch
from nsram.benchmarks import rc_benchmark
from nsram.neurons import SpikingReservoir
from nsram.reservoir import ESNReservoir, NSRAMReservoir

# The input steps timed per run: HH in eager mode costs ~0.1 s per step, the others ~1 ms.
STEPS = {"hh": 20}


def make(model, n, device):
    p = min(1.0, 10 / n)   # expected in-degree 10, as in the pipeline
    if model == "nsram-device": return NSRAMReservoir(n_neurons=n, p=p, stp="device", input_scale=2.0, weight_mean=0.02, device=device)
    if model == "esn": return ESNReservoir(n_neurons=n, p=p, device=device)
    name, _, compiled = model.partition("-")
    return SpikingReservoir(name, n_neurons=n, p=p, device=device, compile=compiled == "compiled")


def time_steps(res, B, T, repeats, seed):
    X = np.random.default_rng(seed).uniform(0, 0.5, (B, T, 1))
    res.fit(X[0])
    t0 = time.perf_counter(); res.transform(X); warm = time.perf_counter() - t0
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter(); res.transform(X); times.append(time.perf_counter() - t0)
    return warm, float(np.median(times)) / T


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="100,500")
    ap.add_argument("--batches", default="1,6")
    ap.add_argument("--models", default="nsram-device,esn,lif,izhikevich,hh,hh-compiled")
    ap.add_argument("--steps", type=int, default=200, help="input steps per timed run (HH eager: 20)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--rc-models", default="nsram-device,lif", help="models for the batched-vs-unbatched rc_benchmark timing")
    ap.add_argument("--rc-size", type=int, default=100)
    ap.add_argument("--task-kwargs", default="{}", help="rc_benchmark task_kwargs as JSON")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(1)
    machine = platform.processor() or platform.machine()
    rows = []
    for model in a.models.split(","):
        for n in map(int, a.sizes.split(",")):
            for B in map(int, a.batches.split(",")):
                warm, per_step = time_steps(make(model, n, a.device), B, STEPS.get(model, a.steps), a.repeats, a.seed)
                rows.append(dict(kind="step", model=model, n_neurons=n, batch=B, seconds_per_input_step=per_step,
                                 seconds_per_stream_step=per_step / B, warmup_seconds=warm, device=a.device, machine=machine))
                print(rows[-1], flush=True)
    task_kwargs = json.loads(a.task_kwargs)
    for model in filter(None, a.rc_models.split(",")):
        res, tables = make(model, a.rc_size, a.device), {}
        rc_benchmark(res, seeds=(a.seed,), tasks=("xor",), task_kwargs={"xor": {"n_steps": 300, "washout": 50}})   # warm-up
        for stream_batch in (None, 1):
            t0 = time.perf_counter()
            tables[stream_batch] = rc_benchmark(res, seeds=(a.seed,), task_kwargs=task_kwargs, stream_batch=stream_batch)
            rows.append(dict(kind="rc_benchmark", model=model, n_neurons=a.rc_size, stream_batch="all" if stream_batch is None else 1,
                             seconds=time.perf_counter() - t0, device=a.device, machine=machine))
            print(rows[-1], flush=True)
        diff = float((tables[None]["mean"] - tables[1]["mean"]).abs().max())
        for row in rows[-2:]: row["max_metric_difference"] = diff
    pd.DataFrame(rows).to_csv(a.out, index=False, float_format="%.6g")


if __name__ == "__main__":
    main()
