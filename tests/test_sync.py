"""The generated files match their sources: nsram/ (nbdev-export), notebooks (nbdev-clean), README.md."""
import json
from repo_checks import ROOT, copy_sources, export_drift, load_readme_tool, unclean_notebooks


def test_package_matches_notebooks(tmp_path):
    problems = export_drift(ROOT, tmp_path)
    assert not problems, "Run `nbdev-export` (never edit nsram/*.py by hand):\n  " + "\n  ".join(problems)


def test_drift_check_catches_a_forgotten_export(tmp_path):
    "Editing an exported cell without re-exporting must be reported, naming the module."
    (tmp_path / "src").mkdir()
    src = copy_sources(ROOT, tmp_path / "src")
    nb_path = src / "nbs" / "01_physics.ipynb"
    nb = json.loads(nb_path.read_text())
    cell = next(c for c in nb["cells"] if c["cell_type"] == "code" and "def thermal_voltage" in "".join(c["source"]))
    cell["source"] = "".join(cell["source"]).replace("Thermal voltage", "The thermal voltage")
    nb_path.write_text(json.dumps(nb, indent=1))
    (tmp_path / "scratch").mkdir()
    problems = export_drift(src, tmp_path / "scratch")
    assert problems == ["nsram/physics.py differs from what the notebooks export"]


def test_notebooks_are_clean(tmp_path):
    problems = unclean_notebooks(ROOT, tmp_path)
    assert not problems, "Run `nbdev-clean` and commit the result:\n  " + "\n  ".join(problems)


def test_readme_matches_index_notebook():
    tool = load_readme_tool()
    assert (ROOT / "README.md").read_text(encoding="utf-8") == tool.render_readme(), \
        "README.md is out of date with nbs/index.ipynb: run `python tools/make_readme.py`"


def test_readme_gives_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make reproduce" in text and "make test" in text
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test TORCH=torch==2.13.0" in ci
