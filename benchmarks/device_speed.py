"""Wall time of the single-cell ODE: seconds per millisecond of device time at neuron biases.

    python benchmarks/device_speed.py --out results/device_speed.csv --t-device 1e-3 --repeats 3 --methods LSODA,Rodas4

One process, one thread (both solvers are serial); median of `repeats` timed runs after one warm-up, per solver
method (`nsram.cell.simulate_cell(method=...)`: scipy's LSODA with Python callbacks, or the numba-compiled RODAS4)."""
import argparse, itertools, os, platform, time
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
import pandas as pd
from nsram.cell import CellBias, simulate_cell, firing_rate


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--t-device", type=float, default=1e-3, help="device time simulated per run (s)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--biases", default="2.2,0.3,0.3;2.6,0.3,0.3;3.0,0.3,0.3", help="vd,vg1,vg2 triples (V), ';'-separated")
    ap.add_argument("--methods", default="LSODA,Rodas4", help="simulate_cell methods, ','-separated")
    a = ap.parse_args()
    rows = []
    biases = [CellBias(*map(float, triple.split(","))) for triple in a.biases.split(";")]
    for method, bias in itertools.product(a.methods.split(","), biases):
        simulate_cell(bias, a.t_device / 10, method=method)
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter(); tr = simulate_cell(bias, a.t_device, method=method); times.append(time.perf_counter() - t0)
        wall = float(np.median(times))
        rows.append(dict(method=method, vd_V=bias.vd, vg1_V=bias.vg1, vg2_V=bias.vg2, t_device_s=a.t_device, n_spikes=len(tr.spike_times),
                         rate_Hz=firing_rate(tr), solver_steps=tr.n_steps, seconds=wall, seconds_per_ms=wall / (a.t_device / 1e-3),
                         machine=platform.processor() or platform.machine()))
        print(rows[-1], flush=True)
    pd.DataFrame(rows).to_csv(a.out, index=False, float_format="%.6g")


if __name__ == "__main__":
    main()
