"""scripts/compare_versions.py: what a run with the newest releases says differs from the pins."""
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "compare_versions.py"


def compare(pinned: str, installed: str, tmp_path) -> list[str]:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(pinned, encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCRIPT), str(constraints)], input=installed, text=True,
                         capture_output=True, check=True).stdout
    return [line.strip() for line in out.splitlines()]


def test_names_are_compared_as_pep_503_normalizes_them(tmp_path):
    got = compare("# pinned\njsonschema-specifications==2025.9.1\nipython_pygments_lexers==1.1.1\n",
                  "jsonschema_specifications==2025.9.1\nipython-pygments-lexers==1.1.1\npip==23.2.1\n", tmp_path)
    assert got == ["(the same versions as the constraints file)"]


def test_a_newer_release_and_a_package_on_one_side_only_are_listed(tmp_path):
    got = compare("dask==2026.8.0\nold-thing==1.0\n", "Dask==2026.11.0\nnew_thing==2.0\n", tmp_path)
    assert got == ["pinned: dask==2026.8.0", "latest: Dask==2026.11.0", "latest: new_thing==2.0",
                   "pinned: old-thing==1.0"]
