//! Sound coding for N002 and N005 (mtqa/phonetics.py `SoundCoder`, mtqa/sound_index.py): every
//! Chinese character becomes a private-use character standing for its toneless syllable, one per
//! reading, commonest first; a character without a reading stands for itself. The reading table
//! is pypinyin's, handed over once as text; the fuzzy level merges zh/z, ch/c, sh/s, n/l and
//! -ang/-an, -eng/-en, -ing/-in, as `phonetics.fuzzy` does.
//!
//! What runs here is the per-span work of the rules' loops over name positions: whether a span's
//! first two characters can start a coded name (in any reading), and its codings.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

pub const PUA: u32 = 0xF0000;
/// Codings of a span over its heteronyms' readings: at most this many (phonetics.encode_all).
pub const MAX_CODINGS: usize = 16;

const FUZZY_INITIALS: [(&str, &str); 4] = [("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l")];
const FUZZY_FINALS: [(&str, &str); 3] = [("ang", "an"), ("eng", "en"), ("ing", "in")];

pub fn fuzzy(syllable: &str) -> String {
    let mut s = syllable.to_string();
    for (a, b) in FUZZY_INITIALS {
        if let Some(rest) = s.strip_prefix(a) {
            s = format!("{b}{rest}");
            break;
        }
    }
    for (a, b) in FUZZY_FINALS {
        if let Some(head) = s.strip_suffix(a) {
            return format!("{head}{b}");
        }
    }
    s
}

pub struct SoundCoder {
    // Per code point below 0x10000 (the table's blocks are all in the BMP): where its codes start
    // in `flat` and how many there are (0: no reading).
    index: Vec<(u32, u8)>,
    flat: Vec<char>,
}

impl SoundCoder {
    /// `readings`: one line per character, `<code point> <syllable>,<syllable>…` (commonest
    /// first); `syllables`: every syllable in id order; `fuzzy_level`: merge the fuzzy classes.
    pub fn new(readings: &str, syllables: &[String], fuzzy_level: bool) -> Result<Self, String> {
        let ids: HashMap<&str, u32> = syllables.iter().enumerate().map(|(i, s)| (s.as_str(), i as u32)).collect();
        let mut index = vec![(0u32, 0u8); 0x10000];
        let mut flat = Vec::new();
        for (n, line) in readings.lines().enumerate() {
            let bad = || format!("readings line {}: {line:?}", n + 1);
            let (cp, syls) = line.split_once(' ').ok_or_else(bad)?;
            let ch = cp.parse::<u32>().ok().and_then(char::from_u32).ok_or_else(bad)?;
            let mut out: Vec<char> = Vec::new();
            for syl in syls.split(',') {
                let own = *ids.get(syl).ok_or_else(bad)?;
                let id = if fuzzy_level { ids.get(fuzzy(syl).as_str()).copied().unwrap_or(own) } else { own };
                let code = char::from_u32(PUA + id).ok_or_else(bad)?;
                if !out.contains(&code) {
                    out.push(code);
                }
            }
            if ch as usize >= index.len() || out.len() > u8::MAX as usize {
                return Err(bad());
            }
            index[ch as usize] = (flat.len() as u32, out.len() as u8);
            flat.extend(out);
        }
        Ok(SoundCoder { index, flat })
    }

    /// The codes of a character, one per reading (commonest first); None when it has no reading
    /// (it then stands for itself).
    pub fn codes(&self, c: char) -> Option<&[char]> {
        match self.index.get(c as usize) {
            Some(&(start, n)) if n > 0 => Some(&self.flat[start as usize..start as usize + n as usize]),
            _ => None,
        }
    }

    fn first(&self, c: char) -> char {
        self.codes(c).map_or(c, |v| v[0])
    }

    /// The text with every character coded by its commonest reading.
    pub fn encode(&self, text: &[char]) -> String {
        text.iter().map(|&c| self.first(c)).collect()
    }

    /// Every coding over the readings, in phonetics.encode_all's order, at most `MAX_CODINGS`.
    pub fn encode_all(&self, text: &[char]) -> Vec<String> {
        let mut codings: Vec<String> = vec![String::new()];
        for &c in text {
            let own = [c];
            let codes: &[char] = self.codes(c).unwrap_or(&own[..]);
            let mut next = Vec::with_capacity(MAX_CODINGS);
            'all: for coding in &codings {
                for &code in codes {
                    if next.len() == MAX_CODINGS {
                        break 'all;
                    }
                    let mut s = coding.clone();
                    s.push(code);
                    next.push(s);
                }
            }
            codings = next;
        }
        codings
    }
}

/// Coded names and what their first two codes are, for the name-position loops of N002 and N005.
pub struct CodedNames {
    names: FxHashSet<Vec<char>>,
    prefixes: FxHashSet<(char, char)>,
    lengths: Vec<bool>, // lengths[n]: some coded name has n characters
}

