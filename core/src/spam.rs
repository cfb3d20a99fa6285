//! The line scan of A004 (spam and SEO injections): for each line, which spam words it holds and
//! how many `|`-separated keywords it lists. The verdict (how many make spam) is the rule's, in
//! Python (`mtqa/rules/artefacts_scrape.py`); the word lists are data (`mtqa/data/spam_words.txt`).

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::lines::{is_python_space, lines};

/// A keyword of a `|`-separated list: up to 8 characters that are neither a bar nor a space, then
/// the bar (Python: `[^|｜\s]{1,8}\s*[|｜]`, with `\s` as Python's `str.isspace`).
const LIST_ITEM: &str = r"[^|｜\s\x1c-\x1f]{1,8}[\s\x1c-\x1f]*[|｜]";

/// What one line holds: pattern indexes of the strong and weak words found (each once, in order
/// of first appearance), and the count of list keywords. Offsets are code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpamLine {
    pub start: usize,
    pub end: usize,
    pub next: usize,
    pub strong: Vec<usize>,
    pub weak: Vec<usize>,
    pub items: usize,
}

pub struct SpamScanner {
    strong: AhoCorasick,
    weak: AhoCorasick,
    list_item: Regex,
}

impl SpamScanner {
    /// Word lists are matched as a regular expression alternation of them would be: leftmost,
    /// the first listed word winning at a position, matches not overlapping.
    pub fn new(strong: &[String], weak: &[String]) -> Result<Self, String> {
        let build = |words: &[String]| {
            AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(words).map_err(|e| e.to_string())
        };
        Ok(SpamScanner {
            strong: build(strong)?,
            weak: build(weak)?,
            list_item: Regex::new(LIST_ITEM).map_err(|e| e.to_string())?,
        })
    }

    /// Whether `text` holds a strong spam word anywhere (a document without one, and without a
    /// bar, has no spam line).
    pub fn any_strong(&self, text: &str) -> bool {
        self.strong.is_match(text)
    }

    /// The non-blank lines of `text` that hold a strong word or list a keyword. Words are looked
    /// for in the lines of `words_in` (the text in Simplified; `text` itself when None), which
    /// must have as many lines as `text`; list keywords in `text`.
    pub fn scan(&self, text: &str, words_in: Option<&str>) -> Result<Vec<SpamLine>, String> {
        let lines_of_text = lines(text);
        let word_lines: Vec<&str> = match words_in {
            Some(other) => {
                let got: Vec<&str> = lines(other).into_iter().map(|l| l.text).collect();
                if got.len() != lines_of_text.len() {
                    return Err(format!("the Simplified text has {} lines, the text {}", got.len(), lines_of_text.len()));
                }
                got
            }
            None => lines_of_text.iter().map(|l| l.text).collect(),
        };
        let mut out = Vec::new();
        for (line, words) in lines_of_text.iter().zip(word_lines) {
            if line.text.chars().all(is_python_space) {
                continue;
            }
            let strong = distinct(&self.strong, words);
            let bars = line.text.contains('|') || line.text.contains('｜');
            let items = if bars { self.list_item.find_iter(line.text).count() } else { 0 };
            if strong.is_empty() && items == 0 {
                continue; // no verdict can make it spam
            }
            let weak = distinct(&self.weak, words);
            out.push(SpamLine { start: line.start, end: line.end, next: line.next, strong, weak, items });
        }
        Ok(out)
    }
}

fn distinct(automaton: &AhoCorasick, text: &str) -> Vec<usize> {
    let mut seen = Vec::new();
    for m in automaton.find_iter(text) {
        let id = m.pattern().as_usize();
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> SpamScanner {
        let s = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        SpamScanner::new(&s(&["国产精品", "精品国产", "在线观看", "博彩"]), &s(&["精品", "免费", "视频"])).unwrap()
    }

    #[test]
    fn words_and_list_items_per_line_with_code_point_offsets() {
        let got = scanner().scan("正文第一段。\n免费视频在线观看博彩\n首页|新闻|体育|\n", None).unwrap();
        assert_eq!(got, vec![
            SpamLine { start: 7, end: 17, next: 18, strong: vec![2, 3], weak: vec![1, 2], items: 0 },
            SpamLine { start: 18, end: 27, next: 28, strong: vec![], weak: vec![], items: 3 },
        ]);
    }

    #[test]
    fn alternation_semantics_leftmost_first_no_overlaps() {
        // 国产精品国产: 国产精品 first (listed first), then 国产 alone is no word
        let got = scanner().scan("国产精品国产在线观看", None).unwrap();
        assert_eq!(got[0].strong, vec![0, 2]);
        assert_eq!(got[0].weak, vec![0]); // 精品 once, inside 国产精品
    }

    #[test]
    fn blank_lines_and_clean_text_give_nothing() {
        assert!(scanner().scan("\u{3000}\u{1f}\n新闻正文\n", None).unwrap().is_empty());
    }

    #[test]
    fn words_come_from_the_simplified_lines() {
        let got = scanner().scan("線上觀看博彩\n", Some("线上观看博彩\n")).unwrap();
        assert_eq!(got[0].strong, vec![3]);
        assert!(scanner().scan("a\nb", Some("a")).is_err());
    }
}
