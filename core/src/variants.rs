//! Strings one character off a name the text writes (阿尔特曼 beside 奥尔特曼, 英维达 beside 英伟达):
//! the candidates of N002 and N003 that do not stand where names stand. Python:
//! `mtqa/rules/name_spans.py` (`one_char_variants`), which explains each condition.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use crate::name_spans::is_han;

pub struct Variants {
    after_name: HashSet<char>,  // may follow a name: function words, time words, verbs
    cue_starts: HashSet<char>,  // first characters of the cues that follow a name (表示, 说)
    translit: HashSet<char>,    // characters of transliterated names
}

/// Entries looked up by a pair of characters: a bitmap of first characters turns away most
/// positions of a text before any hashing.
#[derive(Default)]
struct PairIndex {
    firsts: Vec<u64>,
    map: FxHashMap<u64, Vec<(usize, usize, usize, usize)>>,
}

fn pair(a: char, b: char) -> u64 {
    ((a as u64) << 32) | b as u64
}

impl PairIndex {
    fn add(&mut self, a: char, b: char, entry: (usize, usize, usize, usize)) {
        let bit = a as usize;
        if self.firsts.len() <= bit / 64 {
            self.firsts.resize(bit / 64 + 1, 0);
        }
        self.firsts[bit / 64] |= 1 << (bit % 64);
        self.map.entry(pair(a, b)).or_default().push(entry);
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    fn get(&self, a: char, b: char) -> &[(usize, usize, usize, usize)] {
        let bit = a as usize;
        if bit / 64 >= self.firsts.len() || self.firsts[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        self.map.get(&pair(a, b)).map_or(&[][..], |v| v.as_slice())
    }
}

/// Spans asked about by bisection, as `rules.textutil.SpanSet` does.
pub struct Focus {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Focus {
    pub fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort();
        let mut reach = Vec::with_capacity(spans.len());
        let mut furthest = 0;
        for &(_, e) in &spans {
            furthest = furthest.max(e);
            reach.push(furthest);
        }
        Focus { starts: spans.iter().map(|&(s, _)| s).collect(), reach }
    }

    /// Whether some span shares a character with [start, end).
    pub fn meets(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| s < end);
        i > 0 && self.reach[i - 1] > start
    }
}

impl Variants {
    pub fn new(after_name: &str, cue_starts: &str, translit: &str) -> Self {
        Variants {
            after_name: after_name.chars().collect(),
            cue_starts: cue_starts.chars().collect(),
            translit: translit.chars().collect(),
        }
    }

