"""`mtqa glossary mine CORPUS`: what the glossary is missing, as candidate rows for a person to review.

Three kinds of evidence, strongest first:
- pairs — "中文译名(Latin Name)" or "Latin Name(中文译名)": an unknown Latin name makes a new
  concept (`new-concept`); a known one written with another Chinese form makes a variant of
  that concept (`new-variant`; proposed deprecated when it sounds like an accepted form);
- sound-alikes — renderings of names with the same pinyin (博斯沃思 / 博斯沃斯), anchored on a
  glossary concept or a new candidate: the commoner form is proposed preferred or kept, the
  others deprecated (`sound-alike`);
- names — dotted transliterations (史蒂夫·沃兹尼亚克) and frequent jieba person/organisation
  words that no glossary form covers (`name`).
The output is the CSV interchange form (concept_id,type,lang,term,status,note) plus evidence
columns (kind, score, count, files, contexts): delete the rows you reject, fix the rest, then
`mtqa glossary mine --apply FILE.csv`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize import DOT, fold
from .keys import form_keys, has_han, latin_key, slug, sound_key
from .mine_corpus import Doc, context, load_corpus, occurrences, simplified_aligned  # noqa: F401 - re-exported
from .mine_pairs import Pair, find_pairs
from .model import Glossary

EVIDENCE_COLUMNS = ("kind", "score", "count", "files", "contexts")
KIND_WEIGHT = {"new-concept": 10.0, "new-variant": 8.0, "sound-alike": 5.0, "name": 0.0}


@dataclass
class Row:
    concept_id: str
    type: str
    lang: str
    term: str
    status: str
    note: str = ""


@dataclass
class Candidate:
    concept_id: str
    type: str
    kind: str
    rows: list[Row] = field(default_factory=list)
    pairs: int = 0  # bracket pairs seen
    score: float = 0.0
    evidence: dict = field(default_factory=dict)  # term → (count, files, contexts)


# ---- the glossary, as lookups ------------------------------------------------
class Known:
    """Which concept a Latin name or a Chinese form belongs to, if any."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.latin: dict[str, str] = {}
        self.latin_surname: dict[str, str] = {}
        pairs = [(c, t) for c in glossary for t in c.terms]
        keys = form_keys([t.term for _, t in pairs])
        self.form: dict[str, str] = {}
        self.accepted: dict[str, list[str]] = {}  # concept id → accepted Chinese forms (Simplified)
        for (c, t), key in zip(pairs, keys):
            self.form.setdefault(key, c.id)
            if not has_han(t.term):
                self.latin.setdefault(latin_key(t.term), c.id)
                if c.type == "person" and " " in t.term.strip():
                    self.latin_surname.setdefault(latin_key(t.term.split()[-1]), c.id)
            elif t.accepted:
                self.accepted.setdefault(c.id, []).append(key)
                if c.type == "person" and DOT in key:
                    surname = key.rsplit(DOT, 1)[1]
                    if len(surname) >= 2:
                        self.form.setdefault(surname, c.id)
        self.ids = {c.id for c in glossary}

    def concept_of_form(self, simp_form: str) -> str | None:
        return self.form.get(fold(simp_form))

    def concept_of_latin(self, latin: str) -> str | None:
        return self.latin.get(latin_key(latin))


# ---- assembling candidates -------------------------------------------------------------
@dataclass
class Seen:
    """A rendering found in the corpus: where the evidence came from and how often it stands alone."""

    sources: set[str] = field(default_factory=set)  # pair, dotted, glossary, found, sound, person, org, other
    count: int = 0


