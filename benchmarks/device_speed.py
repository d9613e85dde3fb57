"""Wall time of the single-cell ODE: seconds per millisecond of device time at neuron biases.

    python benchmarks/device_speed.py --out results/device_speed.csv --t-device 1e-3 --repeats 3

One process, one thread (scipy's LSODA is serial); median of `repeats` timed runs after one warm-up."""
import argparse, os, platform, time
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
    a = ap.parse_args()
    rows = []
    for triple in a.biases.split(";"):
        bias = CellBias(*map(float, triple.split(",")))
        simulate_cell(bias, a.t_device / 10)
        times = []
        for _ in range(a.repeats):
            t0 = time.perf_counter(); tr = simulate_cell(bias, a.t_device); times.append(time.perf_counter() - t0)
        wall = float(np.median(times))
        rows.append(dict(vd_V=bias.vd, vg1_V=bias.vg1, vg2_V=bias.vg2, t_device_s=a.t_device, n_spikes=len(tr.spike_times),
                         rate_Hz=firing_rate(tr), solver_steps=tr.n_steps, seconds=wall, seconds_per_ms=wall / (a.t_device / 1e-3),
                         machine=platform.processor() or platform.machine()))
        print(rows[-1], flush=True)
    pd.DataFrame(rows).to_csv(a.out, index=False, float_format="%.6g")


if __name__ == "__main__":
    main()
