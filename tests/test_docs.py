"""The documentation site builder (tools/build_docs.py): pages, navigation, links, executed vs stored outputs."""
import importlib.util

import nbformat
from repo_checks import ROOT

spec = importlib.util.spec_from_file_location("build_docs", ROOT / "tools" / "build_docs.py")
build_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_docs)


def test_site_has_every_page_navigation_and_no_broken_link(tmp_path):
    executed = tmp_path / "executed"
    executed.mkdir()
    ran = nbformat.read(ROOT / "nbs" / "00_core.ipynb", as_version=4)
    ran.cells.append(nbformat.v4.new_code_cell("1 + 1", outputs=[nbformat.v4.new_output(
        "execute_result", data={"text/plain": "EXECUTED-MARKER"}, execution_count=1)]))
    ran.cells[-1].metadata["execution"] = {"total": 0.1}          # execnb's timing record must not break nbconvert
    nbformat.write(ran, executed / "00_core.ipynb")
    site = tmp_path / "site"
    library = [ROOT / "nbs" / "00_core.ipynb", ROOT / "nbs" / "32_plots.ipynb"]
    pages = build_docs.build_site(site, executed, library=library, pipeline_dir=tmp_path / "none")
    assert [p["file"] for p in pages] == ["index.html", "00_core.html", "32_plots.html", "results.html"]
    assert [p["executed"] for p in pages[:3]] == [False, True, False]
    for page in pages:
        text = (site / page["file"]).read_text()
        assert text.count('<nav class="nsram-nav">') == 1 and all(f'href="{p["file"]}"' in text for p in pages)
    assert "EXECUTED-MARKER" in (site / "00_core.html").read_text()
    assert "has not executed it here" in (site / "32_plots.html").read_text()
    assert "#| export" not in (site / "32_plots.html").read_text()           # directives are stripped
    results = (site / "results.html").read_text()
    figures = sorted(p.stem for p in (ROOT / "figures").glob("*.png"))
    assert figures and all(f"figures/{f}.png" in results for f in figures)   # every pipeline figure, with its caption
    assert build_docs.check_links(site) == []


def test_broken_link_is_reported(tmp_path):
    (tmp_path / "a.html").write_text('<a href="missing.html">x</a><img src="figures/none.png"><a href="https://x.org">y</a>')
    assert build_docs.check_links(tmp_path) == ["a.html -> missing.html", "a.html -> figures/none.png"]


def test_every_module_docstring_links_its_page():
    "Each module's docstring names the page `make docs` writes for the notebook it is exported from."
    import ast, re
    missing = []
    for module in sorted((ROOT / "nsram").glob("*.py")):
        text = module.read_text()
        source = re.search(r"File to edit: \.\./nbs/([\w-]+)\.ipynb", text)
        if not source: continue
        if f"`_docs/site/{source.group(1)}.html`" not in (ast.get_docstring(ast.parse(text)) or ""):
            missing.append(module.name)
    assert not missing, f"modules whose docstring does not link their docs page: {missing}"


def test_readme_quotes_the_pipelines_parity_table():
    "The README's NS-RAM-vs-ESN table by size is the parity_by_size rule's first table, line for line (not retyped numbers)."
    made = (ROOT / "results" / "parity_by_size.md").read_text()
    first_budget = made.split("\n## ")[1]
    table = [line for line in first_budget.splitlines() if line.startswith("|")]
    readme = (ROOT / "README.md").read_text()
    missing = [line for line in table if line not in readme]
    assert len(table) > 2 and not missing, f"README.md lacks these lines of results/parity_by_size.md: {missing}"
