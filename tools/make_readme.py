"""Render README.md from nbs/index.ipynb without Quarto.

    python tools/make_readme.py          # write README.md
    python tools/make_readme.py --check  # exit 1 if README.md is out of date

Cells marked `#| hide` are left out, `#| ...` directive lines are dropped, code cells become fenced Python
blocks followed by their text outputs, and links into the repository (`../figures/x.png`) are rewritten
relative to the repository root.
"""
from __future__ import annotations
import argparse, re, sys
from pathlib import Path
import nbformat

ROOT = Path(__file__).resolve().parents[1]
HEADER = "<!-- Generated from nbs/index.ipynb by tools/make_readme.py. Do not edit: edit the notebook and rerun. -->\n\n"

def _directives(src: str) -> tuple[set[str], str]:
    lines = src.splitlines()
    n = 0
    while n < len(lines) and lines[n].lstrip().startswith("#|"): n += 1
    names = {l.lstrip()[2:].strip().split(":")[0].split()[0] for l in lines[:n] if l.lstrip()[2:].strip()}
    return names, "\n".join(lines[n:]).strip("\n")

def _output_text(out) -> str:
    if out.output_type == "stream": return out.text
    if out.output_type in ("execute_result", "display_data"):
        data = out.get("data", {})
        if "text/markdown" in data: return data["text/markdown"]
        if "text/plain" in data: return data["text/plain"]
    return ""

def _cell_markdown(cell) -> str:
    names, body = _directives(cell.source)
    if "hide" in names or "exporti" in names or not body.strip(): return ""
    if cell.cell_type == "markdown": return re.sub(r"\]\(\.\./", "](", body)
    if cell.cell_type != "code": return ""
    parts = [f"```python\n{body}\n```"]
    text = "".join(_output_text(o) for o in cell.get("outputs", [])).rstrip("\n")
    if text: parts.append(f"```\n{text}\n```")
    return "\n\n".join(parts)

def render_readme(nb_path: Path = ROOT / "nbs" / "index.ipynb") -> str:
    "The README text generated from the index notebook at `nb_path`."
    nb = nbformat.read(nb_path, as_version=4)
    blocks = [b for b in map(_cell_markdown, nb.cells) if b]
    return HEADER + "\n\n".join(blocks) + "\n"

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if README.md differs from the notebook")
    args = ap.parse_args(argv)
    text, readme = render_readme(), ROOT / "README.md"
    if args.check:
        if not readme.exists() or readme.read_text(encoding="utf-8") != text:
            print("README.md is out of date with nbs/index.ipynb: run `python tools/make_readme.py`", file=sys.stderr)
            return 1
        return 0
    readme.write_text(text, encoding="utf-8")
    return 0

if __name__ == "__main__": sys.exit(main())
