"""Coverage-guided fuzzing with atheris.

    python tests/fuzz/run_fuzz.py TARGET [-max_total_time=60] [libFuzzer flags…]

TARGET is one of targets.TARGETS. New interesting inputs are written to tests/fuzz/corpus/TARGET/
(keep the small ones: tests replay them). A crash stops the run and leaves crash-* beside it.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["mtqa"]):
        import mtqa.document, mtqa.glossary, mtqa.lint, mtqa.matcher, mtqa.rules  # noqa: F401,E401
        import targets

    name = sys.argv[1]
    target = targets.TARGETS[name]
    corpus = HERE / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], str(corpus), *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
