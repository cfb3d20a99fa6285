//! Where names stand in Chinese text: the candidate spans N002 and N003 read by sound
//! (Python: `mtqa/rules/name_spans.py`, which says what each kind of place is). Works on the
//! folded text; all offsets are code points. The cue words are data (`mtqa/data/name_cues.txt`).

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::lines::is_python_space;
use crate::text::Text;

pub const DOT: char = '·';
/// A bracketed Latin name after Chinese: `(yann lecun)`, `（Meta，` (the folded text is lower case).
const GLOSS_LATIN: &str = r"^[\s\x1c-\x1f]*([A-Za-z][A-Za-z.'’\- ]{0,39}?)[\s\x1c-\x1f]*[,，)）]";

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

pub type Span = (usize, usize);

/// A dotted name 名·(名·)姓: its span and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dotted {
    pub start: usize,
    pub end: usize,
    pub parts: Vec<String>,
}

pub struct NameSpans {
    markers: AhoCorasick,
    is_title: Vec<bool>,
    adverbs_1: HashSet<char>,
    adverbs_2: HashSet<(char, char)>,
    conjunctions: HashSet<char>,
    gloss: Regex,
}

impl NameSpans {
    /// `titles` (a name follows) and `cues` (a name precedes), folded, in the order an automaton of
    /// titles then cues is built in (the first listed of two equal words wins); adverbs of one or
    /// two characters that may stand between a name and its cue; conjunctions that join names.
    pub fn new(titles: &[String], cues: &[String], adverbs: &[String], conjunctions: &str) -> Result<Self, String> {
        let words: Vec<&String> = titles.iter().chain(cues).collect();
        let markers = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .map_err(|e| e.to_string())?;
        let mut adverbs_1 = HashSet::new();
        let mut adverbs_2 = HashSet::new();
        for a in adverbs {
            let cs: Vec<char> = a.chars().collect();
            match cs.len() {
                1 => {
                    adverbs_1.insert(cs[0]);
                }
                2 => {
                    adverbs_2.insert((cs[0], cs[1]));
                }
                _ => return Err(format!("an adverb has one or two characters, not {a:?}")),
            }
        }
        Ok(NameSpans {
            markers,
            is_title: titles.iter().map(|_| true).chain(cues.iter().map(|_| false)).collect(),
            adverbs_1,
            adverbs_2,
            conjunctions: conjunctions.chars().collect(),
            gloss: Regex::new(GLOSS_LATIN).map_err(|e| e.to_string())?,
        })
    }

    /// Groups of alternative spans where one name may stand, longest first, in the order of the
    /// Python implementation: after titles and before cues (in text order), before a bracketed
    /// Latin name, speaker labels, then dotted names (the full names, then the surname alone).
    pub fn candidate_groups(&self, folded: &str) -> Vec<Vec<Span>> {
        let t = Text::new(folded);
        let n = t.len();
        let c = &t.chars;
        let mut groups = Vec::new();
        for m in self.markers.find_iter(folded) {
            let (start, end) = (t.char_at_byte(m.start()), t.char_at_byte(m.end()));
            if self.is_title[m.pattern().as_usize()] {
                let s = if end < n && c[end] == ' ' { end + 1 } else { end };
                let e = s + run_after(c, s, 6, is_han);
                if e - s >= 2 {
                    groups.push((2..=e - s).rev().map(|k| (s, s + k)).collect());
                }
            } else {
                let mut e = start;
                for _ in 0..2 {
                    if e > 1 && self.adverbs_2.contains(&(c[e - 2], c[e - 1])) {
                        e -= 2;
                    } else if e > 0 && self.adverbs_1.contains(&c[e - 1]) {
                        e -= 1;
                    }
                }
                let s = e - run_before(c, e, 8, is_han);
                if e - s >= 2 {
                    groups.push((2..=e - s).rev().map(|k| (e - k, e)).collect());
                    for i in 2..e - s {
                        if self.conjunctions.contains(&c[s + i]) {
                            groups.push((2..=i).rev().map(|k| (s + i - k, s + i)).collect());
                        }
                    }
                }
            }
        }
        for (s, e, _) in self.glossed_in(&t) {
            groups.push((2..=e - s).rev().map(|k| (e - k, e)).collect());
        }
        for (s, e) in speaker_labels(&t) {
            groups.push((2..=e - s).rev().map(|k| (e - k, e)).collect());
        }
        for d in dotted_in(&t) {
            let first = d.parts[0].chars().count();
            let last = d.parts[d.parts.len() - 1].chars().count();
            let first_end = d.start + first;
            let last_start = d.end - last;
            let mut full: Vec<Span> = Vec::new();
            for g in (1..=first.min(6)).rev() {
                for k in (1..=last.min(8)).rev() {
                    full.push((first_end - g, last_start + k));
                }
            }
            full.sort_by_key(|&(s, e)| std::cmp::Reverse(e - s)); // stable: longest first
            groups.push(full);
            groups.push((2..=last.min(8)).rev().map(|k| (last_start, last_start + k)).collect());
        }
        groups
    }

    /// (start, end, latin) of every Chinese run (up to 12 characters, dots allowed) right before a
    /// bracketed Latin name: 杨立昆(yann lecun).
    pub fn glossed(&self, folded: &str) -> Vec<(usize, usize, String)> {
        self.glossed_in(&Text::new(folded))
    }