impl CodedNames {
    pub fn new(coded: &[String]) -> Self {
        let prefixes = coded
            .iter()
            .filter_map(|k| {
                let mut cs = k.chars();
                Some((cs.next()?, cs.next()?))
            })
            .collect();
        let mut lengths = Vec::new();
        for k in coded {
            let n = k.chars().count();
            if lengths.len() <= n {
                lengths.resize(n + 1, false);
            }
            lengths[n] = true;
        }
        CodedNames { names: coded.iter().map(|k| k.chars().collect()).collect(), prefixes, lengths }
    }

    /// Whether two characters, in any reading, can be a coded name's first two.
    pub fn may_start(&self, coder: &SoundCoder, a: char, b: char) -> bool {
        let (own_a, own_b) = ([a], [b]);
        let ca: &[char] = coder.codes(a).unwrap_or(&own_a[..]);
        let cb: &[char] = coder.codes(b).unwrap_or(&own_b[..]);
        ca.iter().any(|&x| cb.iter().any(|&y| self.prefixes.contains(&(x, y))))
    }

    /// The first coding of `text` (encode_all's order) that is a coded name. The codings are
    /// walked in that order without building them all: encode_all's order is the product of the
    /// readings in lexicographic order, and cutting it at MAX_CODINGS after each character keeps
    /// its first MAX_CODINGS.
    pub fn first_coded(&self, coder: &SoundCoder, text: &[char]) -> Option<String> {
        if !self.lengths.get(text.len()).copied().unwrap_or(false) {
            return None; // no name is this long
        }
        let own: Vec<[char; 1]> = text.iter().map(|&c| [c]).collect();
        let codes: Vec<&[char]> = text.iter().zip(&own).map(|(&c, o)| coder.codes(c).unwrap_or(&o[..])).collect();
        let mut pick = vec![0usize; text.len()];
        let mut buf: Vec<char> = codes.iter().map(|c| c[0]).collect();
        for _ in 0..MAX_CODINGS {
            if self.names.contains(buf.as_slice()) {
                return Some(buf.iter().collect());
            }
            // the next coding: the last character that has another reading takes it
            let mut i = text.len();
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                if pick[i] + 1 < codes[i].len() {
                    pick[i] += 1;
                    buf[i] = codes[i][pick[i]];
                    break;
                }
                pick[i] = 0;
                buf[i] = codes[i][0];
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coder(fuzzy_level: bool) -> SoundCoder {
        let syllables: Vec<String> = ["bai", "bo", "kun", "li", "yang", "zhang", "zang", "zan"].iter().map(|s| s.to_string()).collect();
        let readings = format!("{} yang\n{} li\n{} kun\n{} kun\n{} bo,bai\n{} zhang\n",
                               '杨' as u32, '立' as u32, '昆' as u32, '坤' as u32, '柏' as u32, '张' as u32);
        SoundCoder::new(&readings, &syllables, fuzzy_level).unwrap()
    }

    #[test]
    fn homophones_code_alike_and_other_characters_stand_for_themselves() {
        let c = coder(false);
        let a: Vec<char> = "杨立昆".chars().collect();
        let b: Vec<char> = "杨立坤".chars().collect();
        assert_eq!(c.encode(&a), c.encode(&b));
        assert_eq!(c.encode(&['x', '杨']).chars().next(), Some('x'));
        assert_eq!(c.encode_all(&['柏', '立']).len(), 2);
        assert_eq!(c.encode_all(&['柏'; 6]).len(), MAX_CODINGS);
    }

    #[test]
    fn the_fuzzy_level_merges_classes() {
        assert_eq!(fuzzy("zhang"), "zan");
        assert_eq!(fuzzy("ning"), "lin");
        assert_eq!(fuzzy("bo"), "bo");
        assert_ne!(coder(false).codes('张'), coder(true).codes('张'));
        assert_eq!(coder(false).codes('x'), None);
    }

    #[test]
    fn names_start_by_any_reading() {
        let c = coder(false);
        let names = CodedNames::new(&[c.encode(&['柏', '立']).replace(c.first('柏'), &c.codes('柏').unwrap()[1].to_string())]);
        assert!(names.may_start(&c, '柏', '立'));
        assert!(!names.may_start(&c, '杨', '立'));
        assert_eq!(names.first_coded(&c, &['柏', '立']).map(|s| s.chars().count()), Some(2));
    }

    #[test]
    fn the_first_coded_name_in_encode_all_order() {
        let c = coder(false);
        let bo = ['柏', '柏', '柏', '柏', '柏'];
        let all = c.encode_all(&bo);
        for (n, coding) in all.iter().enumerate() {
            let names = CodedNames::new(&[coding.clone(), all[all.len() - 1].clone()]);
            assert_eq!(names.first_coded(&c, &bo).as_ref(), Some(&all[n.min(all.len() - 1)]));
        }
        // past the first MAX_CODINGS: none
        let six = ['柏'; 6];
        let last: String = c.codes('柏').unwrap()[1].to_string().repeat(6);
        assert!(!c.encode_all(&six).contains(&last));
        assert_eq!(CodedNames::new(&[last]).first_coded(&c, &six), None);
    }

    #[test]
    fn a_bad_table_is_an_error() {
        assert!(SoundCoder::new("x yang\n", &["yang".to_string()], false).is_err());
        assert!(SoundCoder::new("26472 nope\n", &["yang".to_string()], false).is_err());
    }
}
