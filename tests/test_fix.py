"""--fix replaces every deprecated form, changes nothing else, and is idempotent."""
import difflib
import os
import stat

from conftest import GLOSSARIES, seed
from mtqa.run_lint import LintOptions, run


def fix(path, **kw):
    opts = LintOptions(paths=[str(path)], glossary=[str(GLOSSARIES)], fix=True, **kw)
    import io

    out, err = io.StringIO(), io.StringIO()
    code = run(opts, out, err)
    return code, out.getvalue(), err.getvalue()


def test_fix_on_seed_000(tmp_path, bundled):
    import mtqa

    original = seed("000").read_text(encoding="utf-8")
    target = tmp_path / "000.txt"
    target.write_text(original, encoding="utf-8")
    before = mtqa.lint_text(original, glossary=bundled)
    safe = [f for f in before if f.fix and f.fix.applicability.value == "safe"]
    assert len(safe) >= 25

    fix(target)
    fixed = target.read_text(encoding="utf-8")
    after = mtqa.lint_text(fixed, glossary=bundled)
    # what stays is what only a person can confirm: 元 (one character) and Alexander Wang (its
    # fix writes the admitted Alexandr Wang, which T002 reports)
    assert {f.found for f in after if f.rule == "T001"} == {"元", "Alexander Wang"}
    assert all(f.fix.applicability.value == "unsafe" for f in after if f.rule == "T001")
    for word in ("王涛", "杨立坤", "倩文", "梅塔", "待定实验室", "Tomasz Tungs", "鳄梨"):
        assert word not in fixed

    # Outside the reported spans nothing changed: every diff opcode replaces exactly one reported span.
    reported = {(f.start, f.end): f.suggestion for f in safe}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, original, fixed, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        assert any(s <= i1 and i2 <= e for s, e in reported), (tag, original[i1:i2], fixed[j1:j2])
    # Rebuild the fixed text from the original and the reported edits only.
    rebuilt = original
    for (s, e), text in sorted(reported.items(), reverse=True):
        rebuilt = rebuilt[:s] + text + rebuilt[e:]
    assert rebuilt == fixed

    again = target.read_bytes()
    fix(target)
    assert target.read_bytes() == again


def test_fix_keeps_permissions_bom_and_crlf(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeff第一行王涛\r\n第二行倩文\r\n".encode("utf-8"))
    os.chmod(p, 0o640)
    fix(p)
    assert p.read_bytes() == "\ufeff第一行亚历山大·王\r\n第二行通义千问\r\n".encode("utf-8")
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert [f for f in os.listdir(tmp_path) if f != "a.txt"] == []  # no temp file left behind


def test_fix_refuses_a_file_changed_meanwhile(tmp_path):
    from mtqa.errors import InputError
    from mtqa.fix import write_atomic

    p = tmp_path / "a.txt"
    p.write_text("new content", encoding="utf-8")
    try:
        write_atomic(p, b"fixed", expected=b"old content")
    except InputError as exc:
        assert "changed on disk" in str(exc)
    else:
        raise AssertionError("overwrote a file that changed")
    assert p.read_text(encoding="utf-8") == "new content"


def test_apply_edits_skips_overlaps():
    from mtqa.findings import Edit
    from mtqa.fix import apply_edits

    text, applied = apply_edits("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y"), Edit(4, 5, "Z")])
    assert text == "aXdZf" and len(applied) == 2


def test_a_new_file_gets_the_usual_mode(tmp_path):
    import os

    from mtqa.fix import write_atomic

    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o644


def test_findings_survive_pickling_as_plain_values(bundled):
    """--jobs workers pickle their findings back: every field, the enums and the fix come back equal."""
    import pickle

    import mtqa
    from mtqa.findings import Applicability, Edit, Fix, Severity

    findings = mtqa.lint_text(seed("000").read_text(encoding="utf-8") + "\n?\n", glossary=bundled)  # A010: no fix
    back = pickle.loads(pickle.dumps(findings))
    assert back == findings and [f.fix for f in back] == [f.fix for f in findings]
    assert any(f.fix is None for f in back) and any(f.fix is not None for f in back)
    for f in back:
        assert type(f.severity) is Severity
        if f.fix is not None:
            assert type(f.fix) is Fix and type(f.fix.applicability) is Applicability
            assert all(type(e) is Edit for e in f.fix.edits)
