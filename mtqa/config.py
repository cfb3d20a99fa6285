"""Project configuration: find it, parse it, check it, merge it with the command line.

Like ruff: the settings for a file come from the nearest folder above it that holds
`.mtqa.toml`, `mtqa.toml` or a `pyproject.toml` with a `[tool.mtqa]` table (in that order
within one folder). Folders further up are not read, unless the file says
`extend = "../mtqa.toml"`. Command-line options override the file. Relative paths and
globs in a file are taken from the file's folder. docs/workflow.md lists the keys.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import MtqaError
from .findings import Severity

CONFIG_NAMES = (".mtqa.toml", "mtqa.toml", "pyproject.toml")
LOCALES = ("zh-CN", "zh-TW", "zh-HK")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
_DEFAULT_SUFFIXES = tuple(p[1:] for p in DEFAULT_INCLUDE)
COMMAND_LINE = "command line"
# A pyproject.toml is parsed only when it may hold [tool.mtqa] (tomllib costs ~8 ms at start-up):
# these are the ways TOML can spell that table, once blanks and quotes are gone.
_TOOL_MTQA_SPELLINGS = ("tool.mtqa", "[tool]", "\ntool=")
_BLANKS_AND_QUOTES = str.maketrans("", "", " \t\"'")


class ConfigError(MtqaError):
    """A configuration value that is missing, of the wrong type or out of range."""

    def __init__(self, source: str, key: str, message: str):
        self.source, self.key = source, key
        super().__init__(": ".join(part for part in (source, key, message) if part))


class Glob:
    """A gitignore-like pattern, relative to the folder of the file that set it.

    Without a `/` (a trailing one aside) it matches a file or folder name at any depth
    (`drafts`, `*.tmp.md`); with one it is anchored at that folder (`news/2024/**`).
    `*` and `?` stay within one path segment, `**` crosses segments.
    """

    def __init__(self, pattern: str, root: Path):
        self.pattern, self.root = pattern, absolute(root)
        body = pattern.strip()
        if body.startswith("./"):
            body = body[2:]
        body = body.rstrip("/")
        self.anchored = "/" in body
        self._regex = re.compile(_glob_regex(body.lstrip("/")))

    def __repr__(self) -> str:
        return f"Glob({self.pattern!r})"

    def relative(self, path: Path) -> str:
        path = absolute(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def matches(self, path: Path, folders: bool = True) -> bool:
        """Does the pattern match `path` (absolute) — or, with `folders`, one of its folders?"""
        parts = self.relative(path).split("/")
        match = self._regex.fullmatch
        if not self.anchored:
            return any(match(p) for p in parts) if folders else bool(match(parts[-1]))
        if not folders:
            return bool(match("/".join(parts)))
        return any(match("/".join(parts[:i])) for i in range(1, len(parts) + 1))


def absolute(path: Path) -> Path:
    """`path` made absolute and normalised, symlinks left alone (cheap: no file-system calls)."""
    return Path(os.path.abspath(path))


def _glob_regex(pattern: str) -> str:
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and "]" in pattern[i + 2:]:
            j = pattern.index("]", i + 2)
            inner = pattern[i + 1:j]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner).replace("\\", "\\\\") + "]")
            i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


# ----------------------------------------------------------------------------- rules


def registry() -> tuple:
    """Every rule mtqa knows: the linting rules plus the suppression checks (M)."""
    from .rules import ALL_RULES
    from .suppress import META_RULES

    return tuple(ALL_RULES) + META_RULES


def selects(code: str, rule_code: str, rule_name: str) -> bool:
    """Does the selector `code` (a code, a prefix such as T, a rule name, or ALL) cover the rule?"""
    c = code.strip()
    return c.upper() == "ALL" or rule_code.startswith(c.upper()) or rule_name == c.lower()


def _matches(rule, code: str) -> bool:
    return selects(code, rule.code, rule.name)


def _known(code: str, rules) -> bool:
    return any(_matches(r, code) for r in rules)


def resolve_rules(layers, rules) -> list:
    """Apply (select, extend-select, ignore) layers in order, as ruff does: a `select`
    replaces what came before, `extend-select` adds, `ignore` removes."""
    enabled = {r.code for r in rules if r.default}
    for select, extend, ignore in layers:
        if select is not None:
            enabled = {r.code for r in rules if any(_matches(r, c) for c in select)}
        enabled |= {r.code for r in rules if any(_matches(r, c) for c in extend or ())}
        enabled -= {r.code for r in rules if any(_matches(r, c) for c in ignore or ())}
    return [r for r in rules if r.code in enabled]


# ----------------------------------------------------------------------------- parsing


class Layer:
    """Validated settings from one source (a file, or the command line)."""

    __slots__ = ("source", "root", "values")

    def __init__(self, source: str, root: Path, values: dict | None = None):
        self.source, self.root = source, root
        self.values = values if values is not None else {}


class _Checker:
    """Validate raw values from `source`, naming the key in every error."""

    def __init__(self, source: str, root: Path, prefix: str = ""):
        self.source, self.root, self.prefix = source, root, prefix

    def fail(self, key: str, message: str):
        raise ConfigError(self.source, self.prefix + key, message)

    def strings(self, key: str, value, allow_one: bool = True) -> tuple[str, ...]:
        if allow_one and isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, f"expected a list of non-empty strings, got {_show(value)}")
        return tuple(v.strip() for v in value)

    def codes(self, key: str, value) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [c for c in value.split(",") if c.strip()]
        codes = self.strings(key, value)
        rules = registry()
        for c in codes:
            if not _known(c, rules):
                self.fail(key, f"unknown rule code {c!r} (expected a code or prefix such as T001 or T, "
                               "or ALL; `mtqa rules` lists them)")
        return codes

    def severity(self, key: str, value) -> Severity:
        if not isinstance(value, str):
            self.fail(key, f"expected one of \"error\", \"warning\", \"info\", got {_show(value)}")
        try:
            return Severity.parse(value)
        except ValueError:
            self.fail(key, f"expected one of \"error\", \"warning\", \"info\", got {value!r}")

    def paths(self, key: str, value, must_exist: bool = True) -> tuple[Path, ...]:
        out = []
        for raw in self.strings(key, value):
            p = absolute(self.root / os.path.expanduser(raw))
            if must_exist and not p.exists():
                self.fail(key, f"{raw!r} does not exist (looked for {p})")
            out.append(p)
        return tuple(out)

    def globs(self, key: str, value) -> tuple[Glob, ...]:
        return tuple(Glob(g, self.root) for g in self.strings(key, value))

    def table(self, key: str, value) -> dict:
        if not isinstance(value, dict):
            self.fail(key, f"expected a table, got {_show(value)}")
        return value


def _show(value) -> str:
    kind = {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} ({value!r})" if not isinstance(value, (list, dict)) else kind


def _check_severity_table(ck: _Checker, key: str, raw) -> dict:
    out = {}
    rules = registry()
    for code, level in ck.table(key, raw).items():
        if not _known(code, rules) or code.upper() == "ALL":
            ck.fail(f"{key}.{code}", "unknown rule code (expected a code or prefix such as T002 or T)")
        name_of = next((r.code for r in rules if r.name == code.strip().lower()), None)
        out[name_of or code.strip().upper()] = ck.severity(f"{key}.{code}", level)
    return out


def _check_per_file(ck: _Checker, key: str, raw) -> tuple:
    return tuple((Glob(pattern, ck.root), ck.codes(f"{key}.{pattern!r}", codes))
                 for pattern, codes in ck.table(key, raw).items())


def _check_locale(ck: _Checker, key: str, raw) -> str:
    if raw not in LOCALES:
        ck.fail(key, f"expected one of {', '.join(LOCALES)}, got {_show(raw)}")
    return raw


def _check_encoding(ck: _Checker, key: str, raw) -> str:
    import codecs

    if not isinstance(raw, str) or not raw.strip():
        ck.fail(key, f"expected the name of an encoding such as \"big5\" or \"gb18030\", got {_show(raw)}")
    try:
        codecs.lookup(raw.strip())
    except LookupError:
        ck.fail(key, f"unknown encoding {raw!r} (expected a name such as \"utf-8\", \"big5\" or \"gb18030\")")
    return raw.strip()


def _check_extend(ck: _Checker, key: str, raw) -> Path:
    if not isinstance(raw, str):
        ck.fail(key, f"expected the path of another config file, got {_show(raw)}")
    return ck.paths(key, raw, must_exist=False)[0]


# key → how to check it. Keys are kebab-case, as in ruff.
KEYS = {
    "glossary": lambda ck, k, v: ck.paths(k, v),
    "select": lambda ck, k, v: ck.codes(k, v),
    "extend-select": lambda ck, k, v: ck.codes(k, v),
    "ignore": lambda ck, k, v: ck.codes(k, v),
    "severity": _check_severity_table,
    "per-file-ignores": _check_per_file,
    "locale": _check_locale,
    "encoding": _check_encoding,
    "include": lambda ck, k, v: ck.globs(k, v),
    "exclude": lambda ck, k, v: ck.globs(k, v),
    "fail-on": lambda ck, k, v: ck.severity(k, v),
    "allow": lambda ck, k, v: ck.strings(k, v),
    "extend": _check_extend,
}


def check_values(raw: dict, source: str, root: Path, prefix: str = "") -> Layer:
    ck = _Checker(source, root, prefix)
    layer = Layer(source, root)
    for key, value in raw.items():
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"expected one of {', '.join(KEYS)}"
            ck.fail(key, f"unknown key ({hint})")
        layer.values[key] = KEYS[key](ck, key, value)
    return layer


def read_config_file(path: Path) -> Layer | None:
    """The mtqa settings in `path`, or None for a pyproject.toml without [tool.mtqa]."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), "", f"cannot read: {exc}") from None
    is_pyproject = path.name == "pyproject.toml"
    if is_pyproject:
        compact = "\n" + text.translate(_BLANKS_AND_QUOTES)
        if not any(spelling in compact for spelling in _TOOL_MTQA_SPELLINGS):
            return None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "", f"invalid TOML: {exc}") from None
    if is_pyproject:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "mtqa" not in tool:
            return None
        if not isinstance(tool["mtqa"], dict):
            raise ConfigError(str(path), "tool.mtqa", f"expected a table, got {_show(tool['mtqa'])}")
        return check_values(tool["mtqa"], str(path), path.parent, prefix="tool.mtqa.")
    return check_values(data, str(path), path.parent)


