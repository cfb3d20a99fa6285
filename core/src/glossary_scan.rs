//! The glossary scan: one leftmost-longest automaton over every folded glossary form, and the
//! per-hit work that decides which raw matches rules may report on (mtqa/matcher.py `scan`).
//!
//! Python builds the per-pattern rows once per glossary (`Matcher._core_rows`, cached with the
//! matcher) and keeps what needs the glossary's objects: the slow path (exceptions, context cues,
//! short forms that must stand as words), `Hit` objects for the selected matches, mentions, glosses. What is decided
//! here, for every raw match and without a Python object each:
//! - which patterns need the slow path (`fast` is false);
//! - which concepts the text shows in two renderings, so that their preferred-form hits count;
//! - Latin word boundaries (`Qwen` in `Qwen3` is none), a thing's name inside a person's dotted
//!   name (克劳德·香农 is no Claude), and matches inside URLs;
//! - the accepted Latin spans N001 and N006 skip, and the accepted-form spans other rules skip.
//!
//! Offsets are code points, as Python counts them.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::Text;

/// Region bits of `Pattern::regions` (the concept has a preferred form for that region).
pub const ZH_CN: u8 = 1;
pub const ZH_TW: u8 = 2;
pub const ZH_HK: u8 = 4;

/// What the scan needs to know of one pattern (one folded form) of the automaton.
#[derive(Clone, Debug, Default)]
pub struct Pattern {
    /// One plain term (no exceptions, context, other meanings): decided here, not in Python.
    pub fast: bool,
    /// Always worth reporting (not a preferred form, or a regional one).
    pub loud: bool,
    /// The form starts (ends) with a Latin word character: a boundary is needed there.
    pub latin_start: bool,
    pub latin_end: bool,
    /// Its concept is no person: never one part of a dotted personal name.
    pub thing: bool,
    /// An accepted Latin form (its spans are N001's and N006's to skip).
    pub accepted_latin: bool,
    /// Regions (bits) with a preferred form of its concept; whether it is a regional form itself.
    pub regions: u8,
    pub regional: bool,
    /// (concept, rendering key) of every term it stands for, acronyms aside.
    pub rendering: Vec<(u32, u32)>,
    /// Concepts it stands for (exceptions aside), concepts of its explicit terms, and concepts of
    /// which it is an accepted term.
    pub concepts: Vec<u32>,
    pub explicit: Vec<u32>,
    pub accepted: Vec<u32>,
}

pub struct GlossaryScanner {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    dots: Vec<char>, // every spelling of the middle dot (mtqa/normalize.py MIDDLE_DOTS)
}

/// A raw match: pattern index and code-point span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub pid: u32,
    pub start: u32,
    pub end: u32,
}

