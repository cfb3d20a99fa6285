"""import / export: CSV, XLSX and TBX (v3 TBX-Basic, v2 martif), checked against the official schema and real files."""
import time

import pytest

from glossary_util import GLOSSARIES, MINI, TBX_DATA, cli, write
from mtqa.glossary import load_glossary
from mtqa.glossary.io_tbx_read import parse_tbx, read_tbx
from mtqa.glossary.io_tbx_write import write_tbx
from mtqa.glossary.model import Concept, Term

RNG = TBX_DATA / "TBXcoreStructV03.rng"


def relaxng():
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(RNG)))


def carried(concepts):
    """What TBX carries of each concept, terms grouped by language in first-appearance order
    (a type mtqa inferred from the forms is not the glossary's, and is not written)."""
    out = []
    for c in concepts:
        langs = list(dict.fromkeys(t.lang for t in c.terms))
        terms = sorted(c.terms, key=lambda t: langs.index(t.lang))
        out.append((c.id, c.type, c.note, [(t.term, t.lang, t.status, t.note, None if t.type_inferred else t.type, t.derived)
                                              for t in terms]))
    return out


def read(data: bytes, name="x.tbx"):
    problems, warnings = [], []
    concepts = parse_tbx(data, name, problems, warnings)
    return concepts, [str(p) for p in problems], [str(w) for w in warnings]


# ---- TBX v3 export -------------------------------------------------------------------------
def test_tbx3_export_is_valid_against_the_official_core_schema():
    from lxml import etree

    schema = relaxng()
    data = write_tbx(load_glossary(GLOSSARIES).concepts, 3)
    doc = etree.fromstring(data)
    assert schema.validate(doc), schema.error_log
    assert doc.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and doc.get("type") == "TBX-Basic" and doc.get("style") == "dca"
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    statuses = {e.text for e in doc.iterfind(".//t:termNote[@type='administrativeStatus']", ns)}
    assert statuses == {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}
    # hard negative: the validator does reject what the standard forbids (a conceptEntry without langSec)
    for sec in doc.iterfind(".//t:conceptEntry[@id='qwen']/t:langSec", ns):
        sec.getparent().remove(sec)
    assert not schema.validate(doc)


def test_tbx3_round_trip_is_lossless_for_what_tbx_carries():
    g = load_glossary(GLOSSARIES)
    back, problems, warnings = read(write_tbx(g.concepts, 3))
    assert problems == [] and warnings == []
    assert carried(back) == carried(g.concepts)


def test_tbx_ids_types_derived_and_empty_glossaries(tmp_path):
    concepts = [Concept("3m", "org", [Term("3M", "en", "preferred", type="acronym"),
                                      Term("明尼苏达矿务及制造业公司", "zh-Hans", "preferred"),
                                      Term("明尼蘇達礦務及製造業公司", "zh-Hant", "preferred", derived=True)],
                        note="ids may start with a digit; xsd:ID may not")]
    data = write_tbx(concepts, 3)
    assert b'id="_3m"' in data and relaxng().validate(__import__("lxml.etree").etree.fromstring(data))
    back, problems, _ = read(data)
    assert problems == [] and carried(back) == carried(concepts)
    empty = write_tbx([], 3)
    assert relaxng().validate(__import__("lxml.etree").etree.fromstring(empty))
    assert read(empty)[0] == []


# ---- TBX import: real files ------------------------------------------------------------------
def test_import_a_real_multiterm_tbx3_export():
    problems, warnings = [], []
    concepts = read_tbx(TBX_DATA / "Example_Astronomy_DCA_VALID.tbx", problems, warnings)
    assert problems == []
    by_id = {c.id: c for c in concepts}
    assert len(concepts) == 39  # 45 entries; 6 have no English term (only es/zu)
    assert any("52 es" in str(w) and "6 zu" in str(w) for w in warnings)
    c1 = {t.term: t.status for t in by_id["c1"].terms}
    assert c1 == {"open cluster": "preferred", "galactic cluster": "deprecated"}  # supersededTerm-admn-sts
    assert [(t.term, t.status) for t in by_id["c2"].terms] == [
        ("circumstellar accretion disk", "preferred"), ("accretion disc", "admitted"), ("circumstellar disk", "admitted")]
    assert [(t.term, t.status, t.type) for t in by_id["c4"].terms] == [
        ("gamma-ray burst", "preferred", "fullForm"), ("GRB", "admitted", "acronym")]  # unmarked: first is preferred
    assert ("carbon cycle", "deprecated") in [(t.term, t.status) for t in by_id["c38"].terms]  # deprecatedTerm-admn-sts
    assert by_id["c1"].note.startswith("G-Source: http") and "\n" not in by_id["c29"].terms[0].note
    statuses = {t.status for c in concepts for t in c.terms}
    assert statuses == {"preferred", "admitted", "deprecated"}


