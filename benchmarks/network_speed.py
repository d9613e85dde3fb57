"""Measure one engine on one network size; print one JSON line.

    python benchmarks/network_speed.py nsram   --n 10000 --k 100 --steps 1000 [--device cuda]
    python benchmarks/network_speed.py brian2  --n 10000 --k 100 --steps 1000
    python benchmarks/network_speed.py earlier --n 1000  --k 100 --steps 1000   (run by the nsram==0.12.0 venv)
    python benchmarks/network_speed.py build   --n 10000 --p 0.15 --spectral-radius 1.0
    python benchmarks/network_speed.py nsram   --n 10000 --neuron device   (the same, with the device-derived neuron)

The nsram and Brian2 runs simulate the *same* network: N LIF neurons (tau_m 20 ms, t_ref 2 ms, dt 0.1 ms),
fixed in-degree k with Dale's law (80% excitatory, g = 4), a constant heterogeneous drive chosen so that
neurons fire at tens of Hz. The earlier library cannot take a given weight matrix: it builds its own
random network with connection probability k/N and runs its default parameters; its measured firing
rate is reported next to its speed. Each measurement runs in its own process, so the peak resident
memory (ru_maxrss) belongs to that engine and size alone; `rss_after_import_mb` is the baseline.
Each timed run is repeated REPEATS times from the same initial state; run_s is the median.
The earlier library's time step is dimensionless, so rates are compared as spikes per neuron-step.
`--neuron device` replaces the LIF by the NS-RAM neuron reduced from the cell model (`reduce_cell` at its default
bias, nbs/06_reduction; the reduction's time is reported as reduce_s, not as build_s) and runs in device time: dt is
`device_dt` (~14 ns) and each neuron gets a constant drain current of 1.05-1.35 x its rheobase; the output then also
states the simulated device time per wall-clock second.
'build' times connectivity + spectral-radius scaling + network construction at connection probability p.
Imports happen inside the functions so that the 'earlier' mode never imports this repository's nsram.
"""
import argparse, json, resource, time

REPEATS = 3  # timed runs per measurement; run_s is their median


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


REDUCTION = {}  # the device neuron, reduced once per process


def reduced_neuron():
    if not REDUCTION:
        from nsram.reduction import reduce_cell
        t0 = time.perf_counter()
        REDUCTION["neuron"], _ = reduce_cell()
        REDUCTION["reduce_s"] = time.perf_counter() - t0
    return REDUCTION["neuron"]


def nsram_network(n, k, seed, device="cpu", neuron="lif"):
    import torch
    from nsram.network import NSRAMNetwork, LIF
    g = torch.Generator().manual_seed(seed)
    if neuron == "device":
        from nsram.device_neuron import reduced_neuron_params, device_dt, current_to_drive
        r = reduced_neuron()
        i_in = r.rheobase * (1.05 + 0.3 * torch.rand(n, 1, generator=g, dtype=torch.float64))
        return NSRAMNetwork(n, neuron=reduced_neuron_params(r), connectivity="fixed_indegree",
                            connectivity_kwargs=dict(k=k, mean=0.2 / k ** 0.5), W_in=torch.as_tensor(current_to_drive(r, i_in.numpy())),
                            dt=device_dt(r), seed=seed, device=device, dtype=torch.float32)
    w_in = 0.95 + 0.3 * torch.rand(n, 1, generator=g, dtype=torch.float64)
    return NSRAMNetwork(n, neuron=LIF, connectivity="fixed_indegree", connectivity_kwargs=dict(k=k, mean=0.2 / k ** 0.5),
                        W_in=w_in, seed=seed, device=device, dtype=torch.float32)


def _device_time(out, neuron, dt):
    "Add the neuron kind, dt and the simulated time per wall second to a measurement."
    out.update(neuron=neuron, dt_s=dt, simulated_us_per_wall_s=out["steps"] * dt / out["run_s"] * 1e6)
    if neuron == "device": out["reduce_s"] = REDUCTION["reduce_s"]
    return out


def weight_storage(net):
    """Stored recurrent weights as (bytes per synapse, bytes per neuron): the float32 values and int32 column indices
    scale with the synapses, the int32 row pointers (one per neuron, plus one) with the neurons."""
    pointers = net._ptr if net.W is None else net.W.crow_indices()
    pointer_bytes = pointers.numel() * pointers.element_size()
    return dict(weight_bytes_per_synapse=(net.weight_bytes() - pointer_bytes) / net.n_synapses,
                row_pointer_bytes_per_neuron=pointer_bytes / net.n)


