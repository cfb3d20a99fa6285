#!/usr/bin/env bash
# Run the whole test suite the way a newcomer's machine would: in a fresh virtual environment made
# here (never the machine's site-packages), with mtqa and its test dependencies installed into it
# (which builds the compiled core in core/ with cargo), then the core's Rust tests and pytest.
#
#   bash scripts/test.sh [PYTEST ARGS]          the pinned versions of constraints/test.txt (what CI runs)
#   MTQA_DEPS=latest bash scripts/test.sh       the newest release of every dependency (what `pip install .` gives)
#
# The environment is made anew at $MTQA_TEST_VENV (default .venv-test) on every run; pip's download
# cache is reused. To rerun a test quickly afterwards: .venv-test/bin/python -m pytest tests/…
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${MTQA_TEST_VENV:-.venv-test}"
deps="${MTQA_DEPS:-pinned}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
case "$deps" in
  pinned) constraint=(--constraint constraints/test.txt) ;;
  latest) constraint=() ;;
  *) echo "error: MTQA_DEPS must be 'pinned' or 'latest', not '$deps'" >&2; exit 2 ;;
esac
echo "installing mtqa with its test dependencies ($deps) into $venv" >&2
"$py" -m pip install --quiet "${constraint[@]}" -e '.[test]'
if [ "$deps" = latest ]; then
  # Say which releases this run used, so that a failure can be pinned down to one of them.
  # (Names compared as PEP 503 normalizes them: pip writes jsonschema_specifications, the file
  # jsonschema-specifications; pip and setuptools come with the venv and are not pinned.)
  "$py" -m pip list --format=freeze --exclude-editable | "$py" scripts/compare_versions.py constraints/test.txt >&2
fi
# The compiled core's own unit tests (plain Rust, no Python linked: the crate's python feature is off).
echo "testing the compiled core (cargo test, core/)" >&2
cargo test --quiet --manifest-path core/Cargo.toml
set +e
"$py" -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit "$code"
