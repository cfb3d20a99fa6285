#!/usr/bin/env bash
# Re-pin constraints/test.txt to today's releases: resolve mtqa's dependencies and test tools in a
# fresh virtual environment and freeze them. Run the suite on the result before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet '.[test]'
{
  echo "# Pinned versions the test suite runs on (scripts/test.sh, .ci/run). Update on purpose:"
  echo "#   bash scripts/update-constraints.sh   (resolves today's releases of every dependency and test tool)"
  echo "# Python $("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])'), resolved $(date -u +%Y-%m-%d)."
  # --all keeps setuptools and the like; pip itself is not pinned. maturin (mtqa's build backend) is a
  # test dependency: the pre-commit test builds mtqa with it, offline.
  "$venv/bin/python" -m pip freeze --all --exclude-editable | grep -v -e '^mtqa' -e '^pip=='
} > constraints/test.txt
echo "constraints/test.txt: $(grep -c '==' constraints/test.txt) pins; now run: bash scripts/test.sh" >&2
