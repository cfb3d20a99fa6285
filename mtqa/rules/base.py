"""What a rule is (code, name, default severity, documentation) and the context it reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..document import Document
from ..findings import Applicability, Finding, Fix, Severity
from ..normalize import fold as _fold


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str  # one line for `mtqa rules`
    explanation: str  # why, for `mtqa explain`
    example: str  # "bad → good"
    check: Callable[["LintContext"], Iterable[Finding]]
    needs_glossary: bool = True
    default: bool = True  # enabled unless selected explicitly when False
    fix: str = "safe"  # what kind of fix it offers: safe, unsafe or none


@dataclass
class LintContext:
    """Everything a rule may read about one document."""

    doc: Document
    matcher: object | None = None  # mtqa.matcher.Matcher
    locale: str | None = None
    _hits: list | None = field(default=None, repr=False)
    _latin_spans: list | None = field(default=None, repr=False)
    _concepts: frozenset | None = field(default=None, repr=False)
    _scanned: object | None = field(default=None, repr=False)  # the mtqa.matcher.Scan behind them
    # Where findings are wanted (a textutil.SpanSet), or None for everywhere: a rule that finds
    # candidates one place at a time may skip the places that meet none of it (converge re-lints a
    # fixed text for what touches the fixes; the rest of the document only informs).
    focus: object | None = field(default=None, repr=False)

    def in_focus(self, start: int, end: int) -> bool:
        """Whether [start, end) meets the focus (always, without one)."""
        return self.focus is None or self.focus.meets(start, end)

    def _scan(self) -> None:
        """Scan the document; what was given from outside (hits filtered by an allow-list) stays."""
        from ..matcher import Scan

        scan = Scan([]) if self.matcher is None else self.matcher.scan(self.doc.text, locale=self.locale,
                                                                            not_prose=self.doc.not_prose,
                                                                            folded=self.folded)
        self._scanned = scan
        if self._hits is None:
            self._hits = scan.hits
        if self._concepts is None:
            self._concepts = scan.concepts

    @property
    def concepts(self) -> frozenset:
        """Indexes of the glossary concepts the document mentions, in any form."""
        if self._concepts is None:
            self._scan()
        return self._concepts

    @property
    def hits(self) -> list:
        """Glossary hits a rule may report: non-preferred forms, and every hit of a concept
        rendered in two or more ways here (see Matcher.scan)."""
        if self._hits is None:
            self._scan()
        return self._hits

    @property
    def latin_spans(self) -> list:
        """Spans of every accepted Latin glossary hit, reported or not."""
        if self._latin_spans is None:
            self._latin_spans = self._scan_result().latin_spans
        return self._latin_spans

    def latin_spans_in(self, lo: int, hi: int) -> list:
        """The spans of `latin_spans` that overlap [lo, hi), without working out the others."""
        if self._latin_spans is not None:
            return [(s, e) for s, e in self._latin_spans if s < hi and lo < e]
        return self._scan_result().latin_spans_in(lo, hi)

    def _scan_result(self):
        if self._scanned is None:
            self._scan()
        return self._scanned

    def glossary_form_spans(self, exact: bool = False):
        """A SpanSet of where the text writes an accepted glossary form (any script or case; with
        `exact`, only as the glossary lists it). A glossary form is never another rule's finding:
        rules that find names by other means skip what these spans cover."""

        def compute():
            from ..matcher import TERM
            from .textutil import SpanSet

            m = self.matcher
            if m is None:
                return SpanSet([])
            accepted = self._scan_result().accepted_matches()  # (a pattern with an accepted term)
            if not exact:
                return SpanSet([(start, end) for _, start, end in accepted])
            text, concepts = self.doc.text, m.glossary.concepts
            out = []
            for pid, start, end in accepted:
                for f in m.entries[pid]:
                    if f.kind == TERM:
                        t = concepts[f.concept].terms[f.term]
                        if t.accepted and t.term == text[start:end]:
                            out.append((start, end))
                            break
            return SpanSet(out)

        return self.memo(f"glossary.form_spans.{exact}", compute)

    @property
    def folded(self) -> str:
        """The document's text folded (normalize.fold: case, width, middle dots), once: the name
        rules all read it, and one string object is also encoded for the compiled core only once."""
        return self.memo("folded", lambda: _fold(self.doc.text))

    def memo(self, key: str, compute):
        """A value computed once per document and shared between rules (`compute()` on first use)."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def hits_with_status(self, status: str) -> list:
        """Hits whose term has `status` (computed once per document)."""
        groups = getattr(self, "_by_status", None)
        if groups is None:
            groups = {"preferred": [], "admitted": [], "deprecated": []}
            for h in self.hits:
                groups[h.term.status].append(h)
            self._by_status = groups
        return groups[status]

    def script_of(self, hit) -> str:
        return hit.script or self.doc.script

    def preferred(self, hit, short: bool = False) -> str | None:
        """The concept's preferred form for this hit, in the hit's script (or the locale's)."""
        m = self.matcher
        forms = m.preferred[hit.concept_index]
        locale = self.locale
        # Only ask for the document's script when the answer depends on it.
        if locale is None and hit.script is None and forms.get("Hans") == forms.get("Hant"):
            script = "Hans"
        else:
            script = self.script_of(hit)
        return m.preferred_form(hit.concept_index, script, locale, short=short)

    def finding(self, rule: Rule, start: int, end: int, message: str, *, suggestion: str | None = None,
                concept: str | None = None, applicability: Applicability | None = None,
                severity: Severity | None = None) -> Finding:
        line, column = self.doc.position(start)
        fix = None
        if suggestion is not None and applicability is not None:
            fix = Fix.replace(start, end, suggestion, applicability)
        return Finding(
            path=self.doc.path, line=line, column=column, start=start, end=end, rule=rule.code,
            name=rule.name, severity=severity or rule.severity, message=message,
            found=self.doc.text[start:end], suggestion=suggestion, concept=concept, fix=fix,
        )


def concept_label(concept) -> str:
    """How a message names a concept: its English name and preferred Chinese form."""
    en = concept.preferred("en")
    zh = concept.preferred("zh-Hans") or concept.preferred("zh-Hant")
    if en and zh:
        return f"{en.term} ({zh.term})"
    return (en or zh or concept.terms[0]).term if concept.terms else concept.id
