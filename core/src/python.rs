//! The Python module `mtqa._core`: thin wrappers that turn Rust results into tuples of ints.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use std::sync::Arc;

use crate::glossary_scan::{GlossaryScanner, Match, Pattern, SlowHit, ZH_CN, ZH_HK, ZH_TW};
use crate::latin_words::LatinWords;
use crate::text::Text;
use crate::name_spans::NameSpans;
use crate::script::ScriptScanner;
use crate::sound::{CodedNames, SoundCoder};
use crate::spam::SpamScanner;
use crate::variants::{Focus, Variants};

/// A004's line scanner, built once from the word lists of `mtqa/data/spam_words.txt`.
#[pyclass(name = "SpamScanner", module = "mtqa._core", frozen)]
struct PySpamScanner {
    inner: SpamScanner,
}

#[pymethods]
impl PySpamScanner {
    #[new]
    fn new(strong: Vec<String>, weak: Vec<String>) -> PyResult<Self> {
        SpamScanner::new(&strong, &weak).map(|inner| PySpamScanner { inner }).map_err(PyValueError::new_err)
    }

    fn any_strong(&self, text: &str) -> bool {
        self.inner.any_strong(text)
    }

    /// [(start, end, next, strong ids, weak ids, list items)] of the lines that may be spam.
    #[pyo3(signature = (text, words_in=None))]
    fn scan(&self, text: &str, words_in: Option<&str>)
            -> PyResult<Vec<(usize, usize, usize, Vec<usize>, Vec<usize>, usize)>> {
        let found = self.inner.scan(text, words_in).map_err(PyValueError::new_err)?;
        Ok(found.into_iter().map(|l| (l.start, l.end, l.next, l.strong, l.weak, l.items)).collect())
    }
}

/// Where names stand (N002, N003), built once from the cue words of `mtqa/data/name_cues.txt`.
#[pyclass(name = "NameSpans", module = "mtqa._core", frozen)]
struct PyNameSpans {
    inner: NameSpans,
}

#[pymethods]
impl PyNameSpans {
    #[new]
    fn new(titles: Vec<String>, cues: Vec<String>, adverbs: Vec<String>, conjunctions: &str) -> PyResult<Self> {
        NameSpans::new(&titles, &cues, &adverbs, conjunctions).map(|inner| PyNameSpans { inner }).map_err(PyValueError::new_err)
    }

    /// [[(start, end), …], …]: groups of alternative spans where one name may stand, longest first.
    fn candidate_groups(&self, folded: &str) -> Vec<Vec<(usize, usize)>> {
        self.inner.candidate_groups(folded)
    }

    /// [(start, end, latin)] of Chinese runs glossed by a bracketed Latin name.
    fn glossed(&self, folded: &str) -> Vec<(usize, usize, String)> {
        self.inner.glossed(folded)
    }

    /// [(start, end, parts)] of dotted names.
    fn dotted_names(&self, folded: &str) -> Vec<(usize, usize, Vec<String>)> {
        self.inner.dotted_names(folded).into_iter().map(|d| (d.start, d.end, d.parts)).collect()
    }
}

/// One-character variants of the names a text writes (N002, N003).
#[pyclass(name = "Variants", module = "mtqa._core", frozen)]
struct PyVariants {
    inner: Variants,
}

#[pymethods]
impl PyVariants {
    #[new]
    fn new(after_name: &str, cue_starts: &str, translit: &str) -> Self {
        PyVariants { inner: Variants::new(after_name, cue_starts, translit) }
    }

    /// [(variant, name)] in the order found; `focus`: spans [(start, end)] to look at, or None.
    #[pyo3(signature = (folded, names, focus=None))]
    fn one_char_variants(&self, folded: &str, names: Vec<String>, focus: Option<Vec<(usize, usize)>>)
            -> Vec<(String, String)> {
        let focus = focus.map(Focus::new);
        self.inner.one_char_variants(folded, &names, focus.as_ref())
    }
}

/// A document's script (`mtqa.script.detect_script`) and, for S001, the runs of the other one.
#[pyclass(name = "ScriptScanner", module = "mtqa._core", frozen)]
struct PyScriptScanner {
    inner: ScriptScanner,
}

#[pymethods]
impl PyScriptScanner {
    #[new]
    fn new(traditional: &str, simplified: &str) -> Self {
        PyScriptScanner { inner: ScriptScanner::new(traditional, simplified) }
    }

    /// "Hans" or "Hant": which script's own characters the whole text has more of.
    fn main_script(&self, text: &str) -> &'static str {
        self.inner.main_script(text)
    }

    /// ("Hans" or "Hant", [(start, end)] of the other script's runs, at most `max_gap` apart joined).
    fn scan(&self, text: &str, max_gap: usize) -> (&'static str, Vec<(usize, usize)>) {
        self.inner.scan(text, max_gap)
    }
}

