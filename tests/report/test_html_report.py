"""`mtqa report`: one offline HTML file; article text is always escaped; counts match the scan."""
import re
from html.parser import HTMLParser

import pytest

from mtqa.report.html import highlight
from mtqa.scan.run import scan
from report_util import MINI, TEXTS, corpus, run_cli, session_cache


class Page(HTMLParser):
    """The tags, marks and script elements of a page, as a browser's parser sees them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.marks, self.pres, self.scripts, self._mark, self._pre = [], [], [], 0, None, None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.scripts += tag == "script"
        if tag == "mark":
            self._mark = [attrs, ""]
        if tag == "pre":
            self._pre = ""

    def handle_data(self, data):
        if self._mark is not None:
            self._mark[1] += data
        if self._pre is not None:
            self._pre += data

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark is not None:
            self.marks.append(tuple(self._mark))
            self._mark = None
        if tag == "pre" and self._pre is not None:
            self.pres.append(self._pre)
            self._pre = None


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    with session_cache(tmp_path_factory):
        scan(corpus(root / "corpus"), root / "out", workers=1, glossary=[MINI], select=["T", "C", "N"])
    return root


def test_report_of_a_scan_is_one_offline_file_with_everything_escaped(scanned):
    out = scanned / "report.html"
    r = run_cli("report", scanned / "out", "-o", out)
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    assert page.scripts == 1  # ours; the article's <script> is text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in html
    assert "<script>window.__pwned" not in html and "<img" not in html
    assert not [t for t, a in page.tags if t in ("link", "iframe", "object", "embed", "img")]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)  # nothing to fetch
    assert "@import" not in html and "url(" not in html


def test_marks_cover_exactly_the_found_text_and_the_text_survives_escaping(scanned):
    from mtqa.report.html import render
    from mtqa.scan.report_data import from_scan

    data = from_scan(scanned / "out")
    page = Page(render(data))
    assert [p for p in page.pres] == [TEXTS[v.doc_id] for v in data.documents]  # nothing lost or added
    by_id = {}
    for attrs, text in page.marks:
        for fid in attrs["data-f"].split():
            by_id[fid] = by_id.get(fid, "") + text
    expected = {f"{i}-{k}": f["found"] for i, v in enumerate(data.documents)
                for k, f in enumerate(sorted(v.findings, key=lambda f: (f["start"], f["end"], f["rule"])))}
    assert by_id == expected and len(expected) == data.findings_total > 0
    assert {"王涛", "倩文", "杨立坤", "博斯沃斯"} <= set(by_id.values())
    severity = {f"{i}-{k}": f["severity"] for i, v in enumerate(data.documents)
                for k, f in enumerate(sorted(v.findings, key=lambda f: (f["start"], f["end"], f["rule"])))}
    rank = ["info", "warning", "error"]
    for attrs, _ in page.marks:  # a mark shows the worst severity of the findings it covers
        assert attrs["data-sev"] == max((severity[f] for f in attrs["data-f"].split()), key=rank.index)


def test_overview_counts_match_the_scan_tables(scanned):
    from mtqa.scan.outputs import load_table
    from mtqa.scan.report_data import from_scan

    data = from_scan(scanned / "out")
    findings, renderings = load_table(scanned / "out", "findings"), load_table(scanned / "out", "renderings")
    assert data.findings_total == len(findings) and data.documents_total == len(TEXTS)
    assert dict(data.by_rule) == findings["rule"].value_counts().to_dict()
    assert dict(data.by_concept) == findings["concept"].value_counts().to_dict()
    expected = renderings.groupby(["concept", "term", "status"]).size().to_dict()
    got = {(c, t, s): n for c, counts in data.renderings.items() for (t, s), n in counts.items()}
    assert got == expected
    assert {"王涛", "亚历山大·王", "Alexandr Wang"} <= {t for t, _ in data.renderings["alexandr-wang"]}
    assert [v.doc_id for v in data.documents][0] == "a.txt"  # most findings first
    assert all(v.text == TEXTS[v.doc_id] for v in data.documents)


def test_max_documents_limits_the_documents_shown_not_the_counts(scanned):
    from mtqa.report.html import render
    from mtqa.scan.report_data import from_scan

    data = from_scan(scanned / "out", max_documents=1)
    assert len(data.documents) == 1 and data.documents_total == 3
    html = render(data)
    assert html.count('<article class="doc"') == 1 and "2 more are counted above but not shown" in html


def test_a_changed_input_shows_findings_without_misplaced_highlights(tmp_path):
    root = corpus(tmp_path / "corpus")
    scan(root, tmp_path / "out", workers=1, glossary=[MINI], select=["T"])
    (root / "a.txt").write_text("完全不同的内容。\n", encoding="utf-8")
    from mtqa.report.html import render
    from mtqa.scan.report_data import from_scan

    data = from_scan(tmp_path / "out")
    assert all(v.text is None and "input changed" in v.note for v in data.documents)
    html = render(data)
    assert "<mark" not in html and "王涛" in html  # findings listed, nothing highlighted


def test_report_straight_from_article_paths(tmp_path):
    root = corpus(tmp_path / "corpus")
    out = tmp_path / "r.html"
    r = run_cli("report", root / "a.txt", root / "b.txt", "-o", out, "-g", MINI, "--title", "<b>审校</b>")
    assert r.exit_code == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;审校&lt;/b&gt;</title>" in html and "2 documents" in r.stdout
    assert Page(html).scripts == 1


def test_report_errors_are_clear(tmp_path):
    r = run_cli("report", tmp_path / "missing.txt", "-o", tmp_path / "r.html", "-g", MINI)
    assert r.exit_code == 2 and "missing.txt: no such file" in r.stderr and not (tmp_path / "r.html").exists()
    root = corpus(tmp_path / "corpus")
    (root / "bad.txt").write_bytes(b"\x00\x00binary")
    r = run_cli("report", root, "-o", tmp_path / "r.html", "-g", MINI)
    assert r.exit_code == 2 and f"error: {root / 'bad.txt'}: looks like a binary file" in r.stderr
    assert "3 documents" in r.stdout and (tmp_path / "r.html").exists()  # the others are reported
    unfinished = tmp_path / "scan"
    unfinished.mkdir()
    (unfinished / "scan.json").write_text('{"status": "running", "settings": {}}')
    r = run_cli("report", unfinished, "-o", tmp_path / "r.html")
    assert r.exit_code == 2 and "the scan is not complete" in r.stderr


def test_overlapping_findings_share_marks_and_keep_the_worst_severity():
    text = "甲乙丙丁"
    findings = [
        {"start": 0, "end": 3, "found": "甲乙丙", "rule": "C001", "severity": "warning", "message": "m1", "suggestion": None},
        {"start": 1, "end": 2, "found": "乙", "rule": "T001", "severity": "error", "message": "<m2>", "suggestion": "戊"},
        {"start": 3, "end": 4, "found": "X", "rule": "T002", "severity": "info", "message": "stale", "suggestion": None},
    ]
    html, unplaced = highlight(text, findings, ["0-0", "0-1", "0-2"])
    page = Page(html)
    assert unplaced == 1  # its text does not match: not highlighted
    assert [(a["data-f"], a["data-sev"], t) for a, t in page.marks] == [
        ("0-0", "warning", "甲"), ("0-0 0-1", "error", "乙"), ("0-0", "warning", "丙")]
    assert "T001 [error] &lt;m2&gt; → 戊" in html and html.endswith("丁")
