#!/usr/bin/env bash
# Write requirements.lock from the current .venv: the environment whose outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Exact versions of the environment that produced the committed results/ and figures/ (default config, $(date -u +%Y-%m-%d),"
  echo "# Python $(.venv/bin/python -c 'import platform; print(platform.python_version())'), $(uname -s) $(uname -m)). \`make setup\` installs with \`-c requirements.lock\`; torch is pinned"
  echo "# without a build tag, so pip picks the CPU or CUDA build for the machine. Regenerate with tools/freeze_lock.sh."
  .venv/bin/pip freeze --exclude-editable | grep -v "^-e\|@ file" | sed 's/^torch==\(.*\)+[a-z0-9]*$/torch==\1/'
} > requirements.lock