def measure_nsram(n, k, steps, seed, device, neuron="lif"):
    import torch
    if neuron == "device": reduced_neuron()
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    net = nsram_network(n, k, seed, device, neuron)
    if device.startswith("cuda"): torch.cuda.synchronize()
    build = time.perf_counter() - t0
    x = torch.ones(1, steps, 1)
    net.run(x[:, :50], record_spikes=None)                    # warm-up (allocator, kernels)
    if device.startswith("cuda"): torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        res = net.run(x, record_spikes=None)
        if device.startswith("cuda"): torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    run = sorted(times)[len(times) // 2]
    out = dict(engine="nsram", n=n, k=k, steps=steps, device=device, build_s=build, run_s=run,
               rate_hz=res.rates().mean().item(), spikes=int(res.counts.sum()), synapses=net.n_synapses, **weight_storage(net),
               rss_after_import_mb=rss0, peak_rss_mb=peak_rss_mb(), torch_threads=torch.get_num_threads())
    if device.startswith("cuda"):
        out.update(gpu=torch.cuda.get_device_name(), gpu_peak_mb=torch.cuda.max_memory_allocated() / 2**20)
    return _device_time(out, neuron, net.dt)


def measure_brian2(n, k, steps, seed, target, neuron="lif"):
    from nsram.network import brian2_network, import_brian2
    b2 = import_brian2()
    if neuron == "device": reduced_neuron()
    rss0 = peak_rss_mb()
    net = nsram_network(n, k, seed, neuron=neuron)
    t0 = time.perf_counter()
    network, monitor = brian2_network(net, net.W_in[:, 0].double(), codegen_target=target)
    network.store()
    network.run(10 * net.dt * b2.second)                       # compiles the code objects (excluded from run_s)
    build = time.perf_counter() - t0
    times = []
    for _ in range(REPEATS):
        network.restore()                                      # same initial state for every repeat
        t0 = time.perf_counter()
        network.run(steps * net.dt * b2.second)
        times.append(time.perf_counter() - t0)
    run = sorted(times)[len(times) // 2]
    spikes = int(monitor.num_spikes)
    return _device_time(dict(engine=f"brian2-{target}", n=n, k=k, steps=steps, device="cpu", build_s=build, run_s=run,
                             rate_hz=spikes / (n * steps * net.dt), spikes=spikes, synapses=net.n_synapses,
                             weight_bytes_per_synapse=float("nan"), rss_after_import_mb=rss0, peak_rss_mb=peak_rss_mb()), neuron, net.dt)


def measure_build(n, p, rho, seed):
    from nsram.network import NSRAMNetwork, LIF
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    net = NSRAMNetwork(n, neuron=LIF, connectivity="random", connectivity_kwargs=dict(p=p), spectral_radius=rho, seed=seed)
    build = time.perf_counter() - t0
    return dict(engine="nsram-build", n=n, k=round(p * (n - 1)), steps=0, device="cpu", build_s=build, run_s=float("nan"),
                spikes=0, synapses=net.n_synapses, **weight_storage(net),
                rss_after_import_mb=rss0, peak_rss_mb=peak_rss_mb(), p=p, spectral_radius=rho)


def measure_earlier(n, k, steps, seed):
    import numpy as np
    import nsram
    from nsram.network import NSRAMNetwork
    from nsram.physics import DimensionlessParams
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    net = NSRAMNetwork(n, connectivity="sparse", params=DimensionlessParams(connection_prob=k / n), seed=seed)
    build = time.perf_counter() - t0
    u = np.random.RandomState(seed).rand(steps).astype(np.float32)
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        res = net.run(u)
        times.append(time.perf_counter() - t0)
    run = sorted(times)[len(times) // 2]
    spikes = int(res["spikes"].sum())
    return dict(engine=f"nsram-{nsram.__version__}", n=n, k=k, steps=steps, device="cpu", build_s=build, run_s=run,
                rate_hz=float("nan"), spikes=spikes, synapses=int(np.count_nonzero(net._W)),
                weight_bytes_per_synapse=net._W.nbytes / max(np.count_nonzero(net._W), 1),
                rss_after_import_mb=rss0, peak_rss_mb=peak_rss_mb(), backend=net.backend)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("engine", choices=["nsram", "brian2", "earlier", "build"])
    ap.add_argument("--p", type=float, default=0.15)
    ap.add_argument("--spectral-radius", type=float, default=1.0)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--k", type=int, default=100)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--target", default="cython", choices=["numpy", "cython"])
    ap.add_argument("--neuron", default="lif", choices=["lif", "device"])
    a = ap.parse_args(argv)
    if a.engine == "nsram": out = measure_nsram(a.n, a.k, a.steps, a.seed, a.device, a.neuron)
    elif a.engine == "brian2": out = measure_brian2(a.n, a.k, a.steps, a.seed, a.target, a.neuron)
    elif a.engine == "build": out = measure_build(a.n, a.p, a.spectral_radius, a.seed)
    else: out = measure_earlier(a.n, a.k, a.steps, a.seed)
    if a.engine != "build":
        out["neuron_steps_per_s"] = out["n"] * out["steps"] / out["run_s"]
        out["synaptic_events_per_s"] = out["spikes"] * out["synapses"] / out["n"] / out["run_s"]
        out["spikes_per_neuron_step"] = out["spikes"] / (out["n"] * out["steps"])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
