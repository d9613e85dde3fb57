"""Property-based input tests, second slice of #20's suite (Hypothesis, derandomized, each case under a 5-s deadline):
connectivity, tasks, ridge readouts, reservoirs, spike-train analysis, synapses, the coupled cell network and the
spike-train comparison. Each public call either returns a finite result of the promised shape or raises
ValueError/TypeError naming the offending argument (scikit-learn's own messages for the estimators)."""
import math
import numpy as np
import torch
from hypothesis import HealthCheck, given, settings, strategies as st

from nsram.connectivity import connectivity
from nsram.tasks import narma_task, delayed_xor_task, memory_task
from nsram.ridge import KFoldRidgeCV
from nsram.reservoir import ESNReservoir
from nsram.analysis import firing_rates, avalanches, branching_ratio
from nsram.stp import DeviceSTP, tsodyks2_efficacies, device_synapse_efficacies
from nsram.device_neuron import coincidence_factor
from nsram.network import NSRAMNetwork
from nsram.device_network import CellNetwork, fidelity_metrics

DEADLINE = 5000
SETTINGS = settings(derandomize=True, deadline=DEADLINE, max_examples=30, suppress_health_check=[HealthCheck.too_slow])
SPECIAL = st.sampled_from([math.nan, math.inf, -math.inf])
CELLS = CellNetwork(NSRAMNetwork(3, connectivity="dense", connectivity_kwargs=dict(p=0.0), dtype=torch.float64))
CELLS.run(1e-8)   # compile (or load) the cell-network kernels before the clock runs


def num(lo, hi):
    return st.one_of(st.floats(lo, hi), SPECIAL)


def named_error(fn, *names):
    "Run `fn`: a result passes; a ValueError/TypeError must name one of `names`; anything else fails."
    try:
        return fn()
    except (ValueError, TypeError) as e:
        assert any(n in str(e) for n in names), f"error does not name {names}: {e}"
        return None


@SETTINGS
@given(st.one_of(st.integers(-3, 60), num(-1, 60), st.none()),
       st.sampled_from(["random", "fixed_indegree", "small_world", "scale_free", "distance", "dense", "bogus"]),
       num(-0.5, 1.5), st.integers(-2, 70), num(-0.5, 1.5))
def test_connectivity_rejects_by_name_or_gives_finite_sparse_weights(n, kind, p, k, exc_fraction):
    W = named_error(lambda: connectivity(n, kind, p=p, k=k, exc_fraction=exc_fraction, seed=0), "n", "kind", "p", "k", "exc_fraction", "m")
    if W is not None:
        assert W.layout == torch.sparse_csr and tuple(W.shape) == (n, n) and torch.isfinite(W.values()).all()


@SETTINGS
@given(st.one_of(st.integers(-5, 300), num(-1, 300)), st.integers(-2, 12), st.integers(-2, 40))
def test_tasks_reject_by_name_or_give_aligned_streams(n_steps, order, delay):
    out = named_error(lambda: narma_task(n_steps, order=order), "n_steps", "order")
    if out is not None:
        u, y = out
        assert u.shape == y.shape and np.all(np.isfinite(u)) and np.all(np.isfinite(y))
    out = named_error(lambda: delayed_xor_task(n_steps, delay=delay), "n_steps", "delay")
    if out is not None: assert out[0].shape == out[1].shape and set(np.unique(out[1])) <= {0, 1}
    out = named_error(lambda: memory_task(n_steps, delay), "n_steps", "max_delay")
    if out is not None: assert out[1].shape == (out[0].shape[0], delay)


@SETTINGS
@given(st.integers(0, 40), st.integers(0, 6), st.one_of(st.floats(-1e3, 1e3), SPECIAL),
       st.lists(st.floats(-1, 1e3), min_size=0, max_size=4), st.integers(-1, 8))
def test_ridge_rejects_bad_input_by_name(n, p, fill, alphas, cv):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(n, p)), rng.normal(size=n)
    if n and p: X[0, 0] = fill
    est = named_error(lambda: KFoldRidgeCV(alphas=alphas or [1.0], cv=cv).fit(X, y), "X", "y", "alphas", "cv", "sample", "feature")
    if est is not None:
        assert np.all(np.isfinite(est.coef_)) and np.all(np.isfinite(est.predict(X)))


@SETTINGS
@given(st.one_of(st.integers(-2, 30), num(-1, 30)), num(-0.5, 2.0), num(-0.5, 1.5), st.sampled_from(["tanh", "linear", "relu"]),
       st.sampled_from([(20, 1), (0, 1), (20, 0), (2, 20, 2), (20,)]))