/// How common English words are, and the typing slips of them (N004, A012).
#[pyclass(name = "LatinWords", module = "mtqa._core", frozen)]
struct PyLatinWords {
    inner: LatinWords,
}

#[pymethods]
impl PyLatinWords {
    #[new]
    fn new(list: &str, rows: Vec<(String, f32)>, vowels: &str) -> PyResult<Self> {
        LatinWords::new(list, &rows, vowels).map(|inner| PyLatinWords { inner }).map_err(PyValueError::new_err)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// The Zipf frequency of a lower-case word, or None when it is rarer than the list goes.
    fn zipf(&self, word: &str) -> Option<f32> {
        self.inner.zipf(word)
    }

    /// (word, slip, zipf) of the commonest word one typing slip away from `token`, or None.
    fn best_slip(&self, token: &str, min_zipf: f32) -> Option<(String, &'static str, f32)> {
        self.inner.best_slip(token, min_zipf).map(|(w, slip, z)| (w, slip.name(), z))
    }
}

/// One pattern's row of `Matcher._core_rows` (built in `__post_init__`, cached with the matcher).
type PatternRow = (bool, bool, bool, bool, bool, bool, u8, bool, Vec<(u32, u32)>, Vec<u32>, Vec<u32>, Vec<u32>);

/// The glossary's automaton and per-pattern tables (glossary_scan.rs), built once per glossary.
#[pyclass(name = "GlossaryScanner", module = "mtqa._core", frozen)]
struct PyGlossaryScanner {
    inner: Arc<GlossaryScanner>,
}

#[pymethods]
impl PyGlossaryScanner {
    /// `rows`: per key, (fast, loud, latin_start, latin_end, thing, accepted_latin, regions,
    /// regional, rendering, concepts, explicit, accepted); `dots`: every spelling of the middle dot.
    #[new]
    fn new(keys: Vec<String>, rows: Vec<PatternRow>, dots: &str) -> PyResult<Self> {
        let patterns = rows
            .into_iter()
            .map(|(fast, loud, latin_start, latin_end, thing, accepted_latin, regions, regional, rendering, concepts,
                   explicit, accepted)| Pattern {
                fast, loud, latin_start, latin_end, thing, accepted_latin, regions, regional, rendering, concepts,
                explicit, accepted,
            })
            .collect();
        GlossaryScanner::new(&keys, patterns, dots)
            .map(|s| PyGlossaryScanner { inner: Arc::new(s) })
            .map_err(PyValueError::new_err)
    }

    /// The raw matches of `folded` (the folded `text`), checked against `text` and the sorted `urls`.
    fn scan(&self, text: &str, folded: &str, urls: Vec<(u32, u32)>) -> PyResult<PyGlossaryScan> {
        let chars: Vec<char> = text.chars().collect();
        let folded = Text::new(folded);
        if folded.len() != chars.len() {
            return Err(PyValueError::new_err("the folded text must be as long as the text"));
        }
        let matches = self.inner.find(&folded);
        Ok(PyGlossaryScan { scanner: Arc::clone(&self.inner), matches, chars, urls })
    }
}

fn triples(matches: impl IntoIterator<Item = Match>) -> Vec<(u32, u32, u32)> {
    matches.into_iter().map(|m| (m.pid, m.start, m.end)).collect()
}

/// One document's raw matches, kept in the core; Python asks for the few it needs.
#[pyclass(name = "GlossaryScan", module = "mtqa._core", frozen)]
struct PyGlossaryScan {
    scanner: Arc<GlossaryScanner>,
    matches: Vec<Match>,
    chars: Vec<char>,
    urls: Vec<(u32, u32)>,
}

#[pymethods]
impl PyGlossaryScan {
    fn __len__(&self) -> usize {
        self.matches.len()
    }

    /// [(pid, start, end)] of every raw match.
    fn matches(&self) -> Vec<(u32, u32, u32)> {
        triples(self.matches.iter().copied())
    }

    /// [(pid, start, end)] of the matches of patterns that need the slow path.
    fn slow(&self) -> Vec<(u32, u32, u32)> {
        triples(self.matches.iter().copied().filter(|m| !self.scanner.pattern(m.pid).fast))
    }

    /// [(pid, start, end)] of the fast matches rules may report on; `slow`: the slow path's hits
    /// as (concept, rendering key, is an acronym); `locale`: None, "zh-CN", "zh-TW" or "zh-HK".
    #[pyo3(signature = (slow, all_hits, locale=None))]
    fn select(&self, slow: Vec<(u32, u32, bool)>, all_hits: bool, locale: Option<&str>) -> Vec<(u32, u32, u32)> {
        let slow: Vec<SlowHit> = slow.into_iter().map(|(concept, key, short)| SlowHit { concept, key, short }).collect();
        let locale = match locale {
            None => 0,
            Some("zh-TW") => ZH_TW,
            Some("zh-HK") => ZH_HK,
            Some("zh-CN") => ZH_CN,
            Some(_) => u8::MAX, // another locale: no region's forms are kept for it
        };
        triples(self.scanner.select(&self.matches, &self.chars, &slow, all_hits, locale, &self.urls))
    }

