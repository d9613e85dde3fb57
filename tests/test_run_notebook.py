"""tools/run_notebook.py: the papermill-style runner used on accelerator machines without Jupyter."""
import subprocess, sys
import nbformat
from repo_checks import ROOT


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    for source, tags in cells:
        cell = nbformat.v4.new_code_cell(source)
        if tags: cell.metadata["tags"] = tags
        nb.cells.append(cell)
    nbformat.write(nb, path)


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "run_notebook.py"), *args], capture_output=True, text=True)


def test_parameters_are_injected_after_the_parameters_cell(tmp_path):
    out = tmp_path / "out.txt"
    _notebook(tmp_path / "nb.ipynb", ("x = 1\npath = 'unset'", ["parameters"]), ("open(path, 'w').write(str(x * 2))", []))
    res = run("-k", "python3", "--log-output", str(tmp_path / "nb.ipynb"), str(tmp_path / "log.ipynb"), "-y", f"{{x: 21, path: {out}}}")
    assert res.returncode == 0, res.stderr
    assert out.read_text() == "42"


def test_failing_cell_and_ipython_syntax_fail_the_run(tmp_path):
    _notebook(tmp_path / "bad.ipynb", ("raise RuntimeError('boom')", []))
    res = run(str(tmp_path / "bad.ipynb"))
    assert res.returncode != 0 and "boom" in res.stderr
    _notebook(tmp_path / "magic.ipynb", ("%matplotlib inline", []))
    res = run(str(tmp_path / "magic.ipynb"))
    assert res.returncode != 0 and "IPython syntax" in res.stderr
