//! Lines of a text as Python's `rules.textutil.lines` cuts them, with code-point offsets.

/// Whether `c` is whitespace for Python's `str.isspace` (and `\s` in a `re` pattern): Unicode's
/// White_Space, plus the information separators U+001C–U+001F, which Python counts and Rust's
/// `char::is_whitespace` does not.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// One line: `text` is the line without its break (a `\r` before the `\n` is left out too);
/// `start`, `end` and `next` are code-point offsets of the line, its end and the next line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// Every line of `text`, in order; a final line break opens no empty line after it.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0; // code points
    for piece in text.split_inclusive('\n') {
        let width = piece.chars().count();
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let has_break = body.len() != piece.len();
        let body = if has_break { body.strip_suffix('\r').unwrap_or(body) } else { body };
        let len = body.chars().count();
        out.push(Line { text: body, start: pos, end: pos + len, next: pos + width });
        pos += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_code_points_and_drop_the_break() {
        let got = lines("元宇宙\r\nab\n\nc");
        let spans: Vec<_> = got.iter().map(|l| (l.text, l.start, l.end, l.next)).collect();
        assert_eq!(spans, vec![("元宇宙", 0, 3, 5), ("ab", 5, 7, 8), ("", 8, 8, 9), ("c", 9, 10, 10)]);
        assert!(lines("").is_empty());
        assert_eq!(lines("x\n").len(), 1);
        assert_eq!(lines("\r").first().map(|l| l.text), Some("\r")); // a lone \r is no break
    }

    #[test]
    fn python_space_includes_the_separators() {
        assert!(is_python_space('\u{3000}') && is_python_space('\u{1f}') && is_python_space('\u{a0}'));
        assert!(!is_python_space('\u{200b}') && !is_python_space('x'));
    }
}