class Miner:
    def __init__(self, glossary: Glossary, docs: list[Doc]):
        self.known = Known(glossary)
        self.glossary = glossary
        self.docs = docs
        self.candidates: dict[str, Candidate] = {}
        self.claimed: dict[str, str] = {}  # form key (Chinese folded, or latin:key) → candidate id
        self.surnames: dict[str, str] = {}  # surname of a person candidate → candidate id
        self._occ: dict[str, list] = {}

    def occ(self, term: str):
        if term not in self._occ:
            self._occ[term] = occurrences(self.docs, term)
        return self._occ[term]

    def owner(self, form: str) -> str | None:
        key = fold(form)
        return self.known.concept_of_form(form) or self.claimed.get(key) or self.surnames.get(key)

    def _new_id(self, base_text: str) -> str:
        base = slug(base_text)
        cid, n = base, 2
        while cid in self.known.ids or cid in self.candidates:
            cid, n = f"{base}-{n}", n + 1
        return cid

    def _claim(self, cand: Candidate, row: Row) -> bool:
        key = fold(row.term) if has_han(row.term) else "latin:" + latin_key(row.term)
        if key in self.claimed:
            return False
        self.claimed[key] = cand.concept_id
        cand.rows.append(row)
        if cand.type == "person" and DOT in fold(row.term):
            surname = fold(row.term).rsplit(DOT, 1)[1]
            if len(surname) >= 2:
                self.surnames.setdefault(surname, cand.concept_id)
        return True

    def _variant(self, concept_id: str, kind: str) -> Candidate:
        if concept_id in self.candidates:
            return self.candidates[concept_id]
        c = self.glossary[concept_id]
        cand = self.candidates[concept_id] = Candidate(concept_id, c.type, kind)
        return cand

    # -- pairs --
    def add_pairs(self, pairs: list[Pair]) -> None:
        by_latin: dict[str, list[Pair]] = {}
        for p in pairs:
            by_latin.setdefault(latin_key(p.latin), []).append(p)
        for group in by_latin.values():
            latin = max((p.latin for p in group), key=lambda x: sum(q.latin == x for q in group))
            zh_forms: dict[str, int] = {}
            for p in group:
                zh_forms[p.zh] = zh_forms.get(p.zh, 0) + 1
            known = self.known.concept_of_latin(latin)
            if known is not None:
                self._known_latin(known, zh_forms)
                continue
            zh_known = {self.known.concept_of_form(z) for z in zh_forms} - {None}
            if zh_known:  # a known Chinese form glossed with an unknown Latin name: an English variant
                cid = zh_known.pop()
                if not zh_known and self.known.latin_surname.get(latin_key(latin)) != cid:
                    cand = self._variant(cid, "new-variant")
                    if self._claim(cand, Row(cid, cand.type, "en", latin, "admitted")):
                        cand.pairs += len(group)
                continue
            kinds = {p.kind for p in group}
            if " " not in latin.strip() and not any(DOT in fold(z) for z in zh_forms):
                kinds.discard("person")  # 埃森哲(Accenture): a one-word name is rarely a person's
            ctype = "person" if "person" in kinds else ("org" if "org" in kinds else "term")
            cid = self._new_id(latin)
            cand = Candidate(cid, ctype, "new-concept", pairs=len(group))
            ranked = sorted(zh_forms, key=lambda z: (-len(self.occ(z)), -zh_forms[z], z))
            for i, z in enumerate(ranked):
                self._claim(cand, Row(cid, ctype, "zh-Hans", z, "preferred" if i == 0 else "admitted"))
            self._claim(cand, Row(cid, ctype, "en", latin, "preferred"))
            if len(cand.rows) > 1:
                self.candidates[cid] = cand

    def _known_latin(self, concept_id: str, zh_forms: dict[str, int]) -> None:
        """A glossary Latin name glossing Chinese forms the concept lacks: variants of it."""
        accepted = self.known.accepted.get(concept_id, [])
        sounds = {sound_key(a): a for a in accepted}
        for z, n in zh_forms.items():
            if self.known.concept_of_form(z) is not None:
                continue  # a form of this concept already, or of another one (a text error, not a gap)
            cand = self._variant(concept_id, "new-variant")
            twin = sounds.get(sound_key(z))
            status, note = ("deprecated", f"sound-alike of {twin}") if twin else ("admitted", "")
            if self._claim(cand, Row(concept_id, cand.type, "zh-Hans", z, status, note)):
                cand.pairs += n

    # -- the pool of renderings --
    def name_pool(self, pairs: list[Pair]) -> dict[str, Seen]:
        """Every name-like rendering in the corpus (Simplified), with its sources and standalone count.

        A word inside a longer name already found (a glossary form, a pair, a dotted name, or its
        surname) is part of that name, not a name of its own (考克斯 in 克里斯·考克斯).
        """
        from .mine_names import dotted_names, homophones, jieba_names, segment

        pool: dict[str, Seen] = {}

        def add(form: str, *sources: str, count: int = 1) -> None:
            seen = pool.setdefault(form, Seen())
            seen.sources.update(sources)
            seen.count += count

        words = {id(d): segment(d.simp) for d in self.docs}
        pair_forms = sorted({p.zh for p in pairs}, key=len, reverse=True)
        found = set(pair_forms)
        for p in pairs:
            add(p.zh, "pair", p.kind, count=0)
        for d in self.docs:
            for s, e in dotted_names(d.simp):
                longer = next((f for f in pair_forms if len(f) > e - s and d.simp.startswith(f, s)), None)
                form = longer or d.simp[s:e]
                if not self.known.concept_of_form(form):
                    found.add(form)
                    add(form, "dotted", "person", count=0)
        surnames = {f.rsplit(DOT, 1)[1] for f in map(fold, found) if DOT in f}
        surnames = {x for x in surnames if len(x) >= 2}
        automaton_forms = sorted({k for k in self.known.form if has_han(k)} | set(map(fold, found)) | surnames)
        automaton = _automaton(automaton_forms)
        targets = self._sound_targets(found | surnames)
        for d in self.docs:
            taken = []
            for _, s, e in automaton.find_matches_as_indexes(fold(d.simp)):
                form = d.simp[s:e]
                add(form, "glossary" if self.known.concept_of_form(form) else "found")
                taken.append((s, e))
            for s, e, target in homophones(d.simp, targets, words[id(d)]):
                if not _overlaps(taken, s, e):
                    add(d.simp[s:e], "sound")
                    add(target, "glossary" if self.known.concept_of_form(target) else "found", count=0)
                    taken.append((s, e))
            for s, e, kind in jieba_names(d.simp, words[id(d)]):
                if not _overlaps(taken, s, e):
                    add(d.simp[s:e], kind)
        return pool

    def _sound_targets(self, found: set[str]) -> dict[tuple[str, ...], str]:
        """Names of three or more Han characters whose other spellings are worth finding, by pinyin."""
        from .mine_names import syllables_aligned

        forms = set(found)
        for c in self.glossary:
            if c.type in ("term", "title"):
                continue
            for key in self.known.accepted.get(c.id, []):
                forms.add(key)
                if c.type == "person" and DOT in key:
                    forms.add(key.rsplit(DOT, 1)[1])
        targets = {}
        for form in forms:
            if len(form) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in form):
                targets.setdefault(tuple(syllables_aligned(form)), form)
        return targets

    # -- sound-alikes --
    def add_sound_alikes(self, pool: dict[str, Seen]) -> None:
        """Cluster renderings by pinyin; attach the uncovered ones to a glossary concept or a candidate."""
        clusters: dict[str, list[str]] = {}
        for form in pool:
            if sum(1 for ch in form if "\u4e00" <= ch <= "\u9fff") >= 2:
                clusters.setdefault(sound_key(form), []).append(form)
        for key, forms in sorted(clusters.items()):
            if len(forms) < 2 or not key:
                continue
            owners = {f: self.owner(f) for f in forms}
            anchors = {o for o in owners.values() if o}
            loose = [f for f in forms if owners[f] is None]
            if len(anchors) > 1 or not loose:
                continue
            counts = {f: pool[f].count for f in forms}
            if anchors:
                anchor = anchors.pop()
                best = max((f for f in forms if owners[f] == anchor), key=lambda f: (counts[f], f))
                cand = self.candidates.get(anchor) or self._variant(anchor, "sound-alike")
                for f in sorted(loose, key=lambda f: (-counts[f], f)):
                    if counts[f] > counts[best]:
                        status, note = "admitted", f"written {counts[f]}× against {counts[best]}× for {best}; choose one"
                    else:
                        status, note = "deprecated", f"sound-alike of {best}"
                    self._claim(cand, Row(anchor, cand.type, "zh-Hans", f, status, note))
                continue
            names = [f for f in loose if pool[f].sources & {"pair", "dotted", "person", "org", "sound"}]
            if len(names) < 2 or min(len(f) for f in names) < 3:
                continue  # two-character names that sound alike are too often two people
            ranked = sorted(names, key=lambda f: (-counts[f], f))
            ctype = "person" if any("person" in pool[f].sources for f in ranked) else "term"
            cid = self._new_id(ranked[0])
            cand = Candidate(cid, ctype, "sound-alike")
            for i, f in enumerate(ranked):
                note = "" if i == 0 else f"sound-alike of {ranked[0]}"
                self._claim(cand, Row(cid, ctype, "zh-Hans", f, "preferred" if i == 0 else "deprecated", note))
            if len(cand.rows) >= 2:
                self.candidates[cid] = cand

    # -- names --
    def add_names(self, pool: dict[str, Seen], min_count: int) -> None:
        for form, seen in sorted(pool.items()):
            if not seen.sources & {"dotted", "person", "org", "other"} or seen.sources & {"glossary", "sound"}:
                continue
            if self.owner(form):
                continue
            dotted = "dotted" in seen.sources
            if max(seen.count, 1 if dotted else 0) < (1 if dotted else min_count):
                continue
            ctype = "person" if dotted or "person" in seen.sources else ("org" if "org" in seen.sources else "term")
            cid = self._new_id(form)
            cand = Candidate(cid, ctype, "name", score=3.0 if dotted else 0.0)
            self._claim(cand, Row(cid, ctype, "zh-Hans", form, "preferred"))
            self.candidates[cid] = cand

    def ranked(self) -> list[Candidate]:
        for cand in self.candidates.values():
            mentions = sum(len(self.occ(r.term)) for r in cand.rows)
            cand.score = round(KIND_WEIGHT[cand.kind] + cand.score + 3 * cand.pairs + 2 * math.log1p(mentions), 2)
        return sorted((c for c in self.candidates.values() if c.rows), key=lambda c: (-c.score, c.concept_id))


