"""Notebook jobs started together must not fail on the Jupyter kernel's port race (issue: ZMQError 'Address already in use')."""
import subprocess, sys
import nbformat
from repo_checks import ROOT


def test_four_notebook_jobs_at_once_twice(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                                            "language_info": {"name": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("path = 'x'", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("open(path, 'w').write('ok')")]
    nbformat.write(nb, tmp_path / "tiny.ipynb")
    (tmp_path / "Snakefile").write_text(f'''
config.update(results_dir="out", figures_dir="out", logs_dir="logs", device="cpu", seed=0)
include: {str(ROOT / "workflow" / "rules" / "common.smk")!r}

rule all:
    input: expand("out/{{i}}.txt", i=range(4))

rule tiny:
    input: notebook="tiny.ipynb"
    output: "out/{{i}}.txt"
    log: notebook="logs/{{i}}.ipynb", stdout="logs/{{i}}.log"
    params: papermill=PAPERMILL, parameters=lambda wildcards, output: papermill_parameters(path=output[0])
    shell: RUN_NOTEBOOK
''')
    for attempt in range(2):
        res = subprocess.run([sys.executable, "-m", "snakemake", "--cores", "4", "--forceall", "--quiet"], cwd=tmp_path,
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stdout + res.stderr
        assert all((tmp_path / "out" / f"{i}.txt").read_text() == "ok" for i in range(4))
