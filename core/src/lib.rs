//! mtqa's compiled core: scans that run over every character of a document.
//!
//! Python keeps the rules (codes, messages, thresholds, fixes); the core finds, in one pass over
//! the text, the places they decide on, and hands back compact results: character offsets (as
//! Python counts them, in code points) and pattern indexes. `python.rs` is the only file that knows
//! about Python; everything else is plain Rust, tested with `cargo test`.

pub mod glossary_scan;
pub mod latin_words;
pub mod lines;
pub mod name_spans;
pub mod script;
pub mod sound;
pub mod spam;
pub mod text;
pub mod variants;

#[cfg(feature = "python")]
mod python;