def test_import_weblate_tbx2_with_obsolete_status():
    problems, warnings = [], []
    concepts = read_tbx(TBX_DATA / "weblate-fr-extended-metadata.tbx", problems, warnings)
    assert problems == []
    assert [(c.id, [(t.term, t.status, t.note) for t in c.terms]) for c in concepts] == [
        ("e002", [("SYS_ERR_406", "preferred", "Do not translate error codes.")])]
    assert concepts[0].note == "An internal code identifier not to be localized."
    # e001's only English term is `obsolete`, i.e. deprecated: no preferred form, so it is left out, and said so
    assert any(":13:" in str(w) and "'data bus' (en, deprecated)" in str(w) for w in warnings)
    assert any("2 fr" in str(w) for w in warnings)


def test_tbx2_statuses_as_weblate_and_translate_toolkit_write_them():
    data = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
  <termEntry id="Meta_Platforms"><descrip type="subjectField">org</descrip>
    <langSet xml:lang="en-US"><tig><term>Meta</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="zh-CN">
      <tig><term>梅塔</term><termNote type="administrativeStatus">obsolete</termNote></tig>
      <ntig><termGrp><term>元</term><termNote type="administrativeStatus">deprecated</termNote></termGrp></ntig>
      <tig><term>Meta公司</term></tig>
    </langSet>
    <langSet xml:lang="fr"><tig><term>Méta</term></tig></langSet>
  </termEntry>
</body></text></martif>""".encode()
    concepts, problems, warnings = read(data)
    assert problems == []
    c = concepts[0]
    assert (c.id, c.type) == ("meta_platforms", "org")
    assert [(t.term, t.lang, t.status) for t in c.terms] == [
        ("Meta", "en", "preferred"), ("梅塔", "zh-CN", "deprecated"), ("元", "zh-CN", "deprecated"),
        ("Meta公司", "zh-CN", "preferred")]  # the unmarked form of a language with no preferred one


def test_tbx2_export_reads_back_in_translate_toolkit_with_preferred_forms_first():
    from translate.storage.tbx import tbxfile

    g = load_glossary(MINI)
    store = tbxfile.parsestring(write_tbx(g.concepts, 2), sourcelanguage="en", targetlanguage="zh-Hans")
    units = {u.getid(): u for u in store.units}
    assert set(units) == {c.id for c in g}
    for c in g:
        en, zh = c.preferred("en"), c.preferred("zh-Hans")
        if en is not None:
            assert units[c.id].source == en.term
        if zh is not None:
            assert units[c.id].target == zh.term
    assert units["alexandr-wang"].source == "Alexandr Wang"  # admitted, but the only accepted en form: listed first?
    statuses = [(t.text, t.administrative_status) for t in units["yann-lecun"].get_target_terms()]
    assert statuses[0] == ("杨立昆", "preferredTerm-admn-sts") and ("杨立坤", "deprecatedTerm-admn-sts") in statuses
    # and our own reader takes it back
    back, problems, _ = read(write_tbx(g.concepts, 2))
    as_sets = lambda cs: {cid: (ctype, note, sorted(terms)) for cid, ctype, note, terms in carried(cs)}
    assert problems == [] and as_sets(back) == as_sets(g.concepts)


# ---- TBX import: hostile input ------------------------------------------------------------------
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<tbx><text><body><conceptEntry id="c"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>"""