    /// Sorted, distinct concepts that the text names with an explicit term.
    fn explicit_concepts(&self) -> Vec<u32> {
        let mut out: Vec<u32> = self.matches.iter().flat_map(|m| self.scanner.pattern(m.pid).explicit.iter().copied()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// [(pid, start, end)] of the accepted Latin matches on word boundaries, outside addresses.
    fn latin(&self) -> Vec<(u32, u32, u32)> {
        triples(self.scanner.latin(&self.matches, &self.chars, &self.urls))
    }

    /// [(pid, start, end)] of the matches of accepted terms.
    fn accepted(&self) -> Vec<(u32, u32, u32)> {
        triples(self.matches.iter().copied().filter(|m| !self.scanner.pattern(m.pid).accepted.is_empty()))
    }

    /// Whether an accepted form of a concept other than `concept` is within `window` of [start, end).
    fn near_other(&self, start: u32, end: u32, concept: u32, window: u32) -> bool {
        self.scanner.near_other(&self.matches, start, end, concept, window)
    }
}

/// Sound coding (sound.rs) with the coded glossary names (N002) and known names (N005).
#[pyclass(name = "Sounds", module = "mtqa._core", frozen)]
struct PySounds {
    coder: SoundCoder,
    names: CodedNames,
    known: CodedNames,
}

#[pymethods]
impl PySounds {
    /// `readings`: `<code point> <syllable>,…` lines; `syllables` in id order; `level`: exact or
    /// fuzzy; `names`, `known`: the coded glossary names and known names.
    #[new]
    fn new(readings: &str, syllables: Vec<String>, level: &str, names: Vec<String>, known: Vec<String>) -> PyResult<Self> {
        let fuzzy = match level {
            "exact" => false,
            "fuzzy" => true,
            _ => return Err(PyValueError::new_err(format!("sound-alike level must be exact or fuzzy, not {level:?}"))),
        };
        let coder = SoundCoder::new(readings, &syllables, fuzzy).map_err(PyValueError::new_err)?;
        Ok(PySounds { coder, names: CodedNames::new(&names), known: CodedNames::new(&known) })
    }

    /// The text coded by every character's commonest reading.
    fn encode(&self, text: &str) -> String {
        self.coder.encode(&text.chars().collect::<Vec<_>>())
    }

    /// Per group of spans of `folded`: [(start, end, coding)] of the spans whose first two
    /// characters may start a glossary name and one of whose codings is one (the first such).
    fn name_candidates(&self, folded: &str, groups: Vec<Vec<(usize, usize)>>) -> PyResult<Vec<Vec<(usize, usize, String)>>> {
        let c: Vec<char> = folded.chars().collect();
        groups
            .iter()
            .map(|group| {
                let mut out = Vec::new();
                for &(s, e) in group {
                    if e > c.len() || s + 2 > e {
                        return Err(PyValueError::new_err(format!("span ({s}, {e}) is no name span of the text")));
                    }
                    if self.names.may_start(&self.coder, c[s], c[s + 1]) {
                        if let Some(coding) = self.names.first_coded(&self.coder, &c[s..e]) {
                            out.push((s, e, coding));
                        }
                    }
                }
                Ok(out)
            })
            .collect()
    }

    /// Per group of spans of `folded`: the indexes of the spans (two characters or more) whose
    /// first two characters, in any reading, may start a known name's coding.
    fn known_starts(&self, folded: &str, groups: Vec<Vec<(usize, usize)>>) -> Vec<Vec<usize>> {
        let c: Vec<char> = folded.chars().collect();
        groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .enumerate()
                    .filter(|&(_, &(s, e))| s + 2 <= e && e <= c.len() && self.known.may_start(&self.coder, c[s], c[s + 1]))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect()
    }
}

/// Panics with `message`: how the tests make sure a panic in the core reaches the user as an error
/// naming the file, not an abort.
#[pyfunction]
fn _panic(message: &str) {
    panic!("{}", message);
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // A panic reaches Python as a PanicException with its message, which mtqa reports as an error
    // naming the file; Rust's default hook would also print a backtrace on stderr.
    std::panic::set_hook(Box::new(|_| {}));
    m.add_class::<PySpamScanner>()?;
    m.add_class::<PyNameSpans>()?;
    m.add_class::<PyVariants>()?;
    m.add_class::<PyScriptScanner>()?;
    m.add_class::<PyLatinWords>()?;
    m.add_class::<PyGlossaryScanner>()?;
    m.add_class::<PyGlossaryScan>()?;
    m.add_class::<PySounds>()?;
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    Ok(())
}
