//! A document's text as Python indexes it: by code point. Automata and regular expressions run on
//! the UTF-8 bytes; `Text` turns their byte offsets into code-point offsets and back.

pub struct Text<'a> {
    pub str: &'a str,
    pub chars: Vec<char>,
    byte_of: Vec<usize>, // code point → its byte offset (and the length at the end)
}

impl<'a> Text<'a> {
    pub fn new(s: &'a str) -> Self {
        let mut chars = Vec::with_capacity(s.len());
        let mut byte_of = Vec::with_capacity(s.len() + 1);
        for (b, c) in s.char_indices() {
            chars.push(c);
            byte_of.push(b);
        }
        byte_of.push(s.len());
        Text { str: s, chars, byte_of }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The byte offset of code point `i` (`i` may be the length).
    pub fn byte(&self, i: usize) -> usize {
        self.byte_of[i]
    }

    /// The code point at byte offset `b`, which must start a character (or be the length).
    pub fn char_at_byte(&self, b: usize) -> usize {
        self.byte_of.partition_point(|&x| x < b)
    }

    /// Where `needle` last starts within chars[lo..hi], as Python's `str.rfind(needle, lo, hi)`.
    pub fn rfind(&self, needle: &[char], lo: usize, hi: usize) -> Option<usize> {
        let hi = hi.min(self.len());
        if needle.len() > hi.saturating_sub(lo) {
            return None;
        }
        (lo..=hi - needle.len()).rev().find(|&i| &self.chars[i..i + needle.len()] == needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_go_both_ways() {
        let t = Text::new("a杨·𠀀b");
        assert_eq!(t.len(), 5);
        assert_eq!((0..=5).map(|i| t.byte(i)).collect::<Vec<_>>(), vec![0, 1, 4, 6, 10, 11]);
        assert_eq!((0..=5).map(|i| t.char_at_byte(t.byte(i))).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(t.rfind(&['·'], 0, 5), Some(2));
        assert_eq!(t.rfind(&['b'], 0, 4), None);
        assert_eq!(Text::new("").rfind(&['x'], 0, 0), None);
    }
}