def _automaton(patterns: list[str]):
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(patterns or ["\x00"], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _overlaps(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def mine(glossary: Glossary, docs: list[Doc], min_count: int = 2) -> list[Candidate]:
    """Candidates for review, best first."""
    miner = Miner(glossary, docs)
    pairs = [p for d in docs for p in find_pairs(d)]
    miner.add_pairs(pairs)
    pool = miner.name_pool(pairs)
    miner.add_sound_alikes(pool)
    miner.add_names(pool, min_count)
    ranked = miner.ranked()
    for cand in ranked:
        cand.evidence = {r.term: _evidence(miner, r.term) for r in cand.rows}
    return ranked


def _evidence(miner: Miner, term: str) -> tuple[int, str, str]:
    occ = miner.occ(term)
    files = "; ".join(dict.fromkeys(d.path for d, _ in occ))
    contexts = " | ".join(context(d, i, len(term)) for d, i in occ[:2])
    return len(occ), files, contexts


def write_candidates(candidates: list[Candidate], top: int | None = None) -> str:
    import csv
    import io

    from .io_csv import CSV_COLUMNS

    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS + EVIDENCE_COLUMNS)
    for cand in candidates[:top] if top else candidates:
        for r in cand.rows:
            count, files, contexts = cand.evidence[r.term]
            w.writerow((r.concept_id, r.type, r.lang, r.term, r.status, r.note, cand.kind, cand.score, count, files, contexts))
    return out.getvalue()


def read_reviewed(path: Path, problems: list) -> list:
    """The concepts of a reviewed candidates CSV (evidence columns ignored)."""
    from .io_csv import read_csv_glossary

    return read_csv_glossary(Path(path), problems)