    fn glossed_in(&self, t: &Text) -> Vec<(usize, usize, String)> {
        let c = &t.chars;
        let mut out = Vec::new();
        for bracket in ['(', '（'] {
            for i in (0..t.len()).filter(|&i| c[i] == bracket) {
                let Some(m) = self.gloss.captures(&t.str[t.byte(i + 1)..]) else { continue };
                let mut e = i;
                while e > 0 && c[e - 1] == ' ' {
                    e -= 1;
                }
                let s = e - run_before(c, e, 12, |ch| is_han(ch) || ch == DOT);
                if e - s >= 2 {
                    out.push((s, e, m[1].trim_matches(is_python_space).to_string()));
                }
            }
        }
        out
    }

    /// Every dotted name 名·(名·)姓 of the folded text.
    pub fn dotted_names(&self, folded: &str) -> Vec<Dotted> {
        dotted_in(&Text::new(folded))
    }
}

/// How many characters from `at` on satisfy `keep`, at most `max`.
fn run_after(c: &[char], at: usize, max: usize, keep: impl Fn(char) -> bool) -> usize {
    c.get(at..).map_or(0, |rest| rest.iter().take(max).take_while(|&&x| keep(x)).count())
}

/// How many characters right before `at` satisfy `keep`, at most `max`.
fn run_before(c: &[char], at: usize, max: usize, keep: impl Fn(char) -> bool) -> usize {
    c[..at].iter().rev().take(max).take_while(|&&x| keep(x)).count()
}

/// A speaker's name opening a line of a transcript, before a colon: 兰伯特：, 马克·扎克伯格:
fn speaker_labels(t: &Text) -> Vec<Span> {
    let c = &t.chars;
    let mut out = Vec::new();
    for colon in ['：', ':'] {
        for i in (0..t.len()).filter(|&i| c[i] == colon) {
            let line_start = t.rfind(&['\n'], 0, i).map_or(0, |p| p + 1);
            if i - line_start > 16 {
                continue;
            }
            let strip = |ch: &char| matches!(ch, ' ' | '\t' | '\u{3000}');
            let raw = &c[line_start..i];
            let lead = raw.iter().take_while(|ch| strip(ch)).count();
            let trail = raw[lead..].iter().rev().take_while(|ch| strip(ch)).count();
            let label = &raw[lead..raw.len() - trail];
            if (2..=12).contains(&label.len()) && label.iter().all(|&ch| is_han(ch) || ch == DOT) {
                if let Some(p) = t.rfind(label, line_start, i + 1) {
                    out.push((p, p + label.len()));
                }
            }
        }
    }
    out
}

fn dotted_in(t: &Text) -> Vec<Dotted> {
    let c = &t.chars;
    let n = t.len();
    let mut out = Vec::new();
    let mut i = match c.iter().position(|&x| x == DOT) {
        Some(p) => p,
        None => return out,
    };
    loop {
        let s = i - run_before(c, i, 8, is_han);
        let mut e = i;
        loop {
            let j = e + 1 + run_after(c, e + 1, 10, |ch| is_han(ch) || ch == '-');
            if j == e + 1 {
                break;
            }
            e = j;
            if e < n && c[e] == DOT {
                continue;
            }
            break;
        }
        if s < i && e > i + 1 {
            let name: String = c[s..e].iter().collect();
            out.push(Dotted { start: s, end: e, parts: name.split(DOT).map(str::to_string).collect() });
        }
        let from = e.max(i + 1);
        match c.get(from..).and_then(|rest| rest.iter().position(|&x| x == DOT)) {
            Some(p) => i = from + p,
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans() -> NameSpans {
        let s = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        NameSpans::new(&s(&["首席科学家", "ceo"]), &s(&["表示", "说"]), &s(&["又", "随后"]), "和与及、").unwrap()
    }

    #[test]
    fn after_a_title_and_before_a_cue() {
        let g = spans().candidate_groups("首席科学家杨立昆表示");
        assert_eq!(g[0], vec![(5, 10), (5, 9), (5, 8), (5, 7)]); // up to six characters after the title
        assert_eq!(g[1], vec![(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (6, 8)]); // up to eight before the cue
        let g = spans().candidate_groups("ceo 王涛随后又说");
        assert_eq!(g[0][0], (4, 10)); // a space after a Latin title is skipped
        assert!(g.contains(&vec![(4, 6)])); // two adverbs between the name and the cue
    }

    #[test]
    fn names_joined_by_a_conjunction_share_the_cue() {
        let g = spans().candidate_groups("汪涛和弗里德曼表示");
        assert_eq!(g[0][0], (0, 7));
        assert_eq!(g[1], vec![(0, 2)]);
    }

    #[test]
    fn glosses_speakers_and_dotted_names() {
        let n = spans();
        assert_eq!(n.glossed("杨立昆 (yann lecun)说"), vec![(0, 3, "yann lecun".to_string())]);
        assert_eq!(n.glossed("杨(yann)"), vec![]); // one character is no name
        assert_eq!(n.dotted_names("据亚历山大·王和·x"),
                   vec![Dotted { start: 0, end: 8, parts: vec!["据亚历山大".into(), "王和".into()] }]);
        let g = n.candidate_groups("主持人：\n兰伯特：你好");
        assert!(g.contains(&vec![(0, 3), (1, 3)]) && g.contains(&vec![(5, 8), (6, 8)]));
    }
}
