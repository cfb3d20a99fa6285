"""Scale and start-up: a 100,000-concept glossary loads, validates and lints; `mtqa` start-up stays light.

The test runs 20,000 concepts by default (100,000 take minutes of CPU; PyYAML dominates loading); the bounds are on CPU
time, not wall time, so a busy machine does not make it flaky. The figures are measured and
reported at 100,000 by `python benchmarks/bench_glossary.py`. `MTQA_SCALE_CONCEPTS=100000` runs the full size, 5000 a
quick local run (the CPU bounds scale with it).
"""
import os
import subprocess
import sys
import time

import pytest

from glossary_util import ROOT

HEAVY = ("pandas", "lxml", "ruamel", "jieba", "pypinyin", "translate", "openpyxl", "opencc", "rapidfuzz")


def test_importing_the_glossary_cli_loads_no_heavy_module():
    code = ("import sys, mtqa.cli_glossary, mtqa.cli; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stdout + r.stderr


@pytest.fixture(scope="module")
def big_glossary(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_glossary import synthetic_yaml

    n = int(os.environ.get("MTQA_SCALE_CONCEPTS", "20000"))
    path = tmp_path_factory.mktemp("scale") / "big.yaml"
    path.write_text(synthetic_yaml(n), encoding="utf-8")
    return path, n


def test_a_100k_concept_glossary_loads_validates_and_lints(big_glossary):
    from dataclasses import replace

    import mtqa
    from mtqa.glossary import load_glossary
    from mtqa.glossary.checks import check_concepts_extra
    from mtqa.glossary.model import Concept, Glossary

    path, n = big_glossary
    scale = n / 100_000
    cpu = time.process_time()
    g = load_glossary(path)
    load_cpu = time.process_time() - cpu
    assert len(g) == n and sum(len(c.terms) for c in g) == n * 3 + (n + 9) // 10
    cpu = time.process_time()
    issues = check_concepts_extra(g.concepts)
    check_cpu = time.process_time() - cpu
    assert issues == []
    # generous CPU bounds (measured on the reference machine: ~55 s to load, ~7 s to check)
    assert load_cpu < 240 * scale and check_cpu < 60 * scale, (load_cpu, check_cpu)
    # one near-duplicate among 100,000 is still found, with its line
    twin = g.concepts[7].terms[1]
    dup = Concept("dup", "person", [replace(twin, term=twin.term.upper(), line=n * 4)], source=str(path), line=n * 4)
    found = check_concepts_extra(g.concepts + [dup])
    assert [(i.code, i.line) for i in found] == [("G001", n * 4)] and "synthetic-7" in found[0].message
    # lint with it: a misspelling of one of the 100,000 names is found, the preferred form is not
    cpu = time.process_time()
    wrong, right = g.concepts[n // 2].terms[2].term, g.concepts[n // 2].terms[0].term
    findings = mtqa.lint_text(f"他说{wrong}和{right}都来了。", glossary=Glossary(g.concepts))
    lint_cpu = time.process_time() - cpu
    assert [(f.rule, f.found, f.suggestion) for f in findings if f.rule == "T001"] == [("T001", wrong, right)]
    assert lint_cpu < 600 * scale, lint_cpu
