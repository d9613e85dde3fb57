"""Property-based input tests (Hypothesis, derandomized, 350 cases, each under a 5-s deadline): for generated arguments, each public function either
returns a finite result or raises ValueError/TypeError whose message names the offending argument. Never a hang,
never a silent NaN. A first slice of #20's suite: core checks, the cell, the reduction, the engine, the encoders."""
import math
import numpy as np
import torch
from hypothesis import HealthCheck, given, settings, strategies as st

from nsram.core import as_device, as_finite_array, as_float_dtype, require_in_range, require_int
from nsram.cell import CellBias, simulate_cell
from nsram.reduction import lif_rate
from nsram.network import NSRAMNetwork, NeuronParams
from nsram.encoding import rate_encode, phase_decode, latency_encode

DEADLINE = 5000  # ms per generated case: a hang or a runaway simulation fails the case
simulate_cell(CellBias(2.0, 0.3, 0.3), 1e-7, method="Rodas4")   # compile (or load) the cell kernels before the clock runs


def num(lo=None, hi=None):
    "Floats in [lo, hi], plus NaN and ±inf."
    return st.one_of(st.floats(lo, hi) if lo is not None else st.floats(allow_nan=False), st.sampled_from([math.nan, math.inf, -math.inf]))


SETTINGS = settings(derandomize=True, deadline=DEADLINE, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
ANY_NUMBER = st.one_of(st.floats(), st.integers(-10**6, 10**6), st.none(),
                       st.text(max_size=3), st.booleans())


def named_error(fn, *names):
    "Run `fn`: a finite result passes; a ValueError/TypeError must name one of `names`; anything else fails."
    try:
        out = fn()
    except (ValueError, TypeError) as e:
        assert any(n in str(e) for n in names), f"error does not name {names}: {e}"
        return None
    return out


@SETTINGS
@given(ANY_NUMBER)
def test_as_finite_array_names_its_argument(x):
    out = named_error(lambda: as_finite_array("v_ds", x), "v_ds")
    if out is not None: assert np.all(np.isfinite(out))


@SETTINGS
@given(ANY_NUMBER, st.floats(-1e3, 1e3), st.floats(0, 1e3))
def test_require_in_range_returns_only_values_in_range(x, lo, width):
    out = named_error(lambda: require_in_range("q", x, lo, lo + width), "q")
    if out is not None: assert lo <= float(out) <= lo + width


@SETTINGS
@given(st.one_of(st.integers(-5, 5), num(), st.booleans(), st.text(max_size=2)))
def test_require_int_accepts_only_integers_in_range(x):
    out = named_error(lambda: require_int("n", x, 1, 3), "n")
    if out is not None: assert isinstance(out, int) and 1 <= out <= 3


@SETTINGS
@given(st.one_of(st.sampled_from(["cpu", "cuda:x", "nonsense", "", "CPU"]), st.integers(), st.none()),
       st.one_of(st.sampled_from([torch.float32, torch.float64, torch.int32, torch.bool, "float64", "half"]), st.none()))
def test_device_and_dtype_are_named(device, dtype):
    out = named_error(lambda: as_device(device), "device")
    if out is not None: assert isinstance(out, torch.device)
    out = named_error(lambda: as_float_dtype(dtype), "dtype")
    if out is not None: assert out in (torch.float32, torch.float64)


@settings(derandomize=True, deadline=DEADLINE, max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(num(-1, 12), st.floats(-1, 1),
       st.one_of(num(-2e-6, 5e-6), st.none()), num(-1, 2),
       st.one_of(num(-1e-6, 1e-6), st.lists(st.floats(0, 1e-6), min_size=0, max_size=3)))
def test_simulate_cell_rejects_by_name_or_returns_finite_traces(vd, vg1, t_end, threshold, i_in):
    def run():
        return simulate_cell(CellBias(vd, vg1, 0.3), t_end, spike_threshold=threshold, i_in=i_in,
                             i_in_dt=None if np.ndim(i_in) == 0 else 1e-6, method="Rodas4")
    tr = named_error(run, "vd", "vg1", "t_end", "spike_threshold", "i_in", "bias")
    if tr is not None:
        assert np.all(np.isfinite(tr.y)) and np.all(np.diff(tr.spike_times) > 0)


@SETTINGS
@given(st.lists(num(-1e-6, 1e-5), min_size=0, max_size=5),
       st.floats(0.0, 0.5e-6))
def test_lif_rate_is_finite_nonnegative_and_monotone(currents, t_ref):
    out = named_error(lambda: lif_rate(currents, 3e-12, 2.5e-7, 0.88, 1.56, 1.13, t_ref, 1.4e-7), "i_in")
    if out is not None:
        out = np.atleast_1d(out)
        assert np.all(np.isfinite(out)) and np.all(out >= 0)
        order = np.argsort(currents, kind="stable")
        assert np.all(np.diff(out[order]) >= -1e-6 * max(out.max(initial=0.0), 1.0))


@settings(derandomize=True, deadline=DEADLINE, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.integers(-3, 40), num(), st.booleans()),
       num(-1e-3, 1e-3), num(-0.5, 1.5),
       st.sampled_from(["none", "std", "stf", "heterogeneous", "bogus"]), st.integers(-2, 40))
def test_network_constructor_and_run_reject_by_name(n, dt, variability, stp, chunk):
    net = named_error(lambda: NSRAMNetwork(n, dt=dt, variability=variability, stp=stp, seed=1), "n", "dt", "variability", "stp")
    if net is None: return
    res = named_error(lambda: net.run(n_steps=20, chunk=chunk, record_spikes=None), "chunk")
    if res is not None:
        assert res.n_steps == 20 and int(res.counts.sum()) >= 0


@SETTINGS
@given(num(-1, 1e3), num(-1, 1),
       num(-1, 1))
def test_neuron_params_reject_by_name(tau_m, t_ref, fold):
    out = named_error(lambda: NeuronParams(tau_m=tau_m, t_ref=t_ref, fold=fold), "tau_m", "t_ref", "fold")
    if out is not None: assert out.tau_m > 0 and out.t_ref >= 0 and out.fold >= 0


@SETTINGS
@given(st.lists(num(-0.5, 1.5), min_size=0, max_size=4), st.integers(-2, 30),
       num(-1e-3, 1e-2), st.integers(-2, 12))
def test_encoders_reject_by_name(x, n_steps, dt, period):
    out = named_error(lambda: rate_encode(x, n_steps, dt=dt, seed=0), "x", "n_steps", "dt")
    if out is not None: assert out.shape[-1] == len(x) or out.ndim >= 1
    out = named_error(lambda: latency_encode(x, n_steps), "x", "n_steps")
    spikes = torch.zeros(12, 3, dtype=torch.bool)
    out = named_error(lambda: phase_decode(spikes, period), "period", "spikes")
    if out is not None: assert np.all(np.isfinite(np.asarray(out)))