def load_chain(path: Path, read=read_config_file) -> list[Layer]:
    """The layers of the config file at `path`: what it extends first, itself last."""
    chain: list[Layer] = []
    seen: set[Path] = set()
    current: Path | None = absolute(path)
    while current is not None:
        # An error in the first file is its own; one in an extended file is the `extend` key's.
        source, key, where = (chain[0].source, "extend", f": {current}") if chain else (str(current), "", "")
        if current in seen:
            raise ConfigError(source, key, f"a cycle of `extend` comes back to {current}")
        seen.add(current)
        if not current.is_file():
            raise ConfigError(source, key, f"no such config file{where}")
        layer = read(current)
        if layer is None:
            raise ConfigError(source, key, f"no [tool.mtqa] table{where}")
        chain.insert(0, layer)
        current = layer.values.get("extend")
    return chain


def find_config(folder: Path, read=read_config_file) -> Path | None:
    """The config file that governs `folder`: the nearest one at or above it."""
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file() and (name != "pyproject.toml" or read(candidate) is not None):
                return candidate
    return None


# ----------------------------------------------------------------------------- settings

REPLACED = ("glossary", "locale", "encoding", "include", "fail-on")
COMBINED = ("exclude", "allow", "per-file-ignores")


class Settings:
    """The effective settings for the files under one config file (or none)."""

    def __init__(self, layers: list[Layer]):
        self.layers = layers
        self.values: dict = {}
        self.origins: dict = {}  # key → [source, ...]
        self.rule_layers: list = []  # [(select, extend-select, ignore)], oldest first
        self._rules: list | None = None
        self._severities: dict | None = None

    @classmethod
    def merge(cls, layers: list[Layer]) -> "Settings":
        s = cls(layers)
        severity: dict = {}
        for layer in layers:
            v = layer.values
            for key in REPLACED:
                if key in v:
                    s.values[key] = v[key]
                    s.origins[key] = [layer.source]
            for key in COMBINED:
                if key in v:
                    s.values[key] = s.values.get(key, ()) + tuple(v[key])
                    s.origins.setdefault(key, []).append(layer.source)
            if "severity" in v:
                severity.update(v["severity"])
                s.origins.setdefault("severity", []).append(layer.source)
            if any(k in v for k in ("select", "extend-select", "ignore")):
                s.rule_layers.append((v.get("select"), v.get("extend-select"), v.get("ignore")))
                s.origins.setdefault("rules", []).append(layer.source)
        s.values["severity"] = severity
        return s

    @property
    def config_files(self) -> list[str]:
        return [layer.source for layer in self.layers if layer.source != COMMAND_LINE]

    @property
    def glossary(self) -> tuple[Path, ...] | None:
        return self.values.get("glossary")

    @property
    def locale(self) -> str | None:
        return self.values.get("locale")

    @property
    def encoding(self) -> str | None:
        """The encoding every file is read in (None: detect it per file)."""
        return self.values.get("encoding")

    @property
    def fail_on(self) -> Severity:
        return self.values.get("fail-on", Severity.ERROR)

    @property
    def allow(self) -> tuple[str, ...]:
        return self.values.get("allow", ())

    def rules(self) -> list:
        if self._rules is None:
            self._rules = resolve_rules(self.rule_layers, registry())
        return self._rules

    def rules_for(self, path: Path) -> list:
        """The enabled rules for `path`, after `per-file-ignores`."""
        rules = self.rules()
        ignored = [codes for glob, codes in self.values.get("per-file-ignores", ()) if glob.matches(path)]
        if ignored:
            rules = [r for r in rules if not any(_matches(r, c) for codes in ignored for c in codes)]
        return rules

    def severities(self) -> dict[str, Severity]:
        """rule code → overridden severity; the longest matching code or prefix wins."""
        if self._severities is None:
            table = self.values["severity"]
            self._severities = {}
            for rule in registry() if table else ():
                keys = [k for k in table if rule.code.startswith(k)]
                if keys:
                    self._severities[rule.code] = table[max(keys, key=len)]
        return self._severities

    def excluded(self, path: Path) -> bool:
        return any(g.matches(path) for g in self.values.get("exclude", ()))

    def included(self, path: Path) -> bool:
        """Would a folder walk pick up `path`? (Files named on the command line always count.)"""
        globs = self.values.get("include")
        if globs is None:
            return path.suffix.lower() in _DEFAULT_SUFFIXES
        return any(g.matches(path, folders=False) for g in globs)

    def describe(self, path: Path | None = None) -> dict:
        """key → (value, sources): what `mtqa config` prints."""
        def src(key, default="default"):
            return self.origins.get(key) or [default]

        rules = self.rules_for(path) if path is not None else self.rules()
        include = self.values.get("include")
        return {
            "glossary": ([str(p) for p in self.glossary] if self.glossary else None,
                         src("glossary", "default: the nearest glossaries/ folder, else the bundled one")),
            "rules": ([r.code for r in rules], src("rules") + (["per-file-ignores"] if path is not None and
                                                                 len(rules) < len(self.rules()) else [])),
            "severity": ({k: v.value for k, v in self.values["severity"].items()}, src("severity")),
            "per-file-ignores": ({g.pattern: list(c) for g, c in self.values.get("per-file-ignores", ())},
                                 src("per-file-ignores")),
            "locale": (self.locale, src("locale")),
            "encoding": (self.encoding, src("encoding", "default: detected per file")),
            "include": ([g.pattern for g in include] if include is not None else list(DEFAULT_INCLUDE), src("include")),
            "exclude": ([g.pattern for g in self.values.get("exclude", ())], src("exclude")),
            "fail-on": (self.fail_on.value, src("fail-on")),
            "allow": (list(self.allow), src("allow")),
        }


