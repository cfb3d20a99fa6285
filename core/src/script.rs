//! A document's script (Simplified or Traditional) and the runs of characters of the other one:
//! S001's scan (Python: `mtqa/rules/locale.py`). Which characters belong to one script only comes
//! from OpenCC (`mtqa.script.script_chars`), handed over once.

const BASE: u32 = 0x4E00; // script_chars covers the CJK Unified Ideographs block
const SIZE: usize = 0xA000 - 0x4E00;

pub struct ScriptScanner {
    traditional: Vec<bool>, // Traditional-only characters
    simplified: Vec<bool>,  // Simplified-only characters
}

impl ScriptScanner {
    pub fn new(traditional: &str, simplified: &str) -> Self {
        let table = |chars: &str| {
            let mut t = vec![false; SIZE];
            for c in chars.chars() {
                if let Some(i) = (c as u32).checked_sub(BASE).filter(|&i| (i as usize) < SIZE) {
                    t[i as usize] = true;
                }
            }
            t
        };
        ScriptScanner { traditional: table(traditional), simplified: table(simplified) }
    }

    fn kind(&self, c: char) -> u8 {
        match (c as u32).checked_sub(BASE) {
            Some(i) if (i as usize) < SIZE => {
                if self.traditional[i as usize] {
                    1
                } else if self.simplified[i as usize] {
                    2
                } else {
                    0
                }
            }
            _ => 0,
        }
    }

    /// "Hant" when the text's Traditional-only characters outnumber its Simplified-only ones, else
    /// "Hans": what `scan` says, without the runs.
    pub fn main_script(&self, text: &str) -> &'static str {
        let (mut trad, mut simp) = (0usize, 0usize);
        for c in text.chars() {
            match self.kind(c) {
                1 => trad += 1,
                2 => simp += 1,
                _ => {}
            }
        }
        majority(trad, simp)
    }

    /// (`main_script`; the runs (start, end) of the other script's characters, those at most
    /// `max_gap` apart joined). Offsets are code points.
    pub fn scan(&self, text: &str, max_gap: usize) -> (&'static str, Vec<(usize, usize)>) {
        let (mut trad, mut simp) = (Vec::new(), Vec::new());
        for (i, c) in text.chars().enumerate() {
            match self.kind(c) {
                1 => trad.push(i),
                2 => simp.push(i),
                _ => {}
            }
        }
        let script = majority(trad.len(), simp.len());
        let foreign = if script == "Hant" { simp } else { trad };
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for i in foreign {
            match runs.last_mut() {
                Some(last) if i - last.1 <= max_gap => last.1 = i + 1,
                _ => runs.push((i, i + 1)),
            }
        }
        (script, runs)
    }
}

/// The script of a text with `trad` Traditional-only and `simp` Simplified-only characters: a tie
/// is Simplified.
fn majority(trad: usize, simp: usize) -> &'static str {
    if trad > simp { "Hant" } else { "Hans" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_majority_decides_and_the_minority_comes_in_runs() {
        let s = ScriptScanner::new("發億們說", "发亿们说");
        assert_eq!(s.scan("公司发布了新模型", 2), ("Hans", vec![]));
        assert_eq!(s.scan("们说发布發x億abc們", 2), ("Hans", vec![(4, 7), (10, 11)])); // a tie is Simplified
        assert_eq!(s.scan("们说发布發x億abc們", 0), ("Hans", vec![(4, 5), (6, 7), (10, 11)]));
        assert_eq!(s.scan("他們說发", 2), ("Hant", vec![(3, 4)]));
        assert_eq!(s.scan("發发", 2), ("Hans", vec![(0, 1)])); // a tie is Simplified
        assert_eq!(s.scan("", 2), ("Hans", vec![]));
    }

    #[test]
    fn the_main_script_counts_the_whole_text() {
        let s = ScriptScanner::new("發億們說", "发亿们说");
        for text in ["公司发布了新模型", "他們說发", "發发", "", "发".repeat(5000).as_str()] {
            assert_eq!(s.main_script(text), s.scan(text, 2).0);
        }
        // a Simplified head does not decide for a Traditional body
        assert_eq!(s.main_script(&("发".repeat(10) + &"們".repeat(11))), "Hant");
    }
}
