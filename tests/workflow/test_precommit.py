"""The pre-commit round trip with the real client, offline.

The hooks come from this repository's .pre-commit-hooks.yaml. Published, they say
`language: python` (pre-commit would pip-install mtqa from the network), so here each is
copied into a `repo: local` entry with `language: system` and its entry pointed at this
checkout's interpreter; everything else (args, file types) is used as published.
"""
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from workflow_helpers import BAD, MINI, write

HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_manifest_is_valid_for_pre_commit():
    from pre_commit.clientlib import load_manifest

    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) >= {"mtqa-lint", "mtqa-fix"}
    assert hooks["mtqa-lint"]["entry"] == "mtqa lint" and "--fix" in hooks["mtqa-fix"]["entry"]
    for hook in hooks.values():
        assert hook["types_or"] == ["markdown", "plain-text"] and hook["pass_filenames"]


def local_config(*ids: str) -> str:
    hooks = []
    for hook_id in ids:
        hook = dict(HOOKS[hook_id])
        hook["language"] = "system"
        hook["entry"] = hook["entry"].replace("mtqa", f"{sys.executable} -m mtqa", 1)
        hooks.append(hook)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, allow_unicode=True, sort_keys=False)


class Repo:
    """A git work tree and a way to run commands in it with the test's environment."""

    def __init__(self, path, env):
        self.path, self.env = path, env

    def __truediv__(self, other):
        return self.path / other

    def sh(self, *cmd, check=True):
        r = subprocess.run(cmd, cwd=self.path, env=self.env, capture_output=True, text=True)
        if check:
            assert r.returncode == 0, f"{cmd}:\n{r.stdout}\n{r.stderr}"
        return r


@pytest.fixture()
def repo(tmp_path):
    """A translators' repository: a glossary, a config, a bad article, git with an identity."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"),
               GIT_CONFIG_NOSYSTEM="1", PYTHONPATH=str(ROOT), NO_COLOR="1")
    (tmp_path / "gitconfig").write_text("")
    work = tmp_path / "articles"
    write(work / "glossaries" / "mini.yaml", MINI.read_text(encoding="utf-8"))
    write(work / "mtqa.toml", 'glossary = "glossaries"\nselect = ["T", "C001", "N001"]\n')
    write(work / "news" / "wang.md", BAD)
    write(work / "notes.rst", "王涛\n")  # not markdown or plain text: the hooks never see it

    repo = Repo(work, env)
    repo.sh("git", "init", "-q")
    repo.sh("git", "config", "user.name", "mtqa test")
    repo.sh("git", "config", "user.email", "mtqa-test@example.invalid")
    repo.sh("git", "config", "commit.gpgsign", "false")
    return repo


def commit(repo, message):
    repo.sh("git", "add", "-A")
    r = repo.sh("git", "commit", "-m", message, check=False)
    return r.returncode, r.stdout + r.stderr


def test_commit_is_refused_then_fixed_then_accepted(repo):
    assert shutil.which("git")
    write(repo / ".pre-commit-config.yaml", local_config("mtqa-lint"))
    repo.sh(sys.executable, "-m", "pre_commit", "install")

    code, output = commit(repo, "add an article")
    assert code != 0
    assert "mtqa lint" in output and "Failed" in output
    assert "news/wang.md:1:8: T001 [error] '王涛'" in output and "news/wang.md:2:4: T001 [error] '倩文'" in output
    assert "notes.rst" not in output
    assert repo.sh("git", "rev-parse", "--verify", "HEAD", check=False).returncode != 0  # nothing committed
    assert (repo / "news" / "wang.md").read_text(encoding="utf-8") == BAD  # lint changes nothing

    write(repo / ".pre-commit-config.yaml", local_config("mtqa-fix", "mtqa-lint"))
    code, output = commit(repo, "add an article")
    assert code != 0 and "files were modified by this hook" in output
    assert (repo / "news" / "wang.md").read_text(encoding="utf-8") == "Meta的新贵亚历山大·王加入了。\n阿里的通义千问模型。\n"

    code, output = commit(repo, "add an article")  # the fixed file, staged: every hook passes
    assert code == 0, output
    assert "mtqa fix" in output and "Passed" in output and "Failed" not in output
    log = repo.sh("git", "log", "--format=%s").stdout.split("\n")
    assert log[0] == "add an article"


def _readme_snippet() -> str:
    """The .pre-commit-config.yaml the README tells a user to write."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```yaml\n# .pre-commit-config.yaml of the translators' repository")
    return readme[start + len("```yaml\n"):readme.index("```", start + 7)]


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs this repository's git history")
def test_the_readme_snippet_works_against_a_clean_clone(repo, tmp_path):
    """The README's snippet, with the URL pointed at a clean clone of this repository and the
    revision found as the README says (`git ls-remote <url> HEAD`): pre-commit clones it,
    pip-installs mtqa from it into the hook's own environment (offline: the Python dependencies
    are the test environment's, through PYTHONPATH, maturin among them; the Rust crates come from
    cargo's cache, filled when the test environment was installed), and the hooks fix, then pass. Tests the last
    commit, which in CI (.ci/run, a fresh clone) is the code under test."""
    import glob
    import re
    import sysconfig

    remote = tmp_path / "mtqa-remote"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(remote)], check=True, env=repo.env)
    snippet = _readme_snippet()
    assert "git ls-remote <url> HEAD" in snippet and "https://<where mtqa is hosted>/mtqa" in snippet
    rev = repo.sh("git", "ls-remote", str(remote), "HEAD").stdout.split()[0]
    config = snippet.replace("https://<where mtqa is hosted>/mtqa", str(remote))
    config = re.sub(r"rev: \S+", f"rev: {rev}", config)
    write(repo / ".pre-commit-config.yaml", config)

    env = dict(repo.env, PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0", CARGO_NET_OFFLINE="true",
               PYTHONPATH=sysconfig.get_paths()["purelib"])  # not the source tree: mtqa must be the installed clone
    run = lambda: subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", "news/wang.md"],  # noqa: E731
                                 cwd=repo.path, env=env, capture_output=True, text=True)
    repo.sh("git", "add", "-A")
    first = run()
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (repo / "news" / "wang.md").read_text(encoding="utf-8") == "Meta的新贵亚历山大·王加入了。\n阿里的通义千问模型。\n"
    installed = glob.glob(str(tmp_path / "pre-commit-home" / "repo*" / "py_env-*" / "lib" / "python*" / "site-packages"
                              / "mtqa" / "__init__.py"))
    assert installed, "pre-commit did not install mtqa into the hook's environment"
    repo.sh("git", "add", "-A")
    second = run()
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Failed" not in second.stdout