class Resolver:
    """Settings for any file: its nearest config (cached per folder) merged with the command line."""

    def __init__(self, overrides: Layer | None = None, config: str | Path | None = None, isolated: bool = False):
        self.overrides = overrides
        self.isolated = isolated
        self._fixed: Settings | None = None
        self._by_folder: dict[Path, Path | None] = {}
        self._by_config: dict[Path | None, Settings] = {}
        self._files: dict[Path, Layer | None] = {}
        if config is not None:
            self._fixed = self._settings(load_chain(Path(config), self._read))
        elif isolated:
            self._fixed = self._settings([])

    def _read(self, path: Path) -> Layer | None:
        """read_config_file, once per file per run (discovery and loading both ask)."""
        if path not in self._files:
            self._files[path] = read_config_file(path)
        return self._files[path]

    def _settings(self, layers: list[Layer]) -> Settings:
        return Settings.merge(layers + ([self.overrides] if self.overrides else []))

    def config_for(self, folder: Path) -> Path | None:
        folder = absolute(folder)
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder, self._read)
        return self._by_folder[folder]

    def for_folder(self, folder: Path) -> Settings:
        if self._fixed is not None:
            return self._fixed
        cfg = self.config_for(folder)
        if cfg not in self._by_config:
            self._by_config[cfg] = self._settings(load_chain(cfg, self._read) if cfg else [])
        return self._by_config[cfg]

    def for_file(self, path: Path) -> Settings:
        return self.for_folder(path.parent)


def command_line_layer(*, glossary=None, select=None, extend_select=None, ignore=None, locale=None,
                       fail_on=None, encoding=None) -> Layer | None:
    """The options given on the command line, checked like a file's values (errors name the option)."""
    given = {"glossary": glossary, "select": select, "extend-select": extend_select, "ignore": ignore,
             "locale": locale, "fail-on": fail_on, "encoding": encoding}
    cwd = Path.cwd()
    ck = _Checker("", cwd, prefix="--")
    layer = Layer(COMMAND_LINE, cwd)
    for key, value in given.items():
        if value:
            layer.values[key] = KEYS[key](ck, key, list(value) if isinstance(value, tuple) else value)
    return layer if layer.values else None