/// A hit the slow path kept: its concept, rendering key, and whether it is an acronym.
#[derive(Clone, Copy, Debug)]
pub struct SlowHit {
    pub concept: u32,
    pub key: u32,
    pub short: bool,
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

impl GlossaryScanner {
    pub fn new(keys: &[String], patterns: Vec<Pattern>, dots: &str) -> Result<Self, String> {
        if keys.len() != patterns.len() {
            return Err(format!("{} keys but {} pattern tables", keys.len(), patterns.len()));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // (A DFA scans faster but took 10 ms to build for the bundled glossary: a commit hook's
            // start-up pays for the build, and scans one file.)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(keys)
            .map_err(|e| e.to_string())?;
        Ok(GlossaryScanner { automaton, patterns, dots: dots.chars().collect() })
    }

    pub fn pattern(&self, pid: u32) -> &Pattern {
        &self.patterns[pid as usize]
    }

    /// Every leftmost-longest match of the folded text, in order (they do not overlap).
    pub fn find(&self, folded: &Text) -> Vec<Match> {
        self.automaton
            .find_iter(folded.str)
            .map(|m| Match {
                pid: m.pattern().as_u32(),
                start: folded.char_at_byte(m.start()) as u32,
                end: folded.char_at_byte(m.end()) as u32,
            })
            .collect()
    }

    /// The matches of fast patterns rules may report on, in order: with `all_hits` every one, else
    /// a preferred form only when its concept shows in two renderings (the slow path's hits count
    /// too), has a form to report, or has a form of the region `locale` asks for (with no locale,
    /// of any region, once the text writes a regional form). Then the boundary checks: Latin word
    /// edges (in the original text: a full-width letter is no word character), a thing's name
    /// next to a middle dot inside a dotted name, and matches inside `urls` (sorted, disjoint).
    pub fn select(&self, matches: &[Match], text: &[char], slow: &[SlowHit], all_hits: bool,
                  locale: u8, urls: &[(u32, u32)]) -> Vec<Match> {
        let keep: Box<dyn Fn(u32) -> bool> = if all_hits {
            Box::new(|pid| self.patterns[pid as usize].fast)
        } else {
            let mut present: Vec<u32> = matches.iter().map(|m| m.pid).collect();
            present.sort_unstable();
            present.dedup();
            let mut first: FxHashMap<u32, u32> = FxHashMap::default();
            let mut multi: FxHashSet<u32> = FxHashSet::default();
            let fast_present: Vec<u32> = present.iter().copied().filter(|&p| self.patterns[p as usize].fast).collect();
            let mut note = |concept: u32, key: u32, multi: &mut FxHashSet<u32>| {
                if *first.entry(concept).or_insert(key) != key {
                    multi.insert(concept);
                }
            };
            for &pid in &fast_present {
                for &(concept, key) in &self.patterns[pid as usize].rendering {
                    note(concept, key, &mut multi);
                }
            }
            for h in slow {
                if !h.short {
                    note(h.concept, h.key, &mut multi);
                }
            }
            for &pid in &fast_present {
                let p = &self.patterns[pid as usize];
                if p.loud {
                    multi.extend(p.concepts.iter().copied());
                }
            }
            multi.extend(slow.iter().map(|h| h.concept));
            let mut kept: FxHashSet<u32> = fast_present
                .iter()
                .copied()
                .filter(|&pid| {
                    let p = &self.patterns[pid as usize];
                    p.loud || p.concepts.iter().any(|c| multi.contains(c))
                })
                .collect();
            if locale == ZH_TW || locale == ZH_HK {
                kept.extend(fast_present.iter().copied().filter(|&p| self.patterns[p as usize].regions & locale != 0));
            } else if locale == 0 && present.iter().any(|&p| self.patterns[p as usize].regional) {
                kept.extend(fast_present.iter().copied().filter(|&p| self.patterns[p as usize].regions != 0));
            }
            Box::new(move |pid| kept.contains(&pid))
        };
        let n = text.len();
        matches
            .iter()
            .copied()
            .filter(|m| keep(m.pid))
            .filter(|m| {
                let p = &self.patterns[m.pid as usize];
                let (s, e) = (m.start as usize, m.end as usize);
                if p.latin_start && s > 0 && is_word(text[s - 1]) {
                    return false;
                }
                if p.latin_end && e < n && is_word(text[e]) {
                    return false;
                }
                let dots = &self.dots;
                let dot_next = (e < n && dots.contains(&text[e])) || (s > 0 && dots.contains(&text[s - 1]));
                !(dot_next && !p.latin_start && p.thing && in_dotted_name(text, s, e, dots))
            })
            .filter(|m| !inside(urls, m.start, m.end))
            .collect()
    }

    /// The accepted Latin matches on Latin word boundaries (checked in the original text) outside `urls`.
    pub fn latin(&self, matches: &[Match], text: &[char], urls: &[(u32, u32)]) -> Vec<Match> {
        let n = text.len();
        matches
            .iter()
            .copied()
            .filter(|m| {
                let (s, e) = (m.start as usize, m.end as usize);
                self.patterns[m.pid as usize].accepted_latin
                    && !(s > 0 && is_word(text[s - 1]) && is_word(text[s]))
                    && !(e < n && is_word(text[e]) && is_word(text[e - 1]))
            })
            .filter(|m| !inside(urls, m.start, m.end))
            .collect()
    }

    /// Is an accepted form of a concept other than `concept` within `window` characters of
    /// [start, end) (the span itself aside)?
    pub fn near_other(&self, matches: &[Match], start: u32, end: u32, concept: u32, window: u32) -> bool {
        let lo = start as i64 - window as i64;
        let hi = end as i64 + window as i64;
        let first = matches.partition_point(|m| (m.end as i64) <= lo);
        for m in &matches[first..] {
            if m.start as i64 >= hi {
                break;
            }
            if (m.end as i64) <= lo || (m.start == start && m.end == end) {
                continue;
            }
            if self.patterns[m.pid as usize].accepted.iter().any(|&c| c != concept) {
                return true;
            }
        }
        false
    }
}

/// Is text[start..end] one part of a dotted personal name (克劳德·香农, 约翰·克劳德)?
fn in_dotted_name(text: &[char], start: usize, end: usize, dots: &[char]) -> bool {
    let n = text.len();
    let after = end + 1 < n && dots.contains(&text[end]) && is_han(text[end + 1]);
    let before = start >= 2 && dots.contains(&text[start - 1]) && is_han(text[start - 2]);
    after || before
}

/// Whether [start, end) lies inside one of the sorted, disjoint `spans`.
pub fn inside(spans: &[(u32, u32)], start: u32, end: u32) -> bool {
    if spans.is_empty() {
        return false;
    }
    let i = spans.partition_point(|&(s, _)| s <= start);
    i > 0 && spans[i - 1].0 <= start && end <= spans[i - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(fast: bool, loud: bool, concept: u32, key: u32) -> Pattern {
        Pattern { fast, loud, rendering: vec![(concept, key)], concepts: vec![concept], explicit: vec![concept],
                  accepted: if loud { vec![] } else { vec![concept] }, ..Default::default() }
    }

    fn scanner(keys: &[&str], patterns: Vec<Pattern>) -> GlossaryScanner {
        GlossaryScanner::new(&keys.iter().map(|k| k.to_string()).collect::<Vec<_>>(), patterns, "·・•‧･．⋅∙").unwrap()
    }

    fn run(s: &GlossaryScanner, text: &str, slow: &[SlowHit], all: bool) -> Vec<(u32, u32, u32)> {
        let t = Text::new(text);
        let matches = s.find(&t);
        s.select(&matches, &t.chars, slow, all, 0, &[]).iter().map(|m| (m.pid, m.start, m.end)).collect()
    }

    #[test]
    fn leftmost_longest_in_code_points() {
        let s = scanner(&["王", "亚历山大·王", "元", "元宇宙"], (0..4).map(|i| pattern(true, true, i, i)).collect());
        let t = Text::new("𠮷亚历山大·王和元宇宙、元");
        let found: Vec<_> = s.find(&t).iter().map(|m| (m.pid, m.start, m.end)).collect();
        assert_eq!(found, vec![(1, 1, 7), (3, 8, 11), (2, 12, 13)]);
    }

    #[test]
    fn a_preferred_form_counts_only_beside_another_rendering() {
        // 0: preferred 杨立昆, 1: preferred Yann LeCun (same concept, another key), 2: a preferred form alone
        let s = scanner(&["杨立昆", "yann lecun", "英伟达"],
                        vec![pattern(true, false, 0, 0), pattern(true, false, 0, 1), pattern(true, false, 1, 2)]);
        assert_eq!(run(&s, "杨立昆说英伟达", &[], false), vec![]);
        assert_eq!(run(&s, "杨立昆(yann lecun)说英伟达", &[], false), vec![(0, 0, 3), (1, 4, 14)]);
        assert_eq!(run(&s, "杨立昆说英伟达", &[], true).len(), 2);
        // a slow-path hit of the concept under another key makes it two renderings
        assert_eq!(run(&s, "杨立昆说", &[SlowHit { concept: 0, key: 9, short: false }], false), vec![(0, 0, 3)]);
        // an acronym does not
        assert_eq!(run(&s, "杨立昆说", &[SlowHit { concept: 0, key: 9, short: true }], false).len(), 1);
    }

    #[test]
    fn latin_edges_dotted_names_and_urls() {
        let mut qwen = pattern(true, true, 0, 0);
        qwen.latin_start = true;
        qwen.latin_end = true;
        qwen.accepted_latin = true;
        let mut claude = pattern(true, true, 1, 1);
        claude.thing = true;
        let s = scanner(&["qwen", "克劳德"], vec![qwen, claude]);
        assert_eq!(run(&s, "qwen3和qwen", &[], false), vec![(0, 6, 10)]);
        // the original text decides: a full-width letter after the match is no Latin word character
        let t = Text::new("qwenＡ");
        let m = s.find(&Text::new("qwena"));
        assert_eq!(s.select(&m, &t.chars, &[], false, 0, &[]).len(), 1);
        assert_eq!(run(&s, "克劳德·香农和克劳德", &[], false), vec![(1, 7, 10)]);
        let t = Text::new("见 qwen 和 http://qwen");
        let m = s.find(&t);
        assert_eq!(s.select(&m, &t.chars, &[], false, 0, &[(9, 20)]).len(), 1);
        assert_eq!(s.latin(&m, &t.chars, &[(9, 20)]).len(), 1);
    }

    #[test]
    fn another_name_nearby() {
        let s = scanner(&["羊驼", "meta"], vec![pattern(false, true, 0, 0), pattern(true, false, 1, 1)]);
        let t = Text::new("meta的羊驼模型");
        let m = s.find(&t);
        assert!(s.near_other(&m, 5, 7, 0, 10));
        assert!(!s.near_other(&m, 5, 7, 1, 10));
        assert!(!s.near_other(&m, 5, 7, 0, 0));
    }

    #[test]
    fn inside_spans() {
        assert!(inside(&[(2, 5), (8, 9)], 2, 5));
        assert!(!inside(&[(2, 5)], 1, 3));
        assert!(!inside(&[], 1, 3));
    }
}
