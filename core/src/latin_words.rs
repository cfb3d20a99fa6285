//! How common English words are, and the slips of a typist that turn a common word into a rare
//! one (Micorsoft, Zuckerburg, Jonh): the lookups of N004 and A012. Python:
//! `mtqa/rules/latin_words.py`, which holds the thresholds and explains them; the data is
//! `mtqa/data/latin_words.txt` (from wordfreq) and `mtqa/data/typing.txt`.

use std::collections::HashSet;

pub struct LatinWords {
    list: String,             // the list's text, sorted by word
    lines: Vec<(u32, u32, u32)>, // (word start, tab, line end) of each word's line, in order
    neighbours: [u32; 26], // letter → bit set of the letters on neighbouring keys
    vowels: u32,
}

/// A slip that would have turned `word` into the token: which kind, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    Swapped,  // two neighbouring letters swapped (Micorsoft)
    Replaced, // a letter typed for a neighbouring key's, or a vowel for a vowel (Zuckerburg)
    Dropped,  // a letter left out (Nvdia)
    Added,    // a letter typed twice, or a neighbouring key's typed too (Microsofft)
}

impl Slip {
    pub fn name(self) -> &'static str {
        match self {
            Slip::Swapped => "swapped",
            Slip::Replaced => "replaced",
            Slip::Dropped => "dropped",
            Slip::Added => "added",
        }
    }
}

fn bit(c: u8) -> u32 {
    if c.is_ascii_lowercase() { 1 << (c - b'a') } else { 0 }
}