    /// (variant, name) for every string of `folded` that differs from one of `names` (three
    /// characters or more) in exactly one Chinese character, in the order found: by where the
    /// part kept of the name starts (the two outer characters of a three-character name last);
    /// for a variant of two names, the first so found. Only places meeting `focus`, if given.
    pub fn one_char_variants(&self, folded: &str, names: &[String], focus: Option<&Focus>) -> Vec<(String, String)> {
        let c: Vec<char> = folded.chars().collect();
        let n = c.len();
        let named: Vec<Vec<char>> = names.iter().map(|x| x.chars().collect()).collect();
        let known: HashSet<&[char]> = named.iter().map(|x| x.as_slice()).collect();
        // Each name is found by the part left or right of its changed character (the longer, two
        // characters or more), looked up by its first two characters at every position of the text.
        let mut anchors = PairIndex::default();
        let mut middles: Vec<usize> = Vec::new();
        for (k, name) in named.iter().enumerate() {
            if name.len() < 3 {
                continue;
            }
            for i in 0..name.len() {
                let (left, right) = (&name[..i], &name[i + 1..]);
                let (anchor, offset) = if left.len() >= right.len() { (left, 0) } else { (right, i + 1) };
                if anchor.len() >= 2 {
                    anchors.add(anchor[0], anchor[1], (k, i, offset, anchor.len()));
                }
            }
            if name.len() == 3 {
                middles.push(k); // its middle has one character on each side: no anchor of two
            }
        }
        if anchors.is_empty() {
            return Vec::new();
        }
        // (name, changed position, anchor offset, where the anchor starts), by position
        let mut matches: Vec<(usize, usize, usize, usize)> = Vec::new();
        for p in 0..n.saturating_sub(1) {
            for &(k, i, offset, len) in anchors.get(c[p], c[p + 1]) {
                let anchor = if offset == 0 { &named[k][..i] } else { &named[k][offset..] };
                if p + len <= n && c[p..p + len] == *anchor {
                    matches.push((k, i, offset, p));
                }
            }
        }
        if !middles.is_empty() {
            // the two outer characters with one between (英维达 for 英伟达)
            let mut by_ends = PairIndex::default();
            for &k in &middles {
                by_ends.add(named[k][0], named[k][2], (k, 1, 0, 0));
            }
            for i in 0..n.saturating_sub(2) {
                for &(k, _, _, _) in by_ends.get(c[i], c[i + 2]) {
                    if c[i + 1] != named[k][1] && is_han(c[i + 1]) {
                        matches.push((k, 1, 0, i));
                    }
                }
            }
        }
        let mut found: Vec<(String, String)> = Vec::new();
        let mut seen: HashSet<Vec<char>> = HashSet::new();
        for (k, i, offset, start) in matches {
            let name = &named[k];
            if start < offset {
                continue;
            }
            let s = start - offset;
            let e = s + name.len();
            if e > n || focus.is_some_and(|f| !f.meets(s, e)) {
                continue;
            }
            let candidate = &c[s..e];
            if candidate == name.as_slice() || known.contains(candidate) || !is_han(candidate[i]) {
                continue;
            }
            if candidate[..i] != name[..i] || candidate[i + 1..] != name[i + 1..] {
                continue;
            }
            let last = name.len() - 1;
            if (i == 0 && s > 0 && c[s - 1] == name[0]) || (i == last && e < n && c[e] == name[last]) {
                continue; // a character inserted next to the name's own (奥尔特曼 around 奥特曼)
            }
            if e < n && is_han(c[e]) {
                let after = c[e];
                let goes_on = if i == last {
                    !self.after_name.contains(&after) && !self.cue_starts.contains(&after)
                } else {
                    self.translit.contains(&after) && !self.after_name.contains(&after)
                };
                if goes_on {
                    continue; // the name goes on (阿莫代伊 beside 阿莫迪): longer, not one off
                }
            }
            if i > 0 && s > 0 && self.translit.contains(&c[s - 1]) {
                continue; // it starts earlier: 克伯格 of 扎克伯格
            }
            if seen.insert(candidate.to_vec()) {
                found.push((candidate.iter().collect(), names[k].clone()));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> Variants {
        Variants::new("的了是说周", "表说", "阿尔特曼奥德伊克伯格扎莫代迪")
    }

    fn names(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn one_character_off_a_name_the_text_writes() {
        let got = v().one_char_variants("奥尔特曼说，阿尔特曼认为。", &names(&["奥尔特曼"]), None);
        assert_eq!(got, vec![("阿尔特曼".to_string(), "奥尔特曼".to_string())]);
        let got = v().one_char_variants("英伟达与英维达", &names(&["英伟达"]), None);
        assert_eq!(got, vec![("英维达".to_string(), "英伟达".to_string())]);
    }

    #[test]
    fn a_longer_name_or_an_inserted_character_is_no_variant() {
        assert!(v().one_char_variants("阿莫迪和阿莫代伊", &names(&["阿莫迪"]), None).is_empty());
        assert!(v().one_char_variants("奥特曼和奥奥特曼", &names(&["奥特曼"]), None).is_empty());
        assert!(v().one_char_variants("扎克伯格", &names(&["克伯恩"]), None).is_empty());
    }

    #[test]
    fn focus_limits_the_places() {
        let text = "奥尔特曼说，阿尔特曼认为。";
        assert!(v().one_char_variants(text, &names(&["奥尔特曼"]), Some(&Focus::new(vec![(0, 4)]))).is_empty());
        assert_eq!(v().one_char_variants(text, &names(&["奥尔特曼"]), Some(&Focus::new(vec![(8, 9)]))).len(), 1);
    }
}
