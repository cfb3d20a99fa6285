"""A self-contained HTML report: overview, renderings chart, documents with findings in place.

Everything is rendered here, server side, and every string that comes from an article or
a finding goes through `html.escape`: the page is safe to open whatever the articles hold.
CSS and JavaScript are inline (html_template.html); the page loads nothing from anywhere.
The script only toggles classes (filters) and copies text with `textContent` (details).
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

TEMPLATE = Path(__file__).with_name("html_template.html")
SEVERITIES = ("error", "warning", "info")
STATUSES = ("preferred", "admitted", "deprecated")
MAX_ROWS = 50  # rows in each overview table
MAX_CONCEPTS = 60  # concepts in the renderings chart


def e(value) -> str:
    """Escape anything for element content and quoted attributes."""
    return escape("" if value is None else str(value), quote=True)


def render(data) -> str:
    """The whole page for a `mtqa.scan.report_data.ReportData`."""
    body = "\n".join((_header(data), _filters(data), "<main>", _overview(data), _chart(data),
                      _documents(data), "</main>", _footer(data)))
    parts = {"TITLE": e(data.title), "BODY": body}
    return re.sub(r"\{\{(TITLE|BODY)\}\}", lambda m: parts[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def write(data, path) -> None:
    from ..fix import write_atomic

    target = Path(path)
    target.touch()  # write_atomic keeps an existing file's mode (a new one would get 0600)
    write_atomic(target, render(data).encode("utf-8"))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _header(data) -> str:
    totals = [("documents", f"{data.documents_total:,}"), ("findings", f"{data.findings_total:,}")]
    totals += [(s, f"{data.by_severity.get(s, 0):,}") for s in SEVERITIES]
    totals += [("glossary hits", f"{data.hits_total:,}"), ("term accuracy", _pct(data.term_accuracy))]
    boxes = "".join(f'<div class="total" id="total-{e(k.replace(" ", "-"))}"><b>{e(v)}</b>{e(k)}</div>'
                    for k, v in totals)
    return (f'<header><h1>{e(data.title)}</h1><div class="meta">{e(data.source)} · generated {e(data.generated)}'
            f'</div><div class="totals">{boxes}</div></header>')


def _filters(data) -> str:
    rules = "".join(
        f'<label><input type="checkbox" class="flt-rule" value="{e(code)}" checked> {e(code)} '
        f'{e(data.rule_names.get(code, ""))} ({n})</label>'
        for code, n in sorted(data.by_rule.items()))
    sevs = "".join(f'<label><input type="checkbox" class="flt-sev" value="{s}" checked> {s} '
                   f'({data.by_severity.get(s, 0)})</label>' for s in SEVERITIES)
    return ('<nav id="filters" aria-label="filters">'
            f'<fieldset><legend>Rules</legend>{rules or "<span class=note>none</span>"}</fieldset>'
            f'<fieldset><legend>Severity</legend>{sevs}</fieldset>'
            '<label><input type="checkbox" id="flt-hide-empty"> hide documents with nothing shown</label>'
            '<span id="filter-status"></span></nav>')


def _count_table(caption: str, rows, table_id: str) -> str:
    """rows: (label html, count, bar class)."""
    rows = list(rows)
    if not rows:
        return f'<div><h3>{e(caption)}</h3><p class="note">none</p></div>'
    top = max(n for _, n, _ in rows) or 1
    body = "".join(f'<tr><td>{label}</td><td class="n">{n:,}</td>'
                   f'<td style="width:40%"><div class="bar {cls}" style="width:{100 * n / top:.1f}%"></div></td></tr>'
                   for label, n, cls in rows)
    return f'<div><h3>{e(caption)}</h3><table class="counts" id="{table_id}">{body}</table></div>'


def _overview(data) -> str:
    by_rule = ((f"<code>{e(code)}</code> {e(data.rule_names.get(code, ''))}", n,
                f"sev-{e(data.rule_severity.get(code, ''))}") for code, n in data.by_rule.most_common(MAX_ROWS))
    by_sev = ((e(s), data.by_severity.get(s, 0), f"sev-{s}") for s in SEVERITIES)
    index = {v.doc_id: i for i, v in enumerate(data.documents)}
    by_doc = []
    for row in data.by_document[:MAX_ROWS]:
        label = e(row["doc_id"])
        if row["doc_id"] in index:
            label = f'<a href="#doc-{index[row["doc_id"]]}">{label}</a>'
        label += f' <small class="note">term accuracy {_pct(row["term_accuracy"])}</small>'
        by_doc.append((label, row["findings"], "sev-error" if row["errors"] else "sev-warning"))
    by_concept = ((e(c), n, "") for c, n in data.by_concept.most_common(MAX_ROWS))
    return ('<section id="overview"><h2>Overview</h2><div class="grid">'
            + _count_table("Findings by rule", by_rule, "by-rule")
            + _count_table("Findings by severity", by_sev, "by-severity")
            + _count_table("Documents with the most findings", by_doc, "by-document")
            + _count_table("Concepts with the most findings", by_concept, "by-concept")
            + "</div></section>")


def _chart(data) -> str:
    """One stacked bar per concept: how often each of its renderings occurs (every glossary hit)."""
    concepts = sorted(data.renderings.items(), key=lambda kv: (-len(kv[1]), -sum(kv[1].values()), kv[0]))
    rows = []
    for concept, counts in concepts[:MAX_CONCEPTS]:
        total = sum(counts.values())
        forms = sorted(counts.items(), key=lambda kv: (STATUSES.index(kv[0][1]) if kv[0][1] in STATUSES else 9,
                                                      -kv[1], kv[0][0]))
        segs = "".join(f'<span class="seg st-{e(status)}" style="width:{100 * n / total:.2f}%" '
                       f'title="{e(term)} ({e(status)}): {n}"></span>' for (term, status), n in forms)
        legend = "".join(f'<span class="form" data-status="{e(status)}"><i class="swatch st-{e(status)}"></i>'
                         f'{e(term)} <b>{n}</b></span>' for (term, status), n in forms)
        rows.append(f'<div class="concept-row" data-concept="{e(concept)}"><div class="concept-name">{e(concept)}'
                    f'<small>{len(forms)} rendering{"s" if len(forms) != 1 else ""}, {total} hits</small></div>'
                    f'<div class="stack">{segs}</div><div class="legend">{legend}</div></div>')
    more = len(concepts) - MAX_CONCEPTS
    key = "".join(f'<span><i class="swatch st-{s}"></i>{s}</span> ' for s in STATUSES)
    return ('<section id="renderings"><h2>Renderings by concept</h2>'
            f'<p class="note">Every glossary hit, by the glossary form it matched; concepts rendered several ways '
            f'first. {key}</p><div class="chart">{"".join(rows) or "<p class=note>no glossary hits</p>"}</div>'
            + (f'<p class="note">{more} more concepts not shown.</p>' if more > 0 else "") + "</section>")


def _documents(data) -> str:
    omitted = data.documents_total - len(data.documents)
    intro = (f'<p class="note">The {len(data.documents)} documents with the most findings; {omitted} more are '
             'counted above but not shown.</p>' if omitted > 0 else "")
    return ('<section id="documents"><h2>Documents</h2>' + intro
            + "".join(_document(i, v) for i, v in enumerate(data.documents)) + "</section>")


def _document(i: int, view) -> str:
    findings = sorted(view.findings, key=lambda f: (f["start"], f["end"], f["rule"]))
    ids = [f"{i}-{k}" for k in range(len(findings))]
    notes = [view.note] if view.note else []
    text_html = ""
    if view.text is not None:
        text_html, unplaced = highlight(view.text, findings, ids)
        if unplaced:
            notes.append(f"{unplaced} finding(s) do not match the text and are not highlighted")
    items = "".join(_finding_item(fid, f, placed=view.text is not None) for fid, f in zip(ids, findings))
    counts = f'<span class="visible-count">{len(findings)}</span> of {len(findings)} findings shown'
    where = f"{e(view.path)} · " if view.path != view.doc_id else ""
    return (f'<article class="doc" id="doc-{i}" data-doc-id="{e(view.doc_id)}"><h3>{e(view.doc_id)}'
            f'<small>{where}term accuracy {_pct(view.term_accuracy)} · {counts}</small></h3>'
            + "".join(f'<p class="note">{e(n)}</p>' for n in notes)
            + (f'<pre class="text">{text_html}</pre>' if view.text is not None else "")
            + (f'<ol class="findings">{items}</ol>' if findings else '<p class="note">No findings.</p>')
            + "</article>")


def _finding_item(fid: str, f: dict, placed: bool) -> str:
    sugg = ""
    if f.get("suggestion") is not None:
        fix = f" ({f['fix']} fix)" if f.get("fix") else ""
        sugg = f' <span class="sugg" data-suggestion="{e(f["suggestion"])}">→ {e(f["suggestion"])}{e(fix)}</span>'
    loc = f'{f["line"]}:{f["column"]}'
    loc_html = f'<a class="loc" href="#m-{fid}">{loc}</a>' if placed else f'<span class="loc">{loc}</span>'
    return (f'<li class="finding sev-{e(f["severity"])}" id="f-{fid}" data-f="{fid}" data-rule="{e(f["rule"])}" '
            f'data-severity="{e(f["severity"])}">{loc_html}<code>{e(f["rule"])}</code> '
            f'<span class="sev">{e(f["severity"])}</span> <span class="msg">{e(f["message"])}</span>{sugg}</li>')


def highlight(text: str, findings: list[dict], ids: list[str]) -> tuple[str, int]:
    """The text, escaped, with each span that findings cover wrapped in one <mark>.

    Overlapping findings split the text into segments; a segment's mark lists every
    finding covering it (data-f) and takes the worst severity. Returns (html, findings not placed).
    """
    placed = [(fid, f) for fid, f in zip(ids, findings)
              if 0 <= f["start"] < f["end"] <= len(text) and text[f["start"]:f["end"]] == f["found"]]
    bounds = sorted({0, len(text), *(f["start"] for _, f in placed), *(f["end"] for _, f in placed)})
    out, first_mark = [], set()
    active: list[tuple[str, dict]] = []
    starts: dict[int, list] = {}
    for fid, f in placed:
        starts.setdefault(f["start"], []).append((fid, f))
    for a, b in zip(bounds, bounds[1:]):
        active = [(fid, f) for fid, f in active if f["end"] > a] + starts.get(a, [])
        segment = e(text[a:b])
        if not active:
            out.append(segment)
            continue
        worst = max((f["severity"] for _, f in active), key=lambda s: SEVERITIES[::-1].index(s) if s in SEVERITIES else -1)
        title = "&#10;".join(e(f"{f['rule']} [{f['severity']}] {f['message']}"
                               + (f" → {f['suggestion']}" if f.get("suggestion") is not None else ""))
                             for _, f in active)
        new = [fid for fid, _ in active if fid not in first_mark]
        anchor = f' id="m-{new[0]}"' if new else ""
        first_mark.update(new)
        extra = "".join(f'<a id="m-{fid}"></a>' for fid in new[1:])
        out.append(f'{extra}<mark class="hl"{anchor} tabindex="0" data-f="{" ".join(fid for fid, _ in active)}" '
                   f'data-sev="{e(worst)}" title="{title}">{segment}</mark>')
    return "".join(out), len(findings) - len(placed)


def _footer(data) -> str:
    return ('<footer>Term accuracy: of the glossary hits in a document, the share whose form is preferred or '
            'admitted (not deprecated). Made by mtqa.</footer>')
