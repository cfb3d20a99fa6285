"""BLEU (zh), chrF, chrF++ and TER equal what the `sacrebleu` command prints for the same files."""
import re
import subprocess
import sys

import pytest

from conftest import DATA

SCORE = DATA / "score"
DOCS = ["001_meta.txt", "002_chips.txt"]


def sacrebleu_cli(ref, hyp, *args) -> list[float]:
    """Scores printed by `sacrebleu REF -i HYP ARGS -b -w 4`, in the order of -m."""
    r = subprocess.run([sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), *args, "-b", "-w", "4"],
                       capture_output=True, text=True, check=True)
    return [float(x) for x in re.findall(r"-?\d+\.\d+", r.stdout)]


def cli_scores(ref, hyp) -> dict[str, float]:
    """Our four metrics as the documented sacrebleu commands print them."""
    bleu, chrf, ter = sacrebleu_cli(ref, hyp, "-tok", "zh", "-m", "bleu", "chrf", "ter",
                                    "--ter-normalized", "--ter-asian-support")
    (chrfpp,) = sacrebleu_cli(ref, hyp, "-m", "chrf", "--chrf-word-order", "2")
    return {"bleu": bleu, "chrf": chrf, "chrf++": chrfpp, "ter": ter}


def ours(hyp_path, ref_path) -> dict[str, float]:
    from mtqa.score.metrics import corpus_scores
    from mtqa.score.pairing import read_segments

    scores = corpus_scores(read_segments(hyp_path), read_segments(ref_path))
    return {k: round(s.score, 4) for k, s in scores.items()}


@pytest.mark.parametrize("name", DOCS)
def test_document_scores_equal_the_sacrebleu_command(name):
    expected = cli_scores(SCORE / "ref" / name, SCORE / "hyp" / name)
    assert ours(SCORE / "hyp" / name, SCORE / "ref" / name) == expected
    assert 0 < expected["bleu"] < 100 and 0 < expected["ter"] < 100  # a real comparison, not a degenerate one


def test_corpus_scores_equal_sacrebleu_on_the_concatenated_documents(tmp_path):
    from mtqa.score.run import score_paths

    for side in ("hyp", "ref"):
        (tmp_path / f"{side}.txt").write_bytes(b"".join((SCORE / side / n).read_bytes() for n in DOCS))
    expected = cli_scores(tmp_path / "ref.txt", tmp_path / "hyp.txt")
    report = score_paths(SCORE / "hyp", SCORE / "ref", glossary=DATA / "mini.yaml")
    assert [d.name for d in report.documents] == DOCS
    assert {k: round(report.corpus.value(k), 4) for k in expected} == expected
    assert {k: round(report.documents[1].hyp.value(k), 4) for k in expected} == ours(
        SCORE / "hyp" / DOCS[1], SCORE / "ref" / DOCS[1])


RUNNER = ("import typer; from mtqa.cli_score import register; "
          "app = typer.Typer(); register(app); app(prog_name='mtqa')")


def run_score(*args):
    return subprocess.run([sys.executable, "-c", RUNNER, "score", *args], capture_output=True, text=True)


def test_the_cli_prints_the_numbers_sacrebleu_prints_at_the_same_width():
    from conftest import ROOT

    name = DOCS[0]
    r = run_score("--hyp", str(SCORE / "hyp" / name), "--ref", str(SCORE / "ref" / name),
                  "-g", str(DATA / "mini.yaml"), "--format", "csv")
    assert r.returncode == 0, r.stderr
    row = r.stdout.splitlines()[1].split(",")
    expected = cli_scores(SCORE / "ref" / name, SCORE / "hyp" / name)
    default_width = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(SCORE / "ref" / name), "-i", str(SCORE / "hyp" / name),
         "-tok", "zh", "-m", "bleu", "chrf", "ter", "--ter-normalized", "--ter-asian-support", "-b"],
        capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert re.findall(r"\d+\.\d", default_width) == row[3:5] + row[6:7]  # bleu, chrf, (chrf++), ter
    assert float(row[5]) == round(expected["chrf++"], 1)


def test_signatures_name_the_chinese_configuration():
    from mtqa.score.metrics import signatures

    sig = signatures()
    assert set(sig) == {"bleu", "chrf", "chrf++", "ter"}
    assert "tok:zh" in sig["bleu"] and "nrefs:1" in sig["bleu"]
    assert "nw:0" in sig["chrf"] and "nw:2" in sig["chrf++"]
    assert "norm:yes" in sig["ter"] and "asian:yes" in sig["ter"]
    import sacrebleu

    assert all(f"version:{sacrebleu.__version__}" in s for s in sig.values())


def test_zh_tokenizer_matters_for_unsegmented_chinese():
    """The reason for tok:zh — 13a sees a Chinese sentence as one word."""
    from sacrebleu.metrics import BLEU

    from mtqa.score.metrics import corpus_scores

    hyp = ["阿里的千问模型很强,杨立昆也这样认为。"]
    ref = ["阿里的通义千问模型很强,杨立昆也这样认为。"]
    ours_bleu = corpus_scores(hyp, ref)["bleu"].score
    default = BLEU().corpus_score(hyp, [ref]).score
    assert ours_bleu > 70 and default < 10


def test_identical_text_scores_perfectly_and_no_segment_gives_no_score():
    from mtqa.score.metrics import corpus_scores

    seg = ["亚历山大·王加入了Meta。", "营收为143亿美元。"]
    scores = corpus_scores(seg, seg)
    assert scores["bleu"].score == pytest.approx(100) and scores["ter"].score == 0
    assert scores["chrf"].score == pytest.approx(100) and scores["chrf++"].score == pytest.approx(100)
    assert corpus_scores([], []) is None
    with pytest.raises(ValueError):
        corpus_scores(seg, seg[:1])
