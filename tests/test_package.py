"""Package-level promises: light import, version, frozen presets."""
import subprocess, sys
import nsram


def test_import_is_light():
    code = ("import sys, nsram, nsram.core, nsram.physics, nsram.analysis, nsram.plots, nsram.readout; "
            "heavy = sorted(m for m in ('torch', 'matplotlib', 'pandas', 'seaborn') if m in sys.modules); "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing nsram pulled in heavy modules: {out}"


def test_import_leaves_matplotlib_backend_alone():
    code = ("import matplotlib; before = matplotlib.get_backend(); import nsram.physics; "
            "print(before == matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True"


def test_version():
    assert nsram.__version__.count(".") == 2
