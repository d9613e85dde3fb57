"""Build the documentation site: static HTML from the executed notebooks, with an index and navigation (no Quarto).

    python tools/build_docs.py                       # `make docs`: writes _docs/site/index.html and one page per notebook
    python tools/build_docs.py --out DIR --executed DIR

Pages, in the sidebar's order: the index (the notebook the README is generated from), every library notebook in
dependency order, a Results page (the results prose of nbs/results.ipynb, then every figure in figures/ with its Snakemake-report caption and vector copy, and
the Markdown tables in results/), and the pipeline notebooks as Snakemake last executed them (logs/notebooks/, present
after `make reproduce`).

Library notebooks are rendered as the test run executed them: tests/test_notebooks.py writes each executed notebook to
_docs/executed/, so `make test` followed by `make docs` shows the outputs of this commit without running anything twice.
A notebook the test run has not executed is rendered with the outputs stored in it, and its page says so.
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from pathlib import Path

import warnings

import nbformat
from nbconvert import HTMLExporter
from nbformat.warnings import MissingIDFieldWarning

warnings.filterwarnings("ignore", category=MissingIDFieldWarning)   # older notebooks lack cell ids; nbformat adds them

ROOT = Path(__file__).resolve().parents[1]
DIRECTIVE = re.compile(r"^\s*#\|\s*(\w[\w-]*)(.*)$")
CSS = """
<style>
  body { margin-left: 17rem !important; }
  nav.nsram-nav { position: fixed; top: 0; left: 0; bottom: 0; width: 15.5rem; overflow-y: auto; padding: 1rem;
                  background: #f7f7f9; border-right: 1px solid #ddd; font: 14px/1.4 system-ui, sans-serif; z-index: 10; }
  nav.nsram-nav h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
  nav.nsram-nav h3 { font-size: .8rem; text-transform: uppercase; color: #666; margin: 1rem 0 .3rem; }
  nav.nsram-nav a { display: block; color: #234; text-decoration: none; padding: .1rem 0; }
  nav.nsram-nav a.current { font-weight: 600; color: #b5121b; }
  .nsram-note { border-left: 4px solid #e0a800; background: #fff8e1; padding: .5rem 1rem; margin: 1rem 0; }
  .nsram-figure img { max-width: 100%; }
</style>
"""


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return m.group(1).strip()
    return fallback


def _for_docs(nb):
    """The notebook as readers see it: no `#| hide` cells, no front-matter raw cells, no directive lines."""
    cells = []
    for k, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)      # execnb's timing record is not nbformat's execution metadata
        cell.setdefault("id", f"cell-{k}")
        if cell.cell_type == "raw" and cell.source.lstrip().startswith("---"):
            continue
        lines = cell.source.splitlines()
        directives = {m.group(1) for m in map(DIRECTIVE.match, lines) if m}
        if "hide" in directives or (cell.cell_type == "markdown" and "export" in directives):
            continue                               # hidden, or Markdown exported only into the module docstring
        if cell.cell_type == "code":
            cell.source = "\n".join(line for line in lines if not DIRECTIVE.match(line)).strip("\n")
        cells.append(cell)
    nb.cells = cells
    return nb


def _nav(pages, current: str) -> str:
    parts = ['<nav class="nsram-nav"><h2><a href="index.html">nsram</a></h2>']
    section = None
    for page in pages:
        if page["section"] != section:
            section = page["section"]
            parts.append(f"<h3>{html.escape(section)}</h3>")
        cls = ' class="current"' if page["file"] == current else ""
        parts.append(f'<a href="{page["file"]}"{cls}>{html.escape(page["title"])}</a>')
    parts.append("</nav>")
    return "\n".join(parts)


def _render(nb, exporter, pages, page, note: str = "") -> str:
    body, _ = exporter.from_notebook_node(nb)
    body = re.sub(r"<title>.*?</title>", f"<title>{html.escape(page['title'])} — nsram</title>", body, count=1, flags=re.S)
    body = body.replace("</head>", CSS + "</head>", 1)
    files = {p["file"] for p in pages}
    body = body.replace('src="../figures/', 'src="figures/').replace('href="../figures/', 'href="figures/')
    body = re.sub(r'href="(?:\.\./)?(?:nbs/)?(?:experiments/)?([\w-]+)\.ipynb"',            # links between notebooks
                  lambda m: f'href="{m.group(1)}.html"' if f"{m.group(1)}.html" in files else m.group(0), body)
    banner = f'<div class="nsram-note">{note}</div>' if note else ""
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + _nav(pages, page["file"]) + banner, body, count=1)


def _results_notebook(root: Path, site: Path):
    """A notebook of Markdown cells: every figure with its report caption, then the Markdown tables."""
    prose = root / "nbs" / "results.ipynb"                        # the results prose, moved out of the README
    cells = list(nbformat.read(prose, as_version=4).cells) if prose.exists() else [nbformat.v4.new_markdown_cell("# Results")]
    cells.append(nbformat.v4.new_markdown_cell(
        "## Figures and tables\n\nEvery figure and table of the default configuration, as the pipeline last wrote them "
        "(`make reproduce` regenerates them; each figure's PDF is its vector copy)."))
    figures = sorted((root / "figures").glob("*.png"))
    if figures:
        (site / "figures").mkdir(exist_ok=True)
    for png in figures:
        for f in (png, png.with_suffix(".pdf")):
            if f.exists():
                shutil.copy2(f, site / "figures" / f.name)
        caption_file = root / "workflow" / "report" / f"{png.stem}.rst"
        caption = caption_file.read_text().strip() if caption_file.exists() else ""
        vector = f" ([PDF](figures/{png.stem}.pdf))" if png.with_suffix(".pdf").exists() else ""
        cells.append(nbformat.v4.new_markdown_cell(
            f"### {png.stem}\n\n{caption}{vector}\n\n![{png.stem}](figures/{png.name})"))
    for table in sorted((root / "results").glob("*.md")):
        cells.append(nbformat.v4.new_markdown_cell(f"### {table.name}\n\n" + table.read_text()))
    return nbformat.v4.new_notebook(cells=cells)


def check_links(site: Path) -> list[str]:
    """Local links (href/src) of every page that point to a file the site lacks."""
    broken = []
    for page in sorted(site.glob("*.html")):
        for target in re.findall(r'(?:href|src)="([^"#:?]+)(?:#[^"]*)?"', page.read_text()):
            if not target.startswith(("data", "//")) and not (site / target).exists():
                broken.append(f"{page.name} -> {target}")
    return broken


def build_site(out: Path, executed: Path, root: Path = ROOT, library=None, pipeline_dir: Path | None = None,
               results: bool = True) -> list[dict]:
    """Write the site into `out`; returns the pages (title, file, section, source, executed)."""
    out.mkdir(parents=True, exist_ok=True)
    library = sorted((root / "nbs").glob("[0-9]*.ipynb")) if library is None else list(library)
    index = root / "nbs" / "index.ipynb"
    sources = [("Start", index)] if index.exists() else []
    sources += [("Library", p) for p in library]
    pipeline_dir = root / "logs" / "notebooks" if pipeline_dir is None else pipeline_dir
    pipeline = sorted(pipeline_dir.glob("*.ipynb")) if pipeline_dir.is_dir() else []
    pages, notebooks = [], []
    for section, path in sources:
        ran = executed / path.name
        nb = nbformat.read(ran if ran.exists() else path, as_version=4)
        page = dict(title=_title(nb, path.stem), file="index.html" if path == index else f"{path.stem}.html",
                    section=section, source=str(path.relative_to(root)) if path.is_relative_to(root) else str(path),
                    executed=ran.exists())
        pages.append(page)
        notebooks.append(nb)
    if results:
        pages.append(dict(title="Results and status", file="results.html", section="Results", source="nbs/results.ipynb, figures/, results/",
                          executed=True))
        notebooks.append(_results_notebook(root, out))
    for path in pipeline:
        nb = nbformat.read(path, as_version=4)
        pages.append(dict(title=_title(nb, path.stem).removeprefix("Pipeline: "), file=f"pipeline_{path.stem}.html",
                          section="Pipeline", source=str(path), executed=True))
        notebooks.append(nb)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = exporter.exclude_output_prompt = True
    for page, nb in zip(pages, notebooks):
        note = "" if page["executed"] else (
            f"This page shows the outputs stored in <code>{html.escape(page['source'])}</code>: the test run has not "
            "executed it here (run <code>make test</code>, then <code>make docs</code>).")
        (out / page["file"]).write_text(_render(_for_docs(nb), exporter, pages, page, note))
    return pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_docs" / "site", help="site directory (default: _docs/site)")
    parser.add_argument("--executed", type=Path, default=ROOT / "_docs" / "executed",
                        help="executed notebooks from the test run (default: _docs/executed)")
    args = parser.parse_args(argv)
    pages = build_site(args.out, args.executed)
    broken = check_links(args.out)
    if broken:
        print("broken links:\n  " + "\n  ".join(broken), file=sys.stderr)
        return 1
    stale = [p["source"] for p in pages if not p["executed"]]
    print(f"wrote {len(pages)} pages to {args.out}/ ({len(pages) - len(stale)} executed; "
          f"stored outputs only: {', '.join(stale) or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