def test_billion_laughs_is_refused_fast_and_cleanly():
    t = time.perf_counter()
    concepts, problems, _ = read(BILLION_LAUGHS, "laughs.tbx")
    assert time.perf_counter() - t < 2
    assert concepts == [] and problems == ["laughs.tbx:3: the document declares XML entities (<!ENTITY ...>); "
                                           "refused: entity expansion is unsafe and a termbase does not need it"]
    # the same in UTF-16, which the byte-level pre-check cannot read: libxml2 and the DTD check still refuse it
    concepts, problems, _ = read(BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16"))
    assert concepts == [] and len(problems) == 1 and "entit" in problems[0].lower()


def test_external_entities_and_dtds_are_never_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xxe = f"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file://{secret}">]>
<tbx><text><body><conceptEntry id="c"><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>""".encode()
    concepts, problems, _ = read(xxe)
    assert concepts == [] and "entities" in problems[0]
    # an external DTD (and an undeclared entity reference) with no internal subset: not loaded, refused
    remote = b"""<?xml version="1.0"?><!DOCTYPE tbx SYSTEM "http://127.0.0.1:9/x.dtd">
<tbx><text><body><conceptEntry id="c"><langSec xml:lang="en"><termSec><term>&ext;</term></termSec></langSec></conceptEntry></body></text></tbx>"""
    concepts, problems, _ = read(remote)
    assert concepts == [] and problems and "TOP-SECRET" not in "".join(problems)


@pytest.mark.parametrize("data, expected", [
    (b"<tbx><text><body><conceptEntry id='a'>", "x.tbx:1: malformed XML"),
    (b"<html><body/></html>", "x.tbx:1: not a TBX file: the root element is <html>"),
    (b"<tbx><text><body><conceptEntry id='a'>\n<langSec xml:lang='en'><termSec><term>x</term>\n"
     b"<termNote type='administrativeStatus'>sortOf</termNote></termSec></langSec></conceptEntry></body></text></tbx>",
     "x.tbx:3: unknown administrative status 'sortOf'"),
    (b"", "x.tbx"),
])
def test_bad_tbx_is_reported_with_its_line(data, expected):
    concepts, problems, _ = read(data)
    assert concepts == [] and problems and problems[0].startswith(expected)


def test_cli_tbx_import_refuses_hostile_input_with_exit_2(tmp_path):
    p = tmp_path / "laughs.tbx"
    p.write_bytes(BILLION_LAUGHS)
    r = cli("import", p, "-o", tmp_path / "out.yaml")
    assert r.exit_code == 2 and "entities" in r.stderr and not (tmp_path / "out.yaml").exists()


# ---- CLI round trips -------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix, extra", [(".tbx", []), (".tbx", ["--tbx-version", "2"]), (".xlsx", []), (".csv", [])])
def test_yaml_to_format_to_yaml_keeps_the_csv_interchange_identical(tmp_path, suffix, extra):
    first = tmp_path / "first.csv"
    assert cli("export", GLOSSARIES, "-o", first).exit_code == 0
    out = tmp_path / f"g{suffix}"
    r = cli("export", GLOSSARIES, "-o", out, *extra)
    assert r.exit_code == 0, r.stderr
    back = tmp_path / "back.yaml"
    r = cli("import", out, "-o", back)
    assert r.exit_code == 0, r.stderr
    again = tmp_path / "again.csv"
    assert cli("export", back, "-o", again).exit_code == 0
    lines = lambda p: p.read_text(encoding="utf-8").splitlines()
    if suffix == ".tbx":  # TBX groups a concept's terms by language (v2 also puts the preferred first)
        assert sorted(lines(again)) == sorted(lines(first))
    else:
        assert lines(again) == lines(first)
    assert cli("validate", back).exit_code == 0


def test_import_will_not_overwrite_and_checks_its_options(tmp_path):
    src = tmp_path / "g.csv"
    assert cli("export", MINI, "-o", src).exit_code == 0
    out = tmp_path / "out.yaml"
    out.write_text("precious", encoding="utf-8")
    assert cli("import", src, "-o", out).exit_code == 2 and out.read_text(encoding="utf-8") == "precious"
    assert cli("import", src, "-o", out, "--force").exit_code == 0 and "concepts:" in out.read_text(encoding="utf-8")
    assert cli("import", src, "-o", tmp_path / "out.csv").exit_code == 2
    assert cli("import", tmp_path / "nope.csv", "-o", tmp_path / "n.yaml").exit_code == 2
    assert cli("import", src).exit_code == 2  # neither --output nor --merge
    assert cli("export", MINI, "-o", tmp_path / "g.docx").exit_code == 2
    assert cli("export", MINI, "--format", "xlsx").exit_code == 2  # binary to stdout
    assert cli("export", MINI, "-o", tmp_path / "g.tbx", "--tbx-version", "4").exit_code == 2


def test_import_merge_into_a_glossary(tmp_path):
    g = tmp_path / "g.yaml"
    g.write_bytes(MINI.read_bytes())
    new = write(tmp_path / "new.csv", """\
        concept_id,type,lang,term,status,note
        google,org,en,Alphabet,admitted,parent company name
        sam-altman,person,zh-Hans,萨姆·奥尔特曼,preferred,
        sam-altman,person,en,Sam Altman,preferred,
        """)
    r = cli("import", new, "--merge", "-g", g)
    assert r.exit_code == 0, r.stderr
    merged = load_glossary(g)
    assert merged["sam-altman"].preferred("en").term == "Sam Altman"
    assert ("Alphabet", "admitted", "parent company name") in [(t.term, t.status, t.note) for t in merged["google"].terms]


# ---- XLSX ------------------------------------------------------------------------------------
def test_xlsx_keeps_formula_like_text_and_reports_rows(tmp_path):
    import openpyxl

    from mtqa.glossary.io_xlsx import read_xlsx, write_xlsx

    concepts = [Concept("eq", "term", [Term("=SUM(A1:A2)", "en", "preferred", note="=HYPERLINK(\"http://x\")")])]
    p = tmp_path / "g.xlsx"
    p.write_bytes(write_xlsx(concepts))
    ws = openpyxl.load_workbook(p).active
    assert [c.value for c in ws[1]] == ["concept_id", "type", "lang", "term", "status", "note"]
    assert ws["D2"].data_type == "s" and ws["F2"].data_type == "s"  # text, never formulas
    problems = []
    assert [(t.term, t.note) for t in read_xlsx(p, problems)[0].terms] == [("=SUM(A1:A2)", '=HYPERLINK("http://x")')]
    wb = openpyxl.load_workbook(p)
    ws = wb.active
    ws.insert_rows(2)  # a blank row 2: row numbers in messages are still the sheet's
    ws["E3"] = "wrong"
    wb.save(p)
    problems = []
    assert read_xlsx(p, problems) == [] and [str(x) for x in problems] == [
        f"{p}:3: unknown status 'wrong' (expected one of preferred, admitted, deprecated)"]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    problems = []
    assert read_xlsx(bad, problems) == [] and "cannot read as an Excel workbook" in str(problems[0])
    r = cli("import", bad, "-o", tmp_path / "x.yaml")
    assert r.exit_code == 2 and "Traceback" not in r.stderr


# ---- mtqa's hints as TBX notes ----------------------------------------------------------------
def _hinted():
    return [Concept("meta", "org", [Term("Meta", "en", "preferred"), Term("元", "zh-Hans", "deprecated", note="MT literal",
                                                                         exceptions=["美元", "单元"], context=["脸书", "Facebook"],
                                                                         window=20, suggest="Meta", fix="unsafe")])]


@pytest.mark.parametrize("version", [3, 2])
def test_hints_travel_as_term_notes_and_come_back_as_fields(version):
    data = write_tbx(_hinted(), version)
    assert "<note>mtqa exceptions: 美元 | 单元</note>" in data.decode() and "<note>mtqa window: 20</note>" in data.decode()
    if version == 3:
        from lxml import etree

        assert relaxng().validate(etree.fromstring(data))
    back, problems, warnings = read(data)
    assert problems == [] and warnings == []
    t = back[0].terms[1]
    assert (t.note, t.exceptions, t.context, t.window, t.suggest, t.fix) == (
        "MT literal", ["美元", "单元"], ["脸书", "Facebook"], 20, "Meta", "unsafe")


def test_a_note_that_only_looks_like_a_hint_stays_a_note_and_a_bad_hint_names_its_line():
    data = write_tbx(_hinted(), 3).decode()
    plain = data.replace("<note>MT literal</note>", "<note>mtqa: reviewed by the desk</note>")
    back, problems, _ = read(plain.encode())
    assert problems == [] and back[0].terms[1].note == "mtqa: reviewed by the desk"
    bad = data.replace("mtqa window: 20", "mtqa window: twenty")
    line = next(i for i, s in enumerate(bad.splitlines(), 1) if "mtqa window" in s)
    back, problems, _ = read(bad.encode(), "g.tbx")
    assert back == [] and problems == [f"g.tbx:{line}: 'mtqa window' must be a whole number of characters, got 'twenty' for '元'"]