def test_esn_rejects_by_name_or_gives_finite_states(n_neurons, spectral_radius, leak, activation, shape):
    X = np.linspace(-1, 1, int(np.prod(shape))).reshape(shape)
    res = named_error(lambda: ESNReservoir(n_neurons=n_neurons, spectral_radius=spectral_radius, leak=leak, activation=activation).fit_transform(X),
                      "n_neurons", "spectral_radius", "leak", "activation", "X", "sample", "feature")
    if res is not None:
        assert np.all(np.isfinite(res)) and res.shape[:-1] == X.shape[:-1] and res.shape[-1] == n_neurons


@SETTINGS
@given(st.sampled_from([(0, 3), (10, 0), (10, 3), (10,), (4, 2, 2)]), num(-1, 1), st.integers(-1, 4))
def test_spike_analysis_rejects_by_name(shape, dt, bin_steps):
    raster = (np.arange(int(np.prod(shape))).reshape(shape) % 3 == 0)
    out = named_error(lambda: firing_rates(raster, dt), "spikes", "dt")
    if out is not None: assert np.all(np.isfinite(out)) and np.all(out >= 0)
    out = named_error(lambda: avalanches(raster, bin_steps), "spikes", "bin_steps")
    if out is not None: assert all(np.all(np.asarray(a) >= 1) for a in out)
    out = named_error(lambda: branching_ratio(raster, bin_steps), "spikes", "bin_steps")
    if out is not None: assert math.isfinite(out) or math.isnan(out)


@SETTINGS
@given(num(-0.5, 1.5), num(-1, 2), num(-1, 2), st.lists(st.one_of(st.floats(-1, 1), SPECIAL), min_size=0, max_size=5))
def test_synapses_reject_by_name_or_give_positive_efficacies(U, tau_rec, tau_fac, times):
    out = named_error(lambda: tsodyks2_efficacies(times, U, tau_rec, tau_fac), "U", "tau_rec", "tau_fac", "spike_times")
    if out is not None: assert np.all(np.isfinite(out)) and np.all(out >= 0)
    syn = named_error(lambda: DeviceSTP(U=U, tau_e=tau_rec, kappa=tau_fac), "U", "tau_e", "kappa")
    if syn is not None:
        out = named_error(lambda: device_synapse_efficacies(times, syn), "spike_times")
        if out is not None: assert np.all(np.isfinite(out)) and np.all(out > 0)


@SETTINGS
@given(num(-1e-6, 5e-6), st.sampled_from([(1, 3), (2, 3), (1, 2), (3,)]), num(-1e-6, 1e-6), st.sampled_from([(), (0,), (5,), (-1,)]))
def test_cell_network_rejects_by_name_or_gives_finite_spikes(t_end, shape, current, record):
    res = named_error(lambda: CELLS.run(t_end, currents=np.full(shape, current), batch_size=shape[0] if len(shape) == 2 else 1, record=record),
                      "t_end", "currents", "record", "batch_size")
    if res is not None:
        assert torch.isfinite(res.spikes).all() and res.counts().shape == (shape[0], 3) and np.all(np.isfinite(res.traces))


@SETTINGS
@given(st.lists(st.one_of(st.floats(0, 1e-3), SPECIAL), min_size=0, max_size=6), num(-1e-5, 1e-4), num(-1e-3, 2e-3))
def test_spike_train_comparisons_reject_by_name(train, window, duration):
    out = named_error(lambda: coincidence_factor(train, sorted(train), window, duration), "reference", "model", "window", "duration")
    if out is not None: assert math.isfinite(out)
    out = named_error(lambda: fidelity_metrics([np.asarray(train)] * 3, [np.asarray(train)] * 3, 0.0, duration), "t_end", "t_from", "reference")
    if out is not None: assert math.isfinite(out["pop_rate_ref_Hz"])


@SETTINGS
@given(low=st.one_of(st.floats(-1e3, 1e3), SPECIAL), high=st.one_of(st.floats(-1e3, 1e3), SPECIAL), log=st.booleans(),
       side=st.sampled_from(["low", "high"]))
def test_search_space_ranges(low, high, log, side):
    from nsram.tuning import search_space
    spec = {"x": {"low": low, "high": high, "log": log, "limits": [-1e4, 1e4]}}
    valid = math.isfinite(low) and math.isfinite(high) and low < high and (not log or low > 0)
    if not valid:
        try: search_space(spec)
        except ValueError as err: assert "'x'" in str(err)
        else: raise AssertionError(f"accepted {spec}")
        return
    p = search_space(spec)["x"]
    assert 0.0 <= p.position(low) <= 1e-12 and abs(p.position(high) - 1.0) <= 1e-9
    wider = p.widened(side)
    if wider is not None:                                     # moved one end out, inside the limits, the other end kept
        assert -1e4 <= wider.low <= wider.high <= 1e4 and (wider.low, wider.high) != (p.low, p.high)
        assert (wider.high == p.high) if side == "low" else (wider.low == p.low)
