"""mtqa.words: the segmenter mtqa uses at lint time cuts as jieba does, and data/words.txt is in it."""
from __future__ import annotations

from conftest import DATA, SEEDS


def test_the_lint_time_segmenter_cuts_news_as_jieba_does():
    import logging

    import jieba

    from mtqa.words import lexicon, tokenizer

    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.initialize()
    for word, freq in lexicon():
        reference.add_word(word, freq)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + sorted(DATA.glob("annotated*/*.txt"))]
    windows = [t[i:i + 18] for t in texts for i in range(0, max(1, len(t) - 18), 11)]
    assert len(windows) > 5000
    differ = [w for w in windows if tokenizer().cut(w, False) != list(reference.cut(w, HMM=False))]
    assert differ == []
    assert "元宇宙" in tokenizer().cut("Meta在元宇宙上押注多年", False)  # a word of data/words.txt
