//! The Python module `mtqa._core`: thin wrappers that turn Rust results into tuples of ints.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::latin_words::LatinWords;
use crate::name_spans::NameSpans;
use crate::script::ScriptScanner;
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

/// S001's scan: the document's script and the runs of the other one.
#[pyclass(name = "ScriptScanner", module = "mtqa._core", frozen)]
struct PyScriptScanner {
    inner: ScriptScanner,
}

#[pymethods]
impl PyScriptScanner {
    #[new]
    fn new(traditional: &str, simplified: &str, max_gap: usize) -> Self {
        PyScriptScanner { inner: ScriptScanner::new(traditional, simplified, max_gap) }
    }

    /// ("Hans" or "Hant", [(start, end)] of the other script's runs).
    fn scan(&self, text: &str) -> (&'static str, Vec<(usize, usize)>) {
        self.inner.scan(text)
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
    m.add_function(wrap_pyfunction!(_panic, m)?)?;
    Ok(())
}
