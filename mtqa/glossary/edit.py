"""Glossary edits (add, deprecate, prefer, merge) as one transaction over the glossary's files.

An `Editor` loads the whole glossary (every edit is checked against all of it), edits YAML
files in place through `yaml_rt.YamlFile`, and `commit()` re-reads the edited text with the
loader's own parser, runs the loader's checks and validate's error checks, and refuses the
edit — writing nothing — when it would make the glossary invalid or add a validate error.
Files are written atomically, each only if it still holds what was read.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import Problem
from ..normalize import fold
from .model import CONCEPT_TYPES, LANGS, STATUSES, Concept, Glossary, Term
from .yaml_rt import EditError, YamlFile


class EditRefused(EditError):
    """The edit would make the glossary invalid; `problems` says why. Nothing was written."""

    def __init__(self, problems: list):
        self.problems = problems
        super().__init__("the edit would make the glossary invalid:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass
class Change:
    path: Path
    before: str
    after: str
    messages: list[str] = field(default_factory=list)


def guess_lang(text: str) -> str:
    """en for Latin forms; zh-Hant when the form is written in Traditional characters; else zh-Hans."""
    from .keys import has_han

    if not has_han(text):
        return "en"
    from ..script import HANT, detect_script

    return "zh-Hant" if detect_script(text) == HANT else "zh-Hans"


def _check_choice(value: str, allowed, what: str) -> None:
    if value not in allowed:
        raise EditError(f"unknown {what} {value!r} (expected one of {', '.join(allowed)})")


class Editor:
    """Pending edits to the glossary at `paths` (files or folders)."""

    def __init__(self, *paths):
        from .checks import check_concepts_extra
        from .loader import load_glossary

        self.glossary: Glossary = load_glossary(*paths)  # GlossaryError: invalid before any edit
        self.paths = paths
        self._files: dict[str, YamlFile] = {}
        self.messages: list[str] = []
        self._before = {i.key for i in check_concepts_extra(self.glossary.concepts) if i.severity == "error"}

    # ---- finding things -------------------------------------------------
    def concept(self, concept_id: str) -> Concept:
        c = self.glossary.get(concept_id)
        if c is None:
            raise EditError(f"no concept {concept_id!r} in {', '.join(map(str, self.paths))}")
        return c

    def find_term(self, text: str, concept_id: str | None = None, lang: str | None = None) -> list[tuple[Concept, int]]:
        """(concept, term index) of every term written `text` (case, width and dots folded; then across scripts)."""
        from .keys import form_key

        concepts = [self.concept(concept_id)] if concept_id else self.glossary.concepts
        for key_of in (fold, form_key):
            want = key_of(text)
            found = [(c, i) for c in concepts for i, t in enumerate(c.terms)
                     if (lang is None or t.lang == lang) and key_of(t.term) == want]
            if found:
                return found
        return []

    def _one_term(self, text: str, concept_id: str | None, lang: str | None) -> tuple[Concept, int] | None:
        found = self.find_term(text, concept_id, lang)
        if len(found) > 1:
            where = ", ".join(f"{c.id} ({c.terms[i].lang})" for c, i in found)
            raise EditError(f"{text!r} is a form of several concepts or languages ({where}); say which with --concept/--lang")
        return found[0] if found else None

    def file(self, path) -> YamlFile:
        key = str(path)
        if key not in self._files:
            self._files[key] = YamlFile.load(path)
        return self._files[key]

    def target_file(self, concept_type: str, explicit: str | None = None) -> str:
        """Where a new concept goes: `explicit`; else the only file; else the file holding most concepts of its type."""
        if explicit:
            p = Path(explicit)
            known = {str(Path(s)) for s in self.glossary.sources}
            if str(p) not in known and not p.exists():
                raise EditError(f"{p}: no such glossary file (create it with a 'concepts:' list first)")
            return str(p)
        yaml_sources = [s for s in self.glossary.sources if Path(s).suffix.lower() in (".yaml", ".yml")]
        if len(yaml_sources) == 1:
            return yaml_sources[0]
        counts: dict[str, int] = {}
        for c in self.glossary:
            if c.type == concept_type and c.source in yaml_sources:
                counts[c.source] = counts.get(c.source, 0) + 1
        if not counts:
            raise EditError(f"no file of this glossary holds a {concept_type} concept yet; say which with --file")
        return max(counts, key=lambda s: (counts[s], s))

    # ---- edits ----------------------------------------------------------
    def add_term(self, concept_id: str, term: Term, after: int | None = None) -> None:
        _check_choice(term.lang, LANGS, "lang")
        _check_choice(term.status, STATUSES, "status")
        c = self.concept(concept_id)
        if any(t.lang == term.lang and fold(t.term) == fold(term.term) for t in c.terms):
            raise EditError(f"{term.term!r} ({term.lang}) is already a form of {concept_id!r}")
        f = self.file(c.source)
        index = f.add_term(concept_id, term, after)
        c.terms.insert(index, term)
        self.messages.append(f"{c.source}: added {term.term} ({term.lang}, {term.status}) to {concept_id}")

    def add_concept(self, concept: Concept, file: str | None = None) -> None:
        _check_choice(concept.type, CONCEPT_TYPES, "concept type")
        if self.glossary.get(concept.id) is not None:
            raise EditError(f"concept {concept.id!r} already exists ({self.glossary[concept.id].source})")
        for t in concept.terms:
            _check_choice(t.lang, LANGS, "lang")
            _check_choice(t.status, STATUSES, "status")
        path = self.target_file(concept.type, file)
        self.file(path).insert_concept(concept)
        concept = replace(concept, source=path)
        self.glossary.concepts.append(concept)
        self.glossary._by_id[concept.id] = concept
        forms = ", ".join(f"{t.term} ({t.lang}, {t.status})" for t in concept.terms)
        self.messages.append(f"{path}: added concept {concept.id} ({concept.type}): {forms}")

    def set_status(self, concept: Concept, index: int, status: str) -> None:
        _check_choice(status, STATUSES, "status")
        t = concept.terms[index]
        if t.status == status:
            return
        self.file(concept.source).set_term_key(concept.id, index, "status", status)
        self.messages.append(f"{concept.source}: {t.term} ({t.lang}) in {concept.id}: {t.status} → {status}")
        concept.terms[index] = replace(t, status=status)

    def set_key(self, concept: Concept, index: int, key: str, value) -> None:
        self.file(concept.source).set_term_key(concept.id, index, key, value)
        concept.terms[index] = replace(concept.terms[index], **{key: value if value is not None else _empty(key)})

    def prefer(self, text: str, concept_id: str | None = None, lang: str | None = None) -> None:
        """Make `text` the preferred form of its language; the previous preferred form becomes admitted."""
        found = self._one_term(text, concept_id, lang)
        if found is None:
            if not concept_id:
                raise EditError(f"{text!r} is not in the glossary; name its concept with --concept to add it as preferred")
            c = self.concept(concept_id)
            term_lang = lang or guess_lang(text)
            old = c.preferred(term_lang)
            if old is not None:
                self.set_status(c, c.terms.index(old), "admitted")
            self.add_term(concept_id, Term(text, term_lang, "preferred"), after=-1)
            return
        c, i = found
        t = c.terms[i]
        if t.status == "preferred":
            self.messages.append(f"{t.term} is already the preferred {t.lang} form of {c.id}; nothing to do")
            return
        old = c.preferred(t.lang)
        if old is not None:
            self.set_status(c, c.terms.index(old), "admitted")
        self.set_status(c, i, "preferred")
        if t.suggest:
            self.set_key(c, i, "suggest", None)

    def deprecate(self, text: str, concept_id: str | None = None, lang: str | None = None,
                  note: str | None = None, suggest: str | None = None) -> None:
        """Mark `text` deprecated (adding it to `concept_id` when it is not in the glossary yet)."""
        found = self._one_term(text, concept_id, lang)
        if found is None:
            if not concept_id:
                raise EditError(f"{text!r} is not in the glossary; name its concept with --concept to add it as deprecated")
            self.add_term(concept_id, Term(text, lang or guess_lang(text), "deprecated", note=note, suggest=suggest))
            return
        c, i = found
        t = c.terms[i]
        if t.status == "preferred":
            raise EditError(f"{t.term!r} is the preferred {t.lang} form of {c.id!r}; make another form preferred first "
                            f"(mtqa glossary prefer OTHER --concept {c.id}, or deprecate --prefer OTHER)")
        self.set_status(c, i, "deprecated")
        if note:
            self.set_key(c, i, "note", note)
        if suggest:
            self.set_key(c, i, "suggest", suggest)

    def merge(self, incoming: list[Concept], file: str | None = None) -> None:
        """Add incoming concepts: new ids become concepts, known ids contribute their new terms."""
        for c in incoming:
            known = self.glossary.get(c.id)
            if known is None:
                self.add_concept(replace(c, source=None, line=None, terms=[replace(t, line=None) for t in c.terms]), file)
                continue
            for t in c.terms:
                same = next((k for k in known.terms if k.lang == t.lang and fold(k.term) == fold(t.term)), None)
                if same is None:
                    self.add_term(c.id, replace(t, line=None))
                elif same.status != t.status:
                    self.messages.append(f"{known.source}: {t.term} ({t.lang}) is already {same.status} in {c.id}; "
                                         f"left as it is (use prefer/deprecate to change it)")

    # ---- committing -----------------------------------------------------
    def commit(self, dry_run: bool = False) -> list[Change]:
        """Check the edited glossary; write every changed file atomically unless `dry_run`."""
        from ..fix import write_atomic
        from .checks import check_concepts_extra
        from .io_yaml import parse_yaml, read_yaml_glossary
        from .validate import check_concepts

        problems: list = []
        concepts: list[Concept] = []
        new_texts: dict[str, str] = {}
        for source in self.glossary.sources:
            f = self._files.get(str(source))
            if f is not None and f.changed:
                text = f.dump()
                new_texts[str(source)] = text
                concepts.extend(_concepts_from_text(text, str(source), problems, parse_yaml))
            elif Path(source).suffix.lower() == ".csv":
                from .io_csv import read_csv_glossary

                concepts.extend(read_csv_glossary(Path(source), problems))
            else:
                concepts.extend(read_yaml_glossary(Path(source), problems))
        problems.extend(check_concepts(concepts))
        if not problems:
            problems = [i for i in check_concepts_extra(concepts)
                        if i.severity == "error" and i.key not in self._before]
        if problems:
            raise EditRefused(problems)
        changes = []
        for source, text in new_texts.items():
            f = self._files[source]
            before = f.source_text
            if text == before:
                continue
            if not dry_run:
                write_atomic(f.path, f.encoded(), expected=f.original)
            changes.append(Change(f.path, before, text))
        return changes


def _empty(key: str):
    return [] if key in ("exceptions", "context") else (0 if key == "window" else (False if key == "derived" else None))


def _concepts_from_text(text: str, path: str, problems: list, parse_yaml) -> list[Concept]:
    """The loader's reading of glossary YAML `text` (same parser, same schema checks)."""
    from .io_yaml import _plain
    from .schema import build_concept

    root = parse_yaml(text, path, problems)
    if root is None or root.tag != "map" or "concepts" not in root.value:
        problems.append(Problem(path, None, "expected a mapping with a 'concepts' list at the top"))
        return []
    seq = root.value["concepts"][1]
    out = []
    for item in (seq.value if seq.tag == "seq" else []):
        c = build_concept(_plain(item), path, problems)
        if c is not None:
            out.append(c)
    return out


def unified_diff(changes: list[Change]) -> str:
    import difflib

    out = []
    for ch in changes:
        name = str(ch.path)
        old, new = (name, name) if ch.path.is_absolute() else (f"a/{name}", f"b/{name}")
        out.extend(difflib.unified_diff(ch.before.splitlines(True), ch.after.splitlines(True), old, new))
    return "".join(out)