impl LatinWords {
    /// `list`: lines of word<TAB>zipf (`#` lines are comments); `rows`: the keyboard's letter rows,
    /// top first, with their offsets in key widths; `vowels`: letters a misspelling by sound swaps.
    pub fn new(list: &str, rows: &[(String, f32)], vowels: &str) -> Result<Self, String> {
        // Read without a map: the list is sorted, so a word is found by bisection over its lines
        // (building a hash map of 90,000 words took 12 ms of a commit hook's run; this takes 1).
        let mut lines = Vec::with_capacity(100_000);
        let mut pos = 0usize;
        let mut previous: Option<&str> = None;
        for (n, line) in list.split_inclusive('\n').enumerate() {
            let start = pos;
            pos += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            let tab = body.find('\t').ok_or_else(|| format!("line {}: no tab in {body:?}", n + 1))?;
            let (word, z) = (&body[..tab], &body[tab + 1..]);
            if z.trim().parse::<f32>().is_err() {
                return Err(format!("line {}: {z:?} is no number", n + 1));
            }
            if previous.is_some_and(|p| p >= word) {
                return Err(format!("line {}: {word:?} is out of order (the list must be sorted)", n + 1));
            }
            previous = Some(word);
            lines.push((start as u32, (start + tab) as u32, (start + body.len()) as u32));
        }
        let mut at: Vec<(u8, usize, f32)> = Vec::new(); // (letter, row, x)
        for (r, (letters, offset)) in rows.iter().enumerate() {
            for (i, c) in letters.bytes().enumerate() {
                at.push((c.to_ascii_lowercase(), r, offset + i as f32));
            }
        }
        let mut neighbours = [0u32; 26];
        for &(a, ra, xa) in &at {
            for &(b, rb, xb) in &at {
                let dx = (xa - xb).abs();
                let touch = (ra == rb && (dx - 1.0).abs() < 1e-3) || (ra.abs_diff(rb) == 1 && dx <= 0.75 + 1e-3);
                if a != b && touch && a.is_ascii_lowercase() {
                    neighbours[(a - b'a') as usize] |= bit(b);
                }
            }
        }
        Ok(LatinWords { list: list.to_string(), lines, neighbours, vowels: vowels.bytes().map(bit).fold(0, |a, b| a | b) })
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The Zipf frequency of a lower-case word, or None when the list does not have it (rarer).
    pub fn zipf(&self, word: &str) -> Option<f32> {
        let at = |&(s, t, _): &(u32, u32, u32)| &self.list[s as usize..t as usize];
        let i = self.lines.binary_search_by(|line| at(line).cmp(word)).ok()?;
        let (_, t, e) = self.lines[i];
        self.list[t as usize + 1..e as usize].trim().parse().ok()
    }

    fn near(&self, a: u8, b: u8) -> bool {
        let (ba, bb) = (bit(a), bit(b));
        (ba & self.vowels != 0 && bb & self.vowels != 0) || (a.is_ascii_lowercase() && self.neighbours[(a - b'a') as usize] & bb != 0)
    }

    /// Words one slip away from `token` (lower-case ASCII letters): every word the token could be a
    /// slip of, with the slip. The first letter is never the slip (typists rarely miss it, and a
    /// rare name one first letter away from a word is common: Qwen, Owen); a letter replaced,
    /// dropped or added is never the last either (Groq is no grow, Computex no computed), and
    /// such slips need five letters or more.
    pub fn slips_of(&self, token: &str) -> Vec<(String, Slip)> {
        let t = token.as_bytes();
        let n = t.len();
        let mut out: Vec<(String, Slip)> = Vec::new();
        if n < 4 || !t.iter().all(u8::is_ascii_lowercase) {
            return out;
        }
        let mut seen: HashSet<Vec<u8>> = HashSet::new();
        let mut keep = |w: Vec<u8>, slip: Slip, out: &mut Vec<(String, Slip)>| {
            if w != t && seen.insert(w.clone()) {
                let w = String::from_utf8(w).expect("ASCII letters");
                if self.zipf(&w).is_some() {
                    out.push((w, slip));
                }
            }
        };
        for i in 1..n - 1 {
            if t[i] != t[i + 1] {
                let mut w = t.to_vec();
                w.swap(i, i + 1);
                keep(w, Slip::Swapped, &mut out);
            }
        }
        if n < 5 {
            return out;
        }
        for i in 1..n - 1 {
            for c in b'a'..=b'z' {
                if c != t[i] && self.near(t[i], c) {
                    let mut w = t.to_vec();
                    w[i] = c;
                    keep(w, Slip::Replaced, &mut out);
                }
            }
        }
        for i in 1..n {
            for c in b'a'..=b'z' {
                let mut w = t.to_vec();
                w.insert(i, c);
                keep(w, Slip::Dropped, &mut out);
            }
        }
        for i in 1..n - 1 {
            let extra = t[i];
            if extra == t[i - 1] || self.near_key(extra, t[i - 1]) || self.near_key(extra, t[i + 1]) {
                let mut w = t.to_vec();
                w.remove(i);
                keep(w, Slip::Added, &mut out);
            }
        }
        out
    }

    fn near_key(&self, a: u8, b: u8) -> bool {
        a.is_ascii_lowercase() && self.neighbours[(a - b'a') as usize] & bit(b) != 0
    }

    /// The commonest word one slip away from `token`, if it is at least `min_zipf` common.
    pub fn best_slip(&self, token: &str, min_zipf: f32) -> Option<(String, Slip, f32)> {
        let mut best: Option<(String, Slip, f32)> = None;
        for (w, slip) in self.slips_of(token) {
            let z = self.zipf(&w).expect("a word of the list");
            if z >= min_zipf && best.as_ref().is_none_or(|b| z > b.2) {
                best = Some((w, slip, z));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> LatinWords {
        let rows = vec![("qwertyuiop".to_string(), 0.0), ("asdfghjkl".to_string(), 0.25), ("zxcvbnm".to_string(), 0.75)];
        let mut list: Vec<&str> = vec!["microsoft\t4.36", "john\t5.38", "zuckerberg\t3.26", "nvidia\t3.25", "owen\t4.05",
                                       "grow\t4.90", "lavish\t3.42", "wen\t3.49"];
        list.sort();
        let list = format!("# comment\n{}\n", list.join("\n"));
        LatinWords::new(&list, &rows, "aeiouy").unwrap()
    }

    #[test]
    fn a_slip_of_a_common_word_is_found() {
        let w = words();
        assert_eq!(w.best_slip("micorsoft", 3.0).map(|b| (b.0, b.1)), Some(("microsoft".into(), Slip::Swapped)));
        assert_eq!(w.best_slip("jonh", 3.0).map(|b| b.0), Some("john".into()));
        assert_eq!(w.best_slip("zuckerburg", 3.0).map(|b| (b.0, b.1)), Some(("zuckerberg".into(), Slip::Replaced)));
        assert_eq!(w.best_slip("nvdia", 3.0).map(|b| (b.0, b.1)), Some(("nvidia".into(), Slip::Dropped)));
        assert_eq!(w.best_slip("microsofft", 3.0).map(|b| (b.0, b.1)), Some(("microsoft".into(), Slip::Added)));
    }

    #[test]
    fn first_and_last_letters_and_far_keys_are_no_slips() {
        let w = words();
        assert_eq!(w.best_slip("qwen", 3.0), None); // Owen: the first letter
        assert_eq!(w.best_slip("groq", 3.0), None); // grow: the last letter
        assert_eq!(w.best_slip("ladish", 3.0), None); // lavish: d and v are not neighbours
        assert_eq!(w.best_slip("microsoft", 3.0), None); // a word is no slip of itself
        assert_eq!(w.best_slip("micorsoft", 5.0), None); // not common enough
    }

    #[test]
    fn the_keyboard_is_staggered() {
        let w = words();
        assert!(w.near_key(b's', b'e') && w.near_key(b'x', b'd') && w.near_key(b'a', b'q'));
        assert!(!w.near_key(b'd', b'v') && !w.near_key(b'q', b's'));
    }

    #[test]
    fn a_bad_line_is_an_error_naming_it() {
        let err = LatinWords::new("ok\t3.0\nbroken\n", &[], "").err().unwrap();
        assert!(err.contains("line 2"), "{err}");
        let err = LatinWords::new("b\t3.0\na\t2.0\n", &[], "").err().unwrap();
        assert!(err.contains("line 2") && err.contains("order"), "{err}");
        assert_eq!(LatinWords::new("a\t3.5\r\nb\t2\n", &[], "").unwrap().zipf("a"), Some(3.5));
    }
}
